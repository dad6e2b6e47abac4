/*
 * Fleets: one command (migrate, rollback, redo, status) over every
 * database URL of a targets file (`--targets FILE`), at most `--parallel`
 * of them at a time, each in a forked child process so that one target
 * that fails, hangs up or crashes never takes the others down.
 *
 * The parent reads the file a line at a time, starts a child per target,
 * and prints one result line per target (JSON Lines with --json) on
 * stdout as each one ends; a summary goes to stderr. Nothing of a target
 * is kept once its line is printed, beyond the counters.
 */
#ifndef MIG_CLI_FLEET_H
#define MIG_CLI_FLEET_H

#include "migrations.h"
#include "util/str.h"

#include <stdbool.h>
#include <stdio.h>

/* ---- the targets file ------------------------------------------------ */

/* One URL a line; blank lines and lines whose first non-blank character
 * is '#' are skipped; surrounding white space (CR of CRLF too) is not
 * part of the URL. */
typedef struct mig_cli_targets {
	FILE *f;
	bool own;         /* f is ours to close (not stdin) */
	const char *path; /* as given: for messages */
	char *buf;
	size_t cap;
	long line; /* of the last line read */
} mig_cli_targets;

/* Open path ("-": standard input). MIG_EUSAGE when it cannot be read. */
int mig_cli_targets_open(mig_cli_targets *t, const char *path);
/* The next target: 1 with *url (trimmed, valid until the next call) and
 * *line (1-based); 0 at the end; MIG_EUSAGE "FILE:LINE: ..." when the
 * file cannot be read there, or the line holds a NUL byte. */
int mig_cli_targets_next(mig_cli_targets *t, const char **url, long *line);
void mig_cli_targets_close(mig_cli_targets *t);
/* Trim line in place: the URL it holds, or NULL for a blank line or a
 * comment. */
char *mig_cli_targets_trim(char *line);

/* ---- the run --------------------------------------------------------- */

typedef struct mig_cli_fleet {
	const char *targets; /* the file; "-" standard input */
	long parallel;       /* 0: min(8, number of targets) */
	bool fail_fast;      /* start no target after the first failure */
	bool json;           /* JSON Lines instead of text lines */
	bool quiet;          /* no summary when everything succeeded */
	const char *command; /* migrate|up, rollback|down, redo, status */
	mig_options opts;    /* as for a single run; database_url, on_event
			      * and ud are set per target */
	mig_target target;
} mig_cli_fleet;

/* Read --parallel's value: 1..MIG_CLI_FLEET_MAX_PARALLEL. */
#define MIG_CLI_FLEET_MAX_PARALLEL 1024
int mig_cli_fleet_parse_parallel(const char *v, long *out);

/* Run the fleet. A negative MIG_E* (with the error set, nothing run) for
 * a usage error of the fleet itself; otherwise the exit status, already
 * reported: 0 every target succeeded, 1 some failed or were skipped. */
int mig_cli_fleet_run(const mig_cli_fleet *f);

#endif
