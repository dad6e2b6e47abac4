/*
 * PostgreSQL: views and materialized views (see pg_emit.h),
 * node-pg-migrate's src/operations/views.ts and viewsMaterialized.ts.
 */
#include "dialects/postgres/pg_emit.h"

#include "util/error.h"

enum which { ALL, WITH_VALUE, RESET };

/* `key` or `key = value`, joined by ", "; RESET: the null keys alone. */
static void options_text(mig_str *out, const mig_view_options *o, enum which which)
{
	bool first = true;
	for (size_t i = 0; i < o->n; i++) {
		const mig_view_option *opt = &o->v[i];
		if ((which == WITH_VALUE && opt->reset) || (which == RESET && !opt->reset))
			continue;
		if (!first)
			mig_str_puts(out, ", ");
		first = false;
		mig_str_puts(out, opt->key);
		if (which != RESET && opt->value)
			mig_str_printf(out, " = %s", opt->value);
	}
}

/* The clauses are tested for text, not for items, as node-pg-migrate
 * does: a pgm.func('') column or an empty key writes nothing. */
static void columns_and_with(mig_str *s, const mig_qnames *columns, const mig_view_options *with)
{
	mig_str tmp = MIG_STR_INIT;
	mig__pg_names(&tmp, columns, ", ");
	if (tmp.len)
		mig_str_printf(s, "(%s)", mig_str_cstr(&tmp));
	mig_str_clear(&tmp);
	options_text(&tmp, with, ALL);
	if (tmp.len)
		mig_str_printf(s, " WITH (%s)", mig_str_cstr(&tmp));
	if (mig_str_failed(&tmp))
		s->failed = true;
	mig_str_free(&tmp);
}

static void e_create_view(pg *p, const mig_opdef *def)
{
	const mig_create_view_def *d = &def->u.create_view;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE");
	if (d->replace)
		mig_str_puts(&s, " OR REPLACE");
	if (d->temporary)
		mig_str_puts(&s, " TEMPORARY");
	if (d->recursive)
		mig_str_puts(&s, " RECURSIVE");
	mig_str_puts(&s, " VIEW ");
	mig__pg_name(&s, &d->name);
	columns_and_with(&s, &d->columns, &d->options);
	mig_str_printf(&s, " AS %s", d->definition);
	if (d->check_option)
		mig_str_printf(&s, " WITH %s CHECK OPTION", d->check_option);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* SET and RESET are two statements of one step; no option, no statement. */
static void e_alter_view(pg *p, const mig_opdef *def)
{
	const mig_alter_view_def *d = &def->u.alter_view;
	mig_str set = MIG_STR_INIT, reset = MIG_STR_INIT, s = MIG_STR_INIT;
	options_text(&set, &d->options, WITH_VALUE);
	options_text(&reset, &d->options, RESET);
	if (set.len) {
		mig_str_puts(&s, "ALTER VIEW ");
		mig__pg_name(&s, &d->name);
		mig_str_printf(&s, " SET (%s);", mig_str_cstr(&set));
		mig__pg_stmt(p, &s);
	}
	if (reset.len) {
		mig_str_puts(&s, "ALTER VIEW ");
		mig__pg_name(&s, &d->name);
		mig_str_printf(&s, " RESET (%s);", mig_str_cstr(&reset));
		mig__pg_stmt(p, &s);
	}
	if (!p->rc && (mig_str_failed(&set) || mig_str_failed(&reset)))
		mig__pg_adopt(p, mig_error_oom());
	mig_str_free(&set);
	mig_str_free(&reset);
	mig__pg_end_step(p);
}

/* Without a default node-pg-migrate still queues an (empty) step. */
static void e_alter_view_column(pg *p, const mig_opdef *def)
{
	const mig_alter_view_column_def *d = &def->u.alter_view_column;
	if (d->default_action == MIG_KEEP) {
		mig__pg_end_step(p);
		return;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER VIEW ");
	mig__pg_name(&s, &d->view);
	mig_str_puts(&s, " ALTER COLUMN ");
	mig__pg_name(&s, &d->column);
	if (d->default_action == MIG_DROP) {
		mig_str_puts(&s, " DROP DEFAULT;");
	} else {
		mig_str_puts(&s, " SET DEFAULT ");
		mig__pg_value(&s, d->default_value);
		mig_str_putc(&s, ';');
	}
	mig__pg_step(p, &s);
}

static void e_drop_view(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "VIEW", &def->u.drop);
}

static void e_rename_view(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER VIEW ", &def->u.rename, " RENAME TO ");
}

static void data_clause(mig_str *out, enum mig_tristate data)
{
	if (data != MIG_ABSENT)
		mig_str_puts(out, data == MIG_SET ? " WITH DATA" : " WITH NO DATA");
}

static void e_create_materialized_view(pg *p, const mig_opdef *def)
{
	const mig_create_materialized_view_def *d = &def->u.create_materialized_view;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_not_exists ? "CREATE MATERIALIZED VIEW IF NOT EXISTS " : "CREATE MATERIALIZED VIEW ");
	mig__pg_name(&s, &d->name);
	columns_and_with(&s, &d->columns, &d->storage);
	if (d->tablespace) {
		mig_str_puts(&s, " TABLESPACE ");
		mig__pg_name(&s, d->tablespace);
	}
	mig_str_printf(&s, " AS %s", d->definition);
	data_clause(&s, d->data);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_alter_materialized_view(pg *p, const mig_opdef *def)
{
	const mig_alter_materialized_view_def *d = &def->u.alter_materialized_view;
	mig_strv cl = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT, tmp = MIG_STR_INIT;
	if (d->cluster == MIG_SET) {
		mig_str_puts(&s, "CLUSTER ON ");
		mig__pg_name(&s, &d->cluster_index);
		mig__pg_add(p, &cl, &s);
	} else if (d->cluster == MIG_UNSET) {
		mig_str_puts(&s, "SET WITHOUT CLUSTER");
		mig__pg_add(p, &cl, &s);
	}
	if (d->extension) {
		mig_str_puts(&s, "DEPENDS ON EXTENSION ");
		mig__pg_name(&s, d->extension);
		mig__pg_add(p, &cl, &s);
	}
	options_text(&tmp, &d->storage, WITH_VALUE);
	if (tmp.len) {
		mig_str_printf(&s, "SET (%s)", mig_str_cstr(&tmp));
		mig__pg_add(p, &cl, &s);
	}
	mig_str_clear(&tmp);
	options_text(&tmp, &d->storage, RESET);
	if (tmp.len) {
		mig_str_printf(&s, "RESET (%s)", mig_str_cstr(&tmp));
		mig__pg_add(p, &cl, &s);
	}
	if (!p->rc && mig_str_failed(&tmp))
		mig__pg_adopt(p, mig_error_oom());
	mig_str_free(&tmp);
	mig_str_puts(&s, "ALTER MATERIALIZED VIEW ");
	mig__pg_name(&s, &d->name);
	mig_str_putc(&s, '\n');
	mig__pg_format_lines(&s, &cl, "  ", ",");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
	mig_strv_free(&cl);
}

static void e_refresh_materialized_view(pg *p, const mig_opdef *def)
{
	const mig_refresh_materialized_view_def *d = &def->u.refresh_materialized_view;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->concurrently ? "REFRESH MATERIALIZED VIEW CONCURRENTLY " : "REFRESH MATERIALIZED VIEW ");
	mig__pg_name(&s, &d->name);
	data_clause(&s, d->data);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_rename_materialized_view(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER MATERIALIZED VIEW ", &def->u.rename, " RENAME TO ");
}

static void e_rename_materialized_view_column(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER MATERIALIZED VIEW ", &r->target, " RENAME COLUMN ", &r->from, " TO ", &r->to);
}

static void e_drop_materialized_view(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "MATERIALIZED VIEW", &def->u.drop);
}

const mig_pg_emitter mig__pg_views[] = {
	{MIG_OP_CREATE_VIEW, e_create_view},
	{MIG_OP_ALTER_VIEW, e_alter_view},
	{MIG_OP_ALTER_VIEW_COLUMN, e_alter_view_column},
	{MIG_OP_DROP_VIEW, e_drop_view},
	{MIG_OP_RENAME_VIEW, e_rename_view},
	{MIG_OP_CREATE_MATERIALIZED_VIEW, e_create_materialized_view},
	{MIG_OP_ALTER_MATERIALIZED_VIEW, e_alter_materialized_view},
	{MIG_OP_REFRESH_MATERIALIZED_VIEW, e_refresh_materialized_view},
	{MIG_OP_RENAME_MATERIALIZED_VIEW, e_rename_materialized_view},
	{MIG_OP_RENAME_MATERIALIZED_VIEW_COLUMN, e_rename_materialized_view_column},
	{MIG_OP_DROP_MATERIALIZED_VIEW, e_drop_materialized_view},
	{MIG_OP_UNKNOWN, NULL},
};
