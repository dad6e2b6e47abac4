/*
 * MySQL/MariaDB dialect: the vtable, the state table, the lease and the
 * journal, and the session setup that pins what its quoting assumes.
 *
 * User SQL (.sql files and pgm.sql) is emitted here; the typed operations
 * in mysql_emit.c and the mysql_<kind>.c files (see mysql_int.h). Identifiers are `backticked`, literals single-quoted with
 * quotes and backslashes doubled: exact because the session pins a
 * sql_mode without ANSI_QUOTES and without NO_BACKSLASH_ESCAPES.
 */
#include "dialects/dialect.h"

#include "dialects/common/duration.h"
#include "dialects/common/journal.h"
#include "dialects/common/lease.h"
#include "dialects/common/quote.h"
#include "dialects/common/sqltext.h"
#include "dialects/common/values.h"
#include "dialects/mysql/mysql_int.h"
#include "dialects/mysql/mysql_split.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

/* ---- names ------------------------------------------------------------------ */

/* `schema`.`table`, or `table` in the connection's database. */
static void qualified(mig_str *out, const char *schema, const char *table)
{
	if (schema) {
		mig_quote_backtick_ident(out, schema);
		mig_str_putc(out, '.');
	}
	mig_quote_backtick_ident(out, table);
}

/* The table's schema as an SQL expression: the named database or the
 * connection's. */
static void schema_expr(mig_str *out, const char *schema)
{
	if (schema)
		mig_quote_backslash_literal(out, schema);
	else
		mig_str_puts(out, "DATABASE()");
}

/* ---- the state table ---------------------------------------------------------- */

static int state_sql(const mig_state_names *names, enum mig_state_stmt which, const char *migration_name,
		     mig_str *out)
{
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT table_name FROM information_schema.tables WHERE table_schema = ");
		schema_expr(out, names->schema);
		mig_str_puts(out, " AND table_name = ");
		mig_quote_backslash_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		/* InnoDB: the bookkeeping INSERT is transactional, so a data
		 * migration and its record commit together. */
		mig_str_puts(out, "CREATE TABLE ");
		qualified(out, names->schema, names->table);
		mig_str_puts(out, " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) NOT NULL, run_on DATETIME(6) NOT NULL)"
				  " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
		break;
	case MIG_STATE_PK_CHECK:
		mig_str_puts(out, "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = ");
		schema_expr(out, names->schema);
		mig_str_puts(out, " AND table_name = ");
		mig_quote_backslash_literal(out, names->table);
		mig_str_puts(out, " AND constraint_type = 'PRIMARY KEY'");
		break;
	case MIG_STATE_PK_FIX:
		mig_str_puts(out, "ALTER TABLE ");
		qualified(out, names->schema, names->table);
		mig_str_puts(out, " ADD PRIMARY KEY (id)");
		break;
	case MIG_STATE_SELECT:
		/* milliseconds, as the other engines show run_on */
		mig_str_puts(out, "SELECT name, SUBSTRING(DATE_FORMAT(run_on, '%Y-%m-%d %H:%i:%s.%f'), 1, 23) FROM ");
		qualified(out, names->schema, names->table);
		mig_str_puts(out, " ORDER BY run_on, id");
		break;
	case MIG_STATE_INSERT:
		/* UTC whatever the session's time_zone (it is pinned to UTC too) */
		mig_str_puts(out, "INSERT INTO ");
		qualified(out, names->schema, names->table);
		mig_str_puts(out, " (name, run_on) VALUES (");
		mig_quote_backslash_literal(out, migration_name);
		mig_str_puts(out, ", UTC_TIMESTAMP(6))");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		qualified(out, names->schema, names->table);
		mig_str_puts(out, " WHERE name = ");
		mig_quote_backslash_literal(out, migration_name);
		break;
	case MIG_STATE_CREATE_SCHEMA:
		if (names->schema) {
			mig_str_puts(out, "CREATE DATABASE IF NOT EXISTS ");
			mig_quote_backtick_ident(out, names->schema);
		}
		break;
	case MIG_STATE_INSERT_BOUND:
	case MIG_STATE_DELETE_BOUND:
	case MIG_STATE_INSERT_BOUND_MANY:
		break; /* the record goes in the batch with the migration's statements */
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}

/* ---- the lease and the journal, next to the state table ----------------------- */

static const char now_seconds[] = "UNIX_TIMESTAMP()";

static void literal(mig_str *out, const char *text)
{
	mig_quote_backslash_literal(out, text);
}

static int lock_sql(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
		    mig_str *out)
{
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT;
	mig_str_printf(&t, "%s_lock", names->table);
	qualified(&table, names->schema, mig_str_cstr(&t));
	mig_lease_sql l = {.table = mig_str_cstr(&table), .now = now_seconds, .literal = literal,
			   .upsert = MIG_LEASE_ON_DUPLICATE_KEY};
	int rc = mig_str_failed(&table) || mig_str_failed(&t) ? mig_error_oom()
							     : mig_lease_statement(&l, which, owner, seconds, out);
	mig_str_free(&table);
	mig_str_free(&t);
	return rc;
}

static int journal_sql(const mig_state_names *names, enum mig_journal_stmt which, const mig_journal_args *args,
		       mig_str *out)
{
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT, state = MIG_STR_INIT;
	mig_journal_table_name(&t, names->table);
	qualified(&table, names->schema, mig_str_cstr(&t));
	qualified(&state, names->schema, names->table);
	mig_journal_sql j = {.table = mig_str_cstr(&table),
			     .state_table = mig_str_cstr(&state),
			     .now = now_seconds,
			     .literal = literal,
			     .text_type = "TEXT",
			     .table_tail = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
			     .upsert = MIG_LEASE_ON_DUPLICATE_KEY};
	int rc = mig_str_failed(&table) || mig_str_failed(&t) || mig_str_failed(&state)
			 ? mig_error_oom()
			 : mig_journal_statement(&j, which, args, out);
	mig_str_free(&table);
	mig_str_free(&t);
	mig_str_free(&state);
	return rc;
}

/* ---- the session ---------------------------------------------------------------- */

/*
 * MySQL 8.0's default sql_mode, which MariaDB accepts too: strict, and
 * without ANSI_QUOTES ("..." stays a string, `...` the identifier quote)
 * and NO_BACKSLASH_ESCAPES (backslashes escape in literals), which the
 * quoting above relies on. NO_ENGINE_SUBSTITUTION: a table asked for as
 * InnoDB is never silently created as MyISAM.
 */
#define SQL_MODE "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"

/* lock_wait_timeout is whole seconds, 1 .. one year; PostgreSQL's 0
 * (no limit) is the longest MySQL allows. */
static long long wait_seconds(long long ms)
{
	long long s = ms == 0 ? 31536000 : (ms + 999) / 1000;
	return s < 1 ? 1 : s > 31536000 ? 31536000 : s;
}

static int push(mig_strv *stmts, mig_str *s)
{
	if (mig_str_failed(s)) {
		mig_str_free(s);
		return mig_error_oom();
	}
	return mig_strv_push(stmts, mig_str_detach(s));
}

static int session_sql(const mig_session_opts *opts, mig_strv *stmts)
{
	if (opts->nschemas > 1)
		return mig_error_set(MIG_EUSAGE,
				     "MySQL/MariaDB has no search path: give one --schema (the database the migrations run in), not %zu",
				     opts->nschemas);
	int rc = mig_strv_pushdup(stmts, "SET NAMES utf8mb4");
	if (rc == 0)
		rc = mig_strv_pushdup(stmts, "SET SESSION sql_mode = '" SQL_MODE "'");
	if (rc == 0)
		rc = mig_strv_pushdup(stmts, "SET SESSION time_zone = '+00:00'");
	/* On Galera a node applies other nodes' commits a moment after they
	 * were certified: without causal reads a run that just took the
	 * lease from a run on another node could read the state table as it
	 * was before that run's last migration, and apply it again. */
	if (rc == 0 && opts->server && (opts->server->facts & MIG_SERVER_CLUSTER))
		rc = mig_strv_pushdup(stmts, "SET SESSION wsrep_sync_wait = 1");
	long long ms = 0;
	if (rc == 0 && opts->lock_timeout && *opts->lock_timeout &&
	    (rc = mig_duration_ms(opts->lock_timeout, "--lock-timeout", &ms)) == 0) {
		/* metadata locks (DDL) and InnoDB row locks both */
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "SET SESSION lock_wait_timeout = %lld, innodb_lock_wait_timeout = %lld", wait_seconds(ms),
			       wait_seconds(ms) > 1073741824 ? 1073741824 : wait_seconds(ms));
		rc = push(stmts, &s);
	}
	if (rc == 0 && opts->statement_timeout && *opts->statement_timeout &&
	    (rc = mig_duration_ms(opts->statement_timeout, "--statement-timeout", &ms)) == 0) {
		const char *flavour = opts->server && opts->server->flavour ? opts->server->flavour : "";
		mig_str s = MIG_STR_INIT;
		/* MariaDB limits every statement (seconds); MySQL only SELECTs
		 * (milliseconds): still the nearest it has */
		if (strcmp(flavour, "mariadb") == 0)
			mig_str_printf(&s, "SET SESSION max_statement_time = %lld.%03lld", ms / 1000, ms % 1000);
		else
			mig_str_printf(&s, "SET SESSION max_execution_time = %lld", ms > 4294967295LL ? 4294967295LL : ms);
		rc = push(stmts, &s);
	}
	if (rc == 0 && opts->nschemas == 1) {
		mig_str s = MIG_STR_INIT;
		if (opts->create_schemas) {
			mig_str_puts(&s, "CREATE DATABASE IF NOT EXISTS ");
			mig_quote_backtick_ident(&s, opts->schemas[0]);
			if ((rc = push(stmts, &s)) != 0)
				return rc;
			s = (mig_str)MIG_STR_INIT;
		}
		mig_str_puts(&s, "USE ");
		mig_quote_backtick_ident(&s, opts->schemas[0]);
		rc = push(stmts, &s);
	}
	return rc;
}

/* ---- operations ----------------------------------------------------------------- */

static void my_string(mig_str *out, const char *s, size_t len)
{
	(void)len;
	mig_quote_backslash_literal(out, s);
}

static const mig_value_style my_style = {
	.true_word = "TRUE",
	.false_word = "FALSE",
	.string = my_string,
	.arrays = false,
	.object_literals = false,
};

struct sqlctx {
	const mig_op *op;
	int rc;
};

static void sql_name(void *ud, mig_str *out, const mig_qname *n)
{
	(void)ud;
	if (n->raw) {
		mig_str_puts(out, n->name);
		return;
	}
	qualified(out, n->schema && strcmp(n->schema, "public") != 0 ? n->schema : NULL, n->name);
}

static void sql_value(void *ud, mig_str *out, const mig_value *v)
{
	struct sqlctx *c = ud;
	if (mig_escape_value(out, v, &my_style) == MIG_ENOTSUPPORTED && c->rc == 0)
		c->rc = mig_error_set(MIG_ENOTSUPPORTED, "%s: an array argument is not supported on MySQL/MariaDB: it has no arrays",
				      c->op->name);
}

static int split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	return mig__mysql_split(sql, len, start, slen, n);
}

/* pgm.sql() and .sql files: user SQL, statement by statement. */
static int emit_sql(const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	struct sqlctx c = {.op = op};
	mig_sql_render r = {.name = sql_name, .value = sql_value, .ud = &c};
	return mig_sql_user_step(&def->u.sql, &r, &c.rc, split, steps);
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	if (def && def->kind == MIG_OP_SQL)
		return emit_sql(op, def, steps);
	return mig__my_emit(ctx, op, def, steps);
}

const mig_dialect mig_mysql_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "mysql",
	.display = "MySQL/MariaDB",
	.flags = MIG_DIALECT_NEEDS_CATALOG | MIG_DIALECT_FOLLOWS_LIVE,
	.emit = emit,
	.refuses = mig__my_refuses,
	.introspect = mig__my_introspect,
	.apply = mig__my_apply,
	.state_sql = state_sql,
	.lock_sql = lock_sql,
	.journal_sql = journal_sql,
	.session_sql = session_sql,
	.split = split,
	.default_schema = NULL,
	.quote_literal = mig_quote_backslash_literal,
};
