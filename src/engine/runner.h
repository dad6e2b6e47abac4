/* Internal pieces of the runner shared with the offline `sql` command
 * (session.c) and the tests. */
#ifndef MIG_RUNNER_H
#define MIG_RUNNER_H

#include "dialects/dialect.h"
#include "engine/discover.h"
#include "engine/url.h"
#include "load/load.h"
#include "migrations.h"

/* How the options say files are read (--js-engine, --node). */
mig_load_opts mig__load_opts(const mig_options *o);
/* Discover dir and load files 0..upto (all when upto is (size_t)-1). */
int mig__load_all(const char *dir, const char *ignore_pattern, const mig_load_opts *lo, mig_set *files, size_t upto);
/* Shorthands of files 0..upto merged in order (later wins); NULL when
 * none (then *rc says whether that is an error). Caller frees. */
mig_value *mig__merged_shorthands(const mig_set *files, size_t upto, int *rc);
/* Parse a URL and find its dialect. */
int mig__resolve_url(const char *text, mig_url *url, const mig_dialect **dia);
/* Analyse every operation of a migration (the analysis step): *out gets
 * one definition per operation, after refusing the kinds the dialect
 * cannot express; errors located at the call. Free with
 * mig__free_defs. */
int mig__analyze_ops(const mig_dialect *dia, const mig_migration *m, const mig_oplist *ops,
		     const mig_value *shorthands, bool decamelize, mig_opdef **out);
void mig__free_defs(mig_opdef *defs, size_t n);
/* Emit one operation from its definition, reversing its steps for
 * inferred downs, with the error located at the operation's call site. */
int mig__emit_op(const mig_dialect *dia, const mig_emit_ctx *ctx, const mig_migration *m, const mig_op *op,
		 const mig_opdef *def, mig_steps *steps);
/* Emit migration fi of files (loaded) in one direction offline, appending
 * its steps; advance: move cat's in-memory model past it too. quiet: no
 * notices (a replay). */
int mig__emit_migration(const mig_options *opts, const mig_dialect *dia, const mig_set *files, size_t fi,
			bool down, bool quiet, bool advance, mig_catalog *cat, mig_steps *steps);
void mig__emit_event(const mig_options *o, const mig_event *ev);

#endif
