/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameFunction('add_numbers', ['integer', { name: 'b', type: 'integer' }], 'sum_numbers');
  pgm.renameFunction('no_args', [], { schema: 'app', name: 'no_args2' });
};
