/*
 * How node-pg-migrate 9.0.0 reads MigrationBuilder arguments, shared by
 * every dialect. The JavaScript semantics reproduced here (String(),
 * Array#join, truthiness, `in`) are the ones its source relies on; see
 * dialects/common.h for the contract of each function.
 */
#include "ir/analyze/args.h"

#include "util/error.h"

#include <string.h>

/* ---- JavaScript value semantics -------------------------------------- */

void mig_js_join(mig_str *out, const mig_value *v, const char *sep)
{
	if (v && v->type == MIG_V_ARRAY) {
		mig_js_join_items(out, v, sep);
		return;
	}
	if (mig_value_is_undefined(v) || v->type == MIG_V_NULL)
		return;
	mig_js_string(out, v);
}

size_t mig_js_len(const mig_value *v)
{
	return v && v->type == MIG_V_ARRAY ? v->n : 1;
}

const mig_value *mig_js_at(const mig_value *v, size_t i)
{
	if (v && v->type == MIG_V_ARRAY)
		return i < v->n ? v->items[i] : NULL;
	return i == 0 ? v : NULL;
}

bool mig_js_in(const mig_value *obj, const char *key)
{
	if (!obj || obj->type != MIG_V_OBJECT)
		return false;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return true;
	return false;
}

bool mig_js_is_pg_literal(const mig_value *v)
{
	if (!v)
		return false;
	if (v->type == MIG_V_LITERAL)
		return true;
	const mig_value *l = mig_object_get(v, "literal");
	return l && l->type == MIG_V_BOOL && l->b;
}

void mig_js_pg_literal_text(mig_str *out, const mig_value *v)
{
	if (v->type == MIG_V_LITERAL)
		mig_str_put(out, v->str, v->len);
	else
		mig_js_string(out, mig_object_get(v, "value"));
}

bool mig_js_str_eq(const mig_value *v, const char *s)
{
	return v && v->type == MIG_V_STRING && strcmp(v->str, s) == 0;
}

/* ---- options ---------------------------------------------------------- */

const mig_value *mig_opt(const mig_value *opts, const char *key)
{
	const mig_value *v = mig_object_get(opts, key);
	return mig_value_is_undefined(v) ? NULL : v;
}

bool mig_opt_truthy(const mig_value *opts, const char *key)
{
	return mig_value_truthy(mig_opt(opts, key));
}

int mig_op_options(const mig_op *op, size_t i, bool required, const mig_value **out)
{
	const mig_value *v = mig_op_arg(op, i);
	*out = NULL;
	if (mig_value_is_undefined(v)) {
		if (required)
			return mig_error_set(MIG_EINPUT, "%s: the options (argument %zu) are required",
					     op->name, i + 1);
		return 0;
	}
	if (v->type == MIG_V_NULL)
		return mig_error_set(MIG_EINPUT, "%s: the options (argument %zu) must be an object, not null",
				     op->name, i + 1);
	*out = v;
	return 0;
}

/* ---- names ------------------------------------------------------------ */

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_lower(c) || is_upper(c) || is_digit(c); }
static bool is_word(char c) { return is_alnum(c) || c == '_'; }

static void put_lower(mig_str *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mig_str_putc(out, is_upper(s[i]) ? (char)(s[i] - 'A' + 'a') : s[i]);
}

void mig_decamelize(mig_str *out, const char *s)
{
	size_t n = strlen(s);
	if (n < 2) {
		put_lower(out, s, n);
		return;
	}
	/* /([\p{Ll}\d])(\p{Lu})/g -> "$1_$2" */
	mig_str a = MIG_STR_INIT;
	for (size_t i = 0; i < n;) {
		if (i + 1 < n && (is_lower(s[i]) || is_digit(s[i])) && is_upper(s[i + 1])) {
			mig_str_putc(&a, s[i]);
			mig_str_putc(&a, '_');
			mig_str_putc(&a, s[i + 1]);
			i += 2;
		} else {
			mig_str_putc(&a, s[i++]);
		}
	}
	/* /(\p{Lu})(\p{Lu}\p{Ll}+)/g -> "$1_$2", then lower case */
	const char *t = mig_str_cstr(&a);
	size_t m = a.len;
	mig_str b = MIG_STR_INIT;
	for (size_t i = 0; i < m;) {
		if (i + 2 < m && is_upper(t[i]) && is_upper(t[i + 1]) && is_lower(t[i + 2])) {
			size_t j = i + 2;
			while (j < m && is_lower(t[j]))
				j++;
			mig_str_putc(&b, t[i]);
			mig_str_putc(&b, '_');
			mig_str_put(&b, t + i + 1, j - i - 1);
			i = j;
		} else {
			mig_str_putc(&b, t[i++]);
		}
	}
	if (mig_str_failed(&a) || mig_str_failed(&b))
		out->failed = true;
	put_lower(out, mig_str_cstr(&b), mig_str_len(&b));
	mig_str_free(&a);
	mig_str_free(&b);
}

/* Length of the JavaScript whitespace character (\s) starting at s, 0 if
 * none: ASCII \t\n\v\f\r and space, plus the Unicode spaces \s covers. */
static size_t js_space_at(const unsigned char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n < 3)
		return 0;
	if (s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80)
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x80 &&
	    ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
		return 3;
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* Whether a JavaScript whitespace character ends right before s[p]. */
static bool js_space_before(const unsigned char *s, size_t p)
{
	for (size_t k = 1; k <= 3 && k <= p; k++)
		if (js_space_at(s + p - k, k) == k)
			return true;
	return false;
}

bool mig_is_expression(const char *str)
{
	/* OPERATOR_PATTERN: ->> -> #>> #> @? @@ @> <@ ?| ?& ? #- || :: */
	static const char *const ops[] = {"->", "#>", "@@", "@>", "<@", "?", "#-", "||", "::"};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strstr(str, ops[i]))
			return true;
	/* FUNCTION_CALL_PATTERN: /^[\w.]+\(/ */
	size_t k = 0;
	while (is_word(str[k]) || str[k] == '.')
		k++;
	if (k > 0 && str[k] == '(')
		return true;
	/* ARITHMETIC_PATTERN: /\s+[+*\/-]\s+/ */
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str);
	for (size_t p = 1; p + 1 < n; p++)
		if (strchr("+*/-", s[p]) && js_space_before(s, p) && js_space_at(s + p + 1, n - p - 1))
			return true;
	/* LOGICAL_PATTERN && ALPHANUMERIC_PATTERN */
	if (strpbrk(str, "=<>!")) {
		for (const char *c = str; *c; c++)
			if (is_alnum(*c))
				return true;
	}
	return false;
}

bool mig_is_name_object(const mig_value *v)
{
	return v && v->type == MIG_V_OBJECT && mig_js_in(v, "name");
}

int mig_name_check(const mig_value *v, const char *opname, const char *what)
{
	if (v && (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL))
		return 0;
	if (v && v->type == MIG_V_OBJECT && !mig_js_is_pg_literal(v)) {
		const mig_value *name = mig_object_get(v, "name");
		const mig_value *schema = mig_object_get(v, "schema");
		if (!name || name->type != MIG_V_STRING)
			return mig_error_set(MIG_EINPUT, "%s: %s must be a name (a string, {schema, name} or pgm.func()); its \"name\" is %s",
					     opname, what, mig_value_type_name(name));
		if (mig_value_truthy(schema) && schema->type != MIG_V_STRING)
			return mig_error_set(MIG_EINPUT, "%s: %s must be a name (a string, {schema, name} or pgm.func()); its \"schema\" is %s",
					     opname, what, mig_value_type_name(schema));
		return 0;
	}
	return mig_error_set(MIG_EINPUT, "%s: %s must be a name (a string, {schema, name} or pgm.func()), not %s",
			     opname, what, mig_js_is_pg_literal(v) ? "a {literal: true} object" : mig_value_type_name(v));
}

int mig_name_get(const mig_value *v, const char *opname, const char *what, mig_name *out)
{
	memset(out, 0, sizeof(*out));
	int rc = mig_name_check(v, opname, what);
	if (rc)
		return rc;
	if (v->type == MIG_V_OBJECT) {
		const mig_value *schema = mig_object_get(v, "schema");
		out->schema = mig_value_truthy(schema) ? schema->str : NULL;
		out->name = mig_object_get(v, "name")->str;
	} else {
		out->name = v->str;
		out->literal = v->type == MIG_V_LITERAL;
	}
	return 0;
}

void mig_name_base(mig_str *out, const mig_value *table)
{
	if (mig_is_name_object(table))
		mig_js_string(out, mig_object_get(table, "name"));
	else
		mig_js_string(out, table);
}

static void maybe_decamelize(mig_str *out, const char *s, bool decamelize)
{
	if (decamelize)
		mig_decamelize(out, s);
	else
		mig_str_puts(out, s);
}

int mig_schemalize(mig_str *out, const mig_value *v, bool decamelize, const char *opname,
		   const char *what)
{
	int rc = mig_name_check(v, opname, what);
	if (rc)
		return rc;
	if (v->type == MIG_V_LITERAL) {
		mig_str_put(out, v->str, v->len);
	} else if (v->type == MIG_V_OBJECT) {
		const mig_value *schema = mig_object_get(v, "schema");
		if (mig_value_truthy(schema)) {
			maybe_decamelize(out, schema->str, decamelize);
			mig_str_putc(out, '.');
		}
		maybe_decamelize(out, mig_object_get(v, "name")->str, decamelize);
	} else if (mig_is_expression(v->str)) {
		mig_str_putc(out, '(');
		mig_str_put(out, v->str, v->len);
		mig_str_putc(out, ')');
	} else {
		maybe_decamelize(out, v->str, decamelize);
	}
	return 0;
}

/* ---- types and columns ------------------------------------------------ */

const char *mig_type_adapt(const char *type)
{
	static const char *const map[][2] = {
		{"int", "integer"},     {"string", "text"},           {"float", "real"},
		{"double", "double precision"}, {"datetime", "timestamp"}, {"bool", "boolean"},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(type, map[i][0]) == 0)
			return map[i][1];
	return type;
}

/* toType(x) as a fresh object: a string gives {type: x}, an object a copy,
 * anything else (spread of a primitive) {}. */
static mig_value *to_type_object(const mig_value *v)
{
	if (v && v->type == MIG_V_OBJECT)
		return mig_value_clone(v);
	mig_value *o = mig_value_new(MIG_V_OBJECT);
	if (o && v && v->type == MIG_V_STRING) {
		mig_value *s = mig_value_clone(v);
		if (!s || mig_object_set(o, "type", s)) {
			mig_value_free(o);
			return NULL;
		}
	}
	return o;
}

/* SameValueZero on the values a shorthand chain can hold. */
static bool same_value_zero(const mig_value *a, const mig_value *b)
{
	bool ua = mig_value_is_undefined(a), ub = mig_value_is_undefined(b);
	if (ua || ub)
		return ua && ub;
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case MIG_V_NULL:
		return true;
	case MIG_V_BOOL:
		return a->b == b->b;
	case MIG_V_NUMBER:
		return a->num == b->num || (a->num != a->num && b->num != b->num);
	case MIG_V_STRING:
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	default:
		return a == b; /* objects compare by identity */
	}
}

/* typeShorthands[name]: the user's shorthands spread over the built-in
 * {id: {type: 'serial', primaryKey: true}}. *builtin is set when the
 * built-in id applies (then NULL is returned). */
static const mig_value *shorthand(const mig_value *shorthands, const mig_value *name, bool *builtin)
{
	*builtin = false;
	if (!name || name->type != MIG_V_STRING)
		return NULL;
	if (mig_js_in(shorthands, name->str))
		return mig_object_get(shorthands, name->str);
	if (strcmp(name->str, "id") == 0)
		*builtin = true;
	return NULL;
}

static mig_value *builtin_id(void)
{
	mig_value *o = mig_value_new(MIG_V_OBJECT);
	if (!o)
		return NULL;
	if (mig_object_set(o, "type", mig_value_cstring("serial")) ||
	    mig_object_set(o, "primaryKey", mig_value_bool(true))) {
		mig_value_free(o);
		return NULL;
	}
	return o;
}

static mig_value *undefined_or_clone(const mig_value *v)
{
	return v ? mig_value_clone(v) : mig_value_new(MIG_V_UNDEFINED);
}

static int push_clone(mig_value *arr, const mig_value *v)
{
	mig_value *c = undefined_or_clone(v);
	return c ? mig_array_push(arr, c) : MIG_ENOMEM;
}

mig_value *mig_apply_type(const mig_value *type, const mig_value *shorthands)
{
	if (mig_value_is_undefined(type) || type->type == MIG_V_NULL) {
		mig_error_set(MIG_EINPUT, "a type must be a string or an object with a type, not %s",
			      mig_value_type_name(type));
		return NULL;
	}
	mig_value *options = to_type_object(type);
	mig_value *types = mig_value_new(MIG_V_ARRAY);
	mig_value *ext = NULL, *res = NULL;
	if (!options || !types)
		goto oom;
	const mig_value *first = mig_object_get(options, "type");
	if (push_clone(types, first))
		goto oom;
	for (;;) {
		bool builtin;
		const mig_value *last = types->items[types->n - 1];
		const mig_value *sh = shorthand(shorthands, last, &builtin);
		mig_value *next;
		if (builtin)
			next = builtin_id();
		else if (mig_value_truthy(sh))
			next = to_type_object(sh);
		else
			break;
		if (!next)
			goto oom;
		/* {...toType(shorthand), ...removeType(ext)} */
		for (size_t i = 0; ext && i < ext->n; i++) {
			if (strcmp(ext->keys[i], "type") == 0)
				continue;
			mig_value *c = undefined_or_clone(ext->items[i]);
			if (!c || mig_object_set(next, ext->keys[i], c)) {
				mig_value_free(next);
				goto oom;
			}
		}
		mig_value_free(ext);
		ext = next;
		const mig_value *t = mig_object_get(ext, "type");
		for (size_t i = 0; i < types->n; i++) {
			if (same_value_zero(types->items[i], t)) {
				mig_str msg = MIG_STR_INIT;
				mig_js_join(&msg, types, ", ");
				mig_str_puts(&msg, ", ");
				mig_js_string(&msg, t);
				mig_error_set(MIG_EINPUT, "Shorthands contain cyclic dependency: %s", mig_str_cstr(&msg));
				mig_str_free(&msg);
				goto fail;
			}
		}
		if (push_clone(types, t))
			goto oom;
	}
	/* {...ext, ...options, type: applyTypeAdapters(ext?.type ?? options.type)} */
	const mig_value *et = mig_object_get(ext, "type");
	const mig_value *final = (!mig_value_is_undefined(et) && et->type != MIG_V_NULL) ? et : first;
	mig_value *tv = (final && final->type == MIG_V_STRING) ? mig_value_cstring(mig_type_adapt(final->str))
							       : undefined_or_clone(final);
	if (!tv)
		goto oom;
	res = ext ? ext : mig_value_new(MIG_V_OBJECT);
	ext = NULL;
	if (!res) {
		mig_value_free(tv);
		goto oom;
	}
	for (size_t i = 0; i < options->n; i++) {
		mig_value *c = undefined_or_clone(options->items[i]);
		if (!c || mig_object_set(res, options->keys[i], c)) {
			mig_value_free(tv);
			goto oom;
		}
	}
	if (mig_object_set(res, "type", tv))
		goto oom;
	mig_value_free(options);
	mig_value_free(types);
	return res;
oom:
	mig_error_oom();
fail:
	mig_value_free(options);
	mig_value_free(types);
	mig_value_free(ext);
	mig_value_free(res);
	return NULL;
}

void mig_columns_dispose(mig_columns *c)
{
	mig_value_free(c->cols);
	mig_value_free(c->constraints);
	c->cols = c->constraints = NULL;
}

int mig_columns_resolve(const mig_value *columns, const mig_value *shorthands,
			const char *opname, mig_columns *out)
{
	memset(out, 0, sizeof(*out));
	if (!columns || columns->type != MIG_V_OBJECT)
		return mig_error_set(MIG_EINPUT, "%s: the columns must be an object {name: definition}, not %s",
				     opname, mig_value_type_name(columns));
	if (!(out->cols = mig_value_new(MIG_V_OBJECT)))
		return MIG_ENOMEM;
	size_t primary = 0;
	for (size_t i = 0; i < columns->n; i++) {
		const mig_value *def = columns->items[i];
		if (mig_value_is_undefined(def) || !(def->type == MIG_V_STRING || def->type == MIG_V_OBJECT))
			return mig_error_set(MIG_EINPUT, "%s: column \"%s\" must be a type string or an object with a type, not %s",
					     opname, columns->keys[i], mig_value_type_name(def));
		mig_value *r = mig_apply_type(def, shorthands);
		if (!r)
			return mig_error_last() ? mig_error_last()->code : MIG_ENOMEM;
		if (mig_object_set(out->cols, columns->keys[i], r))
			return MIG_ENOMEM;
		if (mig_opt_truthy(r, "primaryKey"))
			primary++;
	}
	if (primary > 1) {
		mig_value *names = mig_value_new(MIG_V_ARRAY);
		if (!names || !(out->constraints = mig_value_new(MIG_V_OBJECT))) {
			mig_value_free(names);
			return MIG_ENOMEM;
		}
		if (mig_object_set(out->constraints, "primaryKey", names))
			return MIG_ENOMEM;
		for (size_t i = 0; i < out->cols->n; i++) {
			mig_value *c = out->cols->items[i];
			if (mig_opt_truthy(c, "primaryKey") &&
			    mig_array_push(names, mig_value_cstring(out->cols->keys[i])))
				return MIG_ENOMEM;
			if (mig_object_set(c, "primaryKey", mig_value_bool(false)))
				return MIG_ENOMEM;
		}
	}
	return 0;
}

/* ---- generated names -------------------------------------------------- */

static mig_value *name_object(const mig_value *schema, mig_value *name)
{
	mig_value *o = mig_value_new(MIG_V_OBJECT);
	if (!o || !name) {
		mig_value_free(o);
		mig_value_free(name);
		return NULL;
	}
	if (!mig_value_is_undefined(schema)) {
		mig_value *s = mig_value_clone(schema);
		if (!s || mig_object_set(o, "schema", s)) {
			mig_value_free(o);
			mig_value_free(name);
			return NULL;
		}
	}
	if (mig_object_set(o, "name", name)) {
		mig_value_free(o);
		return NULL;
	}
	return o;
}

mig_value *mig_index_name(const mig_value *table, const mig_value *columns, const mig_value *options,
			  bool decamelize, const char *opname)
{
	const mig_value *given = mig_opt(options, "name");
	if (mig_value_truthy(given)) {
		const mig_value *schema = mig_object_get(table, "schema");
		if (mig_is_name_object(table) && schema && schema->type == MIG_V_STRING)
			return name_object(schema, mig_value_clone(given));
		mig_value *c = mig_value_clone(given);
		if (!c)
			mig_error_oom();
		return c;
	}
	mig_str cols = MIG_STR_INIT;
	size_t n = mig_js_len(columns);
	for (size_t i = 0; i < n; i++) {
		const mig_value *col = mig_js_at(columns, i);
		const mig_value *cname = mig_object_get(col, "name");
		if (i)
			mig_str_putc(&cols, '_');
		if (col && col->type == MIG_V_OBJECT && cname && cname->type == MIG_V_STRING) {
			if (mig_schemalize(&cols, cname, decamelize, opname, "an index column"))
				goto fail;
		} else if (mig_js_is_pg_literal(col)) {
			mig_str lit = MIG_STR_INIT;
			if (col->type == MIG_V_LITERAL || mig_js_in(col, "value"))
				mig_js_pg_literal_text(&lit, col);
			else
				mig_js_string(&lit, col);
			mig_error_set(MIG_EINPUT, "Index name must be provided when using PgLiteral columns (column #%zu: %s)",
				      i + 1, mig_str_cstr(&lit));
			mig_str_free(&lit);
			goto fail;
		} else if (mig_schemalize(&cols, col, decamelize, opname, "an index column")) {
			goto fail;
		}
	}
	bool unique = mig_opt_truthy(options, "unique");
	mig_str name = MIG_STR_INIT;
	mig_name_base(&name, table);
	mig_str_putc(&name, '_');
	mig_str_put(&name, mig_str_cstr(&cols), mig_str_len(&cols));
	mig_str_puts(&name, unique ? "_unique_index" : "_index");
	mig_str_free(&cols);
	if (mig_str_failed(&name)) {
		mig_str_free(&name);
		mig_error_oom();
		return NULL;
	}
	mig_value *nv = mig_value_string(mig_str_cstr(&name), mig_str_len(&name));
	mig_str_free(&name);
	if (mig_is_name_object(table))
		return name_object(mig_object_get(table, "schema"), nv);
	return nv;
fail:
	mig_str_free(&cols);
	return NULL;
}

void mig_column_fk_name(mig_str *out, const mig_value *table, const char *column)
{
	mig_js_string(out, table);
	mig_str_printf(out, "_fk_%s", column);
}

void mig_constraint_name(mig_str *out, const mig_value *table, enum mig_constraint_kind kind,
			 const mig_value *cols, size_t index)
{
	mig_name_base(out, table);
	switch (kind) {
	case MIG_CONSTRAINT_CHECK:
		mig_str_puts(out, "_chck");
		if (index)
			mig_str_printf(out, "_%zu", index);
		break;
	case MIG_CONSTRAINT_UNIQUE:
		mig_str_puts(out, "_uniq_");
		mig_js_join(out, cols, "_");
		break;
	case MIG_CONSTRAINT_PRIMARY:
		mig_str_puts(out, "_pkey");
		break;
	case MIG_CONSTRAINT_FOREIGN:
		mig_str_puts(out, "_fk_");
		mig_js_join(out, cols, "_");
		break;
	case MIG_CONSTRAINT_EXCLUDE:
		mig_str_puts(out, "_excl");
		break;
	case MIG_CONSTRAINT_RAW:
		break; /* raw SQL has no generated name */
	}
}

