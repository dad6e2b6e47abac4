/* eslint-disable */
exports.up = (pgm) => {
  pgm.createDomain('rp_dom', 'int', { ifExists: true });
  pgm.createOperatorClass('rp_ops', 'int4', 'btree', [{ type: 'function', number: 1, name: 'btint4cmp', params: ['int4', 'int4'] }], { ifExists: true, cascade: true });
  pgm.createOperatorFamily('rp_fam', 'btree', { ifExists: true });
};
