/* The MySQL client library, loaded on first use: see my_api.h. */
#define MIG_MY_API_SELF
#include "drivers/mysql/my_api.h"

#include "drivers/client_lib.h"
#include "mig_features.h"

struct mig__my_api mig__my;

#define NAME(f) #f,
#define SLOT(f) (void *)&mig__my.f,
static const char *const names[] = {MIG_MY_FUNCTIONS(NAME)};
static void *const slots[] = {MIG_MY_FUNCTIONS(SLOT)};

static mig__client_lib client = {
	.soname = MIG_MYSQL_SONAME,
	.display = "MySQL client library (" MIG_MYSQL_SONAME ")",
	.hint = "install it (Debian: apt-get install libmariadb3) or put its directory in LD_LIBRARY_PATH",
	.names = names,
	.slots = slots,
	.n = sizeof names / sizeof names[0],
};

int mig__my_load(void)
{
	return mig__client_lib_load(&client);
}
