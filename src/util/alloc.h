/*
 * Every allocation of the library goes through these, so that a test can
 * make the Nth one fail (and count what is still live) the way libgit2's
 * failalloc and curl's torture runs do. Memory from a client library
 * (sqlite3, libpq) is never freed with mig__free: drivers copy it first.
 *
 * The functions behave like their libc namesakes; a failure returns NULL
 * and does NOT set the error (callers set mig_error_oom() where they know
 * what failed, and some allocations are optional).
 */
#ifndef MIG_ALLOC_H
#define MIG_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *mig__malloc(size_t n);
void *mig__calloc(size_t n, size_t size);
void *mig__realloc(void *p, size_t n);
/* realloc of n * size bytes; NULL (p untouched) when that overflows. */
void *mig__reallocarray(void *p, size_t n, size_t size);
void mig__free(void *p);
/* Give back the end of a block, keeping n bytes; p itself when the libc
 * cannot. Never an injected failure: nothing depends on it working. */
void *mig__shrink(void *p, size_t n);

/* ---- test seam ----------------------------------------------------------- */

/* Make the nth allocation from now fail (1 = the next one); 0 turns the
 * injection off. Once the nth has failed, later ones succeed again. */
void mig__alloc_fail_at(unsigned long nth);
/* Allocations attempted since the process started (failed ones too). */
unsigned long mig__alloc_count(void);
/* Blocks allocated and not yet freed. */
long mig__alloc_live(void);
/* Whether an injected failure has happened since the last
 * mig__alloc_fail_at() call. */
bool mig__alloc_failed(void);

#endif
