/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable(
    { schema: 'app', name: 'items' },
    {
      id: 'id',
      label: { type: 'text', comment: 'the label' },
      owner_id: { type: 'integer', references: { schema: 'app', name: 'owners' }, referencesConstraintComment: 'owner' },
    },
    { comment: 'items in app', constraints: { check: 'id > 0' } }
  );
};
