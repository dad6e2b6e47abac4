const N = 5;
exports.up = (pgm) => {
  pgm.sql(N > 3 ? 'big' : 'small', N % 2, N ** 2, N / 2, 10 - N * 2, -N, !N, !!N);
  pgm.sql(1 == '1', 1 === '1', null == undefined, null === undefined, 'a' < 'b', 2 >= 2, NaN !== NaN);
  pgm.sql(null ?? 'd', 0 || 'e', 1 && 'f', undefined?.x, typeof N, typeof 'x', typeof undefined, 'x' in { x: 1 });
  let o = { a: 1 };
  o.b = 2; o['c'] = [1]; o.c.push(2, 3); o.a += 10; o.d ??= 'nd'; o.a ||= 99;
  const arr = [];
  arr.push('p'); arr.unshift('u'); arr[2] = 'x';
  pgm.sql(o, arr);
};
