/*
 * The lease lock's statements in portable SQL (every engine runs them as
 * they are); a dialect supplies the lock table's quoted name, its clock
 * expression (seconds since the epoch), its literal quoting and its form
 * of upsert: taking the lease is one atomic statement, so that two runs
 * (on two nodes of a cluster, or two connections of a pooler) can never
 * both win, and no run ever deletes a lease another run just took.
 */
#ifndef MIG_DIALECT_LEASE_H
#define MIG_DIALECT_LEASE_H

#include "dialects/dialect.h"

/* How the engine writes "insert, or take over an expired row" as one
 * statement. */
enum mig_lease_upsert {
	MIG_LEASE_ON_CONFLICT,     /* INSERT .. ON CONFLICT (id) DO UPDATE .. WHERE (PostgreSQL, SQLite) */
	MIG_LEASE_ON_DUPLICATE_KEY /* INSERT .. ON DUPLICATE KEY UPDATE col = IF(..) (MySQL/MariaDB) */
};

typedef struct mig_lease_sql {
	const char *table; /* quoted (and qualified) lock table */
	const char *now;   /* e.g. CAST(strftime('%s', 'now') AS INTEGER) */
	void (*literal)(mig_str *out, const char *text);
	enum mig_lease_upsert upsert;
} mig_lease_sql;

int mig_lease_statement(const mig_lease_sql *l, enum mig_lock_stmt which, const char *owner, int seconds,
			mig_str *out);

#endif
