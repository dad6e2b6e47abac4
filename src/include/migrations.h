/*
 * migrations: the internal library API. The `migrations` command is a thin
 * layer over these calls; the installed public API (src/include/public/,
 * <migrations.h>: sessions, versioned options, accessors) wraps them in
 * src/api/. This header is not installed: its structs change freely.
 *
 * Every call returns 0 or a negative MIG_E* code with the details in
 * mig_error_last() (error.h). Nothing here prints or exits: output goes
 * through the event callback in mig_options.
 */
#ifndef MIGRATIONS_H
#define MIGRATIONS_H

#include "util/error.h"
#include "migrations/version.h" /* mig_version() */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* node-pg-migrate's advisory lock key: the two tools exclude each other. */
#define MIG_DEFAULT_LOCK_VALUE 7241865325823964LL
#define MIG_DEFAULT_TABLE "pgmigrations"
#define MIG_DEFAULT_DIR "migrations"

enum mig_event_kind {
	MIG_EV_INFO,            /* text: a one-line notice (stderr) */
	MIG_EV_WARNING,         /* text: a warning (stderr) */
	MIG_EV_NOTICE,          /* text: a server notice (shown with --verbose) */
	MIG_EV_PLAN,            /* count: how many migrations will run */
	MIG_EV_MIGRATION_START, /* name, down */
	MIG_EV_STEP,            /* name, text: one SQL step (dry run / verbose) */
	MIG_EV_MIGRATION_DONE,  /* name, down, ms */
	MIG_EV_NOTHING,         /* nothing to run */
	MIG_EV_DONE,            /* count, ms: the run finished */
	/* count migrations, first .. name, committed together (one
	 * transaction of several; a redo's may hold downs and ups) */
	MIG_EV_COMMIT
};

typedef struct mig_event {
	enum mig_event_kind kind;
	const char *name; /* migration name */
	bool down;
	bool bookkeeping; /* STEP: a state-table statement, not the migration's */
	const char *text;
	double ms;
	size_t count;
	/* MIGRATION_DONE: it ran in a transaction still open, so it is not
	 * applied until MIG_EV_COMMIT (and undone if the run fails first). */
	bool uncommitted;
	const char *first; /* COMMIT: the first migration of the transaction */
} mig_event;

typedef void (*mig_event_fn)(void *ud, const mig_event *ev);

struct mig_conn;

typedef struct mig_options {
	const char *database_url;     /* required */
	/* An open connection to database_url that the run uses instead of
	 * opening its own, and leaves open (a library session's, src/api/);
	 * NULL: the run connects and disconnects. */
	struct mig_conn *conn;
	const char *migrations_dir;   /* NULL: "migrations" */
	const char *migrations_table; /* NULL: "pgmigrations" */
	const char *const *schemas;   /* --schema, repeatable; search_path */
	size_t nschemas;
	bool create_schema;
	const char *migrations_schema; /* NULL: the first --schema, else the dialect default */
	bool create_migrations_schema;
	const char *ignore_pattern; /* NULL: dotfiles */
	bool decamelize;
	bool fake;
	bool dry_run;
	bool no_single_transaction; /* one transaction per migration */
	bool no_check_order;
	bool no_lock;
	int64_t lock_value;   /* 0: MIG_DEFAULT_LOCK_VALUE */
	double lock_wait;     /* seconds to wait for the lock; 0 fail at once; <0 forever */
	/* "auto" (NULL): the engine's session lock where it holds, else the
	 * lease row; "session"; "table" (the lease row in <table>_lock). */
	const char *lock_strategy;
	/* How long a lease lasts without renewal, in seconds (0: 30). It is
	 * renewed every third of that while the run lasts; a run that dies
	 * loses it that long after its last renewal. */
	int lock_lease;
	int connect_timeout;  /* seconds; 0: 10 */
	const char *lock_timeout;      /* server-side statement lock wait, e.g. "10s" */
	const char *statement_timeout; /* e.g. "5min" */
	bool timestamp;       /* read a count as a timestamp */
	bool verbose;         /* STEP events for every statement run */
	/* Nothing shows the server's notices and warnings (the command line
	 * without --verbose): a driver need not ask for them. On MySQL that
	 * saves the SHOW WARNINGS after each statement of a text but its last. */
	bool no_notices;
	/* How JS/TS migrations are read: "auto" (NULL; the static reader, and
	 * Node.js for a file it refuses when there is one), "static", "node"
	 * (every JS/TS file through Node.js). */
	const char *js_engine;
	const char *node;     /* the Node.js program; NULL: `node` on PATH */
	int node_timeout;     /* seconds one Node.js evaluation may take; 0: 300 */
	mig_event_fn on_event;
	void *ud;
} mig_options;

/* What a command applies to: everything, a count, or a name. */
typedef struct mig_target {
	bool has_count;
	double count;     /* N (negative taken as |N|) or a timestamp */
	const char *name; /* a migration name, or NULL */
} mig_target;

/* migrate: apply pending migrations (all, the next N, or up to and
 * including `name`). */
int mig_migrate(const mig_options *opts, const mig_target *target);
/* rollback: undo the last one, the last N (0 = all), or every migration
 * down to and including `name`. */
int mig_rollback(const mig_options *opts, const mig_target *target);
/* redo: roll back the last N (default 1) and apply exactly those again,
 * under one lock. */
int mig_redo(const mig_options *opts, const mig_target *target);

typedef struct mig_status_entry {
	char *name;
	char *run_on; /* NULL: pending */
	char *file;   /* path; NULL when the file is gone */
	/* A migration that ran outside a transaction and did not finish (the
	 * journal): it failed half-way, or its run was interrupted. Until
	 * mig_repair() no run changes anything. */
	bool failed;
	bool interrupted;     /* failed: its run ended without marking it */
	bool failed_down;     /* it failed while being rolled back */
	long statements_done; /* failed: its statements known to have run */
	char *error;          /* failed: the failure's message, or NULL */
	char *failed_at;      /* failed: when it started ("2026-12-02 10:11:12 UTC") */
	/* Why its file cannot be read ("path:line:col: message"), or NULL. Only
	 * files status reads are checked: the pending ones (a migrate would
	 * run them), and the applied ones too when opts->verbose. */
	char *unreadable;
} mig_status_entry;

/* Applied migrations in run order, then pending ones in file order; a
 * failed migration appears once, flagged, where it would be otherwise.
 * Reads no applied migration's file unless opts->verbose (see
 * mig_status_entry.unreadable); a file that cannot be read is reported
 * there, not as an error. */
int mig_status(const mig_options *opts, mig_status_entry **out, size_t *n);
void mig_status_free(mig_status_entry *entries, size_t n);

/* Clear a failed or interrupted migration (mig_status_entry.failed)
 * after the database was put right by hand: `applied` true records it as
 * applied (its statements were completed), false as pending (they were
 * undone; a migrate runs it again). MIG_EINPUT when `name` is not a
 * failed migration. Takes the run lock. */
int mig_repair(const mig_options *opts, const char *name, bool applied);

/* sql: the statements a migration runs, without a database. `file` is a
 * path, or a migration name looked up in the migrations folder. `dialect`
 * NULL: the dialect of opts->database_url when set, else postgres. The
 * migration sees the shorthands of the files before it in its folder.
 * For dialects that need the current tables (sqlite), the earlier
 * migrations are replayed into a scratch database first. *out holds the
 * steps joined by newlines (caller frees). */
int mig_sql(const mig_options *opts, const char *file, const char *dialect,
	    bool down, char **out);

typedef struct mig_create_opts {
	const char *migrations_dir; /* NULL: "migrations" */
	const char *language;       /* js ts sql cjs mjs cts mts; NULL: js */
	const char *filename_format; /* timestamp (default) | utc | index */
	const char *const *words;   /* the name, as words joined with '-' */
	size_t nwords;
	const char *ignore_pattern;
	/* A file to copy instead of the language's template; the new file
	 * takes its extension (node-pg-migrate's --template-file-name). */
	const char *template_file;
} mig_create_opts;

/* create: a new empty migration; *path is the file written (caller frees). */
int mig_create(const mig_create_opts *opts, char **path);

typedef struct mig_auth_opts {
	const char *migrations_dir; /* NULL: "migrations" */
	const char *language;       /* js (default) or ts */
	bool force;                 /* write even when an auth migration exists */
} mig_auth_opts;

/*
 * auth: write the auth-system migration <timestamp>_auth-system.<js|ts>.
 * When the folder already has an auth migration: with the same text, it
 * writes nothing, sets *existing and succeeds; with another text it fails
 * (MIG_ESTATE) unless opts->force. *path is the file written or found
 * (caller frees).
 */
int mig_auth(const mig_auth_opts *opts, char **path, bool *existing);
/* The auth-system migration's text in a language ("js" or "ts"); NULL
 * with the error set for another language. Caller frees. */
char *mig_auth_text(const char *language);

/* One attempt to connect to opts->database_url and close again: 0 when
 * the server accepts the connection; MIG_ENODATABASE when it answers
 * that the database does not exist; MIG_ECONNECT otherwise. An embedded
 * engine's file is not created. */
int mig_ping(const mig_options *opts);
/* Create the database opts->database_url names unless it exists (a
 * server engine: from a session without it; SQLite: the file). *created
 * says whether it was made now. MIG_ENOTSUPPORTED for a driver that
 * cannot. */
int mig_create_database(const mig_options *opts, bool *created);

#endif
