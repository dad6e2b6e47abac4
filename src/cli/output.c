/*
 * The command's output during a run (output.h). Text lines say what is
 * true when they are printed: inside a transaction of several
 * migrations a migration has only run ("ran ...; not committed yet")
 * until the COMMIT line; a transaction of one is reported once it
 * committed.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/output.h"

#include "cli/cli.h"
#include "util/error.h"
#include "util/str.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define DIM "\033[2m"
#define RESET "\033[0m"
/* back to the start of the line, and clear it */
#define REWRITE "\r\033[K"

void mig_cli_out_init(mig_cli_out *out, bool json, bool no_color, bool quiet, const mig_options *o)
{
	memset(out, 0, sizeof(*out));
	out->json = json;
	out->quiet = quiet;
	out->verbose = o->verbose;
	out->dry_run = o->dry_run;
	out->fake = o->fake;
	/* https://no-color.org: set at all means no colour; a terminal that
	 * cannot move the cursor gets none either */
	const char *term = getenv("TERM");
	bool terminal = isatty(STDOUT_FILENO) && !getenv("NO_COLOR") && !no_color && !(term && strcmp(term, "dumb") == 0);
	out->color = terminal && !json;
	out->progress = terminal && !json && !quiet && !o->verbose && !o->dry_run;
}

void mig_cli_out_break(mig_cli_out *out)
{
	if (out->partial) {
		fputc('\n', stdout);
		fflush(stdout);
		out->partial = false;
	}
}

/* ---- JSON lines -------------------------------------------------------- */

typedef struct jline {
	mig_str s;
} jline;

static void j_begin(jline *j, const char *event)
{
	j->s = (mig_str)MIG_STR_INIT;
	mig_str_puts(&j->s, "{\"event\": ");
	mig_cli_json_string(&j->s, event);
}

static void j_key(jline *j, const char *key)
{
	mig_str_puts(&j->s, ", ");
	mig_cli_json_string(&j->s, key);
	mig_str_puts(&j->s, ": ");
}

static void j_str(jline *j, const char *key, const char *v)
{
	j_key(j, key);
	if (v)
		mig_cli_json_string(&j->s, v);
	else
		mig_str_puts(&j->s, "null");
}

static void j_num(jline *j, const char *key, double v)
{
	j_key(j, key);
	/* JSON has no NaN or infinity */
	mig_str_printf(&j->s, "%.3f", isfinite(v) ? v : 0.0);
}

static void j_uint(jline *j, const char *key, size_t v)
{
	j_key(j, key);
	mig_str_printf(&j->s, "%zu", v);
}

static void j_bool(jline *j, const char *key, bool v)
{
	j_key(j, key);
	mig_str_puts(&j->s, v ? "true" : "false");
}

/* One object, one line, at once: a reader never sees half of one. */
static void j_end(jline *j)
{
	mig_str_puts(&j->s, "}\n");
	if (mig_str_failed(&j->s))
		fputs("{\"event\": \"error\", \"code\": \"nomem\", \"message\": \"out of memory\"}\n", stdout);
	else
		fwrite(mig_str_cstr(&j->s), 1, mig_str_len(&j->s), stdout);
	fflush(stdout);
	mig_str_free(&j->s);
}

static const char *direction(bool down)
{
	return down ? "down" : "up";
}

static void json_event(mig_cli_out *out, const mig_event *ev)
{
	jline j;
	switch (ev->kind) {
	case MIG_EV_INFO:
	case MIG_EV_WARNING:
	case MIG_EV_NOTICE:
		if (ev->kind == MIG_EV_NOTICE && !out->verbose)
			return;
		j_begin(&j, ev->kind == MIG_EV_INFO ? "info" : ev->kind == MIG_EV_WARNING ? "warning" : "notice");
		j_str(&j, "message", ev->text);
		break;
	case MIG_EV_PLAN:
		out->total = ev->count;
		j_begin(&j, "plan");
		j_uint(&j, "count", ev->count);
		j_bool(&j, "dry_run", out->dry_run);
		j_bool(&j, "fake", out->fake);
		break;
	case MIG_EV_MIGRATION_START:
		out->k++;
		j_begin(&j, "migration_start");
		j_str(&j, "name", ev->name);
		j_str(&j, "direction", direction(ev->down));
		j_uint(&j, "index", out->k);
		j_uint(&j, "total", out->total);
		break;
	case MIG_EV_STEP:
		j_begin(&j, "step");
		j_str(&j, "name", ev->name);
		j_str(&j, "sql", ev->text);
		j_bool(&j, "bookkeeping", ev->bookkeeping);
		break;
	case MIG_EV_MIGRATION_DONE:
		j_begin(&j, "migration_done");
		j_str(&j, "name", ev->name);
		j_str(&j, "direction", direction(ev->down));
		j_num(&j, "ms", ev->ms);
		j_bool(&j, "committed", !ev->uncommitted && !out->dry_run);
		break;
	case MIG_EV_COMMIT:
		j_begin(&j, "commit");
		j_uint(&j, "count", ev->count);
		j_str(&j, "first", ev->first);
		j_str(&j, "last", ev->name);
		break;
	case MIG_EV_NOTHING:
		/* the same two objects as any run: a reader waits for "done" */
		j_begin(&j, "plan");
		j_uint(&j, "count", 0);
		j_bool(&j, "dry_run", out->dry_run);
		j_bool(&j, "fake", out->fake);
		j_end(&j);
		j_begin(&j, "done");
		j_uint(&j, "count", 0);
		j_num(&j, "ms", 0);
		j_bool(&j, "dry_run", out->dry_run);
		break;
	case MIG_EV_DONE:
		j_begin(&j, "done");
		j_uint(&j, "count", ev->count);
		j_num(&j, "ms", ev->ms);
		j_bool(&j, "dry_run", out->dry_run);
		break;
	default:
		return;
	}
	j_end(&j);
}

void mig_cli_out_error(mig_cli_out *out)
{
	mig_cli_out_break(out);
	if (!out->json)
		return;
	const mig_error *e = mig_error_last();
	jline j;
	j_begin(&j, "error");
	int code = e ? e->code : MIG_ERROR;
	j_str(&j, "code", mig_error_name(code));
	j_uint(&j, "exit_status", (size_t)mig_error_exit_status(code));
	j_str(&j, "message", e ? e->message : "unknown failure");
	if (e && e->file) {
		j_str(&j, "file", e->file);
		if (e->line > 0)
			j_uint(&j, "line", (size_t)e->line);
		if (e->column > 0)
			j_uint(&j, "column", (size_t)e->column);
	}
	if (e && e->statement && *e->statement) {
		j_str(&j, "statement", e->statement);
		if (e->position > 0)
			j_uint(&j, "position", (size_t)e->position);
	}
	if (e && e->sqlstate)
		j_str(&j, "sqlstate", e->sqlstate);
	if (e && e->detail)
		j_str(&j, "detail", e->detail);
	if (e && e->hint)
		j_str(&j, "hint", e->hint);
	if (e && e->note)
		j_str(&j, "note", e->note);
	j_end(&j);
}

void mig_cli_out_say(mig_cli_out *out, const char *event, const char *key, const char *value, const char *flag_key,
		     bool flag, const char *text)
{
	mig_cli_out_break(out);
	if (out->json) {
		jline j;
		j_begin(&j, event);
		if (key)
			j_str(&j, key, value);
		if (flag_key)
			j_bool(&j, flag_key, flag);
		j_end(&j);
	} else if (!out->quiet && text) {
		printf("%s\n", text);
		fflush(stdout);
	}
}

/* ---- text lines -------------------------------------------------------- */

static void counter(const mig_cli_out *out)
{
	if (out->progress && out->total)
		printf("[%zu/%zu] ", out->k, out->total);
}

static void done_line(mig_cli_out *out, const mig_event *ev)
{
	const char *verb, *tail = "";
	if (ev->uncommitted) {
		/* --fake runs nothing: it only writes the state table */
		verb = out->fake ? "fake: recorded" : ev->down ? "ran down" : "ran";
		if (out->fake)
			tail = ev->down ? " as rolled back" : " as applied";
		if (ev->down)
			out->open_down++;
		else
			out->open_up++;
	} else {
		verb = out->fake ? (ev->down ? "fake-rolled-back" : "fake-applied") : (ev->down ? "rolled back" : "applied");
	}
	if (out->partial)
		fputs(REWRITE, stdout);
	out->partial = false;
	counter(out);
	printf("%s %s%s (%.0f ms%s)\n", verb, ev->name, tail, ev->ms, ev->uncommitted ? "; not committed yet" : "");
}

static void commit_line(mig_cli_out *out, const mig_event *ev)
{
	const char *applied = out->fake ? "recorded as applied" : "applied";
	const char *undone = out->fake ? "recorded as rolled back" : "rolled back";
	printf("committed: ");
	if (out->open_down && out->open_up)
		printf("%zu %s, %zu %s\n", out->open_down, undone, out->open_up, applied);
	else
		printf("%zu migration%s %s (%s .. %s)\n", ev->count, ev->count == 1 ? "" : "s",
		       out->open_down ? undone : applied, ev->first, ev->name);
	out->open_up = out->open_down = 0;
}

static void text_event(mig_cli_out *out, const mig_event *ev)
{
	switch (ev->kind) {
	case MIG_EV_INFO:
		if (!out->quiet) {
			mig_cli_out_break(out);
			fprintf(stderr, "%s\n", ev->text);
		}
		break;
	case MIG_EV_WARNING:
		mig_cli_out_break(out);
		fprintf(stderr, "%s\n", ev->text);
		break;
	case MIG_EV_NOTICE:
		if (out->verbose) {
			mig_cli_out_break(out);
			fprintf(stderr, "%s\n", ev->text);
		}
		break;
	case MIG_EV_PLAN:
		out->total = ev->count;
		if (out->dry_run && !out->quiet)
			fprintf(stderr, "dry run: nothing will be changed\n");
		break;
	case MIG_EV_MIGRATION_START:
		out->k++;
		if (out->dry_run || out->verbose) {
			printf("### MIGRATION %s (%s) ###\n", ev->name, ev->down ? "DOWN" : "UP");
		} else if (out->progress) {
			/* what runs now, replaced by its result line */
			counter(out);
			printf("%s%s ...", ev->down ? "rolling back " : "", ev->name);
			out->partial = true;
		}
		break;
	case MIG_EV_STEP:
		mig_cli_out_break(out);
		printf("%s\n", ev->text);
		break;
	case MIG_EV_MIGRATION_DONE:
		if (out->dry_run || out->verbose)
			printf("\n");
		if (!out->dry_run && !out->quiet)
			done_line(out, ev);
		break;
	case MIG_EV_COMMIT:
		if (!out->dry_run && !out->quiet)
			commit_line(out, ev);
		out->open_up = out->open_down = 0;
		break;
	case MIG_EV_NOTHING:
		if (!out->quiet)
			printf("No migrations to run!\n");
		break;
	case MIG_EV_DONE:
		mig_cli_out_break(out);
		if (out->quiet)
			break;
		if (out->dry_run)
			printf("dry run: %zu migration%s shown, nothing changed.\n", ev->count, ev->count == 1 ? "" : "s");
		else
			printf("Migrations complete! (%zu in %.0f ms)\n", ev->count, ev->ms);
		break;
	}
	fflush(stdout);
}

void mig_cli_out_event(void *ud, const mig_event *ev)
{
	mig_cli_out *out = ud;
	if (out->json)
		json_event(out, ev);
	else
		text_event(out, ev);
}

/* ---- status ------------------------------------------------------------ */

static void json_string(const char *s)
{
	mig_str out = MIG_STR_INIT;
	mig_cli_json_string(&out, s);
	fwrite(mig_str_cstr(&out), 1, mig_str_len(&out), stdout);
	mig_str_free(&out);
}

static void status_json(const mig_status_entry *e, size_t n)
{
	printf("[");
	for (size_t i = 0; i < n; i++) {
		printf("%s\n  {\"name\": ", i ? "," : "");
		json_string(e[i].name);
		printf(", \"status\": \"%s\", \"run_on\": ", e[i].failed ? "failed" : e[i].run_on ? "applied" : "pending");
		if (e[i].run_on)
			json_string(e[i].run_on);
		else
			printf("null");
		printf(", \"file\": ");
		if (e[i].file)
			json_string(e[i].file);
		else
			printf("null");
		if (e[i].failed) {
			printf(", \"failure\": {\"direction\": \"%s\", \"interrupted\": %s, \"statements_done\": %ld, \"started\": ",
			       e[i].failed_down ? "down" : "up", e[i].interrupted ? "true" : "false", e[i].statements_done);
			json_string(e[i].failed_at ? e[i].failed_at : "");
			printf(", \"error\": ");
			if (e[i].error)
				json_string(e[i].error);
			else
				printf("null");
			printf("}");
		}
		if (e[i].unreadable) {
			printf(", \"unreadable\": ");
			json_string(e[i].unreadable);
		}
		printf("}");
	}
	printf("%s]\n", n ? "\n" : "");
}

void mig_cli_out_status(const mig_cli_out *out, const mig_status_entry *e, size_t n, size_t *pending, size_t *failed)
{
	*pending = *failed = 0;
	for (size_t i = 0; i < n; i++) {
		*failed += e[i].failed;
		*pending += !e[i].failed && !e[i].run_on;
	}
	if (out->json) {
		status_json(e, n);
		return;
	}
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (strlen(e[i].name) > w)
			w = strlen(e[i].name);
	const char *on = out->color ? RESET : "";
	for (size_t i = 0; i < n; i++) {
		if (e[i].failed) {
			printf("%-*s  %s%s while %s: %ld statement(s) ran%s (started %s; see `migrations repair`)%s\n", (int)w,
			       e[i].name, out->color ? RED : "", e[i].interrupted ? "INTERRUPTED" : "FAILED",
			       e[i].failed_down ? "rolling back" : "applying", e[i].statements_done,
			       e[i].interrupted ? ", the next may have" : "", e[i].failed_at ? e[i].failed_at : "?", on);
			continue;
		}
		const char *col = !out->color ? "" : e[i].run_on ? GREEN : YELLOW;
		printf("%-*s  %s%s%s%s%s%s", (int)w, e[i].name, col, e[i].run_on ? e[i].run_on : "pending", on,
		       e[i].run_on && !e[i].file && out->color ? DIM : "", e[i].run_on && !e[i].file ? "  (file missing)" : "",
		       e[i].run_on && !e[i].file ? on : "");
		if (e[i].unreadable)
			printf("  %s(cannot be read: %s)%s", out->color ? RED : "", e[i].unreadable, on);
		putchar('\n');
	}
	size_t unreadable = 0;
	for (size_t i = 0; i < n; i++)
		unreadable += e[i].unreadable != NULL;
	if (out->quiet)
		return;
	mig_str sum = MIG_STR_INIT;
	mig_str_printf(&sum, "%zu applied, %zu pending", n - *pending - *failed, *pending);
	if (*failed)
		mig_str_printf(&sum, ", %zu failed", *failed);
	if (unreadable)
		mig_str_printf(&sum, ", %zu cannot be read", unreadable);
	fprintf(stderr, "%s\n", mig_str_failed(&sum) ? "status" : mig_str_cstr(&sum));
	mig_str_free(&sum);
}
