/*
 * .sql migrations in node-pg-migrate's format: an optional "-- Up
 * Migration" and an optional "-- Down Migration" marker, matched by
 * /^\s*--[\s-]*<dir>\s+migration/im exactly as node-pg-migrate's
 * sqlMigration.ts does (including its quirks: a match may start at a blank
 * line before the marker; without an up marker the whole file is up).
 * Each section becomes one `sql` operation, run as one step. Which tool's
 * format a .sql file is in is decided in sql_formats.c.
 */
#include "load/load.h"

#include "util/error.h"

#include <ctype.h>
#include <string.h>

/* Length of the JavaScript \s character at p (ASCII whitespace, NBSP,
 * BOM and the Unicode spaces/line separators), 0 if none. */
static size_t js_space(const unsigned char *p, const unsigned char *end)
{
	if (p >= end)
		return 0;
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (end - p >= 3) {
		unsigned a = p[0], b = p[1], c = p[2];
		if (a == 0xEF && b == 0xBB && c == 0xBF) /* U+FEFF */
			return 3;
		if (a == 0xE1 && b == 0x9A && c == 0x80) /* U+1680 */
			return 3;
		if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF))
			return 3;
		if (a == 0xE2 && b == 0x81 && c == 0x9F) /* U+205F */
			return 3;
		if (a == 0xE3 && b == 0x80 && c == 0x80) /* U+3000 */
			return 3;
	}
	return 0;
}

/* The first line start after p (end when there is none): the position
 * after a line terminator of JavaScript's (\n, \r, U+2028, U+2029), as
 * the regular expression's ^ in multiline mode; jumping from one to the
 * next instead of testing every byte (every .sql file is searched for
 * both markers). */
static const unsigned char *next_line_start(const unsigned char *p, const unsigned char *end)
{
	for (; p < end; p++) {
		if (*p == '\n' || *p == '\r')
			return p + 1;
		if (*p == 0xE2 && end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
			return p + 3;
	}
	return end;
}

static bool match_word_ci(const unsigned char **p, const unsigned char *end, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(end - *p) < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (tolower((*p)[i]) != word[i])
			return false;
	*p += n;
	return true;
}

long mig_sql_find_marker(const char *text, size_t len, const char *dir)
{
	const unsigned char *t = (const unsigned char *)text, *end = t + len;
	for (const unsigned char *p = t; p < end; p = next_line_start(p, end)) {
		const unsigned char *q = p;
		size_t w;
		while ((w = js_space(q, end)) > 0)
			q += w;
		if (end - q < 2 || q[0] != '-' || q[1] != '-')
			continue;
		q += 2;
		for (;;) {
			if (q < end && *q == '-')
				q++;
			else if ((w = js_space(q, end)) > 0)
				q += w;
			else
				break;
		}
		if (!match_word_ci(&q, end, dir))
			continue;
		if ((w = js_space(q, end)) == 0)
			continue;
		while ((w = js_space(q, end)) > 0)
			q += w;
		if (match_word_ci(&q, end, "migration"))
			return (long)(p - t);
	}
	return -1;
}

/* Whether text holds anything but blanks, "--" comments, block comments
 * and empty statements (";"). Unsure (an unterminated block comment)
 * counts as SQL: the engine then says what is wrong. */
static bool has_sql(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c == ' ' || (c >= '\t' && c <= '\r') || c == ';') {
			i++;
		} else if (c == '-' && i + 1 < len && text[i + 1] == '-') {
			while (i < len && text[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			const char *end = NULL;
			for (size_t k = i + 2; k + 1 < len; k++)
				if (text[k] == '*' && text[k + 1] == '/') {
					end = text + k + 2;
					break;
				}
			if (!end)
				return true;
			i = (size_t)(end - text);
		} else {
			return true;
		}
	}
	return false;
}

static int push_sql(mig_oplist *ops, const char *text, size_t len, int line)
{
	mig_value *args = mig_value_new(MIG_V_ARRAY);
	if (!args)
		return MIG_ENOMEM;
	mig_value *s = mig_value_string(text, len);
	if (!s) {
		mig_value_free(args);
		return MIG_ENOMEM;
	}
	s->line = line;
	s->column = 1;
	int rc = mig_array_push(args, s);
	if (rc) {
		mig_value_free(args);
		return rc;
	}
	return mig_oplist_push(ops, "sql", args, line, 1);
}

int mig__sql_push_section(mig_oplist *ops, const char *text, size_t len, int line)
{
	/* A section of only comments runs nothing: no step at all, rather
	 * than the lone ";" that pgm.sql() would add to it. */
	if (!has_sql(text, len))
		return 0;
	/* pgm.sql() appends ";" unless the text ends with one; the blanks
	 * after a file's last ";" would make that a stray empty statement
	 * (node-pg-migrate sends "...;\n;"), shown on a line of its own. */
	size_t n = len;
	while (n > 0 && (text[n - 1] == ' ' || (text[n - 1] >= '\t' && text[n - 1] <= '\r')))
		n--;
	if (n > 0 && text[n - 1] == ';')
		len = n;
	return push_sql(ops, text, len, line);
}

int mig__sql_line_of(const char *text, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

int mig__load_npm_sql(mig_migration *m, const char *text, size_t len)
{
	long up = mig_sql_find_marker(text, len, "up");
	long down = mig_sql_find_marker(text, len, "down");
	int rc;
	if (up >= 0) {
		size_t endpos = down < up ? len : (size_t)down;
		rc = mig__sql_push_section(&m->up, text + up, endpos - (size_t)up, mig__sql_line_of(text, (size_t)up));
	} else {
		rc = mig__sql_push_section(&m->up, text, len, 1);
	}
	if (rc)
		return rc;
	if (down >= 0) {
		size_t endpos = up < down ? len : (size_t)up;
		m->down_kind = MIG_ACTION_FUNCTION;
		rc = mig__sql_push_section(&m->down, text + down, endpos - (size_t)down,
					   mig__sql_line_of(text, (size_t)down));
	} else {
		m->down_kind = MIG_ACTION_DISABLED;
	}
	/* a failure loads nothing: not the up section without its down */
	if (rc)
		mig_oplist_free(&m->up);
	return rc;
}
