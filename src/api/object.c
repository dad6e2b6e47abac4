/* mig_free() and the objects it frees (object.h). */
#include "api/object.h"

#include "migrations/common.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdint.h>
#include <string.h>

/* "migO": a header written by mig__api_new, checked before disposing */
#define OBJECT_MAGIC 0x6d69674fu

/* max_align_t keeps the object after the header aligned for any type */
typedef union header {
	max_align_t align;
	struct {
		uint32_t magic;
		void (*dispose)(void *obj);
	} h;
} header;

void *mig__api_new(size_t size, void (*dispose)(void *obj))
{
	if (size > SIZE_MAX - sizeof(header)) {
		mig_error_oom();
		return NULL;
	}
	header *hd = mig__calloc(1, sizeof(header) + size);
	if (!hd) {
		mig_error_oom();
		return NULL;
	}
	hd->h.magic = OBJECT_MAGIC;
	hd->h.dispose = dispose;
	return hd + 1;
}

char *mig__api_strdup(const char *s)
{
	size_t n = strlen(s);
	char *copy = mig__api_new(n + 1, NULL);
	if (copy)
		memcpy(copy, s, n + 1);
	return copy;
}

void mig_free(void *object)
{
	if (!object)
		return;
	header *hd = (header *)object - 1;
	/* not one of ours (or freed twice): leaking beats corrupting the
	 * caller's heap */
	if (hd->h.magic != OBJECT_MAGIC)
		return;
	if (hd->h.dispose)
		hd->h.dispose(object);
	hd->h.magic = 0;
	mig__free(hd);
}
