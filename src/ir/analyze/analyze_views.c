/*
 * The analysis of views and materialized views (see analyze.h):
 * node-pg-migrate's src/operations/views.ts and viewsMaterialized.ts,
 * read in their order.
 */
#include "ir/analyze/analyze.h"

#include "util/error.h"

#include <string.h>

/* Object.keys(o) with their values, as the option formatters read them;
 * an options value that is not an object is refused. */
static void view_options(mig_an *a, const mig_value *o, const char *what, mig_view_options *out)
{
	memset(out, 0, sizeof(*out));
	if (a->rc || !o)
		return;
	if (o->type != MIG_V_OBJECT) {
		mig__an_fail(a, "%s: %s must be an object, not %s", a->op->name, what, mig_value_type_name(o));
		return;
	}
	if (o->n == 0 || !(out->v = mig__an_alloc(a, o->n, sizeof(*out->v))))
		return;
	for (size_t i = 0; i < o->n && !a->rc; i++) {
		const mig_value *v = o->items[i];
		mig_view_option *opt = &out->v[out->n++];
		opt->key = mig__an_strdup(a, o->keys[i]);
		opt->reset = v && v->type == MIG_V_NULL;
		if (!(v && v->type == MIG_V_BOOL && v->b))
			opt->value = mig__an_string(a, v);
	}
}

/* options.columns: toArray(columns).map(literal), none for [] */
static void view_columns(mig_an *a, const mig_value *o, mig_qnames *out)
{
	const mig_value *c = mig__an_opt(o, "columns");
	memset(out, 0, sizeof(*out));
	if (c && !(c->type == MIG_V_ARRAY && c->n == 0))
		mig__an_names(a, c, "a view column", out);
}

/* options.data: WITH DATA when truthy, WITH NO DATA when falsy. */
static enum mig_tristate data_option(const mig_value *o)
{
	const mig_value *data = mig__an_opt(o, "data");
	if (!data)
		return MIG_ABSENT;
	return mig_value_truthy(data) ? MIG_SET : MIG_UNSET;
}

static void a_create_view(mig_an *a)
{
	mig_create_view_def *d = &a->def->u.create_view;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	view_columns(a, o, &d->columns);
	view_options(a, mig__an_opt(o, "options"), "options", &d->options);
	d->replace = mig__an_truthy(o, "replace");
	d->temporary = mig__an_truthy(o, "temporary");
	d->recursive = mig__an_truthy(o, "recursive");
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->name);
	d->definition = mig__an_string(a, mig__an_arg(a, 2));
	d->check_option = mig__an_text_if(a, o, "checkOption");
}

static void a_alter_view(mig_an *a)
{
	mig_alter_view_def *d = &a->def->u.alter_view;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	const mig_value *vo = mig__an_opt(o, "options");
	if (vo && vo->type != MIG_V_OBJECT) {
		mig__an_fail(a, "%s: options must be an object, not %s", a->op->name, mig_value_type_name(vo));
		return;
	}
	/* {...options, check_option: checkOption}: the arena keeps the merged object */
	mig_value *merged = mig__an_keep(a, vo ? mig_value_clone(vo) : mig_value_new(MIG_V_OBJECT));
	if (!merged)
		return;
	const mig_value *co = mig__an_opt(o, "checkOption");
	if (co) {
		if (mig__an_opt(merged, "check_option")) {
			mig__an_fail(a, "\"options.check_option\" and \"checkOption\" can't be specified together");
		} else {
			mig_value *c = mig_value_clone(co);
			if (!c || mig_object_set(merged, "check_option", c))
				mig__an_adopt(a, mig_error_oom());
		}
	}
	view_options(a, merged, "options", &d->options);
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->name);
}

static void a_alter_view_column(mig_an *a)
{
	mig_alter_view_column_def *d = &a->def->u.alter_view_column;
	const mig_value *o = mig__an_options(a, 2, true);
	if (!mig__an_ok(a))
		return;
	const mig_value *def = mig_object_get(o, "default");
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->view);
	mig__an_name(a, mig__an_arg(a, 1), "the column name", &d->column);
	if (mig_value_is_undefined(def)) {
		d->default_action = MIG_KEEP;
	} else if (def->type == MIG_V_NULL) {
		d->default_action = MIG_DROP;
	} else {
		d->default_action = MIG_CHANGE;
		d->default_value = def;
	}
}

static void a_drop_view(mig_an *a)
{
	mig__an_drop_simple(a, "the view name");
}

static void a_rename_view(mig_an *a)
{
	mig__an_rename2(a, "the view name");
}

static void a_create_materialized_view(mig_an *a)
{
	mig_create_materialized_view_def *d = &a->def->u.create_materialized_view;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	view_columns(a, o, &d->columns);
	view_options(a, mig__an_opt(o, "storageParameters"), "storageParameters", &d->storage);
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->name);
	if (mig__an_truthy(o, "tablespace"))
		d->tablespace = mig__an_new_name(a, mig__an_opt(o, "tablespace"), "the tablespace");
	d->definition = mig__an_string(a, mig__an_arg(a, 2));
	d->data = data_option(o);
}

static void a_alter_materialized_view(mig_an *a)
{
	mig_alter_materialized_view_def *d = &a->def->u.alter_materialized_view;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	const mig_value *cluster = mig__an_opt(o, "cluster");
	if (mig_value_truthy(cluster)) {
		d->cluster = MIG_SET;
		mig__an_name(a, cluster, "the cluster index", &d->cluster_index);
	} else if (cluster) {
		d->cluster = MIG_UNSET;
	}
	if (mig__an_truthy(o, "extension"))
		d->extension = mig__an_new_name(a, mig__an_opt(o, "extension"), "the extension name");
	view_options(a, mig__an_opt(o, "storageParameters"), "storageParameters", &d->storage);
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->name);
}

static void a_refresh_materialized_view(mig_an *a)
{
	mig_refresh_materialized_view_def *d = &a->def->u.refresh_materialized_view;
	const mig_value *o = mig__an_options(a, 1, false);
	d->concurrently = mig__an_truthy(o, "concurrently");
	mig__an_name(a, mig__an_arg(a, 0), "the view name", &d->name);
	d->data = data_option(o);
}

static void a_rename_materialized_view(mig_an *a)
{
	mig__an_rename2(a, "the view name");
}

static void a_rename_materialized_view_column(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 0, "the view name", &r->target, 1, "the column name", &r->from, "the new column name");
}

static void a_drop_materialized_view(mig_an *a)
{
	mig__an_drop_simple(a, "the view name");
}

const mig_analyzer mig__analyze_views[] = {
	{MIG_OP_CREATE_VIEW, a_create_view},
	{MIG_OP_ALTER_VIEW, a_alter_view},
	{MIG_OP_ALTER_VIEW_COLUMN, a_alter_view_column},
	{MIG_OP_DROP_VIEW, a_drop_view},
	{MIG_OP_RENAME_VIEW, a_rename_view},
	{MIG_OP_CREATE_MATERIALIZED_VIEW, a_create_materialized_view},
	{MIG_OP_ALTER_MATERIALIZED_VIEW, a_alter_materialized_view},
	{MIG_OP_REFRESH_MATERIALIZED_VIEW, a_refresh_materialized_view},
	{MIG_OP_RENAME_MATERIALIZED_VIEW, a_rename_materialized_view},
	{MIG_OP_RENAME_MATERIALIZED_VIEW_COLUMN, a_rename_materialized_view_column},
	{MIG_OP_DROP_MATERIALIZED_VIEW, a_drop_materialized_view},
	{MIG_OP_UNKNOWN, NULL},
};
