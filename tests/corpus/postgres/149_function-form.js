exports.up = function (pgm) {
  pgm.createTable('fn_form', { id: 'id' });
};

exports.down = function (pgm) {
  pgm.dropTable('fn_form');
};
