/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameDomain('positive_int', 'pos_int');
};
