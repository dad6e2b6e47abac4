/* pgm.db for files the Node.js engine evaluates at their turn in a run. */
#ifndef MIG_ENGINE_NODE_DB_H
#define MIG_ENGINE_NODE_DB_H

#include "dialects/dialect.h"
#include "drivers/driver.h"
#include "load/node/node.h"

typedef struct mig__node_db_ctx {
	mig_conn *conn;
	const mig_dialect *dia;
	/* each query as it runs (the --verbose step), or NULL */
	void (*on_query)(void *ud, const char *sql);
	void *ud;
} mig__node_db_ctx;

/* Queries through x (which must outlive the evaluation). */
mig_node_db mig__node_db(mig__node_db_ctx *x);

#endif
