/* The command-line front end: parse argv, run, print; returns the exit
 * status (0 done, 1 run-time failure, 2 bad usage or input). */
#ifndef MIG_CLI_H
#define MIG_CLI_H

#include "util/error.h"
#include "util/str.h"

int mig_cli_main(int argc, char **argv);

/* ---- output pieces shared by cli.c and fleet.c ----------------------- */

/* "file:line:column: message" of an error (the parts that are known). */
void mig_cli_error_head(mig_str *out, const mig_error *e);
/* s as a JSON string literal: quotes, escapes, and \ufffd for each byte
 * that is not UTF-8, so the output is valid JSON whatever s holds. */
void mig_cli_json_string(mig_str *out, const char *s);

#endif
