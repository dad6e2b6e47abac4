/*
 * The properties every statement splitter (dialect->split) must have,
 * shared by fuzz_split_postgres.c, fuzz_split_mysql.c and
 * fuzz_split_sqlite.c:
 *
 * - it succeeds (its only failure is running out of memory);
 * - each statement is non-empty, lies within the text, starts at a
 *   non-blank byte, and follows the one before without overlapping it;
 * - resplit (when the caller says the split does not depend on state
 *   carried across statements, as MySQL's DELIMITER does): the text from
 *   a statement's start to the next one's (or the end) is one statement,
 *   at the same bounds. (The statement's bounds alone would not do: on
 *   MySQL they leave the ';' out, and "--" before a ';' is no comment
 *   while at the end of a text it is.)
 * - the text outside the statements holds none (split on its own, each
 *   gap has no statement);
 * - freeing the arrays leaves no leak (ASan's leak check).
 */
#ifndef MIG_FUZZ_SPLIT_H
#define MIG_FUZZ_SPLIT_H

#include "fuzz_util.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>

typedef int (*fuzz_split_fn)(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

static inline bool fuzz_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The split of sql[0..len); the count, or (size_t)-1 after a failure. */
static inline size_t fuzz_split_count(fuzz_split_fn split, const char *sql, size_t len, size_t *one_start,
				      size_t *one_len)
{
	size_t *st = NULL, *ln = NULL, n = 0;
	if (split(sql, len, &st, &ln, &n) != 0)
		return (size_t)-1;
	if (n == 1 && one_start) {
		*one_start = st[0];
		*one_len = ln[0];
	}
	mig__free(st);
	mig__free(ln);
	return n;
}

/* Checks the split of sql[0..len) (sql[len] == '\0'; the text may hold
 * NUL bytes). Gaps and statements are split again one level down. */
static inline void fuzz_check_split(fuzz_split_fn split, const char *sql, size_t len, bool resplit,
				    size_t *count)
{
	size_t *st = NULL, *ln = NULL, n = 0;
	int rc = split(sql, len, &st, &ln, &n);
	CHECK(rc == 0);
	CHECK(n == 0 || (st && ln));
	size_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(ln[i] > 0);
		CHECK(st[i] <= len && ln[i] <= len - st[i]);
		CHECK(st[i] >= prev_end);
		CHECK(!fuzz_blank((unsigned char)sql[st[i]]));
		/* the gap before it has no statement of its own */
		if (st[i] > prev_end) {
			char *gap = fuzz_dup(sql + prev_end, st[i] - prev_end);
			CHECK(gap);
			CHECK(fuzz_split_count(split, gap, st[i] - prev_end, NULL, NULL) == 0);
			free(gap);
		}
		if (resplit) {
			size_t upto = i + 1 < n ? st[i + 1] : len;
			char *one = fuzz_dup(sql + st[i], upto - st[i]);
			CHECK(one);
			size_t a = 0, b = 0;
			CHECK(fuzz_split_count(split, one, upto - st[i], &a, &b) == 1);
			CHECK(a == 0 && b == ln[i]);
			free(one);
		}
		prev_end = st[i] + ln[i];
	}
	if (n && prev_end < len) {
		char *gap = fuzz_dup(sql + prev_end, len - prev_end);
		CHECK(gap);
		CHECK(fuzz_split_count(split, gap, len - prev_end, NULL, NULL) == 0);
		free(gap);
	}
	mig__free(st);
	mig__free(ln);
	mig_error_clear();
	if (count)
		*count = n;
}

/* Under fuzz_run's allocation failure: a split that fails says so and
 * returns nothing. */
static inline void fuzz_split_oom(fuzz_split_fn split, const char *sql, size_t len)
{
	size_t *st = (size_t *)1, *ln = (size_t *)1, n = 1;
	int rc = split(sql, len, &st, &ln, &n);
	if (rc) {
		fuzz_check_failed(rc);
		CHECK(!st && !ln && n == 0);
	}
	mig__free(st);
	mig__free(ln);
}

#endif
