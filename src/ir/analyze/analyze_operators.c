/*
 * The analysis of casts, operators, operator families and classes (see
 * analyze.h): node-pg-migrate's src/operations/casts.ts and operators.ts,
 * read in their order.
 */
#include "ir/analyze/analyze.h"

#include "util/error.h"

#include <string.h>

/* ---- casts ------------------------------------------------------------------ */

static void a_create_cast(mig_an *a)
{
	mig_cast_def *d = &a->def->u.create_cast;
	const mig_value *src = mig__an_arg(a, 0), *dst = mig__an_arg(a, 1);
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	d->source = mig__an_string(a, src);
	d->target = mig__an_string(a, dst);
	if (mig__an_truthy(o, "functionName")) {
		d->method = MIG_CAST_WITH_FUNCTION;
		mig__an_name(a, mig__an_opt(o, "functionName"), "the function name", &d->function);
		const mig_value *at = mig__an_opt(o, "argumentTypes");
		if (mig_value_truthy(at)) {
			if (at->type != MIG_V_ARRAY)
				mig__an_fail(a, "%s: argumentTypes must be an array, not %s", a->op->name,
					     mig_value_type_name(at));
			else
				d->argument_types = mig__an_join(a, at, ", ");
		} else {
			d->argument_types = mig__an_join(a, src, ", "); /* [sourceType].join(", ") */
		}
	} else if (mig__an_truthy(o, "inout")) {
		d->method = MIG_CAST_WITH_INOUT;
	} else {
		d->method = MIG_CAST_WITHOUT_FUNCTION;
	}
	d->as = mig__an_text_if(a, o, "as");
}

static void a_drop_cast(mig_an *a)
{
	mig_drop_cast_def *d = &a->def->u.drop_cast;
	const mig_value *o = mig__an_options(a, 2, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->source = mig__an_string(a, mig__an_arg(a, 0));
	d->target = mig__an_string(a, mig__an_arg(a, 1));
}

/* ---- operators ---------------------------------------------------------------- */

/* ASCII case-insensitive equality with a lower-case word. */
static bool ieq(const char *s, const char *lower)
{
	for (; *s && *lower; s++, lower++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		if (c != *lower)
			return false;
	}
	return !*s && !*lower;
}


/* An operator symbol (createOperator/dropOperator name, commutator,
 * negator): schemalize() without the expression parentheses.
 * DIVERGENCE: node-pg-migrate runs these through schemalize(), which
 * wraps symbols such as @> || ? -> in parentheses: "CREATE OPERATOR
 * (@>) (...)", a syntax error. */
static const char *symbol(mig_an *a, const mig_value *v, const char *what)
{
	if (a->rc)
		return NULL;
	mig_str s = MIG_STR_INIT;
	if (v && v->type == MIG_V_STRING && mig_is_expression(v->str)) {
		if (a->ctx->decamelize)
			mig_decamelize(&s, v->str);
		else
			mig_str_puts(&s, v->str);
	} else {
		int rc = mig_schemalize(&s, v, a->ctx->decamelize, a->op->name, what);
		if (rc) {
			mig_str_free(&s);
			mig__an_adopt(a, rc);
			return NULL;
		}
	}
	return mig__an_take(a, &s);
}

static void a_create_operator(mig_an *a)
{
	mig_operator_def *d = &a->def->u.create_operator;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	mig__an_name(a, mig__an_opt(o, "procedure"), "the procedure", &d->procedure);
	if (mig__an_truthy(o, "left"))
		d->left = mig__an_new_name(a, mig__an_opt(o, "left"), "left");
	if (mig__an_truthy(o, "right"))
		d->right = mig__an_new_name(a, mig__an_opt(o, "right"), "right");
	if (mig__an_truthy(o, "commutator"))
		d->commutator = symbol(a, mig__an_opt(o, "commutator"), "commutator");
	if (mig__an_truthy(o, "negator"))
		d->negator = symbol(a, mig__an_opt(o, "negator"), "negator");
	if (mig__an_truthy(o, "restrict"))
		d->restrict_fn = mig__an_new_name(a, mig__an_opt(o, "restrict"), "restrict");
	if (mig__an_truthy(o, "join"))
		d->join_fn = mig__an_new_name(a, mig__an_opt(o, "join"), "join");
	d->hashes = mig__an_truthy(o, "hashes");
	d->merges = mig__an_truthy(o, "merges");
	d->name = symbol(a, mig__an_arg(a, 0), "the operator name");
}

/* An argument type of dropOperator, "none" by default.
 * DIVERGENCE: node-pg-migrate quotes it, so the default (and 'none')
 * becomes the type "none", which does not exist; NONE (NULL here) is the
 * keyword. */
static mig_qname *operator_arg(mig_an *a, const mig_value *v, const char *what)
{
	if (!v || (v->type == MIG_V_STRING && ieq(v->str, "none")))
		return NULL;
	return mig__an_new_name(a, v, what);
}

static void a_drop_operator(mig_an *a)
{
	mig_drop_operator_def *d = &a->def->u.drop_operator;
	const mig_value *o = mig__an_options(a, 1, false);
	d->name = symbol(a, mig__an_arg(a, 0), "the operator name");
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->left = operator_arg(a, mig__an_opt(o, "left"), "left");
	d->right = operator_arg(a, mig__an_opt(o, "right"), "right");
	d->cascade = mig__an_truthy(o, "cascade");
}

/* ---- operator families and classes -------------------------------------------- */

static void a_create_operator_family(mig_an *a)
{
	mig_operator_family_def *d = &a->def->u.create_operator_family;
	mig__an_name(a, mig__an_arg(a, 0), "the operator family name", &d->name);
	d->method = mig__an_string(a, mig__an_arg(a, 1));
}

/* (name, method, {ifExists, cascade}) */
static void drop_operator_group(mig_an *a, const char *what)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 2, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 0), what, &d->names.v[0]);
	d->method = mig__an_string(a, mig__an_arg(a, 1));
	d->cascade = mig__an_truthy(o, "cascade");
}

/* (old, method, new) */
static void rename_operator_group(mig_an *a, const char *what)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_name(a, mig__an_arg(a, 0), what, &r->from);
	r->method = mig__an_string(a, mig__an_arg(a, 1));
	mig__an_name(a, mig__an_arg(a, 2), what, &r->to);
}

static void a_drop_operator_family(mig_an *a)
{
	drop_operator_group(a, "the operator family name");
}

static void a_rename_operator_family(mig_an *a)
{
	rename_operator_group(a, "the operator family name");
}

static void a_drop_operator_class(mig_an *a)
{
	drop_operator_group(a, "the operator class name");
}

static void a_rename_operator_class(mig_an *a)
{
	rename_operator_group(a, "the operator class name");
}

/* The operator of an item as the removal message spells it: the way
 * PostgreSQL writes it. */
static const char *operator_text(mig_an *a, const mig_operator_item *it)
{
	mig_str s = MIG_STR_INIT;
	if (it->op_schema) {
		mig__an_literal(&s, it->op_schema);
		mig_str_putc(&s, '.');
	}
	mig_str_puts(&s, it->op_symbol);
	return mig__an_take(a, &s);
}

/* An OPERATOR item's operator: a bare symbol, optionally schema-qualified. */
static void operator_ref(mig_an *a, const mig_value *name, mig_operator_item *it)
{
	if (a->rc)
		return;
	int rc = mig_name_check(name, a->op->name, "the operator name");
	if (rc) {
		mig__an_adopt(a, rc);
		return;
	}
	if (name->type == MIG_V_OBJECT) {
		/* DIVERGENCE: node-pg-migrate quotes the operator ("OPERATOR 1
		 * "<""), a syntax error; an operator is a bare symbol,
		 * optionally schema-qualified. */
		const mig_value *schema = mig__an_opt(name, "schema");
		if (mig_value_truthy(schema)) {
			mig_qname s;
			mig__an_ident(a, schema->str, &s);
			it->op_schema = s.name;
		}
		it->op_symbol = mig__an_strdup(a, mig__an_opt(name, "name")->str);
	} else {
		it->op_symbol = mig__an_strdup(a, name->str);
	}
}

/* operatorMap(): one OPERATOR or FUNCTION item. `drop` is the DROP form
 * of ALTER OPERATOR FAMILY. */
static void operator_item(mig_an *a, const mig_value *v, bool drop, mig_operator_item *it)
{
	static const char *const bad_type = "Operator \"type\" must be either \"function\" or \"operator\"";
	const mig_value *type = mig__an_opt(v, "type"), *name = mig__an_opt(v, "name"), *params = mig__an_opt(v, "params");
	if (!type || type->type != MIG_V_STRING) {
		mig__an_fail(a, "%s", bad_type);
		return;
	}
	bool is_op = ieq(type->str, "operator"), is_fn = ieq(type->str, "function");
	if (!is_op)
		mig__an_name(a, name, "the function name", &it->function);
	else
		operator_ref(a, name, it);
	size_t np = params && params->type == MIG_V_ARRAY ? params->n : 0;
	it->number = mig__an_string(a, mig__an_opt(v, "number"));
	if (is_op) {
		if (np > 2)
			mig__an_fail(a, "Operator can't have more than 2 parameters");
		/* the DROP form names an operator by its operand types alone
		 * (see the emitter) */
		if (drop && np == 0 && !a->rc) {
			const char *text = operator_text(a, it);
			if (text)
				mig__an_fail(a, "%s: removing OPERATOR %s needs its operand types (params)", a->op->name,
					     text);
		}
		it->has_params = np > 0;
		if (np > 0)
			mig__an_params(a, params, false, "the operator parameters", &it->params);
	} else if (is_fn) {
		it->is_function = true;
		it->has_params = true;
		mig__an_params(a, params, false, "the function parameters", &it->params);
	} else {
		mig__an_fail(a, "%s", bad_type);
	}
}

static void operator_items(mig_an *a, const mig_value *list, bool drop, mig_operator_items *out)
{
	memset(out, 0, sizeof(*out));
	if (a->rc)
		return;
	if (!list || list->type != MIG_V_ARRAY) {
		mig__an_fail(a, "%s: the operator list must be an array, not %s", a->op->name, mig_value_type_name(list));
		return;
	}
	if (list->n == 0 || !(out->v = mig__an_alloc(a, list->n, sizeof(*out->v))))
		return;
	for (size_t i = 0; i < list->n && !a->rc; i++)
		operator_item(a, list->items[i], drop, &out->v[out->n++]);
}

static void a_create_operator_class(mig_an *a)
{
	mig_operator_class_def *d = &a->def->u.create_operator_class;
	const mig_value *o = mig__an_options(a, 4, true);
	if (!mig__an_ok(a))
		return;
	mig__an_name(a, mig__an_arg(a, 0), "the operator class name", &d->name);
	d->is_default = mig__an_truthy(o, "default");
	/* literal(applyType(type).type): only the built-in shorthands */
	if (mig__an_ok(a)) {
		mig_value *r = mig_apply_type(mig__an_arg(a, 1), NULL);
		if (!r)
			mig__an_adopt(a, mig_error_code(MIG_ENOMEM));
		else
			mig__an_name(a, mig__an_opt(r, "type"), "the type", &d->type);
		mig_value_free(r);
	}
	mig__an_name(a, mig__an_arg(a, 2), "the index method", &d->method);
	d->family = mig__an_text_if(a, o, "family");
	operator_items(a, mig__an_arg(a, 3), false, &d->items);
}

static void alter_operator_family(mig_an *a, bool drop)
{
	mig_alter_operator_family_def *d = &a->def->u.alter_operator_family;
	mig__an_name(a, mig__an_arg(a, 0), "the operator family name", &d->name);
	d->method = mig__an_string(a, mig__an_arg(a, 1));
	operator_items(a, mig__an_arg(a, 2), drop, &d->items);
}

static void a_add_to_operator_family(mig_an *a)
{
	alter_operator_family(a, false);
}

static void a_remove_from_operator_family(mig_an *a)
{
	alter_operator_family(a, true);
}

const mig_analyzer mig__analyze_operators[] = {
	{MIG_OP_CREATE_CAST, a_create_cast},
	{MIG_OP_DROP_CAST, a_drop_cast},
	{MIG_OP_CREATE_OPERATOR, a_create_operator},
	{MIG_OP_DROP_OPERATOR, a_drop_operator},
	{MIG_OP_CREATE_OPERATOR_FAMILY, a_create_operator_family},
	{MIG_OP_DROP_OPERATOR_FAMILY, a_drop_operator_family},
	{MIG_OP_RENAME_OPERATOR_FAMILY, a_rename_operator_family},
	{MIG_OP_CREATE_OPERATOR_CLASS, a_create_operator_class},
	{MIG_OP_DROP_OPERATOR_CLASS, a_drop_operator_class},
	{MIG_OP_RENAME_OPERATOR_CLASS, a_rename_operator_class},
	{MIG_OP_ADD_TO_OPERATOR_FAMILY, a_add_to_operator_family},
	{MIG_OP_REMOVE_FROM_OPERATOR_FAMILY, a_remove_from_operator_family},
	{MIG_OP_UNKNOWN, NULL},
};
