/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable(
    'orders',
    {
      id: 'id',
      a: 'integer',
      b: 'integer',
      c: 'integer',
      customer_id: 'integer',
      region: 'text',
      period: 'tstzrange',
    },
    {
      constraints: {
        check: 'a > 0',
        unique: ['a', 'b'],
        foreignKeys: {
          columns: 'customer_id',
          references: 'customers(id)',
          onDelete: 'RESTRICT',
        },
        exclude: 'USING gist (region WITH =, period WITH &&)',
      },
    }
  );
  pgm.createTable(
    'order_lines',
    {
      order_id: 'integer',
      line: 'integer',
      a: 'integer',
      b: 'integer',
    },
    {
      constraints: {
        check: ['a > 0', 'b > 0', 'a < b'],
        unique: [['a', 'b'], 'line'],
        primaryKey: ['order_id', 'line'],
        foreignKeys: [
          {
            columns: ['order_id'],
            references: 'orders',
            referencesConstraintName: 'order_lines_order',
            referencesConstraintComment: 'the order',
          },
          { columns: ['a', 'b'], references: 'pairs(a, b)', match: 'SIMPLE', onUpdate: 'CASCADE' },
        ],
        deferrable: true,
      },
    }
  );
  pgm.createTable('order_notes', { note: 'text' }, { constraints: { unique: 'note', deferrable: true, deferred: true } });
};
