/*
 * PostgreSQL driver (libpq).
 *
 * - open: the connection text goes to libpq as given (URL, key=value, or
 *   "postgres://" alone so that the PG* variables decide), after
 *   PQconninfoParse has vetted it; connect_timeout and
 *   fallback_application_name are defaults the text may override;
 *   client_encoding is forced to UTF8 because migration files are UTF-8.
 *   Then SET client_min_messages, and the lock_timeout /
 *   statement_timeout the caller asked for (values as quoted literals).
 * - exec: one step = one simple-protocol Query (what PQexec sends), which
 *   may hold several statements; the results are read one by one so that
 *   an error can name the statement of the step that failed.
 * - errors: PostgreSQL's primary message, detail (+ context), hint,
 *   SQLSTATE and the statement with the error position (as a byte offset,
 *   like the SQLite driver, for the CLI's caret).
 * - lock: node-pg-migrate's session advisory lock, with its exact queries,
 *   so the two tools exclude each other on the same database.
 * - nothing from libpq is kept: every string is copied and every PGresult
 *   cleared before returning.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* node-pg-migrate's PG_MIGRATE_LOCK_ID, used when the caller gives none. */
#define PG_DEFAULT_LOCK_KEY INT64_C(7241865325823964)

struct pg_conn {
	mig_conn base;
	PGconn *pg;
	char *version; /* "PostgreSQL 15.18", for messages */
	int64_t lock_key;
	bool locked;
	void (*notice)(void *ud, const char *message);
	void *notice_ud;
};

static struct pg_conn *conn_of(mig_conn *c)
{
	return (struct pg_conn *)c;
}

/* ---- small text helpers ---------------------------------------------- */

/* A copy without trailing whitespace (libpq messages end in "\n"). */
static char *dup_trimmed(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return mig_strndup(s, n);
}

/* Replace every occurrence of secret in *text by "****". Short secrets are
 * left alone: masking a 2-letter password would mangle every message. */
static void scrub(char **text, const char *secret)
{
	if (!*text || !secret || strlen(secret) < 3 || !strstr(*text, secret))
		return;
	mig_str out = MIG_STR_INIT;
	size_t sl = strlen(secret);
	const char *p = *text, *hit;
	while ((hit = strstr(p, secret)) != NULL) {
		mig_str_put(&out, p, (size_t)(hit - p));
		mig_str_puts(&out, "****");
		p = hit + sl;
	}
	mig_str_puts(&out, p);
	char *clean = mig_str_detach(&out);
	if (clean) {
		mig__free(*text);
		*text = clean;
	} else {
		/* cannot build the masked copy: drop the text rather than leak */
		mig__free(*text);
		*text = mig_strdup("(message withheld)");
	}
}

/* The password as it appears in the URL text (percent-encoded form). */
static char *raw_url_password(const char *raw)
{
	const char *sep = strstr(raw, "://");
	if (!sep)
		return NULL;
	const char *auth = sep + 3;
	const char *end = auth + strcspn(auth, "/?#");
	const char *at = NULL;
	for (const char *p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	if (!at)
		return NULL;
	const char *colon = memchr(auth, ':', (size_t)(at - auth));
	return colon ? mig_strndup(colon + 1, (size_t)(at - colon - 1)) : NULL;
}

/* Mask every form of the password we know of in a libpq message. */
static void scrub_secrets(char **text, const mig_url *url)
{
	scrub(text, url->password);
	char *enc = raw_url_password(url->raw);
	scrub(text, enc);
	mig__free(enc);
	scrub(text, getenv("PGPASSWORD"));
	const char *kv = mig_url_param_get(url, "password");
	scrub(text, kv);
}

/* libpq reports a statement position in characters; the CLI's caret and
 * the SQLite driver use bytes. Count UTF-8 lead bytes (client_encoding is
 * always UTF8 here). Returns a 1-based byte offset, 0 when out of range. */
static int char_to_byte_pos(const char *s, long chars)
{
	if (chars <= 0)
		return 0;
	long seen = 0;
	for (size_t i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++seen == chars)
			return i < (size_t)INT32_MAX ? (int)i + 1 : 0;
	}
	return 0;
}

/*
 * Find statement number `nth` (0-based) in a step the way the server
 * splits it: semicolons outside quotes, dollar quotes, comments and
 * parentheses end a statement; statements holding only blanks and
 * comments do not count (the server skips them too). Returns false when
 * unsure (e.g. BEGIN ATOMIC bodies); the caller then shows the whole step.
 */
static bool is_ident_char(unsigned char ch)
{
	return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80;
}

static bool nth_statement(const char *sql, size_t nth, size_t *start, size_t *len)
{
	size_t i = 0, count = 0;
	int depth = 0;
	bool content = false; /* the current statement has more than blanks/comments */
	size_t content_at = 0;
	for (;;) {
		unsigned char ch = (unsigned char)sql[i];
		if (ch == '\0' || (ch == ';' && depth == 0)) {
			if (content) {
				if (count == nth) {
					*start = content_at;
					*len = (ch ? i + 1 : i) - content_at;
					return true;
				}
				count++;
			}
			if (ch == '\0')
				return false;
			i++;
			content = false;
			continue;
		}
		if (isspace(ch)) {
			i++;
			continue;
		}
		if (ch == '-' && sql[i + 1] == '-') {
			while (sql[i] && sql[i] != '\n')
				i++;
			continue;
		}
		if (ch == '/' && sql[i + 1] == '*') {
			int nest = 0;
			while (sql[i]) {
				if (sql[i] == '/' && sql[i + 1] == '*') {
					nest++;
					i += 2;
				} else if (sql[i] == '*' && sql[i + 1] == '/') {
					i += 2;
					if (--nest == 0)
						break;
				} else {
					i++;
				}
			}
			continue;
		}
		if (!content) {
			content = true;
			content_at = i;
		}
		if (ch == '\'' || ch == '"') {
			/* E'...' strings take backslash escapes */
			bool esc = ch == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
				   (i < 2 || !is_ident_char((unsigned char)sql[i - 2]));
			i++;
			while (sql[i]) {
				if (esc && sql[i] == '\\' && sql[i + 1]) {
					i += 2;
					continue;
				}
				if ((unsigned char)sql[i] == ch) {
					if ((unsigned char)sql[i + 1] == ch) {
						i += 2;
						continue;
					}
					break;
				}
				i++;
			}
			if (sql[i])
				i++;
			continue;
		}
		if (ch == '$' && (i == 0 || !is_ident_char((unsigned char)sql[i - 1]))) {
			/* $tag$ ... $tag$; the tag is empty or an identifier not
			 * starting with a digit ($1 is a parameter) */
			size_t t = i + 1;
			if (!isdigit((unsigned char)sql[t])) {
				while (sql[t] && sql[t] != '$' && (isalnum((unsigned char)sql[t]) || sql[t] == '_' ||
								   (unsigned char)sql[t] >= 0x80))
					t++;
			}
			if (sql[t] == '$') {
				size_t taglen = t - i + 1;
				const char *close = sql + t + 1;
				for (;;) {
					close = strchr(close, '$');
					if (!close || strncmp(close, sql + i, taglen) == 0)
						break;
					close++;
				}
				if (!close)
					return false; /* unterminated: let the server's message speak */
				i = (size_t)(close - sql) + taglen;
				continue;
			}
		}
		if (ch == '(')
			depth++;
		else if (ch == ')' && depth > 0)
			depth--;
		else if ((ch == 'B' || ch == 'b') && (i == 0 || !is_ident_char((unsigned char)sql[i - 1])) &&
			 strncasecmp(sql + i, "BEGIN", 5) == 0) {
			/* SQL-standard function bodies (BEGIN ATOMIC ... END) hold
			 * semicolons the server does not split on */
			size_t k = i + 5;
			while (isspace((unsigned char)sql[k]))
				k++;
			if (strncasecmp(sql + k, "ATOMIC", 6) == 0 && !is_ident_char((unsigned char)sql[k + 6]))
				return false;
		}
		if (is_ident_char(ch)) {
			while (sql[i] && is_ident_char((unsigned char)sql[i]))
				i++;
			continue;
		}
		i++;
	}
}

/* ---- errors ------------------------------------------------------------ */

/*
 * Set the error from a failed result. `sql` is the step that was sent and
 * `done` how many of its statements completed before the failure.
 */
static int result_error(struct pg_conn *c, const PGresult *res, const char *sql, size_t done)
{
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int code = MIG_ESQL;
	char *msg = dup_trimmed(primary ? primary : PQerrorMessage(c->pg));
	if (PQstatus(c->pg) == CONNECTION_BAD)
		code = MIG_ECONNECT;
	int rc;
	if (code == MIG_ECONNECT)
		rc = mig_error_set(code, "lost the connection to the PostgreSQL server: %s",
				   msg && *msg ? msg : "(no message)");
	else
		rc = mig_error_set(code, "%s", msg && *msg ? msg : "the statement failed (no message from the server)");
	mig__free(msg);
	if (!res) {
		if (sql)
			mig_error_set_statement(sql, 0);
		return rc;
	}
	const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
	if (sql) {
		if (pos) {
			/* The position counts from the start of the step: show the
			 * statement that holds it, with the position moved along. */
			int at = char_to_byte_pos(sql, strtol(pos, NULL, 10));
			size_t start = 0, len = 0;
			bool found = false;
			for (size_t k = 0; at > 0 && nth_statement(sql, k, &start, &len); k++) {
				if ((size_t)at <= start)
					break;
				if ((size_t)at <= start + len) {
					found = true;
					break;
				}
			}
			char *one = found ? mig_strndup(sql + start, len) : NULL;
			if (one)
				mig_error_set_statement(one, at - (int)start);
			else
				mig_error_set_statement(sql, at);
			mig__free(one);
		} else {
			size_t start = 0, len = 0;
			if (nth_statement(sql, done, &start, &len)) {
				char *one = mig_strndup(sql + start, len);
				mig_error_set_statement(one ? one : sql, 0);
				mig__free(one);
			} else {
				mig_error_set_statement(sql, 0);
			}
		}
	}
	const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	const char *context = PQresultErrorField(res, PG_DIAG_CONTEXT);
	if (detail || context) {
		char *d = mig_aprintf("%s%s%s%s", detail ? detail : "", detail && context ? "; " : "",
				      context ? "context: " : "", context ? context : "");
		if (d) {
			/* one line: the CLI prints it after "detail: " */
			for (char *p = d; *p; p++)
				if (*p == '\n')
					*p = ' ';
			mig_error_set_detail(d);
		}
		mig__free(d);
	}
	const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	if (hint)
		mig_error_set_hint(hint);
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (state)
		mig_error_set_sqlstate(state);
	return rc;
}

/* ---- running text ---------------------------------------------------- */

/*
 * Send one step and collect its results. On success *last (if asked)
 * receives the last result (caller clears). COPY to/from the client is
 * refused: a migration has no data stream to give it.
 */
static int run_step(struct pg_conn *c, const char *sql, PGresult **last)
{
	if (last)
		*last = NULL;
	if (!PQsendQuery(c->pg, sql))
		return result_error(c, NULL, sql, 0);
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
	if (failed) {
		PQclear(keep);
		int rc = result_error(c, failed, sql, done);
		PQclear(failed);
		return rc;
	}
	if (PQstatus(c->pg) == CONNECTION_BAD) {
		PQclear(keep);
		return result_error(c, NULL, sql, done);
	}
	if (last)
		*last = keep;
	else
		PQclear(keep);
	return 0;
}

static int pg_exec(mig_conn *conn, const char *sql)
{
	return run_step(conn_of(conn), sql, NULL);
}

static int pg_query(mig_conn *conn, const char *sql, mig_rows **out)
{
	struct pg_conn *c = conn_of(conn);
	*out = NULL;
	PGresult *res = NULL;
	int rc = run_step(c, sql, &res);
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

/* The single boolean cell of a lock query. */
static int query_bool(struct pg_conn *c, const char *sql, bool *value)
{
	mig_rows *rows = NULL;
	int rc = pg_query(&c->base, sql, &rows);
	if (rc)
		return rc;
	const char *v = mig_rows_get(rows, 0, 0);
	*value = v && strcmp(v, "t") == 0;
	mig_rows_free(rows);
	return 0;
}

/* ---- connection ---------------------------------------------------- */

static void notice_receiver(void *arg, const PGresult *res)
{
	struct pg_conn *c = arg;
	if (!c->notice)
		return;
	char *msg = dup_trimmed(PQresultErrorMessage(res));
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

/* "user@host:port/db" as libpq resolved it, for messages about a
 * connection whose text does not say (PG* variables, defaults). */
static char *describe_target(PGconn *pg)
{
	const char *user = PQuser(pg), *host = PQhost(pg), *port = PQport(pg), *db = PQdb(pg);
	return mig_aprintf("%s%s%s%s%s/%s", user && *user ? user : "", user && *user ? "@" : "",
			   host && *host ? host : "(default host)", port && *port ? ":" : "",
			   port && *port ? port : "", db && *db ? db : "");
}

static int connect_error(PGconn *pg, const mig_url *url)
{
	/* libpq's text is one line per host tried; the first says why. */
	char *all = dup_trimmed(pg ? PQerrorMessage(pg) : "out of memory");
	scrub_secrets(&all, url);
	char *first = all, *rest = NULL;
	if (all) {
		char *nl = strchr(all, '\n');
		if (nl) {
			*nl = '\0';
			rest = nl + 1;
		}
	}
	char *target = pg && !url->host ? describe_target(pg) : NULL;
	scrub_secrets(&target, url);
	/* libpq vets option values (sslmode=..., port=...) before it tries
	 * any host; those messages start with "invalid": bad input, exit 2 */
	int code = first && strncmp(first, "invalid ", 8) == 0 ? MIG_EINPUT : MIG_ECONNECT;
	int rc = mig_error_set(code, "cannot connect to PostgreSQL %s%s%s%s: %s", url->redacted,
			       target ? " (" : "", target ? target : "", target ? ")" : "",
			       first && *first ? first : "no message from libpq");
	if (rest) {
		/* the remaining lines: "\tIs the server running ...?" and the
		 * other hosts tried, joined into one line */
		mig_str d = MIG_STR_INIT;
		for (char *line = strtok(rest, "\n"); line; line = strtok(NULL, "\n")) {
			while (isspace((unsigned char)*line))
				line++;
			if (!*line)
				continue;
			if (d.len)
				mig_str_puts(&d, "; ");
			mig_str_puts(&d, line);
		}
		if (d.len)
			mig_error_set_detail(mig_str_cstr(&d));
		mig_str_free(&d);
	}
	mig__free(target);
	mig__free(all);
	return rc;
}

/* SET name TO 'value', with the value as a quoted literal. */
static void put_set(mig_str *s, const char *name, const char *value)
{
	mig_str_printf(s, "SET %s TO '", name);
	for (const char *p = value; *p; p++) {
		if (*p == '\'')
			mig_str_putc(s, '\'');
		mig_str_putc(s, *p);
	}
	mig_str_puts(s, "'");
}

static int apply_setting(struct pg_conn *c, const char *name, const char *value)
{
	mig_str s = MIG_STR_INIT;
	put_set(&s, name, value);
	if (mig_str_failed(&s))
		return mig_error_oom();
	int rc = run_step(c, mig_str_cstr(&s), NULL);
	mig_str_free(&s);
	if (rc) {
		const mig_error *e = mig_error_last();
		/* a bad value is bad input (exit 2), not a run-time failure */
		if (e && e->sqlstate && (strcmp(e->sqlstate, "22023") == 0 || strcmp(e->sqlstate, "42704") == 0)) {
			char *m = mig_aprintf("cannot set %s to '%s': %s", name, value, e->message);
			char *hint = e->hint ? mig_strdup(e->hint) : NULL;
			rc = mig_error_set(MIG_EINPUT, "%s", m ? m : "cannot apply a session setting");
			mig_error_set_hint(hint ? hint : "PostgreSQL durations look like 500ms, 10s, 5min or 1h; 0 turns the limit off");
			mig__free(hint);
			mig__free(m);
		} else {
			mig_error_prefix("cannot set %s", name);
		}
	}
	return rc;
}

/* Session settings, applied once after connecting. */
static int setup_session(struct pg_conn *c, const mig_conn_opts *opts)
{
	/* NOTICEs are worth showing with --verbose; without a listener only
	 * warnings and worse are sent. This also tames a role or database
	 * whose default is DEBUG. */
	int rc = apply_setting(c, "client_min_messages", c->notice ? "notice" : "warning");
	if (rc == 0 && opts && opts->lock_timeout && *opts->lock_timeout)
		rc = apply_setting(c, "lock_timeout", opts->lock_timeout);
	if (rc == 0 && opts && opts->statement_timeout && *opts->statement_timeout)
		rc = apply_setting(c, "statement_timeout", opts->statement_timeout);
	return rc;
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

static int pg_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	*out = NULL;
	char *conninfo = libpq_conninfo(url);
	if (!conninfo)
		return mig_error_oom();

	/* Vet the text first: an unknown parameter or a malformed URL is bad
	 * input (exit 2), not an unreachable server. */
	char *perr = NULL;
	PQconninfoOption *parsed = PQconninfoParse(conninfo, &perr);
	if (!parsed) {
		char *why = dup_trimmed(perr ? perr : "out of memory");
		scrub_secrets(&why, url);
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
	const char *keys[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding", NULL};
	const char *vals[] = {timeout, "migrations", conninfo, "UTF8", NULL};
	PGconn *pg = PQconnectdbParams(keys, vals, 1);
	mig__free(conninfo);
	if (!pg || PQstatus(pg) != CONNECTION_OK) {
		int rc = connect_error(pg, url);
		PQfinish(pg);
		return rc;
	}

	struct pg_conn *c = mig__calloc(1, sizeof(*c));
	if (!c) {
		PQfinish(pg);
		return mig_error_oom();
	}
	c->base.driver = drv;
	c->pg = pg;
	c->lock_key = PG_DEFAULT_LOCK_KEY;
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
	int rc = setup_session(c, opts);
	if (rc) {
		pg_close(&c->base);
		return rc;
	}
	*out = &c->base;
	return 0;
}

/* ---- transactions ------------------------------------------------------ */

/* node-pg-migrate sends these without semicolons. */
static int pg_begin(mig_conn *conn, unsigned flags)
{
	(void)flags; /* foreign keys need no relaxing on PostgreSQL */
	return run_step(conn_of(conn), "BEGIN", NULL);
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
	int rc = run_step(c, "COMMIT", &res);
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
	return run_step(c, "ROLLBACK", NULL);
}

/* ---- the run lock ---------------------------------------------------- */

/* Who holds the advisory lock key in this database, for the message.
 * pg_locks splits a bigint key into classid (high half) and objid (low
 * half) with objsubid 1. NULL when it cannot tell. */
static char *lock_holder(struct pg_conn *c, int64_t key)
{
	uint64_t k = (uint64_t)key;
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
		return NULL;
	mig_error *saved = mig_error_save();
	mig_rows *rows = NULL;
	char *out = NULL;
	if (pg_query(&c->base, sql, &rows) == 0 && rows->nrows == 1) {
		const char *pid = mig_rows_get(rows, 0, 0), *user = mig_rows_get(rows, 0, 1);
		const char *app = mig_rows_get(rows, 0, 2), *addr = mig_rows_get(rows, 0, 3);
		const char *since = mig_rows_get(rows, 0, 4);
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "held by server process %s", pid ? pid : "?");
		if (user && *user)
			mig_str_printf(&s, ", user %s", user);
		if (app && *app)
			mig_str_printf(&s, ", application '%s'", app);
		if (addr && *addr)
			mig_str_printf(&s, ", client %s", addr);
		if (since && *since)
			mig_str_printf(&s, ", connected since %s", since);
		out = mig_str_detach(&s);
	}
	mig_rows_free(rows);
	mig__free(sql);
	mig_error_clear();
	mig_error_restore(saved);
	return out;
}

/* The lock is held elsewhere. waited > 0: a bounded wait ran out; `why`:
 * the server cut an unbounded wait short (lock/statement timeout). */
static int locked_error(struct pg_conn *c, int64_t key, double waited, const char *why)
{
	char *holder = lock_holder(c, key);
	int rc;
	if (why)
		rc = mig_error_set(MIG_ELOCKED,
				   "Another migration is already running: gave up waiting for the advisory lock %" PRId64 " (%s)",
				   key, why);
	else if (waited > 0)
		rc = mig_error_set(MIG_ELOCKED,
				   "Another migration is already running: the advisory lock %" PRId64
				   " was still held after waiting %g s.",
				   key, waited);
	else
		rc = mig_error_set(MIG_ELOCKED, "Another migration is already running. Advisory lock mode is set to 'fail'.");
	if (holder)
		mig_error_set_detail(holder);
	if (why)
		mig_error_set_hint("the session's lock_timeout / statement_timeout also limit the wait for the run lock");
	else
		mig_error_set_hint(waited > 0 ? "wait longer with --lock-wait SECONDS, or find the other run"
					      : "to wait for it instead, use --lock-wait SECONDS");
	mig__free(holder);
	return rc;
}

static double elapsed_s(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static int pg_lock(mig_conn *conn, const mig_lock_opts *opts)
{
	struct pg_conn *c = conn_of(conn);
	int64_t key = opts && opts->key ? opts->key : PG_DEFAULT_LOCK_KEY;
	double wait = opts ? opts->wait_seconds : 0;
	char try_sql[96];
	snprintf(try_sql, sizeof(try_sql), "SELECT pg_try_advisory_lock(%" PRId64 ") AS \"lockObtained\"", key);
	bool got = false;
	int rc = query_bool(c, try_sql, &got);
	if (rc)
		return rc;
	if (!got && wait == 0)
		return locked_error(c, key, 0, NULL);
	if (!got && c->notice) {
		char *holder = lock_holder(c, key);
		char *msg = wait > 0 ? mig_aprintf("waiting up to %g s for another migration to release the lock (%s)", wait,
						   holder ? holder : "holder unknown")
				     : mig_aprintf("waiting for another migration to release the lock (%s)",
						   holder ? holder : "holder unknown");
		if (msg)
			c->notice(c->notice_ud, msg);
		mig__free(msg);
		mig__free(holder);
	}
	if (!got && wait < 0) {
		/* node-pg-migrate's advisory-lock-mode=wait; a lock_timeout or
		 * statement_timeout set for the session still applies */
		char sql[64];
		snprintf(sql, sizeof(sql), "SELECT pg_advisory_lock(%" PRId64 ")", key);
		if ((rc = run_step(c, sql, NULL)) != 0) {
			const mig_error *e = mig_error_last();
			if (e && e->sqlstate && (strcmp(e->sqlstate, "55P03") == 0 || strcmp(e->sqlstate, "57014") == 0)) {
				char *why = mig_strdup(e->message);
				rc = locked_error(c, key, 0, why ? why : "cancelled by the server");
				mig__free(why);
			}
			return rc;
		}
		got = true;
	}
	if (!got) {
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		long nap_ms = 50;
		for (;;) {
			double left = wait - elapsed_s(&t0);
			if (left <= 0)
				return locked_error(c, key, wait, NULL);
			long ms = nap_ms;
			if ((double)ms > left * 1000.0)
				ms = (long)(left * 1000.0) + 1;
			struct timespec nap = {ms / 1000, (ms % 1000) * 1000000L};
			nanosleep(&nap, NULL);
			if (nap_ms < 1000)
				nap_ms *= 2;
			if ((rc = query_bool(c, try_sql, &got)) != 0)
				return rc;
			if (got)
				break;
		}
	}
	c->lock_key = key;
	c->locked = true;
	return 0;
}

static int pg_unlock(mig_conn *conn)
{
	struct pg_conn *c = conn_of(conn);
	if (!c->locked)
		return 0;
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_unlock(%" PRId64 ") AS \"lockReleased\"", c->lock_key);
	bool released = false;
	int rc = query_bool(c, sql, &released);
	c->locked = false;
	if (rc)
		return rc;
	if (!released) {
		if (c->notice)
			c->notice(c->notice_ud, "Failed to release migration lock");
		return mig_error_set(MIG_ERROR, "Failed to release migration lock");
	}
	return 0;
}

static const char *pg_server_version(mig_conn *conn)
{
	return conn_of(conn)->version;
}

const mig_driver_ops mig_postgres_driver_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.query = pg_query,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.lock = pg_lock,
	.unlock = pg_unlock,
	.server_version = pg_server_version,
};
