/*
 * What depends on a table or its columns (foreign keys of other tables,
 * views), and dropping it as PostgreSQL's CASCADE does.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* The columns of a constraint joined with "_", as PostgreSQL's
 * ChooseConstraintNameAddition() puts them into a generated name. */
static void joined_columns(sq *p, const mig_part *g, mig_str *out)
{
	mig_strv cols = MIG_STRV_INIT;
	mig__sq_seg_columns(p, g, NULL, &cols);
	for (size_t i = 0; i < cols.n; i++) {
		if (i)
			mig_str_putc(out, '_');
		mig_str_puts(out, cols.v[i]);
	}
	mig_strv_free(&cols);
}

/*
 * The name a constraint goes by: its CONSTRAINT name, or for an unnamed
 * one (a table made by raw SQL) the name PostgreSQL would have given it,
 * so that dropConstraint(t, 't_email_key') means the same thing on both
 * backends. NULL for kinds that have no name (NOT NULL, DEFAULT, ...).
 */
char *mig__sq_seg_label(sq *p, const mig_mtable *m, const mig_mcolumn *owner, const mig_part *g)
{
	if (g->name)
		return mig__sq_dup_or_fail(p, g->name);
	mig_str j = MIG_STR_INIT;
	char *r = NULL;
	switch (g->kind) {
	case MIG_PART_PRIMARY:
		r = mig__sq_pg_name(p, m->name, NULL, "pkey");
		break;
	case MIG_PART_UNIQUE:
	case MIG_PART_FOREIGN:
		if (owner)
			mig_str_puts(&j, owner->name);
		else
			joined_columns(p, g, &j);
		r = mig__sq_pg_name(p, m->name, mig_str_cstr(&j), g->kind == MIG_PART_FOREIGN ? "fkey" : "key");
		break;
	case MIG_PART_CHECK: {
		const char *one = owner ? owner->name : NULL;
		size_t count = owner ? 1 : 0;
		for (size_t i = 0; !owner && i < m->ncols; i++)
			if (mig__sq_sql_mentions(g->body, m->cols[i].name)) {
				one = m->cols[i].name;
				count++;
			}
		r = mig__sq_pg_name(p, m->name, count == 1 ? one : NULL, "check");
		break;
	}
	default:
		break;
	}
	mig_str_free(&j);
	return r;
}

/* The primary-key columns of a model. */
void mig__sq_model_pk_columns(sq *p, const mig_mtable *m, mig_strv *out)
{
	for (size_t i = 0; i < m->ncols; i++)
		if (mig_parts_find(&m->cols[i].parts, MIG_PART_PRIMARY))
			mig__sq_strv_add(p, out, m->cols[i].name);
	for (size_t i = 0; i < m->parts.n; i++)
		if (m->parts.v[i].kind == MIG_PART_PRIMARY)
			mig__sq_seg_columns(p, &m->parts.v[i], NULL, out);
}

/* Whether foreign key g points at `parent`, and (when cols is given) at
 * one of those parent columns; pk = the parent's primary key, which an
 * FK without a column list references. */
static bool fk_matches(sq *p, const mig_part *g, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	if (g->kind != MIG_PART_FOREIGN)
		return false;
	mig_str t = MIG_STR_INIT;
	mig_strv target = MIG_STRV_INIT;
	bool r = mig__sq_seg_fk_target(p, g, &t, &target) && ieq(mig_str_cstr(&t), parent);
	if (r && cols) {
		const mig_strv *tc = target.n ? &target : pk;
		bool any = false;
		for (size_t i = 0; tc && i < tc->n; i++)
			any = any || strv_has(cols, tc->v[i]);
		r = any;
	}
	mig_str_free(&t);
	mig_strv_free(&target);
	return r;
}

/* Remove from m the foreign keys matching fk_matches(); how many. */
static size_t model_drop_fks(sq *p, mig_mtable *m, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	size_t n = 0;
	for (size_t i = m->parts.n; i-- > 0;)
		if (fk_matches(p, &m->parts.v[i], parent, cols, pk)) {
			mig_parts_remove(&m->parts, i);
			n++;
		}
	for (size_t k = 0; k < m->ncols; k++)
		for (size_t i = m->cols[k].parts.n; i-- > 0;)
			if (fk_matches(p, &m->cols[k].parts.v[i], parent, cols, pk)) {
				mig_parts_remove(&m->cols[k].parts, i);
				n++;
			}
	return n;
}

void mig__sq_deps_free(deps *d)
{
	mig_strv_free(&d->what);
	mig_strv_free(&d->child_tables);
	mig_strv_free(&d->views);
}

void mig__sq_find_deps(sq *p, const mig_mtable *parent, const mig_strv *cols, bool views_too, deps *d)
{
	memset(d, 0, sizeof(*d));
	if (!have_catalog(p) || p->rc)
		return;
	mig_strv pk = MIG_STRV_INIT;
	mig__sq_model_pk_columns(p, parent, &pk);
	const mig_model *schema = mig__sq_schema(p);
	for (size_t i = 0; schema && i < schema->ntables && !p->rc; i++) {
		const mig_mtable *c = schema->tables[i];
		const char *name = c->name;
		if (ieq(name, parent->name))
			continue;
		bool any = false;
		for (size_t k = 0; k <= c->ncols; k++) {
			const mig_parts *v = k < c->ncols ? &c->cols[k].parts : &c->parts;
			for (size_t j = 0; j < v->n; j++) {
				if (!fk_matches(p, &v->v[j], parent->name, cols, &pk))
					continue;
				char *label = mig__sq_seg_label(p, c, k < c->ncols ? &c->cols[k] : NULL, &v->v[j]);
				mig_str w = MIG_STR_INIT;
				mig_str_printf(&w, "constraint %s on table %s", label ? label : "?", name);
				char *t = mig__sq_detach_or_fail(p, &w);
				if (t && !p->rc)
					mig__sq_adopt(p, mig_strv_push(&d->what, t));
				else
					mig__free(t);
				mig__free(label);
				any = true;
			}
		}
		if (any)
			mig__sq_strv_add(p, &d->child_tables, name);
	}
	for (size_t i = 0; views_too && schema && i < schema->nviews && !p->rc; i++) {
		const char *sql = schema->views[i].sql;
		const char *vname = schema->views[i].name;
		bool uses = mig__sq_sql_mentions(sql, parent->name);
		if (uses && cols) {
			bool any = false;
			for (size_t k = 0; k < cols->n; k++)
				any = any || mig__sq_sql_mentions(sql, cols->v[k]);
			uses = any;
		}
		if (!uses)
			continue;
		mig_str w = MIG_STR_INIT;
		mig_str_printf(&w, "view %s", vname);
		char *t = mig__sq_detach_or_fail(p, &w);
		if (t && !p->rc)
			mig__sq_adopt(p, mig_strv_push(&d->what, t));
		else
			mig__free(t);
		mig__sq_strv_add(p, &d->views, vname);
	}
	mig_strv_free(&pk);
}

void mig__sq_put_deps(mig_str *s, const deps *d)
{
	for (size_t i = 0; i < d->what.n; i++) {
		if (i)
			mig_str_puts(s, ", ");
		mig_str_puts(s, d->what.v[i]);
	}
}

/* PostgreSQL's CASCADE for the dependents found: drop the views, and
 * rebuild the child tables without their foreign keys to the parent. */
void mig__sq_drop_deps(sq *p, const deps *d, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	for (size_t i = 0; i < d->views.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		mig__sq_quote_ident(&s, d->views.v[i]);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
		mig__sq_notice(p, "%s: drop cascades to view %s", p->op->name, d->views.v[i]);
	}
	for (size_t i = 0; i < d->child_tables.n && !p->rc; i++) {
		mig_mtable c;
		if (!mig__sq_need_model(p, d->child_tables.v[i], &c)) {
			mig_mtable_dispose(&c);
			return;
		}
		model_drop_fks(p, &c, parent, cols, pk);
		mig__sq_notice(p, "%s: drop cascades to the foreign keys of table %s", p->op->name, c.name);
		mig__sq_rebuild(p, &c, NULL);
		mig_mtable_dispose(&c);
	}
}

/* Where the parts of a CREATE INDEX/TRIGGER that can name columns start:
 * after the object's own name, and for an index after "ON <table>". */
bool mig__sq_obj_mentions(const mig_mobject *o, const char *col)
{
	if (!o->sql)
		return false; /* made by a constraint: it goes with it */
	stoks t;
	if (mig__sq_lex(o->sql, &t)) {
		mig_error_clear();
		return true;
	}
	size_t i = 1;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, "INDEX") && !kw(&t, i, "TRIGGER"))
		i++;
	i++;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	if (punct(&t, i + 1, '.'))
		i += 2;
	i++; /* the name */
	if (strcmp(o->type, "index") == 0 && kw(&t, i, "ON")) {
		i += 2;
		if (punct(&t, i, '.'))
			i += 2;
	}
	bool r = mig__sq_mentions(&t, i, t.n, col);
	mig__sq_toks_free(&t);
	return r;
}
