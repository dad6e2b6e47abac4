#include "load/load.h"

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

/* Read path as migration text: UTF-8, no NUL byte; *body skips a byte
 * order mark. *text is the caller's to free. */
static int read_text(const char *path, char **text, const char **body, size_t *blen)
{
	size_t len = 0;
	int rc = mig_read_file(path, text, &len);
	if (rc)
		return rc;
	long bad = mig_utf8_invalid_at(*text, len);
	if (bad >= 0) {
		int line, col;
		mig_line_col(*text, (size_t)bad, &line, &col);
		rc = mig_error_set_at(MIG_EINPUT, path, line, col,
				      "not valid UTF-8 (byte 0x%02x at offset %ld); migration files must be UTF-8",
				      (unsigned char)(*text)[bad], bad);
	} else if (memchr(*text, '\0', len)) {
		int line, col;
		size_t at = (size_t)((const char *)memchr(*text, '\0', len) - *text);
		mig_line_col(*text, at, &line, &col);
		rc = mig_error_set_at(MIG_EINPUT, path, line, col, "contains a NUL byte; migration files must be text");
	}
	if (rc) {
		mig__free(*text);
		*text = NULL;
		return rc;
	}
	/* A UTF-8 byte order mark is not part of the text. */
	*body = *text;
	*blen = len;
	if (len >= 3 && memcmp(*body, "\xEF\xBB\xBF", 3) == 0) {
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
	const char *body;
	size_t blen;
	int rc = read_text(m->path, &text, &body, &blen);
	if (rc == 0)
		rc = mig__load_sql_whole(m, m->path, body, blen, false);
	mig__free(text);
	text = NULL;
	m->down_kind = MIG_ACTION_DISABLED; /* an up without its down cannot be rolled back */
	if (rc == 0 && m->down_path) {
		rc = read_text(m->down_path, &text, &body, &blen);
		if (rc == 0)
			rc = mig__load_sql_whole(m, m->down_path, body, blen, true);
		mig__free(text);
	}
	if (rc) {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
	}
	return rc;
}

int mig_load_file(mig_migration *m)
{
	int rc;
	if (m->down_path || has_suffix(m->file, ".up.sql")) {
		rc = load_pair(m);
	} else {
		char *text = NULL;
		const char *body;
		size_t blen;
		rc = read_text(m->path, &text, &body, &blen);
		if (rc)
			return rc;
		if (has_suffix(m->file, ".sql"))
			rc = mig_load_sql_text(m, body, blen);
		else
			rc = mig_load_js_text(m, body, blen);
		mig__free(text);
	}
	if (rc == 0)
		m->loaded = true;
	else if (mig_error_last() && !mig_error_last()->file)
		mig_error_set_location(m->path, 0, 0);
	return rc;
}
