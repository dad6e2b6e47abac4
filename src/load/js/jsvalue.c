/*
 * JavaScript's value semantics for the constants a migration builds:
 * ToNumber, ToString / ToPropertyKey, `+`, member access and the key order
 * of objects. They are spelled out apart from the IR's mig_value because
 * the loader must produce exactly the values node-pg-migrate would see,
 * and every value made here is charged against the size budget (constants
 * can be expanded exponentially).
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ------------------------------------------------------------ */

static int charge(parser *p, size_t cost, const tok *t)
{
	if (cost > VALUE_BUDGET - p->rt->budget)
		return mig__js_err(p, t,
				   "the values of this file are too large (more than %zu MiB once constants are expanded)",
				   VALUE_BUDGET >> 20);
	p->rt->budget += cost;
	return 0;
}

mig_value *mig__js_vnew(parser *p, enum mig_vtype type, const tok *t)
{
	if (charge(p, NODE_COST, t))
		return NULL;
	mig_value *v = mig_value_new(type);
	if (v) {
		v->line = t->line;
		v->column = t->col;
	}
	return v;
}

mig_value *mig__js_vtext(parser *p, enum mig_vtype type, const char *s, size_t len, const tok *t)
{
	if (charge(p, NODE_COST + len, t))
		return NULL;
	mig_value *v = type == MIG_V_LITERAL ? mig_value_literal(s, len) : mig_value_string(s, len);
	if (v) {
		v->line = t->line;
		v->column = t->col;
	}
	return v;
}

mig_value *mig__js_vnum(parser *p, double d, const tok *t)
{
	mig_value *v = mig__js_vnew(p, MIG_V_NUMBER, t);
	if (v)
		v->num = d;
	return v;
}

/* Copy of a constant's value placed `depth` levels deep, counted against
 * the budget and the nesting limit. */
mig_value *mig__js_vclone(parser *p, const mig_value *v, int depth, const tok *t)
{
	if (depth > MAX_DEPTH) {
		mig__js_too_deep(p, t);
		return NULL;
	}
	if (charge(p, NODE_COST + v->len, t))
		return NULL;
	mig_value *c = mig_value_new(v->type);
	if (!c)
		return NULL;
	c->line = v->line;
	c->column = v->column;
	c->b = v->b;
	c->num = v->num;
	if (v->str) {
		c->str = mig_strndup(v->str, v->len);
		if (!c->str)
			goto oom;
		c->len = v->len;
	}
	if (v->n) {
		c->items = mig__calloc(v->n, sizeof(*c->items));
		if (!c->items)
			goto oom;
		if (v->type == MIG_V_OBJECT) {
			c->keys = mig__calloc(v->n, sizeof(*c->keys));
			if (!c->keys)
				goto oom;
		}
		c->cap = v->n;
		for (size_t k = 0; k < v->n; k++) {
			mig_value *item = mig__js_vclone(p, v->items[k], depth + 1, t);
			if (!item) {
				mig_value_free(c);
				return NULL;
			}
			if (c->keys) {
				c->keys[k] = mig_strdup(v->keys[k]);
				if (!c->keys[k]) {
					mig_value_free(item);
					goto oom;
				}
			}
			c->items[k] = item;
			c->n = k + 1;
		}
	}
	return c;
oom:
	mig_value_free(c);
	mig_error_oom();
	return NULL;
}

/* JavaScript's "array index": an integer key below 2^32 - 1 written
 * canonically. Such keys come first, ascending, in an object's order. */
static bool array_index(const char *k, uint32_t *out)
{
	if (!*k)
		return false;
	if (k[0] == '0') {
		*out = 0;
		return k[1] == '\0';
	}
	uint64_t v = 0;
	for (; *k; k++) {
		if (*k < '0' || *k > '9')
			return false;
		v = v * 10 + (uint64_t)(*k - '0');
		if (v > 4294967294u)
			return false;
	}
	*out = (uint32_t)v;
	return true;
}

/* obj[key] = val with JavaScript's key order. Takes val. */
int mig__js_obj_put(parser *p, mig_value *obj, const char *key, mig_value *val, const tok *t)
{
	for (size_t k = 0; k < obj->n; k++) {
		if (strcmp(obj->keys[k], key) == 0) {
			mig_value_free(obj->items[k]);
			obj->items[k] = val;
			return 0;
		}
	}
	if (obj->n >= MAX_KEYS) {
		mig_value_free(val);
		return mig__js_err(p, t, "object with more than %d keys %s; this reader refuses larger objects",
				   MAX_KEYS, p->where);
	}
	int rc = charge(p, strlen(key), t);
	if (rc) {
		mig_value_free(val);
		return rc;
	}
	rc = mig_object_set(obj, key, val);
	if (rc)
		return rc;
	uint32_t idx, other;
	if (!array_index(key, &idx))
		return 0;
	size_t pos = 0;
	while (pos + 1 < obj->n && array_index(obj->keys[pos], &other) && other < idx)
		pos++;
	if (pos + 1 < obj->n) {
		char *k = obj->keys[obj->n - 1];
		mig_value *v = obj->items[obj->n - 1];
		memmove(obj->keys + pos + 1, obj->keys + pos, (obj->n - 1 - pos) * sizeof(*obj->keys));
		memmove(obj->items + pos + 1, obj->items + pos, (obj->n - 1 - pos) * sizeof(*obj->items));
		obj->keys[pos] = k;
		obj->items[pos] = v;
	}
	return 0;
}

/* ToNumber for the primitives where it is obvious. */
bool mig__js_to_number(const mig_value *v, double *out)
{
	switch (v->type) {
	case MIG_V_NUMBER:
		*out = v->num;
		return true;
	case MIG_V_BOOL:
		*out = v->b ? 1 : 0;
		return true;
	case MIG_V_NULL:
		*out = 0;
		return true;
	case MIG_V_UNDEFINED:
		*out = NAN;
		return true;
	default:
		return false;
	}
}

/* ToString of a primitive (a PgLiteral converts through its toString()).
 * Arrays and objects are refused. */
int mig__js_append_js_string(parser *p, mig_str *out, const mig_value *v, const tok *t, const char *ctx)
{
	switch (v->type) {
	case MIG_V_STRING:
	case MIG_V_LITERAL:
		mig_str_put(out, v->str, v->len);
		return 0;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		return 0;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		return 0;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		return 0;
	case MIG_V_UNDEFINED:
		mig_str_puts(out, "undefined");
		return 0;
	case MIG_V_ARRAY:
		/* Array#toString joins the items' strings with "," */
		for (size_t k = 0; k < v->n; k++) {
			if (k)
				mig_str_putc(out, ',');
			const mig_value *it = v->items[k];
			if (it->type == MIG_V_NULL || it->type == MIG_V_UNDEFINED)
				continue;
			int rc = mig__js_append_js_string(p, out, it, t, ctx);
			if (rc)
				return rc;
		}
		return 0;
	case MIG_V_OBJECT:
		mig_str_puts(out, "[object Object]");
		return 0;
	}
	return mig__js_refuse(p, t, "%s %s", mig__js_a_type(v), ctx);
}

/* A property key from a computed key value (ToPropertyKey). */
int mig__js_property_key(parser *p, const mig_value *v, mig_str *out, const tok *t)
{
	return mig__js_append_js_string(p, out, v, t, "as a computed property key");
}

/* *lhs + rhs with JavaScript semantics; takes rhs, replaces *lhs. */
int mig__js_add(parser *p, mig_value **lhs, mig_value *rhs, const tok *op)
{
	mig_value *l = *lhs;
	/* arrays and objects convert to strings first (ToPrimitive) */
	bool lstr = l->type == MIG_V_STRING || l->type == MIG_V_LITERAL || l->type == MIG_V_ARRAY ||
		    l->type == MIG_V_OBJECT;
	bool rstr = rhs->type == MIG_V_STRING || rhs->type == MIG_V_LITERAL || rhs->type == MIG_V_ARRAY ||
		    rhs->type == MIG_V_OBJECT;
	int rc = 0;
	mig_value *res = NULL;
	if (lstr || rstr) {
		mig_str s = MIG_STR_INIT;
		rc = mig__js_append_js_string(p, &s, l, op, "in a string concatenation");
		if (!rc)
			rc = mig__js_append_js_string(p, &s, rhs, op, "in a string concatenation");
		if (!rc && mig_str_failed(&s))
			rc = mig_error_oom();
		if (!rc) {
			res = mig__js_vtext(p, MIG_V_STRING, mig_str_cstr(&s), mig_str_len(&s), op);
			if (!res)
				rc = mig__js_last_code();
		}
		mig_str_free(&s);
	} else {
		double a, b;
		if (!mig__js_to_number(l, &a) || !mig__js_to_number(rhs, &b)) {
			rc = mig__js_refuse(p, op, "`+` of %s (only strings and numbers are added)",
					    mig__js_a_type(mig__js_to_number(l, &a) ? rhs : l));
		} else {
			res = mig__js_vnum(p, a + b, op);
			if (!res)
				rc = mig__js_last_code();
		}
	}
	if (res) {
		res->line = l->line;
		res->column = l->column;
	}
	mig_value_free(rhs);
	if (rc) {
		mig_value_free(res);
		return rc;
	}
	mig_value_free(l);
	*lhs = res;
	return 0;
}

static const char *const proto_names[] = {
	"constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
	"propertyIsEnumerable", "toLocaleString", "__proto__", "__defineGetter__",
	"__defineSetter__", "__lookupGetter__", "__lookupSetter__", NULL};

/* v[key] where v is owned: replaced by the member. */
int mig__js_member(parser *p, mig_value **vp, const char *key, const tok *t)
{
	mig_value *v = *vp, *res = NULL;
	uint32_t idx;
	switch (v->type) {
	case MIG_V_OBJECT:
		for (size_t k = 0; k < v->n; k++) {
			if (strcmp(v->keys[k], key) == 0) {
				res = v->items[k];
				v->items[k] = NULL;
				break;
			}
		}
		if (!res) {
			for (size_t k = 0; proto_names[k]; k++)
				if (strcmp(key, proto_names[k]) == 0)
					return mig__js_refuse(p, t, "`.%s` (an inherited Object property)", key);
			res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
		}
		break;
	case MIG_V_ARRAY:
		if (strcmp(key, "length") == 0) {
			res = mig__js_vnum(p, (double)v->n, t);
		} else if (array_index(key, &idx)) {
			if (idx < v->n) {
				res = v->items[idx];
				v->items[idx] = NULL;
			} else {
				res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			}
		} else if (p->noeval) {
			res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
		} else {
			return mig__js_refuse(p, t, "`.%s` of an array", key);
		}
		break;
	case MIG_V_STRING:
		if (strcmp(key, "length") == 0) {
			/* UTF-16 code units, as JavaScript counts */
			size_t units = 0;
			for (size_t k = 0; k < v->len; k++) {
				unsigned char c = (unsigned char)v->str[k];
				if ((c & 0xC0) != 0x80)
					units += c >= 0xF0 ? 2 : 1;
			}
			res = mig__js_vnum(p, (double)units, t);
		} else if (array_index(key, &idx)) {
			/* s[i]: the code unit at i (whole characters only) */
			size_t off = 0, unit = 0;
			while (off < v->len && unit < idx) {
				unsigned char c = (unsigned char)v->str[off];
				size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
				unit += l == 4 ? 2 : 1;
				off += l;
			}
			if (off >= v->len) {
				res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			} else {
				unsigned char c = (unsigned char)v->str[off];
				size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
				if (unit != idx || l == 4)
					return mig__js_refuse(p, t, "`[%s]` of a string inside a character outside the BMP", key);
				res = mig__js_vtext(p, MIG_V_STRING, v->str + off, l, t);
			}
		} else if (p->noeval) {
			res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
		} else {
			return mig__js_refuse(p, t, "`.%s` of a string", key);
		}
		break;
	case MIG_V_NULL:
	case MIG_V_UNDEFINED:
		if (p->noeval) {
			res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			break;
		}
		return mig__js_err(p, t, "reading `.%s` of %s %s (a TypeError in Node.js too)", key,
				   mig_value_type_name(v), p->where);
	default:
		if (p->noeval) {
			res = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			break;
		}
		return mig__js_refuse(p, t, "`.%s` of %s", key, mig__js_a_type(v));
	}
	if (!res)
		return mig__js_last_code();
	mig_value_free(v);
	*vp = res;
	return 0;
}

/* ---- operators ---------------------------------------------------------- */

/* ToNumber of v for arithmetic and comparisons; false for values that are
 * not read (objects, arrays, literals). */
static bool number_of(const mig_value *v, double *d)
{
	if (v->type == MIG_V_STRING) {
		*d = mig__js_str_to_number(v->str, v->len);
		return true;
	}
	return mig__js_to_number(v, d);
}

static bool is_primitive(const mig_value *v)
{
	return v->type != MIG_V_ARRAY && v->type != MIG_V_OBJECT && v->type != MIG_V_LITERAL;
}

static bool strict_equal(const mig_value *a, const mig_value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case MIG_V_UNDEFINED:
	case MIG_V_NULL:
		return true;
	case MIG_V_BOOL:
		return a->b == b->b;
	case MIG_V_NUMBER:
		return a->num == b->num;
	case MIG_V_STRING:
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	default:
		return false;
	}
}

static bool loose_equal(const mig_value *a, const mig_value *b)
{
	bool an = a->type == MIG_V_NULL || a->type == MIG_V_UNDEFINED;
	bool bn = b->type == MIG_V_NULL || b->type == MIG_V_UNDEFINED;
	if (an || bn)
		return an && bn;
	if (a->type == b->type)
		return strict_equal(a, b);
	double x, y;
	number_of(a, &x);
	number_of(b, &y);
	return x == y;
}

/* *lhs <op> rhs for the binary operators other than && || ??; takes rhs,
 * replaces *lhs. While nothing runs, the result is undefined. */
int mig__js_binary(parser *p, const tok *op, mig_value **lhs, mig_value *rhs)
{
	const char *o = op->punct;
	mig_value *l = *lhs, *res = NULL;
	int rc = 0;
	if (strcmp(o, "+") == 0 && !p->noeval)
		return mig__js_add(p, lhs, rhs, op);
	if (p->noeval) {
		res = mig__js_vnew(p, MIG_V_UNDEFINED, op);
	} else if (strcmp(o, "===") == 0 || strcmp(o, "!==") == 0 || strcmp(o, "==") == 0 || strcmp(o, "!=") == 0) {
		if (!is_primitive(l) || !is_primitive(rhs)) {
			rc = mig__js_refuse(p, op, "comparison `%s` of %s (objects compare by identity)", o,
					    mig__js_a_type(is_primitive(l) ? rhs : l));
		} else {
			bool eq = o[1] == '=' && o[2] == '=' ? strict_equal(l, rhs)
				  : o[0] == '!' && o[2] == '=' ? strict_equal(l, rhs)
							       : loose_equal(l, rhs);
			if (o[0] == '!')
				eq = !eq;
			if ((res = mig__js_vnew(p, MIG_V_BOOL, op)) != NULL)
				res->b = eq;
		}
	} else if (strcmp(o, "in") == 0) {
		if (rhs->type != MIG_V_OBJECT && rhs->type != MIG_V_ARRAY) {
			rc = mig__js_err(p, op, "`in` on %s %s (a TypeError in Node.js too)", mig__js_a_type(rhs), p->where);
		} else {
			mig_str k = MIG_STR_INIT;
			rc = mig__js_property_key(p, l, &k, op);
			bool has = false;
			if (rc == 0 && rhs->type == MIG_V_OBJECT)
				has = mig_object_get(rhs, mig_str_cstr(&k)) != NULL;
			else if (rc == 0) {
				uint32_t idx;
				has = array_index(mig_str_cstr(&k), &idx) ? idx < rhs->n : strcmp(mig_str_cstr(&k), "length") == 0;
			}
			mig_str_free(&k);
			if (rc == 0 && (res = mig__js_vnew(p, MIG_V_BOOL, op)) != NULL)
				res->b = has;
		}
	} else if (o[0] == '<' || o[0] == '>') {
		bool r = false;
		if (!is_primitive(l) || !is_primitive(rhs)) {
			rc = mig__js_refuse(p, op, "comparison `%s` of %s", o, mig__js_a_type(is_primitive(l) ? rhs : l));
		} else if (l->type == MIG_V_STRING && rhs->type == MIG_V_STRING) {
			/* UTF-8 byte order is code point order (UTF-16 differs only
			 * past U+FFFF against U+E000..U+FFFF) */
			size_t n = l->len < rhs->len ? l->len : rhs->len;
			int c = memcmp(l->str, rhs->str, n);
			if (c == 0)
				c = l->len < rhs->len ? -1 : l->len > rhs->len ? 1 : 0;
			r = strcmp(o, "<") == 0 ? c < 0 : strcmp(o, ">") == 0 ? c > 0 : strcmp(o, "<=") == 0 ? c <= 0 : c >= 0;
		} else {
			double x, y;
			number_of(l, &x);
			number_of(rhs, &y);
			r = strcmp(o, "<") == 0 ? x < y : strcmp(o, ">") == 0 ? x > y : strcmp(o, "<=") == 0 ? x <= y : x >= y;
		}
		if (rc == 0 && (res = mig__js_vnew(p, MIG_V_BOOL, op)) != NULL)
			res->b = r;
	} else {
		double x, y;
		if (!number_of(l, &x) || !number_of(rhs, &y)) {
			rc = mig__js_refuse(p, op, "arithmetic `%s` of %s", o, mig__js_a_type(number_of(l, &x) ? rhs : l));
		} else {
			double r = strcmp(o, "-") == 0 ? x - y
				   : strcmp(o, "*") == 0 ? x * y
				   : strcmp(o, "/") == 0 ? x / y
				   : strcmp(o, "%") == 0 ? fmod(x, y)
							 : pow(x, y);
			if (strcmp(o, "**") == 0 && isnan(y))
				r = NAN;
			if (strcmp(o, "**") == 0 && (x == 1 || x == -1) && isinf(y))
				r = NAN; /* JavaScript differs from C's pow here */
			res = mig__js_vnum(p, r, op);
		}
	}
	mig_value_free(rhs);
	if (rc)
		return rc;
	if (!res)
		return mig__js_last_code();
	res->line = l->line;
	res->column = l->column;
	mig_value_free(l);
	*lhs = res;
	return 0;
}
