/* `wait` and `create-database` (database.h), as dbmate has them. */
#define _POSIX_C_SOURCE 200809L
#include "cli/database.h"

#include "engine/url.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

/* The driver's own connect timeout when the user gave none. */
#define ATTEMPT_S 10
/* Attempts start at most this often. */
#define INTERVAL_S 1.0

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
	if (s <= 0)
		return;
	struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

int mig_cli_wait(const mig_options *o, double timeout_s, mig_cli_out *out)
{
	char *shown = mig_url_shown(o->database_url ? o->database_url : "");
	if (!shown)
		return mig_error_oom();
	mig_options once = *o;
	double t0 = now_s(), deadline = t0 + timeout_s;
	int rc, attempts = 0;
	bool dots = false;
	for (;;) {
		double start = now_s();
		double left = deadline - start;
		/* no attempt outlasts the wait: the driver's timeout is whole seconds */
		int limit = o->connect_timeout > 0 ? o->connect_timeout : ATTEMPT_S;
		if (left < limit)
			limit = left < 1 ? 1 : (int)ceil(left);
		once.connect_timeout = limit;
		attempts++;
		rc = mig_ping(&once);
		if (rc == 0 || rc == MIG_ENODATABASE || rc == MIG_EINPUT || rc == MIG_EUSAGE || rc == MIG_ENOMEM ||
		    rc == MIG_ENOTSUPPORTED)
			break;
		if (!out->quiet) {
			if (!dots) {
				mig_cli_out_break(out);
				fprintf(stderr, "waiting for the database at %s ", shown);
				dots = true;
			}
			fputc('.', stderr); /* one a failed attempt */
			fflush(stderr);
		}
		double next = start + INTERVAL_S > now_s() ? start + INTERVAL_S : now_s();
		if (next >= deadline)
			break;
		sleep_s(next - now_s());
	}
	if (dots)
		fprintf(stderr, rc == 0 || rc == MIG_ENODATABASE ? " up\n" : "\n");
	if (rc == MIG_ENODATABASE) {
		/* the server is up: the database is another matter */
		char *m = mig_aprintf("the server at %s is up, but the database does not exist (create it with `migrations create-database` or --create-database)",
				      shown);
		mig_error_clear();
		if (m && out->json)
			mig_cli_out_say(out, "info", "message", m, NULL, false, NULL);
		else if (m && !out->quiet)
			fprintf(stderr, "%s\n", m);
		mig__free(m);
		rc = 0;
	} else if (rc == MIG_ECONNECT || rc == MIG_ECONNLOST || rc == MIG_ERROR) {
		mig_error_prefix("the database did not accept connections within %g s (%d attempt%s)", timeout_s, attempts,
				 attempts == 1 ? "" : "s");
	}
	if (rc == 0)
		mig_cli_out_say(out, "ready", "url", shown, NULL, false, NULL);
	mig__free(shown);
	return rc;
}

int mig_cli_create_database(const mig_options *o, mig_cli_out *out)
{
	bool created = false;
	int rc = mig_create_database(o, &created);
	if (rc)
		return rc;
	char *shown = mig_url_shown(o->database_url);
	char *text = shown ? mig_aprintf(created ? "Created the database -- %s" : "The database is already there -- %s", shown)
			   : NULL;
	if (!text)
		rc = mig_error_oom();
	else
		mig_cli_out_say(out, "database", "url", shown, "created", created, text);
	mig__free(text);
	mig__free(shown);
	return rc;
}
