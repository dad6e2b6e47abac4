/*
 * The command line's vocabulary, in one place: every command and every
 * option once (its spellings, whether it takes a value, which commands it
 * applies to, its help line). The parser, the help texts, the config file
 * reader and the shell completion scripts are all made from these tables,
 * so that none of them can forget an option.
 */
#ifndef MIG_CLI_OPTIONS_H
#define MIG_CLI_OPTIONS_H

#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>

/* Commands, as bits of the set an option applies to. */
enum {
	MIG_CMD_CREATE = 1u << 0,
	MIG_CMD_AUTH = 1u << 1,
	MIG_CMD_MIGRATE = 1u << 2,
	MIG_CMD_ROLLBACK = 1u << 3,
	MIG_CMD_REDO = 1u << 4,
	MIG_CMD_STATUS = 1u << 5,
	MIG_CMD_REPAIR = 1u << 6,
	MIG_CMD_SQL = 1u << 7,
	MIG_CMD_HELP = 1u << 8,
	MIG_CMD_COMPLETION = 1u << 9,
};

typedef struct mig_cli_command {
	const char *name;
	const char *alias; /* or NULL */
	unsigned bit;
	const char *args;    /* its arguments, for the usage line ("[N|name]") */
	const char *summary; /* one line in the list of commands */
	const char *about;   /* its own help: what it does, in full */
} mig_cli_command;

extern const mig_cli_command mig_cli_commands[];
extern const size_t mig_cli_ncommands;
/* By name or alias; NULL when there is none. */
const mig_cli_command *mig_cli_command_find(const char *name);

enum mig_cli_opt_id {
	MIG_OPT_DATABASE_URL,
	MIG_OPT_DATABASE_URL_VAR,
	MIG_OPT_ENV_FILE,
	MIG_OPT_CONNECT_TIMEOUT,
	MIG_OPT_CONFIG_FILE,
	MIG_OPT_CONFIG_VALUE,
	MIG_OPT_MIGRATIONS_DIR,
	MIG_OPT_MIGRATIONS_TABLE,
	MIG_OPT_SCHEMA,
	MIG_OPT_CREATE_SCHEMA,
	MIG_OPT_MIGRATIONS_SCHEMA,
	MIG_OPT_CREATE_MIGRATIONS_SCHEMA,
	MIG_OPT_IGNORE_PATTERN,
	MIG_OPT_USE_GLOB,
	MIG_OPT_LANGUAGE,
	MIG_OPT_FILENAME_FORMAT,
	MIG_OPT_TEMPLATE_FILE_NAME,
	MIG_OPT_DECAMELIZE,
	MIG_OPT_DRY_RUN,
	MIG_OPT_FAKE,
	MIG_OPT_TIMESTAMP,
	MIG_OPT_SINGLE_TRANSACTION,
	MIG_OPT_CHECK_ORDER,
	MIG_OPT_LOCK,
	MIG_OPT_LOCK_WAIT,
	MIG_OPT_ADVISORY_LOCK_MODE,
	MIG_OPT_LOCK_VALUE,
	MIG_OPT_LOCK_STRATEGY,
	MIG_OPT_LOCK_LEASE,
	MIG_OPT_JS_ENGINE,
	MIG_OPT_NODE,
	MIG_OPT_NODE_TIMEOUT,
	MIG_OPT_LOCK_TIMEOUT,
	MIG_OPT_STATEMENT_TIMEOUT,
	MIG_OPT_FORCE,
	MIG_OPT_APPLIED,
	MIG_OPT_PENDING,
	MIG_OPT_DIALECT,
	MIG_OPT_DOWN,
	MIG_OPT_TARGETS,
	MIG_OPT_PARALLEL,
	MIG_OPT_FAIL_FAST,
	MIG_OPT_JSON,
	MIG_OPT_VERBOSE,
	MIG_OPT_QUIET,
	MIG_OPT_HELP,
	MIG_OPT_VERSION,
	MIG_OPT__COUNT
};

enum mig_cli_kind {
	MIG_OPT_FLAG,  /* on/off: --x, --no-x, --x=true, --x=false */
	MIG_OPT_VALUE, /* --x V, --x=V, -c V, -cV */
	MIG_OPT_LIST   /* a value that may be given several times */
};

/* What a shell completes a value with. */
enum mig_cli_complete { MIG_COMPLETE_NONE, MIG_COMPLETE_FILE, MIG_COMPLETE_DIR };

typedef struct mig_cli_opt {
	const char *lng;
	const char *alt; /* another long spelling (node-pg-migrate's), or NULL */
	char shrt;       /* or 0 */
	enum mig_cli_kind kind;
	unsigned cmds; /* the commands it applies to */
	int group;     /* index into mig_cli_groups */
	const char *arg;     /* the value's name in help ("DIR"), NULL for a flag */
	const char *choices; /* its fixed values, space-separated, or NULL */
	enum mig_cli_complete complete;
	bool default_on; /* a flag that is on unless turned off */
	bool config;     /* may be set in the --config-file */
	const char *help; /* '\n' starts a continuation line */
} mig_cli_opt;

extern const mig_cli_opt mig_cli_opts[MIG_OPT__COUNT];
extern const char *const mig_cli_groups[];
extern const size_t mig_cli_ngroups;

/* Where an option's value came from: the command line wins over the
 * config file, the config file over the environment. */
enum mig_cli_source { MIG_SRC_NONE, MIG_SRC_CONFIG, MIG_SRC_CLI };

typedef struct mig_cli_slot {
	enum mig_cli_source src;
	const char *value; /* VALUE: borrowed from argv or the config tree */
	bool on;           /* FLAG */
	mig_strv list;     /* LIST: the values, owned */
	char spelled[72];  /* as written on the command line ("--no-lock", "-v") */
	/* MIG_SRC_CONFIG: where the value is */
	const char *file;
	int line, column;
} mig_cli_slot;

typedef struct mig_cli_parsed {
	mig_cli_slot slot[MIG_OPT__COUNT];
	const char *command; /* the first word that is not an option, or NULL */
	mig_strv args;       /* the words after it */
} mig_cli_parsed;

/* Read argv into p (zeroed first). MIG_EUSAGE for an unknown option (with
 * the closest known one), a missing value, a flag value that is not true
 * or false. Free with mig_cli_parsed_free() either way. */
int mig_cli_parse(mig_cli_parsed *p, int argc, char **argv);
void mig_cli_parsed_free(mig_cli_parsed *p);

/* MIG_EUSAGE naming the first option given on the command line that does
 * not apply to cmd. */
int mig_cli_check_applies(const mig_cli_parsed *p, const mig_cli_command *cmd);

/* The commands an option applies to, as "migrate, rollback and redo". */
void mig_cli_cmds_text(mig_str *out, unsigned cmds);

/* Optimal string alignment distance (edits, a swap of two neighbours
 * counting one), and the candidate closest to word when it is close
 * enough to be a typo of it, else NULL. */
size_t mig_cli_distance(const char *a, const char *b);
const char *mig_cli_closest(const char *word, const char *const *cands, size_t n);
/* The closest command name and long option ("dry-run", "no-lock"). */
const char *mig_cli_closest_command(const char *word);
const char *mig_cli_closest_option(const char *word);

/* Whether key names opt in a config file: its long name, its other
 * spelling, or the camelCase form of either (migrationsDir). */
bool mig_cli_key_names(const char *key, const mig_cli_opt *opt);

#endif
