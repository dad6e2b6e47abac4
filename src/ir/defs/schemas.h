/*
 * Typed definitions of the schemas group (see defs/base.h for the
 * conventions). Operations of this group that are plain drops or renames
 * use mig_drop_def / mig_rename_def.
 */
#ifndef MIG_DEFS_SCHEMAS_H
#define MIG_DEFS_SCHEMAS_H

#include "ir/defs/base.h"

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_SCHEMAS_MEMBERS

#endif
