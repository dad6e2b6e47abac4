#include "load/load.h"

#include "load/node/node.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdlib.h>
#include <string.h>

static bool has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static const char *find(const char *text, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (const char *p = text; n <= len && (size_t)(p - text) <= len - n; p++) {
		p = memchr(p, what[0], len - n - (size_t)(p - text) + 1);
		if (!p)
			return NULL;
		if (memcmp(p, what, n) == 0)
			return p;
	}
	return NULL;
}

/* Read path into *text (caller frees): refused unless UTF-8 without NUL
 * bytes. *body and *blen: the text after a UTF-8 byte order mark. */
static int read_text(const char *path, char **text, size_t *len, const char **body, size_t *blen)
{
	int rc = mig_read_file(path, text, len);
	if (rc)
		return rc;
	long bad = mig_utf8_invalid_at(*text, *len);
	const char *nul = memchr(*text, '\0', *len);
	if (bad >= 0 || nul) {
		int line, col;
		size_t at = bad >= 0 ? (size_t)bad : (size_t)(nul - *text);
		mig_line_col(*text, at, &line, &col);
		if (bad >= 0)
			rc = mig_error_set_at(MIG_EINPUT, path, line, col,
					      "not valid UTF-8 (byte 0x%02x at offset %ld); migration files must be UTF-8",
					      (unsigned char)(*text)[bad], bad);
		else
			rc = mig_error_set_at(MIG_EINPUT, path, line, col,
					      "contains a NUL byte; migration files must be text");
		return rc;
	}
	*body = *text;
	*blen = *len;
	if (*blen >= 3 && memcmp(*body, "\xEF\xBB\xBF", 3) == 0) {
		*body += 3;
		*blen -= 3;
	}
	return 0;
}

/* A golang-migrate pair: the up file (m->path) and the down file, if
 * there is one, each read whole. */
static int load_pair(mig_migration *m)
{
	char *text = NULL;
	const char *body = NULL;
	size_t len = 0, blen = 0;
	int rc = read_text(m->path, &text, &len, &body, &blen);
	if (rc == 0)
		rc = mig__load_sql_whole(m, m->path, body, blen, false);
	mig__free(text);
	text = NULL;
	m->down_kind = MIG_ACTION_DISABLED; /* an up without its down cannot be rolled back */
	if (rc == 0 && m->down_path) {
		rc = read_text(m->down_path, &text, &len, &body, &blen);
		if (rc == 0)
			rc = mig__load_sql_whole(m, m->down_path, body, blen, true);
		mig__free(text);
	}
	if (rc) {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
	} else {
		m->loaded = true;
		m->shorthands_known = true;
	}
	return rc;
}

static int load_text(mig_migration *m, const char *body, size_t blen)
{
	int rc = has_suffix(m->file, ".sql") ? mig_load_sql_text(m, body, blen) : mig_load_js_text(m, body, blen);
	if (rc == 0) {
		m->loaded = true;
		m->shorthands_known = true;
	} else if (mig_error_last() && !mig_error_last()->file) {
		mig_error_set_location(m->path, 0, 0);
	}
	return rc;
}

int mig_load_file(mig_migration *m)
{
	return mig_load_file_opts(m, NULL);
}

static bool is_node_eligible(const mig_migration *m)
{
	return !has_suffix(m->file, ".sql");
}

/* The static reader refused m: Node.js reads it when the engine allows
 * and there is one; otherwise the refusal stands, with how to get Node. */
static int js_fallback(mig_migration *m, const mig_load_opts *lo, int rc)
{
	enum mig_js_engine e = lo ? lo->js_engine : MIG_JS_ENGINE_AUTO;
	if (rc != MIG_EINPUT)
		return rc;
	char *program = e == MIG_JS_ENGINE_AUTO ? mig_node_program(lo) : NULL;
	if (program) {
		mig__free(program);
		mig_error_clear();
		return mig_node_load(m, lo);
	}
	if (e == MIG_JS_ENGINE_STATIC)
		mig_error_set_hint("--js-engine static reads JS/TS files without running them; with Node.js >= 18 "
				   "(on PATH or --node PATH), --js-engine auto (the default) or node evaluates this file");
	else if (lo && lo->node)
		mig_error_set_hint("the Node.js engine would evaluate this file, but the --node program cannot be run");
	else
		mig_error_set_hint("the Node.js engine would evaluate this file: install Node.js >= 18 on PATH or give "
				   "--node PATH (--js-engine says which engine reads JS/TS files)");
	return rc;
}

/* m's text, read by the engine lo picks. */
static int load_body(mig_migration *m, const mig_load_opts *lo, const char *body, size_t blen)
{
	if (is_node_eligible(m) && lo && lo->js_engine == MIG_JS_ENGINE_NODE) {
		int rc = mig_node_load(m, lo);
		if (rc == 0) {
			m->loaded = true;
			m->shorthands_known = true;
		}
		return rc;
	}
	int rc = load_text(m, body, blen);
	if (rc && is_node_eligible(m) && (rc = js_fallback(m, lo, rc)) == 0) {
		m->loaded = true;
		m->shorthands_known = true;
	}
	return rc;
}

int mig_load_file_opts(mig_migration *m, const mig_load_opts *lo)
{
	if (m->down_path || has_suffix(m->file, ".up.sql"))
		return load_pair(m);
	char *text = NULL;
	size_t len = 0, blen = 0;
	const char *body = NULL;
	int rc = read_text(m->path, &text, &len, &body, &blen);
	if (rc == 0)
		rc = load_body(m, lo, body, blen);
	mig__free(text);
	return rc;
}

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

/* After p: spaces and comments skipped. */
static const char *skip_blank(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
			p++;
		} else if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
			while (p < end && *p != '\n')
				p++;
		} else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
			const char *close = find(p + 2, (size_t)(end - p - 2), "*/");
			p = close ? close + 2 : end;
		} else {
			break;
		}
	}
	return p;
}

/* A word (not part of a longer identifier) followed, past blanks and an
 * optional '(', by a quoted module name other than node-pg-migrate's. */
static bool names_other_module(const char *text, size_t len, const char *word)
{
	const char *end = text + len;
	size_t n = strlen(word);
	for (const char *p = text; (p = find(p, (size_t)(end - p), word)) != NULL; p += n) {
		if ((p > text && ident_char(p[-1])) || (p + n < end && ident_char(p[n])))
			continue;
		const char *q = skip_blank(p + n, end);
		if (q < end && *q == '(')
			q = skip_blank(q + 1, end);
		if (q >= end || (*q != '\'' && *q != '"' && *q != '`'))
			continue;
		static const char npm[] = "node-pg-migrate";
		size_t k = sizeof(npm) - 1;
		bool ours = (size_t)(end - q - 1) > k && memcmp(q + 1, npm, k) == 0 && (q[1 + k] == *q || q[1 + k] == '/');
		if (!ours)
			return true;
	}
	return false;
}

bool mig_load_may_export_shorthands(const char *text, size_t len)
{
	/* (a) the name spelled out, or (b) a string escape that could spell it */
	if (find(text, len, "shorthands") || memchr(text, '\\', len))
		return true;
	/* (c) a computed key or member: `[k]: v` in an object, `o[k] = v` */
	const char *end = text + len;
	for (const char *p = text; (p = memchr(p, ']', (size_t)(end - p))) != NULL;) {
		const char *q = skip_blank(++p, end);
		if (q < end && (*q == ':' || (*q == '=' && (q + 1 == end || (q[1] != '=' && q[1] != '>')))))
			return true;
	}
	/* (d) objects made by the built-ins that take names as values */
	static const char *const makers[] = {"assign", "defineProperty", "fromEntries", "Reflect", "eval", "Function", "JSON"};
	for (size_t i = 0; i < sizeof(makers) / sizeof(makers[0]); i++)
		for (const char *p = text; (p = find(p, (size_t)(end - p), makers[i])) != NULL; p++)
			if (p == text || !ident_char(p[-1]))
				return true;
	/* (e) another module, whose exports it may pass on */
	return names_other_module(text, len, "require") || names_other_module(text, len, "import") ||
	       names_other_module(text, len, "from");
}

int mig_load_shorthands(mig_migration *m, const mig_load_opts *lo, bool *spelled)
{
	*spelled = false;
	if (has_suffix(m->file, ".sql")) {
		m->shorthands_known = true;
		return 0;
	}
	char *text = NULL;
	size_t len = 0, blen = 0;
	const char *body = NULL;
	int rc = read_text(m->path, &text, &len, &body, &blen);
	if (rc == 0 && !mig_load_may_export_shorthands(body, blen))
		m->shorthands_known = true;
	else if (rc == 0)
		rc = load_body(m, lo, body, blen);
	/* a text that could not be read at all may name them */
	if (rc)
		*spelled = !text || find(text, len, "shorthands") != NULL;
	mig__free(text);
	return rc;
}
