const tables = ['users', 'roles', 'tokens'];
exports.up = (pgm) => {
  tables.forEach((t, i) => pgm.sql(`${i}:${t}`));
  const upper = tables.map((t) => t.toUpperCase());
  const some = tables.filter((t) => t.startsWith('r') || t.endsWith('s') && t.length > 5);
  const total = tables.reduce((acc, t) => acc + t.length, 0);
  pgm.sql(upper.join('|'), some, total);
  pgm.sql(Object.keys({ x: 1, y: 2 }).concat(Object.values({ z: 3 })).join());
  Object.entries({ a: 1, b: 2 }).forEach(([k, v]) => pgm.sql(k, v));
  pgm.sql(tables.find((t) => t.includes('ol')), tables.findIndex((t) => t === 'tokens'), tables.some((t) => t === 'x'), tables.every((t) => t.length > 2));
};
