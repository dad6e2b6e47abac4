/*
 * Typed operations applied to the shared model (model_apply.h).
 *
 * Constraints go where a structural reader puts them: PRIMARY KEY,
 * UNIQUE, CHECK and FOREIGN KEY as named table parts with their columns,
 * whether the operation wrote them on a column or on the table; NOT NULL,
 * DEFAULT, COLLATE, identity and generation on the column. Renames and
 * drops carry what the engine carries along: foreign keys of other tables
 * follow a renamed table or column, and the constraints and indexes of a
 * dropped column go with it.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/common/model_apply.h"

#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>

typedef struct ap {
	const mig_model_rules *r;
	mig_model *m;
	const char *unfollowed;
	int rc;
} ap;

static bool ok(const ap *a)
{
	return a->rc == 0;
}

static void oom(ap *a)
{
	if (!a->rc)
		a->rc = mig_error_oom();
}

static void adopt(ap *a, int rc)
{
	if (rc && !a->rc)
		a->rc = rc;
}

static char *dup(ap *a, const char *s)
{
	if (!s)
		return NULL;
	char *d = mig_strdup(s);
	if (!d)
		oom(a);
	return d;
}

static char *detach(ap *a, mig_str *s)
{
	char *d = mig_str_detach(s);
	if (!d)
		oom(a);
	return d;
}

static void skip(ap *a, const char *why)
{
	if (!a->unfollowed)
		a->unfollowed = why;
}

/* Whether a name belongs to the schema the model holds. */
static bool ours(const ap *a, const mig_qname *n)
{
	return !n->raw && n->name && (!n->schema || (a->r->schema && strcmp(n->schema, a->r->schema) == 0));
}

static mig_mtable *table_of(const ap *a, const mig_qname *n)
{
	return ours(a, n) ? mig_model_table(a->m, n->name) : NULL;
}

static bool eq(const char *x, const char *y)
{
	return x && y && mig_model_ieq(x, y);
}

static bool has(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (eq(v->v[i], s))
			return true;
	return false;
}

/* ---- parts ------------------------------------------------------------ */

static void add_col_part(ap *a, mig_mcolumn *c, enum mig_part_kind kind, char *body)
{
	if (!ok(a) || !body) {
		mig__free(body);
		if (ok(a))
			oom(a);
		return;
	}
	if (kind == MIG_PART_NOT_NULL && mig_parts_find(&c->parts, kind)) {
		mig__free(body);
		return;
	}
	adopt(a, mig_parts_push(&c->parts, kind, NULL, body));
}

static void set_not_null(ap *a, mig_mcolumn *c)
{
	mig_parts_drop_kind(&c->parts, MIG_PART_NULL);
	add_col_part(a, c, MIG_PART_NOT_NULL, dup(a, "NOT NULL"));
}

/* A table part (name and body taken); returns it for its structure. */
static mig_part *add_table_part(ap *a, mig_mtable *t, enum mig_part_kind kind, char *name, char *body)
{
	if (!ok(a) || !name || !body) {
		mig__free(name);
		mig__free(body);
		if (ok(a))
			oom(a);
		return NULL;
	}
	if (mig_parts_push(&t->parts, kind, name, body)) {
		oom(a);
		return NULL;
	}
	return &t->parts.v[t->parts.n - 1];
}

static void joined(mig_str *s, const mig_strv *v, const char *sep)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			mig_str_puts(s, sep);
		mig_str_puts(s, v->v[i]);
	}
}

static char *choose(ap *a, const mig_mtable *t, const mig_strv *cols, const char *label)
{
	mig_str s = MIG_STR_INIT;
	if (cols)
		joined(&s, cols, "_");
	char *name = a->r->choose_name(a->m, t->name, cols && cols->n ? mig_str_cstr(&s) : NULL, label);
	mig_str_free(&s);
	if (!name)
		oom(a);
	return name;
}

static void strv_add(ap *a, mig_strv *v, const char *s)
{
	if (ok(a) && mig_strv_pushdup(v, s))
		oom(a);
}

/* ---- references ---------------------------------------------------------- */

/* One identifier of SQL text at *p ("quoted" kept as written inside, bare
 * folded to lower case as the engine folds it); NULL when there is none. */
static char *sql_ident(ap *a, const char **p)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	mig_str out = MIG_STR_INIT;
	if (*s == '"') {
		for (s++; *s; s++) {
			if (*s == '"' && s[1] == '"') {
				mig_str_putc(&out, '"');
				s++;
			} else if (*s == '"') {
				s++;
				break;
			} else {
				mig_str_putc(&out, *s);
			}
		}
	} else if (*s == '_' || isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80) {
		for (; *s == '_' || *s == '$' || isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80; s++)
			mig_str_putc(&out, (char)tolower((unsigned char)*s));
	} else {
		return NULL;
	}
	*p = s;
	return detach(a, &out);
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

/* "(a, b)" at *p into cols; false when *p is not a column list. */
static bool sql_ident_list(ap *a, const char **p, mig_strv *cols)
{
	skip_space(p);
	if (**p != '(')
		return false;
	(*p)++;
	for (;;) {
		char *c = sql_ident(a, p);
		if (!c)
			return false;
		if (mig_strv_push(cols, c)) {
			oom(a);
			return false;
		}
		skip_space(p);
		if (**p == ',') {
			(*p)++;
			continue;
		}
		if (**p == ')') {
			(*p)++;
			return true;
		}
		return false;
	}
}

/* A qualified name in SQL text: the table part of schema.table. */
static char *sql_table(ap *a, const char **p)
{
	char *n = sql_ident(a, p);
	if (n && **p == '.') {
		(*p)++;
		mig__free(n);
		n = sql_ident(a, p);
	}
	return n;
}

static bool starts_kw(const char *s, const char *kw)
{
	size_t n = strlen(kw);
	for (size_t i = 0; i < n; i++)
		if (toupper((unsigned char)s[i]) != kw[i])
			return false;
	return !isalnum((unsigned char)s[n]) && s[n] != '_';
}

/* ON DELETE / ON UPDATE actions in SQL text. */
static void sql_actions(ap *a, const char *s, mig_part *g)
{
	static const char *const acts[] = {"RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT", "NO ACTION"};
	for (const char *p = s; *p; p++) {
		if ((p != s && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) || !starts_kw(p, "ON"))
			continue;
		const char *w = p + 2;
		skip_space(&w);
		char **slot = starts_kw(w, "DELETE") ? &g->on_delete : starts_kw(w, "UPDATE") ? &g->on_update : NULL;
		if (!slot)
			continue;
		w += 6;
		skip_space(&w);
		for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
			if (starts_kw(w, acts[i])) {
				if (i < 4 && !*slot)
					*slot = dup(a, acts[i]); /* NO ACTION is the default: none */
				break;
			}
	}
}

static char *action(ap *a, const char *given)
{
	if (!given)
		return NULL;
	mig_str s = MIG_STR_INIT;
	for (const char *c = given; *c; c++)
		mig_str_putc(&s, (char)toupper((unsigned char)*c));
	if (strcmp(mig_str_cstr(&s), "NO ACTION") == 0) {
		mig_str_free(&s);
		return NULL;
	}
	return detach(a, &s);
}

/* What a foreign key part references, from the typed reference. */
static void reference(ap *a, mig_part *g, const mig_reference_def *ref)
{
	if (!g)
		return;
	if (ref->raw) {
		const char *p = ref->raw;
		g->ref_table = sql_table(a, &p);
		mig_strv cols = MIG_STRV_INIT;
		if (g->ref_table && sql_ident_list(a, &p, &cols))
			g->ref_columns = cols;
		else
			mig_strv_free(&cols);
	} else {
		g->ref_table = dup(a, ref->table.name);
	}
	g->on_delete = action(a, ref->on_delete);
	g->on_update = action(a, ref->on_update);
}

static char *fk_body(ap *a, const mig_strv *cols, const mig_part *g)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "FOREIGN KEY (");
	joined(&s, cols, ", ");
	mig_str_printf(&s, ") REFERENCES %s", g && g->ref_table ? g->ref_table : "?");
	return detach(a, &s);
}

/* ---- columns ------------------------------------------------------------- */

static void add_column(ap *a, mig_mtable *t, const mig_column_def *c)
{
	bool serial = false;
	char *type = a->r->type(&c->type, c->array, &serial);
	if (!type) {
		oom(a);
		return;
	}
	mig_mcolumn *col = mig_mtable_add_col(t, dup(a, c->name), type);
	if (!col) {
		oom(a);
		return;
	}
	/* the column pointer moves when the table grows: keep its index */
	size_t ci = (size_t)(col - t->cols);
	mig_strv one = MIG_STRV_INIT;
	strv_add(a, &one, c->name);
	if (c->collation) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "COLLATE %s", c->collation);
		add_col_part(a, col, MIG_PART_COLLATE, detach(a, &s));
	}
	if (serial) {
		char *seq = choose(a, t, &one, "seq");
		char *d = seq ? a->r->serial_default(seq) : NULL;
		mig__free(seq);
		mig_str s = MIG_STR_INIT;
		if (d)
			mig_str_printf(&s, "DEFAULT %s", d);
		mig__free(d);
		add_col_part(a, col, MIG_PART_DEFAULT, d ? detach(a, &s) : (mig_str_free(&s), NULL));
		set_not_null(a, col);
	} else if (c->default_value) {
		mig_str v = MIG_STR_INIT;
		a->r->default_sql(c->default_value, &v);
		if (mig_str_failed(&v))
			oom(a);
		else if (v.len) {
			mig_str s = MIG_STR_INIT;
			mig_str_printf(&s, "DEFAULT %s", mig_str_cstr(&v));
			add_col_part(a, col, MIG_PART_DEFAULT, detach(a, &s));
		}
		mig_str_free(&v);
	}
	if (c->identity) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "GENERATED %s AS IDENTITY", c->identity->precedence ? c->identity->precedence : "ALWAYS");
		add_col_part(a, col, MIG_PART_IDENTITY, detach(a, &s));
		set_not_null(a, col);
	}
	if (c->expression_generated) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "GENERATED ALWAYS AS (%s) STORED", c->expression_generated);
		add_col_part(a, col, MIG_PART_GENERATED, detach(a, &s));
	}
	if (c->not_null)
		set_not_null(a, col);
	if (c->has_comment && c->comment && c->comment->type != MIG_V_NULL) {
		mig_str s = MIG_STR_INIT;
		mig_js_string(&s, c->comment);
		col->comment = detach(a, &s);
	}
	if (c->primary_key) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "PRIMARY KEY (%s)", c->name);
		mig_part *g = add_table_part(a, t, MIG_PART_PRIMARY, choose(a, t, NULL, "pkey"), detach(a, &s));
		if (g)
			strv_add(a, &g->columns, c->name);
		if (a->r->pk_not_null && ok(a))
			set_not_null(a, &t->cols[ci]);
	}
	if (c->unique) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "UNIQUE (%s)", c->name);
		mig_part *g = add_table_part(a, t, MIG_PART_UNIQUE, choose(a, t, &one, "key"), detach(a, &s));
		if (g)
			strv_add(a, &g->columns, c->name);
	}
	if (c->check) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "CHECK (%s)", c->check);
		add_table_part(a, t, MIG_PART_CHECK, choose(a, t, &one, "check"), detach(a, &s));
	}
	if (c->references) {
		char *name = c->fk_named ? dup(a, c->fk_name.name) : choose(a, t, &one, "fkey");
		mig_part *g = add_table_part(a, t, MIG_PART_FOREIGN, name, dup(a, "FOREIGN KEY"));
		if (g) {
			strv_add(a, &g->columns, c->name);
			reference(a, g, c->references);
			mig__free(g->body);
			g->body = fk_body(a, &g->columns, g);
		}
	}
	mig_strv_free(&one);
}

/* ---- constraints --------------------------------------------------------- */

static void names_of(ap *a, const mig_qnames *q, mig_strv *out)
{
	for (size_t i = 0; i < q->n; i++)
		strv_add(a, out, q->v[i].name);
}

/* The first column of t that an expression mentions (PostgreSQL names an
 * unnamed CHECK after it). */
static void first_column(ap *a, const mig_mtable *t, const char *expr, mig_strv *out)
{
	for (const char *p = expr; *p;) {
		if (*p == '\'') {
			for (p++; *p && !(*p == '\'' && p[1] != '\''); p += (*p == '\'' ? 2 : 1))
				;
			if (*p)
				p++;
			continue;
		}
		if (*p == '"' || *p == '_' || isalpha((unsigned char)*p)) {
			char *w = sql_ident(a, &p);
			if (!w)
				return;
			bool col = mig_mtable_col(t, w) != NULL;
			if (col)
				strv_add(a, out, w);
			mig__free(w);
			if (col)
				return;
			continue;
		}
		p++;
	}
}

/* A constraint written as SQL (addConstraint(t, name, 'SQL')). */
static void raw_constraint(ap *a, mig_mtable *t, const mig_constraint_def *c)
{
	const char *p = c->expr;
	skip_space(&p);
	mig_strv cols = MIG_STRV_INIT;
	enum mig_part_kind kind;
	const char *label;
	if (starts_kw(p, "CHECK")) {
		kind = MIG_PART_CHECK;
		label = "check";
		first_column(a, t, p + 5, &cols);
	} else if (starts_kw(p, "UNIQUE")) {
		kind = MIG_PART_UNIQUE;
		label = "key";
		p += 6;
		if (!sql_ident_list(a, &p, &cols))
			goto unread;
	} else if (starts_kw(p, "PRIMARY")) {
		kind = MIG_PART_PRIMARY;
		label = "pkey";
		p += 7;
		skip_space(&p);
		if (!starts_kw(p, "KEY"))
			goto unread;
		p += 3;
		if (!sql_ident_list(a, &p, &cols))
			goto unread;
	} else if (starts_kw(p, "FOREIGN")) {
		kind = MIG_PART_FOREIGN;
		label = "fkey";
		p += 7;
		skip_space(&p);
		if (!starts_kw(p, "KEY"))
			goto unread;
		p += 3;
		if (!sql_ident_list(a, &p, &cols))
			goto unread;
	} else if (starts_kw(p, "EXCLUDE")) {
		mig_strv_free(&cols);
		return; /* not a part the model keeps (nor the readers) */
	} else {
		goto unread;
	}
	char *name = c->named ? dup(a, c->name.name) : choose(a, t, kind == MIG_PART_PRIMARY ? NULL : &cols, label);
	mig_part *g = add_table_part(a, t, kind, name, dup(a, c->expr));
	if (g && kind != MIG_PART_CHECK) {
		g->columns = cols;
		memset(&cols, 0, sizeof(cols));
	}
	if (g && kind == MIG_PART_FOREIGN) {
		skip_space(&p);
		if (starts_kw(p, "REFERENCES")) {
			p += 10;
			g->ref_table = sql_table(a, &p);
			mig_strv refs = MIG_STRV_INIT;
			const char *q = p;
			if (sql_ident_list(a, &q, &refs))
				g->ref_columns = refs;
			else
				mig_strv_free(&refs);
			sql_actions(a, p, g);
		}
	}
	if (g && kind == MIG_PART_PRIMARY && a->r->pk_not_null)
		for (size_t i = 0; i < g->columns.n && ok(a); i++) {
			mig_mcolumn *col = mig_mtable_col(t, g->columns.v[i]);
			if (col)
				set_not_null(a, col);
		}
	mig_strv_free(&cols);
	return;
unread:
	mig_strv_free(&cols);
	skip(a, "a constraint written as SQL it cannot read");
}

static void add_constraints(ap *a, mig_mtable *t, const mig_constraints_def *cs)
{
	for (size_t i = 0; i < cs->n && ok(a); i++) {
		const mig_constraint_def *c = &cs->v[i];
		mig_strv cols = MIG_STRV_INIT;
		names_of(a, &c->columns, &cols);
		mig_str s = MIG_STR_INIT;
		mig_part *g = NULL;
		switch (c->kind) {
		case MIG_CONSTRAINT_CHECK:
			mig_str_printf(&s, "CHECK (%s)", c->expr);
			g = add_table_part(a, t, MIG_PART_CHECK, dup(a, c->name.name), detach(a, &s));
			break;
		case MIG_CONSTRAINT_UNIQUE:
		case MIG_CONSTRAINT_PRIMARY:
			mig_str_puts(&s, c->kind == MIG_CONSTRAINT_UNIQUE ? "UNIQUE (" : "PRIMARY KEY (");
			joined(&s, &cols, ", ");
			mig_str_putc(&s, ')');
			g = add_table_part(a, t, c->kind == MIG_CONSTRAINT_UNIQUE ? MIG_PART_UNIQUE : MIG_PART_PRIMARY,
					   dup(a, c->name.name), detach(a, &s));
			break;
		case MIG_CONSTRAINT_FOREIGN:
			g = add_table_part(a, t, MIG_PART_FOREIGN, dup(a, c->name.name), fk_body(a, &cols, NULL));
			reference(a, g, &c->references);
			break;
		case MIG_CONSTRAINT_EXCLUDE:
			break; /* not a part the model keeps (nor the readers) */
		case MIG_CONSTRAINT_RAW:
			raw_constraint(a, t, c);
			break;
		}
		mig_str_free(&s);
		if (g && c->kind != MIG_CONSTRAINT_CHECK) {
			g->columns = cols;
			memset(&cols, 0, sizeof(cols));
		}
		if (g && c->kind == MIG_CONSTRAINT_PRIMARY && a->r->pk_not_null)
			for (size_t k = 0; k < g->columns.n && ok(a); k++) {
				mig_mcolumn *col = mig_mtable_col(t, g->columns.v[k]);
				if (col)
					set_not_null(a, col);
			}
		mig_strv_free(&cols);
	}
}

/* ---- tables ---------------------------------------------------------------- */

static void copy_columns(ap *a, mig_mtable *to, const mig_mtable *from, bool defaults)
{
	for (size_t i = 0; i < from->ncols && ok(a); i++) {
		const mig_mcolumn *x = &from->cols[i];
		mig_mcolumn *y = mig_mtable_add_col(to, dup(a, x->name), dup(a, x->type));
		if (!y) {
			oom(a);
			return;
		}
		for (size_t k = 0; k < x->parts.n && ok(a); k++) {
			const mig_part *g = &x->parts.v[k];
			if (g->kind == MIG_PART_NOT_NULL || g->kind == MIG_PART_COLLATE ||
			    (defaults && g->kind == MIG_PART_DEFAULT))
				adopt(a, mig_parts_pushdup(&y->parts, g->kind, g->name, g->body));
		}
	}
}

static void create_table(ap *a, const mig_create_table_def *d)
{
	if (d->temporary || !ours(a, &d->table))
		return; /* temporary tables live in a schema of their own */
	if (mig_model_table(a->m, d->table.name)) {
		if (!d->if_not_exists)
			skip(a, "a CREATE TABLE of a table it already has");
		return;
	}
	mig_mtable *t = mig_mtable_new(d->table.name);
	if (!t) {
		oom(a);
		return;
	}
	if (d->inherits) {
		const mig_mtable *parent = table_of(a, d->inherits);
		if (parent)
			copy_columns(a, t, parent, true);
		else
			skip(a, "INHERITS from a table it does not know");
	}
	if (d->like) {
		const mig_mtable *src = table_of(a, &d->like->table);
		bool defaults = false;
		for (size_t i = 0; i < d->like->including.n; i++) {
			const char *w = d->like->including.v[i];
			if (mig_model_ieq(w, "DEFAULTS") || mig_model_ieq(w, "ALL"))
				defaults = true;
			if (mig_model_ieq(w, "ALL") || mig_model_ieq(w, "CONSTRAINTS") || mig_model_ieq(w, "INDEXES") ||
			    mig_model_ieq(w, "IDENTITY") || mig_model_ieq(w, "GENERATED"))
				skip(a, "LIKE ... INCLUDING what LIKE copies besides columns and defaults");
		}
		if (src)
			copy_columns(a, t, src, defaults);
		else
			skip(a, "LIKE a table it does not know");
	}
	for (size_t i = 0; i < d->columns.n && ok(a); i++)
		add_column(a, t, &d->columns.v[i]);
	if (ok(a))
		add_constraints(a, t, &d->constraints);
	if (!ok(a)) {
		mig_mtable_free(t);
		return;
	}
	adopt(a, mig_model_put_table(a->m, t));
}

/* The primary key columns of t. */
static bool in_primary_key(const mig_mtable *t, const char *column)
{
	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.v[i].kind == MIG_PART_PRIMARY && has(&t->parts.v[i].columns, column))
			return true;
	const mig_mcolumn *c = mig_mtable_col(t, column);
	return c && mig_parts_find(&c->parts, MIG_PART_PRIMARY);
}

/* Whether foreign key g references column (named, or as its parent's
 * primary key). */
static bool references_column(const mig_model *m, const mig_part *g, const char *column)
{
	if (g->ref_columns.n)
		return has(&g->ref_columns, column);
	const mig_mtable *parent = mig_model_table(m, g->ref_table);
	return parent && in_primary_key(parent, column);
}

/* Foreign keys of every table that reference `table` (and, with column,
 * that column): removed, or followed to a new name. */
static void each_reference(ap *a, const char *table, const char *column, const char *new_table,
			   const char *new_column, bool remove)
{
	for (size_t i = 0; i < a->m->ntables && ok(a); i++) {
		mig_mtable *t = a->m->tables[i];
		for (size_t k = t->parts.n; k-- > 0 && ok(a);) {
			mig_part *g = &t->parts.v[k];
			if (g->kind != MIG_PART_FOREIGN || !eq(g->ref_table, table))
				continue;
			if (column && !references_column(a->m, g, column))
				continue;
			if (remove) {
				mig_parts_remove(&t->parts, k);
				continue;
			}
			if (new_table) {
				char *n = dup(a, new_table);
				if (n) {
					mig__free(g->ref_table);
					g->ref_table = n;
				}
			}
			for (size_t c = 0; new_column && c < g->ref_columns.n; c++)
				if (eq(g->ref_columns.v[c], column)) {
					char *n = dup(a, new_column);
					if (n) {
						mig__free(g->ref_columns.v[c]);
						g->ref_columns.v[c] = n;
					}
				}
		}
	}
}

static void drop_tables(ap *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++) {
		const mig_qname *n = &d->names.v[i];
		if (!table_of(a, n))
			continue;
		if (d->cascade)
			each_reference(a, n->name, NULL, NULL, NULL, true);
		mig_model_drop_table(a->m, n->name);
	}
}

static void rename_table(ap *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->from);
	if (!t)
		return;
	char *to = dup(a, d->to.name);
	if (!to)
		return;
	each_reference(a, t->name, NULL, to, NULL, false);
	mig__free(t->name);
	t->name = to;
}

static void add_columns(ap *a, const mig_add_columns_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t) {
		if (ours(a, &d->table))
			skip(a, "columns added to a table it does not know");
		return;
	}
	for (size_t i = 0; i < d->columns.n && ok(a); i++) {
		if (d->if_not_exists && mig_mtable_col(t, d->columns.v[i].name))
			continue;
		add_column(a, t, &d->columns.v[i]);
	}
}

/* Whether a part involves column c (its own columns, or a CHECK's text). */
static bool part_involves(const mig_part *g, const char *c)
{
	if (has(&g->columns, c))
		return true;
	if (g->kind != MIG_PART_CHECK || !g->body)
		return false;
	/* a CHECK names its columns in its text */
	size_t n = strlen(c);
	for (const char *p = g->body; (p = strstr(p, c)) != NULL; p += n) {
		bool before = p == g->body || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		bool after = !(isalnum((unsigned char)p[n]) || p[n] == '_');
		if (before && after)
			return true;
	}
	return false;
}

static void drop_column(ap *a, mig_mtable *t, const char *name)
{
	mig_mcolumn *c = mig_mtable_col(t, name);
	if (!c)
		return;
	/* before the table's own key goes: a reference to it names no column */
	each_reference(a, t->name, c->name, NULL, NULL, true);
	for (size_t k = t->parts.n; k-- > 0;)
		if (part_involves(&t->parts.v[k], c->name))
			mig_parts_remove(&t->parts, k);
	for (size_t k = t->nobjs; k-- > 0;)
		if (has(&t->objs[k].columns, c->name))
			mig_mtable_remove_obj(t, &t->objs[k]);
	mig_mtable_remove_col(t, c);
}

static void drop_columns(ap *a, const mig_drop_columns_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	for (size_t i = 0; t && i < d->columns.n && ok(a); i++)
		drop_column(a, t, d->columns.v[i].name);
}

static void rename_in(ap *a, mig_strv *v, const char *from, const char *to)
{
	for (size_t i = 0; i < v->n && ok(a); i++)
		if (eq(v->v[i], from)) {
			char *n = dup(a, to);
			if (n) {
				mig__free(v->v[i]);
				v->v[i] = n;
			}
		}
}

static void rename_column(ap *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	mig_mcolumn *c = t ? mig_mtable_col(t, d->from.name) : NULL;
	if (!c)
		return;
	char *to = dup(a, d->to.name);
	if (!to)
		return;
	for (size_t k = 0; k < t->parts.n; k++)
		rename_in(a, &t->parts.v[k].columns, c->name, to);
	for (size_t k = 0; k < t->nobjs; k++)
		rename_in(a, &t->objs[k].columns, c->name, to);
	each_reference(a, t->name, c->name, NULL, to, false);
	mig__free(c->name);
	c->name = to;
}

static void alter_column(ap *a, const mig_alter_column_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	mig_mcolumn *c = t ? mig_mtable_col(t, d->column.name) : NULL;
	if (!c) {
		if (ours(a, &d->table))
			skip(a, "a change of a column it does not know");
		return;
	}
	if (d->default_action == MIG_DROP) {
		mig_parts_drop_kind(&c->parts, MIG_PART_DEFAULT);
	} else if (d->default_action == MIG_CHANGE) {
		mig_parts_drop_kind(&c->parts, MIG_PART_DEFAULT);
		mig_str v = MIG_STR_INIT;
		a->r->default_sql(d->default_value, &v);
		if (mig_str_failed(&v)) {
			oom(a);
		} else if (v.len) {
			mig_str s = MIG_STR_INIT;
			mig_str_printf(&s, "DEFAULT %s", mig_str_cstr(&v));
			add_col_part(a, c, MIG_PART_DEFAULT, detach(a, &s));
		}
		mig_str_free(&v);
	}
	if (d->type) {
		bool serial = false;
		char *type = a->r->type(d->type, NULL, &serial);
		if (!type) {
			oom(a);
			return;
		}
		mig__free(c->type);
		c->type = type;
		if (d->collation) {
			mig_parts_drop_kind(&c->parts, MIG_PART_COLLATE);
			mig_str s = MIG_STR_INIT;
			mig_str_printf(&s, "COLLATE %s", d->collation);
			add_col_part(a, c, MIG_PART_COLLATE, detach(a, &s));
		}
	}
	if (d->not_null == MIG_CHANGE)
		set_not_null(a, c);
	else if (d->not_null == MIG_DROP)
		mig_parts_drop_kind(&c->parts, MIG_PART_NOT_NULL);
	if (d->identity == MIG_DROP) {
		mig_parts_drop_kind(&c->parts, MIG_PART_IDENTITY);
	} else if (d->identity == MIG_CHANGE && d->identity_def) {
		mig_parts_drop_kind(&c->parts, MIG_PART_IDENTITY);
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "GENERATED %s AS IDENTITY",
			       d->identity_def->precedence ? d->identity_def->precedence : "ALWAYS");
		add_col_part(a, c, MIG_PART_IDENTITY, detach(a, &s));
		set_not_null(a, c);
	}
	if (d->expression == MIG_DROP) {
		mig_parts_drop_kind(&c->parts, MIG_PART_GENERATED);
	} else if (d->expression == MIG_CHANGE) {
		mig_parts_drop_kind(&c->parts, MIG_PART_GENERATED);
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "GENERATED ALWAYS AS (%s) STORED", d->expression_text ? d->expression_text : "");
		add_col_part(a, c, MIG_PART_GENERATED, detach(a, &s));
	}
	if (d->has_comment) {
		mig__free(c->comment);
		c->comment = NULL;
		if (d->comment && d->comment->type != MIG_V_NULL) {
			mig_str s = MIG_STR_INIT;
			mig_js_string(&s, d->comment);
			c->comment = detach(a, &s);
		}
	}
}

static void add_constraint(ap *a, const mig_add_constraint_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (t)
		add_constraints(a, t, &d->constraints);
	else if (ours(a, &d->table))
		skip(a, "a constraint on a table it does not know");
}

static void drop_constraint(ap *a, const mig_drop_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t i = 0; t && i < d->names.n; i++)
		for (size_t k = t->parts.n; k-- > 0;)
			if (eq(t->parts.v[k].name, d->names.v[i].name)) {
				if (d->cascade && (t->parts.v[k].kind == MIG_PART_PRIMARY || t->parts.v[k].kind == MIG_PART_UNIQUE))
					each_reference(a, t->name, NULL, NULL, NULL, true);
				mig_parts_remove(&t->parts, k);
			}
}

static void rename_constraint(ap *a, const mig_rename_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t k = 0; t && k < t->parts.n; k++)
		if (eq(t->parts.v[k].name, d->from.name)) {
			char *n = dup(a, d->to.name);
			if (n) {
				mig__free(t->parts.v[k].name);
				t->parts.v[k].name = n;
			}
			return;
		}
}

/* ---- indexes and triggers ------------------------------------------------------ */

static void create_index(ap *a, const mig_create_index_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t) {
		if (ours(a, &d->table))
			skip(a, "an index on a table it does not know");
		return;
	}
	if (mig_model_table_of(a->m, "index", d->name.name, NULL)) {
		if (!d->if_not_exists)
			skip(a, "a second index of the same name");
		return;
	}
	mig_mobject *o = mig_mtable_add_obj(t, dup(a, "index"), dup(a, d->name.name), NULL);
	if (!o) {
		oom(a);
		return;
	}
	/* its definition is the engine's to spell; the structure is what
	 * the model compares */
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "%sINDEX %s ON %s", d->unique ? "UNIQUE " : "", d->name.name, t->name);
	o->sql = detach(a, &s);
	o->unique = d->unique;
	o->partial = d->where != NULL;
	for (size_t i = 0; i < d->ncolumns; i++)
		strv_add(a, &o->columns, d->columns[i].column.raw ? "(expr)" : d->columns[i].column.name);
}

static void drop_index(ap *a, const mig_drop_index_def *d)
{
	if (!ours(a, &d->name))
		return;
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(a->m, "index", d->name.name, &o);
	if (t)
		mig_mtable_remove_obj(t, o);
}

static void rename_object(ap *a, const char *type, const mig_rename_def *d)
{
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(a->m, type, d->from.name, &o);
	if (!t)
		return;
	char *n = dup(a, d->to.name);
	if (n) {
		mig__free(o->name);
		o->name = n;
	}
}

static void create_trigger(ap *a, const mig_trigger_def *d)
{
	mig_mtable *t = table_of(a, &d->table);
	if (!t)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "TRIGGER %s %s %s ON %s", d->name.name, d->when ? d->when : "", d->operation ? d->operation : "",
		       t->name);
	if (!mig_mtable_add_obj(t, dup(a, "trigger"), dup(a, d->name.name), detach(a, &s)))
		oom(a);
}

static void drop_triggers(ap *a, const mig_drop_def *d)
{
	mig_mtable *t = table_of(a, &d->target);
	for (size_t i = 0; t && i < d->names.n; i++) {
		mig_mobject *o = mig_mtable_obj(t, "trigger", d->names.v[i].name);
		if (o)
			mig_mtable_remove_obj(t, o);
	}
}

/* ---- types and views ------------------------------------------------------------- */

static void label(ap *a, const mig_value *v, mig_strv *out)
{
	mig_str s = MIG_STR_INIT;
	mig_js_string(&s, v);
	char *d = detach(a, &s);
	if (d && mig_strv_push(out, d))
		oom(a);
}

static void create_type(ap *a, const mig_create_type_def *d)
{
	if (!d->is_enum || !ours(a, &d->name))
		return; /* composite types are not tables' business */
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; i < d->values.n; i++)
		label(a, d->values.v[i], &values);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->name.name, &values));
	mig_strv_free(&values);
}

/* Columns of type `from` (or its array) now read as type `to`. */
static void retype_columns(ap *a, const char *from, const char *to)
{
	size_t n = strlen(from);
	for (size_t i = 0; i < a->m->ntables && ok(a); i++) {
		mig_mtable *t = a->m->tables[i];
		for (size_t k = 0; k < t->ncols && ok(a); k++) {
			mig_mcolumn *c = &t->cols[k];
			if (strncmp(c->type, from, n) != 0 || (c->type[n] && strcmp(c->type + n, "[]") != 0))
				continue;
			mig_str s = MIG_STR_INIT;
			mig_str_printf(&s, "%s%s", to, c->type + n);
			char *nt = detach(a, &s);
			if (nt) {
				mig__free(c->type);
				c->type = nt;
			}
		}
	}
}

static void rename_type(ap *a, const mig_rename_def *d)
{
	if (!ours(a, &d->from))
		return;
	const mig_menum *e = mig_model_enum(a->m, d->from.name);
	if (!e)
		return;
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; i < e->values.n; i++)
		strv_add(a, &values, e->values.v[i]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->to.name, &values));
	mig_strv_free(&values);
	if (ok(a)) {
		retype_columns(a, d->from.name, d->to.name);
		mig_model_drop_enum(a->m, d->from.name);
	}
}

static void add_type_value(ap *a, const mig_add_type_value_def *d)
{
	const mig_menum *e = ours(a, &d->type) ? mig_model_enum(a->m, d->type.name) : NULL;
	if (!e) {
		if (ours(a, &d->type))
			skip(a, "a value added to a type it does not know");
		return;
	}
	mig_strv one = MIG_STRV_INIT;
	label(a, d->value, &one);
	if (!ok(a) || has(&e->values, one.v[0]) || !ok(a)) {
		mig_strv_free(&one);
		return;
	}
	mig_strv neighbour = MIG_STRV_INIT;
	if (d->before || d->after)
		label(a, d->before ? d->before : d->after, &neighbour);
	mig_strv values = MIG_STRV_INIT;
	bool placed = false;
	for (size_t i = 0; i < e->values.n && ok(a); i++) {
		bool here = neighbour.n && strcmp(e->values.v[i], neighbour.v[0]) == 0;
		if (here && d->before) {
			strv_add(a, &values, one.v[0]);
			placed = true;
		}
		strv_add(a, &values, e->values.v[i]);
		if (here && d->after) {
			strv_add(a, &values, one.v[0]);
			placed = true;
		}
	}
	if (!placed)
		strv_add(a, &values, one.v[0]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->type.name, &values));
	mig_strv_free(&values);
	mig_strv_free(&neighbour);
	mig_strv_free(&one);
}

static void rename_type_value(ap *a, const mig_rename_type_value_def *d)
{
	const mig_menum *e = ours(a, &d->type) ? mig_model_enum(a->m, d->type.name) : NULL;
	if (!e)
		return;
	mig_strv from = MIG_STRV_INIT, to = MIG_STRV_INIT, values = MIG_STRV_INIT;
	label(a, d->from, &from);
	label(a, d->to, &to);
	for (size_t i = 0; i < e->values.n && ok(a); i++)
		strv_add(a, &values, strcmp(e->values.v[i], from.v[0]) == 0 ? to.v[0] : e->values.v[i]);
	if (ok(a))
		adopt(a, mig_model_put_enum(a->m, d->type.name, &values));
	mig_strv_free(&from);
	mig_strv_free(&to);
	mig_strv_free(&values);
}

static void drop_types(ap *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++)
		if (ours(a, &d->names.v[i]))
			mig_model_drop_enum(a->m, d->names.v[i].name);
}

static void create_view(ap *a, const mig_create_view_def *d)
{
	if (d->temporary || !ours(a, &d->name))
		return;
	adopt(a, mig_model_put_view(a->m, d->name.name, d->definition ? d->definition : ""));
}

static void drop_views(ap *a, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n; i++)
		if (ours(a, &d->names.v[i]))
			mig_model_drop_view(a->m, d->names.v[i].name);
}

static void rename_view(ap *a, const mig_rename_def *d)
{
	const mig_mview *v = ours(a, &d->from) ? mig_model_view(a->m, d->from.name) : NULL;
	if (!v)
		return;
	char *sql = dup(a, v->sql);
	if (sql) {
		mig_model_drop_view(a->m, d->from.name);
		adopt(a, mig_model_put_view(a->m, d->to.name, sql));
	}
	mig__free(sql);
}

int mig_model_apply(const mig_model_rules *r, const mig_opdef *def, mig_model *m, const char **unfollowed)
{
	ap a = {.r = r, .m = m};
	switch (def->kind) {
	case MIG_OP_CREATE_TABLE: create_table(&a, &def->u.create_table); break;
	case MIG_OP_DROP_TABLE: drop_tables(&a, &def->u.drop); break;
	case MIG_OP_RENAME_TABLE: rename_table(&a, &def->u.rename); break;
	case MIG_OP_ADD_COLUMNS: add_columns(&a, &def->u.add_columns); break;
	case MIG_OP_DROP_COLUMNS: drop_columns(&a, &def->u.drop_columns); break;
	case MIG_OP_RENAME_COLUMN: rename_column(&a, &def->u.rename); break;
	case MIG_OP_ALTER_COLUMN: alter_column(&a, &def->u.alter_column); break;
	case MIG_OP_ADD_CONSTRAINT: add_constraint(&a, &def->u.add_constraint); break;
	case MIG_OP_DROP_CONSTRAINT: drop_constraint(&a, &def->u.drop); break;
	case MIG_OP_RENAME_CONSTRAINT: rename_constraint(&a, &def->u.rename); break;
	case MIG_OP_CREATE_INDEX: create_index(&a, &def->u.create_index); break;
	case MIG_OP_DROP_INDEX: drop_index(&a, &def->u.drop_index); break;
	case MIG_OP_RENAME_INDEX: rename_object(&a, "index", &def->u.rename); break;
	case MIG_OP_CREATE_TRIGGER: create_trigger(&a, &def->u.create_trigger); break;
	case MIG_OP_DROP_TRIGGER: drop_triggers(&a, &def->u.drop); break;
	case MIG_OP_DROP_TRIGGER_AND_FUNCTION: drop_triggers(&a, &def->u.drop_trigger_function.trigger); break;
	case MIG_OP_RENAME_TRIGGER: rename_object(&a, "trigger", &def->u.rename); break;
	case MIG_OP_CREATE_TYPE: create_type(&a, &def->u.create_type); break;
	case MIG_OP_DROP_TYPE: drop_types(&a, &def->u.drop); break;
	case MIG_OP_RENAME_TYPE: rename_type(&a, &def->u.rename); break;
	case MIG_OP_ADD_TYPE_VALUE: add_type_value(&a, &def->u.add_type_value); break;
	case MIG_OP_RENAME_TYPE_VALUE: rename_type_value(&a, &def->u.rename_type_value); break;
	case MIG_OP_CREATE_VIEW: create_view(&a, &def->u.create_view); break;
	case MIG_OP_DROP_VIEW: drop_views(&a, &def->u.drop); break;
	case MIG_OP_RENAME_VIEW: rename_view(&a, &def->u.rename); break;
	default:
		/* functions, sequences, domains, extensions, roles, grants,
		 * materialized views...: nothing the table model holds */
		break;
	}
	if (unfollowed)
		*unfollowed = a.unfollowed;
	return a.rc;
}
