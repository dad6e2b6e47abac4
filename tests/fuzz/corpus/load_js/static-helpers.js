const PREFIX = 'app';
function name(base, suffix = 'tbl') { return `${PREFIX}_${base}_${suffix}`; }
const ts = (...names) => names.reduce((o, n) => ({ ...o, [n]: { type: 'timestamptz', default: 'now()' } }), {});
const addTable = (pgm, base, extra = {}) => {
  pgm.createTable(name(base), { id: 'id', ...extra, ...ts('created_at', 'updated_at') });
};
exports.up = (pgm) => {
  addTable(pgm, 'user', { email: 'text' });
  addTable(pgm, 'role');
  const { a, b: [x, , y = 'dflt'], ...rest } = { a: 1, b: [10, 20], c: 3, d: 4 };
  pgm.sql('x', a, x, y, rest);
  const [first, ...others] = ['f', 'g', 'h'];
  pgm.sql(first, others, [...others, ...'ij'], { ...rest, e: 5 });
};
