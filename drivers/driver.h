/*
 * The driver interface: how the core talks to a database client library.
 * Drivers know nothing about migrations; they connect, run statements,
 * return rows, manage transactions and offer their engine's session lock.
 *
 * Adding a driver = one folder in drivers/ with a `const mig_driver_ops`
 * table (and, if the engine has one, a session-lock strategy), plus one
 * line in drivers/registry.c. A driver kept out of this tree (an
 * embedding program's own engine, a test double) is registered at run
 * time instead: mig_driver_register() below.
 *
 * Every member marked "required" must be set; "optional" members may be
 * NULL and the core checks before calling. New members are only ever
 * appended, and `version` says which members a table has; the registry
 * checks it (and the required members) once, at first use.
 */
#ifndef MIG_DRIVER_H
#define MIG_DRIVER_H

#include "util/url.h"
#include "util/rows.h"
#include "util/sql.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MIG_DRIVER_OPS_VERSION 4

/* Capability bits (mig_driver.caps, and per connection mig_conn.caps,
 * which open() may narrow from what it learns about the server). */
enum {
	/* DDL is transactional: a failed migration rolls back completely.
	 * Without it every migration is its own unit, recorded as soon as it
	 * finishes (engine/txn.c). */
	MIG_CAP_TXN_DDL = 1u << 0,
	/* exec_step() runs a whole step of several statements in one round
	 * trip (and, outside a transaction, atomically), as node-pg-migrate's
	 * client.query() does; without it the core runs statements one by
	 * one through exec(). */
	MIG_CAP_MULTI_STATEMENT = 1u << 1,
	/* The engine runs in-process (no server): dry runs may execute in a
	 * transaction that is always rolled back. */
	MIG_CAP_EMBEDDED = 1u << 2,
	/* The connection's session lock excludes other runs for as long as
	 * the session lasts, across transactions (not true behind a
	 * transaction pooler or on a multi-primary cluster): the lock
	 * strategy `auto` takes it; otherwise the lease row. */
	MIG_CAP_SESSION_LOCK = 1u << 3,
	/* exec_step() sends the statements of a step in one round trip and
	 * the server runs each as if it had come alone (no implicit
	 * transaction: on MySQL every DDL statement still commits), stopping
	 * at the first failure. The core then sends its own small statements
	 * (the journal's counts, the record's transaction) together with the
	 * migration's, outside a transaction too. */
	MIG_CAP_BATCH = 1u << 4,
};

/* Flags for begin(). */
enum {
	/* Foreign keys are checked at commit instead of per statement, and
	 * dropping a parent table does not fire ON DELETE actions (needed by
	 * SQLite's table rebuild). Drivers that do not need it ignore it. */
	MIG_TXN_RELAXED_FK = 1u << 0,
};

typedef struct mig_driver mig_driver;
typedef struct mig_lock_strategy mig_lock_strategy; /* engine/lock.h */

/* Base of every driver's connection struct (embedded as first member). */
typedef struct mig_conn {
	const mig_driver *driver;
	unsigned caps;          /* MIG_CAP_* for this connection */
	mig_server_info server; /* strings owned by the driver's connection */
	/* Requests sent to the server and waited for, counted by the driver
	 * (0 from one that does not count, or runs in-process); --verbose
	 * shows it, so that batching cannot silently regress. */
	unsigned long round_trips;
} mig_conn;

typedef struct mig_conn_opts {
	int connect_timeout; /* seconds; 0 = driver default */
	int busy_timeout_ms; /* embedded engines waiting on a file lock */
	/* The run must not change anything: an embedded database file that
	 * does not exist is read as an empty database instead of created. */
	bool no_create;
	/* Server notices and warnings (shown with --verbose); may be NULL. */
	void (*notice)(void *ud, const char *message);
	void *notice_ud;
} mig_conn_opts;

typedef struct mig_driver_ops {
	unsigned version;

	/* required: connect, and fill conn->caps and conn->server. On
	 * failure returns MIG_ECONNECT (or MIG_EINPUT for a URL the driver
	 * cannot use, MIG_ENODATABASE when the server answers that the
	 * database the URL names does not exist) with a message that never
	 * contains the password. */
	int (*open)(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out);
	/* required: close and free; NULL is a no-op. */
	void (*close)(mig_conn *conn);
	/* required: run one statement, sql[0..len) (user SQL that could not
	 * be divided may hold several). A failure sets MIG_ESQL with the
	 * engine's message, the statement and the error position in it, or
	 * MIG_ECONNLOST when the session is gone. */
	int (*exec)(mig_conn *conn, const char *sql, size_t len);
	/* optional (MIG_CAP_MULTI_STATEMENT): run every statement of a step
	 * in one round trip; *done = how many completed before a failure,
	 * which names the failing statement as exec() does. */
	int (*exec_step)(mig_conn *conn, const mig_step *step, size_t *done);
	/* required: run one statement and return its rows (caller frees). */
	int (*query)(mig_conn *conn, const char *sql, mig_rows **out);
	/* required: transactions (flags: MIG_TXN_*). rollback() of no open
	 * transaction is a no-op. */
	int (*begin)(mig_conn *conn, unsigned flags);
	int (*commit)(mig_conn *conn);
	int (*rollback)(mig_conn *conn);

	/* version 3 */
	/* optional: create the database the URL names unless it exists, in
	 * the engine's way (a server's: from a session without it; an
	 * embedded engine's: its file). *created says whether it was made
	 * now. Fails as open() and exec() do. */
	int (*create_database)(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, bool *created);

	/* version 4 */
	/* optional: run `sql`, one statement whose one parameter (in the
	 * engine's placeholder syntax) is bound to the text `value`. The
	 * driver may keep the statement prepared for the next call with the
	 * same sql: the bookkeeping write after each migration of a run is
	 * one statement, prepared once. Fails as exec() does, the error's
	 * statement showing the value in place. */
	int (*exec_bound)(mig_conn *conn, const char *sql, const char *value);
} mig_driver_ops;

/* What a driver's URLs look like (engine/url.c parses both). */
enum mig_url_form {
	MIG_URL_SERVER, /* scheme://user:pass@host:port/db?k=v */
	MIG_URL_FILE    /* scheme:path (and scheme::memory:) */
};

struct mig_driver {
	const char *name;           /* "sqlite", "postgres", "mysql" */
	const char *display;        /* "SQLite", "PostgreSQL", "MySQL/MariaDB" */
	const char *const *schemes; /* URL schemes, canonical first, NULL-terminated */
	enum mig_url_form url_form;
	bool keyvalue;              /* also takes key=value connection strings (libpq's) */
	const char *dialect;        /* name of its SQL dialect */
	unsigned caps;              /* MIG_CAP_* the engine has */
	/* NULL when this build does not include the driver. */
	const mig_driver_ops *ops;
	/* Why ops is NULL: the CMake option or package to enable it. */
	const char *missing_hint;
	/* The engine's session lock (engine/lock.h), NULL when it has none
	 * (then runs take the lease row). */
	const mig_lock_strategy *session_lock;
	/* The URL of a private scratch database of an embedded engine, NULL
	 * for server engines. */
	const char *scratch_url;
};

/* drivers/registry.c */
const mig_driver *mig_driver_for_scheme(const char *scheme);
const mig_driver *mig_driver_find(const char *name);
/* NULL-terminated list of every known driver (built or not). */
const mig_driver *const *mig_driver_list(void);
/* "postgres://, mysql:// or sqlite:" for messages, from the registry. */
const char *mig_driver_schemes_text(void);
/*
 * The extension point for out-of-tree drivers: add `d` to the table, after
 * the built-in drivers, so that its URL schemes reach it everywhere a URL
 * is read (mig_driver_for_scheme, mig_driver_find, mig_driver_list). The
 * descriptor is checked as the built-in ones are (interface version and
 * required operations, exec_step for MIG_CAP_MULTI_STATEMENT, the session
 * lock's required members); it must have ops (a registered driver is
 * always built), lower-case schemes that no other driver has, a name no
 * other driver has, and no `keyvalue` (that form belongs to one built-in
 * driver). Its `dialect` must name a dialect of this build (a run fails
 * with "no SQL dialect" otherwise). The table holds 8 registered drivers.
 *
 * `d` and everything it points to must live as long as the process (a
 * static const descriptor); there is no unregistering. Not thread-safe:
 * register before any run starts. 0, or MIG_EUSAGE / MIG_ERROR with the
 * error set, and nothing registered.
 */
int mig_driver_register(const mig_driver *d);
/* Connect: finds the driver for url->scheme, fails with MIG_EINPUT when
 * the scheme is unknown or its driver is not built. */
int mig_driver_open(const mig_url *url, const mig_conn_opts *opts, mig_conn **out);
/* Create the URL's database unless it exists (its driver's
 * create_database); MIG_ENOTSUPPORTED for a driver without one. */
int mig_driver_create_database(const mig_url *url, const mig_conn_opts *opts, bool *created);

#endif
