/*
 * Views on MySQL/MariaDB. A view's definition is the user's SQL, pasted as
 * is (it must be MySQL's SQL). PostgreSQL's view options map where MySQL
 * has the same thing (check_option: WITH ... CHECK OPTION,
 * security_invoker: SQL SECURITY INVOKER), security_barrier is skipped
 * (a planner guarantee MySQL does not make), any other is refused.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include <ctype.h>

/* "CASCADED" or "LOCAL" (either case); NULL after an error. */
static const char *check_option(my *p, const char *given)
{
	char up[16];
	size_t n = 0;
	for (; given[n] && n + 1 < sizeof(up); n++)
		up[n] = (char)toupper((unsigned char)given[n]);
	up[n] = '\0';
	if (!given[n] && strcmp(up, "CASCADED") == 0)
		return "CASCADED";
	if (!given[n] && strcmp(up, "LOCAL") == 0)
		return "LOCAL";
	mig__my_fail(p, MIG_EINPUT, "%s: checkOption must be CASCADED or LOCAL, not \"%s\"", p->op->name, given);
	return NULL;
}

static bool truthy(const char *value)
{
	return !value || (strcmp(value, "false") != 0 && strcmp(value, "0") != 0 && strcmp(value, "off") != 0);
}

/* The definition without the ';' node-pg-migrate appends (one statement). */
static void put_definition(mig_str *out, const char *sql)
{
	size_t n = strlen(sql);
	while (n && (sql[n - 1] == ';' || isspace((unsigned char)sql[n - 1])))
		n--;
	mig_str_put(out, sql, n);
}

static void e_createView(my *p)
{
	const mig_create_view_def *d = &p->def->u.create_view;
	if (d->temporary)
		mig__my_unsupported_option(p, "temporary", "MySQL/MariaDB has no temporary views");
	if (d->recursive)
		mig__my_unsupported_option(p, "recursive", "write WITH RECURSIVE inside the view's query instead");
	const char *check = d->check_option ? check_option(p, d->check_option) : NULL;
	bool invoker = false;
	for (size_t i = 0; i < d->options.n && !p->rc; i++) {
		const mig_view_option *o = &d->options.v[i];
		if (strcmp(o->key, "check_option") == 0 && o->value)
			check = check_option(p, o->value);
		else if (strcmp(o->key, "security_invoker") == 0)
			invoker = truthy(o->value);
		else if (strcmp(o->key, "security_barrier") == 0)
			mig__my_notice(p, "%s: view option security_barrier skipped: MySQL/MariaDB makes no such guarantee",
				       p->op->name);
		else
			mig__my_unsupported_option(p, o->key, "MySQL/MariaDB views have no such option");
	}
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "CREATE %s%sVIEW ", d->replace ? "OR REPLACE " : "", invoker ? "SQL SECURITY INVOKER " : "");
	mig__my_put_name(p, &s, &d->name, "the view name", true);
	if (d->columns.n) {
		mig_str_puts(&s, " (");
		for (size_t i = 0; i < d->columns.n && !p->rc; i++) {
			char *c = d->columns.v[i].raw ? NULL : mig__my_ident(p, d->columns.v[i].name, "the view column", true);
			if (d->columns.v[i].raw)
				mig__my_fail(p, MIG_ENOTSUPPORTED, "%s: a view column given as pgm.func('%s') is not supported on MySQL/MariaDB",
					     p->op->name, d->columns.v[i].name);
			if (c) {
				mig_str_puts(&s, i ? ", " : "");
				mig_quote_backtick_ident(&s, c);
			}
			mig__free(c);
		}
		mig_str_putc(&s, ')');
	}
	mig_str_puts(&s, " AS ");
	put_definition(&s, d->definition ? d->definition : "");
	if (check)
		mig_str_printf(&s, " WITH %s CHECK OPTION", check);
	mig__my_stmt(p, &s);
}

static void e_dropView(my *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	if (d->cascade)
		mig__my_notice(p, "%s: CASCADE skipped: MySQL/MariaDB drops the view alone (views that use it stay, and fail when queried)",
			       p->op->name);
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_exists ? "DROP VIEW IF EXISTS " : "DROP VIEW ");
	for (size_t i = 0; i < d->names.n; i++) {
		mig_str_puts(&s, i ? ", " : "");
		mig__my_put_name(p, &s, &d->names.v[i], "the view name", true);
	}
	mig__my_stmt(p, &s);
}

static void e_renameView(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "RENAME TABLE ");
	mig__my_put_name(p, &s, &r->from, "the view name", true);
	mig_str_puts(&s, " TO ");
	mig__my_put_name(p, &s, &r->to, "the new view name", true);
	mig__my_stmt(p, &s);
}

/*
 * MySQL changes a view's check option only by restating the view: its
 * definition comes from the catalog (the server's VIEW_DEFINITION, which
 * holds a column list as aliases; offline, createView's definition).
 * The restated view is SQL SECURITY DEFINER again, MySQL's default.
 */
static void e_alterView(my *p)
{
	const mig_alter_view_def *d = &p->def->u.alter_view;
	const char *check = NULL;
	bool asked = false;
	for (size_t i = 0; i < d->options.n && !p->rc; i++) {
		const mig_view_option *o = &d->options.v[i];
		if (strcmp(o->key, "check_option") != 0) {
			mig__my_unsupported_option(p, o->key, "only checkOption can change on a MySQL/MariaDB view");
			break;
		}
		asked = true;
		check = o->reset || !o->value ? NULL : check_option(p, o->value);
	}
	if (p->rc || !asked)
		return;
	const mig_model *m = NULL;
	const mig_mview *v = NULL;
	if (!p->ctx->catalog) {
		mig__my_unsupported_option(p, "checkOption", "it restates the view from its definition, which needs the catalog");
		return;
	}
	int rc = mig__my_local(&d->name) && !d->name.raw ? mig_catalog_schema(p->ctx->catalog, &m) : 0;
	if (rc) {
		p->rc = rc;
		return;
	}
	v = m ? mig_model_view(m, d->name.name) : NULL;
	if (!v) {
		mig__my_fail(p, MIG_ESQL, "%s: view \"%s\" is not known (checkOption restates it from its definition)",
			     p->op->name, d->name.name);
		return;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER VIEW ");
	mig__my_put_name(p, &s, &d->name, "the view name", true);
	mig_str_puts(&s, " AS ");
	put_definition(&s, v->sql);
	if (check)
		mig_str_printf(&s, " WITH %s CHECK OPTION", check);
	mig__my_stmt(p, &s);
}

const mig_my_emitter mig__my_views[] = {
	{MIG_OP_CREATE_VIEW, e_createView},
	{MIG_OP_DROP_VIEW, e_dropView},
	{MIG_OP_RENAME_VIEW, e_renameView},
	{MIG_OP_ALTER_VIEW, e_alterView},
	{MIG_OP_UNKNOWN, NULL},
};
