/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropDomain('pos_int');
  pgm.dropDomain({ schema: 'app', name: 'email' }, { ifExists: true, cascade: true });
};
