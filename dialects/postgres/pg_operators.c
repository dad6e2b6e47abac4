/*
 * PostgreSQL: casts, operators, operator families and classes (see
 * pg_emit.h), node-pg-migrate's src/operations/casts.ts and operators.ts.
 */
#include "dialects/postgres/pg_emit.h"

/* ---- casts ------------------------------------------------------------------ */

static void e_create_cast(pg *p, const mig_opdef *def)
{
	const mig_cast_def *d = &def->u.create_cast;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "CREATE CAST (%s AS %s)", d->source, d->target);
	switch (d->method) {
	case MIG_CAST_WITH_FUNCTION:
		mig_str_puts(&s, " WITH FUNCTION ");
		mig__pg_name(&s, &d->function);
		mig_str_printf(&s, "(%s)", d->argument_types);
		break;
	case MIG_CAST_WITH_INOUT:
		mig_str_puts(&s, " WITH INOUT");
		break;
	case MIG_CAST_WITHOUT_FUNCTION:
		mig_str_puts(&s, " WITHOUT FUNCTION");
		break;
	}
	if (d->as)
		mig_str_printf(&s, " AS %s", d->as);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_drop_cast(pg *p, const mig_opdef *def)
{
	const mig_drop_cast_def *d = &def->u.drop_cast;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "DROP CAST%s (%s AS %s);", d->if_exists ? " IF EXISTS" : "", d->source, d->target);
	mig__pg_step(p, &s);
}

/* ---- operators ---------------------------------------------------------------- */

static void e_create_operator(pg *p, const mig_opdef *def)
{
	const mig_operator_def *d = &def->u.create_operator;
	mig_strv defs = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "PROCEDURE = ");
	mig__pg_name(&s, &d->procedure);
	mig__pg_add(p, &defs, &s);
	const struct {
		const char *sql;
		const mig_qname *name;
		const char *symbol;
	} items[] = {
		{"LEFTARG", d->left, NULL},           {"RIGHTARG", d->right, NULL}, {"COMMUTATOR", NULL, d->commutator},
		{"NEGATOR", NULL, d->negator},        {"RESTRICT", d->restrict_fn, NULL}, {"JOIN", d->join_fn, NULL},
	};
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (!items[i].name && !items[i].symbol)
			continue;
		mig_str_printf(&s, "%s = ", items[i].sql);
		if (items[i].name)
			mig__pg_name(&s, items[i].name);
		else
			mig_str_puts(&s, items[i].symbol);
		mig__pg_add(p, &defs, &s);
	}
	if (d->hashes) {
		mig_str_puts(&s, "HASHES");
		mig__pg_add(p, &defs, &s);
	}
	if (d->merges) {
		mig_str_puts(&s, "MERGES");
		mig__pg_add(p, &defs, &s);
	}
	mig_str_printf(&s, "CREATE OPERATOR %s (", d->name);
	mig__pg_joined(&s, &defs, ", ");
	mig_str_puts(&s, ");");
	mig__pg_step(p, &s);
	mig_strv_free(&defs);
}

/* A NULL argument type is the keyword NONE (see the analysis: a quoted
 * "none" would name a type that does not exist). */
static void operator_arg(mig_str *out, const mig_qname *t)
{
	if (t)
		mig__pg_name(out, t);
	else
		mig_str_puts(out, "NONE");
}

static void e_drop_operator(pg *p, const mig_opdef *def)
{
	const mig_drop_operator_def *d = &def->u.drop_operator;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "DROP OPERATOR%s %s(", d->if_exists ? " IF EXISTS" : "", d->name);
	operator_arg(&s, d->left);
	mig_str_puts(&s, ", ");
	operator_arg(&s, d->right);
	mig_str_putc(&s, ')');
	if (d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* ---- operator families and classes -------------------------------------------- */

static void e_create_operator_family(pg *p, const mig_opdef *def)
{
	const mig_operator_family_def *d = &def->u.create_operator_family;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE OPERATOR FAMILY ");
	mig__pg_name(&s, &d->name);
	mig_str_printf(&s, " USING %s;", d->method);
	mig__pg_step(p, &s);
}

static void drop_operator_group(pg *p, const char *kind, const mig_drop_def *d)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "DROP OPERATOR %s%s ", kind, d->if_exists ? " IF EXISTS" : "");
	mig__pg_name(&s, &d->names.v[0]);
	mig_str_printf(&s, " USING %s", d->method);
	if (d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void rename_operator_group(pg *p, const char *kind, const mig_rename_def *r)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "ALTER OPERATOR %s ", kind);
	mig__pg_name(&s, &r->from);
	mig_str_printf(&s, " USING %s RENAME TO ", r->method);
	mig__pg_name(&s, &r->to);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_drop_operator_family(pg *p, const mig_opdef *def)
{
	drop_operator_group(p, "FAMILY", &def->u.drop);
}

static void e_rename_operator_family(pg *p, const mig_opdef *def)
{
	rename_operator_group(p, "FAMILY", &def->u.rename);
}

static void e_drop_operator_class(pg *p, const mig_opdef *def)
{
	drop_operator_group(p, "CLASS", &def->u.drop);
}

static void e_rename_operator_class(pg *p, const mig_opdef *def)
{
	rename_operator_group(p, "CLASS", &def->u.rename);
}


/* operatorMap(): the items after "\n  ", one per line.
 * DIVERGENCE: DROP takes only the strategy (support) number and the
 * operand types, "OPERATOR 1 (int4, int4)", "FUNCTION 1 (int4, int4)";
 * node-pg-migrate writes the name too, a syntax error. */
static void operator_items(mig_str *out, const mig_operator_items *items, bool drop)
{
	mig_str_puts(out, "\n  ");
	for (size_t i = 0; i < items->n; i++) {
		const mig_operator_item *it = &items->v[i];
		if (i)
			mig_str_puts(out, ",\n  ");
		mig_str_printf(out, "%s %s ", it->is_function ? "FUNCTION" : "OPERATOR", it->number);
		if (!drop && it->is_function) {
			mig__pg_name(out, &it->function);
		} else if (!drop) {
			if (it->op_schema) {
				mig__pg_ident(out, it->op_schema);
				mig_str_putc(out, '.');
			}
			mig_str_puts(out, it->op_symbol);
		}
		if (it->has_params)
			mig__pg_params(out, &it->params);
	}
}

static void e_create_operator_class(pg *p, const mig_opdef *def)
{
	const mig_operator_class_def *d = &def->u.create_operator_class;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE OPERATOR CLASS ");
	mig__pg_name(&s, &d->name);
	mig_str_puts(&s, d->is_default ? " DEFAULT FOR TYPE " : " FOR TYPE ");
	mig__pg_name(&s, &d->type);
	mig_str_puts(&s, " USING ");
	mig__pg_name(&s, &d->method);
	if (d->family)
		mig_str_printf(&s, " FAMILY %s", d->family);
	mig_str_puts(&s, " AS");
	operator_items(&s, &d->items, false);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void alter_operator_family(pg *p, const mig_alter_operator_family_def *d, bool drop)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER OPERATOR FAMILY ");
	mig__pg_name(&s, &d->name);
	mig_str_printf(&s, " USING %s %s", d->method, drop ? "DROP" : "ADD");
	operator_items(&s, &d->items, drop);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_add_to_operator_family(pg *p, const mig_opdef *def)
{
	alter_operator_family(p, &def->u.alter_operator_family, false);
}

static void e_remove_from_operator_family(pg *p, const mig_opdef *def)
{
	alter_operator_family(p, &def->u.alter_operator_family, true);
}

const mig_pg_emitter mig__pg_operators[] = {
	{MIG_OP_CREATE_CAST, e_create_cast},
	{MIG_OP_DROP_CAST, e_drop_cast},
	{MIG_OP_CREATE_OPERATOR, e_create_operator},
	{MIG_OP_DROP_OPERATOR, e_drop_operator},
	{MIG_OP_CREATE_OPERATOR_FAMILY, e_create_operator_family},
	{MIG_OP_DROP_OPERATOR_FAMILY, e_drop_operator_family},
	{MIG_OP_RENAME_OPERATOR_FAMILY, e_rename_operator_family},
	{MIG_OP_CREATE_OPERATOR_CLASS, e_create_operator_class},
	{MIG_OP_DROP_OPERATOR_CLASS, e_drop_operator_class},
	{MIG_OP_RENAME_OPERATOR_CLASS, e_rename_operator_class},
	{MIG_OP_ADD_TO_OPERATOR_FAMILY, e_add_to_operator_family},
	{MIG_OP_REMOVE_FROM_OPERATOR_FAMILY, e_remove_from_operator_family},
	{MIG_OP_UNKNOWN, NULL},
};
