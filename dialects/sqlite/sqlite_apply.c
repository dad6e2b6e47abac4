/*
 * The in-memory model past one operation (offline `sql`, dry runs): the
 * statements the dialect emitted for it, and any user SQL, applied to the
 * model the way SQLite applies them to sqlite_master. The model then
 * holds what the reader (sqlite_catalog.c) would read back from a real
 * database: the same parser reads the same CREATE texts, objects keep
 * SQLite's stored text (IF NOT EXISTS removed, the keywords' spacing
 * normalised), and renames rewrite the references SQLite rewrites.
 *
 * What the model cannot follow (CREATE TABLE ... AS SELECT, virtual
 * tables, DDL it does not know) is said in a notice, and a table it
 * cannot restate is marked so: a later rebuild of it fails with a clear
 * message instead of guessing.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* One statement being applied. */
typedef struct ap {
	sq p;
	mig_model *m;
	stoks t;
	const char *sql; /* the statement (without its ';') */
	bool legacy_alter; /* PRAGMA legacy_alter_table = ON: RENAME TO rewrites nothing else */
} ap;

/* Whether `name` is the enum bookkeeping table (sqlite_enums.c). */
static bool is_enum_table(ap *a, const char *name)
{
	mig_str e = MIG_STR_INIT;
	mig__sq_enum_table(a->p.ctx->names, &e);
	bool is = !mig_str_failed(&e) && ieq(name, mig_str_cstr(&e));
	mig_str_free(&e);
	return is;
}

static bool names_enum_table(ap *a, size_t i);

static void say(ap *a, const char *what)
{
	mig_str first = MIG_STR_INIT;
	const char *from = a->sql + tk(&a->t, 0)->off; /* past any leading comment */
	size_t n = strcspn(from, "\n");
	mig_str_put(&first, from, n > 80 ? 80 : n);
	mig__sq_notice(&a->p, "%s: the offline model does not follow %s (%s%s)", a->p.op->name, what,
		       mig_str_cstr(&first), n > 80 ? "..." : "");
	mig_str_free(&first);
}

static char *name_at(ap *a, size_t i)
{
	mig_str s = MIG_STR_INIT;
	mig__sq_tok_name(&s, &a->t, i);
	return mig__sq_detach_or_fail(&a->p, &s);
}

/* i at a name that may be schema-qualified: the index of the name itself. */
static size_t qualified(const stoks *t, size_t i)
{
	return punct(t, i + 1, '.') ? i + 2 : i;
}

/* Whether the name at i lives outside the main database (temp, or an
 * attached one): the model is main's sqlite_master, so such a statement
 * leaves it alone (an attached one with a notice). */
static bool elsewhere(ap *a, size_t i)
{
	if (!punct(&a->t, i + 1, '.') || mig__sq_tok_is_name(&a->t, i, "main"))
		return false;
	if (!mig__sq_tok_is_name(&a->t, i, "temp"))
		say(a, "an object of an attached database");
	return true;
}

/* The stored text of CREATE <kw...> <name...>: SQLite keeps the statement
 * from the object's name on, after "CREATE" and the keywords that say
 * what it is, one space apart, IF NOT EXISTS dropped. */
static char *stored_text(ap *a, const char *kinds, size_t name_tok)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "CREATE %s ", kinds);
	mig_str_puts(&s, a->sql + tk(&a->t, name_tok)->off);
	return mig__sq_detach_or_fail(&a->p, &s);
}

/* ---- renames -------------------------------------------------------------- */

/* text with every identifier token naming `old` replaced as SQLite's
 * ALTER TABLE ... RENAME writes it: a quoted token (or any token when the
 * new name was quoted in the statement) becomes "new", a bare one new. */
static char *rewrite(sq *p, const char *text, const char *old, const char *nw, bool quote)
{
	stoks t;
	if (!text)
		return NULL;
	int rc = mig__sq_lex(text, &t);
	if (rc) {
		mig__sq_adopt(p, rc);
		return NULL;
	}
	mig_str s = MIG_STR_INIT;
	size_t at = 0;
	for (size_t i = 0; tk(&t, i)->type != TK_END; i++) {
		const stok *x = tk(&t, i);
		if ((x->type != TK_WORD && x->type != TK_QUOTED) || (x->type == TK_WORD && punct(&t, i + 1, '(')) ||
		    !mig__sq_tok_is_name(&t, i, old))
			continue;
		mig_str_put(&s, text + at, x->off - at);
		if (quote || x->type == TK_QUOTED)
			mig__sq_quote_ident(&s, nw);
		else
			mig_str_puts(&s, nw);
		at = x->off + x->len;
	}
	mig_str_puts(&s, text + at);
	mig__sq_toks_free(&t);
	return mig__sq_detach_or_fail(p, &s);
}

static void rewrite_in(sq *p, char **slot, const char *old, const char *nw, bool quote)
{
	if (!*slot || p->rc)
		return;
	char *r = rewrite(p, *slot, old, nw, quote);
	if (r) {
		mig__free(*slot);
		*slot = r;
	}
}

static void rewrite_parts(sq *p, mig_parts *v, const char *old, const char *nw, bool quote)
{
	for (size_t i = 0; i < v->n; i++)
		rewrite_in(p, &v->v[i].body, old, nw, quote);
}

/* The index columns and stored text of m's objects again, after a change. */
static void reread_objects(sq *p, mig_mtable *m)
{
	size_t n = m->nobjs;
	mig_mobject *old = m->objs;
	mig_model_names_changed(m->owner);
	m->objs = NULL;
	m->nobjs = m->capobjs = 0;
	for (size_t i = 0; i < n; i++) {
		if (!p->rc)
			mig__sq_model_add_object(p, m, old[i].type, old[i].name, old[i].sql);
		mig__free(old[i].type);
		mig__free(old[i].name);
		mig__free(old[i].sql);
		mig_strv_free(&old[i].columns);
	}
	mig__free(old);
}

/* Parse m's parts again (their structure follows their text). */
static void resettle(sq *p, mig_mtable *m)
{
	for (size_t i = 0; i < m->ncols; i++)
		for (size_t k = 0; k < m->cols[i].parts.n; k++) {
			mig_part *g = &m->cols[i].parts.v[k];
			mig_strv_free(&g->columns);
			mig_strv_free(&g->ref_columns);
			mig__free(g->ref_table);
			g->ref_table = NULL;
		}
	for (size_t k = 0; k < m->parts.n; k++) {
		mig_part *g = &m->parts.v[k];
		mig_strv_free(&g->columns);
		mig_strv_free(&g->ref_columns);
		mig__free(g->ref_table);
		g->ref_table = NULL;
	}
	mig__sq_model_settle(p, m);
}

static void rename_table(ap *a, mig_mtable *t, const char *to, bool quote)
{
	char *old = mig__sq_dup_or_fail(&a->p, t->name);
	char *nw = mig__sq_dup_or_fail(&a->p, to);
	if (!old || !nw) {
		mig__free(old);
		mig__free(nw);
		return;
	}
	mig__free(t->name);
	t->name = nw;
	mig_model_names_changed(a->m);
	for (size_t i = 0; i < t->nobjs; i++)
		rewrite_in(&a->p, &t->objs[i].sql, old, to, quote);
	if (!a->legacy_alter) {
		/* the references of other tables, views and triggers follow */
		for (size_t i = 0; i < a->m->ntables; i++) {
			mig_mtable *o = a->m->tables[i];
			for (size_t c = 0; c < o->ncols; c++)
				for (size_t k = 0; k < o->cols[c].parts.n; k++)
					if (o->cols[c].parts.v[k].kind == MIG_PART_FOREIGN)
						rewrite_in(&a->p, &o->cols[c].parts.v[k].body, old, to, quote);
			for (size_t k = 0; k < o->parts.n; k++)
				if (o->parts.v[k].kind == MIG_PART_FOREIGN)
					rewrite_in(&a->p, &o->parts.v[k].body, old, to, quote);
			if (o != t)
				for (size_t k = 0; k < o->nobjs; k++)
					if (strcmp(o->objs[k].type, "trigger") == 0)
						rewrite_in(&a->p, &o->objs[k].sql, old, to, quote);
			resettle(&a->p, o);
		}
		for (size_t i = 0; i < a->m->nviews; i++)
			rewrite_in(&a->p, &a->m->views[i].sql, old, to, quote);
	}
	reread_objects(&a->p, t);
	mig__free(old);
}

static void rename_column(ap *a, mig_mtable *t, const char *from, const char *to, bool quote)
{
	mig_mcolumn *c = mig_mtable_col(t, from);
	if (!c) {
		say(a, "a rename of a column it does not know");
		return;
	}
	char *old = mig__sq_dup_or_fail(&a->p, c->name);
	char *nw = mig__sq_dup_or_fail(&a->p, to);
	if (!old || !nw) {
		mig__free(old);
		mig__free(nw);
		return;
	}
	mig__free(c->name);
	c->name = nw;
	for (size_t i = 0; i < t->ncols; i++)
		rewrite_parts(&a->p, &t->cols[i].parts, old, to, quote);
	rewrite_parts(&a->p, &t->parts, old, to, quote);
	for (size_t i = 0; i < t->nobjs; i++)
		rewrite_in(&a->p, &t->objs[i].sql, old, to, quote);
	/* foreign keys of other tables naming this column, and views of this table */
	for (size_t i = 0; i < a->m->ntables; i++) {
		mig_mtable *o = a->m->tables[i];
		if (o == t)
			continue;
		bool touched = false;
		for (size_t cc = 0; cc < o->ncols; cc++)
			for (size_t k = 0; k < o->cols[cc].parts.n; k++) {
				mig_part *g = &o->cols[cc].parts.v[k];
				if (g->kind == MIG_PART_FOREIGN && g->ref_table && ieq(g->ref_table, t->name)) {
					rewrite_in(&a->p, &g->body, old, to, quote);
					touched = true;
				}
			}
		for (size_t k = 0; k < o->parts.n; k++) {
			mig_part *g = &o->parts.v[k];
			if (g->kind == MIG_PART_FOREIGN && g->ref_table && ieq(g->ref_table, t->name)) {
				rewrite_in(&a->p, &g->body, old, to, quote);
				touched = true;
			}
		}
		if (touched)
			resettle(&a->p, o);
	}
	for (size_t i = 0; i < a->m->nviews; i++)
		if (mig__sq_sql_mentions(a->m->views[i].sql, t->name))
			rewrite_in(&a->p, &a->m->views[i].sql, old, to, quote);
	resettle(&a->p, t);
	reread_objects(&a->p, t);
	mig__free(old);
}

/* ---- statements --------------------------------------------------------------- */

static void create_table(ap *a, size_t i, bool if_not_exists)
{
	const stoks *t = &a->t;
	size_t n = qualified(t, i);
	char *name = name_at(a, n);
	if (!name)
		return;
	/* the enum table is bookkeeping: the model holds the enums themselves */
	if (is_enum_table(a, name)) {
		mig__free(name);
		return;
	}
	if (mig_model_table(a->m, name)) {
		if (!if_not_exists)
			say(a, "a second CREATE TABLE of a table it has");
		mig__free(name);
		return;
	}
	mig_mtable *m = mig_mtable_new(name);
	mig__free(name);
	if (!m) {
		mig__sq_adopt(&a->p, MIG_ENOMEM);
		return;
	}
	if (!mig__sq_parse_create_table(&a->p, a->sql, m)) {
		if (!a->p.rc) {
			/* CREATE TABLE ... AS SELECT: the columns come from a query */
			mig_mtable *o = mig_mtable_new(m->name ? m->name : "?");
			mig_mtable_free(m);
			m = o;
			if (m)
				m->opaque = mig__sq_dup_or_fail(&a->p, "it was made by CREATE TABLE ... AS SELECT, which the offline model does not follow");
			say(a, "CREATE TABLE ... AS SELECT");
		}
	} else {
		mig__sq_model_settle(&a->p, m);
	}
	if (a->p.rc)
		mig_mtable_free(m);
	else
		mig__sq_adopt(&a->p, mig_model_put_table(a->m, m));
}

static void create_index(ap *a, size_t i, bool unique, bool if_not_exists)
{
	const stoks *t = &a->t;
	size_t n = qualified(t, i);
	char *name = name_at(a, n);
	size_t on = n + 1;
	char *table = kw(t, on, "ON") ? name_at(a, qualified(t, on + 1)) : NULL;
	mig_mtable *m = table ? mig_model_table(a->m, table) : NULL;
	if (!name || !m) {
		if (name && !a->p.rc)
			say(a, "an index on a table it does not know");
	} else if (mig_model_table_of(a->m, "index", name, NULL)) {
		if (!if_not_exists)
			say(a, "a second index of the same name");
	} else {
		char *text = stored_text(a, unique ? "UNIQUE INDEX" : "INDEX", n);
		if (text)
			mig__sq_model_add_object(&a->p, m, "index", name, text);
		mig__free(text);
	}
	mig__free(name);
	mig__free(table);
}

static void create_trigger(ap *a, size_t i)
{
	const stoks *t = &a->t;
	size_t n = qualified(t, i);
	char *name = name_at(a, n);
	size_t k = n + 1;
	while (tk(t, k)->type != TK_END && !kw(t, k, "ON"))
		k++;
	char *table = kw(t, k, "ON") ? name_at(a, qualified(t, k + 1)) : NULL;
	mig_mtable *m = table ? mig_model_table(a->m, table) : NULL;
	if (name && m) {
		char *text = stored_text(a, "TRIGGER", n);
		if (text)
			mig__sq_model_add_object(&a->p, m, "trigger", name, text);
		mig__free(text);
	} else if (name && !a->p.rc) {
		say(a, "a trigger on a table it does not know");
	}
	mig__free(name);
	mig__free(table);
}

static void create_view(ap *a, size_t i, bool if_not_exists)
{
	size_t n = qualified(&a->t, i);
	char *name = name_at(a, n);
	if (name && mig_model_view(a->m, name)) {
		if (!if_not_exists)
			say(a, "a second view of the same name");
	} else if (name) {
		char *text = stored_text(a, "VIEW", n);
		if (text)
			mig__sq_adopt(&a->p, mig_model_put_view(a->m, name, text));
		mig__free(text);
	}
	mig__free(name);
}

static void drop(ap *a, size_t i)
{
	const stoks *t = &a->t;
	const char *what = kw(t, i, "TABLE")	 ? "table"
			   : kw(t, i, "INDEX")	 ? "index"
			   : kw(t, i, "VIEW")	 ? "view"
			   : kw(t, i, "TRIGGER") ? "trigger"
						 : NULL;
	if (!what)
		return; /* not SQLite's (DROP SCHEMA, DROP TYPE, ...): the engine refuses it */
	size_t n = i + 1;
	if (kw(t, n, "IF") && kw(t, n + 1, "EXISTS"))
		n += 2;
	if (elsewhere(a, n))
		return;
	char *name = name_at(a, qualified(t, n));
	if (!name)
		return;
	if (strcmp(what, "table") == 0) {
		mig_model_drop_table(a->m, name);
	} else if (strcmp(what, "view") == 0) {
		mig_model_drop_view(a->m, name);
	} else {
		mig_mobject *o = NULL;
		mig_mtable *m = mig_model_table_of(a->m, what, name, &o);
		if (m)
			mig_mtable_remove_obj(m, o);
	}
	mig__free(name);
}

static void alter_table(ap *a)
{
	const stoks *t = &a->t;
	if (elsewhere(a, 2))
		return;
	size_t n = qualified(t, 2);
	char *table = name_at(a, n);
	mig_mtable *m = table ? mig_model_table(a->m, table) : NULL;
	size_t i = n + 1;
	if (!m) {
		if (table && !a->p.rc)
			say(a, "an ALTER TABLE of a table it does not know");
	} else if (kw(t, i, "RENAME") && kw(t, i + 1, "TO")) {
		char *to = name_at(a, i + 2);
		if (to)
			rename_table(a, m, to, tk(t, i + 2)->type == TK_QUOTED);
		mig__free(to);
	} else if (kw(t, i, "RENAME")) {
		size_t c = kw(t, i + 1, "COLUMN") ? i + 2 : i + 1;
		char *from = name_at(a, c), *to = kw(t, c + 1, "TO") ? name_at(a, c + 2) : NULL;
		if (from && to)
			rename_column(a, m, from, to, tk(t, c + 2)->type == TK_QUOTED);
		mig__free(from);
		mig__free(to);
	} else if (kw(t, i, "ADD")) {
		size_t c = kw(t, i + 1, "COLUMN") ? i + 2 : i + 1;
		if (!mig__sq_parse_column(&a->p, a->sql + tk(t, c)->off, m) && !a->p.rc)
			say(a, "an ADD COLUMN it cannot read");
		resettle(&a->p, m);
	} else if (kw(t, i, "DROP")) {
		size_t c = kw(t, i + 1, "COLUMN") ? i + 2 : i + 1;
		char *col = name_at(a, c);
		mig_mcolumn *x = col ? mig_mtable_col(m, col) : NULL;
		if (x)
			mig_mtable_remove_col(m, x);
		mig__free(col);
	} else {
		say(a, "this ALTER TABLE");
	}
	mig__free(table);
}

/* The string literal at token i, undoubled; NULL when it is not one. */
static char *string_at(ap *a, size_t i)
{
	if (tk(&a->t, i)->type != TK_STRING)
		return NULL;
	return name_at(a, i);
}

/* The enum statements of sqlite_enums.c: INSERT of (type, position,
 * value) rows, DELETE of a type, UPDATE of a type's name or a value. */
static void enum_table(ap *a)
{
	const stoks *t = &a->t;
	if (kw(t, 0, "INSERT")) {
		size_t i = 0;
		while (tk(t, i)->type != TK_END && !kw(t, i, "VALUES"))
			i++;
		for (i++; punct(t, i, '(') && !a->p.rc; i = mig__sq_group_end(t, i) + (punct(t, mig__sq_group_end(t, i), ',') ? 1 : 0)) {
			char *type = string_at(a, i + 1), *value = string_at(a, i + 5);
			if (type && value) {
				const mig_menum *e = mig_model_enum(a->m, type);
				mig_strv values = MIG_STRV_INIT;
				for (size_t k = 0; e && k < e->values.n; k++)
					mig__sq_strv_add(&a->p, &values, e->values.v[k]);
				mig__sq_strv_add(&a->p, &values, value);
				mig__sq_adopt(&a->p, mig_model_put_enum(a->m, type, &values));
				mig_strv_free(&values);
			}
			mig__free(type);
			mig__free(value);
		}
	} else if (kw(t, 0, "DELETE")) {
		size_t i = 0;
		while (tk(t, i)->type != TK_END && tk(t, i)->type != TK_STRING)
			i++;
		char *type = string_at(a, i);
		if (type)
			mig_model_drop_enum(a->m, type);
		mig__free(type);
	} else if (kw(t, 0, "UPDATE") && kw(t, 3, "type_name")) {
		char *to = string_at(a, 5), *from = string_at(a, 9);
		const mig_menum *e = from ? mig_model_enum(a->m, from) : NULL;
		if (e && to) {
			mig_strv values = MIG_STRV_INIT;
			for (size_t k = 0; k < e->values.n; k++)
				mig__sq_strv_add(&a->p, &values, e->values.v[k]);
			mig_model_drop_enum(a->m, from);
			mig__sq_adopt(&a->p, mig_model_put_enum(a->m, to, &values));
			mig_strv_free(&values);
		}
		mig__free(to);
		mig__free(from);
	} else if (kw(t, 0, "UPDATE") && kw(t, 3, "value")) {
		char *to = string_at(a, 5), *type = string_at(a, 9), *from = string_at(a, 13);
		const mig_menum *e = type ? mig_model_enum(a->m, type) : NULL;
		if (e && to && from) {
			mig_strv values = MIG_STRV_INIT;
			for (size_t k = 0; k < e->values.n; k++)
				mig__sq_strv_add(&a->p, &values, strcmp(e->values.v[k], from) == 0 ? to : e->values.v[k]);
			mig__sq_adopt(&a->p, mig_model_put_enum(a->m, type, &values));
			mig_strv_free(&values);
		}
		mig__free(to);
		mig__free(type);
		mig__free(from);
	} else {
		say(a, "this change of the enum table");
	}
}

static bool names_enum_table(ap *a, size_t i)
{
	mig_str e = MIG_STR_INIT;
	mig__sq_enum_table(a->p.ctx->names, &e);
	bool is = !mig_str_failed(&e) && mig__sq_tok_is_name(&a->t, qualified(&a->t, i), mig_str_cstr(&e));
	mig_str_free(&e);
	return is;
}

static void statement(ap *a)
{
	const stoks *t = &a->t;
	if (kw(t, 0, "CREATE")) {
		size_t i = 1;
		bool temp = kw(t, i, "TEMP") || kw(t, i, "TEMPORARY");
		if (temp)
			i++;
		bool unique = kw(t, i, "UNIQUE");
		if (unique)
			i++;
		bool table = kw(t, i, "TABLE"), index = kw(t, i, "INDEX"), trigger = kw(t, i, "TRIGGER"),
		     view = kw(t, i, "VIEW");
		i++;
		bool ine = kw(t, i, "IF") && kw(t, i + 1, "NOT") && kw(t, i + 2, "EXISTS");
		if (ine)
			i += 3;
		if (temp || ((table || index || trigger || view) && elsewhere(a, i)))
			return; /* temporary objects live outside the database's schema */
		if (table)
			create_table(a, i, ine);
		else if (index)
			create_index(a, i, unique, ine);
		else if (trigger)
			create_trigger(a, i);
		else if (view)
			create_view(a, i, ine);
		else if (kw(t, 1, "VIRTUAL") && kw(t, 2, "TABLE"))
			say(a, "a virtual table");
		/* any other CREATE (TYPE, FUNCTION, ...) is not SQLite: the
		 * engine refuses it when it runs, and it changes no schema */
	} else if (kw(t, 0, "DROP")) {
		drop(a, 1);
	} else if (kw(t, 0, "ALTER") && kw(t, 1, "TABLE")) {
		alter_table(a);
	} else if (kw(t, 0, "PRAGMA") && mig__sq_tok_is_name(t, 1, "legacy_alter_table")) {
		const stok *v = tk(t, 3);
		a->legacy_alter = kw(t, 3, "ON") || kw(t, 3, "TRUE") || kw(t, 3, "YES") ||
				  (v->type == TK_NUMBER && v->len == 1 && t->src[v->off] == '1');
	} else if ((kw(t, 0, "INSERT") && names_enum_table(a, 2)) || (kw(t, 0, "DELETE") && names_enum_table(a, 2)) ||
		   (kw(t, 0, "UPDATE") && names_enum_table(a, 1))) {
		enum_table(a);
	}
	/* anything else (data, PRAGMA, SAVEPOINT, ...) leaves the schema alone */
}

/* One statement of a step (text without its ';' as sqlite_master keeps it). */
static void apply_one(ap *a, const char *text, size_t n)
{
	char *one = mig_strndup(text, n);
	if (!one) {
		mig__sq_adopt(&a->p, MIG_ENOMEM);
		return;
	}
	size_t len = strlen(one);
	while (len && (one[len - 1] == ';' || one[len - 1] == ' ' || one[len - 1] == '\n' || one[len - 1] == '\t' ||
		       one[len - 1] == '\r'))
		one[--len] = '\0';
	a->sql = one + strspn(one, " \t\r\n");
	int rc = mig__sq_lex(a->sql, &a->t);
	if (rc) {
		mig__sq_adopt(&a->p, rc);
	} else {
		statement(a);
		mig__sq_toks_free(&a->t);
	}
	mig__free(one);
}

int mig__sq_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m)
{
	(void)def;
	ap a = {.p = {.ctx = ctx, .op = op}, .m = m};
	for (size_t s = 0; s < steps->n && !a.p.rc; s++) {
		const mig_step *st = &steps->v[s];
		if (st->undivided) {
			/* user SQL printed as written: the model still needs its
			 * statements one by one */
			size_t *start = NULL, *slen = NULL, n = 0;
			if (mig__sq_split(st->text, strlen(st->text), &start, &slen, &n) == 0) {
				for (size_t k = 0; k < n && !a.p.rc; k++)
					apply_one(&a, st->text + start[k], slen[k]);
				mig__free(start);
				mig__free(slen);
				continue;
			}
			mig_error_clear();
		}
		for (size_t k = 0; k < st->n && !a.p.rc; k++)
			apply_one(&a, st->text + st->start[k], st->len[k]);
	}
	return a.p.rc;
}
