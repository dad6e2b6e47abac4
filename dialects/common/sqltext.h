/*
 * pgm.sql(text, args) as node-pg-migrate's createTransformer builds it,
 * for every dialect: the substitution is the same, only the rendering of
 * identifiers and values is the dialect's.
 */
#ifndef MIG_DIALECT_SQLTEXT_H
#define MIG_DIALECT_SQLTEXT_H

#include "ir/opdef.h"
#include "util/sql.h"
#include "util/str.h"

/* How a dialect renders the arguments of pgm.sql(text, args). Errors a
 * callback hits stay in its ud (the caller checks them). */
typedef struct mig_sql_render {
	/* A string or {schema, name} argument: the quoted identifier. */
	void (*name)(void *ud, mig_str *out, const mig_qname *n);
	/* Any other argument: the escaped value (escapeValue). */
	void (*value)(void *ud, mig_str *out, const mig_value *v);
	void *ud;
} mig_sql_render;

/*
 * pgm.sql(text, args) as node-pg-migrate's createTransformer builds it:
 * for each argument in turn, every "{key}" in the text is replaced by the
 * rendered argument (identifiers go through String#replace's $-patterns,
 * as there), undefined by ""; then ";" is appended unless the text ends
 * with one. Appends the statement to out (out->failed on allocation
 * failure).
 */
void mig_sql_substitute(mig_str *out, const mig_sql_def *def, const mig_sql_render *r);

/* A dialect's splitter (dialect.h, split). */
typedef int (*mig_sql_splitter)(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

/*
 * pgm.sql() as every dialect runs it: the substituted text, divided by
 * the dialect's splitter, appended as one user step. *render_rc is where
 * the render callbacks leave an error of theirs (NULL: they cannot
 * fail); it wins over everything else.
 */
int mig_sql_user_step(const mig_sql_def *def, const mig_sql_render *r, const int *render_rc, mig_sql_splitter split,
		      mig_steps *steps);

#endif
