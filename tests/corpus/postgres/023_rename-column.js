/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameColumn('users', 'name', 'full_name');
  pgm.renameColumn({ schema: 'app', name: 'items' }, 'label', 'title');
};
