exports.up = (pgm) => {
  pgm.sql(`line1
line2line3`);
  pgm.sql("café   ls");
};
