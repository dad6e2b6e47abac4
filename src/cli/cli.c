/*
 * The `migrations` command: argument parsing and output over the library
 * API (migrations.h). Results go to stdout, diagnostics to stderr.
 * Exit status: 0 done, 1 a run-time failure, 2 bad usage or bad input.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include "cli/database.h"
#include "cli/dotenv.h"
#include "cli/fleet.h"
#include "cli/output.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "migrations.h"
#include "util/str.h"
#include "engine/url.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EMBEDDED_DB "migrations.db"

/* In parts: C11 promises string literals of only 4095 characters. */
static const char *const usage_text[] = {
	"Usage: migrations [options] <command> [args]\n"
	"\n"
	"Commands:\n"
	"  create <name>        write a new empty migration <timestamp>_<name>.<js|ts|sql>\n"
	"  auth                 write the auth-system migration into the migrations folder\n"
	"  migrate [N|name]     apply pending migrations: all, the next N, or up to name (alias: up)\n"
	"  rollback [N|name]    undo the last one, the last N (0 = all), or down to name (alias: down)\n"
	"  redo [N]             roll back the last N (default 1) and apply exactly those again\n"
	"  status               applied migrations with the time they ran, then pending ones\n"
	"  repair <name> --applied|--pending\n"
	"                       clear a migration that failed half-way or was interrupted, once\n"
	"                       the database was fixed by hand: record it as applied or as pending\n"
	"  sql <file|name>      print the SQL a migration runs; needs no database\n"
	"  wait                 wait until the database accepts connections (--wait-timeout SEC)\n"
	"  create-database      create the database of the URL unless it exists (SQLite: the file)\n"
	"\n",
	"Database:\n"
	"      --database-url URL      postgres://, mysql://, sqlite:path or a libpq key=value string\n"
	"  -d, --database-url-var NAME environment variable holding the URL (default DATABASE_URL);\n"
	"                              a value containing ':' or '=' is the URL itself\n"
	"      --env-file PATH         load variables from PATH (default .env; set variables win)\n"
	"      --connect-timeout SEC   give up connecting after SEC seconds (default 10)\n"
	"  With no URL at all, the embedded SQLite database " EMBEDDED_DB " is used.\n"
	"\n"
	"Migrations:\n"
	"  -m, --migrations-dir DIR    folder of migration files (default migrations)\n"
	"  -t, --migrations-table T    state table (default pgmigrations)\n"
	"  -s, --schema S              search_path schema; repeatable (PostgreSQL)\n"
	"      --create-schema         create the --schema schemas if missing\n"
	"      --migrations-schema S   schema of the state table (default: the first --schema)\n"
	"      --create-migrations-schema\n"
	"      --ignore-pattern RE     files to skip (default: dotfiles)\n"
	"  -j, --migration-file-language js|ts|sql|cjs|mjs|cts|mts   for create (default js)\n"
	"      --migration-filename-format timestamp|utc|index      for create\n"
	"      --decamelize            turn camelCase identifiers into snake_case\n"
	"\n",
	"Running:\n"
	"      --dry-run               print the SQL and change nothing\n"
	"      --fake                  record migrations as run without running them\n"
	"      --timestamp             read N as a timestamp instead of a count\n"
	"      --single-transaction    the whole run in one transaction (default)\n"
	"      --no-single-transaction one transaction per migration\n"
	"      --no-check-order        allow applied migrations that are not a prefix of the files\n"
	"      --no-lock               do not take the run lock\n"
	"      --lock-wait SEC         wait up to SEC seconds for another run's lock (default: fail at once)\n"
	"      --lock-value N          advisory lock key (PostgreSQL; default 7241865325823964)\n"
	"      --lock-strategy S       auto (default), session (advisory lock / file lock) or\n"
	"                              table (a lease row in <migrations table>_lock)\n"
	"      --lock-lease SEC        how long a lease lasts unrenewed (default 30; renewed every SEC/3)\n"
	"      --lock-timeout T        server lock wait per statement, e.g. 10s (PostgreSQL)\n"
	"      --statement-timeout T   server time limit per statement, e.g. 5min (PostgreSQL)\n"
	"      --wait                  first wait until the database accepts connections\n"
	"      --wait-timeout SEC      how long wait and --wait try (default 60)\n"
	"      --create-database       migrate: first create the database unless it exists\n"
	"\n",
	"sql command:\n"
	"      --dialect postgres|mysql|sqlite   (default: the database URL's, else postgres)\n"
	"      --down                  the down migration\n"
	"\n"
	"Fleets (migrate, rollback, redo, status on many databases):\n"
	"      --targets FILE          one database URL a line (# comments; - is stdin); each\n"
	"                              target runs in a process of its own, one result line each\n"
	"      --parallel N            targets at a time (default 8, at most the number of targets)\n"
	"      --fail-fast             start no target after the first failure\n"
	"\n"
	"Output:\n"
	"      --json                  status as JSON; migrate, rollback, redo, repair, wait and\n"
	"                              create-database: one JSON object an event on stdout;\n"
	"                              with --targets, one JSON object a target\n"
	"      --exit-code             status: exit 1 when a migration is pending or failed\n"
	"      --no-color              no colour and no progress line (also: NO_COLOR set)\n"
	"  -v, --verbose               print every statement as it runs, and server notices\n"
	"  -q, --quiet                 print only errors and requested output\n"
	"  -h, --help                  this help\n"
	"      --version               the version\n"
	"\n"
	"Exit status: 0 done; 1 a run-time failure; 2 bad usage or bad input.\n",
};

static void print_usage(FILE *to)
{
	for (size_t i = 0; i < sizeof(usage_text) / sizeof(usage_text[0]); i++)
		fputs(usage_text[i], to);
}

struct cli {
	mig_options o;
	const char *command;
	mig_strv args;
	mig_strv schemas;
	const char *url;
	const char *url_var;
	const char *env_file;
	const char *language;
	const char *filename_format;
	const char *dialect;
	bool down;
	bool json;
	bool quiet;
	bool force;
	bool applied;
	bool pending;
	bool help;
	bool version;
	/* --targets: fleet.c */
	const char *targets;
	long parallel;
	bool fail_fast;
	/* progress */
	size_t done;
	char *url_owned;
	/* output.c, database.c */
	mig_cli_out out;
	bool exit_code, no_color, wait, create_database;
	double wait_timeout;
	bool wait_timeout_set;
};

#define usage_error(fmt, arg) mig_error_set(MIG_EUSAGE, fmt, arg)

/* Options that take a value. */
static const struct {
	const char *lng;
	char shrt;
} valued[] = {
	{"targets", 0}, {"parallel", 0},
	{"database-url", 0}, {"database-url-var", 'd'}, {"migrations-dir", 'm'},
	{"migrations-table", 't'}, {"schema", 's'}, {"migrations-schema", 0},
	{"migration-file-language", 'j'}, {"migration-filename-format", 0},
	{"ignore-pattern", 0}, {"lock-wait", 0}, {"lock-value", 0},
	{"lock-timeout", 0}, {"statement-timeout", 0}, {"connect-timeout", 0},
	{"dialect", 0}, {"env-file", 0}, {"envPath", 0}, {"advisory-lock-mode", 0},
	{"lock-strategy", 0}, {"lock-lease", 0},
	{"wait-timeout", 0},
};

static int parse_number(const char *opt, const char *v, double *out)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	/* strtod takes "nan" and "inf": a wait of NaN seconds never ends */
	if (!*v || *end || errno || !isfinite(d))
		return mig_error_set(MIG_EUSAGE, "--%s needs a number, not '%s'", opt, v);
	*out = d;
	return 0;
}

static int set_value(struct cli *c, const char *opt, const char *v)
{
	double d;
	int rc = 0;
	if (strcmp(opt, "targets") == 0)
		c->targets = v;
	else if (strcmp(opt, "parallel") == 0)
		rc = mig_cli_fleet_parse_parallel(v, &c->parallel);
	else if (strcmp(opt, "database-url") == 0)
		c->url = v;
	else if (strcmp(opt, "database-url-var") == 0)
		c->url_var = v;
	else if (strcmp(opt, "migrations-dir") == 0)
		c->o.migrations_dir = v;
	else if (strcmp(opt, "migrations-table") == 0)
		c->o.migrations_table = v;
	else if (strcmp(opt, "schema") == 0)
		rc = mig_strv_pushdup(&c->schemas, v);
	else if (strcmp(opt, "migrations-schema") == 0)
		c->o.migrations_schema = v;
	else if (strcmp(opt, "migration-file-language") == 0)
		c->language = v;
	else if (strcmp(opt, "migration-filename-format") == 0)
		c->filename_format = v;
	else if (strcmp(opt, "ignore-pattern") == 0)
		c->o.ignore_pattern = v;
	else if (strcmp(opt, "lock-wait") == 0) {
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 0)
				return mig_error_set(MIG_EUSAGE, "--lock-wait needs seconds >= 0, not '%s'", v);
			c->o.lock_wait = d;
		}
	} else if (strcmp(opt, "lock-value") == 0) {
		char *end;
		errno = 0;
		long long n = strtoll(v, &end, 10);
		if (!*v || *end || errno)
			return mig_error_set(MIG_EUSAGE, "--lock-value needs an integer, not '%s'", v);
		c->o.lock_value = n;
	} else if (strcmp(opt, "lock-strategy") == 0) {
		if (strcmp(v, "auto") != 0 && strcmp(v, "session") != 0 && strcmp(v, "table") != 0)
			return mig_error_set(MIG_EUSAGE, "--lock-strategy is auto, session or table, not '%s'", v);
		c->o.lock_strategy = v;
	} else if (strcmp(opt, "lock-lease") == 0) {
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 2 || d > 86400 || d != (double)(int)d)
				return mig_error_set(MIG_EUSAGE, "--lock-lease needs whole seconds from 2 to 86400, not '%s'", v);
			c->o.lock_lease = (int)d;
		}
	} else if (strcmp(opt, "lock-timeout") == 0)
		c->o.lock_timeout = v;
	else if (strcmp(opt, "statement-timeout") == 0)
		c->o.statement_timeout = v;
	else if (strcmp(opt, "connect-timeout") == 0) {
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 1 || d > 3600)
				return mig_error_set(MIG_EUSAGE, "--connect-timeout needs 1..3600 seconds, not '%s'", v);
			c->o.connect_timeout = (int)d;
		}
	} else if (strcmp(opt, "dialect") == 0)
		c->dialect = v;
	else if (strcmp(opt, "env-file") == 0 || strcmp(opt, "envPath") == 0)
		c->env_file = v;
	else if (strcmp(opt, "wait-timeout") == 0) {
		if ((rc = parse_number(opt, v, &d)) == 0 && (d < 0 || d > 86400))
			return mig_error_set(MIG_EUSAGE, "--wait-timeout needs 0..86400 seconds, not '%s'", v);
		c->wait_timeout = d;
		c->wait_timeout_set = true;
	} else if (strcmp(opt, "advisory-lock-mode") == 0) {
		/* node-pg-migrate's spelling: wait blocks until the lock is free */
		if (strcmp(v, "wait") == 0)
			c->o.lock_wait = -1;
		else if (strcmp(v, "fail") == 0)
			c->o.lock_wait = 0;
		else
			return mig_error_set(MIG_EUSAGE, "--advisory-lock-mode is fail or wait, not '%s'", v);
	}
	return rc;
}

static int set_flag(struct cli *c, const char *opt)
{
	static const struct {
		const char *name;
		size_t off;
		bool value;
	} flags[] = {
		{"create-schema", offsetof(mig_options, create_schema), true},
		{"create-migrations-schema", offsetof(mig_options, create_migrations_schema), true},
		{"decamelize", offsetof(mig_options, decamelize), true},
		{"timestamp", offsetof(mig_options, timestamp), true},
		{"fake", offsetof(mig_options, fake), true},
		{"dry-run", offsetof(mig_options, dry_run), true},
		{"single-transaction", offsetof(mig_options, no_single_transaction), false},
		{"no-single-transaction", offsetof(mig_options, no_single_transaction), true},
		{"check-order", offsetof(mig_options, no_check_order), false},
		{"no-check-order", offsetof(mig_options, no_check_order), true},
		{"lock", offsetof(mig_options, no_lock), false},
		{"no-lock", offsetof(mig_options, no_lock), true},
		{"verbose", offsetof(mig_options, verbose), true},
	};
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		if (strcmp(flags[i].name, opt) == 0) {
			*(bool *)((char *)&c->o + flags[i].off) = flags[i].value;
			return 0;
		}
	}
	if (strcmp(opt, "json") == 0)
		c->json = true;
	else if (strcmp(opt, "quiet") == 0)
		c->quiet = true;
	else if (strcmp(opt, "help") == 0)
		c->help = true;
	else if (strcmp(opt, "version") == 0)
		c->version = true;
	else if (strcmp(opt, "down") == 0)
		c->down = true;
	else if (strcmp(opt, "force") == 0)
		c->force = true;
	else if (strcmp(opt, "applied") == 0)
		c->applied = true;
	else if (strcmp(opt, "pending") == 0)
		c->pending = true;
	else if (strcmp(opt, "fail-fast") == 0)
		c->fail_fast = true;
	else if (strcmp(opt, "exit-code") == 0)
		c->exit_code = true;
	else if (strcmp(opt, "no-color") == 0)
		c->no_color = true;
	else if (strcmp(opt, "wait") == 0)
		c->wait = true;
	else if (strcmp(opt, "create-database") == 0)
		c->create_database = true;
	else
		return usage_error("unknown option --%s (see migrations --help)", opt);
	return 0;
}

static const char *long_for_short(char s)
{
	for (size_t i = 0; i < sizeof(valued) / sizeof(valued[0]); i++)
		if (valued[i].shrt == s)
			return valued[i].lng;
	return NULL;
}

static bool takes_value(const char *lng)
{
	for (size_t i = 0; i < sizeof(valued) / sizeof(valued[0]); i++)
		if (strcmp(valued[i].lng, lng) == 0)
			return true;
	return false;
}

static int parse_args(struct cli *c, int argc, char **argv)
{
	bool only_positional = false;
	int rc = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];
		if (only_positional || a[0] != '-' || a[1] == '\0' || (a[1] >= '0' && a[1] <= '9')) {
			if (!c->command)
				c->command = a;
			else
				rc = mig_strv_pushdup(&c->args, a);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_positional = true;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			char opt[64];
			size_t n = eq ? (size_t)(eq - name) : strlen(name);
			if (n >= sizeof(opt))
				return usage_error("unknown option %s", a);
			memcpy(opt, name, n);
			opt[n] = '\0';
			if (takes_value(opt)) {
				const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
				if (!v)
					return usage_error("option --%s needs a value", opt);
				rc = set_value(c, opt, v);
			} else if (eq) {
				return usage_error("option --%s takes no value", opt);
			} else {
				rc = set_flag(c, opt);
			}
			continue;
		}
		/* short options: -v, -q, -h, -i, or -X VALUE / -XVALUE */
		for (const char *p = a + 1; *p && rc == 0; p++) {
			const char *lng = long_for_short(*p);
			if (lng) {
				const char *v = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
				if (!v) {
					char o[3] = {'-', *p, 0};
					return usage_error("option %s needs a value", o);
				}
				rc = set_value(c, lng, v);
				break;
			}
			if (*p == 'v')
				c->o.verbose = true;
			else if (*p == 'q')
				c->quiet = true;
			else if (*p == 'h')
				c->help = true;
			else if (*p == 'i')
				c->version = true;
			else {
				char o[3] = {'-', *p, 0};
				rc = usage_error("unknown option %s (see migrations --help)", o);
			}
		}
	}
	return rc;
}

/* ---- output ---------------------------------------------------------- */

/* The statement line holding `position` (1-based), with a caret under it. */
static void print_statement(const char *stmt, int position)
{
	size_t len = strlen(stmt);
	size_t pos = position > 0 && (size_t)position <= len ? (size_t)position - 1 : (size_t)-1;
	size_t ls = 0, le;
	if (pos != (size_t)-1) {
		for (size_t i = 0; i < pos; i++)
			if (stmt[i] == '\n')
				ls = i + 1;
	}
	le = ls;
	while (le < len && stmt[le] != '\n')
		le++;
	size_t show = le - ls;
	bool cut = false;
	if (show > 300) {
		show = 300;
		cut = true;
	}
	bool more = pos == (size_t)-1 && le < len;
	fprintf(stderr, "  statement: %.*s%s\n", (int)show, stmt + ls, cut || more ? " ..." : "");
	if (pos != (size_t)-1 && pos - ls < show) {
		fprintf(stderr, "             ");
		/* one column per character: skip UTF-8 continuation bytes */
		for (size_t i = ls; i < pos; i++)
			if (((unsigned char)stmt[i] & 0xC0) != 0x80)
				fputc(stmt[i] == '\t' ? '\t' : ' ', stderr);
		fprintf(stderr, "^\n");
	}
}

void mig_cli_error_head(mig_str *out, const mig_error *e)
{
	if (e->file) {
		mig_str_puts(out, e->file);
		if (e->line > 0) {
			mig_str_printf(out, ":%d", e->line);
			if (e->column > 0)
				mig_str_printf(out, ":%d", e->column);
		}
		mig_str_puts(out, ": ");
	}
	mig_str_puts(out, e->message);
}

static void print_error(void)
{
	const mig_error *e = mig_error_last();
	if (!e) {
		fprintf(stderr, "migrations: error: unknown failure\n");
		return;
	}
	mig_str head = MIG_STR_INIT;
	mig_cli_error_head(&head, e);
	fprintf(stderr, "migrations: %s\n", mig_str_failed(&head) ? e->message : mig_str_cstr(&head));
	mig_str_free(&head);
	if (e->statement && *e->statement)
		print_statement(e->statement, e->position);
	if (e->detail)
		fprintf(stderr, "  detail: %s\n", e->detail);
	if (e->hint)
		fprintf(stderr, "  hint: %s\n", e->hint);
	if (e->note)
		fprintf(stderr, "  %s\n", e->note);
}

/* ---- commands -------------------------------------------------------- */

static bool looks_like_url(const char *v)
{
	return strchr(v, ':') || strchr(v, '=');
}

/* node-pg-migrate's rules, then ours: -d VALUE with ':' or '=' is the URL
 * itself; else the variable it names (DATABASE_URL by default); else the
 * libpq PG* variables when PGHOST is set; else the embedded SQLite file. */
static int resolve_database(struct cli *c)
{
	if (c->url) {
		c->o.database_url = c->url;
		return 0;
	}
	if (c->url_var && looks_like_url(c->url_var)) {
		c->o.database_url = c->url_var;
		return 0;
	}
	const char *var = c->url_var ? c->url_var : "DATABASE_URL";
	const char *v = getenv(var);
	if (v && *v) {
		c->o.database_url = v;
		return 0;
	}
	if (c->url_var)
		return mig_error_set(MIG_EUSAGE, "The %s environment variable is not set (named by -d/--database-url-var)", var);
	const char *pghost = getenv("PGHOST");
	if (pghost && *pghost) {
		c->o.database_url = "postgres://";
		if (!c->quiet)
			fprintf(stderr, "DATABASE_URL is not set: connecting with the PG* environment variables (PGHOST=%s)\n", pghost);
		return 0;
	}
	c->o.database_url = "sqlite:" EMBEDDED_DB;
	if (!c->quiet)
		fprintf(stderr, "DATABASE_URL is not set: using the embedded SQLite database %s\n", EMBEDDED_DB);
	return 0;
}

static bool parse_count(const char *s, double *out)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (!*p)
		return false;
	for (const char *q = p; *q; q++)
		if (!isdigit((unsigned char)*q))
			return false;
	*out = strtod(s, NULL);
	return true;
}

static int make_target(struct cli *c, mig_target *t, char **joined)
{
	memset(t, 0, sizeof(*t));
	*joined = NULL;
	if (c->args.n == 0)
		return 0;
	double n;
	if (parse_count(c->args.v[0], &n)) {
		if (c->args.n > 1)
			return mig_error_set(MIG_EUSAGE, "unexpected argument '%s' after the count", c->args.v[1]);
		t->has_count = true;
		t->count = n;
		return 0;
	}
	/* node-pg-migrate joins the words of a name with '-' */
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < c->args.n; i++) {
		if (i)
			mig_str_putc(&s, '-');
		mig_str_puts(&s, c->args.v[i]);
	}
	*joined = mig_str_detach(&s);
	if (!*joined)
		return MIG_ENOMEM;
	t->name = *joined;
	return 0;
}

/* The valid UTF-8 text p[0..n) as JSON string content. */
static void json_escape(mig_str *out, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)p[i];
		if (ch == '"' || ch == '\\')
			mig_str_printf(out, "\\%c", ch);
		else if (ch == '\n')
			mig_str_puts(out, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			mig_str_printf(out, "\\u%04x", ch);
		else
			mig_str_putc(out, (char)ch);
	}
}

void mig_cli_json_string(mig_str *out, const char *s)
{
	size_t len = strlen(s);
	mig_str_putc(out, '"');
	for (;;) {
		long bad = mig_utf8_invalid_at(s, len);
		size_t ok = bad < 0 ? len : (size_t)bad;
		json_escape(out, s, ok);
		if (bad < 0)
			break;
		mig_str_puts(out, "\\ufffd");
		s += ok + 1;
		len -= ok + 1;
	}
	mig_str_putc(out, '"');
}

static int cmd_status(struct cli *c)
{
	mig_status_entry *e = NULL;
	size_t n = 0, pending = 0, failed = 0;
	int rc = mig_status(&c->o, &e, &n);
	if (rc)
		return rc;
	mig_cli_out_status(&c->out, e, n, &pending, &failed);
	mig_status_free(e, n);
	/* dbmate's --exit-code: 1 when the database is not up to date */
	return c->exit_code && (pending || failed) ? 1 : 0;
}

static int cmd_create(struct cli *c)
{
	if (c->args.n == 0)
		return mig_error_set(MIG_EUSAGE, "'migrationName' is required. (usage: migrations create <name>)");
	mig_create_opts co = {
		.migrations_dir = c->o.migrations_dir,
		.language = c->language,
		.filename_format = c->filename_format,
		.words = (const char *const *)c->args.v,
		.nwords = c->args.n,
		.ignore_pattern = c->o.ignore_pattern,
	};
	char *path = NULL;
	int rc = mig_create(&co, &path);
	if (rc == 0)
		printf("Created migration -- %s\n", path);
	mig__free(path);
	return rc;
}

static int cmd_auth(struct cli *c)
{
	if (c->args.n)
		return mig_error_set(MIG_EUSAGE, "auth takes no arguments (got '%s')", c->args.v[0]);
	mig_auth_opts ao = {
		.migrations_dir = c->o.migrations_dir,
		.language = c->language,
		.force = c->force,
	};
	char *path = NULL;
	bool existing = false;
	int rc = mig_auth(&ao, &path, &existing);
	if (rc == 0 && existing)
		printf("The auth migration is already there -- %s\n", path);
	else if (rc == 0)
		printf("Created auth migration -- %s\n", path);
	mig__free(path);
	return rc;
}

static int cmd_sql(struct cli *c)
{
	if (c->args.n != 1)
		return mig_error_set(MIG_EUSAGE, "sql takes one migration file or name (usage: migrations sql <file|name>)");
	char *text = NULL;
	int rc = mig_sql(&c->o, c->args.v[0], c->dialect, c->down, &text);
	if (rc == 0)
		fputs(text, stdout);
	mig__free(text);
	return rc;
}

/* The options of wait and create-database, where they apply. */
static int check_database_flags(const struct cli *c, bool status, bool up, bool wait, bool createdb)
{
	if (c->args.n && (wait || createdb))
		return mig_error_set(MIG_EUSAGE, "%s takes no arguments (got '%s')", c->command, c->args.v[0]);
	if (c->exit_code && !status)
		return mig_error_set(MIG_EUSAGE, "--exit-code belongs to the status command");
	if (c->create_database && !up)
		return mig_error_set(MIG_EUSAGE, "--create-database belongs to migrate (or use the create-database command)");
	if (c->wait_timeout_set && !wait && !c->wait)
		return mig_error_set(MIG_EUSAGE, "--wait-timeout goes with the wait command or --wait");
	return 0;
}

static int cmd_repair(struct cli *c)
{
	if (c->args.n != 1)
		return mig_error_set(MIG_EUSAGE, "repair takes one migration name (usage: migrations repair <name> --applied|--pending)");
	if (c->applied == c->pending)
		return mig_error_set(MIG_EUSAGE,
				     "repair needs exactly one of --applied (the migration is complete: record it) or --pending (it was undone: run it again)");
	int rc = mig_repair(&c->o, c->args.v[0], c->applied);
	if (rc == 0 && !c->o.dry_run)
		mig_cli_out_say(&c->out, "repaired", "name", c->args.v[0], "applied", c->applied, NULL);
	return rc;
}

/* --targets: the command on every database of the file (fleet.c). */
static int run_fleet(struct cli *c)
{
	if (!c->targets)
		return mig_error_set(MIG_EUSAGE, "--%s goes with --targets FILE", c->parallel ? "parallel" : "fail-fast");
	if (c->url || c->url_var)
		return mig_error_set(MIG_EUSAGE, "--targets names the databases: it cannot be combined with %s",
				     c->url ? "--database-url" : "-d/--database-url-var");
	if (strcmp(c->command, "status") == 0 && c->args.n)
		return mig_error_set(MIG_EUSAGE, "status takes no arguments (got '%s')", c->args.v[0]);
	if (c->applied || c->pending)
		return mig_error_set(MIG_EUSAGE, "--%s belongs to the repair command", c->applied ? "applied" : "pending");
	mig_cli_fleet f = {.targets = c->targets, .parallel = c->parallel, .fail_fast = c->fail_fast,
			   .json = c->json, .quiet = c->quiet, .command = c->command, .opts = c->o};
	char *name = NULL;
	int rc = make_target(c, &f.target, &name);
	if (rc == 0)
		rc = mig_cli_fleet_run(&f);
	mig__free(name);
	return rc;
}

static int dispatch(struct cli *c)
{
	const char *cmd = c->command;
	int rc;
	if (c->targets || c->parallel || c->fail_fast)
		return run_fleet(c);
	if (strcmp(cmd, "create") == 0)
		return cmd_create(c);
	if (strcmp(cmd, "sql") == 0) {
		/* the URL only picks the dialect: no default database notice */
		if (c->url || c->url_var || getenv("DATABASE_URL"))
			if ((rc = resolve_database(c)) != 0)
				return rc;
		c->o.on_event = mig_cli_out_event;
		c->o.ud = &c->out;
		return cmd_sql(c);
	}
	bool up = strcmp(cmd, "migrate") == 0 || strcmp(cmd, "up") == 0;
	bool down = strcmp(cmd, "rollback") == 0 || strcmp(cmd, "down") == 0;
	bool redo = strcmp(cmd, "redo") == 0;
	bool status = strcmp(cmd, "status") == 0;
	bool repair = strcmp(cmd, "repair") == 0;
	bool wait = strcmp(cmd, "wait") == 0;
	bool createdb = strcmp(cmd, "create-database") == 0;
	if (strcmp(cmd, "auth") == 0)
		return cmd_auth(c);
	if (!up && !down && !redo && !status && !repair && !wait && !createdb)
		return mig_error_set(MIG_EUSAGE,
				     "unknown command '%s' (use create, auth, migrate, rollback, redo, status, repair, sql, wait or create-database; see --help)",
				     cmd);
	if (!repair && (c->applied || c->pending))
		return mig_error_set(MIG_EUSAGE, "--%s belongs to the repair command", c->applied ? "applied" : "pending");
	if ((rc = check_database_flags(c, status, up, wait, createdb)) != 0)
		return rc;
	if ((rc = resolve_database(c)) != 0)
		return rc;
	c->o.on_event = mig_cli_out_event;
	c->o.ud = &c->out;
	double timeout = c->wait_timeout_set ? c->wait_timeout : MIG_CLI_WAIT_DEFAULT_S;
	if (wait || c->wait) {
		if ((rc = mig_cli_wait(&c->o, timeout, &c->out)) != 0 || wait)
			return rc;
	}
	if (createdb || c->create_database) {
		if ((rc = mig_cli_create_database(&c->o, &c->out)) != 0 || createdb)
			return rc;
	}
	if (status) {
		if (c->args.n)
			return mig_error_set(MIG_EUSAGE, "status takes no arguments (got '%s')", c->args.v[0]);
		return cmd_status(c);
	}
	if (repair)
		return cmd_repair(c);
	mig_target t;
	char *name = NULL;
	if ((rc = make_target(c, &t, &name)) != 0)
		return rc;
	if (up)
		rc = mig_migrate(&c->o, &t);
	else if (down)
		rc = mig_rollback(&c->o, &t);
	else
		rc = mig_redo(&c->o, &t);
	mig__free(name);
	return rc;
}

/* The commands whose --json output is a stream of events (output.h). */
static bool event_command(const char *cmd)
{
	static const char *const names[] = {"migrate", "up", "rollback", "down", "redo", "repair", "wait", "create-database"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(cmd, names[i]) == 0)
			return true;
	return false;
}

int mig_cli_main(int argc, char **argv)
{
	struct cli c;
	memset(&c, 0, sizeof(c));
	int rc = parse_args(&c, argc, argv);
	if (rc == 0 && c.help) {
		print_usage(stdout);
		goto out;
	}
	if (rc == 0 && c.version) {
		printf("migrations %s\n", mig_version());
		goto out;
	}
	if (rc == 0 && !c.command) {
		print_usage(stderr);
		rc = mig_error_set(MIG_EUSAGE, "no command given");
	}
	if (rc == 0 && c.schemas.n) {
		c.o.schemas = (const char *const *)c.schemas.v;
		c.o.nschemas = c.schemas.n;
	}
	if (rc == 0 && c.env_file && access(c.env_file, R_OK) != 0)
		rc = mig_error_set(MIG_EUSAGE, "cannot read --env-file %s: %s", c.env_file, strerror(errno));
	if (rc == 0)
		rc = mig_dotenv_load(c.env_file ? c.env_file : ".env");
	mig_cli_out_init(&c.out, c.json, c.no_color, c.quiet, &c.o);
	if (rc == 0)
		rc = dispatch(&c);
	if (rc == MIG_ENODATABASE && mig_error_last() && !mig_error_last()->hint)
		mig_error_set_hint("create it with `migrations create-database`, or run `migrations migrate --create-database`");
	if (rc < 0 && c.command && !c.targets && event_command(c.command))
		mig_cli_out_error(&c.out);
out:
	if (rc < 0)
		print_error(); /* > 0: an exit status, already reported (fleets) */
	fflush(stdout);
	mig_strv_free(&c.args);
	mig_strv_free(&c.schemas);
	mig__free(c.url_owned);
	int status = rc < 0 ? mig_error_exit_status(rc) : rc;
	mig_error_clear();
	return status;
}
