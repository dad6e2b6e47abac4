#include "util/arena.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

/* Blocks grow with the arena; a request larger than a block gets a block
 * of its own. Typical definitions fit in the first one. */
#define BLOCK_MIN 1024

struct mig_arena_block {
	mig_arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

static void *oom(mig_arena *a)
{
	if (!a->failed)
		mig_error_oom();
	a->failed = true;
	return NULL;
}

void *mig_arena_alloc(mig_arena *a, size_t size)
{
	if (a->failed)
		return NULL;
	const size_t align = alignof(max_align_t);
	if (size > SIZE_MAX - align)
		return oom(a);
	size = (size + align - 1) & ~(align - 1);
	mig_arena_block *b = a->blocks;
	if (!b || b->size - b->used < size) {
		size_t want = b ? b->size * 2 : BLOCK_MIN;
		if (want < size)
			want = size;
		if (want > SIZE_MAX - sizeof(*b))
			return oom(a);
		mig_arena_block *nb = mig__malloc(sizeof(*nb) + want);
		if (!nb)
			return oom(a);
		nb->next = b;
		nb->size = want;
		nb->used = 0;
		a->blocks = b = nb;
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

void *mig_arena_array(mig_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return oom(a);
	return mig_arena_alloc(a, n * size);
}

char *mig_arena_strndup(mig_arena *a, const char *s, size_t n)
{
	if (n == SIZE_MAX)
		return oom(a);
	char *d = mig_arena_alloc(a, n + 1);
	if (d)
		memcpy(d, s, n);
	return d;
}

char *mig_arena_strdup(mig_arena *a, const char *s)
{
	return s ? mig_arena_strndup(a, s, strlen(s)) : NULL;
}

char *mig_arena_vprintf(mig_arena *a, const char *fmt, va_list ap)
{
	mig_str s = MIG_STR_INIT;
	mig_str_vprintf(&s, fmt, ap);
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		return oom(a);
	}
	char *d = mig_arena_strndup(a, mig_str_cstr(&s), mig_str_len(&s));
	mig_str_free(&s);
	return d;
}

char *mig_arena_printf(mig_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *d = mig_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return d;
}

bool mig_arena_defer(mig_arena *a, void (*fn)(void *), void *p)
{
	if (a->failed) {
		fn(p);
		return false;
	}
	if (a->ncleanups == a->capcleanups) {
		size_t cap = a->capcleanups ? a->capcleanups * 2 : 8;
		mig_arena_cleanup *grown = mig__reallocarray(a->cleanups, cap, sizeof(*grown));
		if (!grown) {
			fn(p);
			oom(a);
			return false;
		}
		a->cleanups = grown;
		a->capcleanups = cap;
	}
	a->cleanups[a->ncleanups++] = (mig_arena_cleanup){fn, p};
	return true;
}

bool mig_arena_failed(const mig_arena *a)
{
	return a->failed;
}

size_t mig_arena_footprint(const mig_arena *a)
{
	size_t n = a->capcleanups * sizeof(*a->cleanups);
	for (const mig_arena_block *b = a->blocks; b; b = b->next)
		n += sizeof(*b) + b->size;
	return n;
}

void mig_arena_dispose(mig_arena *a)
{
	for (mig_arena_block *b = a->blocks; b;) {
		mig_arena_block *next = b->next;
		mig__free(b);
		b = next;
	}
	for (size_t i = a->ncleanups; i-- > 0;)
		a->cleanups[i].fn(a->cleanups[i].p);
	mig__free(a->cleanups);
	memset(a, 0, sizeof(*a));
}
