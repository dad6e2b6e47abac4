/*
 * PostgreSQL types and defaults as SQLite stores them.
 */
#include "dialects/sqlite/sqlite_emit.h"

void mig__sq_sqtype_free(sqtype *t)
{
	mig_strv_free(&t->values);
	mig__free(t->logical);
	memset(t, 0, sizeof(*t));
}

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
	{"timestamp", "TEXT", L_TIMESTAMP, TF_TIMESTAMP},
	{"timestamp without time zone", "TEXT", L_TIMESTAMP, TF_TIMESTAMP},
	{"timestamp with time zone", "TEXT", L_TIMESTAMP, TF_TIMESTAMP},
	{"timestamptz", "TEXT", L_TIMESTAMP, TF_TIMESTAMP},
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
	out->logical = mig__sq_dup_or_fail(p, logical);
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
	return mig__sq_detach_or_fail(p, &n);
}

/*
 * Map a column's type (a string after node-pg-migrate's adapters, an enum
 * given as {schema, name}, ...) to SQLite. Unknown and inexpressible
 * types are an error naming the type.
 */
bool mig__sq_map_type(sq *p, const mig_type_ref *t, const char *col, sqtype *out)
{
	memset(out, 0, sizeof(*out));
	if (p->rc)
		return false;
	if (t->kind == MIG_TYPE_RAW) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": the type pgm.func('%s') is not supported on SQLite: give a type name",
		     p->op->name, col, t->text);
		return false;
	}
	if (t->kind == MIG_TYPE_TEXT && t->number) {
		mig__sq_fail(p, MIG_EINPUT, "%s: column \"%s\" needs a type name, not number", p->op->name, col);
		return false;
	}
	char *enum_name = NULL;
	if (t->kind == MIG_TYPE_NAME) {
		enum_name = mig__sq_qname(p, &t->name, "the column type");
	} else {
		mig_str base = MIG_STR_INIT, mods = MIG_STR_INIT;
		bool array;
		type_parts(t->text, &base, &mods, &array);
		const char *b = mig_str_cstr(&base);
		if (array) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s: column \"%s\": the array type %s is not supported on SQLite: SQLite has no arrays (store JSON text in a json column instead)",
			     p->op->name, col, t->text);
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
				} else if (f & TF_TIMESTAMP) {
					out->ck = CK_TIMESTAMP;
					set_logical(p, out, strstr(b, "with time zone") && !strstr(b, "without") ? "timestamptz"
							    : strcmp(b, "timestamptz") == 0		     ? "timestamptz"
												     : "timestamp");
				} else if ((f & TF_LEN) && (mods.len || (f & TF_CHAR))) {
					out->ck = CK_LENGTH;
					out->maxlen = mods.len ? strtol(mig_str_cstr(&mods), NULL, 10) : 1;
					if (out->maxlen <= 0) {
						mig__sq_fail(p, MIG_EINPUT, "%s: column \"%s\": bad length in type %s", p->op->name, col,
						     t->text);
					} else {
						mig_str l = MIG_STR_INIT;
						mig_str_printf(&l, "%s(%ld)", strcmp(b, "character varying") == 0 ? "varchar"
									    : strcmp(b, "character") == 0 ? "char"
													   : b,
							       out->maxlen);
						out->logical = mig__sq_detach_or_fail(p, &l);
					}
				}
			} else if (strcmp(b, "interval") == 0) {
				mig__sq_fail(p, MIG_ENOTSUPPORTED,
				     "%s: column \"%s\": the type interval is not supported on SQLite: SQLite has no interval type (store seconds in an integer column)",
				     p->op->name, col);
			} else {
				enum_name = enum_lookup_name(p, t->text);
			}
		}
		mig_str_free(&base);
		mig_str_free(&mods);
	}
	if (enum_name && !p->rc) {
		if (mig__sq_enum_values(p, enum_name, &out->values)) {
			out->decl = "TEXT";
			out->kind = L_ENUM;
			out->ck = CK_ENUM;
			set_logical(p, out, enum_name);
		} else if (!p->rc) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED,
			     "%s: column \"%s\": the type %s is not supported on SQLite: it is neither a built-in type SQLite can store faithfully nor an enum created with pgm.createType()",
			     p->op->name, col, t->kind == MIG_TYPE_TEXT ? t->text : enum_name);
		}
	}
	mig__free(enum_name);
	return !p->rc;
}

/*
 * A timestamp is TEXT in one canonical form, the one SQLite's own date
 * functions write (CURRENT_TIMESTAMP, datetime(), strftime('%f')):
 * `YYYY-MM-DD HH:MM:SS`, optionally `.` and digits, taken as UTC. Text
 * compares as text, so any other form (ISO's `T`, a `Z`, an offset, a
 * word) would sort wrongly against it: '2024-01-01T10:00:00Z' is greater
 * than '2024-01-01 23:00:00', and an expired token would still pass
 * `expires_at > CURRENT_TIMESTAMP`. With a modifier strftime() computes
 * the time (without one it echoes the fields, 2024-02-30 included): it
 * turns 2024-02-30 into 2024-03-01 and an offset into UTC, so equality
 * with the text's first 19 characters also proves the date is real (IS,
 * not =: an impossible time makes strftime() NULL, and a CHECK that is
 * NULL passes).
 */
static void timestamp_check(mig_str *s, const char *col)
{
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, " IS NULL OR (typeof(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ") = 'text' AND strftime('%Y-%m-%d %H:%M:%S', ");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ", '+0 seconds') IS substr(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ", 1, 19) AND (length(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ") = 19 OR (substr(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ", 20, 1) = '.' AND length(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ") > 20 AND substr(");
	mig__sq_quote_ident(s, col);
	mig_str_puts(s, ", 21) NOT GLOB '*[^0-9]*')))");
}

/* The body of a type's CHECK for column col: CHECK (...). */
void mig__sq_type_check_body(mig_str *s, const sqtype *t, const char *col)
{
	mig_str_puts(s, "CHECK (");
	switch (t->ck) {
	case CK_ENUM:
		mig__sq_quote_ident(s, col);
		mig_str_puts(s, " IN (");
		for (size_t i = 0; i < t->values.n; i++) {
			if (i)
				mig_str_puts(s, ", ");
			mig__sq_quote_literal(s, t->values.v[i]);
		}
		mig_str_putc(s, ')');
		break;
	case CK_JSON:
		/* json_valid(NULL) is 0 before SQLite 3.45: let NULL through
		 * explicitly, as PostgreSQL does */
		mig__sq_quote_ident(s, col);
		mig_str_puts(s, " IS NULL OR json_valid(");
		mig__sq_quote_ident(s, col);
		mig_str_putc(s, ')');
		break;
	case CK_LENGTH:
		mig_str_puts(s, "length(");
		mig__sq_quote_ident(s, col);
		mig_str_printf(s, ") <= %ld", t->maxlen);
		break;
	case CK_TIMESTAMP:
		timestamp_check(s, col);
		break;
	}
	mig_str_putc(s, ')');
}

/* The type's CHECK as a named column constraint. */
void mig__sq_push_type_check(sq *p, mig_mcolumn *c, const sqtype *t)
{
	if (t->ck == CK_NONE || p->rc)
		return;
	mig_str name = MIG_STR_INIT, body = MIG_STR_INIT;
	mig_str_printf(&name, TYPE_CHECK_PREFIX "%s", t->logical ? t->logical : "");
	mig__sq_type_check_body(&body, t, c->name);
	mig__sq_segv_push(p, &c->parts, MIG_PART_CHECK, mig__sq_detach_or_fail(p, &name), mig__sq_detach_or_fail(p, &body));
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
enum lkind mig__sq_kind_of_column(const mig_mcolumn *c)
{
	for (size_t i = 0; i < c->parts.n; i++) {
		const mig_part *g = &c->parts.v[i];
		if (!is_type_check(g))
			continue;
		if (strstr(g->body, "json_valid("))
			return L_JSON;
		if (strstr(g->body, "strftime('%Y-%m-%d %H:%M:%S', "))
			return L_TIMESTAMP;
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

/* "(now())" is "now()": PostgreSQL stores a default without the
 * parentheses around it, and node-pg-migrate users write them. Strips
 * pairs that enclose the whole text, in place. */
static void strip_outer_parens(char *t)
{
	for (;;) {
		size_t len = strlen(t);
		if (len < 2 || t[0] != '(' || t[len - 1] != ')')
			return;
		int depth = 0;
		for (size_t i = 0; i < len; i++) {
			depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
			if (depth == 0 && i + 1 < len)
				return; /* "(a)(b)": the first pair closes early */
		}
		memmove(t, t + 1, len - 2);
		t[len - 2] = '\0';
	}
}

/* The current time, as PostgreSQL spells it (lower case, no spaces). */
static bool is_now(const char *t)
{
	static const char *const stamp[] = {"now()", "current_timestamp", "localtimestamp", "transaction_timestamp()",
					    "statement_timestamp()", "clock_timestamp()"};
	for (size_t i = 0; i < sizeof(stamp) / sizeof(stamp[0]); i++)
		if (strcmp(t, stamp[i]) == 0)
			return true;
	return istarts(t, "current_timestamp(") || istarts(t, "localtimestamp(");
}

/* The current time in UTC: "now() at time zone 'utc'", "timezone('utc',
 * now())" (with ::text casts too). SQLite's CURRENT_TIMESTAMP is UTC. */
static bool utc_now(const char *t)
{
	char *x = mig_strdup(t);
	if (!x)
		return false;
	/* drop casts of the zone name */
	for (char *c; (c = strstr(x, "::text")) != NULL;)
		memmove(c, c + 6, strlen(c + 6) + 1);
	bool yes = false;
	const char *at = strstr(x, "attimezone'utc'");
	if (at && at[15] == '\0') {
		char *head = mig_strndup(x, (size_t)(at - x));
		if (head) {
			strip_outer_parens(head);
			yes = is_now(head);
		}
		mig__free(head);
	} else if (strncmp(x, "timezone('utc',", 15) == 0 && x[strlen(x) - 1] == ')') {
		char *inner = mig_strndup(x + 15, strlen(x) - 16);
		if (inner) {
			strip_outer_parens(inner);
			yes = is_now(inner);
		}
		mig__free(inner);
	}
	mig__free(x);
	return yes;
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
	char *t = mig_str_detach(&n);
	if (!t) {
		mig__sq_fail(p, MIG_ENOMEM, "out of memory");
		return;
	}
	strip_outer_parens(t);
	*constant = false;
	bool is_stamp = is_now(t) || utc_now(t);
	if (is_stamp) {
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
		size_t e = mig__sq_skip_quoted(s, len, 0, '\'');
		const char *rest = s + e;
		while (*rest == ' ')
			rest++;
		if (e >= 2 && s[e - 1] == '\'' && (rest >= s + len || (rest[0] == ':' && rest[1] == ':'))) {
			mig_str_put(out, s, e);
			*constant = true;
		} else {
			mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: the default pgm.func(\"%s\") is not supported on SQLite: only a literal, now()/current_timestamp, current_date, current_time, gen_random_uuid() or uuid_generate_v4() can be translated",
			     p->op->name, raw);
		}
	} else {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: the default pgm.func(\"%s\") is not supported on SQLite: only a literal, now()/current_timestamp, current_date, current_time, gen_random_uuid() or uuid_generate_v4() can be translated",
		     p->op->name, raw);
	}
	mig__free(t);
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
			mig__sq_quote_literal(out, v->str);
		break;
	}
	case MIG_V_LITERAL:
		map_func_default(p, v->str, kind, out, constant);
		break;
	case MIG_V_OBJECT:
		/* a {literal: true} object came as the literal (defs/base.h) */
		mig__sq_fail(p, MIG_EINPUT, "%s: a default must be a literal or pgm.func(), not an object", p->op->name);
		break;
	case MIG_V_ARRAY:
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: an array default is not supported on SQLite: SQLite has no arrays",
		     p->op->name);
		break;
	case MIG_V_UNDEFINED:
		break;
	}
}

void mig__sq_set_default(sq *p, mig_mcolumn *c, const mig_value *v, enum lkind kind, bool *constant)
{
	mig_str d = MIG_STR_INIT, body = MIG_STR_INIT;
	map_default(p, v, kind, &d, constant);
	const char *t = mig_str_cstr(&d);
	/* Anything but a literal must be parenthesised in a DEFAULT clause. */
	bool bare = *constant || strcmp(t, "CURRENT_TIMESTAMP") == 0 || strcmp(t, "CURRENT_DATE") == 0 ||
		    strcmp(t, "CURRENT_TIME") == 0 || t[0] == '(';
	mig_str_printf(&body, bare ? "DEFAULT %s" : "DEFAULT (%s)", t);
	mig_str_free(&d);
	mig_parts_drop_kind(&c->parts, MIG_PART_DEFAULT);
	mig__sq_segv_push(p, &c->parts, MIG_PART_DEFAULT, NULL, mig__sq_detach_or_fail(p, &body));
}

/* A collation option: SQLite knows BINARY, NOCASE and RTRIM; PostgreSQL's
 * "C"/"POSIX" compare bytes, which is BINARY. */
const char *mig__sq_map_collation(sq *p, const char *collation)
{
	const char *s = collation;
	size_t len = strlen(collation);
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
		mig__sq_fail(p, MIG_ENOTSUPPORTED,
		     "%s: the collation %s is not supported on SQLite: SQLite has BINARY (\"C\"), NOCASE and RTRIM only",
		     p->op->name, collation);
	return r;
}
