/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable({ schema: 'app', name: 'children' }, {
    parent_id: { type: 'integer', references: 'parents', referencesConstraintComment: 'parent link' },
  });
};
