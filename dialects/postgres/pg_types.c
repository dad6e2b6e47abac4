/*
 * PostgreSQL: the type and domain operations (see pg_emit.h).
 *
 * DIVERGENCE (attribute and domain types): a {schema, name} type is
 * quoted as in column definitions; node-pg-migrate pastes
 * "[object Object]".
 */
#include "dialects/postgres/pg_emit.h"

/* ---- types --------------------------------------------------------------- */

static void e_createType(pg *p, const mig_opdef *def)
{
	const mig_create_type_def *d = &def->u.create_type;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE TYPE ");
	mig__pg_name(&s, &d->name);
	if (d->is_enum) {
		mig_str_puts(&s, " AS ENUM (");
		for (size_t i = 0; i < d->values.n; i++) {
			if (i)
				mig_str_puts(&s, ", ");
			mig__pg_value(&s, d->values.v[i]);
		}
		mig_str_puts(&s, ");");
	} else {
		mig_str_puts(&s, " AS (\n");
		for (size_t i = 0; i < d->nattrs; i++) {
			if (i)
				mig_str_puts(&s, ",\n");
			mig__pg_name(&s, &d->attrs[i].name);
			mig_str_putc(&s, ' ');
			mig__pg_type(&s, &d->attrs[i].type);
		}
		mig_str_puts(&s, "\n);");
	}
	mig__pg_step(p, &s);
}

static void e_dropType(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "TYPE", &def->u.drop);
}

static void e_renameType(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER TYPE ", &def->u.rename, " RENAME TO ");
}

/* ALTER TYPE t <verb> a<tail><type>; */
static void type_attribute(pg *p, const mig_type_attribute_def *d, const char *verb, const char *tail)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TYPE ");
	mig__pg_name(&s, &d->type);
	mig_str_printf(&s, " %s ", verb);
	mig__pg_name(&s, &d->attribute);
	mig_str_puts(&s, tail);
	mig__pg_type(&s, d->attr_type);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_addTypeAttribute(pg *p, const mig_opdef *def)
{
	type_attribute(p, &def->u.type_attribute, "ADD ATTRIBUTE", " ");
}

static void e_setTypeAttribute(pg *p, const mig_opdef *def)
{
	type_attribute(p, &def->u.type_attribute, "ALTER ATTRIBUTE", " SET DATA TYPE ");
}

static void e_dropTypeAttribute(pg *p, const mig_opdef *def)
{
	const mig_type_attribute_def *d = &def->u.type_attribute;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TYPE ");
	mig__pg_name(&s, &d->type);
	mig_str_puts(&s, " DROP ATTRIBUTE ");
	/* DIVERGENCE: node-pg-migrate writes DROP ATTRIBUTE "a" IF EXISTS,
	 * which PostgreSQL rejects; the valid order is IF EXISTS "a". */
	if (d->if_exists)
		mig_str_puts(&s, "IF EXISTS ");
	mig__pg_name(&s, &d->attribute);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_renameTypeAttribute(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER TYPE ", &r->target, " RENAME ATTRIBUTE ", &r->from, " TO ", &r->to);
}

static void e_addTypeValue(pg *p, const mig_opdef *def)
{
	const mig_add_type_value_def *d = &def->u.add_type_value;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TYPE ");
	mig__pg_name(&s, &d->type);
	mig_str_puts(&s, " ADD VALUE");
	if (d->if_not_exists)
		mig_str_puts(&s, " IF NOT EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_value(&s, d->value);
	if (d->before) {
		mig_str_puts(&s, " BEFORE ");
		mig__pg_value(&s, d->before);
	}
	if (d->after) {
		mig_str_puts(&s, " AFTER ");
		mig__pg_value(&s, d->after);
	}
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_renameTypeValue(pg *p, const mig_opdef *def)
{
	const mig_rename_type_value_def *d = &def->u.rename_type_value;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TYPE ");
	mig__pg_name(&s, &d->type);
	mig_str_puts(&s, " RENAME VALUE ");
	mig__pg_value(&s, d->from);
	mig_str_puts(&s, " TO ");
	mig__pg_value(&s, d->to);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* ---- domains ------------------------------------------------------------- */

static void e_createDomain(pg *p, const mig_opdef *def)
{
	const mig_create_domain_def *d = &def->u.create_domain;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE DOMAIN ");
	mig__pg_name(&s, &d->name);
	mig_str_puts(&s, " AS ");
	mig__pg_type(&s, d->type);
	if (d->collation)
		mig_str_printf(&s, " COLLATE %s", d->collation);
	if (d->default_value) {
		mig_str_puts(&s, " DEFAULT ");
		mig__pg_value(&s, d->default_value);
	}
	if (d->constraint_name) {
		mig_str_puts(&s, " CONSTRAINT ");
		mig__pg_name(&s, d->constraint_name);
	}
	if (d->not_null)
		mig_str_puts(&s, " NOT NULL");
	else if (d->check)
		mig_str_printf(&s, " CHECK (%s)", d->check);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* "ALTER DOMAIN d " of one statement of alterDomain. */
static void domain_lead(mig_str *s, const mig_alter_domain_def *d)
{
	mig_str_puts(s, "ALTER DOMAIN ");
	mig__pg_name(s, &d->name);
	mig_str_putc(s, ' ');
}

/* ALTER DOMAIN d <action>[<value>]; */
static void domain_action(pg *p, const mig_alter_domain_def *d, const char *action, const mig_value *value)
{
	mig_str s = MIG_STR_INIT;
	domain_lead(&s, d);
	mig_str_puts(&s, action);
	if (value)
		mig__pg_value(&s, value);
	mig_str_putc(&s, ';');
	mig__pg_stmt(p, &s);
}

/* One step of one statement per action: node-pg-migrate's text is the
 * actions joined by ";\n", the statements of the step joined by "\n". */
static void e_alterDomain(pg *p, const mig_opdef *def)
{
	const mig_alter_domain_def *d = &def->u.alter_domain;
	if (d->default_action == MIG_UNSET)
		domain_action(p, d, "DROP DEFAULT", NULL);
	else if (d->default_action == MIG_SET)
		domain_action(p, d, "SET DEFAULT ", d->default_value);
	if (d->not_null == MIG_SET)
		domain_action(p, d, "SET NOT NULL", NULL);
	else if (d->not_null == MIG_UNSET)
		domain_action(p, d, "DROP NOT NULL", NULL);
	if (d->check) {
		mig_str s = MIG_STR_INIT;
		domain_lead(&s, d);
		/* DIVERGENCE: node-pg-migrate omits ADD ("ALTER DOMAIN d
		 * CONSTRAINT n CHECK (...)"), which PostgreSQL rejects. */
		mig_str_puts(&s, "ADD ");
		if (d->constraint_name) {
			mig_str_puts(&s, "CONSTRAINT ");
			mig__pg_name(&s, d->constraint_name);
			mig_str_putc(&s, ' ');
		}
		mig_str_printf(&s, "CHECK (%s);", d->check);
		mig__pg_stmt(p, &s);
	}
	if (d->default_action == MIG_ABSENT && d->not_null == MIG_ABSENT && !d->check) {
		/* no action: node-pg-migrate's text is the bare terminator */
		mig_str s = MIG_STR_INIT;
		mig_str_putc(&s, ';');
		mig__pg_stmt(p, &s);
	}
	mig__pg_end_step(p);
}

static void e_dropDomain(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "DOMAIN", &def->u.drop);
}

static void e_renameDomain(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER DOMAIN ", &def->u.rename, " RENAME TO ");
}

const mig_pg_emitter mig__pg_types[] = {
	{MIG_OP_CREATE_TYPE, e_createType},
	{MIG_OP_DROP_TYPE, e_dropType},
	{MIG_OP_RENAME_TYPE, e_renameType},
	{MIG_OP_ADD_TYPE_ATTRIBUTE, e_addTypeAttribute},
	{MIG_OP_DROP_TYPE_ATTRIBUTE, e_dropTypeAttribute},
	{MIG_OP_SET_TYPE_ATTRIBUTE, e_setTypeAttribute},
	{MIG_OP_RENAME_TYPE_ATTRIBUTE, e_renameTypeAttribute},
	{MIG_OP_ADD_TYPE_VALUE, e_addTypeValue},
	{MIG_OP_RENAME_TYPE_VALUE, e_renameTypeValue},
	{MIG_OP_CREATE_DOMAIN, e_createDomain},
	{MIG_OP_ALTER_DOMAIN, e_alterDomain},
	{MIG_OP_DROP_DOMAIN, e_dropDomain},
	{MIG_OP_RENAME_DOMAIN, e_renameDomain},
	{MIG_OP_UNKNOWN, NULL},
};
