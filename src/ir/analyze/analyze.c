/*
 * The analysis step: raw MigrationBuilder calls -> typed operations
 * (ir/opdef.h), once, for every dialect. This file holds the dispatch,
 * the helpers every analyze_<kind>.c shares, and pgm.sql.
 */
#include "ir/analyze/analyze.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <string.h>

static void a_sql(mig_an *a);

static const mig_analyzer own[] = {
	{MIG_OP_SQL, a_sql},
	{MIG_OP_UNKNOWN, NULL},
};

static const mig_analyzer *const groups[] = {
	own, mig__analyze_tables, mig__analyze_indexes, mig__analyze_types, mig__analyze_schemas,
	mig__analyze_routines, mig__analyze_views, mig__analyze_security, mig__analyze_operators,
};

static mig_analyzer_fn analyzer_for(enum mig_op_kind kind)
{
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (const mig_analyzer *x = groups[g]; x->fn; x++)
			if (x->kind == kind)
				return x->fn;
	return NULL;
}

int mig_analyze(const mig_op *op, const mig_analyze_ctx *ctx, mig_opdef *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = op->kind;
	out->op = op;
	mig_analyzer_fn fn = analyzer_for(op->kind);
	if (!fn)
		return mig_error_set(MIG_EINPUT, "unknown operation pgm.%s()", op->name);
	mig_an a = {.ctx = ctx, .op = op, .def = out, .arena = &out->arena};
	fn(&a);
	if (a.rc == 0 && mig_arena_failed(&out->arena))
		a.rc = MIG_ENOMEM;
	return a.rc;
}

void mig_opdef_dispose(mig_opdef *def)
{
	if (!def)
		return;
	mig_arena_dispose(&def->arena);
	memset(def, 0, sizeof(*def));
}

/* ---- errors ------------------------------------------------------------- */

bool mig__an_ok(const mig_an *a)
{
	return a->rc == 0;
}

void mig__an_adopt(mig_an *a, int rc)
{
	if (rc && !a->rc)
		a->rc = rc;
}

void mig__an_fail(mig_an *a, const char *fmt, ...)
{
	if (a->rc)
		return;
	mig_str s = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&s, fmt, ap);
	va_end(ap);
	a->rc = mig_str_failed(&s) ? mig_error_oom() : mig_error_set(MIG_EINPUT, "%s", mig_str_cstr(&s));
	mig_str_free(&s);
}

/* ---- arguments and options ------------------------------------------------- */

const mig_value *mig__an_arg(const mig_an *a, size_t i)
{
	return mig_op_arg(a->op, i);
}

const mig_value *mig__an_options(mig_an *a, size_t i, bool required)
{
	const mig_value *o = NULL;
	if (!a->rc)
		mig__an_adopt(a, mig_op_options(a->op, i, required, &o));
	return o;
}

const mig_value *mig__an_opt(const mig_value *o, const char *key)
{
	return mig_opt(o, key);
}

bool mig__an_truthy(const mig_value *o, const char *key)
{
	return mig_opt_truthy(o, key);
}

bool mig__an_given(const mig_value *o, const char *key)
{
	return mig_opt(o, key) != NULL;
}

/* ---- memory -------------------------------------------------------------------- */

static void free_value(void *p)
{
	mig_value_free(p);
}

mig_value *mig__an_keep(mig_an *a, mig_value *v)
{
	if (!v) {
		mig__an_adopt(a, mig_error_code(MIG_ENOMEM));
		return NULL;
	}
	if (!mig_arena_defer(a->arena, free_value, v)) {
		mig__an_adopt(a, MIG_ENOMEM);
		return NULL;
	}
	return v;
}

void *mig__an_alloc(mig_an *a, size_t n, size_t size)
{
	void *p = mig_arena_array(a->arena, n ? n : 1, size);
	if (!p)
		mig__an_adopt(a, MIG_ENOMEM);
	return p;
}

const char *mig__an_strdup(mig_an *a, const char *s)
{
	const char *d = mig_arena_strdup(a->arena, s);
	if (s && !d)
		mig__an_adopt(a, MIG_ENOMEM);
	return d;
}

const char *mig__an_take(mig_an *a, mig_str *s)
{
	const char *d = NULL;
	if (mig_str_failed(s))
		mig__an_adopt(a, mig_error_oom());
	else if (!(d = mig_arena_strndup(a->arena, mig_str_cstr(s), mig_str_len(s))))
		mig__an_adopt(a, MIG_ENOMEM);
	mig_str_free(s);
	return d;
}

const char *mig__an_printf(mig_an *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *d = mig_arena_vprintf(a->arena, fmt, ap);
	va_end(ap);
	if (!d)
		mig__an_adopt(a, MIG_ENOMEM);
	return d;
}

/* ---- names -------------------------------------------------------------------- */

static const char *decamelized(mig_an *a, const char *s)
{
	if (!a->ctx->decamelize)
		return mig__an_strdup(a, s);
	mig_str d = MIG_STR_INIT;
	mig_decamelize(&d, s);
	return mig__an_take(a, &d);
}

void mig__an_name(mig_an *a, const mig_value *v, const char *what, mig_qname *out)
{
	memset(out, 0, sizeof(*out));
	if (a->rc)
		return;
	mig_name n;
	int rc = mig_name_get(v, a->op->name, what, &n);
	if (rc) {
		mig__an_adopt(a, rc);
		return;
	}
	if (n.literal) {
		out->raw = true;
		out->name = mig__an_strdup(a, n.name);
		return;
	}
	out->schema = n.schema ? decamelized(a, n.schema) : NULL;
	out->given_schema = !n.schema ? NULL : a->ctx->decamelize ? mig__an_strdup(a, n.schema) : out->schema;
	out->name = decamelized(a, n.name);
}

void mig__an_ident(mig_an *a, const char *s, mig_qname *out)
{
	memset(out, 0, sizeof(*out));
	if (!a->rc)
		out->name = decamelized(a, s);
}

void mig__an_name_or(mig_an *a, const mig_value *given, const char *generated, const char *what, mig_qname *out)
{
	if (mig_value_truthy(given))
		mig__an_name(a, given, what, out);
	else
		mig__an_ident(a, generated, out);
}

void mig__an_names(mig_an *a, const mig_value *v, const char *what, mig_qnames *out)
{
	memset(out, 0, sizeof(*out));
	size_t n = mig_js_len(v);
	if (!(out->v = mig__an_alloc(a, n, sizeof(*out->v))))
		return;
	for (size_t i = 0; i < n && !a->rc; i++)
		mig__an_name(a, mig_js_at(v, i), what, &out->v[out->n++]);
}

mig_qname *mig__an_new_name(mig_an *a, const mig_value *v, const char *what)
{
	mig_qname *n = mig__an_alloc(a, 1, sizeof(*n));
	if (n)
		mig__an_name(a, v, what, n);
	return n;
}

/* ---- text ------------------------------------------------------------------------ */

const char *mig__an_string(mig_an *a, const mig_value *v)
{
	mig_str s = MIG_STR_INIT;
	mig_js_string(&s, v);
	return mig__an_take(a, &s);
}

const char *mig__an_text_if(mig_an *a, const mig_value *o, const char *key)
{
	return mig__an_truthy(o, key) ? mig__an_string(a, mig__an_opt(o, key)) : NULL;
}

const char *mig__an_join(mig_an *a, const mig_value *v, const char *sep)
{
	mig_str s = MIG_STR_INIT;
	mig_js_join(&s, v, sep);
	return mig__an_take(a, &s);
}

void mig__an_strings(mig_an *a, const mig_value *v, mig_texts *out)
{
	memset(out, 0, sizeof(*out));
	size_t n = mig_js_len(v);
	if (!(out->v = mig__an_alloc(a, n, sizeof(*out->v))))
		return;
	for (size_t i = 0; i < n && !a->rc; i++)
		out->v[out->n++] = mig__an_string(a, mig_js_at(v, i));
}

/* ---- values --------------------------------------------------------------------------- */

const mig_value *mig__an_value(mig_an *a, const mig_value *v)
{
	if (!v || v->type != MIG_V_OBJECT || !mig_js_is_pg_literal(v))
		return v;
	mig_str s = MIG_STR_INIT;
	mig_js_pg_literal_text(&s, v);
	mig_value *l = NULL;
	if (mig_str_failed(&s))
		mig__an_adopt(a, mig_error_oom());
	else if ((l = mig__an_keep(a, mig_value_literal(mig_str_cstr(&s), mig_str_len(&s)))) != NULL) {
		l->line = v->line;
		l->column = v->column;
	}
	mig_str_free(&s);
	return l;
}

/* ---- types --------------------------------------------------------------------------- */

void mig__an_type(mig_an *a, const mig_value *t, const char *what, mig_type_ref *out)
{
	memset(out, 0, sizeof(*out));
	if (a->rc)
		return;
	if (mig_value_is_undefined(t)) {
		mig__an_fail(a, "%s: %s has no type", a->op->name, what);
	} else if (t->type == MIG_V_STRING || t->type == MIG_V_NUMBER) {
		out->kind = MIG_TYPE_TEXT;
		out->text = mig__an_string(a, t);
		out->number = t->type == MIG_V_NUMBER;
	} else if (t->type == MIG_V_LITERAL) {
		out->kind = MIG_TYPE_RAW;
		out->text = mig__an_string(a, t);
	} else if (mig_is_name_object(t)) {
		out->kind = MIG_TYPE_NAME;
		mig__an_name(a, t, what, &out->name);
	} else {
		mig__an_fail(a, "%s: %s must be a type name, not %s", a->op->name, what, mig_value_type_name(t));
	}
}

mig_type_ref *mig__an_apply_type(mig_an *a, const mig_value *def, const mig_value *shorthands, const char *what)
{
	if (a->rc)
		return NULL;
	mig_value *r = mig_apply_type(def, shorthands);
	if (!r) {
		mig__an_adopt(a, mig_error_code(MIG_ENOMEM));
		return NULL;
	}
	mig_type_ref *t = mig__an_alloc(a, 1, sizeof(*t));
	if (t)
		mig__an_type(a, mig_opt(r, "type"), what, t);
	mig_value_free(r);
	return a->rc ? NULL : t;
}

static bool is_null_or_false(const mig_value *v)
{
	return v && (v->type == MIG_V_NULL || (v->type == MIG_V_BOOL && !v->b));
}

void mig__an_sequence_opts(mig_an *a, const mig_value *o, mig_sequence_opts *out)
{
	memset(out, 0, sizeof(*out));
	if (mig__an_truthy(o, "type"))
		out->type = mig__an_apply_type(a, mig__an_opt(o, "type"), a->ctx->shorthands, "the sequence type");
	out->increment = mig__an_text_if(a, o, "increment");
	const mig_value *v = mig__an_opt(o, "minvalue");
	if (mig_value_truthy(v)) {
		out->minvalue = MIG_SET;
		out->minvalue_text = mig__an_string(a, v);
	} else if (is_null_or_false(v)) {
		out->minvalue = MIG_UNSET;
	}
	v = mig__an_opt(o, "maxvalue");
	if (mig_value_truthy(v)) {
		out->maxvalue = MIG_SET;
		out->maxvalue_text = mig__an_string(a, v);
	} else if (is_null_or_false(v)) {
		out->maxvalue = MIG_UNSET;
	}
	out->start = mig__an_text_if(a, o, "start");
	out->cache = mig__an_text_if(a, o, "cache");
	v = mig__an_opt(o, "cycle");
	if (mig_value_truthy(v))
		out->cycle = MIG_SET;
	else if (v && v->type == MIG_V_BOOL && !v->b)
		out->cycle = MIG_UNSET;
	v = mig__an_opt(o, "owner");
	if (mig_value_truthy(v)) {
		out->owner = MIG_SET;
		out->owner_text = mig__an_string(a, v);
	} else if (is_null_or_false(v)) {
		out->owner = MIG_UNSET;
	}
}

/* ---- generic shapes ---------------------------------------------------------------------- */

void mig__an_drop_simple(mig_an *a, const char *what)
{
	mig_drop_def *d = &a->def->u.drop;
	const mig_value *o = mig__an_options(a, 1, false);
	d->if_exists = mig__an_truthy(o, "ifExists");
	d->cascade = mig__an_truthy(o, "cascade");
	if (!(d->names.v = mig__an_alloc(a, 1, sizeof(*d->names.v))))
		return;
	d->names.n = 1;
	mig__an_name(a, mig__an_arg(a, 0), what, &d->names.v[0]);
}

void mig__an_rename2(mig_an *a, const char *what)
{
	mig_rename_def *r = &a->def->u.rename;
	mig__an_name(a, mig__an_arg(a, 0), what, &r->from);
	mig__an_name(a, mig__an_arg(a, 1), what, &r->to);
}

void mig__an_rename3(mig_an *a, size_t ia, const char *wa, mig_qname *oa, size_t ib, const char *wb,
		     mig_qname *ob, const char *wc)
{
	mig__an_name(a, mig__an_arg(a, ia), wa, oa);
	mig__an_name(a, mig__an_arg(a, ib), wb, ob);
	mig__an_name(a, mig__an_arg(a, 2), wc, &a->def->u.rename.to);
}

/* ---- pgm.sql ---------------------------------------------------------------------------- */

static void a_sql(mig_an *a)
{
	mig_sql_def *d = &a->def->u.sql;
	const mig_value *text = mig__an_arg(a, 0), *args = mig__an_arg(a, 1);
	if (!text || text->type != MIG_V_STRING) {
		mig__an_fail(a, "%s: the SQL must be a string, not %s", a->op->name, mig_value_type_name(text));
		return;
	}
	if (!mig_value_is_undefined(args) && args->type != MIG_V_OBJECT) {
		mig__an_fail(a, "%s: the arguments must be an object, not %s", a->op->name, mig_value_type_name(args));
		return;
	}
	d->text = text->str;
	d->len = text->len;
	if (mig_value_is_undefined(args) || args->n == 0)
		return;
	if (!(d->args = mig__an_alloc(a, args->n, sizeof(*d->args))))
		return;
	for (size_t k = 0; k < args->n && !a->rc; k++) {
		mig_sql_arg *arg = &d->args[d->nargs++];
		const mig_value *v = args->items[k];
		arg->key = args->keys[k];
		if (mig_value_is_undefined(v)) {
			arg->kind = MIG_SQL_ARG_UNDEFINED;
		} else if (v->type == MIG_V_STRING || mig_is_name_object(v)) {
			arg->kind = MIG_SQL_ARG_NAME;
			mig__an_name(a, v, "an argument", &arg->name);
		} else {
			arg->kind = MIG_SQL_ARG_VALUE;
			arg->value = mig__an_value(a, v);
		}
	}
}

void mig__an_literal(mig_str *out, const char *ident)
{
	mig_str_putc(out, '"');
	for (const char *c = ident; *c; c++) {
		if (*c == '"')
			mig_str_putc(out, '"');
		mig_str_putc(out, *c);
	}
	mig_str_putc(out, '"');
}
