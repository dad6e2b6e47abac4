/**
 * @file migrations/session.h
 * @brief A session: one database, one migrations folder, many runs.
 *
 *     mig_session *s;
 *     mig_session_options o = MIG_SESSION_OPTIONS_INIT;
 *     o.migrations_dir = "migrations";
 *     if (mig_session_open(&s, "sqlite:app.db", &o) < 0 ||
 *         mig_session_migrate(s, NULL) < 0)
 *             fprintf(stderr, "%s\n", mig_error_get_message(mig_error_last()));
 *     mig_free(s);
 *
 * The session connects once, at mig_session_open(), and every later call
 * runs on that connection (an SQLite `sqlite::memory:` database lives as
 * long as the session). Each run still takes the migration lock and reads
 * the state table afresh, so other processes may migrate the same
 * database in between. When a call finds the connection gone it fails
 * with MIG_ECONNLOST and the next call connects again.
 *
 * A session is used by one thread at a time. Nothing here prints or
 * exits: what a run has to say reaches the event callback.
 */
#ifndef MIGRATIONS_SESSION_H
#define MIGRATIONS_SESSION_H

#include "migrations/common.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

MIG_BEGIN_DECL

/** An open session (opaque). Free with mig_free(). */
typedef struct mig_session mig_session;

/** What a run reports as it goes. */
typedef enum mig_event_type {
	MIG_EVENT_INFO = 1,        /**< text: a one-line notice */
	MIG_EVENT_WARNING,         /**< text: a warning */
	MIG_EVENT_NOTICE,          /**< text: a message from the server */
	MIG_EVENT_PLAN,            /**< count: how many migrations will run */
	MIG_EVENT_MIGRATION_START, /**< migration, down */
	MIG_EVENT_STEP,            /**< migration, text: one SQL step (verbose or dry run) */
	MIG_EVENT_MIGRATION_DONE,  /**< migration, down, ms */
	MIG_EVENT_NOTHING,         /**< nothing to run */
	MIG_EVENT_DONE             /**< count, ms: the run finished */
} mig_event_type;

/** One event, valid only during the callback. The library allocates it,
 * so members may be appended in later versions. */
typedef struct mig_session_event {
	mig_event_type type;
	const char *migration; /**< the migration's name, or NULL */
	bool down;             /**< it is being rolled back */
	bool bookkeeping;      /**< STEP: a state-table statement, not the migration's */
	const char *text;      /**< or NULL */
	double ms;             /**< duration */
	size_t count;
} mig_session_event;

typedef void (*mig_session_event_cb)(const mig_session_event *event, void *payload);

/**
 * How a session works; the same meaning as the command line's options of
 * the same names (docs/cli.md). Start from MIG_SESSION_OPTIONS_INIT (or
 * mig_session_options_init()) and set what you need: members are only
 * appended, and `version` tells the library which ones the caller knows.
 * Strings are copied by mig_session_open().
 */
typedef struct mig_session_options {
	unsigned int version;         /**< MIG_SESSION_OPTIONS_VERSION */
	const char *migrations_dir;   /**< NULL: "migrations" */
	const char *migrations_table; /**< NULL: "pgmigrations" */
	const char *schema;           /**< --schema (search path); NULL: the engine's default */
	const char *migrations_schema; /**< NULL: schema, else the engine's default */
	bool create_schema;           /**< --create-schema */
	bool create_migrations_schema; /**< --create-migrations-schema */
	bool transaction_per_migration; /**< --no-single-transaction */
	bool no_check_order;          /**< --no-check-order */
	bool no_lock;                 /**< --no-lock */
	double lock_wait;             /**< seconds to wait for the lock; 0: fail at once; < 0: forever */
	int connect_timeout;          /**< seconds; 0: 10 */
	const char *lock_timeout;     /**< server-side lock wait, e.g. "10s"; NULL: none */
	const char *statement_timeout; /**< e.g. "5min"; NULL: none */
	const char *ignore_pattern;   /**< files to skip, a POSIX extended regex; NULL: dotfiles */
	const char *lock_strategy;    /**< "auto" (NULL), "session" or "table" (--lock-strategy) */
	int64_t lock_value;           /**< PostgreSQL advisory lock key; 0: node-pg-migrate's */
	int lock_lease;               /**< seconds a lease lasts unrenewed; 0: 30 */
	bool decamelize;              /**< --decamelize */
	bool verbose;                 /**< STEP events for every statement run */
	mig_session_event_cb on_event; /**< NULL: events are dropped */
	void *payload;                /**< passed to on_event */
} mig_session_options;

#define MIG_SESSION_OPTIONS_VERSION 1
/* Designated in C, so that -Wextra stays quiet; C++ before C++20 has no
 * designated initializers, so there every member is listed (the header
 * test compiles it with -Wextra -Werror, which catches a forgotten one). */
#ifdef __cplusplus
#define MIG_SESSION_OPTIONS_INIT                                                                          \
	{MIG_SESSION_OPTIONS_VERSION, NULL, NULL, NULL, NULL, false, false, false, false, false, 0.0, 0, NULL, \
	 NULL, NULL, NULL, 0, 0, false, false, NULL, NULL}
#else
#define MIG_SESSION_OPTIONS_INIT {.version = MIG_SESSION_OPTIONS_VERSION}
#endif

/** Reset `opts` to the defaults of that version: 0, or MIG_EUSAGE for a
 * version this library does not know. */
MIG_EXTERN int mig_session_options_init(mig_session_options *opts, unsigned int version);

/**
 * What one migrate / rollback / redo applies to. NULL, or a zeroed
 * count with no name, means the command's default: migrate everything
 * pending; roll back, or redo, the last one.
 */
typedef struct mig_run_options {
	unsigned int version; /**< MIG_RUN_OPTIONS_VERSION */
	bool has_count;       /**< count is set */
	unsigned long count;  /**< the next / last N; rollback 0: all */
	const char *name;     /**< up to / down to this migration (not for redo) */
	bool timestamp;       /**< count is a timestamp (--timestamp) */
	bool dry_run;         /**< report the SQL as STEP events, change nothing */
	bool fake;            /**< record the migrations without running them */
} mig_run_options;

#define MIG_RUN_OPTIONS_VERSION 1
#ifdef __cplusplus
#define MIG_RUN_OPTIONS_INIT {MIG_RUN_OPTIONS_VERSION, false, 0, NULL, false, false, false}
#else
#define MIG_RUN_OPTIONS_INIT {.version = MIG_RUN_OPTIONS_VERSION}
#endif

MIG_EXTERN int mig_run_options_init(mig_run_options *opts, unsigned int version);

/**
 * Connect to the database at `url` (postgres://, mysql://, mariadb://,
 * sqlite:path, sqlite::memory:, a libpq key=value string) and read the
 * migrations folder's settings. To migrate the database a program already
 * has a connection to, pass that database's URL: the session has a
 * connection of its own. `opts` NULL: the defaults. On success *out is the
 * session (free with mig_free); on failure *out is NULL and the error says
 * why (MIG_EUSAGE bad options, MIG_EINPUT bad URL, MIG_ECONNECT).
 */
MIG_EXTERN int mig_session_open(mig_session **out, const char *url, const mig_session_options *opts);

/** Apply pending migrations: all, the next N, or up to `name`. */
MIG_EXTERN int mig_session_migrate(mig_session *s, const mig_run_options *opts);
/** Undo the last one, the last N (0: all), or down to `name`. */
MIG_EXTERN int mig_session_rollback(mig_session *s, const mig_run_options *opts);
/** Roll back the last N (default 1) and apply exactly those again. */
MIG_EXTERN int mig_session_redo(mig_session *s, const mig_run_options *opts);

/**
 * Record a migration that failed half-way (MIG_STATUS_FAILED) as applied
 * (`applied` true: its statements were completed by hand) or as pending
 * (false: they were undone; migrate runs it again).
 */
MIG_EXTERN int mig_session_repair(mig_session *s, const char *migration, bool applied);

/**
 * The SQL a migration runs, without touching the database: `migration`
 * is a path or a name in the migrations folder; `dialect` "postgres",
 * "mysql" or "sqlite", NULL: the session's. *out is the statements, one
 * step a line (free with mig_free).
 */
MIG_EXTERN int mig_session_sql(char **out, mig_session *s, const char *migration, const char *dialect, bool down);

/** The session's SQL dialect: "postgres", "mysql" or "sqlite". */
MIG_EXTERN const char *mig_session_dialect(const mig_session *s);

MIG_END_DECL

#endif
