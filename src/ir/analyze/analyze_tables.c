/* The analysis of the tables operations (see analyze.h). */
#include "ir/analyze/analyze.h"

const mig_analyzer mig__analyze_tables[] = {
	{MIG_OP_UNKNOWN, NULL},
};
