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
	case MIG_LOCK_TAKE:
		/* Insert our lease, or overwrite one that expired; a live lease
		 * (ours included) stays as it is, and the read that follows says
		 * who holds it. */
		if (l->upsert == MIG_LEASE_ON_DUPLICATE_KEY) {
			mig_str_printf(out, "INSERT INTO %s (id, owner, acquired_at, expires_at) VALUES (1, ", l->table);
			l->literal(out, owner);
			/* the assignments run left to right, each seeing the ones
			 * before it: expires_at, which every condition reads, last */
			mig_str_printf(out,
				       ", %s, %s + %d) ON DUPLICATE KEY UPDATE "
				       "owner = IF(expires_at < %s, VALUES(owner), owner), "
				       "acquired_at = IF(expires_at < %s, VALUES(acquired_at), acquired_at), "
				       "expires_at = IF(expires_at < %s, VALUES(expires_at), expires_at)",
				       l->now, l->now, seconds, l->now, l->now, l->now);
		} else {
			mig_str_printf(out, "INSERT INTO %s AS l (id, owner, acquired_at, expires_at) VALUES (1, ", l->table);
			l->literal(out, owner);
			mig_str_printf(out,
				       ", %s, %s + %d) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, "
				       "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at WHERE l.expires_at < %s",
				       l->now, l->now, seconds, l->now);
		}
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
