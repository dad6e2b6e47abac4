/* eslint-disable */
exports.shorthands = {
  id: { type: 'uuid', primaryKey: true, default: { literal: true, value: 'gen_random_uuid()' } },
};

exports.up = (pgm) => {
  pgm.createTable('uuid_ids', { id: 'id', name: 'text' });
};
