/*
 * What the public API hands out (a session, a status list, a string)
 * carries a small header in front saying how to dispose of it, so that
 * one mig_free() frees every kind, and memory the caller got from
 * elsewhere is never mistaken for ours by type.
 */
#ifndef MIG_API_OBJECT_H
#define MIG_API_OBJECT_H

#include <stddef.h>

/* A zeroed object of `size` bytes; mig_free() calls dispose(obj) (may be
 * NULL) and then frees it. NULL with the error set when out of memory. */
void *mig__api_new(size_t size, void (*dispose)(void *obj));
/* A copy of s that the caller frees with mig_free(). */
char *mig__api_strdup(const char *s);

#endif
