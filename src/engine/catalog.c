#include "engine/catalog.h"

#include "engine/conn.h"

static int conn_query(void *ud, const char *sql, mig_rows **out)
{
	return mig__conn_query(ud, sql, out);
}

static int read_table(void *ud, mig_model *m, const char *name, bool *found)
{
	mig_live_source *s = ud;
	return s->dialect->introspect(&s->io, MIG_INTROSPECT_TABLE, name, m, found);
}

static int read_all(void *ud, mig_model *m)
{
	mig_live_source *s = ud;
	return s->dialect->introspect(&s->io, MIG_INTROSPECT_ALL, NULL, m, NULL);
}

static int read_enums(void *ud, mig_model *m)
{
	mig_live_source *s = ud;
	return s->dialect->introspect(&s->io, MIG_INTROSPECT_ENUMS, NULL, m, NULL);
}

void mig_catalog_init_live(mig_catalog *c, mig_live_source *src, mig_conn *conn, const mig_dialect *dia,
			   const mig_state_names *names)
{
	src->source = (mig_catalog_source){read_table, read_all, read_enums, src};
	src->io = (mig_query_io){conn_query, conn, names};
	src->dialect = dia;
	mig_catalog_init(c, dia->introspect ? &src->source : NULL);
}
