/* Typed operations on the model: columns, constraints, and what a foreign key references (model_apply_int.h). */
#define _POSIX_C_SOURCE 200809L
#include "dialects/common/model_apply_int.h"

/* ---- references ---------------------------------------------------------- */

/* One identifier of SQL text at *p ("quoted" kept as written inside, bare
 * folded to lower case as the engine folds it); NULL when there is none. */
static char *sql_ident(mig_ma *a, const char **p)
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
static bool sql_ident_list(mig_ma *a, const char **p, mig_strv *cols)
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
static char *sql_table(mig_ma *a, const char **p)
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
static void sql_actions(mig_ma *a, const char *s, mig_part *g)
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

static char *action(mig_ma *a, const char *given)
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
static void reference(mig_ma *a, mig_part *g, const mig_reference_def *ref)
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

static char *fk_body(mig_ma *a, const mig_strv *cols, const mig_part *g)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "FOREIGN KEY (");
	mig__ma_joined(&s, cols, ", ");
	mig_str_printf(&s, ") REFERENCES %s", g && g->ref_table ? g->ref_table : "?");
	return detach(a, &s);
}

/* ---- columns ------------------------------------------------------------- */

void mig__ma_add_column(mig_ma *a, mig_mtable *t, const mig_column_def *c)
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
	mig__ma_strv_add(a, &one, c->name);
	mig__ma_set_part(a, col, MIG_PART_COLLATE, "COLLATE ", c->collation, "");
	if (serial && a->r->serial_identity) {
		mig__ma_set_part(a, col, MIG_PART_IDENTITY, "", a->r->serial_identity, "");
		mig__ma_set_not_null(a, col);
	} else if (serial) {
		char *seq = mig__ma_choose(a, t, &one, "seq");
		char *d = seq ? a->r->serial_default(seq) : NULL;
		if (seq && !d)
			oom(a);
		mig__ma_set_part(a, col, MIG_PART_DEFAULT, "DEFAULT ", d, "");
		mig__free(seq);
		mig__free(d);
		mig__ma_set_not_null(a, col);
	} else if (c->default_value) {
		mig__ma_set_default(a, col, c->default_value);
	}
	if (c->identity)
		mig__ma_set_identity(a, col, c->identity);
	mig__ma_set_part(a, col, MIG_PART_GENERATED, "GENERATED ALWAYS AS (", c->expression_generated, ") STORED");
	if (c->not_null)
		mig__ma_set_not_null(a, col);
	if (c->has_comment)
		mig__ma_set_comment(a, col, c->comment);
	if (c->primary_key) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "PRIMARY KEY (%s)", c->name);
		mig_part *g = mig__ma_add_table_part(a, t, MIG_PART_PRIMARY, mig__ma_choose(a, t, NULL, "pkey"), detach(a, &s));
		if (g)
			mig__ma_strv_add(a, &g->columns, c->name);
		if (a->r->pk_not_null && ok(a))
			mig__ma_set_not_null(a, &t->cols[ci]);
	}
	if (c->unique) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "UNIQUE (%s)", c->name);
		mig_part *g = mig__ma_add_table_part(a, t, MIG_PART_UNIQUE, mig__ma_choose(a, t, &one, "key"), detach(a, &s));
		if (g)
			mig__ma_strv_add(a, &g->columns, c->name);
	}
	if (c->check) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "CHECK (%s)", c->check);
		mig__ma_add_table_part(a, t, MIG_PART_CHECK, mig__ma_choose(a, t, &one, "check"), detach(a, &s));
	}
	if (c->references) {
		char *name = c->fk_named ? dup(a, c->fk_name.name) : mig__ma_choose(a, t, &one, "fkey");
		mig_part *g = mig__ma_add_table_part(a, t, MIG_PART_FOREIGN, name, dup(a, "FOREIGN KEY"));
		if (g) {
			mig__ma_strv_add(a, &g->columns, c->name);
			reference(a, g, c->references);
			mig__free(g->body);
			g->body = fk_body(a, &g->columns, g);
		}
	}
	mig_strv_free(&one);
}

/* ---- constraints --------------------------------------------------------- */

static void names_of(mig_ma *a, const mig_qnames *q, mig_strv *out)
{
	for (size_t i = 0; i < q->n; i++)
		mig__ma_strv_add(a, out, q->v[i].name);
}

/* The first column of t that an expression mentions (PostgreSQL names an
 * unnamed CHECK after it). */
static void first_column(mig_ma *a, const mig_mtable *t, const char *expr, mig_strv *out)
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
				mig__ma_strv_add(a, out, w);
			mig__free(w);
			if (col)
				return;
			continue;
		}
		p++;
	}
}

/* A constraint written as SQL (addConstraint(t, name, 'SQL')). */
static void raw_constraint(mig_ma *a, mig_mtable *t, const mig_constraint_def *c)
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
	} else if (starts_kw(p, "PRIMARY") || starts_kw(p, "FOREIGN")) {
		kind = starts_kw(p, "PRIMARY") ? MIG_PART_PRIMARY : MIG_PART_FOREIGN;
		label = kind == MIG_PART_PRIMARY ? "pkey" : "fkey";
		p += 7; /* both words are 7 letters */
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
	char *name = c->named ? dup(a, c->name.name) : mig__ma_choose(a, t, kind == MIG_PART_PRIMARY ? NULL : &cols, label);
	mig_part *g = mig__ma_add_table_part(a, t, kind, name, dup(a, c->expr));
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
				mig__ma_set_not_null(a, col);
		}
	mig_strv_free(&cols);
	return;
unread:
	mig_strv_free(&cols);
	skip(a, "a constraint written as SQL it cannot read");
}

void mig__ma_add_constraints(mig_ma *a, mig_mtable *t, const mig_constraints_def *cs)
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
			g = mig__ma_add_table_part(a, t, MIG_PART_CHECK, dup(a, c->name.name), detach(a, &s));
			break;
		case MIG_CONSTRAINT_UNIQUE:
		case MIG_CONSTRAINT_PRIMARY:
			mig_str_puts(&s, c->kind == MIG_CONSTRAINT_UNIQUE ? "UNIQUE (" : "PRIMARY KEY (");
			mig__ma_joined(&s, &cols, ", ");
			mig_str_putc(&s, ')');
			g = mig__ma_add_table_part(a, t, c->kind == MIG_CONSTRAINT_UNIQUE ? MIG_PART_UNIQUE : MIG_PART_PRIMARY,
					   dup(a, c->name.name), detach(a, &s));
			break;
		case MIG_CONSTRAINT_FOREIGN:
			g = mig__ma_add_table_part(a, t, MIG_PART_FOREIGN, dup(a, c->name.name), fk_body(a, &cols, NULL));
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
					mig__ma_set_not_null(a, col);
			}
		mig_strv_free(&cols);
	}
}
