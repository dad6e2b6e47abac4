/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('with_sql', { id: 'id' });
  pgm.sql('INSERT INTO with_sql DEFAULT VALUES');
};
