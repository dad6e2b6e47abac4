exports.up = up
exports.down = down

function up(pgm) {
  pgm.createTable(TABLE, COLUMNS)
}

async function down(pgm) {
  return pgm.dropTable(TABLE)
}

const TABLE = 'hoisted'
const COLUMNS = { id: 'id' }
