#include "test_support.h"

#include "load/load.h"

static long find(const char *text, const char *dir)
{
	return mig_sql_find_marker(text, strlen(text), dir);
}

static void test_marker_forms(void **state)
{
	(void)state;
	assert_int_equal(find("-- Up Migration\n", "up"), 0);
	assert_int_equal(find("--up migration", "up"), 0);
	assert_int_equal(find("--Down Migration", "down"), 0);
	assert_int_equal(find("  -- - UP   MIGRATION trailing words", "up"), 0);
	assert_int_equal(find("\t--\t-down\tmigration", "down"), 0);
	assert_int_equal(find("select 1;\n-- Up Migration", "up"), 10);
	/* not markers */
	assert_int_equal(find("--UpMigration", "up"), -1);
	assert_int_equal(find("-- Up-Migration", "up"), -1);
	assert_int_equal(find("/* x */ -- Up Migration", "up"), -1);
	assert_int_equal(find("select 1; -- Up Migration", "up"), -1);
	assert_int_equal(find("- Up Migration", "up"), -1);
	assert_int_equal(find("-- Upward migration", "up"), -1);
	assert_int_equal(find("", "up"), -1);
}

static void test_match_starts_at_blank_line(void **state)
{
	(void)state;
	/* ^\s* may start at an earlier blank line and run over newlines */
	assert_int_equal(find("SELECT 1;\n\n-- Down Migration", "down"), 10);
	assert_int_equal(find("SELECT 1;\n  \n\n  -- Down Migration", "down"), 10);
	/* JavaScript treats \r as a line end too, so ^ matches between \r and \n */
	assert_int_equal(find("SELECT 1;\r\n\r\n-- Down Migration", "down"), 10);
	/* a non-breaking space counts as \s in JavaScript */
	assert_int_equal(find("\xc2\xa0-- Up Migration", "up"), 0);
}

static mig_migration load(const char *text)
{
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = mig_strdup("x.sql");
	assert_int_equal(mig_load_sql_text(&m, text, strlen(text)), 0);
	return m;
}

static const char *op_text(const mig_oplist *l)
{
	assert_int_equal(l->n, 1);
	assert_string_equal(l->ops[0].name, "sql");
	return mig_value_str(mig_op_arg(&l->ops[0], 0));
}

static void test_sections(void **state)
{
	(void)state;
	mig_migration m = load("-- Up Migration\nCREATE TABLE t (id int);\n\n-- Down Migration\nDROP TABLE t;\n");
	assert_int_equal(m.up_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	/* the blanks after a section's last ";" are left out: pgm.sql() adds
	 * no stray ";" then */
	assert_string_equal(op_text(&m.up), "-- Up Migration\nCREATE TABLE t (id int);");
	assert_string_equal(op_text(&m.down), "\n-- Down Migration\nDROP TABLE t;");
	assert_int_equal(m.up.ops[0].line, 1);
	assert_int_equal(m.down.ops[0].line, 3);
	mig_migration_dispose(&m);
}

static void test_template(void **state)
{
	(void)state;
	/* sections of only comments run nothing: no operation (node-pg-migrate
	 * would send "-- Up Migration\n;") */
	mig_migration m = load("-- Up Migration\n\n-- Down Migration\n");
	assert_int_equal(m.up_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.up.n, 0);
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down.n, 0);
	mig_migration_dispose(&m);
	m = load("-- Up Migration\n/* nothing */ ;\n-- Down Migration\n-- not yet\n");
	assert_int_equal(m.up.n, 0);
	assert_int_equal(m.down.n, 0);
	mig_migration_dispose(&m);
	/* an unterminated block comment is the engine's to refuse */
	m = load("-- Up Migration\n/* open\n");
	assert_string_equal(op_text(&m.up), "-- Up Migration\n/* open\n");
	mig_migration_dispose(&m);
}

static void test_down_first_and_preamble(void **state)
{
	(void)state;
	mig_migration m = load("-- comment dropped\n-- Down Migration\nDROP TABLE t;\n-- Up Migration\nCREATE TABLE t ();\n");
	/* text before the first marker is dropped; each runs to the other */
	assert_string_equal(op_text(&m.up), "-- Up Migration\nCREATE TABLE t ();");
	assert_string_equal(op_text(&m.down), "-- Down Migration\nDROP TABLE t;");
	mig_migration_dispose(&m);
}

static void test_no_markers(void **state)
{
	(void)state;
	mig_migration m = load("CREATE TABLE t (id int);");
	assert_string_equal(op_text(&m.up), "CREATE TABLE t (id int);");
	assert_int_equal(m.down_kind, MIG_ACTION_DISABLED);
	mig_oplist ops;
	m.name = mig_strdup("1_t");
	expect_error(mig_migration_ops(&m, true, &ops), MIG_EIRREVERSIBLE,
		     "User has disabled down migration on file: 1_t");
	mig_migration_dispose(&m);
}

static void test_only_down_marker(void **state)
{
	(void)state;
	/* node-pg-migrate: no up marker -> the whole file is up, down section included */
	const char *text = "CREATE TABLE t ();\n-- Down Migration\nDROP TABLE t;";
	mig_migration m = load(text);
	assert_string_equal(op_text(&m.up), text);
	assert_string_equal(op_text(&m.down), "-- Down Migration\nDROP TABLE t;");
	mig_migration_dispose(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marker_forms),
		cmocka_unit_test(test_match_starts_at_blank_line),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_down_first_and_preamble),
		cmocka_unit_test(test_no_markers),
		cmocka_unit_test(test_only_down_marker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
