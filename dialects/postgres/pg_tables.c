/*
 * PostgreSQL: tables, columns and constraints (node-pg-migrate's
 * src/operations/tables.ts), from the typed definitions.
 */
#include "dialects/postgres/pg_emit.h"

#include "util/error.h"

#include <string.h>

/* parseReferences() */
static void references(mig_str *out, const mig_reference_def *r)
{
	mig_str_puts(out, "REFERENCES ");
	if (r->raw)
		mig_str_puts(out, r->raw);
	else
		mig__pg_name(out, &r->table);
	if (r->match)
		mig_str_printf(out, " MATCH %s", r->match);
	if (r->on_delete)
		mig_str_printf(out, " ON DELETE %s", r->on_delete);
	if (r->on_update)
		mig_str_printf(out, " ON UPDATE %s", r->on_update);
}

static const char *deferrable(bool deferred)
{
	return deferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
}

/* COMMENT ON CONSTRAINT <name> ON <table> IS <text>; */
static void constraint_comment(pg *p, mig_strv *comments, const mig_qname *name, const mig_qname *table,
			       const mig_value *text)
{
	mig_str obj = MIG_STR_INIT, tn = MIG_STR_INIT;
	mig_str_puts(&obj, "CONSTRAINT ");
	mig__pg_name(&obj, name);
	mig_str_puts(&obj, " ON");
	mig__pg_name(&tn, table);
	mig__pg_comment(p, comments, mig_str_cstr(&obj), mig_str_cstr(&tn), text);
	mig_str_free(&obj);
	mig_str_free(&tn);
}

/* parseColumns(): one line per column; the column comments, then the
 * foreign-key comments. */
static void column_lines(pg *p, const mig_qname *table, const mig_column_defs *cols, mig_strv *lines,
			 mig_strv *comments)
{
	for (size_t i = 0; i < cols->n; i++) {
		const mig_column_def *c = &cols->v[i];
		if (!c->has_comment)
			continue;
		mig_str name = MIG_STR_INIT;
		mig__pg_name(&name, table);
		mig_str_putc(&name, '.');
		mig__pg_ident(&name, c->name);
		mig__pg_comment(p, comments, "COLUMN", mig_str_cstr(&name), c->comment);
		mig_str_free(&name);
	}
	for (size_t i = 0; i < cols->n; i++) {
		const mig_column_def *c = &cols->v[i];
		mig_str s = MIG_STR_INIT;
		mig__pg_ident(&s, c->name);
		mig_str_putc(&s, ' ');
		mig__pg_type(&s, &c->type);
		if (c->array && !*c->array)
			mig_str_puts(&s, " ARRAY");
		else if (c->array)
			mig_str_printf(&s, " ARRAY[%s]", c->array);
		if (c->collation)
			mig_str_printf(&s, " COLLATE %s", c->collation);
		if (c->default_value) {
			mig_str_puts(&s, " DEFAULT ");
			mig__pg_value(&s, c->default_value);
		}
		if (c->unique)
			mig_str_puts(&s, " UNIQUE");
		if (c->primary_key)
			mig_str_puts(&s, " PRIMARY KEY");
		if (c->not_null)
			mig_str_puts(&s, " NOT NULL");
		if (c->check)
			mig_str_printf(&s, " CHECK (%s)", c->check);
		if (c->references) {
			if (c->fk_named) {
				mig_str_puts(&s, " CONSTRAINT ");
				mig__pg_name(&s, &c->fk_name);
			}
			mig_str_putc(&s, ' ');
			references(&s, c->references);
			if (c->fk_comment)
				constraint_comment(p, comments, &c->fk_name, table, c->fk_comment);
		}
		if (c->deferrable)
			mig_str_printf(&s, " %s", deferrable(c->deferred));
		if (c->identity) {
			mig_str_putc(&s, ' ');
			mig__pg_identity(p, &s, "GENERATED", c->identity);
		}
		if (c->expression_generated)
			mig_str_printf(&s, " GENERATED ALWAYS AS (%s) STORED", c->expression_generated);
		mig__pg_add(p, lines, &s);
	}
}

/* parseConstraints(): CONSTRAINT lines and their comments. */
static void constraint_lines(pg *p, const mig_qname *table, const mig_constraints_def *cs, mig_strv *lines,
			     mig_strv *comments)
{
	for (size_t i = 0; i < cs->n; i++) {
		const mig_constraint_def *c = &cs->v[i];
		mig_str s = MIG_STR_INIT;
		if (c->named) {
			mig_str_puts(&s, "CONSTRAINT ");
			mig__pg_name(&s, &c->name);
			mig_str_putc(&s, ' ');
		}
		switch (c->kind) {
		case MIG_CONSTRAINT_CHECK:
			mig_str_printf(&s, "CHECK (%s)", c->expr);
			break;
		case MIG_CONSTRAINT_UNIQUE:
			mig_str_puts(&s, "UNIQUE (");
			mig__pg_names(&s, &c->columns, ", ");
			mig_str_putc(&s, ')');
			break;
		case MIG_CONSTRAINT_PRIMARY:
			mig_str_puts(&s, "PRIMARY KEY (");
			mig__pg_names(&s, &c->columns, ", ");
			mig_str_putc(&s, ')');
			break;
		case MIG_CONSTRAINT_FOREIGN:
			mig_str_puts(&s, "FOREIGN KEY (");
			mig__pg_names(&s, &c->columns, ", ");
			mig_str_puts(&s, ") ");
			references(&s, &c->references);
			if (c->comment)
				constraint_comment(p, comments, &c->name, table, c->comment);
			break;
		case MIG_CONSTRAINT_EXCLUDE:
			mig_str_printf(&s, "EXCLUDE %s", c->expr);
			break;
		case MIG_CONSTRAINT_RAW:
			mig_str_puts(&s, c->expr);
			break;
		}
		if (cs->deferrable && c->kind != MIG_CONSTRAINT_RAW)
			mig_str_printf(&s, " %s", deferrable(cs->deferred));
		mig__pg_add(p, lines, &s);
	}
	if (cs->comment)
		constraint_comment(p, comments, &cs->comment_name, table, cs->comment);
}

/* The statement, then its comments, as one step. */
static void with_comments(pg *p, mig_str *s, mig_strv *comments)
{
	mig__pg_stmt(p, s);
	for (size_t i = 0; i < comments->n; i++) {
		mig_str c = MIG_STR_INIT;
		mig_str_puts(&c, comments->v[i]);
		mig__pg_stmt(p, &c);
	}
	mig__pg_end_step(p);
}

static void e_createTable(pg *p, const mig_opdef *def)
{
	const mig_create_table_def *d = &def->u.create_table;
	mig_strv lines = MIG_STRV_INIT, comments = MIG_STRV_INIT;
	column_lines(p, &d->table, &d->columns, &lines, &comments);
	constraint_lines(p, &d->table, &d->constraints, &lines, &comments);
	mig_str s = MIG_STR_INIT;
	if (d->like) {
		mig_str_puts(&s, "LIKE ");
		mig__pg_name(&s, &d->like->table);
		for (size_t i = 0; i < d->like->including.n; i++)
			mig_str_printf(&s, " INCLUDING %s", d->like->including.v[i]);
		for (size_t i = 0; i < d->like->excluding.n; i++)
			mig_str_printf(&s, " EXCLUDING %s", d->like->excluding.v[i]);
		mig__pg_add(p, &lines, &s);
	}
	mig_str_puts(&s, "CREATE");
	if (d->temporary)
		mig_str_puts(&s, " TEMPORARY");
	if (d->unlogged)
		mig_str_puts(&s, " UNLOGGED");
	mig_str_puts(&s, " TABLE");
	if (d->if_not_exists)
		mig_str_puts(&s, " IF NOT EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->table);
	mig_str_puts(&s, " (\n");
	mig__pg_format_lines(&s, &lines, "  ", ",");
	mig_str_puts(&s, "\n)");
	if (d->inherits) {
		mig_str_puts(&s, " INHERITS (");
		mig__pg_name(&s, d->inherits);
		mig_str_putc(&s, ')');
	}
	if (d->partition) {
		mig_str_printf(&s, " PARTITION BY %s (", d->partition->strategy);
		for (size_t i = 0; i < d->partition->ncolumns; i++) {
			const mig_partition_column *c = &d->partition->columns[i];
			if (i)
				mig_str_puts(&s, ", ");
			mig__pg_name(&s, &c->name);
			if (c->collate)
				mig_str_printf(&s, " COLLATE %s", c->collate);
			if (c->opclass)
				mig_str_printf(&s, " %s", c->opclass);
		}
		mig_str_putc(&s, ')');
	}
	mig_str_putc(&s, ';');
	if (d->has_comment) {
		mig_str tn = MIG_STR_INIT;
		mig__pg_name(&tn, &d->table);
		mig__pg_comment(p, &comments, "TABLE", mig_str_cstr(&tn), d->comment);
		mig_str_free(&tn);
	}
	with_comments(p, &s, &comments);
	mig_strv_free(&lines);
	mig_strv_free(&comments);
}

static void e_dropTable(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "TABLE", &def->u.drop);
}

static void e_renameTable(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER TABLE ", &def->u.rename, " RENAME TO ");
}

static void e_alterTable(pg *p, const mig_opdef *def)
{
	const mig_alter_table_def *d = &def->u.alter_table;
	mig_strv defs = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	if (d->level_security) {
		mig_str_printf(&s, "%s ROW LEVEL SECURITY", d->level_security);
		mig__pg_add(p, &defs, &s);
	}
	if (d->unlogged != MIG_ABSENT) {
		mig_str_puts(&s, d->unlogged == MIG_SET ? "SET UNLOGGED" : "SET LOGGED");
		mig__pg_add(p, &defs, &s);
	}
	mig_str_puts(&s, "ALTER TABLE ");
	mig__pg_name(&s, &d->table);
	mig_str_puts(&s, "\n  ");
	mig__pg_format_lines(&s, &defs, "  ", ",");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
	mig_strv_free(&defs);
}

static void e_addColumns(pg *p, const mig_opdef *def)
{
	const mig_add_columns_def *d = &def->u.add_columns;
	mig_strv lines = MIG_STRV_INIT, comments = MIG_STRV_INIT;
	column_lines(p, &d->table, &d->columns, &lines, &comments);
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TABLE ");
	mig__pg_name(&s, &d->table);
	mig_str_putc(&s, '\n');
	mig__pg_format_lines(&s, &lines, d->if_not_exists ? "  ADD IF NOT EXISTS " : "  ADD ", ",");
	mig_str_putc(&s, ';');
	with_comments(p, &s, &comments);
	mig_strv_free(&lines);
	mig_strv_free(&comments);
}

static void e_dropColumns(pg *p, const mig_opdef *def)
{
	const mig_drop_columns_def *d = &def->u.drop_columns;
	mig_strv lines = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < d->columns.n; i++) {
		mig_str_printf(&s, "DROP %s", d->if_exists ? "IF EXISTS " : "");
		mig__pg_name(&s, &d->columns.v[i]);
		if (d->cascade)
			mig_str_puts(&s, " CASCADE");
		mig__pg_add(p, &lines, &s);
	}
	mig_str_puts(&s, "ALTER TABLE ");
	mig__pg_name(&s, &d->table);
	mig_str_putc(&s, '\n');
	mig__pg_format_lines(&s, &lines, "  ", ",");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
	mig_strv_free(&lines);
}

static void e_renameColumn(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER TABLE ", &r->target, " RENAME ", &r->from, " TO ", &r->to);
}

static void e_alterColumn(pg *p, const mig_opdef *def)
{
	const mig_alter_column_def *d = &def->u.alter_column;
	mig_strv actions = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	if (d->default_action == MIG_DROP) {
		mig_str_puts(&s, "DROP DEFAULT");
		mig__pg_add(p, &actions, &s);
	} else if (d->default_action == MIG_CHANGE) {
		mig_str_puts(&s, "SET DEFAULT ");
		mig__pg_value(&s, d->default_value);
		mig__pg_add(p, &actions, &s);
	}
	if (d->type) {
		mig_str_puts(&s, "SET DATA TYPE ");
		mig__pg_type(&s, d->type);
		if (d->collation)
			mig_str_printf(&s, " COLLATE %s", d->collation);
		if (d->using_expr)
			mig_str_printf(&s, " USING %s", d->using_expr);
		mig__pg_add(p, &actions, &s);
	}
	if (d->not_null != MIG_KEEP) {
		mig_str_puts(&s, d->not_null == MIG_CHANGE ? "SET NOT NULL" : "DROP NOT NULL");
		mig__pg_add(p, &actions, &s);
	}
	if (d->identity == MIG_CHANGE) {
		mig__pg_identity(p, &s, "ADD GENERATED", d->identity_def);
		mig__pg_add(p, &actions, &s);
	} else if (d->identity == MIG_DROP) {
		mig_str_puts(&s, "DROP IDENTITY");
		mig__pg_add(p, &actions, &s);
	}
	if (d->expression == MIG_CHANGE) {
		mig_str_printf(&s, "SET EXPRESSION AS (%s)", d->expression_text);
		mig__pg_add(p, &actions, &s);
	} else if (d->expression == MIG_DROP) {
		mig_str_puts(&s, "DROP EXPRESSION");
		mig__pg_add(p, &actions, &s);
	}
	if (actions.n) {
		mig_str prefix = MIG_STR_INIT;
		mig_str_puts(&prefix, "  ALTER ");
		mig__pg_name(&prefix, &d->column);
		mig_str_putc(&prefix, ' ');
		mig_str_puts(&s, "ALTER TABLE ");
		mig__pg_name(&s, &d->table);
		mig_str_putc(&s, '\n');
		mig__pg_format_lines(&s, &actions, mig_str_cstr(&prefix), ",");
		mig_str_putc(&s, ';');
		mig__pg_stmt(p, &s);
		mig_str_free(&prefix);
	}
	if (d->has_comment) {
		mig_str name = MIG_STR_INIT;
		mig__pg_name(&name, &d->table);
		mig_str_putc(&name, '.');
		mig__pg_name(&name, &d->column);
		mig__pg_comment(p, &p->cur, "COLUMN", mig_str_cstr(&name), d->comment);
		mig_str_free(&name);
	}
	/* nothing to change: node-pg-migrate still queues an empty step */
	mig__pg_end_step(p);
	mig_strv_free(&actions);
}

static void e_addConstraint(pg *p, const mig_opdef *def)
{
	const mig_add_constraint_def *d = &def->u.add_constraint;
	mig_strv lines = MIG_STRV_INIT, comments = MIG_STRV_INIT;
	constraint_lines(p, &d->table, &d->constraints, &lines, &comments);
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TABLE ");
	mig__pg_name(&s, &d->table);
	mig_str_putc(&s, '\n');
	mig__pg_format_lines(&s, &lines, "  ADD ", ",");
	mig_str_putc(&s, ';');
	with_comments(p, &s, &comments);
	mig_strv_free(&lines);
	mig_strv_free(&comments);
}

static void e_dropConstraint(pg *p, const mig_opdef *def)
{
	const mig_drop_def *d = &def->u.drop;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_table_exists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ");
	mig__pg_name(&s, &d->target);
	mig_str_puts(&s, " DROP CONSTRAINT");
	if (d->if_exists)
		mig_str_puts(&s, " IF EXISTS");
	mig_str_putc(&s, ' ');
	mig__pg_name(&s, &d->names.v[0]);
	if (d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_renameConstraint(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER TABLE ", &r->target, " RENAME CONSTRAINT ", &r->from, " TO ", &r->to);
}

const mig_pg_emitter mig__pg_tables[] = {
	{MIG_OP_CREATE_TABLE, e_createTable},
	{MIG_OP_DROP_TABLE, e_dropTable},
	{MIG_OP_RENAME_TABLE, e_renameTable},
	{MIG_OP_ALTER_TABLE, e_alterTable},
	{MIG_OP_ADD_COLUMNS, e_addColumns},
	{MIG_OP_DROP_COLUMNS, e_dropColumns},
	{MIG_OP_RENAME_COLUMN, e_renameColumn},
	{MIG_OP_ALTER_COLUMN, e_alterColumn},
	{MIG_OP_ADD_CONSTRAINT, e_addConstraint},
	{MIG_OP_DROP_CONSTRAINT, e_dropConstraint},
	{MIG_OP_RENAME_CONSTRAINT, e_renameConstraint},
	{MIG_OP_UNKNOWN, NULL},
};
