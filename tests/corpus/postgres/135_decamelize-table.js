/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('myTable', {
    userId: { type: 'integer', references: 'otherTable', referencesConstraintComment: 'the owner' },
    HTMLBody: 'text',
    createdAt: { type: 'timestamp', comment: 'when' },
    a: { type: 'integer', primaryKey: true },
    bB: { type: 'integer', primaryKey: true },
  }, { constraints: { unique: ['HTMLBody'], check: 'true', foreignKeys: { columns: 'userId', references: 'otherTable' } } });
};
