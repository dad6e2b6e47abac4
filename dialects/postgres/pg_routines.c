/*
 * PostgreSQL: functions and triggers (see pg_emit.h), node-pg-migrate's
 * src/operations/functions.ts and triggers.ts.
 */
#include "dialects/postgres/pg_emit.h"

static void function_text(pg *p, mig_str *out, const mig_function_def *f)
{
	mig_strv lines = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	if (f->behavior) {
		mig_str_puts(&s, f->behavior);
		mig__pg_add(p, &lines, &s);
	}
	mig_str_printf(&s, "LANGUAGE %s", f->language);
	mig__pg_add(p, &lines, &s);
	if (f->security) {
		mig_str_printf(&s, "SECURITY %s", f->security);
		mig__pg_add(p, &lines, &s);
	}
	if (f->window) {
		mig_str_puts(&s, "WINDOW");
		mig__pg_add(p, &lines, &s);
	}
	if (f->on_null) {
		mig_str_puts(&s, "RETURNS NULL ON NULL INPUT");
		mig__pg_add(p, &lines, &s);
	}
	if (f->parallel) {
		mig_str_printf(&s, "PARALLEL %s", f->parallel);
		mig__pg_add(p, &lines, &s);
	}
	for (size_t i = 0; i < f->nset; i++) {
		mig_str_puts(&s, "SET ");
		mig__pg_name(&s, &f->set[i].parameter);
		if (f->set[i].value)
			mig_str_printf(&s, " TO %s", f->set[i].value);
		else
			mig_str_puts(&s, " FROM CURRENT");
		mig__pg_add(p, &lines, &s);
	}
	mig_str_puts(out, f->replace ? "CREATE OR REPLACE FUNCTION " : "CREATE FUNCTION ");
	mig__pg_name(out, &f->name);
	mig__pg_params(out, &f->params);
	mig_str_printf(out, "\n  RETURNS %s\n  AS ", f->returns);
	mig__pg_value(out, f->definition);
	mig_str_puts(out, "\n  ");
	mig__pg_joined(out, &lines, "\n  ");
	mig_str_putc(out, ';');
	mig_strv_free(&lines);
}

static void e_create_function(pg *p, const mig_opdef *def)
{
	mig_str s = MIG_STR_INIT;
	function_text(p, &s, &def->u.create_function);
	mig__pg_step(p, &s);
}

static void drop_function_text(mig_str *out, const mig_drop_function_def *d)
{
	mig_str_puts(out, d->if_exists ? "DROP FUNCTION IF EXISTS " : "DROP FUNCTION ");
	mig__pg_name(out, &d->name);
	mig__pg_params(out, &d->params);
	if (d->cascade)
		mig_str_puts(out, " CASCADE");
	mig_str_putc(out, ';');
}

static void e_drop_function(pg *p, const mig_opdef *def)
{
	mig_str s = MIG_STR_INIT;
	drop_function_text(&s, &def->u.drop_function);
	mig__pg_step(p, &s);
}

static void e_rename_function(pg *p, const mig_opdef *def)
{
	const mig_rename_function_def *r = &def->u.rename_function;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER FUNCTION ");
	mig__pg_name(&s, &r->from);
	mig__pg_params(&s, &r->params);
	mig_str_puts(&s, " RENAME TO ");
	mig__pg_name(&s, &r->to);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* With a definition the function comes first, in the same step (one
 * client.query() in node-pg-migrate). */
static void e_create_trigger(pg *p, const mig_opdef *def)
{
	const mig_trigger_def *t = &def->u.create_trigger;
	mig_str s = MIG_STR_INIT;
	if (t->function_def) {
		function_text(p, &s, t->function_def);
		mig__pg_stmt(p, &s);
	}
	mig_str_puts(&s, t->constraint ? "CREATE CONSTRAINT TRIGGER " : "CREATE TRIGGER ");
	mig__pg_name(&s, &t->name);
	mig_str_printf(&s, "\n  %s %s ON ", t->when, t->operation);
	mig__pg_name(&s, &t->table);
	mig_str_puts(&s, "\n  ");
	if (t->constraint) {
		if (t->deferrable)
			mig_str_puts(&s, t->deferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE");
		else
			mig_str_puts(&s, "NOT DEFERRABLE");
		mig_str_puts(&s, "\n  ");
	}
	mig_str_printf(&s, "FOR EACH %s\n  ", t->level);
	if (t->condition)
		mig_str_printf(&s, "WHEN (%s)\n  ", t->condition);
	mig_str_puts(&s, "EXECUTE PROCEDURE ");
	mig__pg_name(&s, &t->function);
	mig_str_putc(&s, '(');
	for (size_t i = 0; i < t->function_params.n; i++) {
		if (i)
			mig_str_puts(&s, ", ");
		mig__pg_value(&s, t->function_params.v[i]);
	}
	mig_str_puts(&s, ");");
	mig__pg_stmt(p, &s);
	mig__pg_end_step(p);
}

static void drop_trigger_text(mig_str *out, const mig_drop_def *d)
{
	mig_str_puts(out, d->if_exists ? "DROP TRIGGER IF EXISTS " : "DROP TRIGGER ");
	mig__pg_name(out, &d->names.v[0]);
	mig_str_puts(out, " ON ");
	mig__pg_name(out, &d->target);
	if (d->cascade)
		mig_str_puts(out, " CASCADE");
	mig_str_putc(out, ';');
}

static void e_drop_trigger(pg *p, const mig_opdef *def)
{
	mig_str s = MIG_STR_INIT;
	drop_trigger_text(&s, &def->u.drop);
	mig__pg_step(p, &s);
}

/* node-pg-migrate drops both in one step. */
static void e_drop_trigger_and_function(pg *p, const mig_opdef *def)
{
	const mig_drop_trigger_function_def *d = &def->u.drop_trigger_function;
	mig_str s = MIG_STR_INIT;
	drop_trigger_text(&s, &d->trigger);
	mig__pg_stmt(p, &s);
	drop_function_text(&s, &d->function);
	mig__pg_stmt(p, &s);
	mig__pg_end_step(p);
}

static void e_rename_trigger(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER TRIGGER ", &r->from, " ON ", &r->target, " RENAME TO ", &r->to);
}

const mig_pg_emitter mig__pg_routines[] = {
	{MIG_OP_CREATE_FUNCTION, e_create_function},
	{MIG_OP_DROP_FUNCTION, e_drop_function},
	{MIG_OP_RENAME_FUNCTION, e_rename_function},
	{MIG_OP_CREATE_TRIGGER, e_create_trigger},
	{MIG_OP_DROP_TRIGGER, e_drop_trigger},
	{MIG_OP_RENAME_TRIGGER, e_rename_trigger},
	{MIG_OP_DROP_TRIGGER_AND_FUNCTION, e_drop_trigger_and_function},
	{MIG_OP_UNKNOWN, NULL},
};
