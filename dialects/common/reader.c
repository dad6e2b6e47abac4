#include "dialects/common/reader.h"

#include "util/alloc.h"
#include "util/error.h"

mig_rows *mig_reader_query(const mig_query_io *io, int *rc, mig_str *q)
{
	mig_rows *rows = NULL;
	if (*rc)
		goto out;
	if (mig_str_failed(q)) {
		*rc = mig_error_oom();
		goto out;
	}
	*rc = io->query(io->ud, mig_str_cstr(q), &rows);
	if (*rc) {
		mig_rows_free(rows);
		rows = NULL;
	}
out:
	mig_str_free(q);
	return rows;
}

char *mig_reader_dup(int *rc, const char *s)
{
	if (!s)
		return NULL;
	char *d = mig_strdup(s);
	if (!d && !*rc)
		*rc = mig_error_oom();
	return d;
}

char *mig_reader_detach(int *rc, mig_str *s)
{
	if (mig_str_failed(s)) {
		mig_str_free(s);
		if (!*rc)
			*rc = mig_error_oom();
		return NULL;
	}
	return mig_str_detach(s);
}
