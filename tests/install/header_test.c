/*
 * Compiled as C11 and as C++ by test_header.sh, against the public headers
 * alone: every declaration links (extern "C"), the _INIT macros are
 * complete, and a few calls behave. argv[1]: an empty folder.
 */
#include <migrations.h>

#include <stdio.h>
#include <string.h>

static int failed(const char *what)
{
	fprintf(stderr, "header_test: %s (last error: %s)\n", what, mig_error_get_message(mig_error_last()));
	return 1;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return failed("usage: header_test EMPTY_DIR");
	if (strcmp(mig_version(), MIG_VERSION) != 0 || mig_version_number() != MIG_VERSION_NUMBER)
		return failed("the library's version is not the headers'");

	mig_session_options o = MIG_SESSION_OPTIONS_INIT;
	o.migrations_dir = argv[1];
	mig_session *s = NULL;
	if (mig_session_open(&s, "nosuch://host/db", &o) != MIG_EINPUT || s != NULL)
		return failed("a bad URL did not fail with MIG_EINPUT");
	const mig_error *e = mig_error_last();
	if (mig_error_get_code(e) != MIG_EINPUT || !strstr(mig_error_get_message(e), "nosuch"))
		return failed("the error does not say what was wrong");
	mig_error_clear();

	if (mig_session_open(&s, "sqlite::memory:", &o) != MIG_OK)
		return failed("open sqlite::memory:");
	mig_run_options r = MIG_RUN_OPTIONS_INIT;
	r.dry_run = true;
	mig_status_list *l = NULL;
	if (mig_session_migrate(s, &r) != MIG_OK || mig_session_status(&l, s) != MIG_OK || mig_status_count(l) != 0)
		return failed("migrate / status of an empty folder");
	mig_free(l);
	mig_free(s);
	printf("ok %s\n", mig_version());
	return 0;
}
