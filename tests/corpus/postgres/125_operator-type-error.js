/* eslint-disable */
exports.up = (pgm) => {
  pgm.addToOperatorFamily('my_family', 'btree', [{ type: 'aggregate', number: 1, name: 'x' }]);
};
