exports.up = (pgm) => {
  const s = '  Hello, World  ';
  pgm.sql(s.trim(), s.trimStart(), s.trimEnd(), s.toLowerCase(), s.toUpperCase());
  pgm.sql('a,b,,c'.split(','), 'abc'.split(''), 'a-b-c'.split('-', 2), ['x', 'y'].join('-'));
  pgm.sql('a.b.c'.replace('.', '_'), 'a.b.c'.replaceAll('.', '_'), 'x'.replace('x', '$&$&$$'));
  pgm.sql('abc'.includes('b'), 'abc'.indexOf('c'), 'abcabc'.lastIndexOf('b'), 'abcdef'.slice(1, -2), 'abcdef'.slice(-3));
  pgm.sql('7'.padStart(3, '0'), 'ab'.padEnd(5, 'xy'), 'ab'.repeat(3), 'a'.concat('b', 1), 'abc'.substring(2, 0), 'abc'.charAt(1), 'abc'[2], 'héllo'.length);
  pgm.sql(JSON.stringify({ a: [1, 'two', null, true], b: { c: undefined, d: 1.5 } }), JSON.stringify([undefined, NaN]), JSON.stringify({ a: 1, b: [1, 2] }, null, 2));
  pgm.sql(Array.from('ab'), Array.from({ length: 3 }, (_, i) => i * 2), Array.isArray([]), String(12), Number('0x10'), parseInt('42px'), Math.max(1, 5, 3));
};
