/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('no_down', { id: 'id' });
};

exports.down = false;
