/*
 * SQLite's run lock: flock() on the database file. It lasts the whole run
 * in every transaction mode (a write transaction alone ends at each
 * commit), excludes runs of every process on the machine, and the kernel
 * drops it when the process dies. SQLite's own locks are fcntl() locks on
 * the same file, which flock() does not interfere with. A memory database
 * is private to its run and needs none.
 */
#define _DEFAULT_SOURCE
#include "drivers/sqlite/sqlite_driver.h"

#include "util/error.h"
#include "util/str.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static struct sqlite_conn *conn_of(mig_conn *c)
{
	return (struct sqlite_conn *)c;
}

static char *describe(mig_conn *conn, const mig_lock_request *req)
{
	(void)req;
	return mig_aprintf("the lock on %s", conn_of(conn)->path);
}

static int try_lock(mig_conn *conn, const mig_lock_request *req, bool *got)
{
	(void)req;
	struct sqlite_conn *c = conn_of(conn);
	*got = true;
	const char *file = sqlite3_db_filename(c->db, "main");
	if (!file || !*file || c->lock_fd >= 0)
		return 0;
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mig_error_set(MIG_ERROR, "cannot open %s to lock it: %s", file, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		c->lock_fd = fd;
		return 0;
	}
	int err = errno;
	close(fd);
	if (err == EWOULDBLOCK || err == EINTR) {
		*got = false;
		return 0;
	}
	return mig_error_set(MIG_ERROR, "cannot lock %s: %s", file, strerror(err));
}

static int unlock(mig_conn *conn, const mig_lock_request *req)
{
	(void)req;
	struct sqlite_conn *c = conn_of(conn);
	if (c->lock_fd < 0)
		return 0;
	flock(c->lock_fd, LOCK_UN);
	close(c->lock_fd);
	c->lock_fd = -1;
	return 0;
}

const mig_lock_strategy mig_sqlite_file_lock = {
	.name = "file",
	.describe = describe,
	.try_lock = try_lock,
	.unlock = unlock,
};
