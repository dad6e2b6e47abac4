export async function up(pgm) {
  pgm.createIndex('esm_form', 'v');
}

export async function down(pgm) {
  pgm.dropIndex('esm_form', 'v');
}
