/*
 * PostgreSQL errors as the user sees them: the server's primary message,
 * detail (+ context), hint, SQLSTATE, and the failing statement with the
 * error position in it (a byte offset, as the CLI's caret wants); the
 * connection's own failures; passwords masked in every libpq text.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/postgres/pg_driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small text helpers ---------------------------------------------- */

/* A copy without trailing whitespace (libpq messages end in "\n"). */
char *mig__pg_dup_trimmed(const char *s)
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
void mig__pg_scrub_secrets(char **text, const mig_url *url)
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

/* ---- errors ------------------------------------------------------------ */

/* The failing statement of a step, with the position moved into it. */
static void set_statement(const char *sql, const mig_step *step, int at, size_t done)
{
	if (!step || step->undivided || step->n == 0) {
		mig_error_set_statement(sql, at);
		return;
	}
	size_t k = done < step->n ? done : step->n - 1;
	if (at > 0) {
		/* the position counts from the start of the step: the
		 * statement that holds it is the one that failed */
		for (size_t i = 0; i < step->n; i++)
			if ((size_t)at > step->start[i] && (size_t)at <= step->start[i] + step->len[i] + 1)
				k = i;
	}
	char *one = mig_step_stmt(step, k);
	int pos = at > 0 ? at - (int)step->start[k] : 0;
	if (one)
		mig_error_set_statement(one, pos > 0 ? pos : 0);
	else
		mig_error_set_statement(sql, at);
	mig__free(one);
}

int mig__pg_result_error(struct pg_conn *c, const PGresult *res, const char *sql, const mig_step *step, size_t done)
{
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char *msg = mig__pg_dup_trimmed(primary ? primary : PQerrorMessage(c->pg));
	int rc;
	if (PQstatus(c->pg) == CONNECTION_BAD)
		rc = mig_error_set(MIG_ECONNLOST, "lost the connection to the PostgreSQL server: %s",
				   msg && *msg ? msg : "(no message)");
	else
		rc = mig_error_set(MIG_ESQL, "%s", msg && *msg ? msg : "the statement failed (no message from the server)");
	mig__free(msg);
	if (!res) {
		if (sql)
			set_statement(sql, step, 0, done);
		return rc;
	}
	const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
	if (sql)
		set_statement(sql, step, pos ? char_to_byte_pos(sql, strtol(pos, NULL, 10)) : 0, done);
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

/* "user@host:port/db" as libpq resolved it, for messages about a
 * connection whose text does not say (PG* variables, defaults). */
static char *describe_target(PGconn *pg)
{
	const char *user = PQuser(pg), *host = PQhost(pg), *port = PQport(pg), *db = PQdb(pg);
	return mig_aprintf("%s%s%s%s%s/%s", user && *user ? user : "", user && *user ? "@" : "",
			   host && *host ? host : "(default host)", port && *port ? ":" : "",
			   port && *port ? port : "", db && *db ? db : "");
}

int mig__pg_connect_error(PGconn *pg, const mig_url *url)
{
	/* libpq's text is one line per host tried; the first says why. */
	char *all = mig__pg_dup_trimmed(pg ? PQerrorMessage(pg) : "out of memory");
	mig__pg_scrub_secrets(&all, url);
	char *first = all, *rest = NULL;
	if (all) {
		char *nl = strchr(all, '\n');
		if (nl) {
			*nl = '\0';
			rest = nl + 1;
		}
	}
	char *target = pg && !url->host ? describe_target(pg) : NULL;
	mig__pg_scrub_secrets(&target, url);
	/* libpq vets option values (sslmode=..., port=...) before it tries
	 * any host; those messages start with "invalid": bad input, exit 2 */
	int code = first && strncmp(first, "invalid ", 8) == 0 ? MIG_EINPUT : MIG_ECONNECT;
	/* The server answered 3D000, which libpq keeps only in its text (a
	 * failed connection has no result to read the SQLSTATE from): the
	 * server's English message, as lc_messages is the server's own at
	 * startup; another language stays a plain connect failure. */
	if (code == MIG_ECONNECT && first && strstr(first, "FATAL:  database \"") && strstr(first, "\" does not exist"))
		code = MIG_ENODATABASE;
	int rc = mig_error_set(code, "cannot connect to PostgreSQL %s%s%s%s: %s", url->redacted,
			       target ? " (" : "", target ? target : "", target ? ")" : "",
			       first && *first ? first : "no message from libpq");
	if (rest) {
		/* the remaining lines: "\tIs the server running ...?" and the
		 * other hosts tried, joined into one line */
		mig_str d = MIG_STR_INIT;
		char *save = NULL;
		for (char *line = strtok_r(rest, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
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

