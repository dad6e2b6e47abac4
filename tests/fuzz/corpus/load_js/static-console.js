exports.up = (pgm) => {
  console.log('%s: %d', 'n', 1, [1, 2], { a: 'b' });
  pgm.sql('x');
};
