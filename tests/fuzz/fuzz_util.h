/*
 * What every harness of tests/fuzz/ shares: the libFuzzer entry point's
 * prototype, the input as a NUL-terminated copy, and CHECK, which names
 * the property that failed before aborting (libFuzzer and the replay
 * tests both report an abort as a failure); and fuzz_run, which runs a
 * harness's body twice: as is, then with one allocation failing.
 */
#ifndef MIG_FUZZ_UTIL_H
#define MIG_FUZZ_UTIL_H

#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                          \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                             \
		}                                                                            \
	} while (0)

/* data[0..size) and a NUL after it; NULL when out of memory. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return NULL;
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

/* s[0..n) and a NUL after it, NUL bytes inside kept (mig_strndup stops at
 * the first); NULL when out of memory. */
static inline char *fuzz_dup(const char *s, size_t n)
{
	return fuzz_text((const uint8_t *)s, n);
}

/* How many times needle (non-empty) occurs in hay, overlaps counted. */
static inline size_t fuzz_count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* An FNV-1a hash of the input: which allocation the second run fails. */
static inline uint32_t fuzz_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* body(text, size, false): every property of the harness. Then
 * body(text, size, true), the calls alone with only the checks that
 * hold whatever fails: once to count its allocations, and when it has
 * any, again with one of them failing (mig__alloc_fail_at; which one
 * depends on the input), when a failure must set one error and leave no
 * partial result. Every run must free every block the library allocated
 * (mig__alloc_live), which catches a leak even where ASan's leak check
 * is off (the replay tests under gcc). */
static inline void fuzz_run(void (*body)(const char *, size_t, bool), const char *text, size_t size)
{
	long live = mig__alloc_live();
	body(text, size, false);
	mig_error_clear();
	CHECK(mig__alloc_live() == live);
	unsigned long before = mig__alloc_count();
	body(text, size, true);
	mig_error_clear();
	unsigned long used = mig__alloc_count() - before;
	CHECK(mig__alloc_live() == live);
	if (used == 0)
		return;
	mig__alloc_fail_at(1 + fuzz_hash(text, size) % used);
	body(text, size, true);
	mig__alloc_fail_at(0);
	mig_error_clear();
	CHECK(mig__alloc_live() == live);
}

/* After a call that failed (under fuzz_run's injection, or on bad
 * input): one error, with a message, of the code returned. */
static inline void fuzz_check_failed(int rc)
{
	const mig_error *e = mig_error_last();
	CHECK(rc < 0);
	CHECK(e && e->code == rc && e->message && *e->message);
}

#endif
