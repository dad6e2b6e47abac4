/* PostgreSQL: the operators operations (see pg_emit.h). */
#include "dialects/postgres/pg_emit.h"

const mig_pg_emitter mig__pg_operators[] = {
	{MIG_OP_UNKNOWN, NULL},
};
