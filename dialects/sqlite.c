/*
 * SQLite dialect.
 */
#include "dialects/dialect.h"

#include "error.h"

#include <string.h>

static void quote_ident(mig_str *out, const char *ident)
{
	mig_str_putc(out, '"');
	for (const char *p = ident; *p; p++) {
		if (*p == '"')
			mig_str_putc(out, '"');
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, '"');
}

static void quote_literal(mig_str *out, const char *text)
{
	mig_str_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			mig_str_putc(out, '\'');
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, '\'');
}

/* SQLite has one schema per database file ("main"); PostgreSQL's default
 * "public" maps onto it, any other schema is refused. */
static int check_schema(const char *schema)
{
	if (schema && strcmp(schema, "public") != 0 && strcmp(schema, "main") != 0)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "SQLite has no schemas: the migrations table cannot live in schema \"%s\" (drop --schema/--migrations-schema for SQLite)",
				     schema);
	return 0;
}

static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ");
		quote_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		/* AUTOINCREMENT: ids never go back, so (run_on, id) keeps
		 * ordering runs even after rollbacks. Millisecond run_on text
		 * sorts as time. */
		mig_str_puts(out, "CREATE TABLE ");
		quote_ident(out, names->table);
		mig_str_puts(out, " (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");
		break;
	case MIG_STATE_PK_CHECK:
	case MIG_STATE_PK_FIX:
	case MIG_STATE_CREATE_SCHEMA:
		break; /* a rowid table always has its key; no schemas */
	case MIG_STATE_SELECT:
		mig_str_puts(out, "SELECT name, run_on FROM ");
		quote_ident(out, names->table);
		mig_str_puts(out, " ORDER BY run_on, id");
		break;
	case MIG_STATE_INSERT:
		mig_str_puts(out, "INSERT INTO ");
		quote_ident(out, names->table);
		mig_str_puts(out, " (name, run_on) VALUES (");
		quote_literal(out, migration_name);
		mig_str_puts(out, ", strftime('%Y-%m-%d %H:%M:%f', 'now'));");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		quote_ident(out, names->table);
		mig_str_puts(out, " WHERE name=");
		quote_literal(out, migration_name);
		mig_str_putc(out, ';');
		break;
	}
	return mig_str_failed(out) ? mig_error_set(MIG_ENOMEM, "out of memory") : 0;
}

static int session_sql(const mig_session_opts *opts, mig_strv *steps)
{
	(void)steps;
	for (size_t i = 0; i < opts->nschemas; i++) {
		int rc = check_schema(opts->schemas[i]);
		if (rc)
			return rc;
	}
	return 0;
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, mig_strv *steps)
{
	(void)ctx;
	if (strcmp(op->name, "sql") == 0) {
		const char *text = mig_value_str(mig_op_arg(op, 0));
		if (!text)
			return mig_error_set(MIG_EINPUT, "pgm.sql() needs a string");
		return mig_strv_pushdup(steps, text);
	}
	return mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported by the sqlite dialect yet", op->name);
}

const mig_dialect mig_sqlite_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "sqlite",
	.flags = 0,
	.emit = emit,
	.quote_ident = quote_ident,
	.quote_literal = quote_literal,
	.state_sql = state_sql,
	.session_sql = session_sql,
	.default_schema = NULL,
};
