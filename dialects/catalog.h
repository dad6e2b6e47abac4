/*
 * What a dialect sees of the database it emits for: the shared table model
 * (dialects/common/model.h), filled as needed from a source, or the
 * in-memory model alone.
 *
 * - Live (a real run): tables are read from the database by the dialect's
 *   reader when first asked for, and forgotten (mig_catalog_reset) once
 *   an operation has changed the database.
 * - Offline (`sql`) and dry runs: the model is advanced by each operation
 *   (mig_dialect.apply) instead; a dry run against a live database reads
 *   it whole first (mig_catalog_freeze).
 * The engine (engine/catalog.c) builds the source; dialects only ask.
 */
#ifndef MIG_DIALECT_CATALOG_H
#define MIG_DIALECT_CATALOG_H

#include "dialects/common/model.h"
#include "util/rows.h"

#include <stdbool.h>

typedef struct mig_catalog mig_catalog;

/* Where a model comes from when it is not in memory yet. */
typedef struct mig_catalog_source {
	/* Read table `name` (with its indexes and triggers) into m; *found
	 * false when there is none. */
	int (*table)(void *ud, mig_model *m, const char *name, bool *found);
	/* Read every table, view and enum type into m. */
	int (*all)(void *ud, mig_model *m);
	/* Read the enum types into m. */
	int (*enums)(void *ud, mig_model *m);
	void *ud;
} mig_catalog_source;

struct mig_catalog {
	mig_model model;
	const mig_catalog_source *source; /* NULL: the model is all there is */
	bool complete;     /* the model holds every table, view and enum */
	bool enums_loaded;
	mig_strv looked_up; /* tables already asked of the source (found or not) */
};

void mig_catalog_init(mig_catalog *c, const mig_catalog_source *source);
void mig_catalog_dispose(mig_catalog *c);
/* Forget what was read: the database has changed. */
void mig_catalog_reset(mig_catalog *c);
/* Forget what was read once the model holds more than max_tables tables,
 * where the source can read them again (a live catalog): called between
 * migrations, so that a model that follows a long run does not grow with
 * it. A frozen or offline model is all there is and is kept. */
void mig_catalog_bound(mig_catalog *c, size_t max_tables);
/* Read everything now; from then on only the model answers. */
int mig_catalog_freeze(mig_catalog *c);

/* A table as it is now (*out NULL: there is none). Borrowed until the
 * next call that changes the catalog. */
int mig_catalog_table(mig_catalog *c, const char *name, const mig_mtable **out);
/* The whole schema. */
int mig_catalog_schema(mig_catalog *c, const mig_model **out);
/* An enum type's values (*out NULL: no such type). */
int mig_catalog_enum(mig_catalog *c, const char *name, const mig_menum **out);
/* The model to advance in memory (offline, dry runs). */
mig_model *mig_catalog_model(mig_catalog *c);

#endif
