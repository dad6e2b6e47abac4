/* The JS/TS migration loader (stub until the JS/TS loader issue lands). */
#include "load.h"

#include "error.h"

int mig_load_js_text(mig_migration *m, const char *text, size_t len)
{
	(void)text;
	(void)len;
	return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
				"JavaScript/TypeScript migrations are not supported by this build yet");
}
