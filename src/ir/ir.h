/*
 * The intermediate representation between loaders and dialects.
 *
 * An operation is a MigrationBuilder call: its API name (canonical, aliases
 * resolved: addColumn -> addColumns, ...) and its arguments as given in the
 * file. A migration is what one file loads to. Nothing here contains SQL
 * except the text of `sql` operations and pgm.func() literals.
 */
#ifndef MIG_IR_H
#define MIG_IR_H

#include "ir/op_kinds.h"
#include "ir/value.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct mig_op {
	enum mig_op_kind kind; /* MIG_OP_UNKNOWN for a name no dialect knows */
	char *name;      /* canonical operation name, e.g. "createTable" */
	mig_value *args; /* ARRAY of the call's arguments, trailing undefined kept */
	int line, column; /* call site in the file, 0 when synthetic */
	/* Set on operations of an inferred down: the steps this operation
	 * emits run in reverse order (node-pg-migrate reverses the whole step
	 * list of an inferred down; the op list is already reversed). */
	bool reverse_steps;
} mig_op;

typedef struct mig_oplist {
	mig_op *ops;
	size_t n, cap;
} mig_oplist;

/* Takes `args` (also on failure); the kind is looked up from `name`. */
int mig_oplist_push(mig_oplist *l, const char *name, mig_value *args, int line, int column);
void mig_oplist_free(mig_oplist *l);
/* The i-th argument of op, or NULL (undefined). Borrowed. */
const mig_value *mig_op_arg(const mig_op *op, size_t i);

/* What a file exports for a direction. */
enum mig_action_kind {
	MIG_ACTION_FUNCTION, /* a function (or a .sql section) */
	MIG_ACTION_INFER,    /* down only: not exported, infer it from up */
	MIG_ACTION_DISABLED, /* `= false`, or a .sql file without a down section */
	MIG_ACTION_INVALID   /* up not exported, or a value that is not a function */
};

enum mig_source_kind { MIG_SOURCE_SQL, MIG_SOURCE_JS };

typedef struct mig_migration {
	char *name;  /* file name without its last extension: the state-table key */
	char *path;  /* path as discovered (dir/file) for messages */
	char *file;  /* basename */
	double timestamp; /* numeric prefix, see discover.h */
	enum mig_source_kind source;

	enum mig_action_kind up_kind; /* never MIG_ACTION_INFER */
	mig_oplist up;
	bool up_no_transaction;

	enum mig_action_kind down_kind;
	mig_oplist down; /* MIG_ACTION_FUNCTION only */
	bool down_no_transaction;

	/* This file's own exports.shorthands (an OBJECT), or NULL. */
	mig_value *shorthands;
	bool loaded; /* load step ran (discovery only fills name/path/file/timestamp) */
	/* Read by Node.js (src/load/node/). A direction whose function queries
	 * the database (pgm.db) is deferred: it has no operations until it is
	 * evaluated again at its turn in the run (mig_node_run). */
	bool node;
	bool up_deferred, down_deferred;
} mig_migration;

void mig_migration_dispose(mig_migration *m);

/*
 * The operations a run in one direction executes: up as loaded; for down
 * the explicit down, or the inverse of up computed as node-pg-migrate
 * infers it (inverse operations in reverse order, each flagged
 * reverse_steps). Fails with MIG_EIRREVERSIBLE and node-pg-migrate's
 * message when the direction is disabled or an operation has no inverse,
 * MIG_EINPUT when the file exports no usable function. *out is
 * initialised by the call; free it with mig_oplist_free.
 */
int mig_migration_ops(const mig_migration *m, bool down, mig_oplist *out);
/* Whether that direction of m is only known at its turn in the run (an
 * inferred down never is: its up's operations are inverted). */
bool mig_migration_deferred(const mig_migration *m, bool down);
/* Whether m runs outside a transaction in that direction. */
bool mig_migration_no_transaction(const mig_migration *m, bool down);

/* src/reverse.c: the inverse of one operation, appended to out (zero or
 * more ops). MIG_EIRREVERSIBLE when it has none. */
int mig_op_reverse(const mig_op *op, mig_oplist *out);

/* Canonical name for an API name (aliases resolved), or NULL if unknown. */
const char *mig_op_canonical_name(const char *api_name);

#endif
