/* eslint-disable */
exports.up = (pgm) => {
  pgm.addToOperatorFamily('my_family', 'btree', [
    { type: 'operator', number: 1, name: '<', params: ['int4', 'int8'] },
    { type: 'function', number: 1, name: 'btint48cmp', params: ['int4', 'int8'] },
  ]);
};
