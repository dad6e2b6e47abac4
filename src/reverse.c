/* Inverse operations for inferred down migrations (stub until the JS/TS issue lands). */
#include "ir.h"

#include "error.h"

int mig_op_reverse(const mig_op *op, mig_oplist *out)
{
	(void)out;
	return mig_error_set(MIG_EIRREVERSIBLE,
			     "Impossible to automatically infer down migration for \"pgm.%s()\"", op->name);
}
