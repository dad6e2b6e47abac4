/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('ce', { a: { type: 'text', comment: "it's $pga$ and\nnewline" } }, { comment: 'multi\nline\r\n  table' });
  pgm.alterColumn('ce', 'a', { comment: "new 'comment'" });
};
