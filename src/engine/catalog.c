#include "engine/catalog.h"

static int conn_query(void *ud, const char *sql, mig_rows **out)
{
	mig_conn *conn = ud;
	return conn->driver->ops->query(conn, sql, out);
}

mig_catalog mig_catalog_for_conn(mig_conn *conn)
{
	mig_catalog c = {conn_query, conn};
	return c;
}
