/*
 * PostgreSQL's run lock: node-pg-migrate's session advisory lock, with
 * its exact queries and key (7241865325823964 unless --lock-value), so
 * that the two tools exclude each other on the same database. A session
 * lock: it outlives transactions and ends with the session.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/postgres/pg_driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static struct pg_conn *conn_of(mig_conn *c)
{
	return (struct pg_conn *)c;
}

/* The single boolean cell of a lock query. */
static int query_bool(struct pg_conn *c, const char *sql, bool *value)
{
	mig_rows *rows = NULL;
	int rc = mig__pg_query(c, sql, &rows);
	if (rc)
		return rc;
	const char *v = mig_rows_get(rows, 0, 0);
	*value = v && strcmp(v, "t") == 0;
	mig_rows_free(rows);
	return 0;
}

static char *describe(mig_conn *conn, const mig_lock_request *req)
{
	(void)conn;
	return mig_aprintf("the advisory lock %" PRId64, req->key);
}

static int try_lock(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT pg_try_advisory_lock(%" PRId64 ") AS \"lockObtained\"", req->key);
	return query_bool(conn_of(conn), sql, got);
}

/* node-pg-migrate's advisory-lock-mode=wait: the server waits, and the
 * session's lock_timeout or statement_timeout may cut the wait short. */
static int wait_lock(mig_conn *conn, const mig_lock_request *req)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_lock(%" PRId64 ")", req->key);
	int rc = mig__pg_run(conn_of(conn), sql, NULL, NULL, NULL);
	const mig_error *e = mig_error_last();
	if (rc && e && e->sqlstate && (strcmp(e->sqlstate, "55P03") == 0 || strcmp(e->sqlstate, "57014") == 0)) {
		char *why = mig_strdup(e->message);
		rc = mig_error_set(MIG_ELOCKED, "%s", why ? why : "cancelled by the server");
		mig__free(why);
	}
	return rc;
}

static int unlock(mig_conn *conn, const mig_lock_request *req)
{
	struct pg_conn *c = conn_of(conn);
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_unlock(%" PRId64 ") AS \"lockReleased\"", req->key);
	bool released = false;
	int rc = query_bool(c, sql, &released);
	if (rc)
		return rc;
	if (!released) {
		if (c->notice)
			c->notice(c->notice_ud, "Failed to release migration lock");
		return mig_error_set(MIG_ERROR, "Failed to release migration lock");
	}
	return 0;
}

/* pg_locks splits a bigint key into classid (high half) and objid (low
 * half) with objsubid 1. */
static int holder(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out)
{
	uint64_t k = (uint64_t)req->key;
	char *sql = mig_aprintf(
		"SELECT l.pid, a.usename, a.application_name, a.client_addr, "
		"to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS') "
		"FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
		"WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
		"AND l.classid = %" PRIu64 "::oid AND l.objid = %" PRIu64 "::oid "
		"AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
		"AND l.pid <> pg_backend_pid() LIMIT 1",
		k >> 32, k & 0xFFFFFFFFu);
	if (!sql)
		return MIG_ENOMEM;
	mig_rows *rows = NULL;
	int rc = mig__pg_query(conn_of(conn), sql, &rows);
	mig__free(sql);
	if (rc)
		return rc;
	if (rows->nrows == 1) {
		const char *pid = mig_rows_get(rows, 0, 0);
		out->who = mig_aprintf("server process %s", pid ? pid : "?");
		out->user = mig_strdup(mig_rows_get(rows, 0, 1));
		out->application = mig_strdup(mig_rows_get(rows, 0, 2));
		out->client = mig_strdup(mig_rows_get(rows, 0, 3));
		out->since = mig_strdup(mig_rows_get(rows, 0, 4));
	}
	mig_rows_free(rows);
	return 0;
}

const mig_lock_strategy mig_pg_advisory_lock = {
	.name = "advisory",
	.describe = describe,
	.try_lock = try_lock,
	.wait_lock = wait_lock,
	.unlock = unlock,
	.holder = holder,
	/* node-pg-migrate's words, so users of both tools see the same */
	.refusal = "Another migration is already running. Advisory lock mode is set to 'fail'.",
};
