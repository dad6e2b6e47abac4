/*
 * Indexes.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* generateColumnString(): a name is quoted, an expression (already
 * parenthesised by the analysis) kept as is. */
static void index_column(sq *p, mig_str *out, const mig_qname *col)
{
	if (col->raw) {
		mig_str_puts(out, col->name);
		return;
	}
	char *f = mig__sq_final_ident(p, col->name);
	if (f)
		mig__sq_quote_ident(out, f);
	mig__free(f);
}

static void index_columns(sq *p, mig_str *out, const mig_create_index_def *d)
{
	for (size_t i = 0; i < d->ncolumns && !p->rc; i++) {
		const mig_index_column_def *c = &d->columns[i];
		if (i)
			mig_str_puts(out, ", ");
		index_column(p, out, &c->column);
		if (c->opclass_text)
			mig__sq_notice(p, "%s: operator class %s skipped: SQLite has no operator classes", p->op->name,
				       c->opclass_text);
		if (c->sort) {
			mig_str_putc(out, ' ');
			mig_str_puts(out, c->sort);
		}
	}
}

static void index_hints(sq *p, bool concurrently, const char *method)
{
	if (concurrently)
		mig__sq_notice(p, "%s: CONCURRENTLY skipped: SQLite builds indexes under its write lock", p->op->name);
	if (method && !ieq(method, "btree"))
		mig__sq_notice(p, "%s: index method %s skipped: SQLite indexes are B-trees", p->op->name, method);
}

static void e_createIndex(sq *p)
{
	const mig_create_index_def *d = &p->def->u.create_index;
	/* the analysis refused nulls without unique */
	if (d->nulls && !ieq(d->nulls, "distinct"))
		mig__sq_unsupported_option(p, "nulls: 'not distinct'", "SQLite unique indexes always treat NULLs as distinct");
	char *name = mig__sq_qname(p, &d->name, "the index name");
	char *tname = mig__sq_qname(p, &d->table, "the table name");
	mig_str colstr = MIG_STR_INIT, s = MIG_STR_INIT;
	index_columns(p, &colstr, d);
	index_hints(p, d->concurrently, d->method);
	if (d->include)
		mig__sq_notice(p, "%s: INCLUDE columns skipped: SQLite has no covering-index clause", p->op->name);
	if (!p->rc) {
		mig_str_puts(&s, d->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
		if (d->if_not_exists)
			mig_str_puts(&s, "IF NOT EXISTS ");
		mig__sq_quote_ident(&s, name);
		mig_str_puts(&s, " ON ");
		mig__sq_quote_ident(&s, tname);
		mig_str_printf(&s, " (%s)", mig_str_cstr(&colstr));
		if (d->where)
			mig_str_printf(&s, " WHERE %s", d->where);
		mig_str_putc(&s, ';');
	}
	mig__sq_step(p, &s);
	mig_str_free(&colstr);
	mig__free(name);
	mig__free(tname);
}

static void e_dropIndex(sq *p)
{
	const mig_drop_index_def *d = &p->def->u.drop_index;
	char *name = mig__sq_qname(p, &d->name, "the index name");
	index_hints(p, d->concurrently, d->method);
	if (d->cascade)
		mig__sq_notice(p, "%s: CASCADE skipped: SQLite indexes have no dependent objects", p->op->name);
	mig_str s = MIG_STR_INIT;
	if (!p->rc) {
		mig_str_puts(&s, d->if_exists ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
		mig__sq_quote_ident(&s, name);
		mig_str_putc(&s, ';');
	}
	mig__sq_step(p, &s);
	mig__free(name);
}

static void e_renameIndex(sq *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = mig__sq_qname(p, &r->from, "the index name");
	char *to = mig__sq_qname(p, &r->to, "the new index name");
	if (!p->rc) {
		const mig_model *schema = mig__sq_schema(p);
		mig_mobject *ix = NULL;
		if (schema && !mig_model_table_of(schema, "index", from, &ix)) {
			if (!p->rc)
				mig__sq_fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, from);
		} else if (ix && !ix->sql) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s is not supported on SQLite for %s: it is the index SQLite made for a UNIQUE or PRIMARY KEY constraint",
			     p->op->name, ix->name);
		} else if (ix) {
			mig__sq_rename_index(p, ix->name, ix->sql, to);
		}
	}
	mig__free(from);
	mig__free(to);
}

const mig_sq_emitter mig__sq_indexes[] = {
	{MIG_OP_CREATE_INDEX, e_createIndex},
	{MIG_OP_DROP_INDEX, e_dropIndex},
	{MIG_OP_RENAME_INDEX, e_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
