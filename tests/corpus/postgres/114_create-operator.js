/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperator('===', {
    procedure: 'int_eq',
    left: 'int4',
    right: 'int4',
    commutator: '===',
    negator: '!==',
    restrict: 'eqsel',
    join: 'eqjoinsel',
    hashes: true,
    merges: true,
    ifExists: true,
  });
  pgm.createOperator({ schema: 'app', name: '##' }, { procedure: { schema: 'app', name: 'hash_it' }, left: 'text', right: 'text' });
};
