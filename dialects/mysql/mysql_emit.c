/*
 * MySQL/MariaDB's typed operations: the dispatch, what is refused and
 * why, and the helpers every mysql_<kind>.c file uses (errors, notices,
 * names, the catalog).
 *
 * The SQL is written so that a node-pg-migrate migration gives MySQL a
 * schema that behaves like PostgreSQL's: every constraint named as
 * PostgreSQL names it (a later dropConstraint finds it), text compared
 * exactly (binary NO PAD collations), CHECKs and foreign keys always at
 * table level (MySQL ignores inline REFERENCES; MariaDB cannot drop a
 * column CHECK by name). What MySQL cannot express is an error naming
 * the operation; what is only a hint is skipped with a notice.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include "dialects/common/names.h"

#include <stdarg.h>
#include <stdio.h>

/* ---- errors and statements -------------------------------------------------- */

static void failv(my *p, int code, const char *fmt, va_list ap)
{
	if (p->rc)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_vprintf(&s, fmt, ap);
	p->rc = mig_str_failed(&s) ? mig_error_oom() : mig_error_set(code, "%s", mig_str_cstr(&s));
	mig_str_free(&s);
}

void mig__my_fail(my *p, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	failv(p, code, fmt, ap);
	va_end(ap);
}

void mig__my_unsupported(my *p, const char *why)
{
	mig__my_fail(p, MIG_ENOTSUPPORTED, "%s is not supported on MySQL/MariaDB: %s", p->op->name, why);
}

void mig__my_unsupported_option(my *p, const char *what, const char *why)
{
	mig__my_fail(p, MIG_ENOTSUPPORTED, "%s option %s is not supported on MySQL/MariaDB: %s", p->op->name, what, why);
}

void mig__my_oom(my *p)
{
	if (!p->rc)
		p->rc = mig_error_oom();
}

void mig__my_notice(my *p, const char *fmt, ...)
{
	if (p->rc || !p->ctx->warn)
		return;
	mig_str s = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&s, fmt, ap);
	va_end(ap);
	if (!mig_str_failed(&s))
		p->ctx->warn(p->ctx->warn_ud, mig_str_cstr(&s));
	mig_str_free(&s);
}

void mig__my_stmt(my *p, mig_str *s)
{
	mig_str_putc(s, ';');
	if (p->rc || mig_str_failed(s)) {
		if (mig_str_failed(s))
			mig__my_oom(p);
		mig_str_free(s);
		return;
	}
	if (mig_strv_push(p->stmts, mig_str_detach(s)))
		mig__my_oom(p);
}

void mig__my_strv_add(my *p, mig_strv *v, const char *s)
{
	if (!p->rc && mig_strv_pushdup(v, s))
		mig__my_oom(p);
}

/* ---- names --------------------------------------------------------------------- */

/* MySQL counts identifiers in characters. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *mig__my_ident(my *p, const char *name, const char *what, bool given)
{
	if (p->rc)
		return NULL;
	if (given && utf8_chars(name) > 64) {
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: %s \"%s\" is not supported on MySQL/MariaDB: identifiers are at most 64 characters there",
			     p->op->name, what, name);
		return NULL;
	}
	size_t n = strlen(name), k = mig_pg_clip_len(name, n, MIG_PG_NAME_MAX);
	if (k < n)
		mig__my_notice(p, "identifier \"%s\" will be truncated to \"%.*s\" (as PostgreSQL does)", name, (int)k, name);
	char *d = mig_strndup(name, k);
	if (!d)
		mig__my_oom(p);
	return d;
}

bool mig__my_local(const mig_qname *n)
{
	return !n->schema || strcmp(n->schema, "public") == 0;
}

bool mig__my_put_name(my *p, mig_str *out, const mig_qname *n, const char *what, bool given)
{
	if (p->rc)
		return false;
	if (n->raw) {
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: %s given as pgm.func('%s') is not supported on MySQL/MariaDB: give the name as a string",
			     p->op->name, what, n->name);
		return false;
	}
	if (!mig__my_local(n)) {
		/* a PostgreSQL schema is a MySQL database */
		char *s = mig__my_ident(p, n->schema, "the schema", true);
		if (s) {
			mig_quote_backtick_ident(out, s);
			mig_str_putc(out, '.');
		}
		mig__free(s);
	}
	char *b = mig__my_ident(p, n->name, what, given);
	if (b)
		mig_quote_backtick_ident(out, b);
	mig__free(b);
	return !p->rc;
}

char *mig__my_pg_name(my *p, const char *table, const char *col, const char *label)
{
	mig_str s = MIG_STR_INIT;
	mig_pg_object_name(&s, table, col, label);
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		mig__my_oom(p);
		return NULL;
	}
	return mig_str_detach(&s);
}

/* ---- the catalog ------------------------------------------------------------------ */

const mig_mtable *mig__my_table(my *p, const mig_qname *n)
{
	const mig_mtable *t = NULL;
	if (p->rc || !p->ctx->catalog || n->raw || !mig__my_local(n))
		return NULL;
	int rc = mig_catalog_table(p->ctx->catalog, n->name, &t);
	if (rc && !p->rc)
		p->rc = rc;
	return rc ? NULL : t;
}

const mig_mtable *mig__my_need_table(my *p, const mig_qname *n, const char *why)
{
	const mig_mtable *t = mig__my_table(p, n);
	if (!t && !p->rc)
		mig__my_fail(p, MIG_ESQL, "%s: table \"%s\" is not known (%s, from the tables as they are now)", p->op->name,
			     n->name, why);
	return t;
}

void mig__my_pk_columns(my *p, const mig_mtable *t, mig_strv *out)
{
	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.v[i].kind == MIG_PART_PRIMARY)
			for (size_t k = 0; k < t->parts.v[i].columns.n; k++)
				mig__my_strv_add(p, out, t->parts.v[i].columns.v[k]);
	for (size_t i = 0; i < t->ncols; i++)
		if (mig_parts_find(&t->cols[i].parts, MIG_PART_PRIMARY))
			mig__my_strv_add(p, out, t->cols[i].name);
}

const char *mig__my_table_collation(const my *p)
{
	const char *f = p->ctx->server ? p->ctx->server->flavour : NULL;
	return f && strcmp(f, "mysql") == 0 ? "utf8mb4_0900_bin" : "utf8mb4_nopad_bin";
}

/* ---- what is refused ------------------------------------------------------------------ */

#define NO_SEQ "MySQL/MariaDB has no sequences here (an AUTO_INCREMENT column numbers rows: use a serial column)"
#define NO_FUNC "MySQL/MariaDB routines are not PL/pgSQL (write CREATE FUNCTION/PROCEDURE with pgm.sql())"
#define NO_TRIG "MySQL/MariaDB triggers have no trigger functions (write CREATE TRIGGER ... with pgm.sql())"
#define NO_MATVIEW "MySQL/MariaDB has no materialized views (use a table filled by pgm.sql(), or a view)"
#define NO_DOMAIN "MySQL/MariaDB has no domains (use the base type and a CHECK)"
#define NO_RLS "MySQL/MariaDB has no row-level security"
#define NO_ROLES "roles and privileges are not portable to MySQL/MariaDB (write CREATE ROLE/GRANT with pgm.sql())"
#define NO_OPS "MySQL/MariaDB has no user-defined operators or casts"
#define NO_COMPOSITE "MySQL/MariaDB has no composite types"
#define NO_SCHEMA "a PostgreSQL schema is a MySQL database, which a migration does not create or drop here (create the database beforehand; --schema names it)"

static const struct {
	enum mig_op_kind kind;
	const char *why;
} refused[] = {
	{MIG_OP_CREATE_SCHEMA, NO_SCHEMA},
	{MIG_OP_DROP_SCHEMA, NO_SCHEMA},
	{MIG_OP_RENAME_SCHEMA, "MySQL/MariaDB cannot rename a database"},
	{MIG_OP_CREATE_SEQUENCE, NO_SEQ},
	{MIG_OP_ALTER_SEQUENCE, NO_SEQ},
	{MIG_OP_DROP_SEQUENCE, NO_SEQ},
	{MIG_OP_RENAME_SEQUENCE, NO_SEQ},
	{MIG_OP_CREATE_FUNCTION, NO_FUNC},
	{MIG_OP_DROP_FUNCTION, NO_FUNC},
	{MIG_OP_RENAME_FUNCTION, NO_FUNC},
	{MIG_OP_CREATE_TRIGGER, NO_TRIG},
	{MIG_OP_DROP_TRIGGER, NO_TRIG},
	{MIG_OP_RENAME_TRIGGER, NO_TRIG},
	{MIG_OP_DROP_TRIGGER_AND_FUNCTION, NO_TRIG},
	{MIG_OP_CREATE_MATERIALIZED_VIEW, NO_MATVIEW},
	{MIG_OP_ALTER_MATERIALIZED_VIEW, NO_MATVIEW},
	{MIG_OP_REFRESH_MATERIALIZED_VIEW, NO_MATVIEW},
	{MIG_OP_RENAME_MATERIALIZED_VIEW, NO_MATVIEW},
	{MIG_OP_RENAME_MATERIALIZED_VIEW_COLUMN, NO_MATVIEW},
	{MIG_OP_DROP_MATERIALIZED_VIEW, NO_MATVIEW},
	{MIG_OP_CREATE_DOMAIN, NO_DOMAIN},
	{MIG_OP_ALTER_DOMAIN, NO_DOMAIN},
	{MIG_OP_DROP_DOMAIN, NO_DOMAIN},
	{MIG_OP_RENAME_DOMAIN, NO_DOMAIN},
	{MIG_OP_CREATE_POLICY, NO_RLS},
	{MIG_OP_ALTER_POLICY, NO_RLS},
	{MIG_OP_DROP_POLICY, NO_RLS},
	{MIG_OP_RENAME_POLICY, NO_RLS},
	{MIG_OP_CREATE_ROLE, NO_ROLES},
	{MIG_OP_ALTER_ROLE, NO_ROLES},
	{MIG_OP_DROP_ROLE, NO_ROLES},
	{MIG_OP_RENAME_ROLE, NO_ROLES},
	{MIG_OP_GRANT_ROLES, NO_ROLES},
	{MIG_OP_REVOKE_ROLES, NO_ROLES},
	{MIG_OP_GRANT_ON_SCHEMAS, NO_ROLES},
	{MIG_OP_REVOKE_ON_SCHEMAS, NO_ROLES},
	{MIG_OP_GRANT_ON_TABLES, NO_ROLES},
	{MIG_OP_REVOKE_ON_TABLES, NO_ROLES},
	{MIG_OP_CREATE_CAST, NO_OPS},
	{MIG_OP_DROP_CAST, NO_OPS},
	{MIG_OP_CREATE_OPERATOR, NO_OPS},
	{MIG_OP_DROP_OPERATOR, NO_OPS},
	{MIG_OP_CREATE_OPERATOR_FAMILY, NO_OPS},
	{MIG_OP_DROP_OPERATOR_FAMILY, NO_OPS},
	{MIG_OP_RENAME_OPERATOR_FAMILY, NO_OPS},
	{MIG_OP_CREATE_OPERATOR_CLASS, NO_OPS},
	{MIG_OP_DROP_OPERATOR_CLASS, NO_OPS},
	{MIG_OP_RENAME_OPERATOR_CLASS, NO_OPS},
	{MIG_OP_ADD_TO_OPERATOR_FAMILY, NO_OPS},
	{MIG_OP_REMOVE_FROM_OPERATOR_FAMILY, NO_OPS},
	{MIG_OP_ADD_TYPE_ATTRIBUTE, NO_COMPOSITE},
	{MIG_OP_DROP_TYPE_ATTRIBUTE, NO_COMPOSITE},
	{MIG_OP_SET_TYPE_ATTRIBUTE, NO_COMPOSITE},
	{MIG_OP_RENAME_TYPE_ATTRIBUTE, NO_COMPOSITE},
	{MIG_OP_ALTER_VIEW_COLUMN, "MySQL/MariaDB view columns have no defaults of their own (give the table's column the default)"},
};

static const mig_my_emitter *const groups[] = {
	mig__my_tables, mig__my_constraints_ops, mig__my_indexes, mig__my_enums, mig__my_views,
};

static mig_my_emitter_fn in_group(const mig_my_emitter *g, enum mig_op_kind kind)
{
	for (const mig_my_emitter *e = g; e->fn; e++)
		if (e->kind == kind)
			return e->fn;
	return NULL;
}

static mig_my_emitter_fn emitter_for(enum mig_op_kind kind)
{
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		mig_my_emitter_fn fn = in_group(groups[g], kind);
		if (fn)
			return fn;
	}
	return NULL;
}

const char *mig__my_refuses(enum mig_op_kind kind)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (refused[i].kind == kind)
			return refused[i].why;
	return NULL;
}

/* Extensions are PostgreSQL's: nothing to install here, as on SQLite. */
static void extensions(my *p)
{
	const mig_texts *names = p->def->kind == MIG_OP_CREATE_EXTENSION ? &p->def->u.create_extension.texts
									   : &p->def->u.drop.name_texts;
	for (size_t i = 0; i < names->n; i++)
		mig__my_notice(p, "%s: extension %s skipped: MySQL/MariaDB has no extensions", p->op->name, names->v[i]);
}

int mig__my_emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	if (!def)
		return mig_error_set(MIG_ERROR, "%s: the operation was not analysed", op->name);
	const char *why = mig__my_refuses(def->kind);
	if (why)
		return mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported on MySQL/MariaDB: %s", op->name, why);
	mig_my_emitter_fn fn = emitter_for(def->kind);
	if (!fn && def->kind != MIG_OP_CREATE_EXTENSION && def->kind != MIG_OP_DROP_EXTENSION)
		return mig_error_set(MIG_EINPUT, "unknown operation pgm.%s()", op->name);
	/* built apart so that a failing operation adds no step; its
	 * statements are ONE step, which an inferred down never reorders */
	mig_strv local = MIG_STRV_INIT;
	my p = {.ctx = ctx, .op = op, .def = def, .stmts = &local};
	if (fn)
		fn(&p);
	else
		extensions(&p);
	if (p.rc == 0 && local.n)
		p.rc = mig_steps_push(steps, &local);
	mig_strv_free(&local);
	return p.rc;
}
