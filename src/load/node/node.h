/*
 * The Node.js engine: a JS/TS migration the static reader cannot read
 * (real JavaScript: imports of the application's modules, npm packages,
 * computed arguments, pgm.db queries) is evaluated by Node.js with the
 * project's own recording MigrationBuilder (recorder.js, compiled into
 * the binary), and what it records comes back as the same IR the static
 * reader produces.
 *
 * Two moments:
 *  - load (mig_node_load): the file is imported and up/down are called
 *    with a pgm that only records; everything is known before anything
 *    runs, as for a static file. A direction that calls pgm.db stops at
 *    its first query and is marked deferred.
 *  - its turn in the run (mig_node_run): a deferred direction is
 *    evaluated again with pgm.db answered by the run's own connection,
 *    inside the run's transaction (node-pg-migrate runs those queries
 *    immediately, before the operations the function records).
 *
 * The child: argv only (no shell), stdin /dev/null, stdout onto our
 * stderr (the file's console output), the protocol on fd 3, the user's
 * environment unchanged, no other descriptor of ours (no database
 * socket); killed on timeout, on a protocol violation and when we die.
 */
#ifndef MIG_LOAD_NODE_H
#define MIG_LOAD_NODE_H

#include "ir/ir.h"
#include "load/load.h"
#include "util/str.h"

/* How a pgm.db query reaches the database (engine/node_db.c): run sql
 * with params (an ARRAY) and append the reply line's JSON object to
 * reply ({"ok":true,"rows":[...],"rowCount":n,"fields":[...]} or
 * {"ok":false,"error":"..."}, which the recorder throws in the file).
 * Returns non-zero only for what must end the run (out of memory, the
 * connection lost), with the error set. */
typedef struct mig_node_db {
	int (*query)(void *ud, const char *sql, const mig_value *params, mig_str *reply);
	void *ud;
} mig_node_db;

/* Evaluate m->path with Node.js and fill m as mig_load_js_text does
 * (m->node set; deferred directions have no operations yet). Errors
 * carry the file:line:col Node.js reports, MIG_EINPUT. */
int mig_node_load(mig_migration *m, const mig_load_opts *lo);

/* One direction of m at its turn in the run (m->up_deferred or
 * m->down_deferred): *ops (initialised here, free with mig_oplist_free)
 * gets its operations, *no_tx whether it called pgm.noTransaction();
 * its pgm.db queries go to db. (A dry run and the sql command never get
 * here: they refuse a deferred direction.) */
int mig_node_run(const mig_migration *m, bool down, const mig_load_opts *lo, const mig_node_db *db,
		 mig_oplist *ops, bool *no_tx);

/* The Node.js program lo names (--node, else `node` on PATH), resolved
 * to a path the caller frees; NULL when there is none. */
char *mig_node_program(const mig_load_opts *lo);

/* The recorder's load result (one JSON line) applied to m: exposed for
 * the unit tests of the JSON -> IR conversion. */
int mig__node_load_json(mig_migration *m, const char *json, size_t len);

#endif
