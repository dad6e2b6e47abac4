/*
 * Expressions evaluated to values: literals, constants of this file, `+`,
 * member access, spreads, template literals, PgLiteral and pgm.func() --
 * what a declarative migration uses to build the arguments of its
 * operations. Anything else is refused here, by name, at the token where
 * it starts, because its value would depend on running the code.
 */
#include "load/js/parser.h"

#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- expressions (evaluated to values) ---------------------------------- */

static int primary(parser *p, int depth, mig_value **out);

/* Source text from token a up to (not including) token b, for messages. */
static void span_text(const parser *p, size_t a, size_t b, mig_str *out)
{
	const tok *ta = tk_at(p, a), *tb = tk_at(p, b > a ? b - 1 : a);
	size_t end = tb->off + tb->len;
	mig__js_put_clipped(out, p->src + ta->off, end > ta->off ? end - ta->off : 0, 60);
}

static int refuse_call(parser *p, size_t from, size_t paren)
{
	mig_str s = MIG_STR_INIT;
	span_text(p, from, paren, &s);
	int rc = mig__js_refuse(p, tk_at(p, from), "call of `%s()`", mig_str_cstr(&s));
	mig_str_free(&s);
	return rc;
}

/* The single argument of pgm.func(...) / PgLiteral.create(...) / new
 * PgLiteral(...), at `(`: a MIG_V_LITERAL. */
static int literal_call(parser *p, int depth, const tok *at, const char *what, mig_value **out)
{
	int rc = mig__js_expect(p, "(", "`(`");
	if (rc)
		return rc;
	if (is_p(tk_cur(p), ")"))
		return mig__js_refuse(p, at, "%s without an argument", what);
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
		return rc;
	if (is_p(tk_cur(p), ","))
		adv(p);
	if ((rc = mig__js_expect(p, ")", "`)`")) != 0) {
		mig_value_free(v);
		return rc;
	}
	mig_str s = MIG_STR_INIT;
	if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL || v->type == MIG_V_NUMBER)
		rc = mig__js_append_js_string(p, &s, v, at, "");
	else
		rc = mig__js_refuse(p, at, "%s with %s as argument (a string is expected)", what, mig__js_a_type(v));
	mig_value_free(v);
	if (rc == 0 && mig_str_failed(&s))
		rc = mig_error_oom();
	if (rc == 0) {
		*out = mig__js_vtext(p, MIG_V_LITERAL, mig_str_cstr(&s), mig_str_len(&s), at);
		if (!*out)
			rc = mig__js_last_code();
	}
	mig_str_free(&s);
	return rc;
}

/* After a PgLiteral reference: `.create(x)`. */
static int pgliteral_member(parser *p, int depth, const tok *start, mig_value **out)
{
	if (is_p(tk_cur(p), ".") && is_id(p, tk_peek(p, 1), "create") && is_p(tk_peek(p, 2), "(")) {
		adv(p);
		adv(p);
		return literal_call(p, depth, start, "PgLiteral.create()", out);
	}
	return mig__js_refuse(p, start, "use of PgLiteral other than `PgLiteral.create(...)` or `new PgLiteral(...)`");
}

/* At a function's name before `(`: the call's value. */
static int call_fn(parser *p, int depth, const fnref *f, const tok *at, mig_value **out)
{
	adv(p);
	jsarg *a = NULL;
	size_t n = 0;
	int rc = mig__js_parse_args(p, depth, &a, &n);
	if (rc)
		return rc;
	rc = mig__js_call(p, f, a, n, depth + 1, at, out);
	mig__js_args_free(a, n);
	return rc;
}

/* At a sibling module's name: `.name`, `.fn(...)`. */
static int module_member(parser *p, int depth, const binding *b, mig_value **out)
{
	const tok *t = tk_cur(p);
	if (!is_p(t, "."))
		adv(p); /* the module's name */
	const tok *name = tk_peek(p, 1);
	if (!is_p(tk_cur(p), ".") || name->type != MIG_JS_IDENT)
		return mig__js_refuse(p, t, "a required or imported file used other than through `.name`");
	adv(p);
	adv(p);
	jsarg x;
	bool found;
	int rc = mig__js_export_of(p, b->mod, p->src + name->off, name->len, b->fn == 1, name, &x, &found);
	if (rc)
		return rc;
	if (b->fn == 1 && !found) {
		/* default import of an ES module without that property */
		mig_value_free(x.val);
		x.val = NULL;
	}
	if (x.kind == B_FUNC) {
		if (!is_p(tk_cur(p), "("))
			return mig__js_refuse(p, name, "function `%.*s` used as a value", (int)name->len, p->src + name->off);
		p->i--;
		return call_fn(p, depth, &x.f, name, out);
	}
	if (x.kind == B_MODNS)
		return mig__js_refuse(p, name, "a module re-exported as `%.*s`", (int)name->len, p->src + name->off);
	*out = x.val;
	if (!*out)
		*out = mig__js_vnew(p, MIG_V_UNDEFINED, name);
	return *out ? 0 : mig__js_last_code();
}

static int ident_expr(parser *p, int depth, mig_value **out)
{
	const tok *t = tk_cur(p);
	size_t start = p->i;
	const char *name = p->src + t->off;
	int nlen = (int)t->len;
	if (is_id(p, t, "true") || is_id(p, t, "false")) {
		*out = mig__js_vnew(p, MIG_V_BOOL, t);
		if (!*out)
			return mig__js_last_code();
		(*out)->b = is_id(p, t, "true");
		adv(p);
		return 0;
	}
	if (is_id(p, t, "null")) {
		adv(p);
		return (*out = mig__js_vnew(p, MIG_V_NULL, t)) ? 0 : mig__js_last_code();
	}
	if (is_id(p, t, "this"))
		return mig__js_refuse(p, t, "`this`");
	if (is_id(p, t, "super"))
		return mig__js_refuse(p, t, "`super`");
	if (is_id(p, t, "function") || mig__js_fn_starts(p, p->i))
		return mig__js_refuse(p, t, "function expression inside a value");
	if (is_id(p, t, "class"))
		return mig__js_refuse(p, t, "class expression");
	if (is_id(p, t, "import"))
		return mig__js_refuse(p, t, "dynamic `import()`");
	if (mig__js_is_reserved(p, t))
		return mig__js_unexpected(p, t, "a value");
	binding *b = mig__js_lookup(p, t);
	if (b) {
		switch (b->kind) {
		case B_VALUE: {
			/* Walk `.key` steps on the constant itself so that only
			 * the part used is copied. */
			const mig_value *v = b->val;
			adv(p);
			while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT &&
			       v->type == MIG_V_OBJECT) {
				const tok *k = tk_peek(p, 1);
				const mig_value *child = NULL;
				for (size_t j = 0; j < v->n; j++)
					if (strlen(v->keys[j]) == k->len &&
					    memcmp(v->keys[j], p->src + k->off, k->len) == 0)
						child = v->items[j];
				if (!child)
					break;
				v = child;
				adv(p);
				adv(p);
			}
			if (is_p(tk_cur(p), "("))
				return refuse_call(p, start, p->i);
			*out = mig__js_vclone(p, v, depth, t);
			return *out ? 0 : mig__js_last_code();
		}
		case B_FUNC:
			if (is_p(tk_peek(p, 1), "(")) {
				fnref f = {b->mod, b->fn, b->env};
				return call_fn(p, depth, &f, t, out);
			}
			return mig__js_refuse(p, t, "function `%.*s` used as a value", nlen, name);
		case B_MODNS:
			return module_member(p, depth, b, out);
		case B_BUILDER:
			return mig__js_builder_value(p, depth, out);
		case B_RUN:
			return mig__js_refuse(p, t, "`%.*s` (the run callback) inside an expression", nlen, name);
		case B_PGLITERAL:
			adv(p);
			return pgliteral_member(p, depth, t, out);
		case B_NS:
			adv(p);
			if (is_p(tk_cur(p), ".") && is_id(p, tk_peek(p, 1), "PgLiteral")) {
				adv(p);
				adv(p);
				return pgliteral_member(p, depth, t, out);
			}
			return mig__js_refuse(p, t, "use of the node-pg-migrate module `%.*s` other than `%.*s.PgLiteral`",
					      nlen, name, nlen, name);
		case B_IMPORTED:
			return mig__js_refuse(p, t, "`%.*s` from node-pg-migrate used as a value (only PgLiteral is read)",
					      nlen, name);
		}
	}
	if (is_id(p, t, "undefined") || is_id(p, t, "NaN") || is_id(p, t, "Infinity")) {
		*out = is_id(p, t, "undefined") ? mig__js_vnew(p, MIG_V_UNDEFINED, t)
						: mig__js_vnum(p, is_id(p, t, "NaN") ? NAN : INFINITY, t);
		adv(p);
		return *out ? 0 : mig__js_last_code();
	}
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "(") && mig__js_is_relative(tk_peek(p, 2)) &&
	    is_p(tk_peek(p, 3), ")") && is_p(tk_peek(p, 4), ".")) {
		/* require('./sibling').name */
		parser *mod = NULL;
		const tok *spec = tk_peek(p, 2);
		int rc = mig__js_import_sibling(p, spec, &mod);
		if (rc)
			return rc;
		binding tmp;
		memset(&tmp, 0, sizeof(tmp));
		tmp.kind = B_MODNS;
		tmp.mod = mod;
		for (int k = 0; k < 4; k++)
			adv(p);
		return module_member(p, depth, &tmp, out);
	}
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "("))
		return mig__js_refuse(p, t, "`require()` inside an expression");
	if (mig__js_is_global(p, t))
		return mig__js_global(p, depth, out);
	/* an unknown name: describe the whole `a.b.c(` for the message */
	size_t j = p->i + 1;
	while (is_p(tk_at(p, j), ".") && tk_at(p, j + 1)->type == MIG_JS_IDENT)
		j += 2;
	if (is_p(tk_at(p, j), "("))
		return refuse_call(p, start, j);
	mig_str s = MIG_STR_INIT;
	if (is_template(tk_at(p, j))) {
		span_text(p, start, j, &s);
		int rc = mig__js_refuse(p, t, "tagged template `%s`...`", mig_str_cstr(&s));
		mig_str_free(&s);
		return rc;
	}
	span_text(p, start, j, &s);
	int rc = mig__js_refuse(p, t, "`%s` (not a constant defined in this file)", mig_str_cstr(&s));
	mig_str_free(&s);
	return rc;
}

static int array_literal(parser *p, int depth, mig_value **out)
{
	const tok *open = tk_cur(p);
	adv(p);
	mig_value *arr = mig__js_vnew(p, MIG_V_ARRAY, open);
	if (!arr)
		return mig__js_last_code();
	int rc = 0;
	while (rc == 0 && !is_p(tk_cur(p), "]")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, ",")) {
			rc = mig__js_refuse(p, t, "array hole (an empty element between commas)");
			break;
		}
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
				break;
			if (v->type == MIG_V_ARRAY) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					rc = mig_array_push(arr, v->items[k]);
					v->items[k] = NULL;
				}
			} else if (v->type == MIG_V_STRING) {
				/* a string spreads into its characters (code points) */
				for (size_t k = 0; k < v->len && rc == 0;) {
					unsigned char c = (unsigned char)v->str[k];
					size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
					mig_value *ch = mig__js_vtext(p, MIG_V_STRING, v->str + k, l, t);
					rc = ch ? mig_array_push(arr, ch) : mig__js_last_code();
					k += l;
				}
			} else if (p->noeval) {
				/* nothing runs */
			} else if (v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED) {
				rc = mig__js_err(p, t, "spread of %s %s (not iterable: a TypeError in Node.js too)",
						 mig_value_type_name(v), p->where);
			} else {
				rc = mig__js_refuse(p, t, "spread of %s into an array", mig__js_a_type(v));
			}
			mig_value_free(v);
		} else {
			if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
				break;
			rc = mig_array_push(arr, v);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "]"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `]`");
	}
	if (rc) {
		mig_value_free(arr);
		return rc;
	}
	adv(p);
	*out = arr;
	return 0;
}

/* A property name token (not computed) as text. */
void mig__js_key_text(parser *p, const tok *t, mig_str *out)
{
	if (t->type == MIG_JS_IDENT)
		mig_str_put(out, p->src + t->off, t->len);
	else if (t->type == MIG_JS_STRING)
		mig_str_put(out, t->str, t->slen);
	else if (t->type == MIG_JS_NUMBER)
		mig_number_to_js(out, t->num);
}

bool mig__js_key_start(const tok *t)
{
	return t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING || t->type == MIG_JS_NUMBER ||
	       is_p(t, "[");
}

/* Spread of v (taken) into obj. */
static int spread_into_object(parser *p, mig_value *obj, mig_value *v, const tok *t)
{
	int rc = 0;
	if (v->type == MIG_V_OBJECT) {
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			rc = mig__js_obj_put(p, obj, v->keys[k], v->items[k], t);
			v->items[k] = NULL;
		}
	} else if (v->type == MIG_V_ARRAY) {
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			char key[24];
			snprintf(key, sizeof(key), "%zu", k);
			rc = mig__js_obj_put(p, obj, key, v->items[k], t);
			v->items[k] = NULL;
		}
	} else if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL) {
		rc = mig__js_refuse(p, t, "spread of %s into an object", mig__js_a_type(v));
	}
	/* null, undefined, numbers and booleans spread nothing */
	mig_value_free(v);
	return rc;
}

static int object_literal(parser *p, int depth, mig_value **out)
{
	const tok *open = tk_cur(p);
	adv(p);
	mig_value *obj = mig__js_vnew(p, MIG_V_OBJECT, open);
	if (!obj)
		return mig__js_last_code();
	int rc = 0;
	mig_str key = MIG_STR_INIT;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
				break;
			rc = spread_into_object(p, obj, v, t);
		} else {
			size_t keyidx = p->i;
			bool computed = false;
			mig_str_clear(&key);
			if ((is_id(p, t, "get") || is_id(p, t, "set") || is_id(p, t, "async")) &&
			    mig__js_key_start(tk_peek(p, 1)) && !tk_peek(p, 1)->nl_before) {
				rc = mig__js_refuse(p, t, "%s in an object literal",
						    is_id(p, t, "async") ? "method" : "getter or setter");
				break;
			}
			if (t->type == MIG_JS_NUMBER && t->bad) {
				rc = mig__js_refuse(p, t, "%s", t->bad);
				break;
			}
			if (is_p(t, "[")) {
				adv(p);
				mig_value *k = NULL;
				if ((rc = mig__js_expr(p, depth + 1, &k)) != 0)
					break;
				rc = mig__js_property_key(p, k, &key, t);
				mig_value_free(k);
				if (rc == 0)
					rc = mig__js_expect(p, "]", "`]`");
				if (rc)
					break;
				computed = true;
			} else if (t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING ||
				   t->type == MIG_JS_NUMBER) {
				mig__js_key_text(p, t, &key);
				adv(p);
			} else if (t->type == MIG_JS_PRIVATE) {
				rc = mig__js_refuse(p, t, "private name");
				break;
			} else {
				rc = mig__js_unexpected(p, t, "a property name");
				break;
			}
			if (mig_str_failed(&key)) {
				rc = mig_error_oom();
				break;
			}
			const tok *after = tk_cur(p);
			if (is_p(after, ":")) {
				if (!computed && strcmp(mig_str_cstr(&key), "__proto__") == 0) {
					rc = mig__js_refuse(p, t, "`__proto__:` in an object literal (it sets the prototype)");
					break;
				}
				adv(p);
				if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
					break;
			} else if (is_p(after, "(") || is_p(after, "<")) {
				rc = mig__js_refuse(p, t, "method in an object literal");
				break;
			} else if ((is_p(after, ",") || is_p(after, "}")) && !computed &&
				   t->type == MIG_JS_IDENT) {
				/* shorthand { name } */
				p->i = keyidx;
				if ((rc = primary(p, depth + 1, &v)) != 0)
					break;
			} else {
				rc = mig__js_unexpected(p, after, "`:`");
				break;
			}
			rc = mig__js_obj_put(p, obj, mig_str_cstr(&key), v, t);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	mig_str_free(&key);
	if (rc) {
		mig_value_free(obj);
		return rc;
	}
	adv(p);
	*out = obj;
	return 0;
}

static int template_literal(parser *p, int depth, mig_value **out)
{
	const tok *head = tk_cur(p);
	mig_str s = MIG_STR_INIT;
	mig_str_put(&s, head->str, head->slen);
	adv(p);
	int rc = 0;
	for (;;) {
		const tok *at = tk_cur(p);
		mig_value *v = NULL;
		if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
			break;
		rc = mig__js_append_js_string(p, &s, v, at, "in a template literal");
		mig_value_free(v);
		if (rc)
			break;
		const tok *t = tk_cur(p);
		if (t->type == MIG_JS_TEMPLATE_MIDDLE || t->type == MIG_JS_TEMPLATE_TAIL) {
			mig_str_put(&s, t->str, t->slen);
			adv(p);
			if (t->type == MIG_JS_TEMPLATE_TAIL)
				break;
			continue;
		}
		rc = mig__js_unexpected(p, t, "`}` closing the template substitution");
		break;
	}
	if (rc == 0 && mig_str_failed(&s))
		rc = mig_error_oom();
	if (rc == 0) {
		*out = mig__js_vtext(p, MIG_V_STRING, mig_str_cstr(&s), mig_str_len(&s), head);
		if (!*out)
			rc = mig__js_last_code();
	}
	mig_str_free(&s);
	return rc;
}

static int primary(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	const tok *t = tk_cur(p);
	int rc;
	switch (t->type) {
	case MIG_JS_STRING:
	case MIG_JS_TEMPLATE:
		*out = mig__js_vtext(p, MIG_V_STRING, t->str, t->slen, t);
		adv(p);
		return *out ? 0 : mig__js_last_code();
	case MIG_JS_TEMPLATE_HEAD:
		return template_literal(p, depth, out);
	case MIG_JS_NUMBER:
		if (t->bad)
			return mig__js_refuse(p, t, "%s `%.*s`", t->bad, (int)t->len, p->src + t->off);
		*out = mig__js_vnum(p, t->num, t);
		adv(p);
		return *out ? 0 : mig__js_last_code();
	case MIG_JS_REGEX:
		return mig__js_refuse(p, t, "regular expression literal");
	case MIG_JS_PRIVATE:
		return mig__js_refuse(p, t, "private name");
	case MIG_JS_IDENT:
		return ident_expr(p, depth, out);
	case MIG_JS_PUNCT:
		if (is_p(t, "(")) {
			if (mig__js_fn_starts(p, p->i))
				return mig__js_refuse(p, t, "function expression inside a value");
			adv(p);
			if ((rc = mig__js_expr(p, depth + 1, out)) != 0)
				return rc;
			if (is_p(tk_cur(p), ","))
				rc = mig__js_refuse(p, tk_cur(p), "comma operator");
			else
				rc = mig__js_expect(p, ")", "`)`");
			if (rc) {
				mig_value_free(*out);
				*out = NULL;
			}
			return rc;
		}
		if (is_p(t, "["))
			return array_literal(p, depth, out);
		if (is_p(t, "{"))
			return object_literal(p, depth, out);
		return mig__js_unexpected(p, t, "a value");
	default:
		return mig__js_unexpected(p, t, "a value");
	}
}

static int postfix(parser *p, int depth, mig_value **out)
{
	size_t start = p->i;
	mig_value *v = NULL;
	int rc = primary(p, depth, &v);
	mig_str key = MIG_STR_INIT;
	bool skipped = false;
	while (rc == 0) {
		const tok *t = tk_cur(p);
		if (is_p(t, ".")) {
			const tok *name = tk_peek(p, 1);
			if (name->type != MIG_JS_IDENT) {
				rc = name->type == MIG_JS_PRIVATE ? mig__js_refuse(p, name, "private name")
								  : mig__js_unexpected(p, name, "a property name");
				break;
			}
			if (is_p(tk_peek(p, 2), "(")) {
				adv(p);
				rc = mig__js_method(p, depth, &v, name);
				continue;
			}
			mig_str_clear(&key);
			mig_str_put(&key, p->src + name->off, name->len);
			adv(p);
			adv(p);
			rc = mig_str_failed(&key) ? mig_error_oom()
						  : mig__js_member(p, &v, mig_str_cstr(&key), name);
		} else if (is_p(t, "[")) {
			adv(p);
			mig_value *k = NULL;
			if ((rc = mig__js_expr(p, depth + 1, &k)) != 0)
				break;
			mig_str_clear(&key);
			rc = mig__js_property_key(p, k, &key, t);
			mig_value_free(k);
			if (rc == 0)
				rc = mig__js_expect(p, "]", "`]`");
			if (rc == 0 && is_p(tk_cur(p), "(")) {
				rc = refuse_call(p, start, p->i);
				break;
			}
			if (rc == 0)
				rc = mig_str_failed(&key) ? mig_error_oom()
							  : mig__js_member(p, &v, mig_str_cstr(&key), t);
		} else if (is_p(t, "(")) {
			rc = refuse_call(p, start, p->i);
		} else if (is_template(t)) {
			rc = mig__js_refuse(p, t, "tagged template");
		} else if (is_p(t, "?.")) {
			/* a nullish value ends the chain: the rest is read, not run */
			if (!skipped && (v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED)) {
				skipped = true;
				p->noeval++;
			}
			const tok *u = tk_peek(p, 1);
			if (u->type == MIG_JS_IDENT) {
				/* `?.name` reads like `.name` */
				adv(p);
				if (is_p(tk_peek(p, 1), "(")) {
					rc = mig__js_method(p, depth, &v, u);
					continue;
				}
				mig_str_clear(&key);
				mig_str_put(&key, p->src + u->off, u->len);
				adv(p);
				rc = mig_str_failed(&key) ? mig_error_oom() : mig__js_member(p, &v, mig_str_cstr(&key), u);
				continue;
			}
			adv(p);
			if (!is_p(tk_cur(p), "[")) {
				rc = mig__js_refuse(p, t, "optional call `?.()`");
				break;
			}
		} else if (is_p(t, "!") && !t->nl_before) {
			adv(p); /* TypeScript non-null assertion */
		} else {
			break;
		}
	}
	mig_str_free(&key);
	if (skipped) {
		p->noeval--;
		if (rc == 0) {
			mig_value_free(v);
			v = mig__js_vnew(p, MIG_V_UNDEFINED, tk_at(p, start));
			if (!v)
				rc = mig__js_last_code();
		}
	}
	if (rc) {
		mig_value_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

static int unary(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	const tok *t = tk_cur(p);
	int rc;
	if (is_p(t, "-") || is_p(t, "+")) {
		adv(p);
		mig_value *v = NULL;
		if ((rc = unary(p, depth + 1, &v)) != 0)
			return rc;
		double d;
		if (v->type == MIG_V_STRING) {
			d = mig__js_str_to_number(v->str, v->len);
		} else if (!mig__js_to_number(v, &d)) {
			if (p->noeval) {
				d = NAN;
			} else {
				rc = mig__js_refuse(p, t, "unary `%s` on %s", t->punct, mig__js_a_type(v));
				mig_value_free(v);
				return rc;
			}
		}
		mig_value_free(v);
		*out = mig__js_vnum(p, is_p(t, "-") ? -d : d, t);
		return *out ? 0 : mig__js_last_code();
	}
	if (is_id(p, t, "void")) {
		adv(p);
		mig_value *v = NULL;
		if ((rc = unary(p, depth + 1, &v)) != 0)
			return rc;
		mig_value_free(v);
		*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
		return *out ? 0 : mig__js_last_code();
	}
	if (is_p(t, "!")) {
		adv(p);
		mig_value *v = NULL;
		if ((rc = unary(p, depth + 1, &v)) != 0)
			return rc;
		bool b = !mig_value_truthy(v);
		mig_value_free(v);
		*out = mig__js_vnew(p, MIG_V_BOOL, t);
		if (*out)
			(*out)->b = b;
		return *out ? 0 : mig__js_last_code();
	}
	if (is_id(p, t, "typeof")) {
		adv(p);
		const tok *u = tk_cur(p);
		binding *b = u->type == MIG_JS_IDENT ? mig__js_lookup(p, u) : NULL;
		const char *ty = NULL;
		mig_value *v = NULL;
		if (b && b->kind == B_FUNC && !is_p(tk_peek(p, 1), "(") && !is_p(tk_peek(p, 1), ".")) {
			adv(p);
			ty = "function";
		} else {
			if ((rc = unary(p, depth + 1, &v)) != 0)
				return rc;
			switch (v->type) {
			case MIG_V_UNDEFINED: ty = "undefined"; break;
			case MIG_V_BOOL: ty = "boolean"; break;
			case MIG_V_NUMBER: ty = "number"; break;
			case MIG_V_STRING: ty = "string"; break;
			default: ty = "object"; break;
			}
			mig_value_free(v);
		}
		*out = mig__js_vtext(p, MIG_V_STRING, ty, strlen(ty), t);
		return *out ? 0 : mig__js_last_code();
	}
	if (is_p(t, "~"))
		return mig__js_refuse(p, t, "bitwise operator `~`");
	if (is_p(t, "++") || is_p(t, "--"))
		return mig__js_refuse(p, t, "`%s` operator", t->punct);
	if (is_p(t, "<"))
		return mig__js_refuse(p, t, "TypeScript type assertion `<T>value` (write `value as T`)");
	if (is_p(t, "@"))
		return mig__js_refuse(p, t, "decorator");
	if (is_id(p, t, "await") && p->in_fn && !tk_peek(p, 1)->nl_before) {
		/* awaiting a value that is not a promise gives the value */
		adv(p);
		return unary(p, depth + 1, out);
	}
	if (is_id(p, t, "delete") || is_id(p, t, "await") ||
	    is_id(p, t, "yield"))
		return mig__js_refuse(p, t, "`%.*s` inside an expression", (int)t->len, p->src + t->off);
	if (is_id(p, t, "new")) {
		const tok *c = tk_peek(p, 1);
		binding *b = c->type == MIG_JS_IDENT ? mig__js_lookup(p, c) : NULL;
		if (b && b->kind == B_PGLITERAL && is_p(tk_peek(p, 2), "(")) {
			adv(p);
			adv(p);
			return literal_call(p, depth, t, "new PgLiteral()", out);
		}
		if (b && b->kind == B_NS && is_p(tk_peek(p, 2), ".") && is_id(p, tk_peek(p, 3), "PgLiteral") &&
		    is_p(tk_peek(p, 4), "(")) {
			for (int k = 0; k < 4; k++)
				adv(p);
			return literal_call(p, depth, t, "new PgLiteral()", out);
		}
		return mig__js_refuse(p, t, "`new` expression");
	}
	return postfix(p, depth, out);
}

/* Binary operators by precedence (higher binds tighter); -1 when t is
 * none. `>=` and `>>` come as two `>` tokens (TypeScript generics): *ntok
 * says how many tokens the operator takes, name its spelling. */
static int binary_prec(const parser *p, const tok *t, int *ntok, char name[5])
{
	*ntok = 1;
	if (t->type == MIG_JS_IDENT) {
		if (is_id(p, t, "in") || is_id(p, t, "instanceof")) {
			snprintf(name, 5, "%s", is_id(p, t, "in") ? "in" : "inst");
			return 7;
		}
		return -1;
	}
	if (!may_be_operator(t))
		return -1;
	if (is_p(t, ">")) {
		const tok *u = tk_at(p, tk_index(p, t) + 1);
		if (u->type == MIG_JS_PUNCT && u->off == t->off + 1 && (is_p(u, "=") || is_p(u, ">") || is_p(u, ">="))) {
			*ntok = 2;
			snprintf(name, 5, "%s", is_p(u, "=") ? ">=" : ">>");
			return is_p(u, "=") ? 7 : 8;
		}
	}
	snprintf(name, 5, "%s", t->punct);
	static const struct {
		const char *op;
		int prec;
	} ops[] = {{"??", 1}, {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6},
		   {"===", 6}, {"!==", 6}, {"<", 7}, {">", 7}, {"<=", 7}, {"<<", 8}, {"+", 9}, {"-", 9},
		   {"*", 10}, {"/", 10}, {"%", 10}, {"**", 11}};
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (strcmp(t->punct, ops[k].op) == 0)
			return ops[k].prec;
	return -1;
}

static int binary_expr(parser *p, int depth, int min, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	mig_value *v = NULL;
	int rc = unary(p, depth, &v);
	while (rc == 0) {
		const tok *op = tk_cur(p);
		int ntok;
		char name[5];
		int prec = binary_prec(p, op, &ntok, name);
		if (prec < 0 || prec < min)
			break;
		if (prec == 3 || prec == 4 || prec == 5 || prec == 8) {
			rc = mig__js_refuse(p, op, "bitwise operator `%s`", name);
			break;
		}
		if (strcmp(name, "inst") == 0) {
			rc = mig__js_refuse(p, op, "`instanceof` operator");
			break;
		}
		for (int k = 0; k < ntok; k++)
			adv(p);
		mig_value *r = NULL;
		if (prec <= 2) {
			/* && || ??: the right side runs only when needed */
			bool need = strcmp(name, "&&") == 0	 ? mig_value_truthy(v)
				    : strcmp(name, "||") == 0 ? !mig_value_truthy(v)
							      : (v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED);
			if (!need)
				p->noeval++;
			rc = binary_expr(p, depth + 1, prec + 1, &r);
			if (!need)
				p->noeval--;
			if (rc)
				break;
			if (need) {
				mig_value_free(v);
				v = r;
			} else {
				mig_value_free(r);
			}
			continue;
		}
		if ((rc = binary_expr(p, depth + 1, prec == 11 ? prec : prec + 1, &r)) != 0)
			break;
		tok fake = *op;
		snprintf(fake.punct, sizeof(fake.punct), "%s", name);
		rc = mig__js_binary(p, &fake, &v, r);
	}
	if (rc) {
		mig_value_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

static int conditional(parser *p, int depth, mig_value **out)
{
	mig_value *v = NULL;
	int rc = binary_expr(p, depth, 0, &v);
	if (rc || !is_p(tk_cur(p), "?")) {
		*out = v;
		return rc;
	}
	adv(p);
	bool yes = mig_value_truthy(v);
	mig_value_free(v);
	mig_value *a = NULL, *b = NULL;
	if (!yes)
		p->noeval++;
	rc = mig__js_expr(p, depth + 1, &a);
	if (!yes)
		p->noeval--;
	if (rc == 0)
		rc = mig__js_expect(p, ":", "`:` of the conditional expression");
	if (rc == 0) {
		if (yes)
			p->noeval++;
		rc = mig__js_expr(p, depth + 1, &b);
		if (yes)
			p->noeval--;
	}
	if (rc) {
		mig_value_free(a);
		mig_value_free(b);
		return rc;
	}
	if (yes) {
		mig_value_free(b);
		*out = a;
	} else {
		mig_value_free(a);
		*out = b;
	}
	return 0;
}

int mig__js_expr(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	mig_value *v = NULL;
	int rc = conditional(p, depth, &v);
	while (rc == 0 && (is_id(p, tk_cur(p), "as") || is_id(p, tk_cur(p), "satisfies")) &&
	       !tk_cur(p)->nl_before) {
		adv(p);
		rc = mig__js_skip_type(p, depth + 1);
	}
	if (rc == 0)
		rc = mig__js_refuse_operator(p, tk_cur(p));
	if (rc) {
		mig_value_free(v);
		return rc;
	}
	*out = v;
	return 0;
}
