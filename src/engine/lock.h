/*
 * The run lock: one module for every engine. A strategy is a small set of
 * primitives (try, optionally wait, release, say who holds it); the wait
 * and back-off loop, the messages and the choice of strategy are here,
 * once.
 *
 * Strategies:
 *  - a session lock of the engine, offered by its driver: PostgreSQL's
 *    advisory lock with node-pg-migrate's key (drivers/postgres/), the
 *    SQLite database file's flock (drivers/sqlite/), MySQL's GET_LOCK;
 *  - the lease: a row in the bookkeeping table <migrations table>_lock,
 *    with an owner and an expiry on the server's clock, renewed between
 *    migrations, for engines and poolers where a session lock does not
 *    exclude anything (lock_lease.c).
 * A run without a lock happens only with --no-lock.
 */
#ifndef MIG_LOCK_H
#define MIG_LOCK_H

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "drivers/lock.h"

#include <stdbool.h>
#include <stdint.h>

/* The lease row (lock_lease.c). */
extern const mig_lock_strategy mig_lease_lock;

/* A held lock. */
typedef struct mig_lock {
	const mig_lock_strategy *strategy; /* NULL: not held */
	mig_lock_request req;
} mig_lock;

enum mig_lock_choice { MIG_LOCK_AUTO, MIG_LOCK_SESSION, MIG_LOCK_TABLE };

/* The strategy a run takes on conn: the engine's session lock when the
 * connection has MIG_CAP_SESSION_LOCK (auto) or when asked (session; an
 * error when the engine has none), else the lease. */
int mig_lock_choose(const mig_conn *conn, enum mig_lock_choice choice, const mig_lock_strategy **out);

/* Take the lock, waiting as req->wait_seconds says (notices go to
 * `notice`). MIG_ELOCKED with "who holds it" as the detail when another
 * run has it. req's strings must outlive the lock. */
int mig_lock_acquire(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req,
		     void (*notice)(void *ud, const char *message), void *notice_ud, mig_lock *out);
/* Renew a lease (no-op for session locks). */
int mig_lock_renew(mig_conn *conn, mig_lock *lock);
/* Release (no-op when not held). */
int mig_lock_release(mig_conn *conn, mig_lock *lock);

/* "held by server process 4242, user app, ..." (caller frees); NULL when
 * the holder is empty. */
char *mig_lock_holder_text(const mig_lock_holder *h);
void mig_lock_holder_dispose(mig_lock_holder *h);

#endif
