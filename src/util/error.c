#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local mig_error *current;

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *s = malloc((size_t)n + 1);
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
	char *d = malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

void mig_error_free(mig_error *e)
{
	if (!e)
		return;
	free(e->message);
	free(e->file);
	free(e->detail);
	free(e->hint);
	free(e->statement);
	free(e->sqlstate);
	free(e->note);
	free(e);
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

/* Out of memory while reporting: keep a static message rather than none. */
static char oom_message[] = "out of memory";

static int set_message(int code, char *msg)
{
	mig_error_clear();
	current = calloc(1, sizeof(*current));
	if (!current) {
		free(msg);
		return code;
	}
	current->code = code;
	current->message = msg ? msg : dup_or_null(oom_message);
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
	set_message(code, msg);
	mig_error_set_location(file, line, column);
	return code;
}

void mig_error_set_location(const char *file, int line, int column)
{
	if (!current)
		return;
	if (file) {
		free(current->file);
		current->file = dup_or_null(file);
	}
	current->line = line;
	current->column = column;
}

static void replace(char **slot, const char *value)
{
	if (!current)
		return;
	free(*slot);
	*slot = dup_or_null(value);
}

void mig_error_set_statement(const char *statement, int position)
{
	if (!current)
		return;
	replace(&current->statement, statement);
	current->position = position;
}

void mig_error_set_detail(const char *detail)
{
	if (current)
		replace(&current->detail, detail);
}

void mig_error_set_hint(const char *hint)
{
	if (current)
		replace(&current->hint, hint);
}

void mig_error_set_sqlstate(const char *sqlstate)
{
	if (current)
		replace(&current->sqlstate, sqlstate);
}

void mig_error_set_note(const char *note)
{
	if (current)
		replace(&current->note, note);
}

void mig_error_prefix(const char *fmt, ...)
{
	if (!current)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *prefix = vformat(fmt, ap);
	va_end(ap);
	if (!prefix)
		return;
	size_t a = strlen(prefix), b = strlen(current->message);
	char *msg = malloc(a + 2 + b + 1);
	if (msg) {
		memcpy(msg, prefix, a);
		memcpy(msg + a, ": ", 2);
		memcpy(msg + a + 2, current->message, b + 1);
		free(current->message);
		current->message = msg;
	}
	free(prefix);
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
