/*
 * The statements of user-written SQL, as the PostgreSQL server splits a
 * simple-protocol query: semicolons outside quotes, E'' strings, quoted
 * identifiers, dollar quotes, comments (block comments nest) and parentheses end
 * a statement; statements holding only blanks and comments do not count
 * (the server skips them too). SQL-standard function bodies (BEGIN ATOMIC
 * ... END) hold semicolons the server does not split on: this splitter
 * does not follow them and answers "cannot tell" (n = 0), and the text
 * then runs undivided.
 */
#include "dialects/postgres/pg_split.h"

#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>

static bool is_ident_char(unsigned char ch)
{
	return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80;
}

static bool ieq_word(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (tolower((unsigned char)*s) != *word)
			return false;
	return true;
}

typedef struct bounds {
	size_t *start, *len;
	size_t n, cap;
} bounds;

static int add(bounds *b, size_t start, size_t len)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		size_t *s = mig__reallocarray(b->start, cap, sizeof(*s));
		if (!s)
			return mig_error_oom();
		b->start = s;
		size_t *l = mig__reallocarray(b->len, cap, sizeof(*l));
		if (!l)
			return mig_error_oom();
		b->len = l;
		b->cap = cap;
	}
	b->start[b->n] = start;
	b->len[b->n] = len;
	b->n++;
	return 0;
}

/* 1: split; 0: cannot tell; <0: error. */
static int scan(const char *sql, size_t n, bounds *b)
{
	size_t i = 0;
	int depth = 0;
	bool content = false; /* the current statement has more than blanks/comments */
	size_t content_at = 0;
	for (;;) {
		unsigned char ch = i < n ? (unsigned char)sql[i] : '\0';
		if (i >= n || (ch == ';' && depth == 0)) {
			if (content) {
				int rc = add(b, content_at, (i < n ? i + 1 : i) - content_at);
				if (rc)
					return rc;
			}
			if (i >= n)
				return 1;
			i++;
			content = false;
			continue;
		}
		if (isspace(ch)) {
			i++;
			continue;
		}
		if (ch == '-' && i + 1 < n && sql[i + 1] == '-') {
			while (i < n && sql[i] != '\n')
				i++;
			continue;
		}
		if (ch == '/' && i + 1 < n && sql[i + 1] == '*') {
			int nest = 0;
			while (i < n) {
				if (sql[i] == '/' && i + 1 < n && sql[i + 1] == '*') {
					nest++;
					i += 2;
				} else if (sql[i] == '*' && i + 1 < n && sql[i + 1] == '/') {
					i += 2;
					if (--nest == 0)
						break;
				} else {
					i++;
				}
			}
			continue;
		}
		if (!content) {
			content = true;
			content_at = i;
		}
		if (ch == '\'' || ch == '"') {
			/* E'...' strings take backslash escapes */
			bool esc = ch == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
				   (i < 2 || !is_ident_char((unsigned char)sql[i - 2]));
			i++;
			while (i < n) {
				if (esc && sql[i] == '\\' && i + 1 < n) {
					i += 2;
					continue;
				}
				if ((unsigned char)sql[i] == ch) {
					if (i + 1 < n && (unsigned char)sql[i + 1] == ch) {
						i += 2;
						continue;
					}
					break;
				}
				i++;
			}
			if (i < n)
				i++;
			continue;
		}
		if (ch == '$' && (i == 0 || !is_ident_char((unsigned char)sql[i - 1]))) {
			/* $tag$ ... $tag$; the tag is empty or an identifier not
			 * starting with a digit ($1 is a parameter) */
			size_t t = i + 1;
			if (t < n && !isdigit((unsigned char)sql[t])) {
				while (t < n && sql[t] != '$' &&
				       (isalnum((unsigned char)sql[t]) || sql[t] == '_' || (unsigned char)sql[t] >= 0x80))
					t++;
			}
			if (t < n && sql[t] == '$') {
				size_t taglen = t - i + 1;
				size_t k = t + 1;
				while (k + taglen <= n && memcmp(sql + k, sql + i, taglen) != 0)
					k++;
				if (k + taglen > n)
					return 0; /* unterminated: let the server's message speak */
				i = k + taglen;
				continue;
			}
		}
		if (ch == '(')
			depth++;
		else if (ch == ')' && depth > 0)
			depth--;
		else if ((ch == 'B' || ch == 'b') && (i == 0 || !is_ident_char((unsigned char)sql[i - 1])) &&
			 n - i >= 5 && ieq_word(sql + i, "begin")) {
			size_t k = i + 5;
			while (k < n && isspace((unsigned char)sql[k]))
				k++;
			if (n - k >= 6 && ieq_word(sql + k, "atomic") && (k + 6 >= n || !is_ident_char((unsigned char)sql[k + 6])))
				return 0;
		}
		if (is_ident_char(ch)) {
			while (i < n && is_ident_char((unsigned char)sql[i]))
				i++;
			continue;
		}
		i++;
	}
}

int mig__pg_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	bounds b = {0};
	*start = *slen = NULL;
	*n = 0;
	int rc = scan(sql, len, &b);
	if (rc <= 0) {
		mig__free(b.start);
		mig__free(b.len);
		return rc < 0 ? rc : 0;
	}
	*start = b.start;
	*slen = b.len;
	*n = b.n;
	return 0;
}
