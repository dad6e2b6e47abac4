/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', 'x', { ifNotExists: true, ifExists: true, cascade: true, concurrently: false });
  pgm.createSchema('rp_schema', { ifExists: true, cascade: true });
  pgm.createSequence('rp_seq', { ifExists: true });
  pgm.createView('rp_view', { ifExists: true }, 'SELECT 1');
  pgm.createMaterializedView('rp_mv', { cascade: true }, 'SELECT 1');
  pgm.createPolicy('users', 'rp_pol', { ifExists: true });
  pgm.createRole('rp_role', { ifExists: true });
  pgm.createFunction('rp_fn', [{ name: 'a', type: 'int', default: 1 }], { language: 'sql', ifExists: true, cascade: true }, 'SELECT 1');
  pgm.createType('rp_type', { ifExists: 'boolean' });
  pgm.addTypeAttribute('rp_type', 'extra', { type: 'text', ifExists: true });
  pgm.grantRoles('a', 'b', { cascade: true });
};
