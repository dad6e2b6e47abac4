/*
 * The lease lock: one row in <migrations table>_lock says which run holds
 * the lock and until when (on the server's clock). It holds wherever a
 * session lock does not: behind a transaction pooler, where every
 * statement may land on another server connection, on a multi-primary
 * cluster (Galera's GET_LOCK is node-local), and on engines with no
 * session lock at all. While a run lasts its lease is renewed (by the
 * keeper, lock_keeper.c, or between migrations); a lease that expired
 * (its run died) is taken over.
 *
 * Taking it is one atomic statement (insert, or overwrite an expired
 * row: the dialect's upsert), then a read of who holds it. Two runs that
 * try at the same moment are serialized by the row's primary key, or on
 * a cluster by certification: the loser sees the winner, or gets a
 * conflict that is retried.
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/lock.h"

#include "engine/conn.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Certification conflicts (Galera reports them as a deadlock, MySQL
 * 1213 = SQLSTATE 40001), serialization failures and deadlocks: the
 * statement did nothing and may simply run again. */
#define RETRIES 8
#define RETRY_FIRST_MS 10

static bool retryable(int rc)
{
	const mig_error *e = mig_error_last();
	if (rc != MIG_ESQL || !e || !e->sqlstate)
		return false;
	return strcmp(e->sqlstate, "40001") == 0 || strcmp(e->sqlstate, "40P01") == 0;
}

static void backoff(int attempt)
{
	/* 10, 20, 40 .. ms, with jitter so that two losers do not collide again */
	long ms = (long)RETRY_FIRST_MS << attempt;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms += (long)(((unsigned long)now.tv_nsec ^ (unsigned long)getpid() * 2654435761u) % (unsigned long)(ms + 1));
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static int statement(const mig_lock_request *req, enum mig_lock_stmt which, mig_str *s)
{
	return req->dialect->lock_sql(req->names, which, req->owner, req->lease_seconds, s);
}

static int run(mig_conn *conn, const mig_lock_request *req, enum mig_lock_stmt which)
{
	mig_str s = MIG_STR_INIT;
	int rc = statement(req, which, &s);
	for (int attempt = 0; rc == 0; attempt++) {
		rc = mig__conn_exec(conn, mig_str_cstr(&s));
		if (!retryable(rc) || attempt == RETRIES)
			break;
		mig_error_clear();
		backoff(attempt);
		rc = 0;
	}
	mig_str_free(&s);
	return rc;
}

static int read_row(mig_conn *conn, const mig_lock_request *req, mig_rows **rows)
{
	mig_str s = MIG_STR_INIT;
	int rc = statement(req, MIG_LOCK_READ, &s);
	for (int attempt = 0; rc == 0; attempt++) {
		rc = mig__conn_query(conn, mig_str_cstr(&s), rows);
		if (!retryable(rc) || attempt == RETRIES)
			break;
		mig_error_clear();
		backoff(attempt);
		rc = 0;
	}
	mig_str_free(&s);
	return rc;
}

static char *describe(mig_conn *conn, const mig_lock_request *req)
{
	(void)conn;
	const char *schema = req->names->schema;
	return mig_aprintf("the lease in %s%s%s_lock", schema ? schema : "", schema ? "." : "", req->names->table);
}

/* The lock table, before the lock exists: runs that start together all
 * create it. PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against
 * a concurrent one (the loser fails on the catalog's unique index, or
 * with duplicate_table): the table is there, which is all we asked. */
static int prepare(mig_conn *conn, const mig_lock_request *req)
{
	int rc = run(conn, req, MIG_LOCK_CREATE);
	const mig_error *e = mig_error_last();
	if (rc == MIG_ESQL && e && e->sqlstate && (strcmp(e->sqlstate, "23505") == 0 || strcmp(e->sqlstate, "42P07") == 0)) {
		mig_error_clear();
		rc = 0;
	}
	return rc;
}

/* *ours: the row is there and names this run. */
static int owned(mig_conn *conn, const mig_lock_request *req, bool *ours)
{
	mig_rows *rows = NULL;
	int rc = read_row(conn, req, &rows);
	if (rc)
		return rc;
	const char *owner = mig_rows_get(rows, 0, 0);
	*ours = owner && strcmp(owner, req->owner) == 0;
	mig_rows_free(rows);
	return 0;
}

static int try_lock(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	*got = false;
	int rc = run(conn, req, MIG_LOCK_TAKE);
	if (rc)
		return rc;
	return owned(conn, req, got);
}

static int unlock(mig_conn *conn, const mig_lock_request *req)
{
	return run(conn, req, MIG_LOCK_RELEASE);
}

static int renew(mig_conn *conn, const mig_lock_request *req)
{
	return run(conn, req, MIG_LOCK_RENEW);
}

/* Seconds since the epoch as UTC text. */
static char *utc(const char *epoch)
{
	if (!epoch)
		return NULL;
	char *end = NULL;
	long long v = strtoll(epoch, &end, 10);
	if (!end || *end)
		return mig_strdup(epoch);
	time_t t = (time_t)v;
	struct tm tm;
	char buf[32];
	if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm))
		return mig_strdup(epoch);
	return mig_strdup(buf);
}

/* "run host:pid:tag" reads better as what it is: the owner id is
 * "<host>:<pid>:<random>" (runner.c). Another form is shown as it is. */
static char *who(const char *owner)
{
	if (!owner)
		return mig_strdup("run ?");
	const char *last = strrchr(owner, ':');
	const char *pid = NULL;
	for (const char *p = last ? last - 1 : NULL; p && p >= owner; p--)
		if (*p == ':') {
			pid = p;
			break;
		}
	if (!pid || pid == owner || pid + 1 == last || strspn(pid + 1, "0123456789") != (size_t)(last - pid - 1))
		return mig_aprintf("run %s", owner);
	return mig_aprintf("run %s (host %.*s, pid %.*s)", owner, (int)(pid - owner), owner, (int)(last - pid - 1), pid + 1);
}

static int holder(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out)
{
	mig_rows *rows = NULL;
	int rc = read_row(conn, req, &rows);
	if (rc)
		return rc;
	if (rows->nrows == 1) {
		out->who = who(mig_rows_get(rows, 0, 0));
		out->taken = utc(mig_rows_get(rows, 0, 1));
		out->until = utc(mig_rows_get(rows, 0, 2));
		const char *exp = mig_rows_get(rows, 0, 2), *now = mig_rows_get(rows, 0, 3);
		if (out->until && exp && now && atoll(exp) < atoll(now)) {
			/* its run died: the next run takes it over */
			char *t = mig_aprintf("%s (expired)", out->until);
			mig__free(out->until);
			out->until = t;
		}
	}
	mig_rows_free(rows);
	return 0;
}

const mig_lock_strategy mig_lease_lock = {
	.name = "lease",
	.describe = describe,
	.try_lock = try_lock,
	.unlock = unlock,
	.holder = holder,
	.renew = renew,
	.prepare = prepare,
	.still_held = owned,
};
