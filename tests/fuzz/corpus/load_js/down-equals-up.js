exports.up = async function up(pgm) { await pgm.createSchema('s') };
exports.down = exports.up;
