/*
 * Constraints added, dropped and renamed on MySQL/MariaDB. Each kind is
 * dropped its own way (DROP PRIMARY KEY, DROP INDEX, DROP FOREIGN KEY,
 * DROP CONSTRAINT), so dropConstraint reads the kind from the catalog.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include "dialects/common/names.h"

static bool is_mysql(const my *p)
{
	const char *f = p->ctx->server ? p->ctx->server->flavour : NULL;
	return f && strcmp(f, "mysql") == 0;
}

/* A CHECK on a column that a foreign key's action uses (the table's, as
 * it is now, or one added by the same call) becomes a pair of triggers,
 * as in createTable: the server would refuse it (mysql_checks.c). */
static void e_addConstraint(my *p)
{
	const mig_add_constraint_def *d = &p->def->u.add_constraint;
	const mig_mtable *t = mig__my_table(p, &d->table);
	mig_strv items = MIG_STRV_INIT, pk = MIG_STRV_INIT, cascade = MIG_STRV_INIT, checks = MIG_STRV_INIT;
	if (t)
		mig__my_pk_columns(p, t, &pk);
	mig__my_table_cascade_columns(p, t, &d->constraints, is_mysql(p), &cascade);
	if (cascade.n) {
		p->cascade_cols = &cascade;
		p->trigger_checks = &checks;
	}
	mig__my_constraint_lines(p, d->table.name, &d->constraints, t, &pk, &items);
	p->cascade_cols = NULL;
	p->trigger_checks = NULL;
	if (!p->rc && !items.n && !checks.n)
		mig__my_fail(p, MIG_EINPUT, "No constraint options provided for addConstraint");
	mig_str s = MIG_STR_INIT, tq = MIG_STR_INIT;
	mig__my_put_name(p, &tq, &d->table, "the table name", true);
	if (items.n) {
		mig_str_printf(&s, "ALTER TABLE %s", mig_str_cstr(&tq));
		for (size_t i = 0; i < items.n; i++)
			mig_str_printf(&s, "%s ADD %s", i ? "," : "", items.v[i]);
		mig__my_stmt(p, &s);
	}
	if (checks.n && !p->rc) {
		mig_strv cols = MIG_STRV_INIT;
		for (size_t i = 0; t && i < t->ncols; i++)
			mig__my_strv_add(p, &cols, t->cols[i].name);
		mig__my_check_triggers(p, mig_str_cstr(&tq), t ? t->name : d->table.name, &checks, &cols);
		mig_strv_free(&cols);
	}
	mig_str_free(&s);
	mig_str_free(&tq);
	mig_strv_free(&items);
	mig_strv_free(&pk);
	mig_strv_free(&cascade);
	mig_strv_free(&checks);
}

/* The constraint named `name` of t: a table part, or (MySQL spells every
 * primary key PRIMARY) the primary key under "PRIMARY" or <table>_pkey. */
static const mig_part *find_part(const mig_mtable *t, const char *name)
{
	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.v[i].name && mig_model_ieq(t->parts.v[i].name, name))
			return &t->parts.v[i];
	mig_str pk = MIG_STR_INIT;
	mig_pg_object_name(&pk, t->name, NULL, "pkey");
	bool is_pk = mig_model_ieq(name, "PRIMARY") || (!mig_str_failed(&pk) && mig_model_ieq(name, mig_str_cstr(&pk)));
	mig_str_free(&pk);
	for (size_t i = 0; is_pk && i < t->parts.n; i++)
		if (t->parts.v[i].kind == MIG_PART_PRIMARY)
			return &t->parts.v[i];
	return NULL;
}

static void e_dropConstraint(my *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	const mig_mtable *t = mig__my_table(p, &d->target);
	if (!t && !p->rc) {
		if (d->if_table_exists && p->ctx->catalog)
			mig__my_notice(p, "relation \"%s\" does not exist, skipping", d->target.name);
		else
			mig__my_fail(p, MIG_ESQL,
				     "%s: table \"%s\" is not known (MySQL/MariaDB drops each kind of constraint its own way, read from the tables as they are now)",
				     p->op->name, d->target.name);
		return;
	}
	mig_strv actions = MIG_STRV_INIT;
	for (size_t i = 0; i < d->names.n && !p->rc; i++) {
		char *name = mig__my_ident(p, d->names.v[i].name, "the constraint name", false);
		const mig_part *g = name ? find_part(t, name) : NULL;
		if (!g) {
			if (d->if_exists)
				mig__my_notice(p, "constraint \"%s\" of relation \"%s\" does not exist, skipping", name, t->name);
			else if (!p->rc)
				mig__my_fail(p, MIG_ESQL, "%s: constraint \"%s\" of relation \"%s\" does not exist", p->op->name, name,
					     t->name);
			mig__free(name);
			continue;
		}
		if (d->cascade)
			mig__my_notice(p, "%s: CASCADE skipped: drop the foreign keys that rely on %s first", p->op->name, name);
		mig_str s = MIG_STR_INIT;
		switch (g->kind) {
		case MIG_PART_PRIMARY:
			mig_str_puts(&s, "DROP PRIMARY KEY");
			break;
		case MIG_PART_FOREIGN:
			mig_str_puts(&s, "DROP FOREIGN KEY ");
			mig_quote_backtick_ident(&s, g->name);
			break;
		case MIG_PART_UNIQUE:
			mig_str_puts(&s, "DROP INDEX ");
			mig_quote_backtick_ident(&s, g->name);
			break;
		default:
			mig_str_puts(&s, "DROP CONSTRAINT ");
			mig_quote_backtick_ident(&s, g->name);
			break;
		}
		if (mig_str_failed(&s) || mig_strv_push(&actions, mig_str_detach(&s)))
			mig__my_oom(p);
		mig_str_free(&s);
		mig__free(name);
	}
	if (actions.n) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig__my_put_name(p, &s, &d->target, "the table name", true);
		for (size_t i = 0; i < actions.n; i++)
			mig_str_printf(&s, "%s %s", i ? "," : "", actions.v[i]);
		mig__my_stmt(p, &s);
	}
	mig_strv_free(&actions);
}

static void e_renameConstraint(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	const mig_mtable *t = mig__my_table(p, &r->target);
	char *from = mig__my_ident(p, r->from.name, "the constraint name", false);
	char *to = mig__my_ident(p, r->to.name, "the new constraint name", false);
	const mig_part *g = t && from ? find_part(t, from) : NULL;
	if (g && g->kind == MIG_PART_UNIQUE) {
		/* a UNIQUE constraint is an index on MySQL, which can be renamed */
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig__my_put_name(p, &s, &r->target, "the table name", true);
		mig_str_puts(&s, " RENAME INDEX ");
		mig_quote_backtick_ident(&s, g->name);
		mig_str_puts(&s, " TO ");
		mig_quote_backtick_ident(&s, to ? to : "");
		mig__my_stmt(p, &s);
	} else if (!p->rc) {
		mig__my_unsupported(p, g ? "MySQL/MariaDB cannot rename a CHECK, FOREIGN KEY or PRIMARY KEY constraint (drop it and add it again)"
					 : "MySQL/MariaDB cannot rename a constraint; only a UNIQUE constraint (an index there) known to the catalog can be renamed");
	}
	mig__free(from);
	mig__free(to);
}

const mig_my_emitter mig__my_constraints_ops[] = {
	{MIG_OP_ADD_CONSTRAINT, e_addConstraint},
	{MIG_OP_DROP_CONSTRAINT, e_dropConstraint},
	{MIG_OP_RENAME_CONSTRAINT, e_renameConstraint},
	{MIG_OP_UNKNOWN, NULL},
};
