/*
 * pgm.sql(text, args): the text and its substitution arguments, each
 * classified the way node-pg-migrate renders it. The substitution itself
 * (dialects/common/sqltext.c) needs the dialect's quoting.
 */
#ifndef MIG_DEFS_SQL_H
#define MIG_DEFS_SQL_H

#include "ir/defs/base.h"

enum mig_sql_arg_kind {
	MIG_SQL_ARG_UNDEFINED, /* replaced by "" */
	MIG_SQL_ARG_NAME,      /* a string or {schema, name}: a quoted identifier */
	MIG_SQL_ARG_VALUE      /* anything else: an escaped value */
};

typedef struct mig_sql_arg {
	const char *key;
	enum mig_sql_arg_kind kind;
	mig_qname name;         /* NAME */
	const mig_value *value; /* VALUE */
} mig_sql_arg;

typedef struct mig_sql_def {
	const char *text;
	size_t len;
	mig_sql_arg *args;
	size_t nargs;
} mig_sql_def;

#define MIG_DEFS_SQL_MEMBERS mig_sql_def sql;

#endif
