/* The analysis of the operators operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_operators[] = {
	{MIG_OP_UNKNOWN, NULL},
};
