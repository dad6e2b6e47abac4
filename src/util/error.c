#include "util/error.h"

#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local mig_error *current;

/* The error reported when even the error cannot be allocated (libgit2's
 * oom_error): never freed, and details are not added to it. */
static char oom_text[] = "out of memory";
static mig_error oom_error = {.code = MIG_ENOMEM, .message = oom_text};

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *s = mig__malloc((size_t)n + 1);
	if (!s)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *d = mig__malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

void mig_error_free(mig_error *e)
{
	if (!e || e == &oom_error)
		return;
	mig__free(e->message);
	mig__free(e->file);
	mig__free(e->detail);
	mig__free(e->hint);
	mig__free(e->statement);
	mig__free(e->sqlstate);
	mig__free(e->note);
	mig__free(e);
}

void mig_error_clear(void)
{
	mig_error_free(current);
	current = NULL;
}

const mig_error *mig_error_last(void)
{
	return current;
}

int mig_error_code(int otherwise)
{
	return current ? current->code : otherwise;
}

int mig_error_oom(void)
{
	mig_error_clear();
	current = &oom_error;
	return MIG_ENOMEM;
}

/* Whether details may be attached to the current error. */
static bool detailed(void)
{
	return current && current != &oom_error;
}

static int set_message(int code, char *msg)
{
	mig_error_clear();
	if (!msg)
		return mig_error_oom();
	current = mig__calloc(1, sizeof(*current));
	if (!current) {
		mig__free(msg);
		return mig_error_oom();
	}
	current->code = code;
	current->message = msg;
	return code;
}

int mig_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	return set_message(code, msg);
}

int mig_error_set_at(int code, const char *file, int line, int column,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	int rc = set_message(code, msg);
	mig_error_set_location(file, line, column);
	return rc;
}

void mig_error_set_location(const char *file, int line, int column)
{
	if (!detailed())
		return;
	if (file) {
		mig__free(current->file);
		current->file = dup_or_null(file);
	}
	current->line = line;
	current->column = column;
}

static void replace(char **slot, const char *value)
{
	mig__free(*slot);
	*slot = dup_or_null(value);
}

void mig_error_set_statement(const char *statement, int position)
{
	if (!detailed())
		return;
	replace(&current->statement, statement);
	current->position = position;
}

void mig_error_set_detail(const char *detail)
{
	if (detailed())
		replace(&current->detail, detail);
}

void mig_error_set_hint(const char *hint)
{
	if (detailed())
		replace(&current->hint, hint);
}

void mig_error_set_sqlstate(const char *sqlstate)
{
	if (detailed())
		replace(&current->sqlstate, sqlstate);
}

void mig_error_set_note(const char *note)
{
	if (detailed())
		replace(&current->note, note);
}

void mig_error_prefix(const char *fmt, ...)
{
	if (!detailed())
		return;
	va_list ap;
	va_start(ap, fmt);
	char *prefix = vformat(fmt, ap);
	va_end(ap);
	if (!prefix)
		return;
	size_t a = strlen(prefix), b = strlen(current->message);
	char *msg = mig__malloc(a + 2 + b + 1);
	if (msg) {
		memcpy(msg, prefix, a);
		memcpy(msg + a, ": ", 2);
		memcpy(msg + a + 2, current->message, b + 1);
		mig__free(current->message);
		current->message = msg;
	}
	mig__free(prefix);
}

mig_error *mig_error_save(void)
{
	mig_error *e = current;
	current = NULL;
	return e;
}

void mig_error_restore(mig_error *saved)
{
	if (!saved)
		return;
	mig_error_clear();
	current = saved;
}

const char *mig_error_name(int code)
{
	switch (code) {
	case MIG_OK:
		return "ok";
#define MIG_XX(c, val, name, exitst) \
	case c:                      \
		return name;
		MIG_ERROR_MAP(MIG_XX)
#undef MIG_XX
	default:
		return "error";
	}
}

int mig_error_exit_status(int code)
{
	switch (code) {
	case MIG_OK:
		return 0;
#define MIG_XX(c, val, name, exitst) \
	case c:                      \
		return exitst;
		MIG_ERROR_MAP(MIG_XX)
#undef MIG_XX
	default:
		return 1;
	}
}
