/*
 * The analysis of the extension, schema and sequence operations (see
 * analyze.h), after node-pg-migrate's src/operations/extensions.ts,
 * schemas.ts and sequences.ts.
 */
#include "ir/analyze/analyze.h"

/* ---- extensions ------------------------------------------------------------ */

static void a_createExtension(mig_an *a)
{
	mig_create_extension_def *d = &a->def->u.create_extension;
	const mig_value *exts = mig__an_arg(a, 0);
	const mig_value *o = mig__an_options(a, 1, false);
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	size_t n = mig_js_len(exts);
	if (!(d->names.v = mig__an_alloc(a, n, sizeof(*d->names.v))))
		return;
	/* each statement quotes its extension, then the schema: a bad schema
	 * is reported after the first extension's name, before the others */
	for (size_t i = 0; i < n && !a->rc; i++) {
		mig__an_name(a, mig_js_at(exts, i), "the extension name", &d->names.v[d->names.n++]);
		if (i == 0 && mig__an_truthy(o, "schema"))
			d->schema = mig__an_new_name(a, mig__an_opt(o, "schema"), "the schema name");
	}
	mig__an_strings(a, exts, &d->texts);
}

static void a_dropExtension(mig_an *a)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 1, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->cascade = mig__an_truthy(o, "cascade");
	mig__an_names(a, mig__an_arg(a, 0), "the extension name", &d->names);
	mig__an_strings(a, mig__an_arg(a, 0), &d->name_texts);
}

/* ---- schemas ----------------------------------------------------------------- */

static void a_createSchema(mig_an *a)
{
	mig_create_schema_def *d = &a->def->u.create_schema;
	const mig_value *o = mig__an_options(a, 1, false);
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	mig__an_name(a, mig__an_arg(a, 0), "the schema name", &d->name);
	d->authorization = mig__an_text_if(a, o, "authorization");
}

static void a_dropSchema(mig_an *a)
{
	mig__an_drop_simple(a, "the schema name");
}

static void a_renameSchema(mig_an *a)
{
	mig__an_rename2(a, "the schema name");
}

/* ---- sequences ----------------------------------------------------------------- */

static void a_createSequence(mig_an *a)
{
	mig_create_sequence_def *d = &a->def->u.create_sequence;
	const mig_value *o = mig__an_options(a, 1, false);
	if (a->rc)
		return;
	d->temporary = mig__an_truthy(o, "temporary");
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	mig__an_name(a, mig__an_arg(a, 0), "the sequence name", &d->name);
	mig__an_sequence_opts(a, o, &d->options);
}

/* Whether parseSequenceOptions() gives at least one clause. */
static bool any_clause(const mig_sequence_opts *s)
{
	return s->type || s->increment || s->minvalue != MIG_ABSENT || s->maxvalue != MIG_ABSENT || s->start ||
	       s->cache || s->cycle != MIG_ABSENT || s->owner != MIG_ABSENT;
}

static void a_alterSequence(mig_an *a)
{
	mig_alter_sequence_def *d = &a->def->u.alter_sequence;
	const mig_value *o = mig__an_options(a, 1, true);
	if (a->rc)
		return;
	mig__an_sequence_opts(a, o, &d->options);
	const mig_value *restart = mig__an_opt(o, "restart");
	if (restart && restart->type == MIG_V_BOOL && restart->b)
		d->restart = true;
	else if (mig_value_truthy(restart))
		d->restart_with = mig__an_string(a, restart);
	if (!any_clause(&d->options) && !d->restart && !d->restart_with)
		mig__an_fail(a, "No sequence options provided for alterSequence");
	mig__an_name(a, mig__an_arg(a, 0), "the sequence name", &d->name);
}

static void a_dropSequence(mig_an *a)
{
	mig__an_drop_simple(a, "the sequence name");
}

static void a_renameSequence(mig_an *a)
{
	mig__an_rename2(a, "the sequence name");
}

const mig_analyzer mig__analyze_schemas[] = {
	{MIG_OP_CREATE_EXTENSION, a_createExtension},
	{MIG_OP_DROP_EXTENSION, a_dropExtension},
	{MIG_OP_CREATE_SCHEMA, a_createSchema},
	{MIG_OP_DROP_SCHEMA, a_dropSchema},
	{MIG_OP_RENAME_SCHEMA, a_renameSchema},
	{MIG_OP_CREATE_SEQUENCE, a_createSequence},
	{MIG_OP_ALTER_SEQUENCE, a_alterSequence},
	{MIG_OP_DROP_SEQUENCE, a_dropSequence},
	{MIG_OP_RENAME_SEQUENCE, a_renameSequence},
	{MIG_OP_UNKNOWN, NULL},
};
