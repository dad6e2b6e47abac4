/* Typed operations on the model: tables and column changes, and what renames and drops carry along (model_apply_int.h). */
#define _POSIX_C_SOURCE 200809L
#include "dialects/common/model_apply_int.h"

/* ---- tables ---------------------------------------------------------------- */

static void copy_columns(mig_ma *a, mig_mtable *to, const mig_mtable *from, bool defaults)
{
	for (size_t i = 0; i < from->ncols && ok(a); i++) {
		const mig_mcolumn *x = &from->cols[i];
		mig_mcolumn *y = mig_mtable_add_col(to, dup(a, x->name), dup(a, x->type));
		if (!y) {
			oom(a);
			return;
		}
		for (size_t k = 0; k < x->parts.n && ok(a); k++) {
			const mig_part *g = &x->parts.v[k];
			if (g->kind == MIG_PART_NOT_NULL || g->kind == MIG_PART_COLLATE ||
			    (defaults && g->kind == MIG_PART_DEFAULT))
				adopt(a, mig_parts_pushdup(&y->parts, g->kind, g->name, g->body));
		}
	}
}

void mig__ma_create_table(mig_ma *a, const mig_create_table_def *d)
{
	if (d->temporary || !ours(a, &d->table))
		return; /* temporary tables live in a schema of their own */
	if (mig_model_table(a->m, d->table.name)) {
		if (!d->if_not_exists)
			skip(a, "a CREATE TABLE of a table it already has");
		return;
	}
	mig_mtable *t = mig_mtable_new(d->table.name);
	if (!t) {
		oom(a);
		return;
	}
	if (d->inherits) {
		const mig_mtable *parent = table_of(a, d->inherits);
		if (parent)
			copy_columns(a, t, parent, true);
		else
			skip(a, "INHERITS from a table it does not know");
	}
	if (d->like) {
		const mig_mtable *src = table_of(a, &d->like->table);
		bool defaults = false;
		for (size_t i = 0; i < d->like->including.n; i++) {
			const char *w = d->like->including.v[i];
			if (mig_model_ieq(w, "DEFAULTS") || mig_model_ieq(w, "ALL"))
				defaults = true;
			if (mig_model_ieq(w, "ALL") || mig_model_ieq(w, "CONSTRAINTS") || mig_model_ieq(w, "INDEXES") ||
			    mig_model_ieq(w, "IDENTITY") || mig_model_ieq(w, "GENERATED"))
				skip(a, "LIKE ... INCLUDING what LIKE copies besides columns and defaults");
		}
		if (src)
			copy_columns(a, t, src, defaults);
		else
			skip(a, "LIKE a table it does not know");
	}
	for (size_t i = 0; i < d->columns.n && ok(a); i++)
		mig__ma_add_column(a, t, &d->columns.v[i]);
	if (ok(a))
		mig__ma_add_constraints(a, t, &d->constraints);
	if (!ok(a)) {
		mig_mtable_free(t);
		return;
	}
	adopt(a, mig_model_put_table(a->m, t));
}

/* The primary key columns of t. */
static bool in_primary_key(const mig_mtable *t, const char *column)
{
	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.v[i].kind == MIG_PART_PRIMARY && has(&t->parts.v[i].columns, column))
			return true;
	const mig_mcolumn *c = mig_mtable_col(t, column);
	return c && mig_parts_find(&c->parts, MIG_PART_PRIMARY);
}

/* Whether foreign key g references column (named, or as its parent's
 * primary key). */
static bool references_column(const mig_model *m, const mig_part *g, const char *column)
{
	if (g->ref_columns.n)
		return has(&g->ref_columns, column);
	const mig_mtable *parent = mig_model_table(m, g->ref_table);
	return parent && in_primary_key(parent, column);
}

/* Foreign keys of every table that reference `table` (and, with column,
 * that column): removed, or followed to a new name. */
static void each_reference(mig_ma *a, const char *table, const char *column, const char *new_table,
			   const char *new_column, bool remove)
{
	for (size_t i = 0; i < a->m->ntables && ok(a); i++) {
		mig_mtable *t = a->m->tables[i];
		for (size_t k = t->parts.n; k-- > 0 && ok(a);) {
			mig_part *g = &t->parts.v[k];
			if (g->kind != MIG_PART_FOREIGN || !eq(g->ref_table, table))
				continue;
			if (column && !references_column(a->m, g, column))
				continue;
			if (remove) {
				mig_parts_remove(&t->parts, k);
				continue;
			}
			if (new_table) {
				char *n = dup(a, new_table);
				if (n) {
					mig__free(g->ref_table);
					g->ref_table = n;
				}
			}
			for (size_t c = 0; new_column && c < g->ref_columns.n; c++)
				if (eq(g->ref_columns.v[c], column)) {
					char *n = dup(a, new_column);
					if (n) {
						mig__free(g->ref_columns.v[c]);
						g->ref_columns.v[c] = n;
					}
				}
		}
	}
}

void mig__ma_drop_tables(mig_ma *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++) {
		const mig_qname *n = &d->names.v[i];
		if (!table_of(a, n))
			continue;
		if (d->cascade)
			each_reference(a, n->name, NULL, NULL, NULL, true);
		mig_model_drop_table(a->m, n->name);
	}
}

void mig__ma_rename_table(mig_ma *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->from);
	if (!t)
		return;
	char *to = dup(a, d->to.name);
	if (!to)
		return;
	each_reference(a, t->name, NULL, to, NULL, false);
	mig__free(t->name);
	t->name = to;
	mig_model_names_changed(a->m);
}

void mig__ma_add_columns(mig_ma *a, const mig_add_columns_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t) {
		if (ours(a, &d->table))
			skip(a, "columns added to a table it does not know");
		return;
	}
	for (size_t i = 0; i < d->columns.n && ok(a); i++) {
		if (d->if_not_exists && mig_mtable_col(t, d->columns.v[i].name))
			continue;
		mig__ma_add_column(a, t, &d->columns.v[i]);
	}
}

/* Whether a part involves column c (its own columns, or a CHECK's text). */
static bool part_involves(const mig_part *g, const char *c)
{
	if (has(&g->columns, c))
		return true;
	if (g->kind != MIG_PART_CHECK || !g->body)
		return false;
	/* a CHECK names its columns in its text */
	size_t n = strlen(c);
	for (const char *p = g->body; (p = strstr(p, c)) != NULL; p += n) {
		bool before = p == g->body || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		bool after = !(isalnum((unsigned char)p[n]) || p[n] == '_');
		if (before && after)
			return true;
	}
	return false;
}

static void drop_column(mig_ma *a, mig_mtable *t, const char *name)
{
	mig_mcolumn *c = mig_mtable_col(t, name);
	if (!c)
		return;
	/* before the table's own key goes: a reference to it names no column */
	each_reference(a, t->name, c->name, NULL, NULL, true);
	for (size_t k = t->parts.n; k-- > 0;)
		if (part_involves(&t->parts.v[k], c->name))
			mig_parts_remove(&t->parts, k);
	for (size_t k = t->nobjs; k-- > 0;)
		if (has(&t->objs[k].columns, c->name))
			mig_mtable_remove_obj(t, &t->objs[k]);
	mig_mtable_remove_col(t, c);
}

void mig__ma_drop_columns(mig_ma *a, const mig_drop_columns_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	for (size_t i = 0; t && i < d->columns.n && ok(a); i++)
		drop_column(a, t, d->columns.v[i].name);
}

static void rename_in(mig_ma *a, mig_strv *v, const char *from, const char *to)
{
	for (size_t i = 0; i < v->n && ok(a); i++)
		if (eq(v->v[i], from)) {
			char *n = dup(a, to);
			if (n) {
				mig__free(v->v[i]);
				v->v[i] = n;
			}
		}
}

void mig__ma_rename_column(mig_ma *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	mig_mcolumn *c = t ? mig_mtable_col(t, d->from.name) : NULL;
	if (!c)
		return;
	char *to = dup(a, d->to.name);
	if (!to)
		return;
	for (size_t k = 0; k < t->parts.n; k++)
		rename_in(a, &t->parts.v[k].columns, c->name, to);
	for (size_t k = 0; k < t->nobjs; k++)
		rename_in(a, &t->objs[k].columns, c->name, to);
	each_reference(a, t->name, c->name, NULL, to, false);
	mig__free(c->name);
	c->name = to;
}

void mig__ma_alter_column(mig_ma *a, const mig_alter_column_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	mig_mcolumn *c = t ? mig_mtable_col(t, d->column.name) : NULL;
	if (!c) {
		if (ours(a, &d->table))
			skip(a, "a change of a column it does not know");
		return;
	}
	if (d->default_action == MIG_DROP)
		mig_parts_drop_kind(&c->parts, MIG_PART_DEFAULT);
	else if (d->default_action == MIG_CHANGE)
		mig__ma_set_default(a, c, d->default_value);
	if (d->type) {
		bool serial = false;
		char *type = a->r->type(d->type, NULL, &serial);
		if (!type) {
			oom(a);
			return;
		}
		mig__free(c->type);
		c->type = type;
		if (d->collation)
			mig__ma_set_part(a, c, MIG_PART_COLLATE, "COLLATE ", d->collation, "");
	}
	if (d->not_null == MIG_CHANGE)
		mig__ma_set_not_null(a, c);
	else if (d->not_null == MIG_DROP)
		mig_parts_drop_kind(&c->parts, MIG_PART_NOT_NULL);
	if (d->identity == MIG_DROP)
		mig_parts_drop_kind(&c->parts, MIG_PART_IDENTITY);
	else if (d->identity == MIG_CHANGE && d->identity_def)
		mig__ma_set_identity(a, c, d->identity_def);
	if (d->expression == MIG_DROP)
		mig_parts_drop_kind(&c->parts, MIG_PART_GENERATED);
	else if (d->expression == MIG_CHANGE)
		mig__ma_set_part(a, c, MIG_PART_GENERATED, "GENERATED ALWAYS AS (",
				 d->expression_text ? d->expression_text : "", ") STORED");
	if (d->has_comment)
		mig__ma_set_comment(a, c, d->comment);
}

void mig__ma_add_constraint(mig_ma *a, const mig_add_constraint_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (t)
		mig__ma_add_constraints(a, t, &d->constraints);
	else if (ours(a, &d->table))
		skip(a, "a constraint on a table it does not know");
}

void mig__ma_drop_constraint(mig_ma *a, const mig_drop_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t i = 0; t && i < d->names.n; i++)
		for (size_t k = t->parts.n; k-- > 0;)
			if (eq(t->parts.v[k].name, d->names.v[i].name)) {
				if (d->cascade && (t->parts.v[k].kind == MIG_PART_PRIMARY || t->parts.v[k].kind == MIG_PART_UNIQUE))
					each_reference(a, t->name, NULL, NULL, NULL, true);
				mig_parts_remove(&t->parts, k);
			}
}

void mig__ma_rename_constraint(mig_ma *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t k = 0; t && k < t->parts.n; k++)
		if (eq(t->parts.v[k].name, d->from.name)) {
			char *n = dup(a, d->to.name);
			if (n) {
				mig__free(t->parts.v[k].name);
				t->parts.v[k].name = n;
			}
			return;
		}
}
