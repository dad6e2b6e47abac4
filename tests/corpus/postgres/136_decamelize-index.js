/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('myTable', ['userId', 'createdAt']);
  pgm.createIndex({ schema: 'mySchema', name: 'myTable' }, 'HTMLBody', { unique: true });
  pgm.createIndex('myTable', 'lower(HTMLBody)');
  pgm.createIndex('myTable', 'userId', { name: 'myIndexName' });
};
