#include "engine/url.h"

#include "drivers/driver.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The driver whose scheme text starts with, or NULL. */
static const mig_driver *driver_of(const char *text)
{
	size_t slen = 0;
	while (isalnum((unsigned char)text[slen]) || text[slen] == '+' || text[slen] == '-' || text[slen] == '.')
		slen++;
	if (slen == 0 || slen > 32 || text[slen] != ':' || !isalpha((unsigned char)text[0]))
		return NULL;
	char scheme[33];
	for (size_t i = 0; i < slen; i++)
		scheme[i] = (char)tolower((unsigned char)text[i]);
	scheme[slen] = '\0';
	return mig_driver_for_scheme(scheme);
}

char *mig_url_shown(const char *text)
{
	/* a file URL has no password: sqlite:/data/a:b@c.db is a path, which
	 * mig_url_redact() would show as a:****@c.db */
	const mig_driver *drv = driver_of(text);
	if (drv && drv->url_form == MIG_URL_FILE)
		return mig_url_redact_query(text);
	return mig_url_redact(text);
}

static int bad(const mig_url *url, const char *why)
{
	char *r = mig_url_shown(url->raw);
	int rc = mig_error_set(MIG_EINPUT, "bad database URL %s: %s", r ? r : "(unprintable)", why);
	mig__free(r);
	return rc;
}

static int parse_query(mig_url *url, const char *q)
{
	while (*q) {
		const char *amp = strchr(q, '&');
		size_t n = amp ? (size_t)(amp - q) : strlen(q);
		if (n) {
			const char *eq = memchr(q, '=', n);
			size_t kl = eq ? (size_t)(eq - q) : n;
			mig_url_param *p = mig__realloc(url->params, (url->nparams + 1) * sizeof(*p));
			if (!p)
				return mig_error_oom();
			url->params = p;
			p = &url->params[url->nparams];
			p->key = mig_percent_decode(q, kl);
			p->value = eq ? mig_percent_decode(eq + 1, n - kl - 1) : mig_strdup("");
			if (!p->key || !p->value) {
				mig__free(p->key);
				mig__free(p->value);
				return bad(url, "a query parameter has a malformed %-escape");
			}
			url->nparams++;
		}
		q += n;
		if (*q == '&')
			q++;
	}
	return 0;
}

/* scheme://[user[:password]@]host[:port][,host2...]/database[?k=v&...]
 *
 * As libpq reads them (it connects with postgres:// URLs as written):
 * the user:password part runs to an '@' before the first '/', whatever
 * '?' or '#' it holds (postgres://u:p?x#y@h/db has the password p?x#y),
 * and '#' is an ordinary character everywhere (no fragment). Unlike
 * libpq's the part ends at the last such '@', so that an unencoded '@'
 * in a password still works here (and mig_url_redact() masks the same). */
static int parse_server_url(mig_url *url, const char *after_scheme)
{
	const char *auth = after_scheme;
	const char *slash = auth + strcspn(auth, "/");
	const char *at = NULL;
	for (const char *p = auth; p < slash; p++)
		if (*p == '@')
			at = p;
	const char *hostpart = at ? at + 1 : auth;
	const char *auth_end = hostpart + strcspn(hostpart, "/?");
	if (at) {
		const char *colon = memchr(auth, ':', (size_t)(at - auth));
		const char *uend = colon ? colon : at;
		if (uend > auth && !(url->user = mig_percent_decode(auth, (size_t)(uend - auth))))
			return bad(url, "the user name has a malformed %-escape");
		if (colon && !(url->password = mig_percent_decode(colon + 1, (size_t)(at - colon - 1))))
			return bad(url, "the password has a malformed %-escape");
	}
	/* host[:port]; IPv6 in brackets; several hosts separated by ',' are
	 * kept as one string (libpq understands them). */
	const char *hend = auth_end;
	const char *port = NULL;
	if (*hostpart == '[') {
		const char *rb = memchr(hostpart, ']', (size_t)(hend - hostpart));
		if (!rb)
			return bad(url, "an IPv6 address lacks its closing ']'");
		if (rb + 1 < hend && rb[1] == ':')
			port = rb + 2;
		else if (rb + 1 < hend && rb[1] != ',')
			return bad(url, "unexpected text after the IPv6 address");
		url->host = mig_strndup(hostpart + 1, (size_t)(rb - hostpart - 1));
	} else if (!memchr(hostpart, ',', (size_t)(hend - hostpart))) {
		const char *colon = memchr(hostpart, ':', (size_t)(hend - hostpart));
		const char *e = colon ? colon : hend;
		if (colon)
			port = colon + 1;
		if (e > hostpart && !(url->host = mig_percent_decode(hostpart, (size_t)(e - hostpart))))
			return bad(url, "the host has a malformed %-escape");
	} else {
		url->host = mig_strndup(hostpart, (size_t)(hend - hostpart));
	}
	if (port) {
		if (port == hend)
			return bad(url, "the port is empty");
		long v = 0;
		for (const char *p = port; p < hend; p++) {
			if (!isdigit((unsigned char)*p))
				return bad(url, "the port is not a number");
			v = v * 10 + (*p - '0');
			if (v > 65535)
				return bad(url, "the port is out of range");
		}
		if (v == 0)
			return bad(url, "the port is out of range");
		url->port = (int)v;
	}
	const char *p = auth_end;
	if (*p == '/') {
		p++;
		size_t n = strcspn(p, "?");
		if (n && !(url->database = mig_percent_decode(p, n)))
			return bad(url, "the database name has a malformed %-escape");
		p += n;
	}
	if (*p == '?')
		return parse_query(url, p + 1);
	return 0;
}

/* scheme:path (and scheme:///abs, scheme::memory:) for file engines. */
static int parse_file(mig_url *url, const char *rest, const char *display)
{
	const char *path = rest;
	if (strncmp(path, "///", 3) == 0)
		path += 2; /* sqlite:///abs/path */
	else if (strncmp(path, "//", 2) == 0)
		path += 2; /* sqlite://relative/path */
	size_t n = strcspn(path, "?");
	if (n == 0)
	{
		char *msg = mig_aprintf("the %s URL has no file path (use %s:path/to/file.db or %s::memory:)", display,
					url->scheme, url->scheme);
		int rc = bad(url, msg ? msg : "the URL has no file path");
		mig__free(msg);
		return rc;
	}
	url->path = mig_percent_decode(path, n);
	if (!url->path)
		return bad(url, "the path has a malformed %-escape");
	if (path[n] == '?')
		return parse_query(url, path + n + 1);
	return 0;
}

/* A port of a key=value string, 0 unless it is a number in range (libpq
 * vets the text itself and reports a bad one). */
static int parse_port(const char *v)
{
	long n = 0;
	if (!*v)
		return 0;
	for (const char *p = v; *p; p++) {
		if (!isdigit((unsigned char)*p) || n > 65535)
			return 0;
		n = n * 10 + (*p - '0');
	}
	return n <= 65535 ? (int)n : 0;
}

/* libpq conninfo: key = value pairs, values optionally single-quoted. */
static int parse_keyvalue(mig_url *url, const char *s)
{
	const char *p = s;
	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		const char *k = p;
		while (*p && *p != '=' && !isspace((unsigned char)*p))
			p++;
		size_t klen = (size_t)(p - k);
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=' || klen == 0)
			return bad(url, "a key=value connection string needs key=value pairs");
		p++;
		while (isspace((unsigned char)*p))
			p++;
		mig_str v = MIG_STR_INIT;
		if (*p == '\'') {
			p++;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					p++;
				mig_str_putc(&v, *p++);
			}
			if (*p != '\'') {
				mig_str_free(&v);
				return bad(url, "an unterminated quoted value");
			}
			p++;
		} else {
			while (*p && !isspace((unsigned char)*p)) {
				if (*p == '\\' && p[1])
					p++;
				mig_str_putc(&v, *p++);
			}
		}
		char *key = mig_strndup(k, klen);
		char *val = mig_str_detach(&v);
		mig_url_param *np = key && val ? mig__realloc(url->params, (url->nparams + 1) * sizeof(*np)) : NULL;
		if (!np) {
			mig__free(key);
			mig__free(val);
			return mig_error_oom();
		}
		url->params = np;
		url->params[url->nparams].key = key;
		url->params[url->nparams].value = val;
		url->nparams++;
		char **slot = NULL;
		if (strcmp(key, "user") == 0)
			slot = &url->user;
		else if (strcmp(key, "password") == 0)
			slot = &url->password;
		else if (strcmp(key, "host") == 0 || (strcmp(key, "hostaddr") == 0 && !url->host))
			slot = &url->host;
		else if (strcmp(key, "dbname") == 0)
			slot = &url->database;
		else if (strcmp(key, "port") == 0)
			url->port = parse_port(val);
		if (slot) {
			mig__free(*slot);
			if (!(*slot = mig_strdup(val)))
				return mig_error_oom();
		}
	}
	return 0;
}

/* The driver that takes connection strings of key=value pairs (libpq's). */
static const mig_driver *keyvalue_driver(void)
{
	for (const mig_driver *const *d = mig_driver_list(); *d; d++)
		if ((*d)->keyvalue)
			return *d;
	return NULL;
}

int mig_url_parse(const char *text, mig_url *out)
{
	memset(out, 0, sizeof(*out));
	if (!(out->raw = mig_strdup(text)))
		return mig_error_oom();
	int rc = 0;
	size_t slen = 0;
	while (isalnum((unsigned char)text[slen]) || text[slen] == '+' || text[slen] == '-' || text[slen] == '.')
		slen++;
	if (slen > 0 && text[slen] == ':' && isalpha((unsigned char)text[0])) {
		if (!(out->scheme = mig_strndup(text, slen))) {
			rc = mig_error_oom();
			goto done;
		}
		for (char *c = out->scheme; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		const char *rest = text + slen + 1;
		/* the registry knows each scheme's canonical spelling and form */
		const mig_driver *drv = mig_driver_for_scheme(out->scheme);
		if (drv) {
			char *c = mig_strdup(drv->schemes[0]);
			mig__free(out->scheme);
			out->scheme = c;
		}
		if (!out->scheme) {
			rc = mig_error_oom();
		} else if (drv && drv->url_form == MIG_URL_FILE) {
			rc = parse_file(out, rest, drv->display);
		} else if (strncmp(rest, "//", 2) != 0) {
			char *msg = mig_aprintf("expected scheme://... (or %s)", mig_driver_schemes_text());
			rc = bad(out, msg ? msg : "expected scheme://...");
			mig__free(msg);
		} else {
			rc = parse_server_url(out, rest + 2);
		}
	} else if (strchr(text, '=') && keyvalue_driver()) {
		out->keyvalue = true;
		out->scheme = mig_strdup(keyvalue_driver()->schemes[0]);
		rc = parse_keyvalue(out, text);
	} else {
		char *msg = mig_aprintf("expected a URL such as %s://user@host/db, sqlite:path/to/file.db, or a libpq key=value string (schemes: %s)",
					"postgres", mig_driver_schemes_text());
		rc = bad(out, msg ? msg : "expected a URL");
		mig__free(msg);
	}
	if (rc == 0 && !out->scheme)
		rc = mig_error_oom();
	if (rc == 0 && !(out->redacted = mig_url_shown(text)))
		rc = mig_error_oom();
done:
	if (rc)
		mig_url_dispose(out);
	return rc;
}
