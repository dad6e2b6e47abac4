/*
 * Private to src/load/js/: the state of the JS/TS migration reader and
 * the functions its files share (load_js.c says how the reader works and
 * which file does what). Nothing outside this folder includes it; the
 * loader's interface is mig_load_js_text() in load/load.h.
 *
 * Shared functions are named mig__js_* (internal, not library API). The
 * token accessors are static inline here instead: every file uses them on
 * nearly every line, and they are one-liners. Functions returning int give
 * 0 or the MIG_E* code of the error they set.
 */
#ifndef MIG_JS_PARSER_H
#define MIG_JS_PARSER_H

#include "ir/ir.h"
#include "util/alloc.h"
#include "ir/value.h"
#include "load/js/lex.h"
#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The limits that keep hostile input harmless (see load_js.c). */
#define MAX_DEPTH 256
#define MAX_KEYS 4096
#define MAX_PARAMS 8
#define VALUE_BUDGET ((size_t)128 << 20) /* bytes of values made, freed or not */
#define NODE_COST 64
/* Code that runs (loops, helper calls) is bounded too: every statement,
 * loop iteration and call costs a step. */
#define STEP_BUDGET ((size_t)250000)
#define MAX_CALLS 64 /* nested function calls */
#define MAX_IMPORT_DEPTH 8 /* sibling files importing sibling files */
/* Export names a sibling module may have beyond up/down/shorthands. */
#define MAX_SLOTS 64

typedef mig_js_tok tok;

struct parser;
struct scope;

/* A function found in the file: where its parameters and body are. The
 * body is evaluated only if the function is exported as up or down. */
typedef struct jsfn {
	size_t start;          /* first token, for messages */
	size_t end;            /* token after the whole function */
	size_t body, body_end; /* block: after `{` .. the matching `}`; else the expression */
	bool expr_body;
	size_t nparams;
	size_t param[MAX_PARAMS]; /* parameter name (or pattern) tokens */
	size_t deflt[MAX_PARAMS]; /* token after `=` of a default value, 0 when none */
	bool rest;                /* the last parameter is `...name` */
} jsfn;

/* A function value: function fn of module mod, closing over env (a frame
 * that outlives every call of it: function values never escape into
 * data, see call.c). */
typedef struct fnref {
	struct parser *mod;
	size_t fn;
	struct scope *env;
} fnref;

enum bkind {
	B_VALUE,     /* a constant: val */
	B_FUNC,      /* a function: fn */
	B_NS,        /* the node-pg-migrate module object */
	B_PGLITERAL, /* node-pg-migrate's PgLiteral class */
	B_IMPORTED,  /* any other node-pg-migrate export (types, MigrationBuilder ...) */
	B_BUILDER,   /* the MigrationBuilder parameter of up/down */
	B_RUN,       /* the `run` callback parameter */
	B_MODNS      /* a static sibling module: mod */
};

typedef struct binding {
	size_t tok; /* the name's token */
	enum bkind kind;
	mig_value *val;
	size_t fn;
	bool hoisted; /* a function declaration, known before its statement runs */
	bool is_const;
	struct parser *mod; /* B_FUNC: whose function; B_MODNS: the module */
	struct scope *env;  /* B_FUNC: the frame it closes over */
} binding;

/* A frame of names: the module's, a function call's or a block's. */
typedef struct scope {
	binding *v;
	size_t n, cap;
	struct scope *parent;
} scope;

/* A call argument or a value that is not data. */
typedef struct jsarg {
	enum bkind kind; /* B_VALUE, B_FUNC, B_BUILDER or B_RUN */
	mig_value *val;  /* B_VALUE (owned) */
	fnref f;         /* B_FUNC */
} jsarg;

/* What stops a statement list early. */
enum ctl { CTL_NONE, CTL_BREAK, CTL_CONTINUE, CTL_RETURN };

/* Shared by the migration file and the sibling files it imports. */
typedef struct jsrt {
	size_t budget; /* bytes of values made */
	size_t steps;
	int calls;     /* nested calls now */
	int imports;   /* nested imports now */
	struct parser **mods; /* sibling modules read (and being read) */
	size_t nmods, capmods;
	char *root; /* the migrations folder, resolved, or NULL when unknown */
	/* console.* output, written to stderr once the whole file has been
	 * read: a refused file prints nothing (Node.js may run it next) */
	mig_str console;
} jsrt;

/* What an export slot holds. */
enum slot_kind { SLOT_ABSENT, SLOT_UNDEFINED, SLOT_FALSE, SLOT_FUNC, SLOT_OTHER };
enum { SLOT_UP, SLOT_DOWN, SLOT_SHORTHANDS, NSLOTS };
extern const char *const mig__js_slot_names[NSLOTS];
const char *mig__js_slot_name(const struct parser *p, int k);

typedef struct slot {
	enum slot_kind kind;
	size_t fn;
	/* Read through jiti's default-export interop, which hands out a new
	 * bound function on every access: never equal to another. */
	bool bound;
	mig_value *val; /* SLOT_OTHER: the value (shorthands need it) */
	size_t tok;     /* where it was set, for messages */
} slot;

/* A name of an `export { name as up }` clause. ESM bindings are live, so
 * they are resolved once the module has run (every name must exist then;
 * slot is -1 for names that are not up/down/shorthands, or type-only). */
typedef struct deferred {
	int slot;
	size_t tok;
	size_t as; /* the exported name's token */
} deferred;

typedef struct parser {
	mig_migration *m;
	const char *src;
	tok *t;
	size_t n; /* t[n-1] is the EOF or ERROR token */
	size_t i; /* current token */
	jsrt *rt;
	const char *where; /* "at top level", "in up()", "in down()" */
	bool in_fn;
	scope mod;
	scope *env; /* the innermost frame; NULL: mod */
	jsfn *fns;
	size_t nfns, capfns;
	slot named[MAX_SLOTS]; /* exports.x, module.exports.x, export ... */
	slot deflt[MAX_SLOTS]; /* properties of `export default {...}` */
	/* A sibling module exports any name: slots past NSLOTS are named
	 * here (the migration file itself only reads up/down/shorthands). */
	bool sibling;
	int nslots;
	char *xnames[MAX_SLOTS];
	char *text; /* sibling: the file's text (owned) */
	mig_js_toks toks;
	bool loading; /* still running its top level (import cycles) */
	bool has_default; /* ran `export default` (a default import sees only that) */
	char *real;   /* the file's resolved path (owned), NULL when unknown */
	bool replaced;      /* module.exports = ... ran */
	deferred *defs;
	size_t ndefs, capdefs;
	/* names of `type` and `interface` declarations: a separate space
	 * from values, only used to check `export { Name }` */
	size_t *types;
	size_t ntypes, captypes;
	/* while evaluating a function body */
	mig_oplist *ops;
	bool *no_tx;
	bool run_called;
	/* >0 while reading code that does not run (an untaken branch, the
	 * right of a short-circuit, a loop body to find its end): names are
	 * checked and constructs refused, but nothing has an effect and
	 * values are undefined. */
	int noeval;
	enum ctl ctl;
	mig_value *ret; /* CTL_RETURN: the value (owned) */
	int loops;      /* loops around the current statement, in this call */
} parser;

/* What mig__js_export_target() finds at a token: exports.x / exports['x'] /
 * module.exports.x / module.exports. */
enum target_kind { TGT_NONE, TGT_EXPORTS_PROP, TGT_MODULE_PROP, TGT_MODULE };

/* ---- tokens ------------------------------------------------------------ */

static inline const tok *tk_at(const parser *p, size_t j)
{
	return &p->t[j < p->n ? j : p->n - 1];
}

static inline const tok *tk_cur(const parser *p)
{
	return &p->t[p->i];
}

static inline const tok *tk_peek(const parser *p, size_t k)
{
	return tk_at(p, p->i + k);
}

static inline void adv(parser *p)
{
	if (p->i + 1 < p->n)
		p->i++;
}

static inline size_t tk_index(const parser *p, const tok *t)
{
	return (size_t)(t - p->t);
}

static inline bool is_p(const tok *t, const char *s)
{
	return t->type == MIG_JS_PUNCT && strcmp(t->punct, s) == 0;
}

static inline bool is_id(const parser *p, const tok *t, const char *s)
{
	size_t k = strlen(s);
	return t->type == MIG_JS_IDENT && t->len == k && memcmp(p->src + t->off, s, k) == 0;
}

static inline bool same_name(const parser *p, const tok *a, const tok *b)
{
	return a->len == b->len && memcmp(p->src + a->off, p->src + b->off, a->len) == 0;
}

static inline bool is_end(const tok *t)
{
	return t->type == MIG_JS_EOF || t->type == MIG_JS_ERROR;
}

static inline bool is_template(const tok *t)
{
	return t->type == MIG_JS_TEMPLATE || t->type == MIG_JS_TEMPLATE_HEAD;
}

/* Whether a punctuator can be an operator: every one the reader reads or
 * refuses starts with one of these. The tokens that mostly follow an
 * expression (, ) } ] : ; .) then skip the operator tables, which were
 * looked up at every level of every expression (a few percent of a JS
 * run). */
static inline bool may_be_operator(const tok *t)
{
	return t->type == MIG_JS_PUNCT && t->punct[0] && strchr("=!<>+-*/%&|^?", t->punct[0]);
}

/* ---- tokens.c: reserved words and automatic semicolon insertion -------- */

bool mig__js_is_reserved(const parser *p, const tok *t);
bool mig__js_ends_value(const tok *t);
bool mig__js_continues(const parser *p, const tok *t);

/* ---- refuse.c: errors and refusals ------------------------------------- */

void mig__js_put_clipped(mig_str *out, const char *s, size_t len, size_t max);
int mig__js_err(parser *p, const tok *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int mig__js_refuse(parser *p, const tok *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *mig__js_a_type(const mig_value *v);
int mig__js_unexpected(parser *p, const tok *t, const char *expected);
int mig__js_expect(parser *p, const char *punct, const char *what);
int mig__js_last_code(void);
int mig__js_too_deep(parser *p, const tok *t);
int mig__js_unclosed(parser *p, const tok *t);
int mig__js_refuse_operator(parser *p, const tok *t);
int mig__js_refuse_statement_keyword(parser *p, const tok *t);
int mig__js_semi(parser *p);

/* ---- jsvalue.c: values and JavaScript value semantics ------------------ */

mig_value *mig__js_vnew(parser *p, enum mig_vtype type, const tok *t);
mig_value *mig__js_vtext(parser *p, enum mig_vtype type, const char *s, size_t len, const tok *t);
mig_value *mig__js_vnum(parser *p, double d, const tok *t);
mig_value *mig__js_vclone(parser *p, const mig_value *v, int depth, const tok *t);
int mig__js_obj_put(parser *p, mig_value *obj, const char *key, mig_value *val, const tok *t);
bool mig__js_to_number(const mig_value *v, double *out);
int mig__js_append_js_string(parser *p, mig_str *out, const mig_value *v, const tok *t, const char *ctx);
int mig__js_property_key(parser *p, const mig_value *v, mig_str *out, const tok *t);
int mig__js_add(parser *p, mig_value **lhs, mig_value *rhs, const tok *op);
int mig__js_member(parser *p, mig_value **vp, const char *key, const tok *t);

/* ---- scope.c: scopes, recorded functions, export slots ----------------- */

void mig__js_scope_free(scope *s);
binding *mig__js_scope_find(const parser *p, const scope *s, const tok *name);
binding *mig__js_lookup(const parser *p, const tok *name);
scope *mig__js_frame(parser *p);
int mig__js_declare(parser *p, scope *s, size_t name, enum bkind kind, mig_value *val, size_t fn,
		    bool hoisted);
int mig__js_declare_fn(parser *p, scope *s, size_t name, const fnref *f, bool hoisted);
int mig__js_add_fn(parser *p, const jsfn *f, size_t *idx);
void mig__js_slot_clear(slot *s);
int mig__js_slot_index(parser *p, const char *name, size_t len);
int mig__js_slot_find(const parser *p, const char *name, size_t len);
void mig__js_slot_from_value(slot *s, mig_value *v, size_t t);
int mig__js_slot_copy(parser *p, slot *dst, const slot *src, const tok *t);
int mig__js_slots_from_object(parser *p, slot out[MAX_SLOTS], const mig_value *obj, const tok *t);

/* ---- typescript.c: TypeScript types, skipped --------------------------- */

int mig__js_skip_group(parser *p);
bool mig__js_is_opener(const tok *t);
int mig__js_skip_type(parser *p, int depth);
int mig__js_skip_type_alias(parser *p);
int mig__js_skip_interface(parser *p);
int mig__js_skip_declare(parser *p);

/* ---- functions.c: functions, recorded (bodies read by body.c) ---------- */

bool mig__js_fn_starts(const parser *p, size_t j);
int mig__js_parse_function(parser *p, size_t *out);
int mig__js_parse_method(parser *p, size_t start, size_t *out);

/* ---- expr.c: expressions ----------------------------------------------- */

void mig__js_key_text(parser *p, const tok *t, mig_str *out);
bool mig__js_key_start(const tok *t);
int mig__js_expr(parser *p, int depth, mig_value **out);

/* ---- module.c: the top level ------------------------------------------- */

int mig__js_parse_decl(parser *p, bool exported);
int mig__js_parse_function_decl(parser *p, bool exported);
void mig__js_hoist_functions(parser *p, size_t from, size_t to, scope *s);
int mig__js_top_statement(parser *p);

/* ---- exports.c: the exports -------------------------------------------- */

void mig__js_export_named(parser *p, int k, slot *s, bool via_exports);
enum target_kind mig__js_export_target(const parser *p, size_t j, size_t *name, size_t *after);
int mig__js_parse_export_chain(parser *p, slot *result);
int mig__js_parse_exports_stmt(parser *p);
int mig__js_parse_export(parser *p);

/* ---- body.c: function bodies ------------------------------------------- */

int mig__js_run_function(parser *p, size_t fi, bool down, mig_oplist *ops, bool *no_tx);
int mig__js_builder_value(parser *p, int depth, mig_value **out);

/* ---- stmt.c: statements, blocks, loops, assignments -------------------- */

int mig__js_step(parser *p, const tok *t);
int mig__js_statement(parser *p, int depth);
int mig__js_block(parser *p, size_t end, int depth);
int mig__js_assignment(parser *p, int depth, bool *done);
int mig__js_expression_statement(parser *p, int depth);
int mig__js_binary(parser *p, const tok *op, mig_value **lhs, mig_value *rhs);
bool mig__js_statement_keyword(const parser *p, const tok *t);

/* ---- call.c: calls of this file's functions, patterns ------------------ */

int mig__js_parse_args(parser *p, int depth, jsarg **out, size_t *n);
void mig__js_args_free(jsarg *a, size_t n);
int mig__js_call(parser *p, const fnref *f, jsarg *args, size_t nargs, int depth, const tok *at,
		 mig_value **ret);
int mig__js_call_values(parser *p, const fnref *f, mig_value **vals, size_t n, int depth, const tok *at,
			mig_value **ret);
int mig__js_bind_pattern(parser *p, scope *s, int depth, mig_value *v, bool is_const);
int mig__js_skip_pattern(parser *p);
int mig__js_closure(parser *p, fnref *f);

/* ---- builtins.c: methods of static values, console, JSON, Object ------- */

bool mig__js_is_global(const parser *p, const tok *t);
int mig__js_global(parser *p, int depth, mig_value **out);
int mig__js_method(parser *p, int depth, mig_value **vp, const tok *name);
int mig__js_to_string(parser *p, mig_value **vp, const tok *t);
double mig__js_str_to_number(const char *s, size_t len);
int mig__js_inspect(parser *p, mig_str *out, const mig_value *v);
int mig__js_json(parser *p, mig_str *out, const mig_value *v, const char *gap, const tok *t, bool *undef);

/* ---- sibling.c: static sibling files ----------------------------------- */

int mig__js_import_sibling(parser *p, const tok *spec, parser **out);
bool mig__js_is_relative(const tok *spec);
int mig__js_export_of(parser *p, parser *mod, const char *name, size_t len, bool default_view, const tok *at,
		      jsarg *out, bool *found);
void mig__js_rt_free(jsrt *rt);
void mig__js_parser_free(parser *p);
int mig__js_run_module(parser *p);
int mig__js_resolve_exports(parser *p);
int mig__js_add_module(jsrt *rt, parser *q);

#endif
