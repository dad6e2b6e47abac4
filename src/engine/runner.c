/*
 * The runner: discover -> load -> lock -> read state -> plan -> for each
 * migration: emit (dialect) -> execute (driver) -> record -> unlock.
 *
 * It talks to drivers and dialects only through their interfaces and
 * capability flags; nothing here knows which engine is behind them.
 *
 * Transactions follow node-pg-migrate 9: by default the whole run is one
 * transaction (a noTransaction() migration commits it, runs in autocommit
 * and opens a new one); with no_single_transaction each migration has its
 * own. A dry run changes nothing: it only prints, or, on an embedded
 * engine whose dialect reads the live tables, executes inside a
 * transaction that is always rolled back.
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/runner.h"

#include "engine/catalog.h"
#include "engine/discover.h"
#include "util/alloc.h"
#include "util/error.h"
#include "load/load.h"
#include "engine/plan.h"
#include "engine/state.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void mig__emit_event(const mig_options *o, const mig_event *ev)
{
	if (o->on_event)
		o->on_event(o->ud, ev);
}

static void say(const mig_options *o, enum mig_event_kind kind, const char *text)
{
	mig_event ev = {.kind = kind, .text = text};
	mig__emit_event(o, &ev);
}

static void warn_cb(void *ud, const char *message)
{
	const mig_options *o = ud;
	say(o, MIG_EV_WARNING, message);
}

static void notice_cb(void *ud, const char *message)
{
	const mig_options *o = ud;
	say(o, MIG_EV_NOTICE, message);
}

/* One migration to run in one direction. */
struct item {
	size_t fi; /* index into files */
	bool down;
	mig_oplist ops;
	bool no_txn;
	unsigned opflags; /* OR of the dialect's op_flags */
};

struct runner {
	const mig_options *o;
	mig_url url;
	const mig_dialect *dia;
	mig_conn *conn;
	mig_state_names names;
	const char *state_schema;
	mig_set files;
	mig_strv applied;
	mig_strv applied_at;
	bool have_state;
	bool locked;
	bool in_txn;
	bool dry_print; /* dry run: print only */
	bool dry_exec;  /* dry run: execute and always roll back */
	mig_catalog catalog;
	mig_conn_opts copts;
};

int mig__load_all(const char *dir, const char *ignore_pattern, mig_set *files, size_t upto)
{
	int rc = mig_discover(dir, ignore_pattern, files);
	if (rc)
		return rc;
	for (size_t i = 0; i < files->n && i <= upto; i++) {
		if ((rc = mig_load_file(&files->items[i])) != 0) {
			mig_set_dispose(files);
			return rc;
		}
	}
	return 0;
}

mig_value *mig__merged_shorthands(const mig_set *files, size_t upto, int *rc)
{
	*rc = 0;
	mig_value *merged = NULL;
	for (size_t i = 0; i <= upto && i < files->n; i++) {
		const mig_value *sh = files->items[i].shorthands;
		if (!sh || sh->type != MIG_V_OBJECT)
			continue;
		if (!merged && !(merged = mig_value_new(MIG_V_OBJECT))) {
			*rc = MIG_ENOMEM;
			return NULL;
		}
		for (size_t k = 0; k < sh->n; k++) {
			mig_value *c = mig_value_clone(sh->items[k]);
			if (!c || mig_object_set(merged, sh->keys[k], c)) {
				mig_value_free(merged);
				*rc = MIG_ENOMEM;
				return NULL;
			}
		}
	}
	return merged;
}

static void runner_close(struct runner *r)
{
	if (r->conn) {
		/* Keep the error that ended the run, not one from cleanup. */
		mig_error *saved = mig_error_save();
		const mig_driver_ops *ops = r->conn->driver->ops;
		if (r->in_txn)
			ops->rollback(r->conn);
		if (r->locked && ops->unlock)
			ops->unlock(r->conn);
		ops->close(r->conn);
		r->conn = NULL;
		mig_error_clear();
		mig_error_restore(saved);
	}
	mig_set_dispose(&r->files);
	mig_strv_free(&r->applied);
	mig_strv_free(&r->applied_at);
	mig_url_dispose(&r->url);
}

/* Parse the URL and find the dialect of its driver. */
int mig__resolve_url(const char *text, mig_url *url, const mig_dialect **dia)
{
	if (!text || !*text)
		return mig_error_set(MIG_EUSAGE, "no database URL given");
	int rc = mig_url_parse(text, url);
	if (rc)
		return rc;
	const mig_driver *drv = mig_driver_for_scheme(url->scheme);
	if (!drv) {
		rc = mig_error_set(MIG_EINPUT, "unsupported database URL scheme '%s:' in %s (use postgres://, mysql:// or sqlite:)",
				   url->scheme, url->redacted);
		mig_url_dispose(url);
		return rc;
	}
	*dia = mig_dialect_find(drv->dialect);
	if (!*dia) {
		mig_url_dispose(url);
		return mig_error_set(MIG_ERROR, "no SQL dialect %s for driver %s", drv->dialect, drv->name);
	}
	return 0;
}

/* Everything before planning: files, connection, lock, session, state. */
static int runner_open(struct runner *r, const mig_options *o, bool lock, bool read_only)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	int rc;
	const char *dir = o->migrations_dir ? o->migrations_dir : MIG_DEFAULT_DIR;
	if ((rc = mig__load_all(dir, o->ignore_pattern, &r->files, (size_t)-1)) != 0)
		return rc;
	if ((rc = mig__resolve_url(o->database_url, &r->url, &r->dia)) != 0)
		return rc;
	r->names.table = o->migrations_table ? o->migrations_table : MIG_DEFAULT_TABLE;
	r->names.schema = o->migrations_schema ? o->migrations_schema
			  : o->nschemas ? o->schemas[0]
					: r->dia->default_schema;

	r->copts.connect_timeout = o->connect_timeout > 0 ? o->connect_timeout : 10;
	r->copts.no_create = read_only || o->dry_run;
	r->copts.notice = notice_cb;
	r->copts.notice_ud = (void *)o;
	r->copts.lock_timeout = o->lock_timeout;
	r->copts.statement_timeout = o->statement_timeout;
	if ((rc = mig_driver_open(&r->url, &r->copts, &r->conn)) != 0)
		return rc;
	const mig_driver *drv = r->conn->driver;
	const mig_driver_ops *ops = drv->ops;
	r->catalog = mig_catalog_for_conn(r->conn);

	if (o->dry_run) {
		if ((r->dia->flags & MIG_DIALECT_NEEDS_CATALOG) && (drv->caps & MIG_CAP_EMBEDDED) &&
		    (drv->caps & MIG_CAP_TXN_DDL))
			r->dry_exec = true;
		else
			r->dry_print = true;
	}

	if (lock && !o->no_lock && ops->lock) {
		mig_lock_opts lo = {
			.key = o->lock_value ? o->lock_value : MIG_DEFAULT_LOCK_VALUE,
			.scope = r->url.database ? r->url.database : r->url.path,
			.wait_seconds = o->lock_wait,
		};
		if ((rc = ops->lock(r->conn, &lo)) != 0)
			return rc;
		r->locked = true;
	}

	mig_session_opts so = {o->schemas, o->nschemas, o->create_schema && !o->dry_run && !read_only};
	if (r->dia->session_sql) {
		mig_strv steps = MIG_STRV_INIT;
		rc = r->dia->session_sql(&so, &steps);
		for (size_t i = 0; rc == 0 && i < steps.n; i++)
			rc = ops->exec(r->conn, steps.v[i]);
		mig_strv_free(&steps);
		if (rc)
			return rc;
	}

	if (read_only || o->dry_run) {
		if ((rc = mig_state_exists(r->conn, r->dia, &r->names, &r->have_state)) != 0)
			return rc;
	} else {
		bool create_schema = o->create_migrations_schema && o->migrations_schema;
		if ((rc = mig_state_ensure(r->conn, r->dia, &r->names, create_schema)) != 0)
			return rc;
		r->have_state = true;
	}
	if (r->have_state &&
	    (rc = mig_state_read(r->conn, r->dia, &r->names, &r->applied, &r->applied_at)) != 0)
		return rc;
	return 0;
}

static int exec_step(struct runner *r, const char *sql)
{
	return r->conn->driver->ops->exec(r->conn, sql);
}

static int begin(struct runner *r, unsigned flags)
{
	int rc = r->conn->driver->ops->begin(r->conn, flags);
	if (rc == 0)
		r->in_txn = true;
	return rc;
}

static int commit(struct runner *r)
{
	int rc = r->conn->driver->ops->commit(r->conn);
	if (rc == 0)
		r->in_txn = false;
	return rc;
}

static void rollback(struct runner *r)
{
	if (!r->in_txn)
		return;
	mig_error *saved = mig_error_save();
	r->conn->driver->ops->rollback(r->conn);
	r->in_txn = false;
	mig_error_clear();
	mig_error_restore(saved);
}

static void step_event(struct runner *r, const char *name, bool down, const char *sql, bool bookkeeping)
{
	if (!r->o->dry_run && !r->o->verbose)
		return;
	mig_event ev = {.kind = MIG_EV_STEP, .name = name, .down = down, .text = sql, .bookkeeping = bookkeeping};
	mig__emit_event(r->o, &ev);
}

/* Emit one operation's steps (reversed for inferred downs). */
int mig__emit_op(const mig_dialect *dia, const mig_emit_ctx *ctx, const mig_migration *m,
		 const mig_op *op, mig_strv *steps)
{
	size_t before = steps->n;
	int rc = dia->emit(ctx, op, steps);
	if (rc) {
		const mig_error *e = mig_error_last();
		if (e && !e->file)
			mig_error_set_location(m->path, op->line, op->column);
		return rc;
	}
	/* only this operation's steps: callers may pass a growing list */
	if (op->reverse_steps)
		for (size_t a = before, b = steps->n; a + 1 < b; a++, b--) {
			char *t = steps->v[a];
			steps->v[a] = steps->v[b - 1];
			steps->v[b - 1] = t;
		}
	return 0;
}

/* Point the error at the file: for a .sql file the step is the file's own
 * text, so the failing statement's line is the section's line plus the
 * lines before the statement; generated SQL points at the call. */
static void locate_failure(const mig_migration *m, const mig_op *op, const char *step)
{
	const mig_error *e = mig_error_last();
	int line = op->line, col = op->column;
	const char *at = e && e->statement && *e->statement ? strstr(step, e->statement) : NULL;
	if (m->source == MIG_SOURCE_SQL && at) {
		for (const char *p = step; p < at; p++)
			line += *p == '\n';
		col = 0;
	}
	mig_error_set_location(m->path, line, col);
}

static int run_one(struct runner *r, struct item *it)
{
	mig_migration *m = &r->files.items[it->fi];
	mig_event ev = {.kind = MIG_EV_MIGRATION_START, .name = m->name, .down = it->down};
	mig__emit_event(r->o, &ev);
	double t0 = now_ms();
	int rc = 0;
	mig_value *sh = NULL;
	if (!r->o->fake) {
		sh = mig__merged_shorthands(&r->files, it->fi, &rc);
		if (rc)
			return rc;
	}
	mig_emit_ctx ctx = {
		.shorthands = sh,
		.decamelize = r->o->decamelize,
		.file = m->path,
		.catalog = r->dry_print ? NULL : &r->catalog,
		.warn = warn_cb,
		.warn_ud = (void *)r->o,
	};
	for (size_t i = 0; !r->o->fake && i < it->ops.n && rc == 0; i++) {
		const mig_op *op = &it->ops.ops[i];
		mig_strv steps = MIG_STRV_INIT;
		rc = mig__emit_op(r->dia, &ctx, m, op, &steps);
		for (size_t k = 0; rc == 0 && k < steps.n; k++) {
			step_event(r, m->name, it->down, steps.v[k], false);
			if (r->dry_print)
				continue;
			if ((rc = exec_step(r, steps.v[k])) != 0) {
				mig_error_prefix("migration %s failed", m->name);
				locate_failure(m, op, steps.v[k]);
			}
		}
		mig_strv_free(&steps);
	}
	mig_value_free(sh);
	if (rc)
		return rc;
	char *book = mig_state_stmt(r->dia, &r->names, it->down ? MIG_STATE_DELETE : MIG_STATE_INSERT, m->name);
	if (!book)
		return mig_error_last() ? mig_error_last()->code : MIG_ENOMEM;
	step_event(r, m->name, it->down, book, true);
	if (!r->o->dry_run && (rc = exec_step(r, book)) != 0)
		mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
	mig__free(book);
	if (rc)
		return rc;
	ev.kind = MIG_EV_MIGRATION_DONE;
	ev.ms = now_ms() - t0;
	mig__emit_event(r->o, &ev);
	return 0;
}

static void explain_failure(struct runner *r, const struct item *items, size_t failed, size_t committed)
{
	const mig_migration *m = &r->files.items[items[failed].fi];
	char *msg;
	if (items[failed].no_txn && !r->o->dry_run)
		msg = mig_aprintf("%s ran outside a transaction (noTransaction): the statements before the failing one stay applied, and it is not recorded",
				  m->name);
	else if (committed == 0)
		msg = mig_aprintf("rolled back: nothing from this run was applied");
	else
		msg = mig_aprintf("rolled back %s; %zu earlier migration(s) of this run stay applied", m->name, committed);
	mig_error_set_note(msg);
	mig__free(msg);
}

static int execute(struct runner *r, struct item *items, size_t n)
{
	const mig_options *o = r->o;
	double t0 = now_ms();
	size_t committed = 0; /* migrations of this run already made permanent */
	size_t i = 0;
	int rc = 0;
	mig_event ev = {.kind = MIG_EV_PLAN, .count = n};
	mig__emit_event(o, &ev);

	if (r->dry_print) {
		for (i = 0; i < n && rc == 0; i++)
			rc = run_one(r, &items[i]);
		goto out;
	}
	if (r->dry_exec) {
		unsigned flags = 0;
		for (size_t k = 0; k < n; k++)
			flags |= items[k].opflags;
		if ((rc = begin(r, flags)) != 0)
			goto out;
		for (i = 0; i < n && rc == 0; i++)
			rc = run_one(r, &items[i]);
		rollback(r);
		goto out;
	}
	while (i < n) {
		if (items[i].no_txn) {
			if (!o->no_single_transaction && n > 1)
				say(o, MIG_EV_WARNING, "#> WARNING: Need to break single transaction! <");
			else
				say(o, MIG_EV_WARNING, "#> WARNING: This migration is not wrapped in a transaction! <");
			if ((rc = run_one(r, &items[i])) != 0)
				break;
			committed = ++i;
			continue;
		}
		/* The transaction covers i..j-1: one migration, or the run up to
		 * the next noTransaction() migration. */
		size_t j = i + 1;
		if (!o->no_single_transaction)
			while (j < n && !items[j].no_txn)
				j++;
		unsigned flags = 0;
		for (size_t k = i; k < j; k++)
			flags |= items[k].opflags;
		if ((rc = begin(r, flags)) != 0)
			break;
		size_t first = i;
		for (; i < j; i++)
			if ((rc = run_one(r, &items[i])) != 0)
				break;
		if (rc) {
			rollback(r);
			break;
		}
		if ((rc = commit(r)) != 0) {
			/* deferred checks fail here: name what the transaction held */
			const mig_migration *a = &r->files.items[items[first].fi];
			const mig_migration *b = &r->files.items[items[j - 1].fi];
			if (first + 1 == j) {
				mig_error_prefix("migration %s failed at COMMIT", a->name);
				mig_error_set_location(a->path, 0, 0);
			} else {
				mig_error_prefix("the transaction of migrations %s .. %s failed at COMMIT", a->name, b->name);
			}
			i = first;
			rollback(r);
			break;
		}
		committed = i;
	}
	if (rc && i < n)
		explain_failure(r, items, i, committed);
out:
	if (rc == 0) {
		mig_event done = {.kind = MIG_EV_DONE, .count = n, .ms = now_ms() - t0};
		mig__emit_event(o, &done);
	}
	return rc;
}

static void free_items(struct item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mig_oplist_free(&items[i].ops);
	mig__free(items);
}

/* Resolve the operations of every planned migration before touching the
 * database: an irreversible rollback fails before anything changes. */
static int make_items(struct runner *r, const size_t *idx, size_t n, bool down,
		      struct item **items, size_t *nitems)
{
	struct item *grown = mig__realloc(*items, (*nitems + n + 1) * sizeof(*grown));
	if (!grown)
		return mig_error_oom();
	*items = grown;
	for (size_t k = 0; k < n; k++) {
		struct item *it = &grown[*nitems];
		memset(it, 0, sizeof(*it));
		it->fi = idx[k];
		it->down = down;
		const mig_migration *m = &r->files.items[idx[k]];
		int rc = mig_migration_ops(m, down, &it->ops);
		if (rc) {
			if (mig_error_last() && !mig_error_last()->file)
				mig_error_set_location(m->path, 0, 0);
			return rc;
		}
		(*nitems)++;
		it->no_txn = mig_migration_no_transaction(m, down);
		if (r->dia->op_flags)
			for (size_t i = 0; i < it->ops.n; i++)
				it->opflags |= r->dia->op_flags(&it->ops.ops[i]);
	}
	return 0;
}

enum run_kind { RUN_UP, RUN_DOWN, RUN_REDO };

static int run(const mig_options *o, const mig_target *target, enum run_kind kind)
{
	struct runner r;
	struct item *items = NULL;
	size_t nitems = 0;
	size_t *idx = NULL, n = 0;
	int rc = runner_open(&r, o, true, false);
	if (rc)
		goto out;
	if (!o->no_check_order && (rc = mig_check_order(&r.files, &r.applied)) != 0)
		goto out;
	if (kind == RUN_UP) {
		if ((rc = mig_plan_up(&r.files, &r.applied, target, o->timestamp, &idx, &n)) != 0)
			goto out;
		rc = make_items(&r, idx, n, false, &items, &nitems);
	} else {
		mig_target t = target ? *target : (mig_target){0};
		if (kind == RUN_REDO && !t.has_count) {
			t.has_count = true;
			t.count = 1;
		}
		if ((rc = mig_plan_down(&r.files, &r.applied, &t, o->timestamp && kind == RUN_DOWN, &idx, &n)) != 0)
			goto out;
		if ((rc = make_items(&r, idx, n, true, &items, &nitems)) != 0)
			goto out;
		if (kind == RUN_REDO) {
			/* apply exactly those again, oldest first */
			for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
				size_t t2 = idx[a];
				idx[a] = idx[b - 1];
				idx[b - 1] = t2;
			}
			rc = make_items(&r, idx, n, false, &items, &nitems);
		}
	}
	if (rc)
		goto out;
	if (nitems == 0) {
		mig_event ev = {.kind = MIG_EV_NOTHING};
		mig__emit_event(o, &ev);
		goto out;
	}
	rc = execute(&r, items, nitems);
out:
	mig__free(idx);
	free_items(items, nitems);
	runner_close(&r);
	return rc;
}

int mig_migrate(const mig_options *opts, const mig_target *target)
{
	return run(opts, target, RUN_UP);
}

int mig_rollback(const mig_options *opts, const mig_target *target)
{
	return run(opts, target, RUN_DOWN);
}

int mig_redo(const mig_options *opts, const mig_target *target)
{
	if (target && target->name)
		return mig_error_set(MIG_EUSAGE, "redo takes a count, not a name");
	return run(opts, target, RUN_REDO);
}

int mig_status(const mig_options *opts, mig_status_entry **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	struct runner r;
	int rc = runner_open(&r, opts, false, true);
	if (rc)
		goto out;
	size_t cap = r.applied.n + r.files.n;
	mig_status_entry *e = mig__calloc(cap ? cap : 1, sizeof(*e));
	if (!e) {
		rc = mig_error_oom();
		goto out;
	}
	size_t n = 0;
	for (size_t i = 0; i < r.applied.n; i++, n++) {
		long f = mig_set_find(&r.files, r.applied.v[i]);
		e[n].name = mig_strdup(r.applied.v[i]);
		e[n].run_on = mig_strdup(r.applied_at.v[i]);
		e[n].file = f >= 0 ? mig_strdup(r.files.items[f].path) : NULL;
		if (!e[n].name || !e[n].run_on || (f >= 0 && !e[n].file))
			rc = MIG_ENOMEM;
	}
	for (size_t i = 0; i < r.files.n; i++) {
		bool done = false;
		for (size_t k = 0; k < r.applied.n && !done; k++)
			done = strcmp(r.applied.v[k], r.files.items[i].name) == 0;
		if (done)
			continue;
		e[n].name = mig_strdup(r.files.items[i].name);
		e[n].file = mig_strdup(r.files.items[i].path);
		if (!e[n].name || !e[n].file)
			rc = MIG_ENOMEM;
		n++;
	}
	if (rc) {
		mig_status_free(e, n);
		rc = mig_error_oom();
		goto out;
	}
	*out = e;
	*nout = n;
out:
	runner_close(&r);
	return rc;
}

void mig_status_free(mig_status_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		mig__free(entries[i].name);
		mig__free(entries[i].run_on);
		mig__free(entries[i].file);
	}
	mig__free(entries);
}
