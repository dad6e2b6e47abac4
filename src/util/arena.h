/*
 * A region allocator: everything allocated from an arena is freed at once
 * by mig_arena_dispose(). The typed operations of the analysis step live
 * in one arena each, so that a definition with dozens of strings, lists
 * and nested parts has one owner and one free.
 *
 * Failures are sticky (like mig_str): after one allocation fails every
 * later call returns NULL and mig_arena_failed() says so; the out-of-
 * memory error is set at the first failure.
 */
#ifndef MIG_ARENA_H
#define MIG_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct mig_arena_block mig_arena_block;

typedef struct mig_arena_cleanup {
	void (*fn)(void *);
	void *p;
} mig_arena_cleanup;

typedef struct mig_arena {
	mig_arena_block *blocks;
	mig_arena_cleanup *cleanups; /* run at dispose, last first */
	size_t ncleanups, capcleanups;
	bool failed;
} mig_arena;

#define MIG_ARENA_INIT {NULL, NULL, 0, 0, false}

/* Zeroed memory, aligned for any object; NULL on failure. */
void *mig_arena_alloc(mig_arena *a, size_t size);
/* n zeroed elements of `size` bytes (overflow-checked). */
void *mig_arena_array(mig_arena *a, size_t n, size_t size);
char *mig_arena_strdup(mig_arena *a, const char *s);
char *mig_arena_strndup(mig_arena *a, const char *s, size_t n);
char *mig_arena_printf(mig_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *mig_arena_vprintf(mig_arena *a, const char *fmt, va_list ap);
/* Run fn(p) at dispose: the arena takes an object that has its own free
 * function (fn(p) runs at once when this call fails). false on failure. */
bool mig_arena_defer(mig_arena *a, void (*fn)(void *), void *p);
bool mig_arena_failed(const mig_arena *a);
void mig_arena_dispose(mig_arena *a);
/* Bytes the arena holds on the heap (its blocks, used or not). */
size_t mig_arena_footprint(const mig_arena *a);

#endif
