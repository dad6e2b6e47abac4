/*
 * The analysis of createIndex, dropIndex and renameIndex (see
 * analyze.h), after node-pg-migrate's src/operations/indexes.ts.
 */
#include "ir/analyze/analyze.h"

#include "util/error.h"

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

/* generateColumnString(): the schemalized text is quoted when it is a
 * plain word, else pasted as SQL (parenthesised unless it ends with one). */
static void index_column(mig_an *a, const mig_value *col, mig_qname *out)
{
	if (a->rc)
		return;
	if (col && col->type == MIG_V_LITERAL) {
		out->raw = true;
		out->name = mig__an_strdup(a, col->str);
		return;
	}
	mig_str s = MIG_STR_INIT;
	int rc = mig_schemalize(&s, col, a->ctx->decamelize, a->op->name, "an index column");
	if (rc) {
		mig_str_free(&s);
		mig__an_adopt(a, rc);
		return;
	}
	const char *n = mig_str_cstr(&s);
	if (!has_non_word(n)) {
		/* literal() decamelizes what schemalize() already did: harmless
		 * twice, and node-pg-migrate does both */
		mig__an_ident(a, n, out);
	} else {
		out->raw = true;
		out->name = s.len && n[s.len - 1] == ')' ? mig__an_strdup(a, n) : mig__an_printf(a, "(%s)", n);
	}
	mig_str_free(&s);
}

/* generateColumnsString(): strings, pgm.func() and {name, opclass, sort}. */
static void index_columns(mig_an *a, const mig_value *cols, mig_create_index_def *d)
{
	size_t n = mig_js_len(cols);
	if (!(d->columns = mig__an_alloc(a, n, sizeof(*d->columns))))
		return;
	for (size_t i = 0; i < n && !a->rc; i++) {
		const mig_value *c = mig_js_at(cols, i);
		mig_index_column_def *col = &d->columns[d->ncolumns++];
		if (c && (c->type == MIG_V_STRING || c->type == MIG_V_LITERAL)) {
			index_column(a, c, &col->column);
			continue;
		}
		if (!c || c->type != MIG_V_OBJECT) {
			mig__an_fail(a, "%s: an index column must be a string, {name, opclass, sort} or pgm.func(), not %s",
				     a->op->name, mig_value_type_name(c));
			return;
		}
		index_column(a, mig__an_opt(c, "name"), &col->column);
		if (mig__an_truthy(c, "opclass")) {
			col->opclass = mig__an_new_name(a, mig__an_opt(c, "opclass"), "the operator class");
			col->opclass_text = mig__an_string(a, mig__an_opt(c, "opclass"));
		}
		const mig_value *sort = mig__an_opt(c, "sort");
		if (sort && sort->type == MIG_V_STRING && sort->len)
			col->sort = mig__an_strdup(a, sort->str);
	}
}

/* generateIndexName(table, columns, options), then literal() of it. */
static void index_name(mig_an *a, const mig_value *table, const mig_value *cols, const mig_value *o, mig_qname *out)
{
	if (a->rc)
		return;
	mig_value *name = mig_index_name(table, cols, o, a->ctx->decamelize, a->op->name);
	if (!name) {
		mig__an_adopt(a, mig_error_code(MIG_ENOMEM));
		return;
	}
	mig__an_name(a, name, "the index name", out);
	mig_value_free(name);
}

static void a_createIndex(mig_an *a)
{
	mig_create_index_def *d = &a->def->u.create_index;
	const mig_value *table = mig__an_arg(a, 0), *cols = mig__an_arg(a, 1);
	const mig_value *o = mig__an_options(a, 2, false);
	if (a->rc)
		return;
	const mig_value *nulls = mig__an_opt(o, "nulls");
	d->unique = mig__an_truthy(o, "unique");
	if (mig_value_truthy(nulls) && !d->unique) {
		mig__an_fail(a, "The \"nulls\" option can only be used with unique indexes.");
		return;
	}
	index_name(a, mig_is_name_object(table) ? mig_object_get(table, "name") : table, cols, o, &d->name);
	index_columns(a, cols, d);
	d->concurrently = mig__an_truthy(o, "concurrently");
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	mig__an_name(a, table, "the table name", &d->table);
	d->method = mig__an_text_if(a, o, "method");
	if (mig__an_truthy(o, "include") && (d->include = mig__an_alloc(a, 1, sizeof(*d->include))))
		mig__an_names(a, mig__an_opt(o, "include"), "an included column", d->include);
	if (mig_value_truthy(nulls) && !a->rc) {
		if (nulls->type != MIG_V_STRING) {
			/* node-pg-migrate calls nulls.toUpperCase() */
			mig__an_fail(a, "%s: \"nulls\" must be 'distinct' or 'not distinct', not %s", a->op->name,
				     mig_value_type_name(nulls));
			return;
		}
		char *up = mig__an_alloc(a, nulls->len + 1, 1);
		if (!up)
			return;
		for (size_t i = 0; i < nulls->len; i++) {
			char c = nulls->str[i];
			up[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
		}
		d->nulls = up;
	}
	d->where = mig__an_text_if(a, o, "where");
}

static void a_dropIndex(mig_an *a)
{
	mig_drop_index_def *d = &a->def->u.drop_index;
	const mig_value *o = mig__an_options(a, 2, false);
	d->concurrently = mig__an_truthy(o, "concurrently");
	d->if_exists = mig__an_truthy(o, "ifExists");
	index_name(a, mig__an_arg(a, 0), mig__an_arg(a, 1), o, &d->name);
	d->cascade = mig__an_truthy(o, "cascade");
	d->method = mig__an_text_if(a, o, "method");
}

static void a_renameIndex(mig_an *a)
{
	mig__an_rename2(a, "the index name");
}

const mig_analyzer mig__analyze_indexes[] = {
	{MIG_OP_CREATE_INDEX, a_createIndex},
	{MIG_OP_DROP_INDEX, a_dropIndex},
	{MIG_OP_RENAME_INDEX, a_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
