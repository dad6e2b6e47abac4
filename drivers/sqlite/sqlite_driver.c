/*
 * SQLite driver: in-process, one connection per run.
 *
 * - every connection: PRAGMA foreign_keys=ON, a busy timeout, and
 *   double-quoted string literals off (a "name" is always an identifier);
 * - exec() runs one statement the core hands it (generated SQL comes with
 *   its statement bounds, user SQL through the dialect's splitter); only
 *   undivided user text may hold more, which prepare's tail then walks;
 * - transactions are BEGIN IMMEDIATE (take the write lock up front);
 *   MIG_TXN_RELAXED_FK turns foreign keys off around the transaction (it
 *   is a no-op inside one) and runs PRAGMA foreign_key_check before COMMIT;
 * - the run lock (sqlite_lock.c) is flock() on the database file.
 */
#define _DEFAULT_SOURCE
#include "drivers/sqlite/sqlite_driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static struct sqlite_conn *conn_of(mig_conn *c)
{
	return (struct sqlite_conn *)c;
}

/*
 * The disk is full. SQLite has rolled the transaction back in memory, but
 * its rollback journal stays on disk and the file keeps the size it grew
 * to, until a connection next reads the database and finishes the
 * rollback from the journal ("hot journal"). Read now, so that the file
 * is whole and small again before the run ends; say what could not be
 * cleaned. Called with the failure's error set: adds its detail.
 */
static void after_disk_full(struct sqlite_conn *c, int code)
{
	if ((code & 0xff) != SQLITE_FULL || !c->path || !sqlite3_get_autocommit(c->db))
		return; /* still in the transaction: the caller's ROLLBACK cleans up */
	sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
	char *journal = mig_aprintf("%s-journal", c->path);
	char *detail = NULL;
	struct stat st;
	if (journal && stat(journal, &st) == 0)
		detail = mig_aprintf("the disk is full: SQLite rolled the transaction back, but its journal %s (%lld bytes) is "
				     "left; the next open of the database finishes the rollback and removes it (free some space first)",
				     journal, (long long)st.st_size);
	else if (stat(c->path, &st) == 0)
		detail = mig_aprintf("the disk is full: SQLite rolled the transaction back; its journal is removed and %s is back "
				     "to %lld bytes",
				     c->path, (long long)st.st_size);
	if (detail)
		mig_error_set_detail(detail);
	mig__free(detail);
	mig__free(journal);
}

static int sql_error(struct sqlite_conn *c, const char *stmt, size_t len, int offset)
{
	int rc = mig_error_set(MIG_ESQL, "%s", sqlite3_errmsg(c->db));
	if (stmt) {
		char *s = mig_strndup(stmt, len);
		mig_error_set_statement(s, offset >= 0 ? offset + 1 : 0);
		mig__free(s);
	}
	char code[32];
	int ext = sqlite3_extended_errcode(c->db);
	snprintf(code, sizeof(code), "%d", ext);
	mig_error_set_sqlstate(code);
	after_disk_full(c, ext);
	/* The statement failed inside a transaction the core never began: a
	 * table rebuild's SAVEPOINT outside a transaction (noTransaction()),
	 * or a BEGIN in the migration's own SQL. Roll it back, so that what
	 * it held is all or nothing and no write lock outlives the failure. */
	if (!c->in_txn && !sqlite3_get_autocommit(c->db) && sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK)
		mig_error_set_detail("SQLite rolled back the transaction this statement ran in (a table rebuild's savepoint, "
				     "or the migration's own BEGIN): the statements since it began are undone");
	return rc;
}

static int run(struct sqlite_conn *c, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(c->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		int rc = mig_error_set(MIG_ESQL, "%s", err ? err : sqlite3_errmsg(c->db));
		mig_error_set_statement(sql, 0);
		sqlite3_free(err);
		after_disk_full(c, sqlite3_extended_errcode(c->db));
		return rc;
	}
	return 0;
}

static void sq_close(mig_conn *conn)
{
	if (!conn)
		return;
	struct sqlite_conn *c = conn_of(conn);
	if (c->lock_fd >= 0)
		close(c->lock_fd);
	sqlite3_finalize(c->bound);
	mig__free(c->bound_sql);
	sqlite3_close(c->db);
	mig__free(c->version);
	mig__free(c->path);
	mig__free(c);
}

/* Whether a run that writes could create the file at path: its folder is
 * there, a folder, and writable. */
static bool could_create(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? mig_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : mig_strdup(".");
	if (!dir)
		return true; /* no memory to tell: the open that follows will */
	struct stat st;
	bool ok = stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && access(dir, W_OK | X_OK) == 0;
	mig__free(dir);
	return ok;
}

static int sq_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	struct sqlite_conn *c = mig__calloc(1, sizeof(*c));
	if (!c)
		return mig_error_oom();
	c->base.driver = drv;
	c->base.caps = drv->caps;
	c->lock_fd = -1;
	const char *path = url->path ? url->path : ":memory:";
	bool memory = strcmp(path, ":memory:") == 0;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	/* A database file that does not exist yet is an empty database; for
	 * runs that must not change anything, read that as an empty memory
	 * database instead of creating the file. */
	struct stat st;
	const char *open_path = path;
	if (!memory && opts && opts->no_create && stat(path, &st) != 0 && errno == ENOENT) {
		/* ... but only where a run that writes could create it: status
		 * must not report everything pending where migrate fails */
		if (!could_create(path)) {
			mig__free(c);
			return mig_error_set(MIG_ECONNECT, "cannot open SQLite database %s: %s", path,
					     sqlite3_errstr(SQLITE_CANTOPEN));
		}
		open_path = ":memory:";
	}
	c->path = mig_strdup(path);
	c->version = mig_aprintf("SQLite %s", sqlite3_libversion());
	if (!c->path || !c->version) {
		sq_close(&c->base);
		return mig_error_oom();
	}
	c->base.server.flavour = "sqlite";
	c->base.server.version = (unsigned long)sqlite3_libversion_number();
	c->base.server.text = c->version;
	/* JSON is built in since 3.38 unless left out, and was an option before */
	if ((sqlite3_libversion_number() >= 3038000 && !sqlite3_compileoption_used("OMIT_JSON")) ||
	    sqlite3_compileoption_used("ENABLE_JSON1"))
		c->base.server.facts |= MIG_SERVER_JSON_ROWS;
	int rc = sqlite3_open_v2(open_path, &c->db, flags, NULL);
	if (rc != SQLITE_OK) {
		int err = mig_error_set(MIG_ECONNECT, "cannot open SQLite database %s: %s", path,
					c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		sq_close(&c->base);
		return err;
	}
	sqlite3_extended_result_codes(c->db, 1);
	/* never shorter than the default: a short --lock-wait is about the
	 * run lock, not about a reader's moment on the file */
	sqlite3_busy_timeout(c->db, opts && opts->busy_timeout_ms > MIG_SQLITE_BUSY_MS ? opts->busy_timeout_ms : MIG_SQLITE_BUSY_MS);
#ifdef SQLITE_DBCONFIG_DQS_DDL
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
#endif
	/* Reading the schema proves the file is a database at all (a text file
	 * opens fine and fails only at the first statement). */
	if (run(c, "PRAGMA foreign_keys=ON; SELECT count(*) FROM sqlite_master") != 0) {
		int err = mig_error_set(MIG_ECONNECT, "cannot use SQLite database %s: %s", path,
					sqlite3_errmsg(c->db));
		sq_close(&c->base);
		return err;
	}
	*out = &c->base;
	return 0;
}

/* One statement (undivided user text: each of its statements in turn). */
static int sq_exec(mig_conn *conn, const char *sql, size_t len)
{
	struct sqlite_conn *c = conn_of(conn);
	const char *p = sql, *end = sql + len;
	while (p < end) {
		sqlite3_stmt *st = NULL;
		const char *tail = NULL;
		int rc = sqlite3_prepare_v2(c->db, p, (int)(end - p), &st, &tail);
		if (rc != SQLITE_OK) {
			int off = sqlite3_error_offset(c->db);
			const char *from = p;
			while (from < end && (*from == ' ' || *from == '\n' || *from == '\t' || *from == '\r')) {
				from++;
				off--;
			}
			return sql_error(c, from, (size_t)(end - from), off);
		}
		if (!st) { /* only whitespace or comments left */
			p = tail;
			continue;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE) {
			const char *text = sqlite3_sql(st);
			int err = sql_error(c, text, strlen(text), -1);
			sqlite3_finalize(st);
			return err;
		}
		sqlite3_finalize(st);
		p = tail;
	}
	return 0;
}

/* The runner's records: kept prepared while the text stays the same, so
 * that the records written together at the end of a transaction (where
 * no DDL comes between them to expire it) are prepared once. */
static int sq_exec_bound(mig_conn *conn, const char *sql, const char *value)
{
	struct sqlite_conn *c = conn_of(conn);
	if (!c->bound_sql || strcmp(c->bound_sql, sql) != 0) {
		sqlite3_finalize(c->bound);
		c->bound = NULL;
		mig__free(c->bound_sql);
		if (!(c->bound_sql = mig_strdup(sql)))
			return mig_error_oom();
		const char *tail = NULL;
		if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->bound, &tail) != SQLITE_OK ||
		    !c->bound) {
			int err = sql_error(c, sql, strlen(sql), sqlite3_error_offset(c->db));
			sqlite3_finalize(c->bound);
			c->bound = NULL;
			mig__free(c->bound_sql);
			c->bound_sql = NULL;
			return err;
		}
	}
	int rc = sqlite3_bind_text(c->bound, 1, value, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(c->bound)) == SQLITE_ROW)
			;
	int err = 0;
	if (rc != SQLITE_DONE) {
		char *text = sqlite3_expanded_sql(c->bound);
		const char *shown = text ? text : sql;
		err = sql_error(c, shown, strlen(shown), -1);
		sqlite3_free(text);
	}
	/* a statement left unreset keeps its transaction's locks */
	sqlite3_reset(c->bound);
	sqlite3_clear_bindings(c->bound);
	return err;
}

static int sq_query(mig_conn *conn, const char *sql, mig_rows **out)
{
	struct sqlite_conn *c = conn_of(conn);
	*out = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK || !st)
		return sql_error(c, sql, strlen(sql), sqlite3_error_offset(c->db));
	int ncols = sqlite3_column_count(st);
	mig_rows *rows = mig_rows_new((size_t)ncols);
	if (!rows) {
		sqlite3_finalize(st);
		return MIG_ENOMEM;
	}
	const char **cells = mig__calloc((size_t)ncols + 1, sizeof(*cells));
	int rc = 0;
	/* column names, for the Node.js engine's pgm.db rows */
	for (int i = 0; cells && i < ncols; i++)
		cells[i] = sqlite3_column_name(st, i);
	if (cells && ncols && mig_rows_set_names(rows, cells) != 0) {
		mig__free(cells);
		mig_rows_free(rows);
		sqlite3_finalize(st);
		return MIG_ENOMEM;
	}
	while (cells && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		if (mig_rows_add(rows, cells)) {
			mig__free(cells);
			mig_rows_free(rows);
			sqlite3_finalize(st);
			return MIG_ENOMEM;
		}
	}
	if (!cells) {
		mig_rows_free(rows);
		sqlite3_finalize(st);
		return mig_error_oom();
	}
	mig__free(cells);
	if (rc != SQLITE_DONE) {
		int err = sql_error(c, sql, strlen(sql), -1);
		mig_rows_free(rows);
		sqlite3_finalize(st);
		return err;
	}
	sqlite3_finalize(st);
	*out = rows;
	return 0;
}

static int sq_begin(mig_conn *conn, unsigned flags)
{
	struct sqlite_conn *c = conn_of(conn);
	int rc;
	c->relaxed_fk = (flags & MIG_TXN_RELAXED_FK) != 0;
	if (c->relaxed_fk && (rc = run(c, "PRAGMA foreign_keys=OFF")) != 0)
		return rc;
	if ((rc = run(c, "BEGIN IMMEDIATE")) != 0) {
		if (c->relaxed_fk)
			run(c, "PRAGMA foreign_keys=ON");
		c->relaxed_fk = false;
		if (sqlite3_extended_errcode(c->db) == SQLITE_BUSY)
			mig_error_prefix("the database is busy (another writer kept it locked past the busy timeout)");
		return rc;
	}
	c->in_txn = true;
	return 0;
}

static int end_relaxed(struct sqlite_conn *c)
{
	if (!c->relaxed_fk)
		return 0;
	c->relaxed_fk = false;
	return run(c, "PRAGMA foreign_keys=ON");
}

/* With foreign keys off, nothing checked them during the transaction:
 * refuse to commit dangling references. */
static int check_foreign_keys(struct sqlite_conn *c)
{
	mig_rows *rows = NULL;
	int rc = sq_query(&c->base, "PRAGMA foreign_key_check", &rows);
	if (rc)
		return rc;
	if (rows->nrows > 0) {
		const char *table = mig_rows_get(rows, 0, 0), *rowid = mig_rows_get(rows, 0, 1);
		const char *parent = mig_rows_get(rows, 0, 2);
		rc = mig_error_set(MIG_ESQL,
				   "FOREIGN KEY constraint failed: %zu row(s) violate foreign keys after the change (first: table %s rowid %s references a missing row of %s)",
				   rows->nrows, table ? table : "?", rowid ? rowid : "?", parent ? parent : "?");
		mig_error_set_statement("PRAGMA foreign_key_check", 0);
	}
	mig_rows_free(rows);
	return rc;
}

static int sq_commit(mig_conn *conn)
{
	struct sqlite_conn *c = conn_of(conn);
	int rc;
	if (c->relaxed_fk && (rc = check_foreign_keys(c)) != 0)
		return rc; /* still in the transaction: the caller rolls back */
	if ((rc = run(c, "COMMIT")) != 0)
		return rc;
	c->in_txn = false;
	return end_relaxed(c);
}

static int sq_rollback(mig_conn *conn)
{
	struct sqlite_conn *c = conn_of(conn);
	int rc = 0;
	if (!sqlite3_get_autocommit(c->db))
		rc = run(c, "ROLLBACK");
	c->in_txn = false;
	int rc2 = end_relaxed(c);
	return rc ? rc : rc2;
}

/* The database is its file: an empty one is an empty database (SQLite
 * writes its header with the first table). The folder must exist: a
 * mistyped path should not grow directories. */
static int sq_create_database(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, bool *created)
{
	(void)drv;
	(void)opts;
	*created = false;
	const char *path = url->path ? url->path : ":memory:";
	if (strcmp(path, ":memory:") == 0)
		return 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0) {
		struct stat st;
		if (errno == EEXIST && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return 0;
		return mig_error_set(MIG_EIO, "cannot create the SQLite database %s: %s", path,
				     errno == EEXIST ? "it exists and is not a file" : strerror(errno));
	}
	close(fd);
	*created = true;
	return 0;
}

const mig_driver_ops mig_sqlite_driver_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.query = sq_query,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.create_database = sq_create_database,
	.exec_bound = sq_exec_bound,
};
