/*
 * The run lock as a driver may offer it: a strategy is a small set of
 * primitives over a connection; the wait loop, the messages and the
 * choice between strategies are the core's (engine/lock.c).
 */
#ifndef MIG_DRIVER_LOCK_H
#define MIG_DRIVER_LOCK_H

#include "drivers/driver.h"

#include <stdbool.h>
#include <stdint.h>

struct mig_dialect;
struct mig_state_names;

/* What a run asks for. */
typedef struct mig_lock_request {
	int64_t key;           /* numeric id (the advisory lock key) */
	const char *scope;     /* what it covers, for messages: database name or file */
	double wait_seconds;   /* 0: fail at once; > 0: wait up to; < 0: forever */
	/* The lease (engine/lock_lease.c): */
	const struct mig_dialect *dialect;
	const struct mig_state_names *names; /* the migrations table (the lock table is named after it) */
	const char *owner;     /* this run: "host:pid:random" */
	int lease_seconds;     /* how long a lease lasts without renewal */
} mig_lock_request;

/* Who holds a lock, as far as the strategy can tell (all optional). */
typedef struct mig_lock_holder {
	char *who;    /* "server process 4242", "run host:pid" */
	char *user;
	char *application;
	char *client;
	char *since;  /* when the holding session started */
	char *taken;  /* when the lock was taken */
	char *until;  /* a lease's expiry */
} mig_lock_holder;

struct mig_lock_strategy {
	const char *name; /* "advisory", "file", "lease" */
	/* required: what is locked, for messages ("the advisory lock 42");
	 * caller frees, NULL on failure. */
	char *(*describe)(mig_conn *conn, const mig_lock_request *req);
	/* required: take it if free. *got false = someone else holds it. */
	int (*try_lock)(mig_conn *conn, const mig_lock_request *req, bool *got);
	/* optional: wait for it on the server (an unbounded wait that the
	 * session's own timeouts may cut: then MIG_ELOCKED with the server's
	 * reason as the message). Without it the core polls. */
	int (*wait_lock)(mig_conn *conn, const mig_lock_request *req);
	/* required: let it go. */
	int (*unlock)(mig_conn *conn, const mig_lock_request *req);
	/* optional: who holds it (0 and an empty holder when unknown). */
	int (*holder)(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out);
	/* optional: extend a lease (between migrations, or from the keeper's
	 * own connection while a migration runs). */
	int (*renew)(mig_conn *conn, const mig_lock_request *req);
	/* optional: once, before the first try_lock (create what it needs). */
	int (*prepare)(mig_conn *conn, const mig_lock_request *req);
	/* optional: is it still ours? (a lease can expire and be taken over;
	 * a session lock cannot be lost while the session lives) */
	int (*still_held)(mig_conn *conn, const mig_lock_request *req, bool *held);
	/* The message when it is held and the run does not wait, or NULL
	 * for "Another migration is already running on <scope>". */
	const char *refusal;
};

#endif
