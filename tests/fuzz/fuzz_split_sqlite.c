/*
 * libFuzzer harness for SQLite's splitter of user SQL, mig__sq_split()
 * (dialects/sqlite/sqlite_split.c over the tokenizer of sqlite_lex.c:
 * quotes, [brackets], comments, CREATE TRIGGER ... BEGIN ... END bodies
 * with CASE ... END inside), on arbitrary bytes.
 *
 * Besides the shared properties of fuzz_split.h: a statement ends at a
 * token (never at a blank, unless an unterminated quote takes the rest
 * of the text), ends with ';' unless it is the last one, and
 * no statement lies past a NUL byte (the tokenizer reads a C string).
 */
#include "fuzz_split.h"

#include "dialects/sqlite/sqlite_emit.h"

static void body(const char *sql, size_t size, bool oom)
{
	if (oom) {
		fuzz_split_oom(mig__sq_split, sql, size);
		return;
	}
	size_t n = 0;
	fuzz_check_split(mig__sq_split, sql, size, true, &n);
	size_t *st = NULL, *ln = NULL, k = 0;
	CHECK(mig__sq_split(sql, size, &st, &ln, &k) == 0 && k == n);
	size_t text_len = strlen(sql);
	for (size_t i = 0; i < n; i++) {
		size_t end = st[i] + ln[i];
		CHECK(end <= text_len);
		/* (an unterminated quote or comment takes the rest of the text) */
		CHECK(end == text_len || !fuzz_blank((unsigned char)sql[end - 1]));
		CHECK(i + 1 == n || sql[end - 1] == ';');
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
