#include "util/str.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(mig_str *s, size_t extra)
{
	if (s->failed)
		return false;
	if (s->len + extra + 1 <= s->cap)
		return true;
	size_t cap = s->cap ? s->cap : 64;
	while (cap < s->len + extra + 1) {
		if (cap > ((size_t)-1) / 2) {
			s->failed = true;
			return false;
		}
		cap *= 2;
	}
	char *p = mig__realloc(s->ptr, cap);
	if (!p) {
		s->failed = true;
		return false;
	}
	s->ptr = p;
	s->cap = cap;
	return true;
}

void mig_str_put(mig_str *s, const char *p, size_t n)
{
	if (!grow(s, n))
		return;
	if (n)
		memcpy(s->ptr + s->len, p, n);
	s->len += n;
	s->ptr[s->len] = '\0';
}

void mig_str_puts(mig_str *s, const char *p)
{
	mig_str_put(s, p, strlen(p));
}

void mig_str_putc(mig_str *s, char c)
{
	mig_str_put(s, &c, 1);
}

void mig_str_vprintf(mig_str *s, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		s->failed = true;
		return;
	}
	if (!grow(s, (size_t)n))
		return;
	vsnprintf(s->ptr + s->len, (size_t)n + 1, fmt, ap);
	s->len += (size_t)n;
}

void mig_str_printf(mig_str *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(s, fmt, ap);
	va_end(ap);
}

void mig_str_truncate(mig_str *s, size_t len)
{
	if (len < s->len) {
		s->len = len;
		s->ptr[len] = '\0';
	}
}

void mig_str_clear(mig_str *s)
{
	mig_str_truncate(s, 0);
}

const char *mig_str_cstr(const mig_str *s)
{
	return s->ptr && !s->failed ? s->ptr : "";
}

size_t mig_str_len(const mig_str *s)
{
	return s->ptr && !s->failed ? s->len : 0;
}

bool mig_str_failed(const mig_str *s)
{
	return s->failed;
}

char *mig_str_detach(mig_str *s)
{
	if (s->failed) {
		mig_str_free(s);
		mig_error_oom();
		return NULL;
	}
	char *p = s->ptr;
	if (!p) {
		p = mig__malloc(1);
		if (!p) {
			mig_error_oom();
			return NULL;
		}
		p[0] = '\0';
	} else if (s->cap - s->len > 32) {
		/* a detached string is kept (a model of thousands of tables
		 * holds its texts): give back what the doubling left over */
		p = mig__shrink(p, s->len + 1);
	}
	s->ptr = NULL;
	s->len = s->cap = 0;
	return p;
}

void mig_str_free(mig_str *s)
{
	mig__free(s->ptr);
	s->ptr = NULL;
	s->len = s->cap = 0;
	s->failed = false;
}

char *mig_strndup(const char *s, size_t n)
{
	char *d = mig__malloc(n + 1);
	if (!d) {
		mig_error_oom();
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *mig_strdup(const char *s)
{
	return s ? mig_strndup(s, strlen(s)) : NULL;
}

char *mig_aprintf(const char *fmt, ...)
{
	mig_str s = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&s, fmt, ap);
	va_end(ap);
	return mig_str_detach(&s);
}

int mig_strv_push(mig_strv *sv, char *s)
{
	if (!s)
		return mig_error_oom();
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 2;
		char **v = mig__realloc(sv->v, cap * sizeof(*v));
		if (!v) {
			mig__free(s);
			return mig_error_oom();
		}
		sv->v = v;
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
	return 0;
}

int mig_strv_pushdup(mig_strv *sv, const char *s)
{
	return mig_strv_push(sv, mig_strdup(s));
}

void mig_strv_free(mig_strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		mig__free(sv->v[i]);
	mig__free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}
