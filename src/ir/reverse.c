/*
 * Inverse operations for inferred down migrations, exactly as
 * node-pg-migrate 9.0.0 infers them: an operation's `reverse` receives the
 * SAME arguments as the forward call. So `ifExists`/`cascade` given in a
 * create's options flow into the DROP, and createTable's inverse receives
 * the columns object where dropTable reads its options (a column named
 * `cascade` makes it DROP ... CASCADE, as in node-pg-migrate). Renames
 * swap their two names; refreshMaterializedView reverses to itself.
 *
 * The IR stays dialect-neutral: the inverse is expressed as operations,
 * which every dialect emits like any other. One internal operation exists
 * for the single case node-pg-migrate emits two statements as one step
 * (createTrigger with a definition, see dialects/common.h).
 */
#include "ir/ir.h"

#include "dialects/common/common.h"
#include "util/error.h"

#include <string.h>

enum rev_kind {
	REV_SAME,     /* the inverse gets the same arguments */
	REV_SWAP_01,  /* (a, b, ...) -> (b, a, ...) */
	REV_SWAP_12,  /* (t, a, b) -> (t, b, a) */
	REV_SWAP_02,  /* (a, x, b) -> (b, x, a) */
	REV_PICK,     /* the arguments listed in `pick`, in that order */
	REV_CONSTRAINT, /* addConstraint: refusals, else REV_SAME */
	REV_TRIGGER   /* createTrigger: dropTrigger, or drop trigger + function */
};

static const struct {
	const char *op;
	const char *inverse; /* NULL: same operation */
	enum rev_kind kind;
	signed char pick[4]; /* REV_PICK: argument indexes, -1 ends */
} inverses[] = {
	{"createTable", "dropTable", REV_SAME, {0}},
	{"addColumns", "dropColumns", REV_SAME, {0}},
	{"addConstraint", "dropConstraint", REV_CONSTRAINT, {0}},
	{"createIndex", "dropIndex", REV_SAME, {0}},
	{"createType", "dropType", REV_SAME, {0}},
	{"addTypeAttribute", "dropTypeAttribute", REV_SAME, {0}},
	{"createExtension", "dropExtension", REV_SAME, {0}},
	{"createSchema", "dropSchema", REV_SAME, {0}},
	{"createSequence", "dropSequence", REV_SAME, {0}},
	{"createFunction", "dropFunction", REV_SAME, {0}},
	{"createTrigger", "dropTrigger", REV_TRIGGER, {0}},
	{"createView", "dropView", REV_SAME, {0}},
	{"createMaterializedView", "dropMaterializedView", REV_SAME, {0}},
	{"refreshMaterializedView", NULL, REV_SAME, {0}},
	{"createDomain", "dropDomain", REV_PICK, {0, 2, -1}},
	{"createPolicy", "dropPolicy", REV_SAME, {0}},
	{"createRole", "dropRole", REV_SAME, {0}},
	{"grantRoles", "revokeRoles", REV_SAME, {0}},
	{"grantOnSchemas", "revokeOnSchemas", REV_SAME, {0}},
	{"grantOnTables", "revokeOnTables", REV_SAME, {0}},
	{"createCast", "dropCast", REV_SAME, {0}},
	{"createOperator", "dropOperator", REV_SAME, {0}},
	{"createOperatorFamily", "dropOperatorFamily", REV_SAME, {0}},
	{"createOperatorClass", "dropOperatorClass", REV_PICK, {0, 2, 4, -1}},
	{"addToOperatorFamily", "removeFromOperatorFamily", REV_SAME, {0}},
	{"renameTable", NULL, REV_SWAP_01, {0}},
	{"renameColumn", NULL, REV_SWAP_12, {0}},
	{"renameConstraint", NULL, REV_SWAP_12, {0}},
	{"renameIndex", NULL, REV_SWAP_01, {0}},
	{"renameType", NULL, REV_SWAP_01, {0}},
	{"renameTypeAttribute", NULL, REV_SWAP_12, {0}},
	{"renameTypeValue", NULL, REV_SWAP_12, {0}},
	{"renameSchema", NULL, REV_SWAP_01, {0}},
	{"renameSequence", NULL, REV_SWAP_01, {0}},
	{"renameFunction", NULL, REV_SWAP_02, {0}},
	{"renameTrigger", NULL, REV_SWAP_12, {0}},
	{"renameView", NULL, REV_SWAP_01, {0}},
	{"renameMaterializedView", NULL, REV_SWAP_01, {0}},
	{"renameMaterializedViewColumn", NULL, REV_SWAP_12, {0}},
	{"renameDomain", NULL, REV_SWAP_01, {0}},
	{"renamePolicy", NULL, REV_SWAP_12, {0}},
	{"renameRole", NULL, REV_SWAP_01, {0}},
	{"renameOperatorFamily", NULL, REV_SWAP_02, {0}},
	{"renameOperatorClass", NULL, REV_SWAP_02, {0}},
};

/* Argument i as a fresh value (undefined when missing). */
static mig_value *arg_copy(const mig_op *op, size_t i)
{
	const mig_value *v = mig_op_arg(op, i);
	return v ? mig_value_clone(v) : mig_value_new(MIG_V_UNDEFINED);
}

static int swap_args(mig_value *args, size_t a, size_t b)
{
	/* pad so that both positions exist (a rename called with too few
	 * arguments swaps undefined in, as JavaScript would) */
	while (args->n <= a || args->n <= b) {
		mig_value *u = mig_value_new(MIG_V_UNDEFINED);
		if (!u || mig_array_push(args, u))
			return MIG_ENOMEM;
	}
	mig_value *t = args->items[a];
	args->items[a] = args->items[b];
	args->items[b] = t;
	return 0;
}

int mig_op_reverse(const mig_op *op, mig_oplist *out)
{
	size_t k = 0;
	while (k < sizeof(inverses) / sizeof(inverses[0]) && strcmp(inverses[k].op, op->name) != 0)
		k++;
	if (k == sizeof(inverses) / sizeof(inverses[0]))
		return mig_error_set(MIG_EIRREVERSIBLE,
				     "Impossible to automatically infer down migration for \"pgm.%s()\"", op->name);
	const char *name = inverses[k].inverse ? inverses[k].inverse : op->name;
	mig_value *args = NULL;
	switch (inverses[k].kind) {
	case REV_CONSTRAINT: {
		const mig_value *cname = mig_op_arg(op, 1), *x = mig_op_arg(op, 2);
		if (cname && cname->type == MIG_V_NULL)
			return mig_error_set(MIG_EIRREVERSIBLE,
					     "Impossible to automatically infer down migration for addConstraint without naming constraint");
		if (x && x->type == MIG_V_STRING)
			return mig_error_set(MIG_EIRREVERSIBLE,
					     "Impossible to automatically infer down migration for addConstraint with raw SQL expression");
		break;
	}
	case REV_TRIGGER:
		if (mig_value_truthy(mig_op_arg(op, 3)))
			name = MIG_OP_DROP_TRIGGER_AND_FUNCTION;
		break;
	default:
		break;
	}
	if (inverses[k].kind == REV_PICK) {
		if (!(args = mig_value_new(MIG_V_ARRAY)))
			return MIG_ENOMEM;
		for (size_t i = 0; i < 4 && inverses[k].pick[i] >= 0; i++) {
			mig_value *a = arg_copy(op, (size_t)inverses[k].pick[i]);
			if (!a || mig_array_push(args, a)) {
				mig_value_free(args);
				return mig_error_oom();
			}
		}
	} else {
		args = op->args ? mig_value_clone(op->args) : mig_value_new(MIG_V_ARRAY);
		if (!args)
			return mig_error_oom();
		int rc = 0;
		if (inverses[k].kind == REV_SWAP_01)
			rc = swap_args(args, 0, 1);
		else if (inverses[k].kind == REV_SWAP_12)
			rc = swap_args(args, 1, 2);
		else if (inverses[k].kind == REV_SWAP_02)
			rc = swap_args(args, 0, 2);
		if (rc) {
			mig_value_free(args);
			return mig_error_oom();
		}
	}
	return mig_oplist_push(out, name, args, op->line, op->column);
}
