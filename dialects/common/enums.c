#include "dialects/common/enums.h"

#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

void mig_enum_create(const mig_enum_sql *e, mig_str *out)
{
	mig_str_printf(out,
		       "CREATE TABLE IF NOT EXISTS %s (type_name %s NOT NULL, position %s NOT NULL, value %s NOT NULL,"
		       " PRIMARY KEY (type_name, value))%s",
		       e->table, e->text_type, e->int_type, e->text_type, e->tail);
}

void mig_enum_delete(const mig_enum_sql *e, const char *type, mig_str *out)
{
	mig_str_printf(out, "DELETE FROM %s WHERE type_name = ", e->table);
	e->literal(out, type);
}

void mig_enum_insert(const mig_enum_sql *e, const char *type, const mig_strv *values, mig_str *out)
{
	if (!values->n)
		return;
	mig_str_printf(out, "INSERT INTO %s (type_name, position, value) VALUES ", e->table);
	for (size_t i = 0; i < values->n; i++) {
		mig_str_puts(out, i ? ", (" : "(");
		e->literal(out, type);
		mig_str_printf(out, ", %zu, ", i + 1);
		e->literal(out, values->v[i]);
		mig_str_putc(out, ')');
	}
}

void mig_enum_rename_type(const mig_enum_sql *e, const char *from, const char *to, mig_str *out)
{
	mig_str_printf(out, "UPDATE %s SET type_name = ", e->table);
	e->literal(out, to);
	mig_str_puts(out, " WHERE type_name = ");
	e->literal(out, from);
}

void mig_enum_rename_value(const mig_enum_sql *e, const char *type, const char *from, const char *to, mig_str *out)
{
	mig_str_printf(out, "UPDATE %s SET value = ", e->table);
	e->literal(out, to);
	mig_str_puts(out, " WHERE type_name = ");
	e->literal(out, type);
	mig_str_puts(out, " AND value = ");
	e->literal(out, from);
}

size_t mig_enum_index(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return i;
	return (size_t)-1;
}

enum mig_enum_check mig_enum_place(const mig_strv *values, const char *value, const char *before, const char *after,
				   size_t *at)
{
	if (mig_enum_index(values, value) != (size_t)-1)
		return MIG_ENUM_EXISTS;
	*at = values->n;
	const char *anchor = before ? before : after;
	if (anchor) {
		*at = mig_enum_index(values, anchor);
		if (*at == (size_t)-1)
			return MIG_ENUM_MISSING;
		if (!before)
			(*at)++;
	}
	return MIG_ENUM_OK;
}

enum mig_enum_check mig_enum_renamable(const mig_strv *values, const char *from, const char *to, size_t *at)
{
	*at = mig_enum_index(values, from);
	if (*at == (size_t)-1)
		return MIG_ENUM_MISSING;
	return mig_enum_index(values, to) != (size_t)-1 ? MIG_ENUM_EXISTS : MIG_ENUM_OK;
}

int mig_enum_insert_at(mig_strv *values, const char *value, size_t at)
{
	char *dv = mig_strdup(value);
	if (!dv || mig_strv_push(values, dv) != 0)
		return mig_error_oom();
	memmove(&values->v[at + 1], &values->v[at], (values->n - 1 - at) * sizeof(*values->v));
	values->v[at] = dv;
	return 0;
}
