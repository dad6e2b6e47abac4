#include "dialects/common/lease.h"

#include "util/error.h"

int mig_lease_statement(const mig_lease_sql *l, enum mig_lock_stmt which, const char *owner, int seconds,
			mig_str *out)
{
	switch (which) {
	case MIG_LOCK_CREATE:
		mig_str_printf(out,
			       "CREATE TABLE IF NOT EXISTS %s (id integer PRIMARY KEY, owner varchar(255) NOT NULL, "
			       "acquired_at bigint NOT NULL, expires_at bigint NOT NULL)",
			       l->table);
		break;
	case MIG_LOCK_EXPIRE:
		mig_str_printf(out, "DELETE FROM %s WHERE id = 1 AND expires_at < %s", l->table, l->now);
		break;
	case MIG_LOCK_TAKE:
		mig_str_printf(out, "INSERT INTO %s (id, owner, acquired_at, expires_at) SELECT 1, ", l->table);
		l->literal(out, owner);
		mig_str_printf(out, ", %s, %s + %d WHERE NOT EXISTS (SELECT 1 FROM %s WHERE id = 1)", l->now, l->now,
			       seconds, l->table);
		break;
	case MIG_LOCK_READ:
		mig_str_printf(out, "SELECT owner, acquired_at, expires_at, %s FROM %s WHERE id = 1", l->now, l->table);
		break;
	case MIG_LOCK_RENEW:
		mig_str_printf(out, "UPDATE %s SET expires_at = %s + %d WHERE id = 1 AND owner = ", l->table, l->now,
			       seconds);
		l->literal(out, owner);
		break;
	case MIG_LOCK_RELEASE:
		mig_str_printf(out, "DELETE FROM %s WHERE id = 1 AND owner = ", l->table);
		l->literal(out, owner);
		break;
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}
