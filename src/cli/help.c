/* --help, `help <command>` and `<command> --help`, made from the tables
 * of options.c, so that every option is listed where it applies. */
#include "cli/help.h"

#include "cli/options.h"

#include <string.h>

#define OPT_COL 30
#define CMD_COL 23

/* text at column col, its continuation lines ('\n') indented to col */
static void put_indented(FILE *to, const char *text, int col)
{
	for (const char *p = text; *p; p++) {
		fputc(*p, to);
		if (*p == '\n' && p[1])
			fprintf(to, "%*s", col, "");
	}
	fputc('\n', to);
}

static void put_option(FILE *to, const mig_cli_opt *o)
{
	char left[160];
	int n = snprintf(left, sizeof(left), "  %s%c%s--%s", o->shrt ? "-" : " ", o->shrt ? o->shrt : ' ',
			 o->shrt ? ", " : "  ", o->lng);
	if (o->arg)
		n += snprintf(left + n, sizeof(left) - (size_t)n, " %s", o->arg);
	if (o->default_on)
		n += snprintf(left + n, sizeof(left) - (size_t)n, ", --no-%s", o->lng);
	if (o->alt)
		n += snprintf(left + n, sizeof(left) - (size_t)n, " (--%s)", o->alt);
	if (n + 1 >= OPT_COL)
		fprintf(to, "%s\n%*s", left, OPT_COL, "");
	else
		fprintf(to, "%-*s", OPT_COL, left);
	put_indented(to, o->help, OPT_COL);
}

/* The options that apply to the commands of `cmds`, by group. */
static void put_options(FILE *to, unsigned cmds)
{
	for (size_t g = 0; g < mig_cli_ngroups; g++) {
		bool any = false;
		for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
			const mig_cli_opt *o = &mig_cli_opts[i];
			if ((size_t)o->group != g || !(o->cmds & cmds))
				continue;
			if (!any)
				fprintf(to, "%s:\n", mig_cli_groups[g]);
			any = true;
			put_option(to, o);
		}
		if (any)
			fputc('\n', to);
	}
	fputs("Every on/off option also takes --no-<option>, --<option>=true and --<option>=false.\n", to);
}

void mig_cli_print_help(FILE *to)
{
	fputs("Usage: migrations [options] <command> [args]   (options may also follow the command)\n\nCommands:\n", to);
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		const mig_cli_command *c = &mig_cli_commands[i];
		char left[96];
		int n = snprintf(left, sizeof(left), "  %s%s%s", c->name, *c->args ? " " : "", c->args);
		if (n + 1 >= CMD_COL)
			fprintf(to, "%s\n%*s", left, CMD_COL, "");
		else
			fprintf(to, "%-*s", CMD_COL, left);
		fprintf(to, "%s", c->summary);
		if (c->alias)
			fprintf(to, " (alias: %s)", c->alias);
		fputc('\n', to);
	}
	fputs("\n", to);
	put_options(to, ~0u);
	fputs("Per command: migrations help <command>, or migrations <command> --help.\n"
	      "Exit status: 0 done; 1 a run-time failure; 2 bad usage or bad input.\n",
	      to);
}

void mig_cli_print_command_help(FILE *to, const mig_cli_command *c)
{
	fprintf(to, "Usage: migrations %s%s%s [options]", c->name, *c->args ? " " : "", c->args);
	if (c->alias)
		fprintf(to, "   (alias: %s)", c->alias);
	fputs("\n\n", to);
	put_indented(to, c->about, 0);
	fputs("\n", to);
	put_options(to, c->bit);
	fputs("Exit status: 0 done; 1 a run-time failure; 2 bad usage or bad input.\n", to);
}
