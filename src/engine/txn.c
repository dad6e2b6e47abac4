#include "engine/txn.h"

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/sql.h"

#include <string.h>

/* MIG_OPF_RELAXED_FK -> MIG_TXN_RELAXED_FK: a rebuild needs foreign keys
 * relaxed for the transaction it runs in. OR-ed over a transaction of
 * several migrations: the PRAGMA that relaxes them must precede BEGIN. */
static unsigned txn_flags(const mig_txn_item *items, size_t first, size_t last)
{
	unsigned f = 0;
	for (size_t k = first; k <= last; k++)
		if (items[k].opflags & MIG_OPF_RELAXED_FK)
			f |= MIG_TXN_RELAXED_FK;
	return f;
}

int mig__txn_plan(const mig_txn_item *items, size_t n, unsigned caps, bool single, mig_txn_unit **out,
		  size_t *nunits)
{
	*out = NULL;
	*nunits = 0;
	mig_txn_unit *u = mig__reallocarray(NULL, n ? n : 1, sizeof(*u));
	if (!u)
		return mig_error_oom();
	bool txn_ddl = (caps & MIG_CAP_TXN_DDL) != 0;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		mig_txn_unit *x = &u[k++];
		memset(x, 0, sizeof(*x));
		x->first = x->last = i;
		if (items[i].no_transaction) {
			x->transaction = false;
			x->atomic = false;
		} else if (!txn_ddl) {
			x->transaction = items[i].data_only;
			x->atomic = items[i].data_only;
		} else {
			size_t j = i;
			if (single)
				while (j + 1 < n && !items[j + 1].no_transaction)
					j++;
			x->last = j;
			x->transaction = true;
			x->atomic = true;
		}
		if (x->transaction)
			x->flags = txn_flags(items, x->first, x->last);
		i = x->last + 1;
	}
	*out = u;
	*nunits = k;
	return 0;
}

bool mig__txn_is_data_statement(const char *sql, size_t len)
{
	static const char *const data[] = {"insert", "update", "delete", "select", "with", "values", "replace",
					   "merge", "table", NULL};
	return mig_sql_starts_with_any(sql, len, data);
}
