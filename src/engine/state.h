/*
 * The state table (pgmigrations: id, name, run_on), read and written only
 * through the dialect's statements, so the core never writes SQL itself.
 */
#ifndef MIG_STATE_H
#define MIG_STATE_H

#include "dialects/dialect.h"
#include "drivers/driver.h"

/* One statement as text (caller frees), or NULL with the error set. */
char *mig_state_stmt(const mig_dialect *d, const mig_state_names *names,
		     enum mig_state_stmt which, const char *migration_name);
/* Run one statement (nothing when the dialect has none for it). */
int mig_state_exec(mig_conn *conn, const mig_dialect *d, const mig_state_names *names, enum mig_state_stmt which);
int mig_state_exists(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     bool *exists);
/* Create the table (MIG_STATE_CREATE); a failure says it was the table. */
int mig_state_create(mig_conn *conn, const mig_dialect *d, const mig_state_names *names);
/* Create the table when missing (and the migrations schema first when
 * asked), or add the primary key an old table lacks. With `later`, a
 * missing table is not created: *later says so, and the caller creates
 * it (MIG_STATE_CREATE) before anything uses it. */
int mig_state_ensure(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     bool create_schema, bool *later);
/* Applied names in run order (ORDER BY run_on, id) and their run_on text. */
int mig_state_read(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		   mig_strv *applied, mig_strv *run_on);

#endif
