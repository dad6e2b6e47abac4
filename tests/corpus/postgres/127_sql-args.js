/* eslint-disable */
exports.up = (pgm) => {
  pgm.sql('SELECT * FROM {table} WHERE {col} = {val} AND flag = {flag} AND x IS {nothing}', {
    table: { schema: 'app', name: 'items' },
    col: 'title',
    val: 'a $pga$ b',
    flag: true,
    nothing: null,
  });
  pgm.sql('SELECT {n}, {n}, {arr}, {now}, {obj}', { n: 5, arr: [1, 2], now: pgm.func('now()'), obj: { a: 1 } });
  pgm.sql('SELECT {id} FROM t', { id: 'a$$b' });
  pgm.sql('SELECT {id} FROM t', { id: 'x$&y' });
};
