/* MySQL/MariaDB test helpers (header-only): the server URL of the run.
 * Scratch databases are made as in pg_support.h (url_with_db). */
#ifndef MIG_TEST_MYSQL_SUPPORT_H
#define MIG_TEST_MYSQL_SUPPORT_H

#include "test_support.h"
#include "pg_support.h" /* url_with_db: the same URL form */

static inline bool test_mysql_ci(void)
{
	const char *ci = getenv("CI");
	return ci && (strcmp(ci, "true") == 0 || strcmp(ci, "1") == 0);
}

/* MIG_TEST_MYSQL_URL, or NULL when unset: the caller then exits 77, or
 * 1 under CI, where a missing server is a failure (this says which). */
static inline const char *test_mysql_server(void)
{
	const char *server = getenv("MIG_TEST_MYSQL_URL");
	if (server && *server)
		return server;
	if (test_mysql_ci())
		fprintf(stderr, "FAIL: MIG_TEST_MYSQL_URL is not set (CI is set: a missing server is a failure)\n");
	else
		fprintf(stderr, "SKIP: MIG_TEST_MYSQL_URL is not set (eval \"$(tests/ci/mysql-up.sh)\" starts a server)\n");
	return NULL;
}

#endif
