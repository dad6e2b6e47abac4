/*
 * The table model of a CREATE TABLE text: split into columns and
 * constraints, and rendered back in node-pg-migrate's layout.
 */
#include "dialects/sqlite/sqlite_emit.h"

#include <ctype.h>

/* Append a part (takes name and body, also on failure); the error sticks in p. */
void mig__sq_segv_push(sq *p, mig_parts *v, enum mig_part_kind kind, char *name, char *body)
{
	if (p->rc) {
		mig__free(name);
		mig__free(body);
		return;
	}
	mig__sq_adopt(p, mig_parts_push(v, kind, name, body));
}

void mig__sq_segv_pushs(sq *p, mig_parts *v, enum mig_part_kind kind, const char *name, const char *body)
{
	mig__sq_segv_push(p, v, kind, name ? mig__sq_dup_or_fail(p, name) : NULL, mig__sq_dup_or_fail(p, body));
}

/* A new column at the end (takes name and type); NULL on failure. */
mig_mcolumn *mig__sq_model_add_col(sq *p, mig_mtable *m, char *name, char *type)
{
	if (p->rc) {
		mig__free(name);
		mig__free(type);
		return NULL;
	}
	mig_mcolumn *c = mig_mtable_add_col(m, name, type);
	if (!c)
		mig__sq_adopt(p, MIG_ENOMEM);
	return c;
}

/* ---- parsing ----------------------------------------------------------- */

static bool column_starter(const stoks *t, size_t i)
{
	static const char *const words[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
					    "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (kw(t, i, words[k]))
			return true;
	return false;
}

static size_t skip_conflict(const stoks *t, size_t i)
{
	return kw(t, i, "ON") && kw(t, i + 1, "CONFLICT") ? i + 3 : i;
}

/* i after REFERENCES: the end of the foreign-key clause. */
static size_t fk_clause_end(const stoks *t, size_t i)
{
	i++; /* table */
	if (punct(t, i, '.'))
		i += 2;
	if (punct(t, i, '('))
		i = mig__sq_group_end(t, i);
	for (;;) {
		if (kw(t, i, "ON") && (kw(t, i + 1, "DELETE") || kw(t, i + 1, "UPDATE"))) {
			i += 2;
			if (kw(t, i, "SET") || kw(t, i, "NO"))
				i += 2;
			else
				i++;
		} else if (kw(t, i, "MATCH")) {
			i += 2;
		} else if (kw(t, i, "NOT") && kw(t, i + 1, "DEFERRABLE")) {
			i += 2;
		} else if (kw(t, i, "DEFERRABLE")) {
			i++;
		} else if (kw(t, i, "INITIALLY")) {
			i += 2;
		} else {
			return i;
		}
	}
}

/* i at the keyword of a column constraint: its kind and end (0 when the
 * text is not a constraint this parser knows). */
static size_t column_constraint_end(const stoks *t, size_t i, enum mig_part_kind *kind)
{
	if (kw(t, i, "PRIMARY") && kw(t, i + 1, "KEY")) {
		*kind = MIG_PART_PRIMARY;
		i += 2;
		if (kw(t, i, "ASC") || kw(t, i, "DESC"))
			i++;
		i = skip_conflict(t, i);
		if (kw(t, i, "AUTOINCREMENT"))
			i++;
		return i;
	}
	if (kw(t, i, "NOT") && kw(t, i + 1, "NULL")) {
		*kind = MIG_PART_NOT_NULL;
		return skip_conflict(t, i + 2);
	}
	if (kw(t, i, "NULL")) {
		*kind = MIG_PART_NULL;
		return skip_conflict(t, i + 1);
	}
	if (kw(t, i, "UNIQUE")) {
		*kind = MIG_PART_UNIQUE;
		return skip_conflict(t, i + 1);
	}
	if (kw(t, i, "CHECK") && punct(t, i + 1, '(')) {
		*kind = MIG_PART_CHECK;
		return mig__sq_group_end(t, i + 1);
	}
	if (kw(t, i, "DEFAULT")) {
		*kind = MIG_PART_DEFAULT;
		i++;
		if (punct(t, i, '('))
			return mig__sq_group_end(t, i);
		if (punct(t, i, '+') || punct(t, i, '-'))
			i++;
		return tk(t, i)->type == TK_END ? 0 : i + 1;
	}
	if (kw(t, i, "COLLATE")) {
		*kind = MIG_PART_COLLATE;
		return i + 2;
	}
	if (kw(t, i, "REFERENCES")) {
		*kind = MIG_PART_FOREIGN;
		return fk_clause_end(t, i + 1);
	}
	if (kw(t, i, "GENERATED") && kw(t, i + 1, "ALWAYS"))
		i += 2;
	if (kw(t, i, "AS") && punct(t, i + 1, '(')) {
		*kind = MIG_PART_GENERATED;
		i = mig__sq_group_end(t, i + 1);
		if (kw(t, i, "STORED") || kw(t, i, "VIRTUAL"))
			i++;
		return i;
	}
	return 0;
}

static char *tok_name_dup(sq *p, const stoks *t, size_t i)
{
	mig_str s = MIG_STR_INIT;
	mig__sq_tok_name(&s, t, i);
	return mig__sq_detach_or_fail(p, &s);
}

static char *slice_dup(sq *p, const stoks *t, size_t a, size_t b)
{
	mig_str s = MIG_STR_INIT;
	mig__sq_slice(&s, t, a, b);
	return mig__sq_detach_or_fail(p, &s);
}

/* One element of the column list: a column or a table constraint. */
static bool parse_element(sq *p, const stoks *t, size_t a, size_t b, mig_mtable *m)
{
	char *name = NULL;
	size_t i = a;
	if (kw(t, i, "CONSTRAINT") || kw(t, i, "PRIMARY") || kw(t, i, "UNIQUE") || kw(t, i, "CHECK") ||
	    kw(t, i, "FOREIGN")) {
		if (kw(t, i, "CONSTRAINT")) {
			name = tok_name_dup(p, t, i + 1);
			i += 2;
		}
		enum mig_part_kind kind;
		if (kw(t, i, "PRIMARY"))
			kind = MIG_PART_PRIMARY;
		else if (kw(t, i, "UNIQUE"))
			kind = MIG_PART_UNIQUE;
		else if (kw(t, i, "CHECK"))
			kind = MIG_PART_CHECK;
		else if (kw(t, i, "FOREIGN"))
			kind = MIG_PART_FOREIGN;
		else {
			mig__free(name);
			return false;
		}
		mig__sq_segv_push(p, &m->parts, kind, name, slice_dup(p, t, i, b));
		return !p->rc;
	}
	if (!is_name_tok(t, i))
		return false;
	mig_mcolumn *c = mig__sq_model_add_col(p, m, tok_name_dup(p, t, i), mig__sq_dup_or_fail(p, ""));
	if (!c)
		return false;
	i++;
	size_t ts = i;
	while (i < b && !column_starter(t, i))
		i = punct(t, i, '(') ? mig__sq_group_end(t, i) : i + 1;
	mig__free(c->type);
	c->type = slice_dup(p, t, ts, i);
	while (i < b && !p->rc) {
		name = NULL;
		if (kw(t, i, "CONSTRAINT")) {
			name = tok_name_dup(p, t, i + 1);
			i += 2;
		}
		enum mig_part_kind kind;
		size_t e = column_constraint_end(t, i, &kind);
		if (e == 0 || e > b) {
			mig__free(name);
			return false;
		}
		mig__sq_segv_push(p, &c->parts, kind, name, slice_dup(p, t, i, e));
		i = e;
	}
	return !p->rc && c->type;
}

/* Split `CREATE TABLE name (...) options` into m. false when the text is
 * not a plain CREATE TABLE with a column list. */
bool mig__sq_parse_create_table(sq *p, const char *sql, mig_mtable *m)
{
	stoks t;
	int rc = mig__sq_lex(sql, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return false;
	}
	bool ok = false;
	size_t i = 0;
	if (t.unterminated || !kw(&t, i++, "CREATE"))
		goto out;
	if (kw(&t, i, "TEMP") || kw(&t, i, "TEMPORARY"))
		i++;
	if (!kw(&t, i++, "TABLE"))
		goto out;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	if (!is_name_tok(&t, i))
		goto out;
	i++;
	if (punct(&t, i, '.'))
		i += 2;
	if (!punct(&t, i, '('))
		goto out;
	/* the ')' that closes the column list: mig__sq_group_end() stops at
	 * the end of an unbalanced text too, where a ')' closing an inner
	 * group would pass for it (CREATE TABLE t(() read as no columns) */
	size_t close = mig__sq_group_end(&t, i) - 1;
	int depth = 0;
	for (size_t k = i; k <= close; k++) {
		if (punct(&t, k, '('))
			depth++;
		else if (punct(&t, k, ')'))
			depth--;
	}
	if (!punct(&t, close, ')') || depth != 0)
		goto out;
	size_t a = i + 1;
	for (size_t k = a; k <= close; k++) {
		if (k < close && punct(&t, k, '(')) {
			k = mig__sq_group_end(&t, k) - 1;
			continue;
		}
		if (k == close || punct(&t, k, ',')) {
			if (k == a || !parse_element(p, &t, a, k, m))
				goto out;
			a = k + 1;
		}
	}
	m->options = slice_dup(p, &t, close + 1, t.n - 1);
	/* SQLite requires a column: constraints alone are no table it made */
	ok = !p->rc && m->ncols > 0;
out:
	mig__sq_toks_free(&t);
	return ok;
}

/* The columns of a table-level PRIMARY KEY / UNIQUE / FOREIGN KEY
 * (first parenthesised list), or of a column-level one (the column). */
void mig__sq_seg_columns(sq *p, const mig_part *g, const mig_mcolumn *owner, mig_strv *out)
{
	if (owner) {
		mig__sq_strv_add(p, out, owner->name);
		return;
	}
	stoks t;
	int rc = mig__sq_lex(g->body, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return;
	}
	size_t i = 0;
	while (tk(&t, i)->type != TK_END && !punct(&t, i, '('))
		i++;
	if (punct(&t, i, '(')) {
		size_t e = mig__sq_group_end(&t, i) - 1;
		bool item_start = true;
		for (size_t k = i + 1; k < e; k++) {
			if (punct(&t, k, ',')) {
				item_start = true;
				continue;
			}
			if (item_start && is_name_tok(&t, k)) {
				char *n = tok_name_dup(p, &t, k);
				if (n && !p->rc)
					mig__sq_adopt(p, mig_strv_push(out, n));
				else
					mig__free(n);
			}
			item_start = false;
			if (punct(&t, k, '('))
				k = mig__sq_group_end(&t, k) - 1;
		}
	}
	mig__sq_toks_free(&t);
}

/* A foreign key's parent table and columns (empty = its primary key). */
bool mig__sq_seg_fk_target(sq *p, const mig_part *g, mig_str *table, mig_strv *cols)
{
	stoks t;
	int rc = mig__sq_lex(g->body, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return false;
	}
	size_t i = 0;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, "REFERENCES"))
		i++;
	bool ok = kw(&t, i, "REFERENCES") && is_name_tok(&t, i + 1);
	if (ok) {
		i++;
		if (punct(&t, i + 1, '.'))
			i += 2;
		mig__sq_tok_name(table, &t, i);
		i++;
		if (punct(&t, i, '(')) {
			size_t e = mig__sq_group_end(&t, i) - 1;
			for (size_t k = i + 1; k < e; k++)
				if (is_name_tok(&t, k)) {
					char *n = tok_name_dup(p, &t, k);
					if (n && !p->rc)
						mig__sq_adopt(p, mig_strv_push(cols, n));
					else
						mig__free(n);
				}
		}
	}
	mig__sq_toks_free(&t);
	return ok;
}

/* Whether a constraint involves column `col`: PK/UNIQUE/FK by their own
 * columns, CHECK and GENERATED by their expression. */
bool mig__sq_seg_involves(sq *p, const mig_part *g, const mig_mcolumn *owner, const char *col)
{
	if (owner && ieq(owner->name, col))
		return true;
	if (g->kind == MIG_PART_CHECK || g->kind == MIG_PART_GENERATED || g->kind == MIG_PART_DEFAULT)
		return mig__sq_sql_mentions(g->body, col);
	if (owner)
		return false;
	mig_strv cols = MIG_STRV_INIT;
	mig__sq_seg_columns(p, g, NULL, &cols);
	bool r = strv_has(&cols, col);
	mig_strv_free(&cols);
	return r;
}

/* ---- rendering ------------------------------------------------------- */

static void put_seg(mig_str *s, const mig_part *g)
{
	if (g->name) {
		mig_str_puts(s, "CONSTRAINT ");
		mig__sq_quote_ident(s, g->name);
		mig_str_putc(s, ' ');
	}
	mig_str_puts(s, g->body);
}

void mig__sq_put_column(mig_str *s, const mig_mcolumn *c)
{
	mig__sq_quote_ident(s, c->name);
	if (c->type && *c->type) {
		mig_str_putc(s, ' ');
		mig_str_puts(s, c->type);
	}
	for (size_t k = 0; k < c->parts.n; k++) {
		mig_str_putc(s, ' ');
		put_seg(s, &c->parts.v[k]);
	}
}

/* CREATE TABLE text in node-pg-migrate's layout: one item per line. */
void mig__sq_put_create(mig_str *s, const mig_mtable *m, const char *name, const char *lead)
{
	mig_str_puts(s, lead);
	mig__sq_quote_ident(s, name);
	mig_str_puts(s, " (\n");
	for (size_t i = 0; i < m->ncols; i++) {
		mig_str_puts(s, "  ");
		mig__sq_put_column(s, &m->cols[i]);
		if (i + 1 < m->ncols || m->parts.n)
			mig_str_putc(s, ',');
		mig_str_putc(s, '\n');
	}
	for (size_t i = 0; i < m->parts.n; i++) {
		mig_str_puts(s, "  ");
		put_seg(s, &m->parts.v[i]);
		if (i + 1 < m->parts.n)
			mig_str_putc(s, ',');
		mig_str_putc(s, '\n');
	}
	mig_str_putc(s, ')');
	if (m->options && *m->options) {
		mig_str_putc(s, ' ');
		mig_str_puts(s, m->options);
	}
	mig_str_putc(s, ';');
}

/* One column definition ("name type constraints...") appended to m. */
bool mig__sq_parse_column(sq *p, const char *def, mig_mtable *m)
{
	stoks t;
	int rc = mig__sq_lex(def, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return false;
	}
	size_t end = t.n - 1; /* the TK_END token */
	/* one element, as it would stand in a column list: balanced, no ','
	 * of its own (ADD a INT, b INT and ADD a) are SQL SQLite refuses, and
	 * a rebuild would render them into another table) */
	bool ok = end > 0 && !t.unterminated;
	int depth = 0;
	for (size_t k = 0; ok && k < end; k++) {
		if (punct(&t, k, '('))
			depth++;
		else if (punct(&t, k, ')'))
			ok = --depth >= 0;
		else if (punct(&t, k, ','))
			ok = depth > 0;
	}
	ok = ok && depth == 0 && parse_element(p, &t, 0, end, m);
	mig__sq_toks_free(&t);
	return ok;
}

/* ---- structure -------------------------------------------------------- */

/* ON DELETE / ON UPDATE actions of a foreign-key clause. */
static void fk_actions(sq *p, mig_part *g)
{
	stoks t;
	int rc = mig__sq_lex(g->body, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return;
	}
	for (size_t i = 0; tk(&t, i)->type != TK_END && !p->rc; i++) {
		if (!kw(&t, i, "ON") || !(kw(&t, i + 1, "DELETE") || kw(&t, i + 1, "UPDATE")))
			continue;
		bool del = kw(&t, i + 1, "DELETE");
		size_t a = i + 2, b = a + 1;
		if (kw(&t, a, "SET") || kw(&t, a, "NO"))
			b = a + 2;
		mig_str s = MIG_STR_INIT;
		for (size_t k = a; k < b; k++) {
			if (k > a)
				mig_str_putc(&s, ' ');
			const stok *x = tk(&t, k);
			for (size_t c = 0; c < x->len; c++)
				mig_str_putc(&s, (char)toupper((unsigned char)t.src[x->off + c]));
		}
		char **slot = del ? &g->on_delete : &g->on_update;
		mig__free(*slot);
		*slot = mig__sq_detach_or_fail(p, &s);
		i = b - 1;
	}
	mig__sq_toks_free(&t);
}

static void settle_part(sq *p, mig_part *g, const mig_mcolumn *owner)
{
	if (!owner && (g->kind == MIG_PART_PRIMARY || g->kind == MIG_PART_UNIQUE || g->kind == MIG_PART_FOREIGN))
		mig__sq_seg_columns(p, g, NULL, &g->columns);
	if (g->kind != MIG_PART_FOREIGN)
		return;
	mig_str table = MIG_STR_INIT;
	if (mig__sq_seg_fk_target(p, g, &table, &g->ref_columns))
		g->ref_table = mig__sq_detach_or_fail(p, &table);
	mig_str_free(&table);
	fk_actions(p, g);
}

void mig__sq_model_settle(sq *p, mig_mtable *m)
{
	for (size_t i = 0; i < m->ncols && !p->rc; i++) {
		mig_mcolumn *c = &m->cols[i];
		for (size_t k = 0; k < c->parts.n; k++)
			settle_part(p, &c->parts.v[k], c);
		mig__free(c->src);
		c->src = NULL;
		if (mig_parts_find(&c->parts, MIG_PART_GENERATED))
			continue; /* computed: never inserted into */
		mig_str s = MIG_STR_INIT;
		mig__sq_quote_ident(&s, c->name);
		c->src = mig__sq_detach_or_fail(p, &s);
	}
	for (size_t k = 0; k < m->parts.n && !p->rc; k++)
		settle_part(p, &m->parts.v[k], NULL);
}

/* An index's uniqueness, columns ("(expr)" for an expression) and WHERE. */
static void index_structure(sq *p, mig_mobject *o)
{
	stoks t;
	int rc = mig__sq_lex(o->sql, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return;
	}
	o->unique = kw(&t, 1, "UNIQUE");
	size_t i = 0;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, "ON"))
		i++;
	i += 2; /* ON table */
	if (punct(&t, i, '.'))
		i += 2;
	if (punct(&t, i, '(')) {
		size_t e = mig__sq_group_end(&t, i) - 1;
		size_t a = i + 1;
		for (size_t k = a; k <= e && !p->rc; k++) {
			if (k < e && punct(&t, k, '(')) {
				k = mig__sq_group_end(&t, k) - 1;
				continue;
			}
			if (k != e && !punct(&t, k, ','))
				continue;
			/* a name, maybe with COLLATE x / ASC / DESC after it */
			bool name = is_name_tok(&t, a) && (a + 1 == k || kw(&t, a + 1, "COLLATE") || kw(&t, a + 1, "ASC") ||
							   kw(&t, a + 1, "DESC"));
			if (name) {
				char *n = NULL;
				mig_str s = MIG_STR_INIT;
				mig__sq_tok_name(&s, &t, a);
				n = mig__sq_detach_or_fail(p, &s);
				if (n)
					mig__sq_adopt(p, mig_strv_push(&o->columns, n));
			} else {
				mig__sq_strv_add(p, &o->columns, "(expr)");
			}
			a = k + 1;
		}
		o->partial = kw(&t, e + 1, "WHERE");
	}
	mig__sq_toks_free(&t);
}

void mig__sq_model_add_object(sq *p, mig_mtable *m, const char *type, const char *name, const char *sql)
{
	if (p->rc)
		return;
	char *text = NULL;
	if (sql && !(text = mig_strdup(sql))) {
		mig__sq_adopt(p, MIG_ENOMEM);
		return;
	}
	mig_mobject *o = mig_mtable_add_obj(m, mig_strdup(type), mig_strdup(name), text);
	if (!o) {
		mig__sq_adopt(p, MIG_ENOMEM);
		return;
	}
	o->keep = sql != NULL;
	if (sql && strcmp(type, "index") == 0)
		index_structure(p, o);
}
