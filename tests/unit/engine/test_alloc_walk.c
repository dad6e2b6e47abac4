/*
 * Out of memory anywhere: a representative run (discover and load a JS,
 * a TypeScript and a .sql migration with shorthands, analyse them, connect
 * to a real SQLite file, take the lock, create the state table, emit a
 * SQLite table rebuild from the live catalog, run, record; then print a
 * migration offline for SQLite, through the in-memory model, and for
 * PostgreSQL; a noTransaction() migration is followed by the journal) is
 * repeated once for every allocation it makes, with that
 * allocation failing (src/util/alloc.h's seam, as libgit2's failalloc and
 * curl's torture tests do).
 *
 * Each run must end without a crash (AddressSanitizer and UBSan watch),
 * with every block it allocated freed again, and either with an error
 * that has a message, or, when the failed allocation was optional, with
 * the same result as a run without failure. The run writes to a fresh
 * database file each time, and a run that failed must leave it either
 * untouched or with whole migrations recorded (never half of one).
 */
#include "test_support.h"

#include "migrations.h"
#include "util/alloc.h"

#include <sqlite3.h>
#include <sys/stat.h>

static const char *const js_users =
	"exports.shorthands = { createdAt: { type: 'timestamp', notNull: true, default: { literal: true, value: 'CURRENT_TIMESTAMP' } } };\n"
	"exports.up = (pgm) => {\n"
	"  pgm.createTable('users', {\n"
	"    id: 'id',\n"
	"    email: { type: 'varchar(255)', notNull: true, unique: true },\n"
	"    score: { type: 'integer', default: 0, check: 'score >= 0' },\n"
	"    createdAt: 'createdAt',\n"
	"  });\n"
	"  pgm.createIndex('users', ['email', 'score'], { where: 'score > 0' });\n"
	"};\n";

static const char *const sql_posts =
	"-- Up Migration\n"
	"CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users (id), title text NOT NULL);\n"
	"INSERT INTO posts (id, user_id, title) VALUES (1, NULL, 'it''s; fine');\n"
	"-- Down Migration\n"
	"DROP TABLE posts;\n";

static const char *const ts_reshape =
	"import { MigrationBuilder } from 'node-pg-migrate';\n"
	"export async function up(pgm: MigrationBuilder): Promise<void> {\n"
	"  pgm.alterColumn('users', 'score', { type: 'bigint', notNull: true });\n"
	"  pgm.renameColumn('posts', 'title', 'headline');\n"
	"}\n";

/* Outside a transaction: the journal follows it statement by statement. */
static const char *const js_no_txn =
	"exports.up = (pgm) => {\n"
	"  pgm.noTransaction();\n"
	"  pgm.sql('CREATE TABLE audit (id integer)');\n"
	"  pgm.sql('CREATE INDEX audit_id ON audit (id)');\n"
	"};\n";

static char *dir;

static int run_once(const char *db, bool *printed)
{
	/* the harness's own memory stays outside the seam */
	char url[512], mdir[512];
	snprintf(url, sizeof(url), "sqlite:%s", db);
	snprintf(mdir, sizeof(mdir), "%s/migrations", dir);
	mig_options o = {.database_url = url, .migrations_dir = mdir, .decamelize = true};
	mig_target all = {0};
	int rc = mig_migrate(&o, &all);
	*printed = false;
	if (rc == 0) {
		char *out = NULL;
		rc = mig_sql(&o, "1700000000003_reshape.ts", "sqlite", false, &out);
		mig__free(out);
		out = NULL;
		if (rc == 0)
			rc = mig_sql(&o, "1700000000001_users.js", "postgres", false, &out);
		*printed = rc == 0 && out && strstr(out, "CREATE TABLE \"users\"");
		mig__free(out);
	}
	return rc;
}

/* The migrations recorded in db (-1: no state table). */
static unsigned long current_nth;

static void must(sqlite3 *h, const char *sql)
{
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("allocation %lu failing: %s: %s", current_nth, sql, sqlite3_errmsg(h));
}

static int recorded(const char *db)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(h, "SELECT count(*) FROM pgmigrations", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	/* a recorded migration's tables are there: nothing is half-applied */
	if (n >= 1)
		must(h, "SELECT email, score FROM users");
	if (n >= 2)
		must(h, "SELECT id FROM posts");
	if (n >= 3)
		must(h, "SELECT headline FROM posts");
	if (n == 2)
		must(h, "SELECT title FROM posts");
	if (n >= 4)
		must(h, "SELECT id FROM audit");
	sqlite3_close(h);
	return n;
}

static void test_every_allocation_fails_once(void **state)
{
	(void)state;
	dir = make_tmpdir();
	char *mdir = mig_aprintf("%s/migrations", dir);
	assert_int_equal(mkdir(mdir, 0700), 0);
	write_file(mdir, "1700000000001_users.js", js_users);
	write_file(mdir, "1700000000002_posts.sql", sql_posts);
	write_file(mdir, "1700000000003_reshape.ts", ts_reshape);
	write_file(mdir, "1700000000004_audit.js", js_no_txn);
	char *db = mig_aprintf("%s/walk.db", dir);

	/* the run as it should be, once to fill what is computed once per
	 * process (the registries' texts), then to count its allocations */
	bool printed = false;
	if (run_once(db, &printed) != 0)
		fail_msg("the run fails without injection: %s", mig_error_last()->message);
	mig_error_clear();
	unlink(db);
	long live0 = mig__alloc_live();
	unsigned long c0 = mig__alloc_count();
	if (run_once(db, &printed) != 0)
		fail_msg("the run fails without injection: %s", mig_error_last()->message);
	unsigned long total = mig__alloc_count() - c0;
	assert_true(printed);
	assert_int_equal(recorded(db), 4);
	mig_error_clear();
	assert_int_equal(mig__alloc_live(), live0);
	assert_true(total > 1000);

	unsigned long failed_runs = 0, tolerated = 0;
	for (unsigned long nth = 1; nth <= total; nth++) {
		unlink(db);
		current_nth = nth;
		mig__alloc_fail_at(nth);
		int rc = run_once(db, &printed);
		bool hit = mig__alloc_failed();
		mig__alloc_fail_at(0);
		if (rc != 0) {
			const mig_error *e = mig_error_last();
			if (!e || !e->message || !*e->message)
				fail_msg("allocation %lu: the run failed (%d) without a message", nth, rc);
			if (!hit)
				fail_msg("allocation %lu: the run failed without the injected failure: %s", nth, e->message);
			failed_runs++;
			int n = recorded(db);
			assert_true(n <= 4);
		} else {
			/* an optional allocation: the result is the same */
			if (hit)
				tolerated++;
			assert_true(printed);
			assert_int_equal(recorded(db), 4);
		}
		mig_error_clear();
		if (mig__alloc_live() != live0)
			fail_msg("allocation %lu failing leaks %ld block(s)", nth, mig__alloc_live() - live0);
	}
	fprintf(stderr, "%lu allocations: %lu runs failed cleanly, %lu tolerated the failure\n", total, failed_runs,
		tolerated);
	assert_true(failed_runs > total / 2);
	free(db);
	free(mdir);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
