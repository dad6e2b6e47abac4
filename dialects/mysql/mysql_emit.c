/* STUB: the typed emitters arrive with MySQL part 2 (being written). */
#include "dialects/mysql/mysql_int.h"

#include "util/error.h"

const char *mig__my_refuses(enum mig_op_kind kind)
{
	if (kind == MIG_OP_SQL)
		return NULL;
	return "this version runs SQL on MySQL/MariaDB (.sql files and pgm.sql()); the other operations come with the MySQL dialect's part 2";
}

int mig__my_emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	(void)ctx;
	(void)steps;
	return mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported on MySQL/MariaDB: %s", op->name,
			     mig__my_refuses(def ? def->kind : MIG_OP_UNKNOWN));
}
