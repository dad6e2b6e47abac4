/*
 * The lease lock's statements in portable SQL (every engine runs them as
 * they are); a dialect supplies the lock table's quoted name, its clock
 * expression (seconds since the epoch) and its literal quoting.
 */
#ifndef MIG_DIALECT_LEASE_H
#define MIG_DIALECT_LEASE_H

#include "dialects/dialect.h"

typedef struct mig_lease_sql {
	const char *table; /* quoted (and qualified) lock table */
	const char *now;   /* e.g. CAST(strftime('%s', 'now') AS INTEGER) */
	void (*literal)(mig_str *out, const char *text);
} mig_lease_sql;

int mig_lease_statement(const mig_lease_sql *l, enum mig_lock_stmt which, const char *owner, int seconds,
			mig_str *out);

#endif
