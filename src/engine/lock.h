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

typedef struct mig_lock_keeper mig_lock_keeper; /* lock_keeper.c */

/* A held lock. */
typedef struct mig_lock {
	const mig_lock_strategy *strategy; /* NULL: not held */
	mig_lock_request req;
	mig_lock_keeper *keeper;           /* renews a lease from its own connection, or NULL */
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
/* Keep a lease renewed from `second` (a connection of its own, with the
 * session set up; the lock owns it from here on, even on failure) every
 * `interval` seconds until the lock is released. A no-op for session
 * locks. */
int mig_lock_keep(mig_lock *lock, mig_conn *second, double interval);
/* Renew a lease between migrations and check it is still ours (no-op
 * for session locks; with a keeper, only the check). */
int mig_lock_renew(mig_conn *conn, mig_lock *lock);
/* Is the lock still this run's? MIG_ELOCKED, saying why, when its lease
 * expired and was taken over (or could not be renewed in time). Asks the
 * keeper, else reads the lease on conn (inside the run's transaction, if
 * one is open). */
int mig_lock_check(mig_conn *conn, mig_lock *lock);
/* Release (no-op when not held), through the keeper's connection when
 * there is one (the run's own may be gone: conn NULL), then stop it. */
int mig_lock_release(mig_conn *conn, mig_lock *lock);

/* lock_keeper.c, for lock.c: stop the thread and hand back its
 * connection (caller closes); whether the lease was lost (*why: caller
 * frees). */
mig_conn *mig__lock_keeper_stop(mig_lock_keeper *k);
bool mig__lock_keeper_lost(mig_lock_keeper *k, char **why);

/* Who holds the lock now, as mig_lock_holder_text() says it (caller
 * frees); NULL when it is free or the strategy cannot tell. Takes
 * nothing and leaves the error as it was. */
char *mig_lock_holder_now(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req);

/* "held by server process 4242, user app, ..." (caller frees); NULL when
 * the holder is empty. */
char *mig_lock_holder_text(const mig_lock_holder *h);
void mig_lock_holder_dispose(mig_lock_holder *h);

#endif
