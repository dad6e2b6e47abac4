/*
 * PostgreSQL types and defaults on MySQL/MariaDB, checked on MariaDB
 * 10.11 (docs/dialects.md has the table and the reasons):
 *
 * - timestamp and timestamptz are DATETIME(6): TIMESTAMP ends in 2038
 *   and its implicit NOT NULL / ON UPDATE depend on the server's
 *   explicit_defaults_for_timestamp. The session pins time_zone '+00:00',
 *   so CURRENT_TIMESTAMP(6) is UTC, which is what timestamptz stores.
 * - text is TEXT (64 KiB; strict mode refuses longer values rather than
 *   cutting them), varchar without a length is TEXT too (unlimited in
 *   PostgreSQL), uuid is CHAR(36), json/jsonb JSON, bytea LONGBLOB.
 * - citext is VARCHAR(255) with a case-insensitive NO PAD collation.
 * - serial types are signed INT/BIGINT/SMALLINT AUTO_INCREMENT (never
 *   MySQL's SERIAL: BIGINT UNSIGNED, which an INT foreign key cannot
 *   reference).
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include <stdio.h>
#include <stdlib.h>

enum { TF_SERIAL = 1, TF_LEN = 2, TF_PREC = 4, TF_FSP = 8, TF_BLOB = 16 };

static const struct {
	const char *name;
	const char *decl;   /* printf pattern: %s = the modifiers */
	const char *stored; /* the same as MariaDB reads it back */
	enum mig_my_kind kind;
	int flags;
} builtin[] = {
	{"smallint", "SMALLINT", "smallint(6)", MK_INT, 0},
	{"int2", "SMALLINT", "smallint(6)", MK_INT, 0},
	{"integer", "INT", "int(11)", MK_INT, 0},
	{"int", "INT", "int(11)", MK_INT, 0},
	{"int4", "INT", "int(11)", MK_INT, 0},
	{"bigint", "BIGINT", "bigint(20)", MK_INT, 0},
	{"int8", "BIGINT", "bigint(20)", MK_INT, 0},
	{"smallserial", "SMALLINT", "smallint(6)", MK_INT, TF_SERIAL},
	{"serial2", "SMALLINT", "smallint(6)", MK_INT, TF_SERIAL},
	{"serial", "INT", "int(11)", MK_INT, TF_SERIAL},
	{"serial4", "INT", "int(11)", MK_INT, TF_SERIAL},
	{"bigserial", "BIGINT", "bigint(20)", MK_INT, TF_SERIAL},
	{"serial8", "BIGINT", "bigint(20)", MK_INT, TF_SERIAL},
	{"real", "FLOAT", "float", MK_REAL, 0},
	{"float4", "FLOAT", "float", MK_REAL, 0},
	{"double precision", "DOUBLE", "double", MK_REAL, 0},
	{"float8", "DOUBLE", "double", MK_REAL, 0},
	{"float", "DOUBLE", "double", MK_REAL, 0},
	{"numeric", "DECIMAL", "decimal", MK_DECIMAL, TF_PREC},
	{"decimal", "DECIMAL", "decimal", MK_DECIMAL, TF_PREC},
	{"boolean", "BOOLEAN", "tinyint(1)", MK_BOOL, 0},
	{"bool", "BOOLEAN", "tinyint(1)", MK_BOOL, 0},
	{"text", "TEXT", "text", MK_TEXT, TF_BLOB},
	{"varchar", "VARCHAR", "varchar", MK_STRING, TF_LEN},
	{"character varying", "VARCHAR", "varchar", MK_STRING, TF_LEN},
	{"char", "CHAR", "char", MK_STRING, TF_LEN},
	{"character", "CHAR", "char", MK_STRING, TF_LEN},
	{"uuid", "CHAR(36)", "char(36)", MK_UUID, 0},
	{"json", "JSON", "longtext", MK_TEXT, TF_BLOB},
	{"jsonb", "JSON", "longtext", MK_TEXT, TF_BLOB},
	{"bytea", "LONGBLOB", "longblob", MK_TEXT, TF_BLOB},
	{"date", "DATE", "date", MK_DATE, 0},
	{"time", "TIME", "time", MK_TIME, TF_FSP},
	{"time without time zone", "TIME", "time", MK_TIME, TF_FSP},
	{"timestamp", "DATETIME", "datetime", MK_DATETIME, TF_FSP},
	{"timestamp without time zone", "DATETIME", "datetime", MK_DATETIME, TF_FSP},
	{"timestamptz", "DATETIME", "datetime", MK_DATETIME, TF_FSP},
	{"timestamp with time zone", "DATETIME", "datetime", MK_DATETIME, TF_FSP},
	{"citext", "VARCHAR(255)", "varchar(255)", MK_STRING, 0},
};

/* A type string's lower-cased base name (blanks collapsed, modifiers
 * out), its first modifier list, and whether it ends in []. */
static void type_parts(const char *type, mig_str *base, mig_str *mods, bool *array)
{
	size_t n = strlen(type);
	while (n && (type[n - 1] == ' ' || type[n - 1] == '\t'))
		n--;
	*array = n >= 2 && type[n - 1] == ']';
	int depth = 0;
	bool space = false, had_mods = false;
	for (size_t i = 0; i < n; i++) {
		char c = type[i];
		if (c == '(' && depth++ == 0)
			continue;
		if (c == ')' && --depth == 0) {
			had_mods = true;
			continue;
		}
		if (depth > 0) {
			if (c != ' ' && !had_mods)
				mig_str_putc(mods, c);
			continue;
		}
		if (c == '[' || c == ']')
			continue;
		if (c == ' ' || c == '\t' || c == '\n') {
			space = mig_str_len(base) > 0;
			continue;
		}
		if (space)
			mig_str_putc(base, ' ');
		space = false;
		mig_str_putc(base, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
	}
}

static bool digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* An identifier, which an enum type's name is. */
static bool plain_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      (unsigned char)*s >= 0x80))
			return false;
	return true;
}

void mig__my_type_free(mig_my_type *t)
{
	mig__free(t->decl);
	mig__free(t->stored);
	memset(t, 0, sizeof(*t));
}

/* ENUM('a', 'b'): the values of an enum type the catalog knows. */
int mig__my_enum_type(const mig_strv *values, mig_my_type *out)
{
	mig_str d = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_str_puts(&d, "ENUM(");
	mig_str_puts(&s, "enum(");
	for (size_t i = 0; i < values->n; i++) {
		mig_str_puts(&d, i ? ", " : "");
		mig_str_puts(&s, i ? "," : "");
		mig_quote_backslash_literal(&d, values->v[i]);
		mig_quote_ansi_literal(&s, values->v[i]);
	}
	mig_str_putc(&d, ')');
	mig_str_putc(&s, ')');
	if (mig_str_failed(&d) || mig_str_failed(&s)) {
		mig_str_free(&d);
		mig_str_free(&s);
		return mig_error_oom();
	}
	out->decl = mig_str_detach(&d);
	out->stored = mig_str_detach(&s);
	out->kind = MK_STRING;
	return 0;
}

/* decl/stored from a table entry and the modifiers. */
static int builtin_type(size_t k, const char *mods, const char *flavour, mig_my_type *out, mig_str *why,
			const char *given)
{
	int f = builtin[k].flags;
	char d[96], s[96];
	out->kind = builtin[k].kind;
	out->serial = (f & TF_SERIAL) != 0;
	out->blob = (f & TF_BLOB) != 0;
	snprintf(d, sizeof(d), "%s", builtin[k].decl);
	snprintf(s, sizeof(s), "%s", builtin[k].stored);
	if (strcmp(builtin[k].name, "citext") == 0) {
		out->collate = flavour && strcmp(flavour, "mysql") == 0 ? "utf8mb4_0900_as_ci" : "utf8mb4_unicode_nopad_ci";
		out->note = "citext becomes VARCHAR(255) with a case-insensitive collation";
	}
	if (strcmp(builtin[k].decl, "JSON") == 0 && flavour && strcmp(flavour, "mysql") == 0)
		snprintf(s, sizeof(s), "json");
	if (*mods && !(f & (TF_LEN | TF_PREC | TF_FSP))) {
		mig_str_printf(why, "the type %s takes no modifiers on MySQL/MariaDB", given);
		return MIG_ENOTSUPPORTED;
	}
	if (f & TF_LEN) {
		if (*mods && !digits(mods)) {
			mig_str_printf(why, "bad length in type %s", given);
			return MIG_EINPUT;
		}
		if (!*mods && out->kind == MK_STRING && strcmp(builtin[k].decl, "VARCHAR") == 0) {
			/* unlimited in PostgreSQL */
			snprintf(d, sizeof(d), "TEXT");
			snprintf(s, sizeof(s), "text");
			out->kind = MK_TEXT;
			out->blob = true;
		} else {
			const char *n = *mods ? mods : "1";
			snprintf(d, sizeof(d), "%s(%s)", builtin[k].decl, n);
			snprintf(s, sizeof(s), "%s(%s)", builtin[k].stored, n);
		}
	} else if (f & TF_PREC) {
		if (!*mods) {
			snprintf(d, sizeof(d), "DECIMAL(65,30)");
			snprintf(s, sizeof(s), "decimal(65,30)");
			out->note = "numeric without a precision becomes DECIMAL(65,30)";
		} else {
			const char *comma = strchr(mods, ',');
			snprintf(d, sizeof(d), "DECIMAL(%s)", mods);
			if (comma)
				snprintf(s, sizeof(s), "decimal(%s)", mods);
			else
				snprintf(s, sizeof(s), "decimal(%s,0)", mods);
		}
	} else if (f & TF_FSP) {
		if (*mods && !digits(mods)) {
			mig_str_printf(why, "bad precision in type %s", given);
			return MIG_EINPUT;
		}
		out->fsp = *mods ? atoi(mods) : 6;
		if (out->fsp > 6)
			out->fsp = 6;
		snprintf(d, sizeof(d), "%s(%d)", builtin[k].decl, out->fsp);
		if (out->fsp)
			snprintf(s, sizeof(s), "%s(%d)", builtin[k].stored, out->fsp);
	}
	out->decl = mig_strdup(d);
	out->stored = mig_strdup(s);
	return out->decl && out->stored ? 0 : mig_error_oom();
}

int mig__my_map_type(const mig_type_ref *t, const char *array, const char *flavour, mig_my_enum_lookup enums,
		     void *ud, mig_my_type *out, mig_str *why)
{
	memset(out, 0, sizeof(*out));
	if (t->kind == MIG_TYPE_RAW) {
		out->decl = mig_strdup(t->text);
		out->stored = mig_strdup(t->text);
		out->kind = MK_RAW;
		return out->decl && out->stored ? 0 : mig_error_oom();
	}
	if (t->kind == MIG_TYPE_TEXT && t->number) {
		mig_str_puts(why, "a column needs a type name, not a number");
		return MIG_EINPUT;
	}
	if (array) {
		mig_str_puts(why, "arrays are not supported on MySQL/MariaDB (store JSON in a json column instead)");
		return MIG_ENOTSUPPORTED;
	}
	const char *given = t->kind == MIG_TYPE_NAME ? t->name.name : t->text;
	mig_str base = MIG_STR_INIT, mods = MIG_STR_INIT;
	bool arr = false;
	if (t->kind == MIG_TYPE_TEXT)
		type_parts(t->text, &base, &mods, &arr);
	int rc = MIG_ENOTSUPPORTED;
	if (mig_str_failed(&base) || mig_str_failed(&mods)) {
		rc = mig_error_oom();
	} else if (arr) {
		mig_str_printf(why, "the array type %s is not supported: arrays are not supported on MySQL/MariaDB (store JSON in a json column instead)",
			       given);
	} else {
		const char *b = mig_str_cstr(&base);
		size_t k = 0, nt = sizeof(builtin) / sizeof(builtin[0]);
		while (t->kind == MIG_TYPE_TEXT && k < nt && strcmp(builtin[k].name, b) != 0)
			k++;
		const mig_strv *values = NULL;
		if (t->kind == MIG_TYPE_TEXT && k < nt) {
			rc = builtin_type(k, mig_str_cstr(&mods), flavour, out, why, given);
		} else if (strcmp(b, "interval") == 0) {
			mig_str_puts(why, "the type interval is not supported: MySQL/MariaDB has no interval type (store seconds in an integer column)");
		} else if (enums && (values = enums(ud, t->kind == MIG_TYPE_NAME ? t->name.name : b)) != NULL) {
			rc = mig__my_enum_type(values, out);
		} else if (!enums && !mig_str_len(&mods) && plain_name(t->kind == MIG_TYPE_NAME ? t->name.name : b)) {
			/* a caller that cannot see the enum types (the model's
			 * applier): the name reads as itself, as the offline model
			 * keeps an enum column's type */
			out->decl = mig_strdup(given);
			out->stored = mig_strdup(given);
			out->kind = MK_STRING;
			rc = out->decl && out->stored ? 0 : mig_error_oom();
		} else {
			mig_str_printf(why, "the type %s is not supported on MySQL/MariaDB: it is not a built-in type MySQL/MariaDB can store faithfully",
				       given);
		}
	}
	mig_str_free(&base);
	mig_str_free(&mods);
	if (rc)
		mig__my_type_free(out);
	return rc;
}

bool mig__my_column_type(my *p, const mig_type_ref *t, const char *array, const char *col, mig_my_type *out)
{
	memset(out, 0, sizeof(*out));
	if (p->rc)
		return false;
	mig_str why = MIG_STR_INIT;
	int rc = mig__my_map_type(t, array, p->ctx->server ? p->ctx->server->flavour : NULL, mig__my_enum_values, p, out,
				  &why);
	if (rc == MIG_ENOMEM)
		mig__my_oom(p);
	else if (rc)
		mig__my_fail(p, rc, "%s: column \"%s\": %s", p->op->name, col, mig_str_cstr(&why));
	else if (out->note)
		mig__my_notice(p, "%s: column \"%s\": %s", p->op->name, col, out->note);
	mig_str_free(&why);
	return rc == 0;
}

enum mig_my_kind mig__my_kind_of_stored(const char *stored, int *fsp, bool *blob)
{
	*fsp = 0;
	*blob = false;
	const char *paren = strchr(stored, '(');
	size_t n = paren ? (size_t)(paren - stored) : strlen(stored);
	if (paren)
		*fsp = atoi(paren + 1);
#define IS(word) (n == strlen(word) && strncmp(stored, word, n) == 0)
	if (IS("tinyint") && *fsp == 1)
		return MK_BOOL;
	if (IS("tinyint") || IS("smallint") || IS("mediumint") || IS("int") || IS("bigint"))
		return MK_INT;
	if (IS("float") || IS("double"))
		return MK_REAL;
	if (IS("decimal"))
		return MK_DECIMAL;
	if (IS("datetime") || IS("timestamp"))
		return MK_DATETIME;
	if (IS("date"))
		return MK_DATE;
	if (IS("time"))
		return MK_TIME;
	if (IS("char") && *fsp == 36)
		return MK_UUID;
	if (IS("char") || IS("varchar") || IS("enum") || IS("set"))
		return MK_STRING;
#undef IS
	*blob = strstr(stored, "text") || strstr(stored, "blob") || strcmp(stored, "json") == 0;
	return *blob ? MK_TEXT : MK_RAW;
}

/* ---- defaults ------------------------------------------------------------------------- */

/* pgm.func() text without blanks, lower case (for recognising it). */
static void folded(mig_str *out, const char *raw)
{
	for (const char *c = raw; *c; c++)
		if (*c != ' ' && *c != '\t' && *c != '\n')
			mig_str_putc(out, (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c));
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

static const char *const stamps[] = {"now()", "current_timestamp", "localtimestamp", "transaction_timestamp()",
				     "statement_timestamp()", "clock_timestamp()", "current_timestamp()", NULL};
static const char *const uuids[] = {"gen_random_uuid()", "uuid_generate_v4()", "public.gen_random_uuid()",
				    "public.uuid_generate_v4()", NULL};

static bool is_stamp(const char *f)
{
	return one_of(f, stamps) || strncmp(f, "current_timestamp(", 18) == 0 || strncmp(f, "localtimestamp(", 15) == 0;
}

static bool is_time(const char *f)
{
	return strcmp(f, "current_time") == 0 || strcmp(f, "localtime") == 0 || strncmp(f, "current_time(", 13) == 0 ||
	       strncmp(f, "localtime(", 10) == 0;
}

/* A PostgreSQL string literal 'it''s' (optionally ::type) as its text;
 * false when raw is not one. */
static bool pg_string(const char *raw, mig_str *text)
{
	const char *s = raw;
	while (*s == ' ')
		s++;
	if (*s != '\'')
		return false;
	for (s++; *s; s++) {
		if (*s == '\'' && s[1] == '\'') {
			mig_str_putc(text, '\'');
			s++;
		} else if (*s == '\'') {
			break;
		} else {
			mig_str_putc(text, *s);
		}
	}
	if (*s != '\'')
		return false;
	for (s++; *s == ' '; s++)
		;
	return !*s || (s[0] == ':' && s[1] == ':');
}

static bool is_number(const char *s)
{
	char *end;
	if (!*s)
		return false;
	(void)strtod(s, &end);
	return *end == '\0';
}

/* A literal default: bare, or (literal) where MySQL takes only expressions. */
static void literal(mig_str *out, enum mig_my_kind kind, const char *text, bool quote)
{
	if (kind == MK_TEXT)
		mig_str_putc(out, '(');
	if (quote)
		mig_quote_backslash_literal(out, text);
	else
		mig_str_puts(out, text);
	if (kind == MK_TEXT)
		mig_str_putc(out, ')');
}

static const char *bool_word(const char *s)
{
	static const char *const yes[] = {"t", "true", "y", "yes", "on", "1", NULL};
	static const char *const no[] = {"f", "false", "n", "no", "off", "0", NULL};
	mig_str l = MIG_STR_INIT;
	folded(&l, s);
	const char *r = one_of(mig_str_cstr(&l), yes) ? "TRUE" : one_of(mig_str_cstr(&l), no) ? "FALSE" : NULL;
	mig_str_free(&l);
	return r;
}

static void func_default(my *p, mig_str *out, const char *raw, enum mig_my_kind kind, int fsp)
{
	mig_str f = MIG_STR_INIT, text = MIG_STR_INIT;
	folded(&f, raw);
	const char *t = mig_str_cstr(&f);
	if (is_stamp(t)) {
		if (kind == MK_DATETIME)
			mig_str_printf(out, fsp ? "CURRENT_TIMESTAMP(%d)" : "CURRENT_TIMESTAMP", fsp);
		else if (kind == MK_DATE)
			mig_str_puts(out, "(CURRENT_DATE)");
		else if (kind == MK_TIME)
			mig_str_printf(out, "(CURRENT_TIME(%d))", fsp);
		else
			mig_str_puts(out, "(CURRENT_TIMESTAMP(6))");
	} else if (strcmp(t, "current_date") == 0) {
		mig_str_puts(out, "(CURRENT_DATE)");
	} else if (is_time(t)) {
		mig_str_printf(out, "(CURRENT_TIME(%d))", kind == MK_TIME ? fsp : 6);
	} else if (one_of(t, uuids)) {
		mig_str_puts(out, "(UUID())");
		mig__my_notice(p, "%s: the default %s becomes UUID(), a version-1 (time-based) UUID on MySQL/MariaDB",
			       p->op->name, raw);
	} else if (strcmp(t, "true") == 0 || strcmp(t, "false") == 0 || strcmp(t, "null") == 0) {
		mig_str_puts(out, strcmp(t, "true") == 0 ? "TRUE" : strcmp(t, "false") == 0 ? "FALSE" : "NULL");
	} else if (is_number(t)) {
		literal(out, kind, t, false);
	} else if (pg_string(raw, &text)) {
		/* re-quoted: a backslash is an escape on MySQL, not on PostgreSQL */
		literal(out, kind, mig_str_cstr(&text), true);
	} else {
		mig_str_printf(out, "(%s)", raw);
	}
	mig_str_free(&f);
	mig_str_free(&text);
}

void mig__my_default(my *p, mig_str *out, const mig_value *v, enum mig_my_kind kind, int fsp)
{
	if (p->rc)
		return;
	switch (v->type) {
	case MIG_V_NULL:
		mig_str_puts(out, "NULL");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "TRUE" : "FALSE");
		break;
	case MIG_V_NUMBER: {
		mig_str n = MIG_STR_INIT;
		mig_number_to_js(&n, v->num);
		literal(out, kind, mig_str_cstr(&n), kind != MK_INT && kind != MK_REAL && kind != MK_DECIMAL &&
							    kind != MK_BOOL && kind != MK_RAW);
		mig_str_free(&n);
		break;
	}
	case MIG_V_STRING: {
		const char *b = kind == MK_BOOL ? bool_word(v->str) : NULL;
		if (b)
			mig_str_puts(out, b);
		else
			literal(out, kind, v->str, true);
		break;
	}
	case MIG_V_LITERAL:
		func_default(p, out, v->str, kind, fsp);
		break;
	case MIG_V_ARRAY:
		mig__my_fail(p, MIG_ENOTSUPPORTED, "%s: an array default is not supported on MySQL/MariaDB: arrays are not supported on MySQL/MariaDB",
			     p->op->name);
		break;
	case MIG_V_OBJECT:
		mig__my_fail(p, MIG_EINPUT, "%s: a default must be a literal or pgm.func(), not an object", p->op->name);
		break;
	case MIG_V_UNDEFINED:
		break;
	}
}

/* What the model's DEFAULT part holds is information_schema's text:
 * literals quoted ('x', 'it''s'), numbers bare, expressions as MariaDB
 * prints them (current_timestamp(6), uuid(), curdate()). */
void mig__my_restate_default(mig_str *out, const char *body, enum mig_my_kind kind)
{
	const char *e = body;
	if (strncmp(e, "DEFAULT ", 8) == 0)
		e += 8;
	mig_str text = MIG_STR_INIT;
	if (pg_string(e, &text)) {
		literal(out, kind, mig_str_cstr(&text), true);
	} else if (strcmp(e, "NULL") == 0 || is_number(e)) {
		literal(out, kind, e, false);
	} else if (strncmp(e, "current_timestamp", 17) == 0 && kind == MK_DATETIME) {
		mig_str_puts(out, e);
	} else if (*e == '(') {
		mig_str_puts(out, e);
	} else {
		mig_str_printf(out, "(%s)", e);
	}
	mig_str_free(&text);
}

void mig__my_stored_default(const mig_value *v, mig_str *out)
{
	mig_str f = MIG_STR_INIT, text = MIG_STR_INIT;
	switch (v->type) {
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "1" : "0");
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING:
		mig_quote_ansi_literal(out, v->str);
		break;
	case MIG_V_LITERAL:
		folded(&f, v->str);
		if (is_stamp(mig_str_cstr(&f)))
			mig_str_puts(out, "current_timestamp(6)");
		else if (strcmp(mig_str_cstr(&f), "current_date") == 0)
			mig_str_puts(out, "curdate()");
		else if (is_time(mig_str_cstr(&f)))
			mig_str_puts(out, "curtime(6)");
		else if (one_of(mig_str_cstr(&f), uuids))
			mig_str_puts(out, "uuid()");
		else if (strcmp(mig_str_cstr(&f), "true") == 0 || strcmp(mig_str_cstr(&f), "false") == 0)
			mig_str_puts(out, strcmp(mig_str_cstr(&f), "true") == 0 ? "1" : "0");
		else if (strcmp(mig_str_cstr(&f), "null") == 0)
			break;
		else if (pg_string(v->str, &text))
			mig_quote_ansi_literal(out, mig_str_cstr(&text));
		else
			mig_str_puts(out, v->str);
		break;
	default:
		break; /* NULL and undefined: no default */
	}
	mig_str_free(&f);
	mig_str_free(&text);
}
