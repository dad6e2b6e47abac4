/*
 * Private to src/ir/analyze/: the state of one analysis and the helpers
 * the analyze_<kind>.c files share.
 *
 * Each analyzer reads the raw call exactly in the order node-pg-migrate
 * 9.0.0 evaluates it (its src/operations/<kind>.ts), so that the first
 * error it would throw is the one reported, and fills the definition of
 * its kind (ir/defs/). Errors are sticky in struct mig_an: the first one
 * wins and later helpers do nothing.
 *
 * The helpers mirror node-pg-migrate's own: literal() is mig__an_name,
 * String() mig__an_string, options[key] with truthiness mig__an_text_if.
 */
#ifndef MIG_ANALYZE_H
#define MIG_ANALYZE_H

#include "ir/analyze/args.h"
#include "ir/opdef.h"

#include <stdbool.h>

typedef struct mig_an {
	const mig_analyze_ctx *ctx;
	const mig_op *op;
	mig_opdef *def;
	mig_arena *arena;
	int rc; /* first error, sticky */
} mig_an;

typedef void (*mig_analyzer_fn)(mig_an *a);

typedef struct mig_analyzer {
	enum mig_op_kind kind;
	mig_analyzer_fn fn;
} mig_analyzer;

/* The analyzers of each analyze_<kind>.c, ended by {MIG_OP_UNKNOWN, NULL}. */
extern const mig_analyzer mig__analyze_tables[];
extern const mig_analyzer mig__analyze_indexes[];
extern const mig_analyzer mig__analyze_types[];
extern const mig_analyzer mig__analyze_schemas[];
extern const mig_analyzer mig__analyze_routines[];
extern const mig_analyzer mig__analyze_views[];
extern const mig_analyzer mig__analyze_security[];
extern const mig_analyzer mig__analyze_operators[];

/* ---- errors ------------------------------------------------------------- */

bool mig__an_ok(const mig_an *a);
/* MIG_EINPUT with a message (node-pg-migrate's text where it has one). */
void mig__an_fail(mig_an *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record an error a helper already set. */
void mig__an_adopt(mig_an *a, int rc);

/* ---- arguments and options ------------------------------------------------- */

/* The i-th argument (NULL = undefined). */
const mig_value *mig__an_arg(const mig_an *a, size_t i);
/* The options argument i as its destructuring reads it (NULL for
 * undefined); null, or undefined when required, is an error. */
const mig_value *mig__an_options(mig_an *a, size_t i, bool required);
/* options[key], NULL when absent or undefined (any type otherwise). */
const mig_value *mig__an_opt(const mig_value *o, const char *key);
/* Whether options[key] is truthy. */
bool mig__an_truthy(const mig_value *o, const char *key);
/* `key in o` with a defined value (options[key] !== undefined). */
bool mig__an_given(const mig_value *o, const char *key);

/* ---- names -------------------------------------------------------------------- */

/* literal(v): a Name (string, {schema, name}, pgm.func()), decamelized
 * when the run asks; anything else is an error naming `what`. */
void mig__an_name(mig_an *a, const mig_value *v, const char *what, mig_qname *out);
/* A plain identifier (a column key, a generated name): decamelized. */
void mig__an_ident(mig_an *a, const char *s, mig_qname *out);
/* node-pg-migrate's literal() of an identifier ("a""b"), for the
 * messages that quote a name as it does (never for SQL: dialects quote). */
void mig__an_literal(mig_str *out, const char *ident);
/* literal(given || generated). */
void mig__an_name_or(mig_an *a, const mig_value *given, const char *generated, const char *what, mig_qname *out);
/* toArray(v).map(literal). */
void mig__an_names(mig_an *a, const mig_value *v, const char *what, mig_qnames *out);
/* An allocated name (NULL on failure). */
mig_qname *mig__an_new_name(mig_an *a, const mig_value *v, const char *what);

/* ---- text ------------------------------------------------------------------------ */

/* String(v) in the arena ("undefined" for NULL). */
const char *mig__an_string(mig_an *a, const mig_value *v);
/* options[key] truthy ? String(options[key]) : NULL. */
const char *mig__an_text_if(mig_an *a, const mig_value *o, const char *key);
/* toArray(v).join(sep) (nothing for undefined or null). */
const char *mig__an_join(mig_an *a, const mig_value *v, const char *sep);
/* toArray(v).map(String) as a list. */
void mig__an_strings(mig_an *a, const mig_value *v, mig_texts *out);
const char *mig__an_strdup(mig_an *a, const char *s);
const char *mig__an_printf(mig_an *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A buffer's text in the arena; frees the buffer. */
const char *mig__an_take(mig_an *a, mig_str *s);

/* ---- values and memory ----------------------------------------------------------------- */

/* The arena owns v from now on (freed with the definition); v may be
 * NULL (then the out-of-memory error is recorded). */
mig_value *mig__an_keep(mig_an *a, mig_value *v);
/* n zeroed elements of size bytes in the arena. */
void *mig__an_alloc(mig_an *a, size_t n, size_t size);

/* A value a definition hands on (a default, a pgm.sql() value): v
 * itself, or for a {literal: true, value} object the pgm.func() literal
 * it stands for (owned by the arena), as defs/base.h says. */
const mig_value *mig__an_value(mig_an *a, const mig_value *v);

/* ---- types --------------------------------------------------------------------------- */

/* A resolved type value as node-pg-migrate pastes it into attributes,
 * domains, sequences and parameters: strings and numbers (String()),
 * pgm.func() raw, {schema, name} quoted; undefined is "<what> has no
 * type", anything else an error. */
void mig__an_type(mig_an *a, const mig_value *t, const char *what, mig_type_ref *out);
/* applyType(def, shorthands).type as above (NULL on error). */
mig_type_ref *mig__an_apply_type(mig_an *a, const mig_value *def, const mig_value *shorthands, const char *what);
/* parseSequenceOptions(o). */
void mig__an_sequence_opts(mig_an *a, const mig_value *o, mig_sequence_opts *out);

/* ---- generic shapes ---------------------------------------------------------------------- */

/* (name, {ifExists, cascade}): the options first, then the name. */
void mig__an_drop_simple(mig_an *a, const char *what);
/* (from, to): renames of top-level objects. */
void mig__an_rename2(mig_an *a, const char *what);
/* Three names in the order the statement writes them: argument ia
 * (what wa) into *oa, argument ib into *ob, argument 2 into r->to. */
void mig__an_rename3(mig_an *a, size_t ia, const char *wa, mig_qname *oa, size_t ib, const char *wb,
		     mig_qname *ob, const char *wc);

#endif
