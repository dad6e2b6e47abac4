/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropOperatorFamily('my_family', 'btree', { ifExists: true, cascade: true });
  pgm.dropOperatorFamily({ schema: 'app', name: 'other_fam' }, 'hash');
};
