/*
 * The journal's statements (dialect.h, enum mig_journal_stmt) in portable
 * SQL; a dialect supplies the journal table's and the migrations table's
 * quoted names, its clock (seconds since the epoch), its literal quoting,
 * its spelling of an unbounded text column, of table options and of
 * upsert (a start replaces the row a completed run of the same migration
 * left).
 */
#ifndef MIG_DIALECT_JOURNAL_H
#define MIG_DIALECT_JOURNAL_H

#include "dialects/common/lease.h"
#include "dialects/dialect.h"

typedef struct mig_journal_sql {
	const char *table;       /* quoted (and qualified) journal table */
	const char *state_table; /* quoted (and qualified) migrations table */
	const char *now;         /* seconds since the epoch, on the server */
	void (*literal)(mig_str *out, const char *text);
	const char *text_type;   /* "text" */
	const char *table_tail;  /* after CREATE TABLE (...): "" or " ENGINE=InnoDB" */
	enum mig_lease_upsert upsert; /* the lease's spelling serves the start too */
} mig_journal_sql;

int mig_journal_statement(const mig_journal_sql *j, enum mig_journal_stmt which, const mig_journal_args *a,
			  mig_str *out);

/* The journal table's name for a migrations table: "<table>_journal"
 * (caller frees with mig_str_free). */
void mig_journal_table_name(mig_str *out, const char *migrations_table);

#endif
