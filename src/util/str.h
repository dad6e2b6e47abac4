/*
 * Growable string with a sticky failure flag: after an allocation fails
 * every later append is a no-op, so callers check once at the end with
 * mig_str_failed(). The buffer is always NUL-terminated once non-empty.
 */
#ifndef MIG_STR_H
#define MIG_STR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct mig_str {
	char *ptr;
	size_t len;
	size_t cap;
	bool failed;
} mig_str;

#define MIG_STR_INIT {NULL, 0, 0, false}

void mig_str_put(mig_str *s, const char *p, size_t n);
void mig_str_puts(mig_str *s, const char *p);
void mig_str_putc(mig_str *s, char c);
void mig_str_printf(mig_str *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mig_str_vprintf(mig_str *s, const char *fmt, va_list ap);
/* Drop the last n bytes (clamped). */
void mig_str_truncate(mig_str *s, size_t len);
void mig_str_clear(mig_str *s);

/* The text so far; "" when empty; valid until the next append. */
const char *mig_str_cstr(const mig_str *s);
/* Its length, 0 once it failed (mig_str_cstr is "" then): pass the two
 * together. */
size_t mig_str_len(const mig_str *s);
bool mig_str_failed(const mig_str *s);

/* Hand the buffer to the caller (mig__free() it) and reset s; NULL if an
 * allocation failed (and the error is set to MIG_ENOMEM). An empty string
 * gives "" (allocated), never NULL. */
char *mig_str_detach(mig_str *s);
void mig_str_free(mig_str *s);

/* Small helpers shared by everybody: copies (mig__free them), NULL with
 * the out-of-memory error set on failure. */
char *mig_strdup(const char *s);
char *mig_strndup(const char *s, size_t n);
char *mig_aprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array of owned C strings. */
typedef struct mig_strv {
	char **v;
	size_t n;
	size_t cap;
} mig_strv;

#define MIG_STRV_INIT {NULL, 0, 0}

/* Take ownership of s (freed on failure); returns 0 or MIG_ENOMEM. */
int mig_strv_push(mig_strv *sv, char *s);
int mig_strv_pushdup(mig_strv *sv, const char *s);
void mig_strv_free(mig_strv *sv);

#endif
