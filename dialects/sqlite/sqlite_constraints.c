/*
 * Constraints: added, dropped and renamed through rebuilds, UNIQUE as
 * unique indexes.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* The unique index (made by CREATE UNIQUE INDEX) named `name` on m. */
static mig_mobject *unique_index_obj(const mig_mtable *m, const char *name)
{
	for (size_t i = 0; i < m->nobjs; i++)
		if (strcmp(m->objs[i].type, "index") == 0 && ieq(m->objs[i].name, name) && m->objs[i].sql &&
		    istarts(m->objs[i].sql, "CREATE UNIQUE"))
			return &m->objs[i];
	return NULL;
}

/* A CREATE INDEX/VIEW text with its object renamed; false when the text
 * cannot be read. */
bool mig__sq_rename_in_sql(sq *p, const char *sql, const char *kind, const char *newname, mig_str *out)
{
	stoks t;
	int rc = mig__sq_lex(sql, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return false;
	}
	size_t i = 1;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, kind))
		i++;
	i++;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	size_t start = i, end = i + 1;
	if (punct(&t, i + 1, '.'))
		end = i + 3;
	bool ok = is_name_tok(&t, end - 1) && tk(&t, end - 1)->type != TK_END;
	if (ok) {
		mig_str_put(out, sql, tk(&t, start)->off);
		mig__sq_quote_ident(out, newname);
		mig_str_puts(out, sql + tk(&t, end - 1)->off + tk(&t, end - 1)->len);
	}
	mig__sq_toks_free(&t);
	return ok;
}

/* Recreate an index under a new name (SQLite has no ALTER INDEX). */
void mig__sq_rename_index(sq *p, const char *oldname, const char *sql, const char *newname)
{
	mig_str s = MIG_STR_INIT, c = MIG_STR_INIT;
	if (!mig__sq_rename_in_sql(p, sql, "INDEX", newname, &c)) {
		if (!p->rc)
			mig__sq_fail(p, MIG_ERROR, "%s: cannot read the definition of index %s", p->op->name, oldname);
		mig_str_free(&c);
		return;
	}
	mig_str_puts(&s, "DROP INDEX ");
	mig__sq_quote_ident(&s, oldname);
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
	mig_str_putc(&c, ';');
	mig__sq_step(p, &c);
}

static void e_addConstraint(sq *p)
{
	const mig_add_constraint_def *d = &p->def->u.add_constraint;
	char *tname = mig__sq_qname(p, &d->table, "the table name");
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT;
	if (p->rc || !mig__sq_need_model(p, tname, &m))
		goto out;
	size_t added = 0;
	const mig_constraint_def *raw = d->constraints.n == 1 && d->constraints.v[0].kind == MIG_CONSTRAINT_RAW
						? &d->constraints.v[0]
						: NULL;
	if (raw) {
		/* raw SQL: a table constraint as written */
		const char *x = raw->expr;
		enum mig_part_kind kind = MIG_PART_CHECK;
		if (istarts(x, "PRIMARY"))
			kind = MIG_PART_PRIMARY;
		else if (istarts(x, "UNIQUE"))
			kind = MIG_PART_UNIQUE;
		else if (istarts(x, "FOREIGN"))
			kind = MIG_PART_FOREIGN;
		else if (!istarts(x, "CHECK"))
			mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: the constraint \"%s\" is not supported on SQLite: give CHECK (...), UNIQUE (...), PRIMARY KEY (...) or FOREIGN KEY (...) REFERENCES ...",
			     p->op->name, x);
		if (kind == MIG_PART_PRIMARY && mig__sq_model_has_pk(&m))
			mig__sq_fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, tname);
		char *n = raw->named ? mig__sq_qname(p, &raw->name, "the constraint name") : NULL;
		mig__sq_segv_push(p, &m.parts, kind, n, mig__sq_dup_or_fail(p, x));
		added = 1;
	} else {
		added = mig__sq_ir_constraints(p, tname, &d->constraints, &m, &after, false);
		if (!p->rc && added == 0 && after.n == 0)
			mig__sq_fail(p, MIG_EINPUT, "No constraint options provided for addConstraint");
	}
	if (p->rc)
		goto out;
	if (added)
		mig__sq_rebuild(p, &m, &after);
	else
		mig__sq_put_after(p, &after);
out:
	mig_strv_free(&after);
	mig_mtable_dispose(&m);
	mig__free(tname);
}

/* Foreign keys of other tables that rely on `cols` of m (through a
 * primary key or unique constraint being dropped): an error, or with
 * cascade their removal (PostgreSQL's DROP CONSTRAINT ... CASCADE). */
static void key_dependents(sq *p, const mig_mtable *m, const mig_strv *cols, bool cascade, const char *what)
{
	deps d;
	mig__sq_find_deps(p, m, cols, false, &d);
	if (d.what.n && !cascade) {
		mig_str w = MIG_STR_INIT;
		mig__sq_put_deps(&w, &d);
		mig__sq_fail(p, MIG_ESQL, "%s: cannot drop %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, what, mig_str_cstr(&w));
		mig_str_free(&w);
	} else if (d.what.n) {
		mig_strv pk = MIG_STRV_INIT;
		mig__sq_model_pk_columns(p, m, &pk);
		mig__sq_drop_deps(p, &d, m->name, cols, &pk);
		mig_strv_free(&pk);
	}
	mig__sq_deps_free(&d);
}

static void e_dropConstraint(sq *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	char *tname = mig__sq_qname(p, &d->target, "the table name");
	char *cname = mig__sq_qname(p, &d->names.v[0], "the constraint name");
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	mig_strv cols = MIG_STRV_INIT;
	mig_str what = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (!mig__sq_load_model(p, tname, &m)) {
		if (p->rc)
			goto out;
		if (d->if_table_exists)
			mig__sq_notice(p, "relation \"%s\" does not exist, skipping", tname);
		else
			mig__sq_fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, tname);
		goto out;
	}
	mig_str_printf(&what, "constraint %s on table %s", cname, m.name);
	mig_mobject *ix = unique_index_obj(&m, cname);
	if (ix) {
		mig_part fake = {.kind = MIG_PART_UNIQUE, .body = ix->sql};
		mig__sq_seg_columns(p, &fake, NULL, &cols);
		key_dependents(p, &m, &cols, d->cascade, mig_str_cstr(&what));
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP INDEX ");
		mig__sq_quote_ident(&s, ix->name);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
		goto out;
	}
	size_t found = 0;
	bool pk = false, lost_autoincrement = false;
	for (size_t k = 0; k <= m.ncols && !p->rc; k++) {
		mig_mcolumn *owner = k < m.ncols ? &m.cols[k] : NULL;
		mig_parts *v = owner ? &owner->parts : &m.parts;
		for (size_t i = v->n; i-- > 0 && !p->rc;) {
			mig_part *g = &v->v[i];
			if (is_type_check(g))
				continue;
			char *label = mig__sq_seg_label(p, &m, owner, g);
			bool match = label && ieq(label, cname);
			mig__free(label);
			if (!match)
				continue;
			if (g->kind == MIG_PART_PRIMARY || g->kind == MIG_PART_UNIQUE)
				mig__sq_seg_columns(p, g, owner, &cols);
			if (g->kind == MIG_PART_PRIMARY) {
				pk = true;
				lost_autoincrement = lost_autoincrement || mig__sq_sql_mentions(g->body, "AUTOINCREMENT");
			}
			mig_parts_remove(v, i);
			found++;
		}
	}
	if (p->rc)
		goto out;
	if (!found) {
		if (d->if_exists)
			mig__sq_notice(p, "constraint \"%s\" of relation \"%s\" does not exist, skipping", cname, tname);
		else
			mig__sq_fail(p, MIG_ESQL, "%s: constraint \"%s\" of relation \"%s\" does not exist", p->op->name, cname, tname);
		goto out;
	}
	if (cols.n)
		key_dependents(p, &m, &cols, d->cascade, mig_str_cstr(&what));
	if (pk) {
		/* PostgreSQL keeps the columns NOT NULL */
		for (size_t i = 0; i < cols.n; i++) {
			mig_mcolumn *c = mig_mtable_col(&m, cols.v[i]);
			if (c && !mig_parts_find(&c->parts, MIG_PART_NOT_NULL))
				mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
		}
	}
	if (lost_autoincrement)
		mig__sq_notice(p, "%s: without its primary key, \"%s\" is no longer numbered automatically on SQLite (PostgreSQL keeps the serial default)",
		       p->op->name, cols.n ? cols.v[0] : "?");
	mig__sq_rebuild(p, &m, NULL);
out:
	mig_str_free(&what);
	mig_strv_free(&cols);
	mig_mtable_dispose(&m);
	mig__free(tname);
	mig__free(cname);
}

static void e_renameConstraint(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *tname = mig__sq_qname(p, &r->target, "the table name");
	char *from = mig__sq_qname(p, &r->from, "the constraint name");
	char *to = mig__sq_qname(p, &r->to, "the new constraint name");
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	if (p->rc || !mig__sq_need_model(p, tname, &m))
		goto out;
	mig_mobject *ix = unique_index_obj(&m, from);
	if (ix) {
		mig__sq_rename_index(p, ix->name, ix->sql, to);
		goto out;
	}
	size_t found = 0;
	for (size_t k = 0; k <= m.ncols && !p->rc; k++) {
		mig_mcolumn *owner = k < m.ncols ? &m.cols[k] : NULL;
		mig_parts *v = owner ? &owner->parts : &m.parts;
		for (size_t i = 0; i < v->n; i++) {
			if (is_type_check(&v->v[i]))
				continue;
			char *label = mig__sq_seg_label(p, &m, owner, &v->v[i]);
			if (label && ieq(label, from)) {
				mig__free(v->v[i].name);
				v->v[i].name = mig__sq_dup_or_fail(p, to);
				found++;
			}
			mig__free(label);
		}
	}
	if (!found && !p->rc)
		mig__sq_fail(p, MIG_ESQL, "%s: constraint \"%s\" for table \"%s\" does not exist", p->op->name, from, tname);
	mig__sq_rebuild(p, &m, NULL);
out:
	mig_mtable_dispose(&m);
	mig__free(tname);
	mig__free(from);
	mig__free(to);
}

const mig_sq_emitter mig__sq_constraints[] = {
	{MIG_OP_ADD_CONSTRAINT, e_addConstraint},
	{MIG_OP_DROP_CONSTRAINT, e_dropConstraint},
	{MIG_OP_RENAME_CONSTRAINT, e_renameConstraint},
	{MIG_OP_UNKNOWN, NULL},
};
