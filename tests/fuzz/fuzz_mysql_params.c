/*
 * libFuzzer harness for the MySQL driver's reading of a URL,
 * mig__my_params_from_url() (drivers/mysql/my_params.c, which needs no
 * mysql.h): the input is what follows "mysql://" (so user, password,
 * host or socket, port, database and every query parameter), parsed by
 * mig_url_parse() as the CLI does. The same input also goes to the
 * server-version reader (mig__my_server_facts) and the lock-name maker
 * (mig__my_lock_name).
 *
 * Properties:
 * - success: the parameters borrow the URL's strings; the port is
 *   1..65535; a socket is an absolute path and then the host is
 *   localhost; no host list; ssl-cert and ssl-key go together, and not
 *   with ssl-mode=disabled; the connect timeout is 0..86400; no
 *   parameter is given twice and every one is known;
 * - failure: MIG_EINPUT, one "bad MySQL URL" message, which never holds
 *   the password (unless it is also the text of the user, host or
 *   database name or of the messages' fixed words, any occurrence is a
 *   leak, a password pasted into a query key or value included);
 * - the server facts start "MySQL " or "MariaDB "; the lock name is at
 *   most 64 bytes, "migrations:<db>.<table>" when that fits, and the same
 *   for the same input;
 * - with an allocation failing (fuzz_run): one error; everything is
 *   freed (ASan's leak check, mig__alloc_live).
 */
#include "fuzz_util.h"

#include "drivers/mysql/my_params.h"
#include "engine/url.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>

/* Every fixed text of my_params.c's messages: a password found in it may
 * be a coincidence, not a leak. */
static const char fixed_text[] =
	"bad MySQL URL (withheld: the URL holds the password outside its place)(unprintable): "
	"a MySQL URL names one host (the client library has no list of hosts) "
	"the parameter '' is given twice socket= needs the absolute path of the server's Unix socket, not '' "
	"the socket is given twice (as the host and as socket=) "
	"unknown ssl-mode '' (use disabled, preferred, required, verify-ca or verify-identity) "
	"ssl-ca= ssl-cert= ssl-key= needs the path of a PEM file "
	"connect-timeout needs a whole number of seconds from 1 to 86400, not '' "
	"unknown parameter '' (known: socket, ssl-mode, ssl-ca, ssl-cert, ssl-key, connect-timeout) "
	"socket= cannot go with the host '' (leave the host out, or use localhost) "
	"ssl-ca, ssl-cert and ssl-key mean TLS, and ssl-mode=disabled says no TLS "
	"a client certificate needs both ssl-cert and ssl-key (value withheld)";

static bool borrowed(const char *p, const mig_url *u)
{
	if (!p)
		return true;
	if (p == u->user || p == u->password || p == u->host || p == u->database)
		return true;
	for (size_t i = 0; i < u->nparams; i++)
		if (p == u->params[i].value)
			return true;
	return false;
}

static void check_params(const mig_url *u, const struct mig__my_params *p)
{
	CHECK(p->user == u->user && p->password == u->password && p->database == u->database);
	CHECK(borrowed(p->host, u) || strcmp(p->host, "localhost") == 0);
	CHECK(borrowed(p->socket, u) && borrowed(p->ssl_ca, u) && borrowed(p->ssl_cert, u) && borrowed(p->ssl_key, u));
	CHECK(p->port >= 1 && p->port <= 65535);
	CHECK(!p->host || !strchr(p->host, ','));
	if (p->socket)
		CHECK(p->socket[0] == '/' && (!p->host || strcmp(p->host, "localhost") == 0));
	CHECK((p->ssl_cert != NULL) == (p->ssl_key != NULL));
	CHECK(p->ssl_mode != MIG__MY_SSL_DISABLED || (!p->ssl_ca && !p->ssl_cert && !p->ssl_key));
	CHECK(p->connect_timeout <= 86400);
	static const char *const known[] = {"socket", "ssl-mode", "ssl-ca", "ssl-cert", "ssl-key", "connect-timeout"};
	for (size_t i = 0; i < u->nparams; i++) {
		bool ok = false;
		for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			ok |= strcmp(u->params[i].key, known[k]) == 0;
		CHECK(ok);
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(u->params[i].key, u->params[j].key) != 0);
	}
}

static void check_failure(const mig_url *u)
{
	const mig_error *e = mig_error_last();
	CHECK(e && e->message && e->code == MIG_EINPUT);
	CHECK(strncmp(e->message, "bad MySQL URL ", 14) == 0);
	const char *pw = u->password;
	/* a password of a few letters, or of the URL's own punctuation, may
	 * turn up in a message from other text: "?l" from the query "?l" */
	if (!pw || strlen(pw) < 4 || strpbrk(pw, "?&=@:/#%") || strstr(fixed_text, pw))
		return;
	/* where the password may also stand without being leaked: in the
	 * user, host or database name (and so in the redacted URL outside its
	 * query's names and values); in a query key or value it is the password pasted into the
	 * wrong place, which a message must never repeat */
	if ((u->user && strstr(u->user, pw)) || (u->host && strstr(u->host, pw)) ||
	    (u->database && strstr(u->database, pw)))
		return;
	/* the redacted URL with the query's names and values taken out: its
	 * '?', '&' and '=' may make up a password such as "&" */
	size_t qs = strcspn(u->redacted, "?");
	char *skeleton = fuzz_dup(u->redacted, strlen(u->redacted));
	CHECK(skeleton);
	size_t o = qs;
	for (const char *c = u->redacted + qs; *c; c++)
		if (*c == '?' || *c == '&' || *c == '=')
			skeleton[o++] = *c;
	skeleton[o] = '\0';
	bool coincidence = strstr(skeleton, pw) != NULL;
	free(skeleton);
	if (!coincidence)
		CHECK(strstr(e->message, pw) == NULL);
}

static void check_lock_name(const char *db, const char *table)
{
	char *a = mig__my_lock_name(db, table), *b = mig__my_lock_name(db, table);
	CHECK(a && b && strcmp(a, b) == 0);
	size_t n = strlen(a);
	CHECK(n <= MIG__MY_LOCK_NAME_MAX);
	size_t dl = strlen(db ? db : ""), tl = strlen(table);
	char *full = malloc(11 + dl + 1 + tl + 1);
	CHECK(full);
	memcpy(full, "migrations:", 11);
	memcpy(full + 11, db ? db : "", dl);
	full[11 + dl] = '.';
	memcpy(full + 12 + dl, table, tl + 1);
	if (strlen(full) <= MIG__MY_LOCK_NAME_MAX) {
		CHECK(strcmp(a, full) == 0);
	} else {
		/* a prefix cut at a character boundary, '~', 16 hex digits */
		CHECK(n >= 17 && a[n - 17] == '~');
		size_t keep = n - 17;
		CHECK(memcmp(a, full, keep) == 0 && ((unsigned char)full[keep] & 0xC0) != 0x80);
		for (size_t i = keep + 1; i < n; i++)
			CHECK((a[i] >= '0' && a[i] <= '9') || (a[i] >= 'a' && a[i] <= 'f'));
	}
	free(full);
	mig__free(a);
	mig__free(b);
}

static void body(const char *text, size_t size, bool oom)
{
	mig_url u;
	int rc = mig_url_parse(text, &u);
	if (rc == 0) {
		CHECK(strcmp(u.scheme, "mysql") == 0);
		struct mig__my_params p;
		rc = mig__my_params_from_url(&u, &p);
		if (oom) {
			if (rc)
				fuzz_check_failed(rc);
		} else if (rc == 0) {
			check_params(&u, &p);
		} else {
			CHECK(rc == MIG_EINPUT);
			fuzz_check_failed(rc);
			check_failure(&u);
		}
		if (!oom) {
			check_lock_name(u.database, "pgmigrations");
			check_lock_name(u.database, u.user ? u.user : "");
		}
		mig_url_dispose(&u);
	}
	mig_error_clear();

	const char *flavour = NULL;
	unsigned long version = 0;
	char *facts = mig__my_server_facts(text + 8, (unsigned long)size, &flavour, &version);
	CHECK(flavour);
	CHECK(facts || oom);
	if (facts)
		CHECK(strncmp(facts, "MySQL ", 6) == 0 || strncmp(facts, "MariaDB ", 8) == 0);
	mig__free(facts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memchr(data, '\0', size))
		return 0;
	char *text = malloc(size + 9);
	if (!text)
		return 0;
	memcpy(text, "mysql://", 8);
	if (size)
		memcpy(text + 8, data, size);
	text[size + 8] = '\0';
	fuzz_run(body, text, size + 8);
	free(text);
	return 0;
}
