/*
 * The dialect interface: (typed operation, catalog) -> SQL steps.
 * Dialects are pure: they never connect, print or exit.
 *
 * A step is what node-pg-migrate hands to one client.query(): its text is
 * one or more statements joined by newlines, and the dialect says where
 * each statement begins and ends, so no driver ever splits generated SQL
 * again. User-written SQL (.sql files, pgm.sql) is the only text that is
 * split, by the dialect's splitter, which knows its engine's quoting,
 * comments and bodies.
 *
 * Dialects whose output depends on the tables as they are now (SQLite
 * rebuilds a table; MySQL restates columns) read them from the catalog
 * (engine/catalog.h): the live database through the dialect's own
 * introspection reader, or the in-memory model advanced through the
 * earlier migrations (offline `sql`, dry runs).
 *
 * Adding a dialect = one folder in dialects/ with a `const mig_dialect`,
 * plus one line in dialects/registry.c. Members marked "optional" may be
 * NULL; new members are only ever appended, and `version` says which
 * members a table has (checked when the registry is first used).
 */
#ifndef MIG_DIALECT_H
#define MIG_DIALECT_H

#include "dialects/catalog.h"
#include "ir/ir.h"
#include "ir/opdef.h"
#include "util/sql.h"
#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>

#define MIG_DIALECT_VERSION 5

/* mig_dialect.flags */
enum {
	/* emit() needs the catalog for some operations. */
	MIG_DIALECT_NEEDS_CATALOG = 1u << 0,
	/* apply() follows what an operation did to the tables closely enough
	 * that a live run advances what it read of them instead of reading
	 * them again after every operation (reading is slow where the engine
	 * has to open every table's metadata: MySQL's information_schema).
	 * An operation apply() cannot follow says so through ctx->warn, and
	 * the run then reads again. User SQL whose every statement only
	 * touches rows (INSERT, UPDATE, DELETE, SELECT, ...) is taken to
	 * leave the tables as they were: a dialect sets this only for an
	 * engine whose triggers and functions cannot run DDL. */
	MIG_DIALECT_FOLLOWS_LIVE = 1u << 1,
};

/* op_flags() results */
enum {
	/* The operation may rebuild a table: run its migration in a
	 * transaction begun with MIG_TXN_RELAXED_FK. */
	MIG_OPF_RELAXED_FK = 1u << 0,
};

/* ---- context --------------------------------------------------------- */

/* Where the state table is; the bookkeeping tables a dialect keeps (the
 * lease, the journal, enum types where the engine has none) are named
 * after it, next to it. */
typedef struct mig_state_names {
	const char *schema; /* migrations schema; NULL = engine default */
	const char *table;  /* "pgmigrations" */
} mig_state_names;


typedef struct mig_emit_ctx {
	/* The tables as they are now (NULL: none at all). */
	mig_catalog *catalog;
	const mig_server_info *server; /* never NULL (zeroed offline) */
	const char *file;              /* the migration's path, for messages */
	/* A notice for the user (an operation skipped on this engine, ...);
	 * may be NULL. */
	void (*warn)(void *ud, const char *message);
	void *warn_ud;
	/* The state table of the run; NULL: pgmigrations in the default
	 * schema. */
	const mig_state_names *names;
	/* The statements run outside any transaction (noTransaction(), or an
	 * engine without transactional DDL): what the runner checks before a
	 * COMMIT (SQLite's foreign keys after a rebuild) is the dialect's to
	 * check. */
	bool outside_txn;
} mig_emit_ctx;

/* How a dialect's reader asks the live database. */
typedef struct mig_query_io {
	int (*query)(void *ud, const char *sql, mig_rows **out);
	void *ud;
	/* The state table of the run (bookkeeping tables are named after
	 * it); NULL: pgmigrations in the default schema. */
	const mig_state_names *names;
} mig_query_io;

enum mig_introspect_what {
	MIG_INTROSPECT_TABLE, /* one table, with its indexes and triggers */
	MIG_INTROSPECT_ALL,   /* every table, view and enum type */
	MIG_INTROSPECT_ENUMS  /* the enum types */
};

/* ---- the state table --------------------------------------------------- */
enum mig_state_stmt {
	MIG_STATE_EXISTS,   /* query: one row when the table exists */
	MIG_STATE_CREATE,   /* create the table */
	MIG_STATE_PK_CHECK, /* query: the table's primary key rows (optional) */
	MIG_STATE_PK_FIX,   /* add the missing primary key (optional) */
	MIG_STATE_SELECT,   /* query: name, run_on ORDER BY run_on, id */
	MIG_STATE_INSERT,   /* record `name` as run now */
	MIG_STATE_DELETE,   /* un-record `name` */
	MIG_STATE_CREATE_SCHEMA, /* create the migrations schema if missing */
	/* optional: INSERT and DELETE with the name as the statement's one
	 * parameter, for a driver's exec_bound (drivers/driver.h); empty
	 * where the dialect has none */
	MIG_STATE_INSERT_BOUND,
	MIG_STATE_DELETE_BOUND,
	/* optional: one INSERT of every name of a JSON array of strings bound
	 * as the one parameter, ids in the array's order, one run_on; where
	 * the server has MIG_SERVER_JSON_ROWS. A statement that fails leaves
	 * none of its rows. */
	MIG_STATE_INSERT_BOUND_MANY
};

/* The lease lock's statements (engine/lock_lease.c): one row with id 1
 * in <migrations table>_lock, times in seconds on the server's clock. */
enum mig_lock_stmt {
	MIG_LOCK_CREATE,  /* create the table if missing */
	MIG_LOCK_TAKE,    /* one statement: insert our lease, or take over an expired one */
	MIG_LOCK_READ,    /* query: owner, acquired_at, expires_at, now */
	MIG_LOCK_RENEW,   /* push our lease's expiry forward */
	MIG_LOCK_RELEASE  /* delete our lease */
};

/*
 * The journal, <migrations table>_journal: a row for each migration that
 * runs outside a transaction (an engine without transactional DDL, or
 * noTransaction()), written before its first statement. Its record (the
 * bookkeeping INSERT or DELETE) ends it: a "running" row the migrations
 * table agrees with is complete, and the run deletes such rows at its
 * end (SELECT says which, PRUNE deletes them by name). Any other row on
 * the next run is a migration that failed half-way ("failed") or whose
 * run died ("running"): engine/journal.c.
 */
enum mig_journal_stmt {
	MIG_JOURNAL_CREATE,   /* create the table if missing */
	MIG_JOURNAL_SELECT,   /* query: name, direction, state, statements_done,
			       * started_at (seconds since the epoch), owner, error,
			       * complete (1: the migrations table agrees with it) */
	MIG_JOURNAL_START,    /* insert `name` running, 0 statements done,
			       * replacing a row of it left complete */
	MIG_JOURNAL_PROGRESS, /* set its statements_done */
	MIG_JOURNAL_FAIL,     /* mark it failed, with statements_done and error */
	MIG_JOURNAL_CLEAR,    /* delete its row */
	MIG_JOURNAL_PRUNE     /* delete the running rows of `names` (complete ones,
			       * as a SELECT under the run's lock said) */
};

/* What a journal statement writes (the members it needs). */
typedef struct mig_journal_args {
	const char *name;
	const char *direction; /* "up" or "down" */
	const char *owner;     /* the run: "host:pid:random" */
	long statements_done;
	const char *error;     /* the failure's message */
	const char *const *names; /* PRUNE: the rows to delete (nnames >= 1) */
	size_t nnames;
} mig_journal_args;

/* Session settings applied right after connecting. */
typedef struct mig_session_opts {
	const char *const *schemas; /* --schema list; NULL/empty = default */
	size_t nschemas;
	bool create_schemas;        /* --create-schema */
	const char *lock_timeout;      /* e.g. "10s"; NULL = leave it */
	const char *statement_timeout; /* e.g. "5min"; NULL = leave it */
	/* What the connection learnt of the server (its settings differ by
	 * flavour and version); never NULL. */
	const mig_server_info *server;
} mig_session_opts;

typedef struct mig_dialect {
	unsigned version;
	const char *name; /* "postgres", "sqlite", "mysql" */
	const char *display; /* "PostgreSQL", "SQLite", "MySQL/MariaDB" (in messages) */
	unsigned flags;   /* MIG_DIALECT_* */

	/* required: append the steps of one operation from `def`, its typed
	 * form (the raw op only names and locates it in messages). Errors
	 * name the operation and the dialect; the caller adds file:line. A
	 * failing operation appends nothing. */
	int (*emit)(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps);
	/* optional: why the dialect cannot express an operation kind at all
	 * (asked before the operation's arguments are analysed), or NULL. */
	const char *(*refuses)(enum mig_op_kind kind);
	/* optional: MIG_OPF_* for an operation, from its definition (before
	 * emitting it). */
	unsigned (*op_flags)(const mig_opdef *def);

	/* optional (required with MIG_DIALECT_NEEDS_CATALOG): read the live
	 * database into the model (one table: *found false when there is
	 * none). */
	int (*introspect)(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
			  bool *found);
	/* optional: advance the in-memory model past one operation, from its
	 * definition and the steps emit() made for it (offline runs and dry
	 * runs). */
	int (*apply)(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		     mig_model *m);

	/* required: the state table's statements. Optional statements write
	 * nothing and return 0 when the dialect has no such step. */
	int (*state_sql)(const mig_state_names *names, enum mig_state_stmt which,
			 const char *migration_name, mig_str *out);
	/* required: the lease lock's statements (owner: this run's id;
	 * seconds: how long a lease lasts). */
	int (*lock_sql)(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
			mig_str *out);
	/* optional: statements that set up the session and pin what this
	 * dialect's quoting assumes (standard_conforming_strings, sql_mode),
	 * then search_path and timeouts. */
	int (*session_sql)(const mig_session_opts *opts, mig_strv *stmts);
	/* required: user SQL -> statement bounds (n = 0: it cannot tell, the
	 * text then runs undivided). Arrays are the caller's to free. */
	int (*split)(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);
	/* Default migrations schema when none is given (NULL = none). */
	const char *default_schema;
	/* required (version 3): the journal's statements (see above). */
	int (*journal_sql)(const mig_state_names *names, enum mig_journal_stmt which, const mig_journal_args *args,
			   mig_str *out);
	/* optional (version 4): the settings to restate at the start of every
	 * transaction when the session does not keep them (the server facts
	 * say MIG_SERVER_POOLED: behind a transaction pooler each transaction
	 * may run on another server session). session_sql then sets only what
	 * the pooler itself carries over. */
	int (*txn_sql)(const mig_session_opts *opts, mig_strv *stmts);
	/* optional (version 5): text as a string literal of this engine, as
	 * the session pins its quoting (the parameters of pgm.db queries in
	 * files the Node.js engine evaluates; without it they are refused). */
	void (*quote_literal)(mig_str *out, const char *text);
} mig_dialect;

/* dialects/registry.c */
const mig_dialect *mig_dialect_find(const char *name);
/* "postgres|mysql|sqlite" for messages, from the registry. */
const char *mig_dialect_names(void);

#endif
