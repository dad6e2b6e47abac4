/*
 * How a run groups its migrations into units of work, from the
 * connection's capabilities (the one place that reads MIG_CAP_TXN_DDL):
 *
 * - with transactional DDL, node-pg-migrate 9's semantics: by default the
 *   whole run is one transaction (a noTransaction() migration commits it,
 *   runs in autocommit and opens a new one); with --no-single-transaction
 *   each migration has its own;
 * - without it (MySQL/MariaDB: every DDL statement commits by itself), a
 *   transaction cannot undo anything but data: each migration is its own
 *   unit, recorded as soon as it finishes; a migration of data only
 *   (INSERT/UPDATE/DELETE...) still runs in a transaction with its
 *   bookkeeping, so it is applied and recorded whole or not at all.
 */
#ifndef MIG_TXN_H
#define MIG_TXN_H

#include <stdbool.h>
#include <stddef.h>

/* What the policy needs to know of one migration. */
typedef struct mig_txn_item {
	bool no_transaction; /* pgm.noTransaction() */
	bool data_only;      /* every statement is DML (no DDL) */
	unsigned opflags;    /* the dialect's MIG_OPF_* of its operations */
} mig_txn_item;

/* Migrations first..last (inclusive) run as one unit. */
typedef struct mig_txn_unit {
	size_t first, last;
	bool transaction; /* in BEGIN ... COMMIT (else autocommit) */
	unsigned flags;   /* MIG_TXN_* for begin() */
	/* Whether a failure inside leaves nothing of the unit applied. */
	bool atomic;
} mig_txn_unit;

/* The units of a run (caller frees *out with mig__free). caps: the
 * connection's MIG_CAP_*; single: the whole run in one transaction where
 * the engine allows it. */
int mig__txn_plan(const mig_txn_item *items, size_t n, unsigned caps, bool single, mig_txn_unit **out,
		  size_t *nunits);

/* Whether a statement only reads or writes data (INSERT, UPDATE, DELETE,
 * SELECT, WITH, VALUES, REPLACE...), judged by its first keyword. */
bool mig__txn_is_data_statement(const char *sql, size_t len);

#endif
