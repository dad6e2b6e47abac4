/*
 * Indexes on MySQL/MariaDB: B-tree (or HASH) indexes on columns; no
 * partial, covering or operator-class indexes, and on MariaDB no
 * expression key parts. An index name is per table there, so dropIndex
 * finds the table in the catalog.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

static bool is_mysql(const my *p)
{
	const char *f = p->ctx->server ? p->ctx->server->flavour : NULL;
	return f && strcmp(f, "mysql") == 0;
}

static bool ieq(const char *a, const char *b)
{
	return mig_model_ieq(a, b);
}

/* The table an index (or a UNIQUE key, which is one on MySQL) is on. */
static const mig_mtable *index_table(my *p, const char *name, bool *unique_key)
{
	*unique_key = false;
	const mig_model *m = NULL;
	if (!p->ctx->catalog)
		return NULL;
	int rc = mig_catalog_schema(p->ctx->catalog, &m);
	if (rc) {
		p->rc = rc;
		return NULL;
	}
	for (size_t i = 0; m && i < m->ntables; i++) {
		const mig_mtable *t = m->tables[i];
		if (mig_mtable_obj(t, "index", name))
			return t;
		for (size_t k = 0; k < t->parts.n; k++)
			if (t->parts.v[k].kind == MIG_PART_UNIQUE && t->parts.v[k].name && ieq(t->parts.v[k].name, name)) {
				*unique_key = true;
				return t;
			}
	}
	return NULL;
}

static void e_createIndex(my *p)
{
	const mig_create_index_def *d = &p->def->u.create_index;
	if (d->where)
		mig__my_unsupported_option(p, "where", "MySQL/MariaDB has no partial indexes");
	if (d->include)
		mig__my_unsupported_option(p, "include", "MySQL/MariaDB has no covering-index INCLUDE clause");
	if (d->nulls && strcmp(d->nulls, "DISTINCT") != 0)
		mig__my_unsupported_option(p, "nulls", "MySQL/MariaDB unique indexes always treat NULLs as distinct");
	if (d->method && !ieq(d->method, "btree") && !ieq(d->method, "hash"))
		mig__my_unsupported_option(p, "method", "MySQL/MariaDB (InnoDB) indexes are BTREE (or HASH)");
	if (d->concurrently)
		mig__my_notice(p, "%s: CONCURRENTLY skipped: InnoDB builds indexes online", p->op->name);
	if (p->rc)
		return;
	const mig_mtable *t = mig__my_table(p, &d->table);
	char *name = mig__my_ident(p, d->name.name, "the index name", false);
	if (d->if_not_exists && is_mysql(p)) {
		/* MySQL has no CREATE INDEX IF NOT EXISTS: the catalog decides */
		bool uk;
		if (!p->ctx->catalog) {
			mig__my_unsupported_option(p, "ifNotExists", "MySQL has no CREATE INDEX IF NOT EXISTS, and no catalog says whether the index exists");
		} else if (name && index_table(p, name, &uk)) {
			mig__my_notice(p, "relation \"%s\" already exists, skipping", name);
			mig__free(name);
			return;
		}
	}
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "CREATE %sINDEX %s", d->unique ? "UNIQUE " : "", d->if_not_exists && !is_mysql(p) ? "IF NOT EXISTS " : "");
	if (name)
		mig_quote_backtick_ident(&s, name);
	mig_str_puts(&s, " ON ");
	mig__my_put_name(p, &s, &d->table, "the table name", true);
	mig_str_puts(&s, " (");
	for (size_t i = 0; i < d->ncolumns && !p->rc; i++) {
		const mig_index_column_def *c = &d->columns[i];
		if (i)
			mig_str_puts(&s, ", ");
		if (c->opclass_text) {
			mig__my_unsupported_option(p, "opclass", "MySQL/MariaDB has no operator classes");
			break;
		}
		if (c->column.raw) {
			if (!is_mysql(p)) {
				mig__my_fail(p, MIG_ENOTSUPPORTED,
					     "%s: the expression %s is not supported on MariaDB: it has no expression indexes (index a generated column instead)",
					     p->op->name, c->column.name);
				break;
			}
			mig_str_printf(&s, "(%s)", c->column.name);
		} else {
			char *col = mig__my_ident(p, c->column.name, "the column name", true);
			const mig_mcolumn *mc = t && col ? mig_mtable_col(t, col) : NULL;
			int fsp;
			bool blob = false;
			if (mc)
				mig__my_kind_of_stored(mc->type, &fsp, &blob);
			if (col)
				mig_quote_backtick_ident(&s, col);
			if (blob && d->unique)
				mig__my_fail(p, MIG_ENOTSUPPORTED,
					     "%s: a UNIQUE index on the %s column \"%s\" is not supported on MySQL/MariaDB: MySQL needs a prefix length there, which changes what UNIQUE means (give the column a varchar(n) type)",
					     p->op->name, mc->type, col);
			else if (blob) {
				/* a prefix only makes the index less selective */
				mig_str_puts(&s, "(255)");
				mig__my_notice(p, "%s: the %s column \"%s\" is indexed on its first 255 characters (MySQL needs a prefix length)",
					       p->op->name, mc->type, col);
			}
			mig__free(col);
		}
		if (c->sort)
			mig_str_printf(&s, " %s", c->sort);
	}
	mig_str_putc(&s, ')');
	if (d->method)
		mig_str_puts(&s, ieq(d->method, "hash") ? " USING HASH" : " USING BTREE");
	mig__my_stmt(p, &s);
	mig__free(name);
}

static void e_dropIndex(my *p)
{
	const mig_drop_index_def *d = &p->def->u.drop_index;
	if (d->concurrently)
		mig__my_notice(p, "%s: CONCURRENTLY skipped: InnoDB drops indexes online", p->op->name);
	if (d->cascade)
		mig__my_notice(p, "%s: CASCADE skipped: nothing depends on a MySQL/MariaDB index", p->op->name);
	char *name = mig__my_ident(p, d->name.name, "the index name", false);
	bool uk = false;
	const mig_mtable *t = name ? index_table(p, name, &uk) : NULL;
	if (!t && !p->rc) {
		if (d->if_exists && p->ctx->catalog) {
			mig__my_notice(p, "index \"%s\" does not exist, skipping", name);
		} else if (!d->if_exists || is_mysql(p)) {
			/* DROP INDEX needs the table on MySQL */
			mig__my_fail(p, MIG_ESQL, "%s: index \"%s\" is not known (MySQL/MariaDB drops an index by its table, found in the tables as they are now)",
				     p->op->name, name);
		}
		mig__free(name);
		return;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_exists && !is_mysql(p) ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
	mig_quote_backtick_ident(&s, name ? name : "");
	mig_str_puts(&s, " ON ");
	mig_quote_backtick_ident(&s, t ? t->name : "");
	mig__my_stmt(p, &s);
	mig__free(name);
}

static void e_renameIndex(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = mig__my_ident(p, r->from.name, "the index name", false);
	char *to = mig__my_ident(p, r->to.name, "the new index name", false);
	bool uk;
	const mig_mtable *t = from ? index_table(p, from, &uk) : NULL;
	if (!t && !p->rc)
		mig__my_fail(p, MIG_ESQL, "%s: index \"%s\" is not known (MySQL/MariaDB renames an index by its table)", p->op->name,
			     from);
	if (t) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig_quote_backtick_ident(&s, t->name);
		mig_str_puts(&s, " RENAME INDEX ");
		mig_quote_backtick_ident(&s, from);
		mig_str_puts(&s, " TO ");
		mig_quote_backtick_ident(&s, to ? to : "");
		mig__my_stmt(p, &s);
	}
	mig__free(from);
	mig__free(to);
}

const mig_my_emitter mig__my_indexes[] = {
	{MIG_OP_CREATE_INDEX, e_createIndex},
	{MIG_OP_DROP_INDEX, e_dropIndex},
	{MIG_OP_RENAME_INDEX, e_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
