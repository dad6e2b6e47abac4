/*
 * Private to dialects/mysql/: what its files provide each other.
 *
 * mysql_dialect.c  the vtable, state/lease/journal SQL, the session, user SQL
 * mysql_emit.c     the typed operations' emitters and what is refused
 *                  (with mysql_emit.h and the mysql_<kind>.c files)
 * mysql_model.c    the shared model's rules for MySQL and the applier
 *                  (offline `sql`, dry runs)
 * mysql_catalog.c  the reader of the live database into the model
 * mysql_split.c    the splitter of user SQL
 */
#ifndef MIG_MYSQL_INT_H
#define MIG_MYSQL_INT_H

#include "dialects/dialect.h"

/* One typed operation other than pgm.sql() (mig_dialect.emit's contract). */
int mig__my_emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps);
/* mig_dialect.refuses: why MySQL/MariaDB cannot express a kind at all. */
const char *mig__my_refuses(enum mig_op_kind kind);
/* mig_dialect.apply */
int mig__my_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m);
/* mig_dialect.introspect */
int mig__my_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found);

/*
 * What MySQL lacks among PostgreSQL's indexes, as mysql_indexes.c
 * emulates it and the applier and the reader model it (the docstring of
 * tests/tools/schema_dump.py reads them back the same way):
 * - on MariaDB, which has no expression key parts, an expression is an
 *   invisible virtual column MIG_MY_EXPR_PREFIX<index name> (cut to 64
 *   characters), indexed in the expression's place;
 * - a non-unique partial index is a full one whose comment starts with
 *   MIG_MY_PARTIAL_COMMENT.
 */
#define MIG_MY_EXPR_PREFIX "_mig_expr_"
#define MIG_MY_PARTIAL_COMMENT "migrations: partial index"
/* The hidden column of an index's expression (caller frees); NULL when
 * out of memory (the error set). */
char *mig__my_expr_column(const char *index);

#endif
