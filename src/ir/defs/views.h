/*
 * Typed views and materialized views: createView, alterView,
 * alterViewColumn, createMaterializedView, alterMaterializedView and
 * refreshMaterializedView (dropView and dropMaterializedView use
 * mig_drop_def; renameView, renameMaterializedView and
 * renameMaterializedViewColumn mig_rename_def, the last with target = the
 * view and from = the column). See defs/base.h for the conventions.
 */
#ifndef MIG_DEFS_VIEWS_H
#define MIG_DEFS_VIEWS_H

#include "ir/defs/base.h"
#include "ir/defs/tables.h"

/* One key of a view's options or storageParameters object, in key order. */
typedef struct mig_view_option {
	const char *key;
	const char *value; /* String(value); NULL when the value is true (the key alone) */
	bool reset;        /* the value is null: the alter operations RESET the key */
} mig_view_option;

typedef struct mig_view_options {
	mig_view_option *v;
	size_t n;
} mig_view_options;

typedef struct mig_create_view_def {
	mig_qname name;
	mig_qnames columns;         /* empty: none */
	/* WITH (...); dialects without view options name each key they skip */
	mig_view_options options;
	bool replace, temporary;
	bool recursive;             /* kept for dialects that must refuse it */
	const char *definition;     /* String(definition) */
	const char *check_option;   /* String(checkOption), NULL when falsy; a
				     * dialect with read-only views says it skips it */
} mig_create_view_def;

typedef struct mig_alter_view_def {
	mig_qname name;
	/* options, with checkOption as check_option (node-pg-migrate refuses
	 * both); SET the keys with a value, RESET those that are null */
	mig_view_options options;
} mig_alter_view_def;

typedef struct mig_alter_view_column_def {
	mig_qname view, column;
	enum mig_alter_action default_action; /* CHANGE: SET DEFAULT; DROP: default null; KEEP: nothing */
	const mig_value *default_value;
} mig_alter_view_column_def;

typedef struct mig_create_materialized_view_def {
	mig_qname name;
	mig_qnames columns;         /* empty: none */
	mig_view_options storage;   /* WITH (...) */
	bool if_not_exists;
	mig_qname *tablespace;      /* NULL when falsy */
	const char *definition;     /* String(definition) */
	enum mig_tristate data;     /* SET: WITH DATA; UNSET: WITH NO DATA (falsy) */
} mig_create_materialized_view_def;

typedef struct mig_alter_materialized_view_def {
	mig_qname name;
	enum mig_tristate cluster;  /* SET: CLUSTER ON cluster_index; UNSET: SET WITHOUT CLUSTER (falsy) */
	mig_qname cluster_index;
	mig_qname *extension;       /* DEPENDS ON EXTENSION; NULL when falsy */
	mig_view_options storage;   /* SET (...) / RESET (...) */
} mig_alter_materialized_view_def;

typedef struct mig_refresh_materialized_view_def {
	mig_qname name;
	bool concurrently;
	enum mig_tristate data;     /* as for createMaterializedView */
} mig_refresh_materialized_view_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_VIEWS_MEMBERS                                      \
	mig_create_view_def create_view;                            \
	mig_alter_view_def alter_view;                              \
	mig_alter_view_column_def alter_view_column;                \
	mig_create_materialized_view_def create_materialized_view;  \
	mig_alter_materialized_view_def alter_materialized_view;    \
	mig_refresh_materialized_view_def refresh_materialized_view;

#endif
