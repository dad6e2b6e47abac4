#include "ir/ir.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* Every MigrationBuilder operation of node-pg-migrate 9.0.0, with its
 * aliases mapped to the canonical name the dialects implement. */
static const struct {
	const char *api;
	const char *canonical;
} op_names[] = {
	{"createTable", "createTable"},
	{"dropTable", "dropTable"},
	{"renameTable", "renameTable"},
	{"alterTable", "alterTable"},
	{"addColumns", "addColumns"},
	{"addColumn", "addColumns"},
	{"dropColumns", "dropColumns"},
	{"dropColumn", "dropColumns"},
	{"renameColumn", "renameColumn"},
	{"alterColumn", "alterColumn"},
	{"addConstraint", "addConstraint"},
	{"createConstraint", "addConstraint"},
	{"dropConstraint", "dropConstraint"},
	{"renameConstraint", "renameConstraint"},
	{"createIndex", "createIndex"},
	{"addIndex", "createIndex"},
	{"dropIndex", "dropIndex"},
	{"renameIndex", "renameIndex"},
	{"createType", "createType"},
	{"addType", "createType"},
	{"dropType", "dropType"},
	{"renameType", "renameType"},
	{"addTypeAttribute", "addTypeAttribute"},
	{"dropTypeAttribute", "dropTypeAttribute"},
	{"setTypeAttribute", "setTypeAttribute"},
	{"renameTypeAttribute", "renameTypeAttribute"},
	{"addTypeValue", "addTypeValue"},
	{"renameTypeValue", "renameTypeValue"},
	{"createExtension", "createExtension"},
	{"addExtension", "createExtension"},
	{"dropExtension", "dropExtension"},
	{"createSchema", "createSchema"},
	{"dropSchema", "dropSchema"},
	{"renameSchema", "renameSchema"},
	{"createSequence", "createSequence"},
	{"alterSequence", "alterSequence"},
	{"dropSequence", "dropSequence"},
	{"renameSequence", "renameSequence"},
	{"createFunction", "createFunction"},
	{"dropFunction", "dropFunction"},
	{"renameFunction", "renameFunction"},
	{"createTrigger", "createTrigger"},
	{"dropTrigger", "dropTrigger"},
	{"renameTrigger", "renameTrigger"},
	{"createView", "createView"},
	{"alterView", "alterView"},
	{"alterViewColumn", "alterViewColumn"},
	{"dropView", "dropView"},
	{"renameView", "renameView"},
	{"createMaterializedView", "createMaterializedView"},
	{"alterMaterializedView", "alterMaterializedView"},
	{"refreshMaterializedView", "refreshMaterializedView"},
	{"renameMaterializedView", "renameMaterializedView"},
	{"renameMaterializedViewColumn", "renameMaterializedViewColumn"},
	{"dropMaterializedView", "dropMaterializedView"},
	{"createDomain", "createDomain"},
	{"alterDomain", "alterDomain"},
	{"dropDomain", "dropDomain"},
	{"renameDomain", "renameDomain"},
	{"createPolicy", "createPolicy"},
	{"alterPolicy", "alterPolicy"},
	{"dropPolicy", "dropPolicy"},
	{"renamePolicy", "renamePolicy"},
	{"createRole", "createRole"},
	{"alterRole", "alterRole"},
	{"dropRole", "dropRole"},
	{"renameRole", "renameRole"},
	{"grantRoles", "grantRoles"},
	{"revokeRoles", "revokeRoles"},
	{"grantOnSchemas", "grantOnSchemas"},
	{"revokeOnSchemas", "revokeOnSchemas"},
	{"grantOnTables", "grantOnTables"},
	{"revokeOnTables", "revokeOnTables"},
	{"createCast", "createCast"},
	{"dropCast", "dropCast"},
	{"createOperator", "createOperator"},
	{"dropOperator", "dropOperator"},
	{"createOperatorFamily", "createOperatorFamily"},
	{"dropOperatorFamily", "dropOperatorFamily"},
	{"renameOperatorFamily", "renameOperatorFamily"},
	{"createOperatorClass", "createOperatorClass"},
	{"dropOperatorClass", "dropOperatorClass"},
	{"renameOperatorClass", "renameOperatorClass"},
	{"addToOperatorFamily", "addToOperatorFamily"},
	{"removeFromOperatorFamily", "removeFromOperatorFamily"},
	{"sql", "sql"},
};

const char *mig_op_canonical_name(const char *api_name)
{
	for (size_t i = 0; i < sizeof(op_names) / sizeof(op_names[0]); i++)
		if (strcmp(op_names[i].api, api_name) == 0)
			return op_names[i].canonical;
	return NULL;
}

int mig_oplist_push(mig_oplist *l, const char *name, mig_value *args, int line, int column)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		mig_op *ops = mig__realloc(l->ops, cap * sizeof(*ops));
		if (!ops) {
			mig_value_free(args);
			return mig_error_oom();
		}
		l->ops = ops;
		l->cap = cap;
	}
	char *n = mig_strdup(name);
	if (!n) {
		mig_value_free(args);
		return mig_error_oom();
	}
	mig_op *op = &l->ops[l->n++];
	memset(op, 0, sizeof(*op));
	op->name = n;
	op->args = args;
	op->line = line;
	op->column = column;
	return 0;
}

void mig_oplist_free(mig_oplist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		mig__free(l->ops[i].name);
		mig_value_free(l->ops[i].args);
	}
	mig__free(l->ops);
	l->ops = NULL;
	l->n = l->cap = 0;
}

const mig_value *mig_op_arg(const mig_op *op, size_t i)
{
	if (!op->args || op->args->type != MIG_V_ARRAY || i >= op->args->n)
		return NULL;
	return op->args->items[i];
}

void mig_migration_dispose(mig_migration *m)
{
	if (!m)
		return;
	mig__free(m->name);
	mig__free(m->path);
	mig__free(m->file);
	mig_oplist_free(&m->up);
	mig_oplist_free(&m->down);
	mig_value_free(m->shorthands);
	memset(m, 0, sizeof(*m));
}

static int copy_ops(const mig_oplist *from, mig_oplist *out)
{
	for (size_t i = 0; i < from->n; i++) {
		const mig_op *op = &from->ops[i];
		mig_value *args = mig_value_clone(op->args);
		if (op->args && !args)
			return MIG_ENOMEM;
		int rc = mig_oplist_push(out, op->name, args, op->line, op->column);
		if (rc)
			return rc;
		out->ops[out->n - 1].reverse_steps = op->reverse_steps;
	}
	return 0;
}

int mig_migration_ops(const mig_migration *m, bool down, mig_oplist *out)
{
	memset(out, 0, sizeof(*out));
	const char *dir = down ? "down" : "up";
	enum mig_action_kind kind = down ? m->down_kind : m->up_kind;
	int rc = 0;
	switch (kind) {
	case MIG_ACTION_DISABLED:
		return mig_error_set(MIG_EIRREVERSIBLE, "User has disabled %s migration on file: %s",
				     dir, m->name);
	case MIG_ACTION_INVALID:
		return mig_error_set(MIG_EINPUT,
				     "Unknown value for direction: %s. Is the migration %s exporting a '%s' function?",
				     dir, m->name, dir);
	case MIG_ACTION_FUNCTION:
		rc = copy_ops(down ? &m->down : &m->up, out);
		break;
	case MIG_ACTION_INFER: {
		/* node-pg-migrate replays up in reverse mode: the first operation
		 * without an inverse is the one it reports. So invert in file
		 * order, then lay the inverses out last op first; each op's own
		 * steps are reversed at emission, which together reverses the
		 * whole step list as node-pg-migrate does. */
		mig_oplist *inv = mig__calloc(m->up.n ? m->up.n : 1, sizeof(*inv));
		if (!inv)
			return mig_error_oom();
		for (size_t i = 0; i < m->up.n && rc == 0; i++) {
			rc = mig_op_reverse(&m->up.ops[i], &inv[i]);
			if (rc)
				mig_error_set_location(m->path, m->up.ops[i].line, m->up.ops[i].column);
		}
		for (size_t i = m->up.n; rc == 0 && i-- > 0;) {
			for (size_t k = 0; k < inv[i].n && rc == 0; k++) {
				mig_op *op = &inv[i].ops[k];
				rc = mig_oplist_push(out, op->name, op->args, op->line ? op->line : m->up.ops[i].line,
						     op->line ? op->column : m->up.ops[i].column);
				op->args = NULL; /* moved */
				if (rc == 0)
					out->ops[out->n - 1].reverse_steps = true;
			}
		}
		for (size_t i = 0; i < m->up.n; i++)
			mig_oplist_free(&inv[i]);
		mig__free(inv);
		break;
	}
	}
	if (rc)
		mig_oplist_free(out);
	return rc;
}

bool mig_migration_no_transaction(const mig_migration *m, bool down)
{
	if (!down)
		return m->up_no_transaction;
	return m->down_kind == MIG_ACTION_INFER ? m->up_no_transaction : m->down_no_transaction;
}
