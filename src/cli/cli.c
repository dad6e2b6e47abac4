/*
 * The `migrations` command: argument parsing and output over the library
 * API (migrations.h). Results go to stdout, diagnostics to stderr.
 * Exit status: 0 done, 1 a run-time failure, 2 bad usage or bad input.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include "cli/config.h"
#include "cli/database.h"
#include "cli/dotenv.h"
#include "cli/fleet.h"
#include "cli/help.h"
#include "cli/options.h"
#include "cli/output.h"
#include "util/json.h"
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

struct cli {
	mig_options o;
	mig_cli_parsed p; /* the command line: options and words */
	const mig_cli_command *cmd;
	const char *command; /* cmd's name */
	const char *url;
	const char *url_var;
	const char *env_file;
	const char *language;
	const char *filename_format;
	const char *template_file;
	const char *dialect;
	bool down;
	bool json;
	bool quiet;
	bool force;
	bool applied;
	bool pending;
	/* --targets: fleet.c */
	const char *targets;
	long parallel;
	bool fail_fast;
	/* --config-file: the values the slots borrow */
	mig_json *config;
	char *config_url;
	/* output.c, database.c */
	mig_cli_out out;
	bool exit_code, no_color, wait, create_database;
	double wait_timeout;
	bool wait_timeout_set;
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

static int set_value(struct cli *c, size_t id, const char *v)
{
	const char *opt = mig_cli_opts[id].lng;
	double d;
	int rc = 0;
	switch (id) {
	case MIG_OPT_TARGETS:
		c->targets = v;
		break;
	case MIG_OPT_PARALLEL:
		rc = mig_cli_fleet_parse_parallel(v, &c->parallel);
		break;
	case MIG_OPT_DATABASE_URL:
		c->url = v;
		break;
	case MIG_OPT_DATABASE_URL_VAR:
		c->url_var = v;
		break;
	case MIG_OPT_MIGRATIONS_DIR:
		c->o.migrations_dir = v;
		break;
	case MIG_OPT_MIGRATIONS_TABLE:
		c->o.migrations_table = v;
		break;
	case MIG_OPT_MIGRATIONS_SCHEMA:
		c->o.migrations_schema = v;
		break;
	case MIG_OPT_LANGUAGE:
		c->language = v;
		break;
	case MIG_OPT_FILENAME_FORMAT:
		c->filename_format = v;
		break;
	case MIG_OPT_TEMPLATE_FILE_NAME:
		c->template_file = v;
		break;
	case MIG_OPT_IGNORE_PATTERN:
		c->o.ignore_pattern = v;
		break;
	case MIG_OPT_LOCK_WAIT:
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 0)
				return mig_error_set(MIG_EUSAGE, "--lock-wait needs seconds >= 0, not '%s'", v);
			c->o.lock_wait = d;
		}
		break;
	case MIG_OPT_LOCK_VALUE: {
		char *end;
		errno = 0;
		long long n = strtoll(v, &end, 10);
		if (!*v || *end || errno)
			return mig_error_set(MIG_EUSAGE, "--lock-value needs an integer, not '%s'", v);
		c->o.lock_value = n;
		break;
	}
	case MIG_OPT_LOCK_STRATEGY:
		if (strcmp(v, "auto") != 0 && strcmp(v, "session") != 0 && strcmp(v, "table") != 0)
			return mig_error_set(MIG_EUSAGE, "--lock-strategy is auto, session or table, not '%s'", v);
		c->o.lock_strategy = v;
		break;
	case MIG_OPT_LOCK_LEASE:
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 2 || d > 86400 || d != (double)(int)d)
				return mig_error_set(MIG_EUSAGE, "--lock-lease needs whole seconds from 2 to 86400, not '%s'", v);
			c->o.lock_lease = (int)d;
		}
		break;
	case MIG_OPT_JS_ENGINE:
		if (strcmp(v, "auto") != 0 && strcmp(v, "static") != 0 && strcmp(v, "node") != 0)
			return mig_error_set(MIG_EUSAGE, "--js-engine is auto, static or node, not '%s'", v);
		c->o.js_engine = v;
		break;
	case MIG_OPT_NODE:
		c->o.node = v;
		break;
	case MIG_OPT_NODE_TIMEOUT:
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 1 || d > 86400 || d != (double)(int)d)
				return mig_error_set(MIG_EUSAGE, "--node-timeout needs whole seconds from 1 to 86400, not '%s'", v);
			c->o.node_timeout = (int)d;
		}
		break;
	case MIG_OPT_LOCK_TIMEOUT:
		c->o.lock_timeout = v;
		break;
	case MIG_OPT_STATEMENT_TIMEOUT:
		c->o.statement_timeout = v;
		break;
	case MIG_OPT_CONNECT_TIMEOUT:
		if ((rc = parse_number(opt, v, &d)) == 0) {
			if (d < 1 || d > 3600)
				return mig_error_set(MIG_EUSAGE, "--connect-timeout needs 1..3600 seconds, not '%s'", v);
			c->o.connect_timeout = (int)d;
		}
		break;
	case MIG_OPT_DIALECT:
		c->dialect = v;
		break;
	case MIG_OPT_ENV_FILE:
		c->env_file = v;
		break;
	case MIG_OPT_WAIT_TIMEOUT:
		if ((rc = parse_number(opt, v, &d)) == 0 && (d < 0 || d > 86400))
			return mig_error_set(MIG_EUSAGE, "--wait-timeout needs 0..86400 seconds, not '%s'", v);
		c->wait_timeout = d;
		c->wait_timeout_set = true;
		break;
	case MIG_OPT_ADVISORY_LOCK_MODE:
		/* node-pg-migrate's spelling: wait blocks until the lock is free */
		if (strcmp(v, "wait") == 0)
			c->o.lock_wait = -1;
		else if (strcmp(v, "fail") == 0)
			c->o.lock_wait = 0;
		else
			return mig_error_set(MIG_EUSAGE, "--advisory-lock-mode is fail or wait, not '%s'", v);
		break;
	default: /* read before the others: --config-file, --config-value */
		break;
	}
	return rc;
}

static int set_flag(struct cli *c, size_t id, bool on)
{
	switch (id) {
	case MIG_OPT_CREATE_SCHEMA:
		c->o.create_schema = on;
		break;
	case MIG_OPT_CREATE_MIGRATIONS_SCHEMA:
		c->o.create_migrations_schema = on;
		break;
	case MIG_OPT_USE_GLOB:
		if (on)
			return mig_error_set(MIG_EUSAGE, "--use-glob is not supported: -m/--migrations-dir is one folder, and "
							 "--ignore-pattern (a regex on file names) leaves files out of it");
		break;
	case MIG_OPT_DECAMELIZE:
		c->o.decamelize = on;
		break;
	case MIG_OPT_DRY_RUN:
		c->o.dry_run = on;
		break;
	case MIG_OPT_FAKE:
		c->o.fake = on;
		break;
	case MIG_OPT_TIMESTAMP:
		c->o.timestamp = on;
		break;
	case MIG_OPT_SINGLE_TRANSACTION:
		c->o.no_single_transaction = !on;
		break;
	case MIG_OPT_CHECK_ORDER:
		c->o.no_check_order = !on;
		break;
	case MIG_OPT_LOCK:
		c->o.no_lock = !on;
		break;
	case MIG_OPT_FORCE:
		c->force = on;
		break;
	case MIG_OPT_APPLIED:
		c->applied = on;
		break;
	case MIG_OPT_PENDING:
		c->pending = on;
		break;
	case MIG_OPT_DOWN:
		c->down = on;
		break;
	case MIG_OPT_FAIL_FAST:
		c->fail_fast = on;
		break;
	case MIG_OPT_JSON:
		c->json = on;
		break;
	case MIG_OPT_VERBOSE:
		c->o.verbose = on;
		break;
	case MIG_OPT_QUIET:
		c->quiet = on;
		break;
	case MIG_OPT_EXIT_CODE:
		c->exit_code = on;
		break;
	case MIG_OPT_COLOR:
		c->no_color = !on;
		break;
	case MIG_OPT_WAIT:
		c->wait = on;
		break;
	case MIG_OPT_CREATE_DATABASE:
		c->create_database = on;
		break;
	default: /* --help, --version: read before */
		break;
	}
	return 0;
}

/* The parsed options (command line and config file) into c. */
static int apply_options(struct cli *c)
{
	for (size_t id = 0; id < MIG_OPT__COUNT; id++) {
		const mig_cli_slot *s = &c->p.slot[id];
		int rc = 0;
		if (s->src == MIG_SRC_NONE)
			continue;
		switch (mig_cli_opts[id].kind) {
		case MIG_OPT_FLAG:
			rc = set_flag(c, id, s->on);
			break;
		case MIG_OPT_VALUE:
			rc = set_value(c, id, s->value);
			break;
		case MIG_OPT_LIST: /* --schema */
			c->o.schemas = (const char *const *)s->list.v;
			c->o.nschemas = s->list.n;
			break;
		}
		if (rc) {
			if (s->src == MIG_SRC_CONFIG)
				mig_error_set_location(s->file, s->line, s->column);
			return rc;
		}
	}
	return 0;
}

static int unknown_command(const char *word)
{
	const char *near = mig_cli_closest_command(word);
	if (near)
		return mig_error_set(MIG_EUSAGE, "unknown command '%s': did you mean '%s'? (see migrations --help)", word, near);
	return mig_error_set(MIG_EUSAGE,
			     "unknown command '%s' (use create, auth, migrate, rollback, redo, status, repair, sql, wait or create-database; see --help)",
			     word);
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
	if (c->p.args.n == 0)
		return 0;
	double n;
	if (parse_count(c->p.args.v[0], &n)) {
		if (c->p.args.n > 1)
			return mig_error_set(MIG_EUSAGE, "unexpected argument '%s' after the count", c->p.args.v[1]);
		t->has_count = true;
		t->count = n;
		return 0;
	}
	/* node-pg-migrate joins the words of a name with '-' */
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < c->p.args.n; i++) {
		if (i)
			mig_str_putc(&s, '-');
		mig_str_puts(&s, c->p.args.v[i]);
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
	if (c->p.args.n == 0)
		return mig_error_set(MIG_EUSAGE, "'migrationName' is required. (usage: migrations create <name>)");
	mig_create_opts co = {
		.migrations_dir = c->o.migrations_dir,
		.language = c->language,
		.filename_format = c->filename_format,
		.words = (const char *const *)c->p.args.v,
		.nwords = c->p.args.n,
		.ignore_pattern = c->o.ignore_pattern,
		.template_file = c->template_file,
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
	if (c->p.args.n)
		return mig_error_set(MIG_EUSAGE, "auth takes no arguments (got '%s')", c->p.args.v[0]);
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
	if (c->p.args.n != 1)
		return mig_error_set(MIG_EUSAGE, "sql takes one migration file or name (usage: migrations sql <file|name>)");
	char *text = NULL;
	int rc = mig_sql(&c->o, c->p.args.v[0], c->dialect, c->down, &text);
	if (rc == 0)
		fputs(text, stdout);
	mig__free(text);
	return rc;
}

static int cmd_repair(struct cli *c)
{
	if (c->p.args.n != 1)
		return mig_error_set(MIG_EUSAGE, "repair takes one migration name (usage: migrations repair <name> --applied|--pending)");
	if (c->applied == c->pending)
		return mig_error_set(MIG_EUSAGE,
				     "repair needs exactly one of --applied (the migration is complete: record it) or --pending (it was undone: run it again)");
	int rc = mig_repair(&c->o, c->p.args.v[0], c->applied);
	if (rc == 0 && !c->o.dry_run)
		mig_cli_out_say(&c->out, "repaired", "name", c->p.args.v[0], "applied", c->applied, NULL);
	return rc;
}

/* wait and create-database take no words; --wait-timeout needs a wait. */
static int check_database_flags(const struct cli *c, bool wait, bool createdb)
{
	if (c->p.args.n && (wait || createdb))
		return mig_error_set(MIG_EUSAGE, "%s takes no arguments (got '%s')", c->command, c->p.args.v[0]);
	if (c->wait_timeout_set && !wait && !c->wait)
		return mig_error_set(MIG_EUSAGE, "--wait-timeout goes with the wait command or --wait");
	return 0;
}

/* --targets: the command on every database of the file (fleet.c). */
static int run_fleet(struct cli *c)
{
	if (!c->targets)
		return mig_error_set(MIG_EUSAGE, "--%s goes with --targets FILE", c->parallel ? "parallel" : "fail-fast");
	if (c->url || c->url_var)
		return mig_error_set(MIG_EUSAGE, "--targets names the databases: it cannot be combined with %s",
				     c->url ? "--database-url" : "-d/--database-url-var");
	if (strcmp(c->command, "status") == 0 && c->p.args.n)
		return mig_error_set(MIG_EUSAGE, "status takes no arguments (got '%s')", c->p.args.v[0]);
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
	if ((c->targets || c->parallel || c->fail_fast) && (c->wait || c->create_database))
		return mig_error_set(MIG_EUSAGE, "--%s does not go with --targets (each target is its own run)",
				     c->wait ? "wait" : "create-database");
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
		return unknown_command(cmd);
	if (!repair && (c->applied || c->pending))
		return mig_error_set(MIG_EUSAGE, "--%s belongs to the repair command", c->applied ? "applied" : "pending");
	if ((rc = check_database_flags(c, wait, createdb)) != 0)
		return rc;
	if ((rc = resolve_database(c)) != 0)
		return rc;
	c->o.on_event = mig_cli_out_event;
	c->o.ud = &c->out;
	c->o.no_notices = !c->o.verbose; /* only --verbose shows them */
	/* dbmate's --wait and create: before anything else touches the database */
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
		if (c->p.args.n)
			return mig_error_set(MIG_EUSAGE, "status takes no arguments (got '%s')", c->p.args.v[0]);
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

/* `help [command]`, `<command> --help`, `completion SHELL`. */
static int cmd_help(struct cli *c)
{
	const mig_cli_command *about = c->cmd;
	if (c->cmd->bit == MIG_CMD_HELP) {
		if (c->p.args.n > 1)
			return mig_error_set(MIG_EUSAGE, "help takes one command (usage: migrations help [command])");
		about = NULL;
		if (c->p.args.n && !(about = mig_cli_command_find(c->p.args.v[0])))
			return unknown_command(c->p.args.v[0]);
	}
	if (about)
		mig_cli_print_command_help(stdout, about);
	else
		mig_cli_print_help(stdout);
	return 0;
}

static int cmd_completion(struct cli *c)
{
	if (c->p.args.n > 1)
		return mig_error_set(MIG_EUSAGE, "completion takes one shell (usage: migrations completion bash|zsh|fish)");
	return mig_cli_print_completion(stdout, c->p.args.n ? c->p.args.v[0] : NULL);
}

/* The command line, then the config file under it, into c. */
static int read_options(struct cli *c, int argc, char **argv)
{
	int rc = mig_cli_parse(&c->p, argc, argv);
	if (rc == 0 && c->p.command && !(c->cmd = mig_cli_command_find(c->p.command)))
		rc = unknown_command(c->p.command);
	if (rc)
		return rc;
	const mig_cli_slot *s = c->p.slot;
	/* --help and --version answer whatever else is there */
	if ((s[MIG_OPT_HELP].src && s[MIG_OPT_HELP].on) || (s[MIG_OPT_VERSION].src && s[MIG_OPT_VERSION].on))
		return 0;
	if (!c->cmd) {
		mig_cli_print_help(stderr);
		return mig_error_set(MIG_EUSAGE, "no command given");
	}
	c->command = c->cmd->name;
	if ((rc = mig_cli_check_applies(&c->p, c->cmd)) != 0)
		return rc;
	if (s[MIG_OPT_CONFIG_FILE].src &&
	    (rc = mig_cli_config_load(&c->p, c->cmd->bit, s[MIG_OPT_CONFIG_FILE].value, s[MIG_OPT_CONFIG_VALUE].value,
				      &c->config, &c->config_url)) != 0)
		return rc;
	return apply_options(c);
}

/* The commands whose --json output is a stream of events (output.h). */
static bool event_command(const mig_cli_command *cmd)
{
	return cmd && (cmd->bit & (MIG_CMD_MIGRATE | MIG_CMD_ROLLBACK | MIG_CMD_REDO | MIG_CMD_REPAIR | MIG_CMD_WAIT |
				   MIG_CMD_CREATE_DATABASE));
}

int mig_cli_main(int argc, char **argv)
{
	struct cli c;
	memset(&c, 0, sizeof(c));
	int rc = read_options(&c, argc, argv);
	const mig_cli_slot *s = c.p.slot;
	if (rc == 0 && s[MIG_OPT_HELP].src && s[MIG_OPT_HELP].on) {
		if (c.cmd && c.cmd->bit != MIG_CMD_HELP)
			mig_cli_print_command_help(stdout, c.cmd);
		else
			mig_cli_print_help(stdout);
		goto out;
	}
	if (rc == 0 && s[MIG_OPT_VERSION].src && s[MIG_OPT_VERSION].on) {
		printf("migrations %s\n", mig_version());
		goto out;
	}
	if (rc == 0 && c.cmd->bit == MIG_CMD_HELP) {
		rc = cmd_help(&c);
		goto out;
	}
	if (rc == 0 && c.cmd->bit == MIG_CMD_COMPLETION) {
		rc = cmd_completion(&c);
		goto out;
	}
	if (rc == 0 && c.env_file && access(c.env_file, R_OK) != 0)
		rc = mig_error_set(MIG_EUSAGE, "cannot read --env-file %s: %s", c.env_file, strerror(errno));
	if (rc == 0)
		rc = mig_dotenv_load(c.env_file ? c.env_file : ".env");
	/* --json even when reading the options failed after it */
	bool json = c.json || (s[MIG_OPT_JSON].src && s[MIG_OPT_JSON].on);
	mig_cli_out_init(&c.out, json, c.no_color, c.quiet, &c.o);
	if (rc == 0)
		rc = dispatch(&c);
	if (rc == MIG_ENODATABASE && mig_error_last() && !mig_error_last()->hint)
		mig_error_set_hint("create it with `migrations create-database`, or run `migrations migrate --create-database`");
	if (rc < 0 && !c.targets && event_command(c.cmd))
		mig_cli_out_error(&c.out);
out:
	if (rc < 0)
		print_error(); /* > 0: an exit status, already reported (fleets) */
	fflush(stdout);
	mig_cli_parsed_free(&c.p);
	mig_json_free(c.config);
	mig__free(c.config_url);
	int status = rc < 0 ? mig_error_exit_status(rc) : rc;
	mig_error_clear();
	return status;
}
