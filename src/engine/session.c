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

/* A scratch database of an embedded engine speaking `dia`, or NULL when
 * no such driver is built (then there is no catalog offline). */
static int open_scratch(const mig_dialect *dia, mig_conn **out)
{
	*out = NULL;
	for (const mig_driver *const *d = mig_driver_list(); *d; d++) {
		const mig_driver *drv = *d;
		if (!drv->ops || !drv->scratch_url || strcmp(drv->dialect, dia->name) != 0)
			continue;
		mig_url url;
		int rc = mig_url_parse(drv->scratch_url, &url);
		if (rc)
			return rc;
		mig_conn_opts co = {0};
		rc = mig_driver_open(&url, &co, out);
		mig_url_dispose(&url);
		return rc;
	}
	return 0;
}

static void warn_cb(void *ud, const char *message)
{
	mig_event ev = {.kind = MIG_EV_WARNING, .text = message};
	mig__emit_event(ud, &ev);
}

static int emit_all(const mig_options *opts, const mig_dialect *dia, const mig_set *files, size_t fi,
		    bool down, mig_conn *scratch, mig_steps *steps)
{
	const mig_migration *m = &files->items[fi];
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
	mig_catalog cat;
	mig_live_source live;
	if (scratch)
		mig_catalog_init_live(&cat, &live, scratch, dia);
	mig_server_info offline = {0};
	mig_emit_ctx ctx = {.catalog = scratch ? &cat : NULL, .server = scratch ? &scratch->server : &offline,
			    .file = m->path, .warn = warn_cb, .warn_ud = (void *)opts,
			    .shorthands = sh, .decamelize = opts->decamelize};
	for (size_t i = 0; rc == 0 && i < ops.n; i++) {
		size_t before = steps->n;
		rc = mig__emit_op(dia, &ctx, m, &ops.ops[i], &defs[i], steps);
		/* Keep the scratch database in step so the next operation sees
		 * the tables as they would be. */
		if (scratch)
			mig_catalog_reset(&cat);
		for (size_t k = before; rc == 0 && scratch && k < steps->n; k++) {
			size_t done = 0;
			if ((rc = mig__conn_run_step(scratch, &steps->v[k], &done)) != 0) {
				mig_error_prefix("%s: cannot replay it into a scratch %s database", m->name, dia->name);
				mig_error_set_location(m->path, ops.ops[i].line, ops.ops[i].column);
			}
		}
	}
	if (scratch)
		mig_catalog_dispose(&cat);
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
	mig_conn *scratch = NULL;
	mig_steps steps = MIG_STEPS_INIT;
	if (target < 0) {
		rc = mig_error_set(MIG_EUSAGE, "no migration %s in %s", want, slash ? file : opts->migrations_dir ? opts->migrations_dir : MIG_DEFAULT_DIR);
		goto out;
	}
	for (size_t i = 0; i <= (size_t)target; i++)
		if ((rc = mig_load_file(&files.items[i])) != 0)
			goto out;
	if ((dia->flags & MIG_DIALECT_NEEDS_CATALOG) && (rc = open_scratch(dia, &scratch)) != 0)
		goto out;
	if (scratch) {
		size_t replay = down ? (size_t)target + 1 : (size_t)target;
		for (size_t i = 0; i < replay && rc == 0; i++) {
			mig_steps ignored = MIG_STEPS_INIT;
			rc = emit_all(opts, dia, &files, i, false, scratch, &ignored);
			mig_steps_free(&ignored);
		}
		if (rc)
			goto out;
	}
	if ((rc = emit_all(opts, dia, &files, (size_t)target, down, scratch, &steps)) != 0)
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
	mig__conn_close(scratch);
	mig_set_dispose(&files);
	return rc;
}
