/* eslint-disable camelcase */
'use strict';

exports.shorthands = {
  id: { type: 'uuid', primaryKey: true, default: new (require('node-pg-migrate').PgLiteral)('gen_random_uuid()') },
};
