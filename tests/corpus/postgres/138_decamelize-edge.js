/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('A', { aB: 'int', ABC: 'int', ABCd: 'int', a1B: 'int', x: 'int', already_snake: 'int', XMLHttpRequest: 'int' });
};
