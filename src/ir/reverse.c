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
 * (createTrigger with a definition, see ir/op_kinds.h).
 */
#include "ir/ir.h"

#include "util/error.h"


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
	enum mig_op_kind op;
	enum mig_op_kind inverse; /* MIG_OP_UNKNOWN: the same operation */
	enum rev_kind kind;
	signed char pick[4]; /* REV_PICK: argument indexes, -1 ends */
} inverses[] = {
	{MIG_OP_CREATE_TABLE, MIG_OP_DROP_TABLE, REV_SAME, {0}},
	{MIG_OP_ADD_COLUMNS, MIG_OP_DROP_COLUMNS, REV_SAME, {0}},
	{MIG_OP_ADD_CONSTRAINT, MIG_OP_DROP_CONSTRAINT, REV_CONSTRAINT, {0}},
	{MIG_OP_CREATE_INDEX, MIG_OP_DROP_INDEX, REV_SAME, {0}},
	{MIG_OP_CREATE_TYPE, MIG_OP_DROP_TYPE, REV_SAME, {0}},
	{MIG_OP_ADD_TYPE_ATTRIBUTE, MIG_OP_DROP_TYPE_ATTRIBUTE, REV_SAME, {0}},
	{MIG_OP_CREATE_EXTENSION, MIG_OP_DROP_EXTENSION, REV_SAME, {0}},
	{MIG_OP_CREATE_SCHEMA, MIG_OP_DROP_SCHEMA, REV_SAME, {0}},
	{MIG_OP_CREATE_SEQUENCE, MIG_OP_DROP_SEQUENCE, REV_SAME, {0}},
	{MIG_OP_CREATE_FUNCTION, MIG_OP_DROP_FUNCTION, REV_SAME, {0}},
	{MIG_OP_CREATE_TRIGGER, MIG_OP_DROP_TRIGGER, REV_TRIGGER, {0}},
	{MIG_OP_CREATE_VIEW, MIG_OP_DROP_VIEW, REV_SAME, {0}},
	{MIG_OP_CREATE_MATERIALIZED_VIEW, MIG_OP_DROP_MATERIALIZED_VIEW, REV_SAME, {0}},
	{MIG_OP_REFRESH_MATERIALIZED_VIEW, MIG_OP_UNKNOWN, REV_SAME, {0}},
	{MIG_OP_CREATE_DOMAIN, MIG_OP_DROP_DOMAIN, REV_PICK, {0, 2, -1}},
	{MIG_OP_CREATE_POLICY, MIG_OP_DROP_POLICY, REV_SAME, {0}},
	{MIG_OP_CREATE_ROLE, MIG_OP_DROP_ROLE, REV_SAME, {0}},
	{MIG_OP_GRANT_ROLES, MIG_OP_REVOKE_ROLES, REV_SAME, {0}},
	{MIG_OP_GRANT_ON_SCHEMAS, MIG_OP_REVOKE_ON_SCHEMAS, REV_SAME, {0}},
	{MIG_OP_GRANT_ON_TABLES, MIG_OP_REVOKE_ON_TABLES, REV_SAME, {0}},
	{MIG_OP_CREATE_CAST, MIG_OP_DROP_CAST, REV_SAME, {0}},
	{MIG_OP_CREATE_OPERATOR, MIG_OP_DROP_OPERATOR, REV_SAME, {0}},
	{MIG_OP_CREATE_OPERATOR_FAMILY, MIG_OP_DROP_OPERATOR_FAMILY, REV_SAME, {0}},
	{MIG_OP_CREATE_OPERATOR_CLASS, MIG_OP_DROP_OPERATOR_CLASS, REV_PICK, {0, 2, 4, -1}},
	{MIG_OP_ADD_TO_OPERATOR_FAMILY, MIG_OP_REMOVE_FROM_OPERATOR_FAMILY, REV_SAME, {0}},
	{MIG_OP_RENAME_TABLE, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_COLUMN, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_CONSTRAINT, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_INDEX, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_TYPE, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_TYPE_ATTRIBUTE, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_TYPE_VALUE, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_SCHEMA, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_SEQUENCE, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_FUNCTION, MIG_OP_UNKNOWN, REV_SWAP_02, {0}},
	{MIG_OP_RENAME_TRIGGER, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_VIEW, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_MATERIALIZED_VIEW, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_MATERIALIZED_VIEW_COLUMN, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_DOMAIN, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_POLICY, MIG_OP_UNKNOWN, REV_SWAP_12, {0}},
	{MIG_OP_RENAME_ROLE, MIG_OP_UNKNOWN, REV_SWAP_01, {0}},
	{MIG_OP_RENAME_OPERATOR_FAMILY, MIG_OP_UNKNOWN, REV_SWAP_02, {0}},
	{MIG_OP_RENAME_OPERATOR_CLASS, MIG_OP_UNKNOWN, REV_SWAP_02, {0}},
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
	while (k < sizeof(inverses) / sizeof(inverses[0]) && (op->kind == MIG_OP_UNKNOWN || inverses[k].op != op->kind))
		k++;
	if (k == sizeof(inverses) / sizeof(inverses[0]))
		return mig_error_set(MIG_EIRREVERSIBLE,
				     "Impossible to automatically infer down migration for \"pgm.%s()\"", op->name);
	enum mig_op_kind kind = inverses[k].inverse != MIG_OP_UNKNOWN ? inverses[k].inverse : op->kind;
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
			kind = MIG_OP_DROP_TRIGGER_AND_FUNCTION;
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
	return mig_oplist_push(out, mig_op_kind_name(kind), args, op->line, op->column);
}
