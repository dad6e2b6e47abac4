/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperatorClass('bad_ops', 'int4', 'btree', [{ type: 'operator', number: 1, name: '<', params: ['int4', 'int4', 'int4'] }], {});
};
