/* The table of SQL dialects, by name (aliases: the schemes of their drivers). */
#include "dialects/dialect.h"

#include "drivers/driver.h"

#include <stdbool.h>
#include <stdio.h>
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

static const mig_dialect *usable(const mig_dialect *d)
{
	/* a table of another interface version is not called into */
	bool whole = d && d->version == MIG_DIALECT_VERSION && d->emit && d->state_sql && d->split && d->lock_sql &&
		     d->journal_sql;
	return whole ? d : NULL;
}

const mig_dialect *mig_dialect_find(const char *name)
{
	for (size_t i = 0; dialects[i]; i++)
		if (strcmp(dialects[i]->name, name) == 0)
			return usable(dialects[i]);
	/* a driver's scheme names its dialect: postgresql, mariadb, sqlite3 */
	const mig_driver *drv = mig_driver_for_scheme(name);
	if (!drv && strcmp(name, "pg") == 0)
		drv = mig_driver_find("postgres");
	for (size_t i = 0; drv && dialects[i]; i++)
		if (strcmp(dialects[i]->name, drv->dialect) == 0)
			return usable(dialects[i]);
	return NULL;
}

const char *mig_dialect_names(void)
{
	static char text[64];
	if (!text[0]) {
		size_t n = 0;
		for (size_t i = 0; dialects[i] && n < sizeof(text) - 16; i++) {
			int k = snprintf(text + n, sizeof(text) - n, "%s%s", i ? "|" : "", dialects[i]->name);
			if (k < 0)
				break;
			n += (size_t)k;
		}
	}
	return text;
}
