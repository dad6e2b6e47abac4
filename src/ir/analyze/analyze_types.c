/* The analysis of the types operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_types[] = {
	{MIG_OP_UNKNOWN, NULL},
};
