/*
 * Tables and columns on MySQL/MariaDB, and the constraint lines that
 * createTable, addColumns and addConstraint share.
 *
 * Long because MySQL's ALTER cannot change one attribute of a column:
 * alterColumn restates the whole column from the catalog's model (type,
 * NOT NULL, DEFAULT, AUTO_INCREMENT, COMMENT, collation), else MODIFY
 * silently drops what it does not repeat.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include <ctype.h>

/* ---- small pieces -------------------------------------------------------------- */

void mig__my_put_columns(mig_str *out, const mig_strv *cols)
{
	mig_str_putc(out, '(');
	for (size_t i = 0; i < cols->n; i++) {
		if (i)
			mig_str_puts(out, ", ");
		mig_quote_backtick_ident(out, cols->v[i]);
	}
	mig_str_putc(out, ')');
}

static void put_ident(mig_str *out, const char *name)
{
	mig_quote_backtick_ident(out, name);
}

static bool has_col(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (mig_model_ieq(v->v[i], s))
			return true;
	return false;
}

/* The final names of a list of column names. */
static void column_names(my *p, const mig_qnames *q, mig_strv *out)
{
	for (size_t i = 0; i < q->n && !p->rc; i++) {
		if (q->v[i].raw) {
			mig__my_fail(p, MIG_ENOTSUPPORTED, "%s: a column given as pgm.func('%s') is not supported on MySQL/MariaDB",
				     p->op->name, q->v[i].name);
			return;
		}
		char *n = mig__my_ident(p, q->v[i].name, "the column name", true);
		if (n && mig_strv_push(out, n))
			mig__my_oom(p);
	}
}

/* ---- foreign keys ---------------------------------------------------------------- */

/* One identifier of a references string: "quoted" or bare. */
static bool raw_ident(const char **s, mig_str *out)
{
	const char *c = *s;
	while (*c == ' ')
		c++;
	if (*c == '"' || *c == '`') {
		char q = *c++;
		for (; *c; c++) {
			if (*c == q && c[1] == q) {
				mig_str_putc(out, q);
				c++;
			} else if (*c == q) {
				break;
			} else {
				mig_str_putc(out, *c);
			}
		}
		if (*c != q)
			return false;
		c++;
	} else {
		const char *b = c;
		while (*c == '_' || *c == '$' || isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80)
			c++;
		if (c == b)
			return false;
		mig_str_put(out, b, (size_t)(c - b));
	}
	while (*c == ' ')
		c++;
	*s = c;
	return true;
}

/* A references string node-pg-migrate pastes as SQL ("t"(id),
 * schema.t(a, b)), read so that it can be quoted MySQL's way. */
static bool parse_raw_reference(const char *raw, mig_str *schema, mig_str *table, mig_strv *cols)
{
	const char *s = raw;
	if (!raw_ident(&s, table))
		return false;
	if (*s == '.') {
		s++;
		mig_str_puts(schema, mig_str_cstr(table));
		mig_str_clear(table);
		if (!raw_ident(&s, table))
			return false;
	}
	if (*s == '(') {
		s++;
		for (;;) {
			mig_str c = MIG_STR_INIT;
			if (!raw_ident(&s, &c) || mig_strv_push(cols, mig_str_detach(&c))) {
				mig_str_free(&c);
				return false;
			}
			if (*s == ',') {
				s++;
				continue;
			}
			if (*s != ')')
				return false;
			s++;
			break;
		}
	}
	while (*s == ' ')
		s++;
	return *s == '\0';
}

/* ON DELETE/UPDATE action, upper-cased; SET DEFAULT refused (MariaDB
 * silently drops it, InnoDB on MySQL rejects it). */
static void fk_action(my *p, mig_str *out, const char *clause, const char *action)
{
	if (!action)
		return;
	mig_str a = MIG_STR_INIT;
	for (const char *c = action; *c; c++)
		mig_str_putc(&a, (char)toupper((unsigned char)*c));
	if (strcmp(mig_str_cstr(&a), "SET DEFAULT") == 0)
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: %s SET DEFAULT is not supported on MySQL/MariaDB: InnoDB does not implement it (MariaDB would silently ignore it)",
			     p->op->name, clause);
	else
		mig_str_printf(out, " %s %s", clause, mig_str_cstr(&a));
	mig_str_free(&a);
}

void mig__my_foreign_key(my *p, mig_str *out, const char *table, const char *name, const mig_strv *cols,
			 const mig_reference_def *ref, const mig_strv *self_pk)
{
	if (p->rc)
		return;
	mig_str schema = MIG_STR_INIT, parent = MIG_STR_INIT;
	mig_strv refcols = MIG_STRV_INIT;
	if (ref->raw) {
		if (!parse_raw_reference(ref->raw, &schema, &parent, &refcols)) {
			mig__my_fail(p, MIG_ENOTSUPPORTED,
				     "%s: the reference \"%s\" is not supported on MySQL/MariaDB: give the table (and columns) as names",
				     p->op->name, ref->raw);
			goto out;
		}
	} else {
		if (!mig__my_local(&ref->table))
			mig_str_puts(&schema, ref->table.schema);
		mig_str_puts(&parent, ref->table.name);
	}
	mig_qname pq = {.schema = mig_str_len(&schema) ? mig_str_cstr(&schema) : NULL, .name = mig_str_cstr(&parent)};
	if (!refcols.n) {
		/* REFERENCES parent: MySQL wants the parent's key named */
		if (table && mig_model_ieq(pq.name, table) && !pq.schema) {
			for (size_t i = 0; i < self_pk->n; i++)
				mig__my_strv_add(p, &refcols, self_pk->v[i]);
		} else {
			const mig_mtable *t = mig__my_table(p, &pq);
			if (t)
				mig__my_pk_columns(p, t, &refcols);
		}
		if (!refcols.n && !p->rc) {
			mig__my_fail(p, MIG_ESQL,
				     "%s: the foreign key %s needs the primary key of table \"%s\", which is not known (create the table first, or name the referenced columns)",
				     p->op->name, name, pq.name);
			goto out;
		}
	}
	if (ref->match)
		mig__my_notice(p, "%s: MATCH %s skipped on foreign key %s: MySQL/MariaDB ignores MATCH", p->op->name, ref->match,
			       name);
	mig_str_puts(out, "CONSTRAINT ");
	put_ident(out, name);
	mig_str_puts(out, " FOREIGN KEY ");
	mig__my_put_columns(out, cols);
	mig_str_puts(out, " REFERENCES ");
	mig__my_put_name(p, out, &pq, "the referenced table", true);
	mig_str_putc(out, ' ');
	mig__my_put_columns(out, &refcols);
	/* said even when not given: MariaDB reports a key declared without
	 * an action as RESTRICT, one declared NO ACTION as NO ACTION (the two
	 * are one to InnoDB, but not to what reads the catalog) */
	fk_action(p, out, "ON DELETE", ref->on_delete ? ref->on_delete : "NO ACTION");
	fk_action(p, out, "ON UPDATE", ref->on_update ? ref->on_update : "NO ACTION");
out:
	mig_str_free(&schema);
	mig_str_free(&parent);
	mig_strv_free(&refcols);
}

static void deferrable(my *p, bool is_deferrable, bool deferred, const char *what)
{
	if (deferred)
		mig__my_fail(p, MIG_ENOTSUPPORTED,
			     "%s: DEFERRABLE INITIALLY DEFERRED (%s) is not supported on MySQL/MariaDB: constraints are checked at once there",
			     p->op->name, what);
	else if (is_deferrable)
		mig__my_notice(p, "%s: DEFERRABLE skipped on %s: MySQL/MariaDB checks constraints at once (as INITIALLY IMMEDIATE does)",
			       p->op->name, what);
}

/* ---- columns and constraint lines ----------------------------------------------------- */

static bool is_mysql(const my *p)
{
	const char *f = p->ctx->server ? p->ctx->server->flavour : NULL;
	return f && strcmp(f, "mysql") == 0;
}

/* TEXT/BLOB/JSON columns cannot be keys without a prefix (MySQL), and a
 * prefix changes what UNIQUE means; MariaDB (10.4+) keeps a UNIQUE key on
 * them by a hash of the whole value, which means the same. */
static void refuse_blob_key(my *p, const mig_mtable *shape, const mig_strv *cols, const char *what)
{
	if (!is_mysql(p) && strcmp(what, "UNIQUE") == 0)
		return;
	for (size_t i = 0; shape && i < cols->n && !p->rc; i++) {
		const mig_mcolumn *c = mig_mtable_col(shape, cols->v[i]);
		int fsp;
		bool blob;
		if (c && (mig__my_kind_of_stored(c->type, &fsp, &blob), blob))
			mig__my_fail(p, MIG_ENOTSUPPORTED,
				     "%s: %s on the %s column \"%s\" is not supported on MySQL/MariaDB: MySQL needs a prefix length there, which changes what %s means (give the column a varchar(n) type)",
				     p->op->name, what, c->type, c->name, what);
	}
}

void mig__my_put_column(my *p, mig_str *out, const char *name, const mig_column_def *c, const mig_my_type *t)
{
	put_ident(out, name);
	mig_str_printf(out, " %s", t->decl);
	const char *coll = c->collation ? c->collation : t->collate;
	if (coll)
		mig_str_printf(out, " COLLATE %s", coll);
	if (c->expression_generated)
		mig_str_printf(out, " GENERATED ALWAYS AS (%s) STORED", c->expression_generated);
	bool autoinc = t->serial || c->identity;
	if (c->not_null || c->primary_key || autoinc)
		mig_str_puts(out, " NOT NULL");
	if (c->default_value && c->default_value->type != MIG_V_UNDEFINED && !c->expression_generated) {
		mig_str_puts(out, " DEFAULT ");
		mig__my_default(p, out, c->default_value, t->kind, t->fsp);
	}
	if (autoinc)
		mig_str_puts(out, " AUTO_INCREMENT");
	if (c->identity && (c->identity->option_keys.n || (c->identity->precedence && strcmp(c->identity->precedence, "ALWAYS") == 0)))
		mig__my_notice(p, "%s: column \"%s\": sequenceGenerated becomes AUTO_INCREMENT (GENERATED ALWAYS and the sequence options are not kept)",
			       p->op->name, name);
	if (c->has_comment && c->comment && c->comment->type != MIG_V_NULL) {
		mig_str s = MIG_STR_INIT;
		mig_js_string(&s, c->comment);
		mig_str_puts(out, " COMMENT ");
		mig_quote_backslash_literal(out, mig_str_cstr(&s));
		mig_str_free(&s);
	}
}

static void push_item(my *p, mig_strv *items, mig_str *s)
{
	if (p->rc || mig_str_failed(s)) {
		if (mig_str_failed(s))
			mig__my_oom(p);
		mig_str_free(s);
		return;
	}
	if (mig_strv_push(items, mig_str_detach(s)))
		mig__my_oom(p);
}

static void named_line(my *p, mig_strv *items, const char *name, const char *kind, const mig_strv *cols,
		       const char *expr)
{
	if (!cols && p->cascade_cols && mig__my_mentions_any(expr, p->cascade_cols)) {
		/* MySQL 8 would refuse it: the table enforces it with triggers */
		mig__my_strv_add(p, p->trigger_checks, name);
		mig__my_strv_add(p, p->trigger_checks, expr);
		return;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "CONSTRAINT ");
	put_ident(&s, name);
	mig_str_printf(&s, " %s ", kind);
	if (cols)
		mig__my_put_columns(&s, cols);
	else
		mig_str_printf(&s, "(%s)", expr);
	push_item(p, items, &s);
}

/* The column-level UNIQUE, CHECK and REFERENCES of one column, as named
 * table-level lines (PostgreSQL's names for them). */
static void column_constraints(my *p, const char *table, const char *col, const mig_column_def *c,
			       const mig_mtable *shape, const mig_strv *self_pk, mig_strv *items)
{
	mig_strv one = MIG_STRV_INIT;
	mig__my_strv_add(p, &one, col);
	if (c->unique) {
		refuse_blob_key(p, shape, &one, "UNIQUE");
		char *n = mig__my_pg_name(p, table, col, "key");
		if (n)
			named_line(p, items, n, "UNIQUE", &one, NULL);
		mig__free(n);
	}
	if (c->check) {
		char *n = mig__my_pg_name(p, table, col, "check");
		if (n)
			named_line(p, items, n, "CHECK", NULL, c->check);
		mig__free(n);
	}
	if (c->references) {
		char *n = c->fk_named ? mig__my_ident(p, c->fk_name.name, "the foreign key name", false)
				      : mig__my_pg_name(p, table, col, "fkey");
		deferrable(p, c->deferrable, c->deferred, n ? n : col);
		if (c->fk_comment)
			mig__my_notice(p, "%s: the comment on foreign key %s is skipped: MySQL/MariaDB constraints have no comments",
				       p->op->name, n ? n : col);
		mig_str s = MIG_STR_INIT;
		if (n)
			mig__my_foreign_key(p, &s, table, n, &one, c->references, self_pk);
		push_item(p, items, &s);
		mig__free(n);
	}
	mig_strv_free(&one);
}

/* The lines of a constraints definition (createTable's options,
 * addConstraint). shape: the table's columns, for the key checks. */
void mig__my_constraint_lines(my *p, const char *table, const mig_constraints_def *cs, const mig_mtable *shape,
			     const mig_strv *self_pk, mig_strv *items)
{
	if (cs->n)
		deferrable(p, cs->deferrable, cs->deferred, "the table's constraints");
	if (cs->comment)
		mig__my_notice(p, "%s: the comment on constraint %s is skipped: MySQL/MariaDB constraints have no comments",
			       p->op->name, cs->comment_name.name);
	for (size_t i = 0; i < cs->n && !p->rc; i++) {
		const mig_constraint_def *c = &cs->v[i];
		mig_strv cols = MIG_STRV_INIT;
		column_names(p, &c->columns, &cols);
		char *name = c->named ? mig__my_ident(p, c->name.name, "the constraint name", false) : NULL;
		mig_str s = MIG_STR_INIT;
		switch (c->kind) {
		case MIG_CONSTRAINT_CHECK:
			if (name)
				named_line(p, items, name, "CHECK", NULL, c->expr);
			break;
		case MIG_CONSTRAINT_UNIQUE:
			refuse_blob_key(p, shape, &cols, "UNIQUE");
			if (name)
				named_line(p, items, name, "UNIQUE", &cols, NULL);
			break;
		case MIG_CONSTRAINT_PRIMARY:
			/* MySQL names every primary key PRIMARY */
			refuse_blob_key(p, shape, &cols, "PRIMARY KEY");
			mig_str_puts(&s, "PRIMARY KEY ");
			mig__my_put_columns(&s, &cols);
			push_item(p, items, &s);
			break;
		case MIG_CONSTRAINT_FOREIGN:
			if (c->comment)
				mig__my_notice(p, "%s: the comment on foreign key %s is skipped: MySQL/MariaDB constraints have no comments",
					       p->op->name, name ? name : "?");
			if (name)
				mig__my_foreign_key(p, &s, table, name, &cols, &c->references, self_pk);
			push_item(p, items, &s);
			break;
		case MIG_CONSTRAINT_EXCLUDE:
			mig__my_fail(p, MIG_ENOTSUPPORTED,
				     "%s: the EXCLUDE constraint %s is not supported on MySQL/MariaDB: it has no exclusion constraints",
				     p->op->name, name ? name : "");
			break;
		case MIG_CONSTRAINT_RAW:
			if (name) {
				mig_str_puts(&s, "CONSTRAINT ");
				put_ident(&s, name);
				mig_str_putc(&s, ' ');
			}
			mig_str_puts(&s, c->expr);
			push_item(p, items, &s);
			break;
		}
		mig_str_free(&s);
		mig__free(name);
		mig_strv_free(&cols);
	}
}

/* ---- createTable --------------------------------------------------------------------------- */

typedef struct coldefs {
	char **names;       /* final identifiers */
	mig_my_type *types;
	size_t n;
} coldefs;

static void coldefs_free(coldefs *c)
{
	for (size_t i = 0; i < c->n; i++) {
		mig__free(c->names[i]);
		mig__my_type_free(&c->types[i]);
	}
	mig__free(c->names);
	mig__free(c->types);
	memset(c, 0, sizeof(*c));
}

/* Map every column's name and type; shape gets the columns as they will
 * be stored (for the key checks). */
static bool map_columns(my *p, const mig_column_defs *cols, coldefs *out, mig_mtable *shape)
{
	memset(out, 0, sizeof(*out));
	size_t n = cols->n ? cols->n : 1;
	out->names = mig__reallocarray(NULL, n, sizeof(*out->names));
	out->types = mig__reallocarray(NULL, n, sizeof(*out->types));
	if (!out->names || !out->types) {
		mig__my_oom(p);
		return false;
	}
	for (size_t i = 0; i < cols->n && !p->rc; i++) {
		const mig_column_def *c = &cols->v[i];
		out->names[i] = mig__my_ident(p, c->name, "the column name", true);
		if (!out->names[i])
			break;
		if (!mig__my_column_type(p, &c->type, c->array_truthy ? (c->array ? c->array : "") : NULL, c->name,
					 &out->types[i])) {
			mig__free(out->names[i]);
			break;
		}
		out->n = i + 1;
		char *nm = mig_strdup(out->names[i]), *ty = mig_strdup(out->types[i].stored);
		if (!nm || !ty || !mig_mtable_add_col(shape, nm, ty))
			mig__my_oom(p);
	}
	return !p->rc;
}

/* Whether col is the first column of some key among the lines' keys
 * (AUTO_INCREMENT needs one). */
static bool leads_a_key(const char *col, const mig_column_defs *cols, const coldefs *cd, const mig_constraints_def *cs,
			const mig_strv *pk)
{
	if (pk->n && mig_model_ieq(pk->v[0], col))
		return true;
	for (size_t i = 0; i < cd->n; i++)
		if (mig_model_ieq(cd->names[i], col) && (cols->v[i].unique || cols->v[i].primary_key))
			return true;
	for (size_t i = 0; cs && i < cs->n; i++)
		if ((cs->v[i].kind == MIG_CONSTRAINT_UNIQUE || cs->v[i].kind == MIG_CONSTRAINT_PRIMARY) && cs->v[i].columns.n &&
		    mig_model_ieq(cs->v[i].columns.v[0].name, col))
			return true;
	return false;
}

/* The primary key a createTable declares (a primaryKey column or the
 * table-level one). */
static void declared_pk(my *p, const mig_column_defs *cols, const coldefs *cd, const mig_constraints_def *cs,
			mig_strv *pk)
{
	for (size_t i = 0; cs && i < cs->n; i++)
		if (cs->v[i].kind == MIG_CONSTRAINT_PRIMARY) {
			column_names(p, &cs->v[i].columns, pk);
			return;
		}
	for (size_t i = 0; i < cd->n; i++)
		if (cols->v[i].primary_key)
			mig__my_strv_add(p, pk, cd->names[i]);
}

static void table_options(my *p, mig_str *s, const mig_create_table_def *d)
{
	mig_str_printf(s, " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=%s", mig__my_table_collation(p));
	if (d->has_comment && d->comment && d->comment->type != MIG_V_NULL) {
		mig_str c = MIG_STR_INIT;
		mig_js_string(&c, d->comment);
		mig_str_puts(s, " COMMENT=");
		mig_quote_backslash_literal(s, mig_str_cstr(&c));
		mig_str_free(&c);
	}
}

static void e_createTable(my *p)
{
	const mig_create_table_def *d = &p->def->u.create_table;
	if (d->like)
		mig__my_unsupported_option(p, "like", "write CREATE TABLE ... LIKE with pgm.sql() (MySQL's LIKE copies indexes, PostgreSQL's does not by default)");
	if (d->inherits)
		mig__my_unsupported_option(p, "inherits", "MySQL/MariaDB has no table inheritance");
	if (d->partition)
		mig__my_unsupported_option(p, "partition", "write MySQL's PARTITION BY with pgm.sql() (its rules differ from PostgreSQL's)");
	if (d->unlogged)
		mig__my_notice(p, "%s: UNLOGGED skipped: MySQL/MariaDB has no unlogged tables", p->op->name);
	mig_str s = MIG_STR_INIT, tq = MIG_STR_INIT;
	mig_strv lines = MIG_STRV_INIT, pk = MIG_STRV_INIT;
	mig_strv cascade = MIG_STRV_INIT, checks = MIG_STRV_INIT;
	coldefs cd = {0};
	char *tname = d->table.raw ? NULL : mig__my_ident(p, d->table.name, "the table name", true);
	mig_mtable *shape = mig_mtable_new(tname ? tname : "");
	if (!shape)
		mig__my_oom(p);
	mig__my_put_name(p, &tq, &d->table, "the table name", true);
	if (p->rc || !map_columns(p, &d->columns, &cd, shape))
		goto out;
	declared_pk(p, &d->columns, &cd, &d->constraints, &pk);
	mig__my_cascade_columns(p, d, is_mysql(p), &cascade);
	if (cascade.n) {
		p->cascade_cols = &cascade;
		p->trigger_checks = &checks;
	}
	const char *autoinc = NULL;
	for (size_t i = 0; i < cd.n && !p->rc; i++) {
		if (!cd.types[i].serial && !d->columns.v[i].identity)
			continue;
		if (autoinc)
			mig__my_fail(p, MIG_ENOTSUPPORTED,
				     "%s: a second serial column \"%s\" is not supported on MySQL/MariaDB: a table has one AUTO_INCREMENT column (\"%s\" is it)",
				     p->op->name, cd.names[i], autoinc);
		autoinc = cd.names[i];
	}
	for (size_t i = 0; i < cd.n && !p->rc; i++) {
		mig_str c = MIG_STR_INIT;
		mig__my_put_column(p, &c, cd.names[i], &d->columns.v[i], &cd.types[i]);
		push_item(p, &lines, &c);
	}
	bool table_pk = false;
	for (size_t i = 0; i < d->constraints.n; i++)
		table_pk = table_pk || d->constraints.v[i].kind == MIG_CONSTRAINT_PRIMARY;
	if (pk.n && !table_pk) {
		refuse_blob_key(p, shape, &pk, "PRIMARY KEY");
		mig_str c = MIG_STR_INIT;
		mig_str_puts(&c, "PRIMARY KEY ");
		mig__my_put_columns(&c, &pk);
		push_item(p, &lines, &c);
	}
	for (size_t i = 0; i < cd.n && !p->rc; i++) {
		if ((cd.types[i].serial || d->columns.v[i].identity) &&
		    !leads_a_key(cd.names[i], &d->columns, &cd, &d->constraints, &pk)) {
			/* AUTO_INCREMENT needs an index that starts with it */
			char *n = mig__my_pg_name(p, tname, cd.names[i], "idx");
			mig_str c = MIG_STR_INIT;
			mig_str_puts(&c, "KEY ");
			if (n)
				put_ident(&c, n);
			mig_str_printf(&c, " (");
			put_ident(&c, cd.names[i]);
			mig_str_putc(&c, ')');
			push_item(p, &lines, &c);
			mig__free(n);
		}
		column_constraints(p, tname, cd.names[i], &d->columns.v[i], shape, &pk, &lines);
	}
	mig__my_constraint_lines(p, tname, &d->constraints, shape, &pk, &lines);
	if (p->rc)
		goto out;
	mig_str_printf(&s, "CREATE %sTABLE %s%s (", d->temporary ? "TEMPORARY " : "", d->if_not_exists ? "IF NOT EXISTS " : "",
		       mig_str_cstr(&tq));
	for (size_t i = 0; i < lines.n; i++)
		mig_str_printf(&s, "%s\n  %s", i ? "," : "", lines.v[i]);
	mig_str_puts(&s, "\n)");
	table_options(p, &s, d);
	mig__my_stmt(p, &s);
	if (checks.n) {
		mig_strv cols = MIG_STRV_INIT;
		for (size_t i = 0; i < cd.n; i++)
			mig__my_strv_add(p, &cols, cd.names[i]);
		mig__my_check_triggers(p, mig_str_cstr(&tq), tname, &checks, &cols);
		mig_strv_free(&cols);
	}
out:
	p->cascade_cols = NULL;
	p->trigger_checks = NULL;
	mig_strv_free(&cascade);
	mig_strv_free(&checks);
	mig_str_free(&s);
	mig_str_free(&tq);
	mig_strv_free(&lines);
	mig_strv_free(&pk);
	coldefs_free(&cd);
	mig_mtable_free(shape);
	mig__free(tname);
}

/* ---- dropTable, renameTable, alterTable -------------------------------------------------- */

static void e_dropTable(my *p)
{
	const mig_drop_def *d = &p->def->u.drop;
	for (size_t i = 0; i < d->names.n && !p->rc; i++) {
		const mig_qname *n = &d->names.v[i];
		if (d->cascade) {
			/* PostgreSQL's CASCADE drops the foreign keys that point at
			 * the table; MySQL refuses the drop while they exist */
			const mig_model *m = NULL;
			if (!p->ctx->catalog) {
				mig__my_unsupported_option(p, "cascade", "it needs the tables as they are now (the catalog) to find the foreign keys to drop");
				return;
			}
			int rc = mig_catalog_schema(p->ctx->catalog, &m);
			if (rc) {
				p->rc = rc;
				return;
			}
			for (size_t t = 0; m && t < m->ntables; t++) {
				const mig_mtable *child = m->tables[t];
				if (mig_model_ieq(child->name, n->name))
					continue;
				for (size_t k = 0; k < child->parts.n; k++) {
					const mig_part *g = &child->parts.v[k];
					if (g->kind != MIG_PART_FOREIGN || !g->ref_table || !mig_model_ieq(g->ref_table, n->name))
						continue;
					mig_str s = MIG_STR_INIT;
					mig_str_puts(&s, "ALTER TABLE ");
					put_ident(&s, child->name);
					mig_str_puts(&s, " DROP FOREIGN KEY ");
					put_ident(&s, g->name ? g->name : "");
					mig__my_notice(p, "%s: drop cascades to constraint %s on table %s", p->op->name, g->name ? g->name : "?",
						       child->name);
					mig__my_stmt(p, &s);
				}
			}
		}
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, d->if_exists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
		mig__my_put_name(p, &s, n, "the table name", true);
		mig__my_stmt(p, &s);
	}
}

static void e_renameTable(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "RENAME TABLE ");
	mig__my_put_name(p, &s, &r->from, "the table name", true);
	mig_str_puts(&s, " TO ");
	mig__my_put_name(p, &s, &r->to, "the new table name", true);
	mig__my_stmt(p, &s);
}

static void e_alterTable(my *p)
{
	const mig_alter_table_def *d = &p->def->u.alter_table;
	if (d->level_security) {
		mig__my_unsupported_option(p, "levelSecurity", "MySQL/MariaDB has no row-level security");
		return;
	}
	mig__my_notice(p, "%s: SET %sLOGGED skipped: MySQL/MariaDB has no unlogged tables", p->op->name,
		       d->unlogged == MIG_SET ? "UN" : "");
}

/* ---- columns ---------------------------------------------------------------------------------- */

/* "ALTER TABLE t " + the actions joined by ", " as one statement. */
static void alter_statement(my *p, const mig_qname *table, const mig_strv *actions)
{
	if (p->rc || !actions->n)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TABLE ");
	mig__my_put_name(p, &s, table, "the table name", true);
	for (size_t i = 0; i < actions->n; i++)
		mig_str_printf(&s, "%s%s", i ? ", " : " ", actions->v[i]);
	mig__my_stmt(p, &s);
}

static void e_addColumns(my *p)
{
	const mig_add_columns_def *d = &p->def->u.add_columns;
	char *tname = d->table.raw ? NULL : mig__my_ident(p, d->table.name, "the table name", true);
	const mig_mtable *now = mig__my_table(p, &d->table);
	mig_mtable *shape = mig_mtable_new(tname ? tname : "");
	mig_strv actions = MIG_STRV_INIT, cons = MIG_STRV_INIT, pk = MIG_STRV_INIT, new_pk = MIG_STRV_INIT;
	coldefs cd = {0};
	if (!shape)
		mig__my_oom(p);
	if (p->rc || !map_columns(p, &d->columns, &cd, shape))
		goto out;
	if (now)
		mig__my_pk_columns(p, now, &pk);
	for (size_t i = 0; i < cd.n && !p->rc; i++) {
		const mig_column_def *c = &d->columns.v[i];
		bool exists = now && mig_mtable_col(now, cd.names[i]);
		if (d->if_not_exists && is_mysql(p)) {
			/* MySQL has no ADD COLUMN IF NOT EXISTS: the catalog decides */
			if (!p->ctx->catalog) {
				mig__my_unsupported_option(p, "ifNotExists", "MySQL has no ADD COLUMN IF NOT EXISTS, and no catalog says whether the column exists");
				break;
			}
			if (exists) {
				mig__my_notice(p, "column \"%s\" of relation \"%s\" already exists, skipping", cd.names[i], tname);
				continue;
			}
		}
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, d->if_not_exists && !is_mysql(p) ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ");
		mig__my_put_column(p, &s, cd.names[i], c, &cd.types[i]);
		push_item(p, &actions, &s);
		if (c->primary_key)
			mig__my_strv_add(p, &new_pk, cd.names[i]);
		if ((cd.types[i].serial || c->identity) && !c->primary_key && !c->unique) {
			char *n = mig__my_pg_name(p, tname, cd.names[i], "idx");
			mig_str k = MIG_STR_INIT;
			mig_str_puts(&k, "ADD KEY ");
			if (n)
				put_ident(&k, n);
			mig_str_puts(&k, " (");
			put_ident(&k, cd.names[i]);
			mig_str_putc(&k, ')');
			push_item(p, &cons, &k);
			mig__free(n);
		}
		column_constraints(p, tname, cd.names[i], c, shape, new_pk.n ? &new_pk : &pk, &cons);
	}
	if (new_pk.n) {
		refuse_blob_key(p, shape, &new_pk, "PRIMARY KEY");
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ADD PRIMARY KEY ");
		mig__my_put_columns(&s, &new_pk);
		push_item(p, &actions, &s);
	}
	for (size_t i = 0; i < cons.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "%s%s", strncmp(cons.v[i], "ADD ", 4) == 0 ? "" : "ADD ", cons.v[i]);
		push_item(p, &actions, &s);
	}
	alter_statement(p, &d->table, &actions);
out:
	coldefs_free(&cd);
	mig_mtable_free(shape);
	mig_strv_free(&actions);
	mig_strv_free(&cons);
	mig_strv_free(&pk);
	mig_strv_free(&new_pk);
	mig__free(tname);
}

/* Whether a CHECK's text names column c. */
static bool check_mentions(const char *body, const char *c)
{
	size_t n = strlen(c);
	for (const char *s = body; (s = strstr(s, c)) != NULL; s += n) {
		bool before = s == body || !(isalnum((unsigned char)s[-1]) || s[-1] == '_');
		bool after = !(isalnum((unsigned char)s[n]) || s[n] == '_');
		if (before && after)
			return true;
	}
	return false;
}

/* What PostgreSQL drops along with a column and MySQL refuses to (or
 * quietly shrinks): the foreign keys, CHECKs and several-column keys and
 * indexes that involve it, dropped first. */
static void column_dependents(my *p, const mig_mtable *t, const char *col, mig_strv *actions)
{
	for (size_t k = 0; k < t->parts.n && !p->rc; k++) {
		const mig_part *g = &t->parts.v[k];
		mig_str s = MIG_STR_INIT;
		if (g->kind == MIG_PART_FOREIGN && has_col(&g->columns, col)) {
			mig_str_puts(&s, "DROP FOREIGN KEY ");
			put_ident(&s, g->name ? g->name : "");
		} else if (g->kind == MIG_PART_CHECK && g->name && g->body && check_mentions(g->body, col)) {
			mig_str_puts(&s, "DROP CONSTRAINT ");
			put_ident(&s, g->name);
		} else if (g->kind == MIG_PART_UNIQUE && g->columns.n > 1 && has_col(&g->columns, col)) {
			mig_str_puts(&s, "DROP INDEX ");
			put_ident(&s, g->name ? g->name : "");
		} else {
			mig_str_free(&s);
			continue;
		}
		push_item(p, actions, &s);
	}
	for (size_t k = 0; k < t->nobjs && !p->rc; k++) {
		const mig_mobject *o = &t->objs[k];
		if (strcmp(o->type, "index") != 0 || o->columns.n < 2 || !has_col(&o->columns, col))
			continue;
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP INDEX ");
		put_ident(&s, o->name);
		push_item(p, actions, &s);
	}
}

static void e_dropColumns(my *p)
{
	const mig_drop_columns_def *d = &p->def->u.drop_columns;
	mig_strv names = MIG_STRV_INIT, actions = MIG_STRV_INIT;
	column_names(p, &d->columns, &names);
	const mig_mtable *t = mig__my_table(p, &d->table);
	if (d->cascade)
		mig__my_notice(p, "%s: CASCADE: the foreign keys, CHECKs and keys of the table that involve the columns are dropped first (as PostgreSQL drops them); views are not followed",
			       p->op->name);
	for (size_t i = 0; i < names.n && !p->rc; i++) {
		if (t && !mig_mtable_col(t, names.v[i])) {
			if (!d->if_exists) {
				mig__my_fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name, names.v[i],
					     t->name);
				break;
			}
			mig__my_notice(p, "column \"%s\" of relation \"%s\" does not exist, skipping", names.v[i], t->name);
			continue;
		}
		if (t)
			column_dependents(p, t, names.v[i], &actions);
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, d->if_exists && !is_mysql(p) ? "DROP COLUMN IF EXISTS " : "DROP COLUMN ");
		put_ident(&s, names.v[i]);
		push_item(p, &actions, &s);
	}
	if (!p->rc && !actions.n && d->if_exists)
		goto out;
	if (d->if_exists && is_mysql(p) && !t && !p->rc)
		mig__my_unsupported_option(p, "ifExists", "MySQL has no DROP COLUMN IF EXISTS, and no catalog says whether the column exists");
	alter_statement(p, &d->table, &actions);
out:
	mig_strv_free(&names);
	mig_strv_free(&actions);
}

static void e_renameColumn(my *p)
{
	const mig_rename_def *r = &p->def->u.rename;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TABLE ");
	mig__my_put_name(p, &s, &r->target, "the table name", true);
	mig_str_puts(&s, " RENAME COLUMN ");
	mig__my_put_name(p, &s, &r->from, "the column name", true);
	mig_str_puts(&s, " TO ");
	mig__my_put_name(p, &s, &r->to, "the new column name", true);
	mig__my_stmt(p, &s);
}

/* ---- alterColumn ------------------------------------------------------------------------------- */

/* The column's new state, from the model column and the changes. */
typedef struct newcol {
	char *type;          /* as emitted */
	enum mig_my_kind kind;
	int fsp;
	char *collate;       /* "COLLATE x" or NULL */
	bool not_null, autoinc;
	mig_str def;         /* the DEFAULT value, empty: none */
	char *comment;
} newcol;

static void put_newcol(mig_str *out, const char *name, const newcol *n)
{
	put_ident(out, name);
	mig_str_printf(out, " %s", n->type);
	if (n->collate)
		mig_str_printf(out, " %s", n->collate);
	if (n->not_null)
		mig_str_puts(out, " NOT NULL");
	if (mig_str_len(&n->def))
		mig_str_printf(out, " DEFAULT %s", mig_str_cstr(&n->def));
	if (n->autoinc)
		mig_str_puts(out, " AUTO_INCREMENT");
	if (n->comment) {
		mig_str_puts(out, " COMMENT ");
		mig_quote_backslash_literal(out, n->comment);
	}
}

static char *dup_or_fail(my *p, const char *s)
{
	char *d = s ? mig_strdup(s) : NULL;
	if (s && !d)
		mig__my_oom(p);
	return d;
}

static void newcol_free(newcol *n)
{
	mig__free(n->type);
	mig__free(n->collate);
	mig__free(n->comment);
	mig_str_free(&n->def);
}

/* The column as the model has it, default aside (each caller decides).
 * The offline model keeps an enum column's type as the type's name
 * (its applier cannot see the enum types), which is no MySQL type:
 * restated as ENUM(...) from the catalog. */
static void newcol_from(my *p, const mig_mcolumn *c, newcol *n)
{
	bool blob;
	const mig_strv *values = strchr(c->type, '(') ? NULL : mig__my_enum_values(p, c->type);
	mig_my_type et = {0};
	if (values && mig__my_enum_type(values, &et))
		mig__my_oom(p);
	n->type = dup_or_fail(p, et.decl ? et.decl : c->type);
	mig__my_type_free(&et);
	n->kind = mig__my_kind_of_stored(c->type, &n->fsp, &blob);
	if (values)
		n->kind = MK_STRING;
	const mig_part *g = mig_parts_find(&c->parts, MIG_PART_COLLATE);
	n->collate = dup_or_fail(p, g ? g->body : NULL);
	n->not_null = mig_parts_find(&c->parts, MIG_PART_NOT_NULL) != NULL;
	n->autoinc = mig_parts_find(&c->parts, MIG_PART_IDENTITY) != NULL;
	n->comment = dup_or_fail(p, c->comment);
}

void mig__my_restate_column(my *p, mig_str *out, const mig_mcolumn *c, const char *decl, const char *default_body)
{
	newcol n = {.def = MIG_STR_INIT};
	newcol_from(p, c, &n);
	if (decl) {
		mig__free(n.type);
		n.type = dup_or_fail(p, decl);
		n.kind = MK_STRING; /* ENUM(...): literal defaults */
	}
	const mig_part *dp = default_body ? NULL : mig_parts_find(&c->parts, MIG_PART_DEFAULT);
	if (default_body || dp)
		mig__my_restate_default(&n.def, default_body ? default_body : dp->body, n.kind);
	if (!p->rc)
		put_newcol(out, c->name, &n);
	newcol_free(&n);
}

static void e_alterColumn(my *p)
{
	const mig_alter_column_def *d = &p->def->u.alter_column;
	if (d->table_error)
		mig__my_fail(p, MIG_EINPUT, "%s", d->table_error);
	if (d->column_error)
		mig__my_fail(p, MIG_EINPUT, "%s", d->column_error);
	if (d->using_expr)
		mig__my_unsupported_option(p, "using", "MySQL/MariaDB converts a column's values itself (there is no USING); convert them with pgm.sql() first");
	if (d->expression != MIG_KEEP)
		mig__my_unsupported_option(p, "expressionGenerated", "a generated column is changed by dropping and adding it again");
	if (p->rc)
		return;
	const mig_mtable *t = mig__my_need_table(p, &d->table, "alterColumn restates the whole column");
	char *cname = t ? mig__my_ident(p, d->column.name, "the column name", true) : NULL;
	const mig_mcolumn *c = cname ? mig_mtable_col(t, cname) : NULL;
	newcol n = {.def = MIG_STR_INIT};
	mig_my_type nt = {0};
	if (cname && !c && !p->rc)
		mig__my_fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name, cname, t->name);
	if (p->rc || !c)
		goto out;
	newcol_from(p, c, &n);
	bool only_default = !d->type && d->not_null == MIG_KEEP && d->identity == MIG_KEEP && !d->has_comment;
	if (d->type) {
		if (!mig__my_column_type(p, d->type, NULL, cname, &nt))
			goto out;
		if (nt.serial) {
			mig__my_unsupported_option(p, "type: serial", "a column cannot become serial (use sequenceGenerated for AUTO_INCREMENT)");
			goto out;
		}
		mig__free(n.type);
		n.type = dup_or_fail(p, nt.decl);
		n.kind = nt.kind;
		n.fsp = nt.fsp;
		mig__free(n.collate);
		n.collate = NULL;
		const char *coll = d->collation ? d->collation : nt.collate;
		if (coll) {
			mig_str cs = MIG_STR_INIT;
			mig_str_printf(&cs, "COLLATE %s", coll);
			n.collate = mig_str_detach(&cs);
		}
	}
	/* the default: changed, dropped, or restated as the model has it */
	if (d->default_action == MIG_CHANGE && d->default_value) {
		mig__my_default(p, &n.def, d->default_value, n.kind, n.fsp);
	} else if (d->default_action == MIG_KEEP) {
		const mig_part *dp = mig_parts_find(&c->parts, MIG_PART_DEFAULT);
		if (dp)
			mig__my_restate_default(&n.def, dp->body, n.kind);
	}
	if (d->not_null == MIG_CHANGE)
		n.not_null = true;
	else if (d->not_null == MIG_DROP) {
		mig_strv pk = MIG_STRV_INIT;
		mig__my_pk_columns(p, t, &pk);
		if (has_col(&pk, c->name))
			mig__my_fail(p, MIG_ESQL, "%s: column \"%s\" is in a primary key", p->op->name, c->name);
		mig_strv_free(&pk);
		n.not_null = false;
	}
	if (d->identity == MIG_CHANGE) {
		n.autoinc = true;
		n.not_null = true;
	} else if (d->identity == MIG_DROP) {
		n.autoinc = false;
	}
	if (d->has_comment) {
		mig__free(n.comment);
		n.comment = NULL;
		if (d->comment && d->comment->type != MIG_V_NULL) {
			mig_str cs = MIG_STR_INIT;
			mig_js_string(&cs, d->comment);
			n.comment = mig_str_detach(&cs);
		}
	}
	if (p->rc)
		goto out;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "ALTER TABLE ");
	mig__my_put_name(p, &s, &d->table, "the table name", true);
	if (only_default && d->default_action != MIG_KEEP) {
		/* the one change ALTER COLUMN makes without restating */
		mig_str_puts(&s, " ALTER COLUMN ");
		put_ident(&s, c->name);
		if (mig_str_len(&n.def) && !(d->default_value && d->default_value->type == MIG_V_NULL))
			mig_str_printf(&s, " SET DEFAULT %s", mig_str_cstr(&n.def));
		else
			mig_str_puts(&s, " DROP DEFAULT");
	} else {
		mig_str_puts(&s, " MODIFY COLUMN ");
		put_newcol(&s, c->name, &n);
	}
	if (only_default && d->default_action == MIG_KEEP) {
		mig_str_free(&s);
		goto out; /* nothing asked */
	}
	mig__my_stmt(p, &s);
out:
	mig__my_type_free(&nt);
	newcol_free(&n);
	mig__free(cname);
}

const mig_my_emitter mig__my_tables[] = {
	{MIG_OP_CREATE_TABLE, e_createTable},
	{MIG_OP_DROP_TABLE, e_dropTable},
	{MIG_OP_RENAME_TABLE, e_renameTable},
	{MIG_OP_ALTER_TABLE, e_alterTable},
	{MIG_OP_ADD_COLUMNS, e_addColumns},
	{MIG_OP_DROP_COLUMNS, e_dropColumns},
	{MIG_OP_RENAME_COLUMN, e_renameColumn},
	{MIG_OP_ALTER_COLUMN, e_alterColumn},
	{MIG_OP_UNKNOWN, NULL},
};
