/* `wait` and `create-database`: the database before any migration. */
#ifndef MIG_CLI_DATABASE_H
#define MIG_CLI_DATABASE_H

#include "cli/output.h"
#include "migrations.h"

#define MIG_CLI_WAIT_DEFAULT_S 60

/* Try to connect about once a second until the server accepts the
 * connection (one that says the database does not exist counts: the
 * server is up) or timeout_s pass; a dot on stderr per failed attempt.
 * 0, or the last attempt's error (MIG_ECONNECT) prefixed with how long
 * it waited. A URL that cannot work fails at once. */
int mig_cli_wait(const mig_options *o, double timeout_s, mig_cli_out *out);

/* Create the database of o->database_url unless it exists, and say
 * which it was. */
int mig_cli_create_database(const mig_options *o, mig_cli_out *out);

#endif
