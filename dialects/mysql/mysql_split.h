/* Private to dialects/mysql/: the splitter of user SQL (mysql_split.c). */
#ifndef MIG_MYSQL_SPLIT_H
#define MIG_MYSQL_SPLIT_H

#include <stddef.h>

/* The statement bounds of sql[0..len), without their delimiters (n = 0:
 * no statement at all); the arrays are the caller's to mig__free. */
int mig__mysql_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

#endif
