/* `migrations completion bash|zsh|fish`: the scripts, written from the
 * tables of options.c (commands, the options each takes, fixed values),
 * so that a new option is completed without touching them. */
#include "cli/help.h"

#include "util/error.h"

#include <string.h>

/* Options that completion offers: all but the refused --use-glob. */
static bool offered(size_t i)
{
	return i != MIG_OPT_USE_GLOB;
}

/* The first line of an option's help. */
static void first_line(const char *help, char *buf, size_t size)
{
	size_t n = strcspn(help, "\n");
	if (n >= size)
		n = size - 1;
	memcpy(buf, help, n);
	buf[n] = '\0';
}

/* s inside single quotes for sh and zsh: ' becomes '\'' */
static void put_sq(FILE *to, const char *s)
{
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", to);
		else
			fputc(*s, to);
	}
}

/* s inside fish single quotes: \ and ' escaped */
static void put_fish(FILE *to, const char *s)
{
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			fputc('\\', to);
		fputc(*s, to);
	}
}

/* The words that name the commands of `cmds`, aliases too. */
static void put_command_words(FILE *to, unsigned cmds)
{
	bool first = true;
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		const mig_cli_command *c = &mig_cli_commands[i];
		if (!(cmds & c->bit))
			continue;
		fprintf(to, "%s%s", first ? "" : " ", c->name);
		if (c->alias)
			fprintf(to, " %s", c->alias);
		first = false;
	}
}

/* Every spelling of the options a command takes ("--dry-run -m ..."). */
static void put_option_words(FILE *to, unsigned cmd)
{
	bool first = true;
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (!offered(i) || !(o->cmds & cmd))
			continue;
		fprintf(to, "%s--%s", first ? "" : " ", o->lng);
		if (o->default_on)
			fprintf(to, " --no-%s", o->lng);
		if (o->shrt)
			fprintf(to, " -%c", o->shrt);
		first = false;
	}
}

static void bash(FILE *to)
{
	fputs("# bash completion for migrations (written by `migrations completion bash`)\n"
	      "_migrations() {\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i w\n"
	      "\t[ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\t# the command: the first word that is neither an option nor its value\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tw=${COMP_WORDS[i]}\n"
	      "\t\tcase $w in\n\t\t",
	      to);
	bool first = true;
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (o->kind == MIG_OPT_FLAG)
			continue;
		fprintf(to, "%s--%s", first ? "" : "|", o->lng);
		if (o->alt)
			fprintf(to, "|--%s", o->alt);
		if (o->shrt)
			fprintf(to, "|-%c", o->shrt);
		first = false;
	}
	fputs(") i=$((i + 1)) ;;\n"
	      "\t\t-*) ;;\n"
	      "\t\t*) cmd=$w; break ;;\n"
	      "\t\tesac\n"
	      "\tdone\n"
	      "\tcase $prev in\n",
	      to);
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (o->kind == MIG_OPT_FLAG)
			continue;
		fprintf(to, "\t--%s", o->lng);
		if (o->alt)
			fprintf(to, "|--%s", o->alt);
		if (o->shrt)
			fprintf(to, "|-%c", o->shrt);
		if (o->choices)
			fprintf(to, ") COMPREPLY=($(compgen -W '%s' -- \"$cur\")); return ;;\n", o->choices);
		else if (o->complete == MIG_COMPLETE_DIR)
			fputs(") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", to);
		else if (o->complete == MIG_COMPLETE_FILE)
			fputs(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", to);
		else
			fputs(") COMPREPLY=(); return ;;\n", to);
	}
	fputs("\tesac\n"
	      "\tlocal opts\n"
	      "\tcase $cmd in\n",
	      to);
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		const mig_cli_command *c = &mig_cli_commands[i];
		fprintf(to, "\t%s%s%s) opts='", c->name, c->alias ? "|" : "", c->alias ? c->alias : "");
		put_option_words(to, c->bit);
		fputs("' ;;\n", to);
	}
	fputs("\t*) opts='", to);
	put_option_words(to, ~0u);
	fputs("' ;;\n"
	      "\tesac\n"
	      "\tif [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	      "\telif [ -z \"$cmd\" ]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W '",
	      to);
	put_command_words(to, ~0u);
	fputs("' -- \"$cur\"))\n"
	      "\telse\n"
	      "\t\tcase $cmd in\n"
	      "\t\tsql) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	      "\t\thelp) COMPREPLY=($(compgen -W '",
	      to);
	put_command_words(to, ~0u);
	fputs("' -- \"$cur\")) ;;\n"
	      "\t\tcompletion) COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\")) ;;\n"
	      "\t\t*) COMPREPLY=() ;;\n"
	      "\t\tesac\n"
	      "\tfi\n"
	      "}\n"
	      "complete -F _migrations migrations\n",
	      to);
}

static void zsh(FILE *to)
{
	char line[128];
	fputs("#compdef migrations\n"
	      "# zsh completion for migrations (written by `migrations completion zsh`)\n"
	      "_migrations() {\n"
	      "\tlocal -a commands opts valued\n"
	      "\tcommands=(\n",
	      to);
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		const mig_cli_command *c = &mig_cli_commands[i];
		fprintf(to, "\t\t'%s:", c->name);
		put_sq(to, c->summary);
		fputs("'\n", to);
		if (c->alias)
			fprintf(to, "\t\t'%s:alias of %s'\n", c->alias, c->name);
	}
	fputs("\t)\n\tvalued=(", to);
	bool first = true;
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (o->kind == MIG_OPT_FLAG)
			continue;
		fprintf(to, "%s--%s", first ? "" : " ", o->lng);
		if (o->alt)
			fprintf(to, " --%s", o->alt);
		if (o->shrt)
			fprintf(to, " -%c", o->shrt);
		first = false;
	}
	fputs(")\n"
	      "\tlocal cmd= i=2 w prev=${words[CURRENT-1]}\n"
	      "\t# the command: the first word that is neither an option nor its value\n"
	      "\twhile (( i < CURRENT )); do\n"
	      "\t\tw=${words[i]}\n"
	      "\t\tif (( ${valued[(Ie)$w]} )); then (( i += 2 )); continue; fi\n"
	      "\t\tif [[ $w == -* ]]; then (( i += 1 )); continue; fi\n"
	      "\t\tcmd=$w; break\n"
	      "\tdone\n"
	      "\tcase $prev in\n",
	      to);
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (o->kind == MIG_OPT_FLAG)
			continue;
		fprintf(to, "\t--%s", o->lng);
		if (o->alt)
			fprintf(to, "|--%s", o->alt);
		if (o->shrt)
			fprintf(to, "|-%c", o->shrt);
		if (o->choices)
			fprintf(to, ") compadd -- %s; return ;;\n", o->choices);
		else if (o->complete == MIG_COMPLETE_DIR)
			fputs(") _files -/; return ;;\n", to);
		else if (o->complete == MIG_COMPLETE_FILE)
			fputs(") _files; return ;;\n", to);
		else
			fprintf(to, ") _message '%s'; return ;;\n", o->arg);
	}
	fputs("\tesac\n"
	      "\tcase $cmd in\n",
	      to);
	for (size_t c = 0; c <= mig_cli_ncommands; c++) {
		const mig_cli_command *cm = c < mig_cli_ncommands ? &mig_cli_commands[c] : NULL;
		if (cm)
			fprintf(to, "\t%s%s%s) opts=(\n", cm->name, cm->alias ? "|" : "", cm->alias ? cm->alias : "");
		else
			fputs("\t*) opts=(\n", to);
		unsigned bit = cm ? cm->bit : ~0u;
		for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
			const mig_cli_opt *o = &mig_cli_opts[i];
			if (!offered(i) || !(o->cmds & bit))
				continue;
			first_line(o->help, line, sizeof(line));
			fprintf(to, "\t\t'--%s:", o->lng);
			put_sq(to, line);
			fputs("'\n", to);
			if (o->default_on)
				fprintf(to, "\t\t'--no-%s:turn --%s off'\n", o->lng, o->lng);
			if (o->shrt) {
				fprintf(to, "\t\t'-%c:", o->shrt);
				put_sq(to, line);
				fputs("'\n", to);
			}
		}
		fputs("\t\t) ;;\n", to);
	}
	fputs("\tesac\n"
	      "\tif [[ ${words[CURRENT]} == -* ]]; then\n"
	      "\t\t_describe -o 'option' opts\n"
	      "\telif [[ -z $cmd ]]; then\n"
	      "\t\t_describe 'command' commands\n"
	      "\telse\n"
	      "\t\tcase $cmd in\n"
	      "\t\tsql) _files ;;\n"
	      "\t\thelp) _describe 'command' commands ;;\n"
	      "\t\tcompletion) compadd -- bash zsh fish ;;\n"
	      "\t\tesac\n"
	      "\tfi\n"
	      "}\n"
	      "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
	      "\t_migrations \"$@\"\n"
	      "else\n"
	      "\tcompdef _migrations migrations\n"
	      "fi\n",
	      to);
}

static void fish(FILE *to)
{
	char line[128];
	fputs("# fish completion for migrations (written by `migrations completion fish`)\n"
	      "complete -c migrations -f\n",
	      to);
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		const mig_cli_command *c = &mig_cli_commands[i];
		fprintf(to, "complete -c migrations -n __fish_use_subcommand -a %s -d '", c->name);
		put_fish(to, c->summary);
		fputs("'\n", to);
		if (c->alias)
			fprintf(to, "complete -c migrations -n __fish_use_subcommand -a %s -d 'alias of %s'\n", c->alias,
				c->name);
	}
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (!offered(i))
			continue;
		/* before the command every option; after it, the command's */
		fputs("complete -c migrations -n '__fish_use_subcommand; or __fish_seen_subcommand_from ", to);
		put_command_words(to, o->cmds);
		fprintf(to, "' -l %s", o->lng);
		if (o->shrt)
			fprintf(to, " -s %c", o->shrt);
		if (o->kind != MIG_OPT_FLAG) {
			if (o->choices)
				fprintf(to, " -x -a '%s'", o->choices);
			else if (o->complete == MIG_COMPLETE_DIR)
				fputs(" -x -a '(__fish_complete_directories (commandline -ct))'", to);
			else if (o->complete == MIG_COMPLETE_FILE)
				fputs(" -r -F", to);
			else
				fputs(" -x", to);
		}
		first_line(o->help, line, sizeof(line));
		fputs(" -d '", to);
		put_fish(to, line);
		fputs("'\n", to);
		if (o->alt) {
			fputs("complete -c migrations -l ", to);
			fprintf(to, "%s -r -F -d 'same as --%s'\n", o->alt, o->lng);
		}
		if (o->default_on) {
			fputs("complete -c migrations -n '__fish_use_subcommand; or __fish_seen_subcommand_from ", to);
			put_command_words(to, o->cmds);
			fprintf(to, "' -l no-%s -d 'turn --%s off'\n", o->lng, o->lng);
		}
	}
	fputs("complete -c migrations -n '__fish_seen_subcommand_from sql' -F\n"
	      "complete -c migrations -n '__fish_seen_subcommand_from help' -a '",
	      to);
	put_command_words(to, ~0u);
	fputs("'\n"
	      "complete -c migrations -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n",
	      to);
}

int mig_cli_print_completion(FILE *to, const char *shell)
{
	if (!shell)
		return mig_error_set(MIG_EUSAGE, "completion needs a shell: bash, zsh or fish (usage: migrations completion bash|zsh|fish)");
	if (strcmp(shell, "bash") == 0)
		bash(to);
	else if (strcmp(shell, "zsh") == 0)
		zsh(to);
	else if (strcmp(shell, "fish") == 0)
		fish(to);
	else {
		static const char *const shells[] = {"bash", "zsh", "fish"};
		const char *near = mig_cli_closest(shell, shells, 3);
		if (near)
			return mig_error_set(MIG_EUSAGE, "no completion for the shell '%s': did you mean '%s'? (bash, zsh or fish)",
					     shell, near);
		return mig_error_set(MIG_EUSAGE, "no completion for the shell '%s' (bash, zsh or fish)", shell);
	}
	return 0;
}
