/* eslint-disable */
exports.up = (pgm) => {
  pgm.createRole('reader');
  pgm.createRole('admin', {
    superuser: true,
    createdb: true,
    createrole: true,
    inherit: false,
    login: true,
    replication: true,
    bypassrls: true,
    limit: 10,
    password: "s3cr$pga$t'",
    valid: '2030-01-01',
    inRole: ['reader', 'writer'],
    role: 'member1',
    admin: ['boss1', 'boss2'],
  });
  pgm.createRole('legacy', { password: 'x', encrypted: false, valid: null, bypassrls: false });
};
