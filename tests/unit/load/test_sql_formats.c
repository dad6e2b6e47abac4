/* Other tools' .sql formats: which one a file is in, and how each reads. */
#include "test_support.h"

#include "load/load.h"

static int try_load(mig_migration *m, const char *text)
{
	memset(m, 0, sizeof(*m));
	m->path = mig_strdup("m.sql");
	return mig_load_sql_text(m, text, strlen(text));
}

static mig_migration load(const char *text)
{
	mig_migration m;
	int rc = try_load(&m, text);
	if (rc)
		fail_msg("load failed: %s", mig_error_last() ? mig_error_last()->message : "?");
	return m;
}

/* The error a text gives: its code, line and a piece of its message. */
static void refused(const char *text, int line, const char *frag)
{
	mig_migration m;
	int rc = try_load(&m, text);
	assert_int_equal(rc, MIG_EINPUT);
	const mig_error *e = mig_error_last();
	assert_non_null(e);
	assert_string_equal(e->file, "m.sql");
	assert_int_equal(e->line, line);
	if (!strstr(e->message, frag))
		fail_msg("message '%s' lacks '%s'", e->message, frag);
	mig_error_clear();
	/* nothing half-loaded */
	assert_int_equal(m.up.n, 0);
	assert_int_equal(m.down.n, 0);
	mig_migration_dispose(&m);
}

static const char *op_text(const mig_oplist *l, size_t i)
{
	assert_true(i < l->n);
	assert_string_equal(l->ops[i].name, "sql");
	return mig_value_str(mig_op_arg(&l->ops[i], 0));
}

static enum mig_sql_format detect(const char *text, int *line)
{
	enum mig_sql_format f = MIG_SQL_NODE_PG_MIGRATE;
	assert_int_equal(mig__sql_detect("m.sql", text, strlen(text), &f, line), 0);
	return f;
}

static void test_detect(void **state)
{
	(void)state;
	int line;
	assert_int_equal(detect("CREATE TABLE t (id int);\n", &line), MIG_SQL_NODE_PG_MIGRATE);
	assert_int_equal(line, 0);
	assert_int_equal(detect("-- Up Migration\nSELECT 1;\n", &line), MIG_SQL_NODE_PG_MIGRATE);
	assert_int_equal(line, 1);
	/* node-pg-migrate's match may start at a blank line: the marker's own line counts */
	assert_int_equal(detect("SELECT 1;\n\n-- Down Migration\n", &line), MIG_SQL_NODE_PG_MIGRATE);
	assert_int_equal(line, 3);
	assert_int_equal(detect("-- a header\n-- migrate:up\nSELECT 1;\n-- migrate:down\n", &line), MIG_SQL_DBMATE);
	assert_int_equal(line, 2);
	assert_int_equal(detect("--migrate:down\n", &line), MIG_SQL_DBMATE);
	assert_int_equal(detect("-- +goose Up\nSELECT 1;\n", &line), MIG_SQL_GOOSE);
	assert_int_equal(detect("--+goose up\n", &line), MIG_SQL_GOOSE);
	assert_int_equal(detect("-- +GOOSE NO TRANSACTION\n-- +goose Up\n", &line), MIG_SQL_GOOSE);
	assert_int_equal(line, 1);
	/* near misses are comments: dbmate's markers are lower case and whole words */
	assert_int_equal(detect("-- Migrate:Up\n-- migrate:upgrade\n-- +gooseberry Up\n -- migrate:up\n", &line),
			 MIG_SQL_NODE_PG_MIGRATE);
	assert_int_equal(line, 0);
}

static void test_mixed_markers(void **state)
{
	(void)state;
	refused("-- migrate:up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n", 3,
		"a goose marker (-- +goose Up...) in a file that line 1 makes dbmate's");
	refused("-- Up Migration\nSELECT 1;\n-- migrate:down\nSELECT 2;\n", 3, "mixing markers of two is an error");
	refused("-- +goose Up\nSELECT 1;\n\n-- Down Migration\nSELECT 2;\n", 4,
		"a node-pg-migrate marker (-- Up Migration...) in a file that line 1 makes goose's");
	/* an indented goose annotation is no annotation to goose: refused, not guessed */
	refused("-- +goose Up\nSELECT 1;\n  -- +goose Down\nSELECT 2;\n", 3, "must start its line");
}

static void test_dbmate(void **state)
{
	(void)state;
	mig_migration m = load("-- a comment\n\n-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n");
	assert_int_equal(m.up_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.up.n, 1);
	assert_string_equal(op_text(&m.up, 0), "-- migrate:up\nCREATE TABLE t (id int);");
	assert_int_equal(m.up.ops[0].line, 3);
	assert_string_equal(op_text(&m.down, 0), "-- migrate:down\nDROP TABLE t;");
	assert_int_equal(m.down.ops[0].line, 6);
	assert_false(m.up_no_transaction);
	assert_false(m.down_no_transaction);
	mig_migration_dispose(&m);

	/* options, per section */
	m = load("-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (id);\n-- migrate:down\nDROP INDEX i;\n");
	assert_true(m.up_no_transaction);
	assert_false(m.down_no_transaction);
	mig_migration_dispose(&m);
	m = load("--migrate:up\r\nSELECT 1;\r\n--  migrate:down   transaction:false  \r\nSELECT 2;\r\n");
	assert_false(m.up_no_transaction);
	assert_true(m.down_no_transaction);
	assert_int_equal(m.down.ops[0].line, 3);
	mig_migration_dispose(&m);

	/* an empty down: a rollback that runs nothing */
	m = load("-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\n");
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down.n, 0);
	mig_migration_dispose(&m);
}

static void test_dbmate_errors(void **state)
{
	(void)state;
	refused("CREATE TABLE t (id int);\n-- migrate:up\nSELECT 1;\n-- migrate:down\n", 1, "SQL before the \"-- migrate:up\"");
	refused("-- migrate:up\nSELECT 1;\n", 1, "needs a \"-- migrate:down\" marker too");
	refused("-- migrate:down\nSELECT 1;\n", 1, "needs a \"-- migrate:up\" marker");
	refused("-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;\n", 3, "after \"-- migrate:down\" (line 1)");
	refused("-- migrate:up\nSELECT 1;\n-- migrate:up\n-- migrate:down\n", 3, "a second \"-- migrate:up\" marker (the first is at line 1)");
	refused("-- migrate:up transaction:flase\nSELECT 1;\n-- migrate:down\n", 1, "unknown dbmate option \"transaction:flase\"");
}

static void test_goose(void **state)
{
	(void)state;
	mig_migration m = load("-- header comment\n"
			       "-- +goose Up\n"
			       "CREATE TABLE t (id int);\n"
			       "-- +goose StatementBegin\n"
			       "CREATE FUNCTION f() RETURNS int AS $$\n"
			       "BEGIN RETURN 1; END;\n"
			       "$$ LANGUAGE plpgsql;\n"
			       "-- +goose StatementEnd\n"
			       "INSERT INTO t VALUES (1);\n"
			       "\n"
			       "-- +goose Down\n"
			       "DROP FUNCTION f();\n"
			       "DROP TABLE t;\n");
	/* the statements before the block, the block (one statement), the rest */
	assert_int_equal(m.up.n, 3);
	assert_string_equal(op_text(&m.up, 0), "CREATE TABLE t (id int);");
	assert_int_equal(m.up.ops[0].line, 3);
	assert_string_equal(op_text(&m.up, 1),
			    "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN RETURN 1; END;\n$$ LANGUAGE plpgsql;");
	assert_int_equal(m.up.ops[1].line, 5);
	assert_string_equal(op_text(&m.up, 2), "INSERT INTO t VALUES (1);");
	assert_int_equal(m.up.ops[2].line, 9);
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down.n, 1);
	assert_string_equal(op_text(&m.down, 0), "DROP FUNCTION f();\nDROP TABLE t;");
	assert_int_equal(m.down.ops[0].line, 12);
	assert_false(m.up_no_transaction);
	mig_migration_dispose(&m);

	/* case-blind annotations; NO TRANSACTION anywhere sets both directions */
	m = load("-- +goose NO TRANSACTION\n--+goose up\nCREATE INDEX CONCURRENTLY i ON t (id);\n-- +goose DOWN\nDROP INDEX i;\n");
	assert_true(m.up_no_transaction);
	assert_true(m.down_no_transaction);
	assert_int_equal(m.up.n, 1);
	mig_migration_dispose(&m);

	/* without "-- +goose Down", goose rolls back running nothing */
	m = load("-- +goose Up\nCREATE TABLE t (id int);\n");
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down.n, 0);
	mig_migration_dispose(&m);
}

static void test_goose_errors(void **state)
{
	(void)state;
	refused("SELECT 1;\n-- +goose Up\nSELECT 2;\n", 1, "SQL before the \"-- +goose Up\"");
	refused("-- +goose Down\nSELECT 1;\n", 1, "before any \"-- +goose Up\"");
	refused("-- +goose Up\n-- +goose Up\n", 2, "a second \"-- +goose Up\" annotation (the first is at line 1)");
	refused("-- +goose Up\n-- +goose Down\n-- +goose Down\n", 3, "a second \"-- +goose Down\"");
	refused("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n", 2, "without its StatementEnd");
	refused("-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementBegin\n", 3, "inside another statement block (begun at line 2)");
	refused("-- +goose Up\n-- +goose StatementEnd\n", 2, "without a StatementBegin");
	refused("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n", 4, "inside a statement block (its StatementBegin is at line 2)");
	refused("-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${X}';\n", 2, "not supported");
	refused("-- +goose Up\n-- +goose Sideways\n", 2, "unknown goose annotation \"-- +goose Sideways\"");
	refused("-- +goose NO TRANSACTION\nSELECT 1;\n", 2, "SQL before the \"-- +goose Up\"");
}

static void test_golang_migrate_file(void **state)
{
	(void)state;
	mig_migration m;
	memset(&m, 0, sizeof(m));
	const char *up = "-- a comment\nCREATE TABLE t (id int);\n";
	assert_int_equal(mig__load_sql_whole(&m, "1_t.up.sql", up, strlen(up), false), 0);
	assert_string_equal(op_text(&m.up, 0), "-- a comment\nCREATE TABLE t (id int);");
	assert_int_equal(m.up.ops[0].line, 1);
	const char *down = "DROP TABLE t;";
	assert_int_equal(mig__load_sql_whole(&m, "1_t.down.sql", down, strlen(down), true), 0);
	assert_int_equal(m.down_kind, MIG_ACTION_FUNCTION);
	assert_string_equal(op_text(&m.down, 0), "DROP TABLE t;");
	mig_migration_dispose(&m);

	/* one direction per file: a marker is refused, naming that file */
	memset(&m, 0, sizeof(m));
	const char *marked = "SELECT 1;\n-- Down Migration\nSELECT 2;\n";
	assert_int_equal(mig__load_sql_whole(&m, "1_t.up.sql", marked, strlen(marked), false), MIG_EINPUT);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->file, "1_t.up.sql");
	assert_int_equal(e->line, 2);
	assert_non_null(strstr(e->message, "golang-migrate .up.sql file"));
	mig_error_clear();
	mig_migration_dispose(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),	    cmocka_unit_test(test_mixed_markers),
		cmocka_unit_test(test_dbmate),	    cmocka_unit_test(test_dbmate_errors),
		cmocka_unit_test(test_goose),	    cmocka_unit_test(test_goose_errors),
		cmocka_unit_test(test_golang_migrate_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
