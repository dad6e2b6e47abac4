/*
 * The shared table model (model.h): its containers, copies, lookups, and
 * the normalised dump that compares two models of one schema.
 */
#include "dialects/common/model.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/hash.h"

#include <assert.h>
#include <stdint.h>
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

/* Grow an array of n elements of `size` to hold one more. From one: most
 * columns have one to three parts and most tables one or two indexes, and
 * a model of thousands of tables held four of each (3 MB of parts for
 * 2,000 tables, docs/benchmarks.md, the fifth round). */
static int reserve(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 1;
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

/* ---- the name index ------------------------------------------------------
 *
 * A dialect asks the model for a table by name, and whether an index or
 * trigger of a name exists anywhere, once or more per operation; walking
 * every table each time made a long migration set cost O(N^2) in its
 * length (docs/benchmarks.md, the fifth round). The index answers both
 * from hashes of the names folded to lower case. Additions keep it up to
 * date (put_table, and add_obj through the table's owner); a drop, a
 * replacement or a rename marks it stale, and the next lookup rebuilds it.
 * The slots point at the tables' own name strings, which only those
 * marked changes free. Debug builds check every answer against the walk. */

typedef struct name_slot {
	uint64_t hash; /* 0: empty */
	mig_mtable *table; /* tables: compared by its own name */
	const char *type, *name; /* objects only: the object's own strings */
} name_slot;

typedef struct name_set {
	name_slot *v;
	size_t cap; /* a power of two (or 0), at least twice the entries */
} name_set;

struct mig_model_index {
	name_set tables, objs;
	/* At least as many entries as the sets can hold now: room is made
	 * when something is added, so that a rebuild never allocates (a
	 * lookup cannot report running out of memory). */
	size_t ntables, nobjs;
	bool stale; /* rebuild before use */
};

static uint64_t name_hash(const char *name)
{
	uint64_t h = MIG_FNV1A_INIT;
	for (; *name; name++)
		h = mig_fnv1a_byte(h, (unsigned char)lower_ascii((unsigned char)*name));
	return h ? h : 1;
}

static void set_place(name_set *s, name_slot x)
{
	size_t i = (size_t)x.hash & (s->cap - 1);
	while (s->v[i].hash)
		i = (i + 1) & (s->cap - 1);
	s->v[i] = x;
}

/* Room for `n` entries; the entries move along unless the index is stale. */
static int set_room(name_set *s, size_t n, bool keep)
{
	if (n * 2 <= s->cap)
		return 0;
	size_t cap = s->cap ? s->cap : 64;
	while (n * 2 > cap)
		cap *= 2;
	name_set grown = {mig__calloc(cap, sizeof(name_slot)), cap};
	if (!grown.v)
		return mig_error_oom();
	for (size_t i = 0; keep && i < s->cap; i++)
		if (s->v[i].hash)
			set_place(&grown, s->v[i]);
	mig__free(s->v);
	*s = grown;
	return 0;
}

/* Room for `tables` more tables and `objs` more objects. */
static int index_room(struct mig_model_index *x, size_t tables, size_t objs)
{
	if (set_room(&x->tables, x->ntables + tables, !x->stale) || set_room(&x->objs, x->nobjs + objs, !x->stale))
		return MIG_ENOMEM;
	x->ntables += tables;
	x->nobjs += objs;
	return 0;
}

static mig_mtable *set_table(const name_set *s, const char *name)
{
	if (!s->cap)
		return NULL;
	uint64_t h = name_hash(name);
	for (size_t i = (size_t)h & (s->cap - 1); s->v[i].hash; i = (i + 1) & (s->cap - 1))
		if (s->v[i].hash == h && mig_model_ieq(s->v[i].table->name, name))
			return s->v[i].table;
	return NULL;
}

/* How many objects carry the name (0, 1 or 2: "more than one"); *table
 * gets the table of the first found. */
static int set_count_obj(const name_set *s, const char *type, const char *name, mig_mtable **table)
{
	int n = 0;
	if (!s->cap)
		return 0;
	uint64_t h = name_hash(name);
	for (size_t i = (size_t)h & (s->cap - 1); s->v[i].hash && n < 2; i = (i + 1) & (s->cap - 1))
		if (s->v[i].hash == h && (!type || strcmp(s->v[i].type, type) == 0) && mig_model_ieq(s->v[i].name, name)) {
			if (!n)
				*table = s->v[i].table;
			n++;
		}
	return n;
}

static void place_obj(struct mig_model_index *x, mig_mtable *t, const mig_mobject *o)
{
	set_place(&x->objs, (name_slot){name_hash(o->name), t, o->type, o->name});
}

static void place_table(struct mig_model_index *x, mig_mtable *t)
{
	/* the first of two tables of one name answers, as the walk does */
	if (!set_table(&x->tables, t->name))
		set_place(&x->tables, (name_slot){name_hash(t->name), t, NULL, NULL});
	for (size_t k = 0; k < t->nobjs; k++)
		place_obj(x, t, &t->objs[k]);
}

/* The index, rebuilt if it must be; NULL: none (walk). */
static struct mig_model_index *index_of(const mig_model *m)
{
	struct mig_model_index *x = m->index;
	if (!x || !x->stale)
		return x;
	if (x->tables.cap)
		memset(x->tables.v, 0, x->tables.cap * sizeof(name_slot));
	if (x->objs.cap)
		memset(x->objs.v, 0, x->objs.cap * sizeof(name_slot));
	x->ntables = m->ntables;
	x->nobjs = 0;
	for (size_t i = 0; i < m->ntables; i++)
		x->nobjs += m->tables[i]->nobjs;
	/* the counts only went down since room was made */
	assert(x->ntables * 2 <= x->tables.cap || !x->ntables);
	assert(x->nobjs * 2 <= x->objs.cap || !x->nobjs);
	x->stale = false;
	for (size_t i = 0; i < m->ntables; i++)
		place_table(x, m->tables[i]);
	return x;
}

static void index_stale(mig_model *m)
{
	if (m && m->index)
		m->index->stale = true;
}

void mig_model_names_changed(mig_model *m)
{
	index_stale(m);
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
	struct mig_model_index *x = t->owner ? t->owner->index : NULL;
	if (!type || !name || (x && index_room(x, 0, 1)) ||
	    reserve((void **)&t->objs, t->nobjs, &t->capobjs, sizeof(*t->objs))) {
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
	if (x && !x->stale)
		place_obj(x, t, o);
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
	index_stale(t->owner);
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

static mig_mtable *walk_table(const mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->ntables; i++)
		if (mig_model_ieq(m->tables[i]->name, name))
			return m->tables[i];
	return NULL;
}

mig_mtable *mig_model_table(const mig_model *m, const char *name)
{
	const struct mig_model_index *x = index_of(m);
	if (!x)
		return walk_table(m, name);
	mig_mtable *t = set_table(&x->tables, name);
	assert(t == walk_table(m, name));
	return t;
}

int mig_model_put_table(mig_model *m, mig_mtable *t)
{
	if (!t)
		return mig_error_oom();
	if (!m->index && !(m->index = mig__calloc(1, sizeof(*m->index)))) {
		mig_mtable_free(t);
		return mig_error_oom();
	}
	if (index_room(m->index, 1, t->nobjs)) {
		mig_mtable_free(t);
		return MIG_ENOMEM;
	}
	t->owner = m;
	mig_mtable *old = mig_model_table(m, t->name);
	if (old) {
		for (size_t i = 0; i < m->ntables; i++)
			if (m->tables[i] == old)
				m->tables[i] = t;
		if (old != t) {
			index_stale(m);
			mig_mtable_free(old);
		}
		return 0;
	}
	if (reserve((void **)&m->tables, m->ntables, &m->captables, sizeof(*m->tables))) {
		mig_mtable_free(t);
		return MIG_ENOMEM;
	}
	m->tables[m->ntables++] = t;
	if (!m->index->stale)
		place_table(m->index, t);
	return 0;
}

void mig_model_drop_table(mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->ntables; i++) {
		if (mig_model_ieq(m->tables[i]->name, name)) {
			index_stale(m);
			mig_mtable_free(m->tables[i]);
			memmove(&m->tables[i], &m->tables[i + 1], (m->ntables - i - 1) * sizeof(*m->tables));
			m->ntables--;
			return;
		}
	}
}

static mig_mtable *walk_table_of(const mig_model *m, const char *type, const char *name, mig_mobject **obj)
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

/* One object of the name is the usual case, and "none"; of two (MySQL's
 * index names are per table) the first table in the model answers, as
 * the walk does. */
mig_mtable *mig_model_table_of(const mig_model *m, const char *type, const char *name, mig_mobject **obj)
{
	const struct mig_model_index *x = index_of(m);
	mig_mtable *t = NULL;
	int n = x ? set_count_obj(&x->objs, type, name, &t) : 2;
	if (n == 2)
		return walk_table_of(m, type, name, obj);
	assert(t == walk_table_of(m, type, name, NULL));
	if (t && obj)
		*obj = mig_mtable_obj(t, type, name);
	return t;
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
	if (m->index) {
		mig__free(m->index->tables.v);
		mig__free(m->index->objs.v);
		mig__free(m->index);
	}
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
