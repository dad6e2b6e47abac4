exports.up = (pgm) => {
  pgm.sql('x', { a: 0x1F, b: 0o17, c: 0b1010, d: 1_000_000, e: 1e21, f: .5, g: 5., h: -0, i: +3, j: 0.1 + 0.2, k: 1e-7, l: 123456789012345680000, m: 0xFFFFFFFFFFFFFFFFF, n: 2 ** 3 });
};
