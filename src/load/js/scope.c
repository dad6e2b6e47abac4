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
	memset(s, 0, sizeof(*s));
}

binding *mig__js_scope_find(const parser *p, const scope *s, const tok *name)
{
	for (size_t k = s->n; k-- > 0;)
		if (same_name(p, tk_at(p, s->v[k].tok), name))
			return &s->v[k];
	return NULL;
}

binding *mig__js_lookup(const parser *p, const tok *name)
{
	binding *b = NULL;
	if (p->in_fn)
		b = mig__js_scope_find(p, &p->loc, name);
	if (!b)
		b = mig__js_scope_find(p, &p->mod, name);
	return b;
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
	return 0;
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

int mig__js_slot_index(const char *name, size_t len)
{
	for (int k = 0; k < NSLOTS; k++)
		if (strlen(mig__js_slot_names[k]) == len && memcmp(mig__js_slot_names[k], name, len) == 0)
			return k;
	return -1;
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
int mig__js_slots_from_object(parser *p, slot out[NSLOTS], const mig_value *obj, const tok *t)
{
	for (int k = 0; k < NSLOTS; k++) {
		mig__js_slot_clear(&out[k]);
		const mig_value *v = mig_object_get(obj, mig__js_slot_names[k]);
		if (!v)
			continue;
		mig_value *c = mig__js_vclone(p, v, 0, t);
		if (!c)
			return mig__js_last_code();
		mig__js_slot_from_value(&out[k], c, tk_index(p, t));
	}
	return 0;
}
