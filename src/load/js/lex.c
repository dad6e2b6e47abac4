/*
 * JavaScript/TypeScript tokenizer for the migration loader. It follows
 * ECMAScript's lexical grammar closely where the result matters (string
 * and template escapes, numeric literals, line terminators for ASI and
 * positions) and stays approximate where it cannot (a `/` is a regular
 * expression or a division depending on the previous token: both are
 * refused by the parser anyway).
 *
 * It stays one file of some 1100 lines: the tokenizer is a single state
 * machine over one `lexer`, and its string, template and number scanners
 * share that state and its position, buffer and error helpers. Split, they
 * would need a private header of their own, and a reader of one scanner
 * would still have to read the helpers here.
 */
#include "load/js/lex.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lexer {
	const unsigned char *s;
	size_t n, pos;
	int line, col; /* position of byte cpos */
	size_t cpos;
	bool nl; /* a line terminator since the last token */
	mig_js_toks *out;
	/* Open `{` (0) and template `${` (1): a `}` closing a `${` resumes
	 * the template. */
	unsigned char *bstack;
	size_t bn, bcap;
	mig_str buf; /* cooked string value under construction */
	bool oom;
	bool done; /* an error token ended the stream */
} lexer;

/* ---- characters ---------------------------------------------------- */

/* Decode one UTF-8 sequence; 0 when invalid or truncated (overlong
 * forms, surrogates and values above U+10FFFF are invalid). */
static size_t utf8_dec(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

static void put_cp(mig_str *b, uint32_t cp)
{
	char u[4];
	if (cp < 0x80) {
		mig_str_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		mig_str_put(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		mig_str_put(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		mig_str_put(b, u, 4);
	}
}

/* WhiteSpace of ECMAScript (TAB VT FF SP NBSP ZWNBSP and the Zs spaces). */
static bool is_space_cp(uint32_t c)
{
	return c == '\t' || c == 0x0B || c == 0x0C || c == ' ' || c == 0xA0 || c == 0xFEFF ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000;
}

static bool is_lt_cp(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Identifiers: ASCII letters, $ and _, plus every other non-ASCII code
 * point that is not a space or line terminator (wider than ID_Start, which
 * only makes us accept names Node would reject; they end up unknown). */
static bool id_start_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
	return !is_space_cp(c) && !is_lt_cp(c);
}

static bool id_part_cp(uint32_t c)
{
	return id_start_cp(c) || (c >= '0' && c <= '9');
}

static bool is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int hex_val(unsigned c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (int)(c - 'A' + 10);
	return -1;
}

static bool is_radix_digit(unsigned c, int radix)
{
	int v = hex_val(c);
	return v >= 0 && v < radix;
}

/* ---- positions ------------------------------------------------------- */

/* Bring line/col up to byte `pos` (never backwards; line terminators in
 * between must have gone through newline()). */
static void sync(lexer *L, size_t pos)
{
	for (; L->cpos < pos && L->cpos < L->n; L->cpos++)
		if ((L->s[L->cpos] & 0xC0) != 0x80)
			L->col++;
}

/* A line terminator ends just before `after`. */
static void newline(lexer *L, size_t after)
{
	L->line++;
	L->col = 1;
	L->cpos = after;
}

/* Length of the line terminator at p (CR LF counts once), 0 if none. */
static size_t lt_len(const lexer *L, size_t p)
{
	if (p >= L->n)
		return 0;
	unsigned c = L->s[p];
	if (c == '\n')
		return 1;
	if (c == '\r')
		return p + 1 < L->n && L->s[p + 1] == '\n' ? 2 : 1;
	if (c == 0xE2 && p + 2 < L->n && L->s[p + 1] == 0x80 &&
	    (L->s[p + 2] == 0xA8 || L->s[p + 2] == 0xA9))
		return 3;
	return 0;
}

/* ---- tokens ---------------------------------------------------------- */

static mig_js_tok *push(lexer *L, enum mig_js_tok_type type, size_t start, int line, int col)
{
	mig_js_toks *t = L->out;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		mig_js_tok *v = mig__realloc(t->v, cap * sizeof(*v));
		if (!v) {
			L->oom = true;
			return NULL;
		}
		t->v = v;
		t->cap = cap;
	}
	mig_js_tok *k = &t->v[t->n++];
	memset(k, 0, sizeof(*k));
	k->type = type;
	k->off = start;
	k->len = L->pos > start ? L->pos - start : 0;
	k->line = line;
	k->col = col;
	k->nl_before = L->nl;
	k->match = MIG_JS_NO_MATCH;
	L->nl = false;
	return k;
}

/* End the stream with an error token at line:col. Always returns 1 so
 * callers can `return lex_error(...)`. */
static int lex_error_lc(lexer *L, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int lex_verror(lexer *L, int line, int col, const char *fmt, va_list ap)
{
	mig_str msg = MIG_STR_INIT;
	mig_str_vprintf(&msg, fmt, ap);
	size_t save = L->pos;
	mig_js_tok *k = push(L, MIG_JS_ERROR, L->pos, line, col);
	L->pos = save;
	L->done = true;
	if (!k || mig_str_failed(&msg)) {
		L->oom = true;
		mig_str_free(&msg);
		return 1;
	}
	k->slen = msg.len;
	k->str = mig_str_detach(&msg);
	if (!k->str)
		L->oom = true;
	return 1;
}

static int lex_error_lc(lexer *L, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = lex_verror(L, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

/* Error at byte `at`, which must not lie before the last line terminator
 * passed (true of the scanning position). */
static int lex_error(lexer *L, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int lex_error(lexer *L, size_t at, const char *fmt, ...)
{
	sync(L, at);
	va_list ap;
	va_start(ap, fmt);
	int rc = lex_verror(L, L->line, L->col, fmt, ap);
	va_end(ap);
	return rc;
}

/* Take the cooked buffer into token k. */
static void take_buf(lexer *L, mig_js_tok *k)
{
	if (mig_str_failed(&L->buf)) {
		L->oom = true;
		return;
	}
	k->slen = L->buf.len;
	k->str = mig_str_detach(&L->buf); /* "" when empty */
	if (!k->str)
		L->oom = true;
}

/* ---- trivia ---------------------------------------------------------- */

/* Skip whitespace and comments. Returns 1 when an error token ended the
 * stream (an unterminated comment). */
static int skip_trivia(lexer *L)
{
	const unsigned char *s = L->s;
	for (;;) {
		size_t p = L->pos;
		if (p >= L->n)
			return 0;
		size_t k = lt_len(L, p);
		if (k) {
			newline(L, p + k);
			L->pos = p + k;
			L->nl = true;
			continue;
		}
		unsigned c = s[p];
		if (c == ' ' || c == '\t' || c == 0x0B || c == 0x0C) {
			L->pos++;
			continue;
		}
		if (c == '/' && p + 1 < L->n && s[p + 1] == '/') {
			p += 2;
			while (p < L->n && !lt_len(L, p))
				p++;
			L->pos = p;
			continue;
		}
		if (c == '/' && p + 1 < L->n && s[p + 1] == '*') {
			sync(L, p);
			int sline = L->line, scol = L->col;
			p += 2;
			for (;;) {
				if (p >= L->n)
					return lex_error_lc(L, sline, scol, "unterminated /* comment");
				if (s[p] == '*' && p + 1 < L->n && s[p + 1] == '/') {
					p += 2;
					break;
				}
				if ((k = lt_len(L, p)) > 0) {
					sync(L, p);
					newline(L, p + k);
					L->nl = true;
					p += k;
				} else {
					p++;
				}
			}
			L->pos = p;
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t w = utf8_dec(s + p, L->n - p, &cp);
			if (w && is_space_cp(cp)) {
				L->pos += w;
				continue;
			}
		}
		return 0;
	}
}

/* ---- escapes ----------------------------------------------------------- */

/* Parse the \u escape whose 'u' is at p: \uHHHH or \u{H…}. Returns the
 * position after it, 0 when malformed; *big set when \u{} exceeds
 * U+10FFFF. */
static size_t parse_u(const lexer *L, size_t p, uint32_t *cp, bool *big)
{
	const unsigned char *s = L->s;
	*big = false;
	p++;
	if (p < L->n && s[p] == '{') {
		p++;
		uint32_t v = 0;
		size_t nd = 0;
		while (p < L->n && hex_val(s[p]) >= 0) {
			if (v > 0x10FFFF)
				*big = true;
			else
				v = v * 16 + (uint32_t)hex_val(s[p]);
			p++;
			nd++;
		}
		if (nd == 0 || p >= L->n || s[p] != '}')
			return 0;
		if (v > 0x10FFFF)
			*big = true;
		*cp = v;
		return p + 1;
	}
	if (p + 4 > L->n)
		return 0;
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hex_val(s[p + (size_t)i]);
		if (h < 0)
			return 0;
		v = v * 16 + (uint32_t)h;
	}
	*cp = v;
	return p + 4;
}

#define NUL_MSG "this escape produces a NUL character (U+0000), which SQL text cannot hold"

/* One escape sequence; *pp is at the backslash and moves past it. The
 * value goes to L->buf. Returns 1 when an error token was emitted. */
static int lex_escape(lexer *L, size_t *pp, bool tmpl)
{
	const unsigned char *s = L->s;
	size_t bs = *pp, p = bs + 1;
	if (p >= L->n)
		return lex_error(L, bs, tmpl ? "unterminated template literal" : "unterminated string literal");
	size_t k = lt_len(L, p);
	if (k) { /* line continuation: contributes nothing */
		sync(L, p);
		newline(L, p + k);
		*pp = p + k;
		return 0;
	}
	unsigned c = s[p];
	uint32_t cp;
	switch (c) {
	case 'n':
		mig_str_putc(&L->buf, '\n');
		break;
	case 't':
		mig_str_putc(&L->buf, '\t');
		break;
	case 'r':
		mig_str_putc(&L->buf, '\r');
		break;
	case 'b':
		mig_str_putc(&L->buf, '\b');
		break;
	case 'f':
		mig_str_putc(&L->buf, '\f');
		break;
	case 'v':
		mig_str_putc(&L->buf, '\v');
		break;
	case '0':
		if (p + 1 < L->n && is_digit(s[p + 1]))
			goto octal;
		return lex_error(L, bs, "\\0 in a %s: " NUL_MSG, tmpl ? "template literal" : "string");
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	octal:
		return lex_error(L, bs,
				 "octal escape sequence \\%c in a %s: not allowed in strict-mode JavaScript (write \\x%02x or \\u00%02x)",
				 c, tmpl ? "template literal" : "string", (unsigned)(c - '0'), (unsigned)(c - '0'));
	case '8':
	case '9':
		return lex_error(L, bs, "\\%c in a %s is not allowed in strict-mode JavaScript (write %c)",
				 c, tmpl ? "template literal" : "string", c);
	case 'x': {
		int h1 = p + 1 < L->n ? hex_val(s[p + 1]) : -1;
		int h2 = p + 2 < L->n ? hex_val(s[p + 2]) : -1;
		if (h1 < 0 || h2 < 0)
			return lex_error(L, bs, "invalid \\x escape sequence: two hexadecimal digits expected");
		cp = (uint32_t)(h1 * 16 + h2);
		if (cp == 0)
			return lex_error(L, bs, "\\x00: " NUL_MSG);
		put_cp(&L->buf, cp);
		*pp = p + 3;
		return 0;
	}
	case 'u': {
		bool big;
		size_t end = parse_u(L, p, &cp, &big);
		if (!end)
			return lex_error(L, bs, "invalid \\u escape sequence: \\uHHHH or \\u{H...} expected");
		if (big)
			return lex_error(L, bs, "\\u{...} escape beyond U+10FFFF");
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			/* A high surrogate pairs with a directly following
			 * low-surrogate escape (either form), as UTF-16 does. */
			uint32_t lo;
			bool big2;
			size_t end2 = 0;
			if (end + 1 < L->n && s[end] == '\\' && s[end + 1] == 'u')
				end2 = parse_u(L, end + 1, &lo, &big2);
			if (end2 && !big2 && lo >= 0xDC00 && lo <= 0xDFFF) {
				put_cp(&L->buf, 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
				*pp = end2;
				return 0;
			}
			return lex_error(L, bs,
					 "lone surrogate \\u%04X: it is not a character and cannot be written as UTF-8 text",
					 (unsigned)cp);
		}
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return lex_error(L, bs,
					 "lone surrogate \\u%04X: it is not a character and cannot be written as UTF-8 text",
					 (unsigned)cp);
		if (cp == 0)
			return lex_error(L, bs, "%.*s: " NUL_MSG, (int)(end - bs), (const char *)s + bs);
		put_cp(&L->buf, cp);
		*pp = end;
		return 0;
	}
	default: {
		/* Any other character stands for itself (\' \" \\ \a ...). */
		size_t w = utf8_dec(s + p, L->n - p, &cp);
		if (!w)
			return lex_error(L, p, "invalid UTF-8 or NUL byte in a %s",
					 tmpl ? "template literal" : "string");
		if (cp == 0)
			return lex_error(L, p, "NUL byte in a %s", tmpl ? "template literal" : "string");
		put_cp(&L->buf, cp);
		*pp = p + w;
		return 0;
	}
	}
	*pp = p + 1;
	return 0;
}

/* ---- literals ---------------------------------------------------------- */

static int lex_string(lexer *L, size_t start, int line, int col)
{
	const unsigned char *s = L->s;
	unsigned quote = s[start];
	size_t p = start + 1;
	mig_str_clear(&L->buf);
	for (;;) {
		if (p >= L->n)
			return lex_error_lc(L, line, col, "unterminated string literal");
		unsigned c = s[p];
		if (c == quote) {
			p++;
			break;
		}
		if (c == '\\') {
			if (lex_escape(L, &p, false))
				return 1;
			continue;
		}
		if (c == '\n' || c == '\r')
			return lex_error_lc(L, line, col,
					    "unterminated string literal (a line break inside quotes; use \\n or a template literal)");
		if (c < 0x80) {
			if (c == 0)
				return lex_error(L, p, "NUL byte in a string");
			mig_str_putc(&L->buf, (char)c);
			p++;
			continue;
		}
		uint32_t cp;
		size_t w = utf8_dec(s + p, L->n - p, &cp);
		if (!w)
			return lex_error(L, p, "invalid UTF-8 in a string");
		if (cp == 0x2028 || cp == 0x2029) { /* allowed in strings since ES2019 */
			sync(L, p);
			newline(L, p + w);
		}
		mig_str_put(&L->buf, (const char *)s + p, w);
		p += w;
	}
	L->pos = p;
	mig_js_tok *k = push(L, MIG_JS_STRING, start, line, col);
	if (k)
		take_buf(L, k);
	return 0;
}

static int bpush(lexer *L, unsigned char v)
{
	if (L->bn == L->bcap) {
		size_t cap = L->bcap ? L->bcap * 2 : 16;
		unsigned char *b = mig__realloc(L->bstack, cap);
		if (!b) {
			L->oom = true;
			return -1;
		}
		L->bstack = b;
		L->bcap = cap;
	}
	L->bstack[L->bn++] = v;
	return 0;
}

/* A template chunk starting at the backquote (head) or at the `}` that
 * closes a substitution. */
static int lex_template(lexer *L, size_t start, bool head, int line, int col)
{
	const unsigned char *s = L->s;
	size_t p = start + 1;
	enum mig_js_tok_type type;
	mig_str_clear(&L->buf);
	for (;;) {
		if (p >= L->n)
			return lex_error_lc(L, line, col, "unterminated template literal");
		unsigned c = s[p];
		if (c == '`') {
			p++;
			type = head ? MIG_JS_TEMPLATE : MIG_JS_TEMPLATE_TAIL;
			break;
		}
		if (c == '$' && p + 1 < L->n && s[p + 1] == '{') {
			p += 2;
			type = head ? MIG_JS_TEMPLATE_HEAD : MIG_JS_TEMPLATE_MIDDLE;
			if (bpush(L, 1))
				return 1;
			break;
		}
		if (c == '\\') {
			if (lex_escape(L, &p, true))
				return 1;
			continue;
		}
		size_t k = lt_len(L, p);
		if (k) {
			/* CR LF and CR are read as LF in template values. */
			if (c == '\r')
				mig_str_putc(&L->buf, '\n');
			else
				mig_str_put(&L->buf, (const char *)s + p, k);
			sync(L, p);
			newline(L, p + k);
			p += k;
			continue;
		}
		if (c < 0x80) {
			if (c == 0)
				return lex_error(L, p, "NUL byte in a template literal");
			mig_str_putc(&L->buf, (char)c);
			p++;
			continue;
		}
		uint32_t cp;
		size_t w = utf8_dec(s + p, L->n - p, &cp);
		if (!w)
			return lex_error(L, p, "invalid UTF-8 in a template literal");
		mig_str_put(&L->buf, (const char *)s + p, w);
		p += w;
	}
	L->pos = p;
	mig_js_tok *k = push(L, type, start, line, col);
	if (k)
		take_buf(L, k);
	return 0;
}

/* Digits of `radix` with numeric separators (1_000) appended to out
 * without the separators. Returns the digit count, or -1 with *bad at a
 * misplaced separator. */
static long scan_digits(const lexer *L, size_t *p, int radix, mig_str *out, size_t *bad)
{
	long count = 0;
	while (*p < L->n) {
		unsigned c = L->s[*p];
		if (c == '_') {
			if (count == 0 || *p + 1 >= L->n || !is_radix_digit(L->s[*p + 1], radix)) {
				*bad = *p;
				return -1;
			}
			(*p)++;
			continue;
		}
		if (!is_radix_digit(c, radix))
			break;
		mig_str_putc(out, (char)c);
		count++;
		(*p)++;
	}
	return count;
}

/* Value of hex/octal/binary digits, correctly rounded like JavaScript:
 * rebuild them as hexadecimal and let strtod round. */
static double radix_value(const char *digits, size_t n, int radix)
{
	mig_str hex = MIG_STR_INIT;
	mig_str_puts(&hex, "0x");
	if (radix == 16) {
		mig_str_put(&hex, digits, n);
	} else {
		int bits = radix == 8 ? 3 : 1;
		size_t total = n * (size_t)bits;
		unsigned acc = 0;
		int have = (int)((4 - total % 4) % 4); /* leading zero bits */
		for (size_t i = 0; i < n; i++) {
			unsigned d = (unsigned)(digits[i] - '0');
			for (int b = bits - 1; b >= 0; b--) {
				acc = (acc << 1) | ((d >> b) & 1);
				if (++have == 4) {
					mig_str_putc(&hex, "0123456789abcdef"[acc]);
					acc = 0;
					have = 0;
				}
			}
		}
	}
	double v = mig_str_failed(&hex) ? 0 : strtod(mig_str_cstr(&hex), NULL);
	mig_str_free(&hex);
	return v;
}

static int lex_number(lexer *L, size_t start, int line, int col)
{
	const unsigned char *s = L->s;
	size_t p = start, badpos = 0;
	mig_str digits = MIG_STR_INIT;
	const char *bad = NULL;
	double val = 0;
	int rc = 0;
	unsigned c1 = p + 1 < L->n ? s[p + 1] : 0;
	if (s[p] == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
		int radix = (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8 : 2;
		p += 2;
		long nd = scan_digits(L, &p, radix, &digits, &badpos);
		if (nd < 0) {
			rc = lex_error(L, badpos, "misplaced numeric separator '_'");
			goto out;
		}
		if (nd == 0) {
			rc = lex_error(L, start, "numeric literal %.2s without digits", (const char *)s + start);
			goto out;
		}
		if (p < L->n && s[p] == 'n') {
			bad = "BigInt literal";
			p++;
		}
		val = radix_value(mig_str_cstr(&digits), mig_str_len(&digits), radix);
	} else if (s[p] == '0' && is_digit(c1)) {
		/* 017 (legacy octal) and 08 (legacy decimal): sloppy-mode only. */
		while (p < L->n && is_digit(s[p]))
			p++;
		bad = "legacy octal literal (a number with a leading 0)";
	} else {
		if (s[p] == '0' && c1 == '_') {
			rc = lex_error(L, p + 1, "numeric separator '_' after a leading 0");
			goto out;
		}
		long nd = scan_digits(L, &p, 10, &digits, &badpos);
		if (nd < 0) {
			rc = lex_error(L, badpos, "misplaced numeric separator '_'");
			goto out;
		}
		bool plain = true;
		if (p < L->n && s[p] == '.') {
			plain = false;
			mig_str_putc(&digits, '.');
			p++;
			if (p < L->n && s[p] == '_') {
				rc = lex_error(L, p, "misplaced numeric separator '_'");
				goto out;
			}
			if (scan_digits(L, &p, 10, &digits, &badpos) < 0) {
				rc = lex_error(L, badpos, "misplaced numeric separator '_'");
				goto out;
			}
		}
		if (p < L->n && (s[p] == 'e' || s[p] == 'E')) {
			plain = false;
			mig_str_putc(&digits, 'e');
			p++;
			if (p < L->n && (s[p] == '+' || s[p] == '-'))
				mig_str_putc(&digits, (char)s[p++]);
			long ne = scan_digits(L, &p, 10, &digits, &badpos);
			if (ne < 0) {
				rc = lex_error(L, badpos, "misplaced numeric separator '_'");
				goto out;
			}
			if (ne == 0) {
				rc = lex_error(L, start, "numeric literal with an exponent but no exponent digits");
				goto out;
			}
		}
		if (plain && p < L->n && s[p] == 'n') {
			bad = "BigInt literal";
			p++;
		}
		val = mig_str_failed(&digits) ? 0 : strtod(mig_str_cstr(&digits), NULL);
	}
	if (p < L->n) {
		uint32_t cp;
		size_t w = utf8_dec(s + p, L->n - p, &cp);
		if (w && (id_start_cp(cp) || is_digit(cp))) {
			rc = lex_error(L, p, "an identifier or digit directly after a numeric literal");
			goto out;
		}
	}
	if (mig_str_failed(&digits)) {
		L->oom = true;
		rc = 1;
		goto out;
	}
	L->pos = p;
	mig_js_tok *k = push(L, MIG_JS_NUMBER, start, line, col);
	if (k) {
		k->num = val;
		k->bad = bad;
	}
out:
	mig_str_free(&digits);
	return rc;
}

static int lex_regex(lexer *L, size_t start, int line, int col)
{
	const unsigned char *s = L->s;
	size_t p = start + 1;
	bool cls = false;
	for (;;) {
		if (p >= L->n || lt_len(L, p))
			return lex_error_lc(L, line, col, "unterminated regular expression literal");
		unsigned c = s[p];
		if (c == '\\') {
			p++;
			if (p < L->n && !lt_len(L, p))
				p++;
			continue;
		}
		if (c == '[')
			cls = true;
		else if (c == ']')
			cls = false;
		else if (c == '/' && !cls) {
			p++;
			break;
		}
		p++;
	}
	while (p < L->n && s[p] < 0x80 && id_part_cp(s[p]))
		p++;
	L->pos = p;
	push(L, MIG_JS_REGEX, start, line, col);
	return 0;
}

/* Whether a `/` here starts a regular expression (else it divides). */
static bool regex_allowed(const lexer *L)
{
	const mig_js_toks *t = L->out;
	if (t->n == 0)
		return true;
	const mig_js_tok *k = &t->v[t->n - 1];
	switch (k->type) {
	case MIG_JS_IDENT: {
		static const char *const kw[] = {"return", "typeof", "instanceof", "in", "of", "new",
						  "delete", "void", "throw", "case", "do", "else",
						  "yield", "await", NULL};
		for (size_t i = 0; kw[i]; i++)
			if (strlen(kw[i]) == k->len && memcmp(L->s + k->off, kw[i], k->len) == 0)
				return true;
		return false;
	}
	case MIG_JS_PUNCT:
		return strcmp(k->punct, ")") != 0 && strcmp(k->punct, "]") != 0 &&
		       strcmp(k->punct, "}") != 0 && strcmp(k->punct, "++") != 0 &&
		       strcmp(k->punct, "--") != 0;
	case MIG_JS_TEMPLATE_HEAD:
	case MIG_JS_TEMPLATE_MIDDLE:
		return true;
	default:
		return false;
	}
}

/* Longest match first. `>` is always a single token so that TypeScript
 * generics (Array<Array<T>>) close one level at a time; we support no
 * operator spelled with several `>`. Lengths are spelled out: every
 * punctuation mark of every file is matched here (it was a third of the
 * reader's time with strlen and snprintf). */
static const struct {
	char text[4];
	unsigned char len;
} multi_puncts[] = {
	{"...", 3}, {"===", 3}, {"!==", 3}, {"**=", 3}, {"<<=", 3}, {"&&=", 3}, {"||=", 3}, {"?\?=", 3},
	{"=>", 2},  {"==", 2},  {"!=", 2},  {"<=", 2},  {"<<", 2},  {"**", 2},  {"++", 2},  {"--", 2},
	{"+=", 2},  {"-=", 2},  {"*=", 2},  {"/=", 2},  {"%=", 2},  {"&=", 2},  {"|=", 2},  {"^=", 2},
	{"&&", 2},  {"||", 2},  {"??", 2},  {"?.", 2}};

static int lex_punct(lexer *L, size_t start, int line, int col)
{
	const unsigned char *s = L->s;
	size_t avail = L->n - start;
	unsigned char c = s[start];
	if (c == '\0' || !strchr("{}()[];,<>+-*/%&|^!~?:=.@", c))
		return 0; /* not a punctuator */
	size_t len = 1;
	/* every operator of several characters is followed by one of these */
	if (avail >= 2 && strchr(".=*<&|?>+-/%^", s[start + 1]) && s[start + 1] != '\0') {
		for (size_t i = 0; i < sizeof(multi_puncts) / sizeof(multi_puncts[0]); i++) {
			size_t k = multi_puncts[i].len;
			if (multi_puncts[i].text[0] != (char)c || k > avail || memcmp(s + start, multi_puncts[i].text, k) != 0)
				continue;
			/* `?.5` is `?` then `.5` */
			if (k == 2 && c == '?' && s[start + 1] == '.' && k < avail && is_digit(s[start + 2]))
				continue;
			len = k;
			break;
		}
	}
	L->pos = start + len;
	mig_js_tok *k = push(L, MIG_JS_PUNCT, start, line, col);
	if (k) {
		memcpy(k->punct, s + start, len);
		k->punct[len] = '\0';
	}
	return 1;
}

/* One token (or an error token). */
static void lex_one(lexer *L)
{
	const unsigned char *s = L->s;
	size_t start = L->pos;
	sync(L, start);
	int line = L->line, col = L->col;
	unsigned c = s[start];
	uint32_t cp = c;
	size_t w = 1;
	if (c >= 0x80) {
		w = utf8_dec(s + start, L->n - start, &cp);
		if (!w) {
			lex_error(L, start, "invalid UTF-8 (byte 0x%02x); migration files must be UTF-8", c);
			return;
		}
	}
	if (id_start_cp(cp)) {
		size_t p = start + w;
		for (;;) {
			if (p >= L->n)
				break;
			uint32_t d;
			size_t k = utf8_dec(s + p, L->n - p, &d);
			if (!k || !id_part_cp(d))
				break;
			p += k;
		}
		if (p < L->n && s[p] == '\\') {
			lex_error(L, p, "escape sequence in an identifier (not supported)");
			return;
		}
		L->pos = p;
		push(L, MIG_JS_IDENT, start, line, col);
		return;
	}
	if (is_digit(c) || (c == '.' && start + 1 < L->n && is_digit(s[start + 1]))) {
		lex_number(L, start, line, col);
		return;
	}
	switch (c) {
	case '"':
	case '\'':
		lex_string(L, start, line, col);
		return;
	case '`':
		lex_template(L, start, true, line, col);
		return;
	case '{':
		if (bpush(L, 0))
			return;
		break;
	case '}':
		if (L->bn > 0 && L->bstack[L->bn - 1] == 1) {
			L->bn--;
			lex_template(L, start, false, line, col);
			return;
		}
		if (L->bn > 0)
			L->bn--;
		break;
	case '/':
		if (regex_allowed(L)) {
			lex_regex(L, start, line, col);
			return;
		}
		break;
	case '#': {
		size_t p = start + 1;
		uint32_t d;
		size_t k = p < L->n ? utf8_dec(s + p, L->n - p, &d) : 0;
		if (k && id_start_cp(d)) {
			while (p < L->n && (k = utf8_dec(s + p, L->n - p, &d)) > 0 && id_part_cp(d))
				p += k;
			L->pos = p;
			push(L, MIG_JS_PRIVATE, start, line, col);
			return;
		}
		break;
	}
	case '\\':
		lex_error(L, start, "escape sequence in an identifier (not supported)");
		return;
	default:
		break;
	}
	if (lex_punct(L, start, line, col))
		return;
	if (c == 0)
		lex_error(L, start, "NUL byte; migration files must be text");
	else if (cp < 0x20 || cp == 0x7F)
		lex_error(L, start, "unexpected control character U+%04X", (unsigned)cp);
	else
		lex_error(L, start, "unexpected character '%.*s'", (int)w, (const char *)s + start);
}

/* Pair brackets: ( [ { with their closers, template heads/middles with
 * the chunk that ends their substitution. A closer that does not match
 * the innermost opener is left alone (the parser reports it). */
static int match_brackets(mig_js_toks *t)
{
	size_t *stack = mig__malloc((t->n ? t->n : 1) * sizeof(*stack));
	if (!stack)
		return mig_error_oom();
	size_t sp = 0;
	for (size_t i = 0; i < t->n; i++) {
		mig_js_tok *k = &t->v[i];
		if (k->type == MIG_JS_TEMPLATE_MIDDLE || k->type == MIG_JS_TEMPLATE_TAIL) {
			/* The lexer only makes these when a `${` is open, so
			 * its head is on the stack: drop what is left open
			 * inside the substitution. */
			while (sp > 0) {
				mig_js_tok *o = &t->v[stack[sp - 1]];
				sp--;
				if (o->type == MIG_JS_TEMPLATE_HEAD || o->type == MIG_JS_TEMPLATE_MIDDLE) {
					o->match = i;
					break;
				}
			}
			if (k->type == MIG_JS_TEMPLATE_MIDDLE)
				stack[sp++] = i;
			continue;
		}
		if (k->type == MIG_JS_TEMPLATE_HEAD) {
			stack[sp++] = i;
			continue;
		}
		if (k->type != MIG_JS_PUNCT || k->punct[1] != '\0')
			continue;
		char c = k->punct[0];
		if (c == '(' || c == '[' || c == '{') {
			stack[sp++] = i;
		} else if (c == ')' || c == ']' || c == '}') {
			/* Match the innermost opener of this kind if it is at
			 * most a few levels down (what lies above it is left
			 * unclosed: `f(x; }` still closes its block); a
			 * stray closer is ignored. The bound keeps this linear. */
			char open = c == ')' ? '(' : c == ']' ? '[' : '{';
			for (size_t d = sp, seen = 0; d > 0 && seen < 4; d--, seen++) {
				mig_js_tok *o = &t->v[stack[d - 1]];
				if (o->type == MIG_JS_TEMPLATE_HEAD || o->type == MIG_JS_TEMPLATE_MIDDLE)
					break;
				if (o->punct[0] == open && o->punct[1] == '\0') {
					o->match = i;
					sp = d - 1;
					break;
				}
			}
		}
	}
	mig__free(stack);
	return 0;
}

int mig_js_lex(const char *text, size_t len, mig_js_toks *out)
{
	lexer L;
	memset(&L, 0, sizeof(L));
	memset(out, 0, sizeof(*out));
	L.s = (const unsigned char *)text;
	L.n = len;
	L.line = 1;
	L.col = 1;
	L.out = out;
	/* A hashbang line is a comment. */
	if (len >= 2 && text[0] == '#' && text[1] == '!') {
		while (L.pos < len && !lt_len(&L, L.pos))
			L.pos++;
	}
	while (!L.done && !L.oom) {
		if (skip_trivia(&L))
			break;
		if (L.pos >= L.n) {
			sync(&L, L.pos);
			push(&L, MIG_JS_EOF, L.pos, L.line, L.col);
			break;
		}
		lex_one(&L);
	}
	mig__free(L.bstack);
	mig_str_free(&L.buf);
	int rc = 0;
	if (L.oom)
		rc = mig_error_oom();
	else
		rc = match_brackets(out);
	if (rc)
		mig_js_toks_free(out);
	return rc;
}

void mig_js_toks_free(mig_js_toks *t)
{
	for (size_t i = 0; i < t->n; i++)
		mig__free(t->v[i].str);
	mig__free(t->v);
	memset(t, 0, sizeof(*t));
}
