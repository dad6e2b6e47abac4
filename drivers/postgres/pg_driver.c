/*
 * PostgreSQL driver (libpq).
 *
 * - open: the connection text goes to libpq as given (URL, key=value, or
 *   "postgres://" alone so that the PG* variables decide), after
 *   PQconninfoParse has vetted it; connect_timeout and
 *   fallback_application_name are defaults the text may override;
 *   client_encoding is forced to UTF8 because migration files are UTF-8.
 *   The server's version and flavour become the connection's facts.
 * - exec_step: one step = one simple-protocol Query (what PQexec sends),
 *   which may hold several statements; its results are read one by one,
 *   and the step's statement bounds name the one that failed.
 * - errors (pg_errors.c): PostgreSQL's primary message, detail (+ context),
 *   hint, SQLSTATE and the statement with the error position.
 * - lock (pg_lock.c): node-pg-migrate's session advisory lock.
 * - nothing from libpq is kept: every string is copied and every PGresult
 *   cleared before returning.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/postgres/pg_driver.h"

#include "dialects/common/quote.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pg_conn *conn_of(mig_conn *c)
{
	return (struct pg_conn *)c;
}

/* ---- running text ---------------------------------------------------- */

/*
 * Send text as one simple-protocol query (what node-pg-migrate's
 * client.query() sends, several statements included) and collect its
 * results, one per statement. COPY to/from the client is refused: a
 * migration has no data stream to give it.
 */
int mig__pg_run(struct pg_conn *c, const char *sql, const mig_step *step, PGresult **last, size_t *ndone)
{
	if (last)
		*last = NULL;
	if (ndone)
		*ndone = 0;
	c->base.round_trips++;
	if (!PQsendQuery(c->pg, sql))
		return mig__pg_result_error(c, NULL, sql, step, 0);
	PGresult *res, *keep = NULL, *failed = NULL;
	size_t done = 0;
	while ((res = PQgetResult(c->pg)) != NULL) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_COPY_IN) {
			PQputCopyEnd(c->pg, "COPY FROM STDIN cannot be used in a migration (there is no data stream)");
		} else if (st == PGRES_COPY_OUT) {
			char *buf = NULL;
			while (PQgetCopyData(c->pg, &buf, 0) > 0) {
				PQfreemem(buf);
				buf = NULL;
			}
		}
		if (st == PGRES_FATAL_ERROR || st == PGRES_BAD_RESPONSE || st == PGRES_NONFATAL_ERROR) {
			if (!failed)
				failed = res;
			else
				PQclear(res);
			continue;
		}
		if (failed || st == PGRES_COPY_IN || st == PGRES_COPY_OUT) {
			PQclear(res);
			continue;
		}
		if (st != PGRES_EMPTY_QUERY)
			done++;
		PQclear(keep);
		keep = res;
	}
	if (ndone)
		*ndone = done;
	if (failed) {
		PQclear(keep);
		int rc = mig__pg_result_error(c, failed, sql, step, done);
		PQclear(failed);
		return rc;
	}
	if (PQstatus(c->pg) == CONNECTION_BAD) {
		PQclear(keep);
		return mig__pg_result_error(c, NULL, sql, step, done);
	}
	if (last)
		*last = keep;
	else
		PQclear(keep);
	return 0;
}

static int pg_exec(mig_conn *conn, const char *sql, size_t len)
{
	char *one = mig_strndup(sql, len);
	if (!one)
		return MIG_ENOMEM;
	int rc = mig__pg_run(conn_of(conn), one, NULL, NULL, NULL);
	mig__free(one);
	return rc;
}

static int pg_exec_step(mig_conn *conn, const mig_step *step, size_t *done)
{
	return mig__pg_run(conn_of(conn), step->text, step, NULL, done);
}

int mig__pg_query(struct pg_conn *c, const char *sql, mig_rows **out)
{
	*out = NULL;
	PGresult *res = NULL;
	int rc = mig__pg_run(c, sql, NULL, &res, NULL);
	if (rc)
		return rc;
	int nrows = res ? PQntuples(res) : 0, ncols = res ? PQnfields(res) : 0;
	mig_rows *rows = mig_rows_new((size_t)ncols);
	const char **cells = mig__calloc((size_t)ncols + 1, sizeof(*cells));
	if (!rows || !cells) {
		mig__free(cells);
		mig_rows_free(rows);
		PQclear(res);
		return mig_error_oom();
	}
	/* column names, for the Node.js engine's pgm.db rows */
	for (int k = 0; k < ncols; k++)
		cells[k] = PQfname(res, k);
	if (ncols && (rc = mig_rows_set_names(rows, cells)) != 0) {
		mig__free(cells);
		mig_rows_free(rows);
		PQclear(res);
		return rc;
	}
	for (int r = 0; r < nrows; r++) {
		for (int k = 0; k < ncols; k++)
			cells[k] = PQgetisnull(res, r, k) ? NULL : PQgetvalue(res, r, k);
		if ((rc = mig_rows_add(rows, cells)) != 0) {
			mig__free(cells);
			mig_rows_free(rows);
			PQclear(res);
			return rc;
		}
	}
	mig__free(cells);
	PQclear(res);
	*out = rows;
	return 0;
}

static int pg_query(mig_conn *conn, const char *sql, mig_rows **out)
{
	return mig__pg_query(conn_of(conn), sql, out);
}

/* ---- connection ---------------------------------------------------- */

static void notice_receiver(void *arg, const PGresult *res)
{
	struct pg_conn *c = arg;
	if (!c->notice)
		return;
	char *msg = mig__pg_dup_trimmed(PQresultErrorMessage(res));
	if (msg && *msg)
		c->notice(c->notice_ud, msg);
	mig__free(msg);
}

/* libpq only knows lower-case schemes; ours are case-insensitive. */
static char *libpq_conninfo(const mig_url *url)
{
	if (url->keyvalue)
		return mig_strdup(url->raw);
	const char *sep = strstr(url->raw, "://");
	if (!sep)
		return mig_strdup(url->raw);
	return mig_aprintf("postgresql%s", sep);
}

/* The session's own settings. NOTICEs are worth showing with --verbose;
 * without a listener only warnings and worse are sent. This also tames a
 * role or database whose default is DEBUG. What the SQL needs (quoting,
 * search_path, timeouts) is the dialect's session setup. */
/*
 * One round trip: the notice level, and the server's own process id. A
 * connection pooler (PgBouncer, RDS Proxy, pgcat, Odyssey) answers the
 * startup itself and hands the client a made-up process id and cancel
 * key; the server process that runs our statements has another. So a
 * mismatch means a pooler sits in between, and then a session lock may
 * not exclude anything (in transaction mode the next transaction may run
 * on another server connection), nor may session settings last.
 */
static int setup_session(struct pg_conn *c)
{
	PGresult *res = NULL;
	const char *level = c->notice ? "SET client_min_messages TO notice" : "SET client_min_messages TO warning";
	char sql[96];
	snprintf(sql, sizeof(sql), "%s; SELECT pg_backend_pid()", level);
	int rc = mig__pg_run(c, sql, NULL, &res, NULL);
	if (rc == MIG_ESQL) {
		/* a server that speaks the protocol without pg_backend_pid():
		 * no pooler can be told, the session works as before */
		mig_error_clear();
		return mig__pg_run(c, level, NULL, NULL, NULL);
	}
	if (rc)
		return rc;
	if (res && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0)) {
		long server_pid = strtol(PQgetvalue(res, 0, 0), NULL, 10);
		if (server_pid != (long)PQbackendPID(c->pg)) {
			c->base.server.facts |= MIG_SERVER_POOLED;
			c->base.caps &= ~(unsigned)MIG_CAP_SESSION_LOCK;
		}
	}
	PQclear(res);
	return 0;
}

static void pg_close(mig_conn *conn)
{
	if (!conn)
		return;
	struct pg_conn *c = conn_of(conn);
	/* Ending the session releases its advisory locks too. */
	if (c->pg)
		PQfinish(c->pg);
	mig__free(c->version);
	mig__free(c);
}

/* Connect to the URL's server and database, or to database `dbname`
 * instead when it is not NULL. */
static int connect_to(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, const char *dbname,
		      mig_conn **out)
{
	*out = NULL;
	int lrc = mig__pq_load();
	if (lrc)
		return lrc;
	char *conninfo = libpq_conninfo(url);
	if (!conninfo)
		return mig_error_oom();

	/* Vet the text first: an unknown parameter or a malformed URL is bad
	 * input (exit 2), not an unreachable server. */
	char *perr = NULL;
	PQconninfoOption *parsed = PQconninfoParse(conninfo, &perr);
	if (!parsed) {
		char *why = mig__pg_dup_trimmed(perr ? perr : "out of memory");
		mig__pg_scrub_secrets(&why, url);
		int rc = mig_error_set(MIG_EINPUT, "bad PostgreSQL connection string %s: %s", url->redacted,
				       why ? why : "rejected by libpq");
		mig__free(why);
		if (perr)
			PQfreemem(perr);
		mig__free(conninfo);
		return rc;
	}
	PQconninfoFree(parsed);

	char timeout[16];
	snprintf(timeout, sizeof(timeout), "%d", opts && opts->connect_timeout > 0 ? opts->connect_timeout : 10);
	/* libpq processes keywords in order and the last value wins: the
	 * defaults go before the connection text, what we insist on after. */
	const char *keys[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding",
			      dbname ? "dbname" : NULL, NULL};
	const char *vals[] = {timeout, "migrations", conninfo, "UTF8", dbname, NULL};
	PGconn *pg = PQconnectdbParams(keys, vals, 1);
	mig__free(conninfo);
	if (!pg || PQstatus(pg) != CONNECTION_OK) {
		int rc = mig__pg_connect_error(pg, url);
		PQfinish(pg);
		return rc;
	}

	struct pg_conn *c = mig__calloc(1, sizeof(*c));
	if (!c) {
		PQfinish(pg);
		return mig_error_oom();
	}
	c->base.driver = drv;
	c->base.caps = drv->caps;
	c->pg = pg;
	if (opts) {
		c->notice = opts->notice;
		c->notice_ud = opts->notice_ud;
	}
	PQsetNoticeReceiver(pg, notice_receiver, c);
	int v = PQserverVersion(pg);
	c->version = v >= 100000 ? mig_aprintf("PostgreSQL %d.%d", v / 10000, v % 10000)
				 : mig_aprintf("PostgreSQL %d.%d.%d", v / 10000, v / 100 % 100, v % 100);
	if (!c->version) {
		pg_close(&c->base);
		return mig_error_oom();
	}
	c->base.server.flavour = "postgres";
	c->base.server.version = (unsigned long)v;
	c->base.server.text = c->version;
	/* CockroachDB speaks the protocol but has no advisory locks (its
	 * functions exist and lock nothing): runs take the lease there. */
	if (PQparameterStatus(pg, "crdb_version")) {
		c->base.server.flavour = "cockroachdb";
		c->base.caps &= ~(unsigned)MIG_CAP_SESSION_LOCK;
	}
	int rc = setup_session(c);
	if (rc) {
		pg_close(&c->base);
		return rc;
	}
	*out = &c->base;
	return 0;
}

static int pg_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	return connect_to(drv, url, opts, NULL, out);
}

/* The database the URL names, as libpq resolves it: the text's dbname,
 * else PGDATABASE, else the user name (the caller's `fallback`). */
static char *target_database(const mig_url *url, const char *fallback)
{
	char *conninfo = libpq_conninfo(url);
	PQconninfoOption *opts = conninfo ? PQconninfoParse(conninfo, NULL) : NULL;
	mig__free(conninfo);
	const char *name = NULL;
	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (strcmp(o->keyword, "dbname") == 0 && o->val && *o->val)
			name = o->val;
	if (!name && getenv("PGDATABASE") && *getenv("PGDATABASE"))
		name = getenv("PGDATABASE");
	char *copy = mig_strdup(name ? name : fallback ? fallback : "");
	PQconninfoFree(opts);
	return copy;
}

/* As createdb does: from the maintenance database `postgres` (template1
 * where there is none), CREATE DATABASE unless pg_database has it. A
 * concurrent run that created it first (42P04) is not a failure. */
static int pg_create_database(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, bool *created)
{
	*created = false;
	mig_conn *conn = NULL;
	int rc = connect_to(drv, url, opts, "postgres", &conn);
	if (rc == MIG_ENODATABASE)
		rc = connect_to(drv, url, opts, "template1", &conn);
	if (rc)
		return rc;
	struct pg_conn *c = conn_of(conn);
	char *name = target_database(url, PQuser(c->pg));
	mig_str ask = MIG_STR_INIT, make = MIG_STR_INIT;
	mig_str_puts(&ask, "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ");
	mig_quote_pg_literal(&ask, name ? name : "");
	mig_str_puts(&make, "CREATE DATABASE ");
	mig_quote_ansi_ident(&make, name ? name : "");
	mig_rows *rows = NULL;
	if (!name || mig_str_failed(&ask) || mig_str_failed(&make))
		rc = mig_error_oom();
	else if (!*name)
		rc = mig_error_set(MIG_EUSAGE, "%s names no database to create", url->redacted);
	else if ((rc = mig__pg_query(c, mig_str_cstr(&ask), &rows)) == 0 && rows->nrows == 0) {
		rc = mig__pg_run(c, mig_str_cstr(&make), NULL, NULL, NULL);
		const mig_error *e = mig_error_last();
		if (rc == MIG_ESQL && e && e->sqlstate && strcmp(e->sqlstate, "42P04") == 0) {
			mig_error_clear();
			rc = 0;
		} else {
			*created = rc == 0;
		}
	}
	mig_rows_free(rows);
	mig_str_free(&ask);
	mig_str_free(&make);
	mig__free(name);
	pg_close(conn);
	return rc;
}

/* ---- transactions ------------------------------------------------------ */

/* node-pg-migrate sends these without semicolons. */
static int pg_begin(mig_conn *conn, unsigned flags)
{
	(void)flags; /* foreign keys need no relaxing on PostgreSQL */
	return mig__pg_run(conn_of(conn), "BEGIN", NULL, NULL, NULL);
}

static int pg_commit(mig_conn *conn)
{
	struct pg_conn *c = conn_of(conn);
	/* COMMIT of a failed transaction "succeeds" as a ROLLBACK: refuse to
	 * call that a commit. */
	if (PQtransactionStatus(c->pg) == PQTRANS_INERROR) {
		int rc = mig_error_set(MIG_ESQL, "the transaction was aborted by an earlier error and cannot be committed");
		mig_error_set_sqlstate("25P02");
		return rc;
	}
	PGresult *res = NULL;
	int rc = mig__pg_run(c, "COMMIT", NULL, &res, NULL);
	if (rc == 0 && res && strcmp(PQcmdStatus(res), "ROLLBACK") == 0) {
		rc = mig_error_set(MIG_ESQL, "the server rolled the transaction back instead of committing it");
		mig_error_set_statement("COMMIT", 0);
	}
	PQclear(res);
	return rc;
}

static int pg_rollback(mig_conn *conn)
{
	struct pg_conn *c = conn_of(conn);
	/* Nothing open (a migration's own COMMIT, or the server ended it):
	 * a ROLLBACK would only earn a WARNING. */
	PGTransactionStatusType ts = PQtransactionStatus(c->pg);
	if (ts == PQTRANS_IDLE || ts == PQTRANS_UNKNOWN)
		return 0;
	return mig__pg_run(c, "ROLLBACK", NULL, NULL, NULL);
}

const mig_driver_ops mig_postgres_driver_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.exec_step = pg_exec_step,
	.query = pg_query,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.create_database = pg_create_database,
};
