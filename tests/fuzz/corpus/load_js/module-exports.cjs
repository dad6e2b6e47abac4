const { PgLiteral } = require('node-pg-migrate');

const up = (pgm, run) => {
  pgm.createFunction(
    'touch',
    [],
    { returns: 'trigger', language: 'plpgsql', replace: true },
    `
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
`,
  );
  pgm.createTrigger('items', 'items_touch', {
    when: 'BEFORE',
    operation: 'UPDATE',
    function: 'touch',
    level: 'ROW',
  });
  run();
};

module.exports = { up, down: (pgm) => { pgm.dropTrigger('items', 'items_touch'); pgm.dropFunction('touch', []) }, shorthands: { ts: { type: 'timestamp', default: PgLiteral.create('now()') } } };
