/*
 * The lease keeper: a thread with its own connection that renews the
 * run's lease every third of its length for as long as the run holds it,
 * so that a migration may run longer than the lease, and a run that dies
 * loses its lease within one lease length (--lock-lease, short by
 * default). A second connection, because the run's own is busy with a
 * statement or holds a transaction whose writes others cannot see.
 *
 * The keeper never decides anything: it records that the lease was lost
 * (another run owns the row now, or no renewal got through before the
 * lease ran out), and the run checks before it starts a migration and
 * before it commits one (mig_lock_check).
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/lock.h"

#include "engine/conn.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

struct mig_lock_keeper {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;          /* under mu */
	bool lost;          /* under mu */
	char *why;          /* under mu: why it was lost */
	mig_conn *conn;     /* the keeper's own; used by the thread only until it is joined */
	const mig_lock_strategy *s;
	mig_lock_request req;
	double interval;    /* seconds between renewals */
};

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void set_lost(mig_lock_keeper *k, char *why)
{
	pthread_mutex_lock(&k->mu);
	if (!k->lost) {
		k->lost = true;
		k->why = why;
		why = NULL;
	}
	pthread_mutex_unlock(&k->mu);
	mig__free(why);
}

/* One renewal: push the expiry and read back that the row is ours. */
static int renew_once(mig_lock_keeper *k, bool *ours)
{
	*ours = false;
	int rc = k->s->renew(k->conn, &k->req);
	if (rc == 0)
		rc = k->s->still_held(k->conn, &k->req, ours);
	return rc;
}

static void *keep(void *arg)
{
	mig_lock_keeper *k = arg;
	double last_ok = mono();
	pthread_mutex_lock(&k->mu);
	while (!k->stop && !k->lost) {
		/* CLOCK_REALTIME: the condition variable's default clock */
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		double at = (double)until.tv_sec + (double)until.tv_nsec / 1e9 + k->interval;
		until.tv_sec = (time_t)at;
		until.tv_nsec = (long)((at - (double)until.tv_sec) * 1e9);
		int w = 0;
		while (!k->stop && w != ETIMEDOUT)
			w = pthread_cond_timedwait(&k->cv, &k->mu, &until);
		if (k->stop)
			break;
		pthread_mutex_unlock(&k->mu);

		bool ours = false;
		int rc = renew_once(k, &ours);
		if (rc == 0 && !ours) {
			mig_lock_holder h = {0};
			char *text = k->s->holder && k->s->holder(k->conn, &k->req, &h) == 0 ? mig_lock_holder_text(&h) : NULL;
			mig_lock_holder_dispose(&h);
			set_lost(k, mig_aprintf("it expired and was taken over (%s)", text ? text : "by another run"));
			mig__free(text);
		} else if (rc == 0) {
			last_ok = mono();
		} else if (mono() - last_ok >= (double)k->req.lease_seconds - k->interval / 2) {
			/* no renewal got through: by now another run may have it */
			const mig_error *e = mig_error_last();
			set_lost(k, mig_aprintf("it could not be renewed for %.0f s (%s)", mono() - last_ok,
						e && e->message ? e->message : "no answer"));
		}
		mig_error_clear();
		pthread_mutex_lock(&k->mu);
	}
	pthread_mutex_unlock(&k->mu);
	return NULL;
}

int mig_lock_keep(mig_lock *lock, mig_conn *second, double interval)
{
	if (!lock->strategy || !lock->strategy->renew || !lock->strategy->still_held) {
		mig__conn_close(second);
		return 0; /* nothing to keep: a session lock lasts with its session */
	}
	mig_lock_keeper *k = mig__calloc(1, sizeof(*k));
	if (!k) {
		mig__conn_close(second);
		return mig_error_oom();
	}
	k->conn = second;
	k->s = lock->strategy;
	k->req = lock->req;
	k->interval = interval;
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->cv, NULL);
	if (pthread_create(&k->thread, NULL, keep, k) != 0) {
		pthread_cond_destroy(&k->cv);
		pthread_mutex_destroy(&k->mu);
		mig__conn_close(second);
		mig__free(k);
		return mig_error_set(MIG_ERROR, "cannot start the thread that renews the run's lease");
	}
	lock->keeper = k;
	return 0;
}

mig_conn *mig__lock_keeper_stop(mig_lock_keeper *k)
{
	pthread_mutex_lock(&k->mu);
	k->stop = true;
	pthread_cond_signal(&k->cv);
	pthread_mutex_unlock(&k->mu);
	pthread_join(k->thread, NULL);
	mig_conn *conn = k->conn;
	pthread_cond_destroy(&k->cv);
	pthread_mutex_destroy(&k->mu);
	mig__free(k->why);
	mig__free(k);
	return conn;
}

bool mig__lock_keeper_lost(mig_lock_keeper *k, char **why)
{
	pthread_mutex_lock(&k->mu);
	bool lost = k->lost;
	if (lost && why)
		*why = mig_strdup(k->why ? k->why : "lost");
	pthread_mutex_unlock(&k->mu);
	return lost;
}
