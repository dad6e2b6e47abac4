/*
 * libFuzzer harness for MySQL's splitter of user SQL, mig__mysql_split()
 * (dialects/mysql/mysql_split.c: the mysql client's rules, DELIMITER
 * lines, BEGIN ... END bodies, executable comments), on arbitrary bytes.
 *
 * Besides the shared properties of fuzz_split.h: a statement neither
 * starts nor ends with a blank (its delimiter and trailing comments are
 * outside it) unless it runs to the end of the text (an unterminated
 * quote or comment takes the rest into its statement). Texts without
 * the word DELIMITER also get the checks that hold only while the
 * delimiter is ';': no more statements than semicolons plus one, gaps
 * without statements, a statement with what follows it is itself (a
 * DELIMITER line changes how everything after it splits).
 */
#include "fuzz_split.h"

#include "dialects/mysql/mysql_split.h"

#include <strings.h>

static bool has_delimiter_word(const char *s, size_t n)
{
	for (size_t i = 0; i + 9 <= n; i++)
		if (strncasecmp(s + i, "delimiter", 9) == 0)
			return true;
	return false;
}

static void body(const char *sql, size_t size, bool oom)
{
	if (oom) {
		fuzz_split_oom(mig__mysql_split, sql, size);
		return;
	}
	bool plain = !has_delimiter_word(sql, size);
	size_t *st = NULL, *ln = NULL, n = 0;
	CHECK(mig__mysql_split(sql, size, &st, &ln, &n) == 0);
	if (plain) {
		size_t k = 0;
		fuzz_check_split(mig__mysql_split, sql, size, true, &k);
		CHECK(k == n);
		size_t semis = 0;
		for (size_t i = 0; i < size; i++)
			semis += sql[i] == ';';
		CHECK(n <= semis + 1);
	}
	size_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(ln[i] > 0 && st[i] <= size && ln[i] <= size - st[i]);
		CHECK(st[i] >= prev_end);
		CHECK(!fuzz_blank((unsigned char)sql[st[i]]));
		/* (an unterminated quote or comment takes the rest of the text) */
		CHECK(st[i] + ln[i] == size || !fuzz_blank((unsigned char)sql[st[i] + ln[i] - 1]));
		prev_end = st[i] + ln[i];
	}
	mig__free(st);
	mig__free(ln);
	mig_error_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *sql = fuzz_text(data, size);
	if (!sql)
		return 0;
	fuzz_run(body, sql, size);
	free(sql);
	return 0;
}
