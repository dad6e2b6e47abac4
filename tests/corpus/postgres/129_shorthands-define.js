/* eslint-disable */
exports.shorthands = {
  sh_created: { type: 'timestamp', notNull: true, default: { literal: true, value: 'current_timestamp' } },
  sh_email: { type: 'varchar(320)', unique: true },
  sh_int: 'int',
};

exports.up = (pgm) => {
  pgm.createTable('sh_users', {
    id: 'id',
    created: 'sh_created',
    updated: { type: 'sh_created', notNull: false },
    email: 'sh_email',
  });
};
