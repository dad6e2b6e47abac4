/* TEMPORARY stub: replaced by the real splitter (branch mysql-split). */
#include "dialects/mysql/mysql_split.h"

int mig__mysql_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	(void)sql;
	(void)len;
	*start = *slen = NULL;
	*n = 0;
	return 0;
}
