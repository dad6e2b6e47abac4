#include "ir/ir.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* node-pg-migrate's aliases of MigrationBuilder operations; every other
 * API name is the canonical name of its kind (ir/op_kinds.h). */
static const struct {
	const char *api;
	enum mig_op_kind kind;
} aliases[] = {
	{"addColumn", MIG_OP_ADD_COLUMNS},       {"dropColumn", MIG_OP_DROP_COLUMNS},
	{"createConstraint", MIG_OP_ADD_CONSTRAINT}, {"addIndex", MIG_OP_CREATE_INDEX},
	{"addType", MIG_OP_CREATE_TYPE},         {"addExtension", MIG_OP_CREATE_EXTENSION},
};

static const char *const kind_names[MIG_OP__COUNT] = {
	[MIG_OP_UNKNOWN] = "unknown",
#define MIG_XX(id, name) [MIG_OP_##id] = #name,
	MIG_OP_MAP(MIG_XX)
#undef MIG_XX
};

const char *mig_op_kind_name(enum mig_op_kind kind)
{
	return (unsigned)kind < MIG_OP__COUNT ? kind_names[kind] : "unknown";
}

enum mig_op_kind mig_op_kind_from_name(const char *canonical)
{
	/* every operation of every file is looked up: the first letter
	 * rules out most names without a call */
	for (unsigned k = 1; k < MIG_OP__COUNT; k++)
		if (kind_names[k][0] == canonical[0] && strcmp(kind_names[k], canonical) == 0)
			return (enum mig_op_kind)k;
	return MIG_OP_UNKNOWN;
}

const char *mig_op_canonical_name(const char *api_name)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(aliases[i].api, api_name) == 0)
			return kind_names[aliases[i].kind];
	enum mig_op_kind k = mig_op_kind_from_name(api_name);
	/* internal kinds are not part of the API */
	return k == MIG_OP_UNKNOWN || k == MIG_OP_DROP_TRIGGER_AND_FUNCTION ? NULL : kind_names[k];
}

int mig_oplist_push(mig_oplist *l, const char *name, mig_value *args, int line, int column)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1; /* most files have one to three */
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
	op->kind = mig_op_kind_from_name(name);
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
	mig__free(m->down_path);
	mig__free(m->down_file);
	mig_oplist_free(&m->up);
	mig_oplist_free(&m->down);
	mig_value_free(m->shorthands);
	memset(m, 0, sizeof(*m));
}

mig_migration mig_migration_view(const mig_migration *m, bool down)
{
	mig_migration v = *m;
	if (down && m->down_path) {
		v.path = m->down_path;
		v.file = m->down_file;
	}
	return v;
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
		if (m->up_deferred)
			/* its up queries the database: node-pg-migrate's reverse
			 * mode refuses pgm.db */
			return mig_error_set_at(MIG_EIRREVERSIBLE, m->path, 0, 0,
						"Impossible to automatically infer down migration for \"db.query\": up() of %s queries the database (pgm.db); export a down function",
						m->name);
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

bool mig_migration_deferred(const mig_migration *m, bool down)
{
	if (!down)
		return m->up_kind == MIG_ACTION_FUNCTION && m->up_deferred;
	return m->down_kind == MIG_ACTION_FUNCTION && m->down_deferred;
}

bool mig_migration_no_transaction(const mig_migration *m, bool down)
{
	if (!down)
		return m->up_no_transaction;
	return m->down_kind == MIG_ACTION_INFER ? m->up_no_transaction : m->down_no_transaction;
}
