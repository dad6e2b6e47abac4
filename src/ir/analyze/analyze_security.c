/* The analysis of the security operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_security[] = {
	{MIG_OP_UNKNOWN, NULL},
};
