/*
 * The analysis of functions and triggers (see analyze.h): node-pg-migrate's
 * src/operations/functions.ts and triggers.ts, read in their order.
 */
#include "ir/analyze/analyze.h"

#include "util/error.h"

#include <string.h>

/* ---- parameters ------------------------------------------------------------ */

static void param(mig_an *a, const mig_value *p, bool without_default, mig_param_def *out)
{
	mig_value *copy = NULL;
	if (without_default && p && p->type == MIG_V_OBJECT) {
		if (!(copy = mig__an_keep(a, mig_value_clone(p))))
			return;
		mig_object_delete(copy, "default");
		p = copy;
	}
	mig_value *r = mig_apply_type(p, a->ctx->shorthands);
	if (!r) {
		mig__an_adopt(a, mig_error_code(MIG_ENOMEM));
		return;
	}
	/* the default stays a value of the resolved parameter: the arena keeps it */
	if (!mig__an_keep(a, r))
		return;
	out->mode = mig__an_text_if(a, r, "mode");
	if (mig__an_truthy(r, "name"))
		out->name = mig__an_new_name(a, mig__an_opt(r, "name"), "a parameter name");
	/* DIVERGENCE: a {schema, name} type is quoted (mig__an_type);
	 * node-pg-migrate pastes "[object Object]" into parameter types. */
	if (mig__an_truthy(r, "type")) {
		if ((out->type = mig__an_alloc(a, 1, sizeof(*out->type))))
			mig__an_type(a, mig__an_opt(r, "type"), "a parameter", out->type);
	}
	out->default_value = mig__an_opt(r, "default");
}

void mig__an_params(mig_an *a, const mig_value *params, bool without_default, const char *what,
		    mig_params_def *out)
{
	memset(out, 0, sizeof(*out));
	if (a->rc)
		return;
	/* an explicit undefined is not an absent argument here */
	if (params && params->type != MIG_V_ARRAY) {
		mig__an_fail(a, "%s: %s must be an array, not %s", a->op->name, what, mig_value_type_name(params));
		return;
	}
	if (!params || params->n == 0)
		return;
	if (!(out->v = mig__an_alloc(a, params->n, sizeof(*out->v))))
		return;
	for (size_t i = 0; i < params->n && !a->rc; i++)
		param(a, params->items[i], without_default, &out->v[out->n++]);
}

/* ---- functions ---------------------------------------------------------------- */

/* literal(name) as node-pg-migrate's messages embed it: its PostgreSQL
 * quoting (NULL after an error). */
static const char *literal_text(mig_an *a, const mig_qname *n)
{
	if (a->rc)
		return NULL;
	mig_str q = MIG_STR_INIT;
	if (n->raw) {
		mig_str_puts(&q, n->name);
	} else {
		if (n->schema) {
			mig__an_literal(&q, n->schema);
			mig_str_putc(&q, '.');
		}
		mig__an_literal(&q, n->name);
	}
	return mig__an_take(a, &q);
}

static void function_set(mig_an *a, const mig_value *o, mig_function_def *f)
{
	const mig_value *set = mig__an_opt(o, "set");
	if (!mig_value_truthy(set))
		return;
	if (set->type != MIG_V_ARRAY) {
		mig__an_fail(a, "%s: \"set\" must be an array of {configurationParameter, value}, not %s", a->op->name,
			     mig_value_type_name(set));
		return;
	}
	if (!(f->set = mig__an_alloc(a, set->n, sizeof(*f->set))))
		return;
	for (size_t i = 0; i < set->n && !a->rc; i++) {
		const mig_value *it = set->items[i];
		mig_function_set *s = &f->set[f->nset++];
		mig__an_name(a, mig__an_opt(it, "configurationParameter"), "the configuration parameter", &s->parameter);
		const mig_value *v = mig__an_opt(it, "value");
		s->value = mig_js_str_eq(v, "FROM CURRENT") ? NULL : mig__an_string(a, v);
	}
}

/* createFunction(name, params, options, definition); createTrigger passes
 * {...options, returns: 'trigger'} and no parameters (returns_trigger). */
static void function(mig_an *a, mig_function_def *f, const mig_value *name, const mig_value *params,
		     const mig_value *o, const mig_value *definition, bool returns_trigger)
{
	const mig_value *behavior = mig_object_get(o, "behavior");
	if (mig_value_is_undefined(behavior))
		f->behavior = "VOLATILE";
	else if (mig_value_truthy(behavior))
		f->behavior = mig__an_string(a, behavior);
	if (mig__an_truthy(o, "language")) {
		f->language = mig__an_text_if(a, o, "language");
	} else if (!a->rc) {
		mig_qname n;
		mig__an_name(a, name, "the function name", &n);
		const char *text = literal_text(a, &n);
		if (text)
			mig__an_fail(a, "Language for function %s have to be specified", text);
	}
	const mig_value *security = mig__an_opt(o, "security");
	if (security && !mig_js_str_eq(security, "INVOKER"))
		f->security = mig__an_string(a, security);
	f->window = mig__an_truthy(o, "window");
	f->on_null = mig__an_truthy(o, "onNull");
	f->parallel = mig__an_text_if(a, o, "parallel");
	function_set(a, o, f);
	f->replace = mig__an_truthy(o, "replace");
	mig__an_name(a, name, "the function name", &f->name);
	mig__an_params(a, params, false, "the parameters", &f->params);
	if (returns_trigger) {
		f->returns = "trigger";
	} else {
		const mig_value *r = mig_object_get(o, "returns");
		f->returns = mig_value_is_undefined(r) ? "void" : mig__an_string(a, r);
	}
	f->definition = definition;
}

static void a_create_function(mig_an *a)
{
	const mig_value *o = mig__an_options(a, 2, true);
	if (!mig__an_ok(a))
		return;
	function(a, &a->def->u.create_function, mig__an_arg(a, 0), mig__an_arg(a, 1), o, mig__an_arg(a, 3), false);
}

/* DROP FUNCTION name(params without their defaults) with the options o. */
static void drop_function(mig_an *a, mig_drop_function_def *d, const mig_value *o, const mig_value *name,
			  const mig_value *params)
{
	d->if_exists = mig__an_truthy(o, "ifExists");
	mig__an_name(a, name, "the function name", &d->name);
	mig__an_params(a, params, true, "the parameters", &d->params);
	d->cascade = mig__an_truthy(o, "cascade");
}

static void a_drop_function(mig_an *a)
{
	const mig_value *o = mig__an_options(a, 2, false);
	drop_function(a, &a->def->u.drop_function, o, mig__an_arg(a, 0), mig__an_arg(a, 1));
}

static void a_rename_function(mig_an *a)
{
	mig_rename_function_def *r = &a->def->u.rename_function;
	mig__an_name(a, mig__an_arg(a, 0), "the function name", &r->from);
	mig__an_params(a, mig__an_arg(a, 1), false, "the parameters", &r->params);
	mig__an_name(a, mig__an_arg(a, 2), "the new function name", &r->to);
}

/* ---- triggers --------------------------------------------------------------------- */

static bool ieq_n(const char *s, const char *word, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

/* /instead\s+of/i */
static bool instead_of(const char *s)
{
	for (; *s; s++) {
		if (!ieq_n(s, "instead", 7))
			continue;
		const char *t = s + 7;
		size_t k = 0;
		while (*t == ' ' || (*t >= '\t' && *t <= '\r')) {
			t++;
			k++;
		}
		if (k && ieq_n(t, "of", 2))
			return true;
	}
	return false;
}

static void a_create_trigger(mig_an *a)
{
	mig_trigger_def *t = &a->def->u.create_trigger;
	const mig_value *table = mig__an_arg(a, 0), *trigger = mig__an_arg(a, 1), *definition = mig__an_arg(a, 3);
	const mig_value *o = mig__an_options(a, 2, true);
	if (!mig__an_ok(a))
		return;
	t->constraint = mig__an_truthy(o, "constraint");
	t->operation = mig__an_join(a, mig__an_opt(o, "operation"), " OR ");
	const mig_value *w = mig__an_opt(o, "when");
	if (t->constraint)
		t->when = "AFTER";
	else if (mig_value_truthy(w))
		t->when = mig__an_string(a, w);
	else
		t->when = "";
	const mig_value *level = mig__an_opt(o, "level");
	const mig_value *fn = mig__an_opt(o, "function");
	if (!mig__an_ok(a))
		return;
	bool instead = *t->when && instead_of(t->when);
	/* only an absent function defaults to the trigger's name (null does not) */
	if (mig_value_truthy(definition) && !fn)
		fn = trigger;
	if (!*t->when)
		mig__an_fail(a, "\"when\" (BEFORE/AFTER/INSTEAD OF) have to be specified");
	else if (!mig_value_truthy(fn))
		mig__an_fail(a, "Can't determine function name");
	else if (instead && mig__an_truthy(o, "condition"))
		mig__an_fail(a, "INSTEAD OF trigger can't have condition specified");
	else if (!*t->operation)
		mig__an_fail(a, "\"operation\" (INSERT/UPDATE[ OF ...]/DELETE/TRUNCATE) have to be specified");
	const mig_value *fparams = mig__an_opt(o, "functionParams");
	if (fparams && fparams->type != MIG_V_ARRAY)
		mig__an_fail(a, "%s: functionParams must be an array, not %s", a->op->name, mig_value_type_name(fparams));
	if (!mig__an_ok(a))
		return;
	if (mig_value_truthy(definition)) {
		if ((t->function_def = mig__an_alloc(a, 1, sizeof(*t->function_def))))
			function(a, t->function_def, fn, NULL, o, definition, true);
	}
	mig__an_name(a, trigger, "the trigger name", &t->name);
	mig__an_name(a, table, "the table name", &t->table);
	if (t->constraint) {
		t->deferrable = mig__an_truthy(o, "deferrable");
		t->deferred = mig__an_truthy(o, "deferred");
	}
	if (instead)
		t->level = "ROW";
	else if (level)
		t->level = mig__an_string(a, level);
	else
		t->level = "STATEMENT";
	t->condition = mig__an_text_if(a, o, "condition");
	mig__an_name(a, fn, "the function name", &t->function);
	if (fparams && fparams->n) {
		if (!(t->function_params.v = mig__an_alloc(a, fparams->n, sizeof(*t->function_params.v))))
			return;
		for (size_t i = 0; i < fparams->n; i++)
			t->function_params.v[t->function_params.n++] = fparams->items[i];
	}
}

/* DROP TRIGGER name ON table with the options o. */
static void drop_trigger(mig_an *a, mig_drop_def *d, const mig_value *o)
{
	d->if_exists = mig__an_truthy(o, "ifExists");
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 1), "the trigger name", &d->names.v[0]);
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->target);
	d->cascade = mig__an_truthy(o, "cascade");
}

static void a_drop_trigger(mig_an *a)
{
	const mig_value *o = mig__an_options(a, 2, false);
	drop_trigger(a, &a->def->u.drop, o);
}

/* createTrigger's arguments: the function is options.function when
 * truthy, else the trigger's own name. */
static void a_drop_trigger_and_function(mig_an *a)
{
	mig_drop_trigger_function_def *d = &a->def->u.drop_trigger_function;
	const mig_value *o = mig__an_options(a, 2, false);
	drop_trigger(a, &d->trigger, o);
	const mig_value *fn = mig__an_opt(o, "function");
	drop_function(a, &d->function, o, mig_value_truthy(fn) ? fn : mig__an_arg(a, 1), NULL);
}

static void a_rename_trigger(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 1, "the trigger name", &r->from, 0, "the table name", &r->target, "the new trigger name");
}

const mig_analyzer mig__analyze_routines[] = {
	{MIG_OP_CREATE_FUNCTION, a_create_function},
	{MIG_OP_DROP_FUNCTION, a_drop_function},
	{MIG_OP_RENAME_FUNCTION, a_rename_function},
	{MIG_OP_CREATE_TRIGGER, a_create_trigger},
	{MIG_OP_DROP_TRIGGER, a_drop_trigger},
	{MIG_OP_RENAME_TRIGGER, a_rename_trigger},
	{MIG_OP_DROP_TRIGGER_AND_FUNCTION, a_drop_trigger_and_function},
	{MIG_OP_UNKNOWN, NULL},
};
