/*
 * Enum types: their values live in <migrations table>_enums (created with
 * the first enum, dropped with the last), every column of the type
 * carries a CHECK named "type:<name>", and changing the values rebuilds
 * the tables that use them.
 */
#include "dialects/sqlite/sqlite_emit.h"

#include "dialects/common/enums.h"

/* The tables that have a column of enum type `type`. */
static void enum_users(sq *p, const char *type, mig_strv *tables, mig_str *columns)
{
	mig_str want = MIG_STR_INIT;
	mig_str_printf(&want, TYPE_CHECK_PREFIX "%s", type);
	const mig_model *schema = mig__sq_schema(p);
	for (size_t i = 0; schema && i < schema->ntables && !p->rc; i++) {
		const mig_mtable *m = schema->tables[i];
		for (size_t k = 0; k < m->ncols; k++) {
			const mig_mcolumn *c = &m->cols[k];
			bool uses = false;
			for (size_t j = 0; j < c->parts.n; j++)
				uses = uses || (c->parts.v[j].name && strcmp(c->parts.v[j].name, mig_str_cstr(&want)) == 0);
			if (!uses)
				continue;
			if (!strv_has(tables, m->name))
				mig__sq_strv_add(p, tables, m->name);
			if (columns)
				mig_str_printf(columns, "%scolumn %s of table %s", columns->len ? ", " : "", c->name, m->name);
		}
	}
	mig_str_free(&want);
}

/*
 * Rebuild every table using enum `type`: its "type:" checks get the
 * values `values` (and the name `rename_to` when given); when from/to are
 * given, stored values `from` become `to` in the copy.
 */
static void enum_rebuild_users(sq *p, const char *type, const mig_strv *values, const char *rename_to,
			       const char *from, const char *to)
{
	mig_strv tables = MIG_STRV_INIT;
	enum_users(p, type, &tables, NULL);
	mig_str want = MIG_STR_INIT;
	mig_str_printf(&want, TYPE_CHECK_PREFIX "%s", type);
	sqtype st;
	memset(&st, 0, sizeof(st));
	st.ck = CK_ENUM;
	st.values = *values;
	for (size_t i = 0; i < tables.n && !p->rc; i++) {
		mig_mtable m;
		if (!mig__sq_need_model(p, tables.v[i], &m)) {
			mig_mtable_dispose(&m);
			break;
		}
		for (size_t k = 0; k < m.ncols && !p->rc; k++) {
			mig_mcolumn *c = &m.cols[k];
			for (size_t j = 0; j < c->parts.n; j++) {
				mig_part *g = &c->parts.v[j];
				if (!g->name || strcmp(g->name, mig_str_cstr(&want)) != 0)
					continue;
				mig_str b = MIG_STR_INIT;
				mig__sq_type_check_body(&b, &st, c->name);
				mig__free(g->body);
				g->body = mig__sq_detach_or_fail(p, &b);
				if (rename_to) {
					mig_str n = MIG_STR_INIT;
					mig_str_printf(&n, TYPE_CHECK_PREFIX "%s", rename_to);
					mig__free(g->name);
					g->name = mig__sq_detach_or_fail(p, &n);
				}
				if (from && c->src) {
					mig_str e = MIG_STR_INIT;
					mig_str_printf(&e, "CASE WHEN %s = ", c->src);
					mig__sq_quote_literal(&e, from);
					mig_str_puts(&e, " THEN ");
					mig__sq_quote_literal(&e, to);
					mig_str_printf(&e, " ELSE %s END", c->src);
					mig__free(c->src);
					c->src = mig__sq_detach_or_fail(p, &e);
				}
				break;
			}
		}
		mig__sq_rebuild(p, &m, NULL);
		mig_mtable_dispose(&m);
	}
	mig_str_free(&want);
	mig_strv_free(&tables);
}

/* The enum table's name, quoted, into s. */
static void enum_table(sq *p, mig_str *s)
{
	mig_str name = MIG_STR_INIT;
	mig__sq_enum_table(p->ctx->names, &name);
	mig__sq_quote_ident(s, mig_str_cstr(&name));
	if (mig_str_failed(&name))
		mig__sq_oom(p);
	mig_str_free(&name);
}

/* The bookkeeping statements (dialects/common/enums.h) for this run;
 * table holds the quoted name. */
static mig_enum_sql enum_sql(sq *p, mig_str *table)
{
	enum_table(p, table);
	return (mig_enum_sql){.table = mig_str_cstr(table),
			      .literal = mig__sq_quote_literal,
			      .text_type = "TEXT",
			      .int_type = "INTEGER",
			      .tail = ""};
}

/* A finished statement (nothing when empty) as a step. */
static void enum_step(sq *p, mig_str *s)
{
	if (!s->len && !mig_str_failed(s))
		return;
	mig_str_putc(s, ';');
	mig__sq_step(p, s);
}

static void enum_table_create(sq *p)
{
	mig_str t = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_enum_sql e = enum_sql(p, &t);
	mig_enum_create(&e, &s);
	enum_step(p, &s);
	mig_str_free(&t);
}

/* Replace the stored values of `type`. */
static void enum_store(sq *p, const char *type, const mig_strv *values, bool delete_first)
{
	mig_str t = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_enum_sql e = enum_sql(p, &t);
	if (delete_first) {
		mig_enum_delete(&e, type, &s);
		enum_step(p, &s);
	}
	mig_enum_insert(&e, type, values, &s);
	enum_step(p, &s);
	mig_str_free(&t);
}

static void e_createType(sq *p)
{
	const mig_create_type_def *def = &p->def->u.create_type;
	char *name = mig__sq_qname(p, &def->name, "the type name");
	mig_strv values = MIG_STRV_INIT, existing = MIG_STRV_INIT;
	if (p->rc)
		goto out;
	if (!def->is_enum) {
		mig__sq_unsupported(p, "SQLite has no composite types (use columns, or a json column)");
		goto out;
	}
	if (mig__sq_enum_values(p, name, &existing)) {
		mig__sq_fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, name);
		goto out;
	}
	for (size_t i = 0; i < def->labels.n && !p->rc; i++) {
		char *d = mig__sq_dup_or_fail(p, def->labels.v[i]);
		if (d && strv_has(&values, d))
			mig__sq_fail(p, MIG_ESQL, "%s: enum label \"%s\" used more than once", p->op->name, d);
		if (d && !p->rc)
			mig__sq_adopt(p, mig_strv_push(&values, d));
		else
			mig__free(d);
	}
	enum_table_create(p);
	enum_store(p, name, &values, false);
out:
	mig_strv_free(&values);
	mig_strv_free(&existing);
	mig__free(name);
}

/* The values of an enum that must exist (PostgreSQL's error otherwise). */
static bool need_enum(sq *p, const char *name, mig_strv *values)
{
	if (mig__sq_enum_values(p, name, values))
		return true;
	if (!p->rc)
		mig__sq_fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
	return false;
}

static void e_dropType(sq *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	char *name = mig__sq_qname(p, &d->names.v[0], "the type name");
	mig_strv values = MIG_STRV_INIT, tables = MIG_STRV_INIT;
	mig_str cols = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (!mig__sq_enum_values(p, name, &values)) {
		if (p->rc)
			goto out;
		if (d->if_exists)
			mig__sq_notice(p, "type \"%s\" does not exist, skipping", name);
		else
			mig__sq_fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
		goto out;
	}
	enum_users(p, name, &tables, &cols);
	if (tables.n) {
		if (d->cascade)
			mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s with cascade is not supported on SQLite while columns use the type (%s): drop those columns first",
			     p->op->name, mig_str_cstr(&cols));
		else
			mig__sq_fail(p, MIG_ESQL, "%s: cannot drop type %s because other objects depend on it: %s", p->op->name, name,
			     mig_str_cstr(&cols));
		goto out;
	}
	mig_strv none = MIG_STRV_INIT;
	enum_store(p, name, &none, true);
	/* the last enum takes its table along: a database rolled back to
	 * nothing holds nothing but the state table */
	const mig_model *schema = mig__sq_schema(p);
	if (!p->rc && schema && schema->nenums <= 1) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP TABLE ");
		enum_table(p, &s);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
out:
	mig_str_free(&cols);
	mig_strv_free(&values);
	mig_strv_free(&tables);
	mig__free(name);
}

static void e_renameType(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = mig__sq_qname(p, &r->from, "the type name");
	char *to = mig__sq_qname(p, &r->to, "the new type name");
	mig_strv values = MIG_STRV_INIT, other = MIG_STRV_INIT;
	if (p->rc || !need_enum(p, from, &values))
		goto out;
	if (mig__sq_enum_values(p, to, &other)) {
		mig__sq_fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, to);
		goto out;
	}
	mig_str t = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_enum_sql e = enum_sql(p, &t);
	mig_enum_rename_type(&e, from, to, &s);
	enum_step(p, &s);
	mig_str_free(&t);
	enum_rebuild_users(p, from, &values, to, NULL, NULL);
out:
	mig_strv_free(&values);
	mig_strv_free(&other);
	mig__free(from);
	mig__free(to);
}

static void e_addTypeValue(sq *p)
{
	const mig_add_type_value_def *d = &p->def->u.add_type_value;
	char *name = mig__sq_qname(p, &d->type, "the type name");
	mig_strv values = MIG_STRV_INIT;
	if (p->rc)
		goto out;
	/* given, not only truthy (as the analysis tests them) */
	if (d->before_text && d->after_text) {
		mig__sq_fail(p, MIG_EINPUT, "\"before\" and \"after\" can't be specified together");
		goto out;
	}
	if (!need_enum(p, name, &values))
		goto out;
	const char *v = d->value_text;
	size_t at = 0;
	switch (mig_enum_place(&values, v, d->before_text, d->after_text, &at)) {
	case MIG_ENUM_EXISTS:
		if (d->if_not_exists)
			mig__sq_notice(p, "enum label \"%s\" already exists, skipping", v);
		else
			mig__sq_fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, v);
		goto out;
	case MIG_ENUM_MISSING:
		mig__sq_fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name,
			     d->before_text ? d->before_text : d->after_text);
		goto out;
	case MIG_ENUM_OK:
		break;
	}
	if ((p->rc = mig_enum_insert_at(&values, v, at)) != 0)
		goto out;
	enum_store(p, name, &values, true);
	enum_rebuild_users(p, name, &values, NULL, NULL, NULL);
out:
	mig_strv_free(&values);
	mig__free(name);
}

static void e_renameTypeValue(sq *p)
{
	const mig_rename_type_value_def *d = &p->def->u.rename_type_value;
	char *name = mig__sq_qname(p, &d->type, "the type name");
	mig_strv values = MIG_STRV_INIT;
	if (p->rc || !need_enum(p, name, &values))
		goto out;
	const char *from = d->from_text, *to = d->to_text;
	size_t at = 0;
	switch (mig_enum_renamable(&values, from, to, &at)) {
	case MIG_ENUM_MISSING:
		mig__sq_fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name, from);
		goto out;
	case MIG_ENUM_EXISTS:
		mig__sq_fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, to);
		goto out;
	case MIG_ENUM_OK:
		break;
	}
	char *dv = mig__sq_dup_or_fail(p, to);
	if (!dv)
		goto out;
	mig__free(values.v[at]);
	values.v[at] = dv;
	mig_str t = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_enum_sql e = enum_sql(p, &t);
	mig_enum_rename_value(&e, name, from, to, &s);
	enum_step(p, &s);
	mig_str_free(&t);
	enum_rebuild_users(p, name, &values, NULL, from, to);
out:
	mig_strv_free(&values);
	mig__free(name);
}

const mig_sq_emitter mig__sq_enums[] = {
	{MIG_OP_CREATE_TYPE, e_createType},
	{MIG_OP_DROP_TYPE, e_dropType},
	{MIG_OP_RENAME_TYPE, e_renameType},
	{MIG_OP_ADD_TYPE_VALUE, e_addTypeValue},
	{MIG_OP_RENAME_TYPE_VALUE, e_renameTypeValue},
	{MIG_OP_UNKNOWN, NULL},
};
