/*
 * The statements of user-written SQL as the mysql/mariadb command-line
 * client divides a script, so that a .sql migration written for the
 * client runs the same here, one statement at a time:
 *
 * - the current delimiter (';' until a DELIMITER line changes it) ends a
 *   statement outside quotes and comments; '...' and "..." take backslash
 *   escapes and doubled quotes, `...` only doubled backticks (the session
 *   pins an sql_mode without NO_BACKSLASH_ESCAPES and ANSI_QUOTES);
 * - comments are "-- " (the dashes followed by a blank or the end: 5--3 is
 *   arithmetic), '#' to the end of the line and C's block comments (not
 *   nested); the executable ones, opening with slash-star-! or
 *   slash-star-M!, are code to the server, so they stay in the statement,
 *   and their semicolons do not end it (the client does end one there,
 *   which is why mysqldump writes such bodies under DELIMITER ;;: the
 *   server parses the comment's text as part of the one statement);
 * - "DELIMITER xx" at the start of a line, between statements, sets the
 *   delimiter to its first word, as the client's own command does; that
 *   line is the client's and reaches the server in no statement;
 * - without DELIMITER, the body of CREATE PROCEDURE / FUNCTION / TRIGGER /
 *   EVENT, of BEGIN NOT ATOMIC and of a bare IF, CASE, LOOP, REPEAT, WHILE
 *   or FOR (MariaDB's compound statements) keeps its semicolons: the
 *   splitter follows its BEGIN ... END nesting. While another delimiter
 *   is set it does not, as the client does not: the delimiter alone
 *   decides, so a script written for the client splits as there.
 *
 * A statement runs from its first token (so that the line the runner
 * counts for it is the line of its first word, past leading comments) to
 * its last one: the delimiter, blanks and trailing comments are outside
 * its bounds (a delimiter such as $$ is no SQL the server knows).
 * Statements of only blanks and comments do not count; a text of nothing
 * else has none (n = 0). An unterminated quote or comment takes the rest
 * of the text into its statement, which the server then refuses with
 * its own message at the right line.
 */
#include "dialects/mysql/mysql_split.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>
#include <string.h>

enum tok_kind {
	T_END,	  /* the end of the text */
	T_BLANK,
	T_COMMENT,
	T_OPAQUE, /* an executable or unterminated comment: part of the statement */
	T_QUOTE,  /* a string or `identifier`, perhaps unterminated */
	T_WORD,
	T_PUNCT,  /* one byte */
};

typedef struct tok {
	enum tok_kind kind;
	size_t at, end;
} tok;

typedef struct scanner {
	const char *sql;
	size_t n;
	const char *delim; /* the current delimiter: into sql, or ";" */
	size_t dlen;
} scanner;

static bool is_blank(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static bool is_word_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
	       ch == '$' || ch >= 0x80;
}

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

static bool delim_at(const scanner *sc, size_t i)
{
	return sc->n - i >= sc->dlen && memcmp(sc->sql + i, sc->delim, sc->dlen) == 0;
}

/* The token at i (i <= n). */
static tok lex(const scanner *sc, size_t i)
{
	const char *s = sc->sql;
	size_t n = sc->n;
	tok t = {T_PUNCT, i, i + 1};
	if (i >= n)
		return (tok){T_END, n, n};
	unsigned char ch = (unsigned char)s[i];
	if (is_blank(ch)) {
		while (t.end < n && is_blank((unsigned char)s[t.end]))
			t.end++;
		t.kind = T_BLANK;
	} else if (ch == '#' || (ch == '-' && i + 1 < n && s[i + 1] == '-' &&
				 (i + 2 == n || is_blank((unsigned char)s[i + 2])))) {
		while (t.end < n && s[t.end] != '\n')
			t.end++;
		t.kind = T_COMMENT;
	} else if (ch == '/' && i + 1 < n && s[i + 1] == '*') {
		size_t k = i + 2;
		bool code = (k < n && s[k] == '!') || (n - k >= 2 && s[k] == 'M' && s[k + 1] == '!');
		while (k + 1 < n && !(s[k] == '*' && s[k + 1] == '/'))
			k++;
		t.kind = code || k + 1 >= n ? T_OPAQUE : T_COMMENT;
		t.end = k + 1 < n ? k + 2 : n;
	} else if (ch == '\'' || ch == '"' || ch == '`') {
		size_t k = i + 1;
		for (;;) {
			if (k >= n) {
				k = n;
				break;
			}
			if (s[k] == '\\' && ch != '`') {
				k += 2;
			} else if ((unsigned char)s[k] == ch) {
				if (k + 1 < n && (unsigned char)s[k + 1] == ch) {
					k += 2;
					continue;
				}
				k++;
				break;
			} else {
				k++;
			}
		}
		t.kind = T_QUOTE;
		t.end = k;
	} else if (is_word_char(ch)) {
		/* END$$ ends at the delimiter, as the client sees it */
		while (t.end < n && is_word_char((unsigned char)s[t.end]) && !delim_at(sc, t.end))
			t.end++;
		t.kind = T_WORD;
	}
	return t;
}

/* The next token from i that is neither blank nor comment. */
static tok next_sig(const scanner *sc, size_t i)
{
	for (;;) {
		tok t = lex(sc, i);
		if (t.kind != T_BLANK && t.kind != T_COMMENT)
			return t;
		i = t.end;
	}
}

static bool word_is(const scanner *sc, tok t, const char *w)
{
	size_t len = strlen(w);
	if (t.kind != T_WORD || t.end - t.at != len)
		return false;
	for (size_t k = 0; k < len; k++)
		if (lower(sc->sql[t.at + k]) != w[k])
			return false;
	return true;
}

static bool word_in(const scanner *sc, tok t, const char *const *words)
{
	for (; *words; words++)
		if (word_is(sc, t, *words))
			return true;
	return false;
}

static bool punct_is(const scanner *sc, tok t, char ch)
{
	return t.kind == T_PUNCT && sc->sql[t.at] == ch;
}

/* The token after the account of DEFINER = account, which starts at i. */
static tok after_account(const scanner *sc, size_t i)
{
	tok t = next_sig(sc, i);
	if (word_is(sc, t, "current_user") || word_is(sc, t, "current_role")) {
		tok u = next_sig(sc, t.end);
		if (!punct_is(sc, u, '('))
			return u;
		u = next_sig(sc, u.end);
		return punct_is(sc, u, ')') ? next_sig(sc, u.end) : u;
	}
	if (t.kind != T_WORD && t.kind != T_QUOTE)
		return t;
	tok u = next_sig(sc, t.end);
	if (!punct_is(sc, u, '@'))
		return u;
	/* an unquoted host may be several tokens written together: 127.0.0.1 */
	size_t end = next_sig(sc, u.end).end;
	for (;;) {
		tok v = lex(sc, end);
		char c = v.kind == T_PUNCT ? sc->sql[v.at] : '\0';
		if (v.kind != T_WORD && v.kind != T_QUOTE && !(c && strchr(".%-:", c)))
			break;
		end = v.end;
	}
	return next_sig(sc, end);
}

/* Whether the statement starting at i holds a compound body whose
 * semicolons are its own. */
static bool compound_start(const scanner *sc, size_t i)
{
	static const char *const bare[] = {"if", "case", "loop", "repeat", "while", "for", NULL};
	static const char *const routines[] = {"procedure", "function", "trigger", "event", NULL};
	tok t = next_sig(sc, i);
	tok u = next_sig(sc, t.end);
	/* a plain BEGIN starts a transaction */
	if (word_is(sc, t, "begin"))
		return word_is(sc, u, "not") && word_is(sc, next_sig(sc, u.end), "atomic");
	if (word_in(sc, t, bare))
		return true;
	if (!word_is(sc, t, "create"))
		return false;
	t = u;
	if (word_is(sc, t, "or")) {
		t = next_sig(sc, t.end);
		if (!word_is(sc, t, "replace"))
			return false;
		t = next_sig(sc, t.end);
	}
	if (word_is(sc, t, "definer")) {
		t = next_sig(sc, t.end);
		if (!punct_is(sc, t, '='))
			return false;
		t = after_account(sc, t.end);
	}
	if (word_is(sc, t, "aggregate"))
		t = next_sig(sc, t.end);
	return word_in(sc, t, routines);
}

/* Whether the IF whose word ends at i opens an IF ... END IF block: not
 * IF(a, b, c), the function, nor IF [NOT] EXISTS name of DDL (but IF
 * [NOT] EXISTS (subquery) THEN is a block). */
static bool if_opens(const scanner *sc, size_t i)
{
	tok t = next_sig(sc, i);
	if (word_is(sc, t, "not")) {
		tok u = next_sig(sc, t.end);
		if (!word_is(sc, u, "exists"))
			return true;
		t = u;
	}
	if (word_is(sc, t, "exists"))
		return punct_is(sc, next_sig(sc, t.end), '(');
	if (!punct_is(sc, t, '('))
		return true;
	/* IF (a > b) THEN is a statement too: the function is the one whose
	 * parentheses hold commas */
	size_t depth = 0;
	for (size_t k = t.at;;) {
		tok u = lex(sc, k);
		if (u.kind == T_END || punct_is(sc, u, ';'))
			return false;
		if (punct_is(sc, u, '('))
			depth++;
		else if (punct_is(sc, u, ')') && --depth == 0)
			return true;
		else if (punct_is(sc, u, ',') && depth == 1)
			return false;
		k = u.end;
	}
}

/* What a word of a compound statement does to its block nesting; returns
 * where the scan goes on (past the IF of END IF, which opens nothing). */
static size_t block_word(const scanner *sc, tok t, size_t *depth)
{
	static const char *const opens[] = {"begin", "case", "loop", "while", NULL};
	static const char *const closes[] = {"if", "case", "loop", "while", "repeat", "for", NULL};
	if (word_in(sc, t, opens)) {
		(*depth)++;
	} else if (word_is(sc, t, "if")) {
		if (if_opens(sc, t.end))
			(*depth)++;
	} else if (word_is(sc, t, "repeat")) {
		if (!punct_is(sc, next_sig(sc, t.end), '(')) /* REPEAT(str, n) */
			(*depth)++;
	} else if (word_is(sc, t, "for")) {
		/* MariaDB's FOR x IN ... DO, not FOR EACH ROW or FOR UPDATE */
		tok v = next_sig(sc, t.end);
		if (v.kind == T_WORD && word_is(sc, next_sig(sc, v.end), "in"))
			(*depth)++;
	} else if (word_is(sc, t, "end")) {
		if (*depth)
			(*depth)--;
		tok v = next_sig(sc, t.end);
		if (word_in(sc, v, closes))
			return v.end;
	}
	return t.end;
}

static bool at_line_start(const char *s, size_t i)
{
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i == 0 || s[i - 1] == '\n';
}

/* A client DELIMITER line at i: sets the delimiter and returns where the
 * next line begins; 0 when it is no such line (the client refuses an
 * empty delimiter and one with a backslash: the server then refuses the
 * line as SQL, and says where). */
static size_t delimiter_line(scanner *sc, size_t i)
{
	static const char word[] = "delimiter";
	const char *s = sc->sql;
	size_t n = sc->n, w = sizeof(word) - 1;
	if (n - i <= w)
		return 0;
	for (size_t c = 0; c < w; c++)
		if (lower(s[i + c]) != word[c])
			return 0;
	size_t k = i + w;
	if (s[k] != ' ' && s[k] != '\t')
		return 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	size_t a = k, e;
	if (k < n && (s[k] == '\'' || s[k] == '"' || s[k] == '`')) {
		char q = s[k];
		a = ++k;
		while (k < n && s[k] != q && s[k] != '\n')
			k++;
		e = k;
		while (e > a && s[e - 1] == '\r')
			e--;
	} else {
		while (k < n && !is_blank((unsigned char)s[k]))
			k++;
		e = k;
	}
	if (e == a || memchr(s + a, '\\', e - a))
		return 0;
	/* the client reads the first word; the rest of the line is ignored */
	while (k < n && s[k] != '\n')
		k++;
	sc->delim = s + a;
	sc->dlen = e - a;
	return k < n ? k + 1 : n;
}

/* The number of statements; their bounds too when start is not NULL. */
static size_t scan(const char *sql, size_t n, size_t *start, size_t *slen)
{
	scanner sc = {sql, n, ";", 1};
	size_t count = 0, i = 0, at = 0, last = 0, depth = 0;
	bool content = false; /* the statement has more than blanks and comments */
	bool compound = false, after_dot = false;
	for (;;) {
		bool end = i >= n;
		if (end || (depth == 0 && delim_at(&sc, i))) {
			if (content) {
				if (start) {
					start[count] = at;
					slen[count] = last - at;
				}
				count++;
			}
			if (end)
				return count;
			i += sc.dlen;
			content = false;
			continue;
		}
		size_t next;
		if (!content && at_line_start(sql, i) && (next = delimiter_line(&sc, i)) != 0) {
			i = next;
			continue;
		}
		tok t = lex(&sc, i);
		if (t.kind == T_BLANK || t.kind == T_COMMENT) {
			i = t.end;
			continue;
		}
		if (!content) {
			content = true;
			at = i;
			depth = 0;
			after_dot = false;
			compound = sc.dlen == 1 && sc.delim[0] == ';' && compound_start(&sc, i);
		}
		/* t.end, @end: names, not keywords */
		i = compound && t.kind == T_WORD && !after_dot ? block_word(&sc, t, &depth) : t.end;
		last = i;
		after_dot = punct_is(&sc, t, '.') || punct_is(&sc, t, '@');
	}
}

int mig__mysql_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	*start = *slen = NULL;
	*n = 0;
	size_t count = scan(sql, len, NULL, NULL);
	if (count == 0)
		return 0;
	size_t *s = mig__reallocarray(NULL, count, sizeof(*s));
	size_t *l = mig__reallocarray(NULL, count, sizeof(*l));
	if (!s || !l) {
		mig__free(s);
		mig__free(l);
		return mig_error_oom();
	}
	scan(sql, len, s, l);
	*start = s;
	*slen = l;
	*n = count;
	return 0;
}
