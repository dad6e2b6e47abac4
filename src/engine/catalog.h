/*
 * The catalog of a run (dialects/catalog.h): for a live connection, the
 * dialect's reader behind it; offline, the in-memory model alone.
 */
#ifndef MIG_CATALOG_H
#define MIG_CATALOG_H

#include "dialects/catalog.h"
#include "dialects/dialect.h"
#include "drivers/driver.h"

/* What a live catalog reads through (conn and dialect borrowed). */
typedef struct mig_live_source {
	mig_catalog_source source;
	mig_query_io io;
	const mig_dialect *dialect;
} mig_live_source;

/* A catalog reading conn through the dialect's reader; *src must outlive
 * the catalog. A dialect without a reader gets an offline catalog. */
void mig_catalog_init_live(mig_catalog *c, mig_live_source *src, mig_conn *conn, const mig_dialect *dia,
			   const mig_state_names *names);

#endif
