/*
 * SQLite dialect: the portable subset of node-pg-migrate's operations,
 * written so that the same migration gives SQLite a schema that behaves
 * like the one PostgreSQL gets (docs/dialects.md has the full matrix).
 *
 * - Arguments are read through dialects/common.h exactly as the
 *   PostgreSQL dialect reads them: same shorthands, same generated index
 *   and constraint names, same decamelize, names cut at 63 bytes as
 *   PostgreSQL does, so that a later drop finds the object on every
 *   backend.
 * - Types map to the five canonical SQLite names (INTEGER, REAL, NUMERIC,
 *   TEXT, BLOB) so that affinity never surprises; what the declared type
 *   cannot say (enum values, json, varchar length) becomes a column-level
 *   CHECK named "type:<logical type>". Those checks carry the logical
 *   type in the live database, which is the only model this dialect has.
 * - Enum types live in a small table, _mig_enums, so later migrations
 *   (and later runs) know their values.
 * - SQLite's ALTER TABLE can add, rename and drop a column. Everything
 *   else goes through the documented 12-step rebuild
 *   (https://www.sqlite.org/lang_altertable.html#otheralter), driven by the
 *   table's current definition read from sqlite_master, so tables made by
 *   raw SQL rebuild too. The runner runs such operations in a transaction
 *   begun with MIG_TXN_RELAXED_FK (op_flags()).
 * - What SQLite cannot express is a MIG_ENOTSUPPORTED error naming the
 *   operation; options that are only hints are skipped with a notice.
 *
 * Errors are sticky in struct sq: the first one wins and the operation
 * adds no step at all.
 */
#include "dialects/catalog.h"
#include "dialects/common/lease.h"
#include "dialects/common/quote.h"
#include "dialects/common/sqltext.h"
#include "dialects/dialect.h"
#include "ir/analyze/args.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void quote_ident(mig_str *out, const char *ident)
{
	mig_quote_ansi_ident(out, ident);
}

static void quote_literal(mig_str *out, const char *text)
{
	mig_quote_ansi_literal(out, text);
}

/* SQLite has one schema per database file ("main"); PostgreSQL's default
 * "public" maps onto it, any other schema is refused. */
static int check_schema(const char *schema)
{
	if (schema && strcmp(schema, "public") != 0 && strcmp(schema, "main") != 0)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "SQLite has no schemas: the migrations table cannot live in schema \"%s\" (drop --schema/--migrations-schema for SQLite)",
				     schema);
	return 0;
}

static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ");
		quote_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		/* AUTOINCREMENT: ids never go back, so (run_on, id) keeps
		 * ordering runs even after rollbacks. Millisecond run_on text
		 * sorts as time. */
		mig_str_puts(out, "CREATE TABLE ");
		quote_ident(out, names->table);
		mig_str_puts(out, " (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");
		break;
	case MIG_STATE_PK_CHECK:
	case MIG_STATE_PK_FIX:
	case MIG_STATE_CREATE_SCHEMA:
		break; /* a rowid table always has its key; no schemas */
	case MIG_STATE_SELECT:
		mig_str_puts(out, "SELECT name, run_on FROM ");
		quote_ident(out, names->table);
		mig_str_puts(out, " ORDER BY run_on, id");
		break;
	case MIG_STATE_INSERT:
		mig_str_puts(out, "INSERT INTO ");
		quote_ident(out, names->table);
		mig_str_puts(out, " (name, run_on) VALUES (");
		quote_literal(out, migration_name);
		mig_str_puts(out, ", strftime('%Y-%m-%d %H:%M:%f', 'now'));");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		quote_ident(out, names->table);
		mig_str_puts(out, " WHERE name=");
		quote_literal(out, migration_name);
		mig_str_putc(out, ';');
		break;
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}

/* The lease lock's table, <migrations table>_lock. */
static int lock_sql(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
		    mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT;
	mig_str_printf(&t, "%s_lock", names->table);
	quote_ident(&table, mig_str_cstr(&t));
	mig_lease_sql l = {.table = mig_str_cstr(&table), .now = "CAST(strftime('%s', 'now') AS INTEGER)",
			   .literal = mig_quote_ansi_literal};
	rc = mig_str_failed(&table) ? mig_error_oom() : mig_lease_statement(&l, which, owner, seconds, out);
	mig_str_free(&table);
	mig_str_free(&t);
	return rc;
}

static int session_sql(const mig_session_opts *opts, mig_strv *stmts)
{
	(void)stmts;
	for (size_t i = 0; i < opts->nschemas; i++) {
		int rc = check_schema(opts->schemas[i]);
		if (rc)
			return rc;
	}
	return 0;
}

/* ====================================================================== */
/* Emission state and small helpers                                        */
/* ====================================================================== */

/* PostgreSQL cuts identifiers at NAMEDATALEN - 1 bytes; doing the same
 * keeps names (and so later drops) identical on both backends. */
#define PG_NAME_MAX 63

/* The table that remembers enum types and their values. */
#define ENUM_TABLE "_mig_enums"
/* Prefix of the CHECK constraints that stand for a column's type. */
#define TYPE_CHECK_PREFIX "type:"
/* Temporary name of the new table during a rebuild. */
#define REBUILD_PREFIX "_mig_new_"

typedef struct sq {
	const mig_emit_ctx *ctx;
	const mig_op *op;
	mig_strv *steps;
	int rc; /* first error, sticky */
} sq;

static void failv(sq *p, int code, const char *fmt, va_list ap)
{
	if (p->rc)
		return;
	mig_str s = MIG_STR_INIT;
	mig_str_vprintf(&s, fmt, ap);
	p->rc = mig_str_failed(&s) ? mig_error_oom()
				   : mig_error_set(code, "%s", mig_str_cstr(&s));
	mig_str_free(&s);
}

static void fail(sq *p, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(sq *p, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	failv(p, code, fmt, ap);
	va_end(ap);
}

/* "<op> is not supported on SQLite: <why>" */
static void unsupported(sq *p, const char *why)
{
	fail(p, MIG_ENOTSUPPORTED, "%s is not supported on SQLite: %s", p->op->name, why);
}

/* An option the dialect cannot honour: "<op> option <what> is not
 * supported on SQLite: <why>". */
static void unsupported_option(sq *p, const char *what, const char *why)
{
	fail(p, MIG_ENOTSUPPORTED, "%s option %s is not supported on SQLite: %s", p->op->name, what, why);
}

/* Record an error some helper already set. */
static void adopt(sq *p, int rc)
{
	if (rc && !p->rc)
		p->rc = rc;
}

static void oom(sq *p)
{
	adopt(p, mig_error_oom());
}

/* A notice for the user (never an error). */
static void notice(sq *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(sq *p, const char *fmt, ...)
{
	if (p->rc || !p->ctx->warn)
		return;
	mig_str s = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&s, fmt, ap);
	va_end(ap);
	if (!mig_str_failed(&s))
		p->ctx->warn(p->ctx->warn_ud, mig_str_cstr(&s));
	mig_str_free(&s);
}

static const mig_value *A(const sq *p, size_t i)
{
	return mig_op_arg(p->op, i);
}

/* The options argument i (see mig_op_options); NULL when undefined. */
static const mig_value *opts(sq *p, size_t i, bool required)
{
	const mig_value *o = NULL;
	if (!p->rc)
		adopt(p, mig_op_options(p->op, i, required, &o));
	return o;
}

static const mig_value *O(const mig_value *o, const char *key)
{
	return mig_opt(o, key);
}

static bool T(const mig_value *o, const char *key)
{
	return mig_opt_truthy(o, key);
}

static bool is_str(const mig_value *v)
{
	return v && v->type == MIG_V_STRING;
}

static bool is_null(const mig_value *v)
{
	return v && v->type == MIG_V_NULL;
}

static bool is_false(const mig_value *v)
{
	return v && v->type == MIG_V_BOOL && !v->b;
}

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* ASCII case-insensitive equality: SQLite's rule for identifiers. */
static bool ieq_n(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (lower_ascii((unsigned char)a[i]) != lower_ascii((unsigned char)b[i]))
			return false;
	return true;
}

static bool ieq(const char *a, const char *b)
{
	return ieq_n(a, strlen(a), b, strlen(b));
}

static bool istarts(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strlen(s) >= n && ieq_n(s, n, prefix, n);
}

/* Push a finished statement as one step (takes the buffer). */
static void step(sq *p, mig_str *s)
{
	if (p->rc || mig_str_failed(s)) {
		if (!p->rc)
			oom(p);
		mig_str_free(s);
		return;
	}
	adopt(p, mig_strv_push(p->steps, mig_str_detach(s)));
}

static void step_text(sq *p, const char *text)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, text);
	step(p, &s);
}

static char *dup_or_fail(sq *p, const char *s)
{
	char *d = mig_strdup(s);
	if (!d)
		oom(p);
	return d;
}

static char *detach_or_fail(sq *p, mig_str *s)
{
	if (mig_str_failed(s)) {
		mig_str_free(s);
		oom(p);
		return NULL;
	}
	char *d = mig_str_detach(s);
	if (!d)
		oom(p);
	return d;
}

static bool strv_has(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (ieq(v->v[i], s))
			return true;
	return false;
}

static void strv_add(sq *p, mig_strv *v, const char *s)
{
	if (!p->rc)
		adopt(p, mig_strv_pushdup(v, s));
}

/* ====================================================================== */
/* Names                                                                   */
/* ====================================================================== */

/* Cut s to PostgreSQL's 63 bytes without splitting a UTF-8 sequence. */
static size_t clip_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

/* An identifier as PostgreSQL ends up naming it: decamelized when asked,
 * cut at 63 bytes (PostgreSQL only says so in a NOTICE). Caller frees. */
static char *final_ident(sq *p, const char *s)
{
	if (p->rc)
		return NULL;
	mig_str d = MIG_STR_INIT;
	if (p->ctx->decamelize)
		mig_decamelize(&d, s);
	else
		mig_str_puts(&d, s);
	if (mig_str_failed(&d)) {
		mig_str_free(&d);
		oom(p);
		return NULL;
	}
	size_t k = clip_len(mig_str_cstr(&d), d.len, PG_NAME_MAX);
	if (k < d.len) {
		notice(p, "identifier \"%s\" will be truncated to \"%.*s\" (as PostgreSQL does)", mig_str_cstr(&d), (int)k,
		       mig_str_cstr(&d));
		mig_str_truncate(&d, k);
	}
	return detach_or_fail(p, &d);
}

/*
 * A Name argument (string or {schema, name}) as the final identifier.
 * SQLite has one schema: "public" (PostgreSQL's default) and "main" are
 * accepted, anything else is refused. pgm.func() names are raw
 * PostgreSQL SQL and cannot be read. Caller frees; NULL on error.
 */
static char *name_of(sq *p, const mig_value *v, const char *what)
{
	if (p->rc)
		return NULL;
	int rc = mig_name_check(v, p->op->name, what);
	if (rc) {
		adopt(p, rc);
		return NULL;
	}
	if (v->type == MIG_V_LITERAL) {
		fail(p, MIG_ENOTSUPPORTED, "%s: %s given as pgm.func('%s') is not supported on SQLite: give the name as a string",
		     p->op->name, what, v->str);
		return NULL;
	}
	if (v->type == MIG_V_OBJECT) {
		const mig_value *schema = mig_object_get(v, "schema");
		if (mig_value_truthy(schema) && strcmp(schema->str, "public") != 0 && strcmp(schema->str, "main") != 0) {
			fail(p, MIG_ENOTSUPPORTED,
			     "%s: schema \"%s\" is not supported on SQLite: SQLite has no schemas (only public/main)",
			     p->op->name, schema->str);
			return NULL;
		}
		return final_ident(p, mig_object_get(v, "name")->str);
	}
	return final_ident(p, v->str);
}

/* A generated or given constraint name: `given` when truthy (a Name),
 * else the generated text; both through decamelize and truncation, as
 * node-pg-migrate's literal(given || generated). Caller frees. */
static char *name_or(sq *p, const mig_value *given, const char *generated, const char *what)
{
	if (mig_value_truthy(given))
		return name_of(p, given, what);
	return final_ident(p, generated);
}

/*
 * PostgreSQL's makeObjectName(name1, name2, label): the name it gives an
 * unnamed constraint ("<table>_<col>_key", "<table>_pkey", ...), both
 * parts shortened alternately until the whole fits in 63 bytes.
 */
static void pg_object_name(mig_str *out, const char *name1, const char *name2, const char *label)
{
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	size_t overhead = strlen(label) + 1 + (name2 ? 1 : 0);
	size_t avail = PG_NAME_MAX - overhead;
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	mig_str_put(out, name1, clip_len(name1, strlen(name1), n1));
	if (name2) {
		mig_str_putc(out, '_');
		mig_str_put(out, name2, clip_len(name2, strlen(name2), n2));
	}
	mig_str_putc(out, '_');
	mig_str_puts(out, label);
}

static char *pg_name(sq *p, const char *table, const char *col, const char *label)
{
	mig_str s = MIG_STR_INIT;
	pg_object_name(&s, table, col, label);
	return detach_or_fail(p, &s);
}

/* ====================================================================== */
/* SQLite SQL tokens                                                       */
/* ====================================================================== */

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
} stoks;

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool word_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool word_char(unsigned char c)
{
	return word_start(c) || is_digit(c) || c == '$';
}

static size_t skip_quoted(const char *s, size_t n, size_t i, char q)
{
	for (i++; i < n; i++) {
		if (s[i] != q)
			continue;
		if (i + 1 < n && s[i + 1] == q) {
			i++;
			continue;
		}
		return i + 1;
	}
	return n;
}

static int lex(const char *src, stoks *out)
{
	memset(out, 0, sizeof(*out));
	out->src = src;
	size_t n = strlen(src), i = 0;
	for (;;) {
		while (i < n) {
			unsigned char c = (unsigned char)src[i];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
				i++;
			} else if (c == '-' && src[i + 1] == '-') {
				while (i < n && src[i] != '\n')
					i++;
			} else if (c == '/' && src[i + 1] == '*') {
				const char *e = strstr(src + i + 2, "*/");
				i = e ? (size_t)(e - src) + 2 : n;
			} else {
				break;
			}
		}
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 64;
			stok *v = mig__realloc(out->v, cap * sizeof(*v));
			if (!v)
				return mig_error_oom();
			out->v = v;
			out->cap = cap;
		}
		stok *t = &out->v[out->n++];
		t->off = i;
		if (i >= n) {
			t->type = TK_END;
			t->len = 0;
			return 0;
		}
		unsigned char c = (unsigned char)src[i];
		if (c == '\'') {
			t->type = TK_STRING;
			i = skip_quoted(src, n, i, '\'');
		} else if (c == '"' || c == '`') {
			t->type = TK_QUOTED;
			i = skip_quoted(src, n, i, (char)c);
		} else if (c == '[') {
			t->type = TK_QUOTED;
			while (i < n && src[i] != ']')
				i++;
			if (i < n)
				i++;
		} else if ((c == 'x' || c == 'X') && src[i + 1] == '\'') {
			t->type = TK_BLOB;
			i = skip_quoted(src, n, i + 1, '\'');
		} else if (is_digit(c) || (c == '.' && is_digit((unsigned char)src[i + 1]))) {
			t->type = TK_NUMBER;
			if (c == '0' && (src[i + 1] == 'x' || src[i + 1] == 'X')) {
				i += 2;
				while (i < n && word_char((unsigned char)src[i]))
					i++;
			} else {
				while (i < n && (is_digit((unsigned char)src[i]) || src[i] == '.'))
					i++;
				if (i < n && (src[i] == 'e' || src[i] == 'E')) {
					i++;
					if (i < n && (src[i] == '+' || src[i] == '-'))
						i++;
					while (i < n && is_digit((unsigned char)src[i]))
						i++;
				}
			}
		} else if (word_start(c)) {
			t->type = TK_WORD;
			while (i < n && word_char((unsigned char)src[i]))
				i++;
		} else if (c == '?' || c == ':' || c == '@' || c == '$') {
			t->type = TK_VAR;
			i++;
			while (i < n && word_char((unsigned char)src[i]))
				i++;
		} else {
			static const char *const multi[] = {"->>", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->"};
			t->type = TK_PUNCT;
			size_t len = 1;
			for (size_t k = 0; k < sizeof(multi) / sizeof(multi[0]); k++) {
				size_t m = strlen(multi[k]);
				if (strncmp(src + i, multi[k], m) == 0) {
					len = m;
					break;
				}
			}
			i += len;
		}
		t->len = i - t->off;
	}
}

static void toks_free(stoks *t)
{
	mig__free(t->v);
	memset(t, 0, sizeof(*t));
}

static const stok *tk(const stoks *t, size_t i)
{
	return &t->v[i < t->n ? i : t->n - 1];
}

static bool kw(const stoks *t, size_t i, const char *word)
{
	const stok *x = tk(t, i);
	return x->type == TK_WORD && ieq_n(t->src + x->off, x->len, word, strlen(word));
}

static bool punct(const stoks *t, size_t i, char c)
{
	const stok *x = tk(t, i);
	return x->type == TK_PUNCT && x->len == 1 && t->src[x->off] == c;
}

static bool is_name_tok(const stoks *t, size_t i)
{
	int ty = tk(t, i)->type;
	return ty == TK_WORD || ty == TK_QUOTED || ty == TK_STRING;
}

/* i at "(": the index after the matching ")" (or of TK_END). */
static size_t group_end(const stoks *t, size_t i)
{
	int depth = 0;
	for (; i < t->n && tk(t, i)->type != TK_END; i++) {
		if (punct(t, i, '('))
			depth++;
		else if (punct(t, i, ')') && --depth == 0)
			return i + 1;
	}
	return t->n - 1;
}

/* The name a token stands for: quotes removed and undoubled. */
static void tok_name(mig_str *out, const stoks *t, size_t i)
{
	const stok *x = tk(t, i);
	const char *s = t->src + x->off;
	if (x->type == TK_QUOTED || x->type == TK_STRING) {
		char q = s[0];
		if (q == '[') {
			mig_str_put(out, s + 1, x->len >= 2 ? x->len - 2 : 0);
			return;
		}
		for (size_t k = 1; k + 1 < x->len; k++) {
			mig_str_putc(out, s[k]);
			if (s[k] == q && s[k + 1] == q)
				k++;
		}
		return;
	}
	mig_str_put(out, s, x->len);
}

static bool tok_is_name(const stoks *t, size_t i, const char *name)
{
	if (!is_name_tok(t, i))
		return false;
	mig_str s = MIG_STR_INIT;
	tok_name(&s, t, i);
	bool r = !mig_str_failed(&s) && ieq(mig_str_cstr(&s), name);
	mig_str_free(&s);
	return r;
}

/* The source text of tokens [a, b). */
static void slice(mig_str *out, const stoks *t, size_t a, size_t b)
{
	if (b <= a)
		return;
	const stok *x = tk(t, a), *y = tk(t, b - 1);
	mig_str_put(out, t->src + x->off, y->off + y->len - x->off);
}

/* Whether tokens [a, b) name `name` as an identifier (not as a function
 * being called, not inside a string). */
static bool mentions(const stoks *t, size_t a, size_t b, const char *name)
{
	for (size_t i = a; i < b && i < t->n; i++) {
		int ty = tk(t, i)->type;
		if (ty != TK_WORD && ty != TK_QUOTED)
			continue;
		if (ty == TK_WORD && punct(t, i + 1, '('))
			continue;
		if (tok_is_name(t, i, name))
			return true;
	}
	return false;
}

static bool sql_mentions(const char *sql, const char *name)
{
	stoks t;
	if (lex(sql, &t)) {
		mig_error_clear();
		return true; /* be conservative */
	}
	bool r = mentions(&t, 0, t.n, name);
	toks_free(&t);
	return r;
}

/* ====================================================================== */
/* The table model: a CREATE TABLE split into its parts                    */
/* ====================================================================== */

enum seg_kind {
	SEG_PK,       /* PRIMARY KEY (column) / PRIMARY KEY (cols) (table) */
	SEG_NOTNULL,  /* NOT NULL */
	SEG_NULL,     /* NULL */
	SEG_UNIQUE,   /* UNIQUE / UNIQUE (cols) */
	SEG_CHECK,    /* CHECK (expr) */
	SEG_DEFAULT,  /* DEFAULT value */
	SEG_COLLATE,  /* COLLATE name */
	SEG_FK,       /* REFERENCES ... / FOREIGN KEY (cols) REFERENCES ... */
	SEG_GENERATED /* [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL] */
};

/* One constraint of a column or of the table. */
typedef struct seg {
	enum seg_kind kind;
	char *name; /* CONSTRAINT name (unquoted), or NULL */
	char *body; /* its SQL after the name: "NOT NULL", "CHECK (a > 0)" */
} seg;

typedef struct segv {
	seg *v;
	size_t n, cap;
} segv;

typedef struct tcol {
	char *name;
	char *type; /* declared type as written, "" for none */
	segv cons;
	/* Rebuild copy: the expression over the old table that fills this
	 * column, NULL for a column that is new (it gets its default). */
	char *src;
} tcol;

/* An index or trigger of the table, from sqlite_master. */
typedef struct tobj {
	char *type, *name, *sql;
	bool keep; /* recreate it after a rebuild */
} tobj;

typedef struct tmodel {
	char *name; /* as sqlite_master spells it */
	tcol *cols;
	size_t ncols, capcols;
	segv cons;     /* table constraints */
	char *options; /* after the closing parenthesis ("WITHOUT ROWID", ...) */
	tobj *objs;
	size_t nobjs;
} tmodel;

static void seg_free(seg *g)
{
	mig__free(g->name);
	mig__free(g->body);
}

static void segv_free(segv *v)
{
	for (size_t i = 0; i < v->n; i++)
		seg_free(&v->v[i]);
	mig__free(v->v);
	memset(v, 0, sizeof(*v));
}

static void segv_remove(segv *v, size_t i)
{
	seg_free(&v->v[i]);
	memmove(&v->v[i], &v->v[i + 1], (v->n - i - 1) * sizeof(*v->v));
	v->n--;
}

/* Append a constraint (takes name and body, also on failure). */
static void segv_push(sq *p, segv *v, enum seg_kind kind, char *name, char *body)
{
	if (p->rc || !body) {
		mig__free(name);
		mig__free(body);
		if (!p->rc)
			oom(p);
		return;
	}
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 4;
		seg *g = mig__realloc(v->v, cap * sizeof(*g));
		if (!g) {
			mig__free(name);
			mig__free(body);
			oom(p);
			return;
		}
		v->v = g;
		v->cap = cap;
	}
	v->v[v->n++] = (seg){kind, name, body};
}

static void segv_pushs(sq *p, segv *v, enum seg_kind kind, const char *name, const char *body)
{
	segv_push(p, v, kind, name ? dup_or_fail(p, name) : NULL, dup_or_fail(p, body));
}

static void tcol_free(tcol *c)
{
	mig__free(c->name);
	mig__free(c->type);
	mig__free(c->src);
	segv_free(&c->cons);
}

static void model_free(tmodel *m)
{
	mig__free(m->name);
	for (size_t i = 0; i < m->ncols; i++)
		tcol_free(&m->cols[i]);
	mig__free(m->cols);
	segv_free(&m->cons);
	mig__free(m->options);
	for (size_t i = 0; i < m->nobjs; i++) {
		mig__free(m->objs[i].type);
		mig__free(m->objs[i].name);
		mig__free(m->objs[i].sql);
	}
	mig__free(m->objs);
	memset(m, 0, sizeof(*m));
}

/* A new column at the end (takes name and type); NULL on failure. */
static tcol *model_add_col(sq *p, tmodel *m, char *name, char *type)
{
	if (p->rc || !name || !type) {
		mig__free(name);
		mig__free(type);
		if (!p->rc)
			oom(p);
		return NULL;
	}
	if (m->ncols == m->capcols) {
		size_t cap = m->capcols ? m->capcols * 2 : 8;
		tcol *c = mig__realloc(m->cols, cap * sizeof(*c));
		if (!c) {
			mig__free(name);
			mig__free(type);
			oom(p);
			return NULL;
		}
		m->cols = c;
		m->capcols = cap;
	}
	tcol *c = &m->cols[m->ncols++];
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->type = type;
	return c;
}

static tcol *model_col(const tmodel *m, const char *name)
{
	for (size_t i = 0; i < m->ncols; i++)
		if (ieq(m->cols[i].name, name))
			return &m->cols[i];
	return NULL;
}

static void model_remove_col(tmodel *m, tcol *c)
{
	size_t i = (size_t)(c - m->cols);
	tcol_free(c);
	memmove(&m->cols[i], &m->cols[i + 1], (m->ncols - i - 1) * sizeof(*m->cols));
	m->ncols--;
}

static const seg *col_seg(const tcol *c, enum seg_kind kind)
{
	for (size_t i = 0; i < c->cons.n; i++)
		if (c->cons.v[i].kind == kind)
			return &c->cons.v[i];
	return NULL;
}

static void col_drop_kind(tcol *c, enum seg_kind kind)
{
	for (size_t i = c->cons.n; i-- > 0;)
		if (c->cons.v[i].kind == kind)
			segv_remove(&c->cons, i);
}

static bool is_type_check(const seg *g)
{
	return g->kind == SEG_CHECK && g->name && strncmp(g->name, TYPE_CHECK_PREFIX, strlen(TYPE_CHECK_PREFIX)) == 0;
}

/* ---- parsing ----------------------------------------------------------- */

static bool column_starter(const stoks *t, size_t i)
{
	static const char *const words[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
					    "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (kw(t, i, words[k]))
			return true;
	return false;
}

static size_t skip_conflict(const stoks *t, size_t i)
{
	return kw(t, i, "ON") && kw(t, i + 1, "CONFLICT") ? i + 3 : i;
}

/* i after REFERENCES: the end of the foreign-key clause. */
static size_t fk_clause_end(const stoks *t, size_t i)
{
	i++; /* table */
	if (punct(t, i, '.'))
		i += 2;
	if (punct(t, i, '('))
		i = group_end(t, i);
	for (;;) {
		if (kw(t, i, "ON") && (kw(t, i + 1, "DELETE") || kw(t, i + 1, "UPDATE"))) {
			i += 2;
			if (kw(t, i, "SET") || kw(t, i, "NO"))
				i += 2;
			else
				i++;
		} else if (kw(t, i, "MATCH")) {
			i += 2;
		} else if (kw(t, i, "NOT") && kw(t, i + 1, "DEFERRABLE")) {
			i += 2;
		} else if (kw(t, i, "DEFERRABLE")) {
			i++;
		} else if (kw(t, i, "INITIALLY")) {
			i += 2;
		} else {
			return i;
		}
	}
}

/* i at the keyword of a column constraint: its kind and end (0 when the
 * text is not a constraint this parser knows). */
static size_t column_constraint_end(const stoks *t, size_t i, enum seg_kind *kind)
{
	if (kw(t, i, "PRIMARY") && kw(t, i + 1, "KEY")) {
		*kind = SEG_PK;
		i += 2;
		if (kw(t, i, "ASC") || kw(t, i, "DESC"))
			i++;
		i = skip_conflict(t, i);
		if (kw(t, i, "AUTOINCREMENT"))
			i++;
		return i;
	}
	if (kw(t, i, "NOT") && kw(t, i + 1, "NULL")) {
		*kind = SEG_NOTNULL;
		return skip_conflict(t, i + 2);
	}
	if (kw(t, i, "NULL")) {
		*kind = SEG_NULL;
		return skip_conflict(t, i + 1);
	}
	if (kw(t, i, "UNIQUE")) {
		*kind = SEG_UNIQUE;
		return skip_conflict(t, i + 1);
	}
	if (kw(t, i, "CHECK") && punct(t, i + 1, '(')) {
		*kind = SEG_CHECK;
		return group_end(t, i + 1);
	}
	if (kw(t, i, "DEFAULT")) {
		*kind = SEG_DEFAULT;
		i++;
		if (punct(t, i, '('))
			return group_end(t, i);
		if (punct(t, i, '+') || punct(t, i, '-'))
			i++;
		return tk(t, i)->type == TK_END ? 0 : i + 1;
	}
	if (kw(t, i, "COLLATE")) {
		*kind = SEG_COLLATE;
		return i + 2;
	}
	if (kw(t, i, "REFERENCES")) {
		*kind = SEG_FK;
		return fk_clause_end(t, i + 1);
	}
	if (kw(t, i, "GENERATED") && kw(t, i + 1, "ALWAYS"))
		i += 2;
	if (kw(t, i, "AS") && punct(t, i + 1, '(')) {
		*kind = SEG_GENERATED;
		i = group_end(t, i + 1);
		if (kw(t, i, "STORED") || kw(t, i, "VIRTUAL"))
			i++;
		return i;
	}
	return 0;
}

static char *tok_name_dup(sq *p, const stoks *t, size_t i)
{
	mig_str s = MIG_STR_INIT;
	tok_name(&s, t, i);
	return detach_or_fail(p, &s);
}

static char *slice_dup(sq *p, const stoks *t, size_t a, size_t b)
{
	mig_str s = MIG_STR_INIT;
	slice(&s, t, a, b);
	return detach_or_fail(p, &s);
}

/* One element of the column list: a column or a table constraint. */
static bool parse_element(sq *p, const stoks *t, size_t a, size_t b, tmodel *m)
{
	char *name = NULL;
	size_t i = a;
	if (kw(t, i, "CONSTRAINT") || kw(t, i, "PRIMARY") || kw(t, i, "UNIQUE") || kw(t, i, "CHECK") ||
	    kw(t, i, "FOREIGN")) {
		if (kw(t, i, "CONSTRAINT")) {
			name = tok_name_dup(p, t, i + 1);
			i += 2;
		}
		enum seg_kind kind;
		if (kw(t, i, "PRIMARY"))
			kind = SEG_PK;
		else if (kw(t, i, "UNIQUE"))
			kind = SEG_UNIQUE;
		else if (kw(t, i, "CHECK"))
			kind = SEG_CHECK;
		else if (kw(t, i, "FOREIGN"))
			kind = SEG_FK;
		else {
			mig__free(name);
			return false;
		}
		segv_push(p, &m->cons, kind, name, slice_dup(p, t, i, b));
		return !p->rc;
	}
	if (!is_name_tok(t, i))
		return false;
	tcol *c = model_add_col(p, m, tok_name_dup(p, t, i), dup_or_fail(p, ""));
	if (!c)
		return false;
	i++;
	size_t ts = i;
	while (i < b && !column_starter(t, i))
		i = punct(t, i, '(') ? group_end(t, i) : i + 1;
	mig__free(c->type);
	c->type = slice_dup(p, t, ts, i);
	while (i < b && !p->rc) {
		name = NULL;
		if (kw(t, i, "CONSTRAINT")) {
			name = tok_name_dup(p, t, i + 1);
			i += 2;
		}
		enum seg_kind kind;
		size_t e = column_constraint_end(t, i, &kind);
		if (e == 0 || e > b) {
			mig__free(name);
			return false;
		}
		segv_push(p, &c->cons, kind, name, slice_dup(p, t, i, e));
		i = e;
	}
	return !p->rc && c->type;
}

/* Split `CREATE TABLE name (...) options` into m. false when the text is
 * not a plain CREATE TABLE with a column list. */
static bool parse_create_table(sq *p, const char *sql, tmodel *m)
{
	stoks t;
	int rc = lex(sql, &t);
	if (rc) {
		adopt(p, rc);
		return false;
	}
	bool ok = false;
	size_t i = 0;
	if (!kw(&t, i++, "CREATE"))
		goto out;
	if (kw(&t, i, "TEMP") || kw(&t, i, "TEMPORARY"))
		i++;
	if (!kw(&t, i++, "TABLE"))
		goto out;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	if (!is_name_tok(&t, i))
		goto out;
	i++;
	if (punct(&t, i, '.'))
		i += 2;
	if (!punct(&t, i, '('))
		goto out;
	size_t close = group_end(&t, i) - 1;
	if (!punct(&t, close, ')'))
		goto out;
	size_t a = i + 1;
	for (size_t k = a; k <= close; k++) {
		if (k < close && punct(&t, k, '(')) {
			k = group_end(&t, k) - 1;
			continue;
		}
		if (k == close || punct(&t, k, ',')) {
			if (k == a || !parse_element(p, &t, a, k, m))
				goto out;
			a = k + 1;
		}
	}
	m->options = slice_dup(p, &t, close + 1, t.n - 1);
	ok = !p->rc;
out:
	toks_free(&t);
	return ok;
}

/* The columns of a table-level PRIMARY KEY / UNIQUE / FOREIGN KEY
 * (first parenthesised list), or of a column-level one (the column). */
static void seg_columns(sq *p, const seg *g, const tcol *owner, mig_strv *out)
{
	if (owner) {
		strv_add(p, out, owner->name);
		return;
	}
	stoks t;
	int rc = lex(g->body, &t);
	if (rc) {
		adopt(p, rc);
		return;
	}
	size_t i = 0;
	while (tk(&t, i)->type != TK_END && !punct(&t, i, '('))
		i++;
	if (punct(&t, i, '(')) {
		size_t e = group_end(&t, i) - 1;
		bool item_start = true;
		for (size_t k = i + 1; k < e; k++) {
			if (punct(&t, k, ',')) {
				item_start = true;
				continue;
			}
			if (item_start && is_name_tok(&t, k)) {
				char *n = tok_name_dup(p, &t, k);
				if (n && !p->rc)
					adopt(p, mig_strv_push(out, n));
				else
					mig__free(n);
			}
			item_start = false;
			if (punct(&t, k, '('))
				k = group_end(&t, k) - 1;
		}
	}
	toks_free(&t);
}

/* A foreign key's parent table and columns (empty = its primary key). */
static bool seg_fk_target(sq *p, const seg *g, mig_str *table, mig_strv *cols)
{
	stoks t;
	int rc = lex(g->body, &t);
	if (rc) {
		adopt(p, rc);
		return false;
	}
	size_t i = 0;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, "REFERENCES"))
		i++;
	bool ok = kw(&t, i, "REFERENCES") && is_name_tok(&t, i + 1);
	if (ok) {
		i++;
		if (punct(&t, i + 1, '.'))
			i += 2;
		tok_name(table, &t, i);
		i++;
		if (punct(&t, i, '(')) {
			size_t e = group_end(&t, i) - 1;
			for (size_t k = i + 1; k < e; k++)
				if (is_name_tok(&t, k)) {
					char *n = tok_name_dup(p, &t, k);
					if (n && !p->rc)
						adopt(p, mig_strv_push(cols, n));
					else
						mig__free(n);
				}
		}
	}
	toks_free(&t);
	return ok;
}

/* Whether a constraint involves column `col`: PK/UNIQUE/FK by their own
 * columns, CHECK and GENERATED by their expression. */
static bool seg_involves(sq *p, const seg *g, const tcol *owner, const char *col)
{
	if (owner && ieq(owner->name, col))
		return true;
	if (g->kind == SEG_CHECK || g->kind == SEG_GENERATED || g->kind == SEG_DEFAULT)
		return sql_mentions(g->body, col);
	if (owner)
		return false;
	mig_strv cols = MIG_STRV_INIT;
	seg_columns(p, g, NULL, &cols);
	bool r = strv_has(&cols, col);
	mig_strv_free(&cols);
	return r;
}

/* ---- rendering ------------------------------------------------------- */

static void put_seg(mig_str *s, const seg *g)
{
	if (g->name) {
		mig_str_puts(s, "CONSTRAINT ");
		quote_ident(s, g->name);
		mig_str_putc(s, ' ');
	}
	mig_str_puts(s, g->body);
}

static void put_column(mig_str *s, const tcol *c)
{
	quote_ident(s, c->name);
	if (c->type && *c->type) {
		mig_str_putc(s, ' ');
		mig_str_puts(s, c->type);
	}
	for (size_t k = 0; k < c->cons.n; k++) {
		mig_str_putc(s, ' ');
		put_seg(s, &c->cons.v[k]);
	}
}

/* CREATE TABLE text in node-pg-migrate's layout: one item per line. */
static void put_create(mig_str *s, const tmodel *m, const char *name, const char *lead)
{
	mig_str_puts(s, lead);
	quote_ident(s, name);
	mig_str_puts(s, " (\n");
	for (size_t i = 0; i < m->ncols; i++) {
		mig_str_puts(s, "  ");
		put_column(s, &m->cols[i]);
		if (i + 1 < m->ncols || m->cons.n)
			mig_str_putc(s, ',');
		mig_str_putc(s, '\n');
	}
	for (size_t i = 0; i < m->cons.n; i++) {
		mig_str_puts(s, "  ");
		put_seg(s, &m->cons.v[i]);
		if (i + 1 < m->cons.n)
			mig_str_putc(s, ',');
		mig_str_putc(s, '\n');
	}
	mig_str_putc(s, ')');
	if (m->options && *m->options) {
		mig_str_putc(s, ' ');
		mig_str_puts(s, m->options);
	}
	mig_str_putc(s, ';');
}

/* ====================================================================== */
/* The catalog: the live database                                          */
/* ====================================================================== */

static bool have_catalog(const sq *p)
{
	return p->ctx->catalog && p->ctx->catalog->query;
}

/* Run a catalog query (takes sql). NULL on error, which is recorded. */
static mig_rows *cat_query(sq *p, mig_str *sql)
{
	if (p->rc || mig_str_failed(sql)) {
		if (!p->rc)
			oom(p);
		mig_str_free(sql);
		return NULL;
	}
	if (!have_catalog(p)) {
		mig_str_free(sql);
		fail(p, MIG_ERROR,
		     "%s needs the database to see the tables as they are now on SQLite (no catalog given)",
		     p->op->name);
		return NULL;
	}
	mig_rows *rows = NULL;
	int rc = p->ctx->catalog->query(p->ctx->catalog->ud, mig_str_cstr(sql), &rows);
	mig_str_free(sql);
	if (rc) {
		adopt(p, rc);
		return NULL;
	}
	return rows;
}

static const char *cell(const mig_rows *r, size_t row, size_t col)
{
	const char *v = mig_rows_get(r, row, col);
	return v ? v : "";
}

/* The sqlite_master row of a table or view: type and name as stored.
 * false when there is none. */
static bool find_object(sq *p, const char *name, const char *types, mig_str *type, mig_str *stored, mig_str *sql)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE name = ");
	quote_literal(&q, name);
	mig_str_printf(&q, " COLLATE NOCASE AND type IN (%s)", types);
	mig_rows *r = cat_query(p, &q);
	bool found = r && r->nrows > 0;
	if (found) {
		if (type)
			mig_str_puts(type, cell(r, 0, 0));
		if (stored)
			mig_str_puts(stored, cell(r, 0, 1));
		if (sql)
			mig_str_puts(sql, cell(r, 0, 2));
	}
	mig_rows_free(r);
	return found;
}

static bool table_exists(sq *p, const char *name)
{
	return find_object(p, name, "'table'", NULL, NULL, NULL);
}

/* The columns of a table as SQLite reports them (name, type, notnull,
 * dflt_value, pk, hidden). */
static mig_rows *table_xinfo(sq *p, const char *table)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(");
	quote_literal(&q, table);
	mig_str_putc(&q, ')');
	return cat_query(p, &q);
}

/* A table whose text has no column list (CREATE TABLE ... AS SELECT) has
 * no constraints beyond what PRAGMA table_xinfo says. */
static void model_from_xinfo(sq *p, const mig_rows *x, tmodel *m)
{
	mig_strv pk = MIG_STRV_INIT;
	for (size_t i = 0; i < x->nrows && !p->rc; i++) {
		tcol *c = model_add_col(p, m, dup_or_fail(p, cell(x, i, 0)), dup_or_fail(p, cell(x, i, 1)));
		if (!c)
			break;
		if (strcmp(cell(x, i, 2), "1") == 0)
			segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
		if (mig_rows_get(x, i, 3)) {
			mig_str d = MIG_STR_INIT;
			/* dflt_value drops the parentheses of an expression */
			mig_str_printf(&d, "DEFAULT (%s)", cell(x, i, 3));
			segv_push(p, &c->cons, SEG_DEFAULT, NULL, detach_or_fail(p, &d));
		}
		if (strcmp(cell(x, i, 4), "0") != 0)
			strv_add(p, &pk, cell(x, i, 0));
	}
	if (pk.n == 1) {
		segv_pushs(p, &model_col(m, pk.v[0])->cons, SEG_PK, NULL, "PRIMARY KEY");
	} else if (pk.n > 1) {
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "PRIMARY KEY (");
		for (size_t i = 0; i < pk.n; i++) {
			if (i)
				mig_str_puts(&b, ", ");
			quote_ident(&b, pk.v[i]);
		}
		mig_str_putc(&b, ')');
		segv_push(p, &m->cons, SEG_PK, NULL, detach_or_fail(p, &b));
	}
	mig_strv_free(&pk);
	m->options = dup_or_fail(p, "");
}

/*
 * Read a table's current definition into m: its CREATE TABLE text split
 * into columns and constraints, checked against PRAGMA table_xinfo, and
 * its indexes and triggers (to recreate after a rebuild). Each column's
 * copy expression is the column itself. Returns false when there is no
 * such table (not an error by itself) or on error.
 */
static bool load_model(sq *p, const char *table, tmodel *m)
{
	memset(m, 0, sizeof(*m));
	mig_str type = MIG_STR_INIT, stored = MIG_STR_INIT, sql = MIG_STR_INIT;
	bool found = find_object(p, table, "'table', 'view'", &type, &stored, &sql);
	mig_rows *x = NULL, *objs = NULL;
	if (!found || p->rc)
		goto out;
	if (strcmp(mig_str_cstr(&type), "view") == 0) {
		fail(p, MIG_ESQL, "%s: \"%s\" is a view, not a table", p->op->name, mig_str_cstr(&stored));
		goto out;
	}
	m->name = dup_or_fail(p, mig_str_cstr(&stored));
	if (istarts(mig_str_cstr(&sql), "CREATE VIRTUAL")) {
		fail(p, MIG_ENOTSUPPORTED,
		     "%s is not supported on SQLite for \"%s\": it is a virtual table, whose definition belongs to its module",
		     p->op->name, mig_str_cstr(&stored));
		goto out;
	}
	if (!(x = table_xinfo(p, m->name)))
		goto out;
	if (!parse_create_table(p, mig_str_cstr(&sql), m)) {
		if (p->rc)
			goto out;
		/* CREATE TABLE ... AS SELECT: no column list to read */
		model_free(m);
		m->name = dup_or_fail(p, mig_str_cstr(&stored));
		model_from_xinfo(p, x, m);
	}
	bool same = x->nrows == m->ncols;
	for (size_t i = 0; same && i < m->ncols; i++)
		same = ieq(cell(x, i, 0), m->cols[i].name);
	if (!same && !p->rc) {
		fail(p, MIG_ERROR, "%s: cannot read the definition of table \"%s\" from sqlite_master (its columns differ from PRAGMA table_xinfo)",
		     p->op->name, m->name);
		goto out;
	}
	for (size_t i = 0; i < m->ncols && !p->rc; i++) {
		tcol *c = &m->cols[i];
		if (col_seg(c, SEG_GENERATED))
			continue; /* computed: never inserted into */
		mig_str s = MIG_STR_INIT;
		quote_ident(&s, c->name);
		c->src = detach_or_fail(p, &s);
	}
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ");
	quote_literal(&q, m->name);
	mig_str_puts(&q, " COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid");
	if (!(objs = cat_query(p, &q)))
		goto out;
	if (objs->nrows && !(m->objs = mig__calloc(objs->nrows, sizeof(*m->objs)))) {
		oom(p);
		goto out;
	}
	for (size_t i = 0; i < objs->nrows && !p->rc; i++) {
		tobj *o = &m->objs[m->nobjs++];
		o->type = dup_or_fail(p, cell(objs, i, 0));
		o->name = dup_or_fail(p, cell(objs, i, 1));
		o->sql = dup_or_fail(p, cell(objs, i, 2));
		o->keep = true;
	}
out:
	mig_rows_free(x);
	mig_rows_free(objs);
	mig_str_free(&type);
	mig_str_free(&stored);
	mig_str_free(&sql);
	return found && !p->rc;
}

/* load_model() of a table that must exist (PostgreSQL's error otherwise). */
static bool need_model(sq *p, const char *table, tmodel *m)
{
	if (load_model(p, table, m))
		return true;
	if (!p->rc)
		fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, table);
	return false;
}

/* Every user table: name and CREATE text. */
static mig_rows *all_tables(sq *p)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ");
	quote_literal(&q, ENUM_TABLE);
	mig_str_puts(&q, " ORDER BY rowid");
	return cat_query(p, &q);
}

static mig_rows *all_views(sq *p)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid");
	return cat_query(p, &q);
}

/* The values of enum type `type` in declaration order; false when no such
 * type is known. */
static bool enum_values(sq *p, const char *type, mig_strv *values)
{
	if (!have_catalog(p) || p->rc || !table_exists(p, ENUM_TABLE))
		return false;
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT value FROM " ENUM_TABLE " WHERE type_name = ");
	quote_literal(&q, type);
	mig_str_puts(&q, " ORDER BY position");
	mig_rows *r = cat_query(p, &q);
	bool found = r && r->nrows > 0;
	for (size_t i = 0; r && i < r->nrows; i++)
		strv_add(p, values, cell(r, i, 0));
	mig_rows_free(r);
	return found && !p->rc;
}

/* ====================================================================== */
/* The rebuild                                                             */
/* ====================================================================== */

static bool model_autoincrement(const tmodel *m)
{
	for (size_t i = 0; i < m->ncols; i++) {
		const seg *g = col_seg(&m->cols[i], SEG_PK);
		if (g && sql_mentions(g->body, "AUTOINCREMENT"))
			return true;
	}
	return false;
}

/*
 * Replace table m->name by the definition in m, keeping its rows
 * (SQLite's 12 steps, https://www.sqlite.org/lang_altertable.html#otheralter):
 *
 * - foreign keys must be off or DROP TABLE deletes the rows of child
 *   tables (ON DELETE CASCADE) or fails. The runner begins the
 *   transaction with MIG_TXN_RELAXED_FK (op_flags()) and checks them
 *   before COMMIT; the PRAGMA pair here only acts outside a transaction
 *   (a noTransaction() migration), where it protects the children the
 *   same way, and the SAVEPOINT makes the rebuild all or nothing there;
 * - the new table is created under a temporary name and renamed into
 *   place, never the other way round: renaming the old table would
 *   rewrite the REFERENCES of its children to the temporary name;
 * - rows are copied with explicit column lists (new columns get their
 *   defaults, changed ones their expression);
 * - an AUTOINCREMENT table keeps its sqlite_sequence counter, or ids
 *   of deleted rows would come back;
 * - legacy_alter_table is on around DROP + RENAME, or the rename fails
 *   on any view or trigger that names the table (it is missing right
 *   then); views keep working afterwards since they are resolved by name;
 * - indexes and triggers (dropped with the old table) are created again
 *   from their text, except those marked !keep.
 * `after` statements (new indexes) run once the table is in place.
 */
static void rebuild(sq *p, const tmodel *m, const mig_strv *after)
{
	if (p->rc)
		return;
	mig_str tmp = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_str_printf(&tmp, REBUILD_PREFIX "%s", m->name);
	const char *t = mig_str_cstr(&tmp);
	step_text(p, "PRAGMA foreign_keys = OFF;");
	step_text(p, "SAVEPOINT \"_mig_rebuild\";");
	put_create(&s, m, t, "CREATE TABLE ");
	step(p, &s);
	bool any = false;
	for (size_t i = 0; i < m->ncols; i++)
		any = any || m->cols[i].src;
	if (any) {
		mig_str_puts(&s, "INSERT INTO ");
		quote_ident(&s, t);
		mig_str_puts(&s, " (");
		bool first = true;
		for (size_t i = 0; i < m->ncols; i++) {
			if (!m->cols[i].src)
				continue;
			if (!first)
				mig_str_puts(&s, ", ");
			first = false;
			quote_ident(&s, m->cols[i].name);
		}
		mig_str_puts(&s, ") SELECT ");
		first = true;
		for (size_t i = 0; i < m->ncols; i++) {
			if (!m->cols[i].src)
				continue;
			if (!first)
				mig_str_puts(&s, ", ");
			first = false;
			mig_str_puts(&s, m->cols[i].src);
		}
		mig_str_puts(&s, " FROM ");
		quote_ident(&s, m->name);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	if (model_autoincrement(m)) {
		mig_str_puts(&s, "DELETE FROM sqlite_sequence WHERE name = ");
		quote_literal(&s, t);
		mig_str_putc(&s, ';');
		step(p, &s);
		mig_str_puts(&s, "INSERT INTO sqlite_sequence (name, seq) SELECT ");
		quote_literal(&s, t);
		mig_str_puts(&s, ", seq FROM sqlite_sequence WHERE name = ");
		quote_literal(&s, m->name);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	step_text(p, "PRAGMA legacy_alter_table = ON;");
	mig_str_puts(&s, "DROP TABLE ");
	quote_ident(&s, m->name);
	mig_str_putc(&s, ';');
	step(p, &s);
	mig_str_puts(&s, "ALTER TABLE ");
	quote_ident(&s, t);
	mig_str_puts(&s, " RENAME TO ");
	quote_ident(&s, m->name);
	mig_str_putc(&s, ';');
	step(p, &s);
	step_text(p, "PRAGMA legacy_alter_table = OFF;");
	for (size_t i = 0; i < m->nobjs; i++) {
		if (!m->objs[i].keep)
			continue;
		mig_str_printf(&s, "%s;", m->objs[i].sql);
		step(p, &s);
	}
	for (size_t i = 0; after && i < after->n; i++)
		step_text(p, after->v[i]);
	step_text(p, "RELEASE \"_mig_rebuild\";");
	step_text(p, "PRAGMA foreign_keys = ON;");
	mig_str_free(&tmp);
}

/* ====================================================================== */
/* Types                                                                   */
/* ====================================================================== */

/* The logical kind of a column, for mapping its defaults. */
enum lkind { L_INT, L_BOOL, L_REAL, L_NUMERIC, L_TEXT, L_DATE, L_TIME, L_TIMESTAMP, L_BLOB, L_UUID, L_JSON, L_ENUM };

enum { CK_NONE, CK_ENUM, CK_JSON, CK_LENGTH };

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

static void sqtype_free(sqtype *t)
{
	mig_strv_free(&t->values);
	mig__free(t->logical);
	memset(t, 0, sizeof(*t));
}

enum { TF_SERIAL = 1, TF_LEN = 2, TF_NOCASE = 4, TF_JSON = 8, TF_CHAR = 16 };

static const struct {
	const char *name;
	const char *decl;
	enum lkind kind;
	int flags;
} builtin_types[] = {
	{"smallint", "INTEGER", L_INT, 0},
	{"integer", "INTEGER", L_INT, 0},
	{"int", "INTEGER", L_INT, 0},
	{"int2", "INTEGER", L_INT, 0},
	{"int4", "INTEGER", L_INT, 0},
	{"int8", "INTEGER", L_INT, 0},
	{"bigint", "INTEGER", L_INT, 0},
	{"serial", "INTEGER", L_INT, TF_SERIAL},
	{"serial2", "INTEGER", L_INT, TF_SERIAL},
	{"serial4", "INTEGER", L_INT, TF_SERIAL},
	{"serial8", "INTEGER", L_INT, TF_SERIAL},
	{"smallserial", "INTEGER", L_INT, TF_SERIAL},
	{"bigserial", "INTEGER", L_INT, TF_SERIAL},
	{"real", "REAL", L_REAL, 0},
	{"float4", "REAL", L_REAL, 0},
	{"float8", "REAL", L_REAL, 0},
	{"float", "REAL", L_REAL, 0},
	{"double precision", "REAL", L_REAL, 0},
	{"numeric", "NUMERIC", L_NUMERIC, 0},
	{"decimal", "NUMERIC", L_NUMERIC, 0},
	{"boolean", "INTEGER", L_BOOL, 0},
	{"bool", "INTEGER", L_BOOL, 0},
	{"text", "TEXT", L_TEXT, 0},
	{"varchar", "TEXT", L_TEXT, TF_LEN},
	{"character varying", "TEXT", L_TEXT, TF_LEN},
	{"char", "TEXT", L_TEXT, TF_LEN | TF_CHAR},
	{"character", "TEXT", L_TEXT, TF_LEN | TF_CHAR},
	{"bpchar", "TEXT", L_TEXT, TF_LEN},
	{"citext", "TEXT", L_TEXT, TF_NOCASE},
	{"uuid", "TEXT", L_UUID, 0},
	{"json", "TEXT", L_JSON, TF_JSON},
	{"jsonb", "TEXT", L_JSON, TF_JSON},
	{"date", "TEXT", L_DATE, 0},
	{"time", "TEXT", L_TIME, 0},
	{"time without time zone", "TEXT", L_TIME, 0},
	{"time with time zone", "TEXT", L_TIME, 0},
	{"timetz", "TEXT", L_TIME, 0},
	{"timestamp", "TEXT", L_TIMESTAMP, 0},
	{"timestamp without time zone", "TEXT", L_TIMESTAMP, 0},
	{"timestamp with time zone", "TEXT", L_TIMESTAMP, 0},
	{"timestamptz", "TEXT", L_TIMESTAMP, 0},
	{"bytea", "BLOB", L_BLOB, 0},
	{"inet", "TEXT", L_TEXT, 0},
	{"cidr", "TEXT", L_TEXT, 0},
	{"macaddr", "TEXT", L_TEXT, 0},
	{"macaddr8", "TEXT", L_TEXT, 0},
};

/* Split a type string into its lower-cased base name (modifiers removed,
 * white space collapsed) and its first modifier list. */
static void type_parts(const char *type, mig_str *base, mig_str *mods, bool *array)
{
	*array = false;
	size_t n = strlen(type);
	while (n && (type[n - 1] == ' ' || type[n - 1] == '\t'))
		n--;
	if (n >= 2 && type[n - 2] == '[' && type[n - 1] == ']')
		*array = true;
	int depth = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = type[i];
		if (c == '(') {
			if (depth++ == 0)
				continue;
		} else if (c == ')') {
			if (--depth == 0)
				continue;
		}
		if (depth > 0) {
			if (c != ' ')
				mig_str_putc(mods, c);
			continue;
		}
		if (c == '[' || c == ']')
			continue;
		if (c == ' ' || c == '\t' || c == '\n') {
			space = base->len > 0;
			continue;
		}
		if (space)
			mig_str_putc(base, ' ');
		space = false;
		mig_str_putc(base, (char)lower_ascii((unsigned char)c));
	}
}

static void set_logical(sq *p, sqtype *out, const char *logical)
{
	mig__free(out->logical);
	out->logical = dup_or_fail(p, logical);
}

/* An enum type's name as written in a column type: "mood", "\"Mood\"",
 * "public.mood". Caller frees. */
static char *enum_lookup_name(sq *p, const char *type)
{
	const char *s = type;
	if (istarts(s, "public."))
		s += 7;
	mig_str n = MIG_STR_INIT;
	if (*s == '"') {
		for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
			mig_str_putc(&n, *s);
			if (*s == '"')
				s++;
		}
	} else {
		mig_str_puts(&n, s);
	}
	return detach_or_fail(p, &n);
}

/*
 * Map a column's resolved type (a string after node-pg-migrate's
 * adapters, an enum given as {schema, name}, ...) to SQLite. Unknown and
 * inexpressible types are an error naming the type.
 */
static bool map_type(sq *p, const mig_value *t, const char *col, sqtype *out)
{
	memset(out, 0, sizeof(*out));
	if (p->rc)
		return false;
	if (!t || (t->type != MIG_V_STRING && !mig_is_name_object(t))) {
		if (t && t->type == MIG_V_LITERAL)
			fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": the type pgm.func('%s') is not supported on SQLite: give a type name",
			     p->op->name, col, t->str);
		else
			fail(p, MIG_EINPUT, "%s: column \"%s\" needs a type name, not %s", p->op->name, col,
			     mig_value_type_name(t));
		return false;
	}
	char *enum_name = NULL;
	if (t->type == MIG_V_OBJECT) {
		enum_name = name_of(p, t, "the column type");
	} else {
		mig_str base = MIG_STR_INIT, mods = MIG_STR_INIT;
		bool array;
		type_parts(t->str, &base, &mods, &array);
		const char *b = mig_str_cstr(&base);
		if (array) {
			fail(p, MIG_ENOTSUPPORTED,
			     "%s: column \"%s\": the array type %s is not supported on SQLite: SQLite has no arrays (store JSON text in a json column instead)",
			     p->op->name, col, t->str);
		} else {
			size_t k = 0, nt = sizeof(builtin_types) / sizeof(builtin_types[0]);
			for (; k < nt; k++)
				if (strcmp(builtin_types[k].name, b) == 0)
					break;
			if (k < nt) {
				int f = builtin_types[k].flags;
				out->decl = builtin_types[k].decl;
				out->kind = builtin_types[k].kind;
				out->serial = (f & TF_SERIAL) != 0;
				out->collate = (f & TF_NOCASE) ? "NOCASE" : NULL;
				if (f & TF_JSON) {
					out->ck = CK_JSON;
					set_logical(p, out, b);
				} else if ((f & TF_LEN) && (mods.len || (f & TF_CHAR))) {
					out->ck = CK_LENGTH;
					out->maxlen = mods.len ? strtol(mig_str_cstr(&mods), NULL, 10) : 1;
					if (out->maxlen <= 0) {
						fail(p, MIG_EINPUT, "%s: column \"%s\": bad length in type %s", p->op->name, col,
						     t->str);
					} else {
						mig_str l = MIG_STR_INIT;
						mig_str_printf(&l, "%s(%ld)", strcmp(b, "character varying") == 0 ? "varchar"
									    : strcmp(b, "character") == 0 ? "char"
													   : b,
							       out->maxlen);
						out->logical = detach_or_fail(p, &l);
					}
				}
			} else if (strcmp(b, "interval") == 0) {
				fail(p, MIG_ENOTSUPPORTED,
				     "%s: column \"%s\": the type interval is not supported on SQLite: SQLite has no interval type (store seconds in an integer column)",
				     p->op->name, col);
			} else {
				enum_name = enum_lookup_name(p, t->str);
			}
		}
		mig_str_free(&base);
		mig_str_free(&mods);
	}
	if (enum_name && !p->rc) {
		if (enum_values(p, enum_name, &out->values)) {
			out->decl = "TEXT";
			out->kind = L_ENUM;
			out->ck = CK_ENUM;
			set_logical(p, out, enum_name);
		} else if (!p->rc) {
			fail(p, MIG_ENOTSUPPORTED,
			     "%s: column \"%s\": the type %s is not supported on SQLite: it is neither a built-in type SQLite can store faithfully nor an enum created with pgm.createType()",
			     p->op->name, col, t->type == MIG_V_STRING ? t->str : enum_name);
		}
	}
	mig__free(enum_name);
	return !p->rc;
}

/* The body of a type's CHECK for column col: CHECK (...). */
static void type_check_body(mig_str *s, const sqtype *t, const char *col)
{
	mig_str_puts(s, "CHECK (");
	switch (t->ck) {
	case CK_ENUM:
		quote_ident(s, col);
		mig_str_puts(s, " IN (");
		for (size_t i = 0; i < t->values.n; i++) {
			if (i)
				mig_str_puts(s, ", ");
			quote_literal(s, t->values.v[i]);
		}
		mig_str_putc(s, ')');
		break;
	case CK_JSON:
		/* json_valid(NULL) is 0 before SQLite 3.45: let NULL through
		 * explicitly, as PostgreSQL does */
		quote_ident(s, col);
		mig_str_puts(s, " IS NULL OR json_valid(");
		quote_ident(s, col);
		mig_str_putc(s, ')');
		break;
	case CK_LENGTH:
		mig_str_puts(s, "length(");
		quote_ident(s, col);
		mig_str_printf(s, ") <= %ld", t->maxlen);
		break;
	}
	mig_str_putc(s, ')');
}

/* The type's CHECK as a named column constraint. */
static void push_type_check(sq *p, tcol *c, const sqtype *t)
{
	if (t->ck == CK_NONE || p->rc)
		return;
	mig_str name = MIG_STR_INIT, body = MIG_STR_INIT;
	mig_str_printf(&name, TYPE_CHECK_PREFIX "%s", t->logical ? t->logical : "");
	type_check_body(&body, t, c->name);
	segv_push(p, &c->cons, SEG_CHECK, detach_or_fail(p, &name), detach_or_fail(p, &body));
}

/* Case-insensitive strstr for ASCII. */
static bool icontains(const char *s, const char *needle)
{
	size_t n = strlen(needle);
	for (; *s; s++) {
		size_t k = 0;
		while (k < n && s[k] && lower_ascii((unsigned char)s[k]) == lower_ascii((unsigned char)needle[k]))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

/* The kind of an existing column, for mapping a new default: its "type:"
 * check when it has one, else its declared type's affinity. */
static enum lkind kind_of_column(const tcol *c)
{
	for (size_t i = 0; i < c->cons.n; i++) {
		const seg *g = &c->cons.v[i];
		if (!is_type_check(g))
			continue;
		if (strstr(g->body, "json_valid("))
			return L_JSON;
		if (strstr(g->body, " IN ("))
			return L_ENUM;
	}
	const char *d = c->type ? c->type : "";
	if (icontains(d, "INT"))
		return L_INT;
	if (icontains(d, "CHAR") || icontains(d, "CLOB") || icontains(d, "TEXT"))
		return L_TEXT;
	if (icontains(d, "BLOB"))
		return L_BLOB;
	if (icontains(d, "REAL") || icontains(d, "FLOA") || icontains(d, "DOUB"))
		return L_REAL;
	return *d ? L_NUMERIC : L_BLOB;
}

/* ---- defaults ---------------------------------------------------------- */

/* A v4 UUID from randomblob(): version nibble 4, variant 8-b. random() & 3
 * rather than abs(random()) % 4, which overflows on the smallest integer. */
static const char uuid_v4_expr[] =
	"(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
	"substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || "
	"substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))";

static bool is_number_text(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	bool digits = false;
	while (is_digit((unsigned char)*s)) {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (is_digit((unsigned char)*s)) {
			s++;
			digits = true;
		}
	}
	if (digits && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!is_digit((unsigned char)*s))
			return false;
		while (is_digit((unsigned char)*s))
			s++;
	}
	return digits && *s == '\0';
}

/* A string default for a boolean column, as PostgreSQL reads it. */
static const char *bool_word(const char *s)
{
	static const char *const yes[] = {"t", "true", "y", "yes", "on", "1"};
	static const char *const no[] = {"f", "false", "n", "no", "off", "0"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (ieq(s, yes[i]))
			return "TRUE";
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (ieq(s, no[i]))
			return "FALSE";
	return NULL;
}

/* pgm.func() text (raw PostgreSQL SQL) as a SQLite default. */
static void map_func_default(sq *p, const char *raw, enum lkind kind, mig_str *out, bool *constant)
{
	mig_str n = MIG_STR_INIT;
	const char *s = raw;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
		len--;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ')
			mig_str_putc(&n, (char)lower_ascii((unsigned char)s[i]));
	const char *t = mig_str_cstr(&n);
	*constant = false;
	static const char *const stamp[] = {"now()", "current_timestamp", "localtimestamp", "transaction_timestamp()",
					    "statement_timestamp()", "clock_timestamp()"};
	bool is_stamp = false;
	for (size_t i = 0; i < sizeof(stamp) / sizeof(stamp[0]); i++)
		is_stamp = is_stamp || strcmp(t, stamp[i]) == 0;
	if (is_stamp || istarts(t, "current_timestamp(") || istarts(t, "localtimestamp(")) {
		mig_str_puts(out, kind == L_DATE ? "CURRENT_DATE" : kind == L_TIME ? "CURRENT_TIME" : "CURRENT_TIMESTAMP");
	} else if (strcmp(t, "current_date") == 0) {
		mig_str_puts(out, "CURRENT_DATE");
	} else if (strcmp(t, "current_time") == 0 || strcmp(t, "localtime") == 0 || istarts(t, "current_time(") ||
		   istarts(t, "localtime(")) {
		mig_str_puts(out, "CURRENT_TIME");
	} else if (strcmp(t, "gen_random_uuid()") == 0 || strcmp(t, "uuid_generate_v4()") == 0 ||
		   strcmp(t, "public.gen_random_uuid()") == 0 || strcmp(t, "public.uuid_generate_v4()") == 0) {
		mig_str_puts(out, uuid_v4_expr);
	} else if (strcmp(t, "true") == 0 || strcmp(t, "false") == 0 || strcmp(t, "null") == 0) {
		mig_str_puts(out, strcmp(t, "true") == 0 ? "TRUE" : strcmp(t, "false") == 0 ? "FALSE" : "NULL");
		*constant = true;
	} else if (is_number_text(t)) {
		mig_str_put(out, s, len);
		*constant = true;
	} else if (s[0] == '\'') {
		/* 'text' or 'text'::type: the quoting rules are the same */
		size_t e = skip_quoted(s, len, 0, '\'');
		const char *rest = s + e;
		while (*rest == ' ')
			rest++;
		if (e >= 2 && s[e - 1] == '\'' && (rest >= s + len || (rest[0] == ':' && rest[1] == ':'))) {
			mig_str_put(out, s, e);
			*constant = true;
		} else {
			fail(p, MIG_ENOTSUPPORTED, "%s: the default pgm.func(\"%s\") is not supported on SQLite: only a literal, now()/current_timestamp, current_date, current_time, gen_random_uuid() or uuid_generate_v4() can be translated",
			     p->op->name, raw);
		}
	} else {
		fail(p, MIG_ENOTSUPPORTED, "%s: the default pgm.func(\"%s\") is not supported on SQLite: only a literal, now()/current_timestamp, current_date, current_time, gen_random_uuid() or uuid_generate_v4() can be translated",
		     p->op->name, raw);
	}
	mig_str_free(&n);
}

/*
 * A default value (node-pg-migrate's escapeValue input) as SQLite text.
 * *constant says whether ALTER TABLE ADD COLUMN accepts it on a table
 * with rows (a literal, not CURRENT_* or an expression).
 */
static void map_default(sq *p, const mig_value *v, enum lkind kind, mig_str *out, bool *constant)
{
	*constant = true;
	if (p->rc)
		return;
	switch (v->type) {
	case MIG_V_NULL:
		mig_str_puts(out, "NULL");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "TRUE" : "FALSE");
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING: {
		const char *b = (kind == L_BOOL || kind == L_INT) ? bool_word(v->str) : NULL;
		if (b && !(kind == L_INT && is_number_text(v->str)))
			mig_str_puts(out, b);
		else
			quote_literal(out, v->str);
		break;
	}
	case MIG_V_LITERAL:
		map_func_default(p, v->str, kind, out, constant);
		break;
	case MIG_V_OBJECT:
		if (mig_js_is_pg_literal(v)) {
			mig_str raw = MIG_STR_INIT;
			mig_js_pg_literal_text(&raw, v);
			map_func_default(p, mig_str_cstr(&raw), kind, out, constant);
			mig_str_free(&raw);
			break;
		}
		fail(p, MIG_EINPUT, "%s: a default must be a literal or pgm.func(), not an object", p->op->name);
		break;
	case MIG_V_ARRAY:
		fail(p, MIG_ENOTSUPPORTED, "%s: an array default is not supported on SQLite: SQLite has no arrays",
		     p->op->name);
		break;
	case MIG_V_UNDEFINED:
		break;
	}
}

static void set_default(sq *p, tcol *c, const mig_value *v, enum lkind kind, bool *constant)
{
	mig_str d = MIG_STR_INIT, body = MIG_STR_INIT;
	map_default(p, v, kind, &d, constant);
	const char *t = mig_str_cstr(&d);
	/* Anything but a literal must be parenthesised in a DEFAULT clause. */
	bool bare = *constant || strcmp(t, "CURRENT_TIMESTAMP") == 0 || strcmp(t, "CURRENT_DATE") == 0 ||
		    strcmp(t, "CURRENT_TIME") == 0 || t[0] == '(';
	mig_str_printf(&body, bare ? "DEFAULT %s" : "DEFAULT (%s)", t);
	mig_str_free(&d);
	col_drop_kind(c, SEG_DEFAULT);
	segv_push(p, &c->cons, SEG_DEFAULT, NULL, detach_or_fail(p, &body));
}

/* A collation option: SQLite knows BINARY, NOCASE and RTRIM; PostgreSQL's
 * "C"/"POSIX" compare bytes, which is BINARY. */
static const char *map_collation(sq *p, const mig_value *v)
{
	mig_str n = MIG_STR_INIT;
	mig_js_string(&n, v);
	const char *s = mig_str_cstr(&n);
	size_t len = n.len;
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s++;
		len -= 2;
	}
	const char *r = NULL;
	if (ieq_n(s, len, "C", 1) || ieq_n(s, len, "POSIX", 5) || ieq_n(s, len, "BINARY", 6))
		r = "BINARY";
	else if (ieq_n(s, len, "NOCASE", 6))
		r = "NOCASE";
	else if (ieq_n(s, len, "RTRIM", 5))
		r = "RTRIM";
	else
		fail(p, MIG_ENOTSUPPORTED,
		     "%s: the collation %s is not supported on SQLite: SQLite has BINARY (\"C\"), NOCASE and RTRIM only",
		     p->op->name, mig_str_cstr(&n));
	mig_str_free(&n);
	return r;
}

/* ====================================================================== */
/* Columns and constraints from the IR                                     */
/* ====================================================================== */

/* What decides between ALTER TABLE ADD COLUMN and a rebuild. */
typedef struct colinfo {
	bool pk, serial_pending, unique, notnull, fk, generated;
	bool has_default, default_constant, default_null;
} colinfo;

/* A quoted, comma-separated list of Names (one Name or an array). */
static void name_list(sq *p, mig_str *out, const mig_value *v, const char *what, mig_strv *names)
{
	for (size_t i = 0; i < mig_js_len(v) && !p->rc; i++) {
		char *n = name_of(p, mig_js_at(v, i), what);
		if (!n)
			return;
		if (i)
			mig_str_puts(out, ", ");
		quote_ident(out, n);
		if (names)
			adopt(p, mig_strv_push(names, n));
		else
			mig__free(n);
	}
}

static bool fk_action_ok(const char *a)
{
	static const char *const ok[] = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ieq(a, ok[i]))
			return true;
	return false;
}

/* parseReferences(): REFERENCES <table>[ (cols)][ ON DELETE a][ ON UPDATE a]. */
static void references_body(sq *p, mig_str *s, const mig_value *o)
{
	const mig_value *r = O(o, "references");
	mig_str_puts(s, "REFERENCES ");
	if (is_str(r) && (r->str[0] == '"' || (r->len && r->str[r->len - 1] == ')'))) {
		mig_str_put(s, r->str, r->len); /* raw, as node-pg-migrate takes it */
	} else {
		char *n = name_of(p, r, "references");
		if (n)
			quote_ident(s, n);
		mig__free(n);
	}
	const mig_value *match = O(o, "match");
	if (mig_value_truthy(match)) {
		mig_str m = MIG_STR_INIT;
		mig_js_string(&m, match);
		if (!ieq(mig_str_cstr(&m), "SIMPLE"))
			notice(p, "%s: MATCH %s is not enforced by SQLite: its foreign keys always behave as MATCH SIMPLE",
			       p->op->name, mig_str_cstr(&m));
		mig_str_free(&m);
	}
	static const char *const acts[][2] = {{"onDelete", "DELETE"}, {"onUpdate", "UPDATE"}};
	for (size_t k = 0; k < 2; k++) {
		const mig_value *a = O(o, acts[k][0]);
		if (!mig_value_truthy(a))
			continue;
		mig_str t = MIG_STR_INIT;
		mig_js_string(&t, a);
		if (!fk_action_ok(mig_str_cstr(&t)))
			fail(p, MIG_EINPUT, "%s: %s must be NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT, not %s",
			     p->op->name, acts[k][0], mig_str_cstr(&t));
		mig_str_printf(s, " ON %s %s", acts[k][1], mig_str_cstr(&t));
		mig_str_free(&t);
	}
}

static void deferrable_clause(mig_str *s, const mig_value *o)
{
	mig_str_puts(s, T(o, "deferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE");
}

static void unique_index(sq *p, mig_strv *after, const char *name, const char *table, const char *cols,
			 bool if_not_exists)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, if_not_exists ? "CREATE UNIQUE INDEX IF NOT EXISTS " : "CREATE UNIQUE INDEX ");
	quote_ident(&s, name);
	mig_str_puts(&s, " ON ");
	quote_ident(&s, table);
	mig_str_printf(&s, " (%s);", cols);
	char *t = detach_or_fail(p, &s);
	if (t && !p->rc)
		adopt(p, mig_strv_push(after, t));
	else
		mig__free(t);
}

/*
 * One column of createTable/addColumns (its definition resolved by
 * mig_apply_type) into c, which already has its name. Inline constraints
 * get the names PostgreSQL gives them (<t>_pkey, <t>_<c>_check,
 * <t>_<c>_fkey, <t>_<c>_key), so that dropConstraint finds them; UNIQUE
 * becomes a unique index of that name, appended to `after`.
 */
static void build_column(sq *p, const char *table, tcol *c, const mig_value *o, mig_strv *after, bool if_not_exists,
			 colinfo *info)
{
	memset(info, 0, sizeof(*info));
	const char *col = c->name;
	sqtype st;
	if (!map_type(p, mig_object_get(o, "type"), col, &st))
		return;
	if (mig_value_truthy(O(o, "array")))
		fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": array: true is not supported on SQLite: SQLite has no arrays",
		     p->op->name, col);
	const mig_value *sg = O(o, "sequenceGenerated");
	bool pk = T(o, "primaryKey");
	bool serial = st.serial;
	if (mig_value_truthy(sg)) {
		if (st.kind != L_INT) {
			fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": sequenceGenerated is not supported on SQLite for a non-integer column",
			     p->op->name, col);
		} else {
			serial = true;
			mig_str prec = MIG_STR_INIT;
			mig_js_string(&prec, O(sg, "precedence"));
			if (ieq(mig_str_cstr(&prec), "ALWAYS"))
				notice(p, "%s: column \"%s\": GENERATED ALWAYS AS IDENTITY becomes INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, which also accepts explicit ids",
				       p->op->name, col);
			mig_str_free(&prec);
			for (size_t k = 0; k < sg->n && sg->type == MIG_V_OBJECT; k++)
				if (strcmp(sg->keys[k], "precedence") != 0)
					notice(p, "%s: column \"%s\": identity option %s ignored on SQLite (ids start at 1 and grow by 1)",
					       p->op->name, col, sg->keys[k]);
		}
	}
	mig__free(c->type);
	c->type = dup_or_fail(p, st.decl ? st.decl : "TEXT");
	if (T(o, "collation")) {
		const char *coll = map_collation(p, O(o, "collation"));
		if (coll) {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "COLLATE %s", coll);
			segv_push(p, &c->cons, SEG_COLLATE, NULL, detach_or_fail(p, &b));
		}
	} else if (st.collate) {
		mig_str b = MIG_STR_INIT;
		mig_str_printf(&b, "COLLATE %s", st.collate);
		segv_push(p, &c->cons, SEG_COLLATE, NULL, detach_or_fail(p, &b));
	}
	const mig_value *def = O(o, "default");
	if (def) {
		if (serial)
			fail(p, MIG_EINPUT, "%s: multiple default values specified for column \"%s\" (serial)", p->op->name, col);
		info->has_default = true;
		info->default_null = is_null(def);
		set_default(p, c, def, st.kind, &info->default_constant);
	}
	if (T(o, "unique")) {
		info->unique = true;
		char *n = pg_name(p, table, col, "key");
		mig_str cols = MIG_STR_INIT;
		quote_ident(&cols, col);
		if (n)
			unique_index(p, after, n, table, mig_str_cstr(&cols), if_not_exists);
		mig_str_free(&cols);
		mig__free(n);
	}
	if (pk) {
		info->pk = true;
		segv_push(p, &c->cons, SEG_PK, pg_name(p, table, NULL, "pkey"),
			  dup_or_fail(p, serial ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY"));
		/* PostgreSQL makes a primary key NOT NULL; SQLite does so
		 * only for the rowid alias INTEGER PRIMARY KEY. */
		if (strcmp(c->type ? c->type : "", "INTEGER") != 0)
			segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
	} else if (serial) {
		info->serial_pending = true;
	}
	if (T(o, "notNull") && !col_seg(c, SEG_NOTNULL)) {
		info->notnull = true;
		segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
	}
	if (T(o, "check")) {
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "CHECK (");
		mig_js_string(&b, O(o, "check"));
		mig_str_putc(&b, ')');
		segv_push(p, &c->cons, SEG_CHECK, pg_name(p, table, col, "check"), detach_or_fail(p, &b));
	}
	push_type_check(p, c, &st);
	if (T(o, "references")) {
		info->fk = true;
		const mig_value *rname = O(o, "referencesConstraintName");
		const mig_value *rcomment = O(o, "referencesConstraintComment");
		char *name;
		if (mig_value_truthy(rname)) {
			name = name_of(p, rname, "referencesConstraintName");
		} else if (mig_value_truthy(rcomment)) {
			mig_str g = MIG_STR_INIT;
			mig_str_printf(&g, "%s_fk_%s", table, col);
			name = detach_or_fail(p, &g);
		} else {
			name = pg_name(p, table, col, "fkey");
		}
		if (mig_value_truthy(rcomment))
			notice(p, "%s: the comment on foreign key of \"%s\" is skipped: SQLite has no comments", p->op->name,
			       col);
		mig_str b = MIG_STR_INIT;
		references_body(p, &b, o);
		if (T(o, "deferrable"))
			deferrable_clause(&b, o);
		segv_push(p, &c->cons, SEG_FK, name, detach_or_fail(p, &b));
	} else if (T(o, "deferrable")) {
		unsupported_option(p, "deferrable (on a column without references)",
				   "SQLite can defer foreign keys only");
	}
	if (T(o, "expressionGenerated")) {
		info->generated = true;
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "GENERATED ALWAYS AS (");
		mig_js_string(&b, O(o, "expressionGenerated"));
		mig_str_puts(&b, ") STORED");
		segv_push(p, &c->cons, SEG_GENERATED, NULL, detach_or_fail(p, &b));
	}
	if (mig_js_in(o, "comment") && !mig_value_is_undefined(mig_object_get(o, "comment")))
		notice(p, "%s: the comment on column \"%s\" is skipped: SQLite has no comments", p->op->name, col);
	sqtype_free(&st);
}

static bool model_has_pk(const tmodel *m)
{
	for (size_t i = 0; i < m->cons.n; i++)
		if (m->cons.v[i].kind == SEG_PK)
			return true;
	for (size_t i = 0; i < m->ncols; i++)
		if (col_seg(&m->cols[i], SEG_PK))
			return true;
	return false;
}

/*
 * parseConstraints(table, options, name) of createTable/addConstraint:
 * CHECK, PRIMARY KEY and FOREIGN KEY become table constraints in m,
 * UNIQUE a unique index appended to `after`, all with node-pg-migrate's
 * names (or the given one). Returns how many table constraints it added.
 */
static size_t ir_constraints(sq *p, const char *table, const mig_value *tablearg, const mig_value *o,
			     const mig_value *optname, tmodel *m, mig_strv *after, bool if_not_exists)
{
	size_t added = 0;
	bool non_fk = false;
	mig_str gen = MIG_STR_INIT;
	const mig_value *check = O(o, "check");
	if (mig_value_truthy(check)) {
		size_t n = check->type == MIG_V_ARRAY ? check->n : 1;
		for (size_t i = 0; i < n && !p->rc; i++) {
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_CHECK, NULL, check->type == MIG_V_ARRAY ? i + 1 : 0);
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "CHECK (");
			mig_js_string(&b, check->type == MIG_V_ARRAY ? check->items[i] : check);
			mig_str_putc(&b, ')');
			segv_push(p, &m->cons, SEG_CHECK, name_or(p, optname, mig_str_cstr(&gen), "the constraint name"),
				  detach_or_fail(p, &b));
			added++;
			non_fk = true;
		}
	}
	const mig_value *unique = O(o, "unique");
	if (mig_value_truthy(unique)) {
		bool nested = false;
		for (size_t i = 0; i < mig_js_len(unique); i++) {
			const mig_value *u = mig_js_at(unique, i);
			nested = nested || (u && u->type == MIG_V_ARRAY);
		}
		size_t nsets = nested ? mig_js_len(unique) : 1;
		for (size_t k = 0; k < nsets && !p->rc; k++) {
			const mig_value *set = nested ? mig_js_at(unique, k) : unique;
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_UNIQUE, set, 0);
			char *name = name_or(p, optname, mig_str_cstr(&gen), "the constraint name");
			mig_str cols = MIG_STR_INIT;
			name_list(p, &cols, set, "a unique column", NULL);
			if (name)
				unique_index(p, after, name, table, mig_str_cstr(&cols), if_not_exists);
			mig_str_free(&cols);
			mig__free(name);
			non_fk = true;
		}
	}
	const mig_value *pk = O(o, "primaryKey");
	if (mig_value_truthy(pk) && !p->rc) {
		if (model_has_pk(m)) {
			fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, table);
		} else {
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_PRIMARY, NULL, 0);
			mig_str b = MIG_STR_INIT;
			mig_strv names = MIG_STRV_INIT;
			mig_str_puts(&b, "PRIMARY KEY (");
			name_list(p, &b, pk, "a primary key column", &names);
			mig_str_putc(&b, ')');
			segv_push(p, &m->cons, SEG_PK, name_or(p, optname, mig_str_cstr(&gen), "the constraint name"),
				  detach_or_fail(p, &b));
			/* PostgreSQL makes primary-key columns NOT NULL; SQLite
			 * only does so for an INTEGER PRIMARY KEY. */
			for (size_t i = 0; i < names.n && !p->rc; i++) {
				tcol *c = model_col(m, names.v[i]);
				if (c && !col_seg(c, SEG_NOTNULL))
					segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
			}
			mig_strv_free(&names);
			added++;
			non_fk = true;
		}
	}
	const mig_value *fks = O(o, "foreignKeys");
	if (mig_value_truthy(fks)) {
		for (size_t k = 0; k < mig_js_len(fks) && !p->rc; k++) {
			const mig_value *fk = mig_js_at(fks, k);
			const mig_value *cols = O(fk, "columns");
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_FOREIGN, cols, 0);
			const mig_value *rname = O(fk, "referencesConstraintName");
			char *name = name_or(p, mig_value_truthy(rname) ? rname : optname, mig_str_cstr(&gen),
					     "the constraint name");
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "FOREIGN KEY (");
			name_list(p, &b, cols, "a foreign key column", NULL);
			mig_str_puts(&b, ") ");
			references_body(p, &b, fk);
			if (T(o, "deferrable"))
				deferrable_clause(&b, o);
			if (mig_value_truthy(O(fk, "referencesConstraintComment")))
				notice(p, "%s: the comment on a foreign key is skipped: SQLite has no comments", p->op->name);
			segv_push(p, &m->cons, SEG_FK, name, detach_or_fail(p, &b));
			added++;
		}
	}
	if (T(o, "exclude"))
		unsupported_option(p, "exclude", "SQLite has no exclusion constraints");
	if (T(o, "deferrable") && non_fk)
		unsupported_option(p, "deferrable", "SQLite can defer foreign keys only, not CHECK, UNIQUE or PRIMARY KEY");
	if (T(o, "comment")) {
		if (!mig_value_truthy(optname))
			fail(p, MIG_EINPUT, "cannot comment on unspecified constraints");
		else
			notice(p, "%s: the comment on a constraint is skipped: SQLite has no comments", p->op->name);
	}
	mig_str_free(&gen);
	return added;
}

/* ====================================================================== */
/* Dependencies                                                            */
/* ====================================================================== */

/* The columns of a constraint joined with "_", as PostgreSQL's
 * ChooseConstraintNameAddition() puts them into a generated name. */
static void joined_columns(sq *p, const seg *g, mig_str *out)
{
	mig_strv cols = MIG_STRV_INIT;
	seg_columns(p, g, NULL, &cols);
	for (size_t i = 0; i < cols.n; i++) {
		if (i)
			mig_str_putc(out, '_');
		mig_str_puts(out, cols.v[i]);
	}
	mig_strv_free(&cols);
}

/*
 * The name a constraint goes by: its CONSTRAINT name, or for an unnamed
 * one (a table made by raw SQL) the name PostgreSQL would have given it,
 * so that dropConstraint(t, 't_email_key') means the same thing on both
 * backends. NULL for kinds that have no name (NOT NULL, DEFAULT, ...).
 */
static char *seg_label(sq *p, const tmodel *m, const tcol *owner, const seg *g)
{
	if (g->name)
		return dup_or_fail(p, g->name);
	mig_str j = MIG_STR_INIT;
	char *r = NULL;
	switch (g->kind) {
	case SEG_PK:
		r = pg_name(p, m->name, NULL, "pkey");
		break;
	case SEG_UNIQUE:
	case SEG_FK:
		if (owner)
			mig_str_puts(&j, owner->name);
		else
			joined_columns(p, g, &j);
		r = pg_name(p, m->name, mig_str_cstr(&j), g->kind == SEG_FK ? "fkey" : "key");
		break;
	case SEG_CHECK: {
		const char *one = owner ? owner->name : NULL;
		size_t count = owner ? 1 : 0;
		for (size_t i = 0; !owner && i < m->ncols; i++)
			if (sql_mentions(g->body, m->cols[i].name)) {
				one = m->cols[i].name;
				count++;
			}
		r = pg_name(p, m->name, count == 1 ? one : NULL, "check");
		break;
	}
	default:
		break;
	}
	mig_str_free(&j);
	return r;
}

/* The primary-key columns of a model. */
static void model_pk_columns(sq *p, const tmodel *m, mig_strv *out)
{
	for (size_t i = 0; i < m->ncols; i++)
		if (col_seg(&m->cols[i], SEG_PK))
			strv_add(p, out, m->cols[i].name);
	for (size_t i = 0; i < m->cons.n; i++)
		if (m->cons.v[i].kind == SEG_PK)
			seg_columns(p, &m->cons.v[i], NULL, out);
}

/* Whether foreign key g points at `parent`, and (when cols is given) at
 * one of those parent columns; pk = the parent's primary key, which an
 * FK without a column list references. */
static bool fk_matches(sq *p, const seg *g, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	if (g->kind != SEG_FK)
		return false;
	mig_str t = MIG_STR_INIT;
	mig_strv target = MIG_STRV_INIT;
	bool r = seg_fk_target(p, g, &t, &target) && ieq(mig_str_cstr(&t), parent);
	if (r && cols) {
		const mig_strv *tc = target.n ? &target : pk;
		bool any = false;
		for (size_t i = 0; tc && i < tc->n; i++)
			any = any || strv_has(cols, tc->v[i]);
		r = any;
	}
	mig_str_free(&t);
	mig_strv_free(&target);
	return r;
}

/* Remove from m the foreign keys matching fk_matches(); how many. */
static size_t model_drop_fks(sq *p, tmodel *m, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	size_t n = 0;
	for (size_t i = m->cons.n; i-- > 0;)
		if (fk_matches(p, &m->cons.v[i], parent, cols, pk)) {
			segv_remove(&m->cons, i);
			n++;
		}
	for (size_t k = 0; k < m->ncols; k++)
		for (size_t i = m->cols[k].cons.n; i-- > 0;)
			if (fk_matches(p, &m->cols[k].cons.v[i], parent, cols, pk)) {
				segv_remove(&m->cols[k].cons, i);
				n++;
			}
	return n;
}

/* Objects that depend on table `parent` (or on its columns `cols`):
 * foreign keys of other tables and views. Their descriptions go to
 * `what` (for the error), their tables/views to child_tables/views. */
typedef struct deps {
	mig_strv what;         /* "constraint x on table y", "view v" */
	mig_strv child_tables; /* tables with a foreign key to drop */
	mig_strv views;        /* views to drop */
} deps;

static void deps_free(deps *d)
{
	mig_strv_free(&d->what);
	mig_strv_free(&d->child_tables);
	mig_strv_free(&d->views);
}

static void find_deps(sq *p, const tmodel *parent, const mig_strv *cols, bool views_too, deps *d)
{
	memset(d, 0, sizeof(*d));
	if (!have_catalog(p) || p->rc)
		return;
	mig_strv pk = MIG_STRV_INIT;
	model_pk_columns(p, parent, &pk);
	mig_rows *tables = all_tables(p);
	for (size_t i = 0; tables && i < tables->nrows && !p->rc; i++) {
		const char *name = cell(tables, i, 0);
		if (ieq(name, parent->name))
			continue;
		tmodel c;
		memset(&c, 0, sizeof(c));
		c.name = dup_or_fail(p, name);
		if (parse_create_table(p, cell(tables, i, 1), &c)) {
			bool any = false;
			for (size_t k = 0; k <= c.ncols; k++) {
				const segv *v = k < c.ncols ? &c.cols[k].cons : &c.cons;
				for (size_t j = 0; j < v->n; j++) {
					if (!fk_matches(p, &v->v[j], parent->name, cols, &pk))
						continue;
					char *label = seg_label(p, &c, k < c.ncols ? &c.cols[k] : NULL, &v->v[j]);
					mig_str w = MIG_STR_INIT;
					mig_str_printf(&w, "constraint %s on table %s", label ? label : "?", name);
					char *t = detach_or_fail(p, &w);
					if (t && !p->rc)
						adopt(p, mig_strv_push(&d->what, t));
					else
						mig__free(t);
					mig__free(label);
					any = true;
				}
			}
			if (any)
				strv_add(p, &d->child_tables, name);
		}
		model_free(&c);
	}
	mig_rows_free(tables);
	mig_rows *views = views_too ? all_views(p) : NULL;
	for (size_t i = 0; views && i < views->nrows && !p->rc; i++) {
		const char *sql = cell(views, i, 1);
		bool uses = sql_mentions(sql, parent->name);
		if (uses && cols) {
			bool any = false;
			for (size_t k = 0; k < cols->n; k++)
				any = any || sql_mentions(sql, cols->v[k]);
			uses = any;
		}
		if (!uses)
			continue;
		mig_str w = MIG_STR_INIT;
		mig_str_printf(&w, "view %s", cell(views, i, 0));
		char *t = detach_or_fail(p, &w);
		if (t && !p->rc)
			adopt(p, mig_strv_push(&d->what, t));
		else
			mig__free(t);
		strv_add(p, &d->views, cell(views, i, 0));
	}
	mig_rows_free(views);
	mig_strv_free(&pk);
}

static void put_deps(mig_str *s, const deps *d)
{
	for (size_t i = 0; i < d->what.n; i++) {
		if (i)
			mig_str_puts(s, ", ");
		mig_str_puts(s, d->what.v[i]);
	}
}

/* PostgreSQL's CASCADE for the dependents found: drop the views, and
 * rebuild the child tables without their foreign keys to the parent. */
static void drop_deps(sq *p, const deps *d, const char *parent, const mig_strv *cols, const mig_strv *pk)
{
	for (size_t i = 0; i < d->views.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		quote_ident(&s, d->views.v[i]);
		mig_str_putc(&s, ';');
		step(p, &s);
		notice(p, "%s: drop cascades to view %s", p->op->name, d->views.v[i]);
	}
	for (size_t i = 0; i < d->child_tables.n && !p->rc; i++) {
		tmodel c;
		if (!need_model(p, d->child_tables.v[i], &c)) {
			model_free(&c);
			return;
		}
		model_drop_fks(p, &c, parent, cols, pk);
		notice(p, "%s: drop cascades to the foreign keys of table %s", p->op->name, c.name);
		rebuild(p, &c, NULL);
		model_free(&c);
	}
}

/* Where the parts of a CREATE INDEX/TRIGGER that can name columns start:
 * after the object's own name, and for an index after "ON <table>". */
static bool obj_mentions(const tobj *o, const char *col)
{
	stoks t;
	if (lex(o->sql, &t)) {
		mig_error_clear();
		return true;
	}
	size_t i = 1;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, "INDEX") && !kw(&t, i, "TRIGGER"))
		i++;
	i++;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	if (punct(&t, i + 1, '.'))
		i += 2;
	i++; /* the name */
	if (strcmp(o->type, "index") == 0 && kw(&t, i, "ON")) {
		i += 2;
		if (punct(&t, i, '.'))
			i += 2;
	}
	bool r = mentions(&t, i, t.n, col);
	toks_free(&t);
	return r;
}

/* ====================================================================== */
/* Tables                                                                  */
/* ====================================================================== */

static void put_after(sq *p, const mig_strv *after)
{
	for (size_t i = 0; i < after->n; i++)
		step_text(p, after->v[i]);
}

/* A serial column must end up as the table's only primary-key column. */
static void settle_serials(sq *p, tmodel *m, const colinfo *info)
{
	for (size_t i = 0; i < m->ncols && !p->rc; i++) {
		if (!info[i].serial_pending)
			continue;
		tcol *c = &m->cols[i];
		size_t k = 0;
		for (; k < m->cons.n; k++) {
			if (m->cons.v[k].kind != SEG_PK)
				continue;
			mig_strv cols = MIG_STRV_INIT;
			seg_columns(p, &m->cons.v[k], NULL, &cols);
			bool only = cols.n == 1 && ieq(cols.v[0], c->name);
			mig_strv_free(&cols);
			if (only)
				break;
		}
		if (k == m->cons.n) {
			fail(p, MIG_ENOTSUPPORTED,
			     "%s: serial column \"%s\" is not supported on SQLite unless it is the table's only primary-key column: SQLite numbers rows only through an INTEGER PRIMARY KEY AUTOINCREMENT (give it primaryKey: true, or use integer)",
			     p->op->name, c->name);
			return;
		}
		char *name = m->cons.v[k].name;
		m->cons.v[k].name = NULL;
		segv_remove(&m->cons, k);
		col_drop_kind(c, SEG_NOTNULL);
		segv_push(p, &c->cons, SEG_PK, name, dup_or_fail(p, "PRIMARY KEY AUTOINCREMENT"));
	}
}

static void e_createTable(sq *p)
{
	const mig_value *table = A(p, 0);
	const mig_value *o = opts(p, 2, false);
	char *tname = name_of(p, table, "the table name");
	if (p->rc) {
		mig__free(tname);
		return;
	}
	const mig_value *oc = O(o, "constraints");
	mig_columns cols;
	int rc = mig_columns_resolve(A(p, 1), p->ctx->shorthands, p->op->name, &cols);
	adopt(p, rc);
	if (!rc && cols.constraints && mig_js_in(oc, "primaryKey"))
		fail(p, MIG_EINPUT, "There is duplicate constraint definition in table and columns options: primaryKey");
	if (T(o, "temporary") && T(o, "unlogged"))
		fail(p, MIG_EINPUT, "TEMPORARY and UNLOGGED cannot be used together.");
	if (T(o, "inherits"))
		unsupported_option(p, "inherits", "SQLite has no table inheritance");
	if (T(o, "like"))
		unsupported_option(p, "like", "SQLite cannot copy another table's definition (list the columns)");
	if (mig_value_truthy(O(o, "partition")))
		unsupported_option(p, "partition", "SQLite has no partitioned tables");
	if (T(o, "unlogged"))
		notice(p, "%s: UNLOGGED skipped: SQLite has no unlogged tables", p->op->name);
	if (O(o, "comment"))
		notice(p, "%s: the comment on table \"%s\" is skipped: SQLite has no comments", p->op->name, tname);
	bool ine = T(o, "ifNotExists");
	tmodel m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT;
	colinfo *info = NULL;
	if (!p->rc && cols.cols->n && !(info = mig__calloc(cols.cols->n, sizeof(*info))))
		oom(p);
	for (size_t i = 0; !p->rc && i < cols.cols->n; i++) {
		tcol *c = model_add_col(p, &m, final_ident(p, cols.cols->keys[i]), dup_or_fail(p, ""));
		if (c)
			build_column(p, tname, c, cols.cols->items[i], &after, ine, &info[i]);
	}
	mig_value *merged = NULL;
	if (!p->rc) {
		merged = oc && oc->type == MIG_V_OBJECT ? mig_value_clone(oc) : mig_value_new(MIG_V_OBJECT);
		if (!merged) {
			oom(p);
		} else if (cols.constraints) {
			mig_value *pk = mig_value_clone(mig_object_get(cols.constraints, "primaryKey"));
			if (!pk || mig_object_set(merged, "primaryKey", pk))
				oom(p);
		}
	}
	if (!p->rc)
		ir_constraints(p, tname, table, merged, NULL, &m, &after, ine);
	if (!p->rc)
		settle_serials(p, &m, info);
	mig_str s = MIG_STR_INIT;
	mig_str lead = MIG_STR_INIT;
	mig_str_printf(&lead, "CREATE %sTABLE %s", T(o, "temporary") ? "TEMPORARY " : "", ine ? "IF NOT EXISTS " : "");
	if (!p->rc && m.ncols == 0)
		fail(p, MIG_ENOTSUPPORTED, "%s: a table without columns is not supported on SQLite", p->op->name);
	put_create(&s, &m, tname ? tname : "", mig_str_cstr(&lead));
	step(p, &s);
	put_after(p, &after);
	mig_str_free(&lead);
	mig_value_free(merged);
	mig__free(info);
	mig_strv_free(&after);
	model_free(&m);
	mig_columns_dispose(&cols);
	mig__free(tname);
}

static void e_dropTable(sq *p)
{
	const mig_value *o = opts(p, 1, false);
	char *tname = name_of(p, A(p, 0), "the table name");
	if (p->rc) {
		mig__free(tname);
		return;
	}
	tmodel m;
	memset(&m, 0, sizeof(m));
	if (have_catalog(p) && load_model(p, tname, &m)) {
		deps d;
		find_deps(p, &m, NULL, true, &d);
		if (d.what.n && !T(o, "cascade")) {
			mig_str w = MIG_STR_INIT;
			put_deps(&w, &d);
			fail(p, MIG_ESQL, "%s: cannot drop table %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
			     p->op->name, m.name, mig_str_cstr(&w));
			mig_str_free(&w);
		} else if (d.what.n) {
			mig_strv pk = MIG_STRV_INIT;
			model_pk_columns(p, &m, &pk);
			drop_deps(p, &d, m.name, NULL, &pk);
			mig_strv_free(&pk);
		}
		deps_free(&d);
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, T(o, "ifExists") ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
	quote_ident(&s, tname);
	mig_str_putc(&s, ';');
	step(p, &s);
	model_free(&m);
	mig__free(tname);
}

static void e_renameTable(sq *p)
{
	char *a = name_of(p, A(p, 0), "the table name");
	char *b = name_of(p, A(p, 1), "the new table name");
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		quote_ident(&s, a);
		mig_str_puts(&s, " RENAME TO ");
		quote_ident(&s, b);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	mig__free(a);
	mig__free(b);
}

static void e_alterTable(sq *p)
{
	const mig_value *o = opts(p, 1, true);
	if (p->rc)
		return;
	const mig_value *u = O(o, "unlogged");
	bool has_unlogged = u && u->type == MIG_V_BOOL;
	if (!T(o, "levelSecurity") && !has_unlogged) {
		fail(p, MIG_EINPUT, "No table options provided for alterTable");
		return;
	}
	if (T(o, "levelSecurity")) {
		unsupported_option(p, "levelSecurity", "SQLite has no row-level security");
		return;
	}
	notice(p, "%s: SET %sLOGGED skipped: SQLite has no unlogged tables", p->op->name, u->b ? "UN" : "");
}

static void e_addColumns(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *tname = name_of(p, A(p, 0), "the table name");
	mig_columns cols;
	memset(&cols, 0, sizeof(cols));
	if (!p->rc)
		adopt(p, mig_columns_resolve(A(p, 1), p->ctx->shorthands, p->op->name, &cols));
	tmodel m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT, added = MIG_STRV_INIT;
	if (p->rc || !need_model(p, tname, &m))
		goto out;
	bool had_pk = model_has_pk(&m), ine = T(o, "ifNotExists"), rebuild_needed = false;
	for (size_t i = 0; i < cols.cols->n && !p->rc; i++) {
		char *cn = final_ident(p, cols.cols->keys[i]);
		if (!cn)
			break;
		if (model_col(&m, cn)) {
			if (ine && !strv_has(&added, cn))
				notice(p, "column \"%s\" of relation \"%s\" already exists, skipping", cn, tname);
			else
				fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" already exists", p->op->name, cn, tname);
			mig__free(cn);
			continue;
		}
		strv_add(p, &added, cn);
		tcol *c = model_add_col(p, &m, cn, dup_or_fail(p, ""));
		if (!c)
			break;
		colinfo info;
		build_column(p, tname, c, cols.cols->items[i], &after, false, &info);
		if (info.serial_pending)
			fail(p, MIG_ENOTSUPPORTED,
			     "%s: serial column \"%s\" is not supported on SQLite unless it is the primary key: SQLite numbers rows only through an INTEGER PRIMARY KEY AUTOINCREMENT (give it primaryKey: true)",
			     p->op->name, c->name);
		if (info.pk && had_pk)
			fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, tname);
		had_pk = had_pk || info.pk;
		/* What SQLite's ADD COLUMN refuses (some of it only once the
		 * table has rows: decide on the definition, not the data). */
		if (info.pk || (info.has_default && !info.default_constant) ||
		    (info.notnull && (!info.has_default || info.default_null)) ||
		    (info.fk && info.has_default && !info.default_null) || info.generated)
			rebuild_needed = true;
	}
	if (p->rc || added.n == 0)
		goto out;
	if (rebuild_needed) {
		rebuild(p, &m, &after);
		goto out;
	}
	for (size_t i = 0; i < m.ncols && !p->rc; i++) {
		if (m.cols[i].src || !strv_has(&added, m.cols[i].name))
			continue;
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		quote_ident(&s, tname);
		mig_str_puts(&s, " ADD COLUMN ");
		put_column(&s, &m.cols[i]);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	put_after(p, &after);
out:
	mig_strv_free(&after);
	mig_strv_free(&added);
	model_free(&m);
	mig_columns_dispose(&cols);
	mig__free(tname);
}

/* The names of dropColumns' second argument. */
static void column_names(sq *p, const mig_value *cols, mig_strv *out)
{
	if (is_str(cols) || (cols && cols->type == MIG_V_ARRAY)) {
		for (size_t i = 0; i < mig_js_len(cols) && !p->rc; i++) {
			char *n = name_of(p, mig_js_at(cols, i), "a column name");
			if (n && !p->rc)
				adopt(p, mig_strv_push(out, n));
			else
				mig__free(n);
		}
	} else if (cols && cols->type == MIG_V_OBJECT) {
		for (size_t i = 0; i < cols->n && !p->rc; i++) {
			char *n = final_ident(p, cols->keys[i]);
			if (n && !p->rc)
				adopt(p, mig_strv_push(out, n));
			else
				mig__free(n);
		}
	} else {
		fail(p, MIG_EINPUT, "%s: the columns must be a string, an array or an object, not %s", p->op->name,
		     mig_value_type_name(cols));
	}
}

static void e_dropColumns(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *tname = name_of(p, A(p, 0), "the table name");
	mig_strv names = MIG_STRV_INIT, drop = MIG_STRV_INIT;
	tmodel m;
	memset(&m, 0, sizeof(m));
	deps d;
	memset(&d, 0, sizeof(d));
	if (!p->rc)
		column_names(p, A(p, 1), &names);
	if (p->rc || !need_model(p, tname, &m))
		goto out;
	for (size_t i = 0; i < names.n && !p->rc; i++) {
		tcol *c = model_col(&m, names.v[i]);
		if (!c) {
			if (T(o, "ifExists"))
				notice(p, "column \"%s\" of relation \"%s\" does not exist, skipping", names.v[i], tname);
			else
				fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name,
				     names.v[i], tname);
		} else if (!strv_has(&drop, c->name)) {
			strv_add(p, &drop, c->name);
		}
	}
	if (p->rc || drop.n == 0)
		goto out;
	if (drop.n == m.ncols) {
		fail(p, MIG_ENOTSUPPORTED, "%s: dropping every column of \"%s\" is not supported on SQLite: a table needs a column",
		     p->op->name, m.name);
		goto out;
	}
	bool cascade = T(o, "cascade");
	find_deps(p, &m, &drop, true, &d);
	if (d.what.n && !cascade) {
		mig_str w = MIG_STR_INIT;
		put_deps(&w, &d);
		fail(p, MIG_ESQL, "%s: cannot drop column %s of table %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, drop.v[0], m.name, mig_str_cstr(&w));
		mig_str_free(&w);
		goto out;
	}
	/* A column some other part of the table uses cannot go through
	 * ALTER TABLE DROP COLUMN: PostgreSQL drops those parts with it
	 * (indexes, constraints), which takes a rebuild here. */
	bool involved = false;
	for (size_t k = 0; k < drop.n && !p->rc; k++) {
		const char *dc = drop.v[k];
		for (size_t i = 0; i < m.ncols; i++) {
			const tcol *c = &m.cols[i];
			for (size_t j = 0; j < c->cons.n; j++) {
				const seg *g = &c->cons.v[j];
				if (ieq(c->name, dc)) {
					if (g->kind == SEG_PK || g->kind == SEG_UNIQUE)
						involved = true;
				} else if (g->kind == SEG_GENERATED && seg_involves(p, g, NULL, dc)) {
					fail(p, MIG_ESQL, "%s: cannot drop column %s of table %s because generated column %s depends on it",
					     p->op->name, dc, m.name, c->name);
				} else if (seg_involves(p, g, NULL, dc)) {
					involved = true;
				}
			}
		}
		for (size_t j = 0; j < m.cons.n; j++)
			involved = involved || seg_involves(p, &m.cons.v[j], NULL, dc);
		for (size_t j = 0; j < m.nobjs; j++)
			involved = involved || obj_mentions(&m.objs[j], dc);
	}
	if (p->rc)
		goto out;
	if (d.what.n) {
		mig_strv pk = MIG_STRV_INIT;
		model_pk_columns(p, &m, &pk);
		drop_deps(p, &d, m.name, &drop, &pk);
		mig_strv_free(&pk);
	}
	if (!involved) {
		for (size_t k = 0; k < drop.n; k++) {
			mig_str s = MIG_STR_INIT;
			mig_str_puts(&s, "ALTER TABLE ");
			quote_ident(&s, tname);
			mig_str_puts(&s, " DROP COLUMN ");
			quote_ident(&s, drop.v[k]);
			mig_str_putc(&s, ';');
			step(p, &s);
		}
		goto out;
	}
	for (size_t k = 0; k < drop.n; k++) {
		const char *dc = drop.v[k];
		model_remove_col(&m, model_col(&m, dc));
		for (size_t j = m.cons.n; j-- > 0;)
			if (seg_involves(p, &m.cons.v[j], NULL, dc))
				segv_remove(&m.cons, j);
		for (size_t i = 0; i < m.ncols; i++)
			for (size_t j = m.cols[i].cons.n; j-- > 0;)
				if (seg_involves(p, &m.cols[i].cons.v[j], NULL, dc))
					segv_remove(&m.cols[i].cons, j);
		for (size_t j = 0; j < m.nobjs; j++) {
			tobj *ob = &m.objs[j];
			if (!ob->keep || !obj_mentions(ob, dc))
				continue;
			ob->keep = false;
			if (strcmp(ob->type, "trigger") == 0)
				notice(p, "%s: trigger %s is dropped with column %s of table %s", p->op->name, ob->name, dc,
				       m.name);
		}
	}
	rebuild(p, &m, NULL);
out:
	deps_free(&d);
	model_free(&m);
	mig_strv_free(&names);
	mig_strv_free(&drop);
	mig__free(tname);
}

static void e_renameColumn(sq *p)
{
	char *t = name_of(p, A(p, 0), "the table name");
	char *a = name_of(p, A(p, 1), "the column name");
	char *b = name_of(p, A(p, 2), "the new column name");
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "ALTER TABLE ");
		quote_ident(&s, t);
		mig_str_puts(&s, " RENAME COLUMN ");
		quote_ident(&s, a);
		mig_str_puts(&s, " TO ");
		quote_ident(&s, b);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	mig__free(t);
	mig__free(a);
	mig__free(b);
}

static bool col_in_pk(sq *p, const tmodel *m, const char *col)
{
	mig_strv pk = MIG_STRV_INIT;
	model_pk_columns(p, m, &pk);
	bool r = strv_has(&pk, col);
	mig_strv_free(&pk);
	return r;
}

static void render_col(mig_str *s, const tcol *c)
{
	mig_str_clear(s);
	put_column(s, c);
	mig_str_printf(s, " <- %s", c->src ? c->src : "");
}

static void e_alterColumn(sq *p)
{
	const mig_value *o = opts(p, 2, true);
	char *tname = name_of(p, A(p, 0), "the table name");
	char *cname = name_of(p, A(p, 1), "the column name");
	tmodel m;
	memset(&m, 0, sizeof(m));
	mig_str before = MIG_STR_INIT, now = MIG_STR_INIT;
	sqtype st;
	memset(&st, 0, sizeof(st));
	if (p->rc)
		goto out;
	if (O(o, "sequenceGenerated") || is_null(mig_object_get(o, "sequenceGenerated")))
		unsupported_option(p, "sequenceGenerated",
				   "SQLite cannot add or drop an identity (a serial INTEGER PRIMARY KEY AUTOINCREMENT column numbers rows)");
	const mig_value *eg = mig_object_get(o, "expressionGenerated");
	if (is_str(eg) || is_null(eg))
		unsupported_option(p, "expressionGenerated", "SQLite cannot change a generated column");
	if (p->rc || !need_model(p, tname, &m))
		goto out;
	tcol *c = model_col(&m, cname);
	if (!c) {
		fail(p, MIG_ESQL, "%s: column \"%s\" of relation \"%s\" does not exist", p->op->name, cname, tname);
		goto out;
	}
	render_col(&before, c);
	enum lkind kind = kind_of_column(c);
	if (T(o, "type")) {
		const mig_value *t = O(o, "type");
		mig_value *adapted = is_str(t) ? mig_value_cstring(mig_type_adapt(t->str)) : mig_value_clone(t);
		if (!adapted) {
			oom(p);
			goto out;
		}
		map_type(p, adapted, c->name, &st);
		mig_value_free(adapted);
		if (p->rc)
			goto out;
		if (st.serial) {
			unsupported_option(p, "type: serial",
					   "a column cannot become serial: create the table with an id column instead");
			goto out;
		}
		kind = st.kind;
		mig__free(c->type);
		c->type = dup_or_fail(p, st.decl);
		for (size_t i = c->cons.n; i-- > 0;)
			if (is_type_check(&c->cons.v[i]) || c->cons.v[i].kind == SEG_COLLATE)
				segv_remove(&c->cons, i);
		const seg *pkseg = col_seg(c, SEG_PK);
		if (pkseg && strcmp(st.decl, "INTEGER") != 0 && sql_mentions(pkseg->body, "AUTOINCREMENT")) {
			/* AUTOINCREMENT exists only on INTEGER PRIMARY KEY */
			for (size_t i = 0; i < c->cons.n; i++)
				if (c->cons.v[i].kind == SEG_PK) {
					mig__free(c->cons.v[i].body);
					c->cons.v[i].body = dup_or_fail(p, "PRIMARY KEY");
				}
			if (!col_seg(c, SEG_NOTNULL))
				segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
		}
		const char *coll = T(o, "collation") ? map_collation(p, O(o, "collation")) : st.collate;
		if (coll) {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "COLLATE %s", coll);
			segv_push(p, &c->cons, SEG_COLLATE, NULL, detach_or_fail(p, &b));
		}
		push_type_check(p, c, &st);
		if (T(o, "using")) {
			mig_str u = MIG_STR_INIT;
			mig_str_puts(&u, "(");
			mig_js_string(&u, O(o, "using"));
			mig_str_putc(&u, ')');
			mig__free(c->src);
			c->src = detach_or_fail(p, &u);
		}
	}
	const mig_value *def = mig_object_get(o, "default");
	if (is_null(def)) {
		col_drop_kind(c, SEG_DEFAULT);
	} else if (!mig_value_is_undefined(def)) {
		bool constant;
		set_default(p, c, def, kind, &constant);
	}
	const mig_value *nn = O(o, "notNull");
	if (mig_value_truthy(nn)) {
		if (!col_seg(c, SEG_NOTNULL))
			segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
	} else if (is_false(nn) || T(o, "allowNull")) {
		if (col_in_pk(p, &m, c->name))
			fail(p, MIG_ESQL, "%s: column \"%s\" is in a primary key", p->op->name, c->name);
		col_drop_kind(c, SEG_NOTNULL);
	}
	if (O(o, "comment"))
		notice(p, "%s: the comment on column \"%s\" is skipped: SQLite has no comments", p->op->name, c->name);
	render_col(&now, c);
	if (p->rc || strcmp(mig_str_cstr(&before), mig_str_cstr(&now)) == 0)
		goto out; /* nothing SQLite stores changes */
	rebuild(p, &m, NULL);
out:
	sqtype_free(&st);
	mig_str_free(&before);
	mig_str_free(&now);
	model_free(&m);
	mig__free(tname);
	mig__free(cname);
}

/* ====================================================================== */
/* Constraints                                                             */
/* ====================================================================== */

/* The unique index (made by CREATE UNIQUE INDEX) named `name` on m. */
static tobj *unique_index_obj(const tmodel *m, const char *name)
{
	for (size_t i = 0; i < m->nobjs; i++)
		if (strcmp(m->objs[i].type, "index") == 0 && ieq(m->objs[i].name, name) &&
		    istarts(m->objs[i].sql, "CREATE UNIQUE"))
			return &m->objs[i];
	return NULL;
}

/* A CREATE INDEX/VIEW text with its object renamed; false when the text
 * cannot be read. */
static bool rename_in_sql(sq *p, const char *sql, const char *kind, const char *newname, mig_str *out)
{
	stoks t;
	int rc = lex(sql, &t);
	if (rc) {
		adopt(p, rc);
		return false;
	}
	size_t i = 1;
	while (tk(&t, i)->type != TK_END && !kw(&t, i, kind))
		i++;
	i++;
	if (kw(&t, i, "IF") && kw(&t, i + 1, "NOT") && kw(&t, i + 2, "EXISTS"))
		i += 3;
	size_t start = i, end = i + 1;
	if (punct(&t, i + 1, '.'))
		end = i + 3;
	bool ok = is_name_tok(&t, end - 1) && tk(&t, end - 1)->type != TK_END;
	if (ok) {
		mig_str_put(out, sql, tk(&t, start)->off);
		quote_ident(out, newname);
		mig_str_puts(out, sql + tk(&t, end - 1)->off + tk(&t, end - 1)->len);
	}
	toks_free(&t);
	return ok;
}

/* Recreate an index under a new name (SQLite has no ALTER INDEX). */
static void rename_index(sq *p, const char *oldname, const char *sql, const char *newname)
{
	mig_str s = MIG_STR_INIT, c = MIG_STR_INIT;
	if (!rename_in_sql(p, sql, "INDEX", newname, &c)) {
		if (!p->rc)
			fail(p, MIG_ERROR, "%s: cannot read the definition of index %s", p->op->name, oldname);
		mig_str_free(&c);
		return;
	}
	mig_str_puts(&s, "DROP INDEX ");
	quote_ident(&s, oldname);
	mig_str_putc(&s, ';');
	step(p, &s);
	mig_str_putc(&c, ';');
	step(p, &c);
}

static void e_addConstraint(sq *p)
{
	const mig_value *table = A(p, 0), *name = A(p, 1), *x = A(p, 2);
	char *tname = name_of(p, table, "the table name");
	tmodel m;
	memset(&m, 0, sizeof(m));
	mig_strv after = MIG_STRV_INIT;
	if (p->rc || !need_model(p, tname, &m))
		goto out;
	size_t added = 0;
	if (is_str(x)) {
		/* raw SQL: a table constraint as written */
		enum seg_kind kind = SEG_CHECK;
		if (istarts(x->str, "PRIMARY"))
			kind = SEG_PK;
		else if (istarts(x->str, "UNIQUE"))
			kind = SEG_UNIQUE;
		else if (istarts(x->str, "FOREIGN"))
			kind = SEG_FK;
		else if (!istarts(x->str, "CHECK"))
			fail(p, MIG_ENOTSUPPORTED, "%s: the constraint \"%s\" is not supported on SQLite: give CHECK (...), UNIQUE (...), PRIMARY KEY (...) or FOREIGN KEY (...) REFERENCES ...",
			     p->op->name, x->str);
		if (kind == SEG_PK && model_has_pk(&m))
			fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, tname);
		char *n = mig_value_truthy(name) ? name_of(p, name, "the constraint name") : NULL;
		segv_push(p, &m.cons, kind, n, dup_or_fail(p, x->str));
		added = 1;
	} else {
		const mig_value *o = opts(p, 2, true);
		if (!p->rc)
			added = ir_constraints(p, tname, table, o, name, &m, &after, false);
		if (!p->rc && added == 0 && after.n == 0)
			fail(p, MIG_EINPUT, "No constraint options provided for addConstraint");
	}
	if (p->rc)
		goto out;
	if (added)
		rebuild(p, &m, &after);
	else
		put_after(p, &after);
out:
	mig_strv_free(&after);
	model_free(&m);
	mig__free(tname);
}

/* Foreign keys of other tables that rely on `cols` of m (through a
 * primary key or unique constraint being dropped): an error, or with
 * cascade their removal (PostgreSQL's DROP CONSTRAINT ... CASCADE). */
static void key_dependents(sq *p, const tmodel *m, const mig_strv *cols, bool cascade, const char *what)
{
	deps d;
	find_deps(p, m, cols, false, &d);
	if (d.what.n && !cascade) {
		mig_str w = MIG_STR_INIT;
		put_deps(&w, &d);
		fail(p, MIG_ESQL, "%s: cannot drop %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, what, mig_str_cstr(&w));
		mig_str_free(&w);
	} else if (d.what.n) {
		mig_strv pk = MIG_STRV_INIT;
		model_pk_columns(p, m, &pk);
		drop_deps(p, &d, m->name, cols, &pk);
		mig_strv_free(&pk);
	}
	deps_free(&d);
}

static void e_dropConstraint(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *tname = name_of(p, A(p, 0), "the table name");
	char *cname = name_of(p, A(p, 1), "the constraint name");
	tmodel m;
	memset(&m, 0, sizeof(m));
	mig_strv cols = MIG_STRV_INIT;
	mig_str what = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (!load_model(p, tname, &m)) {
		if (p->rc)
			goto out;
		if (T(o, "ifTableExists"))
			notice(p, "relation \"%s\" does not exist, skipping", tname);
		else
			fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, tname);
		goto out;
	}
	mig_str_printf(&what, "constraint %s on table %s", cname, m.name);
	tobj *ix = unique_index_obj(&m, cname);
	if (ix) {
		seg fake = {SEG_UNIQUE, NULL, ix->sql};
		seg_columns(p, &fake, NULL, &cols);
		key_dependents(p, &m, &cols, T(o, "cascade"), mig_str_cstr(&what));
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP INDEX ");
		quote_ident(&s, ix->name);
		mig_str_putc(&s, ';');
		step(p, &s);
		goto out;
	}
	size_t found = 0;
	bool pk = false, lost_autoincrement = false;
	for (size_t k = 0; k <= m.ncols && !p->rc; k++) {
		tcol *owner = k < m.ncols ? &m.cols[k] : NULL;
		segv *v = owner ? &owner->cons : &m.cons;
		for (size_t i = v->n; i-- > 0 && !p->rc;) {
			seg *g = &v->v[i];
			if (is_type_check(g))
				continue;
			char *label = seg_label(p, &m, owner, g);
			bool match = label && ieq(label, cname);
			mig__free(label);
			if (!match)
				continue;
			if (g->kind == SEG_PK || g->kind == SEG_UNIQUE)
				seg_columns(p, g, owner, &cols);
			if (g->kind == SEG_PK) {
				pk = true;
				lost_autoincrement = lost_autoincrement || sql_mentions(g->body, "AUTOINCREMENT");
			}
			segv_remove(v, i);
			found++;
		}
	}
	if (p->rc)
		goto out;
	if (!found) {
		if (T(o, "ifExists"))
			notice(p, "constraint \"%s\" of relation \"%s\" does not exist, skipping", cname, tname);
		else
			fail(p, MIG_ESQL, "%s: constraint \"%s\" of relation \"%s\" does not exist", p->op->name, cname, tname);
		goto out;
	}
	if (cols.n)
		key_dependents(p, &m, &cols, T(o, "cascade"), mig_str_cstr(&what));
	if (pk) {
		/* PostgreSQL keeps the columns NOT NULL */
		for (size_t i = 0; i < cols.n; i++) {
			tcol *c = model_col(&m, cols.v[i]);
			if (c && !col_seg(c, SEG_NOTNULL))
				segv_pushs(p, &c->cons, SEG_NOTNULL, NULL, "NOT NULL");
		}
	}
	if (lost_autoincrement)
		notice(p, "%s: without its primary key, \"%s\" is no longer numbered automatically on SQLite (PostgreSQL keeps the serial default)",
		       p->op->name, cols.n ? cols.v[0] : "?");
	rebuild(p, &m, NULL);
out:
	mig_str_free(&what);
	mig_strv_free(&cols);
	model_free(&m);
	mig__free(tname);
	mig__free(cname);
}

static void e_renameConstraint(sq *p)
{
	char *tname = name_of(p, A(p, 0), "the table name");
	char *from = name_of(p, A(p, 1), "the constraint name");
	char *to = name_of(p, A(p, 2), "the new constraint name");
	tmodel m;
	memset(&m, 0, sizeof(m));
	if (p->rc || !need_model(p, tname, &m))
		goto out;
	tobj *ix = unique_index_obj(&m, from);
	if (ix) {
		rename_index(p, ix->name, ix->sql, to);
		goto out;
	}
	size_t found = 0;
	for (size_t k = 0; k <= m.ncols && !p->rc; k++) {
		tcol *owner = k < m.ncols ? &m.cols[k] : NULL;
		segv *v = owner ? &owner->cons : &m.cons;
		for (size_t i = 0; i < v->n; i++) {
			if (is_type_check(&v->v[i]))
				continue;
			char *label = seg_label(p, &m, owner, &v->v[i]);
			if (label && ieq(label, from)) {
				mig__free(v->v[i].name);
				v->v[i].name = dup_or_fail(p, to);
				found++;
			}
			mig__free(label);
		}
	}
	if (!found && !p->rc)
		fail(p, MIG_ESQL, "%s: constraint \"%s\" for table \"%s\" does not exist", p->op->name, from, tname);
	rebuild(p, &m, NULL);
out:
	model_free(&m);
	mig__free(tname);
	mig__free(from);
	mig__free(to);
}

/* ====================================================================== */
/* Indexes                                                                 */
/* ====================================================================== */

/* Whether s has a character outside [A-Za-z0-9_".] (/[^\w".]/). */
static bool has_non_word(const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '"' || c == '.'))
			return true;
	}
	return false;
}

/* generateColumnString(): a name is quoted, an expression kept as is
 * (parenthesised unless it already ends with one). */
static void index_column(sq *p, mig_str *out, const mig_value *col)
{
	if (col && col->type == MIG_V_LITERAL) {
		mig_str_put(out, col->str, col->len);
		return;
	}
	mig_str name = MIG_STR_INIT;
	if (!p->rc)
		adopt(p, mig_schemalize(&name, col, p->ctx->decamelize, p->op->name, "an index column"));
	const char *n = mig_str_cstr(&name);
	if (!has_non_word(n)) {
		char *f = final_ident(p, n);
		if (f)
			quote_ident(out, f);
		mig__free(f);
	} else if (name.len && n[name.len - 1] == ')') {
		mig_str_puts(out, n);
	} else {
		mig_str_printf(out, "(%s)", n);
	}
	mig_str_free(&name);
}

static void index_columns(sq *p, mig_str *out, const mig_value *cols)
{
	for (size_t i = 0; i < mig_js_len(cols) && !p->rc; i++) {
		const mig_value *c = mig_js_at(cols, i);
		if (i)
			mig_str_puts(out, ", ");
		if (is_str(c) || (c && c->type == MIG_V_LITERAL)) {
			index_column(p, out, c);
			continue;
		}
		if (!c || c->type != MIG_V_OBJECT) {
			fail(p, MIG_EINPUT, "%s: an index column must be a string, {name, opclass, sort} or pgm.func(), not %s",
			     p->op->name, mig_value_type_name(c));
			return;
		}
		index_column(p, out, O(c, "name"));
		if (T(c, "opclass")) {
			mig_str oc = MIG_STR_INIT;
			mig_js_string(&oc, O(c, "opclass"));
			notice(p, "%s: operator class %s skipped: SQLite has no operator classes", p->op->name,
			       mig_str_cstr(&oc));
			mig_str_free(&oc);
		}
		const mig_value *sort = O(c, "sort");
		if (is_str(sort) && sort->len) {
			mig_str_putc(out, ' ');
			mig_str_puts(out, sort->str);
		}
	}
}

/* generateIndexName() as the final identifier. */
static char *index_name(sq *p, const mig_value *table, const mig_value *cols, const mig_value *o)
{
	if (p->rc)
		return NULL;
	mig_value *name = mig_index_name(table, cols, o, p->ctx->decamelize, p->op->name);
	if (!name) {
		adopt(p, mig_error_last() ? mig_error_last()->code : MIG_ENOMEM);
		return NULL;
	}
	char *r = name_of(p, name, "the index name");
	mig_value_free(name);
	return r;
}

static void index_hints(sq *p, const mig_value *o)
{
	if (T(o, "concurrently"))
		notice(p, "%s: CONCURRENTLY skipped: SQLite builds indexes under its write lock", p->op->name);
	const mig_value *method = O(o, "method");
	if (mig_value_truthy(method)) {
		mig_str m = MIG_STR_INIT;
		mig_js_string(&m, method);
		if (!ieq(mig_str_cstr(&m), "btree"))
			notice(p, "%s: index method %s skipped: SQLite indexes are B-trees", p->op->name, mig_str_cstr(&m));
		mig_str_free(&m);
	}
}

static void e_createIndex(sq *p)
{
	const mig_value *table = A(p, 0), *cols = A(p, 1);
	const mig_value *o = opts(p, 2, false);
	if (p->rc)
		return;
	const mig_value *nulls = O(o, "nulls");
	if (mig_value_truthy(nulls) && !T(o, "unique")) {
		fail(p, MIG_EINPUT, "The \"nulls\" option can only be used with unique indexes.");
		return;
	}
	if (mig_value_truthy(nulls)) {
		mig_str n = MIG_STR_INIT;
		mig_js_string(&n, nulls);
		if (!ieq(mig_str_cstr(&n), "distinct"))
			unsupported_option(p, "nulls: 'not distinct'", "SQLite unique indexes always treat NULLs as distinct");
		mig_str_free(&n);
	}
	char *name = index_name(p, mig_is_name_object(table) ? mig_object_get(table, "name") : table, cols, o);
	char *tname = name_of(p, table, "the table name");
	mig_str colstr = MIG_STR_INIT, s = MIG_STR_INIT;
	index_columns(p, &colstr, cols);
	index_hints(p, o);
	if (T(o, "include"))
		notice(p, "%s: INCLUDE columns skipped: SQLite has no covering-index clause", p->op->name);
	if (!p->rc) {
		mig_str_puts(&s, T(o, "unique") ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
		if (T(o, "ifNotExists"))
			mig_str_puts(&s, "IF NOT EXISTS ");
		quote_ident(&s, name);
		mig_str_puts(&s, " ON ");
		quote_ident(&s, tname);
		mig_str_printf(&s, " (%s)", mig_str_cstr(&colstr));
		if (T(o, "where")) {
			mig_str_puts(&s, " WHERE ");
			mig_js_string(&s, O(o, "where"));
		}
		mig_str_putc(&s, ';');
	}
	step(p, &s);
	mig_str_free(&colstr);
	mig__free(name);
	mig__free(tname);
}

static void e_dropIndex(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *name = index_name(p, A(p, 0), A(p, 1), o);
	index_hints(p, o);
	if (T(o, "cascade"))
		notice(p, "%s: CASCADE skipped: SQLite indexes have no dependent objects", p->op->name);
	mig_str s = MIG_STR_INIT;
	if (!p->rc) {
		mig_str_puts(&s, T(o, "ifExists") ? "DROP INDEX IF EXISTS " : "DROP INDEX ");
		quote_ident(&s, name);
		mig_str_putc(&s, ';');
	}
	step(p, &s);
	mig__free(name);
}

static void e_renameIndex(sq *p)
{
	char *from = name_of(p, A(p, 0), "the index name");
	char *to = name_of(p, A(p, 1), "the new index name");
	mig_str sql = MIG_STR_INIT, stored = MIG_STR_INIT;
	if (!p->rc) {
		if (!find_object(p, from, "'index'", NULL, &stored, &sql)) {
			if (!p->rc)
				fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, from);
		} else if (!sql.len) {
			fail(p, MIG_ENOTSUPPORTED,
			     "%s is not supported on SQLite for %s: it is the index SQLite made for a UNIQUE or PRIMARY KEY constraint",
			     p->op->name, mig_str_cstr(&stored));
		} else {
			rename_index(p, mig_str_cstr(&stored), mig_str_cstr(&sql), to);
		}
	}
	mig_str_free(&sql);
	mig_str_free(&stored);
	mig__free(from);
	mig__free(to);
}

/* ====================================================================== */
/* Enum types                                                              */
/* ====================================================================== */

/* The tables that have a column of enum type `type`. */
static void enum_users(sq *p, const char *type, mig_strv *tables, mig_str *columns)
{
	mig_str want = MIG_STR_INIT;
	mig_str_printf(&want, TYPE_CHECK_PREFIX "%s", type);
	mig_rows *r = all_tables(p);
	for (size_t i = 0; r && i < r->nrows && !p->rc; i++) {
		tmodel m;
		memset(&m, 0, sizeof(m));
		m.name = dup_or_fail(p, cell(r, i, 0));
		if (parse_create_table(p, cell(r, i, 1), &m)) {
			for (size_t k = 0; k < m.ncols; k++) {
				const tcol *c = &m.cols[k];
				bool uses = false;
				for (size_t j = 0; j < c->cons.n; j++)
					uses = uses || (c->cons.v[j].name && strcmp(c->cons.v[j].name, mig_str_cstr(&want)) == 0);
				if (!uses)
					continue;
				if (!strv_has(tables, m.name))
					strv_add(p, tables, m.name);
				if (columns)
					mig_str_printf(columns, "%scolumn %s of table %s", columns->len ? ", " : "", c->name,
						       m.name);
			}
		}
		model_free(&m);
	}
	mig_rows_free(r);
	mig_str_free(&want);
}

/*
 * Rebuild every table using enum `type`: its "type:" checks get the
 * values `values` (and the name `rename_to` when given); when from/to are
 * given, stored values `from` become `to` in the copy.
 */
static void enum_rebuild_users(sq *p, const char *type, const mig_strv *values, const char *rename_to,
			       const char *from, const char *to)
{
	mig_strv tables = MIG_STRV_INIT;
	enum_users(p, type, &tables, NULL);
	mig_str want = MIG_STR_INIT;
	mig_str_printf(&want, TYPE_CHECK_PREFIX "%s", type);
	sqtype st;
	memset(&st, 0, sizeof(st));
	st.ck = CK_ENUM;
	st.values = *values;
	for (size_t i = 0; i < tables.n && !p->rc; i++) {
		tmodel m;
		if (!need_model(p, tables.v[i], &m)) {
			model_free(&m);
			break;
		}
		for (size_t k = 0; k < m.ncols && !p->rc; k++) {
			tcol *c = &m.cols[k];
			for (size_t j = 0; j < c->cons.n; j++) {
				seg *g = &c->cons.v[j];
				if (!g->name || strcmp(g->name, mig_str_cstr(&want)) != 0)
					continue;
				mig_str b = MIG_STR_INIT;
				type_check_body(&b, &st, c->name);
				mig__free(g->body);
				g->body = detach_or_fail(p, &b);
				if (rename_to) {
					mig_str n = MIG_STR_INIT;
					mig_str_printf(&n, TYPE_CHECK_PREFIX "%s", rename_to);
					mig__free(g->name);
					g->name = detach_or_fail(p, &n);
				}
				if (from && c->src) {
					mig_str e = MIG_STR_INIT;
					mig_str_printf(&e, "CASE WHEN %s = ", c->src);
					quote_literal(&e, from);
					mig_str_puts(&e, " THEN ");
					quote_literal(&e, to);
					mig_str_printf(&e, " ELSE %s END", c->src);
					mig__free(c->src);
					c->src = detach_or_fail(p, &e);
				}
				break;
			}
		}
		rebuild(p, &m, NULL);
		model_free(&m);
	}
	mig_str_free(&want);
	mig_strv_free(&tables);
}

static void enum_table_create(sq *p)
{
	step_text(p, "CREATE TABLE IF NOT EXISTS " ENUM_TABLE
		     " (type_name TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (type_name, value));");
}

/* Replace the stored values of `type`. */
static void enum_store(sq *p, const char *type, const mig_strv *values, bool delete_first)
{
	mig_str s = MIG_STR_INIT;
	if (delete_first) {
		mig_str_puts(&s, "DELETE FROM " ENUM_TABLE " WHERE type_name = ");
		quote_literal(&s, type);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	if (!values->n)
		return;
	mig_str_puts(&s, "INSERT INTO " ENUM_TABLE " (type_name, position, value) VALUES ");
	for (size_t i = 0; i < values->n; i++) {
		mig_str_puts(&s, i ? ", (" : "(");
		quote_literal(&s, type);
		mig_str_printf(&s, ", %zu, ", i + 1);
		quote_literal(&s, values->v[i]);
		mig_str_putc(&s, ')');
	}
	mig_str_putc(&s, ';');
	step(p, &s);
}

static void e_createType(sq *p)
{
	const mig_value *v = A(p, 1);
	char *name = name_of(p, A(p, 0), "the type name");
	mig_strv values = MIG_STRV_INIT, existing = MIG_STRV_INIT;
	if (p->rc)
		goto out;
	if (v && v->type == MIG_V_OBJECT) {
		unsupported(p, "SQLite has no composite types (use columns, or a json column)");
		goto out;
	}
	if (!v || v->type != MIG_V_ARRAY) {
		fail(p, MIG_EINPUT, "%s: the values must be an array (enum) or an object of attributes, not %s", p->op->name,
		     mig_value_type_name(v));
		goto out;
	}
	if (enum_values(p, name, &existing)) {
		fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, name);
		goto out;
	}
	for (size_t i = 0; i < v->n && !p->rc; i++) {
		mig_str t = MIG_STR_INIT;
		mig_js_string(&t, v->items[i]);
		char *d = detach_or_fail(p, &t);
		if (d && strv_has(&values, d))
			fail(p, MIG_ESQL, "%s: enum label \"%s\" used more than once", p->op->name, d);
		if (d && !p->rc)
			adopt(p, mig_strv_push(&values, d));
		else
			mig__free(d);
	}
	enum_table_create(p);
	enum_store(p, name, &values, false);
out:
	mig_strv_free(&values);
	mig_strv_free(&existing);
	mig__free(name);
}

/* The values of an enum that must exist (PostgreSQL's error otherwise). */
static bool need_enum(sq *p, const char *name, mig_strv *values)
{
	if (enum_values(p, name, values))
		return true;
	if (!p->rc)
		fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
	return false;
}

static void e_dropType(sq *p)
{
	const mig_value *o = opts(p, 1, false);
	char *name = name_of(p, A(p, 0), "the type name");
	mig_strv values = MIG_STRV_INIT, tables = MIG_STRV_INIT;
	mig_str cols = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (!enum_values(p, name, &values)) {
		if (p->rc)
			goto out;
		if (T(o, "ifExists"))
			notice(p, "type \"%s\" does not exist, skipping", name);
		else
			fail(p, MIG_ESQL, "%s: type \"%s\" does not exist", p->op->name, name);
		goto out;
	}
	enum_users(p, name, &tables, &cols);
	if (tables.n) {
		if (T(o, "cascade"))
			fail(p, MIG_ENOTSUPPORTED, "%s with cascade is not supported on SQLite while columns use the type (%s): drop those columns first",
			     p->op->name, mig_str_cstr(&cols));
		else
			fail(p, MIG_ESQL, "%s: cannot drop type %s because other objects depend on it: %s", p->op->name, name,
			     mig_str_cstr(&cols));
		goto out;
	}
	mig_strv none = MIG_STRV_INIT;
	enum_store(p, name, &none, true);
out:
	mig_str_free(&cols);
	mig_strv_free(&values);
	mig_strv_free(&tables);
	mig__free(name);
}

static void e_renameType(sq *p)
{
	char *from = name_of(p, A(p, 0), "the type name");
	char *to = name_of(p, A(p, 1), "the new type name");
	mig_strv values = MIG_STRV_INIT, other = MIG_STRV_INIT;
	if (p->rc || !need_enum(p, from, &values))
		goto out;
	if (enum_values(p, to, &other)) {
		fail(p, MIG_ESQL, "%s: type \"%s\" already exists", p->op->name, to);
		goto out;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "UPDATE " ENUM_TABLE " SET type_name = ");
	quote_literal(&s, to);
	mig_str_puts(&s, " WHERE type_name = ");
	quote_literal(&s, from);
	mig_str_putc(&s, ';');
	step(p, &s);
	enum_rebuild_users(p, from, &values, to, NULL, NULL);
out:
	mig_strv_free(&values);
	mig_strv_free(&other);
	mig__free(from);
	mig__free(to);
}

static size_t strv_index(const mig_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return i;
	return (size_t)-1;
}

static void e_addTypeValue(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *name = name_of(p, A(p, 0), "the type name");
	mig_strv values = MIG_STRV_INIT;
	mig_str v = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (O(o, "before") && O(o, "after")) {
		fail(p, MIG_EINPUT, "\"before\" and \"after\" can't be specified together");
		goto out;
	}
	if (!need_enum(p, name, &values))
		goto out;
	mig_js_string(&v, A(p, 1));
	if (strv_index(&values, mig_str_cstr(&v)) != (size_t)-1) {
		if (T(o, "ifNotExists"))
			notice(p, "enum label \"%s\" already exists, skipping", mig_str_cstr(&v));
		else
			fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, mig_str_cstr(&v));
		goto out;
	}
	size_t at = values.n;
	const mig_value *anchor = O(o, "before") ? O(o, "before") : O(o, "after");
	if (anchor) {
		mig_str a = MIG_STR_INIT;
		mig_js_string(&a, anchor);
		at = strv_index(&values, mig_str_cstr(&a));
		if (at == (size_t)-1)
			fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name, mig_str_cstr(&a));
		else if (O(o, "after"))
			at++;
		mig_str_free(&a);
	}
	if (p->rc)
		goto out;
	char *d = detach_or_fail(p, &v);
	if (!d || mig_strv_push(&values, d)) {
		if (!p->rc)
			oom(p);
		goto out;
	}
	memmove(&values.v[at + 1], &values.v[at], (values.n - 1 - at) * sizeof(*values.v));
	values.v[at] = d;
	enum_store(p, name, &values, true);
	enum_rebuild_users(p, name, &values, NULL, NULL, NULL);
out:
	mig_str_free(&v);
	mig_strv_free(&values);
	mig__free(name);
}

static void e_renameTypeValue(sq *p)
{
	char *name = name_of(p, A(p, 0), "the type name");
	mig_strv values = MIG_STRV_INIT;
	mig_str from = MIG_STR_INIT, to = MIG_STR_INIT;
	if (p->rc || !need_enum(p, name, &values))
		goto out;
	mig_js_string(&from, A(p, 1));
	mig_js_string(&to, A(p, 2));
	size_t at = strv_index(&values, mig_str_cstr(&from));
	if (at == (size_t)-1) {
		fail(p, MIG_ESQL, "%s: \"%s\" is not an existing enum label", p->op->name, mig_str_cstr(&from));
		goto out;
	}
	if (strv_index(&values, mig_str_cstr(&to)) != (size_t)-1) {
		fail(p, MIG_ESQL, "%s: enum label \"%s\" already exists", p->op->name, mig_str_cstr(&to));
		goto out;
	}
	char *d = dup_or_fail(p, mig_str_cstr(&to));
	if (!d)
		goto out;
	mig__free(values.v[at]);
	values.v[at] = d;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "UPDATE " ENUM_TABLE " SET value = ");
	quote_literal(&s, mig_str_cstr(&to));
	mig_str_puts(&s, " WHERE type_name = ");
	quote_literal(&s, name);
	mig_str_puts(&s, " AND value = ");
	quote_literal(&s, mig_str_cstr(&from));
	mig_str_putc(&s, ';');
	step(p, &s);
	enum_rebuild_users(p, name, &values, NULL, mig_str_cstr(&from), mig_str_cstr(&to));
out:
	mig_str_free(&from);
	mig_str_free(&to);
	mig_strv_free(&values);
	mig__free(name);
}

/* ====================================================================== */
/* Views                                                                   */
/* ====================================================================== */

/* Other views (and triggers) whose text names `name`. */
static void view_dependents(sq *p, const char *name, mig_strv *views, mig_str *what)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND name <> ");
	quote_literal(&q, name);
	mig_str_puts(&q, " COLLATE NOCASE ORDER BY rowid");
	mig_rows *r = cat_query(p, &q);
	for (size_t i = 0; r && i < r->nrows && !p->rc; i++) {
		if (!sql_mentions(cell(r, i, 2), name))
			continue;
		mig_str_printf(what, "%s%s %s", what->len ? ", " : "", cell(r, i, 0), cell(r, i, 1));
		if (strcmp(cell(r, i, 0), "view") == 0)
			strv_add(p, views, cell(r, i, 1));
	}
	mig_rows_free(r);
}

static void e_createView(sq *p)
{
	const mig_value *o = opts(p, 1, true);
	char *name = name_of(p, A(p, 0), "the view name");
	mig_str cols = MIG_STR_INIT, def = MIG_STR_INIT, s = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (T(o, "recursive"))
		unsupported_option(p, "recursive", "write WITH RECURSIVE inside the view's query instead");
	if (T(o, "checkOption"))
		notice(p, "%s: WITH CHECK OPTION skipped: SQLite views are read-only", p->op->name);
	const mig_value *vo = O(o, "options");
	for (size_t i = 0; vo && vo->type == MIG_V_OBJECT && i < vo->n; i++)
		notice(p, "%s: view option %s skipped: SQLite views have no options", p->op->name, vo->keys[i]);
	const mig_value *c = O(o, "columns");
	if (c && !(c->type == MIG_V_ARRAY && c->n == 0))
		name_list(p, &cols, c, "a view column", NULL);
	mig_js_string(&def, A(p, 2));
	/* node-pg-migrate appends ';' after the definition; one is enough */
	while (def.len && (mig_str_cstr(&def)[def.len - 1] == ';' || mig_str_cstr(&def)[def.len - 1] == ' ' ||
			   mig_str_cstr(&def)[def.len - 1] == '\n'))
		mig_str_truncate(&def, def.len - 1);
	if (p->rc)
		goto out;
	if (T(o, "replace")) {
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		quote_ident(&s, name);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	mig_str_puts(&s, T(o, "temporary") ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ");
	quote_ident(&s, name);
	if (cols.len)
		mig_str_printf(&s, " (%s)", mig_str_cstr(&cols));
	mig_str_printf(&s, " AS %s;", mig_str_cstr(&def));
	step(p, &s);
out:
	mig_str_free(&cols);
	mig_str_free(&def);
	mig_str_free(&s);
	mig__free(name);
}

static void e_dropView(sq *p)
{
	const mig_value *o = opts(p, 1, false);
	char *name = name_of(p, A(p, 0), "the view name");
	mig_strv views = MIG_STRV_INIT;
	mig_str what = MIG_STR_INIT;
	if (p->rc)
		goto out;
	if (have_catalog(p))
		view_dependents(p, name, &views, &what);
	if (views.n && !T(o, "cascade")) {
		fail(p, MIG_ESQL, "%s: cannot drop view %s because other objects depend on it: %s (use {cascade: true} to drop them too)",
		     p->op->name, name, mig_str_cstr(&what));
		goto out;
	}
	for (size_t i = 0; i < views.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, "DROP VIEW IF EXISTS ");
		quote_ident(&s, views.v[i]);
		mig_str_putc(&s, ';');
		step(p, &s);
		notice(p, "%s: drop cascades to view %s", p->op->name, views.v[i]);
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, T(o, "ifExists") ? "DROP VIEW IF EXISTS " : "DROP VIEW ");
	quote_ident(&s, name);
	mig_str_putc(&s, ';');
	step(p, &s);
out:
	mig_strv_free(&views);
	mig_str_free(&what);
	mig__free(name);
}

static void e_renameView(sq *p)
{
	char *from = name_of(p, A(p, 0), "the view name");
	char *to = name_of(p, A(p, 1), "the new view name");
	mig_str sql = MIG_STR_INIT, stored = MIG_STR_INIT, what = MIG_STR_INIT, c = MIG_STR_INIT;
	mig_strv views = MIG_STRV_INIT;
	if (p->rc)
		goto out;
	if (!find_object(p, from, "'view'", NULL, &stored, &sql)) {
		if (!p->rc)
			fail(p, MIG_ESQL, "%s: relation \"%s\" does not exist", p->op->name, from);
		goto out;
	}
	view_dependents(p, mig_str_cstr(&stored), &views, &what);
	if (what.len) {
		fail(p, MIG_ENOTSUPPORTED, "%s is not supported on SQLite for a view that other objects use (%s): SQLite cannot rewrite them; drop and recreate them around the rename",
		     p->op->name, mig_str_cstr(&what));
		goto out;
	}
	if (!rename_in_sql(p, mig_str_cstr(&sql), "VIEW", to, &c)) {
		if (!p->rc)
			fail(p, MIG_ERROR, "%s: cannot read the definition of view %s", p->op->name, from);
		goto out;
	}
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "DROP VIEW ");
	quote_ident(&s, mig_str_cstr(&stored));
	mig_str_putc(&s, ';');
	step(p, &s);
	mig_str_putc(&c, ';');
	step(p, &c);
out:
	mig_str_free(&sql);
	mig_str_free(&stored);
	mig_str_free(&what);
	mig_str_free(&c);
	mig_strv_free(&views);
	mig__free(from);
	mig__free(to);
}

/* ====================================================================== */
/* sql, extensions, triggers                                               */
/* ====================================================================== */

/* escapeValue() with SQLite literals: strings single-quoted (SQLite has
 * no dollar quoting), pg literals raw, arrays refused. */
static void esc(sq *p, mig_str *out, const mig_value *v)
{
	if (mig_value_is_undefined(v))
		return;
	switch (v->type) {
	case MIG_V_NULL:
		mig_str_puts(out, "NULL");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "TRUE" : "FALSE");
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING:
		quote_literal(out, v->str);
		break;
	case MIG_V_LITERAL:
		mig_str_put(out, v->str, v->len);
		break;
	case MIG_V_ARRAY:
		fail(p, MIG_ENOTSUPPORTED, "%s: an array argument is not supported on SQLite: SQLite has no arrays",
		     p->op->name);
		break;
	case MIG_V_OBJECT:
		if (mig_js_is_pg_literal(v))
			mig_js_pg_literal_text(out, v);
		break;
	case MIG_V_UNDEFINED:
		break;
	}
}

static void sql_name(void *ud, mig_str *out, const mig_qname *n)
{
	sq *p = ud;
	if (n->raw) {
		fail(p, MIG_ENOTSUPPORTED, "%s: an argument given as pgm.func('%s') is not supported on SQLite: give the name as a string",
		     p->op->name, n->name);
		return;
	}
	if (n->schema && strcmp(n->schema, "public") != 0 && strcmp(n->schema, "main") != 0) {
		fail(p, MIG_ENOTSUPPORTED, "%s: schema \"%s\" is not supported on SQLite: SQLite has no schemas (only public/main)",
		     p->op->name, n->schema);
		return;
	}
	char *f = final_ident(p, n->name);
	if (f)
		quote_ident(out, f);
	mig__free(f);
}

static void sql_value(void *ud, mig_str *out, const mig_value *v)
{
	esc(ud, out, v);
}

static int split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n);

/* pgm.sql(): user SQL, run statement by statement as the splitter finds them. */
static int emit_sql(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	mig_strv none = MIG_STRV_INIT;
	sq p = {.ctx = ctx, .op = op, .steps = &none, .rc = 0};
	mig_sql_render r = {.name = sql_name, .value = sql_value, .ud = &p};
	mig_str s = MIG_STR_INIT;
	mig_sql_substitute(&s, &def->u.sql, &r);
	if (p.rc || mig_str_failed(&s)) {
		mig_str_free(&s);
		return p.rc ? p.rc : mig_error_oom();
	}
	size_t *start = NULL, *len = NULL, n = 0;
	int rc = split(mig_str_cstr(&s), s.len, &start, &len, &n);
	if (rc == 0)
		rc = mig_steps_push_user(steps, mig_str_detach(&s), start, len, n);
	mig_str_free(&s);
	mig__free(start);
	mig__free(len);
	return rc;
}

static void extension_notice(sq *p)
{
	const mig_value *exts = A(p, 0);
	for (size_t i = 0; i < mig_js_len(exts) && !p->rc; i++) {
		mig_str n = MIG_STR_INIT;
		mig_js_string(&n, mig_js_at(exts, i));
		notice(p, "%s \"%s\" skipped: SQLite has no extensions", p->op->name, mig_str_cstr(&n));
		mig_str_free(&n);
	}
}

static void e_createExtension(sq *p)
{
	(void)opts(p, 1, false);
	extension_notice(p);
}

static void e_dropExtension(sq *p)
{
	(void)opts(p, 1, false);
	extension_notice(p);
}

/* A trigger made with pgm.sql() can be dropped by name. */
static void e_dropTrigger(sq *p)
{
	const mig_value *o = opts(p, 2, false);
	char *table = name_of(p, A(p, 0), "the table name");
	char *name = name_of(p, A(p, 1), "the trigger name");
	if (T(o, "cascade"))
		notice(p, "%s: CASCADE skipped: nothing depends on a SQLite trigger", p->op->name);
	if (!p->rc) {
		mig_str s = MIG_STR_INIT;
		mig_str_puts(&s, T(o, "ifExists") ? "DROP TRIGGER IF EXISTS " : "DROP TRIGGER ");
		quote_ident(&s, name);
		mig_str_putc(&s, ';');
		step(p, &s);
	}
	mig__free(table);
	mig__free(name);
}

/* ====================================================================== */
/* Splitting user SQL                                                      */
/* ====================================================================== */

/*
 * The statements of user SQL: a ';' outside quotes, comments and
 * parentheses ends one, except inside the BEGIN ... END body of a CREATE
 * TRIGGER (where CASE ... END nests). The bounds cover a statement from
 * its first token to its ';' (or its last token).
 */
static int split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	*start = *slen = NULL;
	*n = 0;
	char *copy = mig_strndup(sql, len); /* the lexer reads a C string */
	if (!copy)
		return MIG_ENOMEM;
	stoks t;
	int rc = lex(copy, &t);
	if (rc) {
		mig__free(copy);
		return rc;
	}
	size_t *st = mig__reallocarray(NULL, t.n ? t.n : 1, sizeof(*st));
	size_t *ln = mig__reallocarray(NULL, t.n ? t.n : 1, sizeof(*ln));
	if (!st || !ln) {
		rc = mig_error_oom();
		goto out;
	}
	size_t count = 0, first = 0;
	bool trigger = false, open = false;
	int depth = 0, body = 0; /* parentheses; BEGIN/CASE ... END nesting in a trigger */
	for (size_t i = 0; i < t.n; i++) {
		const stok *x = tk(&t, i);
		bool end = x->type == TK_END;
		if (!end && !open && punct(&t, i, ';'))
			continue; /* an empty statement */
		if (!end && !open) {
			open = true;
			first = i;
			trigger = kw(&t, i, "CREATE") &&
				  (kw(&t, i + 1, "TRIGGER") ||
				   ((kw(&t, i + 1, "TEMP") || kw(&t, i + 1, "TEMPORARY")) && kw(&t, i + 2, "TRIGGER")));
			depth = body = 0;
		}
		if (!end && punct(&t, i, '('))
			depth++;
		else if (!end && punct(&t, i, ')') && depth > 0)
			depth--;
		else if (!end && trigger && (kw(&t, i, "BEGIN") || kw(&t, i, "CASE")))
			body++;
		else if (!end && trigger && kw(&t, i, "END") && body > 0)
			body--;
		bool semi = !end && punct(&t, i, ';') && depth == 0 && body == 0;
		if (open && (semi || end)) {
			const stok *a = tk(&t, first);
			const stok *b = end ? tk(&t, i - 1) : x;
			if (!(end && i == first)) {
				st[count] = a->off;
				ln[count] = b->off + b->len - a->off;
				count++;
			}
			open = false;
		}
		if (end)
			break;
	}
	*start = st;
	*slen = ln;
	*n = count;
	st = ln = NULL;
out:
	mig__free(st);
	mig__free(ln);
	toks_free(&t);
	mig__free(copy);
	return rc;
}

/* ====================================================================== */
/* Dispatch                                                                */
/* ====================================================================== */

#define OP(n) {#n, e_##n}
static const struct {
	const char *name;
	void (*fn)(sq *p);
} ops[] = {
	OP(createTable), OP(dropTable), OP(renameTable), OP(alterTable), OP(addColumns), OP(dropColumns),
	OP(renameColumn), OP(alterColumn), OP(addConstraint), OP(dropConstraint), OP(renameConstraint),
	OP(createIndex), OP(dropIndex), OP(renameIndex), OP(createType), OP(dropType), OP(renameType),
	OP(addTypeValue), OP(renameTypeValue), OP(createExtension), OP(dropExtension), OP(createView),
	OP(dropView), OP(renameView), OP(dropTrigger),
};
#undef OP

/* What SQLite cannot express, and why. */
static const struct {
	const char *name;
	const char *why;
} refused[] = {
	{"createSchema", "SQLite has no schemas (one database file is one schema)"},
	{"dropSchema", "SQLite has no schemas (one database file is one schema)"},
	{"renameSchema", "SQLite has no schemas (one database file is one schema)"},
	{"createSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"alterSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"dropSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"renameSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"createFunction", "SQLite has no stored functions"},
	{"dropFunction", "SQLite has no stored functions"},
	{"renameFunction", "SQLite has no stored functions"},
	{"createTrigger", "SQLite triggers have no trigger functions (write the CREATE TRIGGER ... BEGIN ... END with pgm.sql())"},
	{"renameTrigger", "SQLite cannot rename a trigger (drop it and create it again with pgm.sql())"},
	{"dropTriggerAndFunction", "SQLite has no stored functions"},
	{"alterView", "SQLite views have no options"},
	{"alterViewColumn", "SQLite views have no column defaults"},
	{"createMaterializedView", "SQLite has no materialized views (use a table filled by pgm.sql(), or a view)"},
	{"alterMaterializedView", "SQLite has no materialized views"},
	{"refreshMaterializedView", "SQLite has no materialized views"},
	{"renameMaterializedView", "SQLite has no materialized views"},
	{"renameMaterializedViewColumn", "SQLite has no materialized views"},
	{"dropMaterializedView", "SQLite has no materialized views"},
	{"createDomain", "SQLite has no domains (use the base type and a CHECK)"},
	{"alterDomain", "SQLite has no domains"},
	{"dropDomain", "SQLite has no domains"},
	{"renameDomain", "SQLite has no domains"},
	{"createPolicy", "SQLite has no row-level security"},
	{"alterPolicy", "SQLite has no row-level security"},
	{"dropPolicy", "SQLite has no row-level security"},
	{"renamePolicy", "SQLite has no row-level security"},
	{"createRole", "SQLite has no roles"},
	{"alterRole", "SQLite has no roles"},
	{"dropRole", "SQLite has no roles"},
	{"renameRole", "SQLite has no roles"},
	{"grantRoles", "SQLite has no roles or privileges"},
	{"revokeRoles", "SQLite has no roles or privileges"},
	{"grantOnSchemas", "SQLite has no roles or privileges"},
	{"revokeOnSchemas", "SQLite has no roles or privileges"},
	{"grantOnTables", "SQLite has no roles or privileges"},
	{"revokeOnTables", "SQLite has no roles or privileges"},
	{"createCast", "SQLite has no user-defined casts"},
	{"dropCast", "SQLite has no user-defined casts"},
	{"createOperator", "SQLite has no user-defined operators"},
	{"dropOperator", "SQLite has no user-defined operators"},
	{"createOperatorFamily", "SQLite has no user-defined operators"},
	{"dropOperatorFamily", "SQLite has no user-defined operators"},
	{"renameOperatorFamily", "SQLite has no user-defined operators"},
	{"createOperatorClass", "SQLite has no user-defined operators"},
	{"dropOperatorClass", "SQLite has no user-defined operators"},
	{"renameOperatorClass", "SQLite has no user-defined operators"},
	{"addToOperatorFamily", "SQLite has no user-defined operators"},
	{"removeFromOperatorFamily", "SQLite has no user-defined operators"},
	{"addTypeAttribute", "SQLite has no composite types"},
	{"dropTypeAttribute", "SQLite has no composite types"},
	{"setTypeAttribute", "SQLite has no composite types"},
	{"renameTypeAttribute", "SQLite has no composite types"},
};

static const char *refuses(enum mig_op_kind kind)
{
	const char *name = mig_op_kind_name(kind);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (strcmp(refused[i].name, name) == 0)
			return refused[i].why;
	return NULL;
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	if (op->kind == MIG_OP_SQL && def)
		return emit_sql(ctx, op, def, steps);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(ops[i].name, op->name) != 0)
			continue;
		/* Build into a local list so that a failing operation adds no
		 * step at all. The statements then go out as ONE step: a
		 * rebuild is a sequence that must run in order, and the runner
		 * reverses the steps of an operation in an inferred down (as
		 * node-pg-migrate does with its step list). */
		mig_strv local = MIG_STRV_INIT;
		sq p = {.ctx = ctx, .op = op, .steps = &local, .rc = 0};
		ops[i].fn(&p);
		if (p.rc == 0 && local.n)
			p.rc = mig_steps_push(steps, &local);
		mig_strv_free(&local);
		return p.rc;
	}
	return mig_error_set(MIG_EINPUT, "unknown operation pgm.%s()", op->name);
}

/* Whether addConstraint's options hold only a UNIQUE (an index here). */
static bool only_unique(const mig_value *o)
{
	if (!o || o->type != MIG_V_OBJECT)
		return false;
	static const char *const rebuilds[] = {"check", "primaryKey", "foreignKeys"};
	for (size_t i = 0; i < sizeof(rebuilds) / sizeof(rebuilds[0]); i++)
		if (mig_opt_truthy(o, rebuilds[i]))
			return false;
	return true;
}

/* Operations that may rebuild a table need foreign keys off around the
 * transaction (see rebuild()). */
static unsigned op_flags(const mig_op *op, const mig_opdef *def)
{
	(void)def;
	static const char *const rebuilds[] = {"alterColumn",  "addColumns",  "dropColumns",   "dropConstraint",
					       "renameConstraint", "renameType", "addTypeValue", "renameTypeValue"};
	for (size_t i = 0; i < sizeof(rebuilds) / sizeof(rebuilds[0]); i++)
		if (strcmp(op->name, rebuilds[i]) == 0)
			return MIG_OPF_RELAXED_FK;
	if (strcmp(op->name, "addConstraint") == 0)
		return only_unique(mig_op_arg(op, 2)) ? 0 : MIG_OPF_RELAXED_FK;
	if (strcmp(op->name, "dropTable") == 0)
		return mig_opt_truthy(mig_op_arg(op, 1), "cascade") ? MIG_OPF_RELAXED_FK : 0;
	return 0;
}

const mig_dialect mig_sqlite_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "sqlite",
	.display = "SQLite",
	.flags = MIG_DIALECT_NEEDS_CATALOG,
	.emit = emit,
	.op_flags = op_flags,
	.refuses = refuses,
	.state_sql = state_sql,
	.lock_sql = lock_sql,
	.session_sql = session_sql,
	.split = split,
	.default_schema = NULL,
};
