/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropFunction('add_numbers', ['integer', { name: 'b', type: 'int', default: 1 }]);
  pgm.dropFunction({ schema: 'app', name: 'touch' }, [], { ifExists: true, cascade: true });
  pgm.dropFunction('no_args');
};
