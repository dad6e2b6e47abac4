// Patterns seen in public node-pg-migrate folders: the same operations for
// each table of a literal list (for...of, forEach), with names built by
// template strings.
exports.up = (pgm) => {
  for (const t of ['rw_loop_products', 'rw_loop_categories']) {
    pgm.createTable(t, {
      id: 'id',
      name: { type: 'text', notNull: true },
      updated_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    });
  }
  pgm.createFunction(
    'rw_loop_touch',
    [],
    { returns: 'trigger', language: 'plpgsql', replace: true },
    `
    BEGIN
      NEW.updated_at = CURRENT_TIMESTAMP;
      RETURN NEW;
    END;
    `
  );
  ['rw_loop_products', 'rw_loop_categories'].forEach((table) => {
    pgm.createTrigger(table, `update_${table}_updated_at`, {
      when: 'BEFORE',
      operation: 'UPDATE',
      function: 'rw_loop_touch',
      level: 'ROW',
    });
  });
  for (let i = 1; i <= 3; i++) {
    if (i === 2) continue;
    pgm.addColumn('rw_loop_products', { [`slot_${i}`]: { type: 'integer', default: i * 10 } });
  }
};

exports.down = (pgm) => {
  ['rw_loop_products', 'rw_loop_categories'].forEach((table) => {
    pgm.dropTrigger(table, `update_${table}_updated_at`, { ifExists: true });
  });
  pgm.dropFunction('rw_loop_touch', [], { ifExists: true });
  for (const t of ['rw_loop_categories', 'rw_loop_products']) pgm.dropTable(t);
};
