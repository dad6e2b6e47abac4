/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('myTable', ['lower(someCol)', 'otherCol']);
};
