/*
 * What the `migrations` command prints while a run goes on: the library's
 * events as text lines (on a terminal with a [k/n] counter and a live
 * line for the migration running), or with --json as one JSON object a
 * line on stdout and nothing else there; and `status` (in colour on a
 * terminal).
 */
#ifndef MIG_CLI_OUTPUT_H
#define MIG_CLI_OUTPUT_H

#include "migrations.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct mig_cli_out {
	bool json;      /* --json: events as JSON lines on stdout */
	bool quiet;     /* -q */
	bool verbose;   /* -v: every statement */
	bool dry_run;
	bool fake;
	bool progress;  /* stdout is a terminal: [k/n] and a live line */
	bool color;     /* stdout is a terminal: status in colour */
	size_t total;   /* of the plan */
	size_t k;       /* migrations started */
	bool partial;   /* a live line without its newline is on the terminal */
	size_t open_up, open_down; /* run in the transaction still open */
} mig_cli_out;

/* Decide colour and progress: only when stdout is a terminal, NO_COLOR
 * is not set (whatever its value) and --no-color was not given. */
void mig_cli_out_init(mig_cli_out *out, bool json, bool no_color, bool quiet, const mig_options *o);

/* A mig_event_fn; ud is the mig_cli_out. */
void mig_cli_out_event(void *ud, const mig_event *ev);

/* End a live progress line, so that text on stderr starts on a line of
 * its own. */
void mig_cli_out_break(mig_cli_out *out);

/* With --json: the current error as the last object ({"event":
 * "error", ...}); nothing otherwise. */
void mig_cli_out_error(mig_cli_out *out);

/* An event of the command itself ("database", "repaired", ...): with
 * --json {"event": event, key: value, flag_key: flag}; else `text` on
 * stdout unless quiet. key/flag_key may be NULL. */
void mig_cli_out_say(mig_cli_out *out, const char *event, const char *key, const char *value, const char *flag_key,
		     bool flag, const char *text);

/* `status`: one line a migration (or the --json array), the summary on
 * stderr; *pending and *failed count them. */
void mig_cli_out_status(const mig_cli_out *out, const mig_status_entry *e, size_t n, size_t *pending, size_t *failed);

#endif
