/* Private to drivers/sqlite/: the connection the driver and its lock share. */
#ifndef MIG_SQLITE_DRIVER_H
#define MIG_SQLITE_DRIVER_H

#include "drivers/driver.h"
#include "drivers/lock.h"

#include <sqlite3.h>
#include <stdbool.h>

/* How long a statement waits for another writer's lock on the file. */
#define MIG_SQLITE_BUSY_MS 5000

struct sqlite_conn {
	mig_conn base;
	sqlite3 *db;
	char *path;      /* as opened; ":memory:" for memory databases */
	char *version;   /* "SQLite 3.40.1" */
	int lock_fd;     /* -1 when not locked */
	bool relaxed_fk; /* the open transaction turned foreign keys off */
	bool in_txn;
	/* exec_bound's statement, kept prepared while its text stays the same */
	sqlite3_stmt *bound;
	char *bound_sql;
};

extern const mig_driver_ops mig_sqlite_driver_ops;
extern const mig_lock_strategy mig_sqlite_file_lock;

#endif
