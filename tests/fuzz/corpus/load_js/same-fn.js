const migration = (pgm) => pgm.createTable('t', { id: 'id' });
module.exports = { up: migration, down: migration };
