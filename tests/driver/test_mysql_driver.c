/*
 * The MySQL/MariaDB driver through its interface (drivers/driver.h),
 * against the server in MIG_TEST_MYSQL_URL (tests/ci/mysql-up.sh).
 * Without it the test is skipped (exit 77), or fails when CI is set. It
 * works in its own scratch database, dropped at the end.
 */
#include "test_support.h"
#include "mysql_support.h"
#include "driver_support.h"

#include "util/alloc.h"

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "engine/lock.h"
#include "engine/url.h"
#include "mig_features.h"

#include <pthread.h>
#include <time.h>

#if MIG_HAVE_MYSQL

static const char *server_url;
static char *scratch_url;
static char scratch_name[40];
static const mig_state_names names = {.schema = NULL, .table = "pgmigrations"};

static void xok(mig_conn *c, const char *sql)
{
	if (x(c, sql) != 0)
		fail_msg("%s: %s", sql, mig_error_last()->message);
}

static void expect1(mig_conn *c, const char *sql, const char *want)
{
	char *v = query1(c, sql);
	if (!v || strcmp(v, want) != 0)
		fail_msg("%s gave '%s', not '%s'", sql, v ? v : "NULL", want);
	free(v);
}

static bool starts_with(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0) {
		print_error("'%s' does not start with '%s'\n", s, prefix);
		return false;
	}
	return true;
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(scratch_name, sizeof(scratch_name), "mig_drv_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	return scratch_db_create(server_url, scratch_name, " CHARACTER SET utf8mb4", &scratch_url);
}

static int group_teardown(void **state)
{
	(void)state;
	scratch_db_drop(server_url, scratch_name, "", &scratch_url);
	return 0;
}

static void test_connect_and_facts(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	assert_string_equal(c->driver->name, "mysql");
	assert_string_equal(c->server.flavour, "mariadb");
	assert_true(c->server.version >= 100000 && c->server.version < 1000000);
	char want[32];
	snprintf(want, sizeof(want), "MariaDB %lu.%lu.%lu", c->server.version / 10000, c->server.version / 100 % 100,
		 c->server.version % 100);
	assert_string_equal(c->server.text, want);
	/* DDL is not transactional and steps are not atomic here; a step is
	 * a batch of statements that each run as if sent alone */
	assert_int_equal(c->caps, MIG_CAP_SESSION_LOCK | MIG_CAP_BATCH);
	assert_non_null(ops(c)->exec_step);
	expect1(c, "SELECT @@character_set_client", "utf8mb4");
	expect1(c, "SELECT @@character_set_results", "utf8mb4");
	expect1(c, "SELECT DATABASE()", scratch_name);
	/* a 4-byte character survives the round trip */
	expect1(c, "SELECT HEX('\xF0\x9F\x98\x80')", "F09F9880");
	ops(c)->close(c);

	/* mariadb:// is the same driver */
	const char *sep = strstr(scratch_url, "://");
	char *m = mig_aprintf("mariadb%s", sep);
	c = open_url(m, NULL);
	assert_string_equal(c->server.flavour, "mariadb");
	ops(c)->close(c);
	free(m);

	/* the Unix socket, as ?socket= and as the host */
	const char *sock = getenv("MIG_TEST_MYSQL_SOCKET");
	if (sock && *sock) {
		char *u = mig_aprintf("mysql://root@localhost/%s?socket=%s", scratch_name, sock);
		c = open_url(u, NULL);
		expect1(c, "SELECT DATABASE()", scratch_name);
		ops(c)->close(c);
		free(u);
		mig_str enc = MIG_STR_INIT;
		for (const char *p = sock; *p; p++)
			if (*p == '/')
				mig_str_puts(&enc, "%2F");
			else
				mig_str_putc(&enc, *p);
		u = mig_aprintf("mysql://root@%s/%s", mig_str_cstr(&enc), scratch_name);
		c = open_url(u, NULL);
		expect1(c, "SELECT DATABASE()", scratch_name);
		ops(c)->close(c);
		free(u);
		mig_str_free(&enc);
	}
	/* ssl-mode=disabled really is plain text */
	char *u = mig_aprintf("%s?ssl-mode=disabled&connect-timeout=3", scratch_url);
	c = open_url(u, NULL);
	mig_rows *rows = NULL;
	assert_int_equal(ops(c)->query(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'", &rows), 0);
	assert_int_equal(rows->nrows, 1);
	assert_string_equal(mig_rows_get(rows, 0, 1), "");
	mig_rows_free(rows);
	ops(c)->close(c);
	free(u);
}

static void test_connect_errors(void **state)
{
	(void)state;
	/* an unknown parameter is bad input, before any connection */
	char *u = mig_aprintf("%s?sslmode=require", scratch_url);
	expect_error(open_fails(u, NULL), MIG_EINPUT, "unknown parameter 'sslmode'");
	free(u);
	/* nothing listens on port 1 */
	assert_int_equal(open_fails("mysql://root@127.0.0.1:1/db?connect-timeout=3", NULL), MIG_ECONNECT);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "cannot connect to MySQL/MariaDB at mysql://root@127.0.0.1:1/db?connect-timeout=3: "));
	assert_non_null(strstr(e->message, "(error 2002)") ? e->message : strstr(e->message, "(error 2003)"));
	mig_error_clear();
	/* the server has no TLS: required and verify-* fail, they do not
	 * fall back; preferred does */
	u = mig_aprintf("%s?ssl-mode=required", scratch_url);
	expect_error(open_fails(u, NULL), MIG_ECONNECT, "ssl-mode=required, but the server does not use TLS");
	free(u);
	u = mig_aprintf("%s?ssl-mode=verify-ca", scratch_url);
	expect_error(open_fails(u, NULL), MIG_ECONNECT, "cannot connect to MySQL/MariaDB at ");
	free(u);
	u = mig_aprintf("%s?ssl-mode=preferred", scratch_url);
	mig_conn *p = open_url(u, NULL);
	ops(p)->close(p);
	free(u);

	const char *pw_url = getenv("MIG_TEST_MYSQL_PASSWORD_URL");
	const char *pw = getenv("MIG_TEST_MYSQL_PASSWORD");
	if (!pw_url || !pw || !*pw)
		return;
	/* the right password works */
	mig_conn *c = open_url(pw_url, NULL);
	expect1(c, "SELECT CURRENT_USER()", "mig@127.0.0.1");
	ops(c)->close(c);
	/* a wrong one: MIG_ECONNECT, and neither password in the message */
	const char *colon = strchr(pw_url + strlen("mysql://"), ':');
	const char *at = strrchr(pw_url, '@');
	assert_non_null(colon);
	assert_non_null(at);
	char *wrong = mig_aprintf("%.*sWr0ng-p%%40ss%s", (int)(colon + 1 - pw_url), pw_url, at);
	assert_int_equal(open_fails(wrong, NULL), MIG_ECONNECT);
	e = mig_error_last();
	assert_non_null(strstr(e->message, "Access denied"));
	assert_non_null(strstr(e->message, "(error 1045)"));
	assert_non_null(strstr(e->message, "mysql://mig:****@127.0.0.1:"));
	assert_null(strstr(e->message, pw));
	char *encoded = mig_strndup(colon + 1, (size_t)(at - colon - 1));
	assert_null(strstr(e->message, encoded));
	assert_null(strstr(e->message, "Wr0ng"));
	assert_true(!e->detail || (!strstr(e->detail, pw) && !strstr(e->detail, "Wr0ng")));
	free(encoded);
	free(wrong);
	mig_error_clear();
}

#define DROP_TAIL ""

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

static void test_exec_drains_every_result(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	/* several results, then a statement: without draining, the next one
	 * would fail with error 2014 (commands out of sync) */
	xok(c, "SELECT 1; SELECT 2, 3; CREATE TABLE m (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB; "
	       "INSERT INTO m VALUES (1, 'a'), (2, NULL); SELECT * FROM m");
	expect1(c, "SELECT count(*) FROM m", "2");
	/* query keeps the last result with columns and drains the rest */
	expect1(c, "SELECT 1; SELECT 'last'; DO 0", "last");
	expect1(c, "SELECT 5", "5");
	/* nothing to run is fine: comments only, a trailing comment */
	xok(c, "");
	xok(c, "-- nothing\n/* at all */");
	xok(c, "SELECT 1; -- the end");
	/* a procedure's results, and its final status */
	xok(c, "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
	xok(c, "CALL p()");
	expect1(c, "CALL p()", "2");
	expect1(c, "SELECT 6", "6");
	xok(c, "DROP PROCEDURE p; DROP TABLE m");
	ops(c)->close(c);
}

static void test_errors(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	const char *sql = "SELECT * FROM no_such_table";
	assert_int_equal(x(c, sql), MIG_ESQL);
	const mig_error *e = mig_error_last();
	char *want = mig_aprintf("ERROR 1146 (42S02): Table '%s.no_such_table' doesn't exist", scratch_name);
	assert_string_equal(e->message, want);
	free(want);
	assert_string_equal(e->sqlstate, "42S02");
	assert_string_equal(e->statement, sql);
	mig_error_clear();
	/* a syntax error */
	assert_int_equal(x(c, "SELEC 1"), MIG_ESQL);
	e = mig_error_last();
	assert_true(starts_with(e->message, "ERROR 1064 (42000): You have an error in your SQL syntax"));
	assert_string_equal(e->sqlstate, "42000");
	mig_error_clear();
	/* the second statement of a text fails: the text is named, and which
	 * one it was; the first one ran; the connection goes on */
	xok(c, "CREATE TABLE e (id int PRIMARY KEY) ENGINE=InnoDB");
	const char *multi = "INSERT INTO e VALUES (1); INSERT INTO e VALUES (1); INSERT INTO e VALUES (3)";
	assert_int_equal(x(c, multi), MIG_ESQL);
	e = mig_error_last();
	assert_true(starts_with(e->message, "ERROR 1062 (23000): Duplicate entry '1'"));
	assert_string_equal(e->sqlstate, "23000");
	assert_string_equal(e->statement, multi);
	assert_non_null(e->detail);
	assert_non_null(strstr(e->detail, "statement 2 of this text failed"));
	mig_error_clear();
	expect1(c, "SELECT group_concat(id) FROM e", "1");
	/* a text that is not UTF-8 in a utf8mb4 session */
	xok(c, "DROP TABLE e");
	ops(c)->close(c);
}

/* exec_step (MIG_CAP_BATCH): one round trip; the statements before a
 * failing one stay done (DDL commits at once), *done counts them, the
 * error names the failing statement itself, and nothing after it runs. */
static void test_batch(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	mig_strv stmts = MIG_STRV_INIT;
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("CREATE TABLE b (id int PRIMARY KEY) ENGINE=InnoDB;")), 0);
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("INSERT INTO b VALUES (1);")), 0);
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("INSERT INTO b VALUES (1);")), 0);
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("INSERT INTO b VALUES (4);")), 0);
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	unsigned long trips = c->round_trips;
	size_t done = 99;
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), MIG_ESQL);
	assert_int_equal(c->round_trips, trips + 1);
	assert_int_equal(done, 2);
	const mig_error *e = mig_error_last();
	assert_true(starts_with(e->message, "ERROR 1062 (23000): Duplicate entry '1'"));
	assert_string_equal(e->statement, "INSERT INTO b VALUES (1);");
	assert_null(e->detail);
	mig_error_clear();
	expect1(c, "SELECT group_concat(id) FROM b", "1");
	mig_steps_free(&steps);
	/* all of it */
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("INSERT INTO b VALUES (2);")), 0);
	assert_int_equal(mig_strv_push(&stmts, mig_strdup("INSERT INTO b VALUES (3)")), 0);
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), 0);
	assert_int_equal(done, 2);
	expect1(c, "SELECT group_concat(id ORDER BY id) FROM b", "1,2,3");
	mig_steps_free(&steps);
	xok(c, "DROP TABLE b");
	ops(c)->close(c);
}

static void test_query_rows(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	mig_rows *rows = NULL;
	assert_int_equal(ops(c)->query(c, "SELECT 1 AS a, NULL AS b, 'x' AS c UNION ALL SELECT 2, 'y', NULL", &rows), 0);
	assert_int_equal(rows->nrows, 2);
	assert_int_equal(rows->ncols, 3);
	assert_string_equal(mig_rows_get(rows, 0, 0), "1");
	assert_null(mig_rows_get(rows, 0, 1));
	assert_string_equal(mig_rows_get(rows, 0, 2), "x");
	assert_string_equal(mig_rows_get(rows, 1, 1), "y");
	assert_null(mig_rows_get(rows, 1, 2));
	mig_rows_free(rows);
	/* no rows, and no result at all */
	assert_int_equal(ops(c)->query(c, "SELECT 1 FROM DUAL WHERE 0", &rows), 0);
	assert_int_equal(rows->nrows, 0);
	assert_int_equal(rows->ncols, 1);
	mig_rows_free(rows);
	assert_int_equal(ops(c)->query(c, "DO 1", &rows), 0);
	assert_int_equal(rows->nrows, 0);
	mig_rows_free(rows);
	ops(c)->close(c);
}

static void test_transactions(void **state)
{
	(void)state;
	mig_conn *c = open_url(scratch_url, NULL);
	assert_int_equal(ops(c)->rollback(c), 0); /* nothing open: harmless */
	xok(c, "CREATE TABLE tx (id int) ENGINE=InnoDB");
	assert_int_equal(ops(c)->begin(c, 0), 0);
	xok(c, "INSERT INTO tx VALUES (1)");
	assert_int_equal(ops(c)->rollback(c), 0);
	expect1(c, "SELECT count(*) FROM tx", "0");
	assert_int_equal(ops(c)->begin(c, MIG_TXN_RELAXED_FK), 0);
	xok(c, "INSERT INTO tx VALUES (2)");
	expect1(c, "SELECT @@in_transaction", "1");
	assert_int_equal(ops(c)->commit(c), 0);
	expect1(c, "SELECT @@in_transaction", "0");
	/* another session sees the committed row */
	mig_conn *o = open_url(scratch_url, NULL);
	expect1(o, "SELECT count(*) FROM tx", "1");
	ops(o)->close(o);
	xok(c, "DROP TABLE tx");
	ops(c)->close(c);
}

static double since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static int take(mig_conn *c, double wait, mig_lock *out)
{
	mig_lock_request req = {.key = 1, .scope = scratch_name, .wait_seconds = wait, .names = &names};
	return mig_lock_acquire(c, c->driver->session_lock, &req, NULL, NULL, out);
}

struct releaser {
	mig_conn *conn;
	mig_lock *lock;
	int rc;
};

static void *release_later(void *arg)
{
	struct releaser *r = arg;
	struct timespec t = {0, 400 * 1000000L};
	nanosleep(&t, NULL);
	r->rc = mig_lock_release(r->conn, r->lock);
	return NULL;
}

static void test_lock(void **state)
{
	(void)state;
	mig_conn *a = open_url(scratch_url, NULL), *b = open_url(scratch_url, NULL);
	const mig_lock_strategy *s = NULL;
	assert_int_equal(mig_lock_choose(a, MIG_LOCK_AUTO, &s), 0);
	assert_ptr_equal(s, a->driver->session_lock);
	assert_string_equal(s->name, "get_lock");
	mig_lock_request req = {.key = 1, .scope = scratch_name, .names = &names};
	char *what = s->describe(a, &req);
	char *want = mig_aprintf("the lock 'migrations:%s.pgmigrations' (GET_LOCK)", scratch_name);
	assert_string_equal(what, want);
	free(want);

	mig_lock la, lb;
	assert_int_equal(take(a, 0, &la), 0);
	char *a_id = query1(a, "SELECT CONNECTION_ID()");
	/* held: refused at once, the holder named */
	assert_int_equal(take(b, 0, &lb), MIG_ELOCKED);
	const mig_error *e = mig_error_last();
	want = mig_aprintf("Another migration is already running on %s (%s)", scratch_name, what);
	assert_string_equal(e->message, want);
	free(want);
	assert_non_null(e->detail);
	want = mig_aprintf("held by connection %s (idle for ", a_id);
	if (!strstr(e->detail, want))
		fail_msg("detail '%s' lacks '%s'", e->detail, want);
	free(want);
	assert_non_null(strstr(e->detail, ", user root, client 127.0.0.1:"));
	mig_error_clear();
	/* a bounded wait gives up after about that long */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(take(b, 0.3, &lb), MIG_ELOCKED);
	double took = since(&t0);
	assert_true(took >= 0.29 && took < 5);
	assert_non_null(strstr(mig_error_last()->message, "was still held after waiting 0.3 s"));
	mig_error_clear();
	/* another migrations table is another lock */
	mig_state_names other = {.schema = "elsewhere", .table = "pgmigrations"};
	mig_lock_request oreq = {.key = 1, .scope = scratch_name, .names = &other};
	bool got = false;
	assert_int_equal(s->try_lock(b, &oreq, &got), 0);
	assert_true(got);
	assert_int_equal(s->unlock(b, &oreq), 0);
	/* not held by b: unlocking fails */
	assert_int_equal(s->unlock(b, &req), MIG_ERROR);
	assert_string_equal(mig_error_last()->message, "Failed to release migration lock");
	mig_error_clear();
	assert_int_equal(s->unlock(b, &oreq), MIG_ERROR); /* no longer exists */
	mig_error_clear();
	/* released: the other session gets it */
	assert_int_equal(mig_lock_release(a, &la), 0);
	assert_int_equal(mig_lock_release(a, &la), 0); /* not held: nothing to do */
	assert_int_equal(take(b, 0, &lb), 0);
	/* waiting forever is the server's wait, woken by the release */
	struct releaser r = {.conn = b, .lock = &lb, .rc = -99};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, release_later, &r), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(take(a, -1, &la), 0);
	took = since(&t0);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(r.rc, 0);
	assert_true(took >= 0.3 && took < 10);
	/* closing the session releases it (once the server has read the
	 * QUIT: hence a short wait) */
	ops(a)->close(a);
	assert_int_equal(take(b, 5, &lb), 0);
	assert_int_equal(mig_lock_release(b, &lb), 0);
	free(a_id);
	free(what);
	ops(b)->close(b);
}

static void test_lock_wait_cut_by_server(void **state)
{
	(void)state;
	mig_conn *a = open_url(scratch_url, NULL), *b = open_url(scratch_url, NULL);
	mig_lock la, lb;
	assert_int_equal(take(a, 0, &la), 0);
	/* the session's own statement limit ends an unbounded wait */
	xok(b, "SET SESSION max_statement_time = 0.3");
	assert_int_equal(take(b, -1, &lb), MIG_ELOCKED);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "gave up waiting for the lock 'migrations:"));
	assert_non_null(strstr(e->message, "the server ended the wait"));
	mig_error_clear();
	assert_int_equal(mig_lock_release(a, &la), 0);
	ops(a)->close(a);
	ops(b)->close(b);
}

static void test_connection_killed(void **state)
{
	(void)state;
	mig_conn *a = open_url(scratch_url, NULL), *b = open_url(scratch_url, NULL);
	char *id = query1(a, "SELECT CONNECTION_ID()");
	char *sql = mig_aprintf("KILL %s", id);
	xok(b, sql);
	free(sql);
	free(id);
	assert_int_equal(x(a, "SELECT 1"), MIG_ECONNLOST);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "lost the connection to the MySQL/MariaDB server"));
	mig_error_clear();
	/* and it stays lost: no reconnect behind the core's back */
	assert_int_equal(x(a, "SELECT 1"), MIG_ECONNLOST);
	mig_error_clear();
	mig_rows *rows = NULL;
	assert_int_equal(ops(a)->query(a, "SELECT 1", &rows), MIG_ECONNLOST);
	assert_null(rows);
	mig_error_clear();
	ops(a)->close(a);
	ops(b)->close(b);
}

static void collect_notice(void *ud, const char *message)
{
	mig_str *s = ud;
	mig_str_puts(s, message);
	mig_str_putc(s, '\n');
}

static void test_warnings(void **state)
{
	(void)state;
	mig_str notices = MIG_STR_INIT;
	mig_conn_opts o = {.notice = collect_notice, .notice_ud = &notices};
	mig_conn *c = open_url(scratch_url, &o);
	xok(c, "SELECT 1");
	assert_int_equal(notices.len, 0);
	xok(c, "DROP TABLE IF EXISTS never_there");
	char *want = mig_aprintf("Note 1051: Unknown table '%s.never_there'\n", scratch_name);
	assert_string_equal(mig_str_cstr(&notices), want);
	free(want);
	mig_str_clear(&notices);
	expect1(c, "SELECT CAST('12abc' AS SIGNED)", "12");
	assert_string_equal(mig_str_cstr(&notices), "Warning 1292: Truncated incorrect INTEGER value: '12abc'\n");
	mig_str_clear(&notices);
	/* several statements: the last one's warnings, and a count of the others' */
	xok(c, "DROP TABLE IF EXISTS never1; SELECT 1; DROP TABLE IF EXISTS never2");
	assert_non_null(strstr(mig_str_cstr(&notices), "Note 1051: Unknown table '"));
	assert_non_null(strstr(mig_str_cstr(&notices), ".never2'\n"));
	assert_non_null(strstr(mig_str_cstr(&notices), "1 earlier statement of the same text left warnings"));
	mig_str_clear(&notices);
	ops(c)->close(c);
	mig_str_free(&notices);
}

/* A step's warn flags: the warnings of each statement marked are read
 * right after it, though statements that use tables (which clear them)
 * follow; *done and a failure's statement count only the step's own
 * statements. */
static void test_batch_warn(void **state)
{
	(void)state;
	mig_str notices = MIG_STR_INIT;
	mig_conn_opts o = {.notice = collect_notice, .notice_ud = &notices};
	mig_conn *c = open_url(scratch_url, &o);
	static const bool second[5] = {false, true, false, false, false};
	xok(c, "CREATE TABLE wa (id int PRIMARY KEY) ENGINE=InnoDB");
	const char *texts[] = {"INSERT INTO wa VALUES (1);", "DROP TABLE IF EXISTS never_wa", "START TRANSACTION;",
			       "INSERT INTO wa VALUES (2);", "COMMIT;"};
	mig_strv stmts = MIG_STRV_INIT;
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(mig_strv_push(&stmts, mig_strdup(texts[i])), 0);
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	steps.v[0].warn = second;
	unsigned long trips = c->round_trips;
	size_t done = 99;
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), 0);
	assert_int_equal(c->round_trips, trips + 1);
	assert_int_equal(done, 5);
	char *want = mig_aprintf("Note 1051: Unknown table '%s.never_wa'\n", scratch_name);
	assert_string_equal(mig_str_cstr(&notices), want);
	free(want);
	mig_str_clear(&notices);
	expect1(c, "SELECT group_concat(id ORDER BY id) FROM wa", "1,2");
	mig_steps_free(&steps);
	/* a failure after the inserted read: statement 4 of the step */
	xok(c, "DELETE FROM wa");
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(mig_strv_push(&stmts, mig_strdup(i == 3 ? "INSERT INTO wa VALUES (1);" : texts[i])), 0);
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	steps.v[0].warn = second;
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), MIG_ESQL);
	assert_int_equal(done, 3);
	const mig_error *e = mig_error_last();
	assert_true(starts_with(e->message, "ERROR 1062 (23000): Duplicate entry '1'"));
	assert_string_equal(e->statement, "INSERT INTO wa VALUES (1);");
	mig_error_clear();
	/* the warnings of a statement that ran are shown though a later one failed */
	assert_non_null(strstr(mig_str_cstr(&notices), ".never_wa'\n"));
	mig_str_clear(&notices);
	(void)ops(c)->rollback(c);
	mig_steps_free(&steps);
	/* several marked: each one's warnings, in order; a failure after
	 * the second read is statement 5 of the step */
	static const bool both[6] = {false, true, false, true, false, false};
	const char *more[] = {"INSERT INTO wa VALUES (5);", "DROP TABLE IF EXISTS never_wa1 -- no terminator",
			      "INSERT INTO wa VALUES (6);", "DROP TABLE IF EXISTS never_wa2;", "INSERT INTO wa VALUES (7);",
			      "INSERT INTO wa VALUES (8);"};
	xok(c, "DELETE FROM wa");
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(mig_strv_push(&stmts, mig_strdup(more[i])), 0);
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	steps.v[0].warn = both;
	trips = c->round_trips;
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), 0);
	assert_int_equal(c->round_trips, trips + 1);
	assert_int_equal(done, 6);
	want = mig_aprintf("Note 1051: Unknown table '%s.never_wa1'\nNote 1051: Unknown table '%s.never_wa2'\n",
			   scratch_name, scratch_name);
	assert_string_equal(mig_str_cstr(&notices), want);
	free(want);
	mig_str_clear(&notices);
	expect1(c, "SELECT group_concat(id ORDER BY id) FROM wa", "5,6,7,8");
	mig_steps_free(&steps);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(mig_strv_push(&stmts, mig_strdup(i == 4 ? "INSERT INTO wa VALUES (5);" : more[i])), 0);
	assert_int_equal(mig_steps_push(&steps, &stmts), 0);
	steps.v[0].warn = both;
	xok(c, "DELETE FROM wa");
	assert_int_equal(ops(c)->exec_step(c, &steps.v[0], &done), MIG_ESQL);
	assert_int_equal(done, 4);
	e = mig_error_last();
	assert_true(starts_with(e->message, "ERROR 1062 (23000): Duplicate entry '5'"));
	assert_string_equal(e->statement, "INSERT INTO wa VALUES (5);");
	mig_error_clear();
	mig_str_clear(&notices);
	mig_steps_free(&steps);
	xok(c, "DROP TABLE wa");
	ops(c)->close(c);
	mig_str_free(&notices);
}

int main(void)
{
	server_url = test_mysql_server();
	if (!server_url)
		return test_mysql_ci() ? 1 : 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_connect_and_facts),
		cmocka_unit_test(test_connect_errors),
		cmocka_unit_test(test_create_database),
		cmocka_unit_test(test_exec_drains_every_result),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_query_rows),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_lock_wait_cut_by_server),
		cmocka_unit_test(test_connection_killed),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_batch_warn),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

#else /* !MIG_HAVE_MYSQL */

int main(void)
{
	fprintf(stderr, "SKIP: this build has no MySQL/MariaDB driver\n");
	return 77;
}

#endif
