/*
 * PostgreSQL: policies, roles and grants (see pg_emit.h),
 * node-pg-migrate's src/operations/policies.ts, roles.ts and grants.ts.
 */
#include "dialects/postgres/pg_emit.h"

/* ---- policies --------------------------------------------------------------- */

static void policy(pg *p, const char *verb, const mig_policy_def *d)
{
	mig_strv cl = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	if (d->command) {
		mig_str_printf(&s, "FOR %s", d->command);
		mig__pg_add(p, &cl, &s);
	}
	if (d->role) {
		mig_str_printf(&s, "TO %s", d->role);
		mig__pg_add(p, &cl, &s);
	}
	if (d->using_expr) {
		mig_str_printf(&s, "USING (%s)", d->using_expr);
		mig__pg_add(p, &cl, &s);
	}
	if (d->check) {
		mig_str_printf(&s, "WITH CHECK (%s)", d->check);
		mig__pg_add(p, &cl, &s);
	}
	mig_str_printf(&s, "%s POLICY ", verb);
	mig__pg_name(&s, &d->name);
	mig_str_puts(&s, " ON ");
	mig__pg_name(&s, &d->table);
	mig_str_putc(&s, ' ');
	mig__pg_joined(&s, &cl, " ");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
	mig_strv_free(&cl);
}

static void e_create_policy(pg *p, const mig_opdef *def)
{
	policy(p, "CREATE", &def->u.policy);
}

static void e_alter_policy(pg *p, const mig_opdef *def)
{
	policy(p, "ALTER", &def->u.policy);
}

static void e_drop_policy(pg *p, const mig_opdef *def)
{
	const mig_drop_def *d = &def->u.drop;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->if_exists ? "DROP POLICY IF EXISTS " : "DROP POLICY ");
	mig__pg_name(&s, &d->names.v[0]);
	mig_str_puts(&s, " ON ");
	mig__pg_name(&s, &d->target);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_rename_policy(pg *p, const mig_opdef *def)
{
	const mig_rename_def *r = &def->u.rename;
	mig__pg_rename_on(p, "ALTER POLICY ", &r->from, " ON ", &r->target, " RENAME TO ", &r->to);
}

/* ---- roles ------------------------------------------------------------------ */

/* formatRoleOptions(): the clauses joined by " ". */
static void role_options(pg *p, mig_str *out, const mig_role_opts *o)
{
	static const char *const flags[MIG_ROLE_NFLAGS][2] = {
		{"SUPERUSER", "NOSUPERUSER"}, {"CREATEDB", "NOCREATEDB"},       {"CREATEROLE", "NOCREATEROLE"},
		{"INHERIT", "NOINHERIT"},     {"LOGIN", "NOLOGIN"},             {"REPLICATION", "NOREPLICATION"},
		{"BYPASSRLS", "NOBYPASSRLS"},
	};
	mig_strv parts = MIG_STRV_INIT;
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < MIG_ROLE_NFLAGS; i++) {
		if (o->flags[i] == MIG_ABSENT)
			continue;
		mig_str_puts(&s, flags[i][o->flags[i] == MIG_SET ? 0 : 1]);
		mig__pg_add(p, &parts, &s);
	}
	if (o->limit) {
		mig_str_printf(&s, "CONNECTION LIMIT %s", o->limit);
		mig__pg_add(p, &parts, &s);
	}
	if (o->password) {
		mig_str_puts(&s, o->unencrypted ? "UNENCRYPTED PASSWORD " : "ENCRYPTED PASSWORD ");
		mig__pg_value(&s, o->password);
		mig__pg_add(p, &parts, &s);
	}
	if (o->valid != MIG_ABSENT) {
		mig_str_puts(&s, "VALID UNTIL ");
		if (o->valid == MIG_SET)
			mig__pg_value(&s, o->valid_value);
		else
			mig_str_puts(&s, "'infinity'");
		mig__pg_add(p, &parts, &s);
	}
	const char *const lists[][2] = {{o->in_role, "IN ROLE "}, {o->role, "ROLE "}, {o->admin, "ADMIN "}};
	for (size_t i = 0; i < 3; i++) {
		if (!lists[i][0])
			continue;
		mig_str_printf(&s, "%s%s", lists[i][1], lists[i][0]);
		mig__pg_add(p, &parts, &s);
	}
	mig__pg_joined(out, &parts, " ");
	mig_strv_free(&parts);
}

static void e_create_role(pg *p, const mig_opdef *def)
{
	const mig_role_def *d = &def->u.role;
	mig_str s = MIG_STR_INIT, ro = MIG_STR_INIT;
	role_options(p, &ro, &d->options);
	mig_str_puts(&s, "CREATE ROLE ");
	mig__pg_name(&s, &d->name);
	if (ro.len)
		mig_str_printf(&s, " WITH %s", mig_str_cstr(&ro));
	mig_str_putc(&s, ';');
	mig_str_free(&ro);
	mig__pg_step(p, &s);
}

/* No options: node-pg-migrate queues an empty step. */
static void e_alter_role(pg *p, const mig_opdef *def)
{
	const mig_role_def *d = &def->u.role;
	if (!d->any) {
		mig__pg_end_step(p);
		return;
	}
	mig_str s = MIG_STR_INIT, ro = MIG_STR_INIT;
	role_options(p, &ro, &d->options);
	mig_str_puts(&s, "ALTER ROLE ");
	mig__pg_name(&s, &d->name);
	mig_str_printf(&s, " WITH %s;", mig_str_cstr(&ro));
	mig_str_free(&ro);
	mig__pg_step(p, &s);
}

static void e_drop_role(pg *p, const mig_opdef *def)
{
	mig__pg_drop(p, "ROLE", &def->u.drop);
}

static void e_rename_role(pg *p, const mig_opdef *def)
{
	mig__pg_rename(p, "ALTER ROLE ", &def->u.rename, " RENAME TO ");
}

/* ---- grants ------------------------------------------------------------------ */

static void e_grant_roles(pg *p, const mig_opdef *def)
{
	const mig_grant_roles_def *d = &def->u.grant_roles;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "GRANT ");
	mig__pg_names(&s, &d->roles, ", ");
	mig_str_puts(&s, " TO ");
	mig__pg_names(&s, &d->to, ", ");
	if (d->admin_option)
		mig_str_puts(&s, " WITH ADMIN OPTION");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_revoke_roles(pg *p, const mig_opdef *def)
{
	const mig_grant_roles_def *d = &def->u.grant_roles;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, d->admin_option ? "REVOKE ADMIN OPTION FOR " : "REVOKE ");
	mig__pg_names(&s, &d->roles, ", ");
	mig_str_puts(&s, " FROM ");
	mig__pg_names(&s, &d->to, ", ");
	if (d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void grant_on(pg *p, const mig_grant_on_def *d, bool revoke, bool tables)
{
	mig_str s = MIG_STR_INIT;
	if (revoke)
		mig_str_puts(&s, d->grant_option ? "REVOKE GRANT OPTION FOR " : "REVOKE ");
	else
		mig_str_puts(&s, "GRANT ");
	mig__pg_texts(&s, &d->privileges, ", ");
	mig_str_puts(&s, " ON ");
	if (!tables)
		mig_str_puts(&s, "SCHEMA ");
	else if (d->all_tables_in_schema)
		mig_str_puts(&s, "ALL TABLES IN SCHEMA ");
	mig__pg_names(&s, &d->objects, ", ");
	mig_str_puts(&s, revoke ? " FROM " : " TO ");
	for (size_t i = 0; i < d->nroles; i++) {
		if (i)
			mig_str_puts(&s, ", ");
		if (d->roles[i].is_public)
			mig_str_puts(&s, "PUBLIC");
		else
			mig__pg_name(&s, &d->roles[i].name);
	}
	if (!revoke && d->grant_option)
		mig_str_puts(&s, " WITH GRANT OPTION");
	if (revoke && d->cascade)
		mig_str_puts(&s, " CASCADE");
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

static void e_grant_on_schemas(pg *p, const mig_opdef *def)
{
	grant_on(p, &def->u.grant_on, false, false);
}

static void e_revoke_on_schemas(pg *p, const mig_opdef *def)
{
	grant_on(p, &def->u.grant_on, true, false);
}

static void e_grant_on_tables(pg *p, const mig_opdef *def)
{
	grant_on(p, &def->u.grant_on, false, true);
}

static void e_revoke_on_tables(pg *p, const mig_opdef *def)
{
	grant_on(p, &def->u.grant_on, true, true);
}

const mig_pg_emitter mig__pg_security[] = {
	{MIG_OP_CREATE_POLICY, e_create_policy},
	{MIG_OP_ALTER_POLICY, e_alter_policy},
	{MIG_OP_DROP_POLICY, e_drop_policy},
	{MIG_OP_RENAME_POLICY, e_rename_policy},
	{MIG_OP_CREATE_ROLE, e_create_role},
	{MIG_OP_ALTER_ROLE, e_alter_role},
	{MIG_OP_DROP_ROLE, e_drop_role},
	{MIG_OP_RENAME_ROLE, e_rename_role},
	{MIG_OP_GRANT_ROLES, e_grant_roles},
	{MIG_OP_REVOKE_ROLES, e_revoke_roles},
	{MIG_OP_GRANT_ON_SCHEMAS, e_grant_on_schemas},
	{MIG_OP_REVOKE_ON_SCHEMAS, e_revoke_on_schemas},
	{MIG_OP_GRANT_ON_TABLES, e_grant_on_tables},
	{MIG_OP_REVOKE_ON_TABLES, e_revoke_on_tables},
	{MIG_OP_UNKNOWN, NULL},
};
