/*
 * The fake database of the runner's unit tests (see fake_driver.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "fake_driver.h"

#include "drivers/driver.h"
#include "drivers/lock.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/rows.h"
#include "util/str.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fake_server server;

fake_server *fake(void)
{
	return &server;
}

struct fake_conn {
	mig_conn base;
	bool my; /* fakemy: no transactional DDL */
};

static struct fake_conn *conn_of(mig_conn *c)
{
	return (struct fake_conn *)c;
}

/* ---- small helpers --------------------------------------------------------- */

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "fake driver: out of memory\n");
		abort();
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* The statement with runs of white space made one space, trimmed. */
static char *normalize(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			space = o > 0;
			continue;
		}
		if (space)
			d[o++] = ' ';
		space = false;
		d[o++] = s[i];
	}
	d[o] = '\0';
	return d;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool starts_with_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[i]) != word[i])
			return false;
	return !isalnum((unsigned char)s[n]) && s[n] != '_';
}

/* MySQL's statements that commit implicitly (the ones a migration has). */
static bool is_ddl(const char *s)
{
	static const char *const ddl[] = {"create", "alter", "drop", "truncate", "rename", "grant", "revoke"};
	for (size_t i = 0; i < sizeof(ddl) / sizeof(ddl[0]); i++)
		if (starts_with_word(s, ddl[i]))
			return true;
	return false;
}

/* The '...' literal at p (E'' and '' escapes), or NULL; *end (when
 * asked) is where it ends. */
static char *literal_at(const char *p, const char **end)
{
	if (*p == 'E')
		p++;
	if (*p != '\'')
		return NULL;
	p++;
	mig_str v = MIG_STR_INIT;
	while (*p) {
		if (*p == '\'' && p[1] == '\'') {
			mig_str_putc(&v, '\'');
			p += 2;
		} else if (*p == '\'') {
			p++;
			break;
		} else if (*p == '\\' && p[1]) {
			mig_str_putc(&v, p[1]);
			p += 2;
		} else {
			mig_str_putc(&v, *p++);
		}
	}
	if (end)
		*end = p;
	char *out = xstrdup(mig_str_cstr(&v));
	mig_str_free(&v);
	return out;
}

/* The first '...' literal after `after` in s, or NULL. */
static char *literal_after(const char *s, const char *after)
{
	const char *p = strstr(s, after);
	return p ? literal_at(p + strlen(after), NULL) : NULL;
}

static void strs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char **strs_copy(char *const *v, size_t n)
{
	char **c = xmalloc((n ? n : 1) * sizeof(*c));
	for (size_t i = 0; i < n; i++)
		c[i] = xstrdup(v[i]);
	return c;
}

static void strs_push(char ***v, size_t *n, const char *s)
{
	char **g = realloc(*v, (*n + 1) * sizeof(**v));
	if (!g)
		abort();
	*v = g;
	g[(*n)++] = xstrdup(s);
}

/* ---- the journal ------------------------------------------------------------ */

static fake_call *journal(enum fake_call_kind kind, unsigned cat, const char *text, int rc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static fake_call *journal(enum fake_call_kind kind, unsigned cat, const char *text, int rc, const char *fmt, ...)
{
	fake_server *s = &server;
	if (s->ncalls == s->capcalls) {
		s->capcalls = s->capcalls ? s->capcalls * 2 : 64;
		fake_call *g = realloc(s->calls, s->capcalls * sizeof(*g));
		if (!g)
			abort();
		s->calls = g;
	}
	fake_call *c = &s->calls[s->ncalls++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->cat = cat;
	c->text = text ? xstrdup(text) : NULL;
	c->rc = rc;
	mig_str l = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&l, fmt, ap);
	va_end(ap);
	c->label = xstrdup(mig_str_cstr(&l));
	mig_str_free(&l);
	return c;
}

/* Give entry i (journalled before its outcome was known) its final label. */
static void relabel(size_t i, int rc, const char *label)
{
	free(server.calls[i].label);
	server.calls[i].label = xstrdup(label);
	server.calls[i].rc = rc;
}

static void violation(const char *what)
{
	server.violations++;
	journal(FAKE_NOTE, 0, NULL, 0, "VIOLATION %s", what);
}

char *fake_journal_text(unsigned show)
{
	mig_str t = MIG_STR_INIT;
	for (size_t i = 0; i < server.ncalls; i++) {
		const fake_call *c = &server.calls[i];
		if (c->cat && !(c->cat & show))
			continue;
		mig_str_puts(&t, c->label);
		mig_str_putc(&t, '\n');
	}
	char *out = xstrdup(mig_str_cstr(&t));
	mig_str_free(&t);
	return out;
}

size_t fake_count(const char *prefix)
{
	size_t n = 0;
	for (size_t i = 0; i < server.ncalls; i++)
		n += starts_with(server.calls[i].label, prefix);
	return n;
}

char *fake_applied_text(void)
{
	mig_str t = MIG_STR_INIT;
	for (size_t i = 0; i < server.napplied; i++) {
		mig_str_puts(&t, server.applied[i]);
		mig_str_putc(&t, '\n');
	}
	char *out = xstrdup(mig_str_cstr(&t));
	mig_str_free(&t);
	return out;
}

char *fake_records_text(void)
{
	mig_str t = MIG_STR_INIT;
	for (size_t i = 0; i < server.nrecords; i++) {
		if (i)
			mig_str_putc(&t, ' ');
		mig_str_puts(&t, server.records[i]);
	}
	char *out = xstrdup(mig_str_cstr(&t));
	mig_str_free(&t);
	return out;
}

void fake_reset(void)
{
	fake_server *s = &server;
	for (size_t i = 0; i < s->ncalls; i++) {
		free(s->calls[i].label);
		free(s->calls[i].text);
	}
	free(s->calls);
	strs_free(s->records, s->nrecords);
	strs_free(s->applied, s->napplied);
	strs_free(s->saved_records, s->nsaved_records);
	strs_free(s->jrows, s->njrows);
	strs_free(s->saved_jrows, s->nsaved_jrows);
	free(s->lease);
	memset(s, 0, sizeof(*s));
}

void fake_seed_record(const char *name)
{
	server.table_exists = true;
	strs_push(&server.records, &server.nrecords, name);
}

void fake_seed_journal(const char *row)
{
	server.table_exists = true;
	server.journal_exists = true;
	strs_push(&server.jrows, &server.njrows, row);
}

char *fake_journal_rows_text(void)
{
	mig_str t = MIG_STR_INIT;
	for (size_t i = 0; i < server.njrows; i++) {
		if (i)
			mig_str_puts(&t, "; ");
		mig_str_puts(&t, server.jrows[i]);
	}
	char *out = xstrdup(mig_str_cstr(&t));
	mig_str_free(&t);
	return out;
}

/* ---- transactions of the fake database --------------------------------------- */

static void txn_save(void)
{
	fake_server *s = &server;
	s->saved_table_exists = s->table_exists;
	strs_free(s->saved_records, s->nsaved_records);
	s->saved_records = strs_copy(s->records, s->nrecords);
	s->nsaved_records = s->nrecords;
	s->saved_napplied = s->napplied;
	strs_free(s->saved_jrows, s->nsaved_jrows);
	s->saved_jrows = strs_copy(s->jrows, s->njrows);
	s->nsaved_jrows = s->njrows;
}

static void truncate_applied(size_t n)
{
	while (server.napplied > n)
		free(server.applied[--server.napplied]);
}

static void txn_end(bool keep)
{
	fake_server *s = &server;
	if (!keep) {
		s->table_exists = s->saved_table_exists;
		strs_free(s->records, s->nrecords);
		s->records = s->saved_records;
		s->nrecords = s->nsaved_records;
		truncate_applied(s->saved_napplied);
		strs_free(s->jrows, s->njrows);
		s->jrows = s->saved_jrows;
		s->njrows = s->nsaved_jrows;
	} else {
		strs_free(s->saved_records, s->nsaved_records);
		strs_free(s->saved_jrows, s->nsaved_jrows);
	}
	s->saved_records = NULL;
	s->nsaved_records = 0;
	s->saved_jrows = NULL;
	s->nsaved_jrows = 0;
	s->in_txn = false;
	s->aborted = false;
}

/* The server lost the session: it rolls back and releases what it held. */
static void lose(void)
{
	fake_server *s = &server;
	s->lost = true;
	journal(FAKE_NOTE, 0, NULL, 0, "server: session lost");
	if (s->in_txn) {
		txn_end(false);
		journal(FAKE_NOTE, 0, NULL, 0, "server: rolled back the open transaction");
	}
	s->locked = false;
}

static int lost_error(void)
{
	return mig_error_set(MIG_ECONNLOST, "fake: server closed the connection unexpectedly");
}

/* A call on a session that is gone. */
static bool gone(const char *what)
{
	if (!server.lost)
		return false;
	char buf[128];
	snprintf(buf, sizeof(buf), "%s after the session was lost", what);
	violation(buf);
	return true;
}

static int sql_error(const char *stmt, const char *msg, const char *sqlstate)
{
	int rc = mig_error_set(MIG_ESQL, "%s", msg);
	mig_error_set_statement(stmt, 0);
	mig_error_set_sqlstate(sqlstate);
	return rc;
}

/* A statement failed inside the open transaction: PostgreSQL refuses the
 * rest of it. */
static void failed_in_txn(struct fake_conn *c)
{
	if (server.in_txn && !c->my)
		server.aborted = true;
}

/* ---- statements --------------------------------------------------------------- */

enum outcome { DONE, FAILED, LOST };

/* A DDL statement of fakemy inside a transaction commits it first. */
static void implicit_commit(struct fake_conn *c, const char *sql)
{
	if (c->my && server.in_txn && is_ddl(sql)) {
		txn_end(true);
		journal(FAKE_NOTE, 0, NULL, 0, "server: implicit commit");
	}
}

/* The state table "<schema>"."pgmigrations" (any schema). */
static bool names_state(const char *s)
{
	return strstr(s, "\"pgmigrations\"") != NULL;
}

static bool names_lease(const char *s)
{
	return strstr(s, "\"pgmigrations_lock\"") != NULL;
}

static bool names_journal(const char *s)
{
	return strstr(s, "\"pgmigrations_journal\"") != NULL || strstr(s, "'pgmigrations_journal'") != NULL;
}

static char run_on_text[32];

static int state_rows(mig_rows **out, size_t ncols)
{
	*out = mig_rows_new(ncols);
	return *out ? 0 : MIG_ENOMEM;
}

static int add_row(mig_rows *r, const char *a, const char *b)
{
	const char *cells[2] = {a, b};
	return mig_rows_add(r, cells);
}

/* A state-table statement; *handled false when sql is not one. */
static int state_stmt(struct fake_conn *c, const char *sql, mig_rows **out, bool *handled)
{
	fake_server *s = &server;
	*handled = true;
	int rc = 0;
	if (starts_with(sql, "SELECT table_name FROM information_schema.tables") && strstr(sql, "'pgmigrations'")) {
		journal(FAKE_STATE, FAKE_J_READS, sql, 0, "state exists");
		if (out && (rc = state_rows(out, 1)) == 0 && s->table_exists)
			rc = add_row(*out, "pgmigrations", NULL);
		return rc;
	}
	if (starts_with(sql, "SELECT constraint_name FROM information_schema.table_constraints") &&
	    strstr(sql, "'pgmigrations'")) {
		journal(FAKE_STATE, FAKE_J_READS, sql, 0, "state pk");
		if (out && (rc = state_rows(out, 1)) == 0 && s->table_exists)
			rc = add_row(*out, "pgmigrations_pkey", NULL);
		return rc;
	}
	if (starts_with(sql, "CREATE SCHEMA IF NOT EXISTS ")) {
		journal(FAKE_STATE, 0, sql, 0, "state schema");
		return 0;
	}
	if (!names_state(sql)) {
		*handled = false;
		return 0;
	}
	implicit_commit(c, sql);
	if (starts_with(sql, "CREATE TABLE ")) {
		if (s->table_exists) {
			journal(FAKE_STATE, 0, sql, MIG_ESQL, "state create -> error");
			failed_in_txn(c);
			return sql_error(sql, "relation \"pgmigrations\" already exists", "42P07");
		}
		s->table_exists = true;
		journal(FAKE_STATE, 0, sql, 0, "state create");
		return 0;
	}
	if (starts_with(sql, "ALTER TABLE ")) {
		journal(FAKE_STATE, 0, sql, 0, "state pkfix");
		return 0;
	}
	if (!s->table_exists) {
		journal(FAKE_STATE, 0, sql, MIG_ESQL, "state ? -> error (no table)");
		failed_in_txn(c);
		return sql_error(sql, "relation \"pgmigrations\" does not exist", "42P01");
	}
	if (starts_with(sql, "SELECT name, ")) {
		journal(FAKE_STATE, FAKE_J_READS, sql, 0, "state select");
		if (!out)
			return 0;
		if ((rc = state_rows(out, 2)) != 0)
			return rc;
		for (size_t i = 0; i < s->nrecords && rc == 0; i++) {
			snprintf(run_on_text, sizeof(run_on_text), "2024-01-01 00:00:%02zu.000", i % 60);
			rc = add_row(*out, s->records[i], run_on_text);
		}
		return rc;
	}
	bool insert = starts_with(sql, "INSERT INTO ");
	bool del = starts_with(sql, "DELETE FROM ");
	if (insert || del) {
		char *name = literal_after(sql, insert ? "VALUES (" : "WHERE name=");
		if (!name)
			name = xstrdup("?");
		const char *verb = insert ? "record" : "unrecord";
		if (s->inject.fail_record && strcmp(s->inject.fail_record, name) == 0) {
			journal(FAKE_STATE, 0, sql, MIG_ESQL, "%s %s -> error", verb, name);
			free(name);
			failed_in_txn(c);
			return sql_error(sql, "fake: permission denied for table pgmigrations", "42501");
		}
		journal(FAKE_STATE, 0, sql, 0, "%s %s", verb, name);
		if (insert) {
			strs_push(&s->records, &s->nrecords, name);
		} else {
			for (size_t i = 0; i < s->nrecords; i++) {
				if (strcmp(s->records[i], name) == 0) {
					free(s->records[i]);
					memmove(&s->records[i], &s->records[i + 1], (s->nrecords - i - 1) * sizeof(char *));
					s->nrecords--;
					break;
				}
			}
		}
		free(name);
		return 0;
	}
	journal(FAKE_STATE, 0, sql, 0, "state other %s", sql);
	return 0;
}

/* A lease statement (engine/lock_lease.c via the dialect's lock_sql). */
static int lease_stmt(struct fake_conn *c, const char *sql, mig_rows **out)
{
	fake_server *s = &server;
	implicit_commit(c, sql);
	if (starts_with(sql, "CREATE TABLE IF NOT EXISTS ")) {
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease create");
	} else if (starts_with(sql, "DELETE FROM ") && strstr(sql, "expires_at <")) {
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease expire");
	} else if (starts_with(sql, "INSERT INTO ") && s->inject.lease_conflicts > 0) {
		s->inject.lease_conflicts--;
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, MIG_ESQL, "lease take -> conflict");
		return sql_error(sql, "Deadlock found when trying to get lock; try restarting transaction", "40001");
	} else if (starts_with(sql, "INSERT INTO ")) {
		char *owner = literal_after(sql, "VALUES (1, ");
		if (!s->lease && owner) {
			s->lease = owner;
			owner = NULL;
		}
		free(owner);
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease take");
	} else if (starts_with(sql, "SELECT owner")) {
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease read");
		if (out) {
			if (!(*out = mig_rows_new(4)))
				return MIG_ENOMEM;
			const char *cells[4] = {s->lease, "1700000000", "1700000600", "1700000001"};
			if (s->lease)
				return mig_rows_add(*out, cells);
		}
	} else if (starts_with(sql, "UPDATE ")) {
		char *owner = literal_after(sql, "AND owner = ");
		bool ours = owner && s->lease && strcmp(owner, s->lease) == 0;
		free(owner);
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease renew%s", ours ? "" : " (not ours)");
	} else if (starts_with(sql, "DELETE FROM ")) {
		char *owner = literal_after(sql, "AND owner = ");
		bool ours = owner && s->lease && strcmp(owner, s->lease) == 0;
		free(owner);
		if (ours) {
			free(s->lease);
			s->lease = NULL;
		}
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease release%s", ours ? "" : " (not ours)");
	} else {
		journal(FAKE_LEASE, FAKE_J_LOCK, sql, 0, "lease other %s", sql);
	}
	return 0;
}

/* The journal row of `name`, or -1. */
static long jrow_find(const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < server.njrows; i++)
		if (strncmp(server.jrows[i], name, n) == 0 && server.jrows[i][n] == ' ')
			return (long)i;
	return -1;
}

static void jrow_set(long at, const char *name, const char *dir, const char *state, long done)
{
	char *row = mig_aprintf("%s %s %s %ld", name, dir, state, done);
	char *copy = xstrdup(row ? row : "?");
	mig__free(row);
	if (at < 0) {
		strs_push(&server.jrows, &server.njrows, copy);
		free(copy);
	} else {
		free(server.jrows[at]);
		server.jrows[at] = copy;
	}
}

static bool recorded(const char *name)
{
	for (size_t i = 0; i < server.nrecords; i++)
		if (strcmp(server.records[i], name) == 0)
			return true;
	return false;
}

/* A row the migrations table agrees with (dialects/common/journal.c). */
static bool jrow_complete(const char *row)
{
	char name[128], dir[8], state[16];
	if (sscanf(row, "%127s %7s %15s", name, dir, state) != 3 || strcmp(state, "running") != 0)
		return false;
	return strcmp(dir, "up") == 0 ? recorded(name) : !recorded(name);
}

/* The number after "SET statements_done = ". */
static long done_in(const char *sql)
{
	const char *p = strstr(sql, "statements_done = ");
	return p ? strtol(p + strlen("statements_done = "), NULL, 10) : -1;
}

/* A statement on the journal (engine/journal.c via the dialect's journal_sql). */
static int journal_stmt(struct fake_conn *c, const char *sql, mig_rows **out)
{
	fake_server *s = &server;
	if (starts_with(sql, "SELECT table_name FROM information_schema.tables")) {
		journal(FAKE_JOURNAL, FAKE_J_READS, sql, 0, "journal exists");
		if (out && !(*out = mig_rows_new(1)))
			return MIG_ENOMEM;
		if (out && s->journal_exists)
			return add_row(*out, "pgmigrations_journal", NULL);
		return 0;
	}
	implicit_commit(c, sql);
	if (starts_with(sql, "CREATE TABLE IF NOT EXISTS ")) {
		s->journal_exists = true;
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal create");
		return 0;
	}
	if (!s->journal_exists) {
		journal(FAKE_JOURNAL, 0, sql, MIG_ESQL, "journal ? -> error (no table)");
		failed_in_txn(c);
		return sql_error(sql, "relation \"pgmigrations_journal\" does not exist", "42P01");
	}
	if (starts_with(sql, "SELECT name, direction")) {
		journal(FAKE_JOURNAL, FAKE_J_READS, sql, 0, "journal select");
		if (!out)
			return 0;
		if (!(*out = mig_rows_new(8)))
			return MIG_ENOMEM;
		for (size_t i = 0; i < s->njrows; i++) {
			char name[128], dir[8], state[16];
			long done = 0;
			if (sscanf(s->jrows[i], "%127s %7s %15s %ld", name, dir, state, &done) != 4)
				continue;
			char d[24];
			snprintf(d, sizeof(d), "%ld", done);
			const char *cells[8] = {name,
						dir,
						state,
						d,
						"1700000000",
						"otherhost:1:1",
						strcmp(state, "failed") == 0 ? "fake: an earlier failure" : NULL,
						jrow_complete(s->jrows[i]) ? "1" : "0"};
			int rc = mig_rows_add(*out, cells);
			if (rc)
				return rc;
		}
		return 0;
	}
	int k = ++s->journal_writes;
	if (starts_with(sql, "DELETE") && strstr(sql, "WHERE state = 'running' AND name IN (")) {
		/* the prune: the running rows of the names listed, each of which
		 * the runner must have seen complete */
		const char *p = strstr(sql, "name IN (") + strlen("name IN (");
		size_t gone = 0;
		while (*p == '\'' || *p == 'E') {
			char *name = literal_at(p, &p);
			if (!name)
				break;
			if (*p == ',' && p[1] == ' ')
				p += 2;
			long at = jrow_find(name);
			if (at >= 0 && strstr(s->jrows[at], " running ")) {
				if (!jrow_complete(s->jrows[at]))
					violation("journal prune of a row that is not complete");
				free(s->jrows[at]);
				memmove(&s->jrows[at], &s->jrows[at + 1], (s->njrows - (size_t)at - 1) * sizeof(char *));
				s->njrows--;
				gone++;
			}
			free(name);
		}
		if (*p != ')')
			violation("journal prune: not a list of names");
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal prune %zu", gone);
		return 0;
	}
	const char *verb = starts_with(sql, "INSERT") ? "start"
			   : starts_with(sql, "DELETE") ? "clear"
			   : strstr(sql, "'failed'") ? "fail"
							: "progress";
	char *name = literal_after(sql, starts_with(sql, "INSERT") ? "VALUES (" : "WHERE name = ");
	if (!name)
		name = xstrdup("?");
	if (s->inject.fail_journal == k) {
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, MIG_ESQL, "journal %s %s -> error", verb, name);
		free(name);
		failed_in_txn(c);
		return sql_error(sql, "fake: injected journal failure", "XX000");
	}
	long at = jrow_find(name);
	long done = done_in(sql);
	if (strcmp(verb, "start") == 0) {
		bool upsert = strstr(sql, " ON CONFLICT (name) DO UPDATE ") || strstr(sql, " ON DUPLICATE KEY UPDATE ");
		if (at >= 0 && !upsert) {
			journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, MIG_ESQL, "journal start %s -> error (exists)", name);
			free(name);
			failed_in_txn(c);
			return sql_error(sql, "duplicate key value violates unique constraint", "23505");
		}
		/* the runner refuses to run over a row that is not complete */
		if (at >= 0 && !jrow_complete(s->jrows[at]))
			violation("journal start over a row that is not complete");
		jrow_set(at, name, strstr(sql, "'down'") ? "down" : "up", "running", 0);
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal start %s%s", name, at >= 0 ? " (replaces its complete row)" : "");
	} else if (strcmp(verb, "clear") == 0) {
		if (at >= 0) {
			free(s->jrows[at]);
			memmove(&s->jrows[at], &s->jrows[at + 1], (s->njrows - (size_t)at - 1) * sizeof(char *));
			s->njrows--;
		}
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal clear %s", name);
	} else if (at >= 0) {
		char row_name[128], dir[8];
		sscanf(s->jrows[at], "%127s %7s", row_name, dir);
		jrow_set(at, name, dir, strcmp(verb, "fail") == 0 ? "failed" : "running", done);
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal %s %s %ld", verb, name, done);
	} else {
		journal(FAKE_JOURNAL, FAKE_J_JOURNAL, sql, 0, "journal %s %s (no row)", verb, name);
	}
	free(name);
	return 0;
}

/* One migration statement: counted, then failed, lost or applied. */
static enum outcome migration_stmt(struct fake_conn *c, const char *sql, int *rc)
{
	fake_server *s = &server;
	int k = ++s->stmts;
	*rc = 0;
	if (s->aborted) {
		violation("statement in a failed transaction");
		*rc = sql_error(sql, "current transaction is aborted, commands ignored until end of transaction block", "25P02");
		return FAILED;
	}
	if (s->inject.lose_at == k) {
		lose();
		*rc = lost_error();
		return LOST;
	}
	/* MySQL commits before it runs the statement, even one that fails */
	implicit_commit(c, sql);
	if (s->inject.fail_nth == k || (s->inject.fail_sql && strstr(sql, s->inject.fail_sql))) {
		*rc = sql_error(sql, "fake: injected failure", "XX000");
		failed_in_txn(c);
		return FAILED;
	}
	strs_push(&s->applied, &s->napplied, sql);
	return DONE;
}

/* Anything sent through exec() or query(). */
static int statement(mig_conn *conn, const char *text, size_t len, mig_rows **out)
{
	struct fake_conn *c = conn_of(conn);
	char *sql = normalize(text, len);
	int rc = 0;
	if (gone(sql)) {
		free(sql);
		return lost_error();
	}
	bool handled = false;
	if (starts_with_word(sql, "set")) {
		journal(FAKE_SESSION, FAKE_J_SESSION, sql, 0, "session %s", sql);
	} else if (names_lease(sql)) {
		rc = lease_stmt(c, sql, out);
	} else if (names_journal(sql)) {
		rc = journal_stmt(c, sql, out);
	} else {
		rc = state_stmt(c, sql, out, &handled);
		if (!handled && out) {
			journal(FAKE_QUERY, 0, sql, 0, "query %s", sql);
			if (!(*out = mig_rows_new(1)))
				rc = MIG_ENOMEM;
		} else if (!handled) {
			/* journalled first: what the server does about it follows */
			size_t at = server.ncalls;
			journal(FAKE_EXEC, 0, sql, 0, "exec %s", sql);
			enum outcome o = migration_stmt(c, sql, &rc);
			if (o != DONE) {
				char *l = mig_aprintf("exec %s -> %s", sql, o == FAILED ? "error" : "lost");
				relabel(at, rc, l ? l : "exec ? -> ?");
				mig__free(l);
			}
		}
	}
	free(sql);
	return rc;
}

/* ---- the driver's operations -------------------------------------------------- */

static int fake_open(const mig_driver *drv, const mig_url *url, const mig_conn_opts *opts, mig_conn **out)
{
	(void)opts;
	*out = NULL;
	fake_server *s = &server;
	if (s->inject.fail_open || (s->inject.fail_open_after && s->opened >= s->inject.fail_open_after)) {
		journal(FAKE_OPEN, FAKE_J_CONN, url->raw, MIG_ECONNECT, "open %s -> error", url->redacted);
		return mig_error_set(MIG_ECONNECT, "fake: connection refused");
	}
	struct fake_conn *c = mig__calloc(1, sizeof(*c));
	if (!c)
		return mig_error_oom();
	c->base.driver = drv;
	c->base.caps = drv->caps;
	c->base.server.flavour = "fake";
	c->base.server.version = 1;
	c->base.server.text = "Fake 1";
	c->my = strcmp(drv->name, "fakemy") == 0;
	s->opened++;
	s->lost = false;
	s->in_txn = false;
	s->aborted = false;
	journal(FAKE_OPEN, FAKE_J_CONN, url->raw, 0, "open %s", url->redacted);
	*out = &c->base;
	return 0;
}

static void fake_close(mig_conn *conn)
{
	if (!conn)
		return;
	fake_server *s = &server;
	journal(FAKE_CLOSE, FAKE_J_CONN, NULL, 0, "close");
	if (!s->lost) {
		/* the session ends: the server rolls back and drops the lock */
		if (s->in_txn) {
			txn_end(false);
			journal(FAKE_NOTE, 0, NULL, 0, "server: rolled back the transaction left open at close");
		}
		s->locked = false;
	}
	s->closed++;
	mig__free(conn);
}

static int fake_exec(mig_conn *conn, const char *sql, size_t len)
{
	return statement(conn, sql, len, NULL);
}

static int fake_query(mig_conn *conn, const char *sql, mig_rows **out)
{
	*out = NULL;
	return statement(conn, sql, strlen(sql), out);
}

/* The runner's own statements (state table, journal, lease): a step that
 * carries a migration together with its record has them last. */
static bool bookkeeping(const char *sql)
{
	return names_state(sql) || names_journal(sql) || names_lease(sql);
}

static int book_stmt(struct fake_conn *c, const char *sql)
{
	if (names_lease(sql))
		return lease_stmt(c, sql, NULL);
	if (names_journal(sql))
		return journal_stmt(c, sql, NULL);
	bool handled = false;
	return state_stmt(c, sql, NULL, &handled);
}

/* One round trip; outside a transaction the step is one implicit
 * transaction (PostgreSQL's simple Query): a failure undoes all of it.
 * The journal shows the step's migration statements on one line, and
 * the bookkeeping statements it carries as they are journalled alone. */
static int fake_exec_step(mig_conn *conn, const mig_step *step, size_t *done)
{
	struct fake_conn *c = conn_of(conn);
	fake_server *s = &server;
	*done = 0;
	mig_str label = MIG_STR_INIT;
	mig_str_puts(&label, "step ");
	size_t shown = 0;
	for (size_t i = 0; i < step->n; i++) {
		char *one = normalize(step->text + step->start[i], step->len[i]);
		if (!bookkeeping(one))
			mig_str_printf(&label, "%s%s", shown++ ? " | " : "", one);
		free(one);
	}
	if (gone("step")) {
		mig_str_free(&label);
		return lost_error();
	}
	bool implicit = !s->in_txn && step->n > 1;
	size_t mark = s->napplied;
	size_t at = s->ncalls;
	if (shown)
		journal(FAKE_STEP, 0, step->text, 0, "%s", mig_str_cstr(&label));
	int rc = 0;
	enum outcome o = DONE;
	bool book_failed = false;
	for (size_t i = 0; i < step->n && o == DONE; i++) {
		char *one = normalize(step->text + step->start[i], step->len[i]);
		if (bookkeeping(one))
			book_failed = (o = (rc = book_stmt(c, one)) == 0 ? DONE : FAILED) != DONE;
		else
			o = migration_stmt(c, one, &rc);
		free(one);
		if (o == DONE)
			(*done)++;
	}
	/* a failing record shows on its own line */
	if (o != DONE && shown && !book_failed) {
		mig_str_printf(&label, " -> %s at %zu", o == LOST ? "lost" : "error", *done + 1);
		relabel(at, rc, mig_str_cstr(&label));
	}
	mig_str_free(&label);
	if (o != DONE && implicit && s->napplied > mark) {
		truncate_applied(mark);
		journal(FAKE_NOTE, 0, NULL, 0, "server: undid the failed step's %zu earlier statement(s)", *done);
	}
	return rc;
}

static int fake_begin(mig_conn *conn, unsigned flags)
{
	(void)conn;
	fake_server *s = &server;
	if (gone("BEGIN"))
		return lost_error();
	if (s->in_txn) {
		violation("BEGIN inside a transaction");
		return sql_error("BEGIN", "there is already a transaction in progress", "25001");
	}
	if (++s->begins == s->inject.fail_begin) {
		journal(FAKE_BEGIN, 0, "BEGIN", MIG_ESQL, "begin -> error");
		return sql_error("BEGIN", "fake: cannot begin", "53000");
	}
	journal(FAKE_BEGIN, 0, "BEGIN", 0, "begin%s", flags & MIG_TXN_RELAXED_FK ? " relaxed-fk" : "");
	s->calls[s->ncalls - 1].flags = flags;
	txn_save();
	s->in_txn = true;
	s->aborted = false;
	return 0;
}

static int fake_commit(mig_conn *conn)
{
	(void)conn;
	fake_server *s = &server;
	if (gone("COMMIT"))
		return lost_error();
	if (!s->in_txn) {
		/* MySQL after an implicit commit; PostgreSQL warns */
		journal(FAKE_COMMIT, 0, "COMMIT", 0, "commit (none open)");
		return 0;
	}
	int n = ++s->commits;
	if (s->aborted) {
		violation("COMMIT of a failed transaction");
		txn_end(false);
		journal(FAKE_COMMIT, 0, "COMMIT", MIG_ESQL, "commit -> error");
		return sql_error("COMMIT", "the transaction was aborted by an earlier error", "25P02");
	}
	if (s->inject.lose_at_commit == n) {
		txn_end(true);
		journal(FAKE_COMMIT, 0, "COMMIT", MIG_ECONNLOST, "commit -> lost");
		journal(FAKE_NOTE, 0, NULL, 0, "server: committed, then the session was lost");
		lose();
		return lost_error();
	}
	if (s->inject.fail_commit == n) {
		txn_end(false);
		journal(FAKE_COMMIT, 0, "COMMIT", MIG_ESQL, "commit -> error");
		return sql_error("COMMIT", "fake: deferred constraint violated at COMMIT", "23503");
	}
	txn_end(true);
	journal(FAKE_COMMIT, 0, "COMMIT", 0, "commit");
	if (s->inject.lease_stolen_at_commit == n) {
		free(s->lease);
		s->lease = strdup("thief:9:beef");
	}
	return 0;
}

static int fake_rollback(mig_conn *conn)
{
	(void)conn;
	fake_server *s = &server;
	if (gone("ROLLBACK"))
		return lost_error();
	if (!s->in_txn) {
		journal(FAKE_ROLLBACK, 0, "ROLLBACK", 0, "rollback (none open)");
		return 0;
	}
	txn_end(false);
	journal(FAKE_ROLLBACK, 0, "ROLLBACK", 0, "rollback");
	return 0;
}

static const mig_driver_ops fake_ops = {
	.version = MIG_DRIVER_OPS_VERSION,
	.open = fake_open,
	.close = fake_close,
	.exec = fake_exec,
	.exec_step = fake_exec_step,
	.query = fake_query,
	.begin = fake_begin,
	.commit = fake_commit,
	.rollback = fake_rollback,
};

/* ---- the session lock --------------------------------------------------------- */

static char *lock_describe(mig_conn *conn, const mig_lock_request *req)
{
	(void)conn;
	return mig_aprintf("the fake lock %" PRId64, req->key);
}

static int lock_try(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	(void)conn;
	(void)req;
	fake_server *s = &server;
	*got = false;
	if (gone("try_lock"))
		return lost_error();
	bool other = s->inject.lock_held &&
		     (s->inject.lock_free_after == 0 || s->lock_refused < s->inject.lock_free_after);
	if (other) {
		s->lock_refused++;
		journal(FAKE_LOCK, FAKE_J_LOCK, NULL, 0, "lock try -> held");
		return 0;
	}
	*got = true;
	s->locked = true;
	journal(FAKE_LOCK, FAKE_J_LOCK, NULL, 0, "lock try -> got");
	return 0;
}

static int lock_unlock(mig_conn *conn, const mig_lock_request *req)
{
	(void)conn;
	(void)req;
	fake_server *s = &server;
	if (gone("unlock"))
		return lost_error();
	if (!s->locked) {
		violation("unlock of a lock not held");
		return mig_error_set(MIG_ERROR, "fake: the lock is not held");
	}
	s->locked = false;
	journal(FAKE_LOCK, FAKE_J_LOCK, NULL, 0, "unlock");
	return 0;
}

static int lock_holder(mig_conn *conn, const mig_lock_request *req, mig_lock_holder *out)
{
	(void)conn;
	(void)req;
	fake_server *s = &server;
	if (gone("holder"))
		return lost_error();
	journal(FAKE_LOCK, FAKE_J_LOCK, NULL, 0, "lock holder");
	bool other = s->inject.lock_held &&
		     (s->inject.lock_free_after == 0 || s->lock_refused < s->inject.lock_free_after);
	if (other) {
		out->who = mig_strdup("fake session 4242");
		out->user = mig_strdup("alice");
		out->application = mig_strdup("other-migrate");
		out->since = mig_strdup("2024-01-01 09:00:00");
	}
	return 0;
}

static const mig_lock_strategy fake_lock = {
	.name = "fake-session",
	.describe = lock_describe,
	.try_lock = lock_try,
	.unlock = lock_unlock,
	.holder = lock_holder,
};

/* ---- registration -------------------------------------------------------------- */

static const char *const fake_schemes[] = {"fake", NULL};
static const char *const fakemy_schemes[] = {"fakemy", NULL};

static const mig_driver fake_driver = {
	.name = "fake",
	.display = "Fake",
	.schemes = fake_schemes,
	.url_form = MIG_URL_FILE,
	.dialect = "postgres",
	.caps = MIG_CAP_TXN_DDL | MIG_CAP_MULTI_STATEMENT | MIG_CAP_SESSION_LOCK,
	.ops = &fake_ops,
	.session_lock = &fake_lock,
};

static const mig_driver fakemy_driver = {
	.name = "fakemy",
	.display = "FakeMy",
	.schemes = fakemy_schemes,
	.url_form = MIG_URL_FILE,
	.dialect = "postgres",
	.caps = MIG_CAP_SESSION_LOCK,
	.ops = &fake_ops,
	.session_lock = &fake_lock,
};

void fake_register(void)
{
	static bool done;
	if (done)
		return;
	if (mig_driver_register(&fake_driver) != 0 || mig_driver_register(&fakemy_driver) != 0) {
		const mig_error *e = mig_error_last();
		fprintf(stderr, "fake driver: cannot register: %s\n", e ? e->message : "?");
		abort();
	}
	done = true;
}
