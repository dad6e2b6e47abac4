/*
 * The journal of migrations that run outside a transaction (dialect.h,
 * enum mig_journal_stmt): on an engine without transactional DDL, and for
 * noTransaction() migrations anywhere, a failure half-way leaves some of
 * a migration applied for good. The runner writes a row before such a
 * migration's first statement and counts its statements as they
 * complete; the migration's record (the bookkeeping INSERT/DELETE, after
 * its last statement) completes the row, which the run deletes at its end
 * with every other complete row (MIG_JOURNAL_SELECT says which,
 * MIG_JOURNAL_PRUNE deletes them by name). Deleting it in one
 * transaction with the record would cost three statements more per
 * migration (BEGIN, DELETE, COMMIT), on the engine where every statement
 * is a commit. Any other row says the migration failed (the run marked
 * it) or was interrupted (the run died: killed, server lost), and how
 * many of its statements ran; until `repair` clears it, no run changes
 * anything. The table, <migrations table>_journal, is created the first
 * time a migration needs it.
 */
#ifndef MIG_JOURNAL_H
#define MIG_JOURNAL_H

#include "dialects/dialect.h"
#include "drivers/driver.h"

#include <stdbool.h>

typedef struct mig_journal_entry {
	char *name;
	bool down;            /* it was being rolled back */
	bool failed;          /* false: interrupted (its run never came back to it) */
	long statements_done; /* statements known to have completed */
	long long started_at; /* seconds since the epoch (server clock) */
	char *owner;          /* the run: "host:pid:random" */
	char *error;          /* the failure's message (NULL when interrupted) */
} mig_journal_entry;

typedef struct mig_journal {
	mig_journal_entry *v;
	size_t n;
	/* the names of complete rows (not in v): this run's, or an earlier
	 * one's that ended before its prune */
	char **done;
	size_t ndone;
	bool exists;     /* the table exists */
} mig_journal;

/* Read every row that is not complete into v, and the names of the
 * complete ones into done (an absent table is an empty journal). */
int mig_journal_read(mig_conn *conn, const mig_dialect *d, const mig_state_names *names, mig_journal *out);
void mig_journal_dispose(mig_journal *j);
const mig_journal_entry *mig_journal_find(const mig_journal *j, const char *name);

/* One statement as text (caller frees), or NULL with the error set. */
char *mig_journal_stmt(const mig_dialect *d, const mig_state_names *names, enum mig_journal_stmt which,
		       const mig_journal_args *args);
int mig_journal_exec(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     enum mig_journal_stmt which, const mig_journal_args *args);

/* "2026-12-02 10:11:12 UTC" for a started_at (buf of 32). */
void mig_journal_time(long long epoch, char *buf, size_t size);

/* What an entry means and the way out, for a refusal: sets the error
 * (MIG_ERROR) and its note. `what`: "migrate", "rollback", ... */
int mig_journal_refuse(const mig_journal *j, const char *what);

#endif
