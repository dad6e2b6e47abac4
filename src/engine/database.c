/*
 * The database itself, before any migration: whether its server accepts
 * connections (`wait`), and creating it when it is missing
 * (`create-database`). How an engine creates a database is its driver's
 * business (mig_driver_ops.create_database); this only finds the driver.
 */
#define _POSIX_C_SOURCE 200809L
#include "migrations.h"

#include "drivers/driver.h"
#include "engine/conn.h"
#include "engine/runner.h"
#include "util/error.h"

#define CONNECT_TIMEOUT_S 10

static mig_conn_opts conn_opts(const mig_options *o)
{
	return (mig_conn_opts){.connect_timeout = o->connect_timeout > 0 ? o->connect_timeout : CONNECT_TIMEOUT_S};
}

int mig_ping(const mig_options *opts)
{
	mig_url url;
	const mig_dialect *dia;
	int rc = mig__resolve_url(opts->database_url, &url, &dia);
	if (rc)
		return rc;
	mig_conn_opts co = conn_opts(opts);
	/* opening a file would create it: a file engine has no server to wait for */
	co.no_create = true;
	mig_conn *conn = NULL;
	if ((rc = mig_driver_open(&url, &co, &conn)) == 0)
		mig__conn_close(conn);
	mig_url_dispose(&url);
	return rc;
}

int mig_create_database(const mig_options *opts, bool *created)
{
	*created = false;
	mig_url url;
	const mig_dialect *dia;
	int rc = mig__resolve_url(opts->database_url, &url, &dia);
	if (rc)
		return rc;
	mig_conn_opts co = conn_opts(opts);
	rc = mig_driver_create_database(&url, &co, created);
	mig_url_dispose(&url);
	return rc;
}
