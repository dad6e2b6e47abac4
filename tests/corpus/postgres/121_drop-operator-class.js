/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropOperatorClass('my_ops', 'btree', { ifExists: true, cascade: true });
  pgm.dropOperatorClass({ schema: 'app', name: 'plain_ops2' }, 'hash');
};
