/* Emitting one raw operation the way the runner does: refusal, analysis
 * step, then the dialect. The analysis gets the run's shorthands and
 * decamelize (the dialect only sees their effect in the definition). */
#ifndef MIG_TEST_EMIT_SUPPORT_H
#define MIG_TEST_EMIT_SUPPORT_H

#include "dialects/dialect.h"
#include "ir/opdef.h"
#include "util/error.h"

static inline int test_emit_with(const mig_dialect *d, const mig_emit_ctx *ctx, const mig_value *shorthands,
				 bool decamelize, const mig_op *op, mig_steps *steps)
{
	static const mig_server_info offline = {0};
	mig_emit_ctx c = *ctx;
	if (!c.server)
		c.server = &offline;
	const char *why = d->refuses ? d->refuses(op->kind) : NULL;
	if (why)
		return mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported on %s: %s", op->name, d->display, why);
	mig_analyze_ctx a = {.shorthands = shorthands, .decamelize = decamelize};
	mig_opdef def;
	int rc = mig_analyze(op, &a, &def);
	if (rc == 0)
		rc = d->emit(&c, op, &def, steps);
	mig_opdef_dispose(&def);
	return rc;
}

/* Without shorthands or decamelize. */
static inline int test_emit(const mig_dialect *d, const mig_emit_ctx *ctx, const mig_op *op, mig_steps *steps)
{
	return test_emit_with(d, ctx, NULL, false, op, steps);
}

#endif
