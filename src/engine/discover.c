#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* d_type */
#include "engine/discover.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int digits_at(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int mig_numeric_prefix(const char *file, double *out)
{
	size_t n = 0;
	while (isdigit((unsigned char)file[n]))
		n++;
	if (n == 0)
		return mig_error_set(MIG_EINPUT,
				     "Cannot determine numeric prefix for \"%s\": every file in the migrations folder is a migration and its name must start with digits (move other files out, or use --ignore-pattern)",
				     file);
	if (n == 17) {
		int y = digits_at(file, 4), mo = digits_at(file + 4, 2), d = digits_at(file + 6, 2);
		int h = digits_at(file + 8, 2), mi = digits_at(file + 10, 2), s = digits_at(file + 12, 2);
		int ms = digits_at(file + 14, 3);
		static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap(y)) ||
		    h > 24 || mi > 59 || s > 59 || (h == 24 && (mi || s || ms)))
			return mig_error_set(MIG_EINPUT,
					     "Cannot determine numeric prefix for \"%s\": a 17-digit prefix is read as a UTC time YYYYMMDDhhmmssSSS and %.17s is not one",
					     file, file);
		*out = (double)(days_from_civil(y, mo, d) * 86400000LL + h * 3600000LL + mi * 60000LL +
				s * 1000LL + ms);
		return 0;
	}
	char *digits = mig_strndup(file, n);
	if (!digits)
		return mig_error_oom();
	*out = strtod(digits, NULL);
	mig__free(digits);
	return 0;
}

static bool ignorable(unsigned char c)
{
	/* ICU's ignorePunctuation: spaces and punctuation/symbols are skipped. */
	return c < 0x80 && !isalnum(c);
}

int mig_compare_names(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	int tertiary = 0;
	for (;;) {
		while (*p && ignorable(*p))
			p++;
		while (*q && ignorable(*q))
			q++;
		if (!*p || !*q)
			break;
		if (isdigit(*p) && isdigit(*q)) {
			while (*p == '0' && isdigit(p[1]))
				p++;
			while (*q == '0' && isdigit(q[1]))
				q++;
			size_t la = 0, lb = 0;
			while (isdigit(p[la]))
				la++;
			while (isdigit(q[lb]))
				lb++;
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = memcmp(p, q, la);
			if (c)
				return c < 0 ? -1 : 1;
			p += la;
			q += lb;
			continue;
		}
		if (isdigit(*p) != isdigit(*q))
			return isdigit(*p) ? -1 : 1; /* digits sort before letters */
		int la = tolower(*p), lb = tolower(*q);
		if (la != lb)
			return la < lb ? -1 : 1;
		if (!tertiary && *p != *q)
			tertiary = islower(*p) ? -1 : 1; /* lower case first */
		p++;
		q++;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	if (tertiary)
		return tertiary;
	int c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}

int mig_compare_files(const char *a, const char *b)
{
	double x = 0, y = 0;
	mig_numeric_prefix(a, &x);
	mig_numeric_prefix(b, &y);
	if (x != y)
		return x < y ? -1 : 1;
	return mig_compare_names(a, b);
}

static int cmp_migrations(const void *x, const void *y)
{
	const mig_migration *a = x, *b = y;
	if (a->timestamp != b->timestamp)
		return a->timestamp < b->timestamp ? -1 : 1;
	return mig_compare_names(a->file, b->file);
}

void mig_set_dispose(mig_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		mig_migration_dispose(&set->items[i]);
	mig__free(set->items);
	mig__free(set->by_name);
	set->items = NULL;
	set->by_name = NULL;
	set->n = 0;
}

/* Matching thousands of applied migrations to files one strcmp at a time
 * was quadratic (status with 20k applied: seconds): binary search. */
long mig_set_find(const mig_set *set, const char *name)
{
	if (!set->by_name) {
		for (size_t i = 0; i < set->n; i++)
			if (strcmp(set->items[i].name, name) == 0)
				return (long)i;
		return -1;
	}
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->items[set->by_name[mid]].name, name);
		if (c == 0)
			return (long)set->by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const mig_set *sorting; /* qsort has no context argument */

static int cmp_by_name(const void *x, const void *y)
{
	return strcmp(sorting->items[*(const size_t *)x].name, sorting->items[*(const size_t *)y].name);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_by_file(const void *x, const void *y)
{
	return strcmp(sorting->items[*(const size_t *)x].file, sorting->items[*(const size_t *)y].file);
}

/*
 * golang-migrate's pairs: N_name.up.sql and N_name.down.sql are one
 * migration, N_name, whose down is read from the second file. An up alone
 * is a migration that cannot be rolled back; a down alone is an error.
 */
static int pair_up_down(mig_set *set)
{
	bool downs = false;
	for (size_t i = 0; i < set->n; i++) {
		mig_migration *m = &set->items[i];
		if (ends_with(m->file, ".up.sql")) {
			char *name = mig_strndup(m->file, strlen(m->file) - strlen(".up.sql"));
			if (!name)
				return mig_error_oom();
			mig__free(m->name);
			m->name = name;
		}
		downs = downs || ends_with(m->file, ".down.sql");
	}
	if (!downs)
		return 0;
	size_t *by_file = mig__reallocarray(NULL, set->n, sizeof(*by_file));
	if (!by_file)
		return mig_error_oom();
	for (size_t i = 0; i < set->n; i++)
		by_file[i] = i;
	sorting = set;
	qsort(by_file, set->n, sizeof(*by_file), cmp_by_file);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < set->n; i++) {
		mig_migration *d = &set->items[i];
		if (!ends_with(d->file, ".down.sql"))
			continue;
		size_t base = strlen(d->file) - strlen(".down.sql");
		char *up = mig_aprintf("%.*s.up.sql", (int)base, d->file);
		if (!up) {
			rc = mig_error_oom();
			break;
		}
		size_t lo = 0, hi = set->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(set->items[by_file[mid]].file, up);
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == set->n || strcmp(set->items[by_file[lo]].file, up) != 0) {
			rc = mig_error_set(MIG_EINPUT,
					   "%s is a golang-migrate down file without its up file %s (a migration N_name is N_name.up.sql, with N_name.down.sql for its rollback)",
					   d->file, up);
			mig_error_set_location(d->path, 0, 0);
		} else {
			mig_migration *u = &set->items[by_file[lo]];
			u->down_path = mig_strdup(d->path);
			u->down_file = mig_strdup(d->file);
			if (!u->down_path || !u->down_file)
				rc = mig_error_oom();
		}
		mig__free(up);
	}
	sorting = NULL;
	mig__free(by_file);
	if (rc)
		return rc;
	/* the down files are part of their up's migration now */
	size_t k = 0;
	for (size_t i = 0; i < set->n; i++) {
		if (ends_with(set->items[i].file, ".down.sql")) {
			mig_migration_dispose(&set->items[i]);
			continue;
		}
		if (k != i)
			set->items[k] = set->items[i];
		k++;
	}
	set->n = k;
	return 0;
}

int mig_discover(const char *dir, const char *ignore_pattern, mig_set *out)
{
	memset(out, 0, sizeof(*out));
	regex_t re;
	bool have_re = false;
	int rc = 0;
	if (ignore_pattern && *ignore_pattern) {
		char *anchored = mig_aprintf("^(%s)$", ignore_pattern);
		if (!anchored)
			return MIG_ENOMEM;
		int rerr = regcomp(&re, anchored, REG_EXTENDED | REG_NOSUB);
		mig__free(anchored);
		if (rerr) {
			char msg[256];
			regerror(rerr, &re, msg, sizeof(msg));
			return mig_error_set(MIG_EUSAGE, "--ignore-pattern '%s' is not a valid regular expression: %s",
					     ignore_pattern, msg);
		}
		have_re = true;
	}
	DIR *d = opendir(dir);
	if (!d) {
		rc = mig_error_set(MIG_EIO, "cannot open migrations directory %s: %s%s", dir, strerror(errno),
				   errno == ENOENT ? " (create it, or give another with -m/--migrations-dir)" : "");
		goto out;
	}
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *fname = de->d_name;
		if (strcmp(fname, ".") == 0 || strcmp(fname, "..") == 0)
			continue;
		if (have_re ? regexec(&re, fname, 0, NULL, 0) == 0 : fname[0] == '.')
			continue;
		char *path = mig_path_join(dir, fname);
		if (!path) {
			rc = mig_error_oom();
			break;
		}
		/* Regular files and symlinks (whose target is checked when the
		 * file is read). The directory entry's type says so without a
		 * stat per file, which was most of a status's system time; only
		 * a file system that does not fill it in costs the lstat. */
		bool keep = false;
#ifdef DT_UNKNOWN
		if (de->d_type == DT_REG || de->d_type == DT_LNK)
			keep = true;
		else if (de->d_type == DT_UNKNOWN)
#endif
		{
			struct stat st;
			keep = lstat(path, &st) == 0 && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode));
		}
		if (!keep) {
			mig__free(path);
			continue;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			mig_migration *items = mig__realloc(out->items, cap * sizeof(*items));
			if (!items) {
				mig__free(path);
				rc = mig_error_oom();
				break;
			}
			out->items = items;
		}
		mig_migration *m = &out->items[out->n];
		memset(m, 0, sizeof(*m));
		out->n++;
		m->path = path;
		m->file = mig_strdup(fname);
		const char *dot = strrchr(fname, '.');
		m->name = dot && dot != fname ? mig_strndup(fname, (size_t)(dot - fname)) : mig_strdup(fname);
		if (!m->file || !m->name) {
			rc = mig_error_oom();
			break;
		}
		if ((rc = mig_numeric_prefix(fname, &m->timestamp)) != 0) {
			mig_error_prefix("Error loading migration files");
			mig_error_set_location(path, 0, 0);
			break;
		}
	}
	closedir(d);
	if (rc || (rc = pair_up_down(out)) != 0)
		goto out;
	if (out->n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(out->items, out->n, sizeof(*out->items), cmp_migrations);
	/* Equal names have equal prefixes, so duplicates sit in one run of
	 * equal timestamps (not always adjacent: extensions affect ties). */
	for (size_t i = 0; i < out->n; i++)
		for (size_t k = i + 1; k < out->n && out->items[k].timestamp == out->items[i].timestamp; k++)
			if (strcmp(out->items[i].name, out->items[k].name) == 0) {
				rc = mig_error_set(MIG_EINPUT,
						   "two migration files have the same name %s: %s and %s (the name is the file name without its extension and must be unique)",
						   out->items[i].name, out->items[i].file, out->items[k].file);
				goto out;
			}
	if (out->n && !(out->by_name = mig__reallocarray(NULL, out->n, sizeof(*out->by_name)))) {
		rc = mig_error_oom();
		goto out;
	}
	for (size_t i = 0; i < out->n; i++)
		out->by_name[i] = i;
	sorting = out;
	if (out->n > 1)
		qsort(out->by_name, out->n, sizeof(*out->by_name), cmp_by_name);
	sorting = NULL;
out:
	if (have_re)
		regfree(&re);
	if (rc)
		mig_set_dispose(out);
	return rc;
}
