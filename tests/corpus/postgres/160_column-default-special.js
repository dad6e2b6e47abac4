/* eslint-disable */
exports.up = (pgm) => {
  pgm.addColumns('users', {
    meta: { type: 'jsonb', default: pgm.func("'{}'::jsonb") },
    tags: { type: 'text[]', default: pgm.func("'{}'") },
    score: { type: 'float', default: 1.5 },
  });
};
