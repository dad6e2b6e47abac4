/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('counters', {
    a: { type: 'integer', sequenceGenerated: { precedence: 'ALWAYS' } },
    b: { type: 'bigint', sequenceGenerated: { precedence: 'BY DEFAULT', start: 10, increment: 5, minvalue: 1, maxvalue: 1000, cache: 2, cycle: true } },
    c: { type: 'integer', expressionGenerated: 'a * 2' },
    d: { type: 'integer', sequenceGenerated: { precedence: 'ALWAYS', type: 'int', minvalue: null, cycle: false } },
  });
};
