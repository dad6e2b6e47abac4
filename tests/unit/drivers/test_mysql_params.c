/*
 * The MySQL/MariaDB driver's decisions that need no server
 * (drivers/mysql/my_params.h): a URL, parsed as the CLI parses it, as
 * connection parameters; client and server error numbers as codes and
 * messages; the server's facts from its version text; the lock's name.
 */
#include "test_support.h"

#include "mig_features.h"

#if MIG_HAVE_MYSQL

#include "drivers/mysql/my_params.h"
#include "engine/url.h"
#include "util/alloc.h"

/* The parsed URL stays alive: the parameters borrow its strings. */
static mig_url url;

static const struct mig__my_params *params_of(const char *text)
{
	static struct mig__my_params p;
	mig_url_dispose(&url);
	if (mig_url_parse(text, &url) != 0)
		fail_msg("parse %s: %s", text, mig_error_last()->message);
	if (mig__my_params_from_url(&url, &p) != 0)
		fail_msg("params of %s: %s", text, mig_error_last()->message);
	return &p;
}

/* The URL is refused as input; the message has frag and never the
 * password "s3cr#t-pw" that every bad URL here carries. */
static void refused(const char *text, const char *frag)
{
	struct mig__my_params p;
	mig_url_dispose(&url);
	assert_int_equal(mig_url_parse(text, &url), 0);
	int rc = mig__my_params_from_url(&url, &p);
	const mig_error *e = mig_error_last();
	assert_non_null(e);
	if (!strstr(e->message, frag))
		fail_msg("message '%s' lacks '%s'", e->message, frag);
	assert_null(strstr(e->message, "s3cr#t-pw"));
	assert_null(strstr(e->message, "s3cr%23t-pw"));
	assert_non_null(strstr(e->message, "bad MySQL URL "));
	assert_int_equal(rc, MIG_EINPUT);
	mig_error_clear();
}

static int teardown(void **state)
{
	(void)state;
	mig_url_dispose(&url);
	return 0;
}

static void test_full_url(void **state)
{
	(void)state;
	const struct mig__my_params *p = params_of(
		"mysql://app%20user:p%40ss%2Fw%3Ad@db.example.com:3307/app%2Ddb?ssl-mode=verify-identity"
		"&ssl-ca=/etc/ca.pem&ssl-cert=/etc/c.pem&ssl-key=/etc/k.pem&connect-timeout=7");
	assert_string_equal(p->user, "app user");
	assert_string_equal(p->password, "p@ss/w:d");
	assert_string_equal(p->host, "db.example.com");
	assert_int_equal(p->port, 3307);
	assert_string_equal(p->database, "app-db");
	assert_null(p->socket);
	assert_int_equal(p->ssl_mode, MIG__MY_SSL_VERIFY_IDENTITY);
	assert_string_equal(p->ssl_ca, "/etc/ca.pem");
	assert_string_equal(p->ssl_cert, "/etc/c.pem");
	assert_string_equal(p->ssl_key, "/etc/k.pem");
	assert_int_equal(p->connect_timeout, 7);
}

static void test_defaults(void **state)
{
	(void)state;
	/* mariadb:// is the same driver */
	const struct mig__my_params *p = params_of("mariadb://root@127.0.0.1/mig");
	assert_string_equal(url.scheme, "mysql");
	assert_string_equal(p->user, "root");
	assert_null(p->password);
	assert_string_equal(p->host, "127.0.0.1");
	assert_int_equal(p->port, 3306);
	assert_string_equal(p->database, "mig");
	assert_int_equal(p->ssl_mode, MIG__MY_SSL_DEFAULT);
	assert_null(p->ssl_ca);
	assert_int_equal(p->connect_timeout, 0);
	/* no host: libmysqlclient's "localhost", the default socket */
	p = params_of("mysql:///mig");
	assert_null(p->host);
	assert_null(p->user);
	assert_null(p->socket);
	assert_int_equal(p->port, 3306);
	p = params_of("mysql://");
	assert_null(p->host);
	assert_null(p->database);
}

static void test_sockets(void **state)
{
	(void)state;
	const struct mig__my_params *p = params_of("mysql://user@%2Frun%2Fmysqld%2Fmysqld.sock/db");
	assert_string_equal(p->socket, "/run/mysqld/mysqld.sock");
	assert_string_equal(p->host, "localhost");
	assert_string_equal(p->database, "db");
	p = params_of("mysql://user@/db?socket=/tmp/my%20sql.sock");
	assert_string_equal(p->socket, "/tmp/my sql.sock");
	assert_null(p->host);
	p = params_of("mysql://user@localhost/db?socket=/tmp/s.sock");
	assert_string_equal(p->socket, "/tmp/s.sock");
	assert_string_equal(p->host, "localhost");
	refused("mysql://u:s3cr%23t-pw@db.example.com/db?socket=/tmp/s.sock", "socket= cannot go with the host 'db.example.com'");
	refused("mysql://u:s3cr%23t-pw@%2Fa.sock/db?socket=/b.sock", "the socket is given twice");
	refused("mysql://u:s3cr%23t-pw@h/db?socket=relative.sock", "absolute path");
}

static void test_ssl_modes(void **state)
{
	(void)state;
	static const struct {
		const char *v;
		enum mig__my_ssl_mode m;
	} modes[] = {
		{"disabled", MIG__MY_SSL_DISABLED},	  {"preferred", MIG__MY_SSL_PREFERRED},
		{"required", MIG__MY_SSL_REQUIRED},	  {"verify-ca", MIG__MY_SSL_VERIFY_CA},
		{"verify-identity", MIG__MY_SSL_VERIFY_IDENTITY}, {"VERIFY_CA", MIG__MY_SSL_VERIFY_CA},
		{"Required", MIG__MY_SSL_REQUIRED},
	};
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		char *u = mig_aprintf("mysql://h/db?ssl-mode=%s", modes[i].v);
		assert_int_equal(params_of(u)->ssl_mode, modes[i].m);
		free(u);
	}
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=sometimes", "unknown ssl-mode 'sometimes' (use disabled, preferred");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=", "unknown ssl-mode ''");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=disabled&ssl-ca=/ca.pem", "ssl-mode=disabled says no TLS");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-cert=/c.pem", "needs both ssl-cert and ssl-key");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-ca=", "ssl-ca= needs the path");
	/* a password pasted into a value is not repeated */
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=s3cr%23t-pw", "(value withheld)");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=s3cr%23t-pw", "bad MySQL URL (withheld");
	refused("mysql://u:s3cr%23t-pw@h/db?ssl-mode=x", "bad MySQL URL mysql://u:****@h/db?ssl-mode=x: ");
	/* nor one pasted as a parameter's name */
	refused("mysql://u:s3cr%23t-pw@h/db?s3cr%23t-pw=1", "unknown parameter '(name withheld)'");
}

static void test_bad_parameters(void **state)
{
	(void)state;
	refused("mysql://u:s3cr%23t-pw@h/db?sslmode=require",
		"unknown parameter 'sslmode' (known: socket, ssl-mode, ssl-ca, ssl-cert, ssl-key, connect-timeout)");
	refused("mysql://u:s3cr%23t-pw@h/db?password=s3cr%23t-pw", "unknown parameter 'password'");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=0", "connect-timeout needs a whole number of seconds");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=-3", "not '-3'");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=1.5", "not '1.5'");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=86401", "from 1 to 86400");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=", "connect-timeout");
	refused("mysql://u:s3cr%23t-pw@h/db?connect-timeout=5&connect-timeout=6", "'connect-timeout' is given twice");
	refused("mysql://u:s3cr%23t-pw@a,b/db", "one host");
	assert_int_equal(params_of("mysql://h/db?connect-timeout=86400")->connect_timeout, 86400);
}

static void test_errors(void **state)
{
	(void)state;
	static const unsigned lost[] = {2002, 2003, 2006, 2013, 2055, 1053, 1927, 4031};
	for (size_t i = 0; i < sizeof(lost) / sizeof(lost[0]); i++)
		assert_int_equal(mig__my_error_code(lost[i]), MIG_ECONNLOST);
	static const unsigned sql[] = {1064, 1146, 1062, 1050, 2014, 1317, 1205};
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		assert_int_equal(mig__my_error_code(sql[i]), MIG_ESQL);

	assert_int_equal(mig__my_set_error(1146, "42S02", "Table 'db.nope' doesn't exist", "SELECT * FROM nope"), MIG_ESQL);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->message, "ERROR 1146 (42S02): Table 'db.nope' doesn't exist");
	assert_string_equal(e->sqlstate, "42S02");
	assert_string_equal(e->statement, "SELECT * FROM nope");
	mig_error_clear();
	assert_int_equal(mig__my_set_error(2013, "HY000", "Lost connection to server during query", NULL), MIG_ECONNLOST);
	e = mig_error_last();
	assert_string_equal(e->message,
			    "lost the connection to the MySQL/MariaDB server: ERROR 2013 (HY000): Lost connection to server during query");
	assert_null(e->statement);
	mig_error_clear();
	/* no SQLSTATE, no message */
	mig__my_set_error(1234, "", NULL, NULL);
	assert_string_equal(mig_error_last()->message, "ERROR 1234 (HY000): the statement failed (no message from the server)");
	mig_error_clear();

	mig_url_dispose(&url);
	assert_int_equal(mig_url_parse("mysql://mig:s3cr%23t-pw@127.0.0.1:1/db", &url), 0);
	assert_int_equal(mig__my_connect_error(&url, 2003, "Can't connect to server on '127.0.0.1' (111)"), MIG_ECONNECT);
	assert_string_equal(mig_error_last()->message, "cannot connect to MySQL/MariaDB at mysql://mig:****@127.0.0.1:1/db: "
						       "Can't connect to server on '127.0.0.1' (111) (error 2003)");
	mig_error_clear();
	/* a library text that held the password would not be repeated */
	mig__my_connect_error(&url, 1045, "Access denied for 'mig' with s3cr#t-pw");
	assert_null(strstr(mig_error_last()->message, "s3cr#t-pw"));
	assert_non_null(strstr(mig_error_last()->message, "withheld"));
	mig_error_clear();
}

static void test_server_facts(void **state)
{
	(void)state;
	const char *flavour = NULL;
	unsigned long v = 0;
	char *t = mig__my_server_facts("10.11.19-MariaDB-0+deb12u1", 101119, &flavour, &v);
	assert_string_equal(t, "MariaDB 10.11.19");
	assert_string_equal(flavour, "mariadb");
	assert_int_equal(v, 101119);
	free(t);
	/* Oracle's library does not strip MariaDB's 5.5.5- prefix */
	t = mig__my_server_facts("5.5.5-10.6.4-MariaDB-log", 50505, &flavour, &v);
	assert_string_equal(t, "MariaDB 10.6.4");
	assert_int_equal(v, 100604);
	free(t);
	t = mig__my_server_facts("8.0.36-0ubuntu0.22.04.1", 80036, &flavour, &v);
	assert_string_equal(t, "MySQL 8.0.36");
	assert_string_equal(flavour, "mysql");
	assert_int_equal(v, 80036);
	free(t);
}

static void test_lock_name(void **state)
{
	(void)state;
	char *a = mig__my_lock_name("app", "pgmigrations");
	assert_string_equal(a, "migrations:app.pgmigrations");
	free(a);
	/* exactly 64 stays as it is */
	char db[65];
	memset(db, 'd', sizeof(db));
	db[64 - strlen("migrations:.t")] = '\0';
	a = mig__my_lock_name(db, "t");
	assert_int_equal(strlen(a), 64);
	assert_non_null(strstr(a, ".t"));
	free(a);
	/* longer: shortened, stable, distinct */
	char longdb[80];
	memset(longdb, 'x', sizeof(longdb));
	longdb[63] = '\0';
	char *l1 = mig__my_lock_name(longdb, "pgmigrations");
	char *l2 = mig__my_lock_name(longdb, "pgmigrations");
	char *l3 = mig__my_lock_name(longdb, "pgmigrations2");
	char *l4 = mig__my_lock_name("app", "pgmigrations2");
	assert_true(strlen(l1) <= 64);
	assert_true(strlen(l3) <= 64);
	assert_string_equal(l1, l2);
	assert_string_not_equal(l1, l3);
	assert_string_not_equal(l3, l4);
	assert_int_equal(strncmp(l1, "migrations:xxxx", 15), 0);
	/* the hash is FNV-1a of the whole name, and never changes: a run of
	 * an older version must take the same lock (value from an
	 * independent FNV-1a, and from the code before util/hash.h) */
	assert_string_equal(l1, "migrations:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx~8b7ed501f91d5964");
	free(l1);
	free(l2);
	free(l3);
	free(l4);
	/* a multi-byte character is not cut in half */
	mig_str s = MIG_STR_INIT;
	for (int i = 0; i < 40; i++)
		mig_str_puts(&s, "é");
	char *u = mig__my_lock_name(mig_str_cstr(&s), "t");
	assert_true(strlen(u) <= 64);
	const char *tilde = strrchr(u, '~');
	assert_non_null(tilde);
	assert_int_equal((size_t)(tilde - u - strlen("migrations:")) % 2, 0);
	free(u);
	mig_str_free(&s);

	char *x = mig__my_hex_literal("a'\\b");
	assert_string_equal(x, "X'61275C62'");
	free(x);
	x = mig__my_hex_literal("");
	assert_string_equal(x, "X''");
	free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_full_url, teardown),
		cmocka_unit_test_teardown(test_defaults, teardown),
		cmocka_unit_test_teardown(test_sockets, teardown),
		cmocka_unit_test_teardown(test_ssl_modes, teardown),
		cmocka_unit_test_teardown(test_bad_parameters, teardown),
		cmocka_unit_test_teardown(test_errors, teardown),
		cmocka_unit_test(test_server_facts),
		cmocka_unit_test(test_lock_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

#else /* !MIG_HAVE_MYSQL */

int main(void)
{
	fprintf(stderr, "SKIP: this build has no MySQL/MariaDB driver\n");
	return 77;
}

#endif
