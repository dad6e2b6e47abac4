/* eslint-disable camelcase */

exports.shorthands = {
  createdAt: { type: 'timestamptz', notNull: true, default: { literal: true, value: 'now()' } },
};

exports.up = (pgm) => {
  pgm.createExtension('pgcrypto', { ifNotExists: true });
  pgm.createTable('users', {
    id: 'id',
    email: { type: 'varchar(255)', notNull: true, unique: true },
    name: { type: 'text', comment: "the user's \"display\" name" },
    created_at: {
      type: 'timestamp',
      notNull: true,
      default: pgm.func('current_timestamp'),
    },
  });
  pgm.createIndex('users', 'email', { unique: true, name: 'users_email_idx' });
  pgm.addColumn('users', { age: { type: 'integer', check: 'age >= 0', default: 0 } });
  pgm.addConstraint('users', 'users_age_max', { check: 'age < 200' });
};

exports.down = (pgm) => {
  pgm.dropTable('users', { ifExists: true, cascade: true });
};
