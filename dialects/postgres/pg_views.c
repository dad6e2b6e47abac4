/* PostgreSQL: the views operations (see pg_emit.h). */
#include "dialects/postgres/pg_emit.h"

const mig_pg_emitter mig__pg_views[] = {
	{MIG_OP_UNKNOWN, NULL},
};
