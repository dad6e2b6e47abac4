/* eslint-disable */
exports.up = (pgm) => {
  pgm.createFunction('fp', [{ mode: 'INOUT', type: 'int' }, { name: 'n', type: 'text', default: null }, { mode: 'VARIADIC', name: 'rest', type: 'int[]' }], { returns: 'int', language: 'sql', returnsNull: true }, 'SELECT 1');
  pgm.dropFunction('fp', [{ mode: 'INOUT', type: 'int' }, { name: 'n', type: 'text', default: null }]);
};
