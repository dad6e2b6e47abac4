/*
 * Enough of SQLite's tokenizer to read CREATE TABLE (and INDEX, TRIGGER,
 * VIEW) texts and to split user SQL.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* Splitting user SQL lexes every migration's text: the character tests
 * are inlined and operators compared without a library call per
 * punctuation mark (a third of the lexer's time). */
static inline bool word_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static inline bool word_char(unsigned char c)
{
	return word_start(c) || is_digit(c) || c == '$';
}

/* The length of the operator at s: 3, 2 or 1 (one character for every
 * other punctuation mark). s is NUL-terminated. */
static size_t punct_len(const char *s)
{
	char a = s[0], b = a ? s[1] : '\0';
	switch (a) {
	case '-':
		return b == '>' ? (s[2] == '>' ? 3 : 2) : 1; /* ->> -> */
	case '|':
		return b == '|' ? 2 : 1;
	case '<':
		return b == '=' || b == '>' || b == '<' ? 2 : 1;
	case '>':
		return b == '=' || b == '>' ? 2 : 1;
	case '!':
	case '=':
		return b == '=' ? 2 : 1;
	default:
		return 1;
	}
}

/* i at an opening quote q: the index after its closing one; n, and
 * *open set, when the text ends first. */
static size_t quoted_end(const char *s, size_t n, size_t i, char q, bool *open)
{
	for (i++; i < n; i++) {
		if (s[i] != q)
			continue;
		if (i + 1 < n && s[i + 1] == q) {
			i++;
			continue;
		}
		return i + 1;
	}
	*open = true;
	return n;
}

size_t mig__sq_skip_quoted(const char *s, size_t n, size_t i, char q)
{
	bool open = false;
	return quoted_end(s, n, i, q, &open);
}

int mig__sq_lex(const char *src, stoks *out)
{
	memset(out, 0, sizeof(*out));
	out->src = src;
	size_t n = strlen(src), i = 0;
	for (;;) {
		while (i < n) {
			unsigned char c = (unsigned char)src[i];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
				i++;
			} else if (c == '-' && src[i + 1] == '-') {
				while (i < n && src[i] != '\n')
					i++;
			} else if (c == '/' && src[i + 1] == '*') {
				const char *e = strstr(src + i + 2, "*/");
				i = e ? (size_t)(e - src) + 2 : n;
			} else {
				break;
			}
		}
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 64;
			stok *v = mig__realloc(out->v, cap * sizeof(*v));
			if (!v) {
				/* a failed lex owns nothing: callers free only on success */
				mig__free(out->v);
				memset(out, 0, sizeof(*out));
				return mig_error_oom();
			}
			out->v = v;
			out->cap = cap;
		}
		stok *t = &out->v[out->n++];
		t->off = i;
		if (i >= n) {
			t->type = TK_END;
			t->len = 0;
			return 0;
		}
		unsigned char c = (unsigned char)src[i];
		if (c == '\'') {
			t->type = TK_STRING;
			i = quoted_end(src, n, i, '\'', &out->unterminated);
		} else if (c == '"' || c == '`') {
			t->type = TK_QUOTED;
			i = quoted_end(src, n, i, (char)c, &out->unterminated);
		} else if (c == '[') {
			t->type = TK_QUOTED;
			while (i < n && src[i] != ']')
				i++;
			if (i < n)
				i++;
			else
				out->unterminated = true;
		} else if ((c == 'x' || c == 'X') && src[i + 1] == '\'') {
			t->type = TK_BLOB;
			i = quoted_end(src, n, i + 1, '\'', &out->unterminated);
		} else if (is_digit(c) || (c == '.' && is_digit((unsigned char)src[i + 1]))) {
			t->type = TK_NUMBER;
			if (c == '0' && (src[i + 1] == 'x' || src[i + 1] == 'X')) {
				i += 2;
				while (i < n && word_char((unsigned char)src[i]))
					i++;
			} else {
				while (i < n && (is_digit((unsigned char)src[i]) || src[i] == '.'))
					i++;
				if (i < n && (src[i] == 'e' || src[i] == 'E')) {
					i++;
					if (i < n && (src[i] == '+' || src[i] == '-'))
						i++;
					while (i < n && is_digit((unsigned char)src[i]))
						i++;
				}
			}
		} else if (word_start(c)) {
			t->type = TK_WORD;
			while (i < n && word_char((unsigned char)src[i]))
				i++;
		} else if (c == '?' || c == ':' || c == '@' || c == '$') {
			t->type = TK_VAR;
			i++;
			while (i < n && word_char((unsigned char)src[i]))
				i++;
		} else {
			t->type = TK_PUNCT;
			i += punct_len(src + i);
		}
		t->len = i - t->off;
	}
}

void mig__sq_toks_free(stoks *t)
{
	mig__free(t->v);
	memset(t, 0, sizeof(*t));
}

/* i at "(": the index after the matching ")" (or of TK_END). */
size_t mig__sq_group_end(const stoks *t, size_t i)
{
	int depth = 0;
	for (; i < t->n && tk(t, i)->type != TK_END; i++) {
		if (punct(t, i, '('))
			depth++;
		else if (punct(t, i, ')') && --depth == 0)
			return i + 1;
	}
	return t->n - 1;
}

/* The name a token stands for: quotes removed and undoubled. */
void mig__sq_tok_name(mig_str *out, const stoks *t, size_t i)
{
	const stok *x = tk(t, i);
	const char *s = t->src + x->off;
	if (x->type == TK_QUOTED || x->type == TK_STRING) {
		char q = s[0];
		if (q == '[') {
			mig_str_put(out, s + 1, x->len >= 2 ? x->len - 2 : 0);
			return;
		}
		for (size_t k = 1; k + 1 < x->len; k++) {
			mig_str_putc(out, s[k]);
			if (s[k] == q && s[k + 1] == q)
				k++;
		}
		return;
	}
	mig_str_put(out, s, x->len);
}

bool mig__sq_tok_is_name(const stoks *t, size_t i, const char *name)
{
	if (!is_name_tok(t, i))
		return false;
	mig_str s = MIG_STR_INIT;
	mig__sq_tok_name(&s, t, i);
	bool r = !mig_str_failed(&s) && ieq(mig_str_cstr(&s), name);
	mig_str_free(&s);
	return r;
}

/* The source text of tokens [a, b). */
void mig__sq_slice(mig_str *out, const stoks *t, size_t a, size_t b)
{
	if (b <= a)
		return;
	const stok *x = tk(t, a), *y = tk(t, b - 1);
	mig_str_put(out, t->src + x->off, y->off + y->len - x->off);
}

/* Whether tokens [a, b) name `name` as an identifier (not as a function
 * being called, not inside a string). */
bool mig__sq_mentions(const stoks *t, size_t a, size_t b, const char *name)
{
	for (size_t i = a; i < b && i < t->n; i++) {
		int ty = tk(t, i)->type;
		if (ty != TK_WORD && ty != TK_QUOTED)
			continue;
		if (ty == TK_WORD && punct(t, i + 1, '('))
			continue;
		if (mig__sq_tok_is_name(t, i, name))
			return true;
	}
	return false;
}

bool mig__sq_sql_mentions(const char *sql, const char *name)
{
	stoks t;
	if (mig__sq_lex(sql, &t)) {
		mig_error_clear();
		return true; /* be conservative */
	}
	bool r = mig__sq_mentions(&t, 0, t.n, name);
	mig__sq_toks_free(&t);
	return r;
}
