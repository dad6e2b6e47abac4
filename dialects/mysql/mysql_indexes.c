/*
 * Indexes on MySQL/MariaDB: B-tree (or HASH) indexes on columns; no
 * partial, covering or operator-class indexes, and on MariaDB no
 * expression key parts. An index name is per table there, so dropIndex
 * finds the table in the catalog.
 *
 * What PostgreSQL has and MySQL lacks is emulated where the emulation
 * keeps the index's meaning (mysql_int.h names the marks):
 * - an expression key part on MariaDB: an invisible virtual column
 *   holding the expression, indexed instead (MySQL 8 takes the
 *   expression itself, a functional key part). Its type comes from the
 *   model when the expression is a case or trim function of one string
 *   column (lower(email) is a varchar(255) like email, and keeps its
 *   collation); anything else is varchar(255), said in a notice, as the
 *   index then orders by the text of the value. A string type, because a
 *   UNIQUE index on it stays a plain B-tree one; a text column's
 *   expression is a text one, which MariaDB indexes by a hash when
 *   UNIQUE (whole values) and on a 255-character prefix when not.
 *   dropIndex and renameIndex carry the column along.
 * - a non-unique partial index: a full index (more rows in it, the same
 *   answers), said in a notice and in its comment. A unique partial index
 *   stays refused: over every row it would reject rows the partial one
 *   allows.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include <strings.h>

static bool is_mysql(const my *p)
{
	const char *f = p->ctx->server ? p->ctx->server->flavour : NULL;
	return f && strcmp(f, "mysql") == 0;
}

static bool ieq(const char *a, const char *b)
{
	return mig_model_ieq(a, b);
}

/* The table an index (or a UNIQUE key, which is one on MySQL) is on. */
static const mig_mtable *index_table(my *p, const char *name, bool *unique_key)
{
	*unique_key = false;
	const mig_model *m = NULL;
	if (!p->ctx->catalog)
		return NULL;
	int rc = mig_catalog_schema(p->ctx->catalog, &m);
	if (rc) {
		p->rc = rc;
		return NULL;
	}
	for (size_t i = 0; m && i < m->ntables; i++) {
		const mig_mtable *t = m->tables[i];
		if (mig_mtable_obj(t, "index", name))
			return t;
		for (size_t k = 0; k < t->parts.n; k++)
			if (t->parts.v[k].kind == MIG_PART_UNIQUE && t->parts.v[k].name && ieq(t->parts.v[k].name, name)) {
				*unique_key = true;
				return t;
			}
	}
	return NULL;
}

char *mig__my_expr_column(const char *index)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, MIG_MY_EXPR_PREFIX "%s", index);
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		mig_error_oom();
		return NULL;
	}
	char *r = mig_str_detach(&s);
	/* MySQL's limit is 64 characters; cut on a character boundary */
	size_t n = strlen(r);
	if (n > 64) {
		n = 64;
		while (n > 0 && ((unsigned char)r[n] & 0xC0) == 0x80)
			n--;
		r[n] = '\0';
	}
	return r;
}

/* The one column of fn(column) for a function that keeps its argument's
 * type, onto col; false for anything else. */
static bool same_type_call(const char *expr, mig_str *col)
{
	static const char *const fns[] = {"lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "reverse"};
	const char *e = expr;
	while (*e == ' ')
		e++;
	/* the parser keeps the parentheses around the expression */
	size_t n = strlen(e);
	while (n && e[n - 1] == ' ')
		n--;
	if (*e == '(' && n > 1 && e[n - 1] == ')') {
		mig_str inner = MIG_STR_INIT;
		mig_str_put(&inner, e + 1, n - 2);
		bool r = !mig_str_failed(&inner) && same_type_call(mig_str_cstr(&inner), col);
		mig_str_free(&inner);
		return r;
	}
	const char *fn = e;
	while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z'))
		e++;
	bool known = false;
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]) && !known; i++)
		known = strlen(fns[i]) == (size_t)(e - fn) && strncasecmp(fn, fns[i], (size_t)(e - fn)) == 0;
	while (*e == ' ')
		e++;
	if (!known || *e++ != '(')
		return false;
	while (*e == ' ')
		e++;
	char quote = *e == '`' || *e == '"' ? *e++ : 0;
	const char *name = e;
	while (*e && (quote ? *e != quote : (*e == '_' || (*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') ||
					     (*e >= '0' && *e <= '9'))))
		e++;
	if (e == name)
		return false;
	mig_str_put(col, name, (size_t)(e - name));
	if (quote && *e++ != quote)
		return false;
	while (*e == ' ')
		e++;
	if (*e++ != ')')
		return false;
	while (*e == ' ')
		e++;
	return *e == '\0';
}

char *mig__my_expr_type(const mig_mtable *t, const char *expr, const char **collate, bool *guessed)
{
	*collate = NULL;
	*guessed = false;
	mig_str name = MIG_STR_INIT;
	const mig_mcolumn *c = t && same_type_call(expr, &name) ? mig_mtable_col(t, mig_str_cstr(&name)) : NULL;
	mig_str_free(&name);
	int fsp;
	bool blob = false;
	enum mig_my_kind k = c ? mig__my_kind_of_stored(c->type, &fsp, &blob) : MK_RAW;
	/* a JSON or enum column's case function is text of another type */
	if (c && (k == MK_TEXT ? strstr(c->type, "text") != NULL : k == MK_STRING && strncmp(c->type, "enum", 4) != 0 &&
						   strncmp(c->type, "set", 3) != 0)) {
		const mig_part *g = mig_parts_find(&c->parts, MIG_PART_COLLATE);
		*collate = g ? g->body : NULL;
		char *r = mig_strdup(c->type);
		if (!r)
			mig_error_oom();
		return r;
	}
	*guessed = true;
	char *r = mig_strdup("varchar(255)");
	if (!r)
		mig_error_oom();
	return r;
}

/* The expression in one pair of parentheses: the parser keeps those it
 * was written in ("(lower(email))"), and "(a) + (b)" is not in one. */
static void put_expr(mig_str *out, const char *expr)
{
	size_t n = strlen(expr), depth = 0, i = 0;
	bool one = n > 1 && expr[0] == '(' && expr[n - 1] == ')';
	for (; one && i < n; i++) {
		if (expr[i] == '(')
			depth++;
		else if (expr[i] == ')' && --depth == 0 && i + 1 < n)
			one = false;
		else if (expr[i] == '\'' || expr[i] == '"' || expr[i] == '`')
			one = false; /* quoted parentheses: keep it whole */
	}
	if (one)
		mig_str_puts(out, expr);
	else
		mig_str_printf(out, "(%s)", expr);
}

/* One key part onto cols: the column (a text column's on a prefix, but
 * for MariaDB's hashed UNIQUE), then the sort order. */
static void key_part(my *p, mig_str *cols, const mig_create_index_def *d, const char *col, const char *type)
{
	int fsp;
	bool blob = false;
	if (type)
		mig__my_kind_of_stored(type, &fsp, &blob);
	mig_quote_backtick_ident(cols, col);
	if (blob && d->unique && is_mysql(p))
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: a UNIQUE index on the %s column \"%s\" is not supported on MySQL: it needs a prefix length there, which changes what UNIQUE means (give the column a varchar(n) type)",
			     p->op->name, type, col);
	else if (blob && !d->unique) {
		/* a prefix only makes the index less selective */
		mig_str_puts(cols, "(255)");
		mig__my_notice(p, "%s: the %s column \"%s\" is indexed on its first 255 characters (MySQL needs a prefix length)",
			       p->op->name, type, col);
	}
}

/* MariaDB: the hidden column for expression expr, onto adds; its name
 * onto cols. */
static void expr_column(my *p, const mig_mtable *t, const char *index, const char *expr, bool first,
			const mig_create_index_def *d, mig_str *adds, mig_str *cols)
{
	if (!first) {
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: a second expression %s in one index is not supported on MariaDB: each expression is a hidden column named after the index",
			     p->op->name, expr);
		return;
	}
	const char *collate;
	bool guessed;
	char *col = mig__my_expr_column(index);
	char *type = mig__my_expr_type(t, expr, &collate, &guessed);
	if (!col || !type) {
		mig__my_oom(p);
		goto out;
	}
	if (guessed)
		mig__my_notice(p, "%s: the expression %s is indexed as a varchar(255) column (MariaDB indexes no expression; a case or trim function of one string column keeps its type)",
			       p->op->name, expr);
	mig_str_printf(adds, "ADD COLUMN %s", d->if_not_exists ? "IF NOT EXISTS " : "");
	mig_quote_backtick_ident(adds, col);
	mig_str_printf(adds, " %s%s%s AS ", type, collate ? " " : "", collate ? collate : "");
	put_expr(adds, expr);
	mig_str_puts(adds, " VIRTUAL INVISIBLE, ");
	key_part(p, cols, d, col, type);
out:
	mig__free(col);
	mig__free(type);
}

static void e_createIndex(my *p)
{
	const mig_create_index_def *d = &p->def->u.create_index;
	if (d->where && d->unique)
		mig__my_unsupported_option(p, "where",
					   "MySQL/MariaDB has no partial indexes, and a full UNIQUE index would reject rows the partial one allows");
	if (d->include)
		mig__my_unsupported_option(p, "include", "MySQL/MariaDB has no covering-index INCLUDE clause");
	if (d->nulls && strcmp(d->nulls, "DISTINCT") != 0)
		mig__my_unsupported_option(p, "nulls", "MySQL/MariaDB unique indexes always treat NULLs as distinct");
	if (d->method && !ieq(d->method, "btree") && !ieq(d->method, "hash"))
		mig__my_unsupported_option(p, "method", "MySQL/MariaDB (InnoDB) indexes are BTREE (or HASH)");
	if (p->rc)
		return;
	if (d->concurrently)
		mig__my_notice(p, "%s: CONCURRENTLY skipped: InnoDB builds indexes online", p->op->name);
	if (d->where)
		mig__my_notice(p, "%s: the partial index %s indexes every row on MySQL/MariaDB (WHERE %s is kept in its comment)",
			       p->op->name, d->name.name, d->where);
	const mig_mtable *t = mig__my_table(p, &d->table);
	char *name = mig__my_ident(p, d->name.name, "the index name", false);
	if (d->if_not_exists && is_mysql(p)) {
		/* MySQL has no CREATE INDEX IF NOT EXISTS: the catalog decides */
		bool uk;
		if (!p->ctx->catalog) {
			mig__my_unsupported_option(p, "ifNotExists", "MySQL has no CREATE INDEX IF NOT EXISTS, and no catalog says whether the index exists");
		} else if (name && index_table(p, name, &uk)) {
			mig__my_notice(p, "relation \"%s\" already exists, skipping", name);
			mig__free(name);
			return;
		}
	}
	mig_str adds = MIG_STR_INIT, cols = MIG_STR_INIT;
	bool exprs = false;
	for (size_t i = 0; i < d->ncolumns && !p->rc; i++) {
		const mig_index_column_def *c = &d->columns[i];
		if (i)
			mig_str_puts(&cols, ", ");
		if (c->opclass_text) {
			mig__my_unsupported_option(p, "opclass", "MySQL/MariaDB has no operator classes");
			break;
		}
		if (c->column.raw && is_mysql(p)) {
			mig_str_printf(&cols, "(%s)", c->column.name);
		} else if (c->column.raw) {
			expr_column(p, t, name ? name : "", c->column.name, !exprs, d, &adds, &cols);
			exprs = true;
		} else {
			char *col = mig__my_ident(p, c->column.name, "the column name", true);
			const mig_mcolumn *mc = t && col ? mig_mtable_col(t, col) : NULL;
			if (col)
				key_part(p, &cols, d, col, mc ? mc->type : NULL);
			mig__free(col);
		}
		if (c->sort)
			mig_str_printf(&cols, " %s", c->sort);
	}
	mig_str s = MIG_STR_INIT;
	if (exprs) {
		mig_str_puts(&s, "ALTER TABLE ");
		mig__my_put_name(p, &s, &d->table, "the table name", true);
		mig_str_printf(&s, " %sADD %sINDEX %s", mig_str_cstr(&adds), d->unique ? "UNIQUE " : "",
			       d->if_not_exists ? "IF NOT EXISTS " : "");
		mig_quote_backtick_ident(&s, name ? name : "");
	} else {
		mig_str_printf(&s, "CREATE %sINDEX %s", d->unique ? "UNIQUE " : "", d->if_not_exists && !is_mysql(p) ? "IF NOT EXISTS " : "");
		mig_quote_backtick_ident(&s, name ? name : "");
		mig_str_puts(&s, " ON ");
		mig__my_put_name(p, &s, &d->table, "the table name", true);
	}
	mig_str_printf(&s, " (%s)", mig_str_cstr(&cols));
	if (mig_str_failed(&adds) || mig_str_failed(&cols))
		s.failed = true;
	if (d->method)
		mig_str_puts(&s, ieq(d->method, "hash") ? " USING HASH" : " USING BTREE");
	if (d->where) {
		mig_str comment = MIG_STR_INIT;
		mig_str_printf(&comment, MIG_MY_PARTIAL_COMMENT ", WHERE %s (MySQL indexes every row)", d->where);
		mig_str_puts(&s, " COMMENT ");
		mig_quote_backslash_literal(&s, mig_str_cstr(&comment));
		if (mig_str_failed(&comment))
			s.failed = true;
		mig_str_free(&comment);
	}
	mig_str_free(&adds);
	mig_str_free(&cols);
	mig__my_stmt(p, &s);
	mig__free(name);
}

/* The hidden column of index name on t, if it has one (MariaDB's
 * expression index): caller frees. */
static char *hidden_column(my *p, const mig_mtable *t, const char *name)
{
	char *col = mig__my_expr_column(name);
	if (!col)
		mig__my_oom(p);
	if (col && !mig_mtable_col(t, col)) {
		mig__free(col);
		col = NULL;
	}
	return col;
}

static bool leads_with(const mig_strv *cols, const mig_strv *lead)
{
	if (!lead->n || cols->n < lead->n)
		return false;
	for (size_t i = 0; i < lead->n; i++)
		if (!ieq(cols->v[i], lead->v[i]))
			return false;
	return true;
}

/* Whether a key of t other than the index `but` starts with cols. */
static bool other_key_leads(const mig_mtable *t, const char *but, const mig_strv *cols)
{
	for (size_t k = 0; k < t->parts.n; k++) {
		const mig_part *g = &t->parts.v[k];
		if ((g->kind == MIG_PART_PRIMARY || g->kind == MIG_PART_UNIQUE) && !(g->name && ieq(g->name, but)) &&
		    leads_with(&g->columns, cols))
			return true;
	}
	for (size_t k = 0; k < t->nobjs; k++)
		if (strcmp(t->objs[k].type, "index") == 0 && !ieq(t->objs[k].name, but) && leads_with(&t->objs[k].columns, cols))
			return true;
	return false;
}

/*
 * InnoDB drops the index it made for a foreign key once another index
 * can serve the key, and then refuses to drop that one: the foreign key's
 * own index comes back in the same statement, named after the key as
 * InnoDB names it (the model, like the reader, leaves it out).
 */
static void keep_fk_indexes(my *p, const mig_mtable *t, const char *name, mig_str *actions)
{
	const mig_strv *cols = NULL;
	const mig_mobject *o = mig_mtable_obj(t, "index", name);
	if (o)
		cols = &o->columns;
	for (size_t k = 0; !cols && k < t->parts.n; k++)
		if (t->parts.v[k].kind == MIG_PART_UNIQUE && t->parts.v[k].name && ieq(t->parts.v[k].name, name))
			cols = &t->parts.v[k].columns;
	for (size_t k = 0; cols && k < t->parts.n; k++) {
		const mig_part *g = &t->parts.v[k];
		if (g->kind != MIG_PART_FOREIGN || !g->name || !leads_with(cols, &g->columns) || other_key_leads(t, name, &g->columns))
			continue;
		mig_str_puts(actions, ", ADD INDEX ");
		mig_quote_backtick_ident(actions, g->name);
		mig_str_putc(actions, ' ');
		mig__my_put_columns(actions, &g->columns);
		mig__my_notice(p, "%s: the foreign key %s gets its own index back (InnoDB needs one)", p->op->name, g->name);
	}
}

static void e_dropIndex(my *p)
{
	const mig_drop_index_def *d = &p->def->u.drop_index;
	if (d->concurrently)
		mig__my_notice(p, "%s: CONCURRENTLY skipped: InnoDB drops indexes online", p->op->name);
	if (d->cascade)
		mig__my_notice(p, "%s: CASCADE skipped: nothing depends on a MySQL/MariaDB index", p->op->name);
	char *name = mig__my_ident(p, d->name.name, "the index name", false);
	bool uk = false;
	const mig_mtable *t = name ? index_table(p, name, &uk) : NULL;
	if (!t && !p->rc) {
		if (d->if_exists && p->ctx->catalog) {
			mig__my_notice(p, "index \"%s\" does not exist, skipping", name);
		} else if (!d->if_exists || is_mysql(p)) {
			/* DROP INDEX needs the table on MySQL */
			mig__my_fail(p, MIG_ESQL, "%s: index \"%s\" is not known (MySQL/MariaDB drops an index by its table, found in the tables as they are now)",
				     p->op->name, name);
		}
		mig__free(name);
		return;
	}
	char *hidden = t && name ? hidden_column(p, t, name) : NULL;
	mig_str more = MIG_STR_INIT;
	if (hidden) {
		mig_str_puts(&more, ", DROP COLUMN ");
		mig_quote_backtick_ident(&more, hidden);
	}
	if (t && name)
		keep_fk_indexes(p, t, name, &more);
	mig_str s = MIG_STR_INIT;
	if (mig_str_len(&more) || mig_str_failed(&more)) {
		mig_str_puts(&s, "ALTER TABLE ");
		mig_quote_backtick_ident(&s, t->name);
		mig_str_puts(&s, " DROP INDEX ");
		mig_quote_backtick_ident(&s, name);
		mig_str_puts(&s, mig_str_cstr(&more));
		if (mig_str_failed(&more))
			s.failed = true;
	} else {
		mig_str_puts(&s, d->if_exists && !is_mysql(p) ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
		mig_quote_backtick_ident(&s, name ? name : "");
		mig_str_puts(&s, " ON ");
		mig_quote_backtick_ident(&s, t ? t->name : "");
	}
	mig__my_stmt(p, &s);
	mig_str_free(&more);
	mig__free(hidden);
	mig__free(name);
}

static void e_renameIndex(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	char *from = mig__my_ident(p, r->from.name, "the index name", false);
	char *to = mig__my_ident(p, r->to.name, "the new index name", false);
	bool uk;
	const mig_mtable *t = from ? index_table(p, from, &uk) : NULL;
	if (!t && !p->rc)
		mig__my_fail(p, MIG_ESQL, "%s: index \"%s\" is not known (MySQL/MariaDB renames an index by its table)", p->op->name,
			     from);
	char *hidden = t ? hidden_column(p, t, from) : NULL;
	char *renamed = hidden ? mig__my_expr_column(to ? to : "") : NULL;
	if (hidden && !renamed)
		mig__my_oom(p);
	if (t && !p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		mig_quote_backtick_ident(&s, t->name);
		mig_str_puts(&s, " RENAME INDEX ");
		mig_quote_backtick_ident(&s, from);
		mig_str_puts(&s, " TO ");
		mig_quote_backtick_ident(&s, to ? to : "");
		if (hidden) {
			/* the hidden column is found by the index's name */
			mig_str_puts(&s, ", RENAME COLUMN ");
			mig_quote_backtick_ident(&s, hidden);
			mig_str_puts(&s, " TO ");
			mig_quote_backtick_ident(&s, renamed);
		}
		mig__my_stmt(p, &s);
	}
	mig__free(hidden);
	mig__free(renamed);
	mig__free(from);
	mig__free(to);
}

const mig_my_emitter mig__my_indexes[] = {
	{MIG_OP_CREATE_INDEX, e_createIndex},
	{MIG_OP_DROP_INDEX, e_dropIndex},
	{MIG_OP_RENAME_INDEX, e_renameIndex},
	{MIG_OP_UNKNOWN, NULL},
};
