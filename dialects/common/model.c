/*
 * The shared table model (model.h): its containers, copies, lookups, and
 * the normalised dump that compares two models of one schema.
 */
#include "dialects/common/model.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool mig_model_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (lower_ascii((unsigned char)*a) != lower_ascii((unsigned char)*b))
			return false;
	return *a == *b;
}

/* Grow an array of n elements of `size` to hold one more. */
static int reserve(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 4;
	void *grown = mig__reallocarray(*v, ncap, size);
	if (!grown)
		return mig_error_oom();
	*v = grown;
	*cap = ncap;
	return 0;
}

static char *dup(const char *s, int *rc)
{
	if (!s)
		return NULL;
	char *d = mig_strdup(s);
	if (!d)
		*rc = MIG_ENOMEM;
	return d;
}

/* ---- parts ------------------------------------------------------------ */

static void part_dispose(mig_part *g)
{
	mig__free(g->name);
	mig__free(g->body);
	mig_strv_free(&g->columns);
	mig__free(g->ref_table);
	mig_strv_free(&g->ref_columns);
	mig__free(g->on_delete);
	mig__free(g->on_update);
	memset(g, 0, sizeof(*g));
}

int mig_parts_push(mig_parts *v, enum mig_part_kind kind, char *name, char *body)
{
	if (!body || reserve((void **)&v->v, v->n, &v->cap, sizeof(*v->v))) {
		mig__free(name);
		mig__free(body);
		return mig_error_oom();
	}
	mig_part *g = &v->v[v->n++];
	memset(g, 0, sizeof(*g));
	g->kind = kind;
	g->name = name;
	g->body = body;
	return 0;
}

int mig_parts_pushdup(mig_parts *v, enum mig_part_kind kind, const char *name, const char *body)
{
	int rc = 0;
	char *n = dup(name, &rc);
	if (rc) {
		mig__free(n);
		return mig_error_oom();
	}
	return mig_parts_push(v, kind, n, mig_strdup(body));
}

void mig_parts_remove(mig_parts *v, size_t i)
{
	part_dispose(&v->v[i]);
	memmove(&v->v[i], &v->v[i + 1], (v->n - i - 1) * sizeof(*v->v));
	v->n--;
}

const mig_part *mig_parts_find(const mig_parts *v, enum mig_part_kind kind)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].kind == kind)
			return &v->v[i];
	return NULL;
}

void mig_parts_drop_kind(mig_parts *v, enum mig_part_kind kind)
{
	for (size_t i = v->n; i-- > 0;)
		if (v->v[i].kind == kind)
			mig_parts_remove(v, i);
}

void mig_parts_dispose(mig_parts *v)
{
	for (size_t i = 0; i < v->n; i++)
		part_dispose(&v->v[i]);
	mig__free(v->v);
	memset(v, 0, sizeof(*v));
}

static int strv_copy(mig_strv *to, const mig_strv *from)
{
	for (size_t i = 0; i < from->n; i++)
		if (mig_strv_pushdup(to, from->v[i]))
			return MIG_ENOMEM;
	return 0;
}

int mig_parts_copy(mig_parts *to, const mig_parts *from)
{
	for (size_t i = 0; i < from->n; i++) {
		const mig_part *g = &from->v[i];
		if (mig_parts_pushdup(to, g->kind, g->name, g->body))
			return MIG_ENOMEM;
		mig_part *c = &to->v[to->n - 1];
		int rc = 0;
		c->ref_table = dup(g->ref_table, &rc);
		c->on_delete = dup(g->on_delete, &rc);
		c->on_update = dup(g->on_update, &rc);
		if (rc || strv_copy(&c->columns, &g->columns) || strv_copy(&c->ref_columns, &g->ref_columns))
			return mig_error_oom();
	}
	return 0;
}

/* ---- tables ------------------------------------------------------------ */

static void column_dispose(mig_mcolumn *c)
{
	mig__free(c->name);
	mig__free(c->type);
	mig__free(c->comment);
	mig__free(c->src);
	mig_parts_dispose(&c->parts);
}

static void object_dispose(mig_mobject *o)
{
	mig__free(o->type);
	mig__free(o->name);
	mig__free(o->sql);
	mig_strv_free(&o->columns);
}

mig_mtable *mig_mtable_new(const char *name)
{
	mig_mtable *t = mig__calloc(1, sizeof(*t));
	if (!t || !(t->name = mig_strdup(name))) {
		mig__free(t);
		mig_error_oom();
		return NULL;
	}
	return t;
}

void mig_mtable_free(mig_mtable *t)
{
	if (!t)
		return;
	mig_mtable_dispose(t);
	mig__free(t);
}

void mig_mtable_dispose(mig_mtable *t)
{
	mig__free(t->name);
	for (size_t i = 0; i < t->ncols; i++)
		column_dispose(&t->cols[i]);
	mig__free(t->cols);
	mig_parts_dispose(&t->parts);
	mig__free(t->options);
	mig__free(t->opaque);
	for (size_t i = 0; i < t->nobjs; i++)
		object_dispose(&t->objs[i]);
	mig__free(t->objs);
	memset(t, 0, sizeof(*t));
}

mig_mcolumn *mig_mtable_add_col(mig_mtable *t, char *name, char *type)
{
	if (!name || !type || reserve((void **)&t->cols, t->ncols, &t->capcols, sizeof(*t->cols))) {
		mig__free(name);
		mig__free(type);
		mig_error_oom();
		return NULL;
	}
	mig_mcolumn *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->type = type;
	return c;
}

mig_mcolumn *mig_mtable_col(const mig_mtable *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (mig_model_ieq(t->cols[i].name, name))
			return &t->cols[i];
	return NULL;
}

void mig_mtable_remove_col(mig_mtable *t, mig_mcolumn *c)
{
	size_t i = (size_t)(c - t->cols);
	column_dispose(c);
	memmove(&t->cols[i], &t->cols[i + 1], (t->ncols - i - 1) * sizeof(*t->cols));
	t->ncols--;
}

mig_mobject *mig_mtable_add_obj(mig_mtable *t, char *type, char *name, char *sql)
{
	if (!type || !name || reserve((void **)&t->objs, t->nobjs, &t->capobjs, sizeof(*t->objs))) {
		mig__free(type);
		mig__free(name);
		mig__free(sql);
		mig_error_oom();
		return NULL;
	}
	mig_mobject *o = &t->objs[t->nobjs++];
	memset(o, 0, sizeof(*o));
	o->type = type;
	o->name = name;
	o->sql = sql;
	o->keep = true;
	return o;
}

mig_mobject *mig_mtable_obj(const mig_mtable *t, const char *type, const char *name)
{
	for (size_t i = 0; i < t->nobjs; i++)
		if ((!type || strcmp(t->objs[i].type, type) == 0) && mig_model_ieq(t->objs[i].name, name))
			return &t->objs[i];
	return NULL;
}

void mig_mtable_remove_obj(mig_mtable *t, mig_mobject *o)
{
	size_t i = (size_t)(o - t->objs);
	object_dispose(o);
	memmove(&t->objs[i], &t->objs[i + 1], (t->nobjs - i - 1) * sizeof(*t->objs));
	t->nobjs--;
}

mig_mtable *mig_mtable_clone(const mig_mtable *t)
{
	mig_mtable *c = mig_mtable_new(t->name);
	if (!c)
		return NULL;
	int rc = 0;
	c->options = dup(t->options, &rc);
	c->opaque = dup(t->opaque, &rc);
	for (size_t i = 0; rc == 0 && i < t->ncols; i++) {
		const mig_mcolumn *x = &t->cols[i];
		mig_mcolumn *y = mig_mtable_add_col(c, mig_strdup(x->name), mig_strdup(x->type));
		if (!y) {
			rc = MIG_ENOMEM;
			break;
		}
		y->comment = dup(x->comment, &rc);
		y->src = dup(x->src, &rc);
		if (rc == 0)
			rc = mig_parts_copy(&y->parts, &x->parts);
	}
	if (rc == 0)
		rc = mig_parts_copy(&c->parts, &t->parts);
	for (size_t i = 0; rc == 0 && i < t->nobjs; i++) {
		const mig_mobject *x = &t->objs[i];
		mig_mobject *y = mig_mtable_add_obj(c, mig_strdup(x->type), mig_strdup(x->name), NULL);
		if (!y) {
			rc = MIG_ENOMEM;
			break;
		}
		y->sql = dup(x->sql, &rc);
		y->unique = x->unique;
		y->partial = x->partial;
		y->keep = x->keep;
		if (rc == 0)
			rc = strv_copy(&y->columns, &x->columns);
	}
	if (rc) {
		mig_mtable_free(c);
		mig_error_oom();
		return NULL;
	}
	return c;
}

/* ---- the model --------------------------------------------------------- */

mig_mtable *mig_model_table(const mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->ntables; i++)
		if (mig_model_ieq(m->tables[i]->name, name))
			return m->tables[i];
	return NULL;
}

int mig_model_put_table(mig_model *m, mig_mtable *t)
{
	if (!t)
		return mig_error_oom();
	for (size_t i = 0; i < m->ntables; i++) {
		if (mig_model_ieq(m->tables[i]->name, t->name)) {
			if (m->tables[i] != t)
				mig_mtable_free(m->tables[i]);
			m->tables[i] = t;
			return 0;
		}
	}
	if (reserve((void **)&m->tables, m->ntables, &m->captables, sizeof(*m->tables))) {
		mig_mtable_free(t);
		return MIG_ENOMEM;
	}
	m->tables[m->ntables++] = t;
	return 0;
}

void mig_model_drop_table(mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->ntables; i++) {
		if (mig_model_ieq(m->tables[i]->name, name)) {
			mig_mtable_free(m->tables[i]);
			memmove(&m->tables[i], &m->tables[i + 1], (m->ntables - i - 1) * sizeof(*m->tables));
			m->ntables--;
			return;
		}
	}
}

mig_mtable *mig_model_table_of(const mig_model *m, const char *type, const char *name, mig_mobject **obj)
{
	for (size_t i = 0; i < m->ntables; i++) {
		mig_mobject *o = mig_mtable_obj(m->tables[i], type, name);
		if (o) {
			if (obj)
				*obj = o;
			return m->tables[i];
		}
	}
	return NULL;
}

const mig_mview *mig_model_view(const mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->nviews; i++)
		if (mig_model_ieq(m->views[i].name, name))
			return &m->views[i];
	return NULL;
}

int mig_model_put_view(mig_model *m, const char *name, const char *sql)
{
	mig_model_drop_view(m, name);
	if (reserve((void **)&m->views, m->nviews, &m->capviews, sizeof(*m->views)))
		return MIG_ENOMEM;
	mig_mview *v = &m->views[m->nviews];
	v->name = mig_strdup(name);
	v->sql = mig_strdup(sql);
	if (!v->name || !v->sql) {
		mig__free(v->name);
		mig__free(v->sql);
		return mig_error_oom();
	}
	m->nviews++;
	return 0;
}

void mig_model_drop_view(mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->nviews; i++) {
		if (mig_model_ieq(m->views[i].name, name)) {
			mig__free(m->views[i].name);
			mig__free(m->views[i].sql);
			memmove(&m->views[i], &m->views[i + 1], (m->nviews - i - 1) * sizeof(*m->views));
			m->nviews--;
			return;
		}
	}
}

const mig_menum *mig_model_enum(const mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->nenums; i++)
		if (strcmp(m->enums[i].name, name) == 0)
			return &m->enums[i];
	return NULL;
}

int mig_model_put_enum(mig_model *m, const char *name, const mig_strv *values)
{
	mig_menum *e = (mig_menum *)mig_model_enum(m, name);
	if (!e) {
		if (reserve((void **)&m->enums, m->nenums, &m->capenums, sizeof(*m->enums)))
			return MIG_ENOMEM;
		e = &m->enums[m->nenums];
		memset(e, 0, sizeof(*e));
		if (!(e->name = mig_strdup(name)))
			return mig_error_oom();
		m->nenums++;
	}
	mig_strv fresh = MIG_STRV_INIT;
	if (strv_copy(&fresh, values)) {
		mig_strv_free(&fresh);
		return mig_error_oom();
	}
	mig_strv_free(&e->values);
	e->values = fresh;
	return 0;
}

void mig_model_drop_enum(mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->nenums; i++) {
		if (strcmp(m->enums[i].name, name) == 0) {
			mig__free(m->enums[i].name);
			mig_strv_free(&m->enums[i].values);
			memmove(&m->enums[i], &m->enums[i + 1], (m->nenums - i - 1) * sizeof(*m->enums));
			m->nenums--;
			return;
		}
	}
}

void mig_model_dispose(mig_model *m)
{
	for (size_t i = 0; i < m->ntables; i++)
		mig_mtable_free(m->tables[i]);
	mig__free(m->tables);
	for (size_t i = 0; i < m->nviews; i++) {
		mig__free(m->views[i].name);
		mig__free(m->views[i].sql);
	}
	mig__free(m->views);
	for (size_t i = 0; i < m->nenums; i++) {
		mig__free(m->enums[i].name);
		mig_strv_free(&m->enums[i].values);
	}
	mig__free(m->enums);
	memset(m, 0, sizeof(*m));
}

/* ---- the dump -------------------------------------------------------------
 *
 * The portable form is tests/tools/schema_dump.py's (without row counts):
 * per table, the columns with a type class (int, real, numeric, text,
 * blob: what SQLite's affinity can tell apart, PostgreSQL's names folded
 * onto the same classes), nullability and a default class (none, auto,
 * now, uuid or the literal); the primary key; the other indexes; the
 * foreign keys with their actions; the UNIQUE constraints (which
 * schema_dump.py shows as the indexes behind them); the names of CHECK and FOREIGN KEY
 * constraints (SQLite's "type:" checks excluded); then enums and views.
 * The detailed form adds every type, part and definition as spelt.
 */

static bool starts_ci(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (lower_ascii((unsigned char)*s) != *prefix)
			return false;
	return true;
}

static bool contains_ci(const char *s, const char *needle)
{
	for (; *s; s++)
		if (starts_ci(s, needle))
			return true;
	return false;
}

static const char *type_class(const char *t)
{
	static const char *const ints[] = {"smallint", "integer", "bigint", "boolean"};
	static const char *const reals[] = {"real", "double precision"};
	for (size_t i = 0; i < 4; i++)
		if (strcmp(t, ints[i]) == 0)
			return "int";
	for (size_t i = 0; i < 2; i++)
		if (strcmp(t, reals[i]) == 0)
			return "real";
	if (starts_ci(t, "numeric"))
		return "numeric";
	if (strcmp(t, "bytea") == 0)
		return "blob";
	/* MySQL/MariaDB as information_schema spells them: int(11), tinyint(1)
	 * (BOOLEAN), decimal(10,2), double, longblob... */
	static const char *const my_ints[] = {"tinyint", "smallint", "mediumint", "int", "bigint"};
	static const char *const my_blobs[] = {"tinyblob", "blob", "mediumblob", "longblob", "binary", "varbinary"};
	size_t base = strcspn(t, "( ");
	for (size_t i = 0; i < sizeof(my_ints) / sizeof(my_ints[0]); i++)
		if (base == strlen(my_ints[i]) && strncmp(t, my_ints[i], base) == 0)
			return "int";
	if ((base == 5 && strncmp(t, "float", 5) == 0) || (base == 6 && strncmp(t, "double", 6) == 0))
		return "real";
	if (base == 7 && strncmp(t, "decimal", 7) == 0)
		return "numeric";
	for (size_t i = 0; i < sizeof(my_blobs) / sizeof(my_blobs[0]); i++)
		if (base == strlen(my_blobs[i]) && strncmp(t, my_blobs[i], base) == 0)
			return "blob";
	/* SQLite's affinity rules, in their order, for upper-case declared
	 * types; any other lower-case name is one of PostgreSQL's text-like
	 * types (varchar, timestamp, uuid, json, enums...) */
	bool lower = true;
	for (const char *c = t; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			lower = false;
	if (lower && *t)
		return "text";
	if (contains_ci(t, "int"))
		return "int";
	if (contains_ci(t, "char") || contains_ci(t, "clob") || contains_ci(t, "text"))
		return "text";
	if (contains_ci(t, "blob") || !*t)
		return "blob";
	if (contains_ci(t, "real") || contains_ci(t, "floa") || contains_ci(t, "doub"))
		return "real";
	return "numeric";
}

/* The default's class, from its part's body ("DEFAULT x"). */
static void default_class(mig_str *out, const char *body)
{
	if (!body) {
		mig_str_puts(out, "none");
		return;
	}
	const char *e = body;
	if (starts_ci(e, "default"))
		e += 7;
	while (*e == ' ')
		e++;
	size_t n = strlen(e);
	while (n && e[n - 1] == ' ')
		n--;
	while (n >= 2 && e[0] == '(' && e[n - 1] == ')') {
		e++;
		n -= 2;
		while (n && *e == ' ') {
			e++;
			n--;
		}
		while (n && e[n - 1] == ' ')
			n--;
	}
	mig_str low = MIG_STR_INIT;
	for (size_t i = 0; i < n; i++)
		mig_str_putc(&low, (char)lower_ascii((unsigned char)e[i]));
	const char *l = mig_str_cstr(&low);
	static const char *const now[] = {"now()", "current_timestamp", "current_date", "current_time",
					  "localtimestamp", "transaction_timestamp()"};
	bool is_now = false;
	for (size_t i = 0; i < sizeof(now) / sizeof(now[0]); i++)
		is_now = is_now || strcmp(l, now[i]) == 0;
	/* MySQL's current_timestamp(6), current_timestamp() */
	is_now = is_now || (strncmp(l, "current_timestamp(", 18) == 0 && l[strlen(l) - 1] == ')');
	if (starts_ci(l, "nextval(")) {
		mig_str_puts(out, "auto");
	} else if (is_now) {
		mig_str_puts(out, "now");
	} else if (strstr(l, "gen_random_uuid") || strstr(l, "uuid_generate_v4") || strstr(l, "randomblob") ||
		   strcmp(l, "uuid()") == 0) {
		mig_str_puts(out, "uuid");
	} else if (n >= 2 && e[0] == '\'') {
		/* 'text' or 'text'::type */
		mig_str_puts(out, "literal:");
		size_t i = 1;
		for (; i < n; i++) {
			if (e[i] == '\'' && i + 1 < n && e[i + 1] == '\'') {
				mig_str_putc(out, '\'');
				i++;
			} else if (e[i] == '\'') {
				break;
			} else {
				mig_str_putc(out, e[i]);
			}
		}
	} else if (strcmp(l, "null") == 0) {
		mig_str_puts(out, "none");
	} else {
		/* x::type -> x */
		const char *cast = strstr(e, "::");
		size_t k = cast && (size_t)(cast - e) < n ? (size_t)(cast - e) : n;
		mig_str_puts(out, "literal:");
		for (size_t i = 0; i < k; i++)
			mig_str_putc(out, strcmp(l, "true") == 0 || strcmp(l, "false") == 0 ? (char)lower_ascii((unsigned char)e[i])
											  : e[i]);
	}
	mig_str_free(&low);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort(mig_strv *v)
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof(*v->v), cmp_str);
}

static void joined(mig_str *out, const mig_strv *v, const char *sep)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			mig_str_puts(out, sep);
		mig_str_puts(out, v->v[i]);
	}
}

/* The primary-key columns of a table. */
static void pk_columns(const mig_mtable *t, mig_strv *out)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (mig_parts_find(&t->cols[i].parts, MIG_PART_PRIMARY))
			mig_strv_pushdup(out, t->cols[i].name);
	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.v[i].kind == MIG_PART_PRIMARY)
			for (size_t k = 0; k < t->parts.v[i].columns.n; k++)
				mig_strv_pushdup(out, t->parts.v[i].columns.v[k]);
}

static void fk_line(mig_str *out, const mig_model *m, const mig_part *g, const char *owner)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(out, "fk (");
	if (owner)
		mig_str_puts(out, owner);
	else
		joined(out, &g->columns, ", ");
	mig_str_printf(out, ") -> %s(", g->ref_table ? g->ref_table : "?");
	if (g->ref_columns.n) {
		joined(out, &g->ref_columns, ", ");
	} else {
		const mig_mtable *parent = g->ref_table ? mig_model_table(m, g->ref_table) : NULL;
		mig_strv pk = MIG_STRV_INIT;
		if (parent)
			pk_columns(parent, &pk);
		joined(out, &pk, ", ");
		mig_strv_free(&pk);
	}
	mig_str_printf(out, ") delete=%s update=%s", g->on_delete ? g->on_delete : "NO ACTION",
		       g->on_update ? g->on_update : "NO ACTION");
	mig_str_free(&s);
}

static void dump_parts(mig_str *out, const mig_parts *v, const char *indent)
{
	for (size_t i = 0; i < v->n; i++)
		mig_str_printf(out, "%s%s%s%s\n", indent, v->v[i].name ? v->v[i].name : "", v->v[i].name ? ": " : "",
			       v->v[i].body);
}

static void dump_table(mig_str *out, const mig_model *m, const mig_mtable *t, unsigned flags)
{
	mig_strv pk = MIG_STRV_INIT, idx = MIG_STRV_INIT, fks = MIG_STRV_INIT, checks = MIG_STRV_INIT,
		 fknames = MIG_STRV_INIT;
	pk_columns(t, &pk);
	mig_str_printf(out, "table %s\n", t->name);
	for (size_t i = 0; i < t->ncols; i++) {
		const mig_mcolumn *c = &t->cols[i];
		const mig_part *pkp = mig_parts_find(&c->parts, MIG_PART_PRIMARY);
		bool rowid = pkp && pk.n == 1 && mig_model_ieq(c->type, "INTEGER");
		bool autoinc = (rowid && contains_ci(pkp->body, "autoincrement")) || mig_parts_find(&c->parts, MIG_PART_IDENTITY);
		bool nn = mig_parts_find(&c->parts, MIG_PART_NOT_NULL) || rowid;
		const mig_part *d = mig_parts_find(&c->parts, MIG_PART_DEFAULT);
		mig_str_printf(out, "  column %s %s %s default=", c->name, type_class(c->type), nn ? "notnull" : "null");
		if (autoinc)
			mig_str_puts(out, "auto");
		else
			default_class(out, d ? d->body : NULL);
		mig_str_putc(out, '\n');
		if (flags & (MIG_DUMP_DETAIL | MIG_DUMP_TYPES))
			mig_str_printf(out, "    type %s\n", c->type);
		if (flags & MIG_DUMP_DETAIL)
			dump_parts(out, &c->parts, "    ");
		for (size_t k = 0; k < c->parts.n; k++) {
			const mig_part *g = &c->parts.v[k];
			mig_str line = MIG_STR_INIT;
			if (g->kind == MIG_PART_UNIQUE) {
				mig_str_printf(&line, "unique constraint %s (%s)", g->name ? g->name : "", c->name);
				mig_strv_push(&idx, mig_str_detach(&line));
			} else if (g->kind == MIG_PART_FOREIGN) {
				fk_line(&line, m, g, c->name);
				mig_strv_push(&fks, mig_str_detach(&line));
				if (g->name)
					mig_strv_pushdup(&fknames, g->name);
			} else if (g->kind == MIG_PART_CHECK && g->name && strncmp(g->name, "type:", 5) != 0) {
				mig_strv_pushdup(&checks, g->name);
			}
			mig_str_free(&line);
		}
	}
	mig_str_puts(out, "  primary key (");
	joined(out, &pk, ", ");
	mig_str_puts(out, ")\n");
	if (flags & MIG_DUMP_DETAIL) {
		dump_parts(out, &t->parts, "  ");
		if (t->options && *t->options)
			mig_str_printf(out, "  options %s\n", t->options);
	}
	for (size_t k = 0; k < t->parts.n; k++) {
		const mig_part *g = &t->parts.v[k];
		mig_str line = MIG_STR_INIT;
		if (g->kind == MIG_PART_UNIQUE) {
			mig_str_printf(&line, "unique constraint %s (", g->name ? g->name : "");
			joined(&line, &g->columns, ", ");
			mig_str_putc(&line, ')');
			mig_strv_push(&idx, mig_str_detach(&line));
		} else if (g->kind == MIG_PART_FOREIGN) {
			fk_line(&line, m, g, NULL);
			mig_strv_push(&fks, mig_str_detach(&line));
			if (g->name)
				mig_strv_pushdup(&fknames, g->name);
		} else if (g->kind == MIG_PART_CHECK && g->name && strncmp(g->name, "type:", 5) != 0) {
			mig_strv_pushdup(&checks, g->name);
		}
		mig_str_free(&line);
	}
	for (size_t k = 0; k < t->nobjs; k++) {
		const mig_mobject *o = &t->objs[k];
		/* an index a constraint made is that constraint's */
		if (strcmp(o->type, "index") != 0 || !o->sql)
			continue;
		mig_str line = MIG_STR_INIT;
		mig_str_printf(&line, "%s %s (", o->unique ? "unique" : "index", o->name);
		joined(&line, &o->columns, ", ");
		mig_str_printf(&line, ")%s", o->partial ? " partial" : "");
		mig_strv_push(&idx, mig_str_detach(&line));
		mig_str_free(&line);
	}
	sort(&idx);
	sort(&fks);
	sort(&checks);
	sort(&fknames);
	for (size_t k = 0; k < idx.n; k++)
		mig_str_printf(out, "  %s\n", idx.v[k]);
	for (size_t k = 0; k < fks.n; k++)
		mig_str_printf(out, "  %s\n", fks.v[k]);
	mig_str_puts(out, "  checks: ");
	joined(out, &checks, ", ");
	mig_str_puts(out, "\n  foreign key names: ");
	joined(out, &fknames, ", ");
	mig_str_putc(out, '\n');
	if (flags & MIG_DUMP_DETAIL)
		for (size_t k = 0; k < t->nobjs; k++)
			if (t->objs[k].sql)
				mig_str_printf(out, "  %s %s: %s\n", t->objs[k].type, t->objs[k].name, t->objs[k].sql);
	mig_strv_free(&pk);
	mig_strv_free(&idx);
	mig_strv_free(&fks);
	mig_strv_free(&checks);
	mig_strv_free(&fknames);
}

static int cmp_table(const void *a, const void *b)
{
	return strcmp((*(mig_mtable *const *)a)->name, (*(mig_mtable *const *)b)->name);
}

int mig_model_dump(const mig_model *m, unsigned flags, mig_str *out)
{
	mig_mtable **sorted = mig__reallocarray(NULL, m->ntables ? m->ntables : 1, sizeof(*sorted));
	if (!sorted)
		return mig_error_oom();
	if (m->ntables)
		memcpy(sorted, m->tables, m->ntables * sizeof(*sorted));
	qsort(sorted, m->ntables, sizeof(*sorted), cmp_table);
	for (size_t i = 0; i < m->ntables; i++)
		dump_table(out, m, sorted[i], flags);
	mig__free(sorted);
	mig_strv names = MIG_STRV_INIT;
	for (size_t i = 0; i < m->nenums; i++) {
		mig_str line = MIG_STR_INIT;
		mig_str_printf(&line, "enum %s: ", m->enums[i].name);
		joined(&line, &m->enums[i].values, ", ");
		mig_strv_push(&names, mig_str_detach(&line));
	}
	sort(&names);
	for (size_t i = 0; i < names.n; i++)
		mig_str_printf(out, "%s\n", names.v[i]);
	mig_strv_free(&names);
	for (size_t i = 0; i < m->nviews; i++) {
		mig_str line = MIG_STR_INIT;
		mig_str_printf(&line, "view %s", m->views[i].name);
		if (flags & MIG_DUMP_DETAIL)
			mig_str_printf(&line, ": %s", m->views[i].sql);
		mig_strv_push(&names, mig_str_detach(&line));
	}
	sort(&names);
	for (size_t i = 0; i < names.n; i++)
		mig_str_printf(out, "%s\n", names.v[i]);
	mig_strv_free(&names);
	return mig_str_failed(out) ? mig_error_oom() : 0;
}
