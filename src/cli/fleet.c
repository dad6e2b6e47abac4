/*
 * Fleets (fleet.h): the command of a single run over every database URL
 * of a targets file, one forked child process per target.
 *
 * The parent is single-threaded. It reads the targets file a line at a
 * time; for each target it checks the URL (a line that is not one we
 * accept fails there, with FILE:LINE, and starts nothing), opens a pipe
 * and forks. The child runs the command through the library
 * (mig_migrate, mig_rollback, mig_redo, mig_status) with an event
 * callback that counts what it did, writes one result record to the pipe
 * and _exits; its standard output goes to /dev/null, so nothing but the
 * parent's result lines reach stdout. The parent poll()s the pipes of the
 * children in flight (at most --parallel), and when a pipe ends it reaps
 * the child with waitpid(): a child that died of a signal, or ended
 * without a whole record, is that target's failure. Each result line is
 * printed as its target ends, and the target's memory and pipe are gone
 * right after.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/fleet.h"

#include "cli/cli.h"
#include "engine/runner.h"
#include "engine/url.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "util/url.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- the targets file ------------------------------------------------ */

int mig_cli_targets_open(mig_cli_targets *t, const char *path)
{
	memset(t, 0, sizeof(*t));
	t->path = path;
	if (strcmp(path, "-") == 0) {
		t->f = stdin;
		t->path = "<stdin>";
		return 0;
	}
	struct stat st;
	if (!(t->f = fopen(path, "r")))
		return mig_error_set(MIG_EUSAGE, "cannot read --targets %s: %s", path, strerror(errno));
	t->own = true;
	if (fstat(fileno(t->f), &st) == 0 && S_ISDIR(st.st_mode)) {
		mig_cli_targets_close(t);
		return mig_error_set(MIG_EUSAGE, "cannot read --targets %s: it is a directory", path);
	}
	return 0;
}

char *mig_cli_targets_trim(char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	if (*line == '\0' || *line == '#')
		return NULL;
	size_t n = strlen(line);
	while (n > 0 && isspace((unsigned char)line[n - 1]))
		n--;
	line[n] = '\0';
	return line;
}

int mig_cli_targets_next(mig_cli_targets *t, const char **url, long *line)
{
	for (;;) {
		errno = 0;
		ssize_t n = getline(&t->buf, &t->cap, t->f);
		if (n < 0) {
			if (ferror(t->f))
				return mig_error_set(MIG_EUSAGE, "%s:%ld: cannot read the targets file: %s", t->path,
						     t->line + 1, strerror(errno ? errno : EIO));
			return 0;
		}
		t->line++;
		if (memchr(t->buf, '\0', (size_t)n))
			return mig_error_set(MIG_EUSAGE, "%s:%ld: the line holds a NUL byte: not a targets file", t->path,
					     t->line);
		char *u = mig_cli_targets_trim(t->buf);
		if (u) {
			*url = u;
			*line = t->line;
			return 1;
		}
	}
}

void mig_cli_targets_close(mig_cli_targets *t)
{
	if (t->f && t->own)
		fclose(t->f);
	free(t->buf); /* getline's: libc memory */
	t->f = NULL;
	t->buf = NULL;
	t->cap = 0;
}

int mig_cli_fleet_parse_parallel(const char *v, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < 1 || n > MIG_CLI_FLEET_MAX_PARALLEL)
		return mig_error_set(MIG_EUSAGE, "--parallel needs a whole number from 1 to %d, not '%s'",
				     MIG_CLI_FLEET_MAX_PARALLEL, v);
	*out = n;
	return 0;
}

/* ---- the result record: child -> parent ------------------------------ */

enum kind { K_MIGRATE, K_ROLLBACK, K_REDO, K_STATUS };

#define REC_MAGIC 0x6d696721u /* "mig!" */
/* What a child sends at most of each text (a result line shows one line). */
#define REC_TEXT_MAX 8192
#define REC_NAMES_MAX 65536
/* What the parent keeps of a child's pipe at most. */
#define REC_MAX (sizeof(struct rec_head) + 2 * REC_TEXT_MAX + REC_NAMES_MAX)

struct rec_head {
	uint32_t magic;
	int32_t rc;                        /* the command's: 0 or MIG_E* */
	uint32_t up, down;                 /* migrations applied / rolled back */
	uint32_t applied, pending, failed; /* status */
	uint32_t names_cut;                /* pending names left out */
	uint32_t len[3];                   /* error head, detail, pending names */
};

enum { T_ERROR, T_DETAIL, T_NAMES };

/* ---- the child ------------------------------------------------------- */

struct child {
	const mig_cli_fleet *f;
	const char *shown; /* the redacted URL */
	uint32_t up, down;
};

/* Write all of buf; a child has nothing else to do when this fails. */
static void write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		buf += w;
		n -= (size_t)w;
	}
}

/* A child's text for the terminal (stderr): every line prefixed by the
 * target, in one write so that children's lines do not mix. */
static void forward(const struct child *c, const char *verb, const char *text)
{
	mig_str s = MIG_STR_INIT;
	const char *p = text;
	do {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		mig_str_printf(&s, "%s: %s%s%.*s\n", c->shown, verb ? verb : "", verb ? " " : "", (int)n, p);
		p = nl ? nl + 1 : NULL;
	} while (p && *p);
	write_all(STDERR_FILENO, mig_str_cstr(&s), mig_str_len(&s));
	mig_str_free(&s);
}

static void child_event(void *ud, const mig_event *ev)
{
	struct child *c = ud;
	bool verbose = c->f->opts.verbose;
	switch (ev->kind) {
	case MIG_EV_MIGRATION_DONE:
		if (ev->down)
			c->down++;
		else
			c->up++;
		if (verbose && !c->f->opts.dry_run)
			forward(c, ev->down ? "rolled back" : "applied", ev->name);
		break;
	case MIG_EV_WARNING:
		forward(c, NULL, ev->text);
		break;
	case MIG_EV_INFO:
	case MIG_EV_NOTICE:
	case MIG_EV_STEP:
		if (verbose && ev->text)
			forward(c, NULL, ev->text);
		break;
	case MIG_EV_MIGRATION_START:
		if (verbose) {
			char *head = mig_aprintf("### MIGRATION %s (%s) ###", ev->name, ev->down ? "DOWN" : "UP");
			forward(c, NULL, head ? head : ev->name);
			mig__free(head);
		}
		break;
	default:
		break;
	}
}

/* text cut to at most max bytes (whole UTF-8 characters are not a
 * concern: the parent's JSON escaping repairs a cut one). */
static void put_text(mig_str *s, uint32_t *len, const char *text, size_t max)
{
	size_t n = text ? strlen(text) : 0;
	if (n > max)
		n = max;
	mig_str_put(s, text ? text : "", n);
	*len = (uint32_t)n;
}

static int child_status(mig_options *o, struct rec_head *h, mig_str *names)
{
	mig_status_entry *e = NULL;
	size_t n = 0;
	int rc = mig_status(o, &e, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (e[i].failed) {
			h->failed++;
		} else if (e[i].run_on) {
			h->applied++;
		} else {
			h->pending++;
			size_t len = strlen(e[i].name) + 1;
			if (mig_str_len(names) + len <= REC_NAMES_MAX)
				mig_str_put(names, e[i].name, len); /* with its NUL */
			else
				h->names_cut++;
		}
	}
	mig_status_free(e, n);
	return 0;
}

/* In the forked child: run the command on url, send the record, _exit
 * with the status a single run would have. Never returns. */
static void child_main(const mig_cli_fleet *f, enum kind k, const char *url, const char *shown, int wfd)
{
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
	struct child c = {.f = f, .shown = shown};
	mig_options o = f->opts;
	o.database_url = url;
	o.on_event = child_event;
	o.ud = &c;
	o.no_notices = !o.verbose; /* child_event shows them only then */
	struct rec_head h = {.magic = REC_MAGIC};
	mig_str names = MIG_STR_INIT;
	mig_error_clear();
	int rc;
	if (k == K_STATUS)
		rc = child_status(&o, &h, &names);
	else if (k == K_MIGRATE)
		rc = mig_migrate(&o, &f->target);
	else if (k == K_ROLLBACK)
		rc = mig_rollback(&o, &f->target);
	else
		rc = mig_redo(&o, &f->target);
	h.rc = rc;
	h.up = c.up;
	h.down = c.down;
	mig_str body = MIG_STR_INIT;
	const mig_error *e = rc ? mig_error_last() : NULL;
	mig_str head = MIG_STR_INIT;
	if (e)
		mig_cli_error_head(&head, e);
	else if (rc)
		mig_str_puts(&head, "unknown failure");
	put_text(&body, &h.len[T_ERROR], mig_str_cstr(&head), REC_TEXT_MAX);
	put_text(&body, &h.len[T_DETAIL], e ? e->detail : NULL, REC_TEXT_MAX);
	mig_str_put(&body, mig_str_cstr(&names), mig_str_len(&names));
	h.len[T_NAMES] = (uint32_t)mig_str_len(&names);
	if (!mig_str_failed(&body) && !mig_str_failed(&names)) {
		write_all(wfd, (const char *)&h, sizeof(h));
		write_all(wfd, mig_str_cstr(&body), mig_str_len(&body));
	}
	/* no exit(): nothing of the parent's (stdio buffers, atexit
	 * handlers) may run twice */
	_exit(rc ? mig_error_exit_status(rc) : 0);
}

/* ---- the parent ------------------------------------------------------ */

struct slot {
	pid_t pid;
	int fd;
	long line;
	char *shown;
	double t0;
	mig_str rec;
};

struct fleet {
	const mig_cli_fleet *f;
	enum kind kind;
	const char *cmd; /* canonical name for JSON */
	mig_cli_targets in;
	struct slot *slots;
	struct pollfd *pfd;
	size_t n, cap;
	size_t max;
	size_t total, ok, failed, skipped;
	bool stop;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* What the parent knows of a target once it ended. */
struct result {
	long line;
	const char *shown;
	bool ok, skipped;
	int exit;   /* -1: none (skipped, killed) */
	int signal; /* 0: none */
	long ms;
	const struct rec_head *h; /* NULL: no record */
	const char *text[3];
	const char *error; /* NULL when ok */
};

static void put_count(mig_str *s, const char *key, uint32_t v)
{
	mig_str_printf(s, ", \"%s\": %u", key, (unsigned)v);
}

static void json_line(const struct fleet *fl, const struct result *r, mig_str *s)
{
	mig_str_puts(s, "{\"target\": ");
	mig_cli_json_string(s, r->shown);
	mig_str_printf(s, ", \"line\": %ld, \"command\": \"%s\", \"ok\": %s", r->line, fl->cmd, r->ok ? "true" : "false");
	if (r->skipped)
		mig_str_puts(s, ", \"skipped\": true");
	if (r->exit >= 0)
		mig_str_printf(s, ", \"exit\": %d", r->exit);
	else
		mig_str_puts(s, ", \"exit\": null");
	if (r->signal)
		mig_str_printf(s, ", \"signal\": %d", r->signal);
	if (!r->skipped)
		mig_str_printf(s, ", \"ms\": %ld", r->ms);
	const struct rec_head *h = r->ok ? r->h : NULL;
	if (h && fl->kind == K_STATUS) {
		put_count(s, "applied", h->applied);
		put_count(s, "pending", h->pending);
		put_count(s, "failed", h->failed);
		mig_str_puts(s, ", \"pending_names\": [");
		const char *p = r->text[T_NAMES], *end = p + h->len[T_NAMES];
		for (bool first = true; p < end; p += strlen(p) + 1, first = false) {
			if (!first)
				mig_str_puts(s, ", ");
			mig_cli_json_string(s, p);
		}
		mig_str_puts(s, "]");
		if (h->names_cut)
			put_count(s, "pending_names_left_out", h->names_cut);
	} else if (h) {
		put_count(s, "applied", h->up);
		put_count(s, "rolled_back", h->down);
	}
	mig_str_puts(s, ", \"error\": ");
	if (r->error)
		mig_cli_json_string(s, r->error);
	else
		mig_str_puts(s, "null");
	if (r->h && !r->ok && r->h->len[T_DETAIL]) {
		mig_str_puts(s, ", \"detail\": ");
		mig_cli_json_string(s, r->text[T_DETAIL]);
	}
	mig_str_puts(s, "}\n");
}

static void text_ok(const struct fleet *fl, const struct rec_head *h, mig_str *s)
{
	const mig_options *o = &fl->f->opts;
	if (fl->kind == K_STATUS) {
		mig_str_printf(s, "%u applied, ", (unsigned)h->applied);
		if (h->failed)
			mig_str_printf(s, "%u failed (see migrations repair), ", (unsigned)h->failed);
		if (h->pending || h->failed)
			mig_str_printf(s, "%u pending", (unsigned)h->pending);
		else
			mig_str_puts(s, "up to date");
		return;
	}
	if (!h->up && !h->down) {
		mig_str_puts(s, fl->kind == K_MIGRATE ? "nothing to migrate"
				: fl->kind == K_ROLLBACK ? "nothing to roll back" : "nothing to redo");
		return;
	}
	if (o->dry_run) {
		mig_str_puts(s, "dry run:");
		if (h->down)
			mig_str_printf(s, " %u to roll back%s", (unsigned)h->down, h->up ? "," : "");
		if (h->up)
			mig_str_printf(s, " %u to apply", (unsigned)h->up);
		mig_str_puts(s, ", nothing changed");
		return;
	}
	if (h->down)
		mig_str_printf(s, "%s %u%s", o->fake ? "fake-rolled-back" : "rolled back", (unsigned)h->down,
			       h->up ? ", " : "");
	if (h->up)
		mig_str_printf(s, "%s %u", o->fake ? "fake-applied" : "applied", (unsigned)h->up);
}

static void text_line(const struct fleet *fl, const struct result *r, mig_str *s)
{
	mig_str_printf(s, "%s  ", r->shown);
	if (r->skipped) {
		mig_str_printf(s, "SKIPPED  %s\n", r->error);
	} else if (!r->ok) {
		const char *e = r->error;
		mig_str_printf(s, "FAILED  %.*s\n", (int)strcspn(e, "\n"), e);
	} else {
		mig_str_puts(s, "ok  ");
		text_ok(fl, r->h, s);
		mig_str_printf(s, " (%ld ms)\n", r->ms);
	}
}

static void report(struct fleet *fl, const struct result *r)
{
	fl->total++;
	if (r->skipped)
		fl->skipped++;
	else if (r->ok)
		fl->ok++;
	else
		fl->failed++;
	if (!r->ok && !r->skipped && fl->f->fail_fast)
		fl->stop = true;
	mig_str s = MIG_STR_INIT;
	if (fl->f->json)
		json_line(fl, r, &s);
	else
		text_line(fl, r, &s);
	if (mig_str_failed(&s))
		fprintf(stdout, "%s  FAILED  out of memory\n", r->shown);
	else
		fwrite(mig_str_cstr(&s), 1, mig_str_len(&s), stdout);
	fflush(stdout);
	mig_str_free(&s);
}

/* A target that failed in the parent: a bad line, no pipe, no fork. */
static void report_now(struct fleet *fl, long line, const char *shown, const char *error, int exit)
{
	struct result r = {.line = line, .shown = shown, .exit = exit, .error = error};
	report(fl, &r);
}

/* The message of the current error, "FILE:LINE: " first. */
static char *line_error(const struct fleet *fl, long line)
{
	mig_str head = MIG_STR_INIT;
	const mig_error *e = mig_error_last();
	mig_str_printf(&head, "%s:%ld: ", fl->in.path, line);
	if (e)
		mig_cli_error_head(&head, e);
	else
		mig_str_puts(&head, "unknown failure");
	mig_error_clear();
	return mig_str_detach(&head);
}

/* Start the target of `line`: 0 done (started, or reported as failed);
 * 1 not now (no pipe or process to be had while others run: try again
 * once one ends). */
static int start(struct fleet *fl, const char *url, long line)
{
	char *shown = mig_url_shown(url);
	if (!shown) {
		report_now(fl, line, "(target)", "out of memory", -1);
		return 0;
	}
	mig_url u;
	const mig_dialect *dia;
	int rc;
	if ((rc = mig__resolve_url(url, &u, &dia)) != 0) {
		/* as a single run on it would: MIG_EINPUT, exit 2 */
		char *msg = line_error(fl, line);
		report_now(fl, line, shown, msg ? msg : "bad database URL", mig_error_exit_status(rc));
		mig__free(msg);
		mig__free(shown);
		return 0;
	}
	mig_url_dispose(&u);
	if (fl->n == fl->cap) {
		size_t cap = fl->cap ? fl->cap * 2 : 8;
		if (cap > fl->max)
			cap = fl->max;
		struct slot *s = mig__reallocarray(fl->slots, cap, sizeof(*s));
		if (s)
			fl->slots = s;
		struct pollfd *p = s ? mig__reallocarray(fl->pfd, cap, sizeof(*p)) : NULL;
		if (p)
			fl->pfd = p;
		if (!s || !p) {
			if (!fl->n)
				report_now(fl, line, shown, "out of memory", -1);
			mig__free(shown);
			return fl->n ? 1 : 0;
		}
		fl->cap = cap;
	}
	int p[2];
	int err = pipe(p) == 0 ? 0 : errno;
	pid_t pid = -1;
	if (!err) {
		/* a program the child may start must not hold the pipe open */
		fcntl(p[0], F_SETFD, FD_CLOEXEC);
		fcntl(p[1], F_SETFD, FD_CLOEXEC);
		fflush(stdout);
		fflush(stderr);
		pid = fork();
		if (pid < 0) {
			err = errno;
			close(p[0]);
			close(p[1]);
		}
	}
	if (err) {
		if (fl->n && (err == EMFILE || err == ENFILE || err == EAGAIN || err == ENOMEM)) {
			mig__free(shown);
			return 1;
		}
		char *msg = mig_aprintf("cannot start a process for it: %s", strerror(err));
		report_now(fl, line, shown, msg ? msg : "cannot start a process for it", -1);
		mig__free(msg);
		mig__free(shown);
		return 0;
	}
	if (pid == 0) {
		close(p[0]);
		for (size_t i = 0; i < fl->n; i++)
			close(fl->slots[i].fd);
		child_main(fl->f, fl->kind, url, shown, p[1]);
	}
	close(p[1]);
	fl->slots[fl->n] = (struct slot){.pid = pid, .fd = p[0], .line = line, .shown = shown, .t0 = now_ms()};
	fl->n++;
	return 0;
}

/* The slot's pipe ended: reap the child, print its line, free the slot. */
static void finish(struct fleet *fl, size_t i)
{
	struct slot *sl = &fl->slots[i];
	close(sl->fd);
	int st = 0;
	while (waitpid(sl->pid, &st, 0) < 0 && errno == EINTR)
		;
	struct result r = {.line = sl->line, .shown = sl->shown, .exit = -1,
			   .ms = (long)(now_ms() - sl->t0 + 0.5)};
	const char *rec = mig_str_cstr(&sl->rec);
	size_t len = mig_str_len(&sl->rec);
	struct rec_head h;
	bool whole = false;
	char *texts = NULL;
	if (len >= sizeof(h)) {
		memcpy(&h, rec, sizeof(h));
		size_t body = (size_t)h.len[0] + h.len[1] + h.len[2];
		whole = h.magic == REC_MAGIC && len == sizeof(h) + body;
		/* the texts, each NUL-terminated */
		if (whole && (texts = mig__malloc(body + 3)) != NULL) {
			const char *p = rec + sizeof(h);
			char *q = texts;
			for (int t = 0; t < 3; t++) {
				memcpy(q, p, h.len[t]);
				r.text[t] = q;
				q[h.len[t]] = '\0';
				p += h.len[t];
				q += h.len[t] + 1;
			}
		}
	}
	char buf[128];
	if (WIFSIGNALED(st)) {
		r.signal = WTERMSIG(st);
		snprintf(buf, sizeof(buf), "killed by signal %d (%s)", r.signal, strsignal(r.signal));
		r.error = buf;
	} else if (!whole) {
		r.exit = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		snprintf(buf, sizeof(buf), "ended with status %d without a result", r.exit);
		r.error = buf;
	} else if (!texts) {
		r.exit = WEXITSTATUS(st);
		r.error = "out of memory";
	} else {
		r.h = &h;
		r.exit = WEXITSTATUS(st);
		r.ok = h.rc == 0 && r.exit == 0;
		if (!r.ok)
			r.error = h.len[T_ERROR] ? r.text[T_ERROR] : "failed";
	}
	report(fl, &r);
	mig__free(texts);
	mig_str_free(&sl->rec);
	mig__free(sl->shown);
	fl->slots[i] = fl->slots[--fl->n];
}

/* Wait until at least one child's pipe has news; read it. */
static void wait_some(struct fleet *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		fl->pfd[i] = (struct pollfd){.fd = fl->slots[i].fd, .events = POLLIN};
	size_t n = fl->n;
	if (poll(fl->pfd, (nfds_t)n, -1) < 0)
		return; /* EINTR: the caller comes back */
	/* from the end: finish() moves the last slot into the freed one */
	for (size_t i = n; i-- > 0;) {
		if (!fl->pfd[i].revents)
			continue;
		char buf[16384];
		ssize_t r = read(fl->slots[i].fd, buf, sizeof(buf));
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r > 0) {
			mig_str *rec = &fl->slots[i].rec;
			if (mig_str_len(rec) + (size_t)r <= REC_MAX)
				mig_str_put(rec, buf, (size_t)r);
			else
				rec->failed = true; /* no longer a record */
			continue;
		}
		finish(fl, i);
	}
}

static int parse_kind(const char *cmd, enum kind *k, const char **canon)
{
	static const struct {
		const char *name;
		enum kind k;
		const char *canon;
	} cmds[] = {
		{"migrate", K_MIGRATE, "migrate"}, {"up", K_MIGRATE, "migrate"},
		{"rollback", K_ROLLBACK, "rollback"}, {"down", K_ROLLBACK, "rollback"},
		{"redo", K_REDO, "redo"}, {"status", K_STATUS, "status"},
	};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(cmd, cmds[i].name) == 0) {
			*k = cmds[i].k;
			*canon = cmds[i].canon;
			return 0;
		}
	}
	return mig_error_set(MIG_EUSAGE, "--targets works with migrate, rollback, redo and status, not '%s'", cmd);
}

/* Every line left in the file, as skipped (--fail-fast). */
static int skip_rest(struct fleet *fl, int have, const char *url, long line)
{
	while (have == 1) {
		char *shown = mig_url_shown(url);
		struct result r = {.line = line, .shown = shown ? shown : "(target)", .skipped = true, .exit = -1,
				   .error = "not started (--fail-fast after a failure)"};
		report(fl, &r);
		mig__free(shown);
		have = mig_cli_targets_next(&fl->in, &url, &line);
	}
	return have;
}

/* The current error on stderr, as the CLI prints one, and cleared. */
static void say_error(const char *suffix)
{
	mig_str head = MIG_STR_INIT;
	const mig_error *e = mig_error_last();
	if (e)
		mig_cli_error_head(&head, e);
	fprintf(stderr, "migrations: %s%s\n", e ? mig_str_cstr(&head) : "unknown failure", suffix);
	mig_str_free(&head);
	mig_error_clear();
}

int mig_cli_fleet_run(const mig_cli_fleet *f)
{
	struct fleet fl = {.f = f, .max = f->parallel > 0 ? (size_t)f->parallel : 8};
	int rc = parse_kind(f->command, &fl.kind, &fl.cmd);
	if (rc)
		return rc;
	if (fl.kind == K_REDO && f->target.name)
		return mig_error_set(MIG_EUSAGE, "redo takes a count, not a name");
	if ((rc = mig_cli_targets_open(&fl.in, f->targets)) != 0)
		return rc;
	const char *url = NULL;
	long line = 0;
	int have = mig_cli_targets_next(&fl.in, &url, &line);
	if (have == 0)
		rc = mig_error_set(MIG_EUSAGE, "--targets %s names no database (only blank lines and # comments)",
				   f->targets);
	if (have <= 0) {
		mig_cli_targets_close(&fl.in);
		return have < 0 ? have : rc;
	}
	bool broken = false; /* the file could not be read to its end */
	for (;;) {
		while (have == 1 && !fl.stop && fl.n < fl.max) {
			if (start(&fl, url, line) != 0)
				break; /* a slot first */
			have = mig_cli_targets_next(&fl.in, &url, &line);
		}
		if (have < 0 && !broken) {
			broken = true;
			fl.stop = true;
			say_error(" (no further target is started)");
		}
		if (fl.n == 0)
			break;
		wait_some(&fl);
	}
	if (!broken && have == 1 && skip_rest(&fl, have, url, line) < 0) {
		broken = true;
		say_error("");
	}
	mig_cli_targets_close(&fl.in);
	mig__free(fl.slots);
	mig__free(fl.pfd);
	bool all_ok = fl.ok == fl.total && !broken;
	if (!all_ok || !f->quiet) {
		fprintf(stderr, "fleet: %zu of %zu target%s succeeded", fl.ok, fl.total, fl.total == 1 ? "" : "s");
		if (fl.failed || !all_ok)
			fprintf(stderr, ", %zu failed", fl.failed);
		if (fl.skipped)
			fprintf(stderr, ", %zu skipped", fl.skipped);
		fputc('\n', stderr);
	}
	return broken ? 2 : all_ok ? 0 : 1;
}
