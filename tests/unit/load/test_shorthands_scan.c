/*
 * The shorthands scan (load/load.h): the textual check that lets a run
 * skip parsing earlier files that cannot export shorthands. It must never
 * say "cannot" of a file the reader gives shorthands; these tests hold it
 * to that for every spelling the reader accepts, and for the corpus.
 */
#include "test_support.h"

#include "engine/discover.h"
#include "load/load.h"

#include <dirent.h>

static bool may(const char *text)
{
	return mig_load_may_export_shorthands(text, strlen(text));
}

/* Load text as a .js migration; whether the reader gave it shorthands
 * (fails the test when it refuses the text). */
static bool reader_exports(const char *text)
{
	mig_migration m = {0};
	int rc = mig_load_js_text(&m, text, strlen(text));
	if (rc)
		fail_msg("the reader refuses %s: %s", text, mig_error_last() ? mig_error_last()->message : "?");
	bool has = m.shorthands != NULL;
	mig_migration_dispose(&m);
	return has;
}

static void test_cannot(void **state)
{
	(void)state;
	assert_false(may("exports.up = (pgm) => { pgm.createTable('t', { id: 'id' }); };\n"));
	/* node-pg-migrate's own module passes nothing on */
	assert_false(may("import { MigrationBuilder, ColumnDefinitions } from 'node-pg-migrate';\n"
			 "export async function up(pgm: MigrationBuilder): Promise<void> { pgm.createFunction('f', [], {}, 'x'); }\n"));
	assert_false(may("const { PgLiteral } = require(\"node-pg-migrate\");\nexports.up = (pgm) => pgm.sql('SELECT a from t');\n"));
	assert_false(may("import type { MigrationBuilder } from 'node-pg-migrate/dist/types';\n"));
	/* arrays and comparisons are not computed keys */
	assert_false(may("exports.up = (pgm) => { pgm.createIndex('t', ['a', 'b']); if (x[0] == 1) {} const f = (a) => a; };\n"));
	assert_false(may(""));
}

static void test_can(void **state)
{
	(void)state;
	assert_true(may("exports.shorthands = { a: 'text' };"));
	assert_true(may("module.exports = { shorthands, up };"));
	assert_true(may("exports['short\\x68ands'] = { a: 'text' };")); /* an escape can spell it */
	assert_true(may("module.exports = { ['short' + 'hands']: { a: 'text' } };"));
	assert_true(may("module.exports = { [k] /* c */ : v };"));
	assert_true(may("exports[name] = v;"));
	assert_true(may("Object.assign(exports, o);"));
	assert_true(may("Object.defineProperty(exports, k, { value: v });"));
	assert_true(may("module.exports = Object.fromEntries(pairs);"));
	assert_true(may("module.exports = JSON.parse(text);"));
	assert_true(may("module.exports = require('./001_base');"));
	assert_true(may("module.exports = require ( \"../common\" );"));
	assert_true(may("import { x } from './001_base.js';"));
	assert_true(may("export * from \"./001_base.js\";"));
	assert_true(may("const m = await import(`./x.js`);"));
	assert_true(may("import sh from 'app-shorthands';"));
}

/* Every spelling the reader turns into shorthands is one the check sees. */
static void test_reader_spellings(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"exports.shorthands = { a: 'text' };\nexports.up = false;\n",
		"exports['shorthands'] = { a: 'text' };\nexports.up = false;\n",
		"exports['short\\u0068ands'] = { a: 'text' };\nexports.up = false;\n",
		"module.exports = { ['short' + 'hands']: { a: 'text' }, up: false };\n",
		"const k = 'short' + 'hands';\nmodule.exports = { [k]: { a: 'text' }, up: false };\n",
		"const o = { ['short' + 'hands']: { a: 'text' }, up: false };\nmodule.exports = o;\n",
		"const s = { ['short' + 'hands']: { a: 'text' } };\nconst o = { ...s, up: false };\nmodule.exports = o;\n",
		"export const shorthands = { a: 'text' };\nexport const up = false;\n",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		if (!reader_exports(texts[i]))
			fail_msg("no shorthands from %s", texts[i]);
		if (!may(texts[i]))
			fail_msg("the check misses %s", texts[i]);
	}
}

/* Over the corpus: a file the reader gives shorthands is never one the
 * check skips; and mig_load_shorthands agrees with a full load. */
static void test_corpus(void **state)
{
	(void)state;
	char *dir = mig_aprintf("%s/corpus/postgres", MIG_TEST_DATA);
	mig_set set;
	assert_int_equal(mig_discover(dir, NULL, &set), 0);
	size_t with = 0, skipped = 0;
	for (size_t i = 0; i < set.n; i++) {
		mig_migration *m = &set.items[i];
		mig_migration full = {.name = m->name, .path = m->path, .file = m->file};
		bool loads = mig_load_file(&full) == 0;
		mig_error_clear();
		bool spelled = false;
		int rc = mig_load_shorthands(m, NULL, &spelled);
		mig_error_clear();
		if (loads) {
			assert_int_equal(rc, 0);
			assert_true(m->shorthands_known);
			assert_int_equal(full.shorthands != NULL, m->shorthands != NULL);
			with += full.shorthands != NULL;
			skipped += !m->loaded;
		}
		mig_oplist_free(&full.up);
		mig_oplist_free(&full.down);
		mig_value_free(full.shorthands);
	}
	/* the corpus exercises both sides */
	assert_true(with > 0);
	assert_true(skipped > 0);
	mig_set_dispose(&set);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cannot),
		cmocka_unit_test(test_can),
		cmocka_unit_test(test_reader_spellings),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
