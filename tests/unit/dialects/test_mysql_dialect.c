/*
 * The MySQL/MariaDB dialect without a server: its state, journal and
 * lease statements, the session it pins, the PostgreSQL-style durations
 * it converts, what it refuses, and pgm.sql() through the offline `sql`
 * command. The same statements run against a real MariaDB in
 * tests/integration/test_mysql_cli.sh.
 */
#include "test_support.h"

#include "dialects/common/duration.h"
#include "dialects/dialect.h"
#include "migrations.h"
#include "util/alloc.h"

static const mig_dialect *my(void)
{
	const mig_dialect *d = mig_dialect_find("mysql");
	assert_non_null(d);
	return d;
}

static char *state(const mig_state_names *n, enum mig_state_stmt which, const char *name)
{
	mig_str s = MIG_STR_INIT;
	assert_int_equal(my()->state_sql(n, which, name, &s), 0);
	return mig_str_detach(&s);
}

static void expect_state(const mig_state_names *n, enum mig_state_stmt which, const char *name, const char *want)
{
	char *got = state(n, which, name);
	assert_string_equal(got, want);
	mig__free(got);
}

/* Literals double both ' and \ (the session pins a sql_mode where a
 * backslash escapes), identifiers are backticked with ` doubled. */
static void test_state_statements(void **unused)
{
	(void)unused;
	mig_state_names here = {NULL, "pgmigrations"};
	mig_state_names there = {"app`db", "runs"};
	expect_state(&here, MIG_STATE_EXISTS, NULL,
		     "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'pgmigrations'");
	expect_state(&there, MIG_STATE_EXISTS, NULL,
		     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'app`db' AND table_name = 'runs'");
	expect_state(&here, MIG_STATE_CREATE, NULL,
		     "CREATE TABLE `pgmigrations` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) NOT NULL, run_on DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
	expect_state(&there, MIG_STATE_INSERT, "1_it's\\x",
		     "INSERT INTO `app``db`.`runs` (name, run_on) VALUES ('1_it''s\\\\x', UTC_TIMESTAMP(6))");
	expect_state(&here, MIG_STATE_DELETE, "1_a", "DELETE FROM `pgmigrations` WHERE name = '1_a'");
	expect_state(&here, MIG_STATE_SELECT, NULL,
		     "SELECT name, SUBSTRING(DATE_FORMAT(run_on, '%Y-%m-%d %H:%i:%s.%f'), 1, 23) FROM `pgmigrations` ORDER BY run_on, id");
	expect_state(&there, MIG_STATE_CREATE_SCHEMA, NULL, "CREATE DATABASE IF NOT EXISTS `app``db`");
	expect_state(&here, MIG_STATE_CREATE_SCHEMA, NULL, "");
}

static char *journal(const mig_state_names *n, enum mig_journal_stmt which, const mig_journal_args *a)
{
	mig_str s = MIG_STR_INIT;
	assert_int_equal(my()->journal_sql(n, which, a, &s), 0);
	return mig_str_detach(&s);
}

/* The journal sits next to the state table; a start replaces a row left
 * complete; a long error is cut on a character boundary (the column keeps
 * 2000 bytes of it). */
static void test_journal_statements(void **unused)
{
	(void)unused;
	mig_state_names n = {"db", "pgmigrations"};
	mig_journal_args a = {.name = "2_b", .direction = "up", .owner = "h:1:f", .statements_done = 3, .error = "it's"};
	char *s = journal(&n, MIG_JOURNAL_CREATE, &a);
	assert_string_equal(s, "CREATE TABLE IF NOT EXISTS `db`.`pgmigrations_journal` (name varchar(255) NOT NULL PRIMARY KEY, "
			       "direction varchar(4) NOT NULL, state varchar(16) NOT NULL, statements_done integer NOT NULL, "
			       "started_at bigint NOT NULL, owner varchar(255) NOT NULL, error TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
	mig__free(s);
	s = journal(&n, MIG_JOURNAL_START, &a);
	assert_string_equal(s, "INSERT INTO `db`.`pgmigrations_journal` (name, direction, state, statements_done, started_at, owner) "
			       "VALUES ('2_b', 'up', 'running', 0, UNIX_TIMESTAMP(), 'h:1:f') ON DUPLICATE KEY UPDATE "
			       "direction = 'up', state = 'running', statements_done = 0, started_at = UNIX_TIMESTAMP(), "
			       "owner = 'h:1:f', error = NULL");
	mig__free(s);
	/* a running row is complete when the migrations table agrees */
	s = journal(&n, MIG_JOURNAL_SELECT, &a);
	assert_string_equal(s, "SELECT name, direction, state, statements_done, started_at, owner, error, CASE WHEN "
			       "(state = 'running' AND ((direction = 'up' AND name IN (SELECT name FROM `db`.`pgmigrations`)) OR "
			       "(direction = 'down' AND name NOT IN (SELECT name FROM `db`.`pgmigrations`)))) THEN 1 ELSE 0 END "
			       "FROM `db`.`pgmigrations_journal` ORDER BY started_at, name");
	mig__free(s);
	/* the complete rows go by name (the SELECT above says which): a
	 * DELETE's IN subquery runs once per row on MariaDB */
	const char *done[] = {"1_a", "2_b's"};
	mig_journal_args p = {.names = done, .nnames = 2};
	s = journal(&n, MIG_JOURNAL_PRUNE, &p);
	assert_string_equal(s, "DELETE FROM `db`.`pgmigrations_journal` WHERE state = 'running' AND name IN ('1_a', '2_b''s')");
	mig__free(s);
	mig_str e = MIG_STR_INIT;
	p.nnames = 0;
	assert_int_not_equal(my()->journal_sql(&n, MIG_JOURNAL_PRUNE, &p, &e), 0);
	mig_str_free(&e);
	mig_error_clear();
	s = journal(&n, MIG_JOURNAL_PROGRESS, &a);
	assert_string_equal(s, "UPDATE `db`.`pgmigrations_journal` SET statements_done = 3 WHERE name = '2_b'");
	mig__free(s);
	s = journal(&n, MIG_JOURNAL_FAIL, &a);
	assert_string_equal(s, "UPDATE `db`.`pgmigrations_journal` SET state = 'failed', statements_done = 3, error = 'it''s' WHERE name = '2_b'");
	mig__free(s);
	s = journal(&n, MIG_JOURNAL_CLEAR, &a);
	assert_string_equal(s, "DELETE FROM `db`.`pgmigrations_journal` WHERE name = '2_b'");
	mig__free(s);

	/* 1999 ASCII bytes, then a two-byte character across the 2000 mark */
	char *big = mig__malloc(2100);
	memset(big, 'e', 1999);
	strcpy(big + 1999, "\xc3\xa9 and more");
	a.error = big;
	s = journal(&n, MIG_JOURNAL_FAIL, &a);
	const char *v = strstr(s, "error = '") + strlen("error = '");
	const char *end = strstr(v, "' WHERE");
	assert_int_equal(end - v, 1999);
	mig__free(s);
	mig__free(big);
}

static void test_lease_statements(void **unused)
{
	(void)unused;
	mig_state_names n = {NULL, "pgmigrations"};
	mig_str s = MIG_STR_INIT;
	assert_int_equal(my()->lock_sql(&n, MIG_LOCK_TAKE, "o'wner", 600, &s), 0);
	assert_string_equal(mig_str_cstr(&s), "INSERT INTO `pgmigrations_lock` (id, owner, acquired_at, expires_at) VALUES (1, 'o''wner', "
					      "UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 600) ON DUPLICATE KEY UPDATE "
					      "owner = IF(expires_at < UNIX_TIMESTAMP(), VALUES(owner), owner), "
					      "acquired_at = IF(expires_at < UNIX_TIMESTAMP(), VALUES(acquired_at), acquired_at), "
					      "expires_at = IF(expires_at < UNIX_TIMESTAMP(), VALUES(expires_at), expires_at)");
	mig_str_free(&s);
}

static char *session(const mig_session_opts *o, int *rc)
{
	mig_strv v = MIG_STRV_INIT;
	*rc = my()->session_sql(o, &v);
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < v.n; i++) {
		mig_str_puts(&s, v.v[i]);
		mig_str_putc(&s, '\n');
	}
	mig_strv_free(&v);
	return mig_str_detach(&s);
}

#define MODE "SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'\n"

/* The session pins the character set, sql_mode and time zone first;
 * timeouts follow the server's flavour; -s is the database used. */
static void test_session(void **unused)
{
	(void)unused;
	static const mig_server_info maria = {"mariadb", 101119, "MariaDB 10.11.19", 0};
	static const mig_server_info mysql8 = {"mysql", 80036, "MySQL 8.0.36", 0};
	static const mig_server_info galera = {"mariadb", 101119, "MariaDB 10.11.19", MIG_SERVER_CLUSTER};
	int rc;
	mig_session_opts o = {.server = &maria};
	char *s = session(&o, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "SET NAMES utf8mb4\n" MODE "SET SESSION time_zone = '+00:00'\n");
	mig__free(s);

	/* a Galera node: causal reads (another node's last commit is seen) */
	o = (mig_session_opts){.server = &galera};
	s = session(&o, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "SET NAMES utf8mb4\n" MODE "SET SESSION time_zone = '+00:00'\nSET SESSION wsrep_sync_wait = 1\n");
	mig__free(s);

	const char *const one[] = {"app"};
	o = (mig_session_opts){.schemas = one, .nschemas = 1, .create_schemas = true, .lock_timeout = "1500ms",
			       .statement_timeout = "2.5s", .server = &maria};
	s = session(&o, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "SET NAMES utf8mb4\n" MODE "SET SESSION time_zone = '+00:00'\n"
			       "SET SESSION lock_wait_timeout = 2, innodb_lock_wait_timeout = 2\n"
			       "SET SESSION max_statement_time = 2.500\n"
			       "CREATE DATABASE IF NOT EXISTS `app`\n"
			       "USE `app`\n");
	mig__free(s);

	/* MySQL limits SELECTs in milliseconds; PostgreSQL's 0 = no limit */
	o = (mig_session_opts){.lock_timeout = "0", .statement_timeout = "1min", .server = &mysql8};
	s = session(&o, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(s, "SET SESSION lock_wait_timeout = 31536000, innodb_lock_wait_timeout = 31536000\n"));
	assert_non_null(strstr(s, "SET SESSION max_execution_time = 60000\n"));
	mig__free(s);

	const char *const two[] = {"a", "b"};
	o = (mig_session_opts){.schemas = two, .nschemas = 2, .server = &maria};
	s = session(&o, &rc);
	assert_int_equal(rc, MIG_EUSAGE);
	assert_non_null(strstr(mig_error_last()->message, "no search path"));
	mig__free(s);
	o = (mig_session_opts){.lock_timeout = "soon", .server = &maria};
	s = session(&o, &rc);
	assert_int_equal(rc, MIG_EINPUT);
	assert_non_null(strstr(mig_error_last()->message, "--lock-timeout 'soon' is not a duration"));
	mig__free(s);
	mig_error_clear();
}

static void expect_ms(const char *text, long long want)
{
	long long ms = -1;
	assert_int_equal(mig_duration_ms(text, "t", &ms), 0);
	assert_int_equal(ms, want);
}

static void test_durations(void **unused)
{
	(void)unused;
	expect_ms("250", 250);
	expect_ms("250ms", 250);
	expect_ms("10s", 10000);
	expect_ms(" 10 s ", 10000);
	expect_ms("1.5s", 1500);
	expect_ms("0.5ms", 1);
	expect_ms("5min", 300000);
	expect_ms("2h", 7200000);
	expect_ms("1d", 86400000);
	expect_ms("0", 0);
	long long ms;
	const char *bad[] = {"", "s", "10x", "1.2.3s", "-5s", "10 sec", "1e3"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(mig_duration_ms(bad[i], "t", &ms), MIG_EINPUT);
		mig_error_clear();
	}
}

/* What MySQL/MariaDB has no equivalent for is refused by kind, before
 * the arguments are read; enum types and views are emitted. */
static void test_refuses_what_mysql_cannot(void **unused)
{
	(void)unused;
	assert_null(my()->refuses(MIG_OP_SQL));
	assert_null(my()->refuses(MIG_OP_CREATE_TABLE));
	assert_null(my()->refuses(MIG_OP_ADD_COLUMNS));
	assert_null(my()->refuses(MIG_OP_CREATE_EXTENSION));
	assert_non_null(strstr(my()->refuses(MIG_OP_CREATE_SEQUENCE), "no sequences"));
	assert_null(my()->refuses(MIG_OP_CREATE_TYPE));
	assert_null(my()->refuses(MIG_OP_ADD_TYPE_VALUE));
	assert_null(my()->refuses(MIG_OP_CREATE_VIEW));
	assert_null(my()->refuses(MIG_OP_ALTER_VIEW));
	assert_non_null(strstr(my()->refuses(MIG_OP_ALTER_VIEW_COLUMN), "no defaults of their own"));
}

/* pgm.sql() offline: arguments quoted the MySQL way (strings are names), a .sql file divided
 * the MySQL way, a createTable emitted and createSequence refused at its line. */
static void test_sql_command(void **unused)
{
	(void)unused;
	char *dir = make_tmpdir();
	write_file(dir, "1_q.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.sql('INSERT INTO {t} ({c}) VALUES ({n}, {b})', {t: 'no`tes', c: \"it's \\\\ ok\", n: 5, b: true});\n"
		   "};\n");
	write_file(dir, "2_s.sql", "-- Up Migration\nCREATE TABLE a (id int);\nDELIMITER $$\nSELECT 1$$\n");
	write_file(dir, "5_t.js", "exports.up = (pgm) => {\n  pgm.createSequence('x');\n};\n");
	write_file(dir, "3_c.js", "exports.up = (pgm) => {\n  pgm.createTable('x', {id: 'id'});\n};\n");
	mig_options o = {.migrations_dir = dir};
	char *out = NULL;
	assert_int_equal(mig_sql(&o, "1_q", "mysql", false, &out), 0);
	/* as in node-pg-migrate, a string argument is a name */
	assert_string_equal(out, "INSERT INTO `no``tes` (`it's \\ ok`) VALUES (5, TRUE);\n");
	mig__free(out);
	out = NULL;
	assert_int_equal(mig_sql(&o, "2_s", "mariadb", false, &out), 0);
	assert_non_null(strstr(out, "CREATE TABLE a (id int);"));
	mig__free(out);
	out = NULL;
	assert_int_equal(mig_sql(&o, "3_c", "mysql", false, &out), 0);
	assert_string_equal(out, "CREATE TABLE `x` (\n  `id` INT NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n)"
				 " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;\n");
	mig__free(out);
	out = NULL;
	assert_int_equal(mig_sql(&o, "5_t", "mysql", false, &out), MIG_ENOTSUPPORTED);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "createSequence is not supported on MySQL/MariaDB"));
	assert_int_equal(e->line, 2);
	mig__free(out);
	mig_error_clear();
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_statements), cmocka_unit_test(test_journal_statements),
		cmocka_unit_test(test_lease_statements), cmocka_unit_test(test_session),
		cmocka_unit_test(test_durations),	 cmocka_unit_test(test_refuses_what_mysql_cannot),
		cmocka_unit_test(test_sql_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
