/* The tables of options.h and the argv parser made from them. */
#include "cli/options.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

#define RUN (MIG_CMD_MIGRATE | MIG_CMD_ROLLBACK | MIG_CMD_REDO)
#define DB (RUN | MIG_CMD_STATUS | MIG_CMD_REPAIR)
/* every command that reads the migrations folder or a database */
#define WORK (DB | MIG_CMD_CREATE | MIG_CMD_AUTH | MIG_CMD_SQL)
#define ALL (WORK | MIG_CMD_HELP | MIG_CMD_COMPLETION)

const mig_cli_command mig_cli_commands[] = {
	{"create", NULL, MIG_CMD_CREATE, "<name...>", "write a new empty migration <prefix>_<name>.<js|ts|sql>",
	 "Writes a new empty migration into the migrations folder (created if missing). The words\n"
	 "of the name are joined with '-'. The prefix is the time in milliseconds, or as\n"
	 "--migration-filename-format says; the template comes from -j, or from the file\n"
	 "--template-file-name names (whose extension the new file takes)."},
	{"auth", NULL, MIG_CMD_AUTH, "", "write the auth-system migration into the migrations folder",
	 "Writes the auth-system migration <prefix>_auth-system.js (-j ts: .ts) into the\n"
	 "migrations folder. When one is there with this version's text, it says so; with\n"
	 "another text it refuses unless --force."},
	{"migrate", "up", MIG_CMD_MIGRATE, "[N|name]", "apply pending migrations: all, the next N, or up to name",
	 "Applies pending migrations in file order: all of them, the next N (0: none), or every\n"
	 "pending one up to and including name. With --timestamp, N is a prefix value."},
	{"rollback", "down", MIG_CMD_ROLLBACK, "[N|name]", "undo the last one, the last N (0 = all), or down to name",
	 "Undoes applied migrations, newest first: the last one, the last N (0: all of them),\n"
	 "or every one applied after name, and name itself. With --timestamp, every one whose\n"
	 "prefix is >= N."},
	{"redo", NULL, MIG_CMD_REDO, "[N]", "roll back the last N (default 1) and apply exactly those again",
	 "Rolls back the last N migrations (default 1) and applies exactly those again, under\n"
	 "one lock and, by default, in one transaction."},
	{"status", NULL, MIG_CMD_STATUS, "", "applied migrations with the time they ran, then pending ones",
	 "One line per migration: applied ones in the order they ran with the time they ran,\n"
	 "then pending ones. --json prints them as an array of objects. Takes no lock and\n"
	 "changes nothing."},
	{"repair", NULL, MIG_CMD_REPAIR, "<name> --applied|--pending",
	 "clear a migration that failed half-way, once the database was fixed by hand",
	 "Clears a migration that failed half-way or was interrupted, once you have put the\n"
	 "database right by hand: --applied records it as applied, --pending as not applied\n"
	 "(migrate runs it again)."},
	{"sql", NULL, MIG_CMD_SQL, "<file|name>", "print the SQL a migration runs; needs no database",
	 "Prints the statements a migration runs, without any database: only its own SQL,\n"
	 "steps joined by newlines. The dialect is --dialect's, else the database URL's if one\n"
	 "is set, else postgres."},
	{"help", NULL, MIG_CMD_HELP, "[command]", "this help, or one command's (also: <command> --help)",
	 "Prints the help of a command, or with no command the whole help."},
	{"completion", NULL, MIG_CMD_COMPLETION, "bash|zsh|fish", "print a shell completion script",
	 "Prints the completion script for bash, zsh or fish, made from the same tables as\n"
	 "this help. See docs/cli.md#shell-completion for where to install it."},
};
const size_t mig_cli_ncommands = sizeof(mig_cli_commands) / sizeof(mig_cli_commands[0]);

const char *const mig_cli_groups[] = {
	"Database", "Migrations", "Running", "Commands' own", "Fleets (migrate, rollback, redo, status on many databases)",
	"Output",
};
const size_t mig_cli_ngroups = sizeof(mig_cli_groups) / sizeof(mig_cli_groups[0]);

enum { G_DB, G_MIG, G_RUN, G_CMD, G_FLEET, G_OUT };

#define V MIG_OPT_VALUE
#define F MIG_OPT_FLAG
#define FILE_ MIG_COMPLETE_FILE
#define DIR_ MIG_COMPLETE_DIR

const mig_cli_opt mig_cli_opts[MIG_OPT__COUNT] = {
	[MIG_OPT_DATABASE_URL] = {"database-url", NULL, 0, V, DB | MIG_CMD_SQL, G_DB, "URL", NULL, 0, false, true,
				  "postgres://, mysql://, sqlite:path or a libpq key=value string"},
	[MIG_OPT_DATABASE_URL_VAR] = {"database-url-var", NULL, 'd', V, DB | MIG_CMD_SQL, G_DB, "NAME", NULL, 0, false, true,
				      "environment variable holding the URL (default DATABASE_URL);\n"
				      "a value containing ':' or '=' is the URL itself"},
	[MIG_OPT_ENV_FILE] = {"env-file", "envPath", 0, V, WORK, G_DB, "PATH", NULL, FILE_, false, true,
			      "load variables from PATH (default .env; set variables win)"},
	[MIG_OPT_CONNECT_TIMEOUT] = {"connect-timeout", NULL, 0, V, DB, G_DB, "SEC", NULL, 0, false, true,
				     "give up connecting after SEC seconds (default 10)"},
	[MIG_OPT_CONFIG_FILE] = {"config-file", NULL, 'f', V, WORK, G_DB, "FILE", NULL, FILE_, false, false,
				 "read options from a JSON file (node-pg-migrate's format);\n"
				 "the command line wins over it, it over the environment"},
	[MIG_OPT_CONFIG_VALUE] = {"config-value", NULL, 0, V, WORK, G_DB, "NAME", NULL, 0, false, false,
				  "the config file's section to read (default db; the top level\n"
				  "when it has none)"},
	[MIG_OPT_MIGRATIONS_DIR] = {"migrations-dir", NULL, 'm', V, WORK, G_MIG, "DIR", NULL, DIR_, false, true,
				    "folder of migration files (default migrations)"},
	[MIG_OPT_MIGRATIONS_TABLE] = {"migrations-table", NULL, 't', V, DB, G_MIG, "T", NULL, 0, false, true,
				      "state table (default pgmigrations)"},
	[MIG_OPT_SCHEMA] = {"schema", NULL, 's', MIG_OPT_LIST, DB, G_MIG, "S", NULL, 0, false, true,
			    "search_path schema; repeatable (PostgreSQL)"},
	[MIG_OPT_CREATE_SCHEMA] = {"create-schema", NULL, 0, F, RUN | MIG_CMD_REPAIR, G_MIG, NULL, NULL, 0, false, true,
				   "create the --schema schemas if missing"},
	[MIG_OPT_MIGRATIONS_SCHEMA] = {"migrations-schema", NULL, 0, V, DB, G_MIG, "S", NULL, 0, false, true,
				       "schema of the state table (default: the first --schema)"},
	[MIG_OPT_CREATE_MIGRATIONS_SCHEMA] = {"create-migrations-schema", NULL, 0, F, RUN | MIG_CMD_REPAIR, G_MIG, NULL,
					      NULL, 0, false, true, "create the --migrations-schema if missing"},
	[MIG_OPT_IGNORE_PATTERN] = {"ignore-pattern", NULL, 0, V, DB | MIG_CMD_CREATE | MIG_CMD_SQL, G_MIG, "RE", NULL, 0,
				    false, true, "files to skip, a regex on whole names (default: dotfiles)"},
	[MIG_OPT_USE_GLOB] = {"use-glob", NULL, 0, F, WORK, G_MIG, NULL, NULL, 0, false, true,
			      "not supported: -m is one folder; leave files out with\n--ignore-pattern"},
	[MIG_OPT_LANGUAGE] = {"migration-file-language", NULL, 'j', V, MIG_CMD_CREATE | MIG_CMD_AUTH, G_MIG, "L",
			      "js ts sql cjs mjs cts mts", 0, false, true,
			      "js, ts, sql, cjs, mjs, cts or mts: the new file's (default js)"},
	[MIG_OPT_FILENAME_FORMAT] = {"migration-filename-format", NULL, 0, V, MIG_CMD_CREATE, G_MIG, "F",
				     "timestamp utc index", 0, false, true,
				     "timestamp (default), utc or index: the new file's prefix"},
	[MIG_OPT_TEMPLATE_FILE_NAME] = {"template-file-name", NULL, 0, V, MIG_CMD_CREATE, G_MIG, "FILE", NULL, FILE_,
					false, true, "the new migration is a copy of FILE, with its extension"},
	[MIG_OPT_DECAMELIZE] = {"decamelize", NULL, 0, F, RUN | MIG_CMD_SQL, G_MIG, NULL, NULL, 0, false, true,
				"turn camelCase identifiers into snake_case"},
	[MIG_OPT_DRY_RUN] = {"dry-run", NULL, 0, F, RUN | MIG_CMD_REPAIR, G_RUN, NULL, NULL, 0, false, true,
			     "print the SQL and change nothing"},
	[MIG_OPT_FAKE] = {"fake", NULL, 0, F, RUN, G_RUN, NULL, NULL, 0, false, true,
			  "record migrations as run without running them"},
	[MIG_OPT_TIMESTAMP] = {"timestamp", NULL, 0, F, RUN, G_RUN, NULL, NULL, 0, false, true,
			       "read N as a timestamp instead of a count"},
	[MIG_OPT_SINGLE_TRANSACTION] = {"single-transaction", NULL, 0, F, RUN, G_RUN, NULL, NULL, 0, true, true,
					"the whole run in one transaction (default); off: one\n"
					"transaction per migration"},
	[MIG_OPT_CHECK_ORDER] = {"check-order", NULL, 0, F, RUN, G_RUN, NULL, NULL, 0, true, true,
				 "refuse when the applied migrations are not the first files\n"
				 "in order (default); off: allow it"},
	[MIG_OPT_LOCK] = {"lock", NULL, 0, F, RUN | MIG_CMD_REPAIR, G_RUN, NULL, NULL, 0, true, true,
			  "take the run lock (default); off: do not"},
	[MIG_OPT_LOCK_WAIT] = {"lock-wait", NULL, 0, V, RUN | MIG_CMD_REPAIR, G_RUN, "SEC", NULL, 0, false, true,
			       "wait up to SEC seconds for another run's lock (default: fail\nat once)"},
	[MIG_OPT_ADVISORY_LOCK_MODE] = {"advisory-lock-mode", NULL, 0, V, RUN | MIG_CMD_REPAIR, G_RUN, "M", "fail wait",
					0, false, true, "fail (default) or wait (without limit) for another run's lock"},
	[MIG_OPT_LOCK_VALUE] = {"lock-value", NULL, 0, V, DB, G_RUN, "N", NULL, 0, false, true,
				"advisory lock key (PostgreSQL; default 7241865325823964)"},
	[MIG_OPT_LOCK_STRATEGY] = {"lock-strategy", NULL, 0, V, DB, G_RUN, "S", "auto session table", 0, false, true,
				   "auto (default), session (advisory lock / file lock) or\n"
				   "table (a lease row in <migrations table>_lock)"},
	[MIG_OPT_LOCK_LEASE] = {"lock-lease", NULL, 0, V, RUN | MIG_CMD_REPAIR, G_RUN, "SEC", NULL, 0, false, true,
				"how long a lease lasts unrenewed (default 30; renewed every\nSEC/3)"},
	[MIG_OPT_JS_ENGINE] = {"js-engine", NULL, 0, V, DB | MIG_CMD_SQL, G_RUN, "E", "auto static node", 0, false, true,
			       "how JS/TS migrations are read: auto (default: statically,\n"
			       "with Node.js for files that need it), static, or node"},
	[MIG_OPT_NODE] = {"node", NULL, 0, V, DB | MIG_CMD_SQL, G_RUN, "PATH", NULL, MIG_COMPLETE_FILE, false, true,
			  "the Node.js program (default: node on PATH)"},
	[MIG_OPT_NODE_TIMEOUT] = {"node-timeout", NULL, 0, V, DB | MIG_CMD_SQL, G_RUN, "SEC", NULL, 0, false, true,
				  "time one Node.js evaluation may take (default 300)"},
	[MIG_OPT_LOCK_TIMEOUT] = {"lock-timeout", NULL, 0, V, DB, G_RUN, "T", NULL, 0, false, true,
				  "server lock wait per statement, e.g. 10s"},
	[MIG_OPT_STATEMENT_TIMEOUT] = {"statement-timeout", NULL, 0, V, DB, G_RUN, "T", NULL, 0, false, true,
				       "server time limit per statement, e.g. 5min"},
	[MIG_OPT_FORCE] = {"force", NULL, 0, F, MIG_CMD_AUTH, G_CMD, NULL, NULL, 0, false, false,
			   "auth: write even when another auth migration is there"},
	[MIG_OPT_APPLIED] = {"applied", NULL, 0, F, MIG_CMD_REPAIR, G_CMD, NULL, NULL, 0, false, false,
			     "repair: record the failed migration as applied"},
	[MIG_OPT_PENDING] = {"pending", NULL, 0, F, MIG_CMD_REPAIR, G_CMD, NULL, NULL, 0, false, false,
			     "repair: record the failed migration as pending"},
	[MIG_OPT_DIALECT] = {"dialect", NULL, 0, V, MIG_CMD_SQL, G_CMD, "D", "postgres mysql sqlite", 0, false, false,
			     "sql: postgres, mysql or sqlite (default: the database URL's,\nelse postgres)"},
	[MIG_OPT_DOWN] = {"down", NULL, 0, F, MIG_CMD_SQL, G_CMD, NULL, NULL, 0, false, false,
			  "sql: the down migration"},
	[MIG_OPT_TARGETS] = {"targets", NULL, 0, V, RUN | MIG_CMD_STATUS, G_FLEET, "FILE", NULL, FILE_, false, false,
			     "one database URL a line (# comments; - is stdin); each target\n"
			     "runs in a process of its own, one result line each"},
	[MIG_OPT_PARALLEL] = {"parallel", NULL, 0, V, RUN | MIG_CMD_STATUS, G_FLEET, "N", NULL, 0, false, false,
			      "targets at a time (default 8, at most the number of targets)"},
	[MIG_OPT_FAIL_FAST] = {"fail-fast", NULL, 0, F, RUN | MIG_CMD_STATUS, G_FLEET, NULL, NULL, 0, false, false,
			       "start no target after the first failure"},
	[MIG_OPT_JSON] = {"json", NULL, 0, F, RUN | MIG_CMD_STATUS, G_OUT, NULL, NULL, 0, false, false,
			  "status as JSON; with --targets, one JSON object a target"},
	[MIG_OPT_VERBOSE] = {"verbose", NULL, 'v', F, WORK, G_OUT, NULL, NULL, 0, false, true,
			     "print every statement as it runs, and server notices"},
	[MIG_OPT_QUIET] = {"quiet", NULL, 'q', F, WORK, G_OUT, NULL, NULL, 0, false, false,
			   "print only errors and requested output"},
	[MIG_OPT_HELP] = {"help", NULL, 'h', F, ALL, G_OUT, NULL, NULL, 0, false, false,
			  "this help (with a command: that command's)"},
	[MIG_OPT_VERSION] = {"version", NULL, 'i', F, ALL, G_OUT, NULL, NULL, 0, false, false, "the version"},
};

const mig_cli_command *mig_cli_command_find(const char *name)
{
	for (size_t i = 0; i < mig_cli_ncommands; i++)
		if (strcmp(mig_cli_commands[i].name, name) == 0 ||
		    (mig_cli_commands[i].alias && strcmp(mig_cli_commands[i].alias, name) == 0))
			return &mig_cli_commands[i];
	return NULL;
}

/* ---- did you mean ---------------------------------------------------- */

size_t mig_cli_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	/* Names are short; longer words are no typo of any of them. */
	if (n > 64 || m > 64)
		return (size_t)-1;
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

const char *mig_cli_closest(const char *word, const char *const *cands, size_t n)
{
	/* about one edit in three characters: "migrat" is migrate, "frobnicate" nothing */
	size_t len = strlen(word);
	size_t limit = len < 3 ? 1 : (len + 2) / 3;
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = mig_cli_distance(word, cands[i]);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

const char *mig_cli_closest_command(const char *word)
{
	const char *c[2 * sizeof(mig_cli_commands) / sizeof(mig_cli_commands[0])];
	size_t n = 0;
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		c[n++] = mig_cli_commands[i].name;
		if (mig_cli_commands[i].alias)
			c[n++] = mig_cli_commands[i].alias;
	}
	return mig_cli_closest(word, c, n);
}

const char *mig_cli_closest_option(const char *word)
{
	/* the long names, their other spellings and the no- forms of flags */
	static char negated[MIG_OPT__COUNT][80];
	const char *c[3 * MIG_OPT__COUNT];
	size_t n = 0;
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		c[n++] = o->lng;
		if (o->alt)
			c[n++] = o->alt;
		if (o->kind == MIG_OPT_FLAG && i != MIG_OPT_HELP && i != MIG_OPT_VERSION) {
			snprintf(negated[i], sizeof(negated[i]), "no-%s", o->lng);
			c[n++] = negated[i];
		}
	}
	return mig_cli_closest(word, c, n);
}

/* ---- the parser ------------------------------------------------------ */

static const mig_cli_opt *find_long(const char *name, size_t *id)
{
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		if (strcmp(mig_cli_opts[i].lng, name) == 0 || (mig_cli_opts[i].alt && strcmp(mig_cli_opts[i].alt, name) == 0)) {
			*id = i;
			return &mig_cli_opts[i];
		}
	}
	return NULL;
}

static const mig_cli_opt *find_short(char s, size_t *id)
{
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		if (mig_cli_opts[i].shrt == s) {
			*id = i;
			return &mig_cli_opts[i];
		}
	}
	return NULL;
}

static int set_slot(mig_cli_parsed *p, size_t id, const char *spelled, const char *value, bool on)
{
	mig_cli_slot *s = &p->slot[id];
	s->src = MIG_SRC_CLI;
	snprintf(s->spelled, sizeof(s->spelled), "%s", spelled);
	if (mig_cli_opts[id].kind == MIG_OPT_FLAG) {
		s->on = on;
		return 0;
	}
	s->value = value;
	if (mig_cli_opts[id].kind == MIG_OPT_LIST)
		return mig_strv_pushdup(&s->list, value);
	return 0;
}

/* --name[=v]: a, the whole word; argv[*i + 1] the next. */
static int parse_long(mig_cli_parsed *p, const char *a, int argc, char **argv, int *i)
{
	const char *name = a + 2;
	const char *eq = strchr(name, '=');
	char opt[64];
	size_t n = eq ? (size_t)(eq - name) : strlen(name);
	if (n >= sizeof(opt))
		return mig_error_set(MIG_EUSAGE, "unknown option %.*s... (see migrations --help)", 40, a);
	memcpy(opt, name, n);
	opt[n] = '\0';
	size_t id;
	const mig_cli_opt *o = find_long(opt, &id);
	bool negated = false;
	if (!o && strncmp(opt, "no-", 3) == 0 && (o = find_long(opt + 3, &id)) != NULL) {
		if (o->kind != MIG_OPT_FLAG)
			return mig_error_set(MIG_EUSAGE, "--%s takes a value: it has no --%s form", o->lng, opt);
		negated = true;
	}
	if (!o) {
		/* node-pg-migrate's options that have no meaning here: say why */
		static const struct {
			const char *name, *why;
		} foreign[] = {
			{"reject-unauthorized", "TLS checks are set in the URL: ?sslmode=verify-full (or require, "
						"verify-ca) with sslrootcert=FILE"},
			{"tsconfig", "TypeScript migrations are read directly, without a tsconfig"},
			{"tsconfig-paths", "TypeScript migrations are read directly, without a tsconfig"},
			{"ts-node", "TypeScript migrations are read directly, without ts-node"},
			{"tsx", "TypeScript migrations are read directly, without tsx"},
		};
		for (size_t k = 0; k < sizeof(foreign) / sizeof(foreign[0]); k++)
			if (strcmp(opt, foreign[k].name) == 0)
				return mig_error_set(MIG_EUSAGE, "node-pg-migrate's --%s is not supported: %s", opt, foreign[k].why);
		const char *near = mig_cli_closest_option(opt);
		if (near)
			return mig_error_set(MIG_EUSAGE, "unknown option --%s: did you mean --%s? (see migrations --help)", opt,
					     near);
		return mig_error_set(MIG_EUSAGE, "unknown option --%s (see migrations --help)", opt);
	}
	char spelled[72];
	snprintf(spelled, sizeof(spelled), "--%s", opt);
	if (o->kind == MIG_OPT_FLAG) {
		bool on = true;
		/* yargs, whose parsing node-pg-migrate users know, also reads
		 * `--lock false`: a flag takes a following true or false */
		const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
		if (!eq && !negated && next && (strcmp(next, "true") == 0 || strcmp(next, "false") == 0)) {
			++*i;
			return set_slot(p, id, spelled, NULL, strcmp(next, "true") == 0);
		}
		if (eq) {
			if (strcmp(eq + 1, "true") == 0)
				on = true;
			else if (strcmp(eq + 1, "false") == 0)
				on = false;
			else
				return mig_error_set(MIG_EUSAGE, "--%s is true or false, not '%s'", opt, eq + 1);
		}
		return set_slot(p, id, spelled, NULL, negated ? !on : on);
	}
	const char *v = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
	if (!v)
		return mig_error_set(MIG_EUSAGE, "option --%s needs a value%s%s", opt, o->arg ? " " : "", o->arg ? o->arg : "");
	return set_slot(p, id, spelled, v, true);
}

/* -abc, -xVALUE, -x VALUE */
static int parse_short(mig_cli_parsed *p, const char *a, int argc, char **argv, int *i)
{
	for (const char *c = a + 1; *c; c++) {
		size_t id;
		char spelled[3] = {'-', *c, 0};
		const mig_cli_opt *o = find_short(*c, &id);
		if (!o)
			return mig_error_set(MIG_EUSAGE, "unknown option %s (see migrations --help)", spelled);
		if (o->kind == MIG_OPT_FLAG) {
			int rc = set_slot(p, id, spelled, NULL, true);
			if (rc)
				return rc;
			continue;
		}
		const char *v = c[1] ? c + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
		if (!v)
			return mig_error_set(MIG_EUSAGE, "option %s needs a value %s", spelled, o->arg);
		return set_slot(p, id, spelled, v, true);
	}
	return 0;
}

int mig_cli_parse(mig_cli_parsed *p, int argc, char **argv)
{
	memset(p, 0, sizeof(*p));
	bool only_positional = false;
	int rc = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];
		/* "-" and "-5" (a negative count) are words */
		if (only_positional || a[0] != '-' || a[1] == '\0' || (a[1] >= '0' && a[1] <= '9')) {
			if (!p->command)
				p->command = a;
			else
				rc = mig_strv_pushdup(&p->args, a);
		} else if (strcmp(a, "--") == 0) {
			only_positional = true;
		} else if (a[1] == '-') {
			rc = parse_long(p, a, argc, argv, &i);
		} else {
			rc = parse_short(p, a, argc, argv, &i);
		}
	}
	return rc;
}

void mig_cli_parsed_free(mig_cli_parsed *p)
{
	for (size_t i = 0; i < MIG_OPT__COUNT; i++)
		mig_strv_free(&p->slot[i].list);
	mig_strv_free(&p->args);
}

void mig_cli_cmds_text(mig_str *out, unsigned cmds)
{
	size_t total = 0, k = 0;
	for (size_t i = 0; i < mig_cli_ncommands; i++)
		total += (cmds & mig_cli_commands[i].bit) != 0;
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		if (!(cmds & mig_cli_commands[i].bit))
			continue;
		if (k)
			mig_str_puts(out, k + 1 == total ? " and " : ", ");
		mig_str_puts(out, mig_cli_commands[i].name);
		k++;
	}
}

int mig_cli_check_applies(const mig_cli_parsed *p, const mig_cli_command *cmd)
{
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (p->slot[i].src != MIG_SRC_CLI || (o->cmds & cmd->bit))
			continue;
		mig_str for_ = MIG_STR_INIT;
		mig_cli_cmds_text(&for_, o->cmds);
		int rc = mig_error_set(MIG_EUSAGE, "option %s does not apply to the %s command (it is for %s; see migrations %s --help)",
				       p->slot[i].spelled, cmd->name, mig_str_failed(&for_) ? "other commands" : mig_str_cstr(&for_),
				       cmd->name);
		mig_str_free(&for_);
		return rc;
	}
	return 0;
}

/* key == name, or name in camelCase (migrations-dir: migrationsDir) */
static bool same_key(const char *key, const char *name)
{
	if (strcmp(key, name) == 0)
		return true;
	for (; *name; name++, key++) {
		if (*name == '-' && name[1] >= 'a' && name[1] <= 'z') {
			name++;
			if (*key != *name - 'a' + 'A')
				return false;
		} else if (*key != *name) {
			return false;
		}
	}
	return *key == '\0';
}

bool mig_cli_key_names(const char *key, const mig_cli_opt *opt)
{
	return same_key(key, opt->lng) || (opt->alt && same_key(key, opt->alt));
}
