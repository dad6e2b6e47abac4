/* Help texts and shell completion scripts, made from options.h's tables. */
#ifndef MIG_CLI_HELP_H
#define MIG_CLI_HELP_H

#include "cli/options.h"

#include <stdio.h>

/* The whole help: commands, then every option by group. */
void mig_cli_print_help(FILE *to);
/* One command's: its usage line, what it does, the options it takes. */
void mig_cli_print_command_help(FILE *to, const mig_cli_command *c);
/* The completion script for shell ("bash", "zsh", "fish"); MIG_EUSAGE
 * for another. */
int mig_cli_print_completion(FILE *to, const char *shell);

#endif
