/*
 * Private to dialects/common/model_apply*.c: the state of one application
 * and the pieces the files share. model_apply.c: parts and dispatch;
 * model_apply_columns.c: columns, constraints and what a foreign key
 * references; model_apply_tables.c: table and column changes, and what
 * renames and drops carry along; model_apply_objects.c: indexes,
 * triggers, enum types, views.
 */
#ifndef MIG_MODEL_APPLY_INT_H
#define MIG_MODEL_APPLY_INT_H

#include "dialects/common/model_apply.h"

#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <string.h>

typedef struct mig_ma {
	const mig_model_rules *r;
	mig_model *m;
	const char *unfollowed;
	int rc;
} mig_ma;

static inline bool ok(const mig_ma *a)
{
	return a->rc == 0;
}

static inline void oom(mig_ma *a)
{
	if (!a->rc)
		a->rc = mig_error_oom();
}

static inline void adopt(mig_ma *a, int rc)
{
	if (rc && !a->rc)
		a->rc = rc;
}

static inline char *dup(mig_ma *a, const char *s)
{
	if (!s)
		return NULL;
	char *d = mig_strdup(s);
	if (!d)
		oom(a);
	return d;
}

static inline char *detach(mig_ma *a, mig_str *s)
{
	char *d = mig_str_detach(s);
	if (!d)
		oom(a);
	return d;
}

static inline void skip(mig_ma *a, const char *why)
{
	if (!a->unfollowed)
		a->unfollowed = why;
}

/* Whether a name belongs to the schema the model holds. */
static inline bool ours(const mig_ma *a, const mig_qname *n)
{
	return !n->raw && n->name && (!n->schema || (a->r->schema && strcmp(n->schema, a->r->schema) == 0));
}

static inline mig_mtable *table_of(const mig_ma *a, const mig_qname *n)
{
	return ours(a, n) ? mig_model_table(a->m, n->name) : NULL;
}

static inline bool eq(const char *x, const char *y)
{
	return x && y && mig_model_ieq(x, y);
}

static inline bool has(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (eq(v->v[i], s))
			return true;
	return false;
}

void mig__ma_add_col_part(mig_ma *a, mig_mcolumn *c, enum mig_part_kind kind, char *body);
mig_part *mig__ma_add_table_part(mig_ma *a, mig_mtable *t, enum mig_part_kind kind, char *name, char *body);
char *mig__ma_choose(mig_ma *a, const mig_mtable *t, const mig_strv *cols, const char *label);
void mig__ma_joined(mig_str *s, const mig_strv *v, const char *sep);
void mig__ma_set_not_null(mig_ma *a, mig_mcolumn *c);
void mig__ma_set_part(mig_ma *a, mig_mcolumn *c, enum mig_part_kind kind, const char *lead, const char *text,
		      const char *tail);
void mig__ma_set_default(mig_ma *a, mig_mcolumn *c, const mig_value *v);
void mig__ma_set_identity(mig_ma *a, mig_mcolumn *c, const mig_identity_def *id);
void mig__ma_set_comment(mig_ma *a, mig_mcolumn *c, const mig_value *v);
void mig__ma_strv_add(mig_ma *a, mig_strv *v, const char *s);
void mig__ma_add_column(mig_ma *a, mig_mtable *t, const mig_column_def *c);
void mig__ma_add_constraints(mig_ma *a, mig_mtable *t, const mig_constraints_def *cs);
void mig__ma_add_columns(mig_ma *a, const mig_add_columns_def *d);
void mig__ma_add_constraint(mig_ma *a, const mig_add_constraint_def *d);
void mig__ma_alter_column(mig_ma *a, const mig_alter_column_def *d);
void mig__ma_create_table(mig_ma *a, const mig_create_table_def *d);
void mig__ma_drop_columns(mig_ma *a, const mig_drop_columns_def *d);
void mig__ma_drop_constraint(mig_ma *a, const mig_drop_def *d);
void mig__ma_drop_tables(mig_ma *a, const mig_drop_def *d);
void mig__ma_rename_column(mig_ma *a, const mig_rename_def *d);
void mig__ma_rename_constraint(mig_ma *a, const mig_rename_def *d);
void mig__ma_rename_table(mig_ma *a, const mig_rename_def *d);
void mig__ma_add_type_value(mig_ma *a, const mig_add_type_value_def *d);
void mig__ma_create_index(mig_ma *a, const mig_create_index_def *d);
void mig__ma_create_trigger(mig_ma *a, const mig_trigger_def *d);
void mig__ma_create_type(mig_ma *a, const mig_create_type_def *d);
void mig__ma_create_view(mig_ma *a, const mig_create_view_def *d);
void mig__ma_drop_index(mig_ma *a, const mig_drop_index_def *d);
void mig__ma_drop_triggers(mig_ma *a, const mig_drop_def *d);
void mig__ma_drop_types(mig_ma *a, const mig_drop_def *d);
void mig__ma_drop_views(mig_ma *a, const mig_drop_def *d);
void mig__ma_rename_object(mig_ma *a, const char *type, const mig_rename_def *d);
void mig__ma_rename_type(mig_ma *a, const mig_rename_def *d);
void mig__ma_rename_type_value(mig_ma *a, const mig_rename_type_value_def *d);
void mig__ma_rename_view(mig_ma *a, const mig_rename_def *d);

#endif
