/*
 * Private to dialects/sqlite/: the emission state, the table model of a
 * CREATE TABLE text, and what the sqlite_<part>.c files share.
 */
#ifndef MIG_SQLITE_EMIT_H
#define MIG_SQLITE_EMIT_H

#include "dialects/catalog.h"
#include "dialects/common/model.h"
#include "dialects/common/quote.h"
#include "dialects/dialect.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* PostgreSQL cuts identifiers at NAMEDATALEN - 1 bytes; doing the same
 * keeps names (and so later drops) identical on both backends. */
#define PG_NAME_MAX 63

/* The table that remembers enum types and their values is named after
 * the state table, next to it: "<migrations table>_enums" (names NULL:
 * pgmigrations). Created with the first enum, dropped with the last. */
void mig__sq_enum_table(const mig_state_names *names, mig_str *out);

/* Prefix of the CHECK constraints that stand for a column's type. */
#define TYPE_CHECK_PREFIX "type:"

/* Temporary name of the new table during a rebuild. */
#define REBUILD_PREFIX "_mig_new_"

typedef struct sq {
	const mig_emit_ctx *ctx;
	const mig_op *op;     /* name and location, for messages */
	const mig_opdef *def; /* what the emitters read (NULL in the model's own statements) */
	mig_strv *steps;
	int rc; /* first error, sticky */
} sq;

/* Enough of SQLite's tokenizer to split a CREATE TABLE (or INDEX,
 * TRIGGER, VIEW) text into its parts: quoting and nesting respected,
 * comments skipped. */
enum { TK_END, TK_WORD, TK_QUOTED, TK_STRING, TK_BLOB, TK_NUMBER, TK_VAR, TK_PUNCT };

typedef struct stok {
	int type;
	size_t off, len;
} stok;

typedef struct stoks {
	stok *v;
	size_t n, cap;
	const char *src;
	/* A quote, [bracket] or blob that the text ends inside: SQL that
	 * SQLite refuses, and a slice of it is no SQL at all. */
	bool unterminated;
} stoks;


/* The logical kind of a column, for mapping its defaults. */
enum lkind { L_INT, L_BOOL, L_REAL, L_NUMERIC, L_TEXT, L_DATE, L_TIME, L_TIMESTAMP, L_BLOB, L_UUID, L_JSON, L_ENUM };

enum { CK_NONE, CK_ENUM, CK_JSON, CK_LENGTH, CK_TIMESTAMP };

/* A PostgreSQL type as SQLite stores it. */
typedef struct sqtype {
	const char *decl;    /* declared type: INTEGER, REAL, NUMERIC, TEXT or BLOB */
	enum lkind kind;
	bool serial;         /* serial family: INTEGER PRIMARY KEY AUTOINCREMENT */
	const char *collate; /* "NOCASE" for citext */
	int ck;              /* CK_*: the CHECK standing for the type */
	long maxlen;         /* CK_LENGTH */
	mig_strv values;     /* CK_ENUM */
	char *logical;       /* the type's name in the "type:" check */
} sqtype;

enum { TF_SERIAL = 1, TF_LEN = 2, TF_NOCASE = 4, TF_JSON = 8, TF_CHAR = 16, TF_TIMESTAMP = 32 };

/* What decides between ALTER TABLE ADD COLUMN and a rebuild. */
typedef struct colinfo {
	bool pk, serial_pending, unique, notnull, fk, generated;
	bool has_default, default_constant, default_null;
} colinfo;

/* Objects that depend on table `parent` (or on its columns `cols`):
 * foreign keys of other tables and views. Their descriptions go to
 * `what` (for the error), their tables/views to child_tables/views. */
typedef struct deps {
	mig_strv what;         /* "constraint x on table y", "view v" */
	mig_strv child_tables; /* tables with a foreign key to drop */
	mig_strv views;        /* views to drop */
} deps;

static inline int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* ASCII case-insensitive equality: SQLite's rule for identifiers. */
static inline bool ieq_n(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (lower_ascii((unsigned char)a[i]) != lower_ascii((unsigned char)b[i]))
			return false;
	return true;
}

static inline bool ieq(const char *a, const char *b)
{
	return ieq_n(a, strlen(a), b, strlen(b));
}

static inline bool istarts(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strlen(s) >= n && ieq_n(s, n, prefix, n);
}

static inline bool strv_has(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (ieq(v->v[i], s))
			return true;
	return false;
}

static inline bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline const stok *tk(const stoks *t, size_t i)
{
	return &t->v[i < t->n ? i : t->n - 1];
}

static inline bool kw(const stoks *t, size_t i, const char *word)
{
	const stok *x = tk(t, i);
	return x->type == TK_WORD && ieq_n(t->src + x->off, x->len, word, strlen(word));
}

static inline bool punct(const stoks *t, size_t i, char c)
{
	const stok *x = tk(t, i);
	return x->type == TK_PUNCT && x->len == 1 && t->src[x->off] == c;
}

static inline bool is_name_tok(const stoks *t, size_t i)
{
	int ty = tk(t, i)->type;
	return ty == TK_WORD || ty == TK_QUOTED || ty == TK_STRING;
}

static inline bool is_type_check(const mig_part *g)
{
	return g->kind == MIG_PART_CHECK && g->name && strncmp(g->name, TYPE_CHECK_PREFIX, strlen(TYPE_CHECK_PREFIX)) == 0;
}

static inline bool have_catalog(const sq *p)
{
	return p->ctx->catalog != NULL;
}

static inline const char *cell(const mig_rows *r, size_t row, size_t col)
{
	const char *v = mig_rows_get(r, row, col);
	return v ? v : "";
}

void mig__sq_quote_ident(mig_str *out, const char *ident);
void mig__sq_quote_literal(mig_str *out, const char *text);
void mig__sq_fail(sq *p, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void mig__sq_unsupported(sq *p, const char *why);
void mig__sq_unsupported_option(sq *p, const char *what, const char *why);
void mig__sq_adopt(sq *p, int rc);
void mig__sq_oom(sq *p);
void mig__sq_notice(sq *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mig__sq_step(sq *p, mig_str *s);
void mig__sq_step_text(sq *p, const char *text);
char *mig__sq_dup_or_fail(sq *p, const char *s);
char *mig__sq_detach_or_fail(sq *p, mig_str *s);
void mig__sq_strv_add(sq *p, mig_strv *v, const char *s);
char *mig__sq_final_ident(sq *p, const char *s);
char *mig__sq_qname(sq *p, const mig_qname *n, const char *what);
char *mig__sq_pg_name(sq *p, const char *table, const char *col, const char *label);
size_t mig__sq_skip_quoted(const char *s, size_t n, size_t i, char q);
int mig__sq_lex(const char *src, stoks *out);
void mig__sq_toks_free(stoks *t);
size_t mig__sq_group_end(const stoks *t, size_t i);
void mig__sq_tok_name(mig_str *out, const stoks *t, size_t i);
void mig__sq_slice(mig_str *out, const stoks *t, size_t a, size_t b);
bool mig__sq_mentions(const stoks *t, size_t a, size_t b, const char *name);
bool mig__sq_tok_is_name(const stoks *t, size_t i, const char *name);
bool mig__sq_sql_mentions(const char *sql, const char *name);
void mig__sq_segv_push(sq *p, mig_parts *v, enum mig_part_kind kind, char *name, char *body);
void mig__sq_segv_pushs(sq *p, mig_parts *v, enum mig_part_kind kind, const char *name, const char *body);
mig_mcolumn *mig__sq_model_add_col(sq *p, mig_mtable *m, char *name, char *type);
bool mig__sq_parse_create_table(sq *p, const char *sql, mig_mtable *m);
/* One column definition ("name type constraints...") appended to m. */
bool mig__sq_parse_column(sq *p, const char *def, mig_mtable *m);
/* sqlite_apply.c: the in-memory model past one operation. */
int mig__sq_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m);
void mig__sq_seg_columns(sq *p, const mig_part *g, const mig_mcolumn *owner, mig_strv *out);
bool mig__sq_seg_fk_target(sq *p, const mig_part *g, mig_str *table, mig_strv *cols);
bool mig__sq_seg_involves(sq *p, const mig_part *g, const mig_mcolumn *owner, const char *col);
void mig__sq_put_column(mig_str *s, const mig_mcolumn *c);
void mig__sq_put_create(mig_str *s, const mig_mtable *m, const char *name, const char *lead);
bool mig__sq_load_model(sq *p, const char *table, mig_mtable *m);
int mig__sq_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found);
const mig_model *mig__sq_schema(sq *p);
const mig_mview *mig__sq_find_view(sq *p, const char *name);
/* After parsing a table: its parts' structure (columns, foreign-key
 * targets) and each column's rebuild copy expression. */
void mig__sq_model_settle(sq *p, mig_mtable *m);
/* An index or trigger of m from its stored definition (its structure
 * read from the text). */
void mig__sq_model_add_object(sq *p, mig_mtable *m, const char *type, const char *name, const char *sql);
bool mig__sq_need_model(sq *p, const char *table, mig_mtable *m);
bool mig__sq_enum_values(sq *p, const char *type, mig_strv *values);
void mig__sq_rebuild(sq *p, const mig_mtable *m, const mig_strv *after);
void mig__sq_sqtype_free(sqtype *t);
bool mig__sq_map_type(sq *p, const mig_type_ref *t, const char *col, sqtype *out);
void mig__sq_type_check_body(mig_str *s, const sqtype *t, const char *col);
void mig__sq_push_type_check(sq *p, mig_mcolumn *c, const sqtype *t);
enum lkind mig__sq_kind_of_column(const mig_mcolumn *c);
void mig__sq_set_default(sq *p, mig_mcolumn *c, const mig_value *v, enum lkind kind, bool *constant);
const char *mig__sq_map_collation(sq *p, const char *collation);
void mig__sq_name_list(sq *p, mig_str *out, const mig_qnames *v, const char *what, mig_strv *names);
void mig__sq_build_column(sq *p, const char *table, mig_mcolumn *c, const mig_column_def *def, mig_strv *after,
			  bool if_not_exists, colinfo *info);
bool mig__sq_model_has_pk(const mig_mtable *m);
size_t mig__sq_ir_constraints(sq *p, const char *table, const mig_constraints_def *cs, mig_mtable *m, mig_strv *after,
			      bool if_not_exists);
char *mig__sq_seg_label(sq *p, const mig_mtable *m, const mig_mcolumn *owner, const mig_part *g);
void mig__sq_model_pk_columns(sq *p, const mig_mtable *m, mig_strv *out);
void mig__sq_deps_free(deps *d);
void mig__sq_find_deps(sq *p, const mig_mtable *parent, const mig_strv *cols, bool views_too, deps *d);
void mig__sq_put_deps(mig_str *s, const deps *d);
void mig__sq_drop_deps(sq *p, const deps *d, const char *parent, const mig_strv *cols, const mig_strv *pk);
bool mig__sq_obj_mentions(const mig_mobject *o, const char *col);
void mig__sq_put_after(sq *p, const mig_strv *after);
bool mig__sq_rename_in_sql(sq *p, const char *sql, const char *kind, const char *newname, mig_str *out);
void mig__sq_rename_index(sq *p, const char *oldname, const char *sql, const char *newname);
int mig__sq_emit_sql(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps);
int mig__sq_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

/* The emitters of each sqlite_<kind>.c, ended by {MIG_OP_UNKNOWN, NULL}. */
typedef void (*mig_sq_emitter_fn)(sq *p);
typedef struct mig_sq_emitter {
	enum mig_op_kind kind;
	mig_sq_emitter_fn fn;
} mig_sq_emitter;

extern const mig_sq_emitter mig__sq_tables[];
extern const mig_sq_emitter mig__sq_constraints[];
extern const mig_sq_emitter mig__sq_indexes[];
extern const mig_sq_emitter mig__sq_enums[];
extern const mig_sq_emitter mig__sq_views[];

#endif
