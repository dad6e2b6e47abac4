/* Small helpers shared by the unit tests (header-only, static). */
#ifndef MIG_TEST_SUPPORT_H
#define MIG_TEST_SUPPORT_H

#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/error.h"
#include "util/str.h"

/* A fresh temporary directory; caller frees the path and removes it
 * with rm_tree(). */
static inline char *make_tmpdir(void)
{
	char tmpl[] = "/tmp/mig-test-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return mig_strdup(d);
}

static inline void write_file(const char *dir, const char *name, const char *text)
{
	char *path = mig_aprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

static inline void rm_tree(char *dir)
{
	char *cmd = mig_aprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(cmd);
	free(dir);
}

/* Assert that the last error has `code` and its message contains `frag`. */
static inline void expect_error(int rc, int code, const char *frag)
{
	assert_int_equal(rc, code);
	const mig_error *e = mig_error_last();
	assert_non_null(e);
	if (!strstr(e->message, frag))
		fail_msg("message '%s' lacks '%s'", e->message, frag);
	mig_error_clear();
}

#endif
