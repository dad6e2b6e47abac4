exports.up = (pgm) => {
  for (let i = 0; i < 3; i++) {
    if (i === 1) continue;
    pgm.sql(`SELECT ${i}`);
  }
  let n = 10;
  while (true) { n -= 3; if (n < 0) break; }
  pgm.sql('n=' + n);
  do { n++; } while (n < 2);
  pgm.sql(String(n));
};
