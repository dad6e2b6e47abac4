/*
 * libFuzzer harness for PostgreSQL's splitter of user SQL,
 * mig__pg_split() (dialects/postgres/pg_split.c): arbitrary bytes (NUL
 * bytes included) as the text of a .sql section or a pgm.sql() call.
 *
 * Besides the shared properties of fuzz_split.h (bounds within the text,
 * ordered, non-overlapping, gaps without statements, a statement with
 * what follows it is itself): a statement ends with its ';' or at the
 * end of the text, and there are no more statements than semicolons
 * plus one.
 */
#include "fuzz_split.h"

#include "dialects/postgres/pg_split.h"

static void body(const char *sql, size_t size, bool oom)
{
	if (oom) {
		fuzz_split_oom(mig__pg_split, sql, size);
		return;
	}
	size_t n = 0;
	fuzz_check_split(mig__pg_split, sql, size, true, &n);
	size_t *st = NULL, *ln = NULL, k = 0;
	CHECK(mig__pg_split(sql, size, &st, &ln, &k) == 0 && k == n);
	size_t semis = 0;
	for (size_t i = 0; i < size; i++)
		semis += sql[i] == ';';
	CHECK(n <= semis + 1);
	for (size_t i = 0; i < n; i++) {
		size_t end = st[i] + ln[i];
		CHECK(end == size || sql[end - 1] == ';');
		/* only the last one may run to the end without its ';' */
		CHECK(i + 1 == n || sql[end - 1] == ';');
	}
	mig__free(st);
	mig__free(ln);
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
