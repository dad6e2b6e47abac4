/*
 * Emission helpers of the SQLite dialect: errors, notices, steps, and names
 * (those of the typed definitions, cut at 63 bytes as PostgreSQL cuts
 * them, so that a later drop finds the object on every backend).
 */
#include "dialects/sqlite/sqlite_emit.h"

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

void mig__sq_fail(sq *p, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	failv(p, code, fmt, ap);
	va_end(ap);
}

/* "<op> is not supported on SQLite: <why>" */
void mig__sq_unsupported(sq *p, const char *why)
{
	mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s is not supported on SQLite: %s", p->op->name, why);
}

/* An option the dialect cannot honour: "<op> option <what> is not
 * supported on SQLite: <why>". */
void mig__sq_unsupported_option(sq *p, const char *what, const char *why)
{
	mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s option %s is not supported on SQLite: %s", p->op->name, what, why);
}

/* Record an error some helper already set. */
void mig__sq_adopt(sq *p, int rc)
{
	if (rc && !p->rc)
		p->rc = rc;
}

void mig__sq_oom(sq *p)
{
	mig__sq_adopt(p, mig_error_oom());
}

void mig__sq_notice(sq *p, const char *fmt, ...)
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

/* Push a finished statement as one step (takes the buffer). */
void mig__sq_step(sq *p, mig_str *s)
{
	if (p->rc || mig_str_failed(s)) {
		if (!p->rc)
			mig__sq_oom(p);
		mig_str_free(s);
		return;
	}
	mig__sq_adopt(p, mig_strv_push(p->steps, mig_str_detach(s)));
}

void mig__sq_step_text(sq *p, const char *text)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, text);
	mig__sq_step(p, &s);
}

char *mig__sq_dup_or_fail(sq *p, const char *s)
{
	char *d = mig_strdup(s);
	if (!d)
		mig__sq_oom(p);
	return d;
}

char *mig__sq_detach_or_fail(sq *p, mig_str *s)
{
	if (mig_str_failed(s)) {
		mig_str_free(s);
		mig__sq_oom(p);
		return NULL;
	}
	char *d = mig_str_detach(s);
	if (!d)
		mig__sq_oom(p);
	return d;
}

void mig__sq_strv_add(sq *p, mig_strv *v, const char *s)
{
	if (!p->rc)
		mig__sq_adopt(p, mig_strv_pushdup(v, s));
}

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

/* An identifier as PostgreSQL ends up naming it (the analysis already
 * decamelized it when asked): cut at 63 bytes, which PostgreSQL only says
 * in a NOTICE. Caller frees. */
char *mig__sq_final_ident(sq *p, const char *s)
{
	if (p->rc)
		return NULL;
	mig_str d = MIG_STR_INIT;
	mig_str_puts(&d, s);
	if (mig_str_failed(&d)) {
		mig_str_free(&d);
		mig__sq_oom(p);
		return NULL;
	}
	size_t k = clip_len(mig_str_cstr(&d), mig_str_len(&d), PG_NAME_MAX);
	if (k < d.len) {
		mig__sq_notice(p, "identifier \"%s\" will be truncated to \"%.*s\" (as PostgreSQL does)", mig_str_cstr(&d), (int)k,
		       mig_str_cstr(&d));
		mig_str_truncate(&d, k);
	}
	return mig__sq_detach_or_fail(p, &d);
}

/*
 * A name of the definition as the final identifier. SQLite has one
 * schema: "public" (PostgreSQL's default) and "main" are accepted as
 * written, anything else is refused. pgm.func() names are raw PostgreSQL
 * SQL and cannot be read. Caller frees; NULL on error.
 */
char *mig__sq_qname(sq *p, const mig_qname *n, const char *what)
{
	if (p->rc)
		return NULL;
	if (n->raw) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: %s given as pgm.func('%s') is not supported on SQLite: give the name as a string",
		     p->op->name, what, n->name);
		return NULL;
	}
	const char *schema = n->given_schema ? n->given_schema : n->schema;
	if (schema && strcmp(schema, "public") != 0 && strcmp(schema, "main") != 0) {
		mig__sq_fail(p, MIG_ENOTSUPPORTED,
		     "%s: schema \"%s\" is not supported on SQLite: SQLite has no schemas (only public/main)",
		     p->op->name, schema);
		return NULL;
	}
	return mig__sq_final_ident(p, n->name);
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

char *mig__sq_pg_name(sq *p, const char *table, const char *col, const char *label)
{
	mig_str s = MIG_STR_INIT;
	pg_object_name(&s, table, col, label);
	return mig__sq_detach_or_fail(p, &s);
}
