/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperatorClass(
    'my_ops',
    'int4',
    'btree',
    [
      { type: 'operator', number: 1, name: '<' },
      { type: 'operator', number: 3, name: '=', params: ['int4', 'int4'] },
      { type: 'function', number: 1, name: 'btint4cmp', params: ['int4', 'int4'] },
    ],
    { default: true, family: 'my_family' }
  );
  pgm.createOperatorClass('plain_ops', 'int', 'hash', [{ type: 'FUNCTION', number: 1, name: 'hashint4', params: ['int4'] }], {});
  pgm.renameOperatorClass('plain_ops', 'hash', 'plain_ops2');
};
