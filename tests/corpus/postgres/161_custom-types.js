/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('ct', {
    a: { type: { schema: 'app', name: 'money2' } },
    b: { type: pgm.func('int4') },
    c: { type: 'mood', array: true, default: pgm.func("'{}'") },
  });
  pgm.addColumns('ct', { d: { type: { name: 'plainType' } } });
};
