/*
 * What the readers of a live database into the model (each dialect's
 * introspect) share: queries through the run's mig_query_io, with the
 * first error kept in *rc so that a reader goes on only while all is
 * well.
 */
#ifndef MIG_DIALECT_READER_H
#define MIG_DIALECT_READER_H

#include "dialects/dialect.h"

/* Run q (consumed) unless *rc is set; its rows (caller frees), or NULL
 * with *rc set. */
mig_rows *mig_reader_query(const mig_query_io *io, int *rc, mig_str *q);
/* A copy of s (NULL for NULL), or NULL with *rc set. */
char *mig_reader_dup(int *rc, const char *s);
/* s's text (consumed), or NULL with *rc set when it failed. */
char *mig_reader_detach(int *rc, mig_str *s);

#endif
