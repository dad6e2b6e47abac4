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

#endif
