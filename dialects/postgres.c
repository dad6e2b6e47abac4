/*
 * PostgreSQL dialect: the SQL node-pg-migrate 9.0.0 emits, text for text.
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
	/* E'' strings would change the text for backslashes; a plain literal
	 * with doubled quotes is exact under standard_conforming_strings. */
	mig_str_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'')
			mig_str_putc(out, '\'');
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, '\'');
}

static void qualified(mig_str *out, const mig_state_names *names)
{
	quote_ident(out, names->schema ? names->schema : "public");
	mig_str_putc(out, '.');
	quote_ident(out, names->table);
}

/* node-pg-migrate's bookkeeping text, except that names are quoted
 * literals (it pastes them in unescaped). */
static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	const char *schema = names->schema ? names->schema : "public";
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT table_name FROM information_schema.tables WHERE table_schema = ");
		quote_literal(out, schema);
		mig_str_puts(out, " AND table_name = ");
		quote_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		mig_str_puts(out, "CREATE TABLE ");
		qualified(out, names);
		mig_str_puts(out, " (id SERIAL PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");
		break;
	case MIG_STATE_PK_CHECK:
		mig_str_puts(out, "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = ");
		quote_literal(out, schema);
		mig_str_puts(out, " AND table_name = ");
		quote_literal(out, names->table);
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
		quote_literal(out, migration_name);
		mig_str_puts(out, ", NOW());");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		qualified(out, names);
		mig_str_puts(out, " WHERE name=");
		quote_literal(out, migration_name);
		mig_str_putc(out, ';');
		break;
	case MIG_STATE_CREATE_SCHEMA:
		mig_str_puts(out, "CREATE SCHEMA IF NOT EXISTS ");
		quote_ident(out, schema);
		break;
	}
	return mig_str_failed(out) ? mig_error_set(MIG_ENOMEM, "out of memory") : 0;
}

static int session_sql(const mig_session_opts *opts, mig_strv *steps)
{
	mig_str s = MIG_STR_INIT;
	int rc = 0;
	if (opts->create_schemas) {
		for (size_t i = 0; i < opts->nschemas && rc == 0; i++) {
			mig_str_puts(&s, "CREATE SCHEMA IF NOT EXISTS ");
			quote_ident(&s, opts->schemas[i]);
			rc = mig_strv_push(steps, mig_str_detach(&s));
		}
	}
	if (rc)
		return rc;
	mig_str_puts(&s, "SET search_path TO ");
	if (opts->nschemas == 0)
		quote_ident(&s, "public");
	for (size_t i = 0; i < opts->nschemas; i++) {
		if (i)
			mig_str_puts(&s, ", ");
		quote_ident(&s, opts->schemas[i]);
	}
	return mig_strv_push(steps, mig_str_detach(&s));
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, mig_strv *steps)
{
	(void)ctx;
	if (strcmp(op->name, "sql") == 0) {
		const char *text = mig_value_str(mig_op_arg(op, 0));
		if (!text)
			return mig_error_set(MIG_EINPUT, "pgm.sql() needs a string");
		size_t n = strlen(text);
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, text);
		if (n && text[n - 1] != ';')
			mig_str_putc(&s, ';');
		return mig_strv_push(steps, mig_str_detach(&s));
	}
	return mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported by the postgres dialect yet", op->name);
}

const mig_dialect mig_postgres_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "postgres",
	.flags = 0,
	.emit = emit,
	.quote_ident = quote_ident,
	.quote_literal = quote_literal,
	.state_sql = state_sql,
	.session_sql = session_sql,
	.default_schema = "public",
};
