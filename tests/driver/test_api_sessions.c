/*
 * The public session (src/api/) on the real servers, PostgreSQL and
 * MySQL/MariaDB, each in a scratch database:
 *  - the session keeps its connection between calls: a TEMPORARY table
 *    made by one migrate call is there for the next call's migration
 *    (a temporary table lives only as long as its connection);
 *  - a connection the server killed between calls fails the next call
 *    with MIG_ECONNLOST, and the call after that connects again;
 *  - status and rollback work on the new connection, and the error
 *    accessors carry the code and message.
 */
#include "test_support.h"

#include "pg_support.h" /* before driver_support.h: url_with_db */
#include "driver_support.h"
#include "mig_features.h"

#include "migrations/errors.h"
#include "migrations/session.h"
#include "migrations/status.h"

#include <time.h>

typedef struct engine {
	const char *env;      /* the server URL's variable */
	const char *backend;  /* SQL: this connection's id on the server */
	const char *kill_pre, *kill_post; /* SQL: end the connection of id between them */
} engine;

static const engine PG = {"MIG_TEST_PG_URL", "pg_backend_pid()", "SELECT pg_terminate_backend(", ")"};
static const engine MY = {"MIG_TEST_MYSQL_URL", "CONNECTION_ID()", "KILL ", ""};

static const char *server_of(const engine *e)
{
	const char *url = getenv(e->env);
	return url && *url ? url : NULL;
}

static char *status_line(mig_session *s)
{
	mig_status_list *l = NULL;
	if (mig_session_status(&l, s) != 0)
		fail_msg("status: %s", mig_error_get_message(mig_error_last()));
	mig_str out = MIG_STR_INIT;
	for (size_t i = 0; i < mig_status_count(l); i++)
		mig_str_printf(&out, "%s%s=%s", i ? " " : "", mig_status_name(l, i),
			       mig_status_state_of(l, i) == MIG_STATUS_APPLIED ? "applied" : "pending");
	mig_free(l);
	return mig_str_detach(&out);
}

static void expect_status(mig_session *s, const char *want)
{
	char *got = status_line(s);
	assert_string_equal(got, want);
	free(got);
}

static void run_engine(const engine *e)
{
	const char *server = server_of(e);
	assert_non_null(server);
	char name[64];
	snprintf(name, sizeof(name), "mig_api_%ld", (long)getpid());
	char *url = NULL;
	assert_int_equal(scratch_db_create(server, name, "", &url), 0);

	char *dir = make_tmpdir();
	write_file(dir, "001_temp.sql",
		   "-- Up Migration\nCREATE TEMPORARY TABLE scratch (x int);\n"
		   "-- Down Migration\nDROP TABLE IF EXISTS scratch;\n");
	char *second = mig_aprintf("-- Up Migration\nINSERT INTO scratch VALUES (1);\n"
				   "CREATE TABLE conn (id bigint);\nINSERT INTO conn SELECT %s;\n"
				   "-- Down Migration\nDROP TABLE conn;\n",
				   e->backend);
	write_file(dir, "002_use.sql", second);
	free(second);

	mig_session_options o = MIG_SESSION_OPTIONS_INIT;
	o.migrations_dir = dir;
	mig_session *s = NULL;
	if (mig_session_open(&s, url, &o) != 0)
		fail_msg("open: %s", mig_error_get_message(mig_error_last()));

	mig_run_options one = MIG_RUN_OPTIONS_INIT;
	one.has_count = true;
	one.count = 1;
	assert_int_equal(mig_session_migrate(s, &one), 0);
	/* a new connection would not see the temporary table */
	if (mig_session_migrate(s, NULL) != 0)
		fail_msg("second migrate (same connection?): %s", mig_error_get_message(mig_error_last()));
	expect_status(s, "001_temp=applied 002_use=applied");

	/* the server ends the session's connection between two calls */
	mig_conn *admin = open_url(url, NULL);
	char *id = query1(admin, "SELECT id FROM conn");
	char *kill = mig_aprintf("%s%s%s", e->kill_pre, id, e->kill_post);
	assert_int_equal(x(admin, kill), 0);
	free(kill);
	free(id);
	ops(admin)->close(admin);
	/* the kill reaches the backend asynchronously */
	nanosleep(&(struct timespec){.tv_nsec = 200 * 1000 * 1000}, NULL);

	mig_status_list *l = (mig_status_list *)&l;
	int rc = mig_session_status(&l, s);
	assert_int_equal(rc, MIG_ECONNLOST);
	assert_null(l);
	assert_int_equal(mig_error_get_code(mig_error_last()), MIG_ECONNLOST);
	assert_true(strlen(mig_error_get_message(mig_error_last())) > 0);
	mig_error_clear();
	/* the next call connects again */
	expect_status(s, "001_temp=applied 002_use=applied");
	mig_run_options all = MIG_RUN_OPTIONS_INIT;
	all.has_count = true;
	all.count = 0;
	if (mig_session_rollback(s, &all) != 0)
		fail_msg("rollback: %s", mig_error_get_message(mig_error_last()));
	expect_status(s, "001_temp=pending 002_use=pending");
	mig_free(s);

	rm_tree(dir);
	scratch_db_drop(server, name, "", &url);
}

static void test_postgres_session(void **state)
{
	(void)state;
	run_engine(&PG);
}

static void test_mysql_session(void **state)
{
	(void)state;
	run_engine(&MY);
}

int main(void)
{
	const char *ci = getenv("CI");
	bool in_ci = ci && (strcmp(ci, "true") == 0 || strcmp(ci, "1") == 0);
	const struct {
		bool built;
		const engine *e;
		struct CMUnitTest test;
	} all[] = {
		{MIG_HAVE_POSTGRES, &PG, cmocka_unit_test(test_postgres_session)},
		{MIG_HAVE_MYSQL, &MY, cmocka_unit_test(test_mysql_session)},
	};
	struct CMUnitTest tests[2];
	size_t n = 0;
	for (size_t i = 0; i < 2; i++) {
		if (!all[i].built)
			continue;
		if (!server_of(all[i].e)) {
			fprintf(stderr, "%s: %s is not set (%s)\n", in_ci ? "FAIL" : "SKIP", all[i].e->env,
				in_ci ? "CI is set: a missing server is a failure" : "tests/ci/*-up.sh start the servers");
			return in_ci ? 1 : 77;
		}
		tests[n++] = all[i].test;
	}
	if (n == 0) {
		fprintf(stderr, "SKIP: this build has neither server driver\n");
		return 77;
	}
	return _cmocka_run_group_tests("api_sessions", tests, n, NULL, NULL);
}
