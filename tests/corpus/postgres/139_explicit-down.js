/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('explicit', { id: 'id' });
  pgm.sql('INSERT INTO explicit DEFAULT VALUES');
};

exports.down = (pgm) => {
  pgm.dropTable('explicit', { cascade: true });
};
