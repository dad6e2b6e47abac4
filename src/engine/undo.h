/*
 * Undoing the operations a declarative (JS/TS) migration completed before
 * it failed, on a unit no transaction covers (an engine whose DDL commits
 * by itself, or noTransaction()): the inverse of each, last first, with
 * the same inference node-pg-migrate uses for inferred downs
 * (mig_op_reverse), analysed and emitted as any operation, against the
 * live catalog. A .sql migration has no inverse to compute.
 */
#ifndef MIG_UNDO_H
#define MIG_UNDO_H

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "ir/ir.h"

typedef struct mig_undo {
	const mig_dialect *dia;
	mig_conn *conn;
	const mig_emit_ctx *ctx; /* its catalog is reset after each operation */
	const mig_migration *m;
	const mig_value *shorthands; /* the file's merged shorthands, or NULL */
	bool decamelize;
	/* Each statement before it runs (for --verbose), may be NULL. */
	void (*on_step)(void *ud, const char *sql);
	void *ud;
} mig_undo;

/*
 * Run the inverses of ops->ops[0..n), last first. *stmts: the statements
 * of the inverses that completed. MIG_EIRREVERSIBLE (nothing run) when an
 * operation has no inverse; another error when an inverse failed (the
 * ones before it stay done).
 */
int mig__undo_ops(const mig_undo *u, const mig_oplist *ops, size_t n, size_t *stmts);

#endif
