/*
 * The SQLite catalog, both ways round:
 * - the reader (introspect): sqlite_master's CREATE texts split into the
 *   shared model, checked against PRAGMA table_xinfo, with each table's
 *   indexes and triggers, the views, and the enum types of _mig_enums;
 * - what the emitters ask of the catalog (dialects/catalog.h): a table as
 *   a private copy to change, the whole schema, an enum's values.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* ---- the reader ------------------------------------------------------------ */

typedef struct reader {
	const mig_query_io *io;
	sq p; /* the model parser's error state (no operation) */
} reader;

static mig_rows *query(reader *r, mig_str *sql)
{
	if (r->p.rc || mig_str_failed(sql)) {
		if (!r->p.rc)
			mig__sq_oom(&r->p);
		mig_str_free(sql);
		return NULL;
	}
	mig_rows *rows = NULL;
	int rc = r->io->query(r->io->ud, mig_str_cstr(sql), &rows);
	mig_str_free(sql);
	mig__sq_adopt(&r->p, rc);
	return rc ? NULL : rows;
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

/* A table from its sqlite_master row (stored name and CREATE text). */
static mig_mtable *read_table(reader *r, const char *stored, const char *sql)
{
	sq *p = &r->p;
	mig_mtable *m = mig_mtable_new(stored);
	mig_rows *x = NULL, *objs = NULL;
	if (!m) {
		mig__sq_adopt(p, MIG_ENOMEM);
		return NULL;
	}
	if (istarts(sql, "CREATE VIRTUAL")) {
		m->opaque = mig__sq_dup_or_fail(p, "it is a virtual table, whose definition belongs to its module");
		return p->rc ? (mig_mtable_free(m), NULL) : m;
	}
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(");
	mig__sq_quote_literal(&q, stored);
	mig_str_putc(&q, ')');
	if (!(x = query(r, &q)))
		goto fail;
	if (!mig__sq_parse_create_table(p, sql, m)) {
		if (p->rc)
			goto fail;
		/* CREATE TABLE ... AS SELECT: no column list to read */
		mig_mtable_dispose(m);
		if (!(m->name = mig__sq_dup_or_fail(p, stored)))
			goto fail;
		model_from_xinfo(p, x, m);
	}
	bool same = x->nrows == m->ncols;
	for (size_t i = 0; same && i < m->ncols; i++)
		same = ieq(cell(x, i, 0), m->cols[i].name);
	if (!same && !p->rc) {
		mig__sq_fail(p, MIG_ERROR, "cannot read the definition of table \"%s\" from sqlite_master (its columns differ from PRAGMA table_xinfo)",
			     m->name);
		goto fail;
	}
	mig__sq_model_settle(p, m);
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ");
	mig__sq_quote_literal(&q, m->name);
	/* with the indexes SQLite made for UNIQUE and PRIMARY KEY constraints
	 * (no text: they are not created again by a rebuild) */
	mig_str_puts(&q, " COLLATE NOCASE AND type IN ('index', 'trigger') ORDER BY rowid");
	if (!(objs = query(r, &q)))
		goto fail;
	for (size_t i = 0; i < objs->nrows && !p->rc; i++)
		mig__sq_model_add_object(p, m, cell(objs, i, 0), cell(objs, i, 1), mig_rows_get(objs, i, 2));
	if (p->rc)
		goto fail;
	mig_rows_free(x);
	mig_rows_free(objs);
	return m;
fail:
	mig_rows_free(x);
	mig_rows_free(objs);
	mig_mtable_free(m);
	return NULL;
}

static void read_one(reader *r, mig_model *m, const char *name, bool *found)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = ");
	mig__sq_quote_literal(&q, name);
	mig_str_puts(&q, " COLLATE NOCASE");
	mig_rows *rows = query(r, &q);
	*found = rows && rows->nrows > 0;
	if (*found) {
		mig_mtable *t = read_table(r, cell(rows, 0, 0), cell(rows, 0, 1));
		if (t)
			mig__sq_adopt(&r->p, mig_model_put_table(m, t));
	}
	mig_rows_free(rows);
}

static void read_enums(reader *r, mig_model *m)
{
	mig_str q = MIG_STR_INIT;
	mig_str table = MIG_STR_INIT;
	mig__sq_enum_table(r->io->names, &table);
	mig_str_puts(&q, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ");
	mig__sq_quote_literal(&q, mig_str_cstr(&table));
	mig_rows *rows = query(r, &q);
	bool have = rows && strcmp(cell(rows, 0, 0), "0") != 0;
	mig_rows_free(rows);
	if (!have) {
		mig_str_free(&table);
		return;
	}
	mig_str_puts(&q, "SELECT type_name, value FROM ");
	mig__sq_quote_ident(&q, mig_str_cstr(&table));
	mig_str_puts(&q, " ORDER BY type_name, position");
	mig_str_free(&table);
	if (!(rows = query(r, &q)))
		return;
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; i < rows->nrows && !r->p.rc; i++) {
		mig__sq_strv_add(&r->p, &values, cell(rows, i, 1));
		if (i + 1 == rows->nrows || strcmp(cell(rows, i + 1, 0), cell(rows, i, 0)) != 0) {
			mig__sq_adopt(&r->p, mig_model_put_enum(m, cell(rows, i, 0), &values));
			mig_strv_free(&values);
		}
	}
	mig_strv_free(&values);
	mig_rows_free(rows);
}

static void read_all(reader *r, mig_model *m)
{
	mig_str q = MIG_STR_INIT;
	mig_str table = MIG_STR_INIT;
	mig__sq_enum_table(r->io->names, &table);
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ");
	mig__sq_quote_literal(&q, mig_str_cstr(&table));
	mig_str_free(&table);
	mig_str_puts(&q, " ORDER BY rowid");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->p.rc; i++) {
		mig_mtable *t = read_table(r, cell(rows, i, 0), cell(rows, i, 1));
		if (t)
			mig__sq_adopt(&r->p, mig_model_put_table(m, t));
	}
	mig_rows_free(rows);
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid");
	rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->p.rc; i++)
		mig__sq_adopt(&r->p, mig_model_put_view(m, cell(rows, i, 0), cell(rows, i, 1)));
	mig_rows_free(rows);
	read_enums(r, m);
}

int mig__sq_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found)
{
	reader r = {.io = io};
	bool dummy = false;
	switch (what) {
	case MIG_INTROSPECT_TABLE:
		read_one(&r, m, name, found ? found : &dummy);
		break;
	case MIG_INTROSPECT_ALL:
		read_all(&r, m);
		break;
	case MIG_INTROSPECT_ENUMS:
		read_enums(&r, m);
		break;
	}
	return r.p.rc;
}

/* ---- what the emitters ask -------------------------------------------------- */

/* A catalog error, named after the operation that needed it. */
static void adopt_catalog(sq *p, int rc)
{
	if (!rc || p->rc)
		return;
	if (rc != MIG_ENOMEM)
		mig_error_prefix("%s", p->op->name);
	mig__sq_adopt(p, rc);
}

static bool need_catalog(sq *p)
{
	if (have_catalog(p))
		return true;
	mig__sq_fail(p, MIG_ERROR, "%s needs the database to see the tables as they are now on SQLite (no catalog given)",
		     p->op->name);
	return false;
}

const mig_model *mig__sq_schema(sq *p)
{
	if (p->rc || !need_catalog(p))
		return NULL;
	const mig_model *m = NULL;
	adopt_catalog(p, mig_catalog_schema(p->ctx->catalog, &m));
	return p->rc ? NULL : m;
}

/* The view of that name, when there is one. */
const mig_mview *mig__sq_find_view(sq *p, const char *name)
{
	const mig_model *m = mig__sq_schema(p);
	return m ? mig_model_view(m, name) : NULL;
}

/*
 * A private copy of a table's current definition in m, to change and
 * restate (its columns' copy expressions are the columns themselves).
 * Returns false when there is no such table (not an error by itself) or
 * on error.
 */
bool mig__sq_load_model(sq *p, const char *table, mig_mtable *m)
{
	memset(m, 0, sizeof(*m));
	if (p->rc || !need_catalog(p))
		return false;
	const mig_mtable *t = NULL;
	adopt_catalog(p, mig_catalog_table(p->ctx->catalog, table, &t));
	if (p->rc)
		return false;
	if (!t) {
		const mig_mview *v = mig__sq_find_view(p, table);
		if (v)
			mig__sq_fail(p, MIG_ESQL, "%s: \"%s\" is a view, not a table", p->op->name, v->name);
		return false;
	}
	if (t->opaque) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s is not supported on SQLite for \"%s\": %s", p->op->name, t->name,
			     t->opaque);
		return false;
	}
	mig_mtable *c = mig_mtable_clone(t);
	if (!c) {
		mig__sq_adopt(p, MIG_ENOMEM);
		return false;
	}
	*m = *c;
	mig__free(c);
	return true;
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

/* The values of enum type `type` in declaration order; false when no such
 * type is known. */
bool mig__sq_enum_values(sq *p, const char *type, mig_strv *values)
{
	if (!have_catalog(p) || p->rc)
		return false;
	const mig_menum *e = NULL;
	adopt_catalog(p, mig_catalog_enum(p->ctx->catalog, type, &e));
	for (size_t i = 0; e && i < e->values.n; i++)
		mig__sq_strv_add(p, values, e->values.v[i]);
	return e && e->values.n > 0 && !p->rc;
}
