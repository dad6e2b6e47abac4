/* Helpers shared by the dialect emitters. */
#ifndef MIG_DIALECT_COMMON_H
#define MIG_DIALECT_COMMON_H

#include "dialects/dialect.h"

#endif
