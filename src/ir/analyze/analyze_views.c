/* The analysis of the views operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_views[] = {
	{MIG_OP_UNKNOWN, NULL},
};
