#define _POSIX_C_SOURCE 200809L
#include "engine/journal.h"

#include "engine/conn.h"
#include "engine/state.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *mig_journal_stmt(const mig_dialect *d, const mig_state_names *names, enum mig_journal_stmt which,
		       const mig_journal_args *args)
{
	static const mig_journal_args none = {0};
	mig_str s = MIG_STR_INIT;
	if (d->journal_sql(names, which, args ? args : &none, &s) != 0) {
		mig_str_free(&s);
		return NULL;
	}
	return mig_str_detach(&s);
}

int mig_journal_exec(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     enum mig_journal_stmt which, const mig_journal_args *args)
{
	char *sql = mig_journal_stmt(d, names, which, args);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	int rc = mig__conn_exec(conn, sql);
	mig__free(sql);
	return rc;
}

void mig_journal_dispose(mig_journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		mig__free(j->v[i].name);
		mig__free(j->v[i].owner);
		mig__free(j->v[i].error);
	}
	mig__free(j->v);
	for (size_t i = 0; i < j->ndone; i++)
		mig__free(j->done[i]);
	mig__free(j->done);
	memset(j, 0, sizeof(*j));
}

const mig_journal_entry *mig_journal_find(const mig_journal *j, const char *name)
{
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->v[i].name, name) == 0)
			return &j->v[i];
	return NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? mig_strdup(s) : NULL;
}

static const char *name_of(const mig_rows *rows, size_t i)
{
	const char *name = mig_rows_get(rows, i, 0);
	return name ? name : "";
}

int mig_journal_read(mig_conn *conn, const mig_dialect *d, const mig_state_names *names, mig_journal *out)
{
	memset(out, 0, sizeof(*out));
	mig_str t = MIG_STR_INIT;
	mig_str_printf(&t, "%s_journal", names->table);
	if (mig_str_failed(&t)) {
		mig_str_free(&t);
		return mig_error_oom();
	}
	mig_state_names jn = {names->schema, mig_str_cstr(&t)};
	int rc = mig_state_exists(conn, d, &jn, &out->exists);
	mig_str_free(&t);
	if (rc || !out->exists)
		return rc;
	char *sql = mig_journal_stmt(d, names, MIG_JOURNAL_SELECT, NULL);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	mig_rows *rows = NULL;
	rc = mig__conn_query(conn, sql, &rows);
	mig__free(sql);
	if (rc) {
		mig_error_prefix("cannot read the migrations journal");
		return rc;
	}
	size_t n = rows ? rows->nrows : 0;
	if (n && !(out->v = mig__calloc(n, sizeof(*out->v))))
		rc = mig_error_oom();
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *complete = mig_rows_get(rows, i, 7);
		if (complete && strcmp(complete, "1") == 0) {
			if (!out->done && !(out->done = mig__calloc(n, sizeof(*out->done))))
				rc = mig_error_oom();
			else if (!(out->done[out->ndone++] = mig_strdup(name_of(rows, i))))
				rc = mig_error_oom();
			continue;
		}
		mig_journal_entry *e = &out->v[out->n++];
		const char *name = mig_rows_get(rows, i, 0), *dir = mig_rows_get(rows, i, 1);
		const char *state = mig_rows_get(rows, i, 2), *done = mig_rows_get(rows, i, 3);
		const char *at = mig_rows_get(rows, i, 4);
		e->name = mig_strdup(name ? name : "");
		e->down = dir && strcmp(dir, "down") == 0;
		e->failed = state && strcmp(state, "failed") == 0;
		e->statements_done = done ? strtol(done, NULL, 10) : 0;
		e->started_at = at ? strtoll(at, NULL, 10) : 0;
		e->owner = dup_or_null(mig_rows_get(rows, i, 5));
		e->error = dup_or_null(mig_rows_get(rows, i, 6));
		if (!e->name || (mig_rows_get(rows, i, 5) && !e->owner) || (mig_rows_get(rows, i, 6) && !e->error))
			rc = mig_error_oom();
	}
	mig_rows_free(rows);
	if (rc)
		mig_journal_dispose(out);
	return rc;
}

void mig_journal_time(long long epoch, char *buf, size_t size)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	if (epoch <= 0 || !gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
		snprintf(buf, size, "an unknown time");
}

int mig_journal_refuse(const mig_journal *j, const char *what)
{
	const mig_journal_entry *e = &j->v[0];
	char when[32];
	mig_journal_time(e->started_at, when, sizeof(when));
	const char *dir = e->down ? "rolling it back" : "applying it";
	int rc;
	if (e->failed)
		rc = mig_error_set(MIG_ERROR,
				   "%s refused: migration %s failed half-way (%s, started %s by run %s): %ld of its statement(s) ran and stay applied; the failure was: %s",
				   what, e->name, dir, when, e->owner ? e->owner : "?", e->statements_done,
				   e->error ? e->error : "(not recorded)");
	else
		rc = mig_error_set(MIG_ERROR,
				   "%s refused: migration %s was interrupted (%s, started %s by run %s, which ended without finishing it: killed, or the server went away): %ld of its statement(s) are known to have run, and the next one may have",
				   what, e->name, dir, when, e->owner ? e->owner : "?", e->statements_done);
	char *note = mig_aprintf(
		"nothing runs until it is repaired. Finish or undo its statements by hand, then record the outcome: "
		"`migrations repair %s --applied` (the migration is now fully applied) or `migrations repair %s --pending` "
		"(its effects are undone; migrate runs it again)%s",
		e->name, e->name, j->n > 1 ? "; `migrations status` lists the others" : "");
	if (note)
		mig_error_set_note(note);
	mig__free(note);
	return rc;
}
