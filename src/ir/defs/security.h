/*
 * Typed policies, roles and grants: createPolicy, alterPolicy,
 * createRole, alterRole, grantRoles, revokeRoles, grantOnSchemas,
 * revokeOnSchemas, grantOnTables and revokeOnTables (dropPolicy and
 * dropRole use mig_drop_def, dropPolicy with target = the table;
 * renamePolicy and renameRole mig_rename_def). See defs/base.h for the
 * conventions.
 */
#ifndef MIG_DEFS_SECURITY_H
#define MIG_DEFS_SECURITY_H

#include "ir/defs/base.h"

typedef struct mig_policy_def {
	mig_qname table, name;
	const char *command;    /* createPolicy: FOR String(command), "ALL" when undefined; alterPolicy: NULL */
	const char *role;       /* TO toArray(role).join(", ") (createPolicy's default PUBLIC); NULL when "" */
	const char *using_expr; /* USING (String(using)), NULL when falsy */
	const char *check;      /* WITH CHECK (String(check)), NULL when falsy */
} mig_policy_def;

/* The flags of formatRoleOptions(), in its order. */
enum mig_role_flag {
	MIG_ROLE_SUPERUSER,
	MIG_ROLE_CREATEDB,
	MIG_ROLE_CREATEROLE,
	MIG_ROLE_INHERIT,
	MIG_ROLE_LOGIN,
	MIG_ROLE_REPLICATION,
	MIG_ROLE_BYPASSRLS,
	MIG_ROLE_NFLAGS
};

/* formatRoleOptions(), createRole's defaults applied. */
typedef struct mig_role_opts {
	enum mig_tristate flags[MIG_ROLE_NFLAGS]; /* SET: FLAG; UNSET: NOFLAG; ABSENT: not written */
	const char *limit;         /* CONNECTION LIMIT String(limit), NULL when falsy */
	const mig_value *password; /* NULL when undefined; escaped as a value */
	bool unencrypted;          /* encrypted === false */
	enum mig_tristate valid;   /* SET: VALID UNTIL valid (escaped); UNSET: 'infinity' (falsy) */
	const mig_value *valid_value;
	/* toArray(x).join(", "), NULL when falsy */
	const char *in_role, *role, *admin;
} mig_role_opts;

typedef struct mig_role_def {
	/* alterRole reads the name only when there is an option to write */
	mig_qname name;
	mig_role_opts options;
	bool any;                  /* an option clause to write */
} mig_role_def;

/* grantRoles(roles, to) / revokeRoles(roles, from). */
typedef struct mig_grant_roles_def {
	mig_qnames roles, to;
	bool admin_option;         /* grantRoles: WITH ADMIN OPTION; revokeRoles: ADMIN OPTION FOR */
	bool cascade;              /* revokeRoles */
} mig_grant_roles_def;

/* A role of grantOn*: PUBLIC stays a keyword. */
typedef struct mig_grantee {
	bool is_public;
	mig_qname name;            /* unless is_public */
} mig_grantee;

/* grantOnSchemas, revokeOnSchemas, grantOnTables, revokeOnTables. */
typedef struct mig_grant_on_def {
	mig_texts privileges;      /* toArray(privileges).map(String) */
	/* the schemas, the tables, or the one schema of ALL TABLES IN SCHEMA */
	bool all_tables_in_schema;
	mig_qnames objects;
	mig_grantee *roles;
	size_t nroles;
	bool grant_option;         /* grant: WITH GRANT OPTION; revoke: GRANT OPTION FOR */
	bool cascade;              /* revoke */
} mig_grant_on_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_SECURITY_MEMBERS                \
	mig_policy_def policy;                   \
	mig_role_def role;                       \
	mig_grant_roles_def grant_roles;         \
	mig_grant_on_def grant_on;

#endif
