/*
 * The public session (migrations/session.h, migrations/status.h): a
 * handle around the internal entry points of src/engine/ (mig_migrate,
 * mig_status, ... with a mig_options). The session owns one connection
 * and lends it to every run through mig_options.conn, so a run does not
 * reconnect and an in-memory SQLite database survives between calls.
 */
#define _POSIX_C_SOURCE 200809L
#include "migrations.h"
#include "migrations/session.h"
#include "migrations/status.h"

#include "api/object.h"
#include "drivers/driver.h"
#include "engine/conn.h"
#include "engine/discover.h"
#include "engine/runner.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <limits.h>
#include <string.h>

/* Connecting gives up after this long unless the options say (as the CLI). */
#define CONNECT_TIMEOUT_S 10

struct mig_session {
	/* The internal options every run gets; one place for the session's
	 * life, since the connection's notice callback refers to the session. */
	mig_options o;
	const char *schemas[1];
	/* the session's copies of the caller's strings */
	char *url, *dir, *table, *schema, *migrations_schema, *lock_timeout, *statement_timeout;
	char *ignore_pattern, *lock_strategy;
	mig_url parsed;
	const mig_dialect *dia;
	mig_conn *conn; /* NULL after a lost connection: the next call connects */
	mig_session_event_cb on_event;
	void *payload;
};

struct mig_status_list {
	mig_status_entry *v;
	size_t n;
};

int mig_version_number(void)
{
	return MIG_VERSION_NUMBER;
}

int mig_session_options_init(mig_session_options *opts, unsigned int version)
{
	if (!opts || version != MIG_SESSION_OPTIONS_VERSION)
		return mig_error_set(MIG_EUSAGE, "mig_session_options version %u is not one this library knows (%d)",
				     version, MIG_SESSION_OPTIONS_VERSION);
	memset(opts, 0, sizeof(*opts));
	opts->version = version;
	return 0;
}

int mig_run_options_init(mig_run_options *opts, unsigned int version)
{
	if (!opts || version != MIG_RUN_OPTIONS_VERSION)
		return mig_error_set(MIG_EUSAGE, "mig_run_options version %u is not one this library knows (%d)", version,
				     MIG_RUN_OPTIONS_VERSION);
	memset(opts, 0, sizeof(*opts));
	opts->version = version;
	return 0;
}

/* A struct the caller filled: version 0 means it was never initialised;
 * a larger one comes from newer headers than this library. */
static int check_version(const char *what, const char *init, unsigned int version, unsigned int known)
{
	if (version == 0)
		return mig_error_set(MIG_EUSAGE, "%s.version is 0: initialise it with %s", what, init);
	if (version > known)
		return mig_error_set(MIG_EUSAGE, "%s version %u is newer than this library's (%u): link the library the headers come from",
				     what, version, known);
	return 0;
}

static void forward(mig_session *s, const mig_session_event *ev)
{
	if (s->on_event)
		s->on_event(ev, s->payload);
}

static void on_event(void *ud, const mig_event *ev)
{
	mig_session_event e = {.migration = ev->name, .down = ev->down, .bookkeeping = ev->bookkeeping,
			       .text = ev->text, .ms = ev->ms, .count = ev->count};
	switch (ev->kind) {
	case MIG_EV_INFO: e.type = MIG_EVENT_INFO; break;
	case MIG_EV_WARNING: e.type = MIG_EVENT_WARNING; break;
	case MIG_EV_NOTICE: e.type = MIG_EVENT_NOTICE; break;
	case MIG_EV_PLAN: e.type = MIG_EVENT_PLAN; break;
	case MIG_EV_MIGRATION_START: e.type = MIG_EVENT_MIGRATION_START; break;
	case MIG_EV_STEP: e.type = MIG_EVENT_STEP; break;
	case MIG_EV_MIGRATION_DONE: e.type = MIG_EVENT_MIGRATION_DONE; break;
	case MIG_EV_NOTHING: e.type = MIG_EVENT_NOTHING; break;
	case MIG_EV_DONE: e.type = MIG_EVENT_DONE; break;
	default: return; /* a kind the public API does not have (yet) */
	}
	forward(ud, &e);
}

static void on_notice(void *ud, const char *message)
{
	mig_session_event e = {.type = MIG_EVENT_NOTICE, .text = message};
	forward(ud, &e);
}

static int connect_session(mig_session *s)
{
	double wait = s->o.lock_wait;
	mig_conn_opts copts = {
		.busy_timeout_ms = wait < 0 ? INT_MAX : wait * 1000 >= INT_MAX ? INT_MAX : (int)(wait * 1000),
		.connect_timeout = s->o.connect_timeout > 0 ? s->o.connect_timeout : CONNECT_TIMEOUT_S,
		.notice = on_notice,
		.notice_ud = s,
	};
	return mig_driver_open(&s->parsed, &copts, &s->conn);
}

static void session_dispose(void *obj)
{
	mig_session *s = obj;
	mig__conn_close(s->conn);
	mig_url_dispose(&s->parsed);
	mig__free(s->url);
	mig__free(s->dir);
	mig__free(s->table);
	mig__free(s->schema);
	mig__free(s->migrations_schema);
	mig__free(s->lock_timeout);
	mig__free(s->statement_timeout);
	mig__free(s->ignore_pattern);
	mig__free(s->lock_strategy);
}

/* A copy of an optional string: false only when out of memory. */
static bool copy_opt(const char *from, char **to)
{
	*to = from ? mig_strdup(from) : NULL;
	return !from || *to;
}

int mig_session_open(mig_session **out, const char *url, const mig_session_options *opts)
{
	if (!out)
		return mig_error_set(MIG_EUSAGE, "mig_session_open: out is NULL");
	*out = NULL;
	mig_session_options defaults = MIG_SESSION_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	int rc = check_version("mig_session_options", "MIG_SESSION_OPTIONS_INIT", opts->version, MIG_SESSION_OPTIONS_VERSION);
	if (rc)
		return rc;
	if (!url || !*url)
		return mig_error_set(MIG_EUSAGE, "mig_session_open: no database URL given");
	mig_session *s = mig__api_new(sizeof(*s), session_dispose);
	if (!s)
		return MIG_ENOMEM;
	if (!(s->url = mig_strdup(url)) || !copy_opt(opts->migrations_dir, &s->dir) ||
	    !copy_opt(opts->migrations_table, &s->table) || !copy_opt(opts->schema, &s->schema) ||
	    !copy_opt(opts->migrations_schema, &s->migrations_schema) ||
	    !copy_opt(opts->lock_timeout, &s->lock_timeout) || !copy_opt(opts->statement_timeout, &s->statement_timeout) ||
	    !copy_opt(opts->ignore_pattern, &s->ignore_pattern) || !copy_opt(opts->lock_strategy, &s->lock_strategy)) {
		rc = mig_error_oom();
		goto fail;
	}
	s->schemas[0] = s->schema;
	s->on_event = opts->on_event;
	s->payload = opts->payload;
	s->o = (mig_options){
		.database_url = s->url,
		.migrations_dir = s->dir,
		.migrations_table = s->table,
		.schemas = s->schemas,
		.nschemas = s->schema ? 1 : 0,
		.create_schema = opts->create_schema,
		.migrations_schema = s->migrations_schema,
		.create_migrations_schema = opts->create_migrations_schema,
		.decamelize = opts->decamelize,
		.no_single_transaction = opts->transaction_per_migration,
		.no_check_order = opts->no_check_order,
		.no_lock = opts->no_lock,
		.lock_wait = opts->lock_wait,
		.connect_timeout = opts->connect_timeout,
		.lock_timeout = s->lock_timeout,
		.statement_timeout = s->statement_timeout,
		.ignore_pattern = s->ignore_pattern,
		.lock_strategy = s->lock_strategy,
		.lock_value = opts->lock_value,
		.lock_lease = opts->lock_lease,
		.verbose = opts->verbose,
		.on_event = on_event,
		.ud = s,
	};
	if ((rc = mig__resolve_url(s->url, &s->parsed, &s->dia)) != 0)
		goto fail;
	/* a folder that cannot be read fails here, not at the first run */
	mig_set files;
	if ((rc = mig_discover(s->dir ? s->dir : MIG_DEFAULT_DIR, s->ignore_pattern, &files)) != 0)
		goto fail;
	mig_set_dispose(&files);
	if ((rc = connect_session(s)) != 0)
		goto fail;
	*out = s;
	return 0;
fail:
	mig_free(s);
	return rc;
}

/* Lend the connection (connecting again after a lost one). */
static int lend(mig_session *s)
{
	if (!s)
		return mig_error_set(MIG_EUSAGE, "no session (NULL)");
	int rc = s->conn ? 0 : connect_session(s);
	s->o.conn = s->conn;
	return rc;
}

/* After a run: a connection the run found gone is closed, so the next
 * call connects again instead of failing the same way. */
static int settle(mig_session *s, int rc)
{
	s->o.conn = NULL;
	if (rc == MIG_ECONNLOST || (rc && mig_error_code(MIG_OK) == MIG_ECONNLOST)) {
		mig__conn_close(s->conn);
		s->conn = NULL;
	}
	return rc;
}

typedef int (*run_fn)(const mig_options *opts, const mig_target *target);

static int run(mig_session *s, const mig_run_options *ro, run_fn fn)
{
	mig_run_options defaults = MIG_RUN_OPTIONS_INIT;
	if (!ro)
		ro = &defaults;
	int rc = check_version("mig_run_options", "MIG_RUN_OPTIONS_INIT", ro->version, MIG_RUN_OPTIONS_VERSION);
	if (rc || (rc = lend(s)) != 0)
		return rc;
	mig_target t = {.has_count = ro->has_count, .count = (double)ro->count, .name = ro->name};
	s->o.dry_run = ro->dry_run;
	s->o.fake = ro->fake;
	s->o.timestamp = ro->timestamp;
	rc = fn(&s->o, &t);
	s->o.dry_run = s->o.fake = s->o.timestamp = false;
	return settle(s, rc);
}

int mig_session_migrate(mig_session *s, const mig_run_options *opts)
{
	return run(s, opts, mig_migrate);
}

int mig_session_rollback(mig_session *s, const mig_run_options *opts)
{
	return run(s, opts, mig_rollback);
}

int mig_session_redo(mig_session *s, const mig_run_options *opts)
{
	return run(s, opts, mig_redo);
}

int mig_session_repair(mig_session *s, const char *migration, bool applied)
{
	int rc = lend(s);
	if (rc)
		return rc;
	return settle(s, mig_repair(&s->o, migration, applied));
}

int mig_session_sql(char **out, mig_session *s, const char *migration, const char *dialect, bool down)
{
	if (!out)
		return mig_error_set(MIG_EUSAGE, "mig_session_sql: out is NULL");
	*out = NULL;
	if (!s)
		return mig_error_set(MIG_EUSAGE, "no session (NULL)");
	if (!migration || !*migration)
		return mig_error_set(MIG_EUSAGE, "mig_session_sql: no migration named");
	char *text = NULL;
	int rc = mig_sql(&s->o, migration, dialect, down, &text);
	if (rc == 0 && !(*out = mig__api_strdup(text)))
		rc = MIG_ENOMEM;
	mig__free(text);
	return rc;
}

const char *mig_session_dialect(const mig_session *s)
{
	return s ? s->dia->name : NULL;
}

static void status_dispose(void *obj)
{
	mig_status_list *l = obj;
	mig_status_free(l->v, l->n);
}

int mig_session_status(mig_status_list **out, mig_session *s)
{
	if (!out)
		return mig_error_set(MIG_EUSAGE, "mig_session_status: out is NULL");
	*out = NULL;
	int rc = lend(s);
	if (rc)
		return rc;
	mig_status_list *l = mig__api_new(sizeof(*l), status_dispose);
	if (!l)
		return settle(s, MIG_ENOMEM);
	if ((rc = settle(s, mig_status(&s->o, &l->v, &l->n))) != 0) {
		mig_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

size_t mig_status_count(const mig_status_list *list)
{
	return list ? list->n : 0;
}

static const mig_status_entry *entry(const mig_status_list *list, size_t i)
{
	return list && i < list->n ? &list->v[i] : NULL;
}

const char *mig_status_name(const mig_status_list *list, size_t i)
{
	const mig_status_entry *e = entry(list, i);
	return e ? e->name : NULL;
}

mig_status_state mig_status_state_of(const mig_status_list *list, size_t i)
{
	const mig_status_entry *e = entry(list, i);
	if (!e)
		return MIG_STATUS_PENDING;
	return e->failed ? MIG_STATUS_FAILED : e->run_on ? MIG_STATUS_APPLIED : MIG_STATUS_PENDING;
}

const char *mig_status_run_on(const mig_status_list *list, size_t i)
{
	const mig_status_entry *e = entry(list, i);
	return e ? e->run_on : NULL;
}

const char *mig_status_file(const mig_status_list *list, size_t i)
{
	const mig_status_entry *e = entry(list, i);
	return e ? e->file : NULL;
}

const char *mig_status_error(const mig_status_list *list, size_t i)
{
	const mig_status_entry *e = entry(list, i);
	return e ? e->error : NULL;
}
