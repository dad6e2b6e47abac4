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

int mig_load_file_opts(mig_migration *m, const mig_load_opts *lo)
{
	char *text = NULL;
	size_t len = 0;
	int rc = mig_read_file(m->path, &text, &len);
	if (rc)
		return rc;
	long bad = mig_utf8_invalid_at(text, len);
	if (bad >= 0) {
		int line, col;
		mig_line_col(text, (size_t)bad, &line, &col);
		rc = mig_error_set_at(MIG_EINPUT, m->path, line, col,
				      "not valid UTF-8 (byte 0x%02x at offset %ld); migration files must be UTF-8",
				      (unsigned char)text[bad], bad);
		mig__free(text);
		return rc;
	}
	if (memchr(text, '\0', len)) {
		int line, col;
		size_t at = (size_t)((const char *)memchr(text, '\0', len) - text);
		mig_line_col(text, at, &line, &col);
		rc = mig_error_set_at(MIG_EINPUT, m->path, line, col,
				      "contains a NUL byte; migration files must be text");
		mig__free(text);
		return rc;
	}
	/* A UTF-8 byte order mark is not part of the text. */
	const char *body = text;
	size_t blen = len;
	if (blen >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		blen -= 3;
	}
	if (!is_node_eligible(m))
		rc = mig_load_sql_text(m, body, blen);
	else if (lo && lo->js_engine == MIG_JS_ENGINE_NODE)
		rc = mig_node_load(m, lo);
	else if ((rc = mig_load_js_text(m, body, blen)) != 0) {
		if (mig_error_last() && !mig_error_last()->file)
			mig_error_set_location(m->path, 0, 0);
		rc = js_fallback(m, lo, rc);
	}
	mig__free(text);
	if (rc == 0)
		m->loaded = true;
	else if (mig_error_last() && !mig_error_last()->file)
		mig_error_set_location(m->path, 0, 0);
	return rc;
}
