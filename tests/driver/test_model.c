/*
 * The shared table model, filled both ways, must agree: for every
 * migration of the portable fixture set (tests/fixtures/portable) and of
 * the auth schema (migrations/), up one
 * at a time and then down one at a time, the in-memory model advanced
 * through the migrations (dialect->apply, what offline `sql` and dry runs
 * read) dumps the same as what the engine's reader introspects from the
 * real database the migrations ran on.
 *
 * SQLite: a scratch file, compared in full detail (types, parts,
 * definitions as stored) and in the portable form. PostgreSQL: a scratch
 * database on the server in MIG_TEST_PG_URL, compared in the portable
 * form plus every column's type as format_type() spells it, for those
 * sets and for tests/fixtures/model/postgres (the names PostgreSQL gives
 * constraints, renames and drops it carries along, enums, views,
 * triggers) (column type classes, nullability, default classes, keys, indexes,
 * unique constraints, foreign keys with their actions, check and foreign
 * key names, enums, views): PostgreSQL spells stored expressions its own
 * way (pg_get_expr), which the model does not imitate. MySQL/MariaDB: the
 * same, on a scratch database of the server in MIG_TEST_MYSQL_URL, for
 * the two sets (mysql_model.c says why not in detail).
 */
#include "test_support.h"
#include "pg_support.h"
#include "mysql_support.h"

#include "dialects/common/model.h"
#include "engine/catalog.h"
#include "engine/conn.h"
#include "engine/runner.h"
#include "engine/url.h"
#include "mig_features.h"
#include "util/alloc.h"

#include <sys/stat.h>
#include <time.h>

/* The portable fixture set, and the auth schema the tool ships. */
static const char *const histories[] = {MIG_TEST_DATA "/fixtures/portable/migrations", MIG_SOURCE_DIR "/migrations"};

static void quiet(void *ud, const mig_event *ev)
{
	(void)ud;
	(void)ev;
}

static char *dump_of(const mig_model *m, unsigned flags)
{
	mig_str s = MIG_STR_INIT;
	assert_int_equal(mig_model_dump(m, flags, &s), 0);
	return mig_str_detach(&s);
}

/* What the database holds now, as its dialect's reader sees it (the
 * bookkeeping tables left out: the model of the migrations has none). */
static char *live_dump(const char *url_text, const mig_dialect *dia, unsigned flags)
{
	mig_url url;
	assert_int_equal(mig_url_parse(url_text, &url), 0);
	mig_conn *conn = NULL;
	mig_conn_opts copts = {.connect_timeout = 10};
	if (mig_driver_open(&url, &copts, &conn) != 0)
		fail_msg("cannot connect: %s", mig_error_last()->message);
	mig_live_source src;
	mig_catalog live;
	mig_catalog_init_live(&live, &src, conn, dia, NULL);
	const mig_model *m = NULL;
	if (mig_catalog_schema(&live, &m) != 0)
		fail_msg("introspection failed: %s", mig_error_last()->message);
	mig_model *mm = mig_catalog_model(&live);
	mig_model_drop_table(mm, MIG_DEFAULT_TABLE);
	mig_model_drop_table(mm, MIG_DEFAULT_TABLE "_lock");
	char *d = dump_of(mm, flags);
	mig_catalog_dispose(&live);
	mig__conn_close(conn);
	mig_url_dispose(&url);
	return d;
}

static void compare(const char *url, const mig_dialect *dia, mig_catalog *cat, unsigned flags, const char *what)
{
	char *want = live_dump(url, dia, flags);
	char *got = dump_of(mig_catalog_model(cat), flags);
	if (strcmp(want, got) != 0) {
		fprintf(stderr, "after %s, introspected:\n%s\nin memory:\n%s\n", what, want, got);
		fail_msg("the in-memory model differs from the database after %s", what);
	}
	free(want);
	free(got);
}

/* Every migration of dir up, then every one down, comparing after each.
 * Returns how many comparisons were made. */
static size_t check_dir(const char *url, const char *dir, unsigned flags)
{
	mig_options o = {.database_url = url, .migrations_dir = dir, .decamelize = true, .on_event = quiet};
	mig_set files;
	assert_int_equal(mig__load_all(dir, NULL, NULL, &files, (size_t)-1), 0);
	assert_true(files.n >= 1);
	mig_url parsed;
	const mig_dialect *dia = NULL;
	assert_int_equal(mig__resolve_url(url, &parsed, &dia), 0);
	mig_url_dispose(&parsed);
	assert_non_null(dia->apply);
	mig_catalog cat;
	mig_catalog_init(&cat, NULL);
	mig_target one = {.has_count = true, .count = 1};
	size_t compared = 0;
	for (size_t i = 0; i < files.n; i++) {
		if (mig_migrate(&o, &one) != 0)
			fail_msg("migrate %s: %s", files.items[i].name, mig_error_last()->message);
		mig_steps steps = MIG_STEPS_INIT;
		if (mig__emit_migration(&o, dia, &files, i, false, true, true, &cat, &steps) != 0)
			fail_msg("model up %s: %s", files.items[i].name, mig_error_last()->message);
		mig_steps_free(&steps);
		char *what = mig_aprintf("%s (up)", files.items[i].name);
		compare(url, dia, &cat, flags, what);
		free(what);
		compared++;
	}
	for (size_t i = files.n; i-- > 0;) {
		if (mig_rollback(&o, &one) != 0)
			fail_msg("rollback %s: %s", files.items[i].name, mig_error_last()->message);
		mig_steps steps = MIG_STEPS_INIT;
		if (mig__emit_migration(&o, dia, &files, i, true, true, true, &cat, &steps) != 0)
			fail_msg("model down %s: %s", files.items[i].name, mig_error_last()->message);
		mig_steps_free(&steps);
		char *what = mig_aprintf("%s (down)", files.items[i].name);
		compare(url, dia, &cat, flags, what);
		free(what);
		compared++;
	}
	/* all the way down: nothing is left on either side */
	assert_int_equal(mig_catalog_model(&cat)->ntables, 0);
	mig_catalog_dispose(&cat);
	mig_set_dispose(&files);
	return compared;
}

static size_t check_history(const char *url, unsigned flags)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof(histories) / sizeof(histories[0]); i++)
		n += check_dir(url, histories[i], flags);
	return n;
}

static void test_sqlite_detail(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *url = mig_aprintf("sqlite://%s/model.db", dir);
	size_t n = check_history(url, MIG_DUMP_DETAIL);
	fprintf(stderr, "sqlite (detail): %zu comparisons\n", n);
	free(url);
	rm_tree(dir);
}

static void test_sqlite_portable(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *url = mig_aprintf("sqlite://%s/model.db", dir);
	size_t n = check_history(url, MIG_DUMP_PORTABLE);
	fprintf(stderr, "sqlite (portable): %zu comparisons\n", n);
	free(url);
	rm_tree(dir);
}

#if MIG_HAVE_POSTGRES || MIG_HAVE_MYSQL

static int admin(const char *server, const char *sql)
{
	mig_url url;
	assert_int_equal(mig_url_parse(server, &url), 0);
	mig_conn *c = NULL;
	mig_conn_opts copts = {.connect_timeout = 10};
	int rc = mig_driver_open(&url, &copts, &c);
	if (rc == 0) {
		rc = mig__conn_exec(c, sql);
		mig__conn_close(c);
	}
	mig_url_dispose(&url);
	return rc;
}
#endif

#if MIG_HAVE_POSTGRES

static void test_postgres_portable(void **state)
{
	(void)state;
	const char *server = test_pg_server();
	if (!server)
		skip();
	char name[48];
	snprintf(name, sizeof(name), "mig_t_model_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	char *sql = mig_aprintf("CREATE DATABASE %s", name);
	if (admin(server, sql) != 0)
		fail_msg("cannot create %s: %s", name, mig_error_last()->message);
	free(sql);
	char *url = url_with_db(server, name);
	size_t n = check_history(url, MIG_DUMP_TYPES);
	/* what PostgreSQL names and carries along by itself */
	n += check_dir(url, MIG_TEST_DATA "/fixtures/model/postgres", MIG_DUMP_TYPES);
	fprintf(stderr, "postgres (portable, types): %zu comparisons\n", n);
	free(url);
	sql = mig_aprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
	assert_int_equal(admin(server, sql), 0);
	free(sql);
}
#endif

#if MIG_HAVE_MYSQL

/* MariaDB (MySQL 8 too): what the applier builds offline is what the
 * reader reads, in the portable form plus every column's type. Not in
 * detail: the server spells expressions its own way (mysql_model.c). */
static void test_mysql_types(void **state)
{
	(void)state;
	const char *server = test_mysql_server();
	if (!server) {
		if (test_mysql_ci())
			fail_msg("MIG_TEST_MYSQL_URL is not set (CI is set: a missing server is a failure)");
		skip();
	}
	char name[48];
	snprintf(name, sizeof(name), "mig_t_model_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	char *sql = mig_aprintf("CREATE DATABASE %s CHARACTER SET utf8mb4", name);
	if (admin(server, sql) != 0)
		fail_msg("cannot create %s: %s", name, mig_error_last()->message);
	free(sql);
	char *url = url_with_db(server, name);
	size_t n = check_history(url, MIG_DUMP_TYPES);
	fprintf(stderr, "mysql (portable, types): %zu comparisons\n", n);
	free(url);
	sql = mig_aprintf("DROP DATABASE IF EXISTS %s", name);
	assert_int_equal(admin(server, sql), 0);
	free(sql);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite_detail),
		cmocka_unit_test(test_sqlite_portable),
#if MIG_HAVE_POSTGRES
		cmocka_unit_test(test_postgres_portable),
#endif
#if MIG_HAVE_MYSQL
		cmocka_unit_test(test_mysql_types),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
