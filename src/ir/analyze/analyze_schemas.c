/* The analysis of the schemas operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_schemas[] = {
	{MIG_OP_UNKNOWN, NULL},
};
