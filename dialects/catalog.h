/*
 * What a dialect sees of the database it emits for. The engine provides
 * it (engine/catalog.c): wired to the live connection, or to the
 * in-memory model for offline runs.
 */
#ifndef MIG_DIALECT_CATALOG_H
#define MIG_DIALECT_CATALOG_H

#include "util/rows.h"

typedef struct mig_catalog mig_catalog;

struct mig_catalog {
	/* Run a read-only query on the live database; rows are the
	 * caller's to free. NULL when there is no live database. */
	int (*query)(void *ud, const char *sql, mig_rows **out);
	void *ud;
};

#endif
