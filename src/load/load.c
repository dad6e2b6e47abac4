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

int mig_load_file(mig_migration *m)
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
	if (has_suffix(m->file, ".sql"))
		rc = mig_load_sql_text(m, body, blen);
	else
		rc = mig_load_js_text(m, body, blen);
	mig__free(text);
	if (rc == 0)
		m->loaded = true;
	else if (mig_error_last() && !mig_error_last()->file)
		mig_error_set_location(m->path, 0, 0);
	return rc;
}
