/*
 * Private to dialects/postgres/: the emission state and the renderers the
 * pg_<kind>.c files share. Each of those files follows the corresponding
 * file of node-pg-migrate's src/operations/, writing its SQL text for
 * text from the typed definitions (ir/opdef.h); where 9.0.0 writes SQL
 * that PostgreSQL rejects, the valid form is written instead, marked
 * "DIVERGENCE" and listed in docs/migration-format.md.
 *
 * Output: a step is one client.query() of node-pg-migrate; most
 * operations make one step of one statement (mig__pg_step), some one step
 * of several (mig__pg_stmt for each, then mig__pg_end_step). Errors are
 * sticky in struct pg: the first wins, later building is skipped, and a
 * failing operation adds no step.
 */
#ifndef MIG_PG_EMIT_H
#define MIG_PG_EMIT_H

#include "dialects/dialect.h"

typedef struct pg {
	const mig_emit_ctx *ctx;
	const mig_opdef *def;
	mig_steps *steps; /* this operation's own steps */
	mig_strv cur;     /* statements of the step being built */
	int rc;           /* first error, sticky */
} pg;

/* An emitter of one kind; def->u holds its definition. */
typedef void (*mig_pg_emitter_fn)(pg *p, const mig_opdef *def);

typedef struct mig_pg_emitter {
	enum mig_op_kind kind;
	mig_pg_emitter_fn fn;
} mig_pg_emitter;

/* The emitters of each pg_<kind>.c, ended by {MIG_OP_UNKNOWN, NULL}. */
extern const mig_pg_emitter mig__pg_tables[];
extern const mig_pg_emitter mig__pg_indexes[];
extern const mig_pg_emitter mig__pg_types[];
extern const mig_pg_emitter mig__pg_schemas[];
extern const mig_pg_emitter mig__pg_routines[];
extern const mig_pg_emitter mig__pg_views[];
extern const mig_pg_emitter mig__pg_security[];
extern const mig_pg_emitter mig__pg_operators[];


/* ---- output -------------------------------------------------------------- */

/* Record an error some helper already set. */
void mig__pg_adopt(pg *p, int rc);
/* list += s (takes s). */
void mig__pg_add(pg *p, mig_strv *list, mig_str *s);
/* The current step += statement s (takes s). */
void mig__pg_stmt(pg *p, mig_str *s);
/* Close the current step (no statement: node-pg-migrate's empty step). */
void mig__pg_end_step(pg *p);
/* A step of one statement (takes s). */
void mig__pg_step(pg *p, mig_str *s);

/* ---- rendering ------------------------------------------------------------ */

/* "ident" */
void mig__pg_ident(mig_str *out, const char *ident);
/* literal() of a name: "schema"."name", or the raw SQL of pgm.func(). */
void mig__pg_name(mig_str *out, const mig_qname *n);
/* names joined by sep (", " for lists). */
void mig__pg_names(mig_str *out, const mig_qnames *names, const char *sep);
/* escapeValue(): null -> NULL, booleans, numbers as JavaScript prints
 * them, strings dollar-quoted, arrays ARRAY[...], pg literals raw, other
 * objects and undefined "". */
void mig__pg_value(mig_str *out, const mig_value *v);
/* A type: pasted text, a quoted name, or raw SQL. */
void mig__pg_type(mig_str *out, const mig_type_ref *t);
/* texts joined by sep. */
/* pg_model.c: the shared model advanced past one operation, and read
 * from the current schema's catalogs. */
int mig__pg_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m);
int mig__pg_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found);
/* formatParams(): "(mode name type DEFAULT v, ...)" (functions, operators). */
void mig__pg_params(mig_str *out, const mig_params_def *ps);
void mig__pg_texts(mig_str *out, const mig_texts *t, const char *sep);
/* list items joined by sep. */
void mig__pg_joined(mig_str *out, const mig_strv *list, const char *sep);
/* formatLines(lines, prefix, separator): newlines inside an item collapse
 * to one space, items are joined with separator + "\n", and every line
 * gets the prefix. */
void mig__pg_format_lines(mig_str *out, const mig_strv *lines, const char *prefix, const char *sep);
/* makeComment(): COMMENT ON <object> <name_sql> IS <text>; into list
 * (text NULL: the parameter's default, NULL). */
void mig__pg_comment(pg *p, mig_strv *list, const char *object, const char *name_sql, const mig_value *text);
/* parseSequenceOptions() clauses, one per list item. */
void mig__pg_sequence_clauses(pg *p, mig_strv *out, const mig_sequence_opts *o);
/* "<lead> <precedence> AS IDENTITY[ (<clauses>)]" */
void mig__pg_identity(pg *p, mig_str *out, const char *lead, const mig_identity_def *id);

/* ---- generic operations ----------------------------------------------------- */

/* DROP <what>[ IF EXISTS] <name>[ CASCADE]; for each name, one step each
 * when several (dropExtension), else one. */
void mig__pg_drop(pg *p, const char *what, const mig_drop_def *d);
/* <prefix><from><mid><to>; */
void mig__pg_rename(pg *p, const char *prefix, const mig_rename_def *r, const char *mid);
/* <prefix><a><mid><b><to><r->to>; where a and b are r->from / r->target
 * in the order the statement names them. */
void mig__pg_rename_on(pg *p, const char *prefix, const mig_qname *a, const char *mid, const mig_qname *b,
		       const char *to, const mig_qname *c);

#endif
