/* PostgreSQL test helpers (header-only): the server URL of the run, and
 * scratch databases on it. */
#ifndef MIG_TEST_PG_SUPPORT_H
#define MIG_TEST_PG_SUPPORT_H

#include "test_support.h"

/* MIG_TEST_PG_URL, or NULL when unset (then the test skips; under CI a
 * missing server is a failure and this fails the test). */
static inline const char *test_pg_server(void)
{
	const char *server = getenv("MIG_TEST_PG_URL");
	if (server && *server)
		return server;
	const char *ci = getenv("CI");
	if (ci && (strcmp(ci, "true") == 0 || strcmp(ci, "1") == 0))
		fail_msg("MIG_TEST_PG_URL is not set (CI is set: a missing server is a failure)");
	return NULL;
}

/* URL with its database replaced by db (any query string kept). Caller
 * frees with mig__free. */
static inline char *url_with_db(const char *url, const char *db)
{
	const char *auth = strstr(url, "://");
	assert_non_null(auth);
	auth += 3;
	size_t alen = strcspn(auth, "/?");
	const char *q = strchr(auth, '?');
	return mig_aprintf("%.*s/%s%s", (int)(auth - url + (long)alen), url, db, q ? q : "");
}

#endif
