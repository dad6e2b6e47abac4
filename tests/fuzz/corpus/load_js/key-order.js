const extra = { b: 3, 1: 'one', a: undefined };
const list = ['x', 'y'];
const key = 'dyn';
exports.up = (pgm) => {
  pgm.sql('q', { b: 1, a: 2, ...extra, a: 4, 0: 'z', '01': 's', [key]: 1, [key + 2]: 2, [3]: 3, ...list, ...null, ...undefined, ...5, 4294967295: 'big', 4294967294: 'max', 1.5: 'f', 1e3: 'k', 0x10: 'h' });
  pgm.sql('arr', [...list, ...[1, [2, [3]]], list.length, list[1], extra.b, extra['1'], extra.missing, 'abc'.length, 'h\u00e9\u{1F600}'.length]);
};
