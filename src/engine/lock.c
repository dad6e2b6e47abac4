/*
 * The run lock: the choice of strategy, the one wait/back-off loop, and
 * the one format of "another run holds it" (see lock.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/lock.h"

#include "engine/conn.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <string.h>
#include <time.h>

/* Polling starts fast (a lock held for a moment is taken at once) and
 * backs off to a second (a long wait does not hammer the server). */
#define POLL_FIRST_MS 50
#define POLL_MAX_MS 1000

int mig_lock_choose(const mig_conn *conn, enum mig_lock_choice choice, const mig_lock_strategy **out)
{
	const mig_lock_strategy *session = conn->driver->session_lock;
	*out = NULL;
	switch (choice) {
	case MIG_LOCK_TABLE:
		*out = &mig_lease_lock;
		return 0;
	case MIG_LOCK_SESSION:
		if (!session)
			return mig_error_set(MIG_EUSAGE, "--lock-strategy session: %s has no session lock (use --lock-strategy table)",
					     conn->driver->display);
		*out = session;
		return 0;
	case MIG_LOCK_AUTO:
		*out = session && (conn->caps & MIG_CAP_SESSION_LOCK) ? session : &mig_lease_lock;
		return 0;
	}
	return mig_error_set(MIG_EUSAGE, "unknown lock strategy");
}

void mig_lock_holder_dispose(mig_lock_holder *h)
{
	mig__free(h->who);
	mig__free(h->user);
	mig__free(h->application);
	mig__free(h->client);
	mig__free(h->since);
	mig__free(h->taken);
	mig__free(h->until);
	memset(h, 0, sizeof(*h));
}

char *mig_lock_holder_text(const mig_lock_holder *h)
{
	if (!h->who && !h->user && !h->application && !h->client)
		return NULL;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "held by %s", h->who ? h->who : "another session");
	if (h->user && *h->user)
		mig_str_printf(&s, ", user %s", h->user);
	if (h->application && *h->application)
		mig_str_printf(&s, ", application '%s'", h->application);
	if (h->client && *h->client)
		mig_str_printf(&s, ", client %s", h->client);
	if (h->since && *h->since)
		mig_str_printf(&s, ", connected since %s", h->since);
	if (h->taken && *h->taken)
		mig_str_printf(&s, ", taken at %s", h->taken);
	if (h->until && *h->until)
		mig_str_printf(&s, ", lease until %s", h->until);
	return mig_str_detach(&s);
}

/* Who holds it, as text; NULL when unknown. Never disturbs the error. */
static char *holder_text(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req)
{
	if (!s->holder)
		return NULL;
	mig_error *saved = mig_error_save();
	mig_lock_holder h = {0};
	char *text = s->holder(conn, req, &h) == 0 ? mig_lock_holder_text(&h) : NULL;
	mig_lock_holder_dispose(&h);
	mig_error_clear();
	mig_error_restore(saved);
	return text;
}

char *mig_lock_holder_now(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req)
{
	return holder_text(conn, s, req);
}

/* MIG_ELOCKED with the holder as detail. waited > 0: a bounded wait ran
 * out; why: the server cut an unbounded wait short. */
static int locked(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req, double waited,
		  const char *why)
{
	char *holder = holder_text(conn, s, req);
	char *what = s->describe(conn, req);
	int rc;
	if (why)
		rc = mig_error_set(MIG_ELOCKED, "Another migration is already running: gave up waiting for %s (%s)",
				   what ? what : "the lock", why);
	else if (waited > 0)
		rc = mig_error_set(MIG_ELOCKED, "Another migration is already running: %s was still held after waiting %g s.",
				   what ? what : "the lock", waited);
	else if (s->refusal)
		rc = mig_error_set(MIG_ELOCKED, "%s", s->refusal);
	else
		rc = mig_error_set(MIG_ELOCKED, "Another migration is already running on %s (%s)",
				   req->scope ? req->scope : "this database", what ? what : "the lock");
	if (holder)
		mig_error_set_detail(holder);
	if (why)
		mig_error_set_hint("the session's lock_timeout / statement_timeout also limit the wait for the run lock");
	else
		mig_error_set_hint(waited > 0 ? "wait longer with --lock-wait SECONDS, or find the other run"
					      : "to wait for it instead, use --lock-wait SECONDS");
	mig__free(holder);
	mig__free(what);
	return rc;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void nap_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static void say_waiting(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req,
			void (*notice)(void *, const char *), void *ud)
{
	if (!notice)
		return;
	char *holder = holder_text(conn, s, req);
	char *msg = req->wait_seconds > 0
			    ? mig_aprintf("waiting up to %g s for another migration to release the lock (%s)", req->wait_seconds,
					  holder ? holder : "holder unknown")
			    : mig_aprintf("waiting for another migration to release the lock (%s)", holder ? holder : "holder unknown");
	if (msg)
		notice(ud, msg);
	else
		mig_error_clear(); /* only a notice */
	mig__free(msg);
	mig__free(holder);
}

int mig_lock_acquire(mig_conn *conn, const mig_lock_strategy *s, const mig_lock_request *req,
		     void (*notice)(void *ud, const char *message), void *notice_ud, mig_lock *out)
{
	memset(out, 0, sizeof(*out));
	bool got = false;
	int rc = s->prepare ? s->prepare(conn, req) : 0;
	if (rc == 0)
		rc = s->try_lock(conn, req, &got);
	if (rc)
		return rc;
	if (!got && req->wait_seconds == 0)
		return locked(conn, s, req, 0, NULL);
	if (!got)
		say_waiting(conn, s, req, notice, notice_ud);
	if (!got && req->wait_seconds < 0 && s->wait_lock) {
		if ((rc = s->wait_lock(conn, req)) != 0) {
			if (rc != MIG_ELOCKED)
				return rc;
			char *why = mig_strdup(mig_error_last() ? mig_error_last()->message : "cancelled by the server");
			rc = locked(conn, s, req, 0, why ? why : "cancelled by the server");
			mig__free(why);
			return rc;
		}
		got = true;
	}
	double t0 = now_s();
	long ms = POLL_FIRST_MS;
	while (!got) {
		double left = req->wait_seconds < 0 ? 1e9 : req->wait_seconds - (now_s() - t0);
		if (left <= 0)
			return locked(conn, s, req, req->wait_seconds, NULL);
		nap_ms((double)ms > left * 1000.0 ? (long)(left * 1000.0) + 1 : ms);
		if (ms < POLL_MAX_MS)
			ms = ms * 2 > POLL_MAX_MS ? POLL_MAX_MS : ms * 2;
		if ((rc = s->try_lock(conn, req, &got)) != 0)
			return rc;
	}
	out->strategy = s;
	out->req = *req;
	return 0;
}

static int lost(const char *why)
{
	int rc = mig_error_set(MIG_ELOCKED, "the run lost its lock: %s, so another run may be migrating this database",
			       why);
	mig_error_set_hint("nothing more was started; use a longer --lock-lease if the server or network is slow");
	return rc;
}

int mig_lock_check(mig_conn *conn, mig_lock *lock)
{
	const mig_lock_strategy *s = lock->strategy;
	if (!s)
		return 0;
	char *why = NULL;
	if (lock->keeper) {
		if (!mig__lock_keeper_lost(lock->keeper, &why))
			return 0;
	} else {
		bool held = true;
		int rc = s->still_held ? s->still_held(conn, &lock->req, &held) : 0;
		if (rc || held)
			return rc;
		why = holder_text(conn, s, &lock->req);
		char *m = mig_aprintf("it expired and was taken over (%s)", why ? why : "by another run");
		mig__free(why);
		why = m;
	}
	int rc = lost(why ? why : "it expired");
	mig__free(why);
	return rc;
}

int mig_lock_renew(mig_conn *conn, mig_lock *lock)
{
	if (!lock->strategy || !lock->strategy->renew)
		return 0;
	if (!lock->keeper) {
		int rc = lock->strategy->renew(conn, &lock->req);
		if (rc)
			return rc;
	}
	return mig_lock_check(conn, lock);
}

int mig_lock_release(mig_conn *conn, mig_lock *lock)
{
	mig_conn *own = lock->keeper ? mig__lock_keeper_stop(lock->keeper) : NULL;
	lock->keeper = NULL;
	int rc = 0;
	const mig_lock_strategy *s = lock->strategy;
	lock->strategy = NULL;
	if (s && (own || conn))
		rc = s->unlock(own ? own : conn, &lock->req);
	mig__conn_close(own);
	return rc;
}
