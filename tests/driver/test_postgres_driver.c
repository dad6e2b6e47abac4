/*
 * The PostgreSQL driver through its interface (drivers/driver.h), against
 * the server in MIG_TEST_PG_URL (tests/ci/postgres-up.sh). Without it the
 * test is skipped (exit 77), or fails when CI is set. It works in its own
 * scratch database, dropped at the end.
 */
#include "test_support.h"
#include "pg_support.h"
#include "driver_support.h"

#include "util/alloc.h"

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "engine/lock.h"
#include "engine/url.h"
#include "mig_features.h"

#include <time.h>

#if MIG_HAVE_POSTGRES

static const char *server_url;
static char *scratch_url; /* the scratch database */
static char scratch_name[32];


/* User SQL as the runner sends it: split by the PostgreSQL dialect, then
 * one round trip for the whole step. */
static int xstep(mig_conn *c, const char *sql)
{
	const mig_dialect *d = mig_dialect_find("postgres");
	size_t *start = NULL, *len = NULL, n = 0;
	assert_int_equal(d->split(sql, strlen(sql), &start, &len, &n), 0);
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(mig_steps_push_user(&steps, mig_strdup(sql), start, len, n), 0);
	mig__free(start);
	mig__free(len);
	size_t done = 0;
	int rc = ops(c)->exec_step(c, &steps.v[0], &done);
	mig_steps_free(&steps);
	return rc;
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(scratch_name, sizeof(scratch_name), "mig_t_unit_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	return scratch_db_create(server_url, scratch_name, "", &scratch_url);
}

static int group_teardown(void **state)
{
	(void)state;
	scratch_db_drop(server_url, scratch_name, " WITH (FORCE)", &scratch_url);
	return 0;
}

static void test_open_bad_input_and_unreachable(void **state)
{
	(void)state;
	/* an unknown parameter is bad input */
	char *u = mig_aprintf("%s?no_such_option=1", scratch_url);
	expect_error(open_fails(u, NULL), MIG_EINPUT, "no_such_option");
	free(u);
	/* a closed port: MIG_ECONNECT, URL redacted, password nowhere */
	assert_int_equal(open_fails("postgres://someone:Sekr1t-pw@127.0.0.1:1/db", NULL), MIG_ECONNECT);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "postgres://someone:****@127.0.0.1:1/db"));
	assert_null(strstr(e->message, "Sekr1t-pw"));
	assert_true(!e->detail || !strstr(e->detail, "Sekr1t-pw"));
	mig_error_clear();
	/* a bad sslmode value is caught by libpq before connecting */
	u = mig_aprintf("%s?sslmode=sometimes", scratch_url);
	expect_error(open_fails(u, NULL), MIG_EINPUT, "sslmode");
	free(u);
}

#define DROP_TAIL " WITH (FORCE)"

/* create_database: a missing database is MIG_ENODATABASE at open; the
 * driver creates it once, then finds it there. */
static void test_create_database(void **state)
{
	(void)state;
	char name[48];
	snprintf(name, sizeof(name), "%s_new", scratch_name);
	char *u = url_with_db(server_url, name);
	assert_int_equal(open_fails(u, NULL), MIG_ENODATABASE);
	mig_error_clear();
	mig_url url;
	assert_int_equal(mig_url_parse(u, &url), 0);
	bool created = false;
	assert_int_equal(mig_driver_create_database(&url, NULL, &created), 0);
	assert_true(created);
	mig_conn *c = open_url(u, NULL);
	ops(c)->close(c);
	assert_int_equal(mig_driver_create_database(&url, NULL, &created), 0);
	assert_false(created);
	mig_url_dispose(&url);
	char *none = NULL;
	scratch_db_drop(server_url, name, DROP_TAIL, &none);
	free(u);
}

static void test_exec_and_query(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	/* the server's facts, read at connect */
	assert_non_null(c->server.text);
	assert_non_null(strstr(c->server.text, "PostgreSQL "));
	assert_string_equal(c->server.flavour, "postgres");
	assert_true(c->server.version >= 90600);
	assert_true(c->caps & MIG_CAP_TXN_DDL);
	assert_true(c->caps & MIG_CAP_SESSION_LOCK);
	/* one step, several statements */
	assert_int_equal(xstep(c, "CREATE TABLE q (id int, v text); INSERT INTO q VALUES (1, 'a'), (2, NULL);"), 0);
	mig_rows *rows = NULL;
	assert_int_equal(ops(c)->query(c, "SELECT id, v FROM q ORDER BY id", &rows), 0);
	assert_int_equal(rows->nrows, 2);
	assert_int_equal(rows->ncols, 2);
	assert_string_equal(mig_rows_get(rows, 0, 1), "a");
	assert_null(mig_rows_get(rows, 1, 1)); /* SQL NULL */
	mig_rows_free(rows);
	/* an empty step and a comment-only step are fine */
	assert_int_equal(x(c, ""), 0);
	assert_int_equal(x(c, "-- nothing\n/* at all */"), 0);
	/* the client encoding is UTF8 whatever the environment says */
	char *enc = query1(c, "SHOW client_encoding");
	assert_string_equal(enc, "UTF8");
	free(enc);
	char *app = query1(c, "SHOW application_name");
	assert_string_equal(app, "migrations");
	free(app);
	assert_int_equal(x(c, "DROP TABLE q"), 0);
	ops(c)->close(c);
}

static void test_error_fields(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	/* a position after multi-byte characters is a byte offset */
	const char *sql = "SELECT 'ééé' AS x, nosuchcol";
	assert_int_equal(x(c, sql), MIG_ESQL);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->message, "column \"nosuchcol\" does not exist");
	assert_string_equal(e->sqlstate, "42703");
	assert_string_equal(e->statement, sql);
	assert_int_equal(e->position, (int)(strstr(sql, "nosuchcol") - sql) + 1);
	mig_error_clear();

	/* the position moves with the statement that holds it */
	const char *two = "SELECT 1;\nSELECT 'é', nope;";
	assert_int_equal(xstep(c, two), MIG_ESQL);
	e = mig_error_last();
	assert_string_equal(e->statement, "SELECT 'é', nope;");
	assert_int_equal(e->position, (int)strlen("SELECT 'é', ") + 1);
	mig_error_clear();

	/* a run-time error names the failing statement of the step, past
	 * semicolons in dollar quotes, strings, comments and parentheses */
	assert_int_equal(x(c, "CREATE TABLE u (id int PRIMARY KEY)"), 0);
	const char *step = "DO $x$ BEGIN PERFORM 1; END $x$;\n"
			   "/* a; b /* nested; */ */ SELECT ';' AS s, E'\\';' AS t;\n"
			   "-- ; a comment\n"
			   "INSERT INTO u VALUES (1);\n"
			   "INSERT INTO u (SELECT 1);\n"
			   "SELECT 2;";
	assert_int_equal(xstep(c, step), MIG_ESQL);
	e = mig_error_last();
	assert_string_equal(e->sqlstate, "23505");
	assert_string_equal(e->statement, "INSERT INTO u (SELECT 1);");
	assert_int_equal(e->position, 0);
	assert_non_null(e->detail);
	assert_non_null(strstr(e->detail, "Key (id)=(1) already exists."));
	mig_error_clear();
	/* nothing of that step stayed: a step is one implicit transaction */
	char *n = query1(c, "SELECT count(*) FROM u");
	assert_string_equal(n, "0");
	free(n);

	/* detail, hint and context from PL/pgSQL */
	assert_int_equal(x(c, "DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'the detail', HINT = 'the hint'; END $$"),
			 MIG_ESQL);
	e = mig_error_last();
	assert_string_equal(e->message, "boom");
	assert_string_equal(e->hint, "the hint");
	assert_non_null(strstr(e->detail, "the detail"));
	assert_non_null(strstr(e->detail, "context: PL/pgSQL function"));
	mig_error_clear();

	/* COPY from the client has no data stream: refused, not hung */
	assert_int_equal(x(c, "COPY u FROM STDIN"), MIG_ESQL);
	assert_non_null(strstr(mig_error_last()->message, "COPY FROM STDIN cannot be used"));
	mig_error_clear();
	assert_int_equal(xstep(c, "COPY u TO STDOUT; SELECT 1"), 0);
	ops(c)->close(c);
}

static void collect_notice(void *ud, const char *message)
{
	mig_str *s = ud;
	mig_str_puts(s, message);
	mig_str_putc(s, '\n');
}

static void test_notices_and_settings(void **state)
{
	(void)state;
	mig_str notices = MIG_STR_INIT;
	mig_conn_opts o = {.notice = collect_notice, .notice_ud = &notices};
	mig_conn *c = open_url(scratch_url, &o);
	assert_int_equal(x(c, "DROP TABLE IF EXISTS never_there"), 0);
	assert_non_null(strstr(mig_str_cstr(&notices), "NOTICE:  table \"never_there\" does not exist, skipping"));
	char *v = query1(c, "SHOW client_min_messages");
	assert_string_equal(v, "notice");
	free(v);
	/* the dialect's session setup: pins, timeouts, search_path */
	const mig_dialect *d = mig_dialect_find("postgres");
	mig_session_opts so = {.lock_timeout = "1500ms", .statement_timeout = "2min"};
	mig_strv stmts = MIG_STRV_INIT;
	assert_int_equal(d->session_sql(&so, &stmts), 0);
	assert_int_equal(x(c, "SET standard_conforming_strings TO off"), 0);
	for (size_t i = 0; i < stmts.n; i++)
		assert_int_equal(x(c, stmts.v[i]), 0);
	mig_strv_free(&stmts);
	v = query1(c, "SHOW lock_timeout");
	assert_string_equal(v, "1500ms");
	free(v);
	v = query1(c, "SHOW statement_timeout");
	assert_string_equal(v, "2min");
	free(v);
	v = query1(c, "SHOW standard_conforming_strings");
	assert_string_equal(v, "on");
	free(v);
	ops(c)->close(c);
	mig_str_free(&notices);

	/* nobody listening: only warnings and worse are sent */
	c = open_url(scratch_url, NULL);
	v = query1(c, "SHOW client_min_messages");
	assert_string_equal(v, "warning");
	free(v);
	/* a value PostgreSQL refuses stays a literal, even a hostile one,
	 * whatever standard_conforming_strings says */
	assert_int_equal(x(c, "SET standard_conforming_strings TO off"), 0);
	mig_session_opts bad = {.lock_timeout = "1s\\'; SELECT 'x"};
	assert_int_equal(d->session_sql(&bad, &stmts), 0);
	assert_int_equal(x(c, stmts.v[1]), MIG_ESQL);
	assert_string_equal(mig_error_last()->sqlstate, "22023");
	mig_error_clear();
	mig_strv_free(&stmts);
	ops(c)->close(c);
}

static void test_transactions(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	/* rollback with nothing open is a quiet no-op */
	assert_int_equal(ops(c)->rollback(c), 0);
	assert_int_equal(ops(c)->begin(c, 0), 0);
	assert_int_equal(x(c, "CREATE TABLE tx (id int)"), 0);
	assert_int_equal(ops(c)->rollback(c), 0);
	char *n = query1(c, "SELECT count(*) FROM pg_class WHERE relname = 'tx'");
	assert_string_equal(n, "0");
	free(n);
	/* a failed transaction cannot be committed */
	assert_int_equal(ops(c)->begin(c, 0), 0);
	assert_int_equal(x(c, "CREATE TABLE tx (id int)"), 0);
	assert_int_equal(x(c, "SELECT 1/0"), MIG_ESQL);
	mig_error_clear();
	assert_int_equal(ops(c)->commit(c), MIG_ESQL);
	mig_error_clear();
	assert_int_equal(ops(c)->rollback(c), 0);
	/* and a good one commits */
	assert_int_equal(ops(c)->begin(c, MIG_TXN_RELAXED_FK), 0);
	assert_int_equal(x(c, "CREATE TABLE tx (id int)"), 0);
	assert_int_equal(ops(c)->commit(c), 0);
	n = query1(c, "SELECT count(*) FROM pg_class WHERE relname = 'tx'");
	assert_string_equal(n, "1");
	free(n);
	assert_int_equal(x(c, "DROP TABLE tx"), 0);
	ops(c)->close(c);
}

static double since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The advisory lock through the core's lock module. */
static int take(mig_conn *c, int64_t key, double wait, mig_lock *out)
{
	mig_lock_request req = {.key = key, .scope = scratch_name, .wait_seconds = wait};
	return mig_lock_acquire(c, c->driver->session_lock, &req, NULL, NULL, out);
}

static void test_lock(void **state)
{
	(void)state;
	mig_conn *a = open_url(scratch_url, NULL), *b = open_url(scratch_url, NULL);
	const mig_lock_strategy *s = NULL;
	assert_int_equal(mig_lock_choose(a, MIG_LOCK_AUTO, &s), 0);
	assert_ptr_equal(s, a->driver->session_lock);
	mig_lock la, lb;
	assert_int_equal(take(a, 7241865325823964LL, 0, &la), 0);
	/* node-pg-migrate's message, and who holds it */
	assert_int_equal(take(b, 7241865325823964LL, 0, &lb), MIG_ELOCKED);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->message, "Another migration is already running. Advisory lock mode is set to 'fail'.");
	assert_non_null(e->detail);
	assert_non_null(strstr(e->detail, "held by server process"));
	assert_non_null(strstr(e->hint, "--lock-wait"));
	mig_error_clear();
	/* a bounded wait gives up after about that long */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(take(b, 7241865325823964LL, 0.4, &lb), MIG_ELOCKED);
	double took = since(&t0);
	assert_true(took >= 0.39 && took < 5);
	assert_non_null(strstr(mig_error_last()->message, "the advisory lock 7241865325823964 was still held after waiting 0.4 s"));
	mig_error_clear();
	/* another key is another lock */
	assert_int_equal(take(b, -5, 0, &lb), 0);
	assert_int_equal(mig_lock_release(b, &lb), 0);
	/* released: the other session gets it, once */
	assert_int_equal(mig_lock_release(a, &la), 0);
	assert_int_equal(mig_lock_release(a, &la), 0); /* not held: nothing to do */
	assert_int_equal(take(b, 7241865325823964LL, 0, &lb), 0);
	char *held = query1(a, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND objsubid = 1");
	assert_string_equal(held, "1");
	free(held);
	/* closing the session releases it too; waiting forever is the
	 * server's wait */
	ops(b)->close(b);
	assert_int_equal(take(a, 7241865325823964LL, -1, &la), 0);
	assert_int_equal(mig_lock_release(a, &la), 0);
	ops(a)->close(a);
}

static void test_connection_lost(void **state)
{
	(void)state;
	mig_conn *a = open_url(scratch_url, NULL), *b = open_url(scratch_url, NULL);
	char *pid = query1(a, "SELECT pg_backend_pid()");
	char *sql = mig_aprintf("SELECT pg_terminate_backend(%s)", pid);
	char *ok = query1(b, sql);
	assert_string_equal(ok, "t");
	free(ok);
	free(sql);
	free(pid);
	int rc = x(a, "SELECT 1");
	assert_int_equal(rc, MIG_ECONNLOST);
	assert_non_null(strstr(mig_error_last()->message, "lost the connection"));
	mig_error_clear();
	ops(a)->close(a);
	ops(b)->close(b);
}

int main(void)
{
	server_url = getenv("MIG_TEST_PG_URL");
	if (!server_url || !*server_url) {
		const char *ci = getenv("CI");
		if (ci && (strcmp(ci, "true") == 0 || strcmp(ci, "1") == 0)) {
			fprintf(stderr, "FAIL: MIG_TEST_PG_URL is not set (CI is set: a missing server is a failure)\n");
			return 1;
		}
		fprintf(stderr, "SKIP: MIG_TEST_PG_URL is not set (eval \"$(tests/ci/postgres-up.sh)\" starts a server)\n");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_bad_input_and_unreachable),
		cmocka_unit_test(test_create_database),
		cmocka_unit_test(test_exec_and_query),
		cmocka_unit_test(test_error_fields),
		cmocka_unit_test(test_notices_and_settings),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_connection_lost),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

#else /* !MIG_HAVE_POSTGRES */

int main(void)
{
	fprintf(stderr, "SKIP: this build has no PostgreSQL driver\n");
	return 77;
}

#endif
