/* The analysis of the routines operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_routines[] = {
	{MIG_OP_UNKNOWN, NULL},
};
