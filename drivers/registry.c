/*
 * The table of drivers. Every driver is listed whether or not this build
 * includes it, so that a URL for a missing one gets a precise message
 * instead of "unknown scheme" (curl's "protocol disabled" pattern).
 */
#include "drivers/driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "mig_features.h"

#include <stdlib.h>
#include <string.h>

extern const mig_driver_ops mig_sqlite_driver_ops;
#if MIG_HAVE_POSTGRES
extern const mig_driver_ops mig_postgres_driver_ops;
#define POSTGRES_OPS (&mig_postgres_driver_ops)
#else
#define POSTGRES_OPS NULL
#endif

static const char *const sqlite_schemes[] = {"sqlite", "sqlite3", NULL};
static const char *const postgres_schemes[] = {"postgres", "postgresql", NULL};
static const char *const mysql_schemes[] = {"mysql", "mariadb", NULL};

static const mig_driver drivers[] = {
	{"sqlite", "SQLite", sqlite_schemes, "sqlite",
	 MIG_CAP_TXN_DDL | MIG_CAP_MULTI_STATEMENT | MIG_CAP_EMBEDDED,
	 &mig_sqlite_driver_ops, NULL},
	{"postgres", "PostgreSQL", postgres_schemes, "postgres",
	 MIG_CAP_TXN_DDL | MIG_CAP_MULTI_STATEMENT | MIG_CAP_SESSION_LOCK,
	 POSTGRES_OPS, "rebuild with libpq installed (apt-get install libpq-dev) and -DMIG_WITH_POSTGRES=ON"},
	{"mysql", "MySQL/MariaDB", mysql_schemes, "mysql", MIG_CAP_SESSION_LOCK, NULL,
	 "the MySQL/MariaDB driver is not part of this version yet"},
};

static const mig_driver *const driver_list[] = {&drivers[0], &drivers[1], &drivers[2], NULL};

const mig_driver *const *mig_driver_list(void)
{
	return driver_list;
}

const mig_driver *mig_driver_find(const char *name)
{
	for (size_t i = 0; driver_list[i]; i++)
		if (strcmp(driver_list[i]->name, name) == 0)
			return driver_list[i];
	return NULL;
}

const mig_driver *mig_driver_for_scheme(const char *scheme)
{
	for (size_t i = 0; driver_list[i]; i++)
		for (const char *const *s = driver_list[i]->schemes; *s; s++)
			if (strcmp(*s, scheme) == 0)
				return driver_list[i];
	return NULL;
}

int mig_driver_open(const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	const mig_driver *drv = mig_driver_for_scheme(url->scheme);
	if (!drv)
		return mig_error_set(MIG_EINPUT, "unsupported database URL scheme '%s:' in %s",
				     url->scheme, url->redacted);
	if (!drv->ops)
		return mig_error_set(MIG_EINPUT, "%s URLs need the %s driver, which this build does not include: %s",
				     url->scheme, drv->display, drv->missing_hint);
	return drv->ops->open(drv, url, opts, out);
}

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
	char **grown = mig__realloc(r->cells, (r->nrows + 1) * r->ncols * sizeof(*grown) + 1);
	if (!grown)
		return mig_error_oom();
	r->cells = grown;
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
	mig__free(r);
}
