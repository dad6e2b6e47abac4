/* Helpers of the server-backed driver tests (header-only): connections
 * through the registry, as the core opens them, and one-cell queries. */
#ifndef MIG_TEST_DRIVER_SUPPORT_H
#define MIG_TEST_DRIVER_SUPPORT_H

#include "test_support.h"

#include "drivers/driver.h"
#include "engine/url.h"

static inline mig_conn *open_url(const char *text, const mig_conn_opts *opts)
{
	mig_url url;
	assert_int_equal(mig_url_parse(text, &url), 0);
	mig_conn *c = NULL;
	int rc = mig_driver_open(&url, opts, &c);
	if (rc)
		fail_msg("cannot connect: %s", mig_error_last() ? mig_error_last()->message : "?");
	mig_url_dispose(&url);
	return c;
}

/* Open and expect failure; returns the code (the error stays set). */
static inline int open_fails(const char *text, const mig_conn_opts *opts)
{
	mig_url url;
	assert_int_equal(mig_url_parse(text, &url), 0);
	mig_conn *c = NULL;
	int rc = mig_driver_open(&url, opts, &c);
	assert_null(c);
	mig_url_dispose(&url);
	return rc;
}

static inline const mig_driver_ops *ops(mig_conn *c)
{
	return c->driver->ops;
}

/* One statement, as the core sends it. */
static inline int x(mig_conn *c, const char *sql)
{
	return ops(c)->exec(c, sql, strlen(sql));
}

/* A scratch database for a test group: CREATE DATABASE <name><tail> on
 * the server; *url (caller frees) then points at it (url_with_db, from
 * the engine's support header). 0, or -1 when it cannot be made. */
static inline int scratch_db_create(const char *server_url, const char *name, const char *tail, char **url)
{
	mig_conn *c = open_url(server_url, NULL);
	char *sql = mig_aprintf("CREATE DATABASE %s%s", name, tail);
	int rc = x(c, sql);
	free(sql);
	ops(c)->close(c);
	if (rc)
		return -1;
	*url = url_with_db(server_url, name);
	return 0;
}

/* DROP DATABASE IF EXISTS <name><tail>; frees *url. */
static inline void scratch_db_drop(const char *server_url, const char *name, const char *tail, char **url)
{
	mig_conn *c = open_url(server_url, NULL);
	char *sql = mig_aprintf("DROP DATABASE IF EXISTS %s%s", name, tail);
	x(c, sql);
	free(sql);
	ops(c)->close(c);
	free(*url);
	*url = NULL;
	mig_error_clear();
}

/* The one cell of a one-row query (NULL for SQL NULL); caller frees. */
static inline char *query1(mig_conn *c, const char *sql)
{
	mig_rows *rows = NULL;
	if (ops(c)->query(c, sql, &rows) != 0)
		fail_msg("%s: %s", sql, mig_error_last()->message);
	assert_int_equal(rows->nrows, 1);
	const char *v = mig_rows_get(rows, 0, 0);
	char *out = v ? mig_strdup(v) : NULL;
	mig_rows_free(rows);
	return out;
}

#endif
