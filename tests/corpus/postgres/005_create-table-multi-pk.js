/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('memberships', {
    user_id: { type: 'integer', primaryKey: true },
    group_id: { type: 'integer', primaryKey: true, comment: 'group' },
    role: 'text',
  });
};
