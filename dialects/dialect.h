/*
 * The dialect interface: (operation, catalog) -> SQL steps. Dialects are
 * pure: they never connect, print or exit. A "step" is one string the
 * driver executes in one call (node-pg-migrate's client.query()); it may
 * hold several statements (a createTable and its COMMENTs, for example).
 *
 * Dialects whose output depends on the table as it is now (SQLite rebuilds
 * a table; MySQL restates columns) read it through the catalog: a query
 * callback the runner wires to the live connection, or to a scratch
 * database for the offline `sql` command.
 *
 * Adding a dialect = one file in dialects/ with a `const mig_dialect`,
 * plus one line in dialects/registry.c.
 */
#ifndef MIG_DIALECT_H
#define MIG_DIALECT_H

#include "drivers/driver.h"
#include "ir/ir.h"
#include "util/str.h"

#define MIG_DIALECT_VERSION 1

/* mig_dialect.flags */
enum {
	/* emit() needs a catalog for some operations. */
	MIG_DIALECT_NEEDS_CATALOG = 1u << 0,
};

/* op_flags() results */
enum {
	/* The operation may rebuild a table: run its migration in a
	 * transaction begun with MIG_TXN_RELAXED_FK. */
	MIG_OPF_RELAXED_FK = 1u << 0,
};

typedef struct mig_catalog {
	/* Run a read-only query; rows are the caller's to free. */
	int (*query)(void *ud, const char *sql, mig_rows **out);
	void *ud;
} mig_catalog;

typedef struct mig_emit_ctx {
	/* Shorthands of this file and every file before it, merged in sort
	 * order (an OBJECT), or NULL. */
	const mig_value *shorthands;
	bool decamelize;
	const char *file;          /* the migration's path, for messages */
	const mig_catalog *catalog; /* NULL when there is no database at all */
	/* A notice for the user (an operation skipped on this engine, ...);
	 * may be NULL. */
	void (*warn)(void *ud, const char *message);
	void *warn_ud;
} mig_emit_ctx;

/* What the state table is called. */
typedef struct mig_state_names {
	const char *schema; /* migrations schema; NULL = engine default */
	const char *table;  /* "pgmigrations" */
} mig_state_names;

enum mig_state_stmt {
	MIG_STATE_EXISTS,   /* query: one row when the table exists */
	MIG_STATE_CREATE,   /* create the table */
	MIG_STATE_PK_CHECK, /* query: the table's primary key rows (optional) */
	MIG_STATE_PK_FIX,   /* add the missing primary key (optional) */
	MIG_STATE_SELECT,   /* query: name, run_on ORDER BY run_on, id */
	MIG_STATE_INSERT,   /* record `name` as run now */
	MIG_STATE_DELETE,   /* un-record `name` */
	MIG_STATE_CREATE_SCHEMA /* create the migrations schema if missing */
};

/* Session settings applied right after locking (search_path, ...). */
typedef struct mig_session_opts {
	const char *const *schemas; /* --schema list; NULL/empty = default */
	size_t nschemas;
	bool create_schemas;        /* --create-schema */
} mig_session_opts;

typedef struct mig_dialect {
	unsigned version;
	const char *name; /* "postgres", "sqlite", "mysql" */
	unsigned flags;   /* MIG_DIALECT_* */

	/* required: append the steps of one operation to *steps. Errors name
	 * the operation and the dialect; the caller adds file:line. */
	int (*emit)(const mig_emit_ctx *ctx, const mig_op *op, mig_strv *steps);
	/* optional: MIG_OPF_* for an operation (before emitting it). */
	unsigned (*op_flags)(const mig_op *op);

	/* required: quoting. Every identifier and literal goes through these. */
	void (*quote_ident)(mig_str *out, const char *ident);
	void (*quote_literal)(mig_str *out, const char *text);

	/* required: the state table's statements. Optional statements write
	 * nothing and return 0 when the dialect has no such step. */
	int (*state_sql)(const mig_state_names *names, enum mig_state_stmt which,
			 const char *migration_name, mig_str *out);
	/* optional: steps that set up the session (search_path, ...). */
	int (*session_sql)(const mig_session_opts *opts, mig_strv *steps);
	/* Default migrations schema when none is given (NULL = none). */
	const char *default_schema;
} mig_dialect;

/* dialects/registry.c */
const mig_dialect *mig_dialect_find(const char *name);
/* "postgres|mysql|sqlite" for messages. */
const char *mig_dialect_names(void);

#endif
