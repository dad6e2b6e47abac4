/*
 * Discovery: the migrations folder -> the ordered list of migrations,
 * following node-pg-migrate 9: every regular file (or symlink) not matched
 * by the ignore pattern is a migration; the name is the file name without
 * its last extension; files sort by their numeric prefix (17 digits = a UTC
 * stamp YYYYMMDDhhmmssSSS, otherwise the number), ties by a numeric,
 * punctuation-blind comparison of the names.
 */
#ifndef MIG_DISCOVER_H
#define MIG_DISCOVER_H

#include "ir/ir.h"

typedef struct mig_set {
	mig_migration *items;
	size_t n;
	/* items' indexes in name order, for mig_set_find (NULL: it searches
	 * in turn); made by mig_discover */
	size_t *by_name;
	/* how its files are read when they are (engine/source.h); NULL: the
	 * defaults. Borrowed: set by the command that reads them. */
	const struct mig_load_opts *load_opts;
	/* files [0, shorthands_upto) have known shorthands, and whether one of
	 * them has any (engine/source.c): a run asks for each file's in turn,
	 * and going back to the first file every time was quadratic */
	size_t shorthands_upto;
	bool shorthands_any;
} mig_set;

/*
 * List dir. ignore_pattern: NULL for the default (dotfiles); otherwise a
 * POSIX extended regex matched against the whole file name (node-pg-migrate
 * compiles ^P$). Fills only name/path/file/timestamp. Errors: MIG_EIO for
 * a missing or unreadable folder, MIG_EINPUT for a file that cannot be
 * ordered (no numeric prefix, impossible UTC stamp) or two files with the
 * same migration name.
 */
int mig_discover(const char *dir, const char *ignore_pattern, mig_set *out);
void mig_set_dispose(mig_set *set);
/* Index of the migration named `name`, or -1. */
long mig_set_find(const mig_set *set, const char *name);

/* The numeric prefix of a file name; MIG_EINPUT when it has none or an
 * impossible 17-digit stamp. */
int mig_numeric_prefix(const char *file, double *out);
/* Total order used for ties: numeric runs compared as numbers,
 * punctuation ignored, letters case-blind first, lower case first. */
int mig_compare_names(const char *a, const char *b);
/* Full file comparison (prefix, then names); both must have prefixes. */
int mig_compare_files(const char *a, const char *b);

#endif
