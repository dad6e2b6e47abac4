/*
 * Calls of the functions a migration (or a static sibling file) writes:
 * helpers, arrow callbacks of map/forEach, and up/down themselves. A call
 * runs the recorded body in a new frame whose parent is the frame the
 * function closed over, with the parameters bound (defaults, rest,
 * destructuring).
 *
 * Function values live only in names and call arguments, never inside
 * data (an array, an object, a return value): so a function never
 * outlives the frame it closes over, and frames can live on the C stack.
 * What would let one escape is refused where it is written.
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "ir/value.h"

#include <string.h>

void mig__js_args_free(jsarg *a, size_t n)
{
	for (size_t k = 0; k < n; k++)
		mig_value_free(a[k].val);
	mig__free(a);
}

static int push_arg(jsarg **a, size_t *n, size_t *cap, const jsarg *x)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 4;
		jsarg *v = mig__realloc(*a, c * sizeof(*v));
		if (!v)
			return mig_error_oom();
		*a = v;
		*cap = c;
	}
	(*a)[(*n)++] = *x;
	return 0;
}

/* The function at the current token, as a value closing over the
 * innermost frame. */
int mig__js_closure(parser *p, fnref *f)
{
	f->mod = p;
	f->env = mig__js_frame(p);
	return mig__js_parse_function(p, &f->fn);
}

/* At `(`: the arguments, up to and past `)`. A name of a function, the
 * MigrationBuilder or the run callback is passed on as such. */
int mig__js_parse_args(parser *p, int depth, jsarg **out, size_t *nout)
{
	jsarg *a = NULL;
	size_t n = 0, cap = 0;
	int rc = mig__js_expect(p, "(", "`(`");
	while (rc == 0 && !is_p(tk_cur(p), ")")) {
		const tok *t = tk_cur(p);
		jsarg x;
		memset(&x, 0, sizeof(x));
		x.kind = B_VALUE;
		const tok *u = tk_peek(p, 1);
		binding *b = t->type == MIG_JS_IDENT && (is_p(u, ",") || is_p(u, ")")) ? mig__js_lookup(p, t) : NULL;
		if (is_p(t, "...")) {
			adv(p);
			mig_value *v = NULL;
			if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
				break;
			if (v->type == MIG_V_ARRAY) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					x.val = v->items[k];
					v->items[k] = NULL;
					if ((rc = push_arg(&a, &n, &cap, &x)) != 0)
						mig_value_free(x.val);
				}
			} else if (!p->noeval) {
				rc = mig__js_refuse(p, t, "spread of %s in a call", mig__js_a_type(v));
			}
			mig_value_free(v);
			if (rc)
				break;
		} else {
			if (mig__js_fn_starts(p, p->i)) {
				x.kind = B_FUNC;
				rc = mig__js_closure(p, &x.f);
			} else if (b && b->kind == B_FUNC) {
				x.kind = B_FUNC;
				x.f.mod = b->mod;
				x.f.fn = b->fn;
				x.f.env = b->env;
				adv(p);
			} else if (b && (b->kind == B_BUILDER || b->kind == B_RUN)) {
				x.kind = b->kind;
				adv(p);
			} else {
				rc = mig__js_expr(p, depth + 1, &x.val);
			}
			if (rc == 0 && (rc = push_arg(&a, &n, &cap, &x)) != 0)
				mig_value_free(x.val);
			if (rc)
				break;
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), ")"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `)`");
	}
	if (rc == 0)
		adv(p);
	if (rc) {
		mig__js_args_free(a, n);
		return rc;
	}
	*out = a;
	*nout = n;
	return 0;
}

int mig__js_skip_pattern(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, "{") || is_p(t, "["))
		return mig__js_skip_group(p);
	if (t->type != MIG_JS_IDENT || mig__js_is_reserved(p, t))
		return mig__js_unexpected(p, t, "a name");
	adv(p);
	return 0;
}

static int bind_name(parser *p, scope *s, size_t name, mig_value *v, bool is_const)
{
	int rc = mig__js_declare(p, s, name, B_VALUE, v, 0, false);
	if (rc == 0)
		s->v[s->n - 1].is_const = is_const;
	return rc;
}

/* `= default` after a pattern element: used when v is undefined. */
static int element_default(parser *p, int depth, mig_value **v)
{
	if (!is_p(tk_cur(p), "="))
		return 0;
	adv(p);
	bool use = (*v)->type == MIG_V_UNDEFINED;
	if (!use)
		p->noeval++;
	mig_value *d = NULL;
	int rc = mig__js_expr(p, depth + 1, &d);
	if (!use)
		p->noeval--;
	if (rc)
		return rc;
	if (use) {
		mig_value_free(*v);
		*v = d;
	} else {
		mig_value_free(d);
	}
	return 0;
}

static mig_value *undef(parser *p)
{
	return mig__js_vnew(p, MIG_V_UNDEFINED, tk_cur(p));
}

static int object_pattern(parser *p, scope *s, int depth, mig_value *v, bool is_const)
{
	adv(p); /* { */
	int rc = 0;
	mig_str key = MIG_STR_INIT;
	/* the keys taken so far, for ...rest */
	mig_value *taken = mig__js_vnew(p, MIG_V_OBJECT, tk_cur(p));
	if (!taken)
		return mig__js_last_code();
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *t = tk_cur(p);
		if (is_p(t, "...")) {
			adv(p);
			const tok *name = tk_cur(p);
			if (name->type != MIG_JS_IDENT) {
				rc = mig__js_unexpected(p, name, "a name");
				break;
			}
			mig_value *rest = mig__js_vnew(p, MIG_V_OBJECT, name);
			if (!rest) {
				rc = mig__js_last_code();
				break;
			}
			if (v->type == MIG_V_OBJECT) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					if (mig_object_get(taken, v->keys[k]))
						continue;
					mig_value *c = mig__js_vclone(p, v->items[k], 1, name);
					rc = c ? mig__js_obj_put(p, rest, v->keys[k], c, name) : mig__js_last_code();
				}
			}
			if (rc == 0)
				rc = bind_name(p, s, p->i, rest, is_const);
			else
				mig_value_free(rest);
			adv(p);
			break;
		}
		mig_str_clear(&key);
		size_t name_tok = p->i;
		bool shorthand = false;
		if (is_p(t, "[")) {
			adv(p);
			mig_value *k = NULL;
			if ((rc = mig__js_expr(p, depth + 1, &k)) != 0)
				break;
			rc = mig__js_property_key(p, k, &key, t);
			mig_value_free(k);
			if (rc == 0)
				rc = mig__js_expect(p, "]", "`]`");
		} else if (t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING || t->type == MIG_JS_NUMBER) {
			mig__js_key_text(p, t, &key);
			adv(p);
			shorthand = t->type == MIG_JS_IDENT && !is_p(tk_cur(p), ":");
		} else {
			rc = mig__js_unexpected(p, t, "a property name");
		}
		if (rc)
			break;
		if (mig_str_failed(&key)) {
			rc = mig_error_oom();
			break;
		}
		mig_value *item = NULL;
		const mig_value *src = v->type == MIG_V_OBJECT ? mig_object_get(v, mig_str_cstr(&key)) : NULL;
		item = src ? mig__js_vclone(p, src, 1, t) : undef(p);
		if (!item) {
			rc = mig__js_last_code();
			break;
		}
		mig_value *mark = mig__js_vnew(p, MIG_V_NULL, t);
		if (!mark || (rc = mig__js_obj_put(p, taken, mig_str_cstr(&key), mark, t)) != 0) {
			rc = rc ? rc : mig__js_last_code();
			mig_value_free(item);
			break;
		}
		if (shorthand) {
			if (mig__js_is_reserved(p, t)) {
				mig_value_free(item);
				rc = mig__js_unexpected(p, t, "a name");
				break;
			}
			if ((rc = element_default(p, depth, &item)) != 0) {
				mig_value_free(item);
				break;
			}
			rc = bind_name(p, s, name_tok, item, is_const);
		} else {
			if ((rc = mig__js_expect(p, ":", "`:`")) != 0) {
				mig_value_free(item);
				break;
			}
			size_t at = p->i;
			if ((rc = mig__js_skip_pattern(p)) != 0 || (rc = element_default(p, depth, &item)) != 0) {
				mig_value_free(item);
				break;
			}
			size_t after = p->i;
			p->i = at;
			rc = mig__js_bind_pattern(p, s, depth + 1, item, is_const);
			p->i = after;
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	mig_value_free(taken);
	mig_str_free(&key);
	if (rc == 0)
		rc = mig__js_expect(p, "}", "`}`");
	return rc;
}

static int array_pattern(parser *p, scope *s, int depth, mig_value *v, bool is_const)
{
	const tok *open = tk_cur(p);
	adv(p); /* [ */
	int rc = 0;
	size_t idx = 0;
	if (!p->noeval && v->type != MIG_V_ARRAY && v->type != MIG_V_UNDEFINED)
		return mig__js_refuse(p, open, "array destructuring of %s", mig__js_a_type(v));
	while (rc == 0 && !is_p(tk_cur(p), "]")) {
		const tok *t = tk_cur(p);
		if (is_p(t, ",")) {
			idx++;
			adv(p);
			continue;
		}
		if (is_p(t, "...")) {
			adv(p);
			mig_value *rest = mig__js_vnew(p, MIG_V_ARRAY, t);
			if (!rest)
				return mig__js_last_code();
			for (size_t k = idx; v->type == MIG_V_ARRAY && k < v->n && rc == 0; k++) {
				mig_value *c = mig__js_vclone(p, v->items[k], 1, t);
				rc = c ? mig_array_push(rest, c) : mig__js_last_code();
			}
			if (rc) {
				mig_value_free(rest);
				return rc;
			}
			rc = mig__js_bind_pattern(p, s, depth + 1, rest, is_const);
			break;
		}
		mig_value *item = v->type == MIG_V_ARRAY && idx < v->n ? mig__js_vclone(p, v->items[idx], 1, t) : undef(p);
		if (!item)
			return mig__js_last_code();
		size_t at = p->i;
		if ((rc = mig__js_skip_pattern(p)) != 0 || (rc = element_default(p, depth, &item)) != 0) {
			mig_value_free(item);
			break;
		}
		size_t after = p->i;
		p->i = at;
		rc = mig__js_bind_pattern(p, s, depth + 1, item, is_const);
		p->i = after;
		idx++;
		if (rc == 0 && is_p(tk_cur(p), ","))
			adv(p);
		else if (rc == 0 && !is_p(tk_cur(p), "]"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `]`");
	}
	if (rc == 0)
		rc = mig__js_expect(p, "]", "`]`");
	return rc;
}

/* Bind the pattern (a name, {...} or [...]) at the current token to v
 * (taken) in s; the token after it is current afterwards. */
int mig__js_bind_pattern(parser *p, scope *s, int depth, mig_value *v, bool is_const)
{
	const tok *t = tk_cur(p);
	if (depth > MAX_DEPTH) {
		mig_value_free(v);
		return mig__js_too_deep(p, t);
	}
	if (t->type == MIG_JS_IDENT) {
		if (mig__js_is_reserved(p, t)) {
			mig_value_free(v);
			return mig__js_unexpected(p, t, "a name");
		}
		adv(p);
		return bind_name(p, s, tk_index(p, t), v, is_const);
	}
	int rc;
	if (!is_p(t, "{") && !is_p(t, "[")) {
		mig_value_free(v);
		return mig__js_unexpected(p, t, "a name or a destructuring pattern");
	}
	if (!p->noeval && (v->type == MIG_V_UNDEFINED || v->type == MIG_V_NULL)) {
		rc = mig__js_err(p, t, "destructuring %s %s (a TypeError in Node.js too)", mig_value_type_name(v),
				 p->where);
		mig_value_free(v);
		return rc;
	}
	rc = is_p(t, "{") ? object_pattern(p, s, depth, v, is_const) : array_pattern(p, s, depth, v, is_const);
	mig_value_free(v);
	return rc;
}

/* Bind parameter k of f from args. */
static int bind_param(parser *q, const jsfn *f, size_t k, jsarg *args, size_t nargs, int depth)
{
	scope *fr = q->env;
	const tok *pt = tk_at(q, f->param[k]);
	if (f->rest && k + 1 == f->nparams) {
		mig_value *rest = mig__js_vnew(q, MIG_V_ARRAY, pt);
		if (!rest)
			return mig__js_last_code();
		int rc = 0;
		for (size_t j = k; j < nargs && rc == 0; j++) {
			if (args[j].kind != B_VALUE) {
				rc = mig__js_refuse(q, pt, "a function or the MigrationBuilder in a rest parameter");
				break;
			}
			rc = mig_array_push(rest, args[j].val);
			args[j].val = NULL;
		}
		if (rc) {
			mig_value_free(rest);
			return rc;
		}
		q->i = f->param[k];
		return mig__js_bind_pattern(q, fr, depth, rest, false);
	}
	jsarg *a = k < nargs ? &args[k] : NULL;
	if (a && a->kind != B_VALUE) {
		if (pt->type != MIG_JS_IDENT)
			return mig__js_refuse(q, pt, "destructuring a function or the MigrationBuilder");
		if (a->kind == B_FUNC)
			return mig__js_declare_fn(q, fr, f->param[k], &a->f, false);
		return mig__js_declare(q, fr, f->param[k], a->kind, NULL, 0, false);
	}
	mig_value *v = a ? a->val : NULL;
	if (a)
		a->val = NULL;
	if (!v && !(v = mig__js_vnew(q, MIG_V_UNDEFINED, pt)))
		return mig__js_last_code();
	int rc = 0;
	if (f->deflt[k] && v->type == MIG_V_UNDEFINED) {
		/* evaluated in the callee's frame, after the parameters before it */
		q->i = f->deflt[k];
		mig_value *d = NULL;
		if ((rc = mig__js_expr(q, depth + 1, &d)) != 0) {
			mig_value_free(v);
			return rc;
		}
		mig_value_free(v);
		v = d;
	}
	q->i = f->param[k];
	return mig__js_bind_pattern(q, fr, depth, v, false);
}

/* Call f with args (their values are taken); *ret gets the returned
 * value (undefined when none). While nothing runs (p->noeval), nothing
 * is called and the value is undefined. */
int mig__js_call(parser *p, const fnref *f, jsarg *args, size_t nargs, int depth, const tok *at,
		 mig_value **ret)
{
	*ret = NULL;
	if (p->noeval) {
		*ret = mig__js_vnew(p, MIG_V_UNDEFINED, at);
		return *ret ? 0 : mig__js_last_code();
	}
	int rc = mig__js_step(p, at);
	if (rc)
		return rc;
	if (p->rt->calls >= MAX_CALLS)
		return mig__js_err(p, at, "function calls nested more than %d deep %s (a recursion without end?); "
				   "the static reader stops there; this file needs node-pg-migrate to run", MAX_CALLS, p->where);
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, at);
	parser *q = f->mod;
	const jsfn fn = q->fns[f->fn];
	/* the callee's module may be another file: it works on our behalf */
	size_t save_i = q->i;
	scope *save_env = q->env;
	bool save_in_fn = q->in_fn;
	enum ctl save_ctl = q->ctl;
	mig_value *save_ret = q->ret;
	const char *save_where = q->where;
	mig_oplist *save_ops = q->ops;
	bool *save_no_tx = q->no_tx;
	int save_noeval = q->noeval;
	int save_loops = q->loops;
	q->loops = 0;
	if (q != p) {
		q->where = p->where;
		q->ops = p->ops;
		q->no_tx = p->no_tx;
		q->noeval = 0;
	}
	scope fr;
	memset(&fr, 0, sizeof(fr));
	fr.parent = f->env;
	q->env = &fr;
	q->in_fn = true;
	q->ctl = CTL_NONE;
	q->ret = NULL;
	p->rt->calls++;
	for (size_t k = 0; k < fn.nparams && rc == 0; k++)
		rc = bind_param(q, &fn, k, args, nargs, depth + 1);
	mig_value *result = NULL;
	if (rc == 0) {
		q->i = fn.body;
		if (fn.expr_body) {
			rc = mig__js_expr(q, depth + 1, &result);
			if (rc == 0 && q->i != fn.body_end) {
				rc = mig__js_refuse_operator(q, tk_cur(q));
				if (rc == 0)
					rc = mig__js_unexpected(q, tk_cur(q), "the end of the arrow function");
			}
		} else {
			mig__js_hoist_functions(q, fn.body, fn.body_end, &fr);
			rc = mig__js_block(q, fn.body_end, depth + 1);
			if (rc == 0 && q->ctl == CTL_RETURN) {
				result = q->ret;
				q->ret = NULL;
			}
		}
	}
	mig_value_free(q->ret);
	p->rt->calls--;
	mig__js_scope_free(&fr);
	q->i = save_i;
	q->env = save_env;
	q->in_fn = save_in_fn;
	q->ctl = save_ctl;
	q->ret = save_ret;
	q->where = save_where;
	q->ops = save_ops;
	q->no_tx = save_no_tx;
	q->noeval = save_noeval;
	q->loops = save_loops;
	if (rc) {
		mig_value_free(result);
		return rc;
	}
	if (!result && !(result = mig__js_vnew(p, MIG_V_UNDEFINED, at)))
		return mig__js_last_code();
	*ret = result;
	return 0;
}

/* A call with plain values (callbacks of map, filter ...); takes vals'
 * items, not the array. */
int mig__js_call_values(parser *p, const fnref *f, mig_value **vals, size_t n, int depth, const tok *at,
			mig_value **ret)
{
	jsarg a[4];
	memset(a, 0, sizeof(a));
	if (n > 4)
		n = 4;
	for (size_t k = 0; k < n; k++) {
		a[k].kind = B_VALUE;
		a[k].val = vals[k];
		vals[k] = NULL;
	}
	int rc = mig__js_call(p, f, a, n, depth, at, ret);
	for (size_t k = 0; k < n; k++)
		mig_value_free(a[k].val);
	return rc;
}
