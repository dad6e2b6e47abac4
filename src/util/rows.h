/*
 * A query result: rows of text cells, as every driver returns them and
 * every catalog reader reads them. A NULL cell is SQL NULL. Cells are
 * copies (drivers never hand out their client library's memory).
 */
#ifndef MIG_ROWS_H
#define MIG_ROWS_H

#include <stddef.h>

typedef struct mig_rows {
	size_t nrows, ncols;
	char **cells; /* row-major, nrows * ncols */
	size_t caprows;
	char **names; /* ncols column names, or NULL when the driver gave none */
} mig_rows;

/* NULL with the error set when out of memory. */
mig_rows *mig_rows_new(size_t ncols);
/* Append a row: copies ncols cells. 0 or MIG_ENOMEM. */
int mig_rows_add(mig_rows *r, const char *const *cells);
/* Set the column names (copies ncols of them). 0 or MIG_ENOMEM. */
int mig_rows_set_names(mig_rows *r, const char *const *names);
/* Borrowed; NULL when unknown or out of range. */
const char *mig_rows_name(const mig_rows *r, size_t col);
/* Borrowed; NULL for SQL NULL or out of range. */
const char *mig_rows_get(const mig_rows *r, size_t row, size_t col);
void mig_rows_free(mig_rows *r);

#endif
