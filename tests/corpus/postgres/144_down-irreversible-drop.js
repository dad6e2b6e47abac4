/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('t144', { id: 'id' });
  pgm.dropTable('t144');
};
