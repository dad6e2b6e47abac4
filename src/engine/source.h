/*
 * Where a migration's contents come from: its file, read when a command
 * needs it and not before. Listing, ordering, check-order and planning
 * need only discovery's names; a file is read when it is about to run
 * (and every file a run will run is read before the first statement),
 * when its shorthands are needed by a later file, or when status is
 * asked about it.
 */
#ifndef MIG_SOURCE_H
#define MIG_SOURCE_H

#include "engine/discover.h"
#include "ir/value.h"
#include "load/load.h"

/* Discover dir and load files 0..upto (all when upto is (size_t)-1),
 * read as lo says (borrowed: files->load_opts). */
int mig__load_all(const char *dir, const char *ignore_pattern, const mig_load_opts *lo, mig_set *files, size_t upto);

/* Read file fi unless it is loaded. */
int mig__source_load(mig_set *files, size_t fi);

/*
 * The operations of migration fi in one direction, now: the one place a
 * run gets a migration's operations (*out initialised by the call; free
 * with mig_oplist_free), with whether it runs outside a transaction. The
 * file is read for it and its operations released after, so that a run
 * holds the IR of the migrations it runs only once.
 */
int mig__source_ops(mig_set *files, size_t fi, bool down, mig_oplist *out, bool *no_transaction);

/* Free the operations loading fi gave; its shorthands stay known. */
void mig__source_release(mig_set *files, size_t fi);

/*
 * The shorthands that migration fi sees: those of files 0..fi merged in
 * order (later wins), as node-pg-migrate passes them on; *out NULL when
 * there are none (caller frees). Earlier files are read only as far as
 * mig_load_shorthands needs. An earlier file that cannot be read is
 * skipped when its text does not name `shorthands` (nothing the reader
 * accepts could then be exported as them); when it does, MIG_EINPUT
 * naming it, since what fi sees cannot be known.
 */
int mig__source_shorthands(mig_set *files, size_t fi, mig_value **out);

/* Shorthands of files 0..upto, all already known, merged in order;
 * NULL when none (then *rc says whether that is an error). Caller frees. */
mig_value *mig__merged_shorthands(const mig_set *files, size_t upto, int *rc);

/* Why file fi cannot be read, as "path:line:col: message" (caller
 * frees), or NULL when it can (*rc: MIG_ENOMEM when that cannot be
 * said). Leaves nothing of it loaded and no error set. */
char *mig__source_problem(mig_set *files, size_t fi, int *rc);

#endif
