/*
 * PostgreSQL and the shared table model: the rules by which typed
 * operations change it (dialects/common/model_apply.h) — how PostgreSQL
 * spells a type once stored, what a default reads back as, the names it
 * gives unnamed constraints — and the reader that fills it from the
 * catalogs of the current schema.
 *
 * The PostgreSQL emitter never reads the model (node-pg-migrate's SQL
 * does not depend on the tables), so the model serves dry runs, offline
 * runs and the checks that the applied model equals what the server
 * reads back (tests/driver/test_model.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/postgres/pg_emit.h"

#include "dialects/common/reader.h"

#include "dialects/common/model_apply.h"
#include "dialects/common/quote.h"
#include "util/alloc.h"
#include "util/error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMEDATALEN 64

/* ---- types ---------------------------------------------------------------- */

/* PostgreSQL's own names for the type names it accepts (format_type()). */
static const struct {
	const char *given, *stored;
	bool serial;
} aliases[] = {
	{"int", "integer", false},
	{"int4", "integer", false},
	{"integer", "integer", false},
	{"int2", "smallint", false},
	{"smallint", "smallint", false},
	{"int8", "bigint", false},
	{"bigint", "bigint", false},
	{"serial", "integer", true},
	{"serial4", "integer", true},
	{"bigserial", "bigint", true},
	{"serial8", "bigint", true},
	{"smallserial", "smallint", true},
	{"serial2", "smallint", true},
	{"bool", "boolean", false},
	{"float", "double precision", false},
	{"float8", "double precision", false},
	{"float4", "real", false},
	{"varchar", "character varying", false},
	{"char", "character(1)", false},
	{"character", "character(1)", false},
	{"bpchar", "bpchar", false},
	{"decimal", "numeric", false},
	{"timestamp", "timestamp without time zone", false},
	{"timestamptz", "timestamp with time zone", false},
	{"time", "time without time zone", false},
	{"timetz", "time with time zone", false},
};

/* Parameterised spellings: base(args) -> stored(args) [suffix]. */
static const struct {
	const char *given, *stored, *suffix;
} with_args[] = {
	{"varchar", "character varying", ""},
	{"character varying", "character varying", ""},
	{"char", "character", ""},
	{"character", "character", ""},
	{"decimal", "numeric", ""},
	{"numeric", "numeric", ""},
	{"timestamp", "timestamp", " without time zone"},
	{"timestamptz", "timestamp", " with time zone"},
	{"time", "time", " without time zone"},
	{"timetz", "time", " with time zone"},
	{"bit", "bit", ""},
	{"varbit", "bit varying", ""},
	{"bit varying", "bit varying", ""},
};

/* The text folded as PostgreSQL folds it: lower case outside double
 * quotes, runs of blanks as one space, no blanks inside parentheses
 * after a comma. */
static void fold(mig_str *out, const char *t)
{
	bool quoted = false, space = false;
	while (*t == ' ' || *t == '\t' || *t == '\n')
		t++;
	for (; *t; t++) {
		char c = *t;
		if (c == '"')
			quoted = !quoted;
		if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
			space = true;
			continue;
		}
		if (space && out->len && mig_str_cstr(out)[out->len - 1] != '(' && mig_str_cstr(out)[out->len - 1] != ',' &&
		    c != '(' && c != ')' && c != ',' && c != '[')
			mig_str_putc(out, ' ');
		space = false;
		mig_str_putc(out, quoted ? c : (char)tolower((unsigned char)c));
	}
}

static char *stored_type(const mig_type_ref *t, const char *array, bool *serial)
{
	*serial = false;
	mig_str f = MIG_STR_INIT;
	if (t->kind == MIG_TYPE_NAME) {
		/* quoted as an identifier: no folding, and quotes where
		 * format_type() would show them */
		const char *n = t->name.name;
		bool plain = *n && (islower((unsigned char)*n) || *n == '_');
		for (const char *c = n; *c && plain; c++)
			plain = islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_';
		if (plain)
			mig_str_puts(&f, n);
		else
			mig_quote_ansi_ident(&f, n);
	} else {
		fold(&f, t->text ? t->text : "");
	}
	if (mig_str_failed(&f)) {
		mig_str_free(&f);
		return NULL;
	}
	/* strip array suffixes: [] or [n], each one "[]" once stored */
	char *base = mig_str_detach(&f);
	if (!base)
		return NULL;
	size_t dims = 0, n = strlen(base);
	while (n && base[n - 1] == ']') {
		size_t k = n - 1;
		while (k && base[k] != '[')
			k--;
		if (base[k] != '[')
			break;
		n = k;
		while (n && base[n - 1] == ' ')
			n--;
		dims++;
	}
	base[n] = '\0';
	if (array)
		dims++;
	const char *b = base;
	if (strncmp(b, "public.", 7) == 0)
		b += 7; /* the default search path shows it unqualified */
	mig_str out = MIG_STR_INIT;
	bool done = false;
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]) && !done; i++)
		if (strcmp(b, aliases[i].given) == 0) {
			mig_str_puts(&out, aliases[i].stored);
			*serial = aliases[i].serial;
			done = true;
		}
	const char *paren = strchr(b, '(');
	for (size_t i = 0; i < sizeof(with_args) / sizeof(with_args[0]) && !done && paren; i++) {
		size_t k = strlen(with_args[i].given);
		if ((size_t)(paren - b) == k && strncmp(b, with_args[i].given, k) == 0) {
			const char *close = strchr(paren, ')');
			const char *rest = close ? close + 1 : "";
			while (*rest == ' ')
				rest++;
			/* timestamp(3) with time zone: the zone words follow */
			const char *suffix = *rest ? "" : with_args[i].suffix;
			mig_str_printf(&out, "%s%.*s%s%s%s", with_args[i].stored, (int)(close ? close - paren + 1 : 0), paren,
				       suffix, *rest ? " " : "", rest);
			done = true;
		}
	}
	if (!done && strncmp(b, "float(", 6) == 0) {
		int p = atoi(b + 6);
		mig_str_puts(&out, p >= 1 && p <= 24 ? "real" : "double precision");
		done = true;
	}
	if (!done)
		mig_str_puts(&out, b);
	for (size_t i = 0; i < dims; i++)
		mig_str_puts(&out, "[]");
	mig__free(base);
	return mig_str_detach(&out);
}

/* ---- defaults and names --------------------------------------------------------- */

static void stored_default(const mig_value *v, mig_str *out)
{
	switch (v->type) {
	case MIG_V_UNDEFINED:
	case MIG_V_NULL:
		return; /* PostgreSQL stores no default for DEFAULT NULL */
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "true" : "false");
		return;
	case MIG_V_NUMBER:
		mig_js_string(out, v);
		return;
	case MIG_V_LITERAL:
		mig_str_put(out, v->str, v->len);
		return;
	case MIG_V_STRING:
		mig_quote_ansi_literal(out, v->str);
		return;
	default:
		/* {literal: true, value} and arrays: as the emitter writes them */
		mig__pg_value(out, v);
		return;
	}
}

/* Bytes of s[0, n) that end on a character boundary (pg_mbcliplen). */
static size_t clip(const char *s, size_t n)
{
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* makeObjectName(): name1_name2_label within NAMEDATALEN - 1 bytes,
 * the longer of the two names cut first. */
static void object_name(mig_str *out, const char *name1, const char *name2, const char *label)
{
	size_t overhead = (label ? strlen(label) + 1 : 0) + (name2 ? 1 : 0);
	size_t avail = NAMEDATALEN - 1 - overhead;
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = clip(name1, n1);
	if (name2)
		n2 = clip(name2, n2);
	mig_str_put(out, name1, n1);
	if (name2) {
		mig_str_putc(out, '_');
		mig_str_put(out, name2, n2);
	}
	if (label)
		mig_str_printf(out, "_%s", label);
}

static bool name_taken(const mig_model *m, const char *name)
{
	for (size_t i = 0; i < m->ntables; i++) {
		const mig_mtable *t = m->tables[i];
		if (strcmp(t->name, name) == 0)
			return true;
		for (size_t k = 0; k < t->parts.n; k++)
			if (t->parts.v[k].name && strcmp(t->parts.v[k].name, name) == 0)
				return true;
		for (size_t k = 0; k < t->nobjs; k++)
			if (strcmp(t->objs[k].name, name) == 0)
				return true;
	}
	for (size_t i = 0; i < m->nviews; i++)
		if (strcmp(m->views[i].name, name) == 0)
			return true;
	return false;
}

/* ChooseConstraintName()/ChooseRelationName(): the first free name of
 * name1_name2_label, label1, label2, ... */
static char *choose_name(const mig_model *m, const char *table, const char *column, const char *label)
{
	for (unsigned pass = 0;; pass++) {
		char mod[32];
		snprintf(mod, sizeof(mod), pass ? "%s%u" : "%s", label, pass);
		mig_str s = MIG_STR_INIT;
		object_name(&s, table, column, mod);
		if (mig_str_failed(&s)) {
			mig_str_free(&s);
			mig_error_oom();
			return NULL;
		}
		if (!name_taken(m, mig_str_cstr(&s)) || pass > 1000)
			return mig_str_detach(&s);
		mig_str_free(&s);
	}
}

static char *serial_default(const char *sequence)
{
	mig_str name = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_quote_ansi_ident(&name, sequence);
	const char *q = mig_str_cstr(&name);
	bool plain = true;
	for (const char *c = sequence; *c && plain; c++)
		plain = islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_';
	mig_str_puts(&s, "nextval(");
	mig_quote_ansi_literal(&s, plain ? sequence : q);
	mig_str_puts(&s, "::regclass)");
	mig_str_free(&name);
	return mig_str_detach(&s);
}

static const mig_model_rules rules = {
	.schema = "public",
	.type = stored_type,
	.default_sql = stored_default,
	.choose_name = choose_name,
	.serial_default = serial_default,
	.pk_not_null = true,
};

/* ---- apply ------------------------------------------------------------------------ */

/* Whether user SQL leaves the tables alone (data, settings, comments). */
/* Statements that leave the schema alone, by their first word. */
static const char *const data_words[] = {"insert", "update", "delete", "select", "with",   "values", "copy",
					  "truncate", "set",   "reset",  "comment", "grant", "revoke", "analyze",
					  "vacuum", "notify", "listen", "lock",   "refresh", "show", "explain", NULL};

int mig__pg_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m)
{
	const char *why = NULL;
	if (!def)
		return 0;
	if (def->kind == MIG_OP_SQL) {
		int rc = mig_model_sql_unfollowed(steps, data_words, &why);
		if (rc)
			return rc;
	} else {
		int rc = mig_model_apply(&rules, def, m, &why);
		if (rc)
			return rc;
	}
	mig_model_say_unfollowed(ctx, op, why);
	return 0;
}

/* ---- the reader --------------------------------------------------------------------- */

typedef struct reader {
	const mig_query_io *io;
	mig_model *m;
	const char *only; /* one table, or NULL */
	int rc;
} reader;

/* The current schema's relations (the model holds one schema, the one
 * unqualified names resolve to). */
#define NS "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"

static mig_rows *query(reader *r, mig_str *q)
{
	return mig_reader_query(r->io, &r->rc, q);
}

/* " AND <col> = 'only'" when reading one table. */
static void only(reader *r, mig_str *q, const char *col)
{
	if (!r->only)
		return;
	mig_str_printf(q, " AND %s = ", col);
	mig_quote_pg_literal(q, r->only);
}

static const char *cell(const mig_rows *rows, size_t i, size_t c)
{
	return mig_rows_get(rows, i, c);
}

static bool yes(const char *v)
{
	return v && strcmp(v, "t") == 0;
}

static void adopt(reader *r, int rc)
{
	if (rc && !r->rc)
		r->rc = rc;
}

static char *rdup(reader *r, const char *s)
{
	return mig_reader_dup(&r->rc, s);
}

/* "a\x1fb" -> [a, b] */
static void split_names(reader *r, const char *list, mig_strv *out)
{
	if (!list || !*list)
		return;
	for (const char *p = list;;) {
		size_t n = strcspn(p, "\x1f");
		char *one = mig_strndup(p, n);
		if (!one || mig_strv_push(out, one)) {
			adopt(r, mig_error_oom());
			return;
		}
		if (!p[n])
			return;
		p += n + 1;
	}
}

static void read_tables(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = " NS " AND c.relkind IN ('r', 'p')");
	only(r, &q, "c.relname");
	mig_str_puts(&q, " ORDER BY c.oid");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++)
		adopt(r, mig_model_put_table(r->m, mig_mtable_new(cell(rows, i, 0))));
	mig_rows_free(rows);
}

/* A column part: lead, arg, tail ("DEFAULT " + expression). */
static void col_part(reader *r, mig_mcolumn *c, enum mig_part_kind kind, const char *lead, const char *arg,
		     const char *tail)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, lead);
	mig_str_puts(&s, arg);
	mig_str_puts(&s, tail);
	adopt(r, mig_parts_push(&c->parts, kind, NULL, mig_str_detach(&s)));
}

static void read_columns(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
			 " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
			 " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,"
			 " col_description(c.oid, a.attnum)"
			 " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid"
			 " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
			 " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
			 " WHERE c.relnamespace = " NS " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped");
	only(r, &q, "c.relname");
	mig_str_puts(&q, " ORDER BY c.relname, a.attnum");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		if (!t)
			continue; /* created since the table list was read */
		mig_mcolumn *c = mig_mtable_add_col(t, rdup(r, cell(rows, i, 1)), rdup(r, cell(rows, i, 2)));
		if (!c) {
			adopt(r, MIG_ENOMEM);
			break;
		}
		const char *expr = cell(rows, i, 4), *identity = cell(rows, i, 5), *generated = cell(rows, i, 6);
		if (cell(rows, i, 7))
			col_part(r, c, MIG_PART_COLLATE, "COLLATE ", cell(rows, i, 7), "");
		if (expr && generated && *generated)
			col_part(r, c, MIG_PART_GENERATED, "GENERATED ALWAYS AS (", expr, ") STORED");
		else if (expr)
			col_part(r, c, MIG_PART_DEFAULT, "DEFAULT ", expr, "");
		if (identity && *identity)
			col_part(r, c, MIG_PART_IDENTITY, "GENERATED ", *identity == 'a' ? "ALWAYS" : "BY DEFAULT", " AS IDENTITY");
		if (yes(cell(rows, i, 3)))
			col_part(r, c, MIG_PART_NOT_NULL, "NOT NULL", "", "");
		c->comment = rdup(r, cell(rows, i, 8));
	}
	mig_rows_free(rows);
}

static const char *fk_action(const char *code)
{
	switch (code ? *code : 'a') {
	case 'r': return "RESTRICT";
	case 'c': return "CASCADE";
	case 'n': return "SET NULL";
	case 'd': return "SET DEFAULT";
	default: return NULL; /* NO ACTION */
	}
}

#define COLS_OF(arr, rel)                                                                             \
	"(SELECT string_agg(a.attname::text, chr(31) ORDER BY u.o) FROM unnest(" arr ") WITH ORDINALITY u(n, o)" \
	" JOIN pg_attribute a ON a.attrelid = " rel " AND a.attnum = u.n)"

static void read_constraints(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), " COLS_OF("k.conkey", "k.conrelid")
			 ", p.relname, " COLS_OF("k.confkey", "k.confrelid") ", k.confdeltype, k.confupdtype"
			 " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class p ON p.oid = k.confrelid"
			 " WHERE c.relnamespace = " NS " AND k.contype IN ('p', 'u', 'c', 'f')");
	only(r, &q, "c.relname");
	mig_str_puts(&q, " ORDER BY c.relname, k.oid");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		const char *type = cell(rows, i, 2);
		if (!t || !type)
			continue;
		enum mig_part_kind kind = *type == 'p' ? MIG_PART_PRIMARY
					  : *type == 'u' ? MIG_PART_UNIQUE
					  : *type == 'c' ? MIG_PART_CHECK
							 : MIG_PART_FOREIGN;
		adopt(r, mig_parts_pushdup(&t->parts, kind, cell(rows, i, 1), cell(rows, i, 3) ? cell(rows, i, 3) : ""));
		if (r->rc)
			break;
		mig_part *g = &t->parts.v[t->parts.n - 1];
		if (kind != MIG_PART_CHECK)
			split_names(r, cell(rows, i, 4), &g->columns);
		if (kind == MIG_PART_FOREIGN) {
			g->ref_table = rdup(r, cell(rows, i, 5));
			split_names(r, cell(rows, i, 6), &g->ref_columns);
			g->on_delete = rdup(r, fk_action(cell(rows, i, 7)));
			g->on_update = rdup(r, fk_action(cell(rows, i, 8)));
		}
	}
	mig_rows_free(rows);
}

static void read_indexes(reader *r)
{
	mig_str q = MIG_STR_INIT;
	/* the indexes of PRIMARY KEY, UNIQUE and EXCLUDE constraints are
	 * those constraints' (their parts) */
	mig_str_puts(&q, "SELECT c.relname, i.relname, x.indisunique, x.indpred IS NOT NULL, pg_get_indexdef(x.indexrelid),"
			 " (SELECT string_agg(CASE WHEN u.k = 0 THEN '(expr)' ELSE a.attname::text END, chr(31) ORDER BY u.o)"
			 "  FROM unnest((x.indkey::int2[])[0:x.indnkeyatts - 1]) WITH ORDINALITY u(k, o)"
			 "  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.k)"
			 " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
			 " WHERE c.relnamespace = " NS " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
			 " AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))");
	only(r, &q, "c.relname");
	mig_str_puts(&q, " ORDER BY c.relname, i.relname");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		if (!t)
			continue;
		mig_mobject *o = mig_mtable_add_obj(t, rdup(r, "index"), rdup(r, cell(rows, i, 1)), rdup(r, cell(rows, i, 4)));
		if (!o) {
			adopt(r, MIG_ENOMEM);
			break;
		}
		o->unique = yes(cell(rows, i, 2));
		o->partial = yes(cell(rows, i, 3));
		split_names(r, cell(rows, i, 5), &o->columns);
	}
	mig_rows_free(rows);
}

static void read_triggers(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT c.relname, g.tgname, pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid"
			 " WHERE c.relnamespace = " NS " AND NOT g.tgisinternal");
	only(r, &q, "c.relname");
	mig_str_puts(&q, " ORDER BY c.relname, g.tgname");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		if (t && !mig_mtable_add_obj(t, rdup(r, "trigger"), rdup(r, cell(rows, i, 1)), rdup(r, cell(rows, i, 2))))
			adopt(r, MIG_ENOMEM);
	}
	mig_rows_free(rows);
}

static void read_views(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c WHERE c.relnamespace = " NS
			 " AND c.relkind = 'v' ORDER BY c.oid");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++)
		adopt(r, mig_model_put_view(r->m, cell(rows, i, 0), cell(rows, i, 1) ? cell(rows, i, 1) : ""));
	mig_rows_free(rows);
}

static void read_enums(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
			 " WHERE t.typnamespace = " NS " ORDER BY t.typname, e.enumsortorder");
	mig_rows *rows = query(r, &q);
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		if (mig_strv_pushdup(&values, cell(rows, i, 1)))
			adopt(r, MIG_ENOMEM);
		const char *next = i + 1 < rows->nrows ? cell(rows, i + 1, 0) : NULL;
		if (!next || strcmp(next, cell(rows, i, 0)) != 0) {
			if (!r->rc)
				adopt(r, mig_model_put_enum(r->m, cell(rows, i, 0), &values));
			mig_strv_free(&values);
		}
	}
	mig_strv_free(&values);
	mig_rows_free(rows);
}

int mig__pg_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found)
{
	reader r = {.io = io, .m = m, .only = what == MIG_INTROSPECT_TABLE ? name : NULL};
	if (what == MIG_INTROSPECT_ENUMS) {
		read_enums(&r);
		return r.rc;
	}
	size_t before = m->ntables;
	read_tables(&r);
	read_columns(&r);
	read_constraints(&r);
	read_indexes(&r);
	read_triggers(&r);
	if (what == MIG_INTROSPECT_ALL) {
		read_views(&r);
		read_enums(&r);
	}
	if (found)
		*found = m->ntables > before;
	return r.rc;
}
