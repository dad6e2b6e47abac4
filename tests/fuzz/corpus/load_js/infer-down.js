exports.up = function (pgm) {
  pgm.createTable('a', { id: 'id', n: { type: 'int', default: 1 } })
  pgm.renameColumn('a', 'n', 'm')
  pgm.addIndex('a', 'm')
}
