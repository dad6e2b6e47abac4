/* eslint-disable */
exports.up = (pgm) => {
  pgm.createSequence('seq_obj', { type: 'smallint', owner: 'users.id', start: 5 });
  pgm.alterSequence('seq_obj', { owner: false, minvalue: false, maxvalue: 100, restart: 0, cache: 10 });
};
