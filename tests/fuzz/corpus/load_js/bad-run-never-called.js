exports.up = (pgm, run) => {
  pgm.createTable('never', { id: 'id' });
};
