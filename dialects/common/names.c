#include "dialects/common/names.h"

#include <string.h>

size_t mig_pg_clip_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

void mig_pg_object_name(mig_str *out, const char *name1, const char *name2, const char *label)
{
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	size_t overhead = strlen(label) + 1 + (name2 ? 1 : 0);
	size_t avail = MIG_PG_NAME_MAX - overhead;
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	mig_str_put(out, name1, mig_pg_clip_len(name1, strlen(name1), n1));
	if (name2) {
		mig_str_putc(out, '_');
		mig_str_put(out, name2, mig_pg_clip_len(name2, strlen(name2), n2));
	}
	mig_str_putc(out, '_');
	mig_str_puts(out, label);
}
