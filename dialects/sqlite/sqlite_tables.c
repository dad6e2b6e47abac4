/*
 * Tables and columns.
 */
#include "dialects/sqlite/sqlite_emit.h"

void mig__sq_put_after(sq *p, const mig_strv *after)
{
	for (size_t i = 0; i < after->n; i++)
		mig__sq_step_text(p, after->v[i]);
}

/* A serial column must end up as the table's only primary-key column. */
static void settle_serials(sq *p, mig_mtable *m, const colinfo *info)
{
	for (size_t i = 0; i < m->ncols && !p->rc; i++) {
		if (!info[i].serial_pending)
			continue;
		mig_mcolumn *c = &m->cols[i];
		size_t k = 0;
		for (; k < m->parts.n; k++) {
			if (m->parts.v[k].kind != MIG_PART_PRIMARY)
				continue;
			mig_strv cols = MIG_STRV_INIT;
			mig__sq_seg_columns(p, &m->parts.v[k], NULL, &cols);
			bool only = cols.n == 1 && ieq(cols.v[0], c->name);
			mig_strv_free(&cols);
			if (only)
				break;
		}
		if (k == m->parts.n) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s: serial column \"%s\" is not supported on SQLite unless it is the table's only primary-key column: SQLite numbers rows only through an INTEGER PRIMARY KEY AUTOINCREMENT (give it primaryKey: true, or use integer)",
			     p->op->name, c->name);
			return;
		}
		char *name = m->parts.v[k].name;
		m->parts.v[k].name = NULL;
		mig_parts_remove(&m->parts, k);
		mig_parts_drop_kind(&c->parts, MIG_PART_NOT_NULL);
		mig__sq_segv_push(p, &c->parts, MIG_PART_PRIMARY, name, mig__sq_dup_or_fail(p, "PRIMARY KEY AUTOINCREMENT"));
	}
}

static void e_createTable(sq *p)
{
	const mig_create_table_def *d = &p->def->u.create_table;
	char *tname = mig__sq_qname(p, &d->table, "the table name");
	if (p->rc) {
		mig__free(tname);
		return;
	}
	if (d->inherits)
		mig__sq_unsupported_option(p, "inherits", "SQLite has no table inheritance");
	if (d->like)
		mig__sq_unsupported_option(p, "like", "SQLite cannot copy another table's definition (list the columns)");
	if (d->partition)
		mig__sq_unsupported_option(p, "partition", "SQLite has no partitioned tables");
	if (d->unlogged)
		mig__sq_notice(p, "%s: UNLOGGED skipped: SQLite has no unlogged tables", p->op->name);
	if (d->has_comment)
		mig__sq_notice(p, "%s: the comment on table \"%s\" is skipped: SQLite has no comments", p->op->name, tname);
	bool ine = d->if_not_exists;
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT;
	colinfo *info = NULL;
	if (!p->rc && d->columns.n && !(info = mig__calloc(d->columns.n, sizeof(*info))))
		mig__sq_oom(p);
	for (size_t i = 0; !p->rc && i < d->columns.n; i++) {
		const mig_column_def *cd = &d->columns.v[i];
		mig_mcolumn *c = mig__sq_model_add_col(p, &m, mig__sq_final_ident(p, cd->name), mig__sq_dup_or_fail(p, ""));
		if (c)
			mig__sq_build_column(p, tname, c, cd, &after, ine, &info[i]);
	}
	if (!p->rc)
		mig__sq_ir_constraints(p, tname, &d->constraints, &m, &after, ine);
	if (!p->rc)
		settle_serials(p, &m, info);
	mig_str s = MIG_STR_INIT;
	mig_str lead = MIG_STR_INIT;
	mig_str_printf(&lead, "CREATE %sTABLE %s", d->temporary ? "TEMPORARY " : "", ine ? "IF NOT EXISTS " : "");
	if (!p->rc && m.ncols == 0)
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: a table without columns is not supported on SQLite", p->op->name);
	mig__sq_put_create(&s, &m, tname ? tname : "", mig_str_cstr(&lead));
	mig__sq_step(p, &s);
	mig__sq_put_after(p, &after);
	mig_str_free(&lead);
	mig__free(info);
	mig_strv_free(&after);
	mig_mtable_dispose(&m);
	mig__free(tname);
}

static void e_dropTable(sq *p)
{
	const mig_drop_def *dd = &p->def->u.drop;
	char *tname = mig__sq_qname(p, &dd->names.v[0], "the table name");
	if (p->rc) {
		mig__free(tname);
		return;
	}
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	if (have_catalog(p) && mig__sq_load_model(p, tname, &m)) {
		deps d;
		mig__sq_find_deps(p, &m, NULL, true, &d);
		if (d.what.n && !dd->cascade) {
			mig_str w = MIG_STR_INIT;
			mig__sq_put_deps(&w, &d);
			mig__sq_fail(p, MIG_ESQL, "%s: cannot drop table %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
			     p->op->name, m.name, mig_str_cstr(&w));
			mig_str_free(&w);
		} else if (d.what.n) {
			mig_strv pk = MIG_STRV_INIT;
			mig__sq_model_pk_columns(p, &m, &pk);
			mig__sq_drop_deps(p, &d, m.name, NULL, &pk);
			mig_strv_free(&pk);
		}
		mig__sq_deps_free(&d);
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, dd->if_exists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
	mig__sq_quote_ident(&s, tname);
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
	mig_mtable_dispose(&m);
	mig__free(tname);
}

static void e_renameTable(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *a = mig__sq_qname(p, &r->from, "the table name");
	char *b = mig__sq_qname(p, &r->to, "the new table name");
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig__sq_quote_ident(&s, a);
		mig_str_puts(&s, " RENAME TO ");
		mig__sq_quote_ident(&s, b);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig__free(a);
	mig__free(b);
}

static void e_alterTable(sq *p)
{
	const mig_alter_table_def *d = &p->def->u.alter_table;
	/* the analysis refused a call with neither option */
	if (d->level_security) {
		mig__sq_unsupported_option(p, "levelSecurity", "SQLite has no row-level security");
		return;
	}
	mig__sq_notice(p, "%s: SET %sLOGGED skipped: SQLite has no unlogged tables", p->op->name,
		       d->unlogged == MIG_SET ? "UN" : "");
}

static void e_addColumns(sq *p)
{
	const mig_add_columns_def *d = &p->def->u.add_columns;
	char *tname = mig__sq_qname(p, &d->table, "the table name");
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT, added = MIG_STRV_INIT;
	if (p->rc || !mig__sq_need_model(p, tname, &m))
		goto out;
	bool had_pk = mig__sq_model_has_pk(&m), ine = d->if_not_exists, rebuild_needed = false;
	for (size_t i = 0; i < d->columns.n && !p->rc; i++) {
		const mig_column_def *cd = &d->columns.v[i];
		char *cn = mig__sq_final_ident(p, cd->name);
		if (!cn)
			break;
		if (mig_mtable_col(&m, cn)) {
			if (ine && !strv_has(&added, cn))
				mig__sq_notice(p, "column \"%s\" of relation \"%s\" already exists, skipping", cn, tname);
			else
				mig__sq_fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" already exists", p->op->name, cn, tname);
			mig__free(cn);
			continue;
		}
		mig__sq_strv_add(p, &added, cn);
		mig_mcolumn *c = mig__sq_model_add_col(p, &m, cn, mig__sq_dup_or_fail(p, ""));
		if (!c)
			break;
		colinfo info;
		mig__sq_build_column(p, tname, c, cd, &after, false, &info);
		if (info.serial_pending)
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s: serial column \"%s\" is not supported on SQLite unless it is the primary key: SQLite numbers rows only through an INTEGER PRIMARY KEY AUTOINCREMENT (give it primaryKey: true)",
			     p->op->name, c->name);
		if (info.pk && had_pk)
			mig__sq_fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, tname);
		had_pk = had_pk || info.pk;
		/* What SQLite's ADD COLUMN refuses (some of it only once the
		 * table has rows: decide on the definition, not the data). */
		if (info.pk || (info.has_default && !info.default_constant) ||
		    (info.notnull && (!info.has_default || info.default_null)) ||
		    (info.fk && info.has_default && !info.default_null) || info.generated)
			rebuild_needed = true;
	}
	if (p->rc || added.n == 0)
		goto out;
	if (rebuild_needed) {
		mig__sq_rebuild(p, &m, &after);
		goto out;
	}
	for (size_t i = 0; i < m.ncols && !p->rc; i++) {
		if (m.cols[i].src || !strv_has(&added, m.cols[i].name))
			continue;
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig__sq_quote_ident(&s, tname);
		mig_str_puts(&s, " ADD COLUMN ");
		mig__sq_put_column(&s, &m.cols[i]);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig__sq_put_after(p, &after);
out:
	mig_strv_free(&after);
	mig_strv_free(&added);
	mig_mtable_dispose(&m);
	mig__free(tname);
}

/* The names of dropColumns' columns, as the final identifiers. */
static void column_names(sq *p, const mig_qnames *cols, mig_strv *out)
{
	for (size_t i = 0; i < cols->n && !p->rc; i++) {
		char *n = mig__sq_qname(p, &cols->v[i], "a column name");
		if (n && !p->rc)
			mig__sq_adopt(p, mig_strv_push(out, n));
		else
			mig__free(n);
	}
}

static void e_dropColumns(sq *p)
{
	const mig_drop_columns_def *dd = &p->def->u.drop_columns;
	char *tname = mig__sq_qname(p, &dd->table, "the table name");
	mig_strv names = MIG_STRV_INIT, drop = MIG_STRV_INIT;
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	deps d;
	memset(&d, 0, sizeof(d));
	if (!p->rc)
		column_names(p, &dd->columns, &names);
	if (p->rc || !mig__sq_need_model(p, tname, &m))
		goto out;
	for (size_t i = 0; i < names.n && !p->rc; i++) {
		mig_mcolumn *c = mig_mtable_col(&m, names.v[i]);
		if (!c) {
			if (dd->if_exists)
				mig__sq_notice(p, "column \"%s\" of relation \"%s\" does not exist, skipping", names.v[i], tname);
			else
				mig__sq_fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name,
				     names.v[i], tname);
		} else if (!strv_has(&drop, c->name)) {
			mig__sq_strv_add(p, &drop, c->name);
		}
	}
	if (p->rc || drop.n == 0)
		goto out;
	if (drop.n == m.ncols) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: dropping every column of \"%s\" is not supported on SQLite: a table needs a column",
		     p->op->name, m.name);
		goto out;
	}
	bool cascade = dd->cascade;
	mig__sq_find_deps(p, &m, &drop, true, &d);
	if (d.what.n && !cascade) {
		mig_str w = MIG_STR_INIT;
		mig__sq_put_deps(&w, &d);
		mig__sq_fail(p, MIG_ESQL, "%s: cannot drop column %s of table %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, drop.v[0], m.name, mig_str_cstr(&w));
		mig_str_free(&w);
		goto out;
	}
	/* A column some other part of the table uses cannot go through
	 * ALTER TABLE DROP COLUMN: PostgreSQL drops those parts with it
	 * (indexes, constraints), which takes a rebuild here. */
	bool involved = false;
	for (size_t k = 0; k < drop.n && !p->rc; k++) {
		const char *dc = drop.v[k];
		for (size_t i = 0; i < m.ncols; i++) {
			const mig_mcolumn *c = &m.cols[i];
			for (size_t j = 0; j < c->parts.n; j++) {
				const mig_part *g = &c->parts.v[j];
				if (ieq(c->name, dc)) {
					if (g->kind == MIG_PART_PRIMARY || g->kind == MIG_PART_UNIQUE)
						involved = true;
				} else if (g->kind == MIG_PART_GENERATED && mig__sq_seg_involves(p, g, NULL, dc)) {
					mig__sq_fail(p, MIG_ESQL, "%s: cannot drop column %s of table %s because generated column %s depends on it",
					     p->op->name, dc, m.name, c->name);
				} else if (mig__sq_seg_involves(p, g, NULL, dc)) {
					involved = true;
				}
			}
		}
		for (size_t j = 0; j < m.parts.n; j++)
			involved = involved || mig__sq_seg_involves(p, &m.parts.v[j], NULL, dc);
		for (size_t j = 0; j < m.nobjs; j++)
			involved = involved || mig__sq_obj_mentions(&m.objs[j], dc);
	}
	if (p->rc)
		goto out;
	if (d.what.n) {
		mig_strv pk = MIG_STRV_INIT;
		mig__sq_model_pk_columns(p, &m, &pk);
		mig__sq_drop_deps(p, &d, m.name, &drop, &pk);
		mig_strv_free(&pk);
	}
	if (!involved) {
		for (size_t k = 0; k < drop.n; k++) {
			mig_str s = MIG_STR_INIT;
			mig_str_puts(&s, "ALTER TABLE ");
			mig__sq_quote_ident(&s, tname);
			mig_str_puts(&s, " DROP COLUMN ");
			mig__sq_quote_ident(&s, drop.v[k]);
			mig_str_putc(&s, ';');
			mig__sq_step(p, &s);
		}
		goto out;
	}
	for (size_t k = 0; k < drop.n; k++) {
		const char *dc = drop.v[k];
		mig_mtable_remove_col(&m, mig_mtable_col(&m, dc));
		for (size_t j = m.parts.n; j-- > 0;)
			if (mig__sq_seg_involves(p, &m.parts.v[j], NULL, dc))
				mig_parts_remove(&m.parts, j);
		for (size_t i = 0; i < m.ncols; i++)
			for (size_t j = m.cols[i].parts.n; j-- > 0;)
				if (mig__sq_seg_involves(p, &m.cols[i].parts.v[j], NULL, dc))
					mig_parts_remove(&m.cols[i].parts, j);
		for (size_t j = 0; j < m.nobjs; j++) {
			mig_mobject *ob = &m.objs[j];
			if (!ob->keep || !mig__sq_obj_mentions(ob, dc))
				continue;
			ob->keep = false;
			if (strcmp(ob->type, "trigger") == 0)
				mig__sq_notice(p, "%s: trigger %s is dropped with column %s of table %s", p->op->name, ob->name, dc,
				       m.name);
		}
	}
	mig__sq_rebuild(p, &m, NULL);
out:
	mig__sq_deps_free(&d);
	mig_mtable_dispose(&m);
	mig_strv_free(&names);
	mig_strv_free(&drop);
	mig__free(tname);
}

static void e_renameColumn(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *t = mig__sq_qname(p, &r->target, "the table name");
	char *a = mig__sq_qname(p, &r->from, "the column name");
	char *b = mig__sq_qname(p, &r->to, "the new column name");
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig__sq_quote_ident(&s, t);
		mig_str_puts(&s, " RENAME COLUMN ");
		mig__sq_quote_ident(&s, a);
		mig_str_puts(&s, " TO ");
		mig__sq_quote_ident(&s, b);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig__free(t);
	mig__free(a);
	mig__free(b);
}

static bool col_in_pk(sq *p, const mig_mtable *m, const char *col)
{
	mig_strv pk = MIG_STRV_INIT;
	mig__sq_model_pk_columns(p, m, &pk);
	bool r = strv_has(&pk, col);
	mig_strv_free(&pk);
	return r;
}

static void render_col(mig_str *s, const mig_mcolumn *c)
{
	mig_str_clear(s);
	mig__sq_put_column(s, c);
	mig_str_printf(s, " <- %s", c->src ? c->src : "");
}

static void e_alterColumn(sq *p)
{
	const mig_alter_column_def *d = &p->def->u.alter_column;
	/* without any action the analysis read the names without failing;
	 * the column is looked up all the same */
	if (d->table_error)
		mig__sq_fail(p, MIG_EINPUT, "%s", d->table_error);
	char *tname = mig__sq_qname(p, &d->table, "the table name");
	if (d->column_error)
		mig__sq_fail(p, MIG_EINPUT, "%s", d->column_error);
	char *cname = mig__sq_qname(p, &d->column, "the column name");
	mig_mtable m;
	memset(&m, 0, sizeof(m));
	mig_str before = MIG_STR_INIT, now = MIG_STR_INIT;
	sqtype st;
	memset(&st, 0, sizeof(st));
	if (p->rc)
		goto out;
	if (d->identity != MIG_KEEP)
		mig__sq_unsupported_option(p, "sequenceGenerated",
				   "SQLite cannot add or drop an identity (a serial INTEGER PRIMARY KEY AUTOINCREMENT column numbers rows)");
	if (d->expression != MIG_KEEP)
		mig__sq_unsupported_option(p, "expressionGenerated", "SQLite cannot change a generated column");
	if (p->rc || !mig__sq_need_model(p, tname, &m))
		goto out;
	mig_mcolumn *c = mig_mtable_col(&m, cname);
	if (!c) {
		mig__sq_fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name, cname, tname);
		goto out;
	}
	render_col(&before, c);
	enum lkind kind = mig__sq_kind_of_column(c);
	if (d->type) {
		mig__sq_map_type(p, d->type, c->name, &st);
		if (p->rc)
			goto out;
		if (st.serial) {
			mig__sq_unsupported_option(p, "type: serial",
					   "a column cannot become serial: create the table with an id column instead");
			goto out;
		}
		kind = st.kind;
		mig__free(c->type);
		c->type = mig__sq_dup_or_fail(p, st.decl);
		for (size_t i = c->parts.n; i-- > 0;)
			if (is_type_check(&c->parts.v[i]) || c->parts.v[i].kind == MIG_PART_COLLATE)
				mig_parts_remove(&c->parts, i);
		const mig_part *pkseg = mig_parts_find(&c->parts, MIG_PART_PRIMARY);
		if (pkseg && strcmp(st.decl, "INTEGER") != 0 && mig__sq_sql_mentions(pkseg->body, "AUTOINCREMENT")) {
			/* AUTOINCREMENT exists only on INTEGER PRIMARY KEY */
			for (size_t i = 0; i < c->parts.n; i++)
				if (c->parts.v[i].kind == MIG_PART_PRIMARY) {
					mig__free(c->parts.v[i].body);
					c->parts.v[i].body = mig__sq_dup_or_fail(p, "PRIMARY KEY");
				}
			if (!mig_parts_find(&c->parts, MIG_PART_NOT_NULL))
				mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
		}
		const char *coll = d->collation ? mig__sq_map_collation(p, d->collation) : st.collate;
		if (coll) {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "COLLATE %s", coll);
			mig__sq_segv_push(p, &c->parts, MIG_PART_COLLATE, NULL, mig__sq_detach_or_fail(p, &b));
		}
		mig__sq_push_type_check(p, c, &st);
		if (d->using_expr) {
			mig_str u = MIG_STR_INIT;
			mig_str_printf(&u, "(%s)", d->using_expr);
			mig__free(c->src);
			c->src = mig__sq_detach_or_fail(p, &u);
		}
	}
	if (d->default_action == MIG_DROP) {
		mig_parts_drop_kind(&c->parts, MIG_PART_DEFAULT);
	} else if (d->default_action == MIG_CHANGE) {
		bool constant;
		mig__sq_set_default(p, c, d->default_value, kind, &constant);
	}
	if (d->not_null == MIG_CHANGE) {
		if (!mig_parts_find(&c->parts, MIG_PART_NOT_NULL))
			mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
	} else if (d->not_null == MIG_DROP) {
		if (col_in_pk(p, &m, c->name))
			mig__sq_fail(p, MIG_ESQL, "%s: column \"%s\" is in a primary key", p->op->name, c->name);
		mig_parts_drop_kind(&c->parts, MIG_PART_NOT_NULL);
	}
	if (d->has_comment)
		mig__sq_notice(p, "%s: the comment on column \"%s\" is skipped: SQLite has no comments", p->op->name, c->name);
	render_col(&now, c);
	if (p->rc || strcmp(mig_str_cstr(&before), mig_str_cstr(&now)) == 0)
		goto out; /* nothing SQLite stores changes */
	mig__sq_rebuild(p, &m, NULL);
out:
	mig__sq_sqtype_free(&st);
	mig_str_free(&before);
	mig_str_free(&now);
	mig_mtable_dispose(&m);
	mig__free(tname);
	mig__free(cname);
}

const mig_sq_emitter mig__sq_tables[] = {
	{MIG_OP_CREATE_TABLE, e_createTable},
	{MIG_OP_DROP_TABLE, e_dropTable},
	{MIG_OP_RENAME_TABLE, e_renameTable},
	{MIG_OP_ALTER_TABLE, e_alterTable},
	{MIG_OP_ADD_COLUMNS, e_addColumns},
	{MIG_OP_DROP_COLUMNS, e_dropColumns},
	{MIG_OP_RENAME_COLUMN, e_renameColumn},
	{MIG_OP_ALTER_COLUMN, e_alterColumn},
	{MIG_OP_UNKNOWN, NULL},
};
