/*
 * The user-SQL splitters (one per engine, dialect->split): where each
 * statement of a .sql file or pgm.sql text begins and ends. Generated SQL
 * never goes through them. Quotes, comments, dollar quotes, identifiers
 * and BEGIN ... END bodies hide their semicolons; what a splitter cannot
 * divide it says so (n = 0) and the text runs undivided, for the server
 * to judge.
 */
#include "test_support.h"

#include "dialects/dialect.h"
#include "util/alloc.h"

/* The statements of sql joined with " | ". */
static char *split(const char *dialect, const char *sql)
{
	const mig_dialect *d = mig_dialect_find(dialect);
	assert_non_null(d);
	size_t *start = NULL, *len = NULL, n = 0;
	assert_int_equal(d->split(sql, strlen(sql), &start, &len, &n), 0);
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < n; i++) {
		assert_true(start[i] + len[i] <= strlen(sql));
		if (i)
			mig_str_puts(&s, " | ");
		mig_str_put(&s, sql + start[i], len[i]);
	}
	if (n == 0)
		mig_str_puts(&s, "(undivided)");
	mig__free(start);
	mig__free(len);
	return mig_str_detach(&s);
}

static void expect(const char *dialect, const char *sql, const char *want)
{
	char *got = split(dialect, sql);
	if (strcmp(got, want) != 0)
		fail_msg("%s: %s\nwant: %s\ngot:  %s", dialect, sql, want, got);
	mig__free(got);
}

static void test_postgres(void **state)
{
	(void)state;
	expect("postgres", "SELECT 1; SELECT 2", "SELECT 1; | SELECT 2");
	expect("postgres", "SELECT E'a\\'b;'; SELECT 'it''s;'", "SELECT E'a\\'b;'; | SELECT 'it''s;'");
	expect("postgres", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT $fn$;$fn$",
	       "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; | SELECT $fn$;$fn$");
	/* block comments nest in PostgreSQL */
	expect("postgres", "-- a;b\nSELECT 1; /* x; /* nested; */ */ SELECT \"a;b\"", "SELECT 1; | SELECT \"a;b\"");
	expect("postgres", "SELECT 1;\n-- trailing\n", "SELECT 1;");
	/* a standard-SQL body: the server parses it whole */
	expect("postgres", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
	       "(undivided)");
	expect("postgres", "SELECT $a$ unterminated", "(undivided)");
	/* an unterminated string runs as written: the server says where */
	expect("postgres", "SELECT 'unterminated;\nSELECT 2", "SELECT 'unterminated;\nSELECT 2");
}

static void test_sqlite(void **state)
{
	(void)state;
	expect("sqlite", "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET a=1; DELETE FROM z; END; SELECT 1",
	       "CREATE TRIGGER t AFTER INSERT ON x BEGIN UPDATE y SET a=1; DELETE FROM z; END; | SELECT 1");
	/* CASE ... END inside a trigger body does not end it */
	expect("sqlite", "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END; SELECT [a;b], `c;d`, 'e;f'",
	       "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END; | SELECT [a;b], `c;d`, 'e;f'");
	/* a transaction's BEGIN is a statement of its own */
	expect("sqlite", "BEGIN; INSERT INTO t VALUES (1); COMMIT;", "BEGIN; | INSERT INTO t VALUES (1); | COMMIT;");
	expect("sqlite", "SELECT 1; /* c; */ SELECT 2 -- x;\n", "SELECT 1; | SELECT 2");
	expect("sqlite", "SELECT 'unterminated; SELECT 2", "SELECT 'unterminated; SELECT 2");
	/* operators of one, two and three characters next to ';' and
	 * parentheses, and as a statement's last token */
	expect("sqlite", "SELECT a->>'x', b||c, (1<>2)!=(3>=4) FROM t;SELECT x->y, 1==1, 2<<1, 3>>1, 4<=5;",
	       "SELECT a->>'x', b||c, (1<>2)!=(3>=4) FROM t; | SELECT x->y, 1==1, 2<<1, 3>>1, 4<=5;");
	expect("sqlite", "SELECT 1 ->> ;SELECT 2 ||\n-- c\n", "SELECT 1 ->> ; | SELECT 2 ||");
	expect("sqlite", "SELECT 1 -- c;\n- 2;SELECT 3 -> /* c; */", "SELECT 1 -- c;\n- 2; | SELECT 3 ->");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postgres),
		cmocka_unit_test(test_sqlite),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
