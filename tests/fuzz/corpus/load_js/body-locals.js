exports.up = async (pgm) => {
  const table = 'locals';
  let cols = { id: 'id', name: 'text' }, idx = ['name'];
  var unused;
  await pgm.createTable(table, cols);
  await pgm.createIndex(table, idx, { unique: unused });
  return pgm.sql(`COMMENT ON TABLE ${table} IS 'x'`);
  pgm.sql('dead code after return');
};
exports.down = (pgm) => {
  pgm.noTransaction();
  return;
  pgm.sql('dead');
};
