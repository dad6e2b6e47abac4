/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('posts', {
    id: 'id',
    author_id: { type: 'integer', references: 'users', onDelete: 'CASCADE' },
    editor_id: { type: 'integer', references: 'users(id)', onUpdate: 'SET NULL', match: 'FULL' },
    quoted_id: { type: 'integer', references: '"users"' },
    schema_id: { type: 'integer', references: { schema: 'app', name: 'owners' } },
    named_id: {
      type: 'integer',
      references: 'users',
      referencesConstraintName: 'posts_named_fk',
      deferrable: true,
      deferred: true,
    },
    commented_id: {
      type: 'integer',
      references: 'users',
      referencesConstraintComment: 'who commented',
    },
    both_id: {
      type: 'integer',
      references: 'users',
      referencesConstraintName: 'posts_both',
      referencesConstraintComment: 'named and commented',
      deferrable: true,
    },
  });
};
