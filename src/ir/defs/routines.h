/*
 * Typed definitions of the routines group (see defs/base.h for the
 * conventions). Operations of this group that are plain drops or renames
 * use mig_drop_def / mig_rename_def.
 */
#ifndef MIG_DEFS_ROUTINES_H
#define MIG_DEFS_ROUTINES_H

#include "ir/defs/base.h"

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_ROUTINES_MEMBERS

#endif
