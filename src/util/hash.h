/*
 * FNV-1a, 64 bits: the one hash of the library (values, model names, the
 * MySQL run lock's name). Its output is part of what other processes see
 * (the lock name), so it must never change.
 */
#ifndef MIG_HASH_H
#define MIG_HASH_H

#include <stddef.h>
#include <stdint.h>

#define MIG_FNV1A_INIT UINT64_C(14695981039346656037)

static inline uint64_t mig_fnv1a_byte(uint64_t h, unsigned char b)
{
	return (h ^ b) * UINT64_C(1099511628211);
}

/* h advanced over n bytes at p (start with MIG_FNV1A_INIT). */
static inline uint64_t mig_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = mig_fnv1a_byte(h, b[i]);
	return h;
}

#endif
