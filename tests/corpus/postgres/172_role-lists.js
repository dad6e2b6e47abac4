/* eslint-disable */
exports.up = (pgm) => {
  pgm.createRole('lists', { inRole: 'single', role: ['a', 'b'], admin: 'boss', password: '', limit: 5 });
  pgm.alterRole('lists', { superuser: false, inherit: true, replication: false, bypassrls: true, encrypted: true, password: 'p' });
};
