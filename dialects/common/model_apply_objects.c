/* Typed operations on the model: indexes, triggers, enum types and views (model_apply_int.h). */
#define _POSIX_C_SOURCE 200809L
#include "dialects/common/model_apply_int.h"

#include "dialects/common/quote.h"

/* ---- indexes and triggers ------------------------------------------------------ */

void mig__ma_create_index(mig_ma *a, const mig_create_index_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t) {
		if (ours(a, &d->table))
			skip(a, "an index on a table it does not know");
		return;
	}
	if (mig_model_table_of(a->m, "index", d->name.name, NULL)) {
		if (!d->if_not_exists)
			skip(a, "a second index of the same name");
		return;
	}
	mig_mobject *o = mig_mtable_add_obj(t, dup(a, "index"), dup(a, d->name.name), NULL);
	if (!o) {
		oom(a);
		return;
	}
	/* its definition is the engine's to spell; the structure is what
	 * the model compares */
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "%sINDEX %s ON %s", d->unique ? "UNIQUE " : "", d->name.name, t->name);
	o->sql = detach(a, &s);
	o->unique = d->unique;
	o->partial = d->where != NULL;
	for (size_t i = 0; i < d->ncolumns; i++)
		mig__ma_strv_add(a, &o->columns, d->columns[i].column.raw ? "(expr)" : d->columns[i].column.name);
}

void mig__ma_drop_index(mig_ma *a, const mig_drop_index_def *d)
{
	if (!ours(a, &d->name))
		return;
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(a->m, "index", d->name.name, &o);
	if (t)
		mig_mtable_remove_obj(t, o);
}

void mig__ma_rename_object(mig_ma *a, const char *type, const mig_rename_def *d)
{
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(a->m, type, d->from.name, &o);
	if (!t)
		return;
	char *n = dup(a, d->to.name);
	if (n) {
		mig__free(o->name);
		o->name = n;
		mig_model_names_changed(a->m);
	}
}

void mig__ma_create_trigger(mig_ma *a, const mig_trigger_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "TRIGGER %s %s %s ON %s", d->name.name, d->when ? d->when : "", d->operation ? d->operation : "",
		       t->name);
	if (!mig_mtable_add_obj(t, dup(a, "trigger"), dup(a, d->name.name), detach(a, &s)))
		oom(a);
}

void mig__ma_drop_triggers(mig_ma *a, const mig_drop_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t i = 0; t && i < d->names.n; i++) {
		mig_mobject *o = mig_mtable_obj(t, "trigger", d->names.v[i].name);
		if (o)
			mig_mtable_remove_obj(t, o);
	}
}

/* ---- types and views ------------------------------------------------------------- */

static void label(mig_ma *a, const mig_value *v, mig_strv *out)
{
	mig_str s = MIG_STR_INIT;
	mig_js_string(&s, v);
	char *d = detach(a, &s);
	if (d && mig_strv_push(out, d))
		oom(a);
}

void mig__ma_create_type(mig_ma *a, const mig_create_type_def *d)
{
	if (!d->is_enum || !ours(a, &d->name))
		return; /* composite types are not tables' business */
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; i < d->values.n; i++)
		label(a, d->values.v[i], &values);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->name.name, &values));
	mig_strv_free(&values);
}

/* Columns of type `from` (or its array) now read as type `to`. */
static void retype_columns(mig_ma *a, const char *from, const char *to)
{
	size_t n = strlen(from);
	for (size_t i = 0; i < a->m->ntables && ok(a); i++) {
		mig_mtable *t = a->m->tables[i];
		for (size_t k = 0; k < t->ncols && ok(a); k++) {
			mig_mcolumn *c = &t->cols[k];
			if (strncmp(c->type, from, n) != 0 || (c->type[n] && strcmp(c->type + n, "[]") != 0))
				continue;
			mig_str s = MIG_STR_INIT;
			mig_str_printf(&s, "%s%s", to, c->type + n);
			char *nt = detach(a, &s);
			if (nt) {
				mig__free(c->type);
				c->type = nt;
			}
		}
	}
}

void mig__ma_rename_type(mig_ma *a, const mig_rename_def *d)
{
	if (!ours(a, &d->from))
		return;
	const mig_menum *e = mig_model_enum(a->m, d->from.name);
	if (!e)
		return;
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; i < e->values.n; i++)
		mig__ma_strv_add(a, &values, e->values.v[i]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->to.name, &values));
	mig_strv_free(&values);
	if (ok(a)) {
		retype_columns(a, d->from.name, d->to.name);
		mig_model_drop_enum(a->m, d->from.name);
	}
}

void mig__ma_add_type_value(mig_ma *a, const mig_add_type_value_def *d)
{
	const mig_menum *e = ours(a, &d->type) ? mig_model_enum(a->m, d->type.name) : NULL;
	if (!e) {
		if (ours(a, &d->type))
			skip(a, "a value added to a type it does not know");
		return;
	}
	mig_strv one = MIG_STRV_INIT;
	label(a, d->value, &one);
	if (!ok(a) || has(&e->values, one.v[0]) || !ok(a)) {
		mig_strv_free(&one);
		return;
	}
	mig_strv neighbour = MIG_STRV_INIT;
	if (d->before || d->after)
		label(a, d->before ? d->before : d->after, &neighbour);
	mig_strv values = MIG_STRV_INIT;
	bool placed = false;
	for (size_t i = 0; i < e->values.n && ok(a); i++) {
		bool here = neighbour.n && strcmp(e->values.v[i], neighbour.v[0]) == 0;
		if (here && d->before) {
			mig__ma_strv_add(a, &values, one.v[0]);
			placed = true;
		}
		mig__ma_strv_add(a, &values, e->values.v[i]);
		if (here && d->after) {
			mig__ma_strv_add(a, &values, one.v[0]);
			placed = true;
		}
	}
	if (!placed)
		mig__ma_strv_add(a, &values, one.v[0]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->type.name, &values));
	mig_strv_free(&values);
	mig_strv_free(&neighbour);
	mig_strv_free(&one);
}

/* A default of label `from` on a column of the type now reads as `to`
 * (PostgreSQL's 'from'::type, MySQL's 'from'): the engines store the
 * label, not its text. */
static void rename_default_label(mig_ma *a, const char *type, const char *from, const char *to)
{
	mig_str want = MIG_STR_INIT;
	mig_str_puts(&want, "DEFAULT ");
	mig_quote_ansi_literal(&want, from);
	size_t n = mig_str_len(&want);
	for (size_t i = 0; i < a->m->ntables && ok(a); i++) {
		mig_mtable *t = a->m->tables[i];
		for (size_t k = 0; k < t->ncols && ok(a); k++) {
			mig_mcolumn *c = &t->cols[k];
			mig_part *g = NULL;
			for (size_t j = 0; j < c->parts.n && !g; j++)
				if (c->parts.v[j].kind == MIG_PART_DEFAULT)
					g = &c->parts.v[j];
			if (!mig_model_ieq(c->type, type) || !g || !g->body || strncmp(g->body, mig_str_cstr(&want), n) != 0 ||
			    (g->body[n] && strncmp(g->body + n, "::", 2) != 0))
				continue;
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "DEFAULT ");
			mig_quote_ansi_literal(&b, to);
			mig_str_puts(&b, g->body + n);
			char *nb = detach(a, &b);
			if (nb) {
				mig__free(g->body);
				g->body = nb;
			}
		}
	}
	if (mig_str_failed(&want))
		oom(a);
	mig_str_free(&want);
}

void mig__ma_rename_type_value(mig_ma *a, const mig_rename_type_value_def *d)
{
	const mig_menum *e = ours(a, &d->type) ? mig_model_enum(a->m, d->type.name) : NULL;
	if (!e)
		return;
	mig_strv from = MIG_STRV_INIT, to = MIG_STRV_INIT, values = MIG_STRV_INIT;
	label(a, d->from, &from);
	label(a, d->to, &to);
	for (size_t i = 0; i < e->values.n && ok(a); i++)
		mig__ma_strv_add(a, &values, strcmp(e->values.v[i], from.v[0]) == 0 ? to.v[0] : e->values.v[i]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->type.name, &values));
	if (ok(a))
		rename_default_label(a, d->type.name, from.v[0], to.v[0]);
	mig_strv_free(&from);
	mig_strv_free(&to);
	mig_strv_free(&values);
}

void mig__ma_drop_types(mig_ma *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++)
		if (ours(a, &d->names.v[i]))
			mig_model_drop_enum(a->m, d->names.v[i].name);
}

void mig__ma_create_view(mig_ma *a, const mig_create_view_def *d)
{
	if (d->temporary || !ours(a, &d->name))
		return;
	adopt(a, mig_model_put_view(a->m, d->name.name, d->definition ? d->definition : ""));
}

void mig__ma_drop_views(mig_ma *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++)
		if (ours(a, &d->names.v[i]))
			mig_model_drop_view(a->m, d->names.v[i].name);
}

void mig__ma_rename_view(mig_ma *a, const mig_rename_def *d)
{
	const mig_mview *v = ours(a, &d->from) ? mig_model_view(a->m, d->from.name) : NULL;
	if (!v)
		return;
	char *sql = dup(a, v->sql);
	if (sql) {
		mig_model_drop_view(a->m, d->from.name);
		adopt(a, mig_model_put_view(a->m, d->to.name, sql));
	}
	mig__free(sql);
}
