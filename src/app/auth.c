/*
 * `auth`: writes the auth-system migration. Its text is the file shipped
 * in migrations/ (compiled in by cmake/Embed.cmake); the TypeScript form is
 * the same body under node-pg-migrate's TS template header.
 */
#define _POSIX_C_SOURCE 200809L
#include "migrations.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern const char mig_auth_migration_js[];

/* JS line -> TS line, for the lines that differ between the templates. */
static const struct {
	const char *js, *ts;
} ts_lines[] = {
	{"exports.shorthands = undefined;", "export const shorthands: ColumnDefinitions | undefined = undefined;"},
	{"exports.up = (pgm) => {", "export async function up(pgm: MigrationBuilder): Promise<void> {"},
	{"exports.down = (pgm) => {", "export async function down(pgm: MigrationBuilder): Promise<void> {"},
	{"};", "}"},
};

static char *to_typescript(const char *js)
{
	mig_str out = MIG_STR_INIT;
	bool header_done = false;
	for (const char *p = js; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		/* the import goes right after the leading comment block */
		if (!header_done && n == 0) {
			mig_str_puts(&out, "\nimport type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';\n");
			header_done = true;
		}
		const char *repl = NULL;
		for (size_t i = 0; i < sizeof(ts_lines) / sizeof(ts_lines[0]); i++)
			if (strlen(ts_lines[i].js) == n && strncmp(p, ts_lines[i].js, n) == 0)
				repl = ts_lines[i].ts;
		if (repl)
			mig_str_puts(&out, repl);
		else
			mig_str_put(&out, p, n);
		if (nl)
			mig_str_putc(&out, '\n');
		p += n + (nl != NULL);
	}
	return mig_str_detach(&out);
}

char *mig_auth_text(const char *language)
{
	if (!language || strcmp(language, "js") == 0)
		return mig_strdup(mig_auth_migration_js);
	if (strcmp(language, "ts") == 0)
		return to_typescript(mig_auth_migration_js);
	mig_error_set(MIG_EUSAGE, "auth writes a js or ts migration, not '%s'", language);
	return NULL;
}

/* The first <digits>_auth-system.<ext> in dir, or NULL (also when the
 * folder does not exist yet). */
static char *find_existing(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	regex_t re;
	char *found = NULL;
	if (regcomp(&re, "^[0-9]+_auth-system\\.[A-Za-z]+$", REG_EXTENDED | REG_NOSUB) == 0) {
		struct dirent *de;
		while (!found && (de = readdir(d)) != NULL)
			if (regexec(&re, de->d_name, 0, NULL, 0) == 0)
				found = mig_path_join(dir, de->d_name);
		regfree(&re);
	}
	closedir(d);
	return found;
}

/* The language of an auth migration file, by its extension: "js", "ts"
 * or NULL for another (which is no text of this version's). */
static const char *language_of(const char *file)
{
	const char *dot = strrchr(file, '.');
	if (dot && strcmp(dot, ".js") == 0)
		return "js";
	if (dot && strcmp(dot, ".ts") == 0)
		return "ts";
	return NULL;
}

/* Put text at target in place of the file old: the migration keeps its
 * name (the prefix), so the state table sees the same migration, not a
 * second one. Written aside and renamed, so a failure leaves old as it was. */
static int replace(const char *old, const char *target, const char *text)
{
	char *tmp = mig_aprintf("%s.tmp", target);
	if (!tmp)
		return mig_error_oom();
	int rc = mig_write_new_file(tmp, text, strlen(text));
	if (rc == 0 && rename(tmp, target) != 0) {
		rc = mig_error_set(MIG_EIO, "cannot replace %s: %s", target, strerror(errno));
		unlink(tmp);
	}
	if (rc == 0 && strcmp(old, target) != 0 && unlink(old) != 0)
		rc = mig_error_set(MIG_EIO, "wrote %s but cannot remove %s, which it replaces: %s (remove it by hand)",
				   target, old, strerror(errno));
	mig__free(tmp);
	return rc;
}

int mig_auth(const mig_auth_opts *opts, char **path, bool *existing)
{
	*path = NULL;
	*existing = false;
	const char *dir = opts->migrations_dir ? opts->migrations_dir : MIG_DEFAULT_DIR;
	const char *lang = opts->language ? opts->language : "js";
	char *text = mig_auth_text(lang);
	if (!text)
		return mig_error_last() ? mig_error_last()->code : MIG_ENOMEM;
	int rc = 0;
	char *old = find_existing(dir);
	if (old) {
		/* this version's migration is the same in either language */
		const char *old_lang = language_of(old);
		char *same = old_lang ? mig_auth_text(old_lang) : NULL;
		char *have = NULL;
		size_t len = 0;
		bool current = same && mig_read_file(old, &have, &len) == 0 && strcmp(have, same) == 0;
		mig_error_clear();
		mig__free(have);
		mig__free(same);
		if (current && (!opts->force || strcmp(old_lang, lang) == 0)) {
			*existing = true;
			*path = old;
			old = NULL;
		} else if (!opts->force) {
			rc = mig_error_set(MIG_ESTATE,
					   "an auth migration is already there: %s (it differs from this version's; --force replaces it with this version's, under the same migration name)",
					   old);
		} else {
			/* the same prefix: the same migration name */
			size_t keep = (size_t)(strrchr(old, '.') - old);
			char *target = mig_aprintf("%.*s.%s", (int)keep, old, lang);
			rc = target ? replace(old, target, text) : mig_error_oom();
			if (rc == 0)
				*path = target;
			else
				mig__free(target);
		}
		goto out;
	}
	char *name = mig_aprintf("%lld_auth-system.%s", mig_now_ms(), lang);
	rc = name ? mig_write_new_file_in(dir, name, text, path) : mig_error_oom();
	mig__free(name);
out:
	mig__free(old);
	mig__free(text);
	return rc;
}
