exports.up = (pgm, run) => {
  pgm.createTable('cb', { id: 'id' });
  run();
  pgm.sql('after run');
};
exports.down = (pgm, extra, third) => {
  pgm.dropTable('cb', extra);
};
