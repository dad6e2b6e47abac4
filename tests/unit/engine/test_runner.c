/*
 * The runner's policies (src/engine/runner.c, txn.c, lock.c, lock_lease.c)
 * against the fake driver (tests/support/fake_driver.h), through the
 * public API only: mig_migrate / mig_rollback / mig_redo / mig_status with
 * migrations written to a temporary folder.
 *
 * Each test asserts on what the run returned (code, message, location,
 * the failure note), on the journal of calls the fake received, and on
 * what the fake database holds afterwards (recorded migrations, the
 * migration statements that stayed applied). `fake` has transactional
 * DDL (PostgreSQL's policy); `fakemy` has none (MySQL's: every migration
 * is its own unit).
 */
#include "test_support.h"

#include "drivers/driver.h"
#include "engine/url.h"
#include "drivers/lock.h"
#include "fake_driver.h"
#include "migrations.h"

#include <time.h>

/* ---- fixture ----------------------------------------------------------------- */

typedef struct env {
	char *dir;
	mig_options o;
	/* "start 001_a", "done 001_a" ("done 001_a open": its transaction is
	 * not committed yet), "commit 3", "plan 3", "finished 3", "nothing" */
	mig_str events;
	mig_str warnings; /* one per line */
	mig_str infos;    /* one per line */
	mig_str notices;
	mig_str steps;    /* STEP events: "[book] text" */
} env;

static void on_event(void *ud, const mig_event *ev)
{
	env *e = ud;
	switch (ev->kind) {
	case MIG_EV_MIGRATION_START:
		mig_str_printf(&e->events, "start %s%s\n", ev->name, ev->down ? " down" : "");
		break;
	case MIG_EV_MIGRATION_DONE:
		mig_str_printf(&e->events, "done %s%s\n", ev->name, ev->uncommitted ? " open" : "");
		break;
	case MIG_EV_COMMIT:
		mig_str_printf(&e->events, "commit %zu %s..%s\n", ev->count, ev->first, ev->name);
		break;
	case MIG_EV_PLAN:
		mig_str_printf(&e->events, "plan %zu\n", ev->count);
		break;
	case MIG_EV_DONE:
		mig_str_printf(&e->events, "finished %zu\n", ev->count);
		break;
	case MIG_EV_NOTHING:
		mig_str_puts(&e->events, "nothing\n");
		break;
	case MIG_EV_WARNING:
		mig_str_printf(&e->warnings, "%s\n", ev->text);
		break;
	case MIG_EV_NOTICE:
		mig_str_printf(&e->notices, "%s\n", ev->text);
		break;
	case MIG_EV_STEP:
		mig_str_printf(&e->steps, "%s%s\n", ev->bookkeeping ? "[book] " : "", ev->text);
		break;
	case MIG_EV_INFO:
		mig_str_printf(&e->infos, "%s\n", ev->text);
		break;
	}
}

static int setup(void **state)
{
	fake_register();
	fake_reset();
	mig_error_clear();
	env *e = calloc(1, sizeof(*e));
	if (!e)
		return -1;
	e->dir = make_tmpdir();
	e->o.database_url = "fake:db";
	e->o.migrations_dir = e->dir;
	e->o.on_event = on_event;
	e->o.ud = e;
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	env *e = *state;
	rm_tree(e->dir);
	mig_str_free(&e->events);
	mig_str_free(&e->warnings);
	mig_str_free(&e->infos);
	mig_str_free(&e->notices);
	mig_str_free(&e->steps);
	free(e);
	fake_reset();
	mig_error_clear();
	return 0;
}

static void sql_mig(env *e, const char *file, const char *up, const char *down)
{
	char *text = mig_aprintf("-- Up Migration\n%s\n\n-- Down Migration\n%s\n", up, down);
	write_file(e->dir, file, text);
	free(text);
}

/* Three migrations of DDL (and one INSERT): statements 1-2, 3-5, 6. */
static void three(env *e)
{
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
	sql_mig(e, "002_b.sql", "CREATE TABLE b (id int);\nALTER TABLE b ADD COLUMN x int;\nCREATE INDEX b_x ON b (x);",
		"DROP TABLE b;");
	sql_mig(e, "003_c.sql", "CREATE TABLE c (id int);", "DROP TABLE c;");
}

static const char *const A1 = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n";
static const char *const B1 = "CREATE TABLE b (id int);\n";
static const char *const B = "CREATE TABLE b (id int);\nALTER TABLE b ADD COLUMN x int;\nCREATE INDEX b_x ON b (x);\n";
static const char *const C = "CREATE TABLE c (id int);\n";

/* A noTransaction() migration of two steps (statements: 1, then 2). */
static void no_txn_js(env *e, const char *file)
{
	write_file(e->dir, file,
		   "exports.up = (pgm) => {\n"
		   "  pgm.noTransaction();\n"
		   "  pgm.sql('CREATE INDEX CONCURRENTLY a_id ON a (id)');\n"
		   "  pgm.sql('CREATE INDEX CONCURRENTLY c_id ON c (id)');\n"
		   "};\n"
		   "exports.down = (pgm) => {\n"
		   "  pgm.noTransaction();\n"
		   "  pgm.sql('DROP INDEX CONCURRENTLY a_id');\n"
		   "};\n");
}

static char *cat3(const char *a, const char *b, const char *c)
{
	return mig_aprintf("%s%s%s", a, b, c ? c : "");
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("'%s' lacks '%s'", hay ? hay : "(null)", needle);
}

static void assert_lacks(const char *hay, const char *needle)
{
	if (hay && strstr(hay, needle))
		fail_msg("'%s' has '%s'", hay, needle);
}

static void assert_journal(unsigned show, const char *want)
{
	char *got = fake_journal_text(show);
	assert_string_equal(got, want);
	free(got);
}

static void assert_records(const char *want)
{
	char *got = fake_records_text();
	assert_string_equal(got, want);
	free(got);
}

static void assert_applied(const char *want)
{
	char *got = fake_applied_text();
	assert_string_equal(got, want);
	free(got);
}

/* The session ended cleanly: nothing misused, connection closed, no
 * transaction left open, the lock not held. */
static void assert_clean(void)
{
	if (fake()->violations) {
		char *j = fake_journal_text(FAKE_J_ALL);
		fail_msg("%d protocol violation(s):\n%s", fake()->violations, j);
	}
	assert_int_equal(fake()->opened, fake()->closed);
	assert_false(fake()->in_txn);
	assert_false(fake()->locked);
}

/* The error of the run: code and message fragments; kept for more checks. */
static const mig_error *failed(int rc, int code, const char *frag)
{
	assert_int_equal(rc, code);
	const mig_error *err = mig_error_last();
	assert_non_null(err);
	assert_int_equal(err->code, code);
	assert_contains(err->message, frag);
	return err;
}

static void assert_note(const mig_error *err, const char *want)
{
	assert_non_null(err->note);
	assert_string_equal(err->note, want);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- transaction grouping with transactional DDL -------------------------------- */

/* By default the whole run is one transaction: one BEGIN, every
 * migration with its bookkeeping, one COMMIT, under the lock. */
static void test_single_transaction_by_default(void **state)
{
	env *e = *state;
	three(e);
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(FAKE_J_ALL & ~FAKE_J_SESSION,
		       "open fake:db\n"
		       "lock try -> got\n"
		       "state exists\n"
		       "state create\n"
		       "state select\n"
		       "journal exists\n"
		       "begin\n"
		       "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
		       "record 001_a\n"
		       "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
		       "record 002_b\n"
		       "step CREATE TABLE c (id int);\n"
		       "record 003_c\n"
		       "commit\n"
		       "unlock\n"
		       "close\n");
	/* the session setup the dialect asks for comes first */
	assert_int_equal(fake_count("session SET standard_conforming_strings TO on"), 1);
	assert_string_equal(fake()->calls[1].label, "session SET standard_conforming_strings TO on");
	assert_records("001_a 002_b 003_c");
	char *all = cat3(A1, B, C);
	assert_applied(all);
	free(all);
	assert_string_equal(mig_str_cstr(&e->events),
			    "plan 3\nstart 001_a\ndone 001_a open\nstart 002_b\ndone 002_b open\nstart 003_c\ndone 003_c open\n"
			    "commit 3 001_a..003_c\nfinished 3\n");
	assert_string_equal(mig_str_cstr(&e->warnings), "");
	assert_null(mig_error_last());
	assert_clean();
}

/* A second run finds everything recorded and runs nothing. */
static void test_second_run_runs_nothing(void **state)
{
	env *e = *state;
	three(e);
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	fake_reset();
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_record("003_c");
	mig_str_clear(&e->events);
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "");
	assert_journal(FAKE_J_READS, "state exists\nstate pk\nstate select\njournal exists\n");
	assert_string_equal(mig_str_cstr(&e->events), "nothing\n");
	assert_clean();
}

/* --no-single-transaction: one transaction per migration. */
static void test_no_single_transaction(void **state)
{
	env *e = *state;
	three(e);
	e->o.no_single_transaction = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "state create\n"
			  "begin\n"
			  "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "commit\n"
			  "begin\n"
			  "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
			  "record 002_b\n"
			  "commit\n"
			  "begin\n"
			  "step CREATE TABLE c (id int);\n"
			  "record 003_c\n"
			  "commit\n");
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* A count target: only the next N, still in one transaction. */
static void test_count_target(void **state)
{
	env *e = *state;
	three(e);
	mig_target t = {.has_count = true, .count = 2};
	assert_int_equal(mig_migrate(&e->o, &t), 0);
	assert_journal(0, "state create\n"
			  "begin\n"
			  "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
			  "record 002_b\n"
			  "commit\n");
	assert_records("001_a 002_b");
	assert_clean();
}

/* noTransaction() in the middle of a single-transaction run: the open
 * transaction is committed, the migration runs in autocommit (its
 * bookkeeping too: it completes the journal row), and a new transaction
 * opens for the rest. */
static void test_no_transaction_breaks_the_transaction(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
	no_txn_js(e, "002_idx.js");
	sql_mig(e, "003_c.sql", "CREATE TABLE c (id int);", "DROP TABLE c;");
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "state create\n"
			  "begin\n"
			  "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "commit\n"
			  "step CREATE INDEX CONCURRENTLY a_id ON a (id);\n"
			  "step CREATE INDEX CONCURRENTLY c_id ON c (id);\n"
			  "record 002_idx\n"
			  "begin\n"
			  "step CREATE TABLE c (id int);\n"
			  "record 003_c\n"
			  "commit\n");
	assert_string_equal(mig_str_cstr(&e->warnings), "#> WARNING: Need to break single transaction! <\n");
	assert_records("001_a 002_idx 003_c");
	assert_clean();
}

/* A noTransaction() migration run alone is "not wrapped". */
static void test_no_transaction_alone(void **state)
{
	env *e = *state;
	no_txn_js(e, "001_idx.js");
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "state create\n"
			  "step CREATE INDEX CONCURRENTLY a_id ON a (id);\n"
			  "step CREATE INDEX CONCURRENTLY c_id ON c (id);\n"
			  "record 001_idx\n");
	assert_string_equal(mig_str_cstr(&e->warnings), "#> WARNING: This migration is not wrapped in a transaction! <\n");
	/* the record completed the journal row; the run's end deletes it */
	assert_journal(FAKE_J_JOURNAL, "state create\n"
				       "journal create\n"
				       "journal start 001_idx\n"
				       "step CREATE INDEX CONCURRENTLY a_id ON a (id);\n"
				       "journal progress 001_idx 1\n"
				       "step CREATE INDEX CONCURRENTLY c_id ON c (id);\n"
				       "journal progress 001_idx 2\n"
				       "record 001_idx\n"
				       "journal prune 1\n");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_clean();
}

/* ---- failures with transactional DDL ------------------------------------------- */

/* Statement 4 (the ALTER of 002_b) fails: everything rolls back, nothing
 * is recorded; the error names the migration, the statement and its
 * line in the file. */
static void test_failure_at_statement_rolls_back_everything(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.fail_nth = 4;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b failed: fake: injected failure");
	assert_string_equal(err->statement, "ALTER TABLE b ADD COLUMN x int;");
	assert_string_equal(err->sqlstate, "XX000");
	assert_non_null(err->file);
	assert_true(ends_with(err->file, "/002_b.sql"));
	assert_int_equal(err->line, 3);
	assert_note(err, "rolled back: nothing from this run was applied");
	assert_journal(0, "state create\n"
			  "begin\n"
			  "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x); -> error at 2\n"
			  "rollback\n");
	assert_int_equal(fake()->stmts, 4); /* nothing after the failure */
	assert_records("");
	assert_applied("");
	assert_true(fake()->table_exists); /* created before the transaction */
	assert_string_equal(mig_str_cstr(&e->events), "plan 3\nstart 001_a\ndone 001_a open\nstart 002_b\n");
	assert_int_equal(fake_count("unlock"), 1);
	assert_clean();
}

/* The same with a transaction per migration: the earlier ones stay. */
static void test_failure_with_transaction_per_migration(void **state)
{
	env *e = *state;
	three(e);
	e->o.no_single_transaction = true;
	fake()->inject.fail_sql = "CREATE TABLE c";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 003_c failed");
	assert_string_equal(err->statement, "CREATE TABLE c (id int);");
	assert_note(err, "rolled back 003_c; 2 earlier migration(s) of this run stay applied");
	assert_records("001_a 002_b");
	char *ab = cat3(A1, B, NULL);
	assert_applied(ab);
	free(ab);
	assert_int_equal(fake_count("commit"), 2);
	assert_int_equal(fake_count("rollback"), 1);
	assert_clean();
}

/* A failure in the transaction opened after a noTransaction() migration
 * rolls back every migration of that transaction: the note names them
 * all, not only the failing one. */
static void test_failure_after_no_transaction_names_the_whole_unit(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
	no_txn_js(e, "002_idx.js");
	sql_mig(e, "003_c.sql", "CREATE TABLE c (id int);", "DROP TABLE c;");
	sql_mig(e, "004_d.sql", "CREATE TABLE d (id int);", "DROP TABLE d;");
	fake()->inject.fail_sql = "CREATE TABLE d";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 004_d failed");
	assert_note(err, "rolled back 003_c .. 004_d; 2 earlier migration(s) of this run stay applied");
	assert_records("001_a 002_idx");
	char *kept = cat3(A1, "CREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE INDEX CONCURRENTLY c_id ON c (id);\n", NULL);
	assert_applied(kept);
	free(kept);
	assert_clean();
}

/* The same when the COMMIT of that transaction fails. */
static void test_commit_failure_after_no_transaction_names_the_whole_unit(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
	no_txn_js(e, "002_idx.js");
	sql_mig(e, "003_c.sql", "CREATE TABLE c (id int);", "DROP TABLE c;");
	sql_mig(e, "004_d.sql", "CREATE TABLE d (id int);", "DROP TABLE d;");
	/* commits: 001_a, then 003_c .. 004_d (002_idx's record commits by
	 * itself) */
	fake()->inject.fail_commit = 2;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL,
				      "the transaction of migrations 003_c .. 004_d failed at COMMIT");
	assert_note(err, "rolled back 003_c .. 004_d; 2 earlier migration(s) of this run stay applied");
	assert_records("001_a 002_idx");
	assert_clean();
}

/* A noTransaction() migration fails in its second step: the first step
 * stays; the note says so and that it is not recorded. */
static void test_no_transaction_failure_keeps_earlier_steps(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
	no_txn_js(e, "002_idx.js");
	fake()->inject.fail_sql = "c_id";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_idx failed");
	assert_note(err, "002_idx ran outside a transaction (noTransaction): the 1 statement(s) before the failing one "
			 "(statement 2) stay applied, and it is not recorded; the migrations journal keeps it as failed, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 002_idx --applied` or `--pending`; "
			 "1 earlier migration(s) of this run stay applied");
	assert_records("001_a");
	char *j = fake_journal_rows_text();
	assert_string_equal(j, "002_idx up failed 1");
	free(j);
	char *kept = cat3(A1, "CREATE INDEX CONCURRENTLY a_id ON a (id);\n", NULL);
	assert_applied(kept);
	free(kept);
	assert_clean();
}

/* A noTransaction() step of several statements runs in one round trip,
 * which the server runs as one implicit transaction: when its third
 * statement fails, the two before it in the step are undone too. The
 * note must count only what stayed. */
static void test_no_transaction_failure_in_a_multi_statement_step(void **state)
{
	env *e = *state;
	write_file(e->dir, "001_multi.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.noTransaction();\n"
		   "  pgm.sql('CREATE TABLE n1 (id int)');\n"
		   "  pgm.sql('CREATE TABLE n2 (id int); CREATE TABLE n3 (id int); CREATE TABLE n4 (id int)');\n"
		   "};\n"
		   "exports.down = false;\n");
	fake()->inject.fail_sql = "n4";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 001_multi failed");
	assert_string_equal(err->statement, "CREATE TABLE n4 (id int);");
	assert_journal(0, "state create\n"
			  "step CREATE TABLE n1 (id int);\n"
			  "step CREATE TABLE n2 (id int); | CREATE TABLE n3 (id int); | CREATE TABLE n4 (id int); -> error at 3\n"
			  "server: undid the failed step's 2 earlier statement(s)\n");
	assert_applied("CREATE TABLE n1 (id int);\n");
	assert_note(err, "001_multi ran outside a transaction (noTransaction): of the 3 statement(s) before the failing one "
			 "(statement 4), 1 stay applied and the 2 in its step were undone with it (a step runs as one "
			 "implicit transaction), and it is not recorded; the migrations journal keeps it as failed, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 001_multi --applied` or `--pending`");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "001_multi up failed 1");
	free(rows);
	assert_records("");
	assert_clean();
}

/* COMMIT fails (a deferred constraint): nothing of the transaction stays. */
/* BEGIN of the second migration's transaction fails: the first stays
 * applied and recorded, and the note says what did not run. */
static void test_begin_failure_after_a_commit(void **state)
{
	env *e = *state;
	three(e);
	e->o.no_single_transaction = true;
	fake()->inject.fail_begin = 2;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "cannot begin");
	assert_note(err, "002_b and the migrations after it did not run; 1 earlier migration(s) of this run stay applied");
	assert_records("001_a");
	assert_clean();
}

static void test_commit_failure(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.fail_commit = 1;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL,
				      "the transaction of migrations 001_a .. 003_c failed at COMMIT: fake: deferred constraint violated");
	assert_string_equal(err->statement, "COMMIT");
	assert_note(err, "rolled back: nothing from this run was applied");
	assert_records("");
	assert_applied("");
	char *j = fake_journal_text(0);
	assert_true(ends_with(j, "record 003_c\ncommit -> error\nrollback (none open)\n"));
	free(j);
	/* every migration ran, none was said to be applied: the failure is
	 * the transaction's, not one's */
	assert_contains(mig_str_cstr(&e->events), "done 003_c open\n");
	assert_lacks(mig_str_cstr(&e->events), "commit");
	assert_lacks(mig_str_cstr(&e->events), "finished");
	assert_clean();
}

/* COMMIT of a one-migration transaction fails: the error points at it. */
static void test_commit_failure_of_one_migration(void **state)
{
	env *e = *state;
	three(e);
	e->o.no_single_transaction = true;
	fake()->inject.fail_commit = 2;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b failed at COMMIT");
	assert_non_null(err->file);
	assert_true(ends_with(err->file, "/002_b.sql"));
	assert_note(err, "rolled back 002_b; 1 earlier migration(s) of this run stay applied");
	assert_records("001_a");
	assert_applied(A1);
	/* a transaction of one is reported once committed: 002_b never is */
	assert_contains(mig_str_cstr(&e->events), "done 001_a\nstart 002_b\n");
	assert_lacks(mig_str_cstr(&e->events), "done 002_b");
	assert_int_equal(fake_count("step CREATE TABLE c"), 0);
	assert_clean();
}

/* The bookkeeping INSERT fails: the migration's statements roll back
 * with it, and the run stops. */
static void test_bookkeeping_failure(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.fail_record = "002_b";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL,
				      "migration 002_b: cannot record it in the migrations table: fake: permission denied");
	assert_string_equal(err->statement, "INSERT INTO \"public\".\"pgmigrations\" (name, run_on) VALUES ('002_b', NOW());");
	assert_note(err, "rolled back: nothing from this run was applied");
	assert_journal(0, "state create\n"
			  "begin\n"
			  "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
			  "record 002_b -> error\n"
			  "rollback\n");
	assert_records("");
	assert_applied("");
	assert_clean();
}

/* ---- the lock ---------------------------------------------------------------- */

/* Another run holds the lock: fail at once, name the holder, run nothing. */
static void test_lock_held(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ELOCKED,
				      "Another migration is already running on db (the fake lock 7241865325823964)");
	assert_string_equal(err->detail, "held by fake session 4242, user alice, application 'other-migrate', "
					 "connected since 2024-01-01 09:00:00");
	assert_string_equal(err->hint, "to wait for it instead, use --lock-wait SECONDS");
	assert_null(err->note);
	assert_journal(FAKE_J_ALL & ~FAKE_J_SESSION, "open fake:db\nlock try -> held\nlock holder\nclose\n");
	assert_int_equal(fake()->stmts, 0);
	assert_false(fake()->table_exists);
	assert_string_equal(mig_str_cstr(&e->events), "");
	assert_clean();
}

/* --lock-value: the key the lock is taken with. */
static void test_lock_value(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	e->o.lock_value = 42;
	failed(mig_migrate(&e->o, NULL), MIG_ELOCKED, "(the fake lock 42)");
	assert_clean();
}

/* --lock-wait: poll until the other run lets go, then run. */
static void test_lock_wait_then_run(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	fake()->inject.lock_free_after = 2;
	e->o.lock_wait = 10;
	double t0 = now_s();
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	double waited = now_s() - t0;
	assert_true(waited >= 0.14); /* 50 ms, then 100 ms */
	assert_true(waited < 5);
	assert_journal(FAKE_J_LOCK, "lock try -> held\n"
				    "lock holder\n"
				    "lock try -> held\n"
				    "lock try -> got\n"
				    "state create\n"
				    "begin\n"
				    "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
				    "record 001_a\n"
				    "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
				    "record 002_b\n"
				    "step CREATE TABLE c (id int);\n"
				    "record 003_c\n"
				    "commit\n"
				    "unlock\n");
	assert_string_equal(mig_str_cstr(&e->notices),
			    "waiting up to 10 s for another migration to release the lock (held by fake session 4242, "
			    "user alice, application 'other-migrate', connected since 2024-01-01 09:00:00)\n");
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* --lock-wait runs out: fail, having run nothing. */
static void test_lock_wait_gives_up(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	e->o.lock_wait = 0.3;
	double t0 = now_s();
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ELOCKED,
				      "Another migration is already running: the fake lock 7241865325823964 was still held after waiting 0.3 s.");
	assert_true(now_s() - t0 >= 0.3);
	assert_contains(err->detail, "held by fake session 4242");
	assert_string_equal(err->hint, "wait longer with --lock-wait SECONDS, or find the other run");
	assert_true(fake_count("lock try -> held") >= 3); /* 50 + 100 + 200 ms */
	assert_int_equal(fake_count("lock try -> got"), 0);
	assert_int_equal(fake()->stmts, 0);
	assert_false(fake()->table_exists);
	assert_clean();
}

/* --no-lock: no lock call at all, even when another run holds it. */
static void test_no_lock(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	e->o.no_lock = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_int_equal(fake_count("lock"), 0);
	assert_int_equal(fake_count("unlock"), 0);
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* --lock-strategy table: the lease row, taken with one statement; a
 * keeper on a second connection renews it (so the run's own connection
 * sends nothing more about it) and deletes it at the end. */
static void test_lease_lock(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	e->o.no_single_transaction = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(FAKE_J_LOCK, "lease create\n"
				    "lease take\n"
				    "lease read\n"
				    "state create\n"
				    "begin\n"
				    "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
				    "record 001_a\n"
				    "commit\n"
				    "begin\n"
				    "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
				    "record 002_b\n"
				    "commit\n"
				    "begin\n"
				    "step CREATE TABLE c (id int);\n"
				    "record 003_c\n"
				    "commit\n"
				    "lease release\n");
	assert_int_equal(fake_count("open"), 2); /* the run's, the keeper's */
	assert_null(fake()->lease);
	assert_records("001_a 002_b 003_c");
	assert_string_equal(mig_str_cstr(&e->warnings), "");
	assert_clean();
}

/* No second connection for a keeper: the run says so, renews its lease
 * after every unit, and checks before each unit and each commit that it
 * is still its own. */
static void test_lease_without_keeper(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	e->o.no_single_transaction = true;
	fake()->inject.fail_open_after = 1;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(FAKE_J_LOCK, "lease create\n"
				    "lease take\n"
				    "lease read\n"
				    "state create\n"
				    "lease read\n"
				    "begin\n"
				    "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
				    "record 001_a\n"
				    "lease read\n"
				    "commit\n"
				    "lease renew\n"
				    "lease read\n"
				    "lease read\n"
				    "begin\n"
				    "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x);\n"
				    "record 002_b\n"
				    "lease read\n"
				    "commit\n"
				    "lease renew\n"
				    "lease read\n"
				    "lease read\n"
				    "begin\n"
				    "step CREATE TABLE c (id int);\n"
				    "record 003_c\n"
				    "lease read\n"
				    "commit\n"
				    "lease renew\n"
				    "lease read\n"
				    "lease release\n");
	assert_contains(mig_str_cstr(&e->warnings), "cannot keep the run's lease from a second connection");
	assert_null(fake()->lease);
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* The lease expired and another run took it over after the first
 * migration: the run stops there, saying so, and applies no more. */
static void test_lease_taken_over(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	e->o.no_single_transaction = true;
	fake()->inject.fail_open_after = 1;
	fake()->inject.lease_stolen_at_commit = 1;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ELOCKED,
				      "the run lost its lock: it expired and was taken over (held by run thief:9:beef (host thief, pid 9), "
				      "taken at 2023-11-14 22:13:20 UTC, lease until 2023-11-14 22:23:20 UTC), so another run may be migrating this database");
	assert_string_equal(err->note, "002_b and the migrations after it did not run; 1 earlier migration(s) of this run stay applied");
	assert_records("001_a");
	assert_string_equal(fake()->lease, "thief:9:beef"); /* not ours to delete */
	assert_int_equal(fake_count("lease release (not ours)"), 1);
	assert_clean();
}

/* A certification conflict on taking the lease (Galera; 40001) is
 * retried with back-off; past the retries it is the run's failure. */
static void test_lease_conflict_retried(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	fake()->inject.lease_conflicts = 3;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_int_equal(fake_count("lease take -> conflict"), 3);
	assert_records("001_a 002_b 003_c");
	assert_null(fake()->lease);
	assert_clean();
}

static void test_lease_conflict_gives_up(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	fake()->inject.lease_conflicts = 1000;
	failed(mig_migrate(&e->o, NULL), MIG_ESQL, "Deadlock found when trying to get lock; try restarting transaction");
	assert_int_equal(fake_count("lease take -> conflict"), 9); /* the first try and 8 retries */
	assert_records("");
	assert_int_equal(fake()->stmts, 0);
	assert_clean();
}

/* The lease belongs to another run: refused with who holds it. */
static void test_lease_held(void **state)
{
	env *e = *state;
	three(e);
	e->o.lock_strategy = "table";
	fake()->lease = strdup("otherhost:77:beef");
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ELOCKED,
				      "Another migration is already running on db (the lease in public.pgmigrations_lock)");
	assert_string_equal(err->detail, "held by run otherhost:77:beef (host otherhost, pid 77), taken at 2023-11-14 22:13:20 UTC, "
					 "lease until 2023-11-14 22:23:20 UTC");
	assert_string_equal(fake()->lease, "otherhost:77:beef");
	assert_int_equal(fake_count("lease release"), 0);
	assert_int_equal(fake()->stmts, 0);
	assert_clean();
}

/* ---- a lost connection ------------------------------------------------------- */

/* The session is lost at statement 4: the server rolls back; the runner
 * says so and sends nothing more (no ROLLBACK, no unlock). */
static void test_connection_lost_mid_migration(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lose_at = 4;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ECONNLOST,
				      "migration 002_b failed: fake: server closed the connection unexpectedly");
	assert_note(err, "the connection was lost: the server rolls back the open transaction (001_a .. 002_b are not "
			 "applied)");
	assert_journal(FAKE_J_ALL & ~(FAKE_J_SESSION | FAKE_J_READS),
		       "open fake:db\n"
		       "lock try -> got\n"
		       "state create\n"
		       "begin\n"
		       "step CREATE TABLE a (id int); | INSERT INTO a VALUES (1);\n"
		       "record 001_a\n"
		       "step CREATE TABLE b (id int); | ALTER TABLE b ADD COLUMN x int; | CREATE INDEX b_x ON b (x); -> lost at 2\n"
		       "server: session lost\n"
		       "server: rolled back the open transaction\n"
		       "close\n");
	assert_records("");
	assert_applied("");
	assert_clean(); /* no call after the loss */
}

/* Lost in the third of three per-migration transactions. */
static void test_connection_lost_after_commits(void **state)
{
	env *e = *state;
	three(e);
	e->o.no_single_transaction = true;
	fake()->inject.lose_at = 6;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ECONNLOST, "migration 003_c failed");
	assert_note(err, "the connection was lost: the server rolls back the open transaction (003_c is not applied); "
			 "2 earlier migration(s) of this run stay applied");
	assert_records("001_a 002_b");
	assert_clean();
}

/* Lost during COMMIT: the server may have committed (here it did), so the
 * note must not claim the transaction was rolled back. */
static void test_connection_lost_at_commit(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lose_at_commit = 1;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ECONNLOST,
				      "the transaction of migrations 001_a .. 003_c failed at COMMIT");
	assert_records("001_a 002_b 003_c"); /* what the server did */
	assert_note(err, "the connection was lost during COMMIT: whether the server committed 001_a .. 003_c is unknown "
			 "(the migrations table says which are applied)");
	assert_clean();
}

/* ---- no transactional DDL (fakemy) ----------------------------------------------- */

/* Each migration is its own unit, recorded as soon as it finishes; one of
 * data only runs in a transaction with its bookkeeping. --single-transaction
 * (the default) cannot group DDL on such an engine. */
static void test_no_txn_ddl_units(void **state)
{
	env *e = *state;
	three(e);
	sql_mig(e, "004_seed.sql", "INSERT INTO a VALUES (2);\nUPDATE a SET id = 3 WHERE id = 2;", "DELETE FROM a WHERE id = 3;");
	e->o.database_url = "fakemy:db";
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "state create\n"
			  "exec CREATE TABLE a (id int);\n"
			  "exec INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "exec CREATE TABLE b (id int);\n"
			  "exec ALTER TABLE b ADD COLUMN x int;\n"
			  "exec CREATE INDEX b_x ON b (x);\n"
			  "record 002_b\n"
			  "exec CREATE TABLE c (id int);\n"
			  "record 003_c\n"
			  "begin\n"
			  "exec INSERT INTO a VALUES (2);\n"
			  "exec UPDATE a SET id = 3 WHERE id = 2;\n"
			  "record 004_seed\n"
			  "commit\n");
	assert_records("001_a 002_b 003_c 004_seed");
	assert_string_equal(mig_str_cstr(&e->warnings), "");
	assert_clean();
}

/* A failure in migration 2 leaves migration 1 recorded, and the note says
 * exactly which statements of migration 2 ran and stay. */
static void test_no_txn_ddl_failure_in_second_migration(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_nth = 4;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b failed: fake: injected failure");
	assert_string_equal(err->statement, "ALTER TABLE b ADD COLUMN x int;");
	assert_int_equal(err->line, 3);
	assert_note(err, "002_b ran outside a transaction (this engine commits DDL at once): the 1 statement(s) before the "
			 "failing one (statement 2) stay applied, and it is not recorded; the migrations journal keeps it as failed, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 002_b --applied` or `--pending`; "
			 "1 earlier migration(s) of this run stay applied");
	assert_records("001_a");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "002_b up failed 1");
	free(rows);
	char *kept = cat3(A1, B1, NULL);
	assert_applied(kept);
	free(kept);
	assert_journal(0, "state create\n"
			  "exec CREATE TABLE a (id int);\n"
			  "exec INSERT INTO a VALUES (1);\n"
			  "record 001_a\n"
			  "exec CREATE TABLE b (id int);\n"
			  "exec ALTER TABLE b ADD COLUMN x int; -> error\n");
	/* the journal followed every statement */
	assert_journal(FAKE_J_JOURNAL, "state create\n"
				       "journal create\n"
				       "journal start 001_a\n"
				       "exec CREATE TABLE a (id int);\n"
				       "journal progress 001_a 1\n"
				       "exec INSERT INTO a VALUES (1);\n"
				       "journal progress 001_a 2\n"
				       "record 001_a\n"
				       "journal start 002_b\n"
				       "exec CREATE TABLE b (id int);\n"
				       "journal progress 002_b 1\n"
				       "exec ALTER TABLE b ADD COLUMN x int; -> error\n"
				       "journal fail 002_b 1\n"
				       "journal prune 1\n");
	assert_clean();
}

/* The first statement of migration 2 fails: none of it stays, so it is
 * simply pending again (its journal row is deleted). */
static void test_no_txn_ddl_failure_at_first_statement(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_nth = 3;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b failed");
	assert_note(err, "002_b ran outside a transaction (this engine commits DDL at once): the 0 statement(s) before the "
			 "failing one (statement 1) stay applied, and it is not recorded; as nothing of it stayed applied, it "
			 "is pending again; 1 earlier migration(s) of this run stay applied");
	assert_applied(A1);
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_clean();
}

/* A data-only migration fails: its transaction rolls back its rows. */
static void test_no_txn_ddl_data_migration_rolls_back(void **state)
{
	env *e = *state;
	three(e);
	sql_mig(e, "004_seed.sql", "INSERT INTO a VALUES (2);\nUPDATE a SET id = 3 WHERE id = 2;", "DELETE FROM a WHERE id = 3;");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_sql = "UPDATE a";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 004_seed failed");
	assert_note(err, "rolled back 004_seed; 3 earlier migration(s) of this run stay applied");
	assert_records("001_a 002_b 003_c");
	char *kept = cat3(A1, B, C);
	assert_applied(kept);
	free(kept);
	char *j = fake_journal_text(0);
	assert_true(ends_with(j, "begin\nexec INSERT INTO a VALUES (2);\nexec UPDATE a SET id = 3 WHERE id = 2; -> error\nrollback\n"));
	free(j);
	assert_clean();
}

/* The bookkeeping of a DDL migration fails: its statements stay, and the
 * note says it is not recorded. */
static void test_no_txn_ddl_bookkeeping_failure(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_record = "002_b";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b: cannot record it in the migrations table");
	assert_note(err, "002_b ran outside a transaction (this engine commits DDL at once): all 3 of its statement(s) ran "
			 "and stay applied, but it is not recorded in the migrations table; the migrations journal keeps it as failed, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 002_b --applied` or `--pending`; "
			 "1 earlier migration(s) of this run stay applied");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "002_b up failed 3");
	free(rows);
	assert_records("001_a");
	char *kept = cat3(A1, B, NULL);
	assert_applied(kept);
	free(kept);
	assert_clean();
}

/* The bookkeeping of a data-only migration fails: rolled back whole. */
static void test_no_txn_ddl_data_bookkeeping_failure(void **state)
{
	env *e = *state;
	sql_mig(e, "001_seed.sql", "INSERT INTO a VALUES (2);", "DELETE FROM a WHERE id = 2;");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_record = "001_seed";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "cannot record it in the migrations table");
	assert_note(err, "rolled back: nothing from this run was applied");
	assert_applied("");
	assert_records("");
	assert_journal(0, "state create\nbegin\nexec INSERT INTO a VALUES (2);\nrecord 001_seed -> error\nrollback\n");
	assert_clean();
}

/* Lost in migration 2 on an engine without transactional DDL. */
static void test_no_txn_ddl_connection_lost(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake()->inject.lose_at = 5;
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ECONNLOST, "migration 002_b failed");
	assert_note(err, "002_b ran outside a transaction (this engine commits DDL at once): the 2 statement(s) before the "
			 "failing one (statement 3) stay applied, and it is not recorded; the connection was lost, so whether "
			 "the failing statement took effect is unknown; the migrations journal keeps it as interrupted, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 002_b --applied` or `--pending`; 1 earlier "
			 "migration(s) of this run stay applied");
	/* the server was gone: the row still says running, with what was
	 * counted; 001_a's row stays too, complete (it is recorded), and only
	 * 002_b's stops the next run */
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "001_a up running 2; 002_b up running 2");
	free(rows);
	assert_records("001_a");
	char *kept = cat3(A1, "CREATE TABLE b (id int);\nALTER TABLE b ADD COLUMN x int;\n", NULL);
	assert_applied(kept);
	free(kept);
	assert_clean();
}

/* A noTransaction() migration on such an engine says why it ran outside
 * a transaction: noTransaction, not the engine. */
static void test_no_txn_ddl_no_transaction_migration(void **state)
{
	env *e = *state;
	no_txn_js(e, "001_idx.js");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_sql = "c_id";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 001_idx failed");
	assert_note(err, "001_idx ran outside a transaction (noTransaction): the 1 statement(s) before the failing one "
			 "(statement 2) stay applied, and it is not recorded; the migrations journal keeps it as failed, and migrate, rollback and redo refuse to run until it is repaired by hand: then `migrations repair 001_idx --applied` or `--pending`");
	assert_clean();
}

/* ---- the journal: failed and interrupted migrations ---------------------------------- */

/* A migration an earlier run left failed: migrate, rollback and redo
 * refuse before anything runs, naming it and the way out. */
static void test_journal_refuses_runs(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_record("001_a");
	fake_seed_journal("002_b up failed 1");
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ERROR, "migrate refused: migration 002_b failed half-way");
	assert_contains(err->message, "1 of its statement(s) ran and stay applied; the failure was: fake: an earlier failure");
	assert_contains(err->note, "`migrations repair 002_b --applied`");
	assert_contains(err->note, "`migrations repair 002_b --pending`");
	assert_int_equal(mig_error_exit_status(err->code), 1);
	failed(mig_rollback(&e->o, NULL), MIG_ERROR, "rollback refused: migration 002_b failed half-way");
	failed(mig_redo(&e->o, NULL), MIG_ERROR, "redo refused");
	assert_int_equal(fake()->stmts, 0);
	assert_records("001_a");
	assert_clean();
}

/* A row still "running" is a run that died: interrupted. */
static void test_journal_interrupted(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_journal("001_a up running 1");
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ERROR, "migration 001_a was interrupted");
	assert_contains(err->message, "1 of its statement(s) are known to have run, and the next one may have");
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	assert_true(st[0].failed);
	assert_true(st[0].interrupted);
	assert_false(st[0].failed_down);
	assert_int_equal(st[0].statements_done, 1);
	assert_null(st[0].run_on);
	assert_false(st[1].failed);
	mig_status_free(st, n);
	assert_clean();
}

/* A run that died after some migrations completed leaves their rows
 * (its prune never came): the migrations table agrees with each, so the
 * next run neither refuses nor shows them, and deletes them at its end. */
static void test_journal_complete_rows_are_ignored(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_record("001_a");
	fake_seed_journal("001_a up running 1");  /* recorded: complete */
	fake_seed_journal("002_b down running 3"); /* not recorded: its rollback completed */
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_false(st[i].failed);
	mig_status_free(st, n);
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_records("001_a 002_b 003_c");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	/* 002_b's start replaced its row; the prune takes the three */
	assert_int_equal(fake_count("journal start 002_b (replaces its complete row)"), 1);
	assert_int_equal(fake_count("journal prune 3"), 1);
	assert_clean();
}

/* A run killed between its last record and its prune leaves only
 * complete rows and nothing to migrate: the next run, with nothing to
 * do, still deletes them. */
static void test_journal_complete_rows_pruned_when_nothing_runs(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_record("003_c");
	fake_seed_journal("002_b up running 2");
	fake_seed_journal("003_c up running 1");
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_records("001_a 002_b 003_c");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_int_equal(fake_count("journal prune 2"), 1);
	/* a dry run deletes nothing */
	fake_seed_journal("003_c up running 1");
	e->o.dry_run = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	rows = fake_journal_rows_text();
	assert_string_not_equal(rows, "");
	free(rows);
	assert_clean();
}

/* redo outside a transaction: the rollback completes the row, and the
 * start of the migration again replaces it. */
static void test_journal_redo_replaces_the_complete_row(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_int_equal(mig_redo(&e->o, NULL), 0);
	assert_records("001_a 002_b 003_c");
	assert_int_equal(fake_count("journal start 003_c (replaces its complete row)"), 1);
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_clean();
}

/* repair --applied records it and clears the row; migrate goes on. */
static void test_repair_applied(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_record("001_a");
	fake_seed_journal("002_b up failed 1");
	assert_int_equal(mig_repair(&e->o, "002_b", true), 0);
	assert_records("001_a 002_b");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_int_equal(fake()->stmts, 0);
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* repair --pending of a failed rollback: it is un-recorded; the file's
 * name (with its extension) names it too. */
static void test_repair_pending(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_journal("002_b down failed 1");
	assert_int_equal(mig_repair(&e->o, "migrations/002_b.sql", false), 0);
	assert_records("001_a");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_clean();
}

/* repair of a migration that did not fail, or with nothing failed. */
static void test_repair_refuses_unknown(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	failed(mig_repair(&e->o, "002_b", true), MIG_EINPUT, "nothing to repair");
	fake_seed_journal("002_b up failed 1");
	failed(mig_repair(&e->o, "003_c", true), MIG_EINPUT, "003_c is not a failed migration (failed: 002_b)");
	failed(mig_repair(&e->o, "002_bx", true), MIG_EINPUT, "not a failed migration");
	assert_records("");
	assert_clean();
}

/* The journal's start cannot be written: the migration does not run. */
static void test_journal_start_failure(void **state)
{
	env *e = *state;
	three(e);
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_journal = 1;
	failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 001_a: cannot write its start in the migrations journal");
	assert_int_equal(fake()->stmts, 0);
	assert_records("");
	assert_clean();
}

/* A migration without statements writes no journal row (nothing of it
 * can be half-applied): it is recorded, and the start that fails is the
 * next migration's, which does not run. */
static void test_journal_start_failure_after_an_empty_migration(void **state)
{
	env *e = *state;
	sql_mig(e, "001_empty.sql", "", "");
	sql_mig(e, "002_b.sql", "CREATE TABLE b (id int);", "DROP TABLE b;");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_journal = 1;
	failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 002_b: cannot write its start in the migrations journal");
	assert_int_equal(fake()->stmts, 0);
	assert_records("001_empty");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_clean();
	/* with the journal writable again, the rest runs */
	fake()->inject.fail_journal = 0;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_records("001_empty 002_b");
}

/* A rollback that fails half-way is journalled as a failed "down". */
static void test_journal_failed_rollback(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);", "DROP INDEX a_i;\nDROP TABLE a;");
	e->o.database_url = "fakemy:db";
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	fake()->inject.fail_sql = "DROP TABLE a";
	failed(mig_rollback(&e->o, NULL), MIG_ESQL, "migration 001_a failed");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "001_a down failed 1");
	free(rows);
	assert_records("001_a");
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 1);
	assert_true(st[0].failed);
	assert_true(st[0].failed_down);
	assert_false(st[0].interrupted);
	assert_non_null(st[0].run_on);
	assert_non_null(st[0].error);
	mig_status_free(st, n);
	assert_clean();
}

/* A JS migration fails at its third operation on an engine without
 * transactional DDL: the two before it are undone by their inverses,
 * last first, and it is pending again (nothing recorded, no journal row). */
static void test_partial_js_migration_is_undone(void **state)
{
	env *e = *state;
	write_file(e->dir, "001_ab.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.createTable('a', { id: 'integer' });\n"
		   "  pgm.addColumns('a', { x: 'integer' });\n"
		   "  pgm.createTable('b', { id: 'integer' });\n"
		   "};\n");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_sql = "CREATE TABLE \"b\"";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 001_ab failed: fake: injected failure");
	assert_int_equal(err->line, 4);
	assert_note(err, "001_ab ran outside a transaction (this engine commits DDL at once) and failed at its operation 3: "
			 "the 2 operation(s) before it were undone by their inverses (2 statement(s)), so nothing of it stays "
			 "applied, and it is not recorded; it is pending again");
	char *j = fake_journal_text(0);
	assert_contains(j, "exec CREATE TABLE \"b\" ( \"id\" integer ); -> error\n"
			   "exec ALTER TABLE \"a\" DROP \"x\";\n"
			   "exec DROP TABLE \"a\";\n");
	free(j);
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "");
	free(rows);
	assert_records("");
	assert_clean();
}

/* An operation without an inverse (pgm.sql) before the failure: nothing
 * is undone, and the migration is failed as any other. */
static void test_partial_js_migration_without_inverse_stays_failed(void **state)
{
	env *e = *state;
	write_file(e->dir, "001_ab.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.sql('CREATE TABLE a (id int)');\n"
		   "  pgm.createTable('b', { id: 'integer' });\n"
		   "};\n");
	e->o.database_url = "fakemy:db";
	fake()->inject.fail_sql = "CREATE TABLE \"b\"";
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_ESQL, "migration 001_ab failed");
	assert_contains(err->note, "the 1 statement(s) before the failing one (statement 2) stay applied");
	assert_contains(err->note, "keeps it as failed");
	char *rows = fake_journal_rows_text();
	assert_string_equal(rows, "001_ab up failed 1");
	free(rows);
	assert_clean();
}

/* ---- dry runs, --fake, rollback, redo, status ---------------------------------------- */

/* A dry run prints the statements and the bookkeeping and changes
 * nothing: no transaction, no statement, no state table. */
static void test_dry_run_changes_nothing(void **state)
{
	env *e = *state;
	three(e);
	e->o.dry_run = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "");
	assert_journal(FAKE_J_READS, "state exists\n");
	assert_int_equal(fake()->stmts, 0);
	assert_false(fake()->table_exists);
	assert_records("");
	assert_applied("");
	assert_string_equal(mig_str_cstr(&e->steps),
			    /* no stray ";" line after each file's last statement */
			    "-- Up Migration\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n"
			    "[book] INSERT INTO \"public\".\"pgmigrations\" (name, run_on) VALUES ('001_a', NOW());\n"
			    "-- Up Migration\nCREATE TABLE b (id int);\nALTER TABLE b ADD COLUMN x int;\nCREATE INDEX b_x ON b (x);\n"
			    "[book] INSERT INTO \"public\".\"pgmigrations\" (name, run_on) VALUES ('002_b', NOW());\n"
			    "-- Up Migration\nCREATE TABLE c (id int);\n"
			    "[book] INSERT INTO \"public\".\"pgmigrations\" (name, run_on) VALUES ('003_c', NOW());\n");
	assert_clean();
}

/* A dry run against a database with history plans only what is pending. */
static void test_dry_run_reads_state(void **state)
{
	env *e = *state;
	three(e);
	fake_seed_record("001_a");
	e->o.dry_run = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "");
	assert_journal(FAKE_J_READS, "state exists\nstate select\njournal exists\n");
	assert_lacks(mig_str_cstr(&e->steps), "CREATE TABLE a");
	assert_contains(mig_str_cstr(&e->steps), "CREATE TABLE c (id int);");
	assert_records("001_a");
	assert_clean();
}

/* --fake records the migrations without running them. */
static void test_fake_option_records_only(void **state)
{
	env *e = *state;
	three(e);
	e->o.fake = true;
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_journal(0, "state create\nbegin\nrecord 001_a\nrecord 002_b\nrecord 003_c\ncommit\n");
	assert_int_equal(fake()->stmts, 0);
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* rollback: the downs, newest first, un-recorded, in one transaction. */
static void test_rollback(void **state)
{
	env *e = *state;
	three(e);
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_record("003_c");
	mig_target t = {.has_count = true, .count = 2};
	assert_int_equal(mig_rollback(&e->o, &t), 0);
	assert_journal(0, "begin\n"
			  "step DROP TABLE c;\n"
			  "unrecord 003_c\n"
			  "step DROP TABLE b;\n"
			  "unrecord 002_b\n"
			  "commit\n");
	assert_records("001_a");
	assert_string_equal(mig_str_cstr(&e->events),
			    "plan 2\nstart 003_c down\ndone 003_c open\nstart 002_b down\ndone 002_b open\n"
			    "commit 2 003_c..002_b\nfinished 2\n");
	assert_clean();
}

/* A failing down rolls back the other downs of its transaction. */
static void test_rollback_failure(void **state)
{
	env *e = *state;
	three(e);
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_record("003_c");
	fake()->inject.fail_sql = "DROP TABLE b";
	mig_target t = {.has_count = true, .count = 3};
	const mig_error *err = failed(mig_rollback(&e->o, &t), MIG_ESQL, "migration 002_b failed");
	assert_note(err, "rolled back: nothing from this run was applied");
	assert_records("001_a 002_b 003_c");
	assert_applied("");
	assert_clean();
}

/* redo: down then up again, in one transaction under one lock. */
static void test_redo(void **state)
{
	env *e = *state;
	three(e);
	fake_seed_record("001_a");
	fake_seed_record("002_b");
	fake_seed_record("003_c");
	assert_int_equal(mig_redo(&e->o, NULL), 0);
	assert_journal(FAKE_J_LOCK, "lock try -> got\n"
				    "begin\n"
				    "step DROP TABLE c;\n"
				    "unrecord 003_c\n"
				    "step CREATE TABLE c (id int);\n"
				    "record 003_c\n"
				    "commit\n"
				    "unlock\n");
	assert_records("001_a 002_b 003_c");
	assert_clean();
}

/* status reads without locking or creating anything. */
static void test_status(void **state)
{
	env *e = *state;
	three(e);
	fake_seed_record("001_a");
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(st[0].name, "001_a");
	assert_non_null(st[0].run_on);
	assert_string_equal(st[1].name, "002_b");
	assert_null(st[1].run_on);
	assert_string_equal(st[2].name, "003_c");
	assert_null(st[2].run_on);
	mig_status_free(st, n);
	/* it asks who holds the lock, and takes nothing */
	assert_journal(FAKE_J_ALL & ~FAKE_J_SESSION, "open fake:db\nstate exists\nstate select\njournal exists\nlock holder\nclose\n");
	assert_string_equal(mig_str_cstr(&e->infos), "");
	assert_clean();
}

/* status while another run holds the lock: it says who, and still lists. */
static void test_status_names_the_holder(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.lock_held = true;
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	mig_status_free(st, n);
	assert_contains(mig_str_cstr(&e->infos), "a migration run holds the lock now: held by fake session 4242");
	assert_int_equal(fake_count("lock try"), 0);
	assert_clean();
}

/* ---- per-file loading: a file is read when the plan runs it ------------------- */

/* 001_a and 003_c of three(), with 002 a JS file the static reader
 * refuses (it needs an application module) in the middle. */
static void with_unreadable(env *e, const char *middle)
{
	/* unreadable to the static reader; Node.js, were it on PATH, would
	 * evaluate it (test_node_engine.sh) */
	e->o.js_engine = "static";
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);", "DROP TABLE a;");
	write_file(e->dir, "002_dyn.js", middle ? middle : "const h = require('../lib/h');\nexports.up = (pgm) => h.run(pgm);\n");
	sql_mig(e, "003_c.sql", "CREATE TABLE c (id int);", "DROP TABLE c;");
}

static void assert_error_file(const mig_error *err, env *e, const char *file, int line, int column)
{
	char *want = mig_aprintf("%s/%s", e->dir, file);
	assert_non_null(err->file);
	assert_string_equal(err->file, want);
	assert_int_equal(err->line, line);
	assert_int_equal(err->column, column);
	free(want);
}

/* A migrate that would run an unreadable file refuses before anything:
 * no transaction, no statement, no record (only the empty migrations
 * table, created before the files are read as node-pg-migrate does); the
 * note says how far it can go. */
static void test_unreadable_refused_before_anything(void **state)
{
	env *e = *state;
	with_unreadable(e, NULL);
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_EINPUT, "import of '../lib/h' at top level");
	assert_error_file(err, e, "002_dyn.js", 1, 19);
	assert_note(err, "nothing was run; `migrate 1` applies the 1 migration(s) before 002_dyn");
	assert_journal(0, "state create\n");
	assert_int_equal(fake()->begins, 0);
	assert_records("");
	assert_applied("");
	/* with --timestamp a number is a prefix: the note names the last one */
	e->o.timestamp = true;
	err = failed(mig_migrate(&e->o, NULL), MIG_EINPUT, "import of '../lib/h' at top level");
	assert_note(err, "nothing was run; `migrate 001_a` applies the 1 migration(s) before 002_dyn");
	assert_records("");
	assert_clean();
}

/* migrate N that stops before it never reads it. */
static void test_count_stops_before_unreadable(void **state)
{
	env *e = *state;
	with_unreadable(e, NULL);
	mig_target t = {.has_count = true, .count = 1};
	assert_int_equal(mig_migrate(&e->o, &t), 0);
	assert_records("001_a");
	assert_applied("CREATE TABLE a (id int);\n");
	assert_clean();
}

/* Applied (by node-pg-migrate, say), it is never read: migrate runs the
 * ones after it, status lists it, rollback of the others works; a
 * rollback that would undo it refuses before anything. */
static void test_unreadable_applied_is_not_read(void **state)
{
	env *e = *state;
	with_unreadable(e, NULL);
	fake_seed_record("001_a");
	fake_seed_record("002_dyn");
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_records("001_a 002_dyn 003_c");
	assert_applied("CREATE TABLE c (id int);\n");

	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(st[1].name, "002_dyn");
	assert_non_null(st[1].run_on);
	assert_null(st[1].unreadable); /* not read */
	mig_status_free(st, n);

	assert_int_equal(mig_rollback(&e->o, NULL), 0);
	assert_records("001_a 002_dyn");
	assert_applied("CREATE TABLE c (id int);\nDROP TABLE c;\n");

	mig_target t = {.has_count = true, .count = 2};
	const mig_error *err = failed(mig_rollback(&e->o, &t), MIG_EINPUT, "import of '../lib/h'");
	assert_error_file(err, e, "002_dyn.js", 1, 19);
	assert_note(err, "nothing was run");
	assert_records("001_a 002_dyn");
	assert_clean();
}

/* status reads the pending files (a migrate would run them) and reports
 * an unreadable one instead of failing; applied files only when verbose. */
static void test_status_reports_unreadable(void **state)
{
	env *e = *state;
	with_unreadable(e, NULL);
	mig_status_entry *st = NULL;
	size_t n = 0;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_int_equal(n, 3);
	assert_null(st[0].unreadable);
	assert_non_null(st[1].unreadable);
	char *want = mig_aprintf("%s/002_dyn.js:1:19: import of '../lib/h' at top level", e->dir);
	assert_true(strncmp(st[1].unreadable, want, strlen(want)) == 0);
	assert_null(st[2].unreadable);
	mig_status_free(st, n);
	assert_null(mig_error_last()); /* a report, not an error */

	fake_seed_record("002_dyn");
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_string_equal(st[0].name, "002_dyn");
	assert_null(st[0].unreadable);
	mig_status_free(st, n);
	e->o.verbose = true;
	assert_int_equal(mig_status(&e->o, &st, &n), 0);
	assert_string_equal(st[0].name, "002_dyn");
	assert_non_null(st[0].unreadable);
	assert_true(strncmp(st[0].unreadable, want, strlen(want)) == 0);
	mig_status_free(st, n);
	free(want);
	assert_clean();
}

/* Shorthands cross an unreadable file that cannot export any; one whose
 * text names them stops the migrations after it, naming it. */
static void test_shorthands_across_unreadable(void **state)
{
	env *e = *state;
	e->o.js_engine = "static"; /* as with_unreadable */
	write_file(e->dir, "001_a.js",
		   "exports.shorthands = { ref_a: { type: 'integer', references: 'a' } };\n"
		   "exports.up = (pgm) => { pgm.createTable('a', { id: 'id' }); };\n");
	write_file(e->dir, "002_dyn.js", "const h = require('../lib/h');\nexports.up = (pgm) => h.run(pgm);\n");
	write_file(e->dir, "003_c.js", "exports.up = (pgm) => { pgm.createTable('c', { a_id: 'ref_a' }); };\n");
	fake_seed_record("001_a");
	fake_seed_record("002_dyn");
	assert_int_equal(mig_migrate(&e->o, NULL), 0);
	assert_applied("CREATE TABLE \"c\" ( \"a_id\" integer REFERENCES \"a\" );\n");

	fake_reset();
	fake_seed_record("001_a");
	fake_seed_record("002_dyn");
	write_file(e->dir, "002_dyn.js",
		   "const h = require('../lib/h');\nexports.shorthands = h.shorthands;\nexports.up = (pgm) => h.run(pgm);\n");
	const mig_error *err = failed(mig_migrate(&e->o, NULL), MIG_EINPUT,
				      "002_dyn cannot be read, and it may export shorthands, which node-pg-migrate passes on "
				      "to every later migration (003_c among them): import of '../lib/h'");
	assert_error_file(err, e, "002_dyn.js", 1, 19);
	assert_records("001_a 002_dyn");
	assert_applied("");
	assert_clean();
}

/* An earlier file that cannot be read at all (a dangling link) may hold
 * shorthands: the later migrations are refused, naming it. */
static void test_shorthands_of_a_file_that_cannot_be_opened(void **state)
{
	env *e = *state;
	sql_mig(e, "001_a.sql", "CREATE TABLE a (id int);", "DROP TABLE a;");
	char *link = mig_aprintf("%s/002_link.js", e->dir);
	assert_int_equal(symlink("/nonexistent-mig-target.js", link), 0);
	free(link);
	write_file(e->dir, "003_c.js", "exports.up = (pgm) => { pgm.createTable('c', { id: 'id' }); };\n");
	fake_seed_record("001_a");
	fake_seed_record("002_link");
	failed(mig_migrate(&e->o, NULL), MIG_EIO,
	       "002_link cannot be read, and it may export shorthands, which node-pg-migrate passes on to every later "
	       "migration (003_c among them): cannot read");
	assert_records("001_a 002_link");
	assert_applied("");
	assert_clean();
}

/* The server cannot be reached: nothing else happens. */
static void test_connect_failure(void **state)
{
	env *e = *state;
	three(e);
	fake()->inject.fail_open = true;
	failed(mig_migrate(&e->o, NULL), MIG_ECONNECT, "fake: connection refused");
	assert_journal(FAKE_J_ALL, "open fake:db -> error\n");
	assert_clean();
}

/* ---- the registry -------------------------------------------------------------- */

static int nop_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	(void)drv, (void)url, (void)opts;
	*out = NULL;
	return mig_error_set(MIG_ECONNECT, "nop");
}
static void nop_close(mig_conn *c)
{
	(void)c;
}
static int nop_exec(mig_conn *c, const char *sql, size_t len)
{
	(void)c, (void)sql, (void)len;
	return 0;
}
static int nop_query(mig_conn *c, const char *sql, mig_rows **out)
{
	(void)c, (void)sql;
	*out = NULL;
	return 0;
}
static int nop_begin(mig_conn *c, unsigned flags)
{
	(void)c, (void)flags;
	return 0;
}
static int nop_txn(mig_conn *c)
{
	(void)c;
	return 0;
}

static const mig_driver_ops nop_ops = {.version = MIG_DRIVER_OPS_VERSION, .open = nop_open, .close = nop_close,
				       .exec = nop_exec, .query = nop_query, .begin = nop_begin, .commit = nop_txn,
				       .rollback = nop_txn};
static const mig_driver_ops old_ops = {.version = MIG_DRIVER_OPS_VERSION - 1, .open = nop_open, .close = nop_close,
				       .exec = nop_exec, .query = nop_query, .begin = nop_begin, .commit = nop_txn,
				       .rollback = nop_txn};
static const mig_driver_ops partial_ops = {.version = MIG_DRIVER_OPS_VERSION, .open = nop_open, .close = nop_close,
					   .exec = nop_exec, .begin = nop_begin, .commit = nop_txn, .rollback = nop_txn};

static void reject(const mig_driver *d, int code, const char *frag)
{
	size_t before = 0;
	for (const mig_driver *const *l = mig_driver_list(); *l; l++)
		before++;
	expect_error(mig_driver_register(d), code, frag);
	size_t after = 0;
	for (const mig_driver *const *l = mig_driver_list(); *l; l++)
		after++;
	assert_int_equal(after, before);
}

static void test_registry_lookup(void **state)
{
	(void)state;
	fake_register();
	const mig_driver *const *l = mig_driver_list();
	/* the built-in drivers first, then the registered ones */
	assert_string_equal(l[0]->name, "sqlite");
	assert_string_equal(l[1]->name, "postgres");
	assert_string_equal(l[2]->name, "mysql");
	assert_string_equal(l[3]->name, "fake");
	assert_string_equal(l[4]->name, "fakemy");
	assert_ptr_equal(mig_driver_for_scheme("fake"), l[3]);
	assert_ptr_equal(mig_driver_for_scheme("fakemy"), l[4]);
	assert_ptr_equal(mig_driver_find("fakemy"), l[4]);
	assert_ptr_equal(mig_driver_for_scheme("postgresql"), l[1]);
	assert_null(mig_driver_for_scheme("fakeno"));
	assert_contains(mig_driver_schemes_text(), "sqlite:");
	assert_contains(mig_driver_schemes_text(), "fake:");
	/* a file-form URL of a registered scheme parses like sqlite's */
	mig_url u;
	assert_int_equal(mig_url_parse("FAKE:some/where.db", &u), 0);
	assert_string_equal(u.scheme, "fake");
	assert_string_equal(u.path, "some/where.db");
	mig_url_dispose(&u);
}

static void test_registry_rejects(void **state)
{
	(void)state;
	fake_register();
	static const char *const pg[] = {"fakex", "postgresql", NULL};
	static const char *const one[] = {"fakex", NULL};
	static const char *const twice[] = {"fakex", "fakex", NULL};
	static const char *const upper[] = {"FakeX", NULL};
	static const char *const none[] = {NULL};
	const mig_driver base = {.name = "fakex", .display = "FakeX", .schemes = one, .url_form = MIG_URL_FILE,
				 .dialect = "postgres", .ops = &nop_ops};
	mig_driver d = base;
	d.schemes = pg;
	reject(&d, MIG_EUSAGE, "URL scheme 'postgresql:' is already the postgres driver's");
	d = base;
	d.name = "sqlite";
	reject(&d, MIG_EUSAGE, "a driver named sqlite is already registered");
	d = base;
	d.schemes = twice;
	reject(&d, MIG_EUSAGE, "lists the URL scheme 'fakex:' twice");
	d = base;
	d.schemes = upper;
	reject(&d, MIG_EUSAGE, "is not a lower-case scheme name");
	d = base;
	d.schemes = none;
	reject(&d, MIG_EUSAGE, "at least one URL scheme");
	d = base;
	d.ops = NULL;
	reject(&d, MIG_EUSAGE, "has no operations table");
	d = base;
	d.ops = &old_ops;
	reject(&d, MIG_ERROR, "has interface version");
	d = base;
	d.ops = &partial_ops;
	reject(&d, MIG_ERROR, "lacks a required operation");
	d = base;
	d.caps = MIG_CAP_MULTI_STATEMENT;
	reject(&d, MIG_ERROR, "multi-statement steps without exec_step");
	d = base;
	d.keyvalue = true;
	reject(&d, MIG_EUSAGE, "key=value");
	static const mig_lock_strategy no_unlock = {.name = "x", .describe = NULL, .try_lock = NULL};
	d = base;
	d.session_lock = &no_unlock;
	reject(&d, MIG_ERROR, "session lock lacks a required operation");
	reject(NULL, MIG_EUSAGE, "a driver needs a name");
	assert_null(mig_driver_find("fakex"));
	assert_null(mig_driver_for_scheme("fakex"));
}

/* The table has room for 8: two are the fake's, six more fit, then no more. */
static void test_registry_is_bounded(void **state)
{
	(void)state;
	fake_register();
	static const char *const s[7][2] = {{"fill0", NULL}, {"fill1", NULL}, {"fill2", NULL}, {"fill3", NULL},
					    {"fill4", NULL}, {"fill5", NULL}, {"fill6", NULL}};
	static const char *const names[7] = {"fill0", "fill1", "fill2", "fill3", "fill4", "fill5", "fill6"};
	static mig_driver d[7];
	for (int i = 0; i < 7; i++)
		d[i] = (mig_driver){.name = names[i], .display = names[i], .schemes = s[i], .url_form = MIG_URL_FILE,
				    .dialect = "postgres", .ops = &nop_ops};
	for (int i = 0; i < 6; i++)
		assert_int_equal(mig_driver_register(&d[i]), 0);
	expect_error(mig_driver_register(&d[6]), MIG_ERROR, "8 drivers are registered already");
	assert_null(mig_driver_for_scheme("fill6"));
	assert_ptr_equal(mig_driver_for_scheme("fill5"), &d[5]);
	assert_contains(mig_driver_schemes_text(), "fill5:");
	/* registered drivers are opened like built-in ones */
	mig_options o = {.database_url = "fill0:x", .migrations_dir = "/nonexistent-mig-dir"};
	char *dir = make_tmpdir();
	o.migrations_dir = dir;
	expect_error(mig_migrate(&o, NULL), MIG_ECONNECT, "nop");
	rm_tree(dir);
}

/* create-database goes to the driver's create_database; one without it
 * says so. SQLite's is its file, created once. */
static void test_create_database(void **state)
{
	env *e = *state;
	bool created = true;
	expect_error(mig_create_database(&e->o, &created), MIG_ENOTSUPPORTED, "driver cannot create databases");
	assert_false(created);
	char *path = mig_aprintf("%s/new.db", e->dir);
	char *url = mig_aprintf("sqlite:%s", path);
	mig_options o = {.database_url = url};
	assert_int_equal(mig_create_database(&o, &created), 0);
	assert_true(created);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(mig_create_database(&o, &created), 0);
	assert_false(created);
	/* wait's one attempt: a file engine answers, and makes no file */
	char *later = mig_aprintf("sqlite:%s/later.db", e->dir);
	o.database_url = later;
	assert_int_equal(mig_ping(&o), 0);
	char *later_path = mig_aprintf("%s/later.db", e->dir);
	assert_int_not_equal(access(later_path, F_OK), 0);
	free(later_path);
	free(later);
	free(url);
	free(path);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_single_transaction_by_default),
		T(test_create_database),
		T(test_second_run_runs_nothing),
		T(test_no_single_transaction),
		T(test_count_target),
		T(test_no_transaction_breaks_the_transaction),
		T(test_no_transaction_alone),
		T(test_failure_at_statement_rolls_back_everything),
		T(test_failure_with_transaction_per_migration),
		T(test_failure_after_no_transaction_names_the_whole_unit),
		T(test_commit_failure_after_no_transaction_names_the_whole_unit),
		T(test_no_transaction_failure_keeps_earlier_steps),
		T(test_no_transaction_failure_in_a_multi_statement_step),
		T(test_begin_failure_after_a_commit),
		T(test_commit_failure),
		T(test_commit_failure_of_one_migration),
		T(test_bookkeeping_failure),
		T(test_lock_held),
		T(test_lock_value),
		T(test_lock_wait_then_run),
		T(test_lock_wait_gives_up),
		T(test_no_lock),
		T(test_status_names_the_holder),
		T(test_lease_lock),
		T(test_lease_without_keeper),
		T(test_lease_taken_over),
		T(test_lease_conflict_retried),
		T(test_lease_conflict_gives_up),
		T(test_lease_held),
		T(test_connection_lost_mid_migration),
		T(test_connection_lost_after_commits),
		T(test_connection_lost_at_commit),
		T(test_no_txn_ddl_units),
		T(test_no_txn_ddl_failure_in_second_migration),
		T(test_no_txn_ddl_failure_at_first_statement),
		T(test_no_txn_ddl_data_migration_rolls_back),
		T(test_no_txn_ddl_bookkeeping_failure),
		T(test_no_txn_ddl_data_bookkeeping_failure),
		T(test_no_txn_ddl_connection_lost),
		T(test_no_txn_ddl_no_transaction_migration),
		T(test_journal_refuses_runs),
		T(test_journal_interrupted),
		T(test_journal_complete_rows_are_ignored),
		T(test_journal_complete_rows_pruned_when_nothing_runs),
		T(test_journal_redo_replaces_the_complete_row),
		T(test_repair_applied),
		T(test_repair_pending),
		T(test_repair_refuses_unknown),
		T(test_journal_start_failure),
		T(test_journal_start_failure_after_an_empty_migration),
		T(test_journal_failed_rollback),
		T(test_partial_js_migration_is_undone),
		T(test_partial_js_migration_without_inverse_stays_failed),
		T(test_dry_run_changes_nothing),
		T(test_dry_run_reads_state),
		T(test_fake_option_records_only),
		T(test_rollback),
		T(test_rollback_failure),
		T(test_redo),
		T(test_status),
		T(test_unreadable_refused_before_anything),
		T(test_count_stops_before_unreadable),
		T(test_unreadable_applied_is_not_read),
		T(test_status_reports_unreadable),
		T(test_shorthands_across_unreadable),
		T(test_shorthands_of_a_file_that_cannot_be_opened),
		T(test_connect_failure),
		cmocka_unit_test(test_registry_lookup),
		cmocka_unit_test(test_registry_rejects),
		/* last: it fills the table */
		cmocka_unit_test(test_registry_is_bounded),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
