/* The pieces of `--targets` that need no database: the targets-file
 * reader (comments, blanks, white space, CRLF, line numbers, empty and
 * unreadable files), --parallel's value, and the JSON strings of the
 * result lines. The runs themselves: tests/integration/test_fleet.sh. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/fleet.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

/* A temporary file holding len bytes of text; its path (caller frees
 * after unlink). */
static char *temp_file(const char *text, size_t len)
{
	char *path = strdup("/tmp/mig-test-targets-XXXXXX");
	assert_non_null(path);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

static void drop(char *path)
{
	unlink(path);
	free(path);
}

/* Every target of text as "LINE:URL|LINE:URL|..."; the reader's status at
 * the end in *end (0, or the error code). */
static char *read_all(const char *text, size_t len, int *end)
{
	char *path = temp_file(text, len);
	mig_cli_targets t;
	assert_int_equal(mig_cli_targets_open(&t, path), 0);
	mig_str s = MIG_STR_INIT;
	const char *url;
	long line;
	int rc;
	while ((rc = mig_cli_targets_next(&t, &url, &line)) == 1)
		mig_str_printf(&s, "%s%ld:%s", mig_str_len(&s) ? "|" : "", line, url);
	*end = rc;
	mig_cli_targets_close(&t);
	drop(path);
	char *out = mig_str_detach(&s);
	assert_non_null(out);
	return out;
}

static void expect_targets(const char *text, const char *want)
{
	int end;
	char *got = read_all(text, strlen(text), &end);
	assert_int_equal(end, 0);
	assert_string_equal(got, want);
	mig__free(got);
}

static void test_comments_blanks_whitespace(void **state)
{
	(void)state;
	expect_targets("# the tenants\n"
		       "\n"
		       "sqlite:/srv/a.db\n"
		       "   \t\n"
		       "  postgres://app:pw@db1/t1  \n"
		       "\t# postgres://app:pw@db1/commented-out\n"
		       "mysql://root@127.0.0.1:3306/t2\t\n",
		       "3:sqlite:/srv/a.db|5:postgres://app:pw@db1/t1|7:mysql://root@127.0.0.1:3306/t2");
}

static void test_crlf_and_last_line_without_newline(void **state)
{
	(void)state;
	expect_targets("# windows\r\n\r\nsqlite:a.db\r\n  sqlite:b.db \r\nsqlite:c.db",
		       "3:sqlite:a.db|4:sqlite:b.db|5:sqlite:c.db");
}

static void test_hash_inside_a_url_is_not_a_comment(void **state)
{
	(void)state;
	/* only a line whose first non-blank character is # is a comment */
	expect_targets("postgres://u:p#ss@h/db # not a comment either\n",
		       "1:postgres://u:p#ss@h/db # not a comment either");
}

static void test_empty_and_comment_only_files(void **state)
{
	(void)state;
	expect_targets("", "");
	expect_targets("\n\n   \n", "");
	expect_targets("# only\n  # comments\r\n", "");
}

static void test_long_line_is_read_whole(void **state)
{
	(void)state;
	size_t n = 20000;
	char *text = malloc(n + 32);
	assert_non_null(text);
	strcpy(text, "\nsqlite:");
	memset(text + 8, 'x', n);
	strcpy(text + 8 + n, ".db\n");
	int end;
	char *got = read_all(text, strlen(text), &end);
	assert_int_equal(end, 0);
	assert_int_equal(strlen(got), strlen("2:sqlite:") + n + 3);
	assert_memory_equal(got, "2:sqlite:xxx", 12);
	mig__free(got);
	free(text);
}

static void test_nul_byte_names_its_line(void **state)
{
	(void)state;
	static const char text[] = "sqlite:a.db\nsqlite:b\0.db\n";
	int end;
	char *got = read_all(text, sizeof(text) - 1, &end);
	assert_int_equal(end, MIG_EUSAGE);
	assert_string_equal(got, "1:sqlite:a.db");
	assert_non_null(strstr(mig_error_last()->message, ":2: "));
	mig__free(got);
	mig_error_clear();
}

static void test_unreadable_files(void **state)
{
	(void)state;
	mig_cli_targets t;
	assert_int_equal(mig_cli_targets_open(&t, "/nonexistent/targets.txt"), MIG_EUSAGE);
	assert_non_null(strstr(mig_error_last()->message, "/nonexistent/targets.txt"));
	assert_non_null(strstr(mig_error_last()->message, "No such file"));
	assert_int_equal(mig_cli_targets_open(&t, "/tmp"), MIG_EUSAGE);
	assert_non_null(strstr(mig_error_last()->message, "directory"));
	mig_error_clear();
}

static void test_trim(void **state)
{
	(void)state;
	char a[] = "  \tsqlite:x.db \r\n";
	assert_string_equal(mig_cli_targets_trim(a), "sqlite:x.db");
	char b[] = "   # comment\n";
	assert_null(mig_cli_targets_trim(b));
	char c[] = "\r\n";
	assert_null(mig_cli_targets_trim(c));
	char d[] = "";
	assert_null(mig_cli_targets_trim(d));
	char e[] = "x";
	assert_string_equal(mig_cli_targets_trim(e), "x");
}

static void test_parallel_values(void **state)
{
	(void)state;
	long n = 0;
	assert_int_equal(mig_cli_fleet_parse_parallel("1", &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(mig_cli_fleet_parse_parallel("64", &n), 0);
	assert_int_equal(n, 64);
	const char *bad[] = {"0", "-1", "", "x", "3.5", "8x", "1025", "99999999999999999999"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = 7;
		assert_int_equal(mig_cli_fleet_parse_parallel(bad[i], &n), MIG_EUSAGE);
		assert_int_equal(n, 7);
		assert_non_null(strstr(mig_error_last()->message, "--parallel"));
	}
	mig_error_clear();
}

static void expect_json(const char *in, const char *want)
{
	mig_str s = MIG_STR_INIT;
	mig_cli_json_string(&s, in);
	assert_false(mig_str_failed(&s));
	assert_string_equal(mig_str_cstr(&s), want);
	mig_str_free(&s);
}

static void test_json_strings(void **state)
{
	(void)state;
	expect_json("plain", "\"plain\"");
	expect_json("a \"q\" \\ b\nc\td\x01\x7f", "\"a \\\"q\\\" \\\\ b\\nc\\u0009d\\u0001\\u007f\"");
	expect_json("caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\"");
	/* not UTF-8: a Latin-1 byte, a cut sequence, an overlong, a surrogate */
	expect_json("caf\xe9!", "\"caf\\ufffd!\"");
	expect_json("x\xe2\x82", "\"x\\ufffd\\ufffd\"");
	expect_json("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	expect_json("\xed\xa0\x80z", "\"\\ufffd\\ufffd\\ufffdz\"");
	expect_json("", "\"\"");
}

static void test_error_head(void **state)
{
	(void)state;
	mig_error_set_at(MIG_ESQL, "migrations/1_a.sql", 3, 7, "migration 1_a failed: %s", "boom");
	mig_str s = MIG_STR_INIT;
	mig_cli_error_head(&s, mig_error_last());
	assert_string_equal(mig_str_cstr(&s), "migrations/1_a.sql:3:7: migration 1_a failed: boom");
	mig_str_clear(&s);
	mig_error_set(MIG_ECONNECT, "cannot connect");
	mig_cli_error_head(&s, mig_error_last());
	assert_string_equal(mig_str_cstr(&s), "cannot connect");
	mig_str_free(&s);
	mig_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comments_blanks_whitespace),
		cmocka_unit_test(test_crlf_and_last_line_without_newline),
		cmocka_unit_test(test_hash_inside_a_url_is_not_a_comment),
		cmocka_unit_test(test_empty_and_comment_only_files),
		cmocka_unit_test(test_long_line_is_read_whole),
		cmocka_unit_test(test_nul_byte_names_its_line),
		cmocka_unit_test(test_unreadable_files),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_parallel_values),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_error_head),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
