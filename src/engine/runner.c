/*
 * The runner: discover -> load -> connect -> session -> lock -> read
 * state -> plan -> analyse -> for each unit of work (txn.c): for each
 * migration: emit (dialect) -> execute (driver) -> record -> unlock.
 *
 * It talks to drivers only through engine/conn.h, to locks through
 * engine/lock.h and to dialects through their interface; what differs
 * between engines reaches it as the connection's capabilities and server
 * facts. Nothing here knows which engine is behind them.
 *
 * A dry run changes nothing: it only prints, or, on an embedded engine
 * with transactional DDL whose dialect reads the live tables, executes
 * inside a transaction that is always rolled back.
 */
#define _POSIX_C_SOURCE 200809L
#include "engine/runner.h"

#include "engine/catalog.h"
#include "engine/conn.h"
#include "engine/discover.h"
#include "engine/journal.h"
#include "engine/lock.h"
#include "engine/node_db.h"
#include "engine/plan.h"
#include "engine/state.h"
#include "engine/txn.h"
#include "engine/undo.h"
#include "load/load.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/hash.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A lease lasts this long without renewal (--lock-lease): the keeper
 * renews it every third of that, so a run that died frees it soon. */
#define LEASE_SECONDS 30
/* Connecting gives up after this long unless --connect-timeout says. */
#define CONNECT_TIMEOUT_S 10

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
	say(ud, MIG_EV_WARNING, message);
}

static void notice_cb(void *ud, const char *message)
{
	say(ud, MIG_EV_NOTICE, message);
}

/* One migration to run in one direction. */
struct item {
	size_t fi; /* index into files */
	bool down;
	mig_oplist ops;
	mig_opdef *defs; /* parallel to ops; a zeroed one for kinds not yet typed */
	bool no_txn;
	bool data_only;
	unsigned opflags; /* OR of the dialect's op_flags */
	/* while it runs: */
	size_t stmts_done; /* statements that completed */
	/* of those, the ones the server undid with the failing statement: its
	 * step ran outside a transaction as one implicit transaction */
	size_t stmts_undone;
	enum { FAILED_NOT, FAILED_EMIT, FAILED_STATEMENT, FAILED_RECORD } failed;
	/* it runs outside a transaction: the journal follows it (journal.h) */
	bool journaled;
	bool journal_started; /* its row is written */
	/* A journal write not sent yet: it goes with the migration's next
	 * statement, in one round trip (MIG_CAP_BATCH), or alone before
	 * anything else is done; pending_start: it is the row's start. */
	char *pending;
	bool pending_start;
	/* The parts of earlier operations' steps not sent yet (run_paired):
	 * they go in one text with whatever next reaches the server, or
	 * alone before the catalog reads the tables; q_stmts: statements in
	 * them, which the journal's next count already includes. */
	struct part *q;
	size_t nq, qcap, q_stmts;
	bool journal_marked;  /* after a failure: its row says failed */
	bool journal_cleared; /* after a failure that left nothing: its row is gone */
	bool reread;          /* its IR was dropped after the check (KEEP_IR_BYTES) */
	bool record_due;      /* it ran; its record waits for the end of its transaction */
	/* The record, made before its statements when the last of them may
	 * carry it (run_tail; run_one owns it); recorded: it went with that
	 * statement and committed. */
	char *book;
	bool recorded;
	uint64_t ir_hash;     /* of the operations checked, when reread (ops_hash) */
	size_t ops_done;      /* operations whose every statement completed */
	size_t op_stmts_kept; /* of the failing operation: statements that stayed */
	size_t ops_undone;    /* after a failure: operations undone by their inverses */
	size_t undo_stmts;    /* the statements that undid them */
	char *undo_failed;    /* why undoing them failed, or NULL */
	double ms;            /* how long it ran, once it has */
};

struct runner {
	const mig_options *o;
	mig_url url;
	const mig_dialect *dia;
	mig_conn *conn;
	mig_state_names names;
	/* the record statements with the name as a parameter, made on first
	 * use where the driver binds (exec_bound): [0] up, [1] down; "" when
	 * the dialect has none */
	char *book_bound[2];
	char *book_many; /* MIG_STATE_INSERT_BOUND_MANY, made on first use */
	/* the open transaction's records wait for its end (flush_records) */
	bool defer_records;
	mig_set files;
	mig_strv applied;
	mig_strv applied_at;
	bool have_state;
	/* The migrations table is missing and is created with the run's
	 * first write (state_create): on an embedded engine each commit is
	 * the process's own journal writes and syncs, and a table made in
	 * a commit of its own cost a fresh database about as much as a
	 * hundred small migrations. state_in_txn: it was made in the open
	 * transaction, and a rollback takes it away again. */
	bool state_deferred, state_in_txn;
	mig_lock lock;
	char owner[96];
	bool in_txn;
	bool lost; /* the session is gone: nothing more to say to the server */
	bool dry_print; /* dry run: print only */
	bool dry_exec;  /* dry run: execute and always roll back */
	mig_catalog catalog;
	mig_live_source live;
	/* The migration running outside a transaction: its pending journal
	 * write goes before any read of the tables (read_tables);
	 * read_flush_failed: that write failed. */
	struct item *current;
	bool read_flush_failed;
	mig_journal journal;  /* what earlier runs left unfinished */
	bool journal_ready;   /* the journal table exists (or was created by this run) */
	mig_session_opts session; /* what setup_session set, for txn_sql */
	mig_load_opts lo;         /* how files.load_opts reads files */
};

mig_load_opts mig__load_opts(const mig_options *o)
{
	mig_load_opts lo = {.js_engine = MIG_JS_ENGINE_AUTO, .node = o->node, .node_timeout = o->node_timeout};
	if (o->js_engine && strcmp(o->js_engine, "static") == 0)
		lo.js_engine = MIG_JS_ENGINE_STATIC;
	else if (o->js_engine && strcmp(o->js_engine, "node") == 0)
		lo.js_engine = MIG_JS_ENGINE_NODE;
	return lo;
}

static void runner_close(struct runner *r)
{
	if (r->conn) {
		/* Keep the error that ended the run, not one from cleanup. */
		mig_error *saved = mig_error_save();
		if (!r->lost && r->in_txn) {
			mig__conn_rollback(r->conn);
			r->in_txn = false;
			r->state_deferred |= r->state_in_txn;
		}
		/* a run that failed or was refused leaves the table as one that
		 * made it first would (this run's error is the one reported) */
		if (!r->lost && r->state_deferred)
			mig_state_create(r->conn, r->dia, &r->names);
		/* a lease goes through the keeper's connection when the run's
		 * own is gone */
		mig_lock_release(r->lost ? NULL : r->conn, &r->lock);
		/* a borrowed connection stays with its owner, lost or not (the
		 * owner sees MIG_ECONNLOST and reconnects) */
		if (r->conn != r->o->conn)
			mig__conn_close(r->conn);
		r->conn = NULL;
		mig_error_clear();
		mig_error_restore(saved);
	}
	mig__free(r->book_bound[0]);
	mig__free(r->book_bound[1]);
	mig__free(r->book_many);
	mig_catalog_dispose(&r->catalog);
	mig_journal_dispose(&r->journal);
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
		rc = mig_error_set(MIG_EINPUT, "unsupported database URL scheme '%s:' in %s (use %s)", url->scheme,
				   url->redacted, mig_driver_schemes_text());
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

static int lock_choice(const char *text, enum mig_lock_choice *out)
{
	if (!text || strcmp(text, "auto") == 0)
		*out = MIG_LOCK_AUTO;
	else if (strcmp(text, "session") == 0)
		*out = MIG_LOCK_SESSION;
	else if (strcmp(text, "table") == 0)
		*out = MIG_LOCK_TABLE;
	else
		return mig_error_set(MIG_EUSAGE, "the lock strategy is auto, session or table, not '%s'", text);
	return 0;
}

/* The session setup the dialect asks for (quoting pins, timeouts,
 * search_path). A statement the server refuses is bad input: it comes
 * from the user's options. */
static int setup_session(const mig_dialect *dia, mig_conn *conn, const mig_session_opts *so)
{
	if (!dia->session_sql)
		return 0;
	mig_strv stmts = MIG_STRV_INIT;
	int rc = dia->session_sql(so, &stmts);
	for (size_t i = 0; rc == 0 && i < stmts.n; i++) {
		if ((rc = mig__conn_exec(conn, stmts.v[i])) != 0 && rc == MIG_ESQL) {
			char *m = mig_aprintf("cannot set up the session (%s): %s", stmts.v[i],
					      mig_error_last() ? mig_error_last()->message : "refused");
			rc = mig_error_set(MIG_EINPUT, "%s", m ? m : "cannot set up the session");
			mig__free(m);
		}
	}
	mig_strv_free(&stmts);
	return rc;
}

/* A lease is renewed from a second connection while the run lasts. An
 * embedded engine gets none: the run's own transaction holds the file's
 * write lock, which a second connection would only wait for. Without a
 * second connection the lease is renewed between migrations. */
static void keep_lease(struct runner *r, const mig_conn_opts *copts, const mig_session_opts *so)
{
	mig_conn *second = NULL;
	mig_conn_opts quiet = *copts;
	quiet.notice = NULL; /* the keeper's thread must not call the embedder's callback */
	int rc = mig_driver_open(&r->url, &quiet, &second);
	if (rc == 0 && (rc = setup_session(r->dia, second, so)) != 0)
		mig__conn_close(second);
	if (rc == 0) {
		int lease = r->lock.req.lease_seconds;
		rc = mig_lock_keep(&r->lock, second, lease >= 3 ? lease / 3.0 : lease / 2.0);
	}
	if (rc) {
		char *m = mig_aprintf("cannot keep the run's lease from a second connection (%s): it is renewed between migrations only",
				      mig_error_last() ? mig_error_last()->message : "refused");
		mig_error_clear();
		if (m)
			say(r->o, MIG_EV_WARNING, m);
		mig__free(m);
	}
}

/* The strategy and request of this run's lock (req's strings live in r). */
static int lock_plan(struct runner *r, enum mig_lock_choice *choice, const mig_lock_strategy **s,
		     mig_lock_request *req)
{
	const mig_options *o = r->o;
	*choice = MIG_LOCK_AUTO;
	int rc = lock_choice(o->lock_strategy, choice);
	if (rc == 0)
		rc = mig_lock_choose(r->conn, *choice, s);
	if (rc)
		return rc;
	char host[64] = "";
	if (gethostname(host, sizeof(host) - 1) != 0)
		snprintf(host, sizeof(host), "unknown");
	snprintf(r->owner, sizeof(r->owner), "%s:%ld:%lx", host, (long)getpid(),
		 (unsigned long)((unsigned long)time(NULL) ^ (unsigned long)(size_t)r));
	*req = (mig_lock_request){
		.key = o->lock_value ? o->lock_value : MIG_DEFAULT_LOCK_VALUE,
		.scope = r->url.database ? r->url.database : r->url.path,
		.wait_seconds = o->lock_wait,
		.dialect = r->dia,
		.names = &r->names,
		.owner = r->owner,
		.lease_seconds = o->lock_lease > 0 ? o->lock_lease : LEASE_SECONDS,
	};
	return 0;
}

/* status: who holds the run lock right now, as a notice (nothing when
 * it is free or the strategy cannot tell). Never takes it. */
static void say_lock_holder(struct runner *r)
{
	enum mig_lock_choice choice;
	const mig_lock_strategy *s = NULL;
	mig_lock_request req;
	if (r->o->no_lock || lock_plan(r, &choice, &s, &req) != 0) {
		mig_error_clear();
		return;
	}
	char *h = mig_lock_holder_now(r->conn, s, &req);
	char *m = h ? mig_aprintf("a migration run holds the lock now: %s", h) : NULL;
	if (m)
		say(r->o, MIG_EV_INFO, m);
	mig__free(m);
	mig__free(h);
}

static int take_lock(struct runner *r, const mig_conn_opts *copts, const mig_session_opts *so)
{
	const mig_options *o = r->o;
	enum mig_lock_choice choice;
	const mig_lock_strategy *s = NULL;
	mig_lock_request req;
	int rc = lock_plan(r, &choice, &s, &req);
	if (rc)
		return rc;
	if (choice == MIG_LOCK_SESSION && !(r->conn->caps & MIG_CAP_SESSION_LOCK))
		say(o, MIG_EV_WARNING,
		    r->conn->server.facts & MIG_SERVER_CLUSTER
			    ? "--lock-strategy session on a cluster node: the lock is the node's own and does not exclude runs on other nodes"
		    : r->conn->server.facts & MIG_SERVER_POOLED
			    ? "--lock-strategy session behind a connection pooler: the lock may not exclude anything (each transaction may run on another server session)"
			    : "--lock-strategy session: this server's session lock does not exclude other runs");
	rc = mig_lock_acquire(r->conn, s, &req, notice_cb, (void *)o, &r->lock);
	if (rc == 0 && s->renew && !(r->conn->caps & MIG_CAP_EMBEDDED))
		keep_lease(r, copts, so);
	return rc;
}

/* --create-schema, and --create-migrations-schema for a lease (the state
 * table creates its own later). */
static int create_schemas(struct runner *r, bool read_only, bool for_lease)
{
	const mig_options *o = r->o;
	if (o->dry_run || read_only)
		return 0;
	int rc = 0;
	for (size_t i = 0; o->create_schema && rc == 0 && i < o->nschemas; i++) {
		mig_state_names sn = {o->schemas[i], r->names.table};
		rc = mig_state_exec(r->conn, r->dia, &sn, MIG_STATE_CREATE_SCHEMA);
	}
	if (rc == 0 && for_lease && o->create_migrations_schema && o->migrations_schema)
		rc = mig_state_exec(r->conn, r->dia, &r->names, MIG_STATE_CREATE_SCHEMA);
	return rc;
}

static int read_tables(void *ud, const char *sql, mig_rows **out);

/* Everything before planning: files, connection, session, lock, state. */
static int runner_open(struct runner *r, const mig_options *o, bool lock, bool read_only)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	int rc;
	const char *dir = o->migrations_dir ? o->migrations_dir : MIG_DEFAULT_DIR;
	/* only the names: a file is read when the plan needs it (source.h) */
	if ((rc = mig_discover(dir, o->ignore_pattern, &r->files)) != 0)
		return rc;
	r->lo = mig__load_opts(o);
	r->files.load_opts = &r->lo;
	if ((rc = mig__resolve_url(o->database_url, &r->url, &r->dia)) != 0)
		return rc;
	r->names.table = o->migrations_table ? o->migrations_table : MIG_DEFAULT_TABLE;
	r->names.schema = o->migrations_schema ? o->migrations_schema
			  : o->nschemas ? o->schemas[0]
					: r->dia->default_schema;

	/* The wait the user asked for governs every wait for another
	 * session, an embedded engine's file lock included (its default
	 * stays when no longer wait is asked for). */
	int busy_ms = o->lock_wait < 0 ? INT_MAX : o->lock_wait * 1000 >= INT_MAX ? INT_MAX : (int)(o->lock_wait * 1000);
	mig_conn_opts copts = {
		.busy_timeout_ms = busy_ms,
		.connect_timeout = o->connect_timeout > 0 ? o->connect_timeout : CONNECT_TIMEOUT_S,
		.no_create = read_only || o->dry_run,
		.notice = notice_cb,
		.notice_ud = (void *)o,
	};
	if (o->conn)
		r->conn = o->conn; /* a session's: it was opened with its own options */
	else if ((rc = mig_driver_open(&r->url, &copts, &r->conn)) != 0)
		return rc;
	mig_catalog_init_live(&r->catalog, &r->live, r->conn, r->dia, &r->names);
	r->live.io.query = read_tables;
	r->live.io.ud = r;

	if (o->dry_run) {
		unsigned caps = r->conn->caps;
		if ((r->dia->flags & MIG_DIALECT_NEEDS_CATALOG) && (caps & MIG_CAP_EMBEDDED) && (caps & MIG_CAP_TXN_DDL))
			r->dry_exec = true;
		else
			r->dry_print = true;
	}

	/* Before the lock: the session's lock_timeout also bounds the wait
	 * for a lock the server waits for. */
	r->session = (mig_session_opts){o->schemas,	    o->nschemas,	  o->create_schema && !o->dry_run && !read_only,
					o->lock_timeout, o->statement_timeout, &r->conn->server};
	if ((rc = setup_session(r->dia, r->conn, &r->session)) != 0)
		return rc;

	/* node-pg-migrate takes its lock, then creates the schemas; a lease
	 * lives next to the migrations table, so its schemas come first. */
	bool schemas_first = false;
	if (lock && !o->no_lock) {
		enum mig_lock_choice choice;
		const mig_lock_strategy *s = NULL;
		mig_lock_request req;
		schemas_first = lock_plan(r, &choice, &s, &req) == 0 && s->prepare;
		mig_error_clear(); /* take_lock says it again */
	}
	if (schemas_first && (rc = create_schemas(r, read_only, true)) != 0)
		return rc;
	if (lock && !o->no_lock && (rc = take_lock(r, &copts, &r->session)) != 0)
		return rc;
	if (!schemas_first && (rc = create_schemas(r, read_only, false)) != 0)
		return rc;

	if (read_only || o->dry_run) {
		if ((rc = mig_state_exists(r->conn, r->dia, &r->names, &r->have_state)) != 0)
			return rc;
	} else {
		bool create_schema = o->create_migrations_schema && o->migrations_schema;
		unsigned caps = r->conn->caps;
		bool may_defer = !create_schema && (caps & MIG_CAP_EMBEDDED) && (caps & MIG_CAP_TXN_DDL);
		if ((rc = mig_state_ensure(r->conn, r->dia, &r->names, create_schema,
					   may_defer ? &r->state_deferred : NULL)) != 0)
			return rc;
		r->have_state = true;
	}
	if (r->have_state && !r->state_deferred &&
	    (rc = mig_state_read(r->conn, r->dia, &r->names, &r->applied, &r->applied_at)) != 0)
		return rc;
	if (r->have_state && (rc = mig_journal_read(r->conn, r->dia, &r->names, &r->journal)) != 0)
		return rc;
	r->journal_ready = r->journal.exists;
	return 0;
}

static void note_lost(struct runner *r, int rc)
{
	if (rc == MIG_ECONNLOST) {
		r->lost = true;
		r->in_txn = false; /* the server ended it with the session */
	}
}

static void rollback(struct runner *r);

/* Behind a pooler the session settings are restated in each
 * transaction: it may run on another server session than the last. */
static int restate_settings(struct runner *r)
{
	if (!(r->conn->server.facts & MIG_SERVER_POOLED) || !r->dia->txn_sql)
		return 0;
	mig_strv stmts = MIG_STRV_INIT;
	int rc = r->dia->txn_sql(&r->session, &stmts);
	for (size_t i = 0; rc == 0 && i < stmts.n; i++)
		rc = mig__conn_exec(r->conn, stmts.v[i]);
	mig_strv_free(&stmts);
	return rc;
}

/* The migrations table, before the first statement that may need it
 * (state_deferred): in the open transaction, or alone outside one. */
static int state_create(struct runner *r)
{
	if (!r->state_deferred)
		return 0;
	int rc = mig_state_create(r->conn, r->dia, &r->names);
	if (rc) {
		/* reported once: runner_close does not try again */
		r->state_deferred = false;
		note_lost(r, rc);
		return rc;
	}
	r->state_deferred = false;
	r->state_in_txn = r->in_txn;
	return 0;
}

static int begin(struct runner *r, unsigned flags)
{
	int rc = mig__conn_begin(r->conn, flags);
	if (rc == 0)
		r->in_txn = true;
	if (rc == 0 && ((rc = restate_settings(r)) != 0 || (rc = state_create(r)) != 0)) {
		note_lost(r, rc);
		rollback(r);
		return rc;
	}
	note_lost(r, rc);
	return rc;
}

static int commit(struct runner *r)
{
	int rc = mig__conn_commit(r->conn);
	if (rc == 0) {
		r->in_txn = false;
		r->state_in_txn = false;
	}
	note_lost(r, rc);
	return rc;
}

static void rollback(struct runner *r)
{
	if (!r->in_txn || r->lost)
		return;
	mig_error *saved = mig_error_save();
	mig__conn_rollback(r->conn);
	r->in_txn = false;
	r->state_deferred |= r->state_in_txn;
	r->state_in_txn = false;
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

int mig__emit_op(const mig_dialect *dia, const mig_emit_ctx *ctx, const mig_migration *m, const mig_op *op,
		 const mig_opdef *def, mig_steps *steps)
{
	size_t before = steps->n;
	int rc = dia->emit(ctx, op, def && def->op ? def : NULL, steps);
	if (rc) {
		const mig_error *e = mig_error_last();
		if (e && !e->file)
			mig_error_set_location(m->path, op->line, op->column);
		return rc;
	}
	/* only this operation's steps: callers may pass a growing list */
	if (op->reverse_steps)
		mig_steps_reverse_from(steps, before);
	return 0;
}

int mig__analyze_ops(const mig_dialect *dia, const mig_migration *m, const mig_oplist *ops,
		     const mig_value *shorthands, bool decamelize, mig_opdef **out)
{
	*out = NULL;
	/* an operation the dialect can never express is refused first, whatever its arguments */
	for (size_t i = 0; dia->refuses && i < ops->n; i++) {
		const char *why = dia->refuses(ops->ops[i].kind);
		if (why) {
			int rc = mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported on %s: %s", ops->ops[i].name,
					       dia->display, why);
			mig_error_set_location(m->path, ops->ops[i].line, ops->ops[i].column);
			return rc;
		}
	}
	mig_opdef *defs = mig__calloc(ops->n ? ops->n : 1, sizeof(*defs));
	if (!defs)
		return mig_error_oom();
	mig_analyze_ctx actx = {.shorthands = shorthands, .decamelize = decamelize};
	for (size_t i = 0; i < ops->n; i++) {
		const mig_op *op = &ops->ops[i];
		int rc = mig_analyze(op, &actx, &defs[i]);
		if (rc) {
			const mig_error *e = mig_error_last();
			if (e && !e->file)
				mig_error_set_location(m->path, op->line, op->column);
			mig__free_defs(defs, ops->n);
			return rc;
		}
	}
	*out = defs;
	return 0;
}

void mig__free_defs(mig_opdef *defs, size_t n)
{
	for (size_t i = 0; defs && i < n; i++)
		mig_opdef_dispose(&defs[i]);
	mig__free(defs);
}

/* Point the error at the file: for a .sql file the step is the file's own
 * text, so the failing statement's line is the section's line plus the
 * lines before that statement; generated SQL points at the call. */
static void locate_failure(const mig_migration *m, const mig_op *op, const mig_step *step, size_t failed)
{
	int line = op->line, col = op->column;
	/* A step sent whole (PostgreSQL's one query) fails at parse time with
	 * nothing run: `failed` is 0, but the driver showed the statement that
	 * holds the error's position, and that is the line to name. */
	const mig_error *e = mig_error_last();
	if (e && e->statement && step->user && !step->undivided)
		for (size_t i = failed; i < step->n; i++)
			if (step->len[i] == strlen(e->statement) &&
			    memcmp(step->text + step->start[i], e->statement, step->len[i]) == 0) {
				failed = i;
				break;
			}
	if (m->source == MIG_SOURCE_SQL && step->user && !step->undivided && failed < step->n) {
		for (size_t i = 0; i < step->start[failed]; i++)
			line += step->text[i] == '\n';
		col = 0;
	}
	mig_error_set_location(m->path, line, col);
}

static void noted(void *ud, const char *message)
{
	(void)message;
	*(bool *)ud = true;
}

/*
 * After an operation ran: what was read of the database is stale. A
 * dialect whose model follows operations (MIG_DIALECT_FOLLOWS_LIVE) moves
 * it past this one; otherwise, and for user SQL or anything it cannot
 * follow, it is forgotten and read again when next needed.
 */
static bool data_steps(const mig_steps *steps)
{
	for (size_t k = 0; k < steps->n; k++) {
		const mig_step *st = &steps->v[k];
		if (st->undivided)
			return false;
		for (size_t j = 0; j < st->n; j++)
			if (!mig__txn_is_data_statement(st->text + st->start[j], st->len[j]))
				return false;
	}
	return true;
}

static void follow(struct runner *r, const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def,
		   const mig_steps *steps, bool ran)
{
	/* user SQL that only reads and writes rows leaves the model true
	 * (MIG_DIALECT_FOLLOWS_LIVE) */
	if (ran && (r->dia->flags & MIG_DIALECT_FOLLOWS_LIVE) && op->kind == MIG_OP_SQL && data_steps(steps))
		return;
	if (ran && (r->dia->flags & MIG_DIALECT_FOLLOWS_LIVE) && r->dia->apply && def && def->op &&
	    def->kind != MIG_OP_SQL) {
		bool unfollowed = false;
		mig_emit_ctx quiet = *ctx;
		quiet.warn = noted;
		quiet.warn_ud = &unfollowed;
		if (r->dia->apply(&quiet, op, def, steps, mig_catalog_model(&r->catalog)) == 0 && !unfollowed)
			return;
		mig_error_clear();
	}
	mig_catalog_reset(&r->catalog);
}

static mig_emit_ctx emit_ctx(struct runner *r, const mig_migration *m)
{
	return (mig_emit_ctx){
		.catalog = &r->catalog,
		.server = &r->conn->server,
		.file = m->path,
		.warn = warn_cb,
		.warn_ud = (void *)r->o,
		.names = &r->names,
	};
}

/* ---- the journal of a migration outside a transaction ---------------------- */

static mig_journal_args journal_args(const struct runner *r, const struct item *it)
{
	return (mig_journal_args){.name = r->files.items[it->fi].name,
				  .direction = it->down ? "down" : "up",
				  .owner = r->owner,
				  .statements_done = (long)it->stmts_done};
}

/*
 * Whether the journal writes of a migration outside a transaction travel
 * with its statements: on a connection whose batches run every statement
 * as if sent alone (MIG_CAP_BATCH), a step [journal write; statement]
 * costs one round trip instead of two, and stops before the statement
 * when the write fails. The count a write carries is that of the
 * statements already completed, so the journal says exactly what it said
 * before: it is sent right before the next statement would have been.
 */
static bool pairs(const struct runner *r, const struct item *it)
{
	return it->journaled && !r->o->dry_run && mig__conn_batches(r->conn);
}

static int journal_write(struct runner *r, struct item *it, enum mig_journal_stmt which, const char *error)
{
	mig_journal_args a = journal_args(r, it);
	a.error = error;
	char *sql = mig_journal_stmt(r->dia, &r->names, which, &a);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	step_event(r, a.name, it->down, sql, true);
	int rc = mig__conn_exec(r->conn, sql);
	mig__free(sql);
	note_lost(r, rc);
	return rc;
}

/* Before its first statement: the row that says it started. */
static int journal_start(struct runner *r, struct item *it)
{
	int rc = 0;
	if (!r->journal_ready) {
		char *sql = mig_journal_stmt(r->dia, &r->names, MIG_JOURNAL_CREATE, NULL);
		if (!sql)
			return mig_error_code(MIG_ERROR);
		step_event(r, r->files.items[it->fi].name, it->down, sql, true);
		rc = mig__conn_exec(r->conn, sql);
		mig__free(sql);
		note_lost(r, rc);
		if (rc == 0)
			r->journal_ready = true;
	}
	if (rc == 0 && pairs(r, it)) {
		/* sent with the first statement (or the record) */
		mig_journal_args a = journal_args(r, it);
		if (!(it->pending = mig_journal_stmt(r->dia, &r->names, MIG_JOURNAL_START, &a)))
			return mig_error_code(MIG_ERROR);
		it->pending_start = true;
		step_event(r, a.name, it->down, it->pending, true);
		return 0;
	}
	if (rc == 0 && (rc = journal_write(r, it, MIG_JOURNAL_START, NULL)) == 0)
		it->journal_started = true;
	if (rc)
		mig_error_prefix("migration %s: cannot write its start in the migrations journal", r->files.items[it->fi].name);
	return rc;
}

struct progress {
	struct runner *r;
	struct item *it;
	size_t base; /* statements done before this step */
};

static int journal_progress(void *ud, size_t k)
{
	struct progress *p = ud;
	size_t before = p->it->stmts_done;
	p->it->stmts_done = p->base + k;
	int rc = journal_write(p->r, p->it, MIG_JOURNAL_PROGRESS, NULL);
	p->it->stmts_done = before;
	return rc;
}

/* The queued parts and the pending journal write (before anything else
 * reaches the server, or where it cannot go with a statement). */
static int send_queued(struct runner *r, struct item *it, bool with_pending, const char *book, bool *after_all);

static int flush_pending(struct runner *r, struct item *it)
{
	/* (a pending write exists only where batches do: pairs()) */
	bool after_all = false;
	return it->nq || it->pending ? send_queued(r, it, true, NULL, &after_all) : 0;
}

/* The catalog's reads of the tables (emitting an operation may need
 * them): a pending journal write goes first, alone, so that the journal
 * is as exact during a read as between statements; when nothing is read
 * it goes with the next statement instead. */
static int read_tables(void *ud, const char *sql, mig_rows **out)
{
	struct runner *r = ud;
	struct item *it = r->current;
	/* (a start waits: nothing of the migration ran yet) */
	if (it && (it->nq || (it->pending && !it->pending_start))) {
		int rc = flush_pending(r, it);
		if (rc) {
			r->read_flush_failed = true;
			return rc;
		}
	}
	return mig__conn_query(r->conn, sql, out);
}

/* Make the journal write that says `k` statements of it completed the
 * pending one. */
static int pend_progress(struct runner *r, struct item *it)
{
	mig_journal_args a = journal_args(r, it);
	a.statements_done = (long)(it->stmts_done + it->q_stmts);
	char *sql = mig_journal_stmt(r->dia, &r->names, MIG_JOURNAL_PROGRESS, &a);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	step_event(r, a.name, it->down, sql, true);
	mig__free(it->pending);
	it->pending = sql;
	it->pending_start = false;
	return 0;
}

static void undo_step(void *ud, const char *sql)
{
	struct runner *r = ud;
	step_event(r, "undo", false, sql, false);
}

/*
 * A JS/TS migration outside a transaction failed at an operation that
 * left nothing behind: undo the operations before it by their inverses,
 * so that the migration is simply pending again (node-pg-migrate's own
 * inference, read against the live tables). Only when an inverse is
 * impossible, or fails, does the migration stay failed. Never disturbs
 * the error.
 */
static void undo_partial(struct runner *r, struct item *it, const mig_emit_ctx *ctx)
{
	const mig_migration *m = &r->files.items[it->fi];
	if (!it->journal_started || r->lost || m->source != MIG_SOURCE_JS || it->ops_done == 0 || it->op_stmts_kept ||
	    (it->failed != FAILED_STATEMENT && it->failed != FAILED_EMIT))
		return;
	mig_error *saved = mig_error_save();
	int rc = 0;
	mig_value *sh = mig__merged_shorthands(&r->files, it->fi, &rc);
	mig_undo u = {.dia = r->dia,
		      .conn = r->conn,
		      .ctx = ctx,
		      .m = m,
		      .shorthands = sh,
		      .decamelize = r->o->decamelize,
		      .on_step = undo_step,
		      .ud = r};
	size_t stmts = 0;
	if (rc == 0)
		rc = mig__undo_ops(&u, &it->ops, it->ops_done, &stmts);
	mig_value_free(sh);
	note_lost(r, rc);
	it->undo_stmts = stmts;
	if (rc == 0) {
		it->ops_undone = it->ops_done;
	} else if (rc != MIG_EIRREVERSIBLE) {
		/* (an operation without an inverse: nothing ran, it stays failed) */
		const mig_error *e = mig_error_last();
		it->undo_failed = mig_strdup(e && e->message ? e->message : "failed");
	}
	mig_error_clear();
	mig_error_restore(saved);
}

/* After a failure: the row says how far it got. When nothing of it
 * stayed applied (or what did was undone), it is simply pending again.
 * Never disturbs the error. */
static void journal_failed(struct runner *r, struct item *it)
{
	if (!it->journal_started || r->lost)
		return;
	mig_error *saved = mig_error_save();
	const mig_error *e = saved;
	bool undone = it->ops_undone && it->ops_undone == it->ops_done && !it->op_stmts_kept;
	bool nothing = (undone || it->stmts_done == it->stmts_undone) && it->failed != FAILED_RECORD;
	size_t keep = it->stmts_done;
	it->stmts_done -= it->stmts_undone;
	int rc = nothing ? journal_write(r, it, MIG_JOURNAL_CLEAR, NULL)
			 : journal_write(r, it, MIG_JOURNAL_FAIL, e && e->message ? e->message : NULL);
	it->stmts_done = keep;
	it->journal_marked = rc == 0 && !nothing;
	it->journal_cleared = rc == 0 && nothing;
	mig_error_clear();
	mig_error_restore(saved);
}

/* At the end of a run that wrote journal rows or found complete ones:
 * delete every complete row (journal.h). The journal is read again (under
 * the run's lock, nothing else writes it) and the complete rows go by
 * name, PRUNE_NAMES to a statement. A failure is a warning only: a
 * complete row means nothing to any run, and the next one deletes it.
 * Never disturbs the error. Also called with n == 0: a run killed between
 * its last record and its prune leaves nothing to migrate, and the run
 * after it is the one that deletes those rows. */
#define PRUNE_NAMES 1000
static void prune_journal(struct runner *r, const struct item *items, size_t n)
{
	bool any = r->journal.ndone > 0;
	for (size_t i = 0; i < n && !any; i++)
		any = items[i].journal_started;
	if (!any || r->lost || r->o->dry_run || !r->journal_ready)
		return;
	mig_error *saved = mig_error_save();
	const char *at = n ? r->files.items[items[n - 1].fi].name : NULL;
	bool down = n && items[n - 1].down;
	mig_journal now;
	int rc = mig_journal_read(r->conn, r->dia, &r->names, &now);
	note_lost(r, rc);
	for (size_t i = 0; rc == 0 && i < now.ndone; i += PRUNE_NAMES) {
		mig_journal_args a = {.names = (const char *const *)now.done + i,
				      .nnames = now.ndone - i < PRUNE_NAMES ? now.ndone - i : PRUNE_NAMES};
		char *sql = mig_journal_stmt(r->dia, &r->names, MIG_JOURNAL_PRUNE, &a);
		rc = sql ? 0 : MIG_ERROR;
		if (sql) {
			step_event(r, at, down, sql, true);
			rc = mig__conn_exec(r->conn, sql);
			note_lost(r, rc);
		}
		mig__free(sql);
	}
	mig_journal_dispose(&now);
	if (rc) {
		const mig_error *e = mig_error_last();
		char *text = mig_aprintf("cannot delete the migrations journal's rows of completed migrations (they are "
					 "ignored, and the next run deletes them): %s",
					 e && e->message ? e->message : "failed");
		say(r->o, MIG_EV_WARNING, text ? text : "cannot delete the migrations journal's completed rows");
		mig__free(text);
	}
	mig_error_clear();
	mig_error_restore(saved);
}

/* Append statement `len` bytes of `sql` to a batch being built, ending it
 * with a semicolon when it has none (the last statement of a section, or
 * one that ends in a comment: hence the newline first). */
static int batch_add(mig_str *text, size_t **start, size_t **len, size_t *n, size_t *cap, const char *sql,
		     size_t slen)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		size_t *s = mig__reallocarray(*start, c, sizeof(*s));
		if (s)
			*start = s;
		size_t *l = s ? mig__reallocarray(*len, c, sizeof(*l)) : NULL;
		if (!l)
			return mig_error_oom();
		*len = l;
		*cap = c;
	}
	if (text->len)
		mig_str_putc(text, '\n');
	(*start)[*n] = text->len;
	(*len)[*n] = slen;
	(*n)++;
	mig_str_put(text, sql, slen);
	size_t e = slen;
	while (e > 0 && (sql[e - 1] == ' ' || sql[e - 1] == '\t' || sql[e - 1] == '\n' || sql[e - 1] == '\r'))
		e--;
	if (e == 0 || sql[e - 1] != ';')
		mig_str_puts(text, "\n;");
	return mig_str_failed(text) ? mig_error_oom() : 0;
}

/* A step of the given statements, joined for one round trip (caller
 * frees text, start and len). */
static int batch_of(mig_step *b, const char *const *sql, size_t nsql)
{
	mig_str text = MIG_STR_INIT;
	size_t *start = NULL, *len = NULL, n = 0, cap = 0;
	int rc = 0;
	for (size_t i = 0; i < nsql && rc == 0; i++)
		rc = batch_add(&text, &start, &len, &n, &cap, sql[i], strlen(sql[i]));
	char *t = rc == 0 ? mig_str_detach(&text) : NULL;
	mig_str_free(&text);
	if (rc == 0 && !t)
		rc = MIG_ENOMEM;
	if (rc) {
		mig__free(start);
		mig__free(len);
		return rc;
	}
	*b = (mig_step){.text = t, .n = n, .start = start, .len = len};
	return 0;
}

static void batch_free(mig_step *b)
{
	mig__free(b->text);
	mig__free(b->start);
	mig__free(b->len);
}

static bool record_pairs(const struct runner *r, const struct item *it);

/* One text of a migration outside a transaction is a list of parts:
 * the journal's writes, its statements and its record, in order. */
struct part {
	char *own;	 /* the text, when the part owns it */
	const char *sql; /* the text */
	bool stmt;	 /* one of the migration's statements (else the core's) */
	bool start;	 /* the journal row's start */
	bool warn;	 /* a statement others follow: its warnings are read after it */
	bool queued;	 /* its step is gone: named by its operation's line */
	size_t op;	 /* a statement's operation (index) */
	size_t j;	 /* a statement's index in its step (not queued) */
	size_t op_first; /* statements of the migration before its operation */
};

static void parts_free(struct part *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mig__free(v[i].own);
	mig__free(v);
}

/* Append a part (its own text is taken, also on failure). */
static int parts_push(struct part **v, size_t *n, size_t *cap, struct part p)
{
	if (!p.sql) {
		mig__free(p.own);
		return mig_error_code(MIG_ENOMEM);
	}
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		struct part *g = mig__reallocarray(*v, c, sizeof(*g));
		if (!g) {
			mig__free(p.own);
			return mig_error_oom();
		}
		*v = g;
		*cap = c;
	}
	(*v)[(*n)++] = p;
	return 0;
}

/* Move the pending journal write to the end of a list of parts. */
static int parts_take_pending(struct item *it, struct part **v, size_t *n, size_t *cap)
{
	if (!it->pending)
		return 0;
	struct part p = {.own = it->pending, .sql = it->pending, .start = it->pending_start};
	it->pending = NULL;
	it->pending_start = false;
	return parts_push(v, n, cap, p);
}

/*
 * Send parts as one text (MIG_CAP_BATCH). The server runs them in order,
 * each committing as if sent alone, and stops at the first failure, so
 * the journal says at every moment what it said when each statement went
 * in a round trip of its own. What completed is counted; a failure is
 * named as the step-by-step path names it: a failing start is the
 * journal's, a failing count stops the migration before its next
 * statement, and a failing statement is named with its line (op and st:
 * the step of the parts not queued). A failure after every statement of
 * the text ran (*after_all) is left to the caller: the record's, or a
 * count's with nothing after it.
 */
static int send_parts(struct runner *r, struct item *it, const mig_migration *m, const mig_op *op,
		      const mig_step *st, const struct part *p, size_t np, bool tail, bool *after_all)
{
	*after_all = false;
	const char **texts = mig__calloc(np ? np : 1, sizeof(*texts));
	bool *warn = mig__calloc(np ? np : 1, sizeof(*warn));
	int rc = texts && warn ? 0 : mig_error_oom();
	size_t done = 0, total = 0, ran = 0;
	bool queued = false;
	for (size_t i = 0; rc == 0 && i < np; i++) {
		texts[i] = p[i].sql;
		warn[i] = p[i].warn;
		total += p[i].stmt;
		queued |= p[i].queued;
	}
	mig_step b;
	bool sent = false;
	if (rc == 0 && (rc = batch_of(&b, texts, np)) == 0) {
		b.warn = warn;
		rc = mig__conn_exec_batch(r->conn, &b, &done);
		batch_free(&b);
		note_lost(r, rc);
		sent = true;
	}
	mig__free(texts);
	mig__free(warn);
	if (!sent) {
		/* nothing went: what ran is what was counted */
		it->q_stmts = 0;
		return rc;
	}
	size_t last = SIZE_MAX; /* the last statement that ran */
	for (size_t i = 0; i < done && i < np; i++) {
		it->journal_started |= p[i].start;
		ran += p[i].stmt;
		if (p[i].stmt)
			last = i;
	}
	it->stmts_done += ran;
	it->q_stmts = 0;
	/* of the step running now; the operations queued before it are done */
	if (last != SIZE_MAX && !p[last].queued)
		it->op_stmts_kept = it->stmts_done - p[last].op_first;
	if (rc == 0) {
		it->recorded = tail;
		return 0;
	}
	/* a model that followed operations which did not all run */
	if (queued)
		mig_catalog_reset(&r->catalog);
	if (done == 0 && np && p[0].start) {
		mig_error_prefix("migration %s: cannot write its start in the migrations journal", m->name);
		return rc;
	}
	if (ran == total) {
		*after_all = true;
		return rc;
	}
	/* the statement that failed, or that a failing count stopped */
	size_t g = done;
	while (!p[g].stmt)
		g++;
	it->failed = FAILED_STATEMENT;
	it->ops_done = p[g].op;
	it->op_stmts_kept = it->stmts_done - p[g].op_first;
	mig_error_prefix("migration %s failed", m->name);
	if (p[g].queued || !st)
		locate_failure(m, &it->ops.ops[p[g].op], &(mig_step){0}, 0);
	else
		locate_failure(m, op, st, p[g].j);
	return rc;
}

/* The queued parts [, the pending write] [, book] as one text (after_all:
 * send_parts). */
static int send_queued(struct runner *r, struct item *it, bool with_pending, const char *book, bool *after_all)
{
	mig_migration view = mig_migration_view(&r->files.items[it->fi], it->down);
	struct part *p = it->q;
	size_t np = it->nq, cap = it->qcap;
	it->q = NULL;
	it->nq = it->qcap = 0;
	int rc = with_pending ? parts_take_pending(it, &p, &np, &cap) : 0;
	if (rc == 0 && book)
		rc = parts_push(&p, &np, &cap, (struct part){.sql = book});
	if (rc == 0)
		rc = send_parts(r, it, &view, NULL, NULL, p, np, book != NULL, after_all);
	else
		it->q_stmts = 0;
	parts_free(p, np);
	return rc;
}

/*
 * The statements of a step outside a transaction (pairs()), each after
 * the journal write that says how many came before it, and with tail
 * (the step holds the migration's last statement) the record after the
 * last one: [pending write; s1; count; s2; ...; sN; record]. No count
 * follows the last statement: the next step's goes with that step
 * (pend_progress), or the record completes the row (journal.h), and if
 * the record fails the run knows that every statement ran and marks the
 * row failed with the full count. Only a session lost in between leaves
 * a count before a statement that ran: the row never claims one that
 * did not run. The driver reads each statement's warnings right after
 * it (warn): the journal's UPDATE would clear them.
 * Where the dialect's model follows operations without reading the
 * tables (MIG_DIALECT_FOLLOWS_LIVE), the step of a JS migration is not
 * sent yet but queued, and goes with the next step, the record, or
 * before the catalog reads the tables (read_tables): a migration whose
 * operations read nothing costs one round trip. (A .sql migration is one
 * step already; its failures are named by the statement's line, which
 * needs the step's text.)
 */
static int run_paired(struct runner *r, struct item *it, const mig_migration *m, const mig_op *op,
		      const mig_step *st, size_t op_first, bool last)
{
	if (st->n == 0)
		return 0;
	bool tail = last && it->book && record_pairs(r, it);
	bool defer = !tail && (r->dia->flags & MIG_DIALECT_FOLLOWS_LIVE) && m->source != MIG_SOURCE_SQL;
	size_t opi = (size_t)(op - it->ops.ops), base = it->stmts_done + it->q_stmts;
	struct part *p = it->q;
	size_t np = it->nq, cap = it->qcap;
	it->q = NULL;
	it->nq = it->qcap = 0;
	int rc = parts_take_pending(it, &p, &np, &cap);
	for (size_t j = 0; rc == 0 && j < st->n; j++) {
		char *one = mig_step_stmt(st, j);
		rc = parts_push(&p, &np, &cap,
				(struct part){.own = one, .sql = one, .stmt = true,
					      .warn = !r->o->no_notices && (j + 1 < st->n || tail || defer),
					      .op = opi, .j = j, .op_first = op_first});
		if (rc || j + 1 == st->n)
			break;
		mig_journal_args a = journal_args(r, it);
		a.statements_done = (long)(base + j + 1);
		char *count = mig_journal_stmt(r->dia, &r->names, MIG_JOURNAL_PROGRESS, &a);
		if (count)
			step_event(r, a.name, it->down, count, true);
		rc = parts_push(&p, &np, &cap, (struct part){.own = count, .sql = count});
	}
	if (rc == 0 && tail) {
		step_event(r, m->name, it->down, it->book, true);
		rc = parts_push(&p, &np, &cap, (struct part){.sql = it->book});
	}
	if (rc) {
		/* nothing of it went: what ran is what was counted */
		parts_free(p, np);
		it->q_stmts = 0;
		return rc;
	}
	if (defer) {
		for (size_t i = 0; i < np; i++)
			p[i].queued = true;
		it->q = p;
		it->nq = np;
		it->qcap = cap;
		it->q_stmts += st->n;
		return pend_progress(r, it);
	}
	bool after_all = false;
	rc = send_parts(r, it, m, op, st, p, np, tail, &after_all);
	parts_free(p, np);
	if (rc && after_all && tail) {
		it->failed = FAILED_RECORD;
		mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
	} else if (rc && after_all) {
		/* the text's last statement ran but did not end well */
		it->failed = FAILED_STATEMENT;
		mig_error_prefix("migration %s failed", m->name);
		locate_failure(m, op, st, st->n - 1);
	}
	if (rc == 0 && !tail)
		rc = pend_progress(r, it);
	return rc;
}

/* The statements of one operation's steps, step by step; last_op: the
 * migration's last operation. */
static int run_op_steps(struct runner *r, struct item *it, const mig_migration *m, const mig_op *op,
			const mig_steps *steps, bool announced, bool last_op)
{
	int rc = 0;
	size_t op_first = it->stmts_done + it->q_stmts;
	for (size_t k = 0; rc == 0 && k < steps->n; k++) {
		const mig_step *st = &steps->v[k];
		if (!announced)
			step_event(r, m->name, it->down, st->text, false);
		if (r->dry_print)
			continue;
		if (pairs(r, it) && !st->undivided) {
			rc = run_paired(r, it, m, op, st, op_first, last_op && k + 1 == steps->n);
			continue;
		}
		/* the journal's count goes before anything else (and what
		 * was queued, which names its own failing statement) */
		if ((rc = flush_pending(r, it)) != 0) {
			if (it->journal_started && !it->failed) {
				it->failed = FAILED_STATEMENT;
				mig_error_prefix("migration %s failed", m->name);
				locate_failure(m, op, st, 0);
			}
			break;
		}
		size_t done = 0;
		struct progress pr = {r, it, it->stmts_done};
		rc = mig__conn_run_step_each(r->conn, st, &done, it->journaled ? journal_progress : NULL, &pr);
		it->stmts_done += done;
		it->op_stmts_kept = it->stmts_done - op_first;
		if (rc) {
			if (!r->in_txn && mig__conn_step_atomic(r->conn, st)) {
				it->stmts_undone = done;
				it->op_stmts_kept -= done;
			}
			note_lost(r, rc);
			it->failed = FAILED_STATEMENT;
			mig_error_prefix("migration %s failed", m->name);
			locate_failure(m, op, st, done);
		}
	}
	return rc;
}

/*
 * Whether the whole migration and its record go to the server in one
 * round trip: inside a transaction (the statements then behave exactly
 * as when sent one step at a time, and a failure takes all of them
 * back), on a connection that sends a step in one round trip, with a
 * dialect that emits every operation without reading the database (so
 * all of them can be emitted before the first runs).
 */
static bool whole_batch(const struct runner *r, const struct item *it)
{
	return !r->o->dry_run && !r->o->fake && r->in_txn && !it->journaled &&
	       !(r->dia->flags & MIG_DIALECT_NEEDS_CATALOG) && mig__conn_one_round_trip(r->conn);
}

/* Where statement i of a batch came from. */
struct origin {
	size_t op, step, stmt; /* op == SIZE_MAX: the bookkeeping statement */
};

/*
 * The whole migration (steps[i] for ops[i], already emitted and
 * announced) and then `book` as one step. On failure the completed count
 * names the statement; its error and file location are made as the
 * step-by-step path makes them, from the failing step's own text.
 * *recorded: the bookkeeping statement ran.
 */
static int run_batch(struct runner *r, struct item *it, const mig_migration *m, mig_steps *steps, const char *book,
		     bool *recorded)
{
	*recorded = false;
	mig_str text = MIG_STR_INIT;
	size_t *start = NULL, *len = NULL, n = 0, cap = 0;
	struct origin *from = NULL;
	size_t nfrom = 0;
	int rc = 0;
	for (size_t i = 0; i < it->ops.n && rc == 0; i++)
		for (size_t k = 0; k < steps[i].n && rc == 0; k++)
			nfrom += steps[i].v[k].n;
	if (!(from = mig__calloc(nfrom + 1, sizeof(*from))))
		rc = mig_error_oom();
	for (size_t i = 0; i < it->ops.n && rc == 0; i++)
		for (size_t k = 0; k < steps[i].n && rc == 0; k++) {
			const mig_step *st = &steps[i].v[k];
			for (size_t j = 0; j < st->n && rc == 0; j++) {
				from[n] = (struct origin){i, k, j};
				rc = batch_add(&text, &start, &len, &n, &cap, st->text + st->start[j], st->len[j]);
			}
		}
	if (rc == 0) {
		from[n] = (struct origin){SIZE_MAX, 0, 0};
		rc = batch_add(&text, &start, &len, &n, &cap, book, strlen(book));
	}
	if (rc) {
		mig_str_free(&text);
		mig__free(start);
		mig__free(len);
		mig__free(from);
		return rc;
	}
	mig_step batch = {.text = mig_str_detach(&text), .n = n, .start = start, .len = len};
	size_t done = 0;
	if (!batch.text)
		rc = mig_error_oom();
	else
		rc = mig__conn_run_step(r->conn, &batch, &done);
	it->stmts_done = done < n ? done : n - 1;
	if (rc == 0) {
		*recorded = true;
		it->ops_done = it->ops.n;
	} else if (done < n && from[done].op != SIZE_MAX) {
		const struct origin *o = &from[done];
		const mig_step *st = &steps[o->op].v[o->step];
		it->ops_done = o->op;
		note_lost(r, rc);
		it->failed = FAILED_STATEMENT;
		mig_error_prefix("migration %s failed", m->name);
		locate_failure(m, &it->ops.ops[o->op], st, o->stmt);
	} else if (done < n) {
		note_lost(r, rc);
		it->failed = FAILED_RECORD;
		mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
	} else {
		note_lost(r, rc);
	}
	mig__free(batch.text);
	mig__free(start);
	mig__free(len);
	mig__free(from);
	return rc;
}

/* Whether the record goes in one round trip with the journal's last
 * write (the record completes the row: journal.h). */
static bool record_pairs(const struct runner *r, const struct item *it)
{
	return pairs(r, it) && (it->journal_started || it->pending);
}

/* [queued parts; pending journal write;] record as one text: a failure
 * after every statement ran is the record's. */
static int record_batched(struct runner *r, struct item *it, const mig_migration *m, const char *book)
{
	bool after_all = false;
	int rc = send_queued(r, it, true, book, &after_all);
	if (rc && after_all) {
		it->failed = FAILED_RECORD;
		mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
	}
	return rc;
}

/* Whose pgm.db queries are shown as steps (--verbose, as statements). */
struct node_ref {
	struct runner *r;
	const char *name;
	bool down;
};

static void node_query_step(void *ud, const char *sql)
{
	struct node_ref *x = ud;
	step_event(x->r, x->name, x->down, sql, false);
}

/*
 * A file read by Node.js whose function queries the database (pgm.db):
 * only now, at its turn, inside the run's transaction and after the
 * migrations before it, is it evaluated, its queries answered by the
 * run's connection; its operations then go through the analysis step as
 * make_items() would have sent them.
 */
static int node_turn(struct runner *r, struct item *it)
{
	mig_migration *m = &r->files.items[it->fi];
	const char *dir = it->down ? "down" : "up";
	if (r->o->dry_run)
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"%s() queries the database (pgm.db), and a dry run does not evaluate such a function: "
					"its operations depend on what the migrations before it did",
					dir);
	struct node_ref ref = {r, m->name, it->down};
	mig__node_db_ctx x = {.conn = r->conn, .dia = r->dia, .on_query = node_query_step, .ud = &ref};
	mig_node_db db = mig__node_db(&x);
	mig_oplist ops;
	bool no_tx = false;
	int rc = mig_node_run(m, it->down, &r->lo, &db, &ops, &no_tx);
	if (rc)
		return rc;
	if (no_tx != it->no_txn) {
		mig_oplist_free(&ops);
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"%s() called pgm.noTransaction() after its first pgm.db query: the transaction it runs in "
					"is chosen before it runs; call pgm.noTransaction() first",
					dir);
	}
	mig__free_defs(it->defs, it->ops.n);
	it->defs = NULL;
	mig_oplist_free(&it->ops);
	it->ops = ops;
	mig_value *sh = mig__merged_shorthands(&r->files, it->fi, &rc);
	if (rc == 0)
		rc = mig__analyze_ops(r->dia, m, &it->ops, sh, r->o->decamelize, &it->defs);
	mig_value_free(sh);
	unsigned need = 0;
	for (size_t i = 0; rc == 0 && r->dia->op_flags && i < it->ops.n; i++)
		need |= r->dia->op_flags(&it->defs[i]);
	if (rc == 0 && (need & ~it->opflags))
		rc = mig_error_set_at(MIG_ENOTSUPPORTED, m->path, 0, 0,
				      "%s() queries the database (pgm.db), and its operations need a transaction %s cannot "
				      "give it once it has begun",
				      dir, r->dia->display);
	return rc;
}

/* How much IR the planned migrations keep from the check before the run
 * to their turn. The IR of one that does not fit is dropped after the
 * check and read and analysed again when it runs: a run of thousands of
 * JS migrations (about 10 KB of IR each, 25 times their text) then holds
 * the IR of a hundred, not of all, and one that fits reads each file
 * once. */
#define KEEP_IR_BYTES ((size_t)1 << 20)

/* What a reading of a file gave: its operations, their arguments and
 * where they were written, and the shorthands it exports (which later
 * files' analysis uses). */
static uint64_t ops_hash(const mig_oplist *ops, const mig_value *shorthands)
{
	uint64_t h = mig_value_hash(shorthands, MIG_FNV1A_INIT);
	for (size_t i = 0; i < ops->n; i++) {
		const mig_op *op = &ops->ops[i];
		mig_value name = {.type = MIG_V_STRING, .str = op->name, .len = strlen(op->name),
				  .line = op->line, .column = op->column, .b = op->reverse_steps};
		h = mig_value_hash(op->args, mig_value_hash(&name, h));
	}
	return h;
}

/* Bytes an item's IR takes. */
static size_t ir_footprint(const struct item *it)
{
	size_t n = it->ops.cap * sizeof(*it->ops.ops) + it->ops.n * sizeof(*it->defs);
	for (size_t i = 0; i < it->ops.n; i++) {
		n += mig_value_footprint(it->ops.ops[i].args) + strlen(it->ops.ops[i].name) + 1;
		if (it->defs)
			n += mig_arena_footprint(&it->defs[i].arena);
	}
	return n;
}

/* Read and analyse one planned migration: its operations, whether it
 * runs outside a transaction, and what the dialect needs of that
 * transaction. Errors point at the file. */
static int read_item(struct runner *r, struct item *it, bool *no_txn, unsigned *opflags)
{
	int rc = mig__source_ops(&r->files, it->fi, it->down, &it->ops, no_txn);
	if (rc)
		return rc;
	/* (after loading: what it sets, such as a deferred direction, shows) */
	mig_migration view = mig_migration_view(&r->files.items[it->fi], it->down);
	const mig_migration *m = &view;
	if (r->o->fake) {
		if (!(it->defs = mig__calloc(it->ops.n ? it->ops.n : 1, sizeof(*it->defs))))
			return mig_error_oom();
	} else {
		mig_value *sh = NULL;
		rc = mig__source_shorthands(&r->files, it->fi, &sh);
		if (rc == 0)
			rc = mig__analyze_ops(r->dia, m, &it->ops, sh, r->o->decamelize, &it->defs);
		mig_value_free(sh);
		if (rc)
			return rc;
	}
	*opflags = 0;
	/* a file evaluated at its turn (pgm.db): its operations are known
	 * only after its transaction began, so assume what they may need */
	if (mig_migration_deferred(m, it->down) && r->dia->op_flags)
		*opflags |= MIG_OPF_RELAXED_FK;
	if (r->dia->op_flags)
		for (size_t i = 0; i < it->ops.n; i++)
			*opflags |= r->dia->op_flags(&it->defs[i]);
	return 0;
}

/* At its turn, the IR of a migration dropped after the check (KEEP_IR_BYTES).
 * What runs must be what was checked (and what its transaction was
 * chosen for): a file (or a file it imports) changed since is refused
 * before anything of it runs. */
static int reread_item(struct runner *r, struct item *it)
{
	bool no_txn = false;
	unsigned opflags = 0;
	int rc = read_item(r, it, &no_txn, &opflags);
	it->reread = false;
	if (rc == 0 && (no_txn != it->no_txn || opflags != it->opflags || ops_hash(&it->ops, r->files.items[it->fi].shorthands) != it->ir_hash))
		rc = mig_error_set_at(MIG_EINPUT, mig_migration_view(&r->files.items[it->fi], it->down).path, 0, 0,
				      "the file changed while the run was under way: its operations are not those checked "
				      "before the run began, so nothing of it ran; run again");
	return rc;
}

/* The record statement of a direction with the name as a parameter,
 * where the driver binds and the dialect has one; else NULL (and *rc set
 * when making it failed). */
static const char *bound_record(struct runner *r, bool down, int *rc)
{
	*rc = 0;
	if (!mig__conn_binds(r->conn))
		return NULL;
	char **sql = &r->book_bound[down];
	if (!*sql && !(*sql = mig_state_stmt(r->dia, &r->names, down ? MIG_STATE_DELETE_BOUND : MIG_STATE_INSERT_BOUND,
					     NULL))) {
		*rc = mig_error_code(MIG_ERROR);
		return NULL;
	}
	return **sql ? *sql : NULL;
}

/* A migration's record sent by itself: bound to a statement prepared
 * once where the driver can (exec_bound), else the statement `book`. */
static int exec_record(struct runner *r, const struct item *it, const char *name, const char *book)
{
	int rc = 0;
	const char *sql = bound_record(r, it->down, &rc);
	if (rc)
		return rc;
	return sql ? mig__conn_exec_bound(r->conn, sql, name) : mig__conn_exec(r->conn, book);
}

/* Whether the records of a transaction of several migrations can wait
 * for its end, to go there together (flush_records): each migration's DDL
 * changes the schema, and a statement prepared before it is prepared
 * again (SQLite: a third of the cost of a small migration).
 * Not when a migration of it runs queries of its own at its turn
 * (pgm.db): those may read the migrations table. */
static bool can_defer_records(struct runner *r, const struct item *items, const mig_txn_unit *x)
{
	if (!x->transaction || x->last == x->first)
		return false;
	for (size_t i = x->first; i <= x->last; i++) {
		mig_migration view = mig_migration_view(&r->files.items[items[i].fi], items[i].down);
		int rc = 0;
		if (mig_migration_deferred(&view, items[i].down) || !bound_record(r, items[i].down, &rc)) {
			mig_error_clear();
			return false;
		}
	}
	return true;
}

/* The names of the records of x that wait, all of them applied, as a JSON
 * array; NULL (and *rc 0) when one of them is rolled back or needs more
 * than `"` and `\` escaped: then they go one by one. */
static char *due_names_json(const struct runner *r, const struct item *items, const mig_txn_unit *x, int *rc)
{
	*rc = 0;
	mig_str s = MIG_STR_INIT;
	mig_str_putc(&s, '[');
	for (size_t i = x->first; i <= x->last; i++) {
		if (!items[i].record_due)
			continue;
		const char *name = r->files.items[items[i].fi].name;
		if (items[i].down || mig_utf8_invalid_at(name, strlen(name)) >= 0) {
			mig_str_free(&s);
			return NULL;
		}
		mig_str_puts(&s, s.len > 1 ? ",\"" : "\"");
		for (const char *p = name; *p; p++) {
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				mig_str_free(&s);
				return NULL;
			}
			if (*p == '"' || *p == '\\')
				mig_str_putc(&s, '\\');
			mig_str_putc(&s, *p);
		}
		mig_str_putc(&s, '"');
	}
	mig_str_putc(&s, ']');
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		*rc = mig_error_oom();
		return NULL;
	}
	return mig_str_detach(&s);
}

/* The records of x as one statement, where the server and the dialect
 * have one (MIG_STATE_INSERT_BOUND_MANY): 1 when it ran, 0 when they must
 * go one by one (it is not there, or it failed: a failing statement
 * leaves none of its rows, and one by one names the failing record),
 * else the error. */
static int flush_many(struct runner *r, struct item *items, const mig_txn_unit *x)
{
	if (!(r->conn->server.facts & MIG_SERVER_JSON_ROWS))
		return 0;
	if (!r->book_many && !(r->book_many = mig_state_stmt(r->dia, &r->names, MIG_STATE_INSERT_BOUND_MANY, NULL)))
		return mig_error_code(MIG_ERROR);
	if (!*r->book_many)
		return 0;
	int rc = 0;
	char *names = due_names_json(r, items, x, &rc);
	if (!names)
		return rc;
	if (r->o->verbose) {
		char *shown = mig_aprintf("%s; -- ?1 = %s", r->book_many, names);
		if (!shown) {
			mig__free(names);
			return mig_error_oom();
		}
		step_event(r, r->files.items[items[x->last].fi].name, false, shown, true);
		mig__free(shown);
	}
	rc = mig__conn_exec_bound(r->conn, r->book_many, names);
	mig__free(names);
	if (rc == MIG_ECONNLOST || rc == MIG_ENOMEM) {
		note_lost(r, rc);
		return rc;
	}
	if (rc) {
		mig_error_clear();
		return 0;
	}
	for (size_t i = x->first; i <= x->last; i++)
		items[i].record_due = false;
	return 1;
}

/* The records that waited for the end of their transaction, in the order
 * the migrations ran. */
static int flush_records(struct runner *r, struct item *items, const mig_txn_unit *x)
{
	int many = flush_many(r, items, x);
	if (many != 0)
		return many < 0 ? many : 0;
	for (size_t i = x->first; i <= x->last; i++) {
		struct item *it = &items[i];
		if (!it->record_due)
			continue;
		it->record_due = false;
		const char *name = r->files.items[it->fi].name;
		char *book = mig_state_stmt(r->dia, &r->names, it->down ? MIG_STATE_DELETE : MIG_STATE_INSERT, name);
		if (!book)
			return mig_error_code(MIG_ENOMEM);
		step_event(r, name, it->down, book, true);
		int rc = exec_record(r, it, name, book);
		mig__free(book);
		if (rc) {
			note_lost(r, rc);
			it->failed = FAILED_RECORD;
			mig_error_prefix("migration %s: cannot record it in the migrations table", name);
			return rc;
		}
	}
	return 0;
}

static int run_migration(struct runner *r, struct item *it);

/* One migration; while it runs outside a transaction, reads of the
 * tables send its pending journal write first (read_tables). */
static int run_one(struct runner *r, struct item *it)
{
	r->current = it->journaled ? it : NULL;
	int rc = run_migration(r, it);
	r->current = NULL;
	return rc;
}

/* How many tables the catalog keeps between migrations; a later migration
 * rarely needs more than the few tables before it, and a table read again
 * costs a few queries (MySQL: its columns, keys, checks and indexes). */
#define FOLLOWED_TABLES 256

static int run_migration(struct runner *r, struct item *it)
{
	/* messages name the file this direction was read from */
	mig_migration view = mig_migration_view(&r->files.items[it->fi], it->down);
	const mig_migration *m = &view;
	mig_event ev = {.kind = MIG_EV_MIGRATION_START, .name = m->name, .down = it->down};
	mig__emit_event(r->o, &ev);
	double t0 = now_ms();
	int rc = 0;
	if (it->reread && (rc = reread_item(r, it)) != 0) {
		it->failed = FAILED_EMIT;
		return rc;
	}
	if (!r->o->fake && mig_migration_deferred(m, it->down) && (rc = node_turn(r, it)) != 0) {
		it->failed = FAILED_EMIT;
		return rc;
	}
	mig_emit_ctx ctx = emit_ctx(r, m);
	ctx.outside_txn = it->journaled;
	if (it->journaled && (rc = journal_start(r, it)) != 0)
		return rc;
	/* in one round trip: every operation is emitted (and announced)
	 * first; the steps run below, together with the record */
	bool batch = whole_batch(r, it);
	mig_steps *emitted = NULL;
	if (batch && !(emitted = mig__calloc(it->ops.n ? it->ops.n : 1, sizeof(*emitted))))
		return mig_error_oom();
	/* the record may go with the last statement (run_paired) */
	it->recorded = false;
	if (pairs(r, it) && record_pairs(r, it) &&
	    !(it->book = mig_state_stmt(r->dia, &r->names, it->down ? MIG_STATE_DELETE : MIG_STATE_INSERT, m->name)))
		rc = mig_error_code(MIG_ENOMEM);
	for (size_t i = 0; batch && i < it->ops.n && rc == 0; i++) {
		const mig_op *op = &it->ops.ops[i];
		if ((rc = mig__emit_op(r->dia, &ctx, m, op, &it->defs[i], &emitted[i])) != 0)
			it->failed = FAILED_EMIT;
		for (size_t k = 0; rc == 0 && k < emitted[i].n; k++) {
			const mig_step *st = &emitted[i].v[k];
			step_event(r, m->name, it->down, st->text, false);
			/* user SQL that could not be divided holds statements
			 * the driver counts one by one: step by step then */
			if (st->undivided)
				batch = false;
		}
	}
	if (emitted && rc == 0 && !batch) {
		for (size_t i = 0; i < it->ops.n && rc == 0; i++) {
			rc = run_op_steps(r, it, m, &it->ops.ops[i], &emitted[i], true, i + 1 == it->ops.n);
			follow(r, &ctx, &it->ops.ops[i], &it->defs[i], &emitted[i], rc == 0);
			if (rc == 0) {
				it->ops_done = i + 1;
				it->op_stmts_kept = 0;
			}
		}
	}
	for (size_t i = 0; !emitted && !r->o->fake && i < it->ops.n && rc == 0; i++) {
		const mig_op *op = &it->ops.ops[i];
		mig_steps steps = MIG_STEPS_INIT;
		/* the count of the operation before goes with the next
		 * statement, or alone before a read of the tables (read_tables) */
		r->read_flush_failed = false;
		rc = mig__emit_op(r->dia, &ctx, m, op, &it->defs[i], &steps);
		if (rc && r->read_flush_failed) {
			if (it->journal_started && !it->failed) {
				it->failed = FAILED_STATEMENT;
				mig_error_prefix("migration %s failed", m->name);
				locate_failure(m, &it->ops.ops[i - 1], &(mig_step){0}, 0);
			}
			mig_steps_free(&steps);
			break;
		}
		if (rc)
			it->failed = FAILED_EMIT;
		/* printing only: the frozen model stands in for the database the
		 * statements did not change */
		if (rc == 0 && r->dry_print && (r->dia->flags & MIG_DIALECT_NEEDS_CATALOG) && r->dia->apply &&
		    (rc = r->dia->apply(&ctx, op, it->defs[i].op ? &it->defs[i] : NULL, &steps,
					mig_catalog_model(&r->catalog))) != 0) {
			it->failed = FAILED_EMIT;
			if (mig_error_last() && !mig_error_last()->file)
				mig_error_set_location(m->path, op->line, op->column);
		}
		if (rc == 0)
			rc = run_op_steps(r, it, m, op, &steps, false, i + 1 == it->ops.n);
		/* the database changed */
		if (!r->dry_print)
			follow(r, &ctx, op, &it->defs[i], &steps, rc == 0);
		mig_steps_free(&steps);
		if (rc == 0) {
			it->ops_done = i + 1;
			it->op_stmts_kept = 0;
		}
	}
	/* a failure after steps were queued (run_paired): they run first,
	 * as they did when each step went at once, and a failure among
	 * them is the one to tell */
	if (rc && it->nq) {
		mig_error *saved = mig_error_save();
		int failed = it->failed;
		bool after_all = false;
		int frc = send_queued(r, it, false, NULL, &after_all);
		if (frc == 0 || after_all) {
			mig_error_restore(saved);
			it->failed = failed;
		} else {
			mig_error_free(saved);
			rc = frc;
		}
	}
	/* a record that waits for the end of the transaction is shown when
	 * it goes (flush_records) */
	bool defer = rc == 0 && !batch && r->defer_records && !r->o->dry_run && !it->journaled;
	char *book = it->book;
	it->book = NULL;
	if (rc == 0 && !defer && !book &&
	    !(book = mig_state_stmt(r->dia, &r->names, it->down ? MIG_STATE_DELETE : MIG_STATE_INSERT, m->name)))
		rc = mig_error_code(MIG_ENOMEM);
	if (rc == 0 && !defer && !it->recorded)
		step_event(r, m->name, it->down, book, true);
	if (rc == 0 && it->recorded) {
		/* it went with the last statement */
	} else if (rc == 0 && batch) {
		bool recorded = false;
		rc = run_batch(r, it, m, emitted, book, &recorded);
		/* the database changed (or, after a failure, is rolled back
		 * to what nobody read yet) */
		for (size_t i = 0; i < it->ops.n; i++)
			follow(r, &ctx, &it->ops.ops[i], &it->defs[i], &emitted[i], rc == 0);
	} else if (rc == 0 && record_pairs(r, it)) {
		rc = record_batched(r, it, m, book);
	} else if (rc == 0 && !r->o->dry_run && (it->journal_started || it->pending) &&
		   (rc = flush_pending(r, it)) != 0) {
		if (it->journal_started && !it->failed) {
			it->failed = FAILED_RECORD;
			mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
		}
	} else if (defer) {
		it->record_due = true; /* flush_records, at the end of the transaction */
	} else if (rc == 0 && !r->o->dry_run && (rc = exec_record(r, it, m->name, book)) != 0) {
		note_lost(r, rc);
		it->failed = FAILED_RECORD;
		mig_error_prefix("migration %s: cannot record it in the migrations table", m->name);
	}
	/* a journal write that never went: a start (nothing of it ran), or
	 * a count after a failure, which the row marking the failure
	 * carries (journal_failed) */
	mig__free(it->pending);
	it->pending = NULL;
	it->pending_start = false;
	parts_free(it->q, it->nq);
	it->q = NULL;
	it->nq = it->qcap = it->q_stmts = 0;
	for (size_t i = 0; emitted && i < it->ops.n; i++)
		mig_steps_free(&emitted[i]);
	mig__free(emitted);
	mig__free(book);
	if (rc)
		return rc;
	/* everything of this migration has gone to the server, so what a
	 * later one needs of the tables can be read again: a model that
	 * follows the run (MIG_DIALECT_FOLLOWS_LIVE) would otherwise hold
	 * every table the run made (about 2.5 KB each on MySQL) */
	mig_catalog_bound(&r->catalog, FOLLOWED_TABLES);
	it->ms = now_ms() - t0;
	return 0;
}

/* A migration finished; `uncommitted`: its transaction is still open, so
 * it is not applied until that commits (and undone if it does not). */
static void done_event(struct runner *r, const struct item *it, bool uncommitted)
{
	mig_event ev = {.kind = MIG_EV_MIGRATION_DONE, .name = r->files.items[it->fi].name, .down = it->down,
			.ms = it->ms, .uncommitted = uncommitted};
	mig__emit_event(r->o, &ev);
}

/* What a failure left behind, as exactly as the runner knows it: the
 * migration at index `at` of unit u failed (at_commit: the unit's COMMIT
 * failed, at = its last migration). */
static void explain_failure(struct runner *r, const mig_txn_unit *u, const struct item *items, size_t at,
			    size_t committed, bool at_commit)
{
	const struct item *it = &items[at];
	const mig_migration *m = &r->files.items[it->fi];
	/* a transaction takes back every migration it ran, not only the last */
	const mig_migration *first = &r->files.items[items[u->first].fi];
	mig_str what = MIG_STR_INIT;
	if (u->first == at)
		mig_str_puts(&what, m->name);
	else
		mig_str_printf(&what, "%s .. %s", first->name, m->name);
	const char *w = mig_str_cstr(&what);
	mig_str s = MIG_STR_INIT;
	if (u->atomic && !r->lost) {
		if (committed == 0)
			mig_str_puts(&s, "rolled back: nothing from this run was applied");
		else
			mig_str_printf(&s, "rolled back %s; %zu earlier migration(s) of this run stay applied", w, committed);
	} else if (u->atomic && at_commit) {
		/* the server may have committed before the session went */
		mig_str_printf(&s, "the connection was lost during COMMIT: whether the server committed %s is unknown (the migrations table says which are applied)",
			       w);
		if (committed)
			mig_str_printf(&s, "; %zu earlier migration(s) of this run stay applied", committed);
	} else if (u->atomic) {
		mig_str_printf(&s, "the connection was lost: the server rolls back the open transaction (%s %s not applied)",
			       w, u->first == at ? "is" : "are");
		if (committed)
			mig_str_printf(&s, "; %zu earlier migration(s) of this run stay applied", committed);
	} else {
		const char *why = it->no_txn ? "noTransaction" : "this engine commits DDL at once";
		if (it->failed == FAILED_RECORD)
			mig_str_printf(&s, "%s ran outside a transaction (%s): all %zu of its statement(s) ran and stay applied, but it is not recorded in the migrations table",
				       m->name, why, it->stmts_done);
		else if (it->ops_undone)
			mig_str_printf(&s, "%s ran outside a transaction (%s) and failed at its operation %zu: the %zu operation(s) before it were undone by their inverses (%zu statement(s)), so nothing of it stays applied, and it is not recorded",
				       m->name, why, it->ops_done + 1, it->ops_undone, it->undo_stmts);
		else if (it->failed == FAILED_STATEMENT && it->stmts_undone)
			mig_str_printf(&s, "%s ran outside a transaction (%s): of the %zu statement(s) before the failing one (statement %zu), %zu stay applied and the %zu in its step were undone with it (a step runs as one implicit transaction), and it is not recorded",
				       m->name, why, it->stmts_done, it->stmts_done + 1, it->stmts_done - it->stmts_undone,
				       it->stmts_undone);
		else if (it->failed == FAILED_STATEMENT)
			mig_str_printf(&s, "%s ran outside a transaction (%s): the %zu statement(s) before the failing one (statement %zu) stay applied, and it is not recorded",
				       m->name, why, it->stmts_done, it->stmts_done + 1);
		else
			mig_str_printf(&s, "%s ran outside a transaction (%s): %zu of its statement(s) ran and stay applied before an operation could not be emitted, and it is not recorded",
				       m->name, why, it->stmts_done);
		if (r->lost)
			mig_str_puts(&s, "; the connection was lost, so whether the failing statement took effect is unknown");
		if (it->undo_failed)
			mig_str_printf(&s, "; undoing its %zu earlier operation(s) by their inverses failed after %zu statement(s): %s",
				       it->ops_done, it->undo_stmts, it->undo_failed);
		if (it->journal_marked || (r->lost && it->journal_started))
			mig_str_printf(&s, "; the migrations journal keeps it as %s, and migrate, rollback and redo refuse to run until "
					   "it is repaired by hand: then `migrations repair %s --applied` or `--pending`",
				       r->lost ? "interrupted" : "failed", m->name);
		else if (it->journal_cleared)
			mig_str_puts(&s, it->ops_undone ? "; it is pending again" : "; as nothing of it stayed applied, it is pending again");
		if (committed)
			mig_str_printf(&s, "; %zu earlier migration(s) of this run stay applied", committed);
	}
	if (!mig_str_failed(&s) && !mig_str_failed(&what))
		mig_error_set_note(mig_str_cstr(&s));
	mig_str_free(&s);
	mig_str_free(&what);
}

/* The note of a run stopped before migration `next` began: what the run
 * made permanent so far. */
static void note_stayed(struct runner *r, const struct item *items, size_t next, size_t committed)
{
	const mig_migration *m = &r->files.items[items[next].fi];
	char *note = committed ? mig_aprintf("%s and the migrations after it did not run; %zu earlier migration(s) of this run stay applied",
					    m->name, committed)
			       : mig_aprintf("%s and the migrations after it did not run: nothing from this run was applied", m->name);
	if (note)
		mig_error_set_note(note);
	mig__free(note);
}

/* A migration that ran needs no more of its operations: what a failure
 * later in the run says of it comes from its counters and names. Freed
 * at once, a long run holds the IR of the migrations still to run, not
 * of all it ran. */
static void release_ops(struct item *it)
{
	mig__free_defs(it->defs, it->ops.n);
	it->defs = NULL;
	mig_oplist_free(&it->ops);
}

static int execute(struct runner *r, struct item *items, size_t n)
{
	const mig_options *o = r->o;
	double t0 = now_ms();
	int rc = 0;
	mig_event ev = {.kind = MIG_EV_PLAN, .count = n};
	mig__emit_event(o, &ev);

	if (r->dry_print) {
		/* read the schema once; the model then follows the printed
		 * statements as if they had run */
		if ((r->dia->flags & MIG_DIALECT_NEEDS_CATALOG) && r->dia->apply &&
		    (rc = mig_catalog_freeze(&r->catalog)) != 0)
			goto out;
		for (size_t i = 0; i < n && rc == 0; i++)
			if ((rc = run_one(r, &items[i])) == 0) {
				release_ops(&items[i]);
				done_event(r, &items[i], false);
			}
		goto out;
	}
	if (r->dry_exec) {
		unsigned flags = 0;
		for (size_t k = 0; k < n; k++)
			if (items[k].opflags & MIG_OPF_RELAXED_FK)
				flags |= MIG_TXN_RELAXED_FK;
		if ((rc = begin(r, flags)) != 0)
			goto out;
		for (size_t i = 0; i < n && rc == 0; i++)
			if ((rc = run_one(r, &items[i])) == 0) {
				release_ops(&items[i]);
				done_event(r, &items[i], false);
			}
		rollback(r);
		goto out;
	}
	mig_txn_item *ti = mig__calloc(n ? n : 1, sizeof(*ti));
	mig_txn_unit *units = NULL;
	size_t nunits = 0;
	if (!ti) {
		rc = mig_error_oom();
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		ti[i] = (mig_txn_item){items[i].no_txn, items[i].data_only, items[i].opflags};
	rc = mig__txn_plan(ti, n, r->conn->caps, !o->no_single_transaction, &units, &nunits);
	mig__free(ti);
	if (rc)
		goto out;
	size_t committed = 0; /* migrations of this run already made permanent */
	for (size_t u = 0; u < nunits && rc == 0; u++) {
		const mig_txn_unit *x = &units[u];
		if (items[x->first].no_txn) {
			if (!o->no_single_transaction && n > 1)
				say(o, MIG_EV_WARNING, "#> WARNING: Need to break single transaction! <");
			else
				say(o, MIG_EV_WARNING, "#> WARNING: This migration is not wrapped in a transaction! <");
		}
		/* a lease that expired and was taken over: stop before anything
		 * more runs */
		if ((rc = mig_lock_check(r->conn, &r->lock)) != 0 ||
		    (x->transaction ? (rc = begin(r, x->flags)) : (rc = state_create(r))) != 0) {
			note_stayed(r, items, x->first, committed);
			break;
		}
		size_t i = x->first;
		r->defer_records = can_defer_records(r, items, x);
		for (; i <= x->last; i++) {
			items[i].journaled = !x->transaction && !o->fake;
			if ((rc = run_one(r, &items[i])) != 0)
				break;
			release_ops(&items[i]);
			if (!x->transaction)
				committed++;
			/* a transaction of one says so once it commits */
			if (!x->transaction || x->last > x->first)
				done_event(r, &items[i], x->transaction);
		}
		if (rc) {
			rollback(r);
			if (i <= x->last) {
				mig_emit_ctx ctx = emit_ctx(r, &r->files.items[items[i].fi]);
				undo_partial(r, &items[i], &ctx);
				journal_failed(r, &items[i]);
			}
			explain_failure(r, x, items, i, committed, false);
			break;
		}
		if (r->defer_records && (rc = flush_records(r, items, x)) != 0) {
			rollback(r);
			explain_failure(r, x, items, x->last, committed, false);
			break;
		}
		r->defer_records = false;
		if (x->transaction && (rc = mig_lock_check(r->conn, &r->lock)) != 0) {
			rollback(r);
			char *note = mig_aprintf("rolled back: the migrations of this transaction are not applied; %zu earlier migration(s) of this run stay applied",
						 committed);
			if (note)
				mig_error_set_note(note);
			mig__free(note);
			break;
		}
		if (x->transaction && (rc = commit(r)) != 0) {
			/* deferred checks fail here: name what the transaction held */
			const mig_migration *a = &r->files.items[items[x->first].fi];
			const mig_migration *b = &r->files.items[items[x->last].fi];
			if (x->first == x->last) {
				mig_error_prefix("migration %s failed at COMMIT", a->name);
				mig_error_set_location(a->path, 0, 0);
			} else {
				mig_error_prefix("the transaction of migrations %s .. %s failed at COMMIT", a->name, b->name);
			}
			rollback(r);
			explain_failure(r, x, items, x->last, committed, true);
			break;
		}
		if (x->transaction && x->last == x->first)
			done_event(r, &items[x->first], false);
		else if (x->transaction) {
			mig_event cev = {.kind = MIG_EV_COMMIT, .name = r->files.items[items[x->last].fi].name,
					 .first = r->files.items[items[x->first].fi].name, .count = x->last - x->first + 1};
			mig__emit_event(o, &cev);
		}
		if (x->transaction)
			committed += x->last - x->first + 1;
		if ((rc = mig_lock_renew(r->conn, &r->lock)) != 0) {
			mig_error_prefix("cannot renew the run's lease");
			if (x->last + 1 < n)
				note_stayed(r, items, x->last + 1, committed);
		}
	}
	mig__free(units);
out:
	prune_journal(r, items, n);
	if (o->verbose && !r->dry_print && r->conn->round_trips) {
		char text[96];
		snprintf(text, sizeof(text), "%lu round trip(s) to the server so far in this run", r->conn->round_trips);
		say(o, MIG_EV_INFO, text);
	}
	if (rc == 0) {
		mig_event done = {.kind = MIG_EV_DONE, .count = n, .ms = now_ms() - t0};
		mig__emit_event(o, &done);
	}
	return rc;
}

static void free_items(struct item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		mig__free_defs(items[i].defs, items[i].ops.n);
		mig_oplist_free(&items[i].ops);
		mig__free(items[i].undo_failed);
	}
	mig__free(items);
}

/* Whether every operation is SQL that only touches data. */
static bool data_only(const mig_dialect *dia, const mig_oplist *ops)
{
	for (size_t i = 0; i < ops->n; i++) {
		const mig_value *text = mig_op_arg(&ops->ops[i], 0);
		if (ops->ops[i].kind != MIG_OP_SQL || !text || text->type != MIG_V_STRING)
			return false;
		size_t *start = NULL, *len = NULL, n = 0;
		if (dia->split(text->str, text->len, &start, &len, &n) != 0) {
			mig_error_clear();
			return false;
		}
		bool only = n > 0;
		for (size_t k = 0; only && k < n; k++)
			only = mig__txn_is_data_statement(text->str + start[k], len[k]);
		mig__free(start);
		mig__free(len);
		if (!only)
			return false;
	}
	return true;
}

/* Read, resolve and analyse the operations of every planned migration
 * before the first statement: a file that cannot be read, an
 * irreversible rollback or a bad argument fails before anything changes.
 * Only the planned files are read (and the shorthands of those before
 * them). */
static int make_items(struct runner *r, const size_t *idx, size_t n, bool down, struct item **items,
		      size_t *nitems)
{
	struct item *grown = mig__reallocarray(*items, *nitems + n + 1, sizeof(*grown));
	if (!grown)
		return mig_error_oom();
	*items = grown;
	size_t kept = 0; /* IR bytes kept for the run */
	for (size_t k = 0; k < n; k++) {
		struct item *it = &grown[*nitems];
		memset(it, 0, sizeof(*it));
		it->fi = idx[k];
		it->down = down;
		(*nitems)++;
		int rc = read_item(r, it, &it->no_txn, &it->opflags);
		if (rc)
			return rc;
		mig_migration view = mig_migration_view(&r->files.items[idx[k]], down);
		bool deferred = mig_migration_deferred(&view, down);
		/* only the transaction plan of an engine without transactional
		 * DDL asks (txn.c), and the answer splits every SQL text */
		bool txn_ddl = r->conn && (r->conn->caps & MIG_CAP_TXN_DDL);
		it->data_only = !deferred && !txn_ddl && data_only(r->dia, &it->ops);
		size_t bytes = ir_footprint(it);
		if (kept + bytes <= KEEP_IR_BYTES) {
			kept += bytes;
		} else {
			it->ir_hash = ops_hash(&it->ops, r->files.items[it->fi].shorthands);
			release_ops(it);
			it->reread = true;
		}
	}
	return 0;
}

enum run_kind { RUN_UP, RUN_DOWN, RUN_REDO };

/* A run refused while its migrations were read and checked: nothing ran.
 * When the file at fault is not the first the run would take, say how to
 * run the ones before it. */
static void refused_note(struct runner *r, const size_t *idx, size_t n, enum run_kind kind)
{
	const mig_error *e = mig_error_last();
	if (!e || e->note || !e->file || !n || kind == RUN_REDO)
		return;
	size_t at = n;
	for (size_t k = 0; k < n && at == n; k++)
		if (strcmp(r->files.items[idx[k]].path, e->file) == 0)
			at = k;
	char *note = NULL;
	if (at == 0 || at == n)
		note = mig_aprintf("nothing was run");
	else if (r->o->timestamp) /* N is a prefix there: name the last one that can run */
		note = mig_aprintf("nothing was run; `%s %s` %s the %zu migration(s) %s %s",
				   kind == RUN_UP ? "migrate" : "rollback", r->files.items[idx[at - 1]].name,
				   kind == RUN_UP ? "applies" : "rolls back", at, kind == RUN_UP ? "before" : "after",
				   r->files.items[idx[at]].name);
	else if (kind == RUN_UP)
		note = mig_aprintf("nothing was run; `migrate %zu` applies the %zu migration(s) before %s", at, at,
				   r->files.items[idx[at]].name);
	else
		note = mig_aprintf("nothing was run; `rollback %zu` rolls back the %zu migration(s) after %s", at, at,
				   r->files.items[idx[at]].name);
	if (note)
		mig_error_set_note(note);
	mig__free(note);
}

static int run(const mig_options *o, const mig_target *target, enum run_kind kind)
{
	struct runner r;
	struct item *items = NULL;
	size_t nitems = 0;
	size_t *idx = NULL, n = 0;
	int rc = runner_open(&r, o, true, false);
	if (rc)
		goto out;
	if (r.journal.n) {
		rc = mig_journal_refuse(&r.journal, kind == RUN_UP ? "migrate" : kind == RUN_DOWN ? "rollback" : "redo");
		goto out;
	}
	if (!o->no_check_order && (rc = mig_check_order(&r.files, &r.applied, o->ignore_pattern)) != 0)
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
		rc = make_items(&r, idx, n, true, &items, &nitems);
		if (rc == 0 && kind == RUN_REDO) {
			/* apply exactly those again, oldest first */
			for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
				size_t t2 = idx[a];
				idx[a] = idx[b - 1];
				idx[b - 1] = t2;
			}
			rc = make_items(&r, idx, n, false, &items, &nitems);
		}
	}
	if (rc) {
		refused_note(&r, idx, n, kind);
		goto out;
	}
	if (nitems == 0) {
		/* nothing else would make it, and its failure is this run's */
		if ((rc = state_create(&r)) != 0)
			goto out;
		mig_event ev = {.kind = MIG_EV_NOTHING};
		mig__emit_event(o, &ev);
		prune_journal(&r, items, 0);
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
	say_lock_holder(&r);
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
		/* an applied file is read only when asked: status stays as
		 * cheap with a long history as with a short one */
		if (rc == 0 && f >= 0 && opts->verbose)
			e[n].unreadable = mig__source_problem(&r.files, (size_t)f, &rc);
	}
	/* which files are applied, by looking each applied name up once */
	bool *done = mig__calloc(r.files.n ? r.files.n : 1, sizeof(*done));
	if (!done) {
		mig_status_free(e, n);
		rc = mig_error_oom();
		goto out;
	}
	for (size_t i = 0; i < r.applied.n; i++) {
		long f = mig_set_find(&r.files, r.applied.v[i]);
		if (f >= 0)
			done[f] = true;
	}
	for (size_t i = 0; i < r.files.n; i++) {
		if (done[i])
			continue;
		e[n].name = mig_strdup(r.files.items[i].name);
		e[n].file = mig_strdup(r.files.items[i].path);
		if (!e[n].name || !e[n].file)
			rc = MIG_ENOMEM;
		/* a pending file is what a migrate would run: whether it can */
		if (rc == 0)
			e[n].unreadable = mig__source_problem(&r.files, i, &rc);
		n++;
	}
	mig__free(done);
	/* the journal's rows, on the entries they concern (a name neither
	 * applied nor in the folder gets its own) */
	for (size_t k = 0; rc == 0 && k < r.journal.n; k++) {
		const mig_journal_entry *j = &r.journal.v[k];
		mig_status_entry *t = NULL;
		for (size_t i = 0; i < n && !t; i++)
			if (strcmp(e[i].name, j->name) == 0)
				t = &e[i];
		if (!t) {
			mig_status_entry *g = mig__reallocarray(e, n + 1, sizeof(*e));
			if (!g) {
				rc = MIG_ENOMEM;
				break;
			}
			e = g;
			t = &e[n++];
			memset(t, 0, sizeof(*t));
			if (!(t->name = mig_strdup(j->name)))
				rc = MIG_ENOMEM;
		}
		char when[32];
		mig_journal_time(j->started_at, when, sizeof(when));
		t->failed = true;
		t->interrupted = !j->failed;
		t->failed_down = j->down;
		t->statements_done = j->statements_done;
		t->failed_at = mig_strdup(when);
		t->error = j->error ? mig_strdup(j->error) : NULL;
		if (!t->failed_at || (j->error && !t->error))
			rc = MIG_ENOMEM;
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

/* A name as the user may give it: the migration's name, or its file. */
static bool names_entry(const char *given, const char *name)
{
	const char *base = strrchr(given, '/');
	base = base ? base + 1 : given;
	size_t n = strlen(name);
	return strcmp(given, name) == 0 || (strncmp(base, name, n) == 0 && (base[n] == '\0' || base[n] == '.'));
}

int mig_repair(const mig_options *opts, const char *name, bool applied)
{
	if (!name || !*name)
		return mig_error_set(MIG_EUSAGE, "repair needs the name of a failed migration");
	struct runner r;
	int rc = runner_open(&r, opts, true, false);
	if (rc)
		goto out;
	const mig_journal_entry *j = NULL;
	for (size_t i = 0; i < r.journal.n && !j; i++)
		if (names_entry(name, r.journal.v[i].name))
			j = &r.journal.v[i];
	if (!j) {
		if (r.journal.n == 0)
			rc = mig_error_set(MIG_EINPUT, "nothing to repair: no migration failed half-way or was interrupted");
		else
			rc = mig_error_set(MIG_EINPUT, "%s is not a failed migration (failed: %s%s)", name, r.journal.v[0].name,
					   r.journal.n > 1 ? ", ... (see status)" : "");
		goto out;
	}
	bool recorded = false;
	for (size_t i = 0; i < r.applied.n && !recorded; i++)
		recorded = strcmp(r.applied.v[i], j->name) == 0;
	mig_journal_args a = {.name = j->name};
	char *book = NULL;
	if (applied != recorded &&
	    !(book = mig_state_stmt(r.dia, &r.names, applied ? MIG_STATE_INSERT : MIG_STATE_DELETE, j->name))) {
		rc = mig_error_code(MIG_ENOMEM);
		goto out;
	}
	if (opts->dry_run) {
		if (book)
			step_event(&r, j->name, !applied, book, true);
		mig__free(book);
		goto out;
	}
	/* the record and the journal row change together */
	if ((rc = begin(&r, 0)) == 0 && (!book || (rc = mig__conn_exec(r.conn, book)) == 0) &&
	    (rc = mig_journal_exec(r.conn, r.dia, &r.names, MIG_JOURNAL_CLEAR, &a)) == 0)
		rc = commit(&r);
	note_lost(&r, rc);
	if (rc)
		rollback(&r);
	mig__free(book);
	if (rc == 0) {
		char *msg = mig_aprintf("%s: %s", j->name,
					applied ? "recorded as applied" : "recorded as pending (migrate runs it again)");
		say(opts, MIG_EV_INFO, msg ? msg : "repaired");
		mig__free(msg);
	} else {
		mig_error_prefix("cannot repair %s", j->name);
	}
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
		mig__free(entries[i].error);
		mig__free(entries[i].failed_at);
		mig__free(entries[i].unreadable);
	}
	mig__free(entries);
}
