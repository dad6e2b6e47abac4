/*
 * MySQL/MariaDB errors as the user sees them: "ERROR 1146 (42S02): Table
 * 'db.t' doesn't exist", the way the mysql client prints them, with the
 * SQLSTATE and the statement beside; the errors that mean the session is
 * gone become MIG_ECONNLOST (the core then stops talking to the server).
 * No mysql.h here: the numbers are the protocol's, the same in MariaDB's
 * Connector/C and Oracle's libmysqlclient.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/mysql/my_params.h"

#include "util/error.h"

#include <stdlib.h>
#include <string.h>

enum {
	CR_CONNECTION_ERROR = 2002,   /* cannot reach the socket */
	CR_CONN_HOST_ERROR = 2003,    /* cannot reach host:port */
	CR_SERVER_GONE_ERROR = 2006,  /* "MySQL server has gone away" */
	CR_SERVER_LOST = 2013,        /* lost during a query */
	CR_SERVER_LOST_EXTENDED = 2055, /* the same, with the system error (Oracle) */
	ER_SERVER_SHUTDOWN = 1053,
	ER_CONNECTION_KILLED = 1927,  /* MariaDB: KILL of this connection */
	ER_CLIENT_INTERACTION_TIMEOUT = 4031, /* MySQL 8.0.24+: wait_timeout ran out */
	ER_BAD_DB_ERROR = 1049,       /* "Unknown database 'x'" */
};

int mig__my_error_code(unsigned errnum)
{
	switch (errnum) {
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_LOST_EXTENDED:
	case ER_SERVER_SHUTDOWN:
	case ER_CONNECTION_KILLED:
	case ER_CLIENT_INTERACTION_TIMEOUT:
		return MIG_ECONNLOST;
	default:
		return MIG_ESQL;
	}
}

int mig__my_set_error(unsigned errnum, const char *sqlstate, const char *message, const char *statement)
{
	if (!sqlstate || !*sqlstate)
		sqlstate = "HY000";
	if (!message || !*message)
		message = "the statement failed (no message from the server)";
	int code = mig__my_error_code(errnum);
	int rc = code == MIG_ECONNLOST
			 ? mig_error_set(code, "lost the connection to the MySQL/MariaDB server: ERROR %u (%s): %s", errnum,
					 sqlstate, message)
			 : mig_error_set(code, "ERROR %u (%s): %s", errnum, sqlstate, message);
	mig_error_set_sqlstate(sqlstate);
	if (statement)
		mig_error_set_statement(statement, 0);
	return rc;
}

static bool holds(const char *text, const char *secret)
{
	return secret && *secret && strstr(text, secret);
}

int mig__my_connect_error(const mig_url *url, unsigned errnum, const char *message)
{
	if (!message || !*message)
		message = "no message from the client library";
	/* the library's texts quote the user and host, never the password,
	 * but a password is never printed on a promise */
	if (holds(message, url->password) || holds(message, getenv("MYSQL_PWD")))
		message = "(the message is withheld: it holds the password)";
	/* the server is up and answered: only the database is missing */
	int code = errnum == ER_BAD_DB_ERROR ? MIG_ENODATABASE : MIG_ECONNECT;
	return mig_error_set(code, "cannot connect to MySQL/MariaDB at %s: %s (error %u)",
			     url->redacted ? url->redacted : "(unprintable)", message, errnum);
}
