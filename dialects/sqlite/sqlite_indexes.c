/*
 * Indexes.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* Whether s has a character outside [A-Za-z0-9_".] (/[^\w".]/). */
static bool has_non_word(const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '"' || c == '.'))
			return true;
	}
	return false;
}

/* generateColumnString(): a name is quoted, an expression kept as is
 * (parenthesised unless it already ends with one). */
static void index_column(sq *p, mig_str *out, const mig_value *col)
{
	if (col && col->type == MIG_V_LITERAL) {
		mig_str_put(out, col->str, col->len);
		return;
	}
	mig_str name = MIG_STR_INIT;
	if (!p->rc)
		mig__sq_adopt(p, mig_schemalize(&name, col, p->ctx->decamelize, p->op->name, "an index column"));
	const char *n = mig_str_cstr(&name);
	if (!has_non_word(n)) {
		char *f = mig__sq_final_ident(p, n);
		if (f)
			mig__sq_quote_ident(out, f);
		mig__free(f);
	} else if (name.len && n[name.len - 1] == ')') {
		mig_str_puts(out, n);
	} else {
		mig_str_printf(out, "(%s)", n);
	}
	mig_str_free(&name);
}

static void index_columns(sq *p, mig_str *out, const mig_value *cols)
{
	for (size_t i = 0; i < mig_js_len(cols) && !p->rc; i++) {
		const mig_value *c = mig_js_at(cols, i);
		if (i)
			mig_str_puts(out, ", ");
		if (is_str(c) || (c && c->type == MIG_V_LITERAL)) {
			index_column(p, out, c);
			continue;
		}
		if (!c || c->type != MIG_V_OBJECT) {
			mig__sq_fail(p, MIG_EINPUT, "%s: an index column must be a string, {name, opclass, sort} or pgm.func(), not %s",
			     p->op->name, mig_value_type_name(c));
			return;
		}
		index_column(p, out, O(c, "name"));
		if (T(c, "opclass")) {
			mig_str oc = MIG_STR_INIT;
			mig_js_string(&oc, O(c, "opclass"));
			mig__sq_notice(p, "%s: operator class %s skipped: SQLite has no operator classes", p->op->name,
			       mig_str_cstr(&oc));
			mig_str_free(&oc);
		}
		const mig_value *sort = O(c, "sort");
		if (is_str(sort) && sort->len) {
			mig_str_putc(out, ' ');
			mig_str_puts(out, sort->str);
		}
	}
}

/* generateIndexName() as the final identifier. */
static char *index_name(sq *p, const mig_value *table, const mig_value *cols, const mig_value *o)
{
	if (p->rc)
		return NULL;
	mig_value *name = mig_index_name(table, cols, o, p->ctx->decamelize, p->op->name);
	if (!name) {
		mig__sq_adopt(p, mig_error_last() ? mig_error_last()->code : MIG_ENOMEM);
		return NULL;
	}
	char *r = mig__sq_name_of(p, name, "the index name");
	mig_value_free(name);
	return r;
}

static void index_hints(sq *p, const mig_value *o)
{
	if (T(o, "concurrently"))
		mig__sq_notice(p, "%s: CONCURRENTLY skipped: SQLite builds indexes under its write lock", p->op->name);
	const mig_value *method = O(o, "method");
	if (mig_value_truthy(method)) {
		mig_str m = MIG_STR_INIT;
		mig_js_string(&m, method);
		if (!ieq(mig_str_cstr(&m), "btree"))
			mig__sq_notice(p, "%s: index method %s skipped: SQLite indexes are B-trees", p->op->name, mig_str_cstr(&m));
		mig_str_free(&m);
	}
}

static void e_createIndex(sq *p)
{
	const mig_value *table = A(p, 0), *cols = A(p, 1);
	const mig_value *o = mig__sq_opts(p, 2, false);
	if (p->rc)
		return;
	const mig_value *nulls = O(o, "nulls");
	if (mig_value_truthy(nulls) && !T(o, "unique")) {
		mig__sq_fail(p, MIG_EINPUT, "The \"nulls\" option can only be used with unique indexes.");
		return;
	}
	if (mig_value_truthy(nulls)) {
		mig_str n = MIG_STR_INIT;
		mig_js_string(&n, nulls);
		if (!ieq(mig_str_cstr(&n), "distinct"))
			mig__sq_unsupported_option(p, "nulls: 'not distinct'", "SQLite unique indexes always treat NULLs as distinct");
		mig_str_free(&n);
	}
	char *name = index_name(p, mig_is_name_object(table) ? mig_object_get(table, "name") : table, cols, o);
	char *tname = mig__sq_name_of(p, table, "the table name");
	mig_str colstr = MIG_STR_INIT, s = MIG_STR_INIT;
	index_columns(p, &colstr, cols);
	index_hints(p, o);
	if (T(o, "include"))
		mig__sq_notice(p, "%s: INCLUDE columns skipped: SQLite has no covering-index clause", p->op->name);
	if (!p->rc) {
		mig_str_puts(&s, T(o, "unique") ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
		if (T(o, "ifNotExists"))
			mig_str_puts(&s, "IF NOT EXISTS ");
		mig__sq_quote_ident(&s, name);
		mig_str_puts(&s, " ON ");
		mig__sq_quote_ident(&s, tname);
		mig_str_printf(&s, " (%s)", mig_str_cstr(&colstr));
		if (T(o, "where")) {
			mig_str_puts(&s, " WHERE ");
			mig_js_string(&s, O(o, "where"));
		}
		mig_str_putc(&s, ';');
	}
	mig__sq_step(p, &s);
	mig_str_free(&colstr);
	mig__free(name);
	mig__free(tname);
}

static void e_dropIndex(sq *p)
{
	const mig_value *o = mig__sq_opts(p, 2, false);
	char *name = index_name(p, A(p, 0), A(p, 1), o);
	index_hints(p, o);
	if (T(o, "cascade"))
		mig__sq_notice(p, "%s: CASCADE skipped: SQLite indexes have no dependent objects", p->op->name);
	mig_str s = MIG_STR_INIT;
	if (!p->rc) {
		mig_str_puts(&s, T(o, "ifExists") ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
		mig__sq_quote_ident(&s, name);
		mig_str_putc(&s, ';');
	}
	mig__sq_step(p, &s);
	mig__free(name);
}

static void e_renameIndex(sq *p)
{
	char *from = mig__sq_name_of(p, A(p, 0), "the index name");
	char *to = mig__sq_name_of(p, A(p, 1), "the new index name");
	if (!p->rc) {
		const mig_model *schema = mig__sq_schema(p);
		mig_mobject *ix = NULL;
		if (schema && !mig_model_table_of(schema, "index", from, &ix)) {
			if (!p->rc)
				mig__sq_fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, from);
		} else if (ix && !ix->sql) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s is not supported on SQLite for %s: it is the index SQLite made for a UNIQUE or PRIMARY KEY constraint",
			     p->op->name, ix->name);
		} else if (ix) {
			mig__sq_rename_index(p, ix->name, ix->sql, to);
		}
	}
	mig__free(from);
	mig__free(to);
}

const mig_sq_emitter mig__sq_indexes[] = {
	{MIG_OP_CREATE_INDEX, e_createIndex},
	{MIG_OP_DROP_INDEX, e_dropIndex},
	{MIG_OP_RENAME_INDEX, e_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
