/*
 * Typed operations applied to the shared model (model_apply.h).
 *
 * Constraints go where a structural reader puts them: PRIMARY KEY,
 * UNIQUE, CHECK and FOREIGN KEY as named table parts with their columns,
 * whether the operation wrote them on a column or on the table; NOT NULL,
 * DEFAULT, COLLATE, identity and generation on the column. Renames and
 * drops carry what the engine carries along: foreign keys of other tables
 * follow a renamed table or column, and the constraints and indexes of a
 * dropped column go with it.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/common/model_apply_int.h"

/* ---- parts ------------------------------------------------------------ */

void mig__ma_add_col_part(mig_ma *a, mig_mcolumn *c, enum mig_part_kind kind, char *body)
{
	if (!ok(a) || !body) {
		mig__free(body);
		if (ok(a))
			oom(a);
		return;
	}
	if (kind == MIG_PART_NOT_NULL && mig_parts_find(&c->parts, kind)) {
		mig__free(body);
		return;
	}
	adopt(a, mig_parts_push(&c->parts, kind, NULL, body));
}

/* The column's one part of `kind` becomes lead + text + tail (text NULL:
 * it has none). */
void mig__ma_set_part(mig_ma *a, mig_mcolumn *c, enum mig_part_kind kind, const char *lead, const char *text,
		      const char *tail)
{
	mig_parts_drop_kind(&c->parts, kind);
	if (!text)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "%s%s%s", lead, text, tail);
	mig__ma_add_col_part(a, c, kind, detach(a, &s));
}

/* The default as the engine reads it back (DEFAULT NULL: none). */
void mig__ma_set_default(mig_ma *a, mig_mcolumn *c, const mig_value *v)
{
	mig_str t = MIG_STR_INIT;
	a->r->default_sql(v, &t);
	if (mig_str_failed(&t))
		oom(a);
	else
		mig__ma_set_part(a, c, MIG_PART_DEFAULT, "DEFAULT ", mig_str_len(&t) ? mig_str_cstr(&t) : NULL, "");
	mig_str_free(&t);
}

void mig__ma_set_identity(mig_ma *a, mig_mcolumn *c, const mig_identity_def *id)
{
	mig__ma_set_part(a, c, MIG_PART_IDENTITY, "GENERATED ", id->precedence ? id->precedence : "ALWAYS", " AS IDENTITY");
	mig__ma_set_not_null(a, c);
}

/* comment given: String(value), or none for null. */
void mig__ma_set_comment(mig_ma *a, mig_mcolumn *c, const mig_value *v)
{
	mig__free(c->comment);
	c->comment = NULL;
	if (v && v->type != MIG_V_NULL) {
		mig_str s = MIG_STR_INIT;
		mig_js_string(&s, v);
		c->comment = detach(a, &s);
	}
}

void mig__ma_set_not_null(mig_ma *a, mig_mcolumn *c)
{
	mig_parts_drop_kind(&c->parts, MIG_PART_NULL);
	mig__ma_add_col_part(a, c, MIG_PART_NOT_NULL, dup(a, "NOT NULL"));
}

/* A table part (name and body taken); returns it for its structure. */
mig_part *mig__ma_add_table_part(mig_ma *a, mig_mtable *t, enum mig_part_kind kind, char *name, char *body)
{
	if (!ok(a) || !name || !body) {
		mig__free(name);
		mig__free(body);
		if (ok(a))
			oom(a);
		return NULL;
	}
	if (mig_parts_push(&t->parts, kind, name, body)) {
		oom(a);
		return NULL;
	}
	return &t->parts.v[t->parts.n - 1];
}

void mig__ma_joined(mig_str *s, const mig_strv *v, const char *sep)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			mig_str_puts(s, sep);
		mig_str_puts(s, v->v[i]);
	}
}

char *mig__ma_choose(mig_ma *a, const mig_mtable *t, const mig_strv *cols, const char *label)
{
	mig_str s = MIG_STR_INIT;
	if (cols)
		mig__ma_joined(&s, cols, "_");
	char *name = a->r->choose_name(a->m, t->name, cols && cols->n ? mig_str_cstr(&s) : NULL, label);
	mig_str_free(&s);
	if (!name)
		oom(a);
	return name;
}

void mig__ma_strv_add(mig_ma *a, mig_strv *v, const char *s)
{
	if (ok(a) && mig_strv_pushdup(v, s))
		oom(a);
}

int mig_model_apply(const mig_model_rules *r, const mig_opdef *def, mig_model *m, const char **unfollowed)
{
	mig_ma a = {.r = r, .m = m};
	switch (def->kind) {
	case MIG_OP_CREATE_TABLE: mig__ma_create_table(&a, &def->u.create_table); break;
	case MIG_OP_DROP_TABLE: mig__ma_drop_tables(&a, &def->u.drop); break;
	case MIG_OP_RENAME_TABLE: mig__ma_rename_table(&a, &def->u.rename); break;
	case MIG_OP_ADD_COLUMNS: mig__ma_add_columns(&a, &def->u.add_columns); break;
	case MIG_OP_DROP_COLUMNS: mig__ma_drop_columns(&a, &def->u.drop_columns); break;
	case MIG_OP_RENAME_COLUMN: mig__ma_rename_column(&a, &def->u.rename); break;
	case MIG_OP_ALTER_COLUMN: mig__ma_alter_column(&a, &def->u.alter_column); break;
	case MIG_OP_ADD_CONSTRAINT: mig__ma_add_constraint(&a, &def->u.add_constraint); break;
	case MIG_OP_DROP_CONSTRAINT: mig__ma_drop_constraint(&a, &def->u.drop); break;
	case MIG_OP_RENAME_CONSTRAINT: mig__ma_rename_constraint(&a, &def->u.rename); break;
	case MIG_OP_CREATE_INDEX: mig__ma_create_index(&a, &def->u.create_index); break;
	case MIG_OP_DROP_INDEX: mig__ma_drop_index(&a, &def->u.drop_index); break;
	case MIG_OP_RENAME_INDEX: mig__ma_rename_object(&a, "index", &def->u.rename); break;
	case MIG_OP_CREATE_TRIGGER: mig__ma_create_trigger(&a, &def->u.create_trigger); break;
	case MIG_OP_DROP_TRIGGER: mig__ma_drop_triggers(&a, &def->u.drop); break;
	case MIG_OP_DROP_TRIGGER_AND_FUNCTION: mig__ma_drop_triggers(&a, &def->u.drop_trigger_function.trigger); break;
	case MIG_OP_RENAME_TRIGGER: mig__ma_rename_object(&a, "trigger", &def->u.rename); break;
	case MIG_OP_CREATE_TYPE: mig__ma_create_type(&a, &def->u.create_type); break;
	case MIG_OP_DROP_TYPE: mig__ma_drop_types(&a, &def->u.drop); break;
	case MIG_OP_RENAME_TYPE: mig__ma_rename_type(&a, &def->u.rename); break;
	case MIG_OP_ADD_TYPE_VALUE: mig__ma_add_type_value(&a, &def->u.add_type_value); break;
	case MIG_OP_RENAME_TYPE_VALUE: mig__ma_rename_type_value(&a, &def->u.rename_type_value); break;
	case MIG_OP_CREATE_VIEW: mig__ma_create_view(&a, &def->u.create_view); break;
	case MIG_OP_DROP_VIEW: mig__ma_drop_views(&a, &def->u.drop); break;
	case MIG_OP_RENAME_VIEW: mig__ma_rename_view(&a, &def->u.rename); break;
	default:
		/* functions, sequences, domains, extensions, roles, grants,
		 * materialized views...: nothing the table model holds */
		break;
	}
	if (unfollowed)
		*unfollowed = a.unfollowed;
	return a.rc;
}

int mig_model_sql_unfollowed(const mig_steps *steps, const char *const *data_words, const char **unfollowed)
{
	for (size_t i = 0; i < steps->n && !*unfollowed; i++)
		for (size_t k = 0; k < steps->v[i].n && !*unfollowed; k++) {
			char *one = mig_step_stmt(&steps->v[i], k);
			if (!one)
				return mig_error_oom();
			size_t n = 0, len = strlen(one);
			mig_sql_first_word(one, len, &n);
			if (n && !mig_sql_starts_with_any(one, len, data_words))
				*unfollowed = "schema changes written as SQL";
			mig__free(one);
		}
	return 0;
}

void mig_model_say_unfollowed(const mig_emit_ctx *ctx, const mig_op *op, const char *unfollowed)
{
	if (!unfollowed || !ctx->warn)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "%s: the offline model does not follow %s", op->name, unfollowed);
	if (!mig_str_failed(&s))
		ctx->warn(ctx->warn_ud, mig_str_cstr(&s));
	mig_str_free(&s);
}
