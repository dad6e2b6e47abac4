/*
 * Enum types on MySQL/MariaDB, which has none: a column of the type is an
 * inline ENUM('a', 'b'), and the types themselves are rows of the
 * bookkeeping table <migrations table>_enums (type_name, position, value)
 * next to the state table, created with the first enum and dropped with
 * the last, so that a history rolled back to nothing leaves nothing.
 *
 * Which columns use a type: MySQL stores only enum('a','b'), so a column
 * is the type's when its stored type is exactly the type's current value
 * list (or, in the offline model, whose applier cannot see enum types,
 * when its type is the type's name). Two enum types with identical value
 * lists cannot be told apart: changing one changes the columns of both.
 *
 * Changing the values restates every such column with MODIFY COLUMN
 * (whole: MySQL forgets what a MODIFY does not repeat); MySQL converts an
 * ENUM column by value, so the rows keep theirs.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include "dialects/common/enums.h"

/* As mysql_catalog.c reads it (its ENUM_SUFFIX). */
#define ENUMS_SUFFIX "_enums"

const mig_strv *mig__my_enum_values(void *ud, const char *name)
{
	my *p = ud;
	const mig_menum *e = NULL;
	if (p->rc || !p->ctx->catalog)
		return NULL;
	int rc = mig_catalog_enum(p->ctx->catalog, name, &e);
	if (rc) {
		p->rc = rc;
		return NULL;
	}
	return e ? &e->values : NULL;
}

/* ---- the bookkeeping table ------------------------------------------------------- */

static void enum_table(my *p, mig_str *s)
{
	const mig_state_names *n = p->ctx->names;
	if (n && n->schema) {
		mig_quote_backtick_ident(s, n->schema);
		mig_str_putc(s, '.');
	}
	mig_str t = MIG_STR_INIT;
	mig_str_printf(&t, "%s" ENUMS_SUFFIX, n && n->table ? n->table : "pgmigrations");
	if (mig_str_failed(&t))
		mig__my_oom(p);
	else
		mig_quote_backtick_ident(s, mig_str_cstr(&t));
	mig_str_free(&t);
}

/* The bookkeeping statements (dialects/common/enums.h) for this run;
 * table and tail hold the quoted name and the table options. */
static mig_enum_sql enum_sql(my *p, mig_str *table, mig_str *tail)
{
	enum_table(p, table);
	/* binary NO PAD like the tables: 'a' and 'a ' are two labels, as in PostgreSQL */
	mig_str_printf(tail, " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=%s", mig__my_table_collation(p));
	return (mig_enum_sql){.table = mig_str_cstr(table),
			      .literal = mig_quote_backslash_literal,
			      .text_type = "VARCHAR(255)",
			      .int_type = "INT",
			      .tail = mig_str_cstr(tail)};
}

enum row_stmt { ROWS_CREATE, ROWS_DELETE, ROWS_INSERT, ROWS_RENAME_TYPE, ROWS_RENAME_VALUE };

/* One bookkeeping statement (nothing for an INSERT of no values). */
static void rows_stmt(my *p, enum row_stmt which, const char *type, const mig_strv *values, const char *from,
		      const char *to)
{
	mig_str t = MIG_STR_INIT, tail = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_enum_sql e = enum_sql(p, &t, &tail);
	switch (which) {
	case ROWS_CREATE:
		mig_enum_create(&e, &s);
		break;
	case ROWS_DELETE:
		mig_enum_delete(&e, type, &s);
		break;
	case ROWS_INSERT:
		mig_enum_insert(&e, type, values, &s);
		break;
	case ROWS_RENAME_TYPE:
		mig_enum_rename_type(&e, from, to, &s);
		break;
	case ROWS_RENAME_VALUE:
		mig_enum_rename_value(&e, type, from, to, &s);
		break;
	}
	if (s.len || mig_str_failed(&s))
		mig__my_stmt(p, &s);
	mig_str_free(&s);
	mig_str_free(&t);
	mig_str_free(&tail);
}

/* The stored rows of `type` replaced by values (delete_first), or added. */
static void enum_store(my *p, const char *type, const mig_strv *values, bool delete_first)
{
	if (delete_first)
		rows_stmt(p, ROWS_DELETE, type, NULL, NULL, NULL);
	rows_stmt(p, ROWS_INSERT, type, values, NULL, NULL);
}

/* ---- names and values ------------------------------------------------------------ */

/* The type's bare name; enum types live in the connection's database,
 * whose bookkeeping table holds them. */
static char *type_name(my *p, const mig_qname *n, const char *what)
{
	if (p->rc)
		return NULL;
	if (n->raw || !mig__my_local(n)) {
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: %s \"%s%s%s\" is not supported on MySQL/MariaDB: enum types are kept for the connection's database only (give the name alone, as a string)",
			     p->op->name, what, n->schema && !n->raw ? n->schema : "", n->schema && !n->raw ? "." : "",
			     n->name);
		return NULL;
	}
	return mig__my_ident(p, n->name, what, true);
}

/* A copy of the values of `name`; false when there is no such type. */
static bool enum_values(my *p, const char *name, mig_strv *out)
{
	const mig_strv *v = mig__my_enum_values(p, name);
	for (size_t i = 0; v && i < v->n; i++)
		mig__my_strv_add(p, out, v->v[i]);
	return v && !p->rc;
}

/* The values of a type that must exist (PostgreSQL's error otherwise). */
static bool need_enum(my *p, const char *name, mig_strv *values)
{
	if (!p->ctx->catalog) {
		mig__my_unsupported(p, "it needs the enum types as they are now (the catalog)");
		return false;
	}
	if (enum_values(p, name, values))
		return true;
	if (!p->rc)
		mig__my_fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
	return false;
}

/* ---- the columns of a type --------------------------------------------------------- */

typedef struct user {
	const mig_mtable *table;
	const mig_mcolumn *col;
} user;

typedef struct users {
	user *v;
	size_t n;
	mig_str what; /* "column c of table t, ..." for messages */
} users;

static void users_free(users *u)
{
	mig__free(u->v);
	mig_str_free(&u->what);
}

/* The columns of type `name` with values `values`, table by table. The
 * catalog's schema is read first: reading it anew frees what an earlier
 * look-up returned. */
static void enum_users(my *p, const char *name, const mig_strv *values, users *out)
{
	const mig_model *m = NULL;
	mig_my_type et = {0};
	memset(out, 0, sizeof(*out));
	if (p->rc || !p->ctx->catalog)
		return;
	int rc = mig_catalog_schema(p->ctx->catalog, &m);
	if (!rc)
		rc = mig__my_enum_type(values, &et);
	if (rc) {
		p->rc = rc;
		return;
	}
	for (size_t i = 0; i < m->ntables && !p->rc; i++)
		for (size_t k = 0; k < m->tables[i]->ncols && !p->rc; k++) {
			const mig_mcolumn *c = &m->tables[i]->cols[k];
			if (strcmp(c->type, et.stored) != 0 && !mig_model_ieq(c->type, name))
				continue;
			user *nv = mig__reallocarray(out->v, out->n + 1, sizeof(*out->v));
			if (!nv) {
				mig__my_oom(p);
				break;
			}
			out->v = nv;
			out->v[out->n++] = (user){m->tables[i], c};
			mig_str_printf(&out->what, "%scolumn %s of table %s", mig_str_len(&out->what) ? ", " : "", c->name,
				       m->tables[i]->name);
		}
	mig__my_type_free(&et);
}

/* "DEFAULT 'v'", the model's spelling of a literal default. */
static char *default_body(my *p, const char *v)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "DEFAULT ");
	mig_quote_ansi_literal(&s, v);
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		mig__my_oom(p);
		return NULL;
	}
	return mig_str_detach(&s);
}

/*
 * One ALTER TABLE per table restating its columns of the type with the
 * values `values`. rename_from/to: a default equal to rename_from
 * becomes rename_to.
 */
static void restate_users(my *p, const users *u, const mig_strv *values, const char *rename_from, const char *rename_to)
{
	mig_my_type et = {0};
	char *from_body = rename_from ? default_body(p, rename_from) : NULL;
	char *to_body = rename_to ? default_body(p, rename_to) : NULL;
	if (!p->rc && mig__my_enum_type(values, &et))
		mig__my_oom(p);
	for (size_t i = 0; i < u->n && !p->rc; i++) {
		if (i && u->v[i].table == u->v[i - 1].table)
			continue;
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig_quote_backtick_ident(&s, u->v[i].table->name);
		for (size_t k = i; k < u->n && u->v[k].table == u->v[i].table; k++) {
			const mig_mcolumn *c = u->v[k].col;
			const mig_part *dp = mig_parts_find(&c->parts, MIG_PART_DEFAULT);
			bool renamed = from_body && to_body && dp && strcmp(dp->body, from_body) == 0;
			mig_str_puts(&s, k > i ? ", MODIFY COLUMN " : " MODIFY COLUMN ");
			mig__my_restate_column(p, &s, c, et.decl, renamed ? to_body : NULL);
		}
		mig__my_stmt(p, &s);
	}
	mig__my_type_free(&et);
	mig__free(from_body);
	mig__free(to_body);
}

/* ---- the operations ------------------------------------------------------------------ */

static void e_createType(my *p)
{
	const mig_create_type_def *d = &p->def->u.create_type;
	mig_strv values = MIG_STRV_INIT, existing = MIG_STRV_INIT;
	if (!d->is_enum) {
		mig__my_unsupported(p, "MySQL/MariaDB has no composite types (use columns, or a json column)");
		return;
	}
	char *name = type_name(p, &d->name, "the type name");
	if (!name)
		goto out;
	if (!d->labels.n) {
		mig__my_unsupported(p, "an ENUM needs at least one value on MySQL/MariaDB");
		goto out;
	}
	if (enum_values(p, name, &existing)) {
		mig__my_fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, name);
		goto out;
	}
	for (size_t i = 0; i < d->labels.n && !p->rc; i++) {
		if (mig_enum_index(&values, d->labels.v[i]) != (size_t)-1)
			mig__my_fail(p, MIG_ESQL, "%s: enum label \"%s\" used more than once", p->op->name, d->labels.v[i]);
		mig__my_strv_add(p, &values, d->labels.v[i]);
	}
	rows_stmt(p, ROWS_CREATE, NULL, NULL, NULL, NULL);
	enum_store(p, name, &values, false);
out:
	mig_strv_free(&values);
	mig_strv_free(&existing);
	mig__free(name);
}

static void e_dropType(my *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	size_t dropped = 0;
	for (size_t i = 0; i < d->names.n && !p->rc; i++) {
		char *name = type_name(p, &d->names.v[i], "the type name");
		mig_strv values = MIG_STRV_INIT;
		users u = {0};
		if (!name)
			break;
		if (!p->ctx->catalog) {
			mig__my_unsupported(p, "it needs the enum types and the columns that use them (the catalog)");
		} else if (!enum_values(p, name, &values)) {
			if (d->if_exists)
				mig__my_notice(p, "type \"%s\" does not exist, skipping", name);
			else
				mig__my_fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
		} else {
			enum_users(p, name, &values, &u);
			if (u.n && d->cascade)
				mig__my_fail(p, MIG_ENOTSUPPORTED,
					     "%s with cascade is not supported on MySQL/MariaDB while columns use the type (%s): drop those columns first",
					     p->op->name, mig_str_cstr(&u.what));
			else if (u.n)
				mig__my_fail(p, MIG_ESQL, "%s: cannot drop type %s because other objects depend on it: %s",
					     p->op->name, name, mig_str_cstr(&u.what));
			mig_strv none = MIG_STRV_INIT;
			enum_store(p, name, &none, true);
			dropped++;
		}
		users_free(&u);
		mig_strv_free(&values);
		mig__free(name);
	}
	/* the last enum takes its table along: a database rolled back to
	 * nothing holds nothing of the enums */
	const mig_model *m = NULL;
	if (!p->rc && dropped && mig_catalog_schema(p->ctx->catalog, &m) == 0 && m->nenums <= dropped) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP TABLE IF EXISTS ");
		enum_table(p, &s);
		mig__my_stmt(p, &s);
	}
}

static void e_renameType(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = type_name(p, &r->from, "the type name");
	char *to = type_name(p, &r->to, "the new type name");
	mig_strv values = MIG_STRV_INIT, other = MIG_STRV_INIT;
	if (p->rc || !need_enum(p, from, &values))
		goto out;
	if (enum_values(p, to, &other)) {
		mig__my_fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, to);
		goto out;
	}
	/* the columns say only enum('a','b'): nothing else names the type */
	rows_stmt(p, ROWS_RENAME_TYPE, NULL, NULL, from, to);
out:
	mig_strv_free(&values);
	mig_strv_free(&other);
	mig__free(from);
	mig__free(to);
}

static void e_addTypeValue(my *p)
{
	const mig_add_type_value_def *d = &p->def->u.add_type_value;
	char *name = type_name(p, &d->type, "the type name");
	mig_strv values = MIG_STRV_INIT;
	users u = {0};
	if (!name)
		goto out;
	/* given, not only truthy (as the analysis tests them) */
	if (d->before_text && d->after_text) {
		mig__my_fail(p, MIG_EINPUT, "\"before\" and \"after\" can't be specified together");
		goto out;
	}
	if (!need_enum(p, name, &values))
		goto out;
	const char *v = d->value_text;
	size_t at = 0;
	switch (mig_enum_place(&values, v, d->before_text, d->after_text, &at)) {
	case MIG_ENUM_EXISTS:
		if (d->if_not_exists)
			mig__my_notice(p, "enum label \"%s\" already exists, skipping", v);
		else
			mig__my_fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, v);
		goto out;
	case MIG_ENUM_MISSING:
		mig__my_fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name,
			     d->before_text ? d->before_text : d->after_text);
		goto out;
	case MIG_ENUM_OK:
		break;
	}
	/* found by the list as it is now, before it changes */
	enum_users(p, name, &values, &u);
	if (p->rc || (p->rc = mig_enum_insert_at(&values, v, at)) != 0)
		goto out;
	enum_store(p, name, &values, true);
	restate_users(p, &u, &values, NULL, NULL);
out:
	users_free(&u);
	mig_strv_free(&values);
	mig__free(name);
}

/*
 * MySQL cannot rename an ENUM member in place: the columns first take
 * both labels, the rows move from the old one to the new, then the old
 * label goes.
 */
static void e_renameTypeValue(my *p)
{
	const mig_rename_type_value_def *d = &p->def->u.rename_type_value;
	char *name = type_name(p, &d->type, "the type name");
	mig_strv values = MIG_STRV_INIT, both = MIG_STRV_INIT;
	users u = {0};
	if (!name || !need_enum(p, name, &values))
		goto out;
	const char *from = d->from_text, *to = d->to_text;
	size_t at = 0;
	switch (mig_enum_renamable(&values, from, to, &at)) {
	case MIG_ENUM_MISSING:
		mig__my_fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name, from);
		goto out;
	case MIG_ENUM_EXISTS:
		mig__my_fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, to);
		goto out;
	case MIG_ENUM_OK:
		break;
	}
	enum_users(p, name, &values, &u);
	for (size_t i = 0; i < values.n; i++) {
		mig__my_strv_add(p, &both, values.v[i]);
		if (i == at)
			mig__my_strv_add(p, &both, to);
	}
	char *dv = mig_strdup(to);
	if (!dv) {
		mig__my_oom(p);
		goto out;
	}
	mig__free(values.v[at]);
	values.v[at] = dv;
	rows_stmt(p, ROWS_RENAME_VALUE, name, NULL, from, to);
	mig_str s = MIG_STR_INIT;
	restate_users(p, &u, &both, NULL, NULL);
	for (size_t i = 0; i < u.n && !p->rc; i++) {
		mig_str_puts(&s, "UPDATE ");
		mig_quote_backtick_ident(&s, u.v[i].table->name);
		mig_str_puts(&s, " SET ");
		mig_quote_backtick_ident(&s, u.v[i].col->name);
		mig_str_puts(&s, " = ");
		mig_quote_backslash_literal(&s, to);
		mig_str_puts(&s, " WHERE ");
		mig_quote_backtick_ident(&s, u.v[i].col->name);
		mig_str_puts(&s, " = ");
		mig_quote_backslash_literal(&s, from);
		mig__my_stmt(p, &s);
	}
	restate_users(p, &u, &values, from, to);
out:
	users_free(&u);
	mig_strv_free(&values);
	mig_strv_free(&both);
	mig__free(name);
}

const mig_my_emitter mig__my_enums[] = {
	{MIG_OP_CREATE_TYPE, e_createType},
	{MIG_OP_DROP_TYPE, e_dropType},
	{MIG_OP_RENAME_TYPE, e_renameType},
	{MIG_OP_ADD_TYPE_VALUE, e_addTypeValue},
	{MIG_OP_RENAME_TYPE_VALUE, e_renameTypeValue},
	{MIG_OP_UNKNOWN, NULL},
};
