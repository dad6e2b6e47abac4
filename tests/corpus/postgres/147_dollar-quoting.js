/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('dq', {
    a: { type: 'text', default: '$pga$' },
    b: { type: 'text', default: '$pga$$pgb$$pgc$$pgd$$pge$$pgf$$pgg$$pgh$$pgi$$pgj$$pgk$$pgl$$pgm$$pgn$$pgo$$pgp$$pgq$$pgr$$pgs$$pgt$$pgu$$pgv$$pgw$$pgx$$pgy$$pgz$' },
    c: { type: 'text', default: 'ARRAY inside' },
    d: { type: 'text[]', default: ['ARRAY', 'x'] },
  });
};
