/*
 * PostgreSQL dialect: the vtable, the state table's statements, the
 * session setup and the dispatch of operations to the pg_<kind>.c files.
 * The SQL is node-pg-migrate 9.0.0's, text for text and step for step.
 */
#include "dialects/postgres/pg_emit.h"

#include "dialects/common/journal.h"
#include "dialects/common/lease.h"
#include "dialects/common/quote.h"
#include "dialects/common/sqltext.h"
#include "dialects/postgres/pg_split.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* ---- the state table ------------------------------------------------------ */

static void qualified(mig_str *out, const mig_state_names *names)
{
	mig_quote_ansi_ident(out, names->schema ? names->schema : "public");
	mig_str_putc(out, '.');
	mig_quote_ansi_ident(out, names->table);
}

/* node-pg-migrate's bookkeeping text, except that names are quoted
 * literals (it pastes them in unescaped), quoted so that they mean the
 * same whatever standard_conforming_strings says. */
static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	const char *schema = names->schema ? names->schema : "public";
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT table_name FROM information_schema.tables WHERE table_schema = ");
		mig_quote_pg_literal(out, schema);
		mig_str_puts(out, " AND table_name = ");
		mig_quote_pg_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		mig_str_puts(out, "CREATE TABLE ");
		qualified(out, names);
		mig_str_puts(out, " (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");
		break;
	case MIG_STATE_PK_CHECK:
		mig_str_puts(out, "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = ");
		mig_quote_pg_literal(out, schema);
		mig_str_puts(out, " AND table_name = ");
		mig_quote_pg_literal(out, names->table);
		mig_str_puts(out, " AND constraint_type = 'PRIMARY KEY'");
		break;
	case MIG_STATE_PK_FIX:
		mig_str_puts(out, "ALTER TABLE ");
		qualified(out, names);
		mig_str_puts(out, " ADD PRIMARY KEY (id)");
		break;
	case MIG_STATE_SELECT:
		mig_str_puts(out, "SELECT name, to_char(run_on, 'YYYY-MM-DD HH24:MI:SS.MS') FROM ");
		qualified(out, names);
		mig_str_puts(out, " ORDER BY run_on, id");
		break;
	case MIG_STATE_INSERT:
		mig_str_puts(out, "INSERT INTO ");
		qualified(out, names);
		mig_str_puts(out, " (name, run_on) VALUES (");
		mig_quote_pg_literal(out, migration_name);
		mig_str_puts(out, ", NOW());");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		qualified(out, names);
		mig_str_puts(out, " WHERE name=");
		mig_quote_pg_literal(out, migration_name);
		mig_str_putc(out, ';');
		break;
	case MIG_STATE_CREATE_SCHEMA:
		mig_str_puts(out, "CREATE SCHEMA IF NOT EXISTS ");
		mig_quote_ansi_ident(out, schema);
		break;
	case MIG_STATE_INSERT_BOUND:
	case MIG_STATE_DELETE_BOUND:
	case MIG_STATE_INSERT_BOUND_MANY:
		break; /* the record goes in the one query with the migration's statements */
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}

/* The lease lock's table, <migrations table>_lock, next to it. */
static int lock_sql(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
		    mig_str *out)
{
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT;
	mig_str_printf(&t, "%s_lock", names->table);
	mig_state_names lock = {names->schema, mig_str_cstr(&t)};
	qualified(&table, &lock);
	mig_lease_sql l = {.table = mig_str_cstr(&table),
			   .now = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS bigint)",
			   .literal = mig_quote_pg_literal};
	int rc = mig_str_failed(&table) ? mig_error_oom() : mig_lease_statement(&l, which, owner, seconds, out);
	mig_str_free(&table);
	mig_str_free(&t);
	return rc;
}

/* The journal, <migrations table>_journal, next to it. */
static int journal_sql(const mig_state_names *names, enum mig_journal_stmt which, const mig_journal_args *args,
		       mig_str *out)
{
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT, state = MIG_STR_INIT;
	mig_journal_table_name(&t, names->table);
	mig_state_names journal = {names->schema, mig_str_cstr(&t)};
	qualified(&table, &journal);
	qualified(&state, names);
	mig_journal_sql j = {.table = mig_str_cstr(&table),
			     .state_table = mig_str_cstr(&state),
			     .now = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS bigint)",
			     .literal = mig_quote_pg_literal,
			     .text_type = "text",
			     .table_tail = "",
			     .upsert = MIG_LEASE_ON_CONFLICT};
	int rc = mig_str_failed(&table) || mig_str_failed(&t) || mig_str_failed(&state)
			 ? mig_error_oom()
			 : mig_journal_statement(&j, which, args, out);
	mig_str_free(&table);
	mig_str_free(&t);
	mig_str_free(&state);
	return rc;
}

/* ---- the session ----------------------------------------------------------- */

static int setting(mig_strv *stmts, const char *scope, const char *name, const char *value)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "SET %s%s TO ", scope, name);
	mig_quote_pg_literal(&s, value);
	return mig_strv_push(stmts, mig_str_detach(&s));
}

/* The quoting of this dialect (plain '' literals in generated SQL, as
 * node-pg-migrate writes them) assumes standard_conforming_strings: pin
 * it rather than hope a database or role did not turn it off. */
/* lock_timeout, statement_timeout and search_path, for the session
 * (scope "") or for one transaction (scope "LOCAL "). */
static int run_settings(const mig_session_opts *opts, const char *scope, mig_strv *stmts)
{
	int rc = 0;
	if (opts->lock_timeout && *opts->lock_timeout)
		rc = setting(stmts, scope, "lock_timeout", opts->lock_timeout);
	if (rc == 0 && opts->statement_timeout && *opts->statement_timeout)
		rc = setting(stmts, scope, "statement_timeout", opts->statement_timeout);
	if (rc)
		return rc;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "SET %ssearch_path TO ", scope);
	if (opts->nschemas == 0)
		mig_quote_ansi_ident(&s, "public");
	for (size_t i = 0; i < opts->nschemas; i++) {
		if (i)
			mig_str_puts(&s, ", ");
		mig_quote_ansi_ident(&s, opts->schemas[i]);
	}
	return mig_strv_push(stmts, mig_str_detach(&s));
}

/* The quoting of this dialect (plain '' literals in generated SQL, as
 * node-pg-migrate writes them) assumes standard_conforming_strings: pin
 * it rather than hope a database or role did not turn it off. Behind a
 * pooler the other settings would stay on the server session for the
 * pooler's next client: they go into every transaction instead
 * (txn_sql); standard_conforming_strings is one of the parameters the
 * server reports, which PgBouncer restores for each client. */
static int session_sql(const mig_session_opts *opts, mig_strv *stmts)
{
	int rc = mig_strv_pushdup(stmts, "SET standard_conforming_strings TO on");
	if (rc || (opts->server && (opts->server->facts & MIG_SERVER_POOLED)))
		return rc;
	return run_settings(opts, "", stmts);
}

static int txn_sql(const mig_session_opts *opts, mig_strv *stmts)
{
	return run_settings(opts, "LOCAL ", stmts);
}

/* ---- pgm.sql ---------------------------------------------------------------- */

static void sql_name(void *ud, mig_str *out, const mig_qname *n)
{
	(void)ud;
	mig__pg_name(out, n);
}

static void sql_value(void *ud, mig_str *out, const mig_value *v)
{
	(void)ud;
	mig__pg_value(out, v);
}

static int split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	return mig__pg_split(sql, len, start, slen, n);
}

static void e_sql(pg *p, const mig_opdef *def)
{
	mig_sql_render r = {.name = sql_name, .value = sql_value, .ud = p};
	mig__pg_adopt(p, mig_sql_user_step(&def->u.sql, &r, NULL, split, p->steps));
}

/* ---- dispatch ---------------------------------------------------------------- */

static const mig_pg_emitter own[] = {
	{MIG_OP_SQL, e_sql},
	{MIG_OP_UNKNOWN, NULL},
};

static const mig_pg_emitter *const groups[] = {
	own, mig__pg_tables, mig__pg_indexes, mig__pg_types, mig__pg_schemas,
	mig__pg_routines, mig__pg_views, mig__pg_security, mig__pg_operators,
};

static mig_pg_emitter_fn emitter_for(enum mig_op_kind kind)
{
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (const mig_pg_emitter *e = groups[g]; e->fn; e++)
			if (e->kind == kind)
				return e->fn;
	return NULL;
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	mig_pg_emitter_fn fn = def ? emitter_for(def->kind) : NULL;
	if (!fn)
		return mig_error_set(MIG_EINPUT, "%s: PostgreSQL has no emitter for this operation", op->name);
	/* Build into a local list so that a failing operation adds no step. */
	mig_steps local = MIG_STEPS_INIT;
	pg p = {.ctx = ctx, .def = def, .steps = &local};
	fn(&p, def);
	mig_strv_free(&p.cur);
	if (p.rc == 0)
		p.rc = mig_steps_append(steps, &local);
	mig_steps_free(&local);
	return p.rc;
}

const mig_dialect mig_postgres_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "postgres",
	.display = "PostgreSQL",
	.flags = 0,
	.introspect = mig__pg_introspect,
	.apply = mig__pg_apply,
	.emit = emit,
	.state_sql = state_sql,
	.lock_sql = lock_sql,
	.journal_sql = journal_sql,
	.session_sql = session_sql,
	.txn_sql = txn_sql,
	.split = split,
	.default_schema = "public",
	.quote_literal = mig_quote_pg_literal,
};
