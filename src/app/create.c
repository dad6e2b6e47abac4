/* `create`: a new empty migration from a template, named like
 * node-pg-migrate names them: <prefix>_<name>.<ext>. */
#define _POSIX_C_SOURCE 200809L
#include "migrations.h"

#include "engine/discover.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char js_esm[] =
	"/**\n"
	" * @type {import('node-pg-migrate').ColumnDefinitions | undefined}\n"
	" */\n"
	"export const shorthands = undefined;\n"
	"\n"
	"/**\n"
	" * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	" * @param run {() => void | undefined}\n"
	" * @returns {Promise<void> | void}\n"
	" */\n"
	"export const up = (pgm) => {};\n"
	"\n"
	"/**\n"
	" * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	" * @param run {() => void | undefined}\n"
	" * @returns {Promise<void> | void}\n"
	" */\n"
	"export const down = (pgm) => {};\n";

static const char js_cjs[] =
	"/**\n"
	" * @type {import('node-pg-migrate').ColumnDefinitions | undefined}\n"
	" */\n"
	"exports.shorthands = undefined;\n"
	"\n"
	"/**\n"
	" * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	" * @param run {() => void | undefined}\n"
	" * @returns {Promise<void> | void}\n"
	" */\n"
	"exports.up = (pgm) => {};\n"
	"\n"
	"/**\n"
	" * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	" * @param run {() => void | undefined}\n"
	" * @returns {Promise<void> | void}\n"
	" */\n"
	"exports.down = (pgm) => {};\n";

static const char ts[] =
	"import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';\n"
	"\n"
	"export const shorthands: ColumnDefinitions | undefined = undefined;\n"
	"\n"
	"export async function up(pgm: MigrationBuilder): Promise<void> {}\n"
	"\n"
	"export async function down(pgm: MigrationBuilder): Promise<void> {}\n";

/* node-pg-migrate's SQL template has no trailing newline. */
static const char sql[] = "-- Up Migration\n\n-- Down Migration";

static const struct {
	const char *lang;
	const char *text;
} templates[] = {
	{"js", js_esm}, {"mjs", js_esm}, {"cjs", js_cjs}, {"ts", ts},
	{"mts", ts},    {"cts", ts},     {"sql", sql},
};

/* The largest numeric prefix + 1, zero-padded like the widest one. */
static int index_prefix(const char *dir, const char *ignore, char **out)
{
	mig_set files;
	int rc = mig_discover(dir, ignore, &files);
	if (rc) {
		if (rc != MIG_EIO)
			return rc;
		mig_error_clear();
		files.n = 0;
		files.items = NULL;
	}
	double last = 0;
	size_t width = 0;
	for (size_t i = 0; i < files.n; i++) {
		const char *f = files.items[i].file;
		size_t d = strspn(f, "0123456789");
		if (d == 0 || f[d] == '\0') {
			rc = mig_error_set(MIG_EINPUT, "Cannot deduce index for previously created file \"%s\"",
					   files.items[i].path);
			mig_set_dispose(&files);
			return rc;
		}
		if (d > width)
			width = d;
		if (files.items[i].timestamp > last)
			last = files.items[i].timestamp;
	}
	mig_set_dispose(&files);
	*out = mig_aprintf("%0*.0f", (int)(width ? width : 4), last + 1);
	return *out ? 0 : MIG_ENOMEM;
}

int mig_create(const mig_create_opts *opts, char **path)
{
	*path = NULL;
	const char *dir = opts->migrations_dir ? opts->migrations_dir : MIG_DEFAULT_DIR;
	const char *lang = opts->language ? opts->language : "js";
	const char *text = NULL;
	char *own_text = NULL;
	if (opts->template_file) {
		const char *base = strrchr(opts->template_file, '/');
		base = base ? base + 1 : opts->template_file;
		const char *dot = strrchr(base, '.');
		if (!dot || dot == base || !dot[1])
			return mig_error_set(MIG_EUSAGE, "--template-file-name %s has no extension to give the new migration",
					     opts->template_file);
		lang = dot + 1;
		size_t len;
		int rc = mig_read_file(opts->template_file, &own_text, &len);
		if (rc == MIG_EIO || rc == MIG_EINPUT) {
			/* a template that is not there is a bad argument, not a run-time failure */
			const mig_error *e = mig_error_last();
			char *msg = mig_strdup(e && e->message ? e->message : "cannot read it");
			rc = mig_error_set(MIG_EUSAGE, "--template-file-name: %s", msg ? msg : "cannot read it");
			mig__free(msg);
		}
		if (rc)
			return rc;
		if (memchr(own_text, '\0', len)) {
			mig__free(own_text);
			return mig_error_set(MIG_EINPUT, "--template-file-name %s: not a text file (it holds a NUL byte)",
					     opts->template_file);
		}
		text = own_text;
	}
	for (size_t i = 0; !text && i < sizeof(templates) / sizeof(templates[0]); i++)
		if (strcmp(templates[i].lang, lang) == 0)
			text = templates[i].text;
	if (!text)
		return mig_error_set(MIG_EUSAGE, "unknown migration file language '%s' (use js, ts, sql, cjs, mjs, cts or mts)", lang);

	/* words joined with '-', then runs of ' ' and '_' become '-' */
	mig_str name = MIG_STR_INIT;
	for (size_t i = 0; i < opts->nwords; i++) {
		if (i)
			mig_str_putc(&name, '-');
		mig_str_puts(&name, opts->words[i]);
	}
	mig_str clean = MIG_STR_INIT;
	for (const char *p = mig_str_cstr(&name); *p;) {
		if (*p == ' ' || *p == '_') {
			while (*p == ' ' || *p == '_')
				p++;
			mig_str_putc(&clean, '-');
		} else {
			mig_str_putc(&clean, *p++);
		}
	}
	mig_str_free(&name);
	const char *n = mig_str_cstr(&clean);
	int rc = 0;
	if (!*n) {
		rc = mig_error_set(MIG_EUSAGE, "'migrationName' is required.");
		goto out;
	}
	if (strchr(n, '/')) {
		rc = mig_error_set(MIG_EUSAGE, "a migration name cannot contain '/': %s", n);
		goto out;
	}
	const char *format = opts->filename_format ? opts->filename_format : "timestamp";
	char *prefix = NULL;
	long long ms = mig_now_ms();
	if (strcmp(format, "timestamp") == 0) {
		prefix = mig_aprintf("%lld", ms);
	} else if (strcmp(format, "utc") == 0) {
		time_t secs = (time_t)(ms / 1000);
		struct tm tm;
		gmtime_r(&secs, &tm);
		prefix = mig_aprintf("%04d%02d%02d%02d%02d%02d%03lld", tm.tm_year + 1900, tm.tm_mon + 1,
				     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
	} else if (strcmp(format, "index") == 0) {
		if ((rc = index_prefix(dir, opts->ignore_pattern, &prefix)) != 0)
			goto out;
	} else {
		rc = mig_error_set(MIG_EUSAGE, "unknown --migration-filename-format '%s' (use timestamp, utc or index)", format);
		goto out;
	}
	if (!prefix) {
		rc = MIG_ENOMEM;
		goto out;
	}
	char *file = mig_aprintf("%s_%s.%s", prefix, n, lang);
	mig__free(prefix);
	rc = file ? mig_write_new_file_in(dir, file, text, path) : mig_error_oom();
	mig__free(file);
out:
	mig_str_free(&clean);
	mig__free(own_text);
	return rc;
}
