/*
 * The Node.js child process: started with fork + execv (argv only, no
 * shell; the program is resolved before fork, as nothing between fork
 * and exec may allocate), talked to over one socket on its fd 3, and
 * never left behind: killed when it overstays its timeout, sends more
 * than MAX_OUTPUT bytes, breaks the protocol, or outlives us (Linux:
 * PR_SET_PDEATHSIG).
 */
#define _GNU_SOURCE
#include "load/node/node_int.h"

#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

/* A migration's whole record (its operations as JSON, its queries) stays
 * far below this; a runaway loop of pgm calls does not. */
#define MAX_OUTPUT (64u << 20)

extern char **environ;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Every descriptor above 3 is closed in the child: the database
 * connection's socket is not Node's to use. */
static void close_from(int lowest)
{
#if defined(__linux__) && defined(SYS_close_range)
	if (syscall(SYS_close_range, (unsigned)lowest, ~0u, 0u) == 0)
		return;
#endif
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = lowest; fd < max; fd++)
		close(fd);
}

int mig__node_spawn(mig__node_child *c, const char *program, const char *const *argv, int timeout_s,
		    const char *file)
{
	memset(c, 0, sizeof(*c));
	c->fd = -1;
	c->pid = -1;
	c->timeout_s = timeout_s;
	c->file = file;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return mig_error_set(MIG_ERROR, "Node.js engine: socketpair: %s", strerror(errno));
	int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (devnull < 0) {
		close(sv[0]);
		close(sv[1]);
		return mig_error_set(MIG_ERROR, "Node.js engine: /dev/null: %s", strerror(errno));
	}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(sv[0]);
		close(sv[1]);
		close(devnull);
		return mig_error_set(MIG_ERROR, "Node.js engine: cannot start %s: %s", program, strerror(e));
	}
	if (pid == 0) {
		/* only async-signal-safe calls from here to exec */
#ifdef __linux__
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
#endif
		(void)parent;
		signal(SIGPIPE, SIG_DFL);
		if (dup2(devnull, 0) < 0 || dup2(2, 1) < 0 || dup2(sv[1], 3) < 0)
			_exit(127);
		close_from(4);
		execve(program, (char *const *)argv, environ);
		_exit(127);
	}
	close(sv[1]);
	close(devnull);
	c->pid = pid;
	c->fd = sv[0];
	c->deadline = now_ms() + (double)timeout_s * 1000.0;
	return 0;
}

static int child_gone(mig__node_child *c)
{
	int st = 0;
	pid_t got = waitpid(c->pid, &st, 0);
	c->pid = -1;
	if (got > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 127)
		return mig_error_set(MIG_EINPUT, "Node.js engine: the Node.js program could not be run for %s", c->file);
	if (got > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 9)
		/* Node's "bad option": a flag this version does not know */
		return mig_error_set(MIG_EINPUT,
				     "Node.js engine: this Node.js does not accept the options %s needs (a TypeScript file needs Node.js >= 22.6 for --experimental-strip-types)",
				     c->file);
	if (got > 0 && WIFSIGNALED(st))
		return mig_error_set(MIG_EINPUT, "Node.js engine: Node.js was killed by signal %d while evaluating %s",
				     WTERMSIG(st), c->file);
	return mig_error_set(MIG_EINPUT, "Node.js engine: Node.js exited (status %d) without a result for %s",
			     got > 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1, c->file);
}

int mig__node_read_line(mig__node_child *c, const char **line, size_t *len)
{
	/* drop the line returned last time */
	size_t used = 0;
	for (size_t i = 0; i < c->len; i++)
		if (c->buf[i] == '\0') {
			used = i + 1;
			break;
		}
	if (used) {
		memmove(c->buf, c->buf + used, c->len - used);
		c->len -= used;
	}
	for (;;) {
		char *nl = c->len ? memchr(c->buf, '\n', c->len) : NULL;
		if (nl) {
			*nl = '\0';
			*line = c->buf;
			*len = (size_t)(nl - c->buf);
			return 0;
		}
		double left = c->deadline - now_ms();
		if (left <= 0) {
			kill(c->pid, SIGKILL);
			return mig_error_set(MIG_ERROR, "Node.js engine: %s did not finish within %d s (the Node.js engine's timeout)",
					     c->file, c->timeout_s);
		}
		struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
		int pr = poll(&pfd, 1, left > 60000 ? 60000 : (int)left + 1);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr < 0)
			return mig_error_set(MIG_ERROR, "Node.js engine: poll: %s", strerror(errno));
		if (pr == 0)
			continue;
		if (c->cap - c->len < 65536) {
			size_t cap = c->cap ? c->cap * 2 : 65536 * 2;
			char *b = mig__realloc(c->buf, cap);
			if (!b)
				return mig_error_oom();
			c->buf = b;
			c->cap = cap;
		}
		ssize_t n = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return child_gone(c);
		c->len += (size_t)n;
		c->total += (size_t)n;
		if (c->total > MAX_OUTPUT) {
			kill(c->pid, SIGKILL);
			return mig_error_set(MIG_ERROR, "Node.js engine: %s sent more than %u MiB of records (the Node.js engine's limit)",
					     c->file, MAX_OUTPUT >> 20);
		}
		/* a NUL cannot be in the recorder's JSON; it marks a returned line */
		if (memchr(c->buf + c->len - (size_t)n, '\0', (size_t)n)) {
			kill(c->pid, SIGKILL);
			return mig_error_set(MIG_EINPUT, "Node.js engine: malformed message from the recorder for %s", c->file);
		}
	}
}

int mig__node_write(mig__node_child *c, const char *s, size_t len)
{
	while (len) {
		ssize_t n = send(c->fd, s, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return mig_error_set(MIG_ERROR, "Node.js engine: cannot answer Node.js evaluating %s: %s", c->file,
					     n < 0 ? strerror(errno) : "closed");
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

void mig__node_finish(mig__node_child *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	if (c->pid > 0) {
		/* the recorder exits right after its last line; give it a moment */
		int st;
		pid_t got = 0;
		for (int i = 0; i < 200 && (got = waitpid(c->pid, &st, WNOHANG)) == 0; i++) {
			struct timespec ts = {0, 5 * 1000 * 1000};
			nanosleep(&ts, NULL);
		}
		if (got == 0) {
			kill(c->pid, SIGKILL);
			waitpid(c->pid, &st, 0);
		}
	}
	c->pid = -1;
	mig__free(c->buf);
	c->buf = NULL;
	c->len = c->cap = 0;
}
