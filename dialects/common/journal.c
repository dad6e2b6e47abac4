#include "dialects/common/journal.h"

#include "util/error.h"

#include <string.h>

void mig_journal_table_name(mig_str *out, const char *migrations_table)
{
	mig_str_printf(out, "%s_journal", migrations_table);
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
			       "SELECT name, direction, state, statements_done, started_at, owner, error FROM %s "
			       "ORDER BY started_at, name",
			       j->table);
		break;
	case MIG_JOURNAL_START:
		mig_str_printf(out, "INSERT INTO %s (name, direction, state, statements_done, started_at, owner) VALUES (",
			       j->table);
		j->literal(out, a->name);
		mig_str_puts(out, ", ");
		j->literal(out, a->direction);
		mig_str_printf(out, ", 'running', 0, %s, ", j->now);
		j->literal(out, a->owner ? a->owner : "");
		mig_str_putc(out, ')');
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
