/*
 * The driver interface: how the core talks to a database client library.
 * Drivers know nothing about migrations; they connect, run text, return
 * rows, manage transactions and the run lock.
 *
 * Adding a driver = one file in drivers/ with a `const mig_driver_ops`
 * table, plus one line in drivers/registry.c.
 *
 * Every member marked "required" must be set; "optional" members may be
 * NULL and the core checks before calling. New members are only ever
 * appended, and `version` says which members a table has.
 */
#ifndef MIG_DRIVER_H
#define MIG_DRIVER_H

#include "engine/url.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MIG_DRIVER_OPS_VERSION 1

/* Capability bits (mig_driver.caps). */
enum {
	/* DDL is transactional: a failed migration rolls back completely. */
	MIG_CAP_TXN_DDL = 1u << 0,
	/* exec() accepts text with several statements in one call. */
	MIG_CAP_MULTI_STATEMENT = 1u << 1,
	/* The engine runs in-process (no server): dry runs may execute in a
	 * transaction that is always rolled back. */
	MIG_CAP_EMBEDDED = 1u << 2,
	/* The lock is a session lock held across transactions. */
	MIG_CAP_SESSION_LOCK = 1u << 3,
};

/* Flags for begin(). */
enum {
	/* Foreign keys are checked at commit instead of per statement, and
	 * dropping a parent table does not fire ON DELETE actions (needed by
	 * SQLite's table rebuild). Drivers that do not need it ignore it. */
	MIG_TXN_RELAXED_FK = 1u << 0,
};

typedef struct mig_driver mig_driver;

/* Base of every driver's connection struct (embedded as first member). */
typedef struct mig_conn {
	const mig_driver *driver;
} mig_conn;

/* A query result: rows of text cells; a NULL cell is SQL NULL. */
typedef struct mig_rows {
	size_t nrows, ncols;
	char **cells; /* row-major, nrows * ncols */
} mig_rows;

/* Helpers for drivers and callers (src/catalog.c). */
mig_rows *mig_rows_new(size_t ncols);
int mig_rows_add(mig_rows *r, const char *const *cells); /* copies ncols cells */
const char *mig_rows_get(const mig_rows *r, size_t row, size_t col);
void mig_rows_free(mig_rows *r);

typedef struct mig_conn_opts {
	int connect_timeout; /* seconds; 0 = driver default */
	int busy_timeout_ms; /* embedded engines waiting on a file lock */
	/* The run must not change anything: an embedded database file that
	 * does not exist is read as an empty database instead of created. */
	bool no_create;
	/* Server notices and warnings (shown with --verbose); may be NULL. */
	void (*notice)(void *ud, const char *message);
	void *notice_ud;
	/* libpq-style session settings, applied after connecting; NULL = none */
	const char *lock_timeout;      /* e.g. "10s" */
	const char *statement_timeout; /* e.g. "5min" */
} mig_conn_opts;

typedef struct mig_lock_opts {
	int64_t key;         /* numeric lock id (PostgreSQL advisory key) */
	const char *scope;   /* database / table naming the lock (MySQL, files) */
	double wait_seconds; /* 0: fail at once; > 0: wait up to; < 0: forever */
} mig_lock_opts;

typedef struct mig_driver_ops {
	unsigned version;

	/* required: connect. On failure returns MIG_ECONNECT (or MIG_EINPUT
	 * for a URL the driver cannot use) with a message that never contains
	 * the password. */
	int (*open)(const mig_driver *drv, const mig_url *url,
		    const mig_conn_opts *opts, mig_conn **out);
	/* required: close and free; NULL is a no-op. */
	void (*close)(mig_conn *conn);
	/* required: run one step (text that may hold several statements when
	 * MIG_CAP_MULTI_STATEMENT). A failure sets MIG_ESQL with the engine's
	 * message and the failing statement. */
	int (*exec)(mig_conn *conn, const char *sql);
	/* required: run one statement and return its rows (caller frees). */
	int (*query)(mig_conn *conn, const char *sql, mig_rows **out);
	/* required: transactions (flags: MIG_TXN_*). */
	int (*begin)(mig_conn *conn, unsigned flags);
	int (*commit)(mig_conn *conn);
	int (*rollback)(mig_conn *conn);
	/* optional: the run lock. lock() fails with MIG_ELOCKED when another
	 * run holds it and the wait (if any) ran out. */
	int (*lock)(mig_conn *conn, const mig_lock_opts *opts);
	int (*unlock)(mig_conn *conn);
	/* optional: a short description of the server for messages. */
	const char *(*server_version)(mig_conn *conn);
} mig_driver_ops;

struct mig_driver {
	const char *name;           /* "sqlite", "postgres", "mysql" */
	const char *display;        /* "SQLite", "PostgreSQL", "MySQL/MariaDB" */
	const char *const *schemes; /* URL schemes, NULL-terminated */
	const char *dialect;        /* name of its SQL dialect */
	unsigned caps;              /* MIG_CAP_* */
	/* NULL when this build does not include the driver. */
	const mig_driver_ops *ops;
	/* Why ops is NULL: the CMake option or package to enable it. */
	const char *missing_hint;
};

/* drivers/registry.c */
const mig_driver *mig_driver_for_scheme(const char *scheme);
const mig_driver *mig_driver_find(const char *name);
/* NULL-terminated list of every known driver (built or not). */
const mig_driver *const *mig_driver_list(void);
/* Connect: finds the driver for url->scheme, fails with MIG_EINPUT when
 * the scheme is unknown or its driver is not built. */
int mig_driver_open(const mig_url *url, const mig_conn_opts *opts, mig_conn **out);

#endif
