/*
 * A mysql:// (or mariadb://) URL as the arguments of mysql_real_connect()
 * and mysql_options(), decided here without the client library so that
 * the unit tests check the mapping without a server. Also the server's
 * facts from its version string and the run lock's name: every rule of
 * the driver that needs no connection.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/mysql/my_params.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/str.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define KNOWN_PARAMS "socket, ssl-mode, ssl-ca, ssl-cert, ssl-key, connect-timeout"

/* A day: longer is a typo, and the library stores it as an unsigned int. */
#define MAX_CONNECT_TIMEOUT 86400

static int bad(const mig_url *url, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int bad(const mig_url *url, const char *fmt, ...)
{
	char why[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	const char *shown_url = url->redacted ? url->redacted : "(unprintable)";
	/* redaction masks the password field, not a password pasted into a
	 * query name or value: decoded, or in the text the redacted URL shows
	 * (the name %dbet is "\xdbet", its text holds the password dbet) */
	const char *query = url->redacted ? strchr(url->redacted, '?') : NULL;
	bool pasted = url->password && *url->password && query && strstr(query, url->password);
	for (size_t i = 0; url->password && *url->password && i < url->nparams; i++)
		if (strstr(url->params[i].value, url->password) || strstr(url->params[i].key, url->password))
			pasted = true;
	if (pasted)
		shown_url = "(withheld: the URL holds the password outside its place)";
	return mig_error_set(MIG_EINPUT, "bad MySQL URL %s: %s", shown_url, why);
}

/* A value quoted in a message, unless it holds the password (someone put
 * it in the wrong place: the message must not repeat it). */
static const char *shown(const mig_url *url, const char *value)
{
	if (url->password && *url->password && strstr(value, url->password))
		return "(value withheld)";
	return value;
}

/* The same for a parameter's name: ?hunter2=1 is the password pasted as
 * a name. */
static const char *shown_name(const mig_url *url, const char *name)
{
	if (url->password && *url->password && strstr(name, url->password))
		return "(name withheld)";
	return name;
}

static const struct {
	const char *name;
	enum mig__my_ssl_mode mode;
} ssl_modes[] = {
	{"disabled", MIG__MY_SSL_DISABLED},
	{"preferred", MIG__MY_SSL_PREFERRED},
	{"required", MIG__MY_SSL_REQUIRED},
	{"verify-ca", MIG__MY_SSL_VERIFY_CA},
	{"verify-identity", MIG__MY_SSL_VERIFY_IDENTITY},
};

/* MySQL's own spelling (--ssl-mode=VERIFY_CA) is accepted too. */
static bool ssl_mode_of(const char *v, enum mig__my_ssl_mode *out)
{
	char norm[24];
	size_t n = strlen(v);
	if (n >= sizeof(norm))
		return false;
	for (size_t i = 0; i <= n; i++)
		norm[i] = v[i] == '_' ? '-' : v[i];
	for (size_t i = 0; i < sizeof(ssl_modes) / sizeof(ssl_modes[0]); i++)
		if (strcasecmp(norm, ssl_modes[i].name) == 0) {
			*out = ssl_modes[i].mode;
			return true;
		}
	return false;
}

static bool positive_seconds(const char *v, unsigned *out)
{
	unsigned long n = 0;
	if (!*v)
		return false;
	for (const char *p = v; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return false;
		n = n * 10 + (unsigned long)(*p - '0');
		if (n > MAX_CONNECT_TIMEOUT)
			return false;
	}
	if (n == 0)
		return false;
	*out = (unsigned)n;
	return true;
}

int mig__my_params_from_url(const mig_url *url, struct mig__my_params *out)
{
	memset(out, 0, sizeof(*out));
	out->user = url->user;
	out->password = url->password;
	out->host = url->host;
	out->port = url->port > 0 ? (unsigned)url->port : MIG__MY_DEFAULT_PORT;
	out->database = url->database;
	if (out->host && strchr(out->host, ','))
		return bad(url, "%s", "a MySQL URL names one host (the client library has no list of hosts)");
	/* libmysqlclient's rule: a host that is a path is the socket */
	if (out->host && out->host[0] == '/') {
		out->socket = out->host;
		out->host = "localhost";
	}
	for (size_t i = 0; i < url->nparams; i++) {
		const char *k = url->params[i].key, *v = url->params[i].value;
		for (size_t j = 0; j < i; j++)
			if (strcmp(url->params[j].key, k) == 0)
				return bad(url, "the parameter '%s' is given twice", k); /* a known name */
		if (strcmp(k, "socket") == 0) {
			if (!*v || v[0] != '/')
				return bad(url, "socket= needs the absolute path of the server's Unix socket, not '%s'", shown(url, v));
			if (out->socket && out->socket != v)
				return bad(url, "%s", "the socket is given twice (as the host and as socket=)");
			out->socket = v;
		} else if (strcmp(k, "ssl-mode") == 0) {
			if (!ssl_mode_of(v, &out->ssl_mode))
				return bad(url,
					   "unknown ssl-mode '%s' (use disabled, preferred, required, verify-ca or verify-identity)",
					   shown(url, v));
		} else if (strcmp(k, "ssl-ca") == 0 || strcmp(k, "ssl-cert") == 0 || strcmp(k, "ssl-key") == 0) {
			if (!*v)
				return bad(url, "%s= needs the path of a PEM file", k);
			const char **slot = strcmp(k, "ssl-ca") == 0     ? &out->ssl_ca
					    : strcmp(k, "ssl-cert") == 0 ? &out->ssl_cert
									 : &out->ssl_key;
			*slot = v;
		} else if (strcmp(k, "connect-timeout") == 0) {
			if (!positive_seconds(v, &out->connect_timeout))
				return bad(url, "connect-timeout needs a whole number of seconds from 1 to 86400, not '%s'",
					   shown(url, v));
		} else {
			return bad(url, "unknown parameter '%s' (known: " KNOWN_PARAMS ")", shown_name(url, k));
		}
	}
	/* a socket is local: naming another host as well says two things */
	if (out->socket && out->host && strcmp(out->host, "localhost") != 0)
		return bad(url, "socket= cannot go with the host '%s' (leave the host out, or use localhost)", out->host);
	if (out->ssl_mode == MIG__MY_SSL_DISABLED && (out->ssl_ca || out->ssl_cert || out->ssl_key))
		return bad(url, "%s", "ssl-ca, ssl-cert and ssl-key mean TLS, and ssl-mode=disabled says no TLS");
	if ((out->ssl_cert != NULL) != (out->ssl_key != NULL))
		return bad(url, "%s", "a client certificate needs both ssl-cert and ssl-key");
	return 0;
}

/* ---- the server ------------------------------------------------------- */

/* "10.11.19..." as 101119; 0 when the text does not start so. */
static unsigned long version_of(const char *s)
{
	unsigned long part[3] = {0, 0, 0};
	int k = 0;
	if (!isdigit((unsigned char)*s))
		return 0;
	for (; *s && k < 3; s++) {
		if (isdigit((unsigned char)*s))
			part[k] = part[k] * 10 + (unsigned long)(*s - '0');
		else if (*s == '.')
			k++;
		else
			break;
	}
	if (part[1] > 99 || part[2] > 99)
		return 0;
	return part[0] * 10000 + part[1] * 100 + part[2];
}

char *mig__my_server_facts(const char *info, unsigned long numeric, const char **flavour, unsigned long *version)
{
	if (!info)
		info = "";
	bool mariadb = strstr(info, "MariaDB") != NULL;
	*flavour = mariadb ? "mariadb" : "mysql";
	*version = numeric;
	/* MariaDB 10+ says "5.5.5-10.11.19-MariaDB" to clients that would
	 * refuse a major version 10; Connector/C strips that, Oracle's
	 * library does not */
	const char *text = info;
	if (mariadb && strncmp(text, "5.5.5-", 6) == 0)
		text += 6;
	unsigned long v = version_of(text);
	if (v && (mariadb || !numeric))
		*version = v;
	unsigned long w = *version;
	return mig_aprintf("%s %lu.%lu.%lu", mariadb ? "MariaDB" : "MySQL", w / 10000, w / 100 % 100, w % 100);
}

/* ---- the run lock's name ---------------------------------------------- */

#define LOCK_PREFIX "migrations:"

char *mig__my_lock_name(const char *db, const char *table)
{
	char *full = mig_aprintf(LOCK_PREFIX "%s.%s", db ? db : "", table ? table : "");
	if (!full || strlen(full) <= MIG__MY_LOCK_NAME_MAX)
		return full;
	/* prefix, then "~" and 16 hex digits: 64 bytes at most, and only
	 * whole UTF-8 characters of the prefix (the server counts characters,
	 * and a cut one would be invalid) */
	size_t keep = MIG__MY_LOCK_NAME_MAX - 17;
	while (keep > 0 && ((unsigned char)full[keep] & 0xC0) == 0x80)
		keep--;
	uint64_t h = mig_fnv1a(MIG_FNV1A_INIT, full, strlen(full));
	char *name = mig_aprintf("%.*s~%016llx", (int)keep, full, (unsigned long long)h);
	mig__free(full);
	return name;
}

char *mig__my_hex_literal(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *out = mig__malloc(2 * n + 4);
	if (!out) {
		mig_error_oom();
		return NULL;
	}
	char *p = out;
	*p++ = 'X';
	*p++ = '\'';
	for (size_t i = 0; i < n; i++) {
		*p++ = hex[(unsigned char)s[i] >> 4];
		*p++ = hex[(unsigned char)s[i] & 15];
	}
	*p++ = '\'';
	*p = '\0';
	return out;
}
