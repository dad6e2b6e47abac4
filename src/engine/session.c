/* The offline `sql` command and small library entry points. */
#define _POSIX_C_SOURCE 200809L
#include "migrations.h"

#include "engine/catalog.h"
#include "engine/conn.h"
#include "util/alloc.h"
#include "util/error.h"
#include "mig_features.h"
#include "load/load.h"
#include "engine/runner.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *mig_version(void)
{
	return MIG_VERSION;
}

static void warn_cb(void *ud, const char *message)
{
	mig_event ev = {.kind = MIG_EV_WARNING, .text = message};
	mig__emit_event(ud, &ev);
}

/* Emit migration fi, and advance the in-memory model past it. A replay
 * (quiet) only moves the model: its notices belong to another migration. */
int mig__emit_migration(const mig_options *opts, const mig_dialect *dia, const mig_set *files, size_t fi,
			bool down, bool quiet, bool advance, mig_catalog *cat, mig_steps *steps)
{
	const mig_migration *m = &files->items[fi];
	if (mig_migration_deferred(m, down))
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"%s() queries the database (pgm.db): the sql command does not evaluate such a function "
					"(it needs a database, and its operations depend on what the migrations before it did)",
					down ? "down" : "up");
	mig_oplist ops;
	int rc = mig_migration_ops(m, down, &ops);
	if (rc) {
		if (mig_error_last() && !mig_error_last()->file)
			mig_error_set_location(m->path, 0, 0);
		return rc;
	}
	mig_value *sh = mig__merged_shorthands(files, fi, &rc);
	mig_opdef *defs = NULL;
	if (rc == 0)
		rc = mig__analyze_ops(dia, m, &ops, sh, opts->decamelize, &defs);
	static const mig_server_info offline = {0};
	mig_state_names names = {opts->migrations_schema,
				 opts->migrations_table ? opts->migrations_table : MIG_DEFAULT_TABLE};
	mig_emit_ctx ctx = {.catalog = cat, .server = &offline, .file = m->path, .warn = quiet ? NULL : warn_cb,
			    .warn_ud = (void *)opts, .names = &names};
	for (size_t i = 0; rc == 0 && i < ops.n; i++) {
		mig_steps mine = MIG_STEPS_INIT;
		const mig_opdef *def = defs[i].op ? &defs[i] : NULL;
		rc = mig__emit_op(dia, &ctx, m, &ops.ops[i], def, &mine);
		/* the model as the database would be after this operation, for
		 * the next one to read */
		if (rc == 0 && advance && dia->apply && (rc = dia->apply(&ctx, &ops.ops[i], def, &mine, mig_catalog_model(cat))) != 0 &&
		    mig_error_last() && !mig_error_last()->file)
			mig_error_set_location(m->path, ops.ops[i].line, ops.ops[i].column);
		if (rc == 0)
			rc = mig_steps_append(steps, &mine);
		mig_steps_free(&mine);
	}
	mig__free_defs(defs, ops.n);
	mig_value_free(sh);
	mig_oplist_free(&ops);
	return rc;
}

int mig_sql(const mig_options *opts, const char *file, const char *dialect, bool down, char **out)
{
	*out = NULL;
	const mig_dialect *dia = NULL;
	if (dialect) {
		if (!(dia = mig_dialect_find(dialect)))
			return mig_error_set(MIG_EUSAGE, "unknown dialect '%s' (use %s)", dialect, mig_dialect_names());
	} else if (opts->database_url) {
		/* the dialect of the database the migration would run on */
		mig_url url;
		int rc = mig__resolve_url(opts->database_url, &url, &dia);
		if (rc)
			return rc;
		mig_url_dispose(&url);
	} else {
		dia = mig_dialect_find("postgres"); /* node-pg-migrate's SQL */
	}
	/* A path names its folder; anything else is a name in the migrations dir. */
	char *dir = NULL;
	const char *want = file;
	struct stat st;
	const char *slash = strrchr(file, '/');
	if (slash || stat(file, &st) == 0) {
		dir = slash ? mig_strndup(file, (size_t)(slash - file) + (slash == file)) : mig_strdup(".");
		want = slash ? slash + 1 : file;
	} else {
		dir = mig_strdup(opts->migrations_dir ? opts->migrations_dir : MIG_DEFAULT_DIR);
	}
	if (!dir)
		return mig_error_oom();
	mig_set files;
	int rc = mig_discover(dir, opts->ignore_pattern, &files);
	mig__free(dir);
	if (rc)
		return rc;
	long target = -1;
	for (size_t i = 0; i < files.n && target < 0; i++)
		if (strcmp(files.items[i].file, want) == 0 || strcmp(files.items[i].name, want) == 0)
			target = (long)i;
	mig_catalog cat;
	mig_catalog_init(&cat, NULL); /* no database: the in-memory model */
	mig_steps steps = MIG_STEPS_INIT;
	if (target < 0) {
		rc = mig_error_set(MIG_EUSAGE, "no migration %s in %s", want, slash ? file : opts->migrations_dir ? opts->migrations_dir : MIG_DEFAULT_DIR);
		goto out;
	}
	mig_load_opts lo = mig__load_opts(opts);
	for (size_t i = 0; i <= (size_t)target; i++)
		if ((rc = mig_load_file_opts(&files.items[i], &lo)) != 0)
			goto out;
	/* A dialect whose SQL depends on the tables as they are (SQLite's
	 * rebuilds) sees them as the earlier migrations leave them. */
	if (dia->flags & MIG_DIALECT_NEEDS_CATALOG) {
		size_t replay = down ? (size_t)target + 1 : (size_t)target;
		for (size_t i = 0; i < replay && rc == 0; i++) {
			mig_steps ignored = MIG_STEPS_INIT;
			rc = mig__emit_migration(opts, dia, &files, i, false, true, true, &cat, &ignored);
			mig_steps_free(&ignored);
		}
		if (rc)
			goto out;
	}
	if ((rc = mig__emit_migration(opts, dia, &files, (size_t)target, down, false,
				       (dia->flags & MIG_DIALECT_NEEDS_CATALOG) != 0, &cat, &steps)) != 0)
		goto out;
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < steps.n; i++) {
		mig_str_puts(&s, steps.v[i].text);
		mig_str_putc(&s, '\n');
	}
	*out = mig_str_detach(&s);
	if (!*out)
		rc = MIG_ENOMEM;
out:
	mig_steps_free(&steps);
	mig_catalog_dispose(&cat);
	mig_set_dispose(&files);
	return rc;
}
