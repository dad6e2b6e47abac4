/* The table of SQL dialects, by name. */
#include "dialects/dialect.h"

#include <string.h>

extern const mig_dialect mig_postgres_dialect;
extern const mig_dialect mig_sqlite_dialect;
extern const mig_dialect mig_mysql_dialect;

static const mig_dialect *const dialects[] = {
	&mig_postgres_dialect,
	&mig_mysql_dialect,
	&mig_sqlite_dialect,
	NULL,
};

const mig_dialect *mig_dialect_find(const char *name)
{
	if (strcmp(name, "postgresql") == 0 || strcmp(name, "pg") == 0)
		name = "postgres";
	else if (strcmp(name, "mariadb") == 0)
		name = "mysql";
	for (size_t i = 0; dialects[i]; i++)
		if (strcmp(dialects[i]->name, name) == 0)
			return dialects[i];
	return NULL;
}

const char *mig_dialect_names(void)
{
	return "postgres|mysql|sqlite";
}
