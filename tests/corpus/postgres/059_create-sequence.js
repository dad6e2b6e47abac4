/* eslint-disable */
exports.up = (pgm) => {
  pgm.createSequence('seq_all', {
    type: 'int',
    increment: 2,
    minvalue: 10,
    maxvalue: 10000,
    start: 20,
    cache: 5,
    cycle: true,
    owner: 'users.id',
    ifNotExists: true,
  });
  pgm.createSequence({ schema: 'app', name: 'seq_tmp' }, { temporary: true });
};
