/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropOperator('===', { left: 'int4', right: 'int4' });
  pgm.dropOperator({ schema: 'app', name: '##' }, { left: 'text', right: 'text', ifExists: true, cascade: true });
  pgm.dropOperator('~~~', { right: 'int4' });
};
