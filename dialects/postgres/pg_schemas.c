/*
 * PostgreSQL: the extension, schema and sequence operations (see
 * pg_emit.h).
 *
 * DIVERGENCE (sequence AS types): a {schema, name} type is quoted as in
 * column definitions; node-pg-migrate pastes "[object Object]".
 */
#include "dialects/postgres/pg_emit.h"

/* ---- extensions ------------------------------------------------------------ */

/* One step per extension, as node-pg-migrate returns one string each. */
static void e_createExtension(pg *p, const mig_opdef *def)
{
	const mig_create_extension_def *d = &def->u.create_extension;
	for (size_t i = 0; i < d->names.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "CREATE EXTENSION");
		if (d->if_not_exists)
			mig_str_puts(&s, " IF NOT EXISTS");
		mig_str_putc(&s, ' ');
		mig__pg_name(&s, &d->names.v[i]);
		if (d->schema) {
			mig_str_puts(&s, " SCHEMA ");
			mig__pg_name(&s, d->schema);
		}
		mig_str_putc(&s, ';');
		mig__pg_step(p, &s);
	}
}

static void e_dropExtension(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "EXTENSION", &def->u.drop);
}

/* ---- schemas ----------------------------------------------------------------- */

static void e_createSchema(pg *p, const mig_opdef *def)
{
	const mig_create_schema_def *d = &def->u.create_schema;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE SCHEMA");
	if (d->if_not_exists)
		mig_str_puts(&s, " IF NOT EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->name);
	if (d->authorization)
		mig_str_printf(&s, " AUTHORIZATION %s", d->authorization);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_dropSchema(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "SCHEMA", &def->u.drop);
}

static void e_renameSchema(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER SCHEMA ", &def->u.rename, " RENAME TO ");
}

/* ---- sequences ----------------------------------------------------------------- */

/* "\n  <clause>" for each clause (also none), then the terminator. */
static void clauses_tail(mig_str *s, const mig_strv *cl)
{
	mig_str_puts(s, "\n  ");
	mig__pg_joined(s, cl, "\n  ");
	mig_str_putc(s, ';');
}

static void e_createSequence(pg *p, const mig_opdef *def)
{
	const mig_create_sequence_def *d = &def->u.create_sequence;
	mig_strv cl = MIG_STRV_INIT;
	mig__pg_sequence_clauses(p, &cl, &d->options);
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CREATE");
	if (d->temporary)
		mig_str_puts(&s, " TEMPORARY");
	mig_str_puts(&s, " SEQUENCE");
	if (d->if_not_exists)
		mig_str_puts(&s, " IF NOT EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->name);
	clauses_tail(&s, &cl);
	mig__pg_step(p, &s);
	mig_strv_free(&cl);
}

static void e_alterSequence(pg *p, const mig_opdef *def)
{
	const mig_alter_sequence_def *d = &def->u.alter_sequence;
	mig_strv cl = MIG_STRV_INIT;
	mig__pg_sequence_clauses(p, &cl, &d->options);
	mig_str s = MIG_STR_INIT;
	if (d->restart) {
		mig_str_puts(&s, "RESTART");
		mig__pg_add(p, &cl, &s);
	} else if (d->restart_with) {
		mig_str_printf(&s, "RESTART WITH %s", d->restart_with);
		mig__pg_add(p, &cl, &s);
	}
	mig_str_puts(&s, "ALTER SEQUENCE ");
	mig__pg_name(&s, &d->name);
	clauses_tail(&s, &cl);
	mig__pg_step(p, &s);
	mig_strv_free(&cl);
}

static void e_dropSequence(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "SEQUENCE", &def->u.drop);
}

static void e_renameSequence(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER SEQUENCE ", &def->u.rename, " RENAME TO ");
}

const mig_pg_emitter mig__pg_schemas[] = {
	{MIG_OP_CREATE_EXTENSION, e_createExtension},
	{MIG_OP_DROP_EXTENSION, e_dropExtension},
	{MIG_OP_CREATE_SCHEMA, e_createSchema},
	{MIG_OP_DROP_SCHEMA, e_dropSchema},
	{MIG_OP_RENAME_SCHEMA, e_renameSchema},
	{MIG_OP_CREATE_SEQUENCE, e_createSequence},
	{MIG_OP_ALTER_SEQUENCE, e_alterSequence},
	{MIG_OP_DROP_SEQUENCE, e_dropSequence},
	{MIG_OP_RENAME_SEQUENCE, e_renameSequence},
	{MIG_OP_UNKNOWN, NULL},
};
