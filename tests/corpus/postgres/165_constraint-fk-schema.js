/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint({ schema: 'app', name: 'items' }, 'items_owner_fk', {
    foreignKeys: [{ columns: ['owner_id', 'kind'], references: { schema: 'app', name: 'owners' }, referencesConstraintComment: 'owner link' }],
  });
  pgm.addConstraint('t165', null, { foreignKeys: { columns: 'x', references: 'y' }, deferrable: true });
};
