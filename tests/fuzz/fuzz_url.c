/*
 * libFuzzer harness for connection URLs: mig_url_parse() (src/engine/
 * url.c, every form the driver registry knows: postgres:// and
 * postgresql://, mysql:// and mariadb://, sqlite: / sqlite3: file forms,
 * libpq key=value strings, any other scheme://), mig_url_shown() and
 * mig_url_redact() (src/util/url.c), on arbitrary text.
 *
 * Properties:
 * - redaction never fails (mig_url_redact for any text, mig_url_shown as
 *   URLs are shown: file URLs mask no path); of a URL, redacting the
 *   redacted form changes nothing;
 * - a failed parse is MIG_EINPUT with one message that quotes the text
 *   only in its redacted form, and leaves the URL zeroed (no partial
 *   result);
 * - a parsed URL keeps the text as raw, its redacted form is
 *   mig_url_shown()'s, the scheme is a registry's canonical one when
 *   the registry knows it, the port is 0..65535, a file URL has a path;
 * - the password (and the value of a password-like query or key=value
 *   parameter) never appears in `redacted`: checked literally whenever
 *   the text holds it once, verbatim, and without escapes (% or \), so
 *   that an occurrence in `redacted` can only be that one; so is the
 *   password as libpq reads the text (which it connects with as
 *   written), in `redacted` and in a failed parse's message;
 * - the redacted form parses to the same URL with "****" for the
 *   password and the secret parameters: redaction hides exactly the
 *   secrets and keeps everything a message needs;
 * - with an allocation failing (fuzz_run): one error, the URL zeroed;
 * - everything is freed (ASan's leak check, mig__alloc_live).
 */
#include "fuzz_util.h"

#include "drivers/driver.h"
#include "engine/url.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>

static bool secret_key(const char *k)
{
	return strcmp(k, "password") == 0 || strcmp(k, "passwd") == 0 || strcmp(k, "pwd") == 0 ||
	       strcmp(k, "sslpassword") == 0;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* A secret that must not appear in redacted, when the check is sound. */
static void check_hidden(const mig_url *u, const char *secret)
{
	/* (a blank is what the redactor adds after a masked quoted value) */
	if (!secret || !*secret || strchr(secret, '*') || !secret[strspn(secret, " \t\n\r\f\v")])
		return;
	if (strchr(u->raw, '%') || strchr(u->raw, '\\') || fuzz_count(u->raw, secret) != 1)
		return;
	CHECK(strstr(u->redacted, secret) == NULL);
}

/* libpq's own reading of scheme://user:password@host... (any scheme but
 * a file driver's): the password
 * runs from the first ':' to the first '@' before any '/' (whatever '?'
 * or '#' it holds); mig_url_parse() ends it at the last such '@'. Both
 * must be hidden from whatever is printed, also when the text is no URL
 * this parser accepts (its error message quotes the text). */
static void check_libpq_password(const char *text, const char *shown)
{
	const char *sep = strstr(text, "://");
	if (!sep || sep == text || !((*text >= 'a' && *text <= 'z') || (*text >= 'A' && *text <= 'Z')) ||
	    strchr(text, '%'))
		return;
	char scheme[33];
	size_t sn = 0;
	for (const char *c = text; c < sep; c++) {
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '+' ||
		      *c == '-' || *c == '.') || sn == sizeof(scheme) - 1)
			return;
		scheme[sn++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
	}
	scheme[sn] = '\0';
	/* a file URL (sqlite://...) is a path: no password in it */
	const mig_driver *drv = mig_driver_for_scheme(scheme);
	if (drv && drv->url_form == MIG_URL_FILE)
		return;
	const char *auth = sep + 3, *slash = auth + strcspn(auth, "/");
	const char *first = memchr(auth, '@', (size_t)(slash - auth)), *last = NULL;
	for (const char *c = auth; c < slash; c++)
		if (*c == '@')
			last = c;
	const char *colon = first ? memchr(auth, ':', (size_t)(first - auth)) : NULL;
	if (!colon)
		return;
	const char *ends[2] = {first, last};
	for (int k = 0; k < 2; k++) {
		size_t n = (size_t)(ends[k] - colon - 1);
		char *pw = fuzz_dup(colon + 1, n);
		CHECK(pw);
		if (n && !strchr(pw, '*') && fuzz_count(text, pw) == 1)
			CHECK(strstr(shown, pw) == NULL);
		free(pw);
	}
}

static void check_parsed(const mig_url *u, const char *text, const char *redacted)
{
	CHECK(u->raw && strcmp(u->raw, text) == 0);
	CHECK(u->redacted && strcmp(u->redacted, redacted) == 0);
	CHECK(u->scheme && *u->scheme);
	for (const char *c = u->scheme; *c; c++)
		CHECK(!(*c >= 'A' && *c <= 'Z'));
	const mig_driver *drv = mig_driver_for_scheme(u->scheme);
	if (drv)
		CHECK(strcmp(u->scheme, drv->schemes[0]) == 0);
	CHECK(u->port >= 0 && u->port <= 65535);
	if (u->keyvalue)
		CHECK(drv && drv->keyvalue);
	if (drv && drv->url_form == MIG_URL_FILE)
		CHECK(u->path && *u->path && !u->user && !u->password && !u->host && !u->port);
	else
		CHECK(!u->path);
	CHECK(u->nparams == 0 || u->params);
	for (size_t i = 0; i < u->nparams; i++)
		CHECK(u->params[i].key && u->params[i].value);
	check_hidden(u, u->password);
	for (size_t i = 0; i < u->nparams; i++)
		if (secret_key(u->params[i].key))
			check_hidden(u, u->params[i].value);
}

/* The redacted form as a URL: the same one, secrets masked. */
/* Whether masking takes a '/' away: a secret value holding the URL's
 * first '/' takes with it where the user:password part may end
 * (u://?pwd=/&@ has no user, u://?pwd=****&@ has the user "?pwd=****&",
 * for libpq too). No secret is shown either way, but the redacted text
 * is another URL, and redacting it again masks more. */
static bool mask_takes_a_slash(const mig_url *u)
{
	for (size_t i = 0; !u->keyvalue && i < u->nparams; i++)
		if (secret_key(u->params[i].key) && strchr(u->params[i].value, '/'))
			return true;
	return false;
}

static void check_reparse(const mig_url *u)
{
	if (mask_takes_a_slash(u))
		return;
	mig_url v;
	int rc = mig_url_parse(u->redacted, &v);
	CHECK(rc == 0);
	CHECK(strcmp(v.scheme, u->scheme) == 0 && v.keyvalue == u->keyvalue);
	CHECK(same(v.user, u->user) && same(v.host, u->host) && v.port == u->port);
	CHECK(same(v.database, u->database) && same(v.path, u->path));
	CHECK((u->password == NULL) == (v.password == NULL));
	if (u->password)
		CHECK(strcmp(v.password, "****") == 0);
	CHECK(v.nparams == u->nparams);
	for (size_t i = 0; i < u->nparams; i++) {
		CHECK(strcmp(v.params[i].key, u->params[i].key) == 0);
		if (secret_key(u->params[i].key))
			/* (a key without a value has nothing to mask: "?pwd") */
			CHECK(strcmp(v.params[i].value, "****") == 0 ||
			      (!*u->params[i].value && !*v.params[i].value));
		else
			CHECK(strcmp(v.params[i].value, u->params[i].value) == 0);
	}
	mig_url_dispose(&v);
}

static void body(const char *text, size_t size, bool oom)
{
	(void)size;
	static const mig_url zero;
	mig_url u;
	if (oom) {
		mig__free(mig_url_redact(text));
		mig__free(mig_url_shown(text));
		int rc = mig_url_parse(text, &u);
		if (rc) {
			fuzz_check_failed(rc);
			CHECK(memcmp(&u, &zero, sizeof(u)) == 0);
		}
		mig_url_dispose(&u);
		return;
	}
	/* the generic redaction, and the one a URL's own form asks for */
	char *generic = mig_url_redact(text);
	CHECK(generic);
	char *redacted = mig_url_shown(text);
	CHECK(redacted);

	int rc = mig_url_parse(text, &u);
	if (rc == 0) {
		/* (of a text that is no URL, what a second redaction makes is
		 * no property: "pwd=''s" is garbage either way) */
		if (!mask_takes_a_slash(&u)) {
			char *again = mig_url_redact(generic);
			CHECK(again && strcmp(again, generic) == 0);
			mig__free(again);
			again = mig_url_shown(redacted);
			CHECK(again && strcmp(again, redacted) == 0);
			mig__free(again);
		}
		check_parsed(&u, text, redacted);
		check_libpq_password(text, redacted);
		check_reparse(&u);
		mig_url_dispose(&u);
	} else {
		CHECK(rc == MIG_EINPUT);
		fuzz_check_failed(rc);
		const char *msg = mig_error_last()->message;
		CHECK(strncmp(msg, "bad database URL ", 17) == 0);
		CHECK(strncmp(msg + 17, redacted, strlen(redacted)) == 0);
		check_libpq_password(text, redacted); /* the part of msg that quotes the text */
		CHECK(memcmp(&u, &zero, sizeof(u)) == 0);
	}
	mig__free(redacted);
	mig__free(generic);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memchr(data, '\0', size))
		return 0; /* connection strings are C strings: argv, the environment */
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	fuzz_run(body, text, size);
	free(text);
	return 0;
}
