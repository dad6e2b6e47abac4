/* eslint-disable */
exports.up = (pgm) => {
  pgm.setTypeAttribute('address', 'number', 'bigint');
  pgm.setTypeAttribute('address', 'street', 'string');
};
