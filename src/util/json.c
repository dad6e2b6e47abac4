/* The strict JSON reader of json.h: recursive descent, bounded depth. */
#include "util/json.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rd {
	const char *s;
	size_t len, pos;
	int line, col;
	const char *file;
	int depth;
};

static int peek(const struct rd *r)
{
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : -1;
}

static void advance(struct rd *r)
{
	unsigned char c = (unsigned char)r->s[r->pos++];
	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		r->col++; /* a UTF-8 continuation byte is part of the same character */
	}
}

static void skip_ws(struct rd *r)
{
	int c;
	while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		advance(r);
}

static int fail_at(const struct rd *r, int line, int col, const char *msg)
{
	return mig_error_set_at(MIG_EINPUT, r->file, line, col, "%s", msg);
}

static int fail(const struct rd *r, const char *msg)
{
	return fail_at(r, r->line, r->col, msg);
}

/* "unexpected X" for the character at the current position. */
static int unexpected(const struct rd *r, const char *wanted)
{
	int c = peek(r);
	char what[16];
	if (c < 0)
		return mig_error_set_at(MIG_EINPUT, r->file, r->line, r->col, "unexpected end of the file: expected %s", wanted);
	if (c == '/')
		return fail(r, "comments are not allowed in JSON");
	if (c == '\'')
		return fail(r, "JSON strings take double quotes, not single quotes");
	if (c >= 0x20 && c < 0x7f)
		snprintf(what, sizeof(what), "'%c'", c);
	else
		snprintf(what, sizeof(what), "byte 0x%02x", (unsigned)c);
	return mig_error_set_at(MIG_EINPUT, r->file, r->line, r->col, "unexpected %s: expected %s", what, wanted);
}

static int parse_value(struct rd *r, mig_json *v);

static void dispose(mig_json *v)
{
	for (size_t i = 0; i < v->n; i++)
		dispose(&v->items[i]);
	mig__free(v->items);
	mig__free(v->key);
	mig__free(v->text);
	memset(v, 0, sizeof(*v));
}

void mig_json_free(mig_json *v)
{
	if (!v)
		return;
	dispose(v);
	mig__free(v);
}

static int hex4(struct rd *r, unsigned *out)
{
	unsigned u = 0;
	for (int i = 0; i < 4; i++) {
		int c = peek(r);
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return unexpected(r, "four hex digits after \\u");
		u = u * 16 + d;
		advance(r);
	}
	*out = u;
	return 0;
}

static void put_utf8(mig_str *s, unsigned cp)
{
	if (cp < 0x80) {
		mig_str_putc(s, (char)cp);
	} else if (cp < 0x800) {
		mig_str_putc(s, (char)(0xC0 | (cp >> 6)));
		mig_str_putc(s, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		mig_str_putc(s, (char)(0xE0 | (cp >> 12)));
		mig_str_putc(s, (char)(0x80 | ((cp >> 6) & 0x3F)));
		mig_str_putc(s, (char)(0x80 | (cp & 0x3F)));
	} else {
		mig_str_putc(s, (char)(0xF0 | (cp >> 18)));
		mig_str_putc(s, (char)(0x80 | ((cp >> 12) & 0x3F)));
		mig_str_putc(s, (char)(0x80 | ((cp >> 6) & 0x3F)));
		mig_str_putc(s, (char)(0x80 | (cp & 0x3F)));
	}
}

/* A string at '"': its decoded text in *out (caller frees). */
static int parse_string(struct rd *r, char **out)
{
	mig_str s = MIG_STR_INIT;
	int rc = 0;
	advance(r); /* the opening quote */
	for (;;) {
		int c = peek(r);
		if (c < 0) {
			rc = fail(r, "unexpected end of the file inside a string (a '\"' is missing)");
			break;
		}
		if (c == '"') {
			advance(r);
			break;
		}
		if (c < 0x20) {
			rc = fail(r, c == '\n' ? "a line break inside a string (write it as \\n)"
					       : "a control character inside a string (escape it as \\u00XX)");
			break;
		}
		if (c != '\\') {
			mig_str_putc(&s, (char)c);
			advance(r);
			continue;
		}
		int line = r->line, col = r->col;
		advance(r);
		c = peek(r);
		const char *simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
		const char *m = c > 0 ? strchr(simple, c) : NULL;
		if (m && ((m - simple) % 2) == 0) {
			mig_str_putc(&s, m[1]);
			advance(r);
			continue;
		}
		if (c != 'u') {
			rc = fail_at(r, line, col, "unknown escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
			break;
		}
		advance(r);
		unsigned cp;
		if ((rc = hex4(r, &cp)) != 0)
			break;
		if (cp >= 0xDC00 && cp <= 0xDFFF) {
			rc = fail_at(r, line, col, "a lone low surrogate \\u escape (no high surrogate before it)");
			break;
		}
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			unsigned lo;
			if (peek(r) != '\\' || r->pos + 1 >= r->len || r->s[r->pos + 1] != 'u') {
				rc = fail_at(r, line, col, "a high surrogate \\u escape without the low surrogate after it");
				break;
			}
			advance(r);
			advance(r);
			if ((rc = hex4(r, &lo)) != 0)
				break;
			if (lo < 0xDC00 || lo > 0xDFFF) {
				rc = fail_at(r, line, col, "a high surrogate \\u escape without the low surrogate after it");
				break;
			}
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		}
		if (cp == 0) {
			rc = fail_at(r, line, col, "\\u0000 (a NUL character) is not supported in a string");
			break;
		}
		put_utf8(&s, cp);
	}
	if (rc) {
		mig_str_free(&s);
		return rc;
	}
	if (!(*out = mig_str_detach(&s)))
		return MIG_ENOMEM;
	return 0;
}

static int digits(struct rd *r)
{
	int c = peek(r);
	if (c < '0' || c > '9')
		return unexpected(r, "a digit");
	while ((c = peek(r)) >= '0' && c <= '9')
		advance(r);
	return 0;
}

static int parse_number(struct rd *r, mig_json *v)
{
	size_t start = r->pos;
	int rc;
	if (peek(r) == '-')
		advance(r);
	if (peek(r) == '0') {
		advance(r);
		if (peek(r) >= '0' && peek(r) <= '9')
			return fail(r, "a number cannot have a leading zero");
	} else if ((rc = digits(r)) != 0) {
		return rc;
	}
	if (peek(r) == '.') {
		advance(r);
		if ((rc = digits(r)) != 0)
			return rc;
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		advance(r);
		if (peek(r) == '+' || peek(r) == '-')
			advance(r);
		if ((rc = digits(r)) != 0)
			return rc;
	}
	if (!(v->text = mig_strndup(r->s + start, r->pos - start)))
		return MIG_ENOMEM;
	v->type = MIG_JSON_NUMBER;
	v->number = strtod(v->text, NULL);
	return 0;
}

static int literal(struct rd *r, const char *word)
{
	size_t n = strlen(word);
	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0)
		return unexpected(r, "a value (an object, array, string, number, true, false or null)");
	for (size_t i = 0; i < n; i++)
		advance(r);
	return 0;
}

/* One more slot at the end of v->items. */
static mig_json *grow(mig_json *v, size_t *cap)
{
	if (v->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 4;
		mig_json *g = mig__reallocarray(v->items, nc, sizeof(*g));
		if (!g) {
			mig_error_oom();
			return NULL;
		}
		v->items = g;
		*cap = nc;
	}
	mig_json *it = &v->items[v->n++];
	memset(it, 0, sizeof(*it));
	return it;
}

/* An array or object at '[' / '{'. */
static int parse_container(struct rd *r, mig_json *v, bool object)
{
	const char close = object ? '}' : ']';
	size_t cap = 0;
	int rc = 0;
	v->type = object ? MIG_JSON_OBJECT : MIG_JSON_ARRAY;
	if (++r->depth > MIG_JSON_MAX_DEPTH)
		return fail(r, "nested too deeply");
	advance(r);
	skip_ws(r);
	if (peek(r) == close) {
		advance(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		skip_ws(r);
		mig_json *it = grow(v, &cap);
		if (!it)
			return MIG_ENOMEM;
		if (object) {
			if (peek(r) != '"')
				return unexpected(r, "a member name in double quotes");
			it->key_line = r->line;
			it->key_column = r->col;
			if ((rc = parse_string(r, &it->key)) != 0)
				return rc;
			for (size_t i = 0; i + 1 < v->n; i++)
				if (strcmp(v->items[i].key, it->key) == 0)
					return mig_error_set_at(MIG_EINPUT, r->file, it->key_line, it->key_column,
								"duplicate member \"%s\" (first at line %d)", it->key,
								v->items[i].key_line);
			skip_ws(r);
			if (peek(r) != ':')
				return unexpected(r, "':' after the member name");
			advance(r);
			skip_ws(r);
		}
		if ((rc = parse_value(r, it)) != 0)
			return rc;
		skip_ws(r);
		if (peek(r) == close) {
			advance(r);
			break;
		}
		if (peek(r) != ',')
			return unexpected(r, object ? "',' or '}' after an object member" : "',' or ']' after an array element");
		int line = r->line, col = r->col;
		advance(r);
		skip_ws(r);
		if (peek(r) == close)
			return fail_at(r, line, col, "a trailing comma (JSON allows none before the closing bracket)");
	}
	r->depth--;
	return 0;
}

static int parse_value(struct rd *r, mig_json *v)
{
	v->line = r->line;
	v->column = r->col;
	switch (peek(r)) {
	case '{':
		return parse_container(r, v, true);
	case '[':
		return parse_container(r, v, false);
	case '"':
		v->type = MIG_JSON_STRING;
		return parse_string(r, &v->text);
	case 't':
		v->type = MIG_JSON_BOOL;
		v->boolean = true;
		return literal(r, "true");
	case 'f':
		v->type = MIG_JSON_BOOL;
		return literal(r, "false");
	case 'n':
		v->type = MIG_JSON_NULL;
		return literal(r, "null");
	default:
		if (peek(r) == '-' || (peek(r) >= '0' && peek(r) <= '9'))
			return parse_number(r, v);
		return unexpected(r, "a value (an object, array, string, number, true, false or null)");
	}
}

int mig_json_parse(const char *text, size_t len, const char *file, mig_json **out)
{
	*out = NULL;
	struct rd r = {.s = text, .len = len, .line = 1, .col = 1, .file = file};
	int line, col;
	const char *nul = memchr(text, '\0', len);
	long bad = mig_utf8_invalid_at(text, len);
	if (nul && (bad < 0 || nul - text < bad))
		bad = nul - text;
	if (bad >= 0) {
		/* column in characters, as everywhere else in this reader */
		struct rd at = r;
		while (at.pos < (size_t)bad)
			advance(&at);
		line = at.line;
		col = at.col;
		return mig_error_set_at(MIG_EINPUT, file, line, col, "%s", text[bad] ? "not UTF-8 text" : "a NUL byte");
	}
	mig_json *v = mig__calloc(1, sizeof(*v));
	if (!v)
		return mig_error_oom();
	/* a UTF-8 byte order mark is not JSON, but editors write one */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r.pos = 3;
	skip_ws(&r);
	int rc = parse_value(&r, v);
	if (rc == 0) {
		skip_ws(&r);
		if (r.pos < r.len)
			rc = unexpected(&r, "the end of the file after the value");
	}
	if (rc) {
		if (rc == MIG_ENOMEM)
			mig_error_oom();
		mig_json_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

const mig_json *mig_json_get(const mig_json *v, const char *key)
{
	if (!v || v->type != MIG_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i].key, key) == 0)
			return &v->items[i];
	return NULL;
}

const char *mig_json_type_name(mig_json_type t)
{
	static const char *const names[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}
