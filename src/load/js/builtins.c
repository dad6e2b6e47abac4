/*
 * What a static migration may call besides its own functions and the
 * MigrationBuilder: methods of strings and arrays, Object.keys/values/
 * entries, JSON.stringify, Array.from, String/Number, a few Math
 * functions, and console.* -- all pure (console writes only to stderr).
 * Each follows the ECMAScript algorithm for the values a migration has;
 * what it cannot do exactly (Unicode case mapping, regular expressions)
 * is refused by name rather than approximated.
 *
 * console.* output is formatted as Node.js's util.format/util.inspect
 * with their defaults (depth 2, breakLength 80, compact 3): the same text
 * for strings, numbers, booleans, null/undefined and plain arrays and
 * objects of them; docs/migration-format.md says where it may differ.
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-16 positions over UTF-8 text ---------------------------------- */

static size_t cp_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static size_t u16_len(const char *s, size_t len)
{
	size_t u = 0;
	for (size_t k = 0; k < len; k += cp_len((unsigned char)s[k]))
		u += cp_len((unsigned char)s[k]) == 4 ? 2 : 1;
	return u;
}

/* Byte offset of code unit `unit` (clamped to the end); false when it
 * falls inside a surrogate pair. */
static bool u16_off(const char *s, size_t len, size_t unit, size_t *off)
{
	size_t u = 0, k = 0;
	while (k < len && u < unit) {
		size_t l = cp_len((unsigned char)s[k]);
		u += l == 4 ? 2 : 1;
		k += l;
	}
	*off = k > len ? len : k;
	return u <= unit || k >= len ? u == unit || k >= len : false;
}

static bool ascii(const char *s, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if ((unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

/* ---- numbers ----------------------------------------------------------- */

static bool js_space(const char *s, size_t len, size_t k, size_t *l)
{
	unsigned char c = (unsigned char)s[k];
	*l = 1;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C)
		return true;
	if (c < 0x80)
		return false;
	static const char *const sp[] = {"\xC2\xA0", "\xEF\xBB\xBF", "\xE1\x9A\x80", "\xE2\x80\xA8", "\xE2\x80\xA9",
					 "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", NULL};
	for (size_t j = 0; sp[j]; j++) {
		size_t n = strlen(sp[j]);
		if (k + n <= len && memcmp(s + k, sp[j], n) == 0) {
			*l = n;
			return true;
		}
	}
	/* U+2000..U+200A */
	if (k + 3 <= len && c == 0xE2 && (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] >= 0x80 &&
	    (unsigned char)s[k + 2] <= 0x8A) {
		*l = 3;
		return true;
	}
	return false;
}

static void trim_range(const char *s, size_t len, bool start, bool end, size_t *a, size_t *b)
{
	size_t i = 0, j = len, l;
	while (start && i < len && js_space(s, len, i, &l))
		i += l;
	while (end && j > i) {
		size_t k = j - 1;
		while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		if (!js_space(s, len, k, &l) || k + l != j)
			break;
		j = k;
	}
	*a = i;
	*b = j;
}

/* ToNumber of a string (StringToNumber). */
double mig__js_str_to_number(const char *s, size_t len)
{
	size_t a, b;
	trim_range(s, len, true, true, &a, &b);
	if (a == b)
		return 0;
	char buf[128];
	size_t n = b - a;
	if (n >= sizeof(buf))
		return NAN;
	memcpy(buf, s + a, n);
	buf[n] = '\0';
	if (strcmp(buf, "Infinity") == 0 || strcmp(buf, "+Infinity") == 0)
		return INFINITY;
	if (strcmp(buf, "-Infinity") == 0)
		return -INFINITY;
	if (n > 2 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
		int radix = buf[1] == 'x' || buf[1] == 'X' ? 16 : buf[1] == 'o' || buf[1] == 'O' ? 8 : 2;
		double v = 0;
		for (size_t k = 2; k < n; k++) {
			int d = buf[k] >= '0' && buf[k] <= '9' ? buf[k] - '0'
				: buf[k] >= 'a' && buf[k] <= 'f' ? buf[k] - 'a' + 10
				: buf[k] >= 'A' && buf[k] <= 'F' ? buf[k] - 'A' + 10 : 99;
			if (d >= radix)
				return NAN;
			v = v * radix + d;
		}
		return v;
	}
	/* decimal: digits, one dot, an exponent; nothing else (strtod would
	 * take hex floats, "inf", "nan") */
	size_t k = 0;
	if (buf[k] == '+' || buf[k] == '-')
		k++;
	bool digits = false;
	while (buf[k] >= '0' && buf[k] <= '9')
		k++, digits = true;
	if (buf[k] == '.') {
		k++;
		while (buf[k] >= '0' && buf[k] <= '9')
			k++, digits = true;
	}
	if (digits && (buf[k] == 'e' || buf[k] == 'E')) {
		k++;
		if (buf[k] == '+' || buf[k] == '-')
			k++;
		if (!(buf[k] >= '0' && buf[k] <= '9'))
			return NAN;
		while (buf[k] >= '0' && buf[k] <= '9')
			k++;
	}
	if (!digits || buf[k] != '\0')
		return NAN;
	return strtod(buf, NULL);
}

static double to_num(const mig_value *v)
{
	double d;
	if (v->type == MIG_V_STRING)
		return mig__js_str_to_number(v->str, v->len);
	if (mig__js_to_number(v, &d))
		return d;
	return NAN;
}

/* ToIntegerOrInfinity */
static double to_int(const mig_value *v)
{
	double d = v ? to_num(v) : 0;
	if (isnan(d))
		return 0;
	return trunc(d);
}

/* A relative index (slice, at ...) clamped to 0..len. */
static size_t rel_index(const mig_value *v, size_t len, size_t dflt)
{
	if (!v || v->type == MIG_V_UNDEFINED)
		return dflt;
	double d = to_int(v);
	if (d < 0)
		d = (double)len + d < 0 ? 0 : (double)len + d;
	return d > (double)len ? len : (size_t)d;
}

/* ---- results ------------------------------------------------------------ */

static int ret_str(parser *p, const char *s, size_t len, const tok *t, mig_value **out)
{
	*out = mig__js_vtext(p, MIG_V_STRING, s, len, t);
	return *out ? 0 : mig__js_last_code();
}

static int ret_num(parser *p, double d, const tok *t, mig_value **out)
{
	*out = mig__js_vnum(p, d, t);
	return *out ? 0 : mig__js_last_code();
}

static int ret_bool(parser *p, bool b, const tok *t, mig_value **out)
{
	*out = mig__js_vnew(p, MIG_V_BOOL, t);
	if (*out)
		(*out)->b = b;
	return *out ? 0 : mig__js_last_code();
}

static int ret_mstr(parser *p, mig_str *s, const tok *t, mig_value **out)
{
	int rc = mig_str_failed(s) ? mig_error_oom() : ret_str(p, mig_str_cstr(s), mig_str_len(s), t, out);
	mig_str_free(s);
	return rc;
}

/* ToString of v into a new string (arrays join, objects [object Object]). */
static int string_of(parser *p, const mig_value *v, const tok *t, mig_str *out)
{
	return mig__js_append_js_string(p, out, v, t, "converted to a string");
}

int mig__js_to_string(parser *p, mig_value **vp, const tok *t)
{
	mig_str s = MIG_STR_INIT;
	int rc = string_of(p, *vp, t, &s);
	if (rc) {
		mig_str_free(&s);
		return rc;
	}
	mig_value *r = NULL;
	if ((rc = ret_mstr(p, &s, t, &r)) != 0)
		return rc;
	mig_value_free(*vp);
	*vp = r;
	return 0;
}

/* ---- arguments ------------------------------------------------------------ */

typedef struct args {
	jsarg *a;
	size_t n;
} args;

static const mig_value *arg(const args *a, size_t k)
{
	return k < a->n && a->a[k].kind == B_VALUE ? a->a[k].val : NULL;
}

static bool undef_arg(const args *a, size_t k)
{
	const mig_value *v = arg(a, k);
	return !v || v->type == MIG_V_UNDEFINED;
}

/* String argument k (ToString; undefined gives "undefined"). */
static int str_arg(parser *p, const args *a, size_t k, const tok *t, mig_str *out)
{
	const mig_value *v = arg(a, k);
	if (k < a->n && a->a[k].kind != B_VALUE)
		return mig__js_refuse(p, t, "a function where a string is expected");
	if (!v) {
		mig_str_puts(out, "undefined");
		return 0;
	}
	return string_of(p, v, t, out);
}

static int need_fn(parser *p, const args *a, size_t k, const tok *name, const fnref **f)
{
	if (k >= a->n || a->a[k].kind != B_FUNC)
		return mig__js_refuse(p, name, "`.%.*s()` without a function of this file as its callback",
				      (int)name->len, p->src + name->off);
	*f = &a->a[k].f;
	return 0;
}

/* ---- string methods ---------------------------------------------------- */

static int find(const char *h, size_t hl, const char *n, size_t nl, size_t from, size_t *at)
{
	for (size_t k = from; k + nl <= hl; k++)
		if (memcmp(h + k, n, nl) == 0) {
			*at = k;
			return 1;
		}
	return 0;
}

/* GetSubstitution for a string pattern: $$ $& $` $' (nothing else). */
static void substitute(mig_str *out, const char *s, size_t len, size_t at, size_t ml, const char *r, size_t rl)
{
	for (size_t k = 0; k < rl; k++) {
		if (r[k] == '$' && k + 1 < rl) {
			char c = r[k + 1];
			if (c == '$') {
				mig_str_putc(out, '$');
				k++;
				continue;
			}
			if (c == '&') {
				mig_str_put(out, s + at, ml);
				k++;
				continue;
			}
			if (c == '`') {
				mig_str_put(out, s, at);
				k++;
				continue;
			}
			if (c == '\'') {
				mig_str_put(out, s + at + ml, len - at - ml);
				k++;
				continue;
			}
		}
		mig_str_putc(out, r[k]);
	}
}

static int string_method(parser *p, int depth, const mig_value *v, const tok *name, args *a, mig_value **out)
{
	const char *s = v->str;
	size_t len = v->len;
	const tok *t = name;
	int rc = 0;
#define M(x) (is_id(p, name, x))
	if (M("toUpperCase") || M("toLowerCase") || M("toLocaleUpperCase") || M("toLocaleLowerCase")) {
		if (!ascii(s, len))
			return mig__js_refuse(p, t, "`.%.*s()` of a string with characters outside ASCII", (int)name->len,
					      p->src + name->off);
		mig_str r = MIG_STR_INIT;
		bool up = M("toUpperCase") || M("toLocaleUpperCase");
		for (size_t k = 0; k < len; k++) {
			char c = s[k];
			if (up && c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			else if (!up && c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			mig_str_putc(&r, c);
		}
		return ret_mstr(p, &r, t, out);
	}
	if (M("trim") || M("trimStart") || M("trimEnd") || M("trimLeft") || M("trimRight")) {
		size_t i, j;
		trim_range(s, len, !M("trimEnd") && !M("trimRight"), !M("trimStart") && !M("trimLeft"), &i, &j);
		return ret_str(p, s + i, j - i, t, out);
	}
	if (M("toString") || M("valueOf"))
		return ret_str(p, s, len, t, out);
	if (M("includes") || M("startsWith") || M("endsWith") || M("indexOf") || M("lastIndexOf")) {
		mig_str n = MIG_STR_INIT;
		const mig_value *a0 = arg(a, 0);
		if (a0 && a0->type != MIG_V_STRING && (M("includes") || M("startsWith") || M("endsWith")) &&
		    a0->type == MIG_V_OBJECT)
			return mig__js_refuse(p, t, "`.%.*s()` of an object", (int)name->len, p->src + name->off);
		if ((rc = str_arg(p, a, 0, t, &n)) != 0) {
			mig_str_free(&n);
			return rc;
		}
		size_t nl = mig_str_len(&n), ulen = u16_len(s, len), at;
		const char *ns = mig_str_cstr(&n);
		bool r = false;
		double idx = -1;
		if (M("endsWith")) {
			size_t end = rel_index(arg(a, 1), ulen, ulen), e;
			if (undef_arg(a, 1))
				end = ulen;
			else {
				double d = to_int(arg(a, 1));
				end = d < 0 ? 0 : d > (double)ulen ? ulen : (size_t)d;
			}
			if (!u16_off(s, len, end, &e))
				rc = mig__js_refuse(p, t, "`.endsWith()` inside a character outside the BMP");
			r = e >= nl && memcmp(s + e - nl, ns, nl) == 0;
		} else if (M("lastIndexOf")) {
			for (size_t k = len + 1; k-- > 0;)
				if (k + nl <= len && memcmp(s + k, ns, nl) == 0) {
					idx = (double)u16_len(s, k);
					break;
				}
		} else {
			double d = undef_arg(a, 1) ? 0 : to_int(arg(a, 1));
			size_t from = d < 0 ? 0 : d > (double)ulen ? ulen : (size_t)d, f;
			if (!u16_off(s, len, from, &f))
				rc = mig__js_refuse(p, t, "a position inside a character outside the BMP");
			if (M("startsWith"))
				r = f + nl <= len && memcmp(s + f, ns, nl) == 0;
			else if (find(s, len, ns, nl, f, &at)) {
				r = true;
				idx = (double)u16_len(s, at);
			}
		}
		mig_str_free(&n);
		if (rc)
			return rc;
		if (M("indexOf") || M("lastIndexOf"))
			return ret_num(p, idx, t, out);
		return ret_bool(p, r, t, out);
	}
	if (M("slice") || M("substring") || M("charAt") || M("at") || M("substr")) {
		size_t ulen = u16_len(s, len), from, to;
		if (M("slice")) {
			from = rel_index(arg(a, 0), ulen, 0);
			to = rel_index(arg(a, 1), ulen, ulen);
		} else if (M("substring")) {
			double x = undef_arg(a, 0) ? 0 : to_int(arg(a, 0));
			double y = undef_arg(a, 1) ? (double)ulen : to_int(arg(a, 1));
			x = x < 0 ? 0 : x > (double)ulen ? (double)ulen : x;
			y = y < 0 ? 0 : y > (double)ulen ? (double)ulen : y;
			from = (size_t)(x < y ? x : y);
			to = (size_t)(x < y ? y : x);
		} else if (M("substr")) {
			from = rel_index(arg(a, 0), ulen, 0);
			double l = undef_arg(a, 1) ? (double)ulen : to_int(arg(a, 1));
			to = l <= 0 ? from : from + l > (double)ulen ? ulen : from + (size_t)l;
		} else {
			double d = undef_arg(a, 0) ? 0 : to_int(arg(a, 0));
			if (M("at") && d < 0)
				d += (double)ulen;
			if (d < 0 || d >= (double)ulen) {
				if (M("at")) {
					*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
					return *out ? 0 : mig__js_last_code();
				}
				return ret_str(p, "", 0, t, out);
			}
			from = (size_t)d;
			to = from + 1;
		}
		size_t x, y;
		if (to < from)
			to = from;
		if (!u16_off(s, len, from, &x) || !u16_off(s, len, to, &y))
			return mig__js_refuse(p, t, "`.%.*s()` cutting a character outside the BMP in two", (int)name->len,
					      p->src + name->off);
		return ret_str(p, s + x, y - x, t, out);
	}
	if (M("split")) {
		mig_value *arr = mig__js_vnew(p, MIG_V_ARRAY, t);
		if (!arr)
			return mig__js_last_code();
		double lim = undef_arg(a, 1) ? 4294967295.0 : to_int(arg(a, 1));
		if (undef_arg(a, 0)) {
			mig_value *c = mig__js_vtext(p, MIG_V_STRING, s, len, t);
			rc = c ? mig_array_push(arr, c) : mig__js_last_code();
		} else {
			mig_str n = MIG_STR_INIT;
			rc = str_arg(p, a, 0, t, &n);
			size_t nl = mig_str_len(&n), k = 0, at;
			const char *ns = mig_str_cstr(&n);
			while (rc == 0 && (double)arr->n < lim) {
				mig_value *c;
				if (nl == 0) {
					if (k >= len)
						break;
					size_t l = cp_len((unsigned char)s[k]);
					if (l == 4) {
						rc = mig__js_refuse(p, t, "`.split('')` of a string with characters outside the BMP");
						break;
					}
					c = mig__js_vtext(p, MIG_V_STRING, s + k, l, t);
					k += l;
				} else if (find(s, len, ns, nl, k, &at)) {
					c = mig__js_vtext(p, MIG_V_STRING, s + k, at - k, t);
					k = at + nl;
				} else {
					c = mig__js_vtext(p, MIG_V_STRING, s + k, len - k, t);
					k = len + 1;
				}
				rc = c ? mig_array_push(arr, c) : mig__js_last_code();
				if (k > len)
					break;
			}
			mig_str_free(&n);
		}
		if (rc) {
			mig_value_free(arr);
			return rc;
		}
		*out = arr;
		return 0;
	}
	if (M("replace") || M("replaceAll")) {
		if (a->n >= 2 && a->a[1].kind == B_FUNC)
			return mig__js_refuse(p, t, "`.%.*s()` with a replacement function", (int)name->len, p->src + name->off);
		mig_str n = MIG_STR_INIT, r = MIG_STR_INIT, res = MIG_STR_INIT;
		rc = str_arg(p, a, 0, t, &n);
		if (rc == 0)
			rc = str_arg(p, a, 1, t, &r);
		size_t nl = mig_str_len(&n), k = 0, at;
		while (rc == 0 && find(s, len, mig_str_cstr(&n), nl, k, &at)) {
			mig_str_put(&res, s + k, at - k);
			substitute(&res, s, len, at, nl, mig_str_cstr(&r), mig_str_len(&r));
			if (nl == 0) {
				if (at >= len) {
					k = len;
					break;
				}
				size_t l = cp_len((unsigned char)s[at]);
				mig_str_put(&res, s + at, l);
				k = at + l;
			} else {
				k = at + nl;
			}
			if (M("replace"))
				break;
			if ((rc = mig__js_step(p, t)) != 0)
				break;
		}
		if (rc == 0 && k <= len)
			mig_str_put(&res, s + k, len - k);
		mig_str_free(&n);
		mig_str_free(&r);
		if (rc) {
			mig_str_free(&res);
			return rc;
		}
		return ret_mstr(p, &res, t, out);
	}
	if (M("padStart") || M("padEnd")) {
		double target = to_int(arg(a, 0));
		mig_str fill = MIG_STR_INIT;
		if (undef_arg(a, 1))
			mig_str_putc(&fill, ' ');
		else if ((rc = str_arg(p, a, 1, t, &fill)) != 0) {
			mig_str_free(&fill);
			return rc;
		}
		size_t ulen = u16_len(s, len);
		mig_str res = MIG_STR_INIT;
		if (target > (double)ulen && mig_str_len(&fill) > 0) {
			size_t need = (size_t)target - ulen;
			if (need > VALUE_BUDGET || !ascii(mig_str_cstr(&fill), mig_str_len(&fill))) {
				mig_str_free(&fill);
				if (need > VALUE_BUDGET)
					return mig__js_err(p, t, "the values of this file are too large (more than %zu MiB once constants are expanded)",
							   VALUE_BUDGET >> 20);
				return mig__js_refuse(p, t, "padding with characters outside ASCII");
			}
			mig_str pad = MIG_STR_INIT;
			for (size_t k = 0; k < need; k++)
				mig_str_putc(&pad, mig_str_cstr(&fill)[k % mig_str_len(&fill)]);
			if (M("padEnd"))
				mig_str_put(&res, s, len);
			mig_str_put(&res, mig_str_cstr(&pad), mig_str_len(&pad));
			if (M("padStart"))
				mig_str_put(&res, s, len);
			mig_str_free(&pad);
		} else {
			mig_str_put(&res, s, len);
		}
		mig_str_free(&fill);
		return ret_mstr(p, &res, t, out);
	}
	if (M("repeat")) {
		double n = to_int(arg(a, 0));
		if (n < 0 || isinf(n))
			return mig__js_err(p, t, "`.repeat(%g)` %s (a RangeError in Node.js too)", n, p->where);
		if (len && n * (double)len > (double)(VALUE_BUDGET - p->rt->budget))
			return mig__js_err(p, t, "the values of this file are too large (more than %zu MiB once constants are expanded)",
					   VALUE_BUDGET >> 20);
		mig_str res = MIG_STR_INIT;
		for (size_t k = 0; len && k < (size_t)n; k++)
			mig_str_put(&res, s, len);
		return ret_mstr(p, &res, t, out);
	}
	if (M("concat")) {
		mig_str res = MIG_STR_INIT;
		mig_str_put(&res, s, len);
		for (size_t k = 0; k < a->n && rc == 0; k++)
			rc = str_arg(p, a, k, t, &res);
		if (rc) {
			mig_str_free(&res);
			return rc;
		}
		return ret_mstr(p, &res, t, out);
	}
	if (M("localeCompare") || M("normalize") || M("match") || M("matchAll") || M("search"))
		return mig__js_refuse(p, t, "`.%.*s()` of a string", (int)name->len, p->src + name->off);
	(void)depth;
	return mig__js_refuse(p, t, "`.%.*s()` of a string", (int)name->len, p->src + name->off);
}

/* ---- array methods ------------------------------------------------------ */

static bool same_value_zero(const mig_value *x, const mig_value *y)
{
	if (x->type != y->type)
		return false;
	switch (x->type) {
	case MIG_V_UNDEFINED:
	case MIG_V_NULL:
		return true;
	case MIG_V_BOOL:
		return x->b == y->b;
	case MIG_V_NUMBER:
		return x->num == y->num || (isnan(x->num) && isnan(y->num));
	case MIG_V_STRING:
		return x->len == y->len && memcmp(x->str, y->str, x->len) == 0;
	default:
		return false;
	}
}

/* callback(item, index, array) -> *res */
static int callback(parser *p, int depth, const fnref *f, const mig_value *arr, size_t k, mig_value *acc,
		    const tok *t, mig_value **res)
{
	size_t np = f->mod->fns[f->fn].nparams;
	mig_value *vals[4] = {NULL, NULL, NULL, NULL};
	size_t n = 0;
	int rc = 0;
	if (acc)
		vals[n++] = acc;
	if (!(vals[n++] = mig__js_vclone(p, arr->items[k], 1, t)))
		rc = mig__js_last_code();
	if (rc == 0 && np > n && !(vals[n++] = mig__js_vnum(p, (double)k, t)))
		rc = mig__js_last_code();
	if (rc == 0 && np > n && !(vals[n++] = mig__js_vclone(p, arr, 1, t)))
		rc = mig__js_last_code();
	if (rc == 0)
		rc = mig__js_call_values(p, f, vals, n, depth, t, res);
	for (size_t j = 0; j < 4; j++)
		mig_value_free(vals[j]);
	return rc;
}

static int flat_into(parser *p, mig_value *dst, mig_value *v, double depth, const tok *t)
{
	int rc = 0;
	if (v->type == MIG_V_ARRAY && depth >= 1) {
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			rc = flat_into(p, dst, v->items[k], depth - 1, t);
			v->items[k] = NULL;
		}
		mig_value_free(v);
		return rc;
	}
	return mig_array_push(dst, v);
}

static int array_method(parser *p, int depth, mig_value *v, const tok *name, args *a, mig_value **out)
{
	const tok *t = name;
	int rc = 0;
	if (M("join") || M("toString")) {
		mig_str sep = MIG_STR_INIT, res = MIG_STR_INIT;
		if (M("toString") || undef_arg(a, 0))
			mig_str_putc(&sep, ',');
		else
			rc = str_arg(p, a, 0, t, &sep);
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			if (k)
				mig_str_put(&res, mig_str_cstr(&sep), mig_str_len(&sep));
			if (v->items[k]->type != MIG_V_NULL && v->items[k]->type != MIG_V_UNDEFINED)
				rc = string_of(p, v->items[k], t, &res);
		}
		mig_str_free(&sep);
		if (rc) {
			mig_str_free(&res);
			return rc;
		}
		return ret_mstr(p, &res, t, out);
	}
	if (M("includes") || M("indexOf") || M("lastIndexOf")) {
		const mig_value *x = arg(a, 0);
		mig_value u;
		memset(&u, 0, sizeof(u));
		if (!x)
			x = &u;
		if (x->type == MIG_V_ARRAY || x->type == MIG_V_OBJECT || x->type == MIG_V_LITERAL)
			return mig__js_refuse(p, t, "`.%.*s()` of %s (objects compare by identity)", (int)name->len,
					      p->src + name->off, mig__js_a_type(x));
		double idx = -1;
		bool found = false;
		for (size_t k = 0; k < v->n; k++) {
			size_t j = M("lastIndexOf") ? v->n - 1 - k : k;
			const mig_value *y = v->items[j];
			bool eq = M("includes") ? same_value_zero(x, y)
						: same_value_zero(x, y) && !(x->type == MIG_V_NUMBER && isnan(x->num));
			if (eq) {
				found = true;
				idx = (double)j;
				break;
			}
		}
		if (M("includes"))
			return ret_bool(p, found, t, out);
		return ret_num(p, idx, t, out);
	}
	if (M("slice") || M("at")) {
		if (M("at")) {
			double d = undef_arg(a, 0) ? 0 : to_int(arg(a, 0));
			if (d < 0)
				d += (double)v->n;
			if (d < 0 || d >= (double)v->n)
				*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			else {
				*out = v->items[(size_t)d];
				v->items[(size_t)d] = NULL;
			}
			return *out ? 0 : mig__js_last_code();
		}
		size_t from = rel_index(arg(a, 0), v->n, 0), to = rel_index(arg(a, 1), v->n, v->n);
		mig_value *r = mig__js_vnew(p, MIG_V_ARRAY, t);
		if (!r)
			return mig__js_last_code();
		for (size_t k = from; k < to && rc == 0; k++) {
			rc = mig_array_push(r, v->items[k]);
			v->items[k] = NULL;
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	if (M("concat")) {
		mig_value *r = mig__js_vclone(p, v, 1, t);
		if (!r)
			return mig__js_last_code();
		for (size_t k = 0; k < a->n && rc == 0; k++) {
			if (a->a[k].kind != B_VALUE) {
				rc = mig__js_refuse(p, t, "a function stored in an array");
				break;
			}
			mig_value *x = a->a[k].val;
			a->a[k].val = NULL;
			if (x->type == MIG_V_ARRAY) {
				for (size_t j = 0; j < x->n && rc == 0; j++) {
					rc = mig_array_push(r, x->items[j]);
					x->items[j] = NULL;
				}
				mig_value_free(x);
			} else {
				rc = mig_array_push(r, x);
			}
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	if (M("reverse")) {
		for (size_t k = 0; k < v->n / 2; k++) {
			mig_value *x = v->items[k];
			v->items[k] = v->items[v->n - 1 - k];
			v->items[v->n - 1 - k] = x;
		}
		*out = mig__js_vclone(p, v, 1, t);
		return *out ? 0 : mig__js_last_code();
	}
	if (M("flat")) {
		double d = undef_arg(a, 0) ? 1 : to_int(arg(a, 0));
		mig_value *r = mig__js_vnew(p, MIG_V_ARRAY, t);
		if (!r)
			return mig__js_last_code();
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			rc = flat_into(p, r, v->items[k], d, t);
			v->items[k] = NULL;
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	if (M("map") || M("filter") || M("forEach") || M("find") || M("findIndex") || M("some") || M("every") ||
	    M("flatMap") || M("findLast") || M("findLastIndex")) {
		const fnref *f = NULL;
		if ((rc = need_fn(p, a, 0, name, &f)) != 0)
			return rc;
		mig_value *r = M("map") || M("filter") || M("flatMap") ? mig__js_vnew(p, MIG_V_ARRAY, t) : NULL;
		if ((M("map") || M("filter") || M("flatMap")) && !r)
			return mig__js_last_code();
		bool last = M("findLast") || M("findLastIndex");
		double hit = -1;
		for (size_t j = 0; j < v->n && rc == 0; j++) {
			size_t k = last ? v->n - 1 - j : j;
			mig_value *res = NULL;
			if ((rc = callback(p, depth, f, v, k, NULL, t, &res)) != 0)
				break;
			if (M("map")) {
				rc = mig_array_push(r, res);
			} else if (M("flatMap")) {
				rc = flat_into(p, r, res, 1, t);
			} else if (M("filter")) {
				bool keep = mig_value_truthy(res);
				mig_value_free(res);
				if (keep) {
					mig_value *c = mig__js_vclone(p, v->items[k], 1, t);
					rc = c ? mig_array_push(r, c) : mig__js_last_code();
				}
			} else {
				bool yes = mig_value_truthy(res);
				mig_value_free(res);
				if (M("forEach"))
					continue;
				if (M("every") ? !yes : yes) {
					hit = (double)k;
					break;
				}
			}
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		if (r) {
			*out = r;
			return 0;
		}
		if (M("forEach")) {
			*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			return *out ? 0 : mig__js_last_code();
		}
		if (M("some"))
			return ret_bool(p, hit >= 0, t, out);
		if (M("every"))
			return ret_bool(p, hit < 0, t, out);
		if (M("findIndex") || M("findLastIndex"))
			return ret_num(p, hit, t, out);
		if (hit < 0)
			*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
		else {
			*out = v->items[(size_t)hit];
			v->items[(size_t)hit] = NULL;
		}
		return *out ? 0 : mig__js_last_code();
	}
	if (M("reduce") || M("reduceRight")) {
		const fnref *f = NULL;
		if ((rc = need_fn(p, a, 0, name, &f)) != 0)
			return rc;
		bool right = M("reduceRight");
		mig_value *acc = NULL;
		size_t j = 0;
		if (a->n >= 2) {
			if (a->a[1].kind != B_VALUE)
				return mig__js_refuse(p, t, "a function as the initial value of `.reduce()`");
			acc = a->a[1].val;
			a->a[1].val = NULL;
		} else if (v->n == 0) {
			return mig__js_err(p, t, "`.reduce()` of an empty array without an initial value %s (a TypeError in Node.js too)",
					   p->where);
		} else {
			size_t k = right ? v->n - 1 : 0;
			acc = v->items[k];
			v->items[k] = mig__js_vnew(p, MIG_V_UNDEFINED, t);
			if (!v->items[k]) {
				mig_value_free(acc);
				return mig__js_last_code();
			}
			j = 1;
		}
		for (; j < v->n && rc == 0; j++) {
			size_t k = right ? v->n - 1 - j : j;
			mig_value *res = NULL;
			rc = callback(p, depth, f, v, k, acc, t, &res);
			acc = NULL; /* taken by the call */
			acc = res;
		}
		if (rc) {
			mig_value_free(acc);
			return rc;
		}
		*out = acc;
		return 0;
	}
	if (M("sort") || M("toSorted")) {
		const fnref *f = NULL;
		if (a->n && (rc = need_fn(p, a, 0, name, &f)) != 0)
			return rc;
		/* insertion sort: stable, as Array#sort is */
		for (size_t k = 1; k < v->n && rc == 0; k++) {
			size_t j = k;
			while (j > 0 && rc == 0) {
				const mig_value *x = v->items[j - 1], *y = v->items[j];
				bool swap;
				if ((rc = mig__js_step(p, t)) != 0)
					break;
				if (y->type == MIG_V_UNDEFINED)
					swap = false;
				else if (x->type == MIG_V_UNDEFINED)
					swap = true;
				else if (f) {
					mig_value *vals[2] = {mig__js_vclone(p, x, 1, t), mig__js_vclone(p, y, 1, t)};
					mig_value *res = NULL;
					if (!vals[0] || !vals[1]) {
						mig_value_free(vals[0]);
						mig_value_free(vals[1]);
						rc = mig__js_last_code();
						break;
					}
					rc = mig__js_call_values(p, f, vals, 2, depth, t, &res);
					mig_value_free(vals[0]);
					mig_value_free(vals[1]);
					if (rc)
						break;
					double d = to_num(res);
					mig_value_free(res);
					swap = d > 0;
				} else {
					mig_str sx = MIG_STR_INIT, sy = MIG_STR_INIT;
					rc = string_of(p, x, t, &sx);
					if (rc == 0)
						rc = string_of(p, y, t, &sy);
					size_t n = sx.len < sy.len ? sx.len : sy.len;
					int c = n ? memcmp(mig_str_cstr(&sx), mig_str_cstr(&sy), n) : 0;
					swap = c > 0 || (c == 0 && sx.len > sy.len);
					mig_str_free(&sx);
					mig_str_free(&sy);
				}
				if (!swap)
					break;
				mig_value *tmp = v->items[j - 1];
				v->items[j - 1] = v->items[j];
				v->items[j] = tmp;
				j--;
			}
		}
		if (rc)
			return rc;
		*out = mig__js_vclone(p, v, 1, t);
		return *out ? 0 : mig__js_last_code();
	}
	return mig__js_refuse(p, t, "`.%.*s()` of an array", (int)name->len, p->src + name->off);
}

/* At the name of a method after `.`, before `(`: v.name(...). */
int mig__js_method(parser *p, int depth, mig_value **vp, const tok *name)
{
	adv(p);
	args a = {NULL, 0};
	int rc = mig__js_parse_args(p, depth, &a.a, &a.n);
	if (rc)
		return rc;
	mig_value *v = *vp, *res = NULL;
	if (p->noeval) {
		res = mig__js_vnew(p, MIG_V_UNDEFINED, name);
		rc = res ? 0 : mig__js_last_code();
	} else if ((rc = mig__js_step(p, name)) != 0) {
		/* stop */
	} else if (v->type == MIG_V_STRING) {
		rc = string_method(p, depth, v, name, &a, &res);
	} else if (v->type == MIG_V_ARRAY) {
		rc = array_method(p, depth, v, name, &a, &res);
	} else if (v->type == MIG_V_NUMBER && M("toString") && a.n == 0) {
		mig_str s = MIG_STR_INIT;
		mig_number_to_js(&s, v->num);
		rc = ret_mstr(p, &s, name, &res);
	} else if (v->type == MIG_V_BOOL && M("toString")) {
		rc = ret_str(p, v->b ? "true" : "false", v->b ? 4 : 5, name, &res);
	} else if (v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED) {
		rc = mig__js_err(p, name, "calling `.%.*s()` of %s %s (a TypeError in Node.js too)", (int)name->len,
				 p->src + name->off, mig_value_type_name(v), p->where);
	} else {
		rc = mig__js_refuse(p, name, "`.%.*s()` of %s", (int)name->len, p->src + name->off, mig__js_a_type(v));
	}
	mig__js_args_free(a.a, a.n);
	if (rc) {
		mig_value_free(res);
		return rc;
	}
	mig_value_free(v);
	*vp = res;
	return 0;
}

/* ---- JSON.stringify ----------------------------------------------------- */

static void json_quote(mig_str *out, const char *s, size_t len)
{
	mig_str_putc(out, '"');
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k];
		switch (c) {
		case '"': mig_str_puts(out, "\\\""); break;
		case '\\': mig_str_puts(out, "\\\\"); break;
		case '\b': mig_str_puts(out, "\\b"); break;
		case '\f': mig_str_puts(out, "\\f"); break;
		case '\n': mig_str_puts(out, "\\n"); break;
		case '\r': mig_str_puts(out, "\\r"); break;
		case '\t': mig_str_puts(out, "\\t"); break;
		default:
			if (c < 0x20)
				mig_str_printf(out, "\\u%04x", c);
			else
				mig_str_putc(out, (char)c);
		}
	}
	mig_str_putc(out, '"');
}

static int json_value(parser *p, mig_str *out, const mig_value *v, const char *gap, const char *indent,
		      const tok *t, bool *undef, int depth)
{
	*undef = false;
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, t);
	switch (v->type) {
	case MIG_V_UNDEFINED:
		*undef = true;
		return 0;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		return 0;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		return 0;
	case MIG_V_NUMBER:
		if (isfinite(v->num))
			mig_number_to_js(out, v->num);
		else
			mig_str_puts(out, "null");
		return 0;
	case MIG_V_STRING:
		json_quote(out, v->str, v->len);
		return 0;
	case MIG_V_LITERAL:
		/* a PgLiteral's own fields */
		mig_str_puts(out, *gap ? "{\n" : "{");
		mig_str_printf(out, "%s%s\"literal\":%strue,%s%s%s\"value\":%s", indent, gap, *gap ? " " : "",
			       *gap ? "\n" : "", indent, gap, *gap ? " " : "");
		json_quote(out, v->str, v->len);
		mig_str_printf(out, "%s%s}", *gap ? "\n" : "", indent);
		return 0;
	case MIG_V_ARRAY:
	case MIG_V_OBJECT: {
		bool arr = v->type == MIG_V_ARRAY;
		mig_str inner = MIG_STR_INIT;
		mig_str_printf(&inner, "%s%s", indent, gap);
		mig_str_putc(out, arr ? '[' : '{');
		bool any = false;
		int rc = 0;
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			mig_str item = MIG_STR_INIT;
			bool u;
			rc = json_value(p, &item, v->items[k], gap, mig_str_cstr(&inner), t, &u, depth + 1);
			if (rc == 0 && !(u && !arr)) {
				mig_str_putc(out, any ? ',' : '\0');
				if (!any)
					out->len--; /* no separator before the first */
				if (*gap) {
					mig_str_putc(out, '\n');
					mig_str_puts(out, mig_str_cstr(&inner));
				}
				if (!arr) {
					json_quote(out, v->keys[k], strlen(v->keys[k]));
					mig_str_puts(out, *gap ? ": " : ":");
				}
				mig_str_puts(out, u ? "null" : mig_str_cstr(&item));
				any = true;
			}
			mig_str_free(&item);
		}
		if (any && *gap) {
			mig_str_putc(out, '\n');
			mig_str_puts(out, indent);
		}
		mig_str_putc(out, arr ? ']' : '}');
		mig_str_free(&inner);
		return rc;
	}
	}
	return 0;
}

int mig__js_json(parser *p, mig_str *out, const mig_value *v, const char *gap, const tok *t, bool *undef)
{
	return json_value(p, out, v, gap, "", t, undef, 0);
}

/* ---- util.inspect ------------------------------------------------------- */

typedef struct ictx {
	int indent;
	int cur_depth;
	int max_depth;
} ictx;

static void inspect_string(mig_str *out, const char *s, size_t len)
{
	char q = '\'';
	if (memchr(s, '\'', len)) {
		if (!memchr(s, '"', len))
			q = '"';
		else if (!memchr(s, '`', len) && !memchr(s, '$', len))
			q = '`';
	}
	mig_str_putc(out, q);
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == (unsigned char)q || c == '\\') {
			mig_str_putc(out, '\\');
			mig_str_putc(out, (char)c);
		} else if (c == '\n') {
			mig_str_puts(out, "\\n");
		} else if (c == '\t') {
			mig_str_puts(out, "\\t");
		} else if (c == '\r') {
			mig_str_puts(out, "\\r");
		} else if (c == '\b') {
			mig_str_puts(out, "\\b");
		} else if (c == '\f') {
			mig_str_puts(out, "\\f");
		} else if (c == 0x0B) {
			mig_str_puts(out, "\\v");
		} else if (c < 0x20 || c == 0x7F) {
			mig_str_printf(out, "\\x%02X", c);
		} else if (c == 0xC2 && k + 1 < len && (unsigned char)s[k + 1] >= 0x80 && (unsigned char)s[k + 1] <= 0x9F) {
			mig_str_printf(out, "\\x%02X", (unsigned char)s[k + 1]);
			k++;
		} else {
			mig_str_putc(out, (char)c);
		}
	}
	mig_str_putc(out, q);
}

static bool plain_key(const char *k)
{
	if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_'))
		return false;
	for (k++; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_' || (*k >= '0' && *k <= '9')))
			return false;
	return true;
}

static int inspect_value(ictx *c, mig_str *out, const mig_value *v, int recurse);

typedef struct strs {
	char **v;
	size_t n;
} strs;

static void strs_free(strs *s)
{
	for (size_t k = 0; k < s->n; k++)
		mig__free(s->v[k]);
	mig__free(s->v);
	s->v = NULL;
	s->n = 0;
}

static int strs_push(strs *s, mig_str *x)
{
	if (mig_str_failed(x))
		return mig_error_oom();
	char **v = mig__realloc(s->v, (s->n + 1) * sizeof(*v));
	if (!v)
		return mig_error_oom();
	s->v = v;
	s->v[s->n++] = mig_str_detach(x);
	return s->v[s->n - 1] ? 0 : mig_error_oom();
}

/* Node's groupArrayElements: more than 6 short items in columns. */
static int group_items(ictx *c, strs *o, const mig_value *arr, bool extra)
{
	size_t n = extra ? o->n - 1 : o->n;
	size_t total = 0, maxl = 0;
	size_t *dl = mig__calloc(n ? n : 1, sizeof(*dl));
	if (!dl)
		return mig_error_oom();
	for (size_t k = 0; k < n; k++) {
		dl[k] = u16_len(o->v[k], strlen(o->v[k]));
		total += dl[k] + 2;
		if (dl[k] > maxl)
			maxl = dl[k];
	}
	size_t amax = maxl + 2;
	int rc = 0;
	if (amax * 3 + (size_t)c->indent < 80 && ((double)total / (double)amax > 5 || maxl <= 6)) {
		double bias = sqrt((double)amax - (double)total / (double)o->n);
		double bmax = fmax((double)amax - 3 - bias, 1);
		double cols = fmin(fmin(round(sqrt(2.5 * bmax * (double)n) / bmax), floor((80.0 - c->indent) / (double)amax)),
				   fmin(3 * 4, 15));
		if (cols > 1) {
			size_t cn = (size_t)cols;
			size_t *ml = mig__calloc(cn, sizeof(*ml));
			if (!ml) {
				mig__free(dl);
				return mig_error_oom();
			}
			for (size_t i = 0; i < cn; i++) {
				size_t l = 0;
				for (size_t j = i; j < n; j += cn)
					if (dl[j] > l)
						l = dl[j];
				ml[i] = l + 2;
			}
			bool numbers = true;
			for (size_t k = 0; k < arr->n; k++)
				if (arr->items[k]->type != MIG_V_NUMBER)
					numbers = false;
			strs g = {NULL, 0};
			for (size_t i = 0; i < n && rc == 0; i += cn) {
				size_t max = i + cn < n ? i + cn : n;
				mig_str line = MIG_STR_INIT;
				size_t j = i;
				for (; j + 1 < max; j++) {
					size_t w = dl[j] + 2, pad = ml[j - i];
					if (numbers)
						for (size_t q = w; q < pad; q++)
							mig_str_putc(&line, ' ');
					mig_str_puts(&line, o->v[j]);
					mig_str_puts(&line, ", ");
					if (!numbers)
						for (size_t q = w; q < pad; q++)
							mig_str_putc(&line, ' ');
				}
				if (numbers)
					for (size_t q = dl[j]; q + 2 < ml[j - i]; q++)
						mig_str_putc(&line, ' ');
				mig_str_puts(&line, o->v[j]);
				rc = strs_push(&g, &line);
				mig_str_free(&line);
			}
			if (rc == 0 && extra) {
				mig_str x = MIG_STR_INIT;
				mig_str_puts(&x, o->v[o->n - 1]);
				rc = strs_push(&g, &x);
				mig_str_free(&x);
			}
			mig__free(ml);
			if (rc == 0) {
				strs_free(o);
				*o = g;
			} else {
				strs_free(&g);
			}
		}
	}
	mig__free(dl);
	return rc;
}

static int inspect_list(ictx *c, mig_str *out, const mig_value *v, int recurse)
{
	bool arr = v->type == MIG_V_ARRAY;
	if (v->n == 0) {
		mig_str_puts(out, arr ? "[]" : "{}");
		return 0;
	}
	if (recurse > c->max_depth) {
		mig_str_puts(out, arr ? "[Array]" : "[Object]");
		return 0;
	}
	recurse++;
	c->cur_depth = recurse;
	strs o = {NULL, 0};
	int rc = 0;
	size_t shown = arr && v->n > 100 ? 100 : v->n;
	for (size_t k = 0; k < shown && rc == 0; k++) {
		mig_str e = MIG_STR_INIT;
		if (!arr) {
			if (plain_key(v->keys[k]))
				mig_str_puts(&e, v->keys[k]);
			else
				inspect_string(&e, v->keys[k], strlen(v->keys[k]));
			mig_str_puts(&e, ": ");
		}
		c->indent += 2;
		rc = inspect_value(c, &e, v->items[k], recurse);
		c->indent -= 2;
		if (rc == 0)
			rc = strs_push(&o, &e);
		mig_str_free(&e);
	}
	bool extra = false;
	if (rc == 0 && shown < v->n) {
		mig_str e = MIG_STR_INIT;
		mig_str_printf(&e, "... %zu more item%s", v->n - shown, v->n - shown > 1 ? "s" : "");
		rc = strs_push(&o, &e);
		mig_str_free(&e);
		extra = true;
	}
	size_t entries = o.n;
	if (rc == 0 && arr && entries > 6)
		rc = group_items(c, &o, v, extra);
	if (rc == 0) {
		bool single = false;
		if (c->cur_depth - recurse < 3 && entries == o.n) {
			size_t start = o.n + (size_t)c->indent + 1 + 10;
			size_t total = o.n + start;
			single = total + o.n <= 80;
			for (size_t k = 0; k < o.n && single; k++) {
				total += u16_len(o.v[k], strlen(o.v[k]));
				if (total > 80)
					single = false;
			}
			for (size_t k = 0; k < o.n && single; k++)
				if (strchr(o.v[k], '\n'))
					single = false;
		}
		mig_str_putc(out, arr ? '[' : '{');
		if (single) {
			mig_str_putc(out, ' ');
			for (size_t k = 0; k < o.n; k++) {
				if (k)
					mig_str_puts(out, ", ");
				mig_str_puts(out, o.v[k]);
			}
			mig_str_putc(out, ' ');
		} else {
			for (size_t k = 0; k < o.n; k++) {
				mig_str_putc(out, '\n');
				for (int i = 0; i < c->indent + 2; i++)
					mig_str_putc(out, ' ');
				mig_str_puts(out, o.v[k]);
				if (k + 1 < o.n)
					mig_str_putc(out, ',');
			}
			mig_str_putc(out, '\n');
			for (int i = 0; i < c->indent; i++)
				mig_str_putc(out, ' ');
		}
		mig_str_putc(out, arr ? ']' : '}');
	}
	strs_free(&o);
	return rc;
}

static int inspect_value(ictx *c, mig_str *out, const mig_value *v, int recurse)
{
	switch (v->type) {
	case MIG_V_UNDEFINED:
		mig_str_puts(out, "undefined");
		return 0;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		return 0;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		return 0;
	case MIG_V_NUMBER:
		if (v->num == 0 && signbit(v->num))
			mig_str_puts(out, "-0");
		else
			mig_number_to_js(out, v->num);
		return 0;
	case MIG_V_STRING:
		inspect_string(out, v->str, v->len);
		return 0;
	case MIG_V_LITERAL:
		if (recurse > c->max_depth) {
			mig_str_puts(out, "[PgLiteral]");
			return 0;
		}
		mig_str_puts(out, "PgLiteral { literal: true, value: ");
		inspect_string(out, v->str, v->len);
		mig_str_puts(out, " }");
		return 0;
	default:
		return inspect_list(c, out, v, recurse);
	}
}

int mig__js_inspect(parser *p, mig_str *out, const mig_value *v)
{
	(void)p;
	ictx c = {0, 0, 2};
	return inspect_value(&c, out, v, 0);
}

/* util.format(...args) */
static int format_args(parser *p, mig_str *out, args *a, const tok *t)
{
	size_t k = 0;
	int rc = 0;
	const mig_value *first = arg(a, 0);
	if (first && first->type == MIG_V_STRING) {
		k = 1;
		const char *s = first->str;
		size_t len = first->len, last = 0;
		for (size_t i = 0; i + 1 < len && rc == 0; i++) {
			if (s[i] != '%')
				continue;
			char c = s[i + 1];
			if (c == '%') {
				mig_str_put(out, s + last, i - last);
				mig_str_putc(out, '%');
				last = i + 2;
				i++;
				continue;
			}
			if (!strchr("sdifjoOc", c) || k >= a->n)
				continue;
			mig_str_put(out, s + last, i - last);
			const mig_value *x = arg(a, k++);
			if (!x) {
				rc = mig__js_refuse(p, t, "a function logged with console");
				break;
			}
			if (c == 's') {
				if (x->type == MIG_V_STRING)
					mig_str_put(out, x->str, x->len);
				else if (x->type == MIG_V_ARRAY || x->type == MIG_V_OBJECT || x->type == MIG_V_LITERAL) {
					ictx ic = {0, 0, 0};
					rc = inspect_value(&ic, out, x, 0);
				} else {
					rc = inspect_value(&(ictx){0, 0, 2}, out, x, 0);
					if (x->type == MIG_V_NUMBER && x->num == 0 && signbit(x->num)) {
						/* already "-0" */
					}
				}
			} else if (c == 'd' || c == 'i' || c == 'f') {
				double d = x->type == MIG_V_ARRAY || x->type == MIG_V_OBJECT ? NAN : to_num(x);
				if (c == 'i')
					d = trunc(d);
				if (c != 'd' && x->type == MIG_V_STRING) {
					/* parseInt/parseFloat read a prefix */
					char *end;
					d = strtod(x->str, &end);
					if (end == x->str)
						d = NAN;
					if (c == 'i')
						d = trunc(d);
				}
				mig_value num;
				memset(&num, 0, sizeof(num));
				num.type = MIG_V_NUMBER;
				num.num = d;
				rc = inspect_value(&(ictx){0, 0, 2}, out, &num, 0);
			} else if (c == 'j') {
				bool u;
				rc = mig__js_json(p, out, x, "", t, &u);
				if (u)
					mig_str_puts(out, "undefined");
			} else if (c == 'c') {
				/* CSS: ignored */
			} else {
				ictx ic = {0, 0, c == 'o' ? 4 : 2};
				rc = inspect_value(&ic, out, x, 0);
			}
			last = i + 2;
			i++;
		}
		mig_str_put(out, s + last, len - last);
	}
	for (; k < a->n && rc == 0; k++) {
		if (k)
			mig_str_putc(out, ' ');
		const mig_value *x = arg(a, k);
		if (!x)
			return mig__js_refuse(p, t, "a function logged with console");
		if (x->type == MIG_V_STRING)
			mig_str_put(out, x->str, x->len);
		else
			rc = mig__js_inspect(p, out, x);
	}
	return rc;
}

/* ---- globals ------------------------------------------------------------ */

static const char *const globals[] = {"console", "Object", "JSON", "Array", "String", "Number", "Boolean",
				      "Math", "parseInt", "parseFloat", "isNaN", NULL};

bool mig__js_is_global(const parser *p, const tok *t)
{
	for (size_t k = 0; globals[k]; k++)
		if (is_id(p, t, globals[k]))
			return !mig__js_lookup(p, t);
	return false;
}

static int object_fn(parser *p, const tok *name, args *a, mig_value **out)
{
	const tok *t = name;
	const mig_value *o = arg(a, 0);
	if (M("freeze") || M("seal")) {
		if (!o)
			return mig__js_refuse(p, t, "`Object.%.*s()` of a function", (int)name->len, p->src + name->off);
		*out = a->a[0].val;
		a->a[0].val = NULL;
		return 0;
	}
	if (M("keys") || M("values") || M("entries")) {
		if (!o || o->type == MIG_V_NULL || o->type == MIG_V_UNDEFINED)
			return mig__js_err(p, t, "`Object.%.*s()` of %s %s (a TypeError in Node.js too)", (int)name->len,
					   p->src + name->off, o ? mig_value_type_name(o) : "undefined", p->where);
		mig_value *r = mig__js_vnew(p, MIG_V_ARRAY, t);
		if (!r)
			return mig__js_last_code();
		int rc = 0;
		if (o->type == MIG_V_STRING || o->type == MIG_V_LITERAL) {
			mig_value_free(r);
			return mig__js_refuse(p, t, "`Object.%.*s()` of a string", (int)name->len, p->src + name->off);
		}
		for (size_t k = 0; (o->type == MIG_V_OBJECT || o->type == MIG_V_ARRAY) && k < o->n && rc == 0; k++) {
			char b[24];
			const char *key = o->keys ? o->keys[k] : (snprintf(b, sizeof(b), "%zu", k), b);
			mig_value *kv = mig__js_vtext(p, MIG_V_STRING, key, strlen(key), t);
			mig_value *vv = M("keys") ? NULL : mig__js_vclone(p, o->items[k], 1, t);
			if (!kv || (!M("keys") && !vv)) {
				mig_value_free(kv);
				mig_value_free(vv);
				rc = mig__js_last_code();
				break;
			}
			if (M("keys")) {
				rc = mig_array_push(r, kv);
			} else if (M("values")) {
				mig_value_free(kv);
				rc = mig_array_push(r, vv);
			} else {
				mig_value *pair = mig__js_vnew(p, MIG_V_ARRAY, t);
				if (!pair) {
					mig_value_free(kv);
					mig_value_free(vv);
					rc = mig__js_last_code();
					break;
				}
				mig_array_push(pair, kv);
				mig_array_push(pair, vv);
				rc = mig_array_push(r, pair);
			}
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	if (M("fromEntries")) {
		if (!o || o->type != MIG_V_ARRAY)
			return mig__js_refuse(p, t, "`Object.fromEntries()` of %s", o ? mig__js_a_type(o) : "a function");
		mig_value *r = mig__js_vnew(p, MIG_V_OBJECT, t);
		if (!r)
			return mig__js_last_code();
		int rc = 0;
		for (size_t k = 0; k < o->n && rc == 0; k++) {
			const mig_value *e = o->items[k];
			if (e->type != MIG_V_ARRAY) {
				rc = mig__js_refuse(p, t, "`Object.fromEntries()` of %s entries", mig__js_a_type(e));
				break;
			}
			mig_str key = MIG_STR_INIT;
			mig_value u;
			memset(&u, 0, sizeof(u));
			rc = mig__js_property_key(p, e->n ? e->items[0] : &u, &key, t);
			mig_value *val = e->n > 1 ? mig__js_vclone(p, e->items[1], 1, t) : mig__js_vnew(p, MIG_V_UNDEFINED, t);
			if (rc == 0 && !val)
				rc = mig__js_last_code();
			if (rc == 0)
				rc = mig__js_obj_put(p, r, mig_str_cstr(&key), val, t);
			else
				mig_value_free(val);
			mig_str_free(&key);
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	if (M("assign")) {
		/* only onto a new object: the result is then all there is */
		const tok *first = tk_at(p, tk_index(p, name) + 2);
		if (!is_p(first, "{") || !o || o->type != MIG_V_OBJECT)
			return mig__js_refuse(p, t, "`Object.assign()` onto anything but a new object literal");
		mig_value *r = a->a[0].val;
		a->a[0].val = NULL;
		int rc = 0;
		for (size_t k = 1; k < a->n && rc == 0; k++) {
			const mig_value *s = arg(a, k);
			if (!s) {
				rc = mig__js_refuse(p, t, "a function in `Object.assign()`");
				break;
			}
			for (size_t j = 0; s->type == MIG_V_OBJECT && j < s->n && rc == 0; j++) {
				mig_value *c = mig__js_vclone(p, s->items[j], 1, t);
				rc = c ? mig__js_obj_put(p, r, s->keys[j], c, t) : mig__js_last_code();
			}
		}
		if (rc) {
			mig_value_free(r);
			return rc;
		}
		*out = r;
		return 0;
	}
	return mig__js_refuse(p, t, "`Object.%.*s()`", (int)name->len, p->src + name->off);
}

static int array_from(parser *p, int depth, const tok *name, args *a, mig_value **out)
{
	const tok *t = name;
	const mig_value *o = arg(a, 0);
	if (!o)
		return mig__js_refuse(p, t, "`Array.from()` of a function");
	mig_value *r = mig__js_vnew(p, MIG_V_ARRAY, t);
	if (!r)
		return mig__js_last_code();
	int rc = 0;
	if (o->type == MIG_V_ARRAY) {
		for (size_t k = 0; k < o->n && rc == 0; k++) {
			mig_value *c = mig__js_vclone(p, o->items[k], 1, t);
			rc = c ? mig_array_push(r, c) : mig__js_last_code();
		}
	} else if (o->type == MIG_V_STRING) {
		for (size_t k = 0; k < o->len && rc == 0;) {
			size_t l = cp_len((unsigned char)o->str[k]);
			mig_value *c = mig__js_vtext(p, MIG_V_STRING, o->str + k, l, t);
			rc = c ? mig_array_push(r, c) : mig__js_last_code();
			k += l;
		}
	} else if (o->type == MIG_V_OBJECT) {
		/* an array-like: { length: n } */
		const mig_value *l = mig_object_get(o, "length");
		double n = l ? to_int(l) : 0;
		if (n > MAX_KEYS * 16.0)
			rc = mig__js_refuse(p, t, "`Array.from()` of more than %d items", MAX_KEYS * 16);
		for (size_t k = 0; rc == 0 && k < (size_t)(n > 0 ? n : 0); k++) {
			char b[24];
			snprintf(b, sizeof(b), "%zu", k);
			const mig_value *x = mig_object_get(o, b);
			mig_value *c = x ? mig__js_vclone(p, x, 1, t) : mig__js_vnew(p, MIG_V_UNDEFINED, t);
			rc = c ? mig_array_push(r, c) : mig__js_last_code();
		}
	} else if (o->type != MIG_V_NUMBER && o->type != MIG_V_BOOL) {
		rc = mig__js_err(p, t, "`Array.from()` of %s %s (a TypeError in Node.js too)", mig__js_a_type(o), p->where);
	}
	if (rc == 0 && a->n >= 2) {
		const fnref *f = NULL;
		if ((rc = need_fn(p, a, 1, name, &f)) == 0) {
			for (size_t k = 0; k < r->n && rc == 0; k++) {
				mig_value *res = NULL;
				mig_value *vals[2] = {r->items[k], mig__js_vnum(p, (double)k, t)};
				r->items[k] = NULL;
				if (!vals[1]) {
					mig_value_free(vals[0]);
					rc = mig__js_last_code();
					break;
				}
				rc = mig__js_call_values(p, f, vals, f->mod->fns[f->fn].nparams >= 2 ? 2 : 1, depth, t, &res);
				mig_value_free(vals[0]);
				mig_value_free(vals[1]);
				r->items[k] = res;
			}
			/* items left NULL by a failed call */
			for (size_t k = 0; rc && k < r->n; k++)
				if (!r->items[k])
					r->items[k] = mig_value_new(MIG_V_UNDEFINED);
		}
	}
	if (rc) {
		mig_value_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

static int math_fn(parser *p, const tok *name, args *a, mig_value **out)
{
	const tok *t = name;
	if (M("random"))
		return mig__js_refuse(p, t, "`Math.random()` (not the same on every run)");
	static const char *const one[] = {"floor", "ceil", "round", "abs", "trunc", "sign", "sqrt", NULL};
	for (size_t k = 0; one[k]; k++) {
		if (!M(one[k]))
			continue;
		double x = arg(a, 0) ? to_num(arg(a, 0)) : NAN;
		double r = k == 0 ? floor(x) : k == 1 ? ceil(x) : k == 2 ? floor(x + 0.5) : k == 3 ? fabs(x)
			   : k == 4 ? trunc(x) : k == 5 ? (x > 0 ? 1 : x < 0 ? -1 : x) : sqrt(x);
		return ret_num(p, r, t, out);
	}
	if (M("max") || M("min")) {
		double r = M("max") ? -INFINITY : INFINITY;
		for (size_t k = 0; k < a->n; k++) {
			double x = arg(a, k) ? to_num(arg(a, k)) : NAN;
			if (isnan(x)) {
				r = NAN;
				break;
			}
			if (M("max") ? x > r : x < r)
				r = x;
		}
		return ret_num(p, r, t, out);
	}
	return mig__js_refuse(p, t, "`Math.%.*s()`", (int)name->len, p->src + name->off);
}

/* At a global's name: console.log(...), Object.keys(...), String(x) ... */
int mig__js_global(parser *p, int depth, mig_value **out)
{
	const tok *g = tk_cur(p);
	const tok *name = g;
	adv(p);
	bool fn = is_id(p, g, "String") || is_id(p, g, "Number") || is_id(p, g, "Boolean") || is_id(p, g, "parseInt") ||
		  is_id(p, g, "parseFloat") || is_id(p, g, "isNaN");
	if (!fn) {
		if (!is_p(tk_cur(p), ".") || tk_peek(p, 1)->type != MIG_JS_IDENT || !is_p(tk_peek(p, 2), "("))
			return mig__js_refuse(p, g, "`%.*s` used other than to call one of its functions", (int)g->len,
					      p->src + g->off);
		adv(p);
		name = tk_cur(p);
		adv(p);
	} else if (!is_p(tk_cur(p), "(")) {
		return mig__js_refuse(p, g, "`%.*s` used other than to call it", (int)g->len, p->src + g->off);
	}
	args a = {NULL, 0};
	int rc = mig__js_parse_args(p, depth, &a.a, &a.n);
	if (rc)
		return rc;
	mig_value *res = NULL;
	const tok *t = name;
	if (p->noeval) {
		/* nothing runs */
	} else if ((rc = mig__js_step(p, g)) != 0) {
		/* stop */
	} else if (is_id(p, g, "console")) {
		if (M("log") || M("info") || M("warn") || M("error") || M("debug") || M("trace")) {
			mig_str line = MIG_STR_INIT;
			if (M("trace"))
				mig_str_puts(&line, "Trace: ");
			rc = format_args(p, &line, &a, t);
			mig_str_putc(&line, '\n');
			if (rc == 0 && mig_str_failed(&line))
				rc = mig_error_oom();
			if (rc == 0 && mig_str_len(&p->rt->console) + mig_str_len(&line) > VALUE_BUDGET)
				rc = mig__js_err(p, t, "the console output of this file is too large (more than %zu MiB)",
						 VALUE_BUDGET >> 20);
			if (rc == 0) {
				mig_str_put(&p->rt->console, mig_str_cstr(&line), mig_str_len(&line));
				if (mig_str_failed(&p->rt->console))
					rc = mig_error_oom();
			}
			mig_str_free(&line);
		} else {
			rc = mig__js_refuse(p, t, "`console.%.*s()`", (int)t->len, p->src + t->off);
		}
	} else if (is_id(p, g, "Object")) {
		rc = object_fn(p, name, &a, &res);
	} else if (is_id(p, g, "JSON")) {
		if (!M("stringify"))
			rc = mig__js_refuse(p, t, "`JSON.%.*s()`", (int)t->len, p->src + t->off);
		else if (!arg(&a, 0) && a.n)
			rc = mig__js_refuse(p, t, "`JSON.stringify()` of a function");
		else if (a.n >= 2 && !(arg(&a, 1) && (arg(&a, 1)->type == MIG_V_NULL || arg(&a, 1)->type == MIG_V_UNDEFINED)))
			rc = mig__js_refuse(p, t, "`JSON.stringify()` with a replacer");
		else {
			mig_str gap = MIG_STR_INIT, s = MIG_STR_INIT;
			const mig_value *sp = arg(&a, 2);
			if (sp && sp->type == MIG_V_NUMBER) {
				for (int k = 0; k < (sp->num > 10 ? 10 : (int)sp->num); k++)
					mig_str_putc(&gap, ' ');
			} else if (sp && sp->type == MIG_V_STRING) {
				mig_str_put(&gap, sp->str, sp->len > 10 ? 10 : sp->len);
			}
			bool u = true;
			mig_value undef;
			memset(&undef, 0, sizeof(undef));
			rc = mig__js_json(p, &s, a.n ? arg(&a, 0) : &undef, mig_str_len(&gap) ? mig_str_cstr(&gap) : "", t, &u);
			if (rc == 0 && !u)
				rc = ret_mstr(p, &s, t, &res);
			else
				mig_str_free(&s);
			mig_str_free(&gap);
		}
	} else if (is_id(p, g, "Array")) {
		if (M("from"))
			rc = array_from(p, depth, name, &a, &res);
		else if (M("isArray"))
			rc = ret_bool(p, arg(&a, 0) && arg(&a, 0)->type == MIG_V_ARRAY, t, &res);
		else if (M("of")) {
			res = mig__js_vnew(p, MIG_V_ARRAY, t);
			rc = res ? 0 : mig__js_last_code();
			for (size_t k = 0; k < a.n && rc == 0; k++) {
				if (a.a[k].kind != B_VALUE) {
					rc = mig__js_refuse(p, t, "a function stored in an array");
					break;
				}
				rc = mig_array_push(res, a.a[k].val);
				a.a[k].val = NULL;
			}
		} else
			rc = mig__js_refuse(p, t, "`Array.%.*s()`", (int)t->len, p->src + t->off);
	} else if (is_id(p, g, "Math")) {
		rc = math_fn(p, name, &a, &res);
	} else {
		const mig_value *x = arg(&a, 0);
		mig_value u;
		memset(&u, 0, sizeof(u));
		if (!x && a.n)
			rc = mig__js_refuse(p, g, "`%.*s()` of a function", (int)g->len, p->src + g->off);
		else if (!x)
			x = &u;
		if (rc) {
			/* refused */
		} else if (is_id(p, g, "String")) {
			mig_str s = MIG_STR_INIT;
			if (a.n == 0)
				rc = 0;
			else
				rc = string_of(p, x, g, &s);
			if (rc == 0)
				rc = ret_mstr(p, &s, g, &res);
			else
				mig_str_free(&s);
		} else if (is_id(p, g, "Number")) {
			if (x->type == MIG_V_ARRAY || x->type == MIG_V_OBJECT || x->type == MIG_V_LITERAL)
				rc = mig__js_refuse(p, g, "`Number()` of %s", mig__js_a_type(x));
			else
				rc = ret_num(p, a.n ? to_num(x) : 0, g, &res);
		} else if (is_id(p, g, "Boolean")) {
			rc = ret_bool(p, a.n && mig_value_truthy(x), g, &res);
		} else if (is_id(p, g, "isNaN")) {
			rc = ret_bool(p, isnan(to_num(x)), g, &res);
		} else {
			/* parseInt / parseFloat of a string's prefix */
			mig_str s = MIG_STR_INIT;
			rc = string_of(p, x, g, &s);
			double d = NAN;
			if (rc == 0) {
				size_t i, j;
				trim_range(mig_str_cstr(&s), mig_str_len(&s), true, false, &i, &j);
				const char *b = mig_str_cstr(&s) + i;
				double radix = undef_arg(&a, 1) ? 0 : to_int(arg(&a, 1));
				if (is_id(p, g, "parseFloat")) {
					char *end;
					if (strncmp(b, "Infinity", 8) == 0 || strncmp(b, "+Infinity", 9) == 0)
						d = INFINITY;
					else if (strncmp(b, "-Infinity", 9) == 0)
						d = -INFINITY;
					else if ((*b >= '0' && *b <= '9') || *b == '.' || *b == '-' || *b == '+') {
						d = strtod(b, &end);
						if (end == b || strchr(b, 'x') == b + 1 || strchr(b, 'X') == b + 1)
							d = end == b ? NAN : 0;
					}
				} else if (radix == 0 || radix == 10 || radix == 16) {
					bool neg = *b == '-';
					if (*b == '-' || *b == '+')
						b++;
					int r = radix == 16 ? 16 : 10;
					if ((radix == 0 || radix == 16) && b[0] == '0' && (b[1] == 'x' || b[1] == 'X')) {
						r = 16;
						b += 2;
					}
					double v = 0;
					bool any = false;
					for (; *b; b++) {
						int dg = *b >= '0' && *b <= '9' ? *b - '0'
							 : *b >= 'a' && *b <= 'f' ? *b - 'a' + 10
							 : *b >= 'A' && *b <= 'F' ? *b - 'A' + 10 : 99;
						if (dg >= r)
							break;
						v = v * r + dg;
						any = true;
					}
					d = any ? (neg ? -v : v) : NAN;
				} else {
					rc = mig__js_refuse(p, g, "`parseInt()` with radix %g", radix);
				}
			}
			mig_str_free(&s);
			if (rc == 0)
				rc = ret_num(p, d, g, &res);
		}
	}
	mig__js_args_free(a.a, a.n);
	if (rc) {
		mig_value_free(res);
		return rc;
	}
	if (!res && !(res = mig__js_vnew(p, MIG_V_UNDEFINED, g)))
		return mig__js_last_code();
	*out = res;
	return 0;
}
#undef M
