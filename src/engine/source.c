#include "engine/source.h"

#include "load/load.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <string.h>

int mig__load_all(const char *dir, const char *ignore_pattern, const mig_load_opts *lo, mig_set *files, size_t upto)
{
	int rc = mig_discover(dir, ignore_pattern, files);
	if (rc)
		return rc;
	files->load_opts = lo;
	for (size_t i = 0; i < files->n && i <= upto; i++) {
		if ((rc = mig_load_file_opts(&files->items[i], lo)) != 0) {
			mig_set_dispose(files);
			return rc;
		}
	}
	return 0;
}

int mig__source_load(mig_set *files, size_t fi)
{
	mig_migration *m = &files->items[fi];
	if (m->loaded)
		return 0;
	/* loading sets them again */
	mig_value_free(m->shorthands);
	m->shorthands = NULL;
	m->shorthands_known = false;
	return mig_load_file_opts(m, files->load_opts);
}

void mig__source_release(mig_set *files, size_t fi)
{
	mig_migration *m = &files->items[fi];
	if (!m->loaded)
		return;
	mig_oplist_free(&m->up);
	mig_oplist_free(&m->down);
	m->loaded = false;
}

int mig__source_ops(mig_set *files, size_t fi, bool down, mig_oplist *out, bool *no_transaction)
{
	memset(out, 0, sizeof(*out));
	*no_transaction = false;
	mig_migration *m = &files->items[fi];
	int rc = mig__source_load(files, fi);
	mig_oplist *own = down ? &m->down : &m->up;
	if (rc == 0 && (down ? m->down_kind : m->up_kind) == MIG_ACTION_FUNCTION) {
		/* the file's own operations are released below: move them rather
		 * than copy every argument (mig_migration_ops) */
		*out = *own;
		memset(own, 0, sizeof(*own));
	} else if (rc == 0 && (rc = mig_migration_ops(m, down, out)) != 0 && mig_error_last() &&
		   !mig_error_last()->file) {
		mig_error_set_location(mig_migration_view(m, down).path, 0, 0); /* a pair's down file */
	}
	if (rc == 0)
		*no_transaction = mig_migration_no_transaction(m, down);
	mig__source_release(files, fi);
	return rc;
}

mig_value *mig__merged_shorthands(const mig_set *files, size_t upto, int *rc)
{
	*rc = 0;
	mig_value *merged = NULL;
	for (size_t i = 0; i <= upto && i < files->n; i++) {
		const mig_value *sh = files->items[i].shorthands;
		if (!sh || sh->type != MIG_V_OBJECT)
			continue;
		if (!merged && !(merged = mig_value_new(MIG_V_OBJECT))) {
			*rc = MIG_ENOMEM;
			return NULL;
		}
		for (size_t k = 0; k < sh->n; k++) {
			mig_value *c = mig_value_clone(sh->items[k]);
			if (!c || mig_object_set(merged, sh->keys[k], c)) {
				mig_value_free(merged);
				*rc = MIG_ENOMEM;
				return NULL;
			}
		}
	}
	return merged;
}

int mig__source_shorthands(mig_set *files, size_t fi, mig_value **out)
{
	*out = NULL;
	for (size_t i = files->shorthands_upto; i <= fi && i < files->n; i++) {
		mig_migration *m = &files->items[i];
		if (m->shorthands_known)
			continue;
		bool spelled = false;
		int rc = mig_load_shorthands(m, files->load_opts, &spelled);
		if (rc == MIG_ENOMEM)
			return rc;
		if (rc && i < fi && !spelled) {
			/* it cannot be read, and nothing in it names them */
			mig_error_clear();
			m->shorthands_known = true;
			continue;
		}
		if (rc) {
			if (i < fi)
				mig_error_prefix("%s cannot be read, and it may export shorthands, which node-pg-migrate passes on to "
						 "every later migration (%s among them)",
						 m->name, files->items[fi].name);
			return rc;
		}
		/* only its shorthands are wanted here */
		if (i < fi)
			mig__source_release(files, i);
	}
	for (size_t i = files->shorthands_upto; i <= fi && i < files->n; i++) {
		const mig_value *sh = files->items[i].shorthands;
		files->shorthands_any = files->shorthands_any || (sh && sh->type == MIG_V_OBJECT && sh->n);
		files->shorthands_upto = i + 1;
	}
	if (!files->shorthands_any)
		return 0;
	int rc = 0;
	*out = mig__merged_shorthands(files, fi, &rc);
	return rc ? mig_error_oom() : 0;
}

char *mig__source_problem(mig_set *files, size_t fi, int *rc)
{
	*rc = 0;
	mig_migration *m = &files->items[fi];
	bool was_loaded = m->loaded;
	if (mig__source_load(files, fi) == 0) {
		if (!was_loaded)
			mig__source_release(files, fi);
		return NULL;
	}
	const mig_error *e = mig_error_last();
	mig_str s = MIG_STR_INIT;
	if (e && e->file) {
		mig_str_puts(&s, e->file);
		if (e->line > 0)
			mig_str_printf(&s, ":%d", e->line);
		if (e->line > 0 && e->column > 0)
			mig_str_printf(&s, ":%d", e->column);
		mig_str_puts(&s, ": ");
	}
	mig_str_puts(&s, e && e->message ? e->message : "cannot be read");
	mig_error_clear();
	char *why = mig_str_detach(&s);
	if (!why)
		*rc = MIG_ENOMEM;
	return why;
}
