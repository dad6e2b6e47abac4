/*
 * Where names and exports live while the module "runs": the module and
 * function scopes, the recorded functions, and the export slots (up, down,
 * shorthands) that the CommonJS, ESM and TypeScript spellings all write
 * to. Together because a slot holds what a binding holds: a function's
 * index or a copy of a constant's value.
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "ir/value.h"

#include <stdlib.h>
#include <string.h>

/* ---- scopes ------------------------------------------------------------ */

void mig__js_scope_free(scope *s)
{
	for (size_t k = 0; k < s->n; k++)
		mig_value_free(s->v[k].val);
	mig__free(s->v);
	scope *parent = s->parent;
	memset(s, 0, sizeof(*s));
	s->parent = parent;
}

binding *mig__js_scope_find(const parser *p, const scope *s, const tok *name)
{
	for (size_t k = s->n; k-- > 0;)
		if (same_name(p, tk_at(p, s->v[k].tok), name))
			return &s->v[k];
	return NULL;
}

/* Innermost frame first, out to the module's. */
binding *mig__js_lookup(const parser *p, const tok *name)
{
	for (const scope *s = p->env ? p->env : &p->mod; s; s = s->parent) {
		binding *b = mig__js_scope_find(p, s, name);
		if (b)
			return b;
	}
	return NULL;
}

scope *mig__js_frame(parser *p)
{
	return p->env ? p->env : &p->mod;
}

/* Declare a name in s; takes val. */
int mig__js_declare(parser *p, scope *s, size_t name, enum bkind kind, mig_value *val, size_t fn,
		    bool hoisted)
{
	const tok *t = tk_at(p, name);
	if (mig__js_scope_find(p, s, t)) {
		mig_value_free(val);
		return mig__js_err(p, t, "`%.*s` is declared twice %s", (int)t->len, p->src + t->off, p->where);
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		binding *v = mig__realloc(s->v, cap * sizeof(*v));
		if (!v) {
			mig_value_free(val);
			return mig_error_oom();
		}
		s->v = v;
		s->cap = cap;
	}
	binding *b = &s->v[s->n++];
	b->tok = name;
	b->kind = kind;
	b->val = val;
	b->fn = fn;
	b->hoisted = hoisted;
	b->is_const = false;
	b->mod = p;
	b->env = &p->mod;
	return 0;
}

int mig__js_declare_fn(parser *p, scope *s, size_t name, const fnref *f, bool hoisted)
{
	int rc = mig__js_declare(p, s, name, B_FUNC, NULL, f->fn, hoisted);
	if (rc == 0) {
		s->v[s->n - 1].mod = f->mod;
		s->v[s->n - 1].env = f->env;
		s->v[s->n - 1].is_const = true;
	}
	return rc;
}

int mig__js_add_fn(parser *p, const jsfn *f, size_t *idx)
{
	if (p->nfns == p->capfns) {
		size_t cap = p->capfns ? p->capfns * 2 : 8;
		jsfn *v = mig__realloc(p->fns, cap * sizeof(*v));
		if (!v)
			return mig_error_oom();
		p->fns = v;
		p->capfns = cap;
	}
	p->fns[p->nfns] = *f;
	*idx = p->nfns++;
	return 0;
}

/* ---- export slots ------------------------------------------------------ */

const char *const mig__js_slot_names[NSLOTS] = {"up", "down", "shorthands"};

void mig__js_slot_clear(slot *s)
{
	mig_value_free(s->val);
	memset(s, 0, sizeof(*s));
}

const char *mig__js_slot_name(const parser *p, int k)
{
	return k < NSLOTS ? mig__js_slot_names[k] : p->xnames[k];
}

/* The slot of an export name, or -1. */
int mig__js_slot_find(const parser *p, const char *name, size_t len)
{
	for (int k = 0; k < NSLOTS; k++)
		if (strlen(mig__js_slot_names[k]) == len && memcmp(mig__js_slot_names[k], name, len) == 0)
			return k;
	for (int k = NSLOTS; k < p->nslots; k++)
		if (strlen(p->xnames[k]) == len && memcmp(p->xnames[k], name, len) == 0)
			return k;
	return -1;
}

/* The slot an export name writes to: -1 for names nobody reads (in the
 * migration file, all but up/down/shorthands; in a sibling, past
 * MAX_SLOTS names). */
int mig__js_slot_index(parser *p, const char *name, size_t len)
{
	int k = mig__js_slot_find(p, name, len);
	if (k >= 0 || !p->sibling || p->nslots >= MAX_SLOTS)
		return k;
	char *copy = mig_strndup(name, len);
	if (!copy)
		return -1;
	p->xnames[p->nslots] = copy;
	return p->nslots++;
}

/* A slot holding value v (taken). */
void mig__js_slot_from_value(slot *s, mig_value *v, size_t t)
{
	memset(s, 0, sizeof(*s));
	s->tok = t;
	if (v->type == MIG_V_UNDEFINED) {
		s->kind = SLOT_UNDEFINED;
		mig_value_free(v);
	} else if (v->type == MIG_V_BOOL && !v->b) {
		s->kind = SLOT_FALSE;
		mig_value_free(v);
	} else {
		s->kind = SLOT_OTHER;
		s->val = v;
	}
}

int mig__js_slot_copy(parser *p, slot *dst, const slot *src, const tok *t)
{
	*dst = *src;
	dst->val = NULL;
	if (src->val) {
		dst->val = mig__js_vclone(p, src->val, 0, t);
		if (!dst->val)
			return mig__js_last_code();
	}
	return 0;
}

/* The slots of an exported object value (module.exports = obj). */
int mig__js_slots_from_object(parser *p, slot out[MAX_SLOTS], const mig_value *obj, const tok *t)
{
	if (p->sibling && obj->type == MIG_V_OBJECT)
		for (size_t j = 0; j < obj->n; j++)
			mig__js_slot_index(p, obj->keys[j], strlen(obj->keys[j]));
	for (int k = 0; k < p->nslots; k++) {
		mig__js_slot_clear(&out[k]);
		const mig_value *v = mig_object_get(obj, mig__js_slot_name(p, k));
		if (!v)
			continue;
		mig_value *c = mig__js_vclone(p, v, 0, t);
		if (!c)
			return mig__js_last_code();
		mig__js_slot_from_value(&out[k], c, tk_index(p, t));
	}
	return 0;
}
