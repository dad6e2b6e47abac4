#include "ir/value.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/hash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mig_value *mig_value_new(enum mig_vtype type)
{
	mig_value *v = mig__calloc(1, sizeof(*v));
	if (!v) {
		mig_error_oom();
		return NULL;
	}
	v->type = type;
	return v;
}

mig_value *mig_value_bool(bool b)
{
	mig_value *v = mig_value_new(MIG_V_BOOL);
	if (v)
		v->b = b;
	return v;
}

mig_value *mig_value_number(double num)
{
	mig_value *v = mig_value_new(MIG_V_NUMBER);
	if (v)
		v->num = num;
	return v;
}

static mig_value *text_value(enum mig_vtype type, const char *s, size_t len)
{
	mig_value *v = mig_value_new(type);
	if (!v)
		return NULL;
	v->str = mig_strndup(s, len);
	if (!v->str) {
		mig__free(v);
		mig_error_oom();
		return NULL;
	}
	v->len = len;
	return v;
}

mig_value *mig_value_string(const char *s, size_t len)
{
	return text_value(MIG_V_STRING, s, len);
}

mig_value *mig_value_cstring(const char *s)
{
	return text_value(MIG_V_STRING, s, strlen(s));
}

mig_value *mig_value_literal(const char *s, size_t len)
{
	return text_value(MIG_V_LITERAL, s, len);
}

void mig_value_free(mig_value *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		mig_value_free(v->items[i]);
		if (v->keys)
			mig__free(v->keys[i]);
	}
	mig__free(v->items);
	mig__free(v->keys);
	mig__free(v->str);
	mig__free(v);
}

uint64_t mig_value_hash(const mig_value *v, uint64_t h)
{
	unsigned char type = v ? (unsigned char)(v->type + 1) : 0;
	h = mig_fnv1a(h, &type, 1);
	if (!v)
		return h;
	h = mig_fnv1a(h, &v->line, sizeof(v->line));
	h = mig_fnv1a(h, &v->column, sizeof(v->column));
	if (v->type == MIG_V_BOOL)
		h = mig_fnv1a(h, &v->b, sizeof(v->b));
	else if (v->type == MIG_V_NUMBER)
		h = mig_fnv1a(h, &v->num, sizeof(v->num));
	if (v->str)
		h = mig_fnv1a(h, v->str, v->len + 1);
	h = mig_fnv1a(h, &v->n, sizeof(v->n));
	for (size_t i = 0; i < v->n; i++) {
		if (v->keys && v->keys[i])
			h = mig_fnv1a(h, v->keys[i], strlen(v->keys[i]) + 1);
		h = mig_value_hash(v->items[i], h);
	}
	return h;
}

size_t mig_value_footprint(const mig_value *v)
{
	if (!v)
		return 0;
	size_t n = sizeof(*v) + (v->str ? v->len + 1 : 0) + v->cap * sizeof(*v->items) +
		   (v->keys ? v->cap * sizeof(*v->keys) : 0);
	for (size_t i = 0; i < v->n; i++)
		n += mig_value_footprint(v->items[i]) + (v->keys && v->keys[i] ? strlen(v->keys[i]) + 1 : 0);
	return n;
}

mig_value *mig_value_clone(const mig_value *v)
{
	if (!v)
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
		c->len = v->len;
		if (!c->str)
			goto oom;
	}
	for (size_t i = 0; i < v->n; i++) {
		mig_value *item = mig_value_clone(v->items[i]);
		if (!item)
			goto oom;
		int rc = v->type == MIG_V_OBJECT ? mig_object_set(c, v->keys[i], item)
						 : mig_array_push(c, item);
		if (rc)
			goto oom;
	}
	return c;
oom:
	mig_value_free(c);
	mig_error_oom();
	return NULL;
}

static int reserve(mig_value *v, bool with_keys)
{
	if (v->n < v->cap)
		return 0;
	size_t cap = v->cap ? v->cap * 2 : 4;
	mig_value **items = mig__realloc(v->items, cap * sizeof(*items));
	if (!items)
		return mig_error_oom();
	v->items = items;
	if (with_keys) {
		char **keys = mig__realloc(v->keys, cap * sizeof(*keys));
		if (!keys)
			return mig_error_oom();
		v->keys = keys;
	}
	v->cap = cap;
	return 0;
}

int mig_array_push(mig_value *arr, mig_value *item)
{
	if (reserve(arr, false)) {
		mig_value_free(item);
		return MIG_ENOMEM;
	}
	arr->items[arr->n++] = item;
	return 0;
}

int mig_object_set(mig_value *obj, const char *key, mig_value *val)
{
	for (size_t i = 0; i < obj->n; i++) {
		if (strcmp(obj->keys[i], key) == 0) {
			mig_value_free(obj->items[i]);
			obj->items[i] = val;
			return 0;
		}
	}
	char *k = mig_strdup(key);
	if (!k || reserve(obj, true)) {
		mig__free(k);
		mig_value_free(val);
		return mig_error_oom();
	}
	obj->keys[obj->n] = k;
	obj->items[obj->n++] = val;
	return 0;
}

mig_value *mig_object_get(const mig_value *obj, const char *key)
{
	if (!obj || obj->type != MIG_V_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return obj->items[i];
	return NULL;
}

void mig_object_delete(mig_value *obj, const char *key)
{
	if (!obj || obj->type != MIG_V_OBJECT)
		return;
	for (size_t i = 0; i < obj->n; i++) {
		if (strcmp(obj->keys[i], key) == 0) {
			mig_value_free(obj->items[i]);
			mig__free(obj->keys[i]);
			memmove(obj->items + i, obj->items + i + 1, (obj->n - i - 1) * sizeof(*obj->items));
			memmove(obj->keys + i, obj->keys + i + 1, (obj->n - i - 1) * sizeof(*obj->keys));
			obj->n--;
			return;
		}
	}
}

bool mig_value_is_undefined(const mig_value *v)
{
	return !v || v->type == MIG_V_UNDEFINED;
}

bool mig_value_truthy(const mig_value *v)
{
	if (!v)
		return false;
	switch (v->type) {
	case MIG_V_UNDEFINED:
	case MIG_V_NULL:
		return false;
	case MIG_V_BOOL:
		return v->b;
	case MIG_V_NUMBER:
		return v->num != 0 && !isnan(v->num);
	case MIG_V_STRING:
		return v->len > 0;
	default:
		return true; /* arrays, objects, literals (objects in JS) */
	}
}

const char *mig_value_str(const mig_value *v)
{
	return v && v->type == MIG_V_STRING ? v->str : NULL;
}

const char *mig_object_str(const mig_value *obj, const char *key)
{
	return mig_value_str(mig_object_get(obj, key));
}

bool mig_object_truthy(const mig_value *obj, const char *key)
{
	return mig_value_truthy(mig_object_get(obj, key));
}

/* ECMAScript Number::toString(10): shortest digits that round-trip, then
 * the layout rules of the spec (integers up to 1e21 in full, exponent
 * form outside [1e-7, 1e21)). */
void mig_number_to_js(mig_str *out, double num)
{
	if (isnan(num)) {
		mig_str_puts(out, "NaN");
		return;
	}
	if (num == 0) {
		mig_str_puts(out, "0");
		return;
	}
	if (isinf(num)) {
		mig_str_puts(out, num < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (num < 0) {
		mig_str_putc(out, '-');
		num = -num;
	}
	char buf[64];
	int prec;
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec - 1, num);
		if (strtod(buf, NULL) == num)
			break;
	}
	/* buf = d[.ddd]e[+-]xx */
	char digits[32];
	int k = 0;
	const char *p = buf;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits[k++] = *p;
	while (k > 1 && digits[k - 1] == '0')
		k--;
	digits[k] = '\0';
	int e = atoi(p + 1);
	int n = e + 1; /* decimal point position */
	if (k <= n && n <= 21) {
		mig_str_put(out, digits, (size_t)k);
		for (int i = 0; i < n - k; i++)
			mig_str_putc(out, '0');
	} else if (0 < n && n <= 21) {
		mig_str_put(out, digits, (size_t)n);
		mig_str_putc(out, '.');
		mig_str_put(out, digits + n, (size_t)(k - n));
	} else if (-6 < n && n <= 0) {
		mig_str_puts(out, "0.");
		for (int i = 0; i < -n; i++)
			mig_str_putc(out, '0');
		mig_str_put(out, digits, (size_t)k);
	} else {
		mig_str_putc(out, digits[0]);
		if (k > 1) {
			mig_str_putc(out, '.');
			mig_str_put(out, digits + 1, (size_t)(k - 1));
		}
		mig_str_printf(out, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
	}
}

void mig_js_join_items(mig_str *out, const mig_value *arr, const char *sep)
{
	for (size_t i = 0; i < arr->n; i++) {
		if (i)
			mig_str_puts(out, sep);
		const mig_value *it = arr->items[i];
		/* Array#join turns null and undefined into "". */
		if (mig_value_is_undefined(it) || it->type == MIG_V_NULL)
			continue;
		mig_js_string(out, it);
	}
}

void mig_js_string(mig_str *out, const mig_value *v)
{
	if (mig_value_is_undefined(v)) {
		mig_str_puts(out, "undefined");
		return;
	}
	switch (v->type) {
	case MIG_V_UNDEFINED:
		mig_str_puts(out, "undefined");
		break;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING:
	case MIG_V_LITERAL: /* PgLiteral#toString() is its value */
		mig_str_put(out, v->str, v->len);
		break;
	case MIG_V_ARRAY:
		mig_js_join_items(out, v, ",");
		break;
	case MIG_V_OBJECT:
		mig_str_puts(out, "[object Object]");
		break;
	}
}

const char *mig_value_type_name(const mig_value *v)
{
	if (!v)
		return "undefined";
	switch (v->type) {
	case MIG_V_UNDEFINED:
		return "undefined";
	case MIG_V_NULL:
		return "null";
	case MIG_V_BOOL:
		return "boolean";
	case MIG_V_NUMBER:
		return "number";
	case MIG_V_STRING:
		return "string";
	case MIG_V_ARRAY:
		return "array";
	case MIG_V_OBJECT:
		return "object";
	case MIG_V_LITERAL:
		return "literal";
	}
	return "value";
}

static void dump_string(mig_str *out, const char *s, size_t len)
{
	mig_str_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			mig_str_printf(out, "\\%c", c);
		else if (c == '\n')
			mig_str_puts(out, "\\n");
		else if (c < 0x20)
			mig_str_printf(out, "\\u%04x", c);
		else
			mig_str_putc(out, (char)c);
	}
	mig_str_putc(out, '"');
}

void mig_value_dump(mig_str *out, const mig_value *v)
{
	if (!v) {
		mig_str_puts(out, "undefined");
		return;
	}
	switch (v->type) {
	case MIG_V_UNDEFINED:
		mig_str_puts(out, "undefined");
		break;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING:
		dump_string(out, v->str, v->len);
		break;
	case MIG_V_LITERAL:
		mig_str_puts(out, "func(");
		dump_string(out, v->str, v->len);
		mig_str_putc(out, ')');
		break;
	case MIG_V_ARRAY:
		mig_str_putc(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				mig_str_putc(out, ',');
			mig_value_dump(out, v->items[i]);
		}
		mig_str_putc(out, ']');
		break;
	case MIG_V_OBJECT:
		mig_str_putc(out, '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				mig_str_putc(out, ',');
			dump_string(out, v->keys[i], strlen(v->keys[i]));
			mig_str_putc(out, ':');
			mig_value_dump(out, v->items[i]);
		}
		mig_str_putc(out, '}');
		break;
	}
}
