/* Private to drivers/postgres/: the connection its files share. */
#ifndef MIG_PG_DRIVER_H
#define MIG_PG_DRIVER_H

#include "drivers/driver.h"
#include "drivers/lock.h"

#include "drivers/postgres/pg_api.h"
#include <stdbool.h>

struct pg_conn {
	mig_conn base;
	PGconn *pg;
	char *version; /* "PostgreSQL 15.18", for messages */
	void (*notice)(void *ud, const char *message);
	void *notice_ud;
};

extern const mig_driver_ops mig_postgres_driver_ops;
extern const mig_lock_strategy mig_pg_advisory_lock;

/* pg_driver.c: send sql as one query; *last (if asked) gets the last
 * result (caller clears). `step` gives the statements of sql (NULL: sql
 * is one statement) for naming the one that fails; *done (if asked) how
 * many completed. */
int mig__pg_run(struct pg_conn *c, const char *sql, const mig_step *step, PGresult **last, size_t *done);
int mig__pg_query(struct pg_conn *c, const char *sql, mig_rows **out);

/* pg_errors.c */
char *mig__pg_dup_trimmed(const char *s);
/* Mask every form of the URL's password in *text. */
void mig__pg_scrub_secrets(char **text, const mig_url *url);
/* The error of a failed result (res NULL: of the connection); see
 * mig__pg_run for step and done. */
int mig__pg_result_error(struct pg_conn *c, const PGresult *res, const char *sql, const mig_step *step, size_t done);
int mig__pg_connect_error(PGconn *pg, const mig_url *url);

#endif
