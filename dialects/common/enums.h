/*
 * Enum types on engines that have none (SQLite, MySQL/MariaDB): their
 * values are rows of a bookkeeping table (type_name, position, value)
 * named after the state table. The rows' statements in portable SQL, and
 * the label rules of addTypeValue / renameTypeValue as PostgreSQL
 * applies them, once for both dialects; what a dialect does to the
 * columns of the type is its own.
 */
#ifndef MIG_DIALECT_ENUMS_H
#define MIG_DIALECT_ENUMS_H

#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct mig_enum_sql {
	const char *table;     /* quoted (and qualified) bookkeeping table */
	void (*literal)(mig_str *out, const char *text);
	const char *text_type; /* "TEXT", "VARCHAR(255)" */
	const char *int_type;  /* "INTEGER", "INT" */
	const char *tail;      /* after the column list: "" or table options */
} mig_enum_sql;

/* Each appends one statement, without a terminating ';'. */
void mig_enum_create(const mig_enum_sql *e, mig_str *out);
void mig_enum_delete(const mig_enum_sql *e, const char *type, mig_str *out);
/* The rows of values (nothing when there are none). */
void mig_enum_insert(const mig_enum_sql *e, const char *type, const mig_strv *values, mig_str *out);
void mig_enum_rename_type(const mig_enum_sql *e, const char *from, const char *to, mig_str *out);
void mig_enum_rename_value(const mig_enum_sql *e, const char *type, const char *from, const char *to, mig_str *out);

/* Index of s in v, or (size_t)-1. */
size_t mig_enum_index(const mig_strv *v, const char *s);

enum mig_enum_check {
	MIG_ENUM_OK,
	MIG_ENUM_EXISTS,  /* the label to add (or rename to) is there already */
	MIG_ENUM_MISSING  /* the anchor (or the label to rename) is not there */
};

/* Where addTypeValue puts value in values (before/after: the anchor label,
 * at most one; neither: at the end): *at, or why not. */
enum mig_enum_check mig_enum_place(const mig_strv *values, const char *value, const char *before, const char *after,
				   size_t *at);
/* Whether renameTypeValue may rename from to to: *at is from's index. */
enum mig_enum_check mig_enum_renamable(const mig_strv *values, const char *from, const char *to, size_t *at);
/* Insert a copy of value at index at. 0 or MIG_ENOMEM (error set). */
int mig_enum_insert_at(mig_strv *values, const char *value, size_t at);

#endif
