/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('kinds', {
    a: 'int',
    b: 'string',
    c: 'float',
    d: 'double',
    e: 'datetime',
    f: 'bool',
    g: { type: 'INT' },
    h: { type: 'text', array: true },
    i: { type: 'integer', array: 2 },
    j: { type: 'text', collation: '"C"', comment: 'the j column' },
    k: { type: 'numeric(10, 2)', check: 'k > 0' },
    l: 'text[]',
  });
};
