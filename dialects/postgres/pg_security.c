/* PostgreSQL: the security operations (see pg_emit.h). */
#include "dialects/postgres/pg_emit.h"

const mig_pg_emitter mig__pg_security[] = {
	{MIG_OP_UNKNOWN, NULL},
};
