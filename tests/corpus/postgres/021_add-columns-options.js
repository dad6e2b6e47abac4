/* eslint-disable */
exports.up = (pgm) => {
  pgm.addColumns('users', { flag: 'boolean', note: { type: 'text', comment: null } }, { ifNotExists: true, ifExists: true, cascade: true });
};
