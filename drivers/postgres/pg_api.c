/* libpq, loaded on first use: see pg_api.h. */
#define MIG_PG_API_SELF
#include "drivers/postgres/pg_api.h"

#include "drivers/client_lib.h"
#include "mig_features.h"

struct mig__pq_api mig__pq;

#define NAME(f) #f,
#define SLOT(f) (void *)&mig__pq.f,
static const char *const names[] = {MIG_PQ_FUNCTIONS(NAME)};
static void *const slots[] = {MIG_PQ_FUNCTIONS(SLOT)};

static mig__client_lib libpq = {
	.soname = MIG_LIBPQ_SONAME,
	.display = "PostgreSQL client library (libpq, " MIG_LIBPQ_SONAME ")",
	.hint = "install it (Debian: apt-get install libpq5) or put its directory in LD_LIBRARY_PATH",
	.names = names,
	.slots = slots,
	.n = sizeof names / sizeof names[0],
};

int mig__pq_load(void)
{
	return mig__client_lib_load(&libpq);
}
