/*
 * The recorder's record -> the IR, with the static reader's own
 * constructors and rules (canonical names, the action kinds, the
 * shorthands check), so that everything after loading -- analysis,
 * emitting, auto-down, dry runs, bookkeeping -- cannot tell which engine
 * read a file.
 */
#include "load/node/node_int.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

static int malformed(const mig_migration *m, const char *what)
{
	return mig_error_set_at(MIG_EINPUT, m->path, 0, 0, "Node.js engine: malformed record from the recorder (%s)", what);
}

static int as_int(const mig_value *v)
{
	return v && v->type == MIG_V_NUMBER && v->num >= 0 && v->num < 1e9 ? (int)v->num : 0;
}

int mig__node_ops(const mig_migration *m, const char *dir, const mig_value *d, mig_oplist *ops, bool *no_tx)
{
	const mig_value *list = mig_object_get(d, "ops");
	if (!list || list->type != MIG_V_ARRAY)
		return malformed(m, "ops");
	*no_tx = mig_object_truthy(d, "noTransaction");
	for (size_t i = 0; i < list->n; i++) {
		const mig_value *op = list->items[i];
		if (op->type != MIG_V_ARRAY || op->n != 4 || !mig_value_str(op->items[0]) ||
		    op->items[1]->type != MIG_V_ARRAY)
			return malformed(m, "an operation");
		const char *name = op->items[0]->str;
		int line = as_int(op->items[2]), col = as_int(op->items[3]);
		const char *canonical = mig_op_canonical_name(name);
		if (!canonical)
			return mig_error_set_at(MIG_EINPUT, m->path, line, col,
						"unknown operation `pgm.%s()` in %s(): node-pg-migrate's MigrationBuilder has no such method",
						name, dir);
		mig_value *args = mig_value_clone(op->items[1]);
		if (!args)
			return mig_error_oom();
		mig__node_json_stamp(args, line, col);
		int rc = mig_oplist_push(ops, canonical, args, line, col);
		if (rc)
			return rc;
	}
	return 0;
}

static enum mig_action_kind kind_of(const mig_value *d, bool *ok)
{
	const char *k = mig_object_str(d, "kind");
	*ok = true;
	if (k && strcmp(k, "function") == 0)
		return MIG_ACTION_FUNCTION;
	if (k && strcmp(k, "infer") == 0)
		return MIG_ACTION_INFER;
	if (k && strcmp(k, "false") == 0)
		return MIG_ACTION_DISABLED;
	*ok = k && strcmp(k, "invalid") == 0;
	return MIG_ACTION_INVALID;
}

static int apply(mig_migration *m, const mig_value *msg)
{
	const mig_value *up = mig_object_get(msg, "up"), *down = mig_object_get(msg, "down");
	if (!up || up->type != MIG_V_OBJECT || !down || down->type != MIG_V_OBJECT)
		return malformed(m, "up/down");
	bool ok1, ok2;
	m->up_kind = kind_of(up, &ok1);
	m->down_kind = kind_of(down, &ok2);
	if (!ok1 || !ok2 || m->up_kind == MIG_ACTION_INFER)
		return malformed(m, "kind");
	const mig_value *sh = mig_object_get(msg, "shorthands");
	if (sh && sh->type != MIG_V_OBJECT && sh->type != MIG_V_NULL)
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"the shorthands export must be an object of column definitions, not %s",
					mig_value_type_name(sh));
	if (sh && sh->type == MIG_V_OBJECT && !(m->shorthands = mig_value_clone(sh)))
		return mig_error_oom();
	int rc = 0;
	if (m->up_kind == MIG_ACTION_FUNCTION) {
		m->up_deferred = mig_object_truthy(up, "deferred");
		m->up_no_transaction = mig_object_truthy(up, "noTransaction");
		if (!m->up_deferred)
			rc = mig__node_ops(m, "up", up, &m->up, &m->up_no_transaction);
	}
	if (rc == 0 && m->down_kind == MIG_ACTION_FUNCTION) {
		m->down_deferred = mig_object_truthy(down, "deferred");
		m->down_no_transaction = mig_object_truthy(down, "noTransaction");
		if (!m->down_deferred)
			rc = mig__node_ops(m, "down", down, &m->down, &m->down_no_transaction);
	}
	return rc;
}

int mig__node_error(const mig_migration *m, const mig_value *msg)
{
	const char *text = mig_object_str(msg, "message");
	const char *phase = mig_object_str(msg, "phase");
	const char *file = mig_object_str(msg, "file");
	const mig_value *line = mig_object_get(msg, "line"), *col = mig_object_get(msg, "column");
	/* the file as the user named it when the error is in it */
	const char *where = m->path;
	bool other = false;
	if (file && m->path) {
		const char *base = strrchr(file, '/');
		base = base ? base + 1 : file;
		other = strcmp(base, m->file ? m->file : "") != 0;
		if (other)
			where = file;
	}
	char ctx[64] = "";
	if (phase && (strcmp(phase, "up") == 0 || strcmp(phase, "down") == 0))
		snprintf(ctx, sizeof(ctx), " in %s()", phase);
	else if (phase && strcmp(phase, "import") == 0)
		snprintf(ctx, sizeof(ctx), " while importing it");
	int rc;
	if (other)
		rc = mig_error_set_at(MIG_EINPUT, where, file ? as_int(line) : 0, file ? as_int(col) : 0,
				      "Node.js: %s (evaluating %s%s)", text ? text : "failed", m->path, ctx);
	else
		rc = mig_error_set_at(MIG_EINPUT, where, file ? as_int(line) : 0, file ? as_int(col) : 0,
				      "Node.js: %s%s", text ? text : "failed", ctx);
	return rc;
}

int mig__node_load_json(mig_migration *m, const char *json, size_t len)
{
	mig_value *msg = NULL;
	int rc = mig__node_json_parse(json, len, 0, 0, &msg);
	if (rc) {
		mig_error_set_location(m->path, 0, 0);
		return rc;
	}
	const char *t = mig_object_str(msg, "t");
	if (t && strcmp(t, "error") == 0)
		rc = mig__node_error(m, msg);
	else if (t && strcmp(t, "result") == 0)
		rc = apply(m, msg);
	else
		rc = malformed(m, "message type");
	mig_value_free(msg);
	if (rc == 0) {
		m->source = MIG_SOURCE_JS;
		m->node = true;
	} else {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
		mig_value_free(m->shorthands);
		m->shorthands = NULL;
		m->up_kind = m->down_kind = MIG_ACTION_INVALID;
		m->up_no_transaction = m->down_no_transaction = false;
		m->up_deferred = m->down_deferred = false;
	}
	return rc;
}
