#include "util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

/* Counters are atomic so that concurrent library users (one session per
 * thread) keep them exact; the injection itself is meant for one thread. */
static atomic_ulong attempts;
static atomic_long live;
static atomic_ulong fail_at; /* absolute attempt number, 0 = never */
static atomic_bool failed;

static bool should_fail(void)
{
	unsigned long n = atomic_fetch_add(&attempts, 1) + 1;
	unsigned long at = atomic_load(&fail_at);
	if (at && n == at) {
		atomic_store(&failed, true);
		return true;
	}
	return false;
}

void *mig__malloc(size_t n)
{
	if (should_fail())
		return NULL;
	void *p = malloc(n ? n : 1);
	if (p)
		atomic_fetch_add(&live, 1);
	return p;
}

void *mig__calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p)
		atomic_fetch_add(&live, 1);
	return p;
}

void *mig__realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	void *q = realloc(p, n ? n : 1);
	if (q && !p)
		atomic_fetch_add(&live, 1);
	return q;
}

void *mig__shrink(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	return q ? q : p;
}

void *mig__reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return mig__realloc(p, n * size);
}

void mig__free(void *p)
{
	if (!p)
		return;
	atomic_fetch_sub(&live, 1);
	free(p);
}

void mig__alloc_fail_at(unsigned long nth)
{
	atomic_store(&failed, false);
	atomic_store(&fail_at, nth ? atomic_load(&attempts) + nth : 0);
}

unsigned long mig__alloc_count(void)
{
	return atomic_load(&attempts);
}

long mig__alloc_live(void)
{
	return atomic_load(&live);
}

bool mig__alloc_failed(void)
{
	return atomic_load(&failed);
}
