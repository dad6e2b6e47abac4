/*
 * Typed indexes: createIndex and dropIndex (renameIndex uses the generic
 * mig_rename_def). See defs/base.h for the conventions.
 */
#ifndef MIG_DEFS_INDEXES_H
#define MIG_DEFS_INDEXES_H

#include "ir/defs/base.h"

/* One column of createIndex, as generateColumnString() writes it. */
typedef struct mig_index_column_def {
	/* A plain column is a name to quote. pgm.func() and a string that
	 * looks like an expression are SQL (raw = true), the expression
	 * already parenthesised unless it ends with ')', as node-pg-migrate
	 * does. */
	mig_qname column;
	mig_qname *opclass;       /* literal(opclass), NULL when falsy */
	/* String(opclass), NULL when falsy: for dialects without operator
	 * classes, which can only say what they skip. */
	const char *opclass_text;
	const char *sort;         /* a non-empty string, else NULL (node-pg-migrate ignores the rest) */
} mig_index_column_def;

typedef struct mig_create_index_def {
	mig_qname table;
	/* options.name, else generateIndexName() of the bare table name:
	 * never qualified by the table's schema (a {schema, name}
	 * options.name keeps its own). */
	mig_qname name;
	mig_index_column_def *columns;
	size_t ncolumns;
	bool unique, concurrently, if_not_exists;
	const char *method;  /* String(), NULL when falsy */
	mig_qnames *include; /* NULL when !include (an empty array is truthy) */
	const char *nulls;   /* upper-cased ("DISTINCT", "NOT DISTINCT"), NULL when falsy */
	const char *where;   /* String(), NULL when falsy */
} mig_create_index_def;

typedef struct mig_drop_index_def {
	/* options.name or generateIndexName() of the table as given, so
	 * qualified by a {schema, name} table's schema. */
	mig_qname name;
	bool concurrently, if_exists, cascade;
	/* String(method), NULL when falsy: node-pg-migrate's dropIndex
	 * ignores it, dialects with a single index method mention it. */
	const char *method;
} mig_drop_index_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_INDEXES_MEMBERS             \
	mig_create_index_def create_index;   \
	mig_drop_index_def drop_index;

#endif
