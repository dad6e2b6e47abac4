/* eslint-disable */
exports.up = (pgm) => {
  pgm.addColumns('users', { k1: { type: 'int', primaryKey: true }, k2: { type: 'int', primaryKey: true } });
};
