/*
 * The analysis of the type and domain operations (see analyze.h), after
 * node-pg-migrate's src/operations/types.ts and domains.ts.
 */
#include "ir/analyze/analyze.h"

/* ---- types --------------------------------------------------------------- */

static void a_createType(mig_an *a)
{
	mig_create_type_def *d = &a->def->u.create_type;
	const mig_value *v = mig__an_arg(a, 1);
	if (v && v->type == MIG_V_ARRAY) {
		d->is_enum = true;
		mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->name);
		if (!(d->values.v = mig__an_alloc(a, v->n, sizeof(*d->values.v))))
			return;
		for (size_t i = 0; i < v->n; i++)
			d->values.v[d->values.n++] = v->items[i];
		mig__an_strings(a, v, &d->labels);
		return;
	}
	if (!v || v->type != MIG_V_OBJECT) {
		mig__an_fail(a, "%s: the values must be an array (enum) or an object of attributes, not %s", a->op->name,
			     mig_value_type_name(v));
		return;
	}
	/* the attribute list is built before the type's name is quoted */
	if (!(d->attrs = mig__an_alloc(a, v->n, sizeof(*d->attrs))))
		return;
	for (size_t i = 0; i < v->n && !a->rc; i++) {
		mig_type_attr_def *at = &d->attrs[d->nattrs++];
		mig__an_ident(a, v->keys[i], &at->name);
		mig_type_ref *t = mig__an_apply_type(a, v->items[i], a->ctx->shorthands, "an attribute");
		if (t)
			at->type = *t;
	}
	mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->name);
}

static void a_dropType(mig_an *a)
{
	mig__an_drop_simple(a, "the type name");
}

static void a_renameType(mig_an *a)
{
	mig__an_rename2(a, "the type name");
}

/* addTypeAttribute / setTypeAttribute: the type is resolved first. */
static void type_attribute(mig_an *a)
{
	mig_type_attribute_def *d = &a->def->u.type_attribute;
	d->attr_type = mig__an_apply_type(a, mig__an_arg(a, 2), a->ctx->shorthands, "the attribute");
	mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->type);
	mig__an_name(a, mig__an_arg(a, 1), "the attribute name", &d->attribute);
}

static void a_addTypeAttribute(mig_an *a)
{
	type_attribute(a);
}

static void a_setTypeAttribute(mig_an *a)
{
	type_attribute(a);
}

static void a_dropTypeAttribute(mig_an *a)
{
	mig_type_attribute_def *d = &a->def->u.type_attribute;
	const mig_value *o = mig__an_options(a, 2, false);
	mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->type);
	d->if_exists = mig__an_truthy(o, "ifExists");
	mig__an_name(a, mig__an_arg(a, 1), "the attribute name", &d->attribute);
}

static void a_renameTypeAttribute(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 0, "the type name", &r->target, 1, "the attribute name", &r->from,
			"the new attribute name");
}

static void a_addTypeValue(mig_an *a)
{
	mig_add_type_value_def *d = &a->def->u.add_type_value;
	const mig_value *o = mig__an_options(a, 2, false);
	if (a->rc)
		return;
	if (mig__an_truthy(o, "before") && mig__an_truthy(o, "after")) {
		mig__an_fail(a, "\"before\" and \"after\" can't be specified together");
		return;
	}
	mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->type);
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	d->value = mig__an_arg(a, 1);
	if (mig__an_truthy(o, "before"))
		d->before = mig__an_opt(o, "before");
	if (mig__an_truthy(o, "after"))
		d->after = mig__an_opt(o, "after");
	d->value_text = mig__an_string(a, d->value);
	if (mig__an_given(o, "before"))
		d->before_text = mig__an_string(a, mig__an_opt(o, "before"));
	if (mig__an_given(o, "after"))
		d->after_text = mig__an_string(a, mig__an_opt(o, "after"));
}

static void a_renameTypeValue(mig_an *a)
{
	mig_rename_type_value_def *d = &a->def->u.rename_type_value;
	mig__an_name(a, mig__an_arg(a, 0), "the type name", &d->type);
	d->from = mig__an_arg(a, 1);
	d->to = mig__an_arg(a, 2);
	d->from_text = mig__an_string(a, d->from);
	d->to_text = mig__an_string(a, d->to);
}

/* ---- domains ------------------------------------------------------------- */

static void a_createDomain(mig_an *a)
{
	mig_create_domain_def *d = &a->def->u.create_domain;
	const mig_value *o = mig__an_options(a, 2, false);
	if (a->rc)
		return;
	d->collation = mig__an_text_if(a, o, "collation");
	d->default_value = mig__an_opt(o, "default");
	bool nn = mig__an_truthy(o, "notNull"), check = mig__an_truthy(o, "check");
	if (nn && check) {
		mig__an_fail(a, "\"notNull\" and \"check\" can't be specified together");
	} else if (nn || check) {
		if (mig__an_truthy(o, "constraintName"))
			d->constraint_name = mig__an_new_name(a, mig__an_opt(o, "constraintName"), "the constraint name");
		d->not_null = nn;
		if (check)
			d->check = mig__an_string(a, mig__an_opt(o, "check"));
	}
	d->type = mig__an_apply_type(a, mig__an_arg(a, 1), a->ctx->shorthands, "the domain");
	mig__an_name(a, mig__an_arg(a, 0), "the domain name", &d->name);
}

static void a_alterDomain(mig_an *a)
{
	mig_alter_domain_def *d = &a->def->u.alter_domain;
	const mig_value *o = mig__an_options(a, 1, true);
	if (a->rc)
		return;
	const mig_value *def = mig__an_opt(o, "default");
	if (def && def->type == MIG_V_NULL) {
		d->default_action = MIG_UNSET;
	} else if (def) {
		d->default_action = MIG_SET;
		d->default_value = def;
	}
	const mig_value *nn = mig__an_opt(o, "notNull");
	if (mig_value_truthy(nn))
		d->not_null = MIG_SET;
	else if ((nn && nn->type == MIG_V_BOOL && !nn->b) || mig__an_truthy(o, "allowNull"))
		d->not_null = MIG_UNSET;
	if (mig__an_truthy(o, "check")) {
		if (mig__an_truthy(o, "constraintName"))
			d->constraint_name = mig__an_new_name(a, mig__an_opt(o, "constraintName"), "the constraint name");
		d->check = mig__an_string(a, mig__an_opt(o, "check"));
	}
	/* after the actions, and also when there is none: the order whose
	 * first error the emitters have always reported */
	mig__an_name(a, mig__an_arg(a, 0), "the domain name", &d->name);
}

static void a_dropDomain(mig_an *a)
{
	mig__an_drop_simple(a, "the domain name");
}

static void a_renameDomain(mig_an *a)
{
	mig__an_rename2(a, "the domain name");
}

const mig_analyzer mig__analyze_types[] = {
	{MIG_OP_CREATE_TYPE, a_createType},
	{MIG_OP_DROP_TYPE, a_dropType},
	{MIG_OP_RENAME_TYPE, a_renameType},
	{MIG_OP_ADD_TYPE_ATTRIBUTE, a_addTypeAttribute},
	{MIG_OP_DROP_TYPE_ATTRIBUTE, a_dropTypeAttribute},
	{MIG_OP_SET_TYPE_ATTRIBUTE, a_setTypeAttribute},
	{MIG_OP_RENAME_TYPE_ATTRIBUTE, a_renameTypeAttribute},
	{MIG_OP_ADD_TYPE_VALUE, a_addTypeValue},
	{MIG_OP_RENAME_TYPE_VALUE, a_renameTypeValue},
	{MIG_OP_CREATE_DOMAIN, a_createDomain},
	{MIG_OP_ALTER_DOMAIN, a_alterDomain},
	{MIG_OP_DROP_DOMAIN, a_dropDomain},
	{MIG_OP_RENAME_DOMAIN, a_renameDomain},
	{MIG_OP_UNKNOWN, NULL},
};
