/*
 * The JS/TS migration loader: reads a node-pg-migrate migration written in
 * JavaScript or TypeScript WITHOUT running it, and turns it into the IR.
 *
 * It understands a static subset: module-level constants built from
 * literals, the up/down/shorthands exports in their CommonJS, ESM and
 * TypeScript spellings, and function bodies made of pgm.<operation>(...)
 * calls. Everything else is refused with one message that names the
 * construct, because guessing what arbitrary code does would give a
 * migration that silently differs from what node-pg-migrate runs.
 *
 * How it works: the whole file is tokenized first (src/js_lex.c). The
 * module is then read top to bottom, evaluating constants as it goes (the
 * order JavaScript gives them) and only recording where each function's
 * body is. Once the module has "run", the exported up and down bodies are
 * evaluated against the final module scope -- as node-pg-migrate calls
 * them after the import, so they may use constants declared below them.
 *
 * Function bodies that never run (helpers, exports other than up/down)
 * are only delimited, never read: their contents cannot change what up
 * and down do, but a syntax error inside them goes unnoticed (a documented
 * difference; node-pg-migrate would refuse the whole file).
 *
 * Limits keep hostile input harmless: nesting deeper than MAX_DEPTH,
 * objects with more than MAX_KEYS keys and more than VALUE_BUDGET bytes of
 * values (constants can be expanded exponentially) are refused, and every
 * loop consumes a token or fails. The value nesting limit also bounds the
 * recursion of everyone who walks the IR later.
 */
#include "load/load.h"

#include "util/error.h"
#include "load/js/lex.h"
#include "util/str.h"
#include "ir/value.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 256
#define MAX_KEYS 4096
#define MAX_PARAMS 8
#define VALUE_BUDGET ((size_t)32 << 20)
#define NODE_COST 64

typedef mig_js_tok tok;

/* A function found in the file: where its parameters and body are. The
 * body is evaluated only if the function is exported as up or down. */
typedef struct jsfn {
	size_t start;          /* first token, for messages */
	size_t end;            /* token after the whole function */
	size_t body, body_end; /* block: after `{` .. the matching `}`; else the expression */
	bool expr_body;
	size_t nparams;
	size_t param[MAX_PARAMS]; /* parameter name tokens */
} jsfn;

enum bkind {
	B_VALUE,     /* a constant: val */
	B_FUNC,      /* a function: fn */
	B_NS,        /* the node-pg-migrate module object */
	B_PGLITERAL, /* node-pg-migrate's PgLiteral class */
	B_IMPORTED,  /* any other node-pg-migrate export (types, MigrationBuilder ...) */
	B_BUILDER,   /* the MigrationBuilder parameter of up/down */
	B_RUN        /* the `run` callback parameter */
};

typedef struct binding {
	size_t tok; /* the name's token */
	enum bkind kind;
	mig_value *val;
	size_t fn;
	bool hoisted; /* a function declaration, known before its statement runs */
} binding;

typedef struct scope {
	binding *v;
	size_t n, cap;
} scope;

/* What an export slot holds. */
enum slot_kind { SLOT_ABSENT, SLOT_UNDEFINED, SLOT_FALSE, SLOT_FUNC, SLOT_OTHER };
enum { SLOT_UP, SLOT_DOWN, SLOT_SHORTHANDS, NSLOTS };
static const char *const slot_names[NSLOTS] = {"up", "down", "shorthands"};

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
} deferred;

typedef struct parser {
	mig_migration *m;
	const char *src;
	tok *t;
	size_t n; /* t[n-1] is the EOF or ERROR token */
	size_t i; /* current token */
	size_t budget;
	const char *where; /* "at top level", "in up()", "in down()" */
	bool in_fn;
	scope mod, loc;
	jsfn *fns;
	size_t nfns, capfns;
	slot named[NSLOTS]; /* exports.x, module.exports.x, export ... */
	slot deflt[NSLOTS]; /* properties of `export default {...}` */
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
	bool dead; /* after a `return`: statements are read but do nothing */
	bool run_called;
} parser;

/* ---- tokens ------------------------------------------------------------ */

static const tok *tk_at(const parser *p, size_t j)
{
	return &p->t[j < p->n ? j : p->n - 1];
}

static const tok *tk_cur(const parser *p)
{
	return &p->t[p->i];
}

static const tok *tk_peek(const parser *p, size_t k)
{
	return tk_at(p, p->i + k);
}

static void adv(parser *p)
{
	if (p->i + 1 < p->n)
		p->i++;
}

static size_t tk_index(const parser *p, const tok *t)
{
	return (size_t)(t - p->t);
}

static bool is_p(const tok *t, const char *s)
{
	return t->type == MIG_JS_PUNCT && strcmp(t->punct, s) == 0;
}

static bool is_id(const parser *p, const tok *t, const char *s)
{
	size_t k = strlen(s);
	return t->type == MIG_JS_IDENT && t->len == k && memcmp(p->src + t->off, s, k) == 0;
}

static bool same_name(const parser *p, const tok *a, const tok *b)
{
	return a->len == b->len && memcmp(p->src + a->off, p->src + b->off, a->len) == 0;
}

static bool is_end(const tok *t)
{
	return t->type == MIG_JS_EOF || t->type == MIG_JS_ERROR;
}

static bool is_template(const tok *t)
{
	return t->type == MIG_JS_TEMPLATE || t->type == MIG_JS_TEMPLATE_HEAD;
}

static const char *const reserved[] = {
	"break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
	"do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
	"import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
	"true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
	"implements", "interface", "package", "private", "protected", "public", "await", NULL};

static bool is_reserved(const parser *p, const tok *t)
{
	for (size_t k = 0; reserved[k]; k++)
		if (is_id(p, t, reserved[k]))
			return true;
	return false;
}

/* Whether t can end an expression (for automatic semicolon insertion). */
static bool ends_value(const tok *t)
{
	switch (t->type) {
	case MIG_JS_IDENT:
	case MIG_JS_STRING:
	case MIG_JS_NUMBER:
	case MIG_JS_TEMPLATE:
	case MIG_JS_TEMPLATE_TAIL:
	case MIG_JS_REGEX:
	case MIG_JS_PRIVATE:
		return true;
	case MIG_JS_PUNCT:
		return is_p(t, ")") || is_p(t, "]") || is_p(t, "}") || is_p(t, "++") || is_p(t, "--");
	default:
		return false;
	}
}

/* Whether t continues the expression before it even across a line break
 * (JavaScript inserts no semicolon before these). */
static bool continues(const parser *p, const tok *t)
{
	static const char *const ops[] = {
		".", "?.", "(", "[", "+", "-", "*", "/", "%", "**", "=", "==", "===", "!=", "!==",
		"<", ">", "<=", "&&", "||", "??", "&", "|", "^", "<<", "?", ":", "=>", "+=", "-=",
		"*=", "/=", "%=", "**=", "<<=", "&=", "|=", "^=", "&&=", "||=", "?\?=", ",", NULL};
	if (is_template(t))
		return true;
	if (t->type == MIG_JS_PUNCT) {
		for (size_t k = 0; ops[k]; k++)
			if (strcmp(t->punct, ops[k]) == 0)
				return true;
		return false;
	}
	return is_id(p, t, "as") || is_id(p, t, "satisfies") || is_id(p, t, "instanceof") ||
	       is_id(p, t, "in");
}

/* ---- errors ------------------------------------------------------------ */

/* Copy at most max bytes of s into out, not cutting a UTF-8 sequence. */
static void put_clipped(mig_str *out, const char *s, size_t len, size_t max)
{
	if (len <= max) {
		mig_str_put(out, s, len);
		return;
	}
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	mig_str_put(out, s, k);
	mig_str_puts(out, "...");
}

static int verr(parser *p, const tok *t, const char *fmt, va_list ap)
{
	if (t->type == MIG_JS_ERROR)
		return mig_error_set_at(MIG_EINPUT, p->m->path, t->line, t->col, "%s",
					t->str ? t->str : "syntax error");
	mig_str msg = MIG_STR_INIT;
	mig_str_vprintf(&msg, fmt, ap);
	if (mig_str_failed(&msg)) {
		mig_str_free(&msg);
		return mig_error_set(MIG_ENOMEM, "out of memory");
	}
	int rc = mig_error_set_at(MIG_EINPUT, p->m->path, t->line, t->col, "%s", mig_str_cstr(&msg));
	mig_str_free(&msg);
	return rc;
}

static int err(parser *p, const tok *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err(parser *p, const tok *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = verr(p, t, fmt, ap);
	va_end(ap);
	return rc;
}

/* Valid JavaScript that only Node.js can run: name the construct. */
static int refuse(parser *p, const tok *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int refuse(parser *p, const tok *t, const char *fmt, ...)
{
	if (t->type == MIG_JS_ERROR)
		return err(p, t, "%s", "");
	mig_str what = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&what, fmt, ap);
	va_end(ap);
	const char *hint = p->in_fn
		? "only pgm.<operation>(...) calls with literal arguments can be read without Node.js"
		: "only constants, node-pg-migrate imports and the up/down/shorthands exports can be read without Node.js";
	int rc = err(p, t, "%s %s: %s; this file needs node-pg-migrate to run",
		     mig_str_cstr(&what), p->where, hint);
	mig_str_free(&what);
	return rc;
}

static void describe(const parser *p, const tok *t, mig_str *out)
{
	switch (t->type) {
	case MIG_JS_EOF:
	case MIG_JS_ERROR:
		mig_str_puts(out, "end of file");
		break;
	case MIG_JS_IDENT:
	case MIG_JS_PRIVATE:
		mig_str_putc(out, '`');
		put_clipped(out, p->src + t->off, t->len, 40);
		mig_str_putc(out, '`');
		break;
	case MIG_JS_STRING:
		mig_str_puts(out, "string literal");
		break;
	case MIG_JS_NUMBER:
		mig_str_puts(out, "number `");
		put_clipped(out, p->src + t->off, t->len, 40);
		mig_str_putc(out, '`');
		break;
	case MIG_JS_TEMPLATE:
	case MIG_JS_TEMPLATE_HEAD:
		mig_str_puts(out, "template literal");
		break;
	case MIG_JS_TEMPLATE_MIDDLE:
	case MIG_JS_TEMPLATE_TAIL:
		mig_str_puts(out, "`}` of a template substitution");
		break;
	case MIG_JS_PUNCT:
		mig_str_printf(out, "`%s`", t->punct);
		break;
	case MIG_JS_REGEX:
		mig_str_puts(out, "regular expression");
		break;
	}
}

/* "a number", "an object", ... for messages. */
static const char *a_type(const mig_value *v)
{
	switch (v ? v->type : MIG_V_UNDEFINED) {
	case MIG_V_UNDEFINED:
		return "undefined";
	case MIG_V_NULL:
		return "null";
	case MIG_V_BOOL:
		return "a boolean";
	case MIG_V_NUMBER:
		return "a number";
	case MIG_V_STRING:
		return "a string";
	case MIG_V_ARRAY:
		return "an array";
	case MIG_V_OBJECT:
		return "an object";
	case MIG_V_LITERAL:
		return "a PgLiteral";
	}
	return "a value";
}

static int unexpected(parser *p, const tok *t, const char *expected)
{
	if (t->type == MIG_JS_ERROR)
		return err(p, t, "%s", "");
	mig_str d = MIG_STR_INIT;
	describe(p, t, &d);
	int rc = err(p, t, "syntax error %s: unexpected %s, expected %s", p->where, mig_str_cstr(&d),
		     expected);
	mig_str_free(&d);
	return rc;
}

static int expect(parser *p, const char *punct, const char *what)
{
	if (!is_p(tk_cur(p), punct))
		return unexpected(p, tk_cur(p), what);
	adv(p);
	return 0;
}

/* After a constructor returned NULL: the code of the error it set (out of
 * memory, or one of our limits). */
static int last_code(void)
{
	const mig_error *e = mig_error_last();
	return e && e->code ? e->code : MIG_ENOMEM;
}

static int too_deep(parser *p, const tok *t)
{
	return err(p, t, "nested more than %d levels deep %s; this reader refuses deeper nesting",
		   MAX_DEPTH, p->where);
}

/* An opening bracket that is never closed: report the lexical error that
 * cut the file short if there is one. */
static int unclosed(parser *p, const tok *t)
{
	const tok *last = tk_at(p, p->n - 1);
	if (last->type == MIG_JS_ERROR)
		return err(p, last, "%s", "");
	mig_str d = MIG_STR_INIT;
	describe(p, t, &d);
	int rc = err(p, t, "syntax error %s: %s is never closed", p->where, mig_str_cstr(&d));
	mig_str_free(&d);
	return rc;
}

/* Refuse t when it is an operator we do not evaluate; 0 otherwise. */
static int refuse_operator(parser *p, const tok *t)
{
	if (t->type == MIG_JS_IDENT) {
		if (is_id(p, t, "instanceof") || is_id(p, t, "in"))
			return refuse(p, t, "`%.*s` operator", (int)t->len, p->src + t->off);
		return 0;
	}
	if (t->type != MIG_JS_PUNCT)
		return 0;
	const char *s = t->punct;
	static const char *const cmp[] = {"==", "===", "!=", "!==", "<", ">", "<=", NULL};
	static const char *const arith[] = {"-", "*", "/", "%", "**", NULL};
	static const char *const logic[] = {"&&", "||", "??", NULL};
	static const char *const bits[] = {"&", "|", "^", "<<", NULL};
	static const char *const assign[] = {"=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", "&=",
					     "|=", "^=", "&&=", "||=", "?\?=", NULL};
	for (size_t k = 0; cmp[k]; k++)
		if (strcmp(s, cmp[k]) == 0)
			return refuse(p, t, "comparison `%s`", s);
	for (size_t k = 0; arith[k]; k++)
		if (strcmp(s, arith[k]) == 0)
			return refuse(p, t, "arithmetic operator `%s` (only `+` of strings and numbers is read)", s);
	for (size_t k = 0; logic[k]; k++)
		if (strcmp(s, logic[k]) == 0)
			return refuse(p, t, "logical operator `%s`", s);
	for (size_t k = 0; bits[k]; k++)
		if (strcmp(s, bits[k]) == 0)
			return refuse(p, t, "bitwise operator `%s`", s);
	for (size_t k = 0; assign[k]; k++)
		if (strcmp(s, assign[k]) == 0)
			return refuse(p, t, "assignment `%s`", s);
	if (strcmp(s, "?") == 0)
		return refuse(p, t, "conditional expression `? :`");
	if (strcmp(s, "++") == 0 || strcmp(s, "--") == 0)
		return refuse(p, t, "`%s` operator", s);
	if (strcmp(s, "?.") == 0)
		return refuse(p, t, "optional chaining `?.`");
	if (strcmp(s, "=>") == 0)
		return refuse(p, t, "arrow function");
	return 0;
}

/* Statement keywords we never run. 0 when t is none of them. */
static int refuse_statement_keyword(parser *p, const tok *t)
{
	static const struct {
		const char *kw, *what;
	} kws[] = {
		{"if", "`if` statement"},
		{"for", "`for` loop"},
		{"while", "`while` loop"},
		{"do", "`do ... while` loop"},
		{"switch", "`switch` statement"},
		{"try", "`try` statement"},
		{"throw", "`throw` statement"},
		{"class", "class declaration"},
		{"abstract", "class declaration"},
		{"with", "`with` statement"},
		{"break", "`break` statement"},
		{"continue", "`continue` statement"},
		{"debugger", "`debugger` statement"},
		{"enum", "TypeScript `enum`"},
		{"namespace", "TypeScript namespace"},
		{"yield", "`yield`"},
	};
	for (size_t k = 0; k < sizeof(kws) / sizeof(kws[0]); k++)
		if (is_id(p, t, kws[k].kw))
			return refuse(p, t, "%s", kws[k].what);
	if (t->type == MIG_JS_IDENT && is_p(tk_at(p, tk_index(p, t) + 1), ":") && !is_reserved(p, t))
		return refuse(p, t, "labelled statement");
	return 0;
}

/* A statement ends with `;`, before `}` or the end, or at a line break
 * that JavaScript would insert a semicolon at. */
static int semi(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_EOF || is_p(t, "}"))
		return 0;
	if (t->type == MIG_JS_ERROR)
		return err(p, t, "%s", "");
	int rc = refuse_operator(p, t);
	if (rc)
		return rc;
	if (is_p(t, "(") || is_p(t, "[") || is_p(t, ".") || is_template(t)) {
		if (is_template(t))
			return refuse(p, t, "tagged template");
		return refuse(p, t, is_p(t, "(") ? "call of an expression's result"
						 : "property access on an expression's result");
	}
	if (t->nl_before)
		return 0;
	return unexpected(p, t, "`;` or a line break");
}

/* ---- values ------------------------------------------------------------ */

static int charge(parser *p, size_t cost, const tok *t)
{
	if (cost > VALUE_BUDGET - p->budget)
		return err(p, t,
			   "the values of this file are too large (more than %zu MiB once constants are expanded)",
			   VALUE_BUDGET >> 20);
	p->budget += cost;
	return 0;
}

static mig_value *vnew(parser *p, enum mig_vtype type, const tok *t)
{
	if (charge(p, NODE_COST, t))
		return NULL;
	mig_value *v = mig_value_new(type);
	if (v) {
		v->line = t->line;
		v->column = t->col;
	}
	return v;
}

static mig_value *vtext(parser *p, enum mig_vtype type, const char *s, size_t len, const tok *t)
{
	if (charge(p, NODE_COST + len, t))
		return NULL;
	mig_value *v = type == MIG_V_LITERAL ? mig_value_literal(s, len) : mig_value_string(s, len);
	if (v) {
		v->line = t->line;
		v->column = t->col;
	}
	return v;
}

static mig_value *vnum(parser *p, double d, const tok *t)
{
	mig_value *v = vnew(p, MIG_V_NUMBER, t);
	if (v)
		v->num = d;
	return v;
}

/* Copy of a constant's value placed `depth` levels deep, counted against
 * the budget and the nesting limit. */
static mig_value *vclone(parser *p, const mig_value *v, int depth, const tok *t)
{
	if (depth > MAX_DEPTH) {
		too_deep(p, t);
		return NULL;
	}
	if (charge(p, NODE_COST + v->len, t))
		return NULL;
	mig_value *c = mig_value_new(v->type);
	if (!c)
		return NULL;
	c->line = v->line;
	c->column = v->column;
	c->b = v->b;
	c->num = v->num;
	if (v->str) {
		c->str = mig_strndup(v->str, v->len);
		if (!c->str)
			goto oom;
		c->len = v->len;
	}
	if (v->n) {
		c->items = calloc(v->n, sizeof(*c->items));
		if (!c->items)
			goto oom;
		if (v->type == MIG_V_OBJECT) {
			c->keys = calloc(v->n, sizeof(*c->keys));
			if (!c->keys)
				goto oom;
		}
		c->cap = v->n;
		for (size_t k = 0; k < v->n; k++) {
			mig_value *item = vclone(p, v->items[k], depth + 1, t);
			if (!item) {
				mig_value_free(c);
				return NULL;
			}
			if (c->keys) {
				c->keys[k] = mig_strdup(v->keys[k]);
				if (!c->keys[k]) {
					mig_value_free(item);
					goto oom;
				}
			}
			c->items[k] = item;
			c->n = k + 1;
		}
	}
	return c;
oom:
	mig_value_free(c);
	mig_error_set(MIG_ENOMEM, "out of memory");
	return NULL;
}

/* JavaScript's "array index": an integer key below 2^32 - 1 written
 * canonically. Such keys come first, ascending, in an object's order. */
static bool array_index(const char *k, uint32_t *out)
{
	if (!*k)
		return false;
	if (k[0] == '0') {
		*out = 0;
		return k[1] == '\0';
	}
	uint64_t v = 0;
	for (; *k; k++) {
		if (*k < '0' || *k > '9')
			return false;
		v = v * 10 + (uint64_t)(*k - '0');
		if (v > 4294967294u)
			return false;
	}
	*out = (uint32_t)v;
	return true;
}

/* obj[key] = val with JavaScript's key order. Takes val. */
static int obj_put(parser *p, mig_value *obj, const char *key, mig_value *val, const tok *t)
{
	for (size_t k = 0; k < obj->n; k++) {
		if (strcmp(obj->keys[k], key) == 0) {
			mig_value_free(obj->items[k]);
			obj->items[k] = val;
			return 0;
		}
	}
	if (obj->n >= MAX_KEYS) {
		mig_value_free(val);
		return err(p, t, "object with more than %d keys %s; this reader refuses larger objects",
			   MAX_KEYS, p->where);
	}
	int rc = charge(p, strlen(key), t);
	if (rc) {
		mig_value_free(val);
		return rc;
	}
	rc = mig_object_set(obj, key, val);
	if (rc)
		return rc;
	uint32_t idx, other;
	if (!array_index(key, &idx))
		return 0;
	size_t pos = 0;
	while (pos + 1 < obj->n && array_index(obj->keys[pos], &other) && other < idx)
		pos++;
	if (pos + 1 < obj->n) {
		char *k = obj->keys[obj->n - 1];
		mig_value *v = obj->items[obj->n - 1];
		memmove(obj->keys + pos + 1, obj->keys + pos, (obj->n - 1 - pos) * sizeof(*obj->keys));
		memmove(obj->items + pos + 1, obj->items + pos, (obj->n - 1 - pos) * sizeof(*obj->items));
		obj->keys[pos] = k;
		obj->items[pos] = v;
	}
	return 0;
}

/* ToNumber for the primitives where it is obvious. */
static bool to_number(const mig_value *v, double *out)
{
	switch (v->type) {
	case MIG_V_NUMBER:
		*out = v->num;
		return true;
	case MIG_V_BOOL:
		*out = v->b ? 1 : 0;
		return true;
	case MIG_V_NULL:
		*out = 0;
		return true;
	case MIG_V_UNDEFINED:
		*out = NAN;
		return true;
	default:
		return false;
	}
}

/* ToString of a primitive (a PgLiteral converts through its toString()).
 * Arrays and objects are refused. */
static int append_js_string(parser *p, mig_str *out, const mig_value *v, const tok *t, const char *ctx)
{
	switch (v->type) {
	case MIG_V_STRING:
	case MIG_V_LITERAL:
		mig_str_put(out, v->str, v->len);
		return 0;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		return 0;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		return 0;
	case MIG_V_NULL:
		mig_str_puts(out, "null");
		return 0;
	case MIG_V_UNDEFINED:
		mig_str_puts(out, "undefined");
		return 0;
	default:
		return refuse(p, t, "%s %s", a_type(v), ctx);
	}
}

/* A property key from a computed key value (ToPropertyKey). */
static int property_key(parser *p, const mig_value *v, mig_str *out, const tok *t)
{
	return append_js_string(p, out, v, t, "as a computed property key");
}

/* *lhs + rhs with JavaScript semantics; takes rhs, replaces *lhs. */
static int add(parser *p, mig_value **lhs, mig_value *rhs, const tok *op)
{
	mig_value *l = *lhs;
	bool lstr = l->type == MIG_V_STRING || l->type == MIG_V_LITERAL;
	bool rstr = rhs->type == MIG_V_STRING || rhs->type == MIG_V_LITERAL;
	int rc = 0;
	mig_value *res = NULL;
	if (lstr || rstr) {
		mig_str s = MIG_STR_INIT;
		rc = append_js_string(p, &s, l, op, "in a string concatenation");
		if (!rc)
			rc = append_js_string(p, &s, rhs, op, "in a string concatenation");
		if (!rc && mig_str_failed(&s))
			rc = mig_error_set(MIG_ENOMEM, "out of memory");
		if (!rc) {
			res = vtext(p, MIG_V_STRING, mig_str_cstr(&s), s.len, op);
			if (!res)
				rc = last_code();
		}
		mig_str_free(&s);
	} else {
		double a, b;
		if (!to_number(l, &a) || !to_number(rhs, &b)) {
			rc = refuse(p, op, "`+` of %s (only strings and numbers are added)",
				    a_type(to_number(l, &a) ? rhs : l));
		} else {
			res = vnum(p, a + b, op);
			if (!res)
				rc = last_code();
		}
	}
	if (res) {
		res->line = l->line;
		res->column = l->column;
	}
	mig_value_free(rhs);
	if (rc) {
		mig_value_free(res);
		return rc;
	}
	mig_value_free(l);
	*lhs = res;
	return 0;
}

static const char *const proto_names[] = {
	"constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf",
	"propertyIsEnumerable", "toLocaleString", "__proto__", "__defineGetter__",
	"__defineSetter__", "__lookupGetter__", "__lookupSetter__", NULL};

/* v[key] where v is owned: replaced by the member. */
static int member(parser *p, mig_value **vp, const char *key, const tok *t)
{
	mig_value *v = *vp, *res = NULL;
	uint32_t idx;
	switch (v->type) {
	case MIG_V_OBJECT:
		for (size_t k = 0; k < v->n; k++) {
			if (strcmp(v->keys[k], key) == 0) {
				res = v->items[k];
				v->items[k] = NULL;
				break;
			}
		}
		if (!res) {
			for (size_t k = 0; proto_names[k]; k++)
				if (strcmp(key, proto_names[k]) == 0)
					return refuse(p, t, "`.%s` (an inherited Object property)", key);
			res = vnew(p, MIG_V_UNDEFINED, t);
		}
		break;
	case MIG_V_ARRAY:
		if (strcmp(key, "length") == 0) {
			res = vnum(p, (double)v->n, t);
		} else if (array_index(key, &idx)) {
			if (idx < v->n) {
				res = v->items[idx];
				v->items[idx] = NULL;
			} else {
				res = vnew(p, MIG_V_UNDEFINED, t);
			}
		} else {
			return refuse(p, t, "`.%s` of an array", key);
		}
		break;
	case MIG_V_STRING:
		if (strcmp(key, "length") == 0) {
			/* UTF-16 code units, as JavaScript counts */
			size_t units = 0;
			for (size_t k = 0; k < v->len; k++) {
				unsigned char c = (unsigned char)v->str[k];
				if ((c & 0xC0) != 0x80)
					units += c >= 0xF0 ? 2 : 1;
			}
			res = vnum(p, (double)units, t);
		} else {
			return refuse(p, t, "`.%s` of a string", key);
		}
		break;
	case MIG_V_NULL:
	case MIG_V_UNDEFINED:
		return err(p, t, "reading `.%s` of %s %s (a TypeError in Node.js too)", key,
			   mig_value_type_name(v), p->where);
	default:
		return refuse(p, t, "`.%s` of %s", key, a_type(v));
	}
	if (!res)
		return last_code();
	mig_value_free(v);
	*vp = res;
	return 0;
}

/* ---- scopes ------------------------------------------------------------ */

static void scope_free(scope *s)
{
	for (size_t k = 0; k < s->n; k++)
		mig_value_free(s->v[k].val);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static binding *scope_find(const parser *p, const scope *s, const tok *name)
{
	for (size_t k = s->n; k-- > 0;)
		if (same_name(p, tk_at(p, s->v[k].tok), name))
			return &s->v[k];
	return NULL;
}

static binding *lookup(const parser *p, const tok *name)
{
	binding *b = NULL;
	if (p->in_fn)
		b = scope_find(p, &p->loc, name);
	if (!b)
		b = scope_find(p, &p->mod, name);
	return b;
}

/* Declare a name in s; takes val. */
static int declare(parser *p, scope *s, size_t name, enum bkind kind, mig_value *val, size_t fn,
		   bool hoisted)
{
	const tok *t = tk_at(p, name);
	if (scope_find(p, s, t)) {
		mig_value_free(val);
		return err(p, t, "`%.*s` is declared twice %s", (int)t->len, p->src + t->off, p->where);
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		binding *v = realloc(s->v, cap * sizeof(*v));
		if (!v) {
			mig_value_free(val);
			return mig_error_set(MIG_ENOMEM, "out of memory");
		}
		s->v = v;
		s->cap = cap;
	}
	binding *b = &s->v[s->n++];
	b->tok = name;
	b->kind = kind;
	b->val = val;
	b->fn = fn;
	b->hoisted = hoisted;
	return 0;
}

static int add_fn(parser *p, const jsfn *f, size_t *idx)
{
	if (p->nfns == p->capfns) {
		size_t cap = p->capfns ? p->capfns * 2 : 8;
		jsfn *v = realloc(p->fns, cap * sizeof(*v));
		if (!v)
			return mig_error_set(MIG_ENOMEM, "out of memory");
		p->fns = v;
		p->capfns = cap;
	}
	p->fns[p->nfns] = *f;
	*idx = p->nfns++;
	return 0;
}

/* ---- export slots ------------------------------------------------------ */

static void slot_clear(slot *s)
{
	mig_value_free(s->val);
	memset(s, 0, sizeof(*s));
}

static int slot_index(const char *name, size_t len)
{
	for (int k = 0; k < NSLOTS; k++)
		if (strlen(slot_names[k]) == len && memcmp(slot_names[k], name, len) == 0)
			return k;
	return -1;
}

/* A slot holding value v (taken). */
static void slot_from_value(slot *s, mig_value *v, size_t t)
{
	memset(s, 0, sizeof(*s));
	s->tok = t;
	if (v->type == MIG_V_UNDEFINED) {
		s->kind = SLOT_UNDEFINED;
		mig_value_free(v);
	} else if (v->type == MIG_V_BOOL && !v->b) {
		s->kind = SLOT_FALSE;
		mig_value_free(v);
	} else {
		s->kind = SLOT_OTHER;
		s->val = v;
	}
}

static int slot_copy(parser *p, slot *dst, const slot *src, const tok *t)
{
	*dst = *src;
	dst->val = NULL;
	if (src->val) {
		dst->val = vclone(p, src->val, 0, t);
		if (!dst->val)
			return last_code();
	}
	return 0;
}

/* The slots of an exported object value (module.exports = obj). */
static int slots_from_object(parser *p, slot out[NSLOTS], const mig_value *obj, const tok *t)
{
	for (int k = 0; k < NSLOTS; k++) {
		slot_clear(&out[k]);
		const mig_value *v = mig_object_get(obj, slot_names[k]);
		if (!v)
			continue;
		mig_value *c = vclone(p, v, 0, t);
		if (!c)
			return last_code();
		slot_from_value(&out[k], c, tk_index(p, t));
	}
	return 0;
}

/* ---- TypeScript types (skipped) ----------------------------------------- */

static int skip_type(parser *p, int depth);

/* Jump past a bracketed group or a whole template literal. */
static int skip_group(parser *p)
{
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_TEMPLATE_HEAD) {
		while (tk_cur(p)->type == MIG_JS_TEMPLATE_HEAD || tk_cur(p)->type == MIG_JS_TEMPLATE_MIDDLE) {
			if (tk_cur(p)->match == MIG_JS_NO_MATCH)
				return unclosed(p, t);
			p->i = tk_cur(p)->match;
		}
		adv(p);
		return 0;
	}
	if (t->match == MIG_JS_NO_MATCH)
		return unclosed(p, t);
	p->i = t->match;
	adv(p);
	return 0;
}

static bool is_opener(const tok *t)
{
	return is_p(t, "(") || is_p(t, "[") || is_p(t, "{") || t->type == MIG_JS_TEMPLATE_HEAD;
}

/* <...> of generics: skipped by counting angle brackets. */
static int skip_angle(parser *p)
{
	const tok *open = tk_cur(p);
	long level = 0;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_end(t))
			return unclosed(p, open);
		if (is_p(t, "<") || is_p(t, "<<")) {
			level += is_p(t, "<") ? 1 : 2;
			adv(p);
		} else if (is_p(t, ">")) {
			adv(p);
			if (--level <= 0)
				return 0;
		} else if (is_p(t, ";") || is_p(t, ")") || is_p(t, "]") || is_p(t, "}")) {
			return unexpected(p, t, "`>`");
		} else if (is_opener(t)) {
			int rc = skip_group(p);
			if (rc)
				return rc;
		} else {
			adv(p);
		}
	}
}

static int skip_type_operand(parser *p, int depth)
{
	if (depth > MAX_DEPTH)
		return too_deep(p, tk_cur(p));
	int rc = 0;
	/* type operators */
	while ((is_id(p, tk_cur(p), "keyof") || is_id(p, tk_cur(p), "unique") ||
		is_id(p, tk_cur(p), "readonly") || is_id(p, tk_cur(p), "infer")) &&
	       (tk_peek(p, 1)->type == MIG_JS_IDENT || is_opener(tk_peek(p, 1))))
		adv(p);
	const tok *t = tk_cur(p);
	if (is_p(t, "(")) {
		if (t->match == MIG_JS_NO_MATCH)
			return unclosed(p, t);
		if (is_p(tk_at(p, t->match + 1), "=>")) { /* function type */
			p->i = t->match + 1;
			adv(p);
			return skip_type(p, depth + 1);
		}
		adv(p);
		if ((rc = skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = expect(p, ")", "`)`")) != 0)
			return rc;
	} else if (is_p(t, "<") || is_id(p, t, "new")) { /* generic function / constructor type */
		if (is_id(p, t, "new"))
			adv(p);
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		if (!is_p(tk_cur(p), "("))
			return unexpected(p, tk_cur(p), "`(`");
		if ((rc = skip_group(p)) != 0)
			return rc;
		if ((rc = expect(p, "=>", "`=>`")) != 0)
			return rc;
		return skip_type(p, depth + 1);
	} else if (is_p(t, "[") || is_p(t, "{") || t->type == MIG_JS_TEMPLATE_HEAD) {
		if ((rc = skip_group(p)) != 0)
			return rc;
	} else if (t->type == MIG_JS_STRING || t->type == MIG_JS_NUMBER || t->type == MIG_JS_TEMPLATE) {
		adv(p);
	} else if (is_p(t, "-") && tk_peek(p, 1)->type == MIG_JS_NUMBER) {
		adv(p);
		adv(p);
	} else if (t->type == MIG_JS_IDENT) {
		/* assertion signatures: `asserts x` / `asserts x is T` */
		if (is_id(p, t, "asserts") && tk_peek(p, 1)->type == MIG_JS_IDENT && !tk_peek(p, 1)->nl_before)
			adv(p);
		bool typeof_ = is_id(p, tk_cur(p), "typeof");
		if (typeof_)
			adv(p);
		if (is_id(p, tk_cur(p), "import") && is_p(tk_peek(p, 1), "(")) {
			adv(p);
			if ((rc = skip_group(p)) != 0)
				return rc;
		} else if (tk_cur(p)->type == MIG_JS_IDENT) {
			adv(p);
		} else {
			return unexpected(p, tk_cur(p), "a type");
		}
		while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT) {
			adv(p);
			adv(p);
		}
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		/* type predicate: `x is T` */
		if (is_id(p, tk_cur(p), "is") && !tk_cur(p)->nl_before) {
			adv(p);
			return skip_type(p, depth + 1);
		}
	} else {
		return unexpected(p, t, "a type");
	}
	/* T[] and T[K] */
	while (is_p(tk_cur(p), "[") && !tk_cur(p)->nl_before) {
		if (is_p(tk_peek(p, 1), "]")) {
			adv(p);
			adv(p);
			continue;
		}
		adv(p);
		if ((rc = skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = expect(p, "]", "`]`")) != 0)
			return rc;
	}
	return 0;
}

static int skip_type(parser *p, int depth)
{
	if (depth > MAX_DEPTH)
		return too_deep(p, tk_cur(p));
	if (is_p(tk_cur(p), "|") || is_p(tk_cur(p), "&"))
		adv(p);
	int rc = skip_type_operand(p, depth + 1);
	while (rc == 0 && (is_p(tk_cur(p), "|") || is_p(tk_cur(p), "&"))) {
		adv(p);
		rc = skip_type_operand(p, depth + 1);
	}
	if (rc == 0 && is_id(p, tk_cur(p), "extends") && !tk_cur(p)->nl_before) {
		/* conditional type A extends B ? C : D */
		adv(p);
		if ((rc = skip_type_operand(p, depth + 1)) != 0)
			return rc;
		if ((rc = expect(p, "?", "`?`")) != 0)
			return rc;
		if ((rc = skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = expect(p, ":", "`:`")) != 0)
			return rc;
		rc = skip_type(p, depth + 1);
	}
	return rc;
}

static int add_type_name(parser *p, size_t name)
{
	if (p->ntypes == p->captypes) {
		size_t cap = p->captypes ? p->captypes * 2 : 8;
		size_t *v = realloc(p->types, cap * sizeof(*v));
		if (!v)
			return mig_error_set(MIG_ENOMEM, "out of memory");
		p->types = v;
		p->captypes = cap;
	}
	p->types[p->ntypes++] = name;
	return 0;
}

/* `type X<T> = ...;` */
static int skip_type_alias(parser *p)
{
	adv(p); /* type */
	if (add_type_name(p, p->i))
		return MIG_ENOMEM;
	adv(p); /* name */
	int rc = 0;
	if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
		return rc;
	if ((rc = expect(p, "=", "`=`")) != 0)
		return rc;
	if ((rc = skip_type(p, 0)) != 0)
		return rc;
	return semi(p);
}

/* `interface X<T> extends Y, Z { ... }` */
static int skip_interface(parser *p)
{
	adv(p); /* interface */
	if (add_type_name(p, p->i))
		return MIG_ENOMEM;
	adv(p); /* name */
	int rc = 0;
	if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
		return rc;
	if (is_id(p, tk_cur(p), "extends")) {
		do {
			adv(p);
			if ((rc = skip_type_operand(p, 0)) != 0)
				return rc;
		} while (is_p(tk_cur(p), ","));
	}
	if (!is_p(tk_cur(p), "{"))
		return unexpected(p, tk_cur(p), "`{`");
	return skip_group(p);
}

/* `declare ...`: TypeScript ambient declarations emit no code. */
static int skip_declare(parser *p)
{
	adv(p); /* declare */
	const tok *t = tk_cur(p);
	int rc = 0;
	if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var")) {
		do {
			adv(p);
			if (tk_cur(p)->type != MIG_JS_IDENT)
				return unexpected(p, tk_cur(p), "a name");
			adv(p);
			if (is_p(tk_cur(p), ":")) {
				adv(p);
				if ((rc = skip_type(p, 0)) != 0)
					return rc;
			}
		} while (is_p(tk_cur(p), ","));
		return semi(p);
	}
	if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function"))) {
		if (is_id(p, t, "async"))
			adv(p);
		adv(p);
		if (tk_cur(p)->type != MIG_JS_IDENT)
			return unexpected(p, tk_cur(p), "a function name");
		adv(p);
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		if (!is_p(tk_cur(p), "("))
			return unexpected(p, tk_cur(p), "`(`");
		if ((rc = skip_group(p)) != 0)
			return rc;
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = skip_type(p, 0)) != 0)
				return rc;
		}
		return semi(p);
	}
	if (is_id(p, t, "type") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return skip_type_alias(p);
	if (is_id(p, t, "interface") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return skip_interface(p);
	/* module 'x' {} / namespace N {} / global {} / class C ... {} / enum E {} */
	if (is_id(p, t, "module") || is_id(p, t, "namespace") || is_id(p, t, "global") ||
	    is_id(p, t, "class") || is_id(p, t, "abstract") || is_id(p, t, "enum") ||
	    (is_id(p, t, "const") && is_id(p, tk_peek(p, 1), "enum"))) {
		while (!is_p(tk_cur(p), "{")) {
			const tok *u = tk_cur(p);
			if (is_end(u) || is_p(u, ";") || is_p(u, "}") || is_p(u, "=") || is_opener(u))
				return unexpected(p, u, "`{`");
			adv(p);
		}
		return skip_group(p);
	}
	return unexpected(p, t, "a declaration after `declare`");
}

/* ---- functions (recorded, evaluated later) ------------------------------ */

/* After `( ... )` at j: `=>` or a return type annotation `:` makes it an
 * arrow function's parameter list. */
static bool paren_arrow(const parser *p, size_t j)
{
	const tok *t = tk_at(p, j);
	if (!is_p(t, "(") || t->match == MIG_JS_NO_MATCH)
		return false;
	const tok *u = tk_at(p, t->match + 1);
	return (is_p(u, "=>") && !u->nl_before) || is_p(u, ":");
}

/* Whether a function expression or arrow function starts at token j. */
static bool fn_starts(const parser *p, size_t j)
{
	const tok *t = tk_at(p, j);
	if (is_id(p, t, "function"))
		return true;
	if (is_id(p, t, "async")) {
		const tok *u = tk_at(p, j + 1);
		if (u->nl_before)
			return false;
		if (is_id(p, u, "function"))
			return true;
		if (u->type == MIG_JS_IDENT && is_p(tk_at(p, j + 2), "=>"))
			return true;
		return paren_arrow(p, j + 1);
	}
	if (t->type == MIG_JS_IDENT && is_p(tk_at(p, j + 1), "=>") && !tk_at(p, j + 1)->nl_before)
		return true;
	return paren_arrow(p, j);
}

static int parse_params(parser *p, jsfn *f)
{
	int rc = expect(p, "(", "`(`");
	while (rc == 0 && !is_p(tk_cur(p), ")")) {
		const tok *t = tk_cur(p);
		if (is_p(t, "..."))
			return refuse(p, t, "rest parameter");
		if (is_p(t, "{") || is_p(t, "["))
			return refuse(p, t, "destructured parameter");
		if (is_id(p, t, "this"))
			return refuse(p, t, "`this` parameter");
		if (t->type != MIG_JS_IDENT || is_reserved(p, t))
			return unexpected(p, t, "a parameter name");
		if (f->nparams == MAX_PARAMS)
			return refuse(p, t, "function with more than %d parameters", MAX_PARAMS);
		f->param[f->nparams++] = p->i;
		adv(p);
		if (is_p(tk_cur(p), "?"))
			adv(p);
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = skip_type(p, 0)) != 0)
				return rc;
		}
		if (is_p(tk_cur(p), "="))
			return refuse(p, tk_cur(p), "default parameter value");
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), ")"))
			return unexpected(p, tk_cur(p), "`,` or `)`");
	}
	if (rc == 0)
		rc = expect(p, ")", "`)`");
	return rc;
}

static int block_body(parser *p, jsfn *f)
{
	const tok *open = tk_cur(p);
	if (!is_p(open, "{"))
		return unexpected(p, open, "`{`");
	if (open->match == MIG_JS_NO_MATCH)
		return unclosed(p, open);
	f->body = p->i + 1;
	f->body_end = open->match;
	p->i = open->match;
	adv(p);
	return 0;
}

/* Find where an arrow function's expression body ends, without reading
 * it (it runs later): at `,` `;` or a closing bracket of the enclosing
 * group, or at a line break where JavaScript would end the statement. */
static int skip_expr(parser *p)
{
	size_t start = p->i;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_end(t))
			break;
		if (p->i > start && t->nl_before && ends_value(tk_at(p, p->i - 1)) && !continues(p, t))
			break;
		if (is_p(t, ";") || is_p(t, ",") || is_p(t, ")") || is_p(t, "]") || is_p(t, "}") ||
		    t->type == MIG_JS_TEMPLATE_MIDDLE || t->type == MIG_JS_TEMPLATE_TAIL)
			break;
		if (is_opener(t)) {
			int rc = skip_group(p);
			if (rc)
				return rc;
			continue;
		}
		adv(p);
	}
	if (p->i == start)
		return unexpected(p, tk_cur(p), "an expression");
	return 0;
}

/* A function expression, arrow function or declaration at the current
 * token: recorded in p->fns, body not read. */
static int parse_function(parser *p, size_t *out)
{
	jsfn f;
	memset(&f, 0, sizeof(f));
	f.start = p->i;
	int rc;
	if (is_id(p, tk_cur(p), "async"))
		adv(p);
	if (is_id(p, tk_cur(p), "function")) {
		adv(p);
		if (is_p(tk_cur(p), "*"))
			return refuse(p, tk_cur(p), "generator function");
		if (tk_cur(p)->type == MIG_JS_IDENT)
			adv(p);
		if (is_p(tk_cur(p), "<"))
			return refuse(p, tk_cur(p), "generic function");
		if ((rc = parse_params(p, &f)) != 0)
			return rc;
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = skip_type(p, 0)) != 0)
				return rc;
		}
		if ((rc = block_body(p, &f)) != 0)
			return rc;
	} else {
		if (tk_cur(p)->type == MIG_JS_IDENT) {
			f.param[f.nparams++] = p->i;
			adv(p);
		} else if ((rc = parse_params(p, &f)) != 0) {
			return rc;
		}
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = skip_type(p, 0)) != 0)
				return rc;
		}
		if ((rc = expect(p, "=>", "`=>`")) != 0)
			return rc;
		if (is_p(tk_cur(p), "{")) {
			if ((rc = block_body(p, &f)) != 0)
				return rc;
		} else {
			f.expr_body = true;
			f.body = p->i;
			if ((rc = skip_expr(p)) != 0)
				return rc;
			f.body_end = p->i;
		}
	}
	f.end = p->i;
	return add_fn(p, &f, out);
}

/* A method `up(pgm) {...}` / `async up(pgm) {...}` in an exported object;
 * the current token is `(`. */
static int parse_method(parser *p, size_t start, size_t *out)
{
	jsfn f;
	memset(&f, 0, sizeof(f));
	f.start = start;
	int rc = parse_params(p, &f);
	if (rc == 0 && is_p(tk_cur(p), ":")) {
		adv(p);
		rc = skip_type(p, 0);
	}
	if (rc == 0)
		rc = block_body(p, &f);
	if (rc)
		return rc;
	f.end = p->i;
	return add_fn(p, &f, out);
}

/* ---- expressions (evaluated to values) ---------------------------------- */

static int expr(parser *p, int depth, mig_value **out);
static int primary(parser *p, int depth, mig_value **out);

/* Source text from token a up to (not including) token b, for messages. */
static void span_text(const parser *p, size_t a, size_t b, mig_str *out)
{
	const tok *ta = tk_at(p, a), *tb = tk_at(p, b > a ? b - 1 : a);
	size_t end = tb->off + tb->len;
	put_clipped(out, p->src + ta->off, end > ta->off ? end - ta->off : 0, 60);
}

static int refuse_call(parser *p, size_t from, size_t paren)
{
	mig_str s = MIG_STR_INIT;
	span_text(p, from, paren, &s);
	int rc = refuse(p, tk_at(p, from), "call of `%s()`", mig_str_cstr(&s));
	mig_str_free(&s);
	return rc;
}

/* The single argument of pgm.func(...) / PgLiteral.create(...) / new
 * PgLiteral(...), at `(`: a MIG_V_LITERAL. */
static int literal_call(parser *p, int depth, const tok *at, const char *what, mig_value **out)
{
	int rc = expect(p, "(", "`(`");
	if (rc)
		return rc;
	if (is_p(tk_cur(p), ")"))
		return refuse(p, at, "%s without an argument", what);
	mig_value *v = NULL;
	if ((rc = expr(p, depth + 1, &v)) != 0)
		return rc;
	if (is_p(tk_cur(p), ","))
		adv(p);
	if ((rc = expect(p, ")", "`)`")) != 0) {
		mig_value_free(v);
		return rc;
	}
	mig_str s = MIG_STR_INIT;
	if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL || v->type == MIG_V_NUMBER)
		rc = append_js_string(p, &s, v, at, "");
	else
		rc = refuse(p, at, "%s with %s as argument (a string is expected)", what, a_type(v));
	mig_value_free(v);
	if (rc == 0 && mig_str_failed(&s))
		rc = mig_error_set(MIG_ENOMEM, "out of memory");
	if (rc == 0) {
		*out = vtext(p, MIG_V_LITERAL, mig_str_cstr(&s), s.len, at);
		if (!*out)
			rc = last_code();
	}
	mig_str_free(&s);
	return rc;
}

/* After a PgLiteral reference: `.create(x)`. */
static int pgliteral_member(parser *p, int depth, const tok *start, mig_value **out)
{
	if (is_p(tk_cur(p), ".") && is_id(p, tk_peek(p, 1), "create") && is_p(tk_peek(p, 2), "(")) {
		adv(p);
		adv(p);
		return literal_call(p, depth, start, "PgLiteral.create()", out);
	}
	return refuse(p, start, "use of PgLiteral other than `PgLiteral.create(...)` or `new PgLiteral(...)`");
}

/* `pgm` in a value: only pgm.func(...) is a value. */
static int builder_value(parser *p, int depth, mig_value **out)
{
	const tok *t = tk_cur(p);
	adv(p);
	const tok *name = tk_peek(p, 1);
	if (is_p(tk_cur(p), ".") && name->type == MIG_JS_IDENT) {
		if (is_id(p, name, "func") && is_p(tk_peek(p, 2), "(")) {
			adv(p);
			adv(p);
			return literal_call(p, depth, t, "pgm.func()", out);
		}
		if (is_id(p, name, "db")) {
			const tok *m = tk_peek(p, 3);
			if (is_p(tk_peek(p, 2), ".") && m->type == MIG_JS_IDENT)
				return refuse(p, t, "`pgm.db.%.*s()` (a live database query)", (int)m->len,
					      p->src + m->off);
			return refuse(p, t, "`pgm.db` (a live database query)");
		}
		if (is_p(tk_peek(p, 2), "("))
			return refuse(p, t, "`pgm.%.*s()` inside an expression (operations are statements, not values)",
				      (int)name->len, p->src + name->off);
	}
	return refuse(p, t, "the MigrationBuilder `%.*s` used as a value", (int)t->len, p->src + t->off);
}

static int ident_expr(parser *p, int depth, mig_value **out)
{
	const tok *t = tk_cur(p);
	size_t start = p->i;
	const char *name = p->src + t->off;
	int nlen = (int)t->len;
	if (is_id(p, t, "true") || is_id(p, t, "false")) {
		*out = vnew(p, MIG_V_BOOL, t);
		if (!*out)
			return last_code();
		(*out)->b = is_id(p, t, "true");
		adv(p);
		return 0;
	}
	if (is_id(p, t, "null")) {
		adv(p);
		return (*out = vnew(p, MIG_V_NULL, t)) ? 0 : last_code();
	}
	if (is_id(p, t, "this"))
		return refuse(p, t, "`this`");
	if (is_id(p, t, "super"))
		return refuse(p, t, "`super`");
	if (is_id(p, t, "function") || fn_starts(p, p->i))
		return refuse(p, t, "function expression inside a value");
	if (is_id(p, t, "class"))
		return refuse(p, t, "class expression");
	if (is_id(p, t, "import"))
		return refuse(p, t, "dynamic `import()`");
	if (is_reserved(p, t))
		return unexpected(p, t, "a value");
	binding *b = lookup(p, t);
	if (b) {
		switch (b->kind) {
		case B_VALUE: {
			/* Walk `.key` steps on the constant itself so that only
			 * the part used is copied. */
			const mig_value *v = b->val;
			adv(p);
			while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT &&
			       v->type == MIG_V_OBJECT) {
				const tok *k = tk_peek(p, 1);
				const mig_value *child = NULL;
				for (size_t j = 0; j < v->n; j++)
					if (strlen(v->keys[j]) == k->len &&
					    memcmp(v->keys[j], p->src + k->off, k->len) == 0)
						child = v->items[j];
				if (!child)
					break;
				v = child;
				adv(p);
				adv(p);
			}
			if (is_p(tk_cur(p), "("))
				return refuse_call(p, start, p->i);
			*out = vclone(p, v, depth, t);
			return *out ? 0 : last_code();
		}
		case B_FUNC:
			if (is_p(tk_peek(p, 1), "("))
				return refuse_call(p, start, p->i + 1);
			return refuse(p, t, "function `%.*s` used as a value", nlen, name);
		case B_BUILDER:
			return builder_value(p, depth, out);
		case B_RUN:
			return refuse(p, t, "`%.*s` (the run callback) inside an expression", nlen, name);
		case B_PGLITERAL:
			adv(p);
			return pgliteral_member(p, depth, t, out);
		case B_NS:
			adv(p);
			if (is_p(tk_cur(p), ".") && is_id(p, tk_peek(p, 1), "PgLiteral")) {
				adv(p);
				adv(p);
				return pgliteral_member(p, depth, t, out);
			}
			return refuse(p, t, "use of the node-pg-migrate module `%.*s` other than `%.*s.PgLiteral`",
				      nlen, name, nlen, name);
		case B_IMPORTED:
			return refuse(p, t, "`%.*s` from node-pg-migrate used as a value (only PgLiteral is read)",
				      nlen, name);
		}
	}
	if (is_id(p, t, "undefined") || is_id(p, t, "NaN") || is_id(p, t, "Infinity")) {
		*out = is_id(p, t, "undefined") ? vnew(p, MIG_V_UNDEFINED, t)
						: vnum(p, is_id(p, t, "NaN") ? NAN : INFINITY, t);
		adv(p);
		return *out ? 0 : last_code();
	}
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "("))
		return refuse(p, t, "`require()` inside an expression");
	/* an unknown name: describe the whole `a.b.c(` for the message */
	size_t j = p->i + 1;
	while (is_p(tk_at(p, j), ".") && tk_at(p, j + 1)->type == MIG_JS_IDENT)
		j += 2;
	if (is_p(tk_at(p, j), "("))
		return refuse_call(p, start, j);
	mig_str s = MIG_STR_INIT;
	if (is_template(tk_at(p, j))) {
		span_text(p, start, j, &s);
		int rc = refuse(p, t, "tagged template `%s`...`", mig_str_cstr(&s));
		mig_str_free(&s);
		return rc;
	}
	span_text(p, start, j, &s);
	int rc = refuse(p, t, "`%s` (not a constant defined in this file)", mig_str_cstr(&s));
	mig_str_free(&s);
	return rc;
}

static int array_literal(parser *p, int depth, mig_value **out)
{
	const tok *open = tk_cur(p);
	adv(p);
	mig_value *arr = vnew(p, MIG_V_ARRAY, open);
	if (!arr)
		return last_code();
	int rc = 0;
	while (rc == 0 && !is_p(tk_cur(p), "]")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, ",")) {
			rc = refuse(p, t, "array hole (an empty element between commas)");
			break;
		}
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = expr(p, depth + 1, &v)) != 0)
				break;
			if (v->type == MIG_V_ARRAY) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					rc = mig_array_push(arr, v->items[k]);
					v->items[k] = NULL;
				}
			} else if (v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED) {
				rc = err(p, t, "spread of %s %s (not iterable: a TypeError in Node.js too)",
					 mig_value_type_name(v), p->where);
			} else {
				rc = refuse(p, t, "spread of %s into an array", a_type(v));
			}
			mig_value_free(v);
		} else {
			if ((rc = expr(p, depth + 1, &v)) != 0)
				break;
			rc = mig_array_push(arr, v);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "]"))
			rc = unexpected(p, tk_cur(p), "`,` or `]`");
	}
	if (rc) {
		mig_value_free(arr);
		return rc;
	}
	adv(p);
	*out = arr;
	return 0;
}

/* A property name token (not computed) as text. */
static void key_text(parser *p, const tok *t, mig_str *out)
{
	if (t->type == MIG_JS_IDENT)
		mig_str_put(out, p->src + t->off, t->len);
	else if (t->type == MIG_JS_STRING)
		mig_str_put(out, t->str, t->slen);
	else if (t->type == MIG_JS_NUMBER)
		mig_number_to_js(out, t->num);
}

static bool key_start(const tok *t)
{
	return t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING || t->type == MIG_JS_NUMBER ||
	       is_p(t, "[");
}

/* Spread of v (taken) into obj. */
static int spread_into_object(parser *p, mig_value *obj, mig_value *v, const tok *t)
{
	int rc = 0;
	if (v->type == MIG_V_OBJECT) {
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			rc = obj_put(p, obj, v->keys[k], v->items[k], t);
			v->items[k] = NULL;
		}
	} else if (v->type == MIG_V_ARRAY) {
		for (size_t k = 0; k < v->n && rc == 0; k++) {
			char key[24];
			snprintf(key, sizeof(key), "%zu", k);
			rc = obj_put(p, obj, key, v->items[k], t);
			v->items[k] = NULL;
		}
	} else if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL) {
		rc = refuse(p, t, "spread of %s into an object", a_type(v));
	}
	/* null, undefined, numbers and booleans spread nothing */
	mig_value_free(v);
	return rc;
}

static int object_literal(parser *p, int depth, mig_value **out)
{
	const tok *open = tk_cur(p);
	adv(p);
	mig_value *obj = vnew(p, MIG_V_OBJECT, open);
	if (!obj)
		return last_code();
	int rc = 0;
	mig_str key = MIG_STR_INIT;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = expr(p, depth + 1, &v)) != 0)
				break;
			rc = spread_into_object(p, obj, v, t);
		} else {
			size_t keyidx = p->i;
			bool computed = false;
			mig_str_clear(&key);
			if ((is_id(p, t, "get") || is_id(p, t, "set") || is_id(p, t, "async")) &&
			    key_start(tk_peek(p, 1)) && !tk_peek(p, 1)->nl_before) {
				rc = refuse(p, t, "%s in an object literal",
					    is_id(p, t, "async") ? "method" : "getter or setter");
				break;
			}
			if (t->type == MIG_JS_NUMBER && t->bad) {
				rc = refuse(p, t, "%s", t->bad);
				break;
			}
			if (is_p(t, "[")) {
				adv(p);
				mig_value *k = NULL;
				if ((rc = expr(p, depth + 1, &k)) != 0)
					break;
				rc = property_key(p, k, &key, t);
				mig_value_free(k);
				if (rc == 0)
					rc = expect(p, "]", "`]`");
				if (rc)
					break;
				computed = true;
			} else if (t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING ||
				   t->type == MIG_JS_NUMBER) {
				key_text(p, t, &key);
				adv(p);
			} else if (t->type == MIG_JS_PRIVATE) {
				rc = refuse(p, t, "private name");
				break;
			} else {
				rc = unexpected(p, t, "a property name");
				break;
			}
			if (mig_str_failed(&key)) {
				rc = mig_error_set(MIG_ENOMEM, "out of memory");
				break;
			}
			const tok *after = tk_cur(p);
			if (is_p(after, ":")) {
				if (!computed && strcmp(mig_str_cstr(&key), "__proto__") == 0) {
					rc = refuse(p, t, "`__proto__:` in an object literal (it sets the prototype)");
					break;
				}
				adv(p);
				if ((rc = expr(p, depth + 1, &v)) != 0)
					break;
			} else if (is_p(after, "(") || is_p(after, "<")) {
				rc = refuse(p, t, "method in an object literal");
				break;
			} else if ((is_p(after, ",") || is_p(after, "}")) && !computed &&
				   t->type == MIG_JS_IDENT) {
				/* shorthand { name } */
				p->i = keyidx;
				if ((rc = primary(p, depth + 1, &v)) != 0)
					break;
			} else {
				rc = unexpected(p, after, "`:`");
				break;
			}
			rc = obj_put(p, obj, mig_str_cstr(&key), v, t);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			rc = unexpected(p, tk_cur(p), "`,` or `}`");
	}
	mig_str_free(&key);
	if (rc) {
		mig_value_free(obj);
		return rc;
	}
	adv(p);
	*out = obj;
	return 0;
}

static int template_literal(parser *p, int depth, mig_value **out)
{
	const tok *head = tk_cur(p);
	mig_str s = MIG_STR_INIT;
	mig_str_put(&s, head->str, head->slen);
	adv(p);
	int rc = 0;
	for (;;) {
		const tok *at = tk_cur(p);
		mig_value *v = NULL;
		if ((rc = expr(p, depth + 1, &v)) != 0)
			break;
		rc = append_js_string(p, &s, v, at, "in a template literal");
		mig_value_free(v);
		if (rc)
			break;
		const tok *t = tk_cur(p);
		if (t->type == MIG_JS_TEMPLATE_MIDDLE || t->type == MIG_JS_TEMPLATE_TAIL) {
			mig_str_put(&s, t->str, t->slen);
			adv(p);
			if (t->type == MIG_JS_TEMPLATE_TAIL)
				break;
			continue;
		}
		rc = unexpected(p, t, "`}` closing the template substitution");
		break;
	}
	if (rc == 0 && mig_str_failed(&s))
		rc = mig_error_set(MIG_ENOMEM, "out of memory");
	if (rc == 0) {
		*out = vtext(p, MIG_V_STRING, mig_str_cstr(&s), s.len, head);
		if (!*out)
			rc = last_code();
	}
	mig_str_free(&s);
	return rc;
}

static int primary(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return too_deep(p, tk_cur(p));
	const tok *t = tk_cur(p);
	int rc;
	switch (t->type) {
	case MIG_JS_STRING:
	case MIG_JS_TEMPLATE:
		*out = vtext(p, MIG_V_STRING, t->str, t->slen, t);
		adv(p);
		return *out ? 0 : last_code();
	case MIG_JS_TEMPLATE_HEAD:
		return template_literal(p, depth, out);
	case MIG_JS_NUMBER:
		if (t->bad)
			return refuse(p, t, "%s `%.*s`", t->bad, (int)t->len, p->src + t->off);
		*out = vnum(p, t->num, t);
		adv(p);
		return *out ? 0 : last_code();
	case MIG_JS_REGEX:
		return refuse(p, t, "regular expression literal");
	case MIG_JS_PRIVATE:
		return refuse(p, t, "private name");
	case MIG_JS_IDENT:
		return ident_expr(p, depth, out);
	case MIG_JS_PUNCT:
		if (is_p(t, "(")) {
			if (fn_starts(p, p->i))
				return refuse(p, t, "function expression inside a value");
			adv(p);
			if ((rc = expr(p, depth + 1, out)) != 0)
				return rc;
			if (is_p(tk_cur(p), ","))
				rc = refuse(p, tk_cur(p), "comma operator");
			else
				rc = expect(p, ")", "`)`");
			if (rc) {
				mig_value_free(*out);
				*out = NULL;
			}
			return rc;
		}
		if (is_p(t, "["))
			return array_literal(p, depth, out);
		if (is_p(t, "{"))
			return object_literal(p, depth, out);
		return unexpected(p, t, "a value");
	default:
		return unexpected(p, t, "a value");
	}
}

static int postfix(parser *p, int depth, mig_value **out)
{
	size_t start = p->i;
	mig_value *v = NULL;
	int rc = primary(p, depth, &v);
	mig_str key = MIG_STR_INIT;
	while (rc == 0) {
		const tok *t = tk_cur(p);
		if (is_p(t, ".")) {
			const tok *name = tk_peek(p, 1);
			if (name->type != MIG_JS_IDENT) {
				rc = name->type == MIG_JS_PRIVATE ? refuse(p, name, "private name")
								  : unexpected(p, name, "a property name");
				break;
			}
			if (is_p(tk_peek(p, 2), "(")) {
				rc = refuse_call(p, start, p->i + 2);
				break;
			}
			mig_str_clear(&key);
			mig_str_put(&key, p->src + name->off, name->len);
			adv(p);
			adv(p);
			rc = mig_str_failed(&key) ? mig_error_set(MIG_ENOMEM, "out of memory")
						  : member(p, &v, mig_str_cstr(&key), name);
		} else if (is_p(t, "[")) {
			adv(p);
			mig_value *k = NULL;
			if ((rc = expr(p, depth + 1, &k)) != 0)
				break;
			mig_str_clear(&key);
			rc = property_key(p, k, &key, t);
			mig_value_free(k);
			if (rc == 0)
				rc = expect(p, "]", "`]`");
			if (rc == 0 && is_p(tk_cur(p), "(")) {
				rc = refuse_call(p, start, p->i);
				break;
			}
			if (rc == 0)
				rc = mig_str_failed(&key) ? mig_error_set(MIG_ENOMEM, "out of memory")
							  : member(p, &v, mig_str_cstr(&key), t);
		} else if (is_p(t, "(")) {
			rc = refuse_call(p, start, p->i);
		} else if (is_template(t)) {
			rc = refuse(p, t, "tagged template");
		} else if (is_p(t, "?.")) {
			rc = refuse(p, t, "optional chaining `?.`");
		} else if (is_p(t, "!") && !t->nl_before) {
			adv(p); /* TypeScript non-null assertion */
		} else {
			break;
		}
	}
	mig_str_free(&key);
	if (rc) {
		mig_value_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

static int unary(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return too_deep(p, tk_cur(p));
	const tok *t = tk_cur(p);
	int rc;
	if (is_p(t, "-") || is_p(t, "+")) {
		adv(p);
		mig_value *v = NULL;
		if ((rc = unary(p, depth + 1, &v)) != 0)
			return rc;
		double d;
		if (!to_number(v, &d)) {
			rc = refuse(p, t, "unary `%s` on %s", t->punct, a_type(v));
			mig_value_free(v);
			return rc;
		}
		mig_value_free(v);
		*out = vnum(p, is_p(t, "-") ? -d : d, t);
		return *out ? 0 : last_code();
	}
	if (is_id(p, t, "void")) {
		adv(p);
		mig_value *v = NULL;
		if ((rc = unary(p, depth + 1, &v)) != 0)
			return rc;
		mig_value_free(v);
		*out = vnew(p, MIG_V_UNDEFINED, t);
		return *out ? 0 : last_code();
	}
	if (is_p(t, "!"))
		return refuse(p, t, "logical not `!`");
	if (is_p(t, "~"))
		return refuse(p, t, "bitwise operator `~`");
	if (is_p(t, "++") || is_p(t, "--"))
		return refuse(p, t, "`%s` operator", t->punct);
	if (is_p(t, "<"))
		return refuse(p, t, "TypeScript type assertion `<T>value` (write `value as T`)");
	if (is_p(t, "@"))
		return refuse(p, t, "decorator");
	if (is_id(p, t, "await") && p->in_fn && !tk_peek(p, 1)->nl_before) {
		/* awaiting a value that is not a promise gives the value */
		adv(p);
		return unary(p, depth + 1, out);
	}
	if (is_id(p, t, "typeof") || is_id(p, t, "delete") || is_id(p, t, "await") ||
	    is_id(p, t, "yield"))
		return refuse(p, t, "`%.*s` inside an expression", (int)t->len, p->src + t->off);
	if (is_id(p, t, "new")) {
		const tok *c = tk_peek(p, 1);
		binding *b = c->type == MIG_JS_IDENT ? lookup(p, c) : NULL;
		if (b && b->kind == B_PGLITERAL && is_p(tk_peek(p, 2), "(")) {
			adv(p);
			adv(p);
			return literal_call(p, depth, t, "new PgLiteral()", out);
		}
		if (b && b->kind == B_NS && is_p(tk_peek(p, 2), ".") && is_id(p, tk_peek(p, 3), "PgLiteral") &&
		    is_p(tk_peek(p, 4), "(")) {
			for (int k = 0; k < 4; k++)
				adv(p);
			return literal_call(p, depth, t, "new PgLiteral()", out);
		}
		return refuse(p, t, "`new` expression");
	}
	return postfix(p, depth, out);
}

static int expr(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	if (depth > MAX_DEPTH)
		return too_deep(p, tk_cur(p));
	mig_value *v = NULL;
	int rc = unary(p, depth, &v);
	while (rc == 0 && is_p(tk_cur(p), "+")) {
		const tok *op = tk_cur(p);
		adv(p);
		mig_value *r = NULL;
		if ((rc = unary(p, depth, &r)) != 0)
			break;
		rc = add(p, &v, r, op);
	}
	while (rc == 0 && (is_id(p, tk_cur(p), "as") || is_id(p, tk_cur(p), "satisfies")) &&
	       !tk_cur(p)->nl_before) {
		adv(p);
		rc = skip_type(p, depth + 1);
	}
	if (rc == 0)
		rc = refuse_operator(p, tk_cur(p));
	if (rc) {
		mig_value_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

/* ---- module level ------------------------------------------------------- */

static bool npm_module(const tok *s)
{
	static const char name[] = "node-pg-migrate";
	size_t k = sizeof(name) - 1;
	return s->type == MIG_JS_STRING && s->slen >= k && memcmp(s->str, name, k) == 0 &&
	       (s->slen == k || s->str[k] == '/');
}

/* Whether token j is where the expression after `=`/`:` ends. */
static bool rhs_ends(const parser *p, size_t j)
{
	const tok *t = tk_at(p, j);
	return is_end(t) || is_p(t, ";") || is_p(t, ",") || is_p(t, "}") || is_p(t, ")") ||
	       (t->nl_before && !continues(p, t));
}

/* Set an exported name (ESM export or exports.x) to s (taken). */
static void export_named(parser *p, int k, slot *s, bool via_exports)
{
	/* Once module.exports is replaced, `exports.x` and ESM exports write
	 * to an object nobody reads (Node.js and jiti behave so). */
	if (k < 0 || (p->replaced && via_exports)) {
		slot_clear(s);
		return;
	}
	slot_clear(&p->named[k]);
	p->named[k] = *s;
	memset(s, 0, sizeof(*s));
}

/* require('node-pg-migrate')[.PgLiteral]: the kind it binds. */
static int parse_require(parser *p, enum bkind *kind)
{
	const tok *t = tk_cur(p);
	adv(p);
	int rc = expect(p, "(", "`(`");
	if (rc)
		return rc;
	const tok *m = tk_cur(p);
	if (m->type != MIG_JS_STRING)
		return refuse(p, t, "`require()` of a computed module name");
	adv(p);
	if (is_p(tk_cur(p), ","))
		adv(p);
	if ((rc = expect(p, ")", "`)`")) != 0)
		return rc;
	if (!npm_module(m))
		return refuse(p, t, "require('%.*s')", (int)(m->slen > 80 ? 80 : m->slen), m->str);
	*kind = B_NS;
	while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT) {
		if (*kind != B_NS)
			return refuse(p, tk_peek(p, 1), "property of a node-pg-migrate export");
		*kind = is_id(p, tk_peek(p, 1), "PgLiteral") ? B_PGLITERAL : B_IMPORTED;
		adv(p);
		adv(p);
	}
	return 0;
}

/* const { PgLiteral, X: Y } = require('node-pg-migrate') (or = ns). */
static int parse_destructure(parser *p, scope *s)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return unclosed(p, open);
	const tok *eq = tk_at(p, open->match + 1);
	const tok *rhs = tk_at(p, open->match + 2);
	binding *nsb = rhs->type == MIG_JS_IDENT ? lookup(p, rhs) : NULL;
	bool ok = is_p(eq, "=") &&
		  ((is_id(p, rhs, "require") && is_p(tk_at(p, open->match + 3), "(")) ||
		   (nsb && nsb->kind == B_NS));
	if (!ok || p->in_fn)
		return refuse(p, open, "destructuring");
	size_t save = p->i;
	/* check the module first so that a foreign require is the error */
	p->i = open->match + 2;
	enum bkind kind = B_NS;
	int rc = 0;
	if (nsb)
		adv(p);
	else if ((rc = parse_require(p, &kind)) != 0)
		return rc;
	if (kind != B_NS)
		return refuse(p, open, "destructuring of a node-pg-migrate export");
	size_t end = p->i;
	p->i = save + 1;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *name = tk_cur(p), *local = name;
		if (name->type != MIG_JS_IDENT)
			return refuse(p, name, "destructuring pattern");
		adv(p);
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			local = tk_cur(p);
			if (local->type != MIG_JS_IDENT || is_reserved(p, local))
				return refuse(p, local, "destructuring pattern");
			adv(p);
		}
		if (is_p(tk_cur(p), "="))
			return refuse(p, tk_cur(p), "default value in destructuring");
		rc = declare(p, s, tk_index(p, local),
			     is_id(p, name, "PgLiteral") ? B_PGLITERAL : B_IMPORTED, NULL, 0, false);
		if (rc == 0 && is_p(tk_cur(p), ","))
			adv(p);
		else if (rc == 0 && !is_p(tk_cur(p), "}"))
			return unexpected(p, tk_cur(p), "`,` or `}`");
	}
	p->i = end;
	return rc;
}

/* exports.x / exports['x'] / module.exports.x / module.exports at j. */
enum target_kind { TGT_NONE, TGT_EXPORTS_PROP, TGT_MODULE_PROP, TGT_MODULE };

static enum target_kind export_target(const parser *p, size_t j, size_t *name, size_t *after)
{
	size_t k = j;
	bool module = false;
	if (is_id(p, tk_at(p, j), "module") && is_p(tk_at(p, j + 1), ".") &&
	    is_id(p, tk_at(p, j + 2), "exports")) {
		module = true;
		k = j + 2;
	} else if (!is_id(p, tk_at(p, j), "exports")) {
		return TGT_NONE;
	}
	if (is_p(tk_at(p, k + 1), ".") && tk_at(p, k + 2)->type == MIG_JS_IDENT) {
		*name = k + 2;
		*after = k + 3;
		return module ? TGT_MODULE_PROP : TGT_EXPORTS_PROP;
	}
	if (is_p(tk_at(p, k + 1), "[") && tk_at(p, k + 2)->type == MIG_JS_STRING && is_p(tk_at(p, k + 3), "]")) {
		*name = k + 2;
		*after = k + 4;
		return module ? TGT_MODULE_PROP : TGT_EXPORTS_PROP;
	}
	if (module) {
		*name = k;
		*after = k + 1;
		return TGT_MODULE;
	}
	return TGT_NONE;
}

static int target_slot(const parser *p, size_t name)
{
	const tok *t = tk_at(p, name);
	return t->type == MIG_JS_STRING ? slot_index(t->str, t->slen) : slot_index(p->src + t->off, t->len);
}

static int parse_export_chain(parser *p, slot *result);

/* `= initializer` of a declaration of `name`: binds it. */
static int parse_initializer(parser *p, scope *s, size_t name, bool exported)
{
	const tok *t = tk_cur(p);
	int k = exported ? slot_index(p->src + tk_at(p, name)->off, tk_at(p, name)->len) : -1;
	int rc;
	if (fn_starts(p, p->i)) {
		if (p->in_fn)
			return refuse(p, t, "nested function");
		size_t fn;
		if ((rc = parse_function(p, &fn)) != 0)
			return rc;
		if ((rc = declare(p, s, name, B_FUNC, NULL, fn, false)) != 0)
			return rc;
		if (k >= 0) {
			slot sl = {SLOT_FUNC, fn, false, NULL, name};
			export_named(p, k, &sl, true);
		}
		return 0;
	}
	size_t tn, ta;
	enum target_kind tk = export_target(p, p->i, &tn, &ta);
	if (!p->in_fn && (tk == TGT_EXPORTS_PROP || tk == TGT_MODULE_PROP) && is_p(tk_at(p, ta), "=")) {
		/* const x = exports.x = value (Babel's CommonJS output) */
		slot sl;
		if ((rc = parse_export_chain(p, &sl)) != 0)
			return rc;
		if (k >= 0) {
			slot c;
			if ((rc = slot_copy(p, &c, &sl, t)) != 0) {
				slot_clear(&sl);
				return rc;
			}
			export_named(p, k, &c, true);
		}
		if (sl.kind == SLOT_FUNC)
			return declare(p, s, name, B_FUNC, NULL, sl.fn, false);
		mig_value *v = sl.val;
		if (!v) {
			v = vnew(p, sl.kind == SLOT_FALSE ? MIG_V_BOOL : MIG_V_UNDEFINED, t);
			if (!v)
				return last_code();
		}
		return declare(p, s, name, B_VALUE, v, 0, false);
	}
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "(")) {
		if (p->in_fn)
			return refuse(p, t, "`require()` inside a function");
		enum bkind kind;
		if ((rc = parse_require(p, &kind)) != 0)
			return rc;
		if (k >= 0)
			return refuse(p, t, "exporting a module as `%s`", slot_names[k]);
		return declare(p, s, name, kind, NULL, 0, false);
	}
	mig_value *v = NULL;
	if ((rc = expr(p, 0, &v)) != 0)
		return rc;
	if (k >= 0) {
		mig_value *c = vclone(p, v, 0, t);
		if (!c) {
			mig_value_free(v);
			return last_code();
		}
		slot sl;
		slot_from_value(&sl, c, name);
		export_named(p, k, &sl, true);
	}
	return declare(p, s, name, B_VALUE, v, 0, false);
}

/* const/let/var declarations, at module level or in a function body. */
static int parse_decl(parser *p, bool exported)
{
	const tok *kw = tk_cur(p);
	bool is_const = is_id(p, kw, "const");
	scope *s = p->in_fn ? &p->loc : &p->mod;
	adv(p);
	if (is_id(p, tk_cur(p), "enum"))
		return refuse(p, tk_cur(p), "TypeScript `const enum`");
	int rc = 0;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_p(t, "{")) {
			if ((rc = parse_destructure(p, s)) != 0)
				return rc;
		} else if (is_p(t, "[")) {
			return refuse(p, t, "destructuring");
		} else {
			if (t->type != MIG_JS_IDENT || is_reserved(p, t))
				return unexpected(p, t, "a name");
			size_t name = p->i;
			adv(p);
			if (is_p(tk_cur(p), "!"))
				adv(p);
			if (is_p(tk_cur(p), ":")) {
				adv(p);
				if ((rc = skip_type(p, 0)) != 0)
					return rc;
			}
			if (is_p(tk_cur(p), "=")) {
				adv(p);
				if ((rc = parse_initializer(p, s, name, exported)) != 0)
					return rc;
			} else {
				if (is_const)
					return err(p, t, "syntax error %s: `const %.*s` without a value", p->where,
						   (int)t->len, p->src + t->off);
				mig_value *u = vnew(p, MIG_V_UNDEFINED, t);
				if (!u)
					return last_code();
				if (exported) {
					int k = slot_index(p->src + t->off, t->len);
					slot sl = {SLOT_UNDEFINED, 0, false, NULL, name};
					export_named(p, k, &sl, true);
				}
				if ((rc = declare(p, s, name, B_VALUE, u, 0, false)) != 0)
					return rc;
			}
		}
		if (!is_p(tk_cur(p), ","))
			break;
		adv(p);
	}
	return semi(p);
}

/* function declarations, already recorded by hoist_functions() when it
 * could. */
static int parse_function_decl(parser *p, bool exported)
{
	size_t start = p->i;
	size_t name = start + (is_id(p, tk_cur(p), "async") ? 2 : 1);
	const tok *nt = tk_at(p, name);
	if (nt->type != MIG_JS_IDENT || is_reserved(p, nt)) {
		if (is_p(nt, "*"))
			return refuse(p, nt, "generator function");
		return unexpected(p, nt, "a function name");
	}
	binding *b = scope_find(p, &p->mod, nt);
	size_t fn;
	int rc;
	if (b && b->kind == B_FUNC && b->hoisted && b->tok == name) {
		fn = b->fn;
		p->i = p->fns[fn].end;
	} else {
		if ((rc = parse_function(p, &fn)) != 0)
			return rc;
		if ((rc = declare(p, &p->mod, name, B_FUNC, NULL, fn, true)) != 0)
			return rc;
	}
	if (exported) {
		slot sl = {SLOT_FUNC, fn, false, NULL, name};
		export_named(p, slot_index(p->src + nt->off, nt->len), &sl, true);
	}
	return 0;
}

/* Function declarations are hoisted: `exports.up = up;` may come before
 * `function up(pgm) {...}` (TypeScript's CommonJS output does that).
 * Record every top-level declaration first; one that fails to parse is
 * left for the main pass to report in order. */
static void hoist_functions(parser *p)
{
	size_t j = 0;
	while (j + 1 < p->n) {
		const tok *t = tk_at(p, j);
		if (is_opener(t)) {
			size_t save = p->i;
			p->i = j;
			int rc = skip_group(p);
			j = p->i;
			p->i = save;
			if (rc) {
				mig_error_clear();
				return;
			}
			continue;
		}
		if (is_id(p, t, "function") && tk_at(p, j + 1)->type == MIG_JS_IDENT &&
		    !is_reserved(p, tk_at(p, j + 1))) {
			size_t k = j;
			if (k > 0 && is_id(p, tk_at(p, k - 1), "async") && !t->nl_before)
				k--;
			if (k > 0 && is_id(p, tk_at(p, k - 1), "export"))
				k--;
			const tok *prev = k > 0 ? tk_at(p, k - 1) : NULL;
			bool stmt_start = !prev || is_p(prev, ";") || is_p(prev, "}") ||
					  (tk_at(p, k)->nl_before && ends_value(prev) &&
					   !is_id(p, prev, "default") && !is_id(p, prev, "return"));
			if (stmt_start) {
				size_t save = p->i, fn;
				p->i = k;
				if (is_id(p, tk_cur(p), "export"))
					adv(p);
				int rc = parse_function(p, &fn);
				if (rc == 0)
					rc = declare(p, &p->mod, j + 1, B_FUNC, NULL, fn, true);
				if (rc) {
					mig_error_clear();
					p->i = save;
					j++;
					continue;
				}
				j = p->i;
				p->i = save;
				continue;
			}
		}
		j++;
	}
}

/* import ... from '...' */
static int parse_import(parser *p)
{
	const tok *kw = tk_cur(p);
	adv(p);
	bool type_only = false;
	const tok *t = tk_cur(p);
	if (is_id(p, t, "type") && !is_p(tk_peek(p, 1), ",") && !is_p(tk_peek(p, 1), "=") &&
	    !(is_id(p, tk_peek(p, 1), "from") && tk_peek(p, 2)->type == MIG_JS_STRING)) {
		type_only = true;
		adv(p);
	}
	t = tk_cur(p);
	if (t->type == MIG_JS_STRING) { /* import 'module'; */
		if (!npm_module(t))
			return refuse(p, kw, "import of '%.*s'", (int)(t->slen > 80 ? 80 : t->slen), t->str);
		adv(p);
		return semi(p);
	}
	/* the specifiers: first pass checks the shape and finds the module */
	size_t clause = p->i;
	bool all_types = true;
	int rc = 0;
	if (t->type == MIG_JS_IDENT && !is_id(p, t, "from") && is_p(tk_peek(p, 1), "="))
		return refuse(p, t, "TypeScript `import ... = require(...)`");
	if (t->type == MIG_JS_IDENT) {
		all_types = false;
		adv(p);
		if (is_p(tk_cur(p), ",")) {
			adv(p);
			if (!is_p(tk_cur(p), "*") && !is_p(tk_cur(p), "{"))
				return unexpected(p, tk_cur(p), "`*` or `{`");
		} else if (!is_id(p, tk_cur(p), "from")) {
			return unexpected(p, tk_cur(p), "`from`");
		}
	}
	if (is_p(tk_cur(p), "*")) {
		all_types = false;
		adv(p);
		if (!is_id(p, tk_cur(p), "as") || tk_peek(p, 1)->type != MIG_JS_IDENT)
			return unexpected(p, tk_cur(p), "`as` and a name");
		adv(p);
		adv(p);
	} else if (is_p(tk_cur(p), "{")) {
		adv(p);
		while (!is_p(tk_cur(p), "}")) {
			const tok *s = tk_cur(p);
			bool is_type = false;
			if (is_id(p, s, "type") && (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING) &&
			    !is_id(p, tk_peek(p, 1), "as")) {
				is_type = true;
				adv(p);
				s = tk_cur(p);
			}
			if (s->type != MIG_JS_IDENT && s->type != MIG_JS_STRING)
				return unexpected(p, s, "an imported name");
			adv(p);
			if (is_id(p, tk_cur(p), "as")) {
				adv(p);
				if (tk_cur(p)->type != MIG_JS_IDENT)
					return unexpected(p, tk_cur(p), "a name");
				adv(p);
			} else if (s->type == MIG_JS_STRING) {
				return unexpected(p, tk_cur(p), "`as`");
			}
			if (!is_type)
				all_types = false;
			if (is_p(tk_cur(p), ","))
				adv(p);
			else if (!is_p(tk_cur(p), "}"))
				return unexpected(p, tk_cur(p), "`,` or `}`");
		}
		adv(p);
	}
	if (!is_id(p, tk_cur(p), "from"))
		return unexpected(p, tk_cur(p), "`from`");
	adv(p);
	const tok *m = tk_cur(p);
	if (m->type != MIG_JS_STRING)
		return unexpected(p, m, "a module name");
	adv(p);
	if ((is_id(p, tk_cur(p), "with") || is_id(p, tk_cur(p), "assert")) && is_p(tk_peek(p, 1), "{") &&
	    !tk_cur(p)->nl_before) {
		adv(p);
		if ((rc = skip_group(p)) != 0)
			return rc;
	}
	bool npm = npm_module(m);
	if (!npm && !type_only && !all_types)
		return refuse(p, kw, "import of '%.*s'", (int)(m->slen > 80 ? 80 : m->slen), m->str);
	size_t end = p->i;
	/* second pass: bind the names */
	p->i = clause;
	t = tk_cur(p);
	if (t->type == MIG_JS_IDENT && !is_p(t, "{")) {
		if ((rc = declare(p, &p->mod, p->i, type_only || !npm ? B_IMPORTED : B_NS, NULL, 0, false)) != 0)
			return rc;
		adv(p);
		if (is_p(tk_cur(p), ","))
			adv(p);
	}
	if (is_p(tk_cur(p), "*")) {
		if ((rc = declare(p, &p->mod, p->i + 2, type_only || !npm ? B_IMPORTED : B_NS, NULL, 0, false)) != 0)
			return rc;
	} else if (is_p(tk_cur(p), "{")) {
		adv(p);
		while (!is_p(tk_cur(p), "}")) {
			bool is_type = type_only || !npm;
			if (is_id(p, tk_cur(p), "type") && !is_id(p, tk_peek(p, 1), "as") &&
			    (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING)) {
				is_type = true;
				adv(p);
			}
			const tok *name = tk_cur(p);
			size_t local = p->i;
			adv(p);
			if (is_id(p, tk_cur(p), "as")) {
				adv(p);
				local = p->i;
				adv(p);
			}
			bool pgl = !is_type && (name->type == MIG_JS_IDENT ? is_id(p, name, "PgLiteral")
									   : (name->slen == 9 && memcmp(name->str, "PgLiteral", 9) == 0));
			if ((rc = declare(p, &p->mod, local, pgl ? B_PGLITERAL : B_IMPORTED, NULL, 0, false)) != 0)
				return rc;
			if (is_p(tk_cur(p), ","))
				adv(p);
		}
	}
	p->i = end;
	return semi(p);
}

/* export { a, b as up } [from '...'] */
static int parse_export_clause(parser *p, bool type_only)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return unclosed(p, open);
	size_t close = open->match;
	const tok *from = tk_at(p, close + 1);
	bool reexport = is_id(p, from, "from");
	int rc = 0;
	adv(p);
	while (!is_p(tk_cur(p), "}")) {
		const tok *local = tk_cur(p), *exported;
		bool is_type = type_only;
		if (is_id(p, local, "type") && !is_id(p, tk_peek(p, 1), "as") &&
		    (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING)) {
			is_type = true;
			adv(p);
			local = tk_cur(p);
		}
		if (local->type != MIG_JS_IDENT && !(reexport && local->type == MIG_JS_STRING))
			return unexpected(p, local, "a name");
		adv(p);
		exported = local;
		if (is_id(p, tk_cur(p), "as")) {
			adv(p);
			exported = tk_cur(p);
			if (exported->type != MIG_JS_IDENT && exported->type != MIG_JS_STRING)
				return unexpected(p, exported, "a name");
			adv(p);
		}
		if (!is_type && reexport) {
			const tok *m = tk_at(p, close + 2);
			return refuse(p, open, "re-export from '%.*s'",
				      m->type == MIG_JS_STRING ? (int)(m->slen > 80 ? 80 : m->slen) : 0,
				      m->type == MIG_JS_STRING ? m->str : "");
		}
		if (!reexport && local->type == MIG_JS_IDENT) {
			/* every name is checked at the end; only values fill a slot */
			int k = -1;
			if (!is_type)
				k = exported->type == MIG_JS_STRING ? slot_index(exported->str, exported->slen)
								     : slot_index(p->src + exported->off, exported->len);
			if (p->ndefs == p->capdefs) {
				size_t cap = p->capdefs ? p->capdefs * 2 : 4;
				deferred *v = realloc(p->defs, cap * sizeof(*v));
				if (!v)
					return mig_error_set(MIG_ENOMEM, "out of memory");
				p->defs = v;
				p->capdefs = cap;
			}
			p->defs[p->ndefs].slot = k;
			p->defs[p->ndefs].tok = tk_index(p, local);
			p->ndefs++;
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			return unexpected(p, tk_cur(p), "`,` or `}`");
	}
	adv(p);
	if (reexport) {
		adv(p);
		if (tk_cur(p)->type != MIG_JS_STRING)
			return unexpected(p, tk_cur(p), "a module name");
		adv(p);
	}
	return rc ? rc : semi(p);
}

static int parse_slot_rhs(parser *p, slot *out);

/* The object of `module.exports = {...}` / `export default {...}`, whose
 * properties may be functions. */
static int parse_exports_object(parser *p, slot out[NSLOTS])
{
	int rc = 0;
	adv(p); /* { */
	mig_str key = MIG_STR_INIT;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *t = tk_cur(p);
		slot s;
		memset(&s, 0, sizeof(s));
		if (is_p(t, "...")) {
			rc = refuse(p, t, "spread in the exported object");
			break;
		}
		if ((is_id(p, t, "get") || is_id(p, t, "set")) && key_start(tk_peek(p, 1))) {
			rc = refuse(p, t, "getter or setter in the exported object");
			break;
		}
		size_t start = p->i;
		bool async_method = is_id(p, t, "async") && key_start(tk_peek(p, 1)) && !tk_peek(p, 1)->nl_before;
		if (async_method) {
			adv(p);
			t = tk_cur(p);
		}
		mig_str_clear(&key);
		bool computed = false;
		if (is_p(t, "[")) {
			adv(p);
			mig_value *k = NULL;
			if ((rc = expr(p, 1, &k)) != 0)
				break;
			rc = property_key(p, k, &key, t);
			mig_value_free(k);
			if (rc == 0)
				rc = expect(p, "]", "`]`");
			computed = true;
		} else if (t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING ||
			   (t->type == MIG_JS_NUMBER && !t->bad)) {
			key_text(p, t, &key);
			adv(p);
		} else {
			rc = unexpected(p, t, "a property name");
		}
		if (rc)
			break;
		if (mig_str_failed(&key)) {
			rc = mig_error_set(MIG_ENOMEM, "out of memory");
			break;
		}
		const tok *after = tk_cur(p);
		if (is_p(after, "(")) {
			size_t fn = 0; /* set by parse_method on success; gcc -O2 cannot tell */
			if ((rc = parse_method(p, start, &fn)) != 0)
				break;
			s.kind = SLOT_FUNC;
			s.fn = fn;
			s.tok = start;
		} else if (async_method) {
			rc = unexpected(p, after, "`(`");
		} else if (is_p(after, ":")) {
			adv(p);
			rc = parse_slot_rhs(p, &s);
		} else if ((is_p(after, ",") || is_p(after, "}")) && !computed && t->type == MIG_JS_IDENT) {
			p->i = tk_index(p, t);
			rc = parse_slot_rhs(p, &s);
		} else {
			rc = unexpected(p, after, "`:`");
		}
		if (rc) {
			slot_clear(&s);
			break;
		}
		int k = slot_index(key.ptr ? key.ptr : "", key.len);
		if (k >= 0) {
			slot_clear(&out[k]);
			out[k] = s;
		} else {
			slot_clear(&s);
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			rc = unexpected(p, tk_cur(p), "`,` or `}`");
	}
	mig_str_free(&key);
	if (rc)
		return rc;
	adv(p); /* } */
	while (rc == 0 && (is_id(p, tk_cur(p), "as") || is_id(p, tk_cur(p), "satisfies")) &&
	       !tk_cur(p)->nl_before) {
		adv(p);
		rc = skip_type(p, 0);
	}
	return rc;
}

/* The value assigned to an export: a function, false, undefined, another
 * export, or any constant value. */
static int parse_slot_rhs(parser *p, slot *out)
{
	memset(out, 0, sizeof(*out));
	size_t start = p->i;
	const tok *t = tk_cur(p);
	out->tok = start;
	int rc;
	if (fn_starts(p, p->i)) {
		size_t fn;
		if ((rc = parse_function(p, &fn)) != 0)
			return rc;
		out->kind = SLOT_FUNC;
		out->fn = fn;
		return 0;
	}
	if (t->type == MIG_JS_IDENT && rhs_ends(p, p->i + 1)) {
		binding *b = lookup(p, t);
		if (b && b->kind == B_FUNC) {
			adv(p);
			out->kind = SLOT_FUNC;
			out->fn = b->fn;
			return 0;
		}
	}
	size_t name, after;
	enum target_kind tk = export_target(p, p->i, &name, &after);
	if ((tk == TGT_EXPORTS_PROP || tk == TGT_MODULE_PROP) && rhs_ends(p, after)) {
		/* exports.down = exports.up: the same function */
		int k = target_slot(p, name);
		p->i = after;
		if (k >= 0)
			return slot_copy(p, out, &p->named[k], t);
		out->kind = SLOT_ABSENT;
		return 0;
	}
	if (tk == TGT_MODULE && rhs_ends(p, after))
		return refuse(p, t, "reading `module.exports`");
	mig_value *v = NULL;
	if ((rc = expr(p, 0, &v)) != 0)
		return rc;
	slot_from_value(out, v, start);
	return 0;
}

/* module.exports = ... : the new export object. */
static int parse_module_rhs(parser *p, slot out[NSLOTS])
{
	const tok *t = tk_cur(p);
	if (is_p(t, "{"))
		return parse_exports_object(p, out);
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "("))
		return refuse(p, t, "`module.exports = require(...)`");
	slot s;
	int rc = parse_slot_rhs(p, &s);
	if (rc)
		return rc;
	if (s.kind == SLOT_OTHER && s.val && s.val->type == MIG_V_OBJECT)
		rc = slots_from_object(p, out, s.val, t);
	/* anything else (a function, a number ...) exports no up/down */
	slot_clear(&s);
	return rc;
}

/* exports.a = [exports.b = ...] value; module.exports = {...};
 * With `result`, a copy of what was assigned is stored there too (for
 * `const x = exports.x = value`, as Babel writes). */
static int parse_export_chain(parser *p, slot *result)
{
	const tok *first = tk_cur(p);
	enum target_kind kinds[16];
	size_t names[16];
	size_t nt = 0, name, after;
	enum target_kind tk;
	while ((tk = export_target(p, p->i, &name, &after)) != TGT_NONE && is_p(tk_at(p, after), "=")) {
		if (nt == 16)
			return refuse(p, first, "chain of more than 16 assignments");
		kinds[nt] = tk;
		names[nt++] = name;
		p->i = after + 1;
	}
	if (nt == 0) {
		if (tk != TGT_NONE) {
			int rc = refuse_operator(p, tk_at(p, after));
			if (rc)
				return rc;
		}
		return refuse(p, first, "use of `%.*s` other than assigning an export", (int)first->len,
			      p->src + first->off);
	}
	int rc = 0;
	bool whole = false;
	for (size_t k = 0; k < nt; k++)
		if (kinds[k] == TGT_MODULE)
			whole = true;
	if (whole) {
		if (nt > 1 || result)
			return refuse(p, first, "chained assignment to `module.exports`");
		slot out[NSLOTS];
		memset(out, 0, sizeof(out));
		rc = parse_module_rhs(p, out);
		if (rc == 0) {
			for (int k = 0; k < NSLOTS; k++) {
				slot_clear(&p->named[k]);
				slot_clear(&p->deflt[k]);
				p->named[k] = out[k];
			}
			p->replaced = true;
		} else {
			for (int k = 0; k < NSLOTS; k++)
				slot_clear(&out[k]);
		}
		return rc;
	}
	slot s;
	if ((rc = parse_slot_rhs(p, &s)) != 0)
		return rc;
	for (size_t k = 0; k < nt && rc == 0; k++) {
		slot c;
		if ((rc = slot_copy(p, &c, &s, first)) != 0)
			break;
		export_named(p, target_slot(p, names[k]), &c, kinds[k] == TGT_EXPORTS_PROP);
	}
	if (rc == 0 && result) {
		*result = s;
		return 0;
	}
	slot_clear(&s);
	return rc;
}

static int parse_exports_stmt(parser *p)
{
	int rc = parse_export_chain(p, NULL);
	return rc ? rc : semi(p);
}

/* export default ... */
static int parse_export_default(parser *p)
{
	adv(p);
	const tok *t = tk_cur(p);
	slot out[NSLOTS];
	memset(out, 0, sizeof(out));
	int rc;
	bool decl = false;
	if (is_id(p, t, "class") || is_id(p, t, "abstract"))
		return refuse(p, t, "class declaration");
	if (is_p(t, "{")) {
		rc = parse_exports_object(p, out);
	} else if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function"))) {
		size_t fn;
		decl = true;
		rc = parse_function(p, &fn); /* a default function exports no up/down */
	} else {
		rc = parse_module_rhs(p, out);
	}
	if (rc == 0 && !p->replaced) {
		for (int k = 0; k < NSLOTS; k++) {
			slot_clear(&p->deflt[k]);
			p->deflt[k] = out[k];
			p->deflt[k].bound = true;
			memset(&out[k], 0, sizeof(out[k]));
		}
	}
	for (int k = 0; k < NSLOTS; k++)
		slot_clear(&out[k]);
	if (rc)
		return rc;
	return decl ? 0 : semi(p);
}

static int parse_export(parser *p)
{
	adv(p);
	const tok *t = tk_cur(p);
	if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var"))
		return parse_decl(p, true);
	if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function") &&
					 !tk_peek(p, 1)->nl_before))
		return parse_function_decl(p, true);
	if (is_id(p, t, "default"))
		return parse_export_default(p);
	if (is_p(t, "{"))
		return parse_export_clause(p, false);
	if (is_id(p, t, "type")) {
		if (is_p(tk_peek(p, 1), "{")) {
			adv(p);
			return parse_export_clause(p, true);
		}
		if (tk_peek(p, 1)->type == MIG_JS_IDENT)
			return skip_type_alias(p);
	}
	if (is_id(p, t, "interface") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return skip_interface(p);
	if (is_id(p, t, "declare") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return skip_declare(p);
	if (is_p(t, "*"))
		return refuse(p, t, "`export * from`");
	if (is_p(t, "="))
		return refuse(p, t, "TypeScript `export =`");
	if (is_id(p, t, "import"))
		return refuse(p, t, "TypeScript `export import`");
	int rc = refuse_statement_keyword(p, t);
	return rc ? rc : unexpected(p, t, "a declaration after `export`");
}

/* Object.defineProperty(exports, "__esModule", { value: true }); as
 * compilers emit it. */
static bool define_es_module(const parser *p)
{
	const tok *s = tk_peek(p, 6);
	return is_id(p, tk_cur(p), "Object") && is_p(tk_peek(p, 1), ".") &&
	       is_id(p, tk_peek(p, 2), "defineProperty") && is_p(tk_peek(p, 3), "(") &&
	       is_id(p, tk_peek(p, 4), "exports") && is_p(tk_peek(p, 5), ",") &&
	       s->type == MIG_JS_STRING && s->slen == 10 && memcmp(s->str, "__esModule", 10) == 0 &&
	       is_p(tk_peek(p, 7), ",");
}

/* An expression whose value is dropped; assignments are refused by name. */
static int plain_expression(parser *p)
{
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_IDENT && !is_reserved(p, t)) {
		const tok *op = tk_peek(p, 1);
		size_t ol = op->type == MIG_JS_PUNCT ? strlen(op->punct) : 0;
		bool compound = ol >= 2 && op->punct[ol - 1] == '=' && !is_p(op, "==") && !is_p(op, "===") &&
				!is_p(op, "!=") && !is_p(op, "!==") && !is_p(op, "<=");
		if (is_p(op, "=") || compound || ((is_p(op, "++") || is_p(op, "--")) && !op->nl_before))
			return refuse(p, t, "assignment to `%.*s`", (int)t->len, p->src + t->off);
	}
	mig_value *v = NULL;
	int rc = expr(p, 0, &v);
	mig_value_free(v);
	return rc;
}

static int expression_statement(parser *p)
{
	int rc = plain_expression(p);
	return rc ? rc : semi(p);
}

static int top_statement(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_ERROR)
		return err(p, t, "%s", "");
	if (t->type == MIG_JS_IDENT) {
		const tok *u = tk_peek(p, 1);
		if (is_id(p, t, "import")) {
			if (is_p(u, "("))
				return refuse(p, t, "dynamic `import()`");
			if (is_p(u, "."))
				return refuse(p, t, "`import.meta`");
			return parse_import(p);
		}
		if (is_id(p, t, "export"))
			return parse_export(p);
		if (is_id(p, t, "const") || is_id(p, t, "var") ||
		    (is_id(p, t, "let") && (u->type == MIG_JS_IDENT || is_p(u, "{") || is_p(u, "["))))
			return parse_decl(p, false);
		if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, u, "function") && !u->nl_before))
			return parse_function_decl(p, false);
		if (is_id(p, t, "type") && u->type == MIG_JS_IDENT && !u->nl_before)
			return skip_type_alias(p);
		if (is_id(p, t, "interface") && u->type == MIG_JS_IDENT && !u->nl_before)
			return skip_interface(p);
		if (is_id(p, t, "exports") || (is_id(p, t, "module") && is_p(u, ".")))
			return parse_exports_stmt(p);
		if (is_id(p, t, "declare") && u->type == MIG_JS_IDENT && !u->nl_before)
			return skip_declare(p);
		if (is_id(p, t, "require") && is_p(u, "(")) {
			enum bkind kind;
			int rc = parse_require(p, &kind);
			return rc ? rc : semi(p);
		}
		if (define_es_module(p)) {
			for (int k = 0; k < 8; k++)
				adv(p);
			mig_value *v = NULL;
			int rc = expr(p, 1, &v);
			mig_value_free(v);
			if (rc == 0 && is_p(tk_cur(p), ","))
				adv(p);
			if (rc == 0)
				rc = expect(p, ")", "`)`");
			return rc ? rc : semi(p);
		}
		if (is_id(p, t, "return"))
			return err(p, t, "syntax error: `return` outside a function");
		int rc = refuse_statement_keyword(p, t);
		if (rc)
			return rc;
	}
	if (is_p(t, "{"))
		return refuse(p, t, "block statement");
	if (is_p(t, "@"))
		return refuse(p, t, "decorator");
	return expression_statement(p);
}

/* ---- function bodies ---------------------------------------------------- */

/* pgm.<op>(args...): appends the operation. */
static int parse_args(parser *p, mig_value **out)
{
	const tok *open = tk_cur(p);
	mig_value *arr = vnew(p, MIG_V_ARRAY, open);
	if (!arr)
		return last_code();
	adv(p);
	int rc = 0;
	while (rc == 0 && !is_p(tk_cur(p), ")")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = expr(p, 1, &v)) != 0)
				break;
			if (v->type == MIG_V_ARRAY) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					rc = mig_array_push(arr, v->items[k]);
					v->items[k] = NULL;
				}
			} else {
				rc = refuse(p, t, "spread of %s in a call", a_type(v));
			}
			mig_value_free(v);
		} else {
			if ((rc = expr(p, 1, &v)) != 0)
				break;
			rc = mig_array_push(arr, v);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), ")"))
			rc = unexpected(p, tk_cur(p), "`,` or `)`");
	}
	if (rc) {
		mig_value_free(arr);
		return rc;
	}
	adv(p);
	*out = arr;
	return 0;
}

static int builder_call(parser *p)
{
	const tok *t = tk_cur(p);
	adv(p);
	if (is_p(tk_cur(p), "!") && !tk_cur(p)->nl_before)
		adv(p); /* TypeScript non-null assertion */
	if (!is_p(tk_cur(p), "."))
		return refuse(p, t, "the MigrationBuilder `%.*s` used other than to call an operation",
			      (int)t->len, p->src + t->off);
	adv(p);
	const tok *name = tk_cur(p);
	if (name->type != MIG_JS_IDENT)
		return unexpected(p, name, "an operation name");
	adv(p);
	char op[64];
	if (name->len >= sizeof(op))
		return err(p, name, "unknown operation `pgm.%.*s...()` %s: node-pg-migrate's MigrationBuilder has no such method",
			   20, p->src + name->off, p->where);
	memcpy(op, p->src + name->off, name->len);
	op[name->len] = '\0';
	if (strcmp(op, "db") == 0) {
		const tok *m = tk_peek(p, 1);
		if (is_p(tk_cur(p), ".") && m->type == MIG_JS_IDENT)
			return refuse(p, t, "`pgm.db.%.*s()` (a live database query)", (int)m->len, p->src + m->off);
		return refuse(p, t, "`pgm.db` (a live database query)");
	}
	if (!is_p(tk_cur(p), "("))
		return refuse(p, t, "`pgm.%s` without a call", op);
	int rc = 0;
	mig_value *args = NULL;
	if (strcmp(op, "noTransaction") == 0 || strcmp(op, "func") == 0) {
		/* func() alone is a no-op; noTransaction() marks the direction */
		if ((rc = parse_args(p, &args)) != 0)
			return rc;
		mig_value_free(args);
		if (op[0] == 'n' && !p->dead)
			*p->no_tx = true;
	} else {
		const char *canonical = mig_op_canonical_name(op);
		if (!canonical)
			return err(p, name, "unknown operation `pgm.%s()` %s: node-pg-migrate's MigrationBuilder has no such method",
				   op, p->where);
		if ((rc = parse_args(p, &args)) != 0)
			return rc;
		if (p->dead)
			mig_value_free(args);
		else if ((rc = mig_oplist_push(p->ops, canonical, args, t->line, t->col)) != 0)
			return rc;
	}
	const tok *after = tk_cur(p);
	if (is_p(after, ".") || is_p(after, "?.") || is_p(after, "[") || is_p(after, "(") || is_template(after))
		return refuse(p, after, "use of the result of `pgm.%s()`", op);
	return 0;
}

/* An expression statement in a body: [await] pgm.<op>(...), run(), or a
 * plain value (which does nothing). */
static int body_expr(parser *p)
{
	while (is_id(p, tk_cur(p), "await"))
		adv(p);
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_IDENT) {
		binding *b = lookup(p, t);
		if (b && b->kind == B_BUILDER)
			return builder_call(p);
		size_t bang = is_p(tk_peek(p, 1), "!") && !tk_peek(p, 1)->nl_before ? 1 : 0;
		if (b && b->kind == B_RUN && is_p(tk_peek(p, 1 + bang), "(")) {
			adv(p);
			if (bang)
				adv(p);
			adv(p);
			if (!is_p(tk_cur(p), ")"))
				return refuse(p, tk_cur(p), "`%.*s()` with an argument", (int)t->len, p->src + t->off);
			adv(p);
			if (!p->dead)
				p->run_called = true;
			return 0;
		}
		if (is_id(p, t, "exports") || is_id(p, t, "module"))
			return refuse(p, t, "use of `%.*s` inside a function", (int)t->len, p->src + t->off);
	}
	return plain_expression(p);
}

static int body_statement(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_ERROR)
		return err(p, t, "%s", "");
	if (is_p(t, "{"))
		return refuse(p, t, "block statement");
	if (t->type == MIG_JS_IDENT) {
		const tok *u = tk_peek(p, 1);
		if (is_id(p, t, "return")) {
			adv(p);
			int rc = 0;
			const tok *v = tk_cur(p);
			if (!(is_p(v, ";") || is_p(v, "}") || is_end(v) || v->nl_before))
				rc = body_expr(p);
			p->dead = true;
			return rc ? rc : semi(p);
		}
		if (is_id(p, t, "const") || is_id(p, t, "var") ||
		    (is_id(p, t, "let") && (u->type == MIG_JS_IDENT || is_p(u, "{") || is_p(u, "["))))
			return parse_decl(p, false);
		if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, u, "function") && !u->nl_before))
			return refuse(p, t, "nested function declaration");
		if (is_id(p, t, "import") || is_id(p, t, "export"))
			return unexpected(p, t, "a statement");
		int rc = refuse_statement_keyword(p, t);
		if (rc)
			return rc;
	}
	int rc = body_expr(p);
	return rc ? rc : semi(p);
}

/* Run function fi's body for one direction. */
static int run_function(parser *p, size_t fi, bool down, mig_oplist *ops, bool *no_tx)
{
	jsfn f = p->fns[fi];
	p->where = down ? "in down()" : "in up()";
	p->in_fn = true;
	p->ops = ops;
	p->no_tx = no_tx;
	p->dead = false;
	p->run_called = false;
	scope_free(&p->loc);
	int rc = 0;
	for (size_t k = 0; k < f.nparams && rc == 0; k++) {
		enum bkind kind = k == 0 ? B_BUILDER : (k == 1 && f.nparams == 2) ? B_RUN : B_VALUE;
		mig_value *u = NULL;
		if (kind == B_VALUE) {
			/* node-pg-migrate passes `run` only to two-parameter
			 * functions; other parameters are undefined. */
			u = vnew(p, MIG_V_UNDEFINED, tk_at(p, f.param[k]));
			if (!u)
				return last_code();
		}
		rc = declare(p, &p->loc, f.param[k], kind, u, 0, false);
	}
	p->i = f.body;
	if (rc == 0 && f.expr_body) {
		rc = body_expr(p);
		if (rc == 0 && p->i != f.body_end) {
			rc = refuse_operator(p, tk_cur(p));
			if (rc == 0)
				rc = unexpected(p, tk_cur(p), "the end of the arrow function");
		}
	} else {
		while (rc == 0 && p->i < f.body_end)
			rc = body_statement(p);
		if (rc == 0 && p->i != f.body_end)
			rc = unexpected(p, tk_cur(p), "`}`");
	}
	if (rc == 0 && f.nparams == 2 && !p->run_called) {
		/* node-pg-migrate hands two-parameter functions a callback
		 * and waits for it: without the call it never finishes. */
		const tok *t = tk_at(p, f.param[1]);
		rc = err(p, t,
			 "%s takes a second parameter `%.*s` but never calls it: node-pg-migrate passes a "
			 "callback to two-parameter functions and waits for `%.*s()`, so this migration would never finish",
			 down ? "down()" : "up()", (int)t->len, p->src + t->off, (int)t->len, p->src + t->off);
	}
	scope_free(&p->loc);
	p->in_fn = false;
	p->where = "at top level";
	return rc;
}

/* ---- the result --------------------------------------------------------- */

static const slot *effective(const parser *p, int k)
{
	return p->named[k].kind != SLOT_ABSENT ? &p->named[k] : &p->deflt[k];
}

static int finish(parser *p)
{
	mig_migration *m = p->m;
	int rc = 0;
	/* export { up }: live bindings, read now that the module has run */
	for (size_t k = 0; k < p->ndefs && rc == 0; k++) {
		const tok *t = tk_at(p, p->defs[k].tok);
		binding *b = scope_find(p, &p->mod, t);
		bool type = false;
		for (size_t j = 0; j < p->ntypes && !b; j++)
			type = type || same_name(p, tk_at(p, p->types[j]), t);
		if (!b && !type && !is_id(p, t, "undefined"))
			return err(p, t, "syntax error: exported name `%.*s` is not declared", (int)t->len,
				   p->src + t->off);
		if (p->defs[k].slot < 0 || p->replaced)
			continue;
		slot s;
		memset(&s, 0, sizeof(s));
		s.tok = p->defs[k].tok;
		if (!b) {
			if (type)
				return err(p, t, "`%.*s` is a type, exported as `%s`", (int)t->len, p->src + t->off,
					   slot_names[p->defs[k].slot]);
			s.kind = SLOT_UNDEFINED;
		} else if (b->kind == B_FUNC) {
			s.kind = SLOT_FUNC;
			s.fn = b->fn;
		} else if (b->kind == B_VALUE) {
			mig_value *c = vclone(p, b->val, 0, t);
			if (!c)
				return last_code();
			slot_from_value(&s, c, p->defs[k].tok);
		} else {
			return refuse(p, t, "exporting `%.*s` from node-pg-migrate", (int)t->len, p->src + t->off);
		}
		slot_clear(&p->named[p->defs[k].slot]);
		p->named[p->defs[k].slot] = s;
	}
	const slot *up = effective(p, SLOT_UP), *down = effective(p, SLOT_DOWN);
	const slot *sh = effective(p, SLOT_SHORTHANDS);
	m->up_kind = up->kind == SLOT_FUNC ? MIG_ACTION_FUNCTION
		     : up->kind == SLOT_FALSE ? MIG_ACTION_DISABLED
					     : MIG_ACTION_INVALID;
	switch (down->kind) {
	case SLOT_ABSENT:
	case SLOT_UNDEFINED:
		m->down_kind = MIG_ACTION_INFER;
		break;
	case SLOT_FALSE:
		m->down_kind = MIG_ACTION_DISABLED;
		break;
	case SLOT_FUNC:
		/* node-pg-migrate infers down when down === up */
		m->down_kind = up->kind == SLOT_FUNC && up->fn == down->fn && !up->bound && !down->bound
				       ? MIG_ACTION_INFER
				       : MIG_ACTION_FUNCTION;
		break;
	case SLOT_OTHER:
		m->down_kind = MIG_ACTION_INVALID;
		break;
	}
	if (sh->kind == SLOT_FUNC || sh->kind == SLOT_FALSE ||
	    (sh->kind == SLOT_OTHER && sh->val->type != MIG_V_OBJECT && sh->val->type != MIG_V_NULL)) {
		const tok *t = tk_at(p, sh->tok);
		return err(p, t, "the shorthands export must be an object of column definitions, not %s",
			   sh->kind == SLOT_FUNC ? "a function"
			   : sh->kind == SLOT_FALSE ? "false"
						    : a_type(sh->val));
	}
	if (sh->kind == SLOT_OTHER && sh->val->type == MIG_V_OBJECT) {
		slot *own = p->named[SLOT_SHORTHANDS].kind != SLOT_ABSENT ? &p->named[SLOT_SHORTHANDS]
									  : &p->deflt[SLOT_SHORTHANDS];
		m->shorthands = own->val;
		own->val = NULL;
	}
	if (m->up_kind == MIG_ACTION_FUNCTION)
		rc = run_function(p, up->fn, false, &m->up, &m->up_no_transaction);
	if (rc == 0 && m->down_kind == MIG_ACTION_FUNCTION)
		rc = run_function(p, down->fn, true, &m->down, &m->down_no_transaction);
	return rc;
}

int mig_load_js_text(mig_migration *m, const char *text, size_t len)
{
	mig_js_toks toks;
	int rc = mig_js_lex(text, len, &toks);
	if (rc)
		return rc;
	parser P;
	memset(&P, 0, sizeof(P));
	P.m = m;
	P.src = text;
	P.t = toks.v;
	P.n = toks.n;
	P.where = "at top level";
	m->source = MIG_SOURCE_JS;
	hoist_functions(&P);
	while (rc == 0 && tk_cur(&P)->type != MIG_JS_EOF)
		rc = top_statement(&P);
	if (rc == 0)
		rc = finish(&P);
	scope_free(&P.mod);
	scope_free(&P.loc);
	free(P.fns);
	free(P.defs);
	free(P.types);
	for (int k = 0; k < NSLOTS; k++) {
		slot_clear(&P.named[k]);
		slot_clear(&P.deflt[k]);
	}
	mig_js_toks_free(&toks);
	if (rc) {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
		mig_value_free(m->shorthands);
		m->shorthands = NULL;
		m->up_kind = MIG_ACTION_INVALID;
		m->down_kind = MIG_ACTION_INVALID;
		m->up_no_transaction = m->down_no_transaction = false;
	}
	return rc;
}
