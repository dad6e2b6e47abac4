/* eslint-disable */
exports.shorthands = {
  cyc_self: { type: 'cyc_self' },
};

exports.up = (pgm) => {
  pgm.createDomain('sh_dom2', 'cyc_self');
};
