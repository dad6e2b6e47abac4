export { up, down, sh as shorthands };
const sh = { big: 'bigint' };
function up(pgm) { pgm.createTable('t', { id: 'big' }); }
const down = false;
