exports.up = pgm => {
  pgm.createTable('a', { id: 'id' })
  pgm.createTable('b', { id: 'id' }) ; ;
  pgm.addColumns('b',
    { a_id: { type: 'integer', references: 'a' } }
  )
  pgm.sql(
    'x'
    + 'y'
  )
}
exports.down = pgm => pgm.dropTable('b')
/* trailing comment */ // and another
