/*
 * MySQL/MariaDB driver (MariaDB Connector/C or Oracle's libmysqlclient).
 *
 * - open: the URL's parameters are decided in my_params.c; the session
 *   speaks utf8mb4 (migration files are UTF-8), may send several
 *   statements in one text (user SQL that cannot be divided), never
 *   reconnects behind the core's back and never reads local files for
 *   LOAD DATA LOCAL. sql_mode, time_zone and the session's timeouts are
 *   the dialect's session setup, sent through exec() after open.
 * - exec/query: one text per round trip, every result of it drained
 *   (an undrained one fails the next statement with error 2014); the
 *   warnings a statement leaves go to the notice callback.
 * - errors (my_errors.c): "ERROR <errno> (<sqlstate>): <message>".
 * - lock (my_lock.c): GET_LOCK, a session lock.
 * - nothing from the client library is kept: rows are copied and every
 *   result freed before returning.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/mysql/my_driver.h"

#include "dialects/common/quote.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <stdio.h>
#include <string.h>

/* The connect timeout when neither the URL nor the caller gives one. */
#define DEFAULT_CONNECT_TIMEOUT 10u

/* "Query was empty": a text of comments only, or a trailing comment after
 * the last statement of a multi-statement text. Nothing to run: fine. */
#define ER_EMPTY_QUERY 1065u

static struct my_conn *conn_of(mig_conn *c)
{
	return (struct my_conn *)c;
}

/* ---- running text ---------------------------------------------------- */

static int fail(struct my_conn *c, const char *sql, size_t len, const mig_step *step, unsigned nth)
{
	/* a step's statements are known: name the one that failed */
	if (step && nth >= 1 && nth <= step->n) {
		sql = step->text + step->start[nth - 1];
		len = step->len[nth - 1];
	}
	char *stmt = sql ? mig_strndup(sql, len) : NULL;
	c->last_errno = mysql_errno(c->my);
	int rc = mig__my_set_error(c->last_errno, mysql_sqlstate(c->my), mysql_error(c->my), stmt);
	mig__free(stmt);
	if (rc == MIG_ECONNLOST)
		c->lost = true;
	else if (nth > 1 && !step) {
		/* the server says only that the text failed, not where: say which
		 * statement it was, and that the ones before it stay done (DDL
		 * commits implicitly) */
		char detail[128];
		snprintf(detail, sizeof(detail), "statement %u of this text failed; the %u before it ran", nth, nth - 1);
		mig_error_set_detail(detail);
	}
	return rc;
}

/* The rows of a stored result as mig_rows (copies). */
static int rows_of(MYSQL_RES *res, mig_rows **out)
{
	size_t ncols = mysql_num_fields(res);
	mig_rows *rows = mig_rows_new(ncols);
	const char **cells = mig__calloc(ncols + 1, sizeof(*cells));
	if (!rows || !cells) {
		mig__free(cells);
		mig_rows_free(rows);
		return mig_error_oom();
	}
	/* column names, for the Node.js engine's pgm.db rows */
	MYSQL_FIELD *fields = mysql_fetch_fields(res);
	for (size_t k = 0; fields && k < ncols; k++)
		cells[k] = fields[k].name;
	if (fields && ncols && mig_rows_set_names(rows, cells) != 0) {
		mig__free(cells);
		mig_rows_free(rows);
		return MIG_ENOMEM;
	}
	MYSQL_ROW row;
	while ((row = mysql_fetch_row(res)) != NULL) {
		for (size_t k = 0; k < ncols; k++)
			cells[k] = row[k]; /* NULL for SQL NULL */
		int rc = mig_rows_add(rows, cells);
		if (rc) {
			mig__free(cells);
			mig_rows_free(rows);
			return rc;
		}
	}
	mig__free(cells);
	*out = rows;
	return 0;
}

static int run(struct my_conn *c, const char *sql, size_t len, const mig_step *step, size_t *done, mig_rows **out,
	       bool notices, const size_t *peeks, size_t npeeks);

/* The rows of a SHOW WARNINGS, each to the notice callback. */
static void print_warnings(struct my_conn *c, const mig_rows *rows)
{
	for (size_t r = 0; rows && r < rows->nrows && rows->ncols >= 3; r++) {
		const char *level = mig_rows_get(rows, r, 0), *code = mig_rows_get(rows, r, 1),
			   *msg = mig_rows_get(rows, r, 2);
		char *line = mig_aprintf("%s %s: %s", level ? level : "Warning", code ? code : "?", msg ? msg : "");
		if (line)
			c->notice(c->notice_ud, line);
		mig__free(line);
	}
}

/* SHOW WARNINGS of the last statement (those read inside the text went
 * out as they came); the warnings of other earlier statements of a
 * multi-statement text are gone by then (the server keeps one
 * statement's), so they are counted. */
static void show_warnings(struct my_conn *c, bool last, unsigned earlier)
{
	mig_rows *rows = NULL;
	if (last && run(c, "SHOW WARNINGS", 13, NULL, NULL, &rows, false, NULL, 0) != 0) {
		mig_error_clear(); /* only notices; a lost session shows at the next statement */
		return;
	}
	print_warnings(c, rows);
	mig_rows_free(rows);
	if (earlier) {
		char line[128];
		snprintf(line, sizeof(line), "%u earlier statement%s of the same text left warnings (not shown: only the last statement's can be read)",
			 earlier, earlier == 1 ? "" : "s");
		c->notice(c->notice_ud, line);
	}
	mig_error_clear();
}

/*
 * Send sql[0..len) as one text and drain every result it produces: with
 * CLIENT_MULTI_STATEMENTS one per statement. *out (if asked) keeps the
 * rows of the last result that has columns. With a step (its statements'
 * bounds in step->text), *done = how many of them completed, and a
 * failure names the failing statement itself. peeks: the text holds a
 * SHOW WARNINGS after each of these statements of the step (1-based,
 * ascending: my_exec_step), not one of the step's own: its rows are that
 * statement's warnings.
 */
static int run(struct my_conn *c, const char *sql, size_t len, const mig_step *step, size_t *done, mig_rows **out,
	       bool notices, const size_t *peeks, size_t npeeks)
{
	if (done)
		*done = 0;
	if (out)
		*out = NULL;
	if (c->lost) {
		int rc = mig_error_set(MIG_ECONNLOST, "lost the connection to the MySQL/MariaDB server earlier: nothing more is sent");
		char *stmt = mig_strndup(sql, len);
		mig_error_set_statement(stmt, 0);
		mig__free(stmt);
		return rc;
	}
	mig_rows *rows = NULL;
	int rc = 0;
	/* nth: the result in the text; the step's statement it belongs to is
	 * nth less the SHOW WARNINGS passed (pi); one that fails leaves the
	 * next statement not run, so it counts as that statement's failure */
	unsigned nth = 1, warned_before = 0, warnings = 0;
	size_t pi = 0;
#define STMT_OF(k) ((unsigned)((k) - pi))
	c->base.round_trips++;
	if (mysql_real_query(c->my, sql, (unsigned long)len) != 0) {
		if (mysql_errno(c->my) == ER_EMPTY_QUERY)
			goto done;
		return fail(c, sql, len, step, nth);
	}
	for (;;) {
		bool peeking = pi < npeeks && nth == peeks[pi] + pi + 1;
		MYSQL_RES *res = mysql_store_result(c->my);
		if (res) {
			mig_rows *these = NULL;
			/* out of memory: keep draining, the connection stays usable */
			if (peeking) {
				if (warnings && notices && c->notice) {
					if (rows_of(res, &these) == 0)
						print_warnings(c, these);
					else
						mig_error_clear(); /* only notices */
					mig_rows_free(these);
				}
			} else if (out && rc == 0 && (rc = rows_of(res, &these)) == 0) {
				mig_rows_free(rows);
				rows = these;
			}
			mysql_free_result(res);
		} else if (mysql_field_count(c->my) != 0) {
			mig_rows_free(rows);
			return fail(c, sql, len, step, STMT_OF(nth));
		}
		if (peeking) {
			warnings = 0; /* read: not lost */
			pi++;
		} else {
			if (done)
				*done = STMT_OF(nth);
			if (warnings)
				warned_before++;
			warnings = mysql_warning_count(c->my);
		}
		int next = mysql_next_result(c->my);
		if (next < 0)
			break;
		nth++;
		if (next > 0) {
			if (mysql_errno(c->my) == ER_EMPTY_QUERY)
				break;
			mig_rows_free(rows);
			return fail(c, sql, len, step, STMT_OF(nth));
		}
	}
#undef STMT_OF
	if (rc) {
		mig_rows_free(rows);
		return rc;
	}
	if (notices && c->notice && warnings + warned_before > 0)
		show_warnings(c, warnings > 0, warned_before);
done:
	if (out) {
		if (!rows && !(rows = mig_rows_new(0)))
			return MIG_ENOMEM;
		*out = rows;
	} else {
		mig_rows_free(rows);
	}
	return 0;
}

int mig__my_query(struct my_conn *c, const char *sql, mig_rows **out)
{
	return run(c, sql, strlen(sql), NULL, NULL, out, true, NULL, 0);
}

static int my_exec(mig_conn *conn, const char *sql, size_t len)
{
	return run(conn_of(conn), sql, len, NULL, NULL, NULL, true, NULL, 0);
}

/* MIG_CAP_BATCH: the step's statements as one multi-statement text; the
 * server runs them one after the other, each committing as it would
 * alone, and stops at the first failure. The warnings that can be shown
 * are the last statement's, and with step->warn those of each statement
 * it marks too: a SHOW WARNINGS goes right after each, before the
 * statements that follow clear them. */
static int my_exec_step(mig_conn *conn, const mig_step *step, size_t *done)
{
	struct my_conn *c = conn_of(conn);
	size_t npeeks = 0;
	for (size_t i = 0; step->warn && i + 1 < step->n; i++)
		npeeks += step->warn[i];
	if (!npeeks)
		return run(c, step->text, strlen(step->text), step, done, NULL, true, NULL, 0);
	size_t *peeks = mig__calloc(npeeks, sizeof(*peeks));
	if (!peeks)
		return mig_error_oom();
	mig_str t = MIG_STR_INIT;
	size_t copied = 0, k = 0;
	for (size_t i = 0; i + 1 < step->n; i++) {
		if (!step->warn[i])
			continue;
		peeks[k++] = i + 1;
		/* after the text up to the next statement: this one's
		 * terminator, unless it has none (then on a line of its own:
		 * the statement may end in a comment) */
		size_t cut = step->start[i + 1], from = step->start[i];
		size_t end = from + step->len[i], last = end;
		while (last > from && strchr(" \t\r\n", step->text[last - 1]))
			last--;
		bool ended = (last > from && step->text[last - 1] == ';') || memchr(step->text + end, ';', cut - end);
		mig_str_put(&t, step->text + copied, cut - copied);
		mig_str_puts(&t, ended ? "SHOW WARNINGS;\n" : "\n;\nSHOW WARNINGS;\n");
		copied = cut;
	}
	mig_str_puts(&t, step->text + copied);
	int rc = mig_str_failed(&t) ? mig_error_oom()
				    : run(c, mig_str_cstr(&t), t.len, step, done, NULL, true, peeks, npeeks);
	mig_str_free(&t);
	mig__free(peeks);
	return rc;
}

static int my_query(mig_conn *conn, const char *sql, mig_rows **out)
{
	return mig__my_query(conn_of(conn), sql, out);
}

/* ---- connection ---------------------------------------------------- */

/*
 * A Galera node (MariaDB Galera Cluster, Percona XtraDB Cluster) says
 * wsrep_on = ON. Every node takes writes, and GET_LOCK is node-local: a
 * lock held on one node is granted at once on another, so it excludes
 * nothing and runs take the lease instead. (SHOW VARIABLES, not
 * @@wsrep_on: a server without wsrep has no such variable and answers
 * with no row rather than an error.)
 */
static int cluster_facts(struct my_conn *c)
{
	mig_rows *rows = NULL;
	int rc = mig__my_query(c, "SHOW VARIABLES LIKE 'wsrep_on'", &rows);
	if (rc)
		return rc;
	const char *v = rows->nrows == 1 ? mig_rows_get(rows, 0, 1) : NULL;
	if (v && (strcmp(v, "ON") == 0 || strcmp(v, "1") == 0)) {
		c->base.server.facts |= MIG_SERVER_CLUSTER;
		c->base.caps &= ~(unsigned)MIG_CAP_SESSION_LOCK;
	}
	mig_rows_free(rows);
	return 0;
}

/*
 * TLS as the URL asks. The two libraries differ:
 * - Oracle's libmysqlclient (8.0) has MYSQL_OPT_SSL_MODE with exactly the
 *   URL's five modes (its default is PREFERRED); ENFORCE and
 *   VERIFY_SERVER_CERT are gone from it.
 * - MariaDB's Connector/C (3.3, the library this was built and tested
 *   with) has no SSL_MODE and uses TLS only when asked. Tried against a
 *   server without TLS: MYSQL_OPT_SSL_ENFORCE alone still connects in
 *   plain text (it means "TLS when offered": our `preferred`), while
 *   MYSQL_OPT_SSL_VERIFY_SERVER_CERT refuses (error 2026) and checks the
 *   certificate and the host name (so verify-ca is verify-identity
 *   there). `required` is ENFORCE plus the check after connecting that
 *   TLS is in use (check_tls): a server that offers none is refused
 *   before any statement, though after the handshake, which the native
 *   authentication plugins never send the password in.
 */
static int set_tls(MYSQL *my, const struct mig__my_params *p)
{
	int bad = 0;
#if defined(LIBMARIADB) || defined(MARIADB_BASE_VERSION)
	bool use = p->ssl_mode >= MIG__MY_SSL_PREFERRED;
	bool verify = p->ssl_mode >= MIG__MY_SSL_VERIFY_CA;
	if (p->ssl_mode != MIG__MY_SSL_DEFAULT) {
		bad |= mysql_options(my, MYSQL_OPT_SSL_ENFORCE, &use);
		bad |= mysql_options(my, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
	}
#else
	if (p->ssl_mode != MIG__MY_SSL_DEFAULT) {
		unsigned mode = p->ssl_mode == MIG__MY_SSL_DISABLED	 ? SSL_MODE_DISABLED
				: p->ssl_mode == MIG__MY_SSL_PREFERRED ? SSL_MODE_PREFERRED
				: p->ssl_mode == MIG__MY_SSL_REQUIRED  ? SSL_MODE_REQUIRED
				: p->ssl_mode == MIG__MY_SSL_VERIFY_CA ? SSL_MODE_VERIFY_CA
								       : SSL_MODE_VERIFY_IDENTITY;
		bad |= mysql_options(my, MYSQL_OPT_SSL_MODE, &mode);
	}
#endif
	if (p->ssl_ca)
		bad |= mysql_options(my, MYSQL_OPT_SSL_CA, p->ssl_ca);
	if (p->ssl_cert)
		bad |= mysql_options(my, MYSQL_OPT_SSL_CERT, p->ssl_cert);
	if (p->ssl_key)
		bad |= mysql_options(my, MYSQL_OPT_SSL_KEY, p->ssl_key);
	return bad;
}

static int set_options(MYSQL *my, const struct mig__my_params *p, const mig_conn_opts *opts, const mig_url *url)
{
	unsigned timeout = p->connect_timeout ? p->connect_timeout
			   : opts && opts->connect_timeout > 0 ? (unsigned)opts->connect_timeout
							       : DEFAULT_CONNECT_TIMEOUT;
	unsigned off = 0;
	int bad = 0;
	bad |= mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	bad |= mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	/* A stalled send means a dead peer; a long wait for an answer does
	 * not (an ALTER TABLE of a big table, or GET_LOCK waiting for another
	 * run, may be silent for hours), so there is no read timeout: the
	 * dialect's session setup bounds statements on the server. */
	bad |= mysql_options(my, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	bad |= mysql_options(my, MYSQL_OPT_LOCAL_INFILE, &off);
#if defined(LIBMARIADB) || defined(MARIADB_BASE_VERSION)
	/* off by default in both libraries; Oracle's (8.0.34+) warns on
	 * stderr that the option is deprecated, so it is set only here */
	bool reconnect = false;
	bad |= mysql_options(my, MYSQL_OPT_RECONNECT, &reconnect);
#endif
	if (bad)
		return mig_error_set(MIG_ECONNECT, "cannot connect to MySQL/MariaDB at %s: the client library refused a connection option",
				     url->redacted);
	if (set_tls(my, p))
		return mig_error_set(MIG_EINPUT, "bad MySQL URL %s: this client library cannot use the TLS settings asked for",
				     url->redacted);
	return 0;
}

static void my_close(mig_conn *conn)
{
	if (!conn)
		return;
	struct my_conn *c = conn_of(conn);
	/* Ending the session releases its GET_LOCK locks too. */
	if (c->my)
		mysql_close(c->my);
	mig__free(c->version);
	mig__free(c->database);
	mig__free(c);
}

/* Connect with the parameters p (of url) says. */
static int connect_with(const mig_driver *drv, const mig_url *url, const struct mig__my_params *pp,
			const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	struct mig__my_params p = *pp;
	int rc = mig__my_load();
	if (rc)
		return rc;
	struct my_conn *c = mig__calloc(1, sizeof(*c));
	if (!c)
		return mig_error_oom();
	c->base.driver = drv;
	if (opts) {
		c->notice = opts->notice;
		c->notice_ud = opts->notice_ud;
	}
	if ((url->database && !(c->database = mig_strdup(url->database))) || !(c->my = mysql_init(NULL))) {
		my_close(&c->base);
		return mig_error_oom();
	}
	if ((rc = set_options(c->my, &p, opts, url)) != 0) {
		my_close(&c->base);
		return rc;
	}
	if (!mysql_real_connect(c->my, p.host, p.user, p.password, p.database, p.port, p.socket,
				CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS)) {
		rc = mig__my_connect_error(url, mysql_errno(c->my), mysql_error(c->my));
		my_close(&c->base);
		return rc;
	}
	if (p.ssl_mode >= MIG__MY_SSL_REQUIRED && !mysql_get_ssl_cipher(c->my)) {
		rc = mig_error_set(MIG_ECONNECT, "cannot connect to MySQL/MariaDB at %s: ssl-mode=%s, but the server does not use TLS",
				   url->redacted, p.ssl_mode == MIG__MY_SSL_REQUIRED ? "required" : "verify-*");
		my_close(&c->base);
		return rc;
	}
	c->version = mig__my_server_facts(mysql_get_server_info(c->my), mysql_get_server_version(c->my),
					  &c->base.server.flavour, &c->base.server.version);
	if (!c->version) {
		my_close(&c->base);
		return mig_error_oom();
	}
	c->base.server.text = c->version;
	c->base.caps = drv->caps;
	if ((rc = cluster_facts(c)) != 0) {
		my_close(&c->base);
		return rc;
	}
	*out = &c->base;
	return 0;
}

static int my_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	struct mig__my_params p;
	int rc = mig__my_params_from_url(url, &p);
	return rc ? rc : connect_with(drv, url, &p, opts, out);
}

/* From a session with no database selected: `CREATE DATABASE IF NOT
 * EXISTS` (utf8mb4, as migration files are UTF-8), after asking whether
 * it is there (the name as a hex literal, which no sql_mode reads
 * differently: this session has no setup). */
static int my_create_database(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, bool *created)
{
	*created = false;
	struct mig__my_params p;
	int rc = mig__my_params_from_url(url, &p);
	if (rc)
		return rc;
	if (!p.database || !*p.database)
		return mig_error_set(MIG_EUSAGE, "%s names no database to create", url->redacted);
	const char *name = p.database;
	p.database = NULL;
	mig_conn *conn = NULL;
	if ((rc = connect_with(drv, url, &p, opts, &conn)) != 0)
		return rc;
	struct my_conn *c = conn_of(conn);
	char *lit = mig__my_hex_literal(name);
	char *ask = lit ? mig_aprintf("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", lit) : NULL;
	mig_rows *rows = NULL;
	mig_str sql = MIG_STR_INIT;
	mig_str_puts(&sql, "CREATE DATABASE IF NOT EXISTS ");
	mig_quote_backtick_ident(&sql, name);
	mig_str_puts(&sql, " CHARACTER SET utf8mb4");
	if (!ask || mig_str_failed(&sql))
		rc = mig_error_oom();
	else if ((rc = mig__my_query(c, ask, &rows)) == 0 && rows->nrows == 0 &&
		 (rc = mig__my_query(c, mig_str_cstr(&sql), NULL)) == 0)
		*created = true;
	mig_rows_free(rows);
	mig_str_free(&sql);
	mig__free(ask);
	mig__free(lit);
	my_close(conn);
	return rc;
}

/* ---- transactions ------------------------------------------------------ */

/* DDL commits implicitly on MySQL/MariaDB: a transaction holds the DML
 * of a migration, not its DDL (hence no MIG_CAP_TXN_DDL). */
static int my_begin(mig_conn *conn, unsigned flags)
{
	(void)flags; /* foreign keys need no relaxing here */
	return mig__my_query(conn_of(conn), "START TRANSACTION", NULL);
}

static int my_commit(mig_conn *conn)
{
	return mig__my_query(conn_of(conn), "COMMIT", NULL);
}

/* A ROLLBACK with nothing open is a quiet no-op on the server. */
static int my_rollback(mig_conn *conn)
{
	return mig__my_query(conn_of(conn), "ROLLBACK", NULL);
}

const mig_driver_ops mig_mysql_driver_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = my_open,
	.close = my_close,
	.exec = my_exec,
	.exec_step = my_exec_step,
	.query = my_query,
	.begin = my_begin,
	.commit = my_commit,
	.rollback = my_rollback,
	.create_database = my_create_database,
};
