const shared = (pgm) => { pgm.sql('shared'); };
export default { up: shared, down: shared, shorthands: { a: 'int' } };
export const shorthands = { b: 'text' };
