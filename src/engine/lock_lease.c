/*
 * The lease lock: one row in <migrations table>_lock says which run holds
 * the lock and until when (on the server's clock). It holds wherever a
 * session lock does not: behind a transaction pooler, where every
 * statement may land on another server connection, and on engines with
 * no session lock at all. A run renews its lease between migrations; a
 * lease that expired (its run died) is taken over.
 *
 * Taking it is three autocommitted statements: delete an expired lease,
 * insert ours unless a lease exists, and read who holds it. Two runs that
 * insert at the same moment collide on the primary key: the loser's
 * insert fails and its read shows the winner.
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/lock.h"

#include "engine/conn.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int run(mig_conn *conn, const mig_lock_request *req, enum mig_lock_stmt which)
{
	mig_str s = MIG_STR_INIT;
	int rc = req->dialect->lock_sql(req->names, which, req->owner, req->lease_seconds, &s);
	if (rc == 0)
		rc = mig__conn_exec(conn, mig_str_cstr(&s));
	mig_str_free(&s);
	return rc;
}

static int read_row(mig_conn *conn, const mig_lock_request *req, mig_rows **rows)
{
	mig_str s = MIG_STR_INIT;
	int rc = req->dialect->lock_sql(req->names, MIG_LOCK_READ, req->owner, req->lease_seconds, &s);
	if (rc == 0)
		rc = mig__conn_query(conn, mig_str_cstr(&s), rows);
	mig_str_free(&s);
	return rc;
}

static char *describe(mig_conn *conn, const mig_lock_request *req)
{
	(void)conn;
	const char *schema = req->names->schema;
	return mig_aprintf("the lease in %s%s%s_lock", schema ? schema : "", schema ? "." : "", req->names->table);
}

static int try_lock(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	*got = false;
	int rc = run(conn, req, MIG_LOCK_CREATE);
	if (rc == 0)
		rc = run(conn, req, MIG_LOCK_EXPIRE);
	if (rc)
		return rc;
	if ((rc = run(conn, req, MIG_LOCK_TAKE)) != 0) {
		if (rc == MIG_ECONNLOST || rc == MIG_ENOMEM)
			return rc;
		mig_error_clear(); /* lost the race for the row: the read says who won */
	}
	mig_rows *rows = NULL;
	if ((rc = read_row(conn, req, &rows)) != 0)
		return rc;
	const char *owner = mig_rows_get(rows, 0, 0);
	*got = owner && strcmp(owner, req->owner) == 0;
	mig_rows_free(rows);
	return 0;
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

static int holder(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out)
{
	mig_rows *rows = NULL;
	int rc = read_row(conn, req, &rows);
	if (rc)
		return rc;
	if (rows->nrows == 1) {
		out->who = mig_aprintf("run %s", mig_rows_get(rows, 0, 0) ? mig_rows_get(rows, 0, 0) : "?");
		out->taken = utc(mig_rows_get(rows, 0, 1));
		out->until = utc(mig_rows_get(rows, 0, 2));
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
};
