exports.up = (pgm) => { pgm.sql('lost'); };
exports.shorthands = { lost: 'int' };
module.exports = { down: false };
exports.up = (pgm) => { pgm.sql('also lost'); };
module.exports.up = (pgm) => { pgm.sql('kept'); };
