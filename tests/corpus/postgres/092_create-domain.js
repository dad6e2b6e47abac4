/* eslint-disable */
exports.up = (pgm) => {
  pgm.createDomain('positive_int', 'int', { check: 'VALUE > 0', constraintName: 'positive_check' });
  pgm.createDomain({ schema: 'app', name: 'email' }, 'string', {
    collation: '"C"',
    default: 'nobody@example.com',
    notNull: true,
    constraintName: 'email_nn',
    ifExists: true,
    cascade: true,
  });
  pgm.createDomain('plain_text', { type: 'text' });
  pgm.createDomain('nullable_int', 'integer', { default: null, check: 'VALUE <> 0' });
};
