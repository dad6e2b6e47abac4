/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperator('<@>', { procedure: 'dist', left: 'point', right: 'point', commutator: '<@>' });
};
