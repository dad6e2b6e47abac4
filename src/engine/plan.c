#include "engine/plan.h"

#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The applied names sorted, for is_applied (caller frees; NULL: none or
 * out of memory, told apart by n). */
static char **sorted_names(const mig_strv *applied)
{
	if (!applied->n)
		return NULL;
	char **v = mig__reallocarray(NULL, applied->n, sizeof(*v));
	if (!v)
		return NULL;
	memcpy(v, applied->v, applied->n * sizeof(*v));
	qsort(v, applied->n, sizeof(*v), cmp_str);
	return v;
}

static bool is_applied(char *const *sorted, size_t n, const char *name)
{
	return n && bsearch(&name, sorted, n, sizeof(*sorted), cmp_str) != NULL;
}

int mig_check_order(const mig_set *files, const mig_strv *applied, const char *ignore_pattern)
{
	size_t n = files->n < applied->n ? files->n : applied->n;
	for (size_t i = 0; i < n; i++) {
		const char *file = files->items[i].name, *ran = applied->v[i];
		if (strcmp(ran, file) == 0)
			continue;
		long later = -1;
		for (size_t k = i + 1; k < applied->n && later < 0; k++)
			if (strcmp(applied->v[k], file) == 0)
				later = (long)k;
		const char *then = later < 0 ? "is not run" : "ran later";
		/* the cause first: a file that is not there (node-pg-migrate
		 * would call the next file, perhaps applied, "not run") */
		if (mig_set_find(files, ran) < 0) {
			if (ignore_pattern)
				return mig_error_set(MIG_EORDER,
						     "Already run migration %s has no file: it was deleted, or --ignore-pattern '%s' "
						     "leaves it out; the files after it do not line up with the migrations table "
						     "(%s, at its place, %s)",
						     ran, ignore_pattern, file, then);
			return mig_error_set(MIG_EORDER,
					     "Already run migration %s has no file (deleted?); the files after it do not line "
					     "up with the migrations table (%s, at its place, %s)",
					     ran, file, then);
		}
		/* both are files: node-pg-migrate's message (also when file i
		 * ran later, out of order, which tools may look for) */
		return mig_error_set(MIG_EORDER, "Not run migration %s is preceding already run migration %s", file, ran);
	}
	return 0;
}

static int push_idx(size_t **idx, size_t *n, size_t v)
{
	size_t *grown = mig__realloc(*idx, (*n + 1) * sizeof(**idx));
	if (!grown)
		return mig_error_oom();
	*idx = grown;
	grown[(*n)++] = v;
	return 0;
}

int mig_plan_up(const mig_set *files, const mig_strv *applied, const mig_target *t,
		bool timestamp, size_t **idx, size_t *n)
{
	*idx = NULL;
	*n = 0;
	long upto = -1;
	if (t && t->name) {
		upto = mig_set_find(files, t->name);
		if (upto < 0)
			return mig_error_set(MIG_EUSAGE, "there is no migration file named %s", t->name);
	}
	double limit = t && t->has_count ? fabs(t->count) : INFINITY;
	char **sorted = sorted_names(applied);
	if (applied->n && !sorted)
		return mig_error_oom();
	for (size_t i = 0; i < files->n; i++) {
		const mig_migration *m = &files->items[i];
		if (upto >= 0 && (long)i > upto)
			break;
		if (is_applied(sorted, applied->n, m->name))
			continue;
		if (t && t->has_count) {
			if (timestamp ? !(m->timestamp <= t->count) : (double)*n >= limit)
				continue;
		}
		int rc = push_idx(idx, n, i);
		if (rc) {
			mig__free(sorted);
			mig__free(*idx);
			*idx = NULL;
			*n = 0;
			return rc;
		}
	}
	mig__free(sorted);
	return 0;
}

int mig_plan_down(const mig_set *files, const mig_strv *applied, const mig_target *t,
		  bool timestamp, size_t **idx, size_t *n)
{
	*idx = NULL;
	*n = 0;
	size_t first = 0; /* first applied position to roll back */
	if (t && t->name) {
		long at = -1;
		for (size_t i = 0; i < applied->n; i++)
			if (strcmp(applied->v[i], t->name) == 0)
				at = (long)i;
		if (at < 0)
			return mig_error_set(MIG_EUSAGE, "%s is not applied, so it cannot be rolled back",
					     t->name);
		first = (size_t)at;
	} else if (t && t->has_count && timestamp) {
		first = applied->n;
		for (size_t i = 0; i < applied->n; i++) {
			long f = mig_set_find(files, applied->v[i]);
			if (f >= 0 && files->items[f].timestamp >= t->count) {
				first = i;
				break;
			}
		}
	} else {
		double count = t && t->has_count ? fabs(t->count) : 1;
		/* node-pg-migrate: slice(-0) is the whole list, so 0 = all */
		first = count == 0 || count >= (double)applied->n ? 0 : applied->n - (size_t)count;
	}
	mig_str missing = MIG_STR_INIT;
	size_t nmissing = 0;
	int rc = 0;
	for (size_t i = applied->n; i-- > first;) {
		long f = mig_set_find(files, applied->v[i]);
		if (timestamp && t && t->has_count && !t->name && (f < 0 || files->items[f].timestamp < t->count))
			continue;
		if (f < 0) {
			mig_str_printf(&missing, "%s%s", nmissing++ ? ", " : "", applied->v[i]);
			continue;
		}
		if ((rc = push_idx(idx, n, (size_t)f)) != 0)
			break;
	}
	if (rc == 0 && nmissing)
		rc = mig_error_set(MIG_ESTATE,
				   "Definitions of migrations %s have been deleted.", mig_str_cstr(&missing));
	mig_str_free(&missing);
	if (rc) {
		mig__free(*idx);
		*idx = NULL;
		*n = 0;
	}
	return rc;
}
