/*
 * The catalog: the tables as the live database has them.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* Run a catalog query (takes sql). NULL on error, which is recorded. */
mig_rows *mig__sq_cat_query(sq *p, mig_str *sql)
{
	if (p->rc || mig_str_failed(sql)) {
		if (!p->rc)
			mig__sq_oom(p);
		mig_str_free(sql);
		return NULL;
	}
	if (!have_catalog(p)) {
		mig_str_free(sql);
		mig__sq_fail(p, MIG_ERROR,
		     "%s needs the database to see the tables as they are now on SQLite (no catalog given)",
		     p->op->name);
		return NULL;
	}
	mig_rows *rows = NULL;
	int rc = p->ctx->catalog->query(p->ctx->catalog->ud, mig_str_cstr(sql), &rows);
	mig_str_free(sql);
	if (rc) {
		mig__sq_adopt(p, rc);
		return NULL;
	}
	return rows;
}

/* The sqlite_master row of a table or view: type and name as stored.
 * false when there is none. */
bool mig__sq_find_object(sq *p, const char *name, const char *types, mig_str *type, mig_str *stored, mig_str *sql)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE name = ");
	mig__sq_quote_literal(&q, name);
	mig_str_printf(&q, " COLLATE NOCASE AND type IN (%s)", types);
	mig_rows *r = mig__sq_cat_query(p, &q);
	bool found = r && r->nrows > 0;
	if (found) {
		if (type)
			mig_str_puts(type, cell(r, 0, 0));
		if (stored)
			mig_str_puts(stored, cell(r, 0, 1));
		if (sql)
			mig_str_puts(sql, cell(r, 0, 2));
	}
	mig_rows_free(r);
	return found;
}

static bool table_exists(sq *p, const char *name)
{
	return mig__sq_find_object(p, name, "'table'", NULL, NULL, NULL);
}

/* The columns of a table as SQLite reports them (name, type, notnull,
 * dflt_value, pk, hidden). */
static mig_rows *table_xinfo(sq *p, const char *table)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(");
	mig__sq_quote_literal(&q, table);
	mig_str_putc(&q, ')');
	return mig__sq_cat_query(p, &q);
}

/* A table whose text has no column list (CREATE TABLE ... AS SELECT) has
 * no constraints beyond what PRAGMA table_xinfo says. */
static void model_from_xinfo(sq *p, const mig_rows *x, mig_mtable *m)
{
	mig_strv pk = MIG_STRV_INIT;
	for (size_t i = 0; i < x->nrows && !p->rc; i++) {
		mig_mcolumn *c = mig__sq_model_add_col(p, m, mig__sq_dup_or_fail(p, cell(x, i, 0)), mig__sq_dup_or_fail(p, cell(x, i, 1)));
		if (!c)
			break;
		if (strcmp(cell(x, i, 2), "1") == 0)
			mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
		if (mig_rows_get(x, i, 3)) {
			mig_str d = MIG_STR_INIT;
			/* dflt_value drops the parentheses of an expression */
			mig_str_printf(&d, "DEFAULT (%s)", cell(x, i, 3));
			mig__sq_segv_push(p, &c->parts, MIG_PART_DEFAULT, NULL, mig__sq_detach_or_fail(p, &d));
		}
		if (strcmp(cell(x, i, 4), "0") != 0)
			mig__sq_strv_add(p, &pk, cell(x, i, 0));
	}
	if (pk.n == 1) {
		mig__sq_segv_pushs(p, &mig_mtable_col(m, pk.v[0])->parts, MIG_PART_PRIMARY, NULL, "PRIMARY KEY");
	} else if (pk.n > 1) {
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "PRIMARY KEY (");
		for (size_t i = 0; i < pk.n; i++) {
			if (i)
				mig_str_puts(&b, ", ");
			mig__sq_quote_ident(&b, pk.v[i]);
		}
		mig_str_putc(&b, ')');
		mig__sq_segv_push(p, &m->parts, MIG_PART_PRIMARY, NULL, mig__sq_detach_or_fail(p, &b));
	}
	mig_strv_free(&pk);
	m->options = mig__sq_dup_or_fail(p, "");
}

/*
 * Read a table's current definition into m: its CREATE TABLE text mig__sq_split
 * into columns and constraints, checked against PRAGMA table_xinfo, and
 * its indexes and triggers (to recreate after a mig__sq_rebuild). Each column's
 * copy expression is the column itself. Returns false when there is no
 * such table (not an error by itself) or on error.
 */
bool mig__sq_load_model(sq *p, const char *table, mig_mtable *m)
{
	memset(m, 0, sizeof(*m));
	mig_str type = MIG_STR_INIT, stored = MIG_STR_INIT, sql = MIG_STR_INIT;
	bool found = mig__sq_find_object(p, table, "'table', 'view'", &type, &stored, &sql);
	mig_rows *x = NULL, *objs = NULL;
	if (!found || p->rc)
		goto out;
	if (strcmp(mig_str_cstr(&type), "view") == 0) {
		mig__sq_fail(p, MIG_ESQL, "%s: \"%s\" is a view, not a table", p->op->name, mig_str_cstr(&stored));
		goto out;
	}
	m->name = mig__sq_dup_or_fail(p, mig_str_cstr(&stored));
	if (istarts(mig_str_cstr(&sql), "CREATE VIRTUAL")) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED,
		     "%s is not supported on SQLite for \"%s\": it is a virtual table, whose definition belongs to its module",
		     p->op->name, mig_str_cstr(&stored));
		goto out;
	}
	if (!(x = table_xinfo(p, m->name)))
		goto out;
	if (!mig__sq_parse_create_table(p, mig_str_cstr(&sql), m)) {
		if (p->rc)
			goto out;
		/* CREATE TABLE ... AS SELECT: no column list to read */
		mig_mtable_dispose(m);
		m->name = mig__sq_dup_or_fail(p, mig_str_cstr(&stored));
		model_from_xinfo(p, x, m);
	}
	bool same = x->nrows == m->ncols;
	for (size_t i = 0; same && i < m->ncols; i++)
		same = ieq(cell(x, i, 0), m->cols[i].name);
	if (!same && !p->rc) {
		mig__sq_fail(p, MIG_ERROR, "%s: cannot read the definition of table \"%s\" from sqlite_master (its columns differ from PRAGMA table_xinfo)",
		     p->op->name, m->name);
		goto out;
	}
	for (size_t i = 0; i < m->ncols && !p->rc; i++) {
		mig_mcolumn *c = &m->cols[i];
		if (mig_parts_find(&c->parts, MIG_PART_GENERATED))
			continue; /* computed: never inserted into */
		mig_str s = MIG_STR_INIT;
		mig__sq_quote_ident(&s, c->name);
		c->src = mig__sq_detach_or_fail(p, &s);
	}
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ");
	mig__sq_quote_literal(&q, m->name);
	mig_str_puts(&q, " COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid");
	if (!(objs = mig__sq_cat_query(p, &q)))
		goto out;
	for (size_t i = 0; i < objs->nrows && !p->rc; i++)
		if (!mig_mtable_add_obj(m, mig_strdup(cell(objs, i, 0)), mig_strdup(cell(objs, i, 1)),
					mig_strdup(cell(objs, i, 2))))
			mig__sq_adopt(p, MIG_ENOMEM);
out:
	mig_rows_free(x);
	mig_rows_free(objs);
	mig_str_free(&type);
	mig_str_free(&stored);
	mig_str_free(&sql);
	return found && !p->rc;
}

/* mig__sq_load_model() of a table that must exist (PostgreSQL's error otherwise). */
bool mig__sq_need_model(sq *p, const char *table, mig_mtable *m)
{
	if (mig__sq_load_model(p, table, m))
		return true;
	if (!p->rc)
		mig__sq_fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, table);
	return false;
}

/* Every user table: name and CREATE text. */
mig_rows *mig__sq_all_tables(sq *p)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ");
	mig__sq_quote_literal(&q, ENUM_TABLE);
	mig_str_puts(&q, " ORDER BY rowid");
	return mig__sq_cat_query(p, &q);
}

mig_rows *mig__sq_all_views(sq *p)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid");
	return mig__sq_cat_query(p, &q);
}

/* The values of enum type `type` in declaration order; false when no such
 * type is known. */
bool mig__sq_enum_values(sq *p, const char *type, mig_strv *values)
{
	if (!have_catalog(p) || p->rc || !table_exists(p, ENUM_TABLE))
		return false;
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT value FROM " ENUM_TABLE " WHERE type_name = ");
	mig__sq_quote_literal(&q, type);
	mig_str_puts(&q, " ORDER BY position");
	mig_rows *r = mig__sq_cat_query(p, &q);
	bool found = r && r->nrows > 0;
	for (size_t i = 0; r && i < r->nrows; i++)
		mig__sq_strv_add(p, values, cell(r, i, 0));
	mig_rows_free(r);
	return found && !p->rc;
}
