/*
 * The MySQL/MariaDB splitter of user SQL (dialects/mysql/mysql_split.c):
 * the statements the mysql/mariadb client would send, one by one, for a
 * script; each expectation is the exact text of every statement, and
 * where it matters the line the runner reports for it (the newlines
 * before its start).
 */
#include "test_support.h"

#include "dialects/mysql/mysql_split.h"
#include "util/alloc.h"

/* The statements of sql joined with " | " ("(none)" for none); with
 * lines, also the newlines before each statement's start, "0,3,...". */
static char *split(const char *sql, char **lines)
{
	size_t *start = NULL, *len = NULL, n = 0, total = strlen(sql);
	assert_int_equal(mig__mysql_split(sql, total, &start, &len, &n), 0);
	mig_str s = MIG_STR_INIT, l = MIG_STR_INIT;
	for (size_t i = 0; i < n; i++) {
		assert_true(start[i] + len[i] <= total);
		assert_true(len[i] > 0);
		if (i) {
			/* in order, apart */
			assert_true(start[i - 1] + len[i - 1] < start[i]);
			mig_str_puts(&s, " | ");
			mig_str_putc(&l, ',');
		}
		mig_str_put(&s, sql + start[i], len[i]);
		size_t nl = 0;
		for (size_t k = 0; k < start[i]; k++)
			nl += sql[k] == '\n';
		mig_str_printf(&l, "%zu", nl);
	}
	if (n == 0) {
		assert_null(start);
		assert_null(len);
		mig_str_puts(&s, "(none)");
	}
	mig__free(start);
	mig__free(len);
	if (lines)
		*lines = mig_str_detach(&l);
	else
		mig_str_free(&l);
	return mig_str_detach(&s);
}

static void expect(const char *sql, const char *want)
{
	char *got = split(sql, NULL);
	if (strcmp(got, want) != 0)
		fail_msg("%s\nwant: %s\ngot:  %s", sql, want, got);
	mig__free(got);
}

static void expect_lines(const char *sql, const char *want, const char *want_lines)
{
	char *lines = NULL;
	char *got = split(sql, &lines);
	if (strcmp(got, want) != 0 || strcmp(lines, want_lines) != 0)
		fail_msg("%s\nwant: %s (lines %s)\ngot:  %s (lines %s)", sql, want, want_lines, got, lines);
	mig__free(got);
	mig__free(lines);
}

/* body, then on the next line another statement: both whole, at lines. */
static void expect_body(const char *body, const char *next, const char *want_lines)
{
	char *want = mig_aprintf("%s | %s", body, next);
	char *sql = mig_aprintf("%s;\n%s;\n", body, next);
	expect_lines(sql, want, want_lines);
	mig__free(want);
	mig__free(sql);
}

static void test_statements(void **state)
{
	(void)state;
	expect("SELECT 1; SELECT 2", "SELECT 1 | SELECT 2");
	/* the delimiter and the blanks around it are outside the bounds;
	 * empty statements do not count */
	expect("  SELECT 1 ;\n\n;  ; SELECT 2;  \n", "SELECT 1 | SELECT 2");
	/* no statement at all: n = 0 and nothing allocated */
	expect("", "(none)");
	expect("  -- only\n# comments\n/* here; */ ;;\n", "(none)");
}

static void test_quotes(void **state)
{
	(void)state;
	/* doubled quotes and backslash escapes, in both kinds of string */
	expect("SELECT 'a;b', \"c;d\"; SELECT 'it''s;', \"say \"\"hi;\"\"\"; SELECT 2",
	       "SELECT 'a;b', \"c;d\" | SELECT 'it''s;', \"say \"\"hi;\"\"\" | SELECT 2");
	expect("SELECT 'a\\';b', \"c\\\";d\"; SELECT 'e\\\\'; SELECT 3",
	       "SELECT 'a\\';b', \"c\\\";d\" | SELECT 'e\\\\' | SELECT 3");
	/* backticks double, and a backslash in them is a plain character */
	expect("SELECT `a;b`, `c``;d`, `e\\`; SELECT 2", "SELECT `a;b`, `c``;d`, `e\\` | SELECT 2");
	/* a quote in a comment opens nothing */
	expect("SELECT 1 -- it's\n; SELECT 2 # don't\n; SELECT 3", "SELECT 1 | SELECT 2 | SELECT 3");
}

static void test_comments(void **state)
{
	(void)state;
	/* "--" is a comment only before a blank or the end: 5--3 is 5 - -3 */
	expect("SELECT 5--3; SELECT 1--1;SELECT 2", "SELECT 5--3 | SELECT 1--1 | SELECT 2");
	expect("SELECT 1 -- x;y\n; SELECT 6--\n; SELECT 7 --\tz;\n; SELECT 9 --",
	       "SELECT 1 | SELECT 6 | SELECT 7 | SELECT 9");
	/* inside a statement comments stay; trailing ones are cut */
	expect("SELECT 2 #c;d\n, 3; SELECT 4 /* ; */ + 1 /* tail */; SELECT 5",
	       "SELECT 2 #c;d\n, 3 | SELECT 4 /* ; */ + 1 | SELECT 5");
	/* block comments do not nest: the first star-slash closes */
	expect("SELECT 1 /* a /* b */ + 1; SELECT 2 */", "SELECT 1 /* a /* b */ + 1 | SELECT 2 */");
}

static void test_executable_comments(void **state)
{
	(void)state;
	/* code to the server: kept, and their semicolons are theirs */
	expect("/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET @a = 1; SET @b = 2 */;\n"
	       "SELECT 1 /*! + 1; */; /* plain; */ SELECT 2",
	       "/*!40101 SET NAMES utf8mb4 */ | /*M!100100 SET @a = 1; SET @b = 2 */ | SELECT 1 /*! + 1; */ | SELECT 2");
	/* a star and M without "!" open a plain comment */
	expect("/*M 100100 x; */ SELECT 1", "SELECT 1");
}

static void test_lines(void **state)
{
	(void)state;
	/* a statement starts at its first word, past the comments before it,
	 * so the line reported for it is that word's */
	expect_lines("-- Up\n/* a\n b */\n\n  SELECT 1;\n# x\nSELECT\n 2;\r\n\r\nSELECT 3",
		     "SELECT 1 | SELECT\n 2 | SELECT 3", "4,6,9");
	expect_lines("SELECT 1; SELECT 2;\nSELECT 3", "SELECT 1 | SELECT 2 | SELECT 3", "0,0,1");
}

static void test_crlf(void **state)
{
	(void)state;
	expect_lines("SELECT 1;\r\n-- c\r\nSELECT 'a\r\nb';\r\nDELIMITER $$\r\nSELECT 2$$\r\nDELIMITER ;\r\n"
		     "SELECT 3 # x\r\n;\r\n",
		     "SELECT 1 | SELECT 'a\r\nb' | SELECT 2 | SELECT 3", "0,2,5,7");
}

static void test_delimiter(void **state)
{
	(void)state;
	/* the DELIMITER lines are the client's: in no statement */
	expect_lines("DELIMITER $$\n"
		     "CREATE PROCEDURE p()\n"
		     "BEGIN\n"
		     "  SELECT 1;\n"
		     "  SELECT 2;\n"
		     "END$$\n"
		     "CREATE FUNCTION f() RETURNS INT RETURN 1 $$\n"
		     "delimiter ;\n"
		     "CALL p();\n"
		     "SELECT f()",
		     "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND | "
		     "CREATE FUNCTION f() RETURNS INT RETURN 1 | CALL p() | SELECT f()",
		     "1,6,8,9");
	/* any string; the first word of the line, the rest ignored as by
	 * the client; leading blanks and any letter case */
	expect("  Delimiter //  the rest\nSELECT 1; SELECT 2//\nSELECT '//'//\nDELIMITER ;\nSELECT 3;",
	       "SELECT 1; SELECT 2 | SELECT '//' | SELECT 3");
	/* mysqldump's ;; with executable comments */
	expect("DELIMITER ;;\n"
	       "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END */;;\n"
	       "DELIMITER ;\n"
	       "SELECT 1;",
	       "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END */ | "
	       "SELECT 1");
	/* only at the start of a line and between statements; otherwise it
	 * is SQL for the server to refuse */
	expect("SELECT 1; DELIMITER $$\nSELECT 2$$", "SELECT 1 | DELIMITER $$\nSELECT 2$$");
	expect("SELECT 1\nDELIMITER $$\n;SELECT 2", "SELECT 1\nDELIMITER $$ | SELECT 2");
	expect("/* c */ DELIMITER $$\nSELECT 2;", "DELIMITER $$\nSELECT 2");
	/* the client refuses an empty delimiter and a backslash */
	expect("DELIMITER\nSELECT 1;", "DELIMITER\nSELECT 1");
	expect("DELIMITER \\\\\nSELECT 1;", "DELIMITER \\\\\nSELECT 1");
	/* DELIMITERS is another word */
	expect("DELIMITERS $$\n;", "DELIMITERS $$");
	/* a quoted delimiter loses its quotes */
	expect("DELIMITER '$$'\nSELECT 1$$SELECT 2$$", "SELECT 1 | SELECT 2");
	/* after DELIMITER the delimiter alone decides, as in the client */
	expect("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1$$SELECT 2$$", "CREATE PROCEDURE p() BEGIN SELECT 1 | SELECT 2");
	/* restored, ';' and compound bodies work again */
	expect("DELIMITER $$\nSELECT 1$$\nDELIMITER ;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END; SELECT 2",
	       "SELECT 1 | CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END | SELECT 2");
	/* a delimiter line as the last line, without a newline */
	expect("SELECT 1;\nDELIMITER $$", "SELECT 1");
}

static void test_trigger(void **state)
{
	(void)state;
	expect("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END;\nSELECT 1;",
	       "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END | SELECT 1");
	/* nested IF ... END IF, with IF() and REPEAT() the functions, and an
	 * IF (condition) THEN that is a statement */
	const char *nested = "CREATE DEFINER = `root`@`localhost` TRIGGER t BEFORE UPDATE ON x FOR EACH ROW\n"
			     "BEGIN\n"
			     "  IF NEW.a > 0 THEN\n"
			     "    SET NEW.b = IF(NEW.a > 10, 1, 2);\n"
			     "    SET NEW.e = IF (NEW.a > 20, 3, 4);\n"
			     "    IF (NEW.c IS NULL) THEN SET NEW.c = 0; END IF;\n"
			     "  ELSEIF NEW.a < 0 THEN\n"
			     "    SET NEW.a = 0;\n"
			     "  ELSE\n"
			     "    SET NEW.d = REPEAT('x', 3);\n"
			     "  END IF;\n"
			     "END";
	expect_body(nested, "INSERT INTO x VALUES (1)", "0,12");
	/* a single-statement body ends at its ';' */
	expect("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1; SELECT 1",
	       "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1 | SELECT 1");
	/* IF NOT EXISTS of the header opens no block */
	expect("CREATE TRIGGER IF NOT EXISTS t AFTER INSERT ON x FOR EACH ROW BEGIN INSERT INTO y VALUES (1); END; SELECT 1",
	       "CREATE TRIGGER IF NOT EXISTS t AFTER INSERT ON x FOR EACH ROW BEGIN INSERT INTO y VALUES (1); END | SELECT 1");
}

static void test_case(void **state)
{
	(void)state;
	/* the CASE statement ends with END CASE, the CASE expression with END */
	expect("CREATE PROCEDURE p(IN v INT)\n"
	       "BEGIN\n"
	       "  CASE v\n"
	       "    WHEN 1 THEN SELECT CASE WHEN v > 0 THEN 'a;' ELSE 'b' END;\n"
	       "    ELSE BEGIN END;\n"
	       "  END CASE;\n"
	       "END;\n"
	       "SELECT 2",
	       "CREATE PROCEDURE p(IN v INT)\nBEGIN\n  CASE v\n    WHEN 1 THEN SELECT CASE WHEN v > 0 THEN 'a;' ELSE 'b' END;\n"
	       "    ELSE BEGIN END;\n  END CASE;\nEND | SELECT 2");
	expect("CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 1",
	       "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END | SELECT 1");
}

static void test_loops(void **state)
{
	(void)state;
	const char *proc = "CREATE OR REPLACE DEFINER = CURRENT_USER PROCEDURE p()\n"
			   "BEGIN\n"
			   "  DECLARE i INT DEFAULT 0;\n"
			   "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET i = 0;\n"
			   "  outer_loop: LOOP\n"
			   "    SET i = i + 1;\n"
			   "    IF i > 3 THEN LEAVE outer_loop; END IF;\n"
			   "    w: WHILE i < 10 DO SET i = i + 1; END WHILE w;\n"
			   "    REPEAT SET i = i + 1; UNTIL i > 20 END REPEAT;\n"
			   "  END LOOP outer_loop;\n"
			   "  DROP TEMPORARY TABLE IF EXISTS tmp;\n"
			   "  CREATE TEMPORARY TABLE IF NOT EXISTS tmp (a INT);\n"
			   "  IF NOT EXISTS (SELECT 1 FROM tmp) THEN INSERT INTO tmp VALUES (1); END IF;\n"
			   "  IF EXISTS(SELECT 1 FROM tmp) THEN DELETE FROM tmp; END IF;\n"
			   "END";
	expect_body(proc, "CALL p()", "0,15");
	/* MariaDB's FOR loop; FOR UPDATE is no loop */
	expect("CREATE PROCEDURE p() BEGIN FOR i IN 1..3 DO SELECT a FROM t FOR UPDATE; END FOR; END; SELECT 4",
	       "CREATE PROCEDURE p() BEGIN FOR i IN 1..3 DO SELECT a FROM t FOR UPDATE; END FOR; END | SELECT 4");
	/* aggregate functions, events, quoted and numeric definers */
	expect("CREATE AGGREGATE FUNCTION agg(x INT) RETURNS INT BEGIN DECLARE s INT DEFAULT 0; "
	       "DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s; LOOP FETCH GROUP NEXT ROW; SET s = s + x; END LOOP; END; SELECT 1",
	       "CREATE AGGREGATE FUNCTION agg(x INT) RETURNS INT BEGIN DECLARE s INT DEFAULT 0; "
	       "DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s; LOOP FETCH GROUP NEXT ROW; SET s = s + x; END LOOP; END | SELECT 1");
	expect("CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01' ENDS '2031-01-01' DO BEGIN DELETE FROM log; END; SELECT 1",
	       "CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01' ENDS '2031-01-01' DO BEGIN DELETE FROM log; END | SELECT 1");
	expect("CREATE DEFINER='app'@'%' FUNCTION f() RETURNS INT BEGIN RETURN 1; END; SELECT 2",
	       "CREATE DEFINER='app'@'%' FUNCTION f() RETURNS INT BEGIN RETURN 1; END | SELECT 2");
	expect("CREATE DEFINER=root@127.0.0.1 PROCEDURE p() BEGIN SELECT 1; END; SELECT 2",
	       "CREATE DEFINER=root@127.0.0.1 PROCEDURE p() BEGIN SELECT 1; END | SELECT 2");
}

static void test_not_compound(void **state)
{
	(void)state;
	/* a single-statement function body */
	expect("CREATE FUNCTION f() RETURNS INT RETURN 1; SELECT f();", "CREATE FUNCTION f() RETURNS INT RETURN 1 | SELECT f()");
	/* BEGIN outside a body starts a transaction */
	expect("BEGIN; INSERT INTO t VALUES (1); COMMIT; BEGIN WORK; ROLLBACK",
	       "BEGIN | INSERT INTO t VALUES (1) | COMMIT | BEGIN WORK | ROLLBACK");
	/* other statements do not follow blocks */
	expect("CREATE TABLE IF NOT EXISTS t (a INT); SELECT IF(1, 2, 3); SELECT REPEAT('a', 2); SELECT CASE WHEN 1 THEN 2 END",
	       "CREATE TABLE IF NOT EXISTS t (a INT) | SELECT IF(1, 2, 3) | SELECT REPEAT('a', 2) | SELECT CASE WHEN 1 THEN 2 END");
	expect("CREATE DEFINER=root@localhost VIEW v AS SELECT 1 AS `begin`; SELECT 1",
	       "CREATE DEFINER=root@localhost VIEW v AS SELECT 1 AS `begin` | SELECT 1");
	expect("CREATE TABLE procedure_log (a INT); SELECT 1", "CREATE TABLE procedure_log (a INT) | SELECT 1");
}

static void test_keywords_as_words(void **state)
{
	(void)state;
	/* only whole words outside quotes, comments and backticks, and not
	 * after '.' or '@', are keywords */
	expect("CREATE PROCEDURE p() BEGIN SELECT t.begin, t . end, `end`, ending, begins, @end, 'END', \"END\" "
	       "FROM t -- end\n# end\n/* end */; END; SELECT 1",
	       "CREATE PROCEDURE p() BEGIN SELECT t.begin, t . end, `end`, ending, begins, @end, 'END', \"END\" "
	       "FROM t -- end\n# end\n/* end */; END | SELECT 1");
	expect("create procedure p() begin if 1 then select 1; end if; end; select 2",
	       "create procedure p() begin if 1 then select 1; end if; end | select 2");
}

static void test_anonymous_blocks(void **state)
{
	(void)state;
	expect("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3", "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END | SELECT 3");
	/* MariaDB takes no label on a block outside a stored program */
	expect("lbl: BEGIN NOT ATOMIC SELECT 1; END lbl; SELECT 3", "lbl: BEGIN NOT ATOMIC SELECT 1 | END lbl | SELECT 3");
	expect("IF 1 = 1 THEN SELECT 1; SELECT 2; END IF; SELECT 3", "IF 1 = 1 THEN SELECT 1; SELECT 2; END IF | SELECT 3");
	expect("FOR i IN 1..3 DO SELECT i; END FOR; SELECT 4", "FOR i IN 1..3 DO SELECT i; END FOR | SELECT 4");
	expect("WHILE 0 DO SELECT 1; END WHILE; REPEAT SELECT 1; UNTIL 1 END REPEAT; SELECT 5",
	       "WHILE 0 DO SELECT 1; END WHILE | REPEAT SELECT 1; UNTIL 1 END REPEAT | SELECT 5");
}

static void test_unterminated(void **state)
{
	(void)state;
	/* the rest of the text is the statement: the server refuses it and
	 * the runner reports its line */
	expect_lines("SELECT 1;\nSELECT 'oops;\nSELECT 2;\n", "SELECT 1 | SELECT 'oops;\nSELECT 2;\n", "0,1");
	expect("SELECT 1; SELECT `oops; SELECT 2", "SELECT 1 | SELECT `oops; SELECT 2");
	expect("SELECT 1; SELECT 'a\\", "SELECT 1 | SELECT 'a\\");
	expect("SELECT 1; SELECT 2 /* oops; SELECT 3", "SELECT 1 | SELECT 2 /* oops; SELECT 3");
	expect("SELECT 1; /* oops", "SELECT 1 | /* oops");
	/* an unclosed body: the server says what is missing */
	expect("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2;\n", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2;");
}

/* Every prefix of a text with every construct splits into bounds inside
 * it (AddressSanitizer watches the reads past the end). */
static void test_every_prefix(void **state)
{
	(void)state;
	const char *sql = "-- c\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN IF (1) THEN SELECT 'a''\\b'; END IF; END$$\n"
			  "DELIMITER ;\nCREATE DEFINER=`u`@`h` TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN "
			  "SET NEW.a = IF(1, 2, 3); REPEAT SET @x = 1; UNTIL 1 END REPEAT; END;\n"
			  "/*!40101 SET @a = 1 */; SELECT `x``y` # z\n, 5--3 /* w */;\r\n";
	size_t total = strlen(sql);
	for (size_t len = 0; len <= total; len++) {
		char *copy = mig__malloc(len ? len : 1); /* exactly len bytes: no terminator to lean on */
		assert_non_null(copy);
		memcpy(copy, sql, len);
		size_t *start = NULL, *slen = NULL, n = 0;
		assert_int_equal(mig__mysql_split(copy, len, &start, &slen, &n), 0);
		for (size_t i = 0; i < n; i++)
			assert_true(start[i] + slen[i] <= len && slen[i] > 0);
		mig__free(start);
		mig__free(slen);
		mig__free(copy);
	}
}

static void test_allocation_failure(void **state)
{
	(void)state;
	const char *sql = "SELECT 1; CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END; SELECT 2";
	long live0 = mig__alloc_live();
	unsigned long failed = 0;
	for (unsigned long nth = 1;; nth++) {
		size_t *start = NULL, *len = NULL, n = 0;
		mig__alloc_fail_at(nth);
		int rc = mig__mysql_split(sql, strlen(sql), &start, &len, &n);
		bool hit = mig__alloc_failed();
		mig__alloc_fail_at(0);
		if (!hit) {
			assert_int_equal(rc, 0);
			assert_int_equal(n, 3);
			mig__free(start);
			mig__free(len);
			assert_int_equal(mig__alloc_live(), live0);
			break;
		}
		assert_int_equal(rc, MIG_ENOMEM);
		assert_int_equal(mig_error_code(0), MIG_ENOMEM);
		assert_null(start);
		assert_null(len);
		assert_int_equal(n, 0);
		mig_error_clear();
		if (mig__alloc_live() != live0)
			fail_msg("allocation %lu failing leaks %ld block(s)", nth, mig__alloc_live() - live0);
		failed++;
	}
	assert_true(failed >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_executable_comments),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_delimiter),
		cmocka_unit_test(test_trigger),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_loops),
		cmocka_unit_test(test_not_compound),
		cmocka_unit_test(test_keywords_as_words),
		cmocka_unit_test(test_anonymous_blocks),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_every_prefix),
		cmocka_unit_test(test_allocation_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
