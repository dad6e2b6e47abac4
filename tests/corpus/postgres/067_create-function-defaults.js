/* eslint-disable */
exports.up = (pgm) => {
  pgm.createFunction(
    { schema: 'app', name: 'touch' },
    [{ name: 'ts', type: 'timestamp', default: pgm.func('now()') }, { name: 'label', type: 'text', default: "it's" }],
    { language: 'sql', behavior: null, security: 'INVOKER', ifExists: true },
    "SELECT 1 -- has $pga$ inside"
  );
};
