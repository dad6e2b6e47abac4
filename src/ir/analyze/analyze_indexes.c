/* The analysis of the indexes operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_indexes[] = {
	{MIG_OP_UNKNOWN, NULL},
};
