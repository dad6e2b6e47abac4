/*
 * The analysis of policies, roles and grants (see analyze.h):
 * node-pg-migrate's src/operations/policies.ts, roles.ts and grants.ts,
 * read in their order.
 */
#include "ir/analyze/analyze.h"

/* ---- policies --------------------------------------------------------------- */

/* makeClauses({role, using, check}); role is already defaulted. */
static void policy_clauses(mig_an *a, mig_policy_def *d, const mig_value *role, const mig_value *o)
{
	const char *r = mig__an_join(a, role, ", ");
	d->role = r && *r ? r : NULL;
	d->using_expr = mig__an_text_if(a, o, "using");
	d->check = mig__an_text_if(a, o, "check");
}

static void policy_names(mig_an *a, mig_policy_def *d)
{
	mig__an_name(a, mig__an_arg(a, 1), "the policy name", &d->name);
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->table);
}

static void a_create_policy(mig_an *a)
{
	mig_policy_def *d = &a->def->u.policy;
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	const mig_value *cmd = mig__an_opt(o, "command");
	d->command = cmd ? mig__an_string(a, cmd) : "ALL";
	const mig_value *role = mig__an_opt(o, "role");
	if (role) {
		policy_clauses(a, d, role, o);
	} else {
		mig_value *pub = mig__an_keep(a, mig_value_cstring("PUBLIC"));
		if (pub)
			policy_clauses(a, d, pub, o);
	}
	policy_names(a, d);
}

static void a_alter_policy(mig_an *a)
{
	mig_policy_def *d = &a->def->u.policy;
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	policy_clauses(a, d, mig__an_opt(o, "role"), o);
	if (mig__an_ok(a) && !d->role && !d->using_expr && !d->check)
		mig__an_fail(a, "No policy options provided for alterPolicy");
	policy_names(a, d);
}

static void a_drop_policy(mig_an *a)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 2, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 1), "the policy name", &d->names.v[0]);
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->target);
}

static void a_rename_policy(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 1, "the policy name", &r->from, 0, "the table name", &r->target, "the new policy name");
}

/* ---- roles ------------------------------------------------------------------ */

static bool is_false(const mig_value *v)
{
	return v && v->type == MIG_V_BOOL && !v->b;
}

/* formatRoleOptions(); `create` applies createRole's defaults (x || false
 * for the first flags, inherit !== false). */
static void role_options(mig_an *a, const mig_value *o, bool create, mig_role_def *d)
{
	static const char *const flags[MIG_ROLE_NFLAGS] = {"superuser", "createdb",    "createrole", "inherit",
							   "login",     "replication", "bypassrls"};
	mig_role_opts *r = &d->options;
	bool any = false;
	for (size_t i = 0; i < MIG_ROLE_NFLAGS; i++) {
		const mig_value *v = mig__an_opt(o, flags[i]);
		bool on;
		if (create && i < MIG_ROLE_BYPASSRLS)
			on = i == MIG_ROLE_INHERIT ? !is_false(v) : mig_value_truthy(v);
		else if (v)
			on = mig_value_truthy(v);
		else
			continue;
		r->flags[i] = on ? MIG_SET : MIG_UNSET;
		any = true;
	}
	if ((r->limit = mig__an_text_if(a, o, "limit")))
		any = true;
	if ((r->password = mig__an_opt(o, "password"))) {
		r->unencrypted = is_false(mig__an_opt(o, "encrypted"));
		any = true;
	}
	const mig_value *valid = mig__an_opt(o, "valid");
	if (valid) {
		r->valid = mig_value_truthy(valid) ? MIG_SET : MIG_UNSET;
		r->valid_value = valid;
		any = true;
	}
	const char **lists[] = {&r->in_role, &r->role, &r->admin};
	static const char *const keys[] = {"inRole", "role", "admin"};
	for (size_t i = 0; i < 3; i++) {
		if (!mig__an_truthy(o, keys[i]))
			continue;
		*lists[i] = mig__an_join(a, mig__an_opt(o, keys[i]), ", ");
		any = true;
	}
	d->any = any;
}

static void a_create_role(mig_an *a)
{
	mig_role_def *d = &a->def->u.role;
	const mig_value *o = mig__an_options(a, 1, false);
	role_options(a, o, true, d);
	mig__an_name(a, mig__an_arg(a, 0), "the role name", &d->name);
}

static void a_alter_role(mig_an *a)
{
	mig_role_def *d = &a->def->u.role;
	const mig_value *o = mig__an_options(a, 1, false);
	role_options(a, o, false, d);
	if (d->any)
		mig__an_name(a, mig__an_arg(a, 0), "the role name", &d->name);
}

static void a_drop_role(mig_an *a)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 1, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 0), "the role name", &d->names.v[0]);
}

static void a_rename_role(mig_an *a)
{
	mig__an_rename2(a, "the role name");
}

/* ---- grants ------------------------------------------------------------------ */

static void a_grant_roles(mig_an *a)
{
	mig_grant_roles_def *d = &a->def->u.grant_roles;
	const mig_value *o = mig__an_options(a, 2, false);
	mig__an_names(a, mig__an_arg(a, 0), "a role name", &d->roles);
	mig__an_names(a, mig__an_arg(a, 1), "a role name", &d->to);
	d->admin_option = mig__an_truthy(o, "withAdminOption");
}

static void a_revoke_roles(mig_an *a)
{
	mig_grant_roles_def *d = &a->def->u.grant_roles;
	const mig_value *o = mig__an_options(a, 2, false);
	d->admin_option = mig__an_truthy(o, "onlyAdminOption");
	mig__an_names(a, mig__an_arg(a, 0), "a role name", &d->roles);
	mig__an_names(a, mig__an_arg(a, 1), "a role name", &d->to);
	d->cascade = mig__an_truthy(o, "cascade");
}

/* asRolesStr(): PUBLIC stays a keyword, other roles are names. */
static void grantees(mig_an *a, const mig_value *roles, mig_grant_on_def *d)
{
	size_t n = mig_js_len(roles);
	if (!(d->roles = mig__an_alloc(a, n, sizeof(*d->roles))))
		return;
	for (size_t i = 0; i < n && !a->rc; i++) {
		const mig_value *r = mig_js_at(roles, i);
		mig_grantee *g = &d->roles[d->nroles++];
		if (mig_js_str_eq(r, "PUBLIC"))
			g->is_public = true;
		else
			mig__an_name(a, r, "a role name", &g->name);
	}
}

static void grant_on(mig_an *a, bool revoke, bool tables)
{
	mig_grant_on_def *d = &a->def->u.grant_on;
	const mig_value *o = mig__an_options(a, 0, true);
	if (!mig__an_ok(a))
		return;
	grantees(a, mig__an_opt(o, "roles"), d);
	mig__an_strings(a, mig__an_opt(o, "privileges"), &d->privileges);
	if (revoke)
		d->grant_option = mig__an_truthy(o, "onlyGrantOption");
	if (!tables) {
		mig__an_names(a, mig__an_opt(o, "schemas"), "a schema name", &d->objects);
	} else if (mig_js_in(o, "schema")) {
		/* `"schema" in options`, even with the value undefined */
		d->all_tables_in_schema = true;
		if ((d->objects.v = mig__an_alloc(a, 1, sizeof(*d->objects.v)))) {
			d->objects.n = 1;
			mig__an_name(a, mig__an_opt(o, "schema"), "the schema name", &d->objects.v[0]);
		}
	} else {
		mig__an_names(a, mig__an_opt(o, "tables"), "a table name", &d->objects);
	}
	if (revoke)
		d->cascade = mig__an_truthy(o, "cascade");
	else
		d->grant_option = mig__an_truthy(o, "withGrantOption");
}

static void a_grant_on_schemas(mig_an *a)
{
	grant_on(a, false, false);
}

static void a_revoke_on_schemas(mig_an *a)
{
	grant_on(a, true, false);
}

static void a_grant_on_tables(mig_an *a)
{
	grant_on(a, false, true);
}

static void a_revoke_on_tables(mig_an *a)
{
	grant_on(a, true, true);
}

const mig_analyzer mig__analyze_security[] = {
	{MIG_OP_CREATE_POLICY, a_create_policy},
	{MIG_OP_ALTER_POLICY, a_alter_policy},
	{MIG_OP_DROP_POLICY, a_drop_policy},
	{MIG_OP_RENAME_POLICY, a_rename_policy},
	{MIG_OP_CREATE_ROLE, a_create_role},
	{MIG_OP_ALTER_ROLE, a_alter_role},
	{MIG_OP_DROP_ROLE, a_drop_role},
	{MIG_OP_RENAME_ROLE, a_rename_role},
	{MIG_OP_GRANT_ROLES, a_grant_roles},
	{MIG_OP_REVOKE_ROLES, a_revoke_roles},
	{MIG_OP_GRANT_ON_SCHEMAS, a_grant_on_schemas},
	{MIG_OP_REVOKE_ON_SCHEMAS, a_revoke_on_schemas},
	{MIG_OP_GRANT_ON_TABLES, a_grant_on_tables},
	{MIG_OP_REVOKE_ON_TABLES, a_revoke_on_tables},
	{MIG_OP_UNKNOWN, NULL},
};
