/*
 * apply URL DIR: apply the migrations in DIR to the database at URL
 * through the public API of libmigrations, printing one line per
 * migration applied. Exit 0 when done (also when nothing was pending),
 * 1 with the error on stderr otherwise.
 *
 *   cc apply.c $(pkg-config --cflags --libs migrations) -o apply
 *   ./apply sqlite:app.db migrations
 */
#include <migrations.h>

#include <stdio.h>

static void on_event(const mig_session_event *ev, void *payload)
{
	(void)payload;
	if (ev->type == MIG_EVENT_MIGRATION_DONE)
		printf("applied %s (%.0f ms)\n", ev->migration, ev->ms);
	else if (ev->type == MIG_EVENT_NOTHING)
		printf("no migrations to run\n");
	else if (ev->type == MIG_EVENT_WARNING)
		fprintf(stderr, "warning: %s\n", ev->text);
}

/* The error of the call that just failed, with its file:line when it has one. */
static int fail(const char *what)
{
	const mig_error *e = mig_error_last();
	if (mig_error_get_file(e))
		fprintf(stderr, "apply: %s: %s:%d: %s\n", what, mig_error_get_file(e), mig_error_get_line(e),
			mig_error_get_message(e));
	else
		fprintf(stderr, "apply: %s: %s\n", what, mig_error_get_message(e));
	if (mig_error_get_note(e))
		fprintf(stderr, "apply: %s\n", mig_error_get_note(e));
	return 1;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: apply URL DIR   (libmigrations %s)\n", mig_version());
		return 2;
	}
	mig_session_options opts = MIG_SESSION_OPTIONS_INIT;
	opts.migrations_dir = argv[2];
	opts.on_event = on_event;

	mig_session *s = NULL;
	if (mig_session_open(&s, argv[1], &opts) < 0)
		return fail("cannot open the database");
	int rc = mig_session_migrate(s, NULL) < 0 ? fail("migrate failed") : 0;
	mig_free(s);
	return rc;
}
