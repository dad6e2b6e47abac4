/*
 * The public API (src/api/, <migrations.h>) against real SQLite: a
 * session's open / migrate / status / rollback / redo / sql / repair
 * calls, the options' version check, the error accessors (code, message,
 * file, line) and mig_free. Only public headers are used for the calls;
 * test_support.h brings the temporary-folder helpers.
 */
#include "test_support.h"

#include "migrations/errors.h"
#include "migrations/session.h"
#include "migrations/status.h"
#include "migrations/version.h"

#include <sys/stat.h>

/* ---- fixture ----------------------------------------------------------------- */

typedef struct env {
	char *dir;  /* temporary folder: the migrations in m/, databases beside */
	char *mdir; /* dir/m */
	mig_str events; /* "done 001_a", "down 002_b", "nothing", "step ...": one a line */
} env;

static void on_event(const mig_session_event *ev, void *payload)
{
	env *e = payload;
	switch (ev->type) {
	case MIG_EVENT_MIGRATION_DONE:
		mig_str_printf(&e->events, "%s %s\n", ev->down ? "down" : "done", ev->migration);
		break;
	case MIG_EVENT_NOTHING:
		mig_str_puts(&e->events, "nothing\n");
		break;
	case MIG_EVENT_STEP:
		if (!ev->bookkeeping)
			mig_str_printf(&e->events, "step %s\n", ev->text);
		break;
	default:
		break;
	}
}

/* The events since the last call (caller frees). */
static char *take_events(env *e)
{
	char *s = mig_str_detach(&e->events);
	return s ? s : mig_strdup("");
}

static void expect_events(env *e, const char *want)
{
	char *got = take_events(e);
	assert_string_equal(got, want);
	free(got);
}

static int setup(void **state)
{
	env *e = calloc(1, sizeof(*e));
	e->dir = make_tmpdir();
	e->mdir = mig_aprintf("%s/m", e->dir);
	assert_int_equal(mkdir(e->mdir, 0700), 0);
	write_file(e->mdir, "001_a.sql", "-- Up Migration\nCREATE TABLE a (x int);\n-- Down Migration\nDROP TABLE a;\n");
	write_file(e->mdir, "002_b.sql", "-- Up Migration\nCREATE TABLE b (y int);\n-- Down Migration\nDROP TABLE b;\n");
	write_file(e->mdir, "003_c.sql", "-- Up Migration\nCREATE TABLE c (z int);\n-- Down Migration\nDROP TABLE c;\n");
	e->events = (mig_str)MIG_STR_INIT;
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	env *e = *state;
	mig_str_free(&e->events);
	free(e->mdir);
	rm_tree(e->dir);
	free(e);
	mig_error_clear();
	return 0;
}

static mig_session *open_ok(env *e, const char *url)
{
	mig_session_options o = MIG_SESSION_OPTIONS_INIT;
	o.migrations_dir = e->mdir;
	o.on_event = on_event;
	o.payload = e;
	mig_session *s = NULL;
	int rc = mig_session_open(&s, url, &o);
	if (rc)
		fail_msg("open %s: %s", url, mig_error_get_message(mig_error_last()));
	assert_non_null(s);
	return s;
}

/* "001_a=applied 002_b=pending ..." */
static char *status_text(mig_session *s)
{
	mig_status_list *l = NULL;
	int rc = mig_session_status(&l, s);
	if (rc)
		fail_msg("status: %s", mig_error_get_message(mig_error_last()));
	mig_str out = MIG_STR_INIT;
	for (size_t i = 0; i < mig_status_count(l); i++) {
		mig_status_state st = mig_status_state_of(l, i);
		mig_str_printf(&out, "%s%s=%s", i ? " " : "", mig_status_name(l, i),
			       st == MIG_STATUS_APPLIED ? "applied" : st == MIG_STATUS_FAILED ? "failed" : "pending");
		/* run_on is set exactly for applied ones; the file is there */
		assert_true((mig_status_run_on(l, i) != NULL) == (st == MIG_STATUS_APPLIED));
		assert_non_null(strstr(mig_status_file(l, i), mig_status_name(l, i)));
	}
	mig_free(l);
	char *t = mig_str_detach(&out);
	return t ? t : mig_strdup("");
}

static void expect_status(mig_session *s, const char *want)
{
	char *got = status_text(s);
	assert_string_equal(got, want);
	free(got);
}

/* ---- tests --------------------------------------------------------------------- */

static void test_version(void **state)
{
	(void)state;
	assert_string_equal(mig_version(), MIG_VERSION);
	assert_int_equal(mig_version_number(), MIG_VERSION_NUMBER);
	char want[64];
	snprintf(want, sizeof(want), "%d.%d.%d", MIG_VERSION_MAJOR, MIG_VERSION_MINOR, MIG_VERSION_PATCH);
	assert_string_equal(mig_version(), want);
}

/* Every failing open: a code, one message, *out NULL. */
static void expect_open_fails(const char *url, const mig_session_options *o, int code, const char *frag)
{
	mig_session *s = (mig_session *)&s; /* not NULL: open must reset it */
	int rc = mig_session_open(&s, url, o);
	assert_null(s);
	const mig_error *err = mig_error_last();
	assert_int_equal(rc, code);
	assert_int_equal(mig_error_get_code(err), code);
	if (!strstr(mig_error_get_message(err), frag))
		fail_msg("open %s: message '%s' lacks '%s'", url ? url : "(null)", mig_error_get_message(err), frag);
	mig_error_clear();
}

static void test_open_errors(void **state)
{
	env *e = *state;
	mig_session_options o = MIG_SESSION_OPTIONS_INIT;
	o.migrations_dir = e->mdir;

	assert_int_equal(mig_session_open(NULL, "sqlite::memory:", &o), MIG_EUSAGE);
	mig_error_clear();
	expect_open_fails(NULL, &o, MIG_EUSAGE, "no database URL");
	expect_open_fails("nosuch://host/db", &o, MIG_EINPUT, "nosuch");

	mig_session_options zero;
	memset(&zero, 0, sizeof(zero));
	expect_open_fails("sqlite::memory:", &zero, MIG_EUSAGE, "MIG_SESSION_OPTIONS_INIT");
	mig_session_options newer = o;
	newer.version = MIG_SESSION_OPTIONS_VERSION + 1;
	expect_open_fails("sqlite::memory:", &newer, MIG_EUSAGE, "newer");

	/* a migrations folder that is not there fails at open, naming it */
	mig_session_options gone = o;
	char *missing = mig_aprintf("%s/none", e->dir);
	gone.migrations_dir = missing;
	mig_session *s = NULL;
	assert_true(mig_session_open(&s, "sqlite::memory:", &gone) < 0);
	assert_null(s);
	assert_non_null(strstr(mig_error_get_message(mig_error_last()), missing));
	mig_error_clear();
	free(missing);

	/* a database file that cannot be created */
	char *bad = mig_aprintf("sqlite:%s/no/such/dir/x.db", e->dir);
	expect_open_fails(bad, &o, MIG_ECONNECT, "x.db");
	free(bad);

	/* the options' init function checks the version too */
	mig_session_options init;
	assert_int_equal(mig_session_options_init(&init, MIG_SESSION_OPTIONS_VERSION), 0);
	assert_int_equal(init.version, MIG_SESSION_OPTIONS_VERSION);
	assert_null(init.migrations_dir);
	assert_int_equal(mig_session_options_init(&init, 42), MIG_EUSAGE);
	mig_run_options ro;
	assert_int_equal(mig_run_options_init(&ro, MIG_RUN_OPTIONS_VERSION), 0);
	assert_int_equal(mig_run_options_init(&ro, 0), MIG_EUSAGE);
	mig_error_clear();
}

/* An in-memory database lives as long as its connection: that the
 * migrations are still there at the next call shows the session kept it. */
static void test_memory_session_keeps_connection(void **state)
{
	env *e = *state;
	mig_session *s = open_ok(e, "sqlite::memory:");
	assert_string_equal(mig_session_dialect(s), "sqlite");
	expect_status(s, "001_a=pending 002_b=pending 003_c=pending");

	assert_int_equal(mig_session_migrate(s, NULL), 0);
	expect_events(e, "done 001_a\ndone 002_b\ndone 003_c\n");
	expect_status(s, "001_a=applied 002_b=applied 003_c=applied");

	/* rollback: the last one by default */
	assert_int_equal(mig_session_rollback(s, NULL), 0);
	expect_events(e, "down 003_c\n");
	expect_status(s, "001_a=applied 002_b=applied 003_c=pending");

	/* redo: the last one down and up again */
	assert_int_equal(mig_session_redo(s, NULL), 0);
	expect_events(e, "down 002_b\ndone 002_b\n");

	/* rollback 0: all */
	mig_run_options all = MIG_RUN_OPTIONS_INIT;
	all.has_count = true;
	all.count = 0;
	assert_int_equal(mig_session_rollback(s, &all), 0);
	expect_events(e, "down 002_b\ndown 001_a\n");
	expect_status(s, "001_a=pending 002_b=pending 003_c=pending");

	/* migrate up to a name */
	mig_run_options upto = MIG_RUN_OPTIONS_INIT;
	upto.name = "002_b";
	assert_int_equal(mig_session_migrate(s, &upto), 0);
	expect_events(e, "done 001_a\ndone 002_b\n");

	/* a dry run reports the SQL and changes nothing */
	mig_run_options dry = MIG_RUN_OPTIONS_INIT;
	dry.dry_run = true;
	assert_int_equal(mig_session_migrate(s, &dry), 0);
	char *ev = take_events(e);
	assert_non_null(strstr(ev, "step "));
	assert_non_null(strstr(ev, "CREATE TABLE c (z int);"));
	assert_null(strstr(ev, "CREATE TABLE a"));
	free(ev);
	expect_status(s, "001_a=applied 002_b=applied 003_c=pending");

	/* run options are version-checked like the session's */
	mig_run_options zero;
	memset(&zero, 0, sizeof(zero));
	assert_int_equal(mig_session_migrate(s, &zero), MIG_EUSAGE);
	assert_non_null(strstr(mig_error_get_message(mig_error_last()), "MIG_RUN_OPTIONS_INIT"));
	mig_error_clear();
	expect_status(s, "001_a=applied 002_b=applied 003_c=pending");
	mig_free(s);
}

/* A file database: what one session applied, the next one sees, and a
 * second migrate has nothing to do. */
static void test_file_database(void **state)
{
	env *e = *state;
	char *url = mig_aprintf("sqlite:%s/app.db", e->dir);
	mig_session *s = open_ok(e, url);
	assert_int_equal(mig_session_migrate(s, NULL), 0);
	mig_free(s);
	expect_events(e, "done 001_a\ndone 002_b\ndone 003_c\n");

	s = open_ok(e, url);
	expect_status(s, "001_a=applied 002_b=applied 003_c=applied");
	assert_int_equal(mig_session_migrate(s, NULL), 0);
	expect_events(e, "nothing\n");
	mig_free(s);
	free(url);
}

/* A failing statement: the code, the message, the file and the line of
 * the statement, the statement itself; nothing stays applied. */
static void test_error_location(void **state)
{
	env *e = *state;
	write_file(e->mdir, "004_bad.sql",
		   "-- Up Migration\nCREATE TABLE d (x int);\nCREATE TABLE nope (;\n-- Down Migration\nDROP TABLE d;\n");
	mig_session *s = open_ok(e, "sqlite::memory:");
	int rc = mig_session_migrate(s, NULL);
	assert_int_equal(rc, MIG_ESQL);
	const mig_error *err = mig_error_last();
	assert_int_equal(mig_error_get_code(err), MIG_ESQL);
	assert_string_equal(mig_error_name(mig_error_get_code(err)), "sql");
	assert_non_null(strstr(mig_error_get_message(err), "syntax error"));
	assert_non_null(mig_error_get_file(err));
	assert_non_null(strstr(mig_error_get_file(err), "004_bad.sql"));
	assert_int_equal(mig_error_get_line(err), 3);
	assert_non_null(strstr(mig_error_get_statement(err), "CREATE TABLE nope ("));
	assert_non_null(mig_error_get_note(err));
	mig_error_clear();
	/* one transaction for the run: the three good ones went with it */
	expect_status(s, "001_a=pending 002_b=pending 003_c=pending 004_bad=pending");
	mig_free(s);
}

static void test_sql(void **state)
{
	env *e = *state;
	mig_session *s = open_ok(e, "sqlite::memory:");
	char *sql = NULL;
	/* the migration's own statements, one direction */
	assert_int_equal(mig_session_sql(&sql, s, "002_b", NULL, false), 0);
	assert_non_null(strstr(sql, "CREATE TABLE b (y int);"));
	assert_null(strstr(sql, "DROP TABLE"));
	mig_free(sql);
	assert_int_equal(mig_session_sql(&sql, s, "002_b", "postgres", true), 0);
	assert_non_null(strstr(sql, "DROP TABLE b;"));
	assert_null(strstr(sql, "CREATE TABLE"));
	mig_free(sql);

	sql = (char *)"unchanged";
	assert_int_equal(mig_session_sql(&sql, s, "009_none", NULL, false), MIG_EUSAGE);
	assert_null(sql);
	assert_non_null(strstr(mig_error_get_message(mig_error_last()), "009_none"));
	assert_int_equal(mig_session_sql(&sql, s, "002_b", "oracle", false), MIG_EUSAGE);
	mig_error_clear();
	/* nothing ran: sql needs no database */
	expect_status(s, "001_a=pending 002_b=pending 003_c=pending");
	mig_free(s);
}

static void test_repair_refuses_when_nothing_failed(void **state)
{
	env *e = *state;
	mig_session *s = open_ok(e, "sqlite::memory:");
	assert_int_equal(mig_session_repair(s, "001_a", true), MIG_EINPUT);
	assert_non_null(strstr(mig_error_get_message(mig_error_last()), "nothing to repair"));
	mig_error_clear();
	mig_free(s);
}

/* The options that reach the run: the ignore pattern picks the files,
 * the lock strategy is checked, the table name is used. */
static void test_session_options_reach_the_run(void **state)
{
	env *e = *state;
	mig_session_options o = MIG_SESSION_OPTIONS_INIT;
	o.migrations_dir = e->mdir;
	o.ignore_pattern = "^002_.*";
	o.migrations_table = "my_state";
	o.lock_strategy = "table";
	char *url = mig_aprintf("sqlite:%s/opts.db", e->dir);
	mig_session *s = NULL;
	assert_int_equal(mig_session_open(&s, url, &o), 0);
	expect_status(s, "001_a=pending 003_c=pending");
	assert_int_equal(mig_session_migrate(s, NULL), 0);
	expect_status(s, "001_a=applied 003_c=applied");
	mig_free(s);

	/* the state went to my_state: a session without the pattern sees it */
	mig_session_options plain = MIG_SESSION_OPTIONS_INIT;
	plain.migrations_dir = e->mdir;
	plain.migrations_table = "my_state";
	assert_int_equal(mig_session_open(&s, url, &plain), 0);
	expect_status(s, "001_a=applied 003_c=applied 002_b=pending");
	mig_free(s);

	o.lock_strategy = "bogus";
	assert_int_equal(mig_session_open(&s, url, &o), 0);
	assert_int_equal(mig_session_migrate(s, NULL), MIG_EUSAGE);
	assert_non_null(strstr(mig_error_get_message(mig_error_last()), "bogus"));
	mig_error_clear();
	mig_free(s);
	free(url);
}

static void test_free_and_accessors_on_nothing(void **state)
{
	(void)state;
	mig_free(NULL);
	mig_error_clear();
	assert_null(mig_error_last());
	assert_int_equal(mig_error_get_code(NULL), MIG_OK);
	assert_string_equal(mig_error_get_message(NULL), "no error");
	assert_null(mig_error_get_file(NULL));
	assert_int_equal(mig_error_get_line(NULL), 0);
	assert_int_equal(mig_error_get_column(NULL), 0);
	assert_null(mig_error_get_statement(NULL));
	assert_string_equal(mig_error_name(MIG_ELOCKED), "locked");
	assert_string_equal(mig_error_name(12345), "error");
	assert_int_equal(mig_status_count(NULL), 0);
	assert_null(mig_status_name(NULL, 0));
	assert_int_equal(mig_status_state_of(NULL, 3), MIG_STATUS_PENDING);
	assert_null(mig_session_dialect(NULL));
	assert_int_equal(mig_session_migrate(NULL, NULL), MIG_EUSAGE);
	mig_status_list *l = (mig_status_list *)&l;
	assert_int_equal(mig_session_status(&l, NULL), MIG_EUSAGE);
	assert_null(l);
	mig_error_clear();
}

/* Out of range: NULL, not a neighbour's memory. */
static void test_status_out_of_range(void **state)
{
	env *e = *state;
	mig_session *s = open_ok(e, "sqlite::memory:");
	mig_status_list *l = NULL;
	assert_int_equal(mig_session_status(&l, s), 0);
	assert_int_equal(mig_status_count(l), 3);
	assert_null(mig_status_name(l, 3));
	assert_null(mig_status_file(l, 3));
	assert_null(mig_status_run_on(l, 0));
	assert_null(mig_status_error(l, 0));
	mig_free(l);
	mig_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memory_session_keeps_connection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_location, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sql, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repair_refuses_when_nothing_failed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_options_reach_the_run, setup, teardown),
		cmocka_unit_test(test_free_and_accessors_on_nothing),
		cmocka_unit_test_setup_teardown(test_status_out_of_range, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
