/* Private to drivers/mysql/: the connection its files share. */
#ifndef MIG_MY_DRIVER_H
#define MIG_MY_DRIVER_H

#include "drivers/driver.h"
#include "drivers/lock.h"
#include "drivers/mysql/my_params.h"

#include "drivers/mysql/my_api.h"
#include <stdbool.h>

struct my_conn {
	mig_conn base;
	MYSQL *my;
	char *version;  /* "MariaDB 10.11.19", for messages */
	char *database; /* the URL's database, NULL when none */
	/* The session is gone: nothing more is sent (no reconnect). */
	bool lost;
	unsigned last_errno; /* of the last failed statement (my_lock.c reads it) */
	void (*notice)(void *ud, const char *message);
	void *notice_ud;
};

extern const mig_driver_ops mig_mysql_driver_ops;
extern const mig_lock_strategy mig_mysql_lock;

/* my_driver.c: run sql (NUL-terminated; it may hold several statements)
 * and drain every result; *out (if asked) gets the rows of the last
 * result that has columns (an empty set when none has). */
int mig__my_query(struct my_conn *c, const char *sql, mig_rows **out);

#endif
