/*
 * The lease lock (src/engine/lock_lease.c): a row in <migrations
 * table>_lock, on a real SQLite file and on the PostgreSQL server in
 * MIG_TEST_PG_URL (a scratch database). Two connections stand for two
 * runs: the second is refused while the first holds the lease and is told
 * who holds it, takes it once it is released, and takes over a lease
 * whose run died once it expires (waiting for it when asked to). A
 * renewal pushes the expiry forward; the keeper holds a short lease for
 * longer than it lasts and notices when another run took it. Then whole
 * runs through the API with
 * --lock-strategy table: the table is left empty after a run, and a run
 * facing someone else's lease applies nothing.
 */
#include "test_support.h"
#include "pg_support.h"
#include "mysql_support.h"

#include "engine/conn.h"
#include "engine/lock.h"
#include "engine/runner.h"
#include "engine/url.h"
#include "mig_features.h"
#include "migrations.h"
#include "util/alloc.h"
#include "util/rows.h"

#include <sys/stat.h>
#include <time.h>

static mig_conn *open_url(const char *text)
{
	mig_url url;
	assert_int_equal(mig_url_parse(text, &url), 0);
	mig_conn *c = NULL;
	mig_conn_opts o = {.connect_timeout = 10, .busy_timeout_ms = 5000};
	if (mig_driver_open(&url, &o, &c) != 0)
		fail_msg("cannot connect: %s", mig_error_last()->message);
	mig_url_dispose(&url);
	return c;
}

/* The lease row: owner and expiry (owner NULL: no row). */
static char *lease(mig_conn *c, const char *table, long long *expires)
{
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT owner, expires_at FROM %s_lock WHERE id = 1", table);
	mig_rows *r = NULL;
	if (mig__conn_query(c, sql, &r) != 0)
		fail_msg("%s: %s", sql, mig_error_last()->message);
	char *owner = NULL;
	if (r->nrows == 1) {
		owner = mig_strdup(mig_rows_get(r, 0, 0));
		*expires = atoll(mig_rows_get(r, 0, 1));
	}
	mig_rows_free(r);
	return owner;
}

static void expect_locked(int rc, const char *owner)
{
	assert_int_equal(rc, MIG_ELOCKED);
	const mig_error *e = mig_error_last();
	char *all = mig_aprintf("%s %s", e->message, e->detail ? e->detail : "");
	if (!strstr(all, owner))
		fail_msg("the refusal does not name the holder %s: %s", owner, all);
	mig__free(all);
	mig_error_clear();
}

static void lease_scenario(const char *url, const char *schema)
{
	mig_url parsed;
	const mig_dialect *dia = NULL;
	assert_int_equal(mig__resolve_url(url, &parsed, &dia), 0);
	mig_url_dispose(&parsed);
	mig_state_names names = {schema, "lease_test"};
	mig_conn *a = open_url(url), *b = open_url(url);
	const mig_lock_strategy *s = NULL;
	assert_int_equal(mig_lock_choose(a, MIG_LOCK_TABLE, &s), 0);
	assert_ptr_equal(s, &mig_lease_lock);

	mig_lock_request ra = {.key = 42, .scope = "test", .dialect = dia, .names = &names, .owner = "host-a:1:aaaa", .lease_seconds = 60};
	mig_lock_request rb = ra;
	rb.owner = "host-b:2:bbbb";
	mig_lock la, lb;
	assert_int_equal(mig_lock_acquire(a, s, &ra, NULL, NULL, &la), 0);
	long long exp1 = 0, exp2 = 0;
	char *owner = lease(b, names.table, &exp1);
	assert_string_equal(owner, "host-a:1:aaaa");
	mig__free(owner);

	/* held: refused at once, with the holder named */
	expect_locked(mig_lock_acquire(b, s, &rb, NULL, NULL, &lb), "host-a:1:aaaa");

	/* a renewal pushes the expiry forward */
	la.req.lease_seconds = 600;
	assert_int_equal(mig_lock_renew(a, &la), 0);
	owner = lease(b, names.table, &exp2);
	assert_string_equal(owner, "host-a:1:aaaa");
	mig__free(owner);
	assert_true(exp2 >= exp1 + 500);

	/* released: the next run takes it */
	assert_int_equal(mig_lock_release(a, &la), 0);
	owner = lease(b, names.table, &exp1);
	assert_null(owner);
	assert_int_equal(mig_lock_acquire(b, s, &rb, NULL, NULL, &lb), 0);
	owner = lease(a, names.table, &exp1);
	assert_string_equal(owner, "host-b:2:bbbb");
	mig__free(owner);
	assert_int_equal(mig_lock_release(b, &lb), 0);

	/* a run that dies keeps its lease until it expires; a run that
	 * waits takes it over then */
	ra.lease_seconds = 1;
	assert_int_equal(mig_lock_acquire(a, s, &ra, NULL, NULL, &la), 0);
	mig__conn_close(a); /* no release: the run died */
	expect_locked(mig_lock_acquire(b, s, &rb, NULL, NULL, &lb), "host-a:1:aaaa");
	rb.wait_seconds = 10;
	time_t t0 = time(NULL);
	assert_int_equal(mig_lock_acquire(b, s, &rb, NULL, NULL, &lb), 0);
	assert_true(time(NULL) - t0 <= 6);
	owner = lease(b, names.table, &exp1);
	assert_string_equal(owner, "host-b:2:bbbb");
	mig__free(owner);
	assert_int_equal(mig_lock_release(b, &lb), 0);
	mig__conn_close(b);
}

/* The keeper renews a lease from its own connection: a 2 s lease stays
 * ours across 3 s; a lease overwritten by another run is reported lost
 * within a renewal; release goes through the keeper's connection. */
static void keeper_scenario(const char *url, const char *schema)
{
	mig_url parsed;
	const mig_dialect *dia = NULL;
	assert_int_equal(mig__resolve_url(url, &parsed, &dia), 0);
	mig_url_dispose(&parsed);
	mig_state_names names = {schema, "keeper_test"};
	mig_conn *a = open_url(url), *b = open_url(url);
	mig_lock_request ra = {.key = 42, .scope = "test", .dialect = dia, .names = &names, .owner = "host-a:1:kkkk", .lease_seconds = 2};
	mig_lock_request rb = ra;
	rb.owner = "host-b:2:kkkk";
	mig_lock la, lb;
	assert_int_equal(mig_lock_acquire(a, &mig_lease_lock, &ra, NULL, NULL, &la), 0);
	assert_int_equal(mig_lock_keep(&la, open_url(url), 0.5), 0);
	struct timespec nap = {3, 0};
	nanosleep(&nap, NULL);
	expect_locked(mig_lock_acquire(b, &mig_lease_lock, &rb, NULL, NULL, &lb), "host-a:1:kkkk");
	assert_int_equal(mig_lock_check(a, &la), 0);

	/* another run overwrites the row (as if it had expired) */
	char sql[160];
	snprintf(sql, sizeof(sql), "UPDATE keeper_test_lock SET owner = 'thief:9:x' WHERE id = 1");
	assert_int_equal(mig__conn_exec(b, sql), 0);
	struct timespec tick = {0, 100000000L};
	int rc = 0;
	for (int i = 0; i < 30 && (rc = mig_lock_check(a, &la)) == 0; i++)
		nanosleep(&tick, NULL);
	assert_int_equal(rc, MIG_ELOCKED);
	if (!strstr(mig_error_last()->message, "the run lost its lock: it expired and was taken over (held by run thief:9:x"))
		fail_msg("unexpected: %s", mig_error_last()->message);
	mig_error_clear();
	assert_int_equal(mig_lock_release(a, &la), 0); /* not ours: the thief's row stays */
	long long exp = 0;
	char *owner = lease(b, names.table, &exp);
	assert_string_equal(owner, "thief:9:x");
	mig__free(owner);

	/* released through the keeper's connection even when the run's is gone */
	snprintf(sql, sizeof(sql), "DELETE FROM keeper_test_lock");
	assert_int_equal(mig__conn_exec(b, sql), 0);
	assert_int_equal(mig_lock_acquire(a, &mig_lease_lock, &ra, NULL, NULL, &la), 0);
	assert_int_equal(mig_lock_keep(&la, open_url(url), 0.5), 0);
	mig__conn_close(a);
	assert_int_equal(mig_lock_release(NULL, &la), 0);
	assert_null(lease(b, names.table, &exp));
	mig__conn_close(b);
}

/* Whole runs with --lock-strategy table. */
static void run_scenario(const char *url)
{
	char *dir = make_tmpdir();
	char *mdir = mig_aprintf("%s/m", dir);
	assert_int_equal(mkdir(mdir, 0700), 0);
	write_file(mdir, "1700000000001_one.sql", "-- Up Migration\nCREATE TABLE lease_one (id integer);\n-- Down Migration\nDROP TABLE lease_one;\n");
	mig_options o = {.database_url = url, .migrations_dir = mdir, .lock_strategy = "table"};
	mig_target all = {0};
	if (mig_migrate(&o, &all) != 0)
		fail_msg("migrate: %s", mig_error_last()->message);
	mig_conn *c = open_url(url);
	long long exp = 0;
	assert_null(lease(c, MIG_DEFAULT_TABLE, &exp)); /* released at the end */

	/* someone else's lease: the run applies nothing */
	write_file(mdir, "1700000000002_two.sql", "-- Up Migration\nCREATE TABLE lease_two (id integer);\n-- Down Migration\nDROP TABLE lease_two;\n");
	char *take = mig_aprintf("INSERT INTO %s_lock (id, owner, acquired_at, expires_at) VALUES (1, 'other-host:77:zzzz', 0, 99999999999)",
				 MIG_DEFAULT_TABLE);
	assert_int_equal(mig__conn_exec(c, take), 0);
	mig__free(take);
	expect_locked(mig_migrate(&o, &all), "other-host:77:zzzz");
	mig_rows *r = NULL;
	assert_int_equal(mig__conn_query(c, "SELECT name FROM " MIG_DEFAULT_TABLE " ORDER BY name", &r), 0);
	assert_int_equal(r->nrows, 1);
	assert_string_equal(mig_rows_get(r, 0, 0), "1700000000001_one");
	mig_rows_free(r);

	/* gone: the run goes ahead */
	assert_int_equal(mig__conn_exec(c, "DELETE FROM " MIG_DEFAULT_TABLE "_lock"), 0);
	if (mig_migrate(&o, &all) != 0)
		fail_msg("migrate: %s", mig_error_last()->message);
	assert_int_equal(mig__conn_query(c, "SELECT name FROM " MIG_DEFAULT_TABLE " ORDER BY name", &r), 0);
	assert_int_equal(r->nrows, 2);
	mig_rows_free(r);
	assert_null(lease(c, MIG_DEFAULT_TABLE, &exp));
	mig__conn_close(c);
	mig__free(mdir);
	rm_tree(dir);
}

static void test_sqlite(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *url = mig_aprintf("sqlite:%s/lease.db", dir);
	lease_scenario(url, NULL);
	run_scenario(url);
	mig__free(url);
	rm_tree(dir);
}

#if MIG_HAVE_POSTGRES

static void test_postgres(void **state)
{
	(void)state;
	const char *server = test_pg_server();
	if (!server)
		skip();
	char name[48], sql[128];
	snprintf(name, sizeof(name), "mig_t_lease_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	mig_conn *admin = open_url(server);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	assert_int_equal(mig__conn_exec(admin, sql), 0);
	char *url = url_with_db(server, name);
	lease_scenario(url, "public");
	keeper_scenario(url, "public");
	run_scenario(url);
	mig__free(url);
	snprintf(sql, sizeof(sql), "DROP DATABASE %s WITH (FORCE)", name);
	assert_int_equal(mig__conn_exec(admin, sql), 0);
	mig__conn_close(admin);
}
#endif

#if MIG_HAVE_MYSQL
static void test_mysql(void **state)
{
	(void)state;
	const char *server = test_mysql_server();
	if (!server) {
		if (test_mysql_ci())
			fail();
		skip();
	}
	char name[48], sql[128];
	snprintf(name, sizeof(name), "mig_t_lease_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	mig_conn *admin = open_url(server);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	assert_int_equal(mig__conn_exec(admin, sql), 0);
	char *url = url_with_db(server, name);
	lease_scenario(url, NULL);
	keeper_scenario(url, NULL);
	run_scenario(url);
	mig__free(url);
	snprintf(sql, sizeof(sql), "DROP DATABASE %s", name);
	assert_int_equal(mig__conn_exec(admin, sql), 0);
	mig__conn_close(admin);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite),
#if MIG_HAVE_POSTGRES
		cmocka_unit_test(test_postgres),
#endif
#if MIG_HAVE_MYSQL
		cmocka_unit_test(test_mysql),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
