/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint('orders', 'orders_chk', { check: 'a > 0' });
  pgm.createConstraint('orders', 'orders_ab', { unique: ['a', 'b'], deferrable: true });
  pgm.addConstraint('orders', 'orders_fk', { foreignKeys: { columns: 'customer_id', references: 'customers', onDelete: 'CASCADE' } });
  pgm.addConstraint('orders', 'orders_pk', { primaryKey: 'id', comment: 'the key' });
  pgm.addConstraint({ schema: 'app', name: 'items' }, 'items_excl', { exclude: 'USING gist (id WITH =)' });
  pgm.addConstraint('orders', 'orders_many', { check: ['a > 0', 'b > 0'] });
};
