#include "util/rows.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

mig_rows *mig_rows_new(size_t ncols)
{
	mig_rows *r = mig__calloc(1, sizeof(*r));
	if (!r) {
		mig_error_oom();
		return NULL;
	}
	r->ncols = ncols;
	return r;
}

int mig_rows_add(mig_rows *r, const char *const *cells)
{
	if (r->nrows == r->caprows) {
		size_t cap = r->caprows ? r->caprows * 2 : 8;
		char **bigger = mig__reallocarray(r->cells, cap, (r->ncols ? r->ncols : 1) * sizeof(*bigger));
		if (!bigger)
			return mig_error_oom();
		r->cells = bigger;
		r->caprows = cap;
	}
	char **row = r->cells + r->nrows * r->ncols;
	for (size_t c = 0; c < r->ncols; c++) {
		row[c] = NULL;
		if (cells[c] && !(row[c] = mig_strdup(cells[c]))) {
			for (size_t k = 0; k < c; k++)
				mig__free(row[k]);
			return mig_error_oom();
		}
	}
	r->nrows++;
	return 0;
}

int mig_rows_set_names(mig_rows *r, const char *const *names)
{
	char **v = mig__calloc(r->ncols ? r->ncols : 1, sizeof(*v));
	if (!v)
		return mig_error_oom();
	for (size_t c = 0; c < r->ncols; c++) {
		if (!(v[c] = mig_strdup(names[c] ? names[c] : ""))) {
			for (size_t k = 0; k < c; k++)
				mig__free(v[k]);
			mig__free(v);
			return mig_error_oom();
		}
	}
	if (r->names)
		for (size_t c = 0; c < r->ncols; c++)
			mig__free(r->names[c]);
	mig__free(r->names);
	r->names = v;
	return 0;
}

const char *mig_rows_name(const mig_rows *r, size_t col)
{
	return r && r->names && col < r->ncols ? r->names[col] : NULL;
}

const char *mig_rows_get(const mig_rows *r, size_t row, size_t col)
{
	if (!r || row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

void mig_rows_free(mig_rows *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nrows * r->ncols; i++)
		mig__free(r->cells[i]);
	mig__free(r->cells);
	if (r->names)
		for (size_t c = 0; c < r->ncols; c++)
			mig__free(r->names[c]);
	mig__free(r->names);
	mig__free(r);
}
