/*
 * The table of drivers. Every driver is listed whether or not this build
 * includes it, so that a URL for a missing one gets a precise message
 * instead of "unknown scheme" (curl's "protocol disabled" pattern). The
 * descriptors own everything engine-specific the core needs to know: URL
 * schemes and form, capabilities, the session lock, a scratch URL.
 *
 * A program may add drivers of its own at run time (mig_driver_register):
 * they follow the built-in ones in every lookup.
 */
#include "drivers/driver.h"
#include "drivers/lock.h"

#include "mig_features.h"
#include "util/error.h"
#include "util/str.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

extern const mig_driver_ops mig_sqlite_driver_ops;
extern const mig_lock_strategy mig_sqlite_file_lock;
#if MIG_HAVE_POSTGRES
extern const mig_driver_ops mig_postgres_driver_ops;
extern const mig_lock_strategy mig_pg_advisory_lock;
#define POSTGRES_OPS (&mig_postgres_driver_ops)
#define POSTGRES_LOCK (&mig_pg_advisory_lock)
#else
#define POSTGRES_OPS NULL
#define POSTGRES_LOCK NULL
#endif
#if MIG_HAVE_MYSQL
extern const mig_driver_ops mig_mysql_driver_ops;
extern const mig_lock_strategy mig_mysql_lock;
#define MYSQL_OPS (&mig_mysql_driver_ops)
#define MYSQL_LOCK (&mig_mysql_lock)
#else
#define MYSQL_OPS NULL
#define MYSQL_LOCK NULL
#endif

static const char *const sqlite_schemes[] = {"sqlite", "sqlite3", NULL};
static const char *const postgres_schemes[] = {"postgres", "postgresql", NULL};
static const char *const mysql_schemes[] = {"mysql", "mariadb", NULL};

static const mig_driver drivers[] = {
	{.name = "sqlite", .display = "SQLite", .schemes = sqlite_schemes, .url_form = MIG_URL_FILE,
	 .dialect = "sqlite", .caps = MIG_CAP_TXN_DDL | MIG_CAP_EMBEDDED | MIG_CAP_SESSION_LOCK,
	 .ops = &mig_sqlite_driver_ops, .session_lock = &mig_sqlite_file_lock, .scratch_url = "sqlite::memory:"},
	{.name = "postgres", .display = "PostgreSQL", .schemes = postgres_schemes, .url_form = MIG_URL_SERVER, .keyvalue = true,
	 .dialect = "postgres", .caps = MIG_CAP_TXN_DDL | MIG_CAP_MULTI_STATEMENT | MIG_CAP_SESSION_LOCK,
	 .ops = POSTGRES_OPS, .session_lock = POSTGRES_LOCK,
	 .missing_hint = "rebuild with libpq installed (apt-get install libpq-dev) and -DMIG_WITH_POSTGRES=ON"},
	{.name = "mysql", .display = "MySQL/MariaDB", .schemes = mysql_schemes, .url_form = MIG_URL_SERVER,
	 .dialect = "mysql", .caps = MIG_CAP_SESSION_LOCK | MIG_CAP_BATCH, .ops = MYSQL_OPS, .session_lock = MYSQL_LOCK,
	 .missing_hint = "rebuild with the MySQL client library installed (apt-get install default-libmysqlclient-dev) and "
			 "-DMIG_WITH_MYSQL=ON"},
};

#define NBUILTIN (sizeof(drivers) / sizeof(drivers[0]))
/* Room for drivers registered at run time (mig_driver_register). */
#define NEXTRA 8

/* The built-in drivers first, then the registered ones, NULL-terminated. */
static const mig_driver *driver_list[NBUILTIN + NEXTRA + 1] = {&drivers[0], &drivers[1], &drivers[2], NULL};
_Static_assert(NBUILTIN == 3, "list every built-in driver in driver_list");
static size_t ndrivers = NBUILTIN;

/* A table that lacks a required member or is of another version is a
 * build error of that driver: report it instead of calling through NULL. */
static int check(const mig_driver *d)
{
	const mig_driver_ops *o = d->ops;
	if (o->version != MIG_DRIVER_OPS_VERSION)
		return mig_error_set(MIG_ERROR, "the %s driver has interface version %u, this build expects %u", d->name,
				     o->version, MIG_DRIVER_OPS_VERSION);
	if (!o->open || !o->close || !o->exec || !o->query || !o->begin || !o->commit || !o->rollback)
		return mig_error_set(MIG_ERROR, "the %s driver lacks a required operation", d->name);
	if ((d->caps & MIG_CAP_MULTI_STATEMENT) && !o->exec_step)
		return mig_error_set(MIG_ERROR, "the %s driver claims multi-statement steps without exec_step", d->name);
	if ((d->caps & MIG_CAP_BATCH) && !o->exec_step)
		return mig_error_set(MIG_ERROR, "the %s driver claims batches without exec_step", d->name);
	const mig_lock_strategy *l = d->session_lock;
	if (l && (!l->name || !l->describe || !l->try_lock || !l->unlock))
		return mig_error_set(MIG_ERROR, "the %s driver's session lock lacks a required operation", d->name);
	return 0;
}

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

/* Rebuilt when a driver is registered. */
static char schemes_text[256];

const char *mig_driver_schemes_text(void)
{
	char *text = schemes_text;
	if (!text[0]) {
		size_t n = 0;
		for (size_t i = 0; i < ndrivers && n < sizeof(schemes_text) - 16; i++) {
			const char *sep = i == 0 ? "" : i + 1 == ndrivers ? " or " : ", ";
			const char *tail = driver_list[i]->url_form == MIG_URL_SERVER ? "://" : ":";
			int k = snprintf(text + n, sizeof(schemes_text) - n, "%s%s%s", sep, driver_list[i]->schemes[0], tail);
			if (k < 0)
				break;
			n += (size_t)k;
		}
	}
	return text;
}

/* A URL scheme is a letter then letters, digits, '+', '-' or '.', in
 * lower case (engine/url.c lower-cases what it reads before the lookup). */
static bool valid_scheme(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '+' || *s == '-' || *s == '.'))
			return false;
	return true;
}

int mig_driver_register(const mig_driver *d)
{
	if (!d || !d->name || !*d->name || !d->display || !d->dialect || !d->schemes || !d->schemes[0])
		return mig_error_set(MIG_EUSAGE, "a driver needs a name, a display name, a dialect and at least one URL scheme");
	if (!d->ops)
		return mig_error_set(MIG_EUSAGE, "the %s driver has no operations table", d->name);
	if (d->keyvalue)
		return mig_error_set(MIG_EUSAGE, "the %s driver cannot take key=value connection strings (only one built-in driver does)",
				     d->name);
	int rc = check(d);
	if (rc)
		return rc;
	if (mig_driver_find(d->name))
		return mig_error_set(MIG_EUSAGE, "a driver named %s is already registered", d->name);
	for (const char *const *s = d->schemes; *s; s++) {
		if (!valid_scheme(*s))
			return mig_error_set(MIG_EUSAGE, "the %s driver's URL scheme '%s' is not a lower-case scheme name", d->name, *s);
		const mig_driver *other = mig_driver_for_scheme(*s);
		if (other)
			return mig_error_set(MIG_EUSAGE, "the %s driver's URL scheme '%s:' is already the %s driver's", d->name, *s,
					     other->name);
		for (const char *const *t = d->schemes; t < s; t++)
			if (strcmp(*t, *s) == 0)
				return mig_error_set(MIG_EUSAGE, "the %s driver lists the URL scheme '%s:' twice", d->name, *s);
	}
	if (ndrivers == NBUILTIN + NEXTRA)
		return mig_error_set(MIG_ERROR, "cannot register the %s driver: %d drivers are registered already, the most there is room for",
				     d->name, NEXTRA);
	driver_list[ndrivers++] = d;
	driver_list[ndrivers] = NULL;
	schemes_text[0] = '\0';
	return 0;
}

int mig_driver_open(const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	const mig_driver *drv = mig_driver_for_scheme(url->scheme);
	if (!drv)
		return mig_error_set(MIG_EINPUT, "unsupported database URL scheme '%s:' in %s (use %s)", url->scheme,
				     url->redacted, mig_driver_schemes_text());
	if (!drv->ops)
		return mig_error_set(MIG_EINPUT, "%s URLs need the %s driver, which this build does not include: %s",
				     url->scheme, drv->display, drv->missing_hint);
	int rc = check(drv);
	if (rc)
		return rc;
	return drv->ops->open(drv, url, opts, out);
}

int mig_driver_create_database(const mig_url *url, const mig_conn_opts *opts, bool *created)
{
	*created = false;
	const mig_driver *drv = mig_driver_for_scheme(url->scheme);
	if (!drv || !drv->ops) {
		mig_conn *none = NULL;
		return mig_driver_open(url, opts, &none); /* says why there is no driver */
	}
	int rc = check(drv);
	if (rc)
		return rc;
	if (!drv->ops->create_database)
		return mig_error_set(MIG_ENOTSUPPORTED, "the %s driver cannot create databases", drv->display);
	return drv->ops->create_database(drv, url, opts, created);
}
