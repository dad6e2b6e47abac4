/*
 * Typed operations: what the analysis step (ir/analyze/) makes of a raw
 * MigrationBuilder call (ir/ir.h). Every argument is validated once, with
 * node-pg-migrate's messages in node-pg-migrate's order, and turned into
 * the definitions of ir/defs/; dialects emit from these and never look
 * up an option key.
 *
 * The raw form stays the input of inferred downs (ir/reverse.c): an
 * inverse in node-pg-migrate receives the forward call's arguments as
 * they were, so reversing first and analysing the inverse keeps its
 * behaviour exact (createTable's columns read as dropTable's options...).
 */
#ifndef MIG_OPDEF_H
#define MIG_OPDEF_H

#include "ir/defs/base.h"
#include "ir/defs/indexes.h"
#include "ir/defs/operators.h"
#include "ir/defs/routines.h"
#include "ir/defs/schemas.h"
#include "ir/defs/security.h"
#include "ir/defs/sql.h"
#include "ir/defs/tables.h"
#include "ir/defs/types.h"
#include "ir/defs/views.h"
#include "ir/ir.h"
#include "util/arena.h"

typedef struct mig_opdef {
	enum mig_op_kind kind;
	const mig_op *op; /* the raw call: name and location for messages */
	mig_arena arena;  /* owns everything below */
	union {
		mig_drop_def drop;
		mig_rename_def rename;
		MIG_DEFS_TABLES_MEMBERS
		MIG_DEFS_INDEXES_MEMBERS
		MIG_DEFS_TYPES_MEMBERS
		MIG_DEFS_SCHEMAS_MEMBERS
		MIG_DEFS_ROUTINES_MEMBERS
		MIG_DEFS_VIEWS_MEMBERS
		MIG_DEFS_SECURITY_MEMBERS
		MIG_DEFS_OPERATORS_MEMBERS
		MIG_DEFS_SQL_MEMBERS
	} u;
} mig_opdef;

/* What the analysis needs besides the call. */
typedef struct mig_analyze_ctx {
	/* Shorthands of this file and every file before it, merged in sort
	 * order (an OBJECT), or NULL. */
	const mig_value *shorthands;
	bool decamelize;
} mig_analyze_ctx;

/*
 * Analyse one raw operation into *out (initialised by the call; dispose
 * it also after a failure). The error carries node-pg-migrate's message;
 * the caller adds the file and the call's line:column. `op` must outlive
 * *out. MIG_EINPUT for an unknown operation.
 */
int mig_analyze(const mig_op *op, const mig_analyze_ctx *ctx, mig_opdef *out);
void mig_opdef_dispose(mig_opdef *def);

#endif
