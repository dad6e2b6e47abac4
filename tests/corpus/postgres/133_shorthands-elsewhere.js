/* eslint-disable */
exports.up = (pgm) => {
  pgm.createType('sh_pair', { left: 'sh_int', right: 'sh_created' });
  pgm.createDomain('sh_dom', 'sh_int', { check: 'VALUE > 0' });
  pgm.createSequence('sh_seq', { type: 'sh_int' });
  pgm.createFunction('sh_fn', [{ name: 'x', type: 'sh_int' }, 'sh_b'], { returns: 'integer', language: 'sql' }, 'SELECT 1');
  pgm.addTypeAttribute('sh_pair', 'extra', 'sh_int');
};
