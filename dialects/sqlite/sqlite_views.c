/*
 * Views, pgm.sql(), extensions and triggers.
 */
#include "dialects/sqlite/sqlite_emit.h"

#include "dialects/common/sqltext.h"
#include "dialects/common/values.h"

/* Other views (and triggers) whose text names `name`. */
static void view_dependents(sq *p, const char *name, mig_strv *views, mig_str *what)
{
	const mig_model *schema = mig__sq_schema(p);
	for (size_t i = 0; schema && i < schema->nviews && !p->rc; i++) {
		const mig_mview *v = &schema->views[i];
		if (ieq(v->name, name) || !mig__sq_sql_mentions(v->sql, name))
			continue;
		mig_str_printf(what, "%sview %s", what->len ? ", " : "", v->name);
		mig__sq_strv_add(p, views, v->name);
	}
	for (size_t i = 0; schema && i < schema->ntables && !p->rc; i++) {
		const mig_mtable *t = schema->tables[i];
		for (size_t k = 0; k < t->nobjs; k++) {
			const mig_mobject *o = &t->objs[k];
			if (strcmp(o->type, "trigger") == 0 && o->sql && mig__sq_sql_mentions(o->sql, name))
				mig_str_printf(what, "%strigger %s", what->len ? ", " : "", o->name);
		}
	}
}

static void e_createView(sq *p)
{
	const mig_create_view_def *d = &p->def->u.create_view;
	char *name = mig__sq_qname(p, &d->name, "the view name");
	mig_str cols = MIG_STR_INIT, def = MIG_STR_INIT, s = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (d->recursive)
		mig__sq_unsupported_option(p, "recursive", "write WITH RECURSIVE inside the view's query instead");
	if (d->check_option)
		mig__sq_notice(p, "%s: WITH CHECK OPTION skipped: SQLite views are read-only", p->op->name);
	for (size_t i = 0; i < d->options.n; i++)
		mig__sq_notice(p, "%s: view option %s skipped: SQLite views have no options", p->op->name, d->options.v[i].key);
	mig__sq_name_list(p, &cols, &d->columns, "a view column", NULL);
	mig_str_puts(&def, d->definition);
	/* node-pg-migrate appends ';' after the definition; one is enough */
	while (def.len && (mig_str_cstr(&def)[def.len - 1] == ';' || mig_str_cstr(&def)[def.len - 1] == ' ' ||
			   mig_str_cstr(&def)[def.len - 1] == '\n'))
		mig_str_truncate(&def, def.len - 1);
	if (p->rc)
		goto out;
	if (d->replace) {
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		mig__sq_quote_ident(&s, name);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig_str_puts(&s, d->temporary ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ");
	mig__sq_quote_ident(&s, name);
	if (cols.len)
		mig_str_printf(&s, " (%s)", mig_str_cstr(&cols));
	mig_str_printf(&s, " AS %s;", mig_str_cstr(&def));
	mig__sq_step(p, &s);
out:
	mig_str_free(&cols);
	mig_str_free(&def);
	mig_str_free(&s);
	mig__free(name);
}

static void e_dropView(sq *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	char *name = mig__sq_qname(p, &d->names.v[0], "the view name");
	mig_strv views = MIG_STRV_INIT;
	mig_str what = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (have_catalog(p))
		view_dependents(p, name, &views, &what);
	if (views.n && !d->cascade) {
		mig__sq_fail(p, MIG_ESQL, "%s: cannot drop view %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, name, mig_str_cstr(&what));
		goto out;
	}
	for (size_t i = 0; i < views.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		mig__sq_quote_ident(&s, views.v[i]);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
		mig__sq_notice(p, "%s: drop cascades to view %s", p->op->name, views.v[i]);
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_exists ? "DROP VIEW IF EXISTS " : "DROP VIEW ");
	mig__sq_quote_ident(&s, name);
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
out:
	mig_strv_free(&views);
	mig_str_free(&what);
	mig__free(name);
}

static void e_renameView(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = mig__sq_qname(p, &r->from, "the view name");
	char *to = mig__sq_qname(p, &r->to, "the new view name");
	mig_str sql = MIG_STR_INIT, stored = MIG_STR_INIT, what = MIG_STR_INIT, c = MIG_STR_INIT;
	mig_strv views = MIG_STRV_INIT;
	if (p->rc)
		goto out;
	const mig_mview *view = mig__sq_find_view(p, from);
	if (!view) {
		if (!p->rc)
			mig__sq_fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, from);
		goto out;
	}
	mig_str_puts(&stored, view->name);
	mig_str_puts(&sql, view->sql);
	view_dependents(p, mig_str_cstr(&stored), &views, &what);
	if (what.len) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s is not supported on SQLite for a view that other objects use (%s): SQLite cannot rewrite them; drop and recreate them around the rename",
		     p->op->name, mig_str_cstr(&what));
		goto out;
	}
	if (!mig__sq_rename_in_sql(p, mig_str_cstr(&sql), "VIEW", to, &c)) {
		if (!p->rc)
			mig__sq_fail(p, MIG_ERROR, "%s: cannot read the definition of view %s", p->op->name, from);
		goto out;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "DROP VIEW ");
	mig__sq_quote_ident(&s, mig_str_cstr(&stored));
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
	mig_str_putc(&c, ';');
	mig__sq_step(p, &c);
out:
	mig_str_free(&sql);
	mig_str_free(&stored);
	mig_str_free(&what);
	mig_str_free(&c);
	mig_strv_free(&views);
	mig__free(from);
	mig__free(to);
}

static void sq_string(mig_str *out, const char *s, size_t len)
{
	(void)len;
	mig__sq_quote_literal(out, s);
}

/* escapeValue() with SQLite literals: strings single-quoted (SQLite has
 * no dollar quoting), pg literals raw (a {literal: true} object came as
 * one, defs/base.h), arrays refused, other objects nothing. */
static const mig_value_style sq_style = {
	.true_word = "TRUE",
	.false_word = "FALSE",
	.string = sq_string,
	.arrays = false,
	.object_literals = false,
};

static void esc(sq *p, mig_str *out, const mig_value *v)
{
	if (mig_escape_value(out, v, &sq_style) == MIG_ENOTSUPPORTED)
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: an array argument is not supported on SQLite: SQLite has no arrays",
			     p->op->name);
}

static void sql_name(void *ud, mig_str *out, const mig_qname *n)
{
	sq *p = ud;
	if (n->raw) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: an argument given as pgm.func('%s') is not supported on SQLite: give the name as a string",
		     p->op->name, n->name);
		return;
	}
	if (n->schema && strcmp(n->schema, "public") != 0 && strcmp(n->schema, "main") != 0) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: schema \"%s\" is not supported on SQLite: SQLite has no schemas (only public/main)",
		     p->op->name, n->schema);
		return;
	}
	char *f = mig__sq_final_ident(p, n->name);
	if (f)
		mig__sq_quote_ident(out, f);
	mig__free(f);
}

static void sql_value(void *ud, mig_str *out, const mig_value *v)
{
	esc(ud, out, v);
}

/* pgm.sql(): user SQL, run statement by statement as the splitter finds them. */
int mig__sq_emit_sql(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	mig_strv none = MIG_STRV_INIT;
	sq p = {.ctx = ctx, .op = op, .def = def, .steps = &none, .rc = 0};
	mig_sql_render r = {.name = sql_name, .value = sql_value, .ud = &p};
	return mig_sql_user_step(&def->u.sql, &r, &p.rc, mig__sq_split, steps);
}

static void extension_notices(sq *p, const mig_texts *names)
{
	for (size_t i = 0; i < names->n && !p->rc; i++)
		mig__sq_notice(p, "%s \"%s\" skipped: SQLite has no extensions", p->op->name, names->v[i]);
}

static void e_createExtension(sq *p)
{
	extension_notices(p, &p->def->u.create_extension.texts);
}

static void e_dropExtension(sq *p)
{
	extension_notices(p, &p->def->u.drop.name_texts);
}

/* A trigger made with pgm.sql() can be dropped by name. */
static void e_dropTrigger(sq *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	char *table = mig__sq_qname(p, &d->target, "the table name");
	char *name = mig__sq_qname(p, &d->names.v[0], "the trigger name");
	if (d->cascade)
		mig__sq_notice(p, "%s: CASCADE skipped: nothing depends on a SQLite trigger", p->op->name);
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, d->if_exists ? "DROP TRIGGER IF EXISTS " : "DROP TRIGGER ");
		mig__sq_quote_ident(&s, name);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig__free(table);
	mig__free(name);
}

const mig_sq_emitter mig__sq_views[] = {
	{MIG_OP_CREATE_VIEW, e_createView},
	{MIG_OP_DROP_VIEW, e_dropView},
	{MIG_OP_RENAME_VIEW, e_renameView},
	{MIG_OP_CREATE_EXTENSION, e_createExtension},
	{MIG_OP_DROP_EXTENSION, e_dropExtension},
	{MIG_OP_DROP_TRIGGER, e_dropTrigger},
	{MIG_OP_UNKNOWN, NULL},
};
