#define _POSIX_C_SOURCE 200809L
#include "cli/dotenv.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An error at `at`: its line and column counted from the text, so that
 * no count kept while scanning can drift (an escaped newline in a
 * "double" value is a line too). */
static int fail_at(const char *text, const char *at, const char *path, const char *msg)
{
	int line, col;
	mig_line_col(text, (size_t)(at - text), &line, &col);
	return mig_error_set_at(MIG_EINPUT, path, line, col, "%s", msg);
}

/* Lines: [export] KEY=VALUE, VALUE bare (a trailing " # comment" is
 * dropped), 'single' (literal) or "double" (\n \t \r \" \\ escapes, may
 * span lines). Blank lines and # comments are skipped. */
int mig_dotenv_parse(const char *text, size_t len, const char *path, mig_strv *pairs)
{
	int rc = 0;
	/* the scan below stops at a NUL: what follows one would be dropped
	 * without a word */
	const char *nul = memchr(text, '\0', len);
	if (nul)
		return fail_at(text, nul, path, "a NUL byte in the .env file (it must be text)");
	const char *p = text;
	while (*p && rc == 0) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\n' || *p == '\r' || *p == '#') {
			while (*p && *p != '\n')
				p++;
			if (*p == '\n')
				p++;
			continue;
		}
		if (strncmp(p, "export ", 7) == 0)
			p += 7;
		while (*p == ' ')
			p++;
		const char *k = p;
		while (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '-')
			p++;
		size_t klen = (size_t)(p - k);
		while (*p == ' ' || *p == '\t')
			p++;
		if (klen == 0 || *p != '=') {
			rc = fail_at(text, k, path, "expected KEY=VALUE in the .env file");
			break;
		}
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		mig_str v = MIG_STR_INIT;
		if (*p == '"' || *p == '\'') {
			const char *open = p;
			char q = *p++;
			while (*p && *p != q) {
				if (q == '"' && *p == '\\' && p[1]) {
					p++;
					char c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p;
					mig_str_putc(&v, c);
					p++;
					continue;
				}
				mig_str_putc(&v, *p++);
			}
			if (*p != q) {
				mig_str_free(&v);
				rc = fail_at(text, open, path, "unterminated quoted value in the .env file");
				break;
			}
			p++;
			while (*p && *p != '\n')
				p++;
		} else {
			const char *vs = p;
			while (*p && *p != '\n' && !(*p == '#' && p > vs && (p[-1] == ' ' || p[-1] == '\t')))
				p++;
			const char *ve = p;
			while (ve > vs && isspace((unsigned char)ve[-1]))
				ve--;
			mig_str_put(&v, vs, (size_t)(ve - vs));
			while (*p && *p != '\n')
				p++;
		}
		char *key = mig_strndup(k, klen);
		char *val = mig_str_detach(&v);
		if (!key || !val) {
			mig__free(key);
			mig__free(val);
			rc = mig_error_oom();
		} else if ((rc = mig_strv_push(pairs, key)) == 0) {
			rc = mig_strv_push(pairs, val);
		} else {
			mig__free(val);
		}
		if (*p == '\n')
			p++;
	}
	if (rc)
		mig_strv_free(pairs);
	return rc;
}

int mig_dotenv_load(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	char *text = NULL;
	size_t len = 0;
	int rc = mig_read_file(path, &text, &len);
	if (rc)
		return rc;
	/* parse it all first: a malformed line sets nothing */
	mig_strv pairs = MIG_STRV_INIT;
	rc = mig_dotenv_parse(text, len, path, &pairs);
	/* of two lines for one key the first wins, as a variable set before
	 * the run does */
	for (size_t i = 0; rc == 0 && i + 1 < pairs.n; i += 2)
		if (!getenv(pairs.v[i]))
			setenv(pairs.v[i], pairs.v[i + 1], 0);
	mig_strv_free(&pairs);
	mig__free(text);
	return rc;
}
