/* PostgreSQL driver (libpq): stub until the PostgreSQL backend issue lands. */
#include "drivers/driver.h"

#include "error.h"

static int pg_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	(void)drv;
	(void)opts;
	*out = NULL;
	return mig_error_set(MIG_EINPUT, "the PostgreSQL driver is not written yet (%s)", url->redacted);
}

static void pg_close(mig_conn *c)
{
	(void)c;
}

static int pg_fail(void)
{
	return mig_error_set(MIG_ERROR, "the PostgreSQL driver is not written yet");
}

static int pg_exec(mig_conn *c, const char *sql)
{
	(void)c;
	(void)sql;
	return pg_fail();
}

static int pg_query(mig_conn *c, const char *sql, mig_rows **out)
{
	(void)c;
	(void)sql;
	*out = NULL;
	return pg_fail();
}

static int pg_begin(mig_conn *c, unsigned flags)
{
	(void)c;
	(void)flags;
	return pg_fail();
}

static int pg_txn(mig_conn *c)
{
	(void)c;
	return pg_fail();
}

const mig_driver_ops mig_postgres_driver_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.query = pg_query,
	.begin = pg_begin,
	.commit = pg_txn,
	.rollback = pg_txn,
};
