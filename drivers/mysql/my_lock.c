/*
 * MySQL/MariaDB's run lock: GET_LOCK, a named lock of the session. It
 * outlives transactions (COMMIT does not release it, unlike LOCK TABLES)
 * and ends with the session. Its name says which migrations table it
 * guards ("migrations:app.pgmigrations"), as locks are server-wide; it is
 * sent as a hex literal, the one form that no sql_mode or character set
 * reads differently.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/mysql/my_driver.h"

#include "dialects/dialect.h"
#include "migrations.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest GET_LOCK wait both servers take: MariaDB refuses MySQL's
 * "negative means forever" (NULL and warning 1411), so an unbounded wait
 * is a year, asked again if it runs out. */
#define WAIT_FOREVER_S "31536000"

enum {
	ER_QUERY_INTERRUPTED = 1317,     /* KILL QUERY */
	ER_STATEMENT_TIMEOUT = 1969,     /* MariaDB max_statement_time */
	ER_QUERY_TIMEOUT = 3024,         /* MySQL max_execution_time */
	ER_USER_LOCK_DEADLOCK = 3058,    /* MySQL: waiting would deadlock */
};

static struct my_conn *conn_of(mig_conn *c)
{
	return (struct my_conn *)c;
}

/* The lock of the migrations table the run uses: its schema (a MySQL
 * schema is a database), else the connection's database. */
static char *lock_name(struct my_conn *c, const mig_lock_request *req)
{
	const char *db = req->names && req->names->schema ? req->names->schema
			 : c->database				  ? c->database
			 : req->scope				  ? req->scope
								  : "";
	const char *table = req->names && req->names->table ? req->names->table : MIG_DEFAULT_TABLE;
	return mig__my_lock_name(db, table);
}

/* "SELECT <fn>(X'..'<tail>)" for the request's lock. */
static char *lock_sql(struct my_conn *c, const mig_lock_request *req, const char *fn, const char *tail)
{
	char *name = lock_name(c, req);
	char *lit = name ? mig__my_hex_literal(name) : NULL;
	char *sql = lit ? mig_aprintf("SELECT %s(%s%s)", fn, lit, tail) : NULL;
	mig__free(lit);
	mig__free(name);
	return sql;
}

/* The single cell of a lock function's answer; *value NULL for SQL NULL. */
static int query_cell(struct my_conn *c, const mig_lock_request *req, const char *fn, const char *tail, char **value)
{
	*value = NULL;
	char *sql = lock_sql(c, req, fn, tail);
	if (!sql)
		return MIG_ENOMEM;
	mig_rows *rows = NULL;
	int rc = mig__my_query(c, sql, &rows);
	mig__free(sql);
	if (rc)
		return rc;
	const char *v = mig_rows_get(rows, 0, 0);
	if (v && !(*value = mig_strdup(v)))
		rc = MIG_ENOMEM;
	mig_rows_free(rows);
	return rc;
}

static char *describe(mig_conn *conn, const mig_lock_request *req)
{
	char *name = lock_name(conn_of(conn), req);
	char *text = name ? mig_aprintf("the lock '%s' (GET_LOCK)", name) : NULL;
	mig__free(name);
	return text;
}

/* GET_LOCK(name, 0): 1 taken, 0 held by another session, NULL the
 * server could not take it (out of memory, or the thread was killed). */
static int try_lock(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	*got = false;
	char *v = NULL;
	int rc = query_cell(conn_of(conn), req, "GET_LOCK", ", 0", &v);
	if (rc)
		return rc;
	if (!v)
		return mig_error_set(MIG_ERROR, "GET_LOCK returned NULL: the server could not take the migration lock");
	*got = strcmp(v, "1") == 0;
	mig__free(v);
	return 0;
}

/* The server waits (woken as soon as the lock is free); a timeout of the
 * session (max_statement_time / max_execution_time) or a KILL QUERY cuts
 * the wait: MIG_ELOCKED with the server's reason (MySQL reports an error,
 * MariaDB a NULL). */
static int wait_lock(mig_conn *conn, const mig_lock_request *req)
{
	bool got = false;
	while (!got) {
		char *v = NULL;
		int rc = query_cell(conn_of(conn), req, "GET_LOCK", ", " WAIT_FOREVER_S, &v);
		if (rc == 0) {
			got = v && strcmp(v, "1") == 0;
			bool cut = !v;
			mig__free(v);
			/* MariaDB ends a wait that max_statement_time or KILL QUERY
			 * cuts with NULL, not an error */
			if (cut)
				return mig_error_set(MIG_ELOCKED, "the server ended the wait (GET_LOCK returned NULL: "
								  "max_statement_time, or KILL QUERY)");
			continue;
		}
		const mig_error *e = mig_error_last();
		unsigned n = rc == MIG_ESQL ? conn_of(conn)->last_errno : 0;
		if (e && (n == ER_QUERY_INTERRUPTED || n == ER_STATEMENT_TIMEOUT || n == ER_QUERY_TIMEOUT || n == ER_USER_LOCK_DEADLOCK)) {
			char *why = mig_strdup(e->message);
			rc = mig_error_set(MIG_ELOCKED, "%s", why ? why : "cancelled by the server");
			mig__free(why);
		}
		return rc;
	}
	return 0;
}

/* RELEASE_LOCK: 1 released, 0 held by another session, NULL no such lock
 * (this session never had it, or lost it with its connection). */
static int unlock(mig_conn *conn, const mig_lock_request *req)
{
	struct my_conn *c = conn_of(conn);
	char *v = NULL;
	int rc = query_cell(c, req, "RELEASE_LOCK", "", &v);
	if (rc)
		return rc;
	bool released = v && strcmp(v, "1") == 0;
	mig__free(v);
	if (!released)
		return mig_error_set(MIG_ERROR, "Failed to release migration lock");
	return 0;
}

/* IS_USED_LOCK names the holding connection; the process list says who
 * it is as far as this user may see (PROCESS privilege for others'). Its
 * TIME is how long the connection has been in its current state, not
 * since when it is connected: it goes with `who`. */
static int holder(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out)
{
	struct my_conn *c = conn_of(conn);
	char *id = NULL;
	int rc = query_cell(c, req, "IS_USED_LOCK", "", &id);
	if (rc || !id)
		return rc;
	char *end = NULL;
	unsigned long long n = strtoull(id, &end, 10);
	if (!end || *end) {
		mig__free(id);
		return 0;
	}
	char sql[160];
	snprintf(sql, sizeof(sql),
		 "SELECT USER, HOST, DB, TIME, COMMAND FROM information_schema.PROCESSLIST WHERE ID = %llu", n);
	mig_rows *rows = NULL;
	rc = mig__my_query(c, sql, &rows);
	if (rc == 0 && rows->nrows == 1) {
		const char *time = mig_rows_get(rows, 0, 3), *command = mig_rows_get(rows, 0, 4);
		bool idle = command && strcmp(command, "Sleep") == 0;
		out->who = time && command ? idle ? mig_aprintf("connection %s (idle for %s s)", id, time)
						  : mig_aprintf("connection %s (%s for %s s)", id, command, time)
					   : mig_aprintf("connection %s", id);
		out->user = mig_strdup(mig_rows_get(rows, 0, 0));
		out->client = mig_strdup(mig_rows_get(rows, 0, 1));
	} else if (rc == 0) {
		out->who = mig_aprintf("connection %s", id);
	}
	mig_rows_free(rows);
	mig__free(id);
	return rc;
}

const mig_lock_strategy mig_mysql_lock = {
	.name = "get_lock",
	.describe = describe,
	.try_lock = try_lock,
	.wait_lock = wait_lock,
	.unlock = unlock,
	.holder = holder,
	.refusal = NULL, /* the core's "Another migration is already running on <db> (the lock ...)" */
};
