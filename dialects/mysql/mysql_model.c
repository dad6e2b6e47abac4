/* STUB: the model's rules for MySQL arrive with MySQL part 2 (being written). */
#include "dialects/mysql/mysql_int.h"

int mig__my_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m)
{
	(void)ctx;
	(void)op;
	(void)def;
	(void)steps;
	(void)m;
	return 0;
}
