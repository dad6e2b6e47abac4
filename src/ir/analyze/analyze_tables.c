/*
 * The analysis of tables, columns and constraints (node-pg-migrate's
 * src/operations/tables.ts and its parseColumns/parseConstraints), in its
 * order of evaluation, so that the first error is the one it throws.
 *
 * The table's name is resolved where node-pg-migrate first renders it
 * (a column comment, a foreign-key comment, a constraint comment or the
 * statement itself), which decides whose error comes first.
 */
#include "ir/analyze/analyze.h"

#include "util/error.h"

#include <string.h>

/* The table argument, resolved once at its first use. */
typedef struct table_ref {
	const mig_value *arg;
	mig_qname name;
	bool done;
} table_ref;

static const mig_qname *table_name(mig_an *a, table_ref *t)
{
	if (!t->done) {
		t->done = true;
		mig__an_name(a, t->arg, "the table name", &t->name);
	}
	return &t->name;
}

static bool is_true(const mig_value *v)
{
	return v && v->type == MIG_V_BOOL && v->b;
}

static bool is_false(const mig_value *v)
{
	return v && v->type == MIG_V_BOOL && !v->b;
}

/* parseReferences(o). */
static void references(mig_an *a, const mig_value *o, mig_reference_def *r)
{
	const mig_value *ref = mig__an_opt(o, "references");
	if (ref && ref->type == MIG_V_STRING && (ref->str[0] == '"' || (ref->len && ref->str[ref->len - 1] == ')')))
		r->raw = mig__an_strdup(a, ref->str);
	else
		mig__an_name(a, ref, "references", &r->table);
	r->match = mig__an_text_if(a, o, "match");
	r->on_delete = mig__an_text_if(a, o, "onDelete");
	r->on_update = mig__an_text_if(a, o, "onUpdate");
}

static mig_identity_def *identity(mig_an *a, const mig_value *sg)
{
	mig_identity_def *id = mig__an_alloc(a, 1, sizeof(*id));
	if (!id)
		return NULL;
	mig__an_sequence_opts(a, sg, &id->options);
	id->precedence = mig__an_string(a, mig__an_opt(sg, "precedence"));
	size_t n = sg->type == MIG_V_OBJECT ? sg->n : 0;
	if (n && (id->option_keys.v = mig__an_alloc(a, n, sizeof(*id->option_keys.v))))
		for (size_t i = 0; i < n; i++)
			if (strcmp(sg->keys[i], "precedence") != 0)
				id->option_keys.v[id->option_keys.n++] = sg->keys[i];
	return id;
}

/* parseColumns(): the columns of createTable/addColumns, after
 * applyType(); resolved->constraints holds the primary key node-pg-migrate
 * adds for several primaryKey columns. */
static void columns(mig_an *a, table_ref *t, const mig_columns *resolved, mig_column_defs *out)
{
	const mig_value *all = resolved->cols;
	if (!(out->v = mig__an_alloc(a, all->n, sizeof(*out->v))))
		return;
	out->n = all->n;
	/* the comments first: node-pg-migrate renders them before the lines */
	for (size_t i = 0; i < all->n; i++) {
		const mig_value *c = mig_object_get(all->items[i], "comment");
		if (mig_value_is_undefined(c))
			continue;
		table_name(a, t);
		out->v[i].has_comment = true;
		out->v[i].comment = c;
	}
	for (size_t i = 0; i < all->n && mig__an_ok(a); i++) {
		const char *key = all->keys[i];
		const mig_value *o = all->items[i];
		mig_column_def *c = &out->v[i];
		mig_qname n;
		mig__an_ident(a, key, &n);
		c->name = n.name;
		const mig_value *type = mig_object_get(o, "type");
		if (mig_value_is_undefined(type)) {
			mig__an_fail(a, "%s: column \"%s\" has no type", a->op->name, key);
		} else if (type->type == MIG_V_OBJECT || type->type == MIG_V_LITERAL) {
			mig_qname tn;
			mig__an_name(a, type, "a column type", &tn);
			c->type.kind = tn.raw ? MIG_TYPE_RAW : MIG_TYPE_NAME;
			c->type.name = tn;
			c->type.text = tn.raw ? tn.name : NULL;
		} else if (type->type == MIG_V_STRING || type->type == MIG_V_NUMBER) {
			c->type.kind = MIG_TYPE_TEXT;
			c->type.text = mig__an_string(a, type);
			c->type.number = type->type == MIG_V_NUMBER;
		} else {
			mig__an_fail(a, "%s: column \"%s\": the type must be a string, not %s", a->op->name, key,
				     mig_value_type_name(type));
		}
		const mig_value *array = mig__an_opt(o, "array");
		if (is_true(array))
			c->array = "";
		else if (array && array->type == MIG_V_NUMBER)
			c->array = mig__an_string(a, array);
		c->array_truthy = mig_value_truthy(array);
		c->collation = mig__an_text_if(a, o, "collation");
		c->default_value = mig__an_value(a, mig__an_opt(o, "default"));
		c->unique = mig__an_truthy(o, "unique");
		c->primary_key = mig__an_truthy(o, "primaryKey");
		c->not_null = mig__an_truthy(o, "notNull");
		c->check = mig__an_text_if(a, o, "check");
		if (mig__an_truthy(o, "references")) {
			const mig_value *rname = mig__an_opt(o, "referencesConstraintName");
			const mig_value *rcomment = mig__an_opt(o, "referencesConstraintComment");
			c->fk_name_given = mig_value_truthy(rname);
			c->fk_named = c->fk_name_given || mig_value_truthy(rcomment);
			if (c->fk_named) {
				/* String() of the table argument, see args.h */
				mig_str gen = MIG_STR_INIT;
				if (!mig_value_truthy(rname))
					mig_column_fk_name(&gen, t->arg, key);
				const char *g = mig__an_take(a, &gen);
				mig__an_name_or(a, rname, g ? g : "", "referencesConstraintName", &c->fk_name);
			}
			if ((c->references = mig__an_alloc(a, 1, sizeof(*c->references))))
				references(a, o, c->references);
			if (mig_value_truthy(rcomment)) {
				c->fk_comment = rcomment;
				table_name(a, t);
			}
		}
		if (mig__an_truthy(o, "deferrable")) {
			c->deferrable = true;
			c->deferred = mig__an_truthy(o, "deferred");
		}
		const mig_value *sg = mig__an_opt(o, "sequenceGenerated");
		if (mig_value_truthy(sg))
			c->identity = identity(a, sg);
		c->expression_generated = mig__an_text_if(a, o, "expressionGenerated");
	}
}

static mig_constraint_def *next_line(mig_an *a, mig_constraints_def *out, size_t *cap)
{
	if (out->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		mig_constraint_def *v = mig__an_alloc(a, ncap, sizeof(*v));
		if (!v)
			return NULL;
		if (out->n)
			memcpy(v, out->v, out->n * sizeof(*v));
		out->v = v;
		*cap = ncap;
	}
	mig_constraint_def *c = &out->v[out->n++];
	memset(c, 0, sizeof(*c));
	c->named = true;
	return c;
}

/* The generated name of a constraint line, or the given name. */
static void line_name(mig_an *a, const mig_value *given, table_ref *t, enum mig_constraint_kind kind,
		      const mig_value *cols, size_t index, mig_qname *out)
{
	mig_str gen = MIG_STR_INIT;
	mig_constraint_name(&gen, t->arg, kind, cols, index);
	const char *g = mig__an_take(a, &gen);
	mig__an_name_or(a, given, g ? g : "", "the constraint name", out);
}

/* parseConstraints(table, o, optname). */
static void constraints(mig_an *a, table_ref *t, const mig_value *o, const mig_value *optname, mig_constraints_def *out)
{
	size_t cap = 0;
	mig_constraint_def *c;
	const mig_value *check = mig__an_opt(o, "check");
	if (mig_value_truthy(check)) {
		bool list = check->type == MIG_V_ARRAY;
		size_t n = list ? check->n : 1;
		for (size_t i = 0; i < n && mig__an_ok(a); i++) {
			if (!(c = next_line(a, out, &cap)))
				return;
			c->kind = MIG_CONSTRAINT_CHECK;
			line_name(a, optname, t, MIG_CONSTRAINT_CHECK, NULL, list ? i + 1 : 0, &c->name);
			c->expr = mig__an_string(a, list ? check->items[i] : check);
		}
	}
	const mig_value *unique = mig__an_opt(o, "unique");
	if (mig_value_truthy(unique)) {
		bool nested = false;
		for (size_t i = 0; i < mig_js_len(unique); i++) {
			const mig_value *u = mig_js_at(unique, i);
			nested = nested || (u && u->type == MIG_V_ARRAY);
		}
		size_t nsets = nested ? mig_js_len(unique) : 1;
		for (size_t k = 0; k < nsets && mig__an_ok(a); k++) {
			/* a set is one item (nested) or the whole list */
			const mig_value *set = nested ? mig_js_at(unique, k) : unique;
			if (!(c = next_line(a, out, &cap)))
				return;
			c->kind = MIG_CONSTRAINT_UNIQUE;
			line_name(a, optname, t, MIG_CONSTRAINT_UNIQUE, set, 0, &c->name);
			mig__an_names(a, set, "a unique column", &c->columns);
		}
	}
	const mig_value *pk = mig__an_opt(o, "primaryKey");
	if (mig_value_truthy(pk) && (c = next_line(a, out, &cap))) {
		c->kind = MIG_CONSTRAINT_PRIMARY;
		line_name(a, optname, t, MIG_CONSTRAINT_PRIMARY, NULL, 0, &c->name);
		mig__an_names(a, pk, "a primary key column", &c->columns);
	}
	const mig_value *fks = mig__an_opt(o, "foreignKeys");
	if (mig_value_truthy(fks)) {
		for (size_t k = 0; k < mig_js_len(fks) && mig__an_ok(a); k++) {
			const mig_value *fk = mig_js_at(fks, k);
			const mig_value *cols = mig__an_opt(fk, "columns");
			const mig_value *rname = mig__an_opt(fk, "referencesConstraintName");
			if (!(c = next_line(a, out, &cap)))
				return;
			c->kind = MIG_CONSTRAINT_FOREIGN;
			line_name(a, mig_value_truthy(rname) ? rname : optname, t, MIG_CONSTRAINT_FOREIGN, cols, 0, &c->name);
			mig__an_names(a, cols, "a foreign key column", &c->columns);
			references(a, fk, &c->references);
			const mig_value *rc = mig__an_opt(fk, "referencesConstraintComment");
			if (mig_value_truthy(rc)) {
				c->comment = rc;
				table_name(a, t);
			}
		}
	}
	if (mig__an_truthy(o, "exclude") && (c = next_line(a, out, &cap))) {
		c->kind = MIG_CONSTRAINT_EXCLUDE;
		line_name(a, optname, t, MIG_CONSTRAINT_EXCLUDE, NULL, 0, &c->name);
		c->expr = mig__an_string(a, mig__an_opt(o, "exclude"));
	}
	if (mig__an_truthy(o, "deferrable") && mig__an_ok(a)) {
		out->deferrable = true;
		out->deferred = mig__an_truthy(o, "deferred");
	}
	if (mig__an_truthy(o, "comment")) {
		if (!mig_value_truthy(optname)) {
			mig__an_fail(a, "cannot comment on unspecified constraints");
		} else {
			mig__an_name(a, optname, "the constraint name", &out->comment_name);
			table_name(a, t);
			out->comment = mig__an_opt(o, "comment");
		}
	}
}

/* parseLike(). */
static mig_like_def *like(mig_an *a, const mig_value *v)
{
	mig_like_def *l = mig__an_alloc(a, 1, sizeof(*l));
	if (!l)
		return NULL;
	bool plain = (v && v->type == MIG_V_STRING) || !mig_js_in(v, "table");
	mig__an_name(a, plain ? v : mig_object_get(v, "table"), "the LIKE table", &l->table);
	if ((v && v->type == MIG_V_STRING) || !mig_js_in(v, "options") || !mig__an_opt(v, "options"))
		return l;
	const mig_value *lo = mig__an_opt(v, "options");
	static const char *const keys[] = {"including", "excluding"};
	for (size_t k = 0; k < 2; k++) {
		const mig_value *x = mig__an_opt(lo, keys[k]);
		mig_texts *list = k ? &l->excluding : &l->including;
		size_t n = mig_js_len(x);
		if (!(list->v = mig__an_alloc(a, n, sizeof(*list->v))))
			return l;
		for (size_t i = 0; i < n; i++) {
			const mig_value *it = mig_js_at(x, i);
			if (!mig_value_is_undefined(it))
				list->v[list->n++] = mig__an_string(a, it);
		}
	}
	return l;
}

static mig_partition_def *partition(mig_an *a, const mig_value *part)
{
	mig_partition_def *p = mig__an_alloc(a, 1, sizeof(*p));
	if (!p)
		return NULL;
	p->strategy = mig__an_string(a, mig__an_opt(part, "strategy"));
	const mig_value *pc = mig__an_opt(part, "columns");
	size_t n = mig_js_len(pc);
	if (!(p->columns = mig__an_alloc(a, n, sizeof(*p->columns))))
		return p;
	for (size_t i = 0; i < n && mig__an_ok(a); i++) {
		const mig_value *c = mig_js_at(pc, i);
		mig_partition_column *x = &p->columns[p->ncolumns++];
		if (c && c->type == MIG_V_STRING) {
			mig__an_name(a, c, "a partition column", &x->name);
			continue;
		}
		mig__an_name(a, mig__an_opt(c, "name"), "a partition column", &x->name);
		x->collate = mig__an_text_if(a, c, "collate");
		x->opclass = mig__an_text_if(a, c, "opclass");
	}
	return p;
}

/* mig_columns_resolve() with its error adopted. */
static bool resolve(mig_an *a, mig_columns *cols)
{
	int rc = mig_columns_resolve(mig__an_arg(a, 1), a->ctx->shorthands, a->op->name, cols);
	mig__an_adopt(a, rc);
	return rc == 0;
}

static void a_createTable(mig_an *a)
{
	mig_create_table_def *d = &a->def->u.create_table;
	table_ref t = {.arg = mig__an_arg(a, 0)};
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	const mig_value *oc = mig__an_opt(o, "constraints");
	mig_columns cols;
	if (!resolve(a, &cols)) {
		mig_columns_dispose(&cols);
		return;
	}
	/* the resolved columns are read by the definition: the arena keeps them */
	mig_value *kept_cols = mig__an_keep(a, cols.cols);
	mig_value *kept_pk = cols.constraints ? mig__an_keep(a, cols.constraints) : NULL;
	if (!kept_cols || (cols.constraints && !kept_pk))
		return;
	columns(a, &t, &cols, &d->columns);
	if (kept_pk && mig_js_in(oc, "primaryKey"))
		mig__an_fail(a, "There is duplicate constraint definition in table and columns options: primaryKey");
	/* {...optionsConstraints, ...crossColumnConstraints} */
	mig_value *merged = mig__an_keep(a, oc && oc->type == MIG_V_OBJECT ? mig_value_clone(oc)
									  : mig_value_new(MIG_V_OBJECT));
	if (merged && kept_pk) {
		mig_value *pk = mig_value_clone(mig_object_get(kept_pk, "primaryKey"));
		if (!pk || mig_object_set(merged, "primaryKey", pk))
			mig__an_adopt(a, MIG_ENOMEM);
	}
	if (mig__an_ok(a) && merged)
		constraints(a, &t, merged, NULL, &d->constraints);
	if (mig__an_truthy(o, "like") && mig__an_ok(a))
		d->like = like(a, mig__an_opt(o, "like"));
	d->temporary = mig__an_truthy(o, "temporary");
	d->unlogged = mig__an_truthy(o, "unlogged");
	if (d->temporary && d->unlogged)
		mig__an_fail(a, "TEMPORARY and UNLOGGED cannot be used together.");
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	d->table = *table_name(a, &t);
	if (mig__an_truthy(o, "inherits"))
		d->inherits = mig__an_new_name(a, mig__an_opt(o, "inherits"), "the inherited table");
	const mig_value *part = mig__an_opt(o, "partition");
	if (mig_value_truthy(part))
		d->partition = partition(a, part);
	const mig_value *comment = mig__an_opt(o, "comment");
	if (comment) {
		d->has_comment = true;
		d->comment = comment;
	}
}

static void a_dropTable(mig_an *a)
{
	mig__an_drop_simple(a, "the table name");
}

static void a_renameTable(mig_an *a)
{
	mig__an_rename2(a, "the table name");
}

static void a_alterTable(mig_an *a)
{
	mig_alter_table_def *d = &a->def->u.alter_table;
	const mig_value *o = mig__an_options(a, 1, true);
	if (!mig__an_ok(a))
		return;
	d->level_security = mig__an_text_if(a, o, "levelSecurity");
	const mig_value *u = mig__an_opt(o, "unlogged");
	if (is_true(u))
		d->unlogged = MIG_SET;
	else if (is_false(u))
		d->unlogged = MIG_UNSET;
	if (!d->level_security && d->unlogged == MIG_ABSENT)
		mig__an_fail(a, "No table options provided for alterTable");
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->table);
}

static void a_addColumns(mig_an *a)
{
	mig_add_columns_def *d = &a->def->u.add_columns;
	table_ref t = {.arg = mig__an_arg(a, 0)};
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	mig_columns cols;
	if (!resolve(a, &cols)) {
		mig_columns_dispose(&cols);
		return;
	}
	if (!mig__an_keep(a, cols.cols))
		return;
	/* several primary keys: addColumns has no table constraint for them */
	mig_value_free(cols.constraints);
	cols.constraints = NULL;
	columns(a, &t, &cols, &d->columns);
	d->if_not_exists = mig__an_truthy(o, "ifNotExists");
	d->table = *table_name(a, &t);
}

static void a_dropColumns(mig_an *a)
{
	mig_drop_columns_def *d = &a->def->u.drop_columns;
	const mig_value *cols = mig__an_arg(a, 1);
	const mig_value *o = mig__an_options(a, 2, false);
	if (!mig__an_ok(a))
		return;
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->cascade = mig__an_truthy(o, "cascade");
	if ((cols && cols->type == MIG_V_STRING) || (cols && cols->type == MIG_V_ARRAY)) {
		mig__an_names(a, cols, "a column name", &d->columns);
	} else if (cols && cols->type == MIG_V_OBJECT) {
		if ((d->columns.v = mig__an_alloc(a, cols->n, sizeof(*d->columns.v))))
			for (size_t i = 0; i < cols->n; i++)
				mig__an_ident(a, cols->keys[i], &d->columns.v[d->columns.n++]);
	} else {
		mig__an_fail(a, "%s: the columns must be a string, an array or an object, not %s", a->op->name,
			     mig_value_type_name(cols));
	}
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->table);
}

static void a_renameColumn(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 0, "the table name", &r->target, 1, "the column name", &r->from, "the new column name");
}

/* literal(v) where node-pg-migrate never calls it: the name, or "" and
 * in *error the message literal() would throw (the analysis goes on). */
static void unread_name(mig_an *a, const mig_value *v, const char *what, mig_qname *out, const char **error)
{
	memset(out, 0, sizeof(*out));
	if (a->rc)
		return;
	if (mig_name_check(v, a->op->name, what)) {
		const mig_error *e = mig_error_last();
		if (!e || e->code == MIG_ENOMEM) {
			mig__an_adopt(a, MIG_ENOMEM);
			return;
		}
		*error = mig__an_strdup(a, e->message);
		mig_error_clear();
		out->name = "";
		return;
	}
	mig__an_name(a, v, what, out);
}

static void a_alterColumn(mig_an *a)
{
	mig_alter_column_def *d = &a->def->u.alter_column;
	const mig_value *o = mig__an_options(a, 2, true);
	if (!mig__an_ok(a))
		return;
	const mig_value *def = mig_object_get(o, "default");
	if (def && def->type == MIG_V_NULL) {
		d->default_action = MIG_DROP;
	} else if (!mig_value_is_undefined(def)) {
		d->default_action = MIG_CHANGE;
		d->default_value = mig__an_value(a, def);
	}
	if (mig__an_truthy(o, "type")) {
		const mig_value *t = mig__an_opt(o, "type");
		if ((d->type = mig__an_alloc(a, 1, sizeof(*d->type)))) {
			if (t->type == MIG_V_STRING) {
				d->type->kind = MIG_TYPE_TEXT;
				d->type->text = mig__an_strdup(a, mig_type_adapt(t->str));
			} else {
				mig__an_type(a, t, "the column type", d->type);
			}
		}
		d->collation = mig__an_text_if(a, o, "collation");
		d->using_expr = mig__an_text_if(a, o, "using");
	}
	const mig_value *nn = mig__an_opt(o, "notNull");
	if (mig_value_truthy(nn))
		d->not_null = MIG_CHANGE;
	else if (is_false(nn) || mig__an_truthy(o, "allowNull"))
		d->not_null = MIG_DROP;
	const mig_value *sg = mig__an_opt(o, "sequenceGenerated");
	if (sg) {
		if (mig_value_truthy(sg)) {
			d->identity = MIG_CHANGE;
			d->identity_def = identity(a, sg);
		} else {
			d->identity = MIG_DROP;
		}
	}
	const mig_value *eg = mig__an_opt(o, "expressionGenerated");
	if (eg && eg->type == MIG_V_STRING) {
		d->expression = MIG_CHANGE;
		d->expression_text = mig__an_strdup(a, eg->str);
	} else if (eg && eg->type == MIG_V_NULL) {
		d->expression = MIG_DROP;
	}
	const mig_value *comment = mig__an_opt(o, "comment");
	bool actions = d->default_action || d->type || d->not_null || d->identity || d->expression;
	/* node-pg-migrate renders the names only where it writes them */
	if (actions) {
		mig__an_name(a, mig__an_arg(a, 1), "the column name", &d->column);
		mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->table);
	}
	if (comment) {
		d->has_comment = true;
		d->comment = comment;
		if (!actions) {
			mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->table);
			mig__an_name(a, mig__an_arg(a, 1), "the column name", &d->column);
		}
	}
	if (!actions && !comment) {
		/* nothing to do, and node-pg-migrate never looks at the names:
		 * they are read without failing (see defs/tables.h) */
		unread_name(a, mig__an_arg(a, 0), "the table name", &d->table, &d->table_error);
		unread_name(a, mig__an_arg(a, 1), "the column name", &d->column, &d->column_error);
	}
}

static void a_addConstraint(mig_an *a)
{
	mig_add_constraint_def *d = &a->def->u.add_constraint;
	table_ref t = {.arg = mig__an_arg(a, 0)};
	const mig_value *name = mig__an_arg(a, 1), *x = mig__an_arg(a, 2);
	if (x && x->type == MIG_V_STRING) {
		if (!(d->constraints.v = mig__an_alloc(a, 1, sizeof(*d->constraints.v))))
			return;
		mig_constraint_def *c = &d->constraints.v[d->constraints.n++];
		c->kind = MIG_CONSTRAINT_RAW;
		c->named = mig_value_truthy(name);
		if (c->named)
			mig__an_name(a, name, "the constraint name", &c->name);
		c->expr = mig__an_strdup(a, x->str);
	} else {
		const mig_value *o = mig__an_options(a, 2, true);
		if (mig__an_ok(a))
			constraints(a, &t, o, name, &d->constraints);
	}
	if (mig__an_ok(a) && d->constraints.n == 0)
		mig__an_fail(a, "No constraint options provided for addConstraint");
	d->table = *table_name(a, &t);
}

static void a_dropConstraint(mig_an *a)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 2, false);
	d->if_table_exists = mig__an_truthy(o, "ifTableExists");
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->cascade = mig__an_truthy(o, "cascade");
	mig__an_name(a, mig__an_arg(a, 0), "the table name", &d->target);
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 1), "the constraint name", &d->names.v[0]);
}

static void a_renameConstraint(mig_an *a)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_rename3(a, 0, "the table name", &r->target, 1, "the constraint name", &r->from,
			"the new constraint name");
}

const mig_analyzer mig__analyze_tables[] = {
	{MIG_OP_CREATE_TABLE, a_createTable},
	{MIG_OP_DROP_TABLE, a_dropTable},
	{MIG_OP_RENAME_TABLE, a_renameTable},
	{MIG_OP_ALTER_TABLE, a_alterTable},
	{MIG_OP_ADD_COLUMNS, a_addColumns},
	{MIG_OP_DROP_COLUMNS, a_dropColumns},
	{MIG_OP_RENAME_COLUMN, a_renameColumn},
	{MIG_OP_ALTER_COLUMN, a_alterColumn},
	{MIG_OP_ADD_CONSTRAINT, a_addConstraint},
	{MIG_OP_DROP_CONSTRAINT, a_dropConstraint},
	{MIG_OP_RENAME_CONSTRAINT, a_renameConstraint},
	{MIG_OP_UNKNOWN, NULL},
};
