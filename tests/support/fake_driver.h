/*
 * A scriptable fake database for the runner's unit tests: a driver
 * (drivers/driver.h) registered at run time with mig_driver_register(),
 * so the runner reaches it through a URL like any other engine, with no
 * knowledge of it in the core.
 *
 * Two URL schemes, both file-form (`fake:<anything>`, `fakemy:<anything>`)
 * and both with the PostgreSQL dialect, so the same SQL runs under both
 * transaction policies:
 *   fake    MIG_CAP_TXN_DDL | MIG_CAP_MULTI_STATEMENT | MIG_CAP_SESSION_LOCK
 *           (PostgreSQL-like: a failed transaction undoes DDL too; a step
 *           of several statements runs in one round trip and, outside a
 *           transaction, atomically, as one simple Query does)
 *   fakemy  MIG_CAP_SESSION_LOCK only (MySQL-like: statements run one by
 *           one; a DDL statement inside a transaction first commits what
 *           the transaction did, then commits itself)
 *
 * There is one fake server per process (fake()), reset by fake_reset()
 * before every test. It keeps
 *  - a journal of every call the core made, each with a short label (see
 *    fake_journal_text());
 *  - the state table: whether it exists and the recorded migration names,
 *    as the PostgreSQL dialect's state statements read and write them;
 *  - `applied`: every migration statement that ran and was not undone (a
 *    rollback, a lost session, a failed COMMIT or a failed atomic step
 *    takes back what it covers), i.e. what a real database would still
 *    show;
 *  - the session lock (and the lease row of --lock-strategy table).
 *
 * Statements are classified by their text: "SET ..." is session setup;
 * the state table's statements (information_schema queries, CREATE/ALTER
 * TABLE, SELECT/INSERT/DELETE on "<schema>"."pgmigrations") are
 * bookkeeping; statements on pgmigrations_lock are the lease, on
 * pgmigrations_journal the journal (its rows are kept, and rolled back
 * with a transaction); everything else is a migration statement. Migration statements are numbered from 1
 * in the order they run (fake()->stmts); the failure injections count
 * them.
 *
 * Misuse of the connection that a real server would punish (BEGIN inside
 * a transaction, any statement after the session was lost or closed,
 * statements in a transaction that already failed, COMMIT of such a
 * transaction, unlocking a lock not held) is counted in
 * fake()->violations and journalled with "VIOLATION"; tests assert it
 * stays 0.
 */
#ifndef MIG_TEST_FAKE_DRIVER_H
#define MIG_TEST_FAKE_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

enum fake_call_kind {
	FAKE_OPEN,
	FAKE_CLOSE,
	FAKE_SESSION, /* a SET statement */
	FAKE_STATE,   /* a state-table statement or query */
	FAKE_LEASE,   /* a lease statement or query */
	FAKE_JOURNAL, /* a statement on the migrations journal */
	FAKE_EXEC,    /* a migration statement through exec() */
	FAKE_STEP,    /* a step through exec_step() */
	FAKE_QUERY,   /* any other query */
	FAKE_BEGIN,
	FAKE_COMMIT,
	FAKE_ROLLBACK,
	FAKE_LOCK,    /* the session lock: try, holder, unlock */
	FAKE_NOTE     /* something the server did by itself (implicit commit) */
};

typedef struct fake_call {
	enum fake_call_kind kind;
	char *label; /* e.g. "exec CREATE TABLE a (id int)", "record 001_a", "commit -> error" */
	char *text;  /* the SQL as sent (NULL for calls without any) */
	unsigned flags; /* begin(): MIG_TXN_* */
	int rc;      /* what the fake returned */
	unsigned cat; /* the FAKE_J_* that shows it in fake_journal_text(), 0: always shown */
} fake_call;

typedef struct fake_inject {
	/* Fail (MIG_ESQL) the first migration statement whose text contains
	 * this. */
	const char *fail_sql;
	/* Fail migration statement number N (1-based; 0: none). */
	int fail_nth;
	/* Fail the Nth COMMIT (1-based; 0: none), as a deferred constraint
	 * would: the transaction is rolled back and COMMIT reports an error. */
	int fail_commit;
	/* Fail the Nth BEGIN (1-based; 0: none): no transaction opens. */
	int fail_begin;
	/* Fail the bookkeeping INSERT / DELETE of the migration of this name. */
	const char *fail_record;
	/* The session is lost (MIG_ECONNLOST) at migration statement k
	 * (1-based; 0: never): the statement does not take effect, the server
	 * rolls back the open transaction and drops the session lock. */
	int lose_at;
	/* The session is lost during the Nth COMMIT (0: never) after the
	 * server committed (the client cannot tell). */
	int lose_at_commit;
	/* Another session holds the session lock ... */
	bool lock_held;
	/* ... and lets it go after refusing this many try_lock calls (0:
	 * never). */
	int lock_free_after;
	/* The lease row is held by this other run (--lock-strategy table). */
	const char *lease_owner;
	/* open() fails with MIG_ECONNECT. */
	bool fail_open;
	/* Every open() after this many succeeded fails (0: none fail): the
	 * lease keeper's second connection is refused. */
	int fail_open_after;
	/* After the Nth COMMIT (0: never) the lease row belongs to another
	 * run ("thief:9:beef"): it expired and was taken over. */
	int lease_stolen_at_commit;
	/* The first N lease takes fail as a certification conflict would
	 * (SQLSTATE 40001, "Deadlock found"): the statement did nothing. */
	int lease_conflicts;
	/* Fail the journal's Nth write (START, PROGRESS, FAIL or CLEAR;
	 * 1-based; 0: none). */
	int fail_journal;
} fake_inject;

typedef struct fake_server {
	fake_inject inject; /* set by tests after fake_reset() */

	/* the journal */
	fake_call *calls;
	size_t ncalls, capcalls;

	/* the database */
	bool table_exists;   /* the state table */
	char **records;      /* recorded migration names, in run order */
	size_t nrecords;
	char **applied;      /* migration statements that ran and stayed */
	size_t napplied;
	char *lease;         /* owner of the lease row, NULL: none */
	bool journal_exists; /* the table pgmigrations_journal */
	/* its rows as "name dir state done" (e.g. "002_b up failed 1") */
	char **jrows;
	size_t njrows;
	int journal_writes;  /* START/PROGRESS/FAIL/CLEAR sent */

	/* the session */
	int opened, closed;  /* connections */
	bool in_txn;
	bool aborted;        /* a statement failed in the open transaction (fake) */
	bool lost;
	bool locked;         /* this run holds the session lock */
	int lock_refused;    /* try_lock calls refused so far */

	/* counters */
	int stmts;           /* migration statements sent */
	int commits;         /* COMMITs sent */
	int begins;          /* BEGINs sent */
	int violations;

	/* what BEGIN saved (restored on rollback) */
	bool saved_table_exists;
	char **saved_records;
	size_t nsaved_records;
	size_t saved_napplied;
	char **saved_jrows;
	size_t nsaved_jrows;
} fake_server;

/* Register the fake drivers (once per process; later calls do nothing). */
void fake_register(void);
/* The fake server. */
fake_server *fake(void);
/* Forget everything: journal, state, injections. */
void fake_reset(void);
/* Before a run: the state table exists and records `name` as applied. */
void fake_seed_record(const char *name);
/* Before a run: the journal holds `row` ("name dir state done"). */
void fake_seed_journal(const char *row);
/* The journal's rows separated by "; " ("" when none). Caller frees. */
char *fake_journal_rows_text(void);

/* Which calls fake_journal_text() shows. */
enum {
	FAKE_J_SESSION = 1u << 0, /* the SET statements of the session setup */
	FAKE_J_READS = 1u << 1,   /* state-table queries (exists, pk, select) */
	FAKE_J_LOCK = 1u << 2,    /* lock, unlock, holder, lease */
	FAKE_J_CONN = 1u << 3,    /* open, close */
	FAKE_J_JOURNAL = 1u << 4, /* the migrations journal's statements */
	FAKE_J_ALL = 0xffu
};
/* The labels of the journal, one per line (each ends with '\n'), of the
 * calls `show` selects; migration statements, bookkeeping writes,
 * transactions and server notes are always shown. Caller frees. */
char *fake_journal_text(unsigned show);
/* How many journal labels start with `prefix`. */
size_t fake_count(const char *prefix);
/* The applied statements, one per line. Caller frees. */
char *fake_applied_text(void);
/* The recorded names separated by spaces ("" when none). Caller frees. */
char *fake_records_text(void);

#endif
