#include "engine/catalog.h"

#include "engine/conn.h"

static int conn_query(void *ud, const char *sql, mig_rows **out)
{
	return mig__conn_query(ud, sql, out);
}

mig_catalog mig_catalog_for_conn(mig_conn *conn)
{
	mig_catalog c = {conn_query, conn};
	return c;
}
