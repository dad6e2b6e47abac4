/* PostgreSQL: createIndex, dropIndex and renameIndex (see pg_emit.h). */
#include "dialects/postgres/pg_emit.h"

static void e_createIndex(pg *p, const mig_opdef *def)
{
	const mig_create_index_def *d = &def->u.create_index;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE");
	if (d->unique)
		mig_str_puts(&s, " UNIQUE");
	mig_str_puts(&s, " INDEX");
	if (d->concurrently)
		mig_str_puts(&s, " CONCURRENTLY");
	if (d->if_not_exists)
		mig_str_puts(&s, " IF NOT EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->name);
	mig_str_puts(&s, " ON ");
	mig__pg_name(&s, &d->table);
	if (d->method)
		mig_str_printf(&s, " USING %s", d->method);
	mig_str_puts(&s, " (");
	for (size_t i = 0; i < d->ncolumns; i++) {
		const mig_index_column_def *c = &d->columns[i];
		if (i)
			mig_str_puts(&s, ", ");
		mig__pg_name(&s, &c->column);
		if (c->opclass) {
			mig_str_putc(&s, ' ');
			mig__pg_name(&s, c->opclass);
		}
		if (c->sort)
			mig_str_printf(&s, " %s", c->sort);
	}
	mig_str_putc(&s, ')');
	if (d->include) {
		mig_str_puts(&s, " INCLUDE (");
		mig__pg_names(&s, d->include, ", ");
		mig_str_putc(&s, ')');
	}
	if (d->nulls)
		mig_str_printf(&s, " NULLS %s", d->nulls);
	if (d->where)
		mig_str_printf(&s, " WHERE %s", d->where);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_dropIndex(pg *p, const mig_opdef *def)
{
	const mig_drop_index_def *d = &def->u.drop_index;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "DROP INDEX");
	if (d->concurrently)
		mig_str_puts(&s, " CONCURRENTLY");
	if (d->if_exists)
		mig_str_puts(&s, " IF EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->name);
	if (d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_renameIndex(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER INDEX ", &def->u.rename, " RENAME TO ");
}

const mig_pg_emitter mig__pg_indexes[] = {
	{MIG_OP_CREATE_INDEX, e_createIndex},
	{MIG_OP_DROP_INDEX, e_dropIndex},
	{MIG_OP_RENAME_INDEX, e_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
