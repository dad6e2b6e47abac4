/* Private to dialects/postgres/: the splitter of user SQL (pg_split.c). */
#ifndef MIG_PG_SPLIT_H
#define MIG_PG_SPLIT_H

#include <stddef.h>

/* The statement bounds of sql[0..len) (n = 0 when it cannot tell); the
 * arrays are the caller's to mig__free. */
int mig__pg_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

#endif
