#include "engine/undo.h"

#include "engine/conn.h"
#include "engine/runner.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* The inverses of ops[0..n) laid out last first, as ir.c lays out an
 * inferred down (each op's own steps are reversed at emission). */
static int inverses(const mig_migration *m, const mig_oplist *ops, size_t n, mig_oplist *out)
{
	memset(out, 0, sizeof(*out));
	int rc = 0;
	for (size_t i = n; rc == 0 && i-- > 0;) {
		mig_oplist inv = {0};
		if ((rc = mig_op_reverse(&ops->ops[i], &inv)) != 0) {
			mig_error_set_location(m->path, ops->ops[i].line, ops->ops[i].column);
			break;
		}
		for (size_t k = 0; k < inv.n && rc == 0; k++) {
			mig_op *op = &inv.ops[k];
			rc = mig_oplist_push(out, op->name, op->args, ops->ops[i].line, ops->ops[i].column);
			op->args = NULL; /* moved */
			if (rc == 0)
				out->ops[out->n - 1].reverse_steps = true;
		}
		mig_oplist_free(&inv);
	}
	if (rc)
		mig_oplist_free(out);
	return rc;
}

int mig__undo_ops(const mig_undo *u, const mig_oplist *ops, size_t n, size_t *stmts)
{
	*stmts = 0;
	mig_oplist inv;
	int rc = inverses(u->m, ops, n, &inv);
	if (rc)
		return rc;
	mig_opdef *defs = NULL;
	if ((rc = mig__analyze_ops(u->dia, u->m, &inv, u->shorthands, u->decamelize, &defs)) != 0) {
		mig_oplist_free(&inv);
		return rc;
	}
	for (size_t i = 0; i < inv.n && rc == 0; i++) {
		mig_steps steps = MIG_STEPS_INIT;
		rc = mig__emit_op(u->dia, u->ctx, u->m, &inv.ops[i], defs[i].op ? &defs[i] : NULL, &steps);
		for (size_t k = 0; rc == 0 && k < steps.n; k++) {
			if (u->on_step)
				u->on_step(u->ud, steps.v[k].text);
			size_t done = 0;
			rc = mig__conn_run_step(u->conn, &steps.v[k], &done);
			*stmts += done;
		}
		mig_steps_free(&steps);
		if (u->ctx->catalog)
			mig_catalog_reset(u->ctx->catalog);
	}
	mig__free_defs(defs, inv.n);
	mig_oplist_free(&inv);
	return rc;
}
