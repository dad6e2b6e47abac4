/*
 * Private to drivers/mysql/: what the driver decides without a server and
 * without mysql.h, so that tests/unit/drivers/test_mysql_params.c can check
 * it directly: the URL as connection parameters, the error codes of the
 * client library as MIG_E* codes, the server's facts from its version
 * string, and the name of the run lock.
 */
#ifndef MIG_MY_PARAMS_H
#define MIG_MY_PARAMS_H

#include "util/url.h"

#include <stdbool.h>
#include <stddef.h>

#define MIG__MY_DEFAULT_PORT 3306u
/* GET_LOCK refuses longer names on MySQL 5.7+ (error 3057). */
#define MIG__MY_LOCK_NAME_MAX 64u

enum mig__my_ssl_mode {
	MIG__MY_SSL_DEFAULT, /* not given: the client library's default */
	MIG__MY_SSL_DISABLED,
	MIG__MY_SSL_PREFERRED,
	MIG__MY_SSL_REQUIRED,
	MIG__MY_SSL_VERIFY_CA,
	MIG__MY_SSL_VERIFY_IDENTITY,
};

/* Every string is borrowed from the URL, which outlives the connect. */
struct mig__my_params {
	const char *user;     /* NULL: the client library's default (the login name) */
	const char *password; /* NULL: none */
	const char *host;     /* NULL: "localhost", i.e. the Unix socket */
	unsigned port;        /* 3306 unless given */
	const char *socket;   /* NULL: the library's default socket */
	const char *database; /* NULL: none selected */
	enum mig__my_ssl_mode ssl_mode;
	const char *ssl_ca, *ssl_cert, *ssl_key;
	unsigned connect_timeout; /* seconds; 0: not given */
};

/* url (scheme "mysql") as parameters. MIG_EINPUT for an unknown parameter
 * or a bad value; messages quote only url->redacted, never the password. */
int mig__my_params_from_url(const mig_url *url, struct mig__my_params *out);

/* MIG_ECONNLOST for the client and server errors that mean the session is
 * gone, MIG_ESQL for every other. */
int mig__my_error_code(unsigned errnum);
/* Set the error of a failed statement: "ERROR <errno> (<sqlstate>):
 * <message>" (after "lost the connection ..." when the session is gone),
 * the SQLSTATE and the statement (may be NULL). Returns the code. */
int mig__my_set_error(unsigned errnum, const char *sqlstate, const char *message, const char *statement);

/* MIG_ECONNECT (MIG_ENODATABASE for error 1049, an unknown database):
 * "cannot connect to MySQL/MariaDB at <redacted url>: <message> (error
 * <errno>)"; a message that holds the password (or MYSQL_PWD, which the
 * library may read) is withheld. */
int mig__my_connect_error(const mig_url *url, unsigned errnum, const char *message);

/* The server's facts from mysql_get_server_info() and
 * mysql_get_server_version(): *flavour "mariadb" or "mysql", *version
 * like 101119 (Oracle's library reports MariaDB's "5.5.5-10.11.19-MariaDB"
 * as 50505: the text decides then), and the display text "MariaDB
 * 10.11.19" (caller frees; NULL when out of memory). */
char *mig__my_server_facts(const char *info, unsigned long numeric, const char **flavour, unsigned long *version);

/* The GET_LOCK name of a migrations table: "migrations:<db>.<table>", or
 * when that is longer than MIG__MY_LOCK_NAME_MAX bytes a prefix of it and
 * the hex of its FNV-1a hash, so that it stays short, stable and distinct.
 * Caller frees; NULL when out of memory. */
char *mig__my_lock_name(const char *db, const char *table);
/* s as a MySQL hex literal X'...': its bytes whatever sql_mode or the
 * connection's character set say. Caller frees. */
char *mig__my_hex_literal(const char *s);

#endif
