export const up = (pgm) => {
  pgm.createTable('esm_form', { id: 'id', v: { type: 'integer', default: 1 } });
};
