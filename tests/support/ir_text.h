/*
 * Test support (header-only): build IR values from a compact text, so the
 * emitter tests can write `['users', {id: 'id', at: func('now()')}]`, and
 * test_postgres_corpus.c can read the IR node-pg-migrate recorded
 * (tests/corpus/postgres/expected/<name>.ir, written by tests/oracle/pg-oracle.mjs).
 *
 * The text is JSON plus: single-quoted strings, unquoted keys, trailing
 * commas, `undefined`, and func('sql') for a pgm.func() literal.
 * Not a migration loader: it reads values, not JavaScript.
 */
#ifndef MIG_TEST_IR_TEXT_H
#define MIG_TEST_IR_TEXT_H

#include "ir/value.h"

#include <stdlib.h>
#include <string.h>

struct irt {
	const char *s;
	const char *err; /* first error, NULL if none */
};

static void irt_ws(struct irt *p)
{
	while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
		p->s++;
}

static int irt_hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void irt_utf8(mig_str *out, unsigned cp)
{
	if (cp < 0x80) {
		mig_str_putc(out, (char)cp);
	} else if (cp < 0x800) {
		mig_str_putc(out, (char)(0xC0 | (cp >> 6)));
		mig_str_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		mig_str_putc(out, (char)(0xE0 | (cp >> 12)));
		mig_str_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		mig_str_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else {
		mig_str_putc(out, (char)(0xF0 | (cp >> 18)));
		mig_str_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
		mig_str_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		mig_str_putc(out, (char)(0x80 | (cp & 0x3F)));
	}
}

/* A quoted string into out; 0 or -1. */
static int irt_string(struct irt *p, mig_str *out)
{
	char q = *p->s++;
	while (*p->s && *p->s != q) {
		char c = *p->s++;
		if (c != '\\') {
			mig_str_putc(out, c);
			continue;
		}
		c = *p->s++;
		switch (c) {
		case 'n': mig_str_putc(out, '\n'); break;
		case 't': mig_str_putc(out, '\t'); break;
		case 'r': mig_str_putc(out, '\r'); break;
		case 'b': mig_str_putc(out, '\b'); break;
		case 'f': mig_str_putc(out, '\f'); break;
		case 'u': {
			unsigned cp, lo;
			if (irt_hex4(p->s, &cp))
				return -1;
			p->s += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p->s[0] == '\\' && p->s[1] == 'u' &&
			    irt_hex4(p->s + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p->s += 6;
			}
			irt_utf8(out, cp);
			break;
		}
		case '\0':
			return -1;
		default: mig_str_putc(out, c); break;
		}
	}
	if (*p->s != q)
		return -1;
	p->s++;
	return 0;
}

static int irt_word(struct irt *p, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(p->s, w, n) != 0)
		return 0;
	char c = p->s[n];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
		return 0;
	p->s += n;
	return 1;
}

static mig_value *irt_value(struct irt *p);

static mig_value *irt_fail(struct irt *p, const char *why, mig_value *v)
{
	if (!p->err)
		p->err = why;
	mig_value_free(v);
	return NULL;
}

static mig_value *irt_value(struct irt *p)
{
	irt_ws(p);
	char c = *p->s;
	if (c == '"' || c == '\'') {
		mig_str s = MIG_STR_INIT;
		if (irt_string(p, &s)) {
			mig_str_free(&s);
			return irt_fail(p, "bad string", NULL);
		}
		mig_value *v = mig_value_string(mig_str_cstr(&s), s.len);
		mig_str_free(&s);
		return v;
	}
	if (c == '[') {
		mig_value *a = mig_value_new(MIG_V_ARRAY);
		p->s++;
		for (;;) {
			irt_ws(p);
			if (*p->s == ']') {
				p->s++;
				return a;
			}
			mig_value *it = irt_value(p);
			if (!it)
				return irt_fail(p, "bad array item", a);
			mig_array_push(a, it);
			irt_ws(p);
			if (*p->s == ',')
				p->s++;
			else if (*p->s != ']')
				return irt_fail(p, "expected , or ]", a);
		}
	}
	if (c == '{') {
		mig_value *o = mig_value_new(MIG_V_OBJECT);
		p->s++;
		for (;;) {
			irt_ws(p);
			if (*p->s == '}') {
				p->s++;
				return o;
			}
			mig_str key = MIG_STR_INIT;
			if (*p->s == '"' || *p->s == '\'') {
				if (irt_string(p, &key)) {
					mig_str_free(&key);
					return irt_fail(p, "bad key", o);
				}
			} else {
				while ((*p->s >= 'a' && *p->s <= 'z') || (*p->s >= 'A' && *p->s <= 'Z') ||
				       (*p->s >= '0' && *p->s <= '9') || *p->s == '_' || *p->s == '$')
					mig_str_putc(&key, *p->s++);
				if (!key.len)
					return irt_fail(p, "expected a key", o);
			}
			irt_ws(p);
			if (*p->s != ':') {
				mig_str_free(&key);
				return irt_fail(p, "expected :", o);
			}
			p->s++;
			mig_value *v = irt_value(p);
			if (!v) {
				mig_str_free(&key);
				return irt_fail(p, "bad object value", o);
			}
			mig_object_set(o, mig_str_cstr(&key), v);
			mig_str_free(&key);
			irt_ws(p);
			if (*p->s == ',')
				p->s++;
			else if (*p->s != '}')
				return irt_fail(p, "expected , or }", o);
		}
	}
	if (irt_word(p, "true"))
		return mig_value_bool(true);
	if (irt_word(p, "false"))
		return mig_value_bool(false);
	if (irt_word(p, "null"))
		return mig_value_new(MIG_V_NULL);
	if (irt_word(p, "undefined"))
		return mig_value_new(MIG_V_UNDEFINED);
	if (irt_word(p, "func")) {
		irt_ws(p);
		if (*p->s != '(')
			return irt_fail(p, "expected ( after func", NULL);
		p->s++;
		irt_ws(p);
		mig_str s = MIG_STR_INIT;
		if ((*p->s != '"' && *p->s != '\'') || irt_string(p, &s)) {
			mig_str_free(&s);
			return irt_fail(p, "func() needs a string", NULL);
		}
		irt_ws(p);
		if (*p->s != ')') {
			mig_str_free(&s);
			return irt_fail(p, "expected )", NULL);
		}
		p->s++;
		mig_value *v = mig_value_literal(mig_str_cstr(&s), s.len);
		mig_str_free(&s);
		return v;
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		char *end;
		double d = strtod(p->s, &end);
		if (end == p->s)
			return irt_fail(p, "bad number", NULL);
		p->s = end;
		return mig_value_number(d);
	}
	return irt_fail(p, "unexpected character", NULL);
}

/* Parse a whole text into a value (caller frees); NULL and *err set on a
 * syntax error. */
static inline mig_value *irt_parse(const char *text, const char **err)
{
	struct irt p = {text, NULL};
	mig_value *v = irt_value(&p);
	irt_ws(&p);
	if (v && *p.s) {
		mig_value_free(v);
		v = NULL;
		p.err = "trailing text";
	}
	if (err)
		*err = p.err;
	return v;
}

#endif
