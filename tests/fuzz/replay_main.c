/*
 * Standalone driver for the fuzz harnesses (any compiler): runs every file
 * named on the command line, or found in a directory named there, through
 * LLVMFuzzerTestOneInput. ctest runs it over the seed corpus so crashers
 * stay fixed.
 *
 * replay_load_js only (MIG_FUZZ_DUMP_JS): `--dump FILE...` instead prints
 * what the JS loader reads from each file (one line per operation, as
 * mig_value_dump renders the arguments), in the format
 * tests/fuzz/oracle.mjs prints for node-pg-migrate itself.
 */
#define _POSIX_C_SOURCE 200809L
#include "util/error.h"
#include "ir/ir.h"
#include "load/load.h"
#include "util/str.h"
#include "ir/value.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int read_all(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 4096, n = 0;
	char *b = malloc(cap + 1);
	size_t k;
	while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *nb = realloc(b, cap * 2 + 1);
			if (!nb) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (!b)
		return -1;
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

#ifdef MIG_FUZZ_DUMP_JS
static const char *kind_name(enum mig_action_kind k)
{
	switch (k) {
	case MIG_ACTION_FUNCTION:
		return "function";
	case MIG_ACTION_INFER:
		return "infer";
	case MIG_ACTION_DISABLED:
		return "disabled";
	case MIG_ACTION_INVALID:
		return "invalid";
	}
	return "?";
}

static void dump_ops(const char *dir, enum mig_action_kind k, bool notx, const mig_oplist *ops)
{
	printf("%s: %s%s\n", dir, kind_name(k), notx ? " noTransaction" : "");
	for (size_t i = 0; i < ops->n; i++) {
		mig_str s = MIG_STR_INIT;
		mig_value_dump(&s, ops->ops[i].args);
		printf("  %s%s\n", ops->ops[i].name, mig_str_cstr(&s));
		mig_str_free(&s);
	}
}

static int dump(const char *path)
{
	char *text;
	size_t len;
	if (read_all(path, &text, &len)) {
		perror(path);
		return 1;
	}
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = mig_strdup(path);
	const char *body = text;
	if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		len -= 3;
	}
	int rc = mig_load_js_text(&m, body, len);
	if (rc) {
		const mig_error *e = mig_error_last();
		printf("error: %d:%d: %s\n", e->line, e->column, e->message);
	} else {
		dump_ops("up", m.up_kind, m.up_no_transaction, &m.up);
		dump_ops("down", m.down_kind, m.down_no_transaction, &m.down);
		mig_str s = MIG_STR_INIT;
		if (m.shorthands)
			mig_value_dump(&s, m.shorthands);
		printf("shorthands: %s\n", m.shorthands ? mig_str_cstr(&s) : "none");
		mig_str_free(&s);
	}
	mig_migration_dispose(&m);
	mig_error_clear();
	free(text);
	return 0;
}

#endif

static int run_file(const char *path)
{
	char *buf;
	size_t len;
	if (read_all(path, &buf, &len)) {
		perror(path);
		return 1;
	}
	/* named first: a failed property aborts with the file on record */
	fprintf(stderr, "replay %s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

static int run_path(const char *path, int *count)
{
	struct stat st;
	if (stat(path, &st)) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return 1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(path) + strlen(e->d_name) + 2;
		char *full = malloc(n);
		if (!full) {
			rc = 1;
			break;
		}
		snprintf(full, n, "%s/%s", path, e->d_name);
		rc |= run_path(full, count);
		free(full);
	}
	closedir(d);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0, count = 0;
#ifdef MIG_FUZZ_DUMP_JS
	if (argc > 1 && strcmp(argv[1], "--dump") == 0) {
		for (int i = 2; i < argc; i++) {
			if (argc > 3)
				printf("== %s\n", argv[i]);
			rc |= dump(argv[i]);
		}
		return rc;
	}
#endif
	for (int i = 1; i < argc; i++)
		rc |= run_path(argv[i], &count);
	if (rc == 0 && count == 0) {
		fprintf(stderr, "no inputs to replay\n");
		rc = 1;
	}
	if (rc == 0)
		printf("replayed %d inputs\n", count);
	return rc;
}
