/* Connection URLs as data (util/url.h): decoding, disposal, parameters
 * and the redacted form. Parsing, which asks the driver registry what a
 * scheme's URLs look like, is engine/url.c. */
#include "util/url.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *mig_percent_decode(const char *s, size_t len)
{
	char *out = mig__malloc(len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			if (i + 2 >= len) {
				mig__free(out);
				return NULL;
			}
			int a = hexval((unsigned char)s[i + 1]), b = hexval((unsigned char)s[i + 2]);
			if (a < 0 || b < 0 || (a == 0 && b == 0)) {
				mig__free(out);
				return NULL;
			}
			out[o++] = (char)(a * 16 + b);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

void mig_url_dispose(mig_url *url)
{
	if (!url)
		return;
	mig__free(url->raw);
	mig__free(url->scheme);
	mig__free(url->user);
	mig__free(url->password);
	mig__free(url->host);
	mig__free(url->database);
	mig__free(url->path);
	for (size_t i = 0; i < url->nparams; i++) {
		mig__free(url->params[i].key);
		mig__free(url->params[i].value);
	}
	mig__free(url->params);
	mig__free(url->redacted);
	memset(url, 0, sizeof(*url));
}

const char *mig_url_param_get(const mig_url *url, const char *key)
{
	for (size_t i = 0; i < url->nparams; i++)
		if (strcmp(url->params[i].key, key) == 0)
			return url->params[i].value;
	return NULL;
}

static bool secret_key(const char *key, size_t n)
{
	return (n == 8 && strncmp(key, "password", 8) == 0) || (n == 6 && strncmp(key, "passwd", 6) == 0) ||
	       (n == 3 && strncmp(key, "pwd", 3) == 0) || (n == 11 && strncmp(key, "sslpassword", 11) == 0);
}

/* Length of the scheme text starts with ("postgres" of "postgres:..."),
 * 0 when it starts with none: a letter, then letters, digits, '+', '-'
 * or '.', then ':'. mig_url_parse() tells the forms apart the same way. */
static size_t scheme_len(const char *text)
{
	size_t n = 0;
	while (isalnum((unsigned char)text[n]) || text[n] == '+' || text[n] == '-' || text[n] == '.')
		n++;
	return n > 0 && isalpha((unsigned char)text[0]) && text[n] == ':' ? n : 0;
}

/* Whether the query key q[0..n) is password-like once decoded, as the
 * parser and libpq read it ("pass%77ord" is "password"); a key that does
 * not decode counts as one, to be safe. */
static bool secret_query_key(const char *q, size_t n)
{
	if (!memchr(q, '%', n))
		return secret_key(q, n);
	char *key = mig_percent_decode(q, n);
	bool secret = !key || secret_key(key, strlen(key));
	mig__free(key);
	return secret;
}

/* Mask values of password-like keys in "k=v&k2=v2" (query strings). */
static void put_query_redacted(mig_str *out, const char *q)
{
	while (*q) {
		const char *amp = strchr(q, '&');
		size_t n = amp ? (size_t)(amp - q) : strlen(q);
		const char *eq = memchr(q, '=', n);
		if (eq && secret_query_key(q, (size_t)(eq - q))) {
			mig_str_put(out, q, (size_t)(eq - q) + 1);
			mig_str_puts(out, "****");
		} else {
			mig_str_put(out, q, n);
		}
		q += n;
		if (*q == '&') {
			mig_str_putc(out, '&');
			q++;
		}
	}
}

/* Redact a libpq key=value string: password values become ****. */
static void put_keyvalue_redacted(mig_str *out, const char *s)
{
	const char *p = s;
	while (*p) {
		/* copy whitespace */
		while (*p && isspace((unsigned char)*p))
			mig_str_putc(out, *p++);
		const char *k = p;
		while (*p && *p != '=' && !isspace((unsigned char)*p))
			p++;
		size_t klen = (size_t)(p - k);
		mig_str_put(out, k, klen);
		while (*p && isspace((unsigned char)*p))
			mig_str_putc(out, *p++);
		if (*p != '=')
			continue;
		mig_str_putc(out, *p++);
		while (*p && isspace((unsigned char)*p))
			mig_str_putc(out, *p++);
		const char *v = p;
		if (*p == '\'') {
			p++;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p == '\'')
				p++;
		} else {
			/* a backslash escapes the next character here too (libpq
			 * and mig_url_parse() read "password=\ x" as " x") */
			while (*p && !isspace((unsigned char)*p)) {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
		}
		if (secret_key(k, klen)) {
			mig_str_puts(out, "****");
			/* a pair may follow a quoted value directly, as libpq
			 * reads password='x'port=5; after the unquoted mask it
			 * needs a blank, or it would read as the password's */
			if (*v == '\'' && *p && !isspace((unsigned char)*p))
				mig_str_putc(out, ' ');
		} else {
			mig_str_put(out, v, (size_t)(p - v));
		}
	}
}

/* Text that is neither scheme://... nor key=value, such as a URL that
 * lost its slashes (postgres:user:pw@host/db): whatever stands between
 * the first ':' of a user:password part and the last '@' is masked. */
static void put_other_redacted(mig_str *out, const char *text)
{
	const char *at = strrchr(text, '@');
	const char *user = text;
	/* skip a scheme ("postgres:") and the slashes after it */
	size_t slen = scheme_len(text);
	if (slen)
		user = text + slen + 1;
	while (*user == '/')
		user++;
	const char *colon = at && user < at ? memchr(user, ':', (size_t)(at - user)) : NULL;
	if (!colon) {
		mig_str_puts(out, text);
		return;
	}
	mig_str_put(out, text, (size_t)(colon - text) + 1);
	mig_str_puts(out, "****");
	mig_str_puts(out, at);
}

char *mig_url_redact(const char *text)
{
	mig_str out = MIG_STR_INIT;
	/* scheme://... only when the text starts so: a key=value string may
	 * hold "://" in a value (dbname=a://b password=x) */
	size_t slen = scheme_len(text);
	const char *sep = slen && strncmp(text + slen, "://", 3) == 0 ? text + slen : NULL;
	if (!sep) {
		if (strchr(text, '='))
			put_keyvalue_redacted(&out, text);
		else
			put_other_redacted(&out, text);
		return mig_str_detach(&out);
	}
	const char *auth = sep + 3;
	/* userinfo runs to the last '@' before the first '/', '?' and '#'
	 * included, as mig_url_parse() and libpq read it (libpq connects
	 * with postgres://u:p?x@h/db as the password p?x) */
	const char *slash = auth + strcspn(auth, "/");
	const char *at = NULL;
	for (const char *p = auth; p < slash; p++)
		if (*p == '@')
			at = p;
	const char *auth_end = (at ? at : auth) + strcspn(at ? at : auth, "/?");
	mig_str_put(&out, text, (size_t)(auth - text));
	if (at) {
		const char *colon = memchr(auth, ':', (size_t)(at - auth));
		if (colon) {
			mig_str_put(&out, auth, (size_t)(colon - auth) + 1);
			mig_str_puts(&out, "****");
		} else {
			mig_str_put(&out, auth, (size_t)(at - auth));
		}
		mig_str_put(&out, at, (size_t)(auth_end - at));
	} else {
		mig_str_put(&out, auth, (size_t)(auth_end - auth));
	}
	const char *rest = auth_end;
	const char *q = strchr(rest, '?');
	if (q) {
		mig_str_put(&out, rest, (size_t)(q - rest) + 1);
		put_query_redacted(&out, q + 1);
	} else {
		mig_str_puts(&out, rest);
	}
	return mig_str_detach(&out);
}

char *mig_url_redact_query(const char *text)
{
	mig_str out = MIG_STR_INIT;
	const char *q = strchr(text, '?');
	if (q) {
		mig_str_put(&out, text, (size_t)(q - text) + 1);
		put_query_redacted(&out, q + 1);
	} else {
		mig_str_puts(&out, text);
	}
	return mig_str_detach(&out);
}
