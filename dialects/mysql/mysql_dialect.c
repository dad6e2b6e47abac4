/*
 * MySQL/MariaDB dialect: quoting and the state table are defined so that
 * interfaces are exercised for all three engines; operations arrive with
 * the MySQL issue.
 */
#include "dialects/dialect.h"

#include "util/error.h"

#include <string.h>

static void quote_ident(mig_str *out, const char *ident)
{
	mig_str_putc(out, '`');
	for (const char *p = ident; *p; p++) {
		if (*p == '`')
			mig_str_putc(out, '`');
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, '`');
}

/* The session pins sql_mode without NO_BACKSLASH_ESCAPES, so backslashes
 * are escapes and must be doubled along with quotes. */
static void quote_literal(mig_str *out, const char *text)
{
	mig_str_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '\'' || *p == '\\')
			mig_str_putc(out, *p);
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, '\'');
}

static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	(void)names;
	(void)which;
	(void)migration_name;
	(void)out;
	return mig_error_set(MIG_ENOTSUPPORTED, "the mysql dialect is not part of this version yet");
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, mig_strv *steps)
{
	(void)ctx;
	(void)steps;
	return mig_error_set(MIG_ENOTSUPPORTED, "%s: the mysql dialect is not part of this version yet", op->name);
}

const mig_dialect mig_mysql_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "mysql",
	.flags = MIG_DIALECT_NEEDS_CATALOG,
	.emit = emit,
	.quote_ident = quote_ident,
	.quote_literal = quote_literal,
	.state_sql = state_sql,
	.default_schema = NULL,
};
