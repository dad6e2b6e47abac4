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
