/*
 * The core's only way to a driver: thin wrappers, so that the runner,
 * the state table, the catalog and the lock never call driver ops
 * directly, and a step runs the way the connection's capabilities say
 * (one round trip with MIG_CAP_MULTI_STATEMENT, else statement by
 * statement).
 */
#ifndef MIG_CONN_H
#define MIG_CONN_H

#include "drivers/driver.h"

int mig__conn_exec(mig_conn *c, const char *sql);
int mig__conn_exec_n(mig_conn *c, const char *sql, size_t len);
/* Whether the driver runs a statement with one bound text parameter
 * (exec_bound), and that run. */
bool mig__conn_binds(const mig_conn *c);
int mig__conn_exec_bound(mig_conn *c, const char *sql, const char *value);
/* Every statement of a step; *done = how many completed (the failing
 * one is statement *done). An empty step runs nothing. */
int mig__conn_run_step(mig_conn *c, const mig_step *step, size_t *done);
/* The same, calling after(ud, k) each time the first k statements are
 * known to be done (once per statement, or once for a step sent in one
 * round trip); a failing after() stops the step with its error. */
int mig__conn_run_step_each(mig_conn *c, const mig_step *step, size_t *done, int (*after)(void *ud, size_t k),
			    void *ud);
/* Whether mig__conn_run_step() sends the step in one round trip that,
 * outside a transaction, the server runs atomically (MIG_CAP_MULTI_STATEMENT,
 * several statements): a failure then undoes the statements of the step
 * that completed before it. */
bool mig__conn_step_atomic(const mig_conn *c, const mig_step *step);
/* Whether the connection sends a step of several statements in one
 * round trip (MIG_CAP_MULTI_STATEMENT). */
bool mig__conn_one_round_trip(const mig_conn *c);
/* Whether the connection runs a step in one round trip with every
 * statement as if sent alone (MIG_CAP_BATCH), outside a transaction too. */
bool mig__conn_batches(const mig_conn *c);
/* Such a batch: *done = how many statements completed (the failing one is
 * statement *done, and the error names it). */
int mig__conn_exec_batch(mig_conn *c, const mig_step *step, size_t *done);
int mig__conn_query(mig_conn *c, const char *sql, mig_rows **out);
int mig__conn_begin(mig_conn *c, unsigned flags);
int mig__conn_commit(mig_conn *c);
int mig__conn_rollback(mig_conn *c);
void mig__conn_close(mig_conn *c);

#endif
