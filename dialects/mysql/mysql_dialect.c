/*
 * MySQL/MariaDB dialect: its quoting family is in dialects/common/quote.c;
 * the operations, the state table and the lock arrive with the MySQL
 * issues. Until then every entry point says so.
 */
#include "dialects/dialect.h"

#include "util/error.h"

static int not_yet(void)
{
	return mig_error_set(MIG_ENOTSUPPORTED, "the mysql dialect is not part of this version yet");
}

static int state_sql(const mig_state_names *names, enum mig_state_stmt which, const char *migration_name,
		     mig_str *out)
{
	(void)names;
	(void)which;
	(void)migration_name;
	(void)out;
	return not_yet();
}

static int lock_sql(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
		    mig_str *out)
{
	(void)names;
	(void)which;
	(void)owner;
	(void)seconds;
	(void)out;
	return not_yet();
}

static int split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	(void)sql;
	(void)len;
	*start = *slen = NULL;
	*n = 0;
	return 0;
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	(void)ctx;
	(void)def;
	(void)steps;
	return mig_error_set(MIG_ENOTSUPPORTED, "%s: the mysql dialect is not part of this version yet", op->name);
}

const mig_dialect mig_mysql_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "mysql",
	.display = "MySQL/MariaDB",
	.flags = MIG_DIALECT_NEEDS_CATALOG,
	.emit = emit,
	.state_sql = state_sql,
	.lock_sql = lock_sql,
	.split = split,
	.default_schema = NULL,
};
