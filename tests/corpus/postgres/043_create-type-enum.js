/* eslint-disable */
exports.up = (pgm) => {
  pgm.createType('mood', ['sad', 'ok', 'happy']);
  pgm.addType({ schema: 'app', name: 'quote_kind' }, ["it's", 'has $pga$', '']);
};
