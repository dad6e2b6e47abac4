/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperator('~~~', { procedure: 'int_neg', right: 'int4' });
};
