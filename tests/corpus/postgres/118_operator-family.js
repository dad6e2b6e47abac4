/* eslint-disable */
exports.up = (pgm) => {
  pgm.createOperatorFamily('my_fam', 'btree');
  pgm.createOperatorFamily({ schema: 'app', name: 'other_fam' }, 'hash');
  pgm.renameOperatorFamily('my_fam', 'btree', 'my_family');
};
