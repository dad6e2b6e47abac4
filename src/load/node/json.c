/*
 * JSON as the recorder (recorder.js) writes it, read into IR values, and
 * the little JSON the binary writes back. JSON alone cannot tell
 * `undefined` from a missing argument, nor pgm.func('now()') from the
 * string 'now()': the recorder writes those as an object whose only key
 * is "\u0000" (a key no IR object can have, as IR keys are C strings),
 * and they are decoded here, so nothing after the parser sees the
 * encoding.
 */
#include "load/node/node_int.h"

#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Deeper than any value the recorder sends (it stops at 100 levels), and
 * shallow enough for every recursive walker of the IR. */
#define MAX_DEPTH 128

typedef struct jp {
	const char *s;
	size_t len, i;
	int line, col; /* stamped on every value: the operation's call site */
} jp;

static int bad(const jp *p, const char *what)
{
	return mig_error_set(MIG_EINPUT, "Node.js engine: malformed message from the recorder (%s at byte %zu)", what, p->i);
}

static void ws(jp *p)
{
	while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int hex4(jp *p, unsigned *out)
{
	if (p->len - p->i < 4)
		return bad(p, "short \\u escape");
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		char c = p->s[p->i++];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return bad(p, "bad \\u escape");
	}
	*out = v;
	return 0;
}

static void put_utf8(mig_str *o, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	mig_str_put(o, b, n);
}

/* A string at p->i (the opening quote); *out is NUL-terminated, *olen
 * its length (it may hold NUL bytes: the caller decides). */
static int string(jp *p, mig_str *o)
{
	p->i++;
	while (p->i < p->len) {
		char c = p->s[p->i++];
		if (c == '"')
			return mig_str_failed(o) ? mig_error_oom() : 0;
		if ((unsigned char)c < 0x20)
			return bad(p, "control character in a string");
		if (c != '\\') {
			mig_str_putc(o, c);
			continue;
		}
		if (p->i >= p->len)
			break;
		char e = p->s[p->i++];
		unsigned cp;
		int rc;
		switch (e) {
		case '"': case '\\': case '/': mig_str_putc(o, e); break;
		case 'b': mig_str_putc(o, '\b'); break;
		case 'f': mig_str_putc(o, '\f'); break;
		case 'n': mig_str_putc(o, '\n'); break;
		case 'r': mig_str_putc(o, '\r'); break;
		case 't': mig_str_putc(o, '\t'); break;
		case 'u':
			if ((rc = hex4(p, &cp)) != 0)
				return rc;
			if (cp >= 0xD800 && cp < 0xDC00 && p->len - p->i >= 6 && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
				size_t save = p->i;
				unsigned lo;
				p->i += 2;
				if ((rc = hex4(p, &lo)) != 0)
					return rc;
				if (lo >= 0xDC00 && lo < 0xE000)
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				else
					p->i = save;
			}
			/* a lone surrogate (JSON.stringify writes it escaped) is
			 * not UTF-8: U+FFFD, as TextEncoder does */
			if (cp >= 0xD800 && cp < 0xE000)
				cp = 0xFFFD;
			put_utf8(o, cp);
			break;
		default:
			return bad(p, "bad escape");
		}
	}
	return bad(p, "unterminated string");
}

static mig_value *stamp(const jp *p, mig_value *v)
{
	if (v) {
		v->line = p->line;
		v->column = p->col;
	}
	return v;
}

static int value(jp *p, int depth, mig_value **out);

/* {"\u0000": tag, "v": ...}: the values JSON has no spelling for. */
static int special(jp *p, const mig_value *obj, mig_value **out)
{
	const char *tag = obj->n >= 1 ? mig_value_str(obj->items[0]) : NULL;
	const mig_value *v = mig_object_get(obj, "v");
	if (tag && strcmp(tag, "u") == 0 && obj->n == 1)
		*out = stamp(p, mig_value_new(MIG_V_UNDEFINED));
	else if (tag && strcmp(tag, "f") == 0 && obj->n == 2 && v && v->type == MIG_V_STRING)
		*out = stamp(p, mig_value_literal(v->str, v->len));
	else if (tag && strcmp(tag, "n") == 0 && obj->n == 2 && mig_value_str(v))
		*out = stamp(p, mig_value_number(strcmp(v->str, "NaN") == 0 ? NAN
						 : v->str[0] == '-'       ? -INFINITY
									  : INFINITY));
	else
		return bad(p, "unknown tagged value");
	return *out ? 0 : mig_error_oom();
}

static int object(jp *p, int depth, mig_value **out)
{
	mig_value *obj = stamp(p, mig_value_new(MIG_V_OBJECT));
	if (!obj)
		return mig_error_oom();
	p->i++;
	ws(p);
	bool tagged = false;
	int rc = 0;
	if (p->i < p->len && p->s[p->i] == '}') {
		p->i++;
		*out = obj;
		return 0;
	}
	for (;;) {
		ws(p);
		if (p->i >= p->len || p->s[p->i] != '"') {
			rc = bad(p, "expected a key");
			break;
		}
		mig_str key = MIG_STR_INIT;
		if ((rc = string(p, &key)) != 0) {
			mig_str_free(&key);
			break;
		}
		size_t klen = mig_str_len(&key);
		if (klen == 1 && mig_str_cstr(&key)[0] == '\0' && obj->n == 0) {
			tagged = true;
			mig_str_clear(&key);
			mig_str_putc(&key, '\x01'); /* kept under a key no real one can be */
		} else if (memchr(mig_str_cstr(&key), '\0', klen)) {
			mig_str_free(&key);
			rc = bad(p, "NUL in a key");
			break;
		}
		ws(p);
		if (p->i >= p->len || p->s[p->i] != ':') {
			mig_str_free(&key);
			rc = bad(p, "expected ':'");
			break;
		}
		p->i++;
		mig_value *v = NULL;
		if ((rc = value(p, depth + 1, &v)) != 0) {
			mig_str_free(&key);
			break;
		}
		rc = mig_object_set(obj, mig_str_cstr(&key), v);
		mig_str_free(&key);
		if (rc)
			break;
		ws(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->len && p->s[p->i] == '}') {
			p->i++;
			break;
		}
		rc = bad(p, "expected ',' or '}'");
		break;
	}
	if (rc == 0 && tagged) {
		rc = special(p, obj, out);
		mig_value_free(obj);
		return rc;
	}
	if (rc) {
		mig_value_free(obj);
		return rc;
	}
	*out = obj;
	return 0;
}

static int array(jp *p, int depth, mig_value **out)
{
	mig_value *arr = stamp(p, mig_value_new(MIG_V_ARRAY));
	if (!arr)
		return mig_error_oom();
	p->i++;
	ws(p);
	int rc = 0;
	if (p->i < p->len && p->s[p->i] == ']') {
		p->i++;
		*out = arr;
		return 0;
	}
	for (;;) {
		mig_value *v = NULL;
		if ((rc = value(p, depth + 1, &v)) != 0 || (rc = mig_array_push(arr, v)) != 0)
			break;
		ws(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->len && p->s[p->i] == ']') {
			p->i++;
			break;
		}
		rc = bad(p, "expected ',' or ']'");
		break;
	}
	if (rc) {
		mig_value_free(arr);
		return rc;
	}
	*out = arr;
	return 0;
}

static bool word(jp *p, const char *w)
{
	size_t n = strlen(w);
	if (p->len - p->i >= n && memcmp(p->s + p->i, w, n) == 0) {
		p->i += n;
		return true;
	}
	return false;
}

static int value(jp *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return bad(p, "nested too deeply");
	ws(p);
	if (p->i >= p->len)
		return bad(p, "unexpected end");
	char c = p->s[p->i];
	mig_value *v = NULL;
	if (c == '{')
		return object(p, depth, out);
	if (c == '[')
		return array(p, depth, out);
	if (c == '"') {
		mig_str s = MIG_STR_INIT;
		int rc = string(p, &s);
		if (rc == 0 && !(v = stamp(p, mig_value_string(mig_str_cstr(&s), mig_str_len(&s)))))
			rc = mig_error_oom();
		mig_str_free(&s);
		*out = v;
		return rc;
	}
	if (word(p, "true"))
		v = mig_value_bool(true);
	else if (word(p, "false"))
		v = mig_value_bool(false);
	else if (word(p, "null"))
		v = mig_value_new(MIG_V_NULL);
	else if (c == '-' || (c >= '0' && c <= '9')) {
		/* JSON's number grammar is a subset of strtod's */
		char buf[64];
		size_t n = 0;
		while (p->i + n < p->len && n < sizeof(buf) - 1 && strchr("+-0123456789.eE", p->s[p->i + n]))
			n++;
		memcpy(buf, p->s + p->i, n);
		buf[n] = '\0';
		char *end = NULL;
		double d = strtod(buf, &end);
		if (end != buf + n)
			return bad(p, "bad number");
		p->i += n;
		v = mig_value_number(d);
	} else {
		return bad(p, "unexpected character");
	}
	if (!v)
		return mig_error_oom();
	*out = stamp(p, v);
	return 0;
}

int mig__node_json_parse(const char *s, size_t len, int line, int col, mig_value **out)
{
	jp p = {.s = s, .len = len, .i = 0, .line = line, .col = col};
	int rc = value(&p, 0, out);
	if (rc == 0) {
		ws(&p);
		if (p.i != p.len) {
			mig_value_free(*out);
			*out = NULL;
			rc = bad(&p, "trailing characters");
		}
	}
	return rc;
}

/* Re-stamp a value tree with a call site (parsed before it was known). */
void mig__node_json_stamp(mig_value *v, int line, int col)
{
	if (!v)
		return;
	v->line = line;
	v->column = col;
	for (size_t i = 0; (v->type == MIG_V_ARRAY || v->type == MIG_V_OBJECT) && i < v->n; i++)
		mig__node_json_stamp(v->items[i], line, col);
}

void mig__node_json_string(mig_str *out, const char *s, size_t len)
{
	static const char hexd[] = "0123456789abcdef";
	mig_str_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			mig_str_putc(out, '\\');
			mig_str_putc(out, (char)c);
		} else if (c < 0x20) {
			char b[6] = {'\\', 'u', '0', '0', hexd[c >> 4], hexd[c & 15]};
			mig_str_put(out, b, 6);
		} else {
			mig_str_putc(out, (char)c);
		}
	}
	mig_str_putc(out, '"');
}
