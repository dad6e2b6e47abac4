#include "dialects/common/journal.h"

#include "util/error.h"

#include <string.h>

void mig_journal_table_name(mig_str *out, const char *migrations_table)
{
	mig_str_printf(out, "%s_journal", migrations_table);
}

/*
 * A row whose migration is complete: the last thing a migration outside a
 * transaction does is its record (the INSERT of an up, the DELETE of a
 * down), sent after its last statement, so a running row the migrations
 * table agrees with is done, and nothing needs to delete it in the same
 * transaction as the record. A failed row always stands.
 */
static void complete(const mig_journal_sql *j, mig_str *out)
{
	mig_str_printf(out,
		       "(state = 'running' AND ((direction = 'up' AND name IN (SELECT name FROM %s)) OR "
		       "(direction = 'down' AND name NOT IN (SELECT name FROM %s))))",
		       j->state_table, j->state_table);
}

/* The error column keeps the start of a long message: enough to recognise
 * the failure, never a reason for the bookkeeping itself to fail. */
#define ERROR_KEEP 2000

int mig_journal_statement(const mig_journal_sql *j, enum mig_journal_stmt which, const mig_journal_args *a,
			  mig_str *out)
{
	switch (which) {
	case MIG_JOURNAL_CREATE:
		mig_str_printf(out,
			       "CREATE TABLE IF NOT EXISTS %s (name varchar(255) NOT NULL PRIMARY KEY, "
			       "direction varchar(4) NOT NULL, state varchar(16) NOT NULL, statements_done integer NOT NULL, "
			       "started_at bigint NOT NULL, owner varchar(255) NOT NULL, error %s)%s",
			       j->table, j->text_type, j->table_tail);
		break;
	case MIG_JOURNAL_SELECT:
		mig_str_printf(out,
			       "SELECT name, direction, state, statements_done, started_at, owner, error, CASE WHEN ");
		complete(j, out);
		mig_str_printf(out, " THEN 1 ELSE 0 END FROM %s ORDER BY started_at, name", j->table);
		break;
	case MIG_JOURNAL_START:
		mig_str_printf(out, "INSERT INTO %s (name, direction, state, statements_done, started_at, owner) VALUES (",
			       j->table);
		j->literal(out, a->name);
		mig_str_puts(out, ", ");
		j->literal(out, a->direction);
		mig_str_printf(out, ", 'running', 0, %s, ", j->now);
		j->literal(out, a->owner ? a->owner : "");
		/* the row of an earlier, completed run of it (a redo, or a
		 * run that ended before its prune) gives way; the values are
		 * repeated as literals, not VALUES(col)/excluded.col, which
		 * MySQL 8 deprecates */
		mig_str_puts(out, j->upsert == MIG_LEASE_ON_DUPLICATE_KEY ? ") ON DUPLICATE KEY UPDATE "
									  : ") ON CONFLICT (name) DO UPDATE SET ");
		mig_str_puts(out, "direction = ");
		j->literal(out, a->direction);
		mig_str_printf(out, ", state = 'running', statements_done = 0, started_at = %s, owner = ", j->now);
		j->literal(out, a->owner ? a->owner : "");
		mig_str_puts(out, ", error = NULL");
		break;
	case MIG_JOURNAL_PRUNE:
		/* By name, not by complete(): MariaDB (before 11.1) runs an IN
		 * subquery of a DELETE once per row, and pgmigrations has no
		 * index on name, so deleting 2,000 complete rows that way took
		 * 0.8 s; the SELECT above is materialized, and these are
		 * primary-key lookups. */
		if (a->nnames == 0)
			return mig_error_set(MIG_ERROR, "a journal prune needs the names of the rows to delete");
		mig_str_printf(out, "DELETE FROM %s WHERE state = 'running' AND name IN (", j->table);
		for (size_t i = 0; i < a->nnames; i++) {
			if (i)
				mig_str_puts(out, ", ");
			j->literal(out, a->names[i]);
		}
		mig_str_puts(out, ")");
		break;
	case MIG_JOURNAL_PROGRESS:
		mig_str_printf(out, "UPDATE %s SET statements_done = %ld WHERE name = ", j->table, a->statements_done);
		j->literal(out, a->name);
		break;
	case MIG_JOURNAL_FAIL: {
		mig_str_printf(out, "UPDATE %s SET state = 'failed', statements_done = %ld, error = ", j->table,
			       a->statements_done);
		mig_str msg = MIG_STR_INIT;
		const char *e = a->error ? a->error : "";
		size_t n = strlen(e);
		if (n > ERROR_KEEP) {
			/* cut on a character boundary of UTF-8 */
			n = ERROR_KEEP;
			while (n > 0 && ((unsigned char)e[n] & 0xC0) == 0x80)
				n--;
		}
		mig_str_put(&msg, e, n);
		bool lost = mig_str_failed(&msg);
		j->literal(out, mig_str_cstr(&msg));
		mig_str_free(&msg);
		if (lost)
			return mig_error_oom();
		mig_str_puts(out, " WHERE name = ");
		j->literal(out, a->name);
		break;
	}
	case MIG_JOURNAL_CLEAR:
		mig_str_printf(out, "DELETE FROM %s WHERE name = ", j->table);
		j->literal(out, a->name);
		break;
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}
