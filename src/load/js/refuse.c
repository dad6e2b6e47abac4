/*
 * Every message of the JS/TS reader is made here, so that all carry the
 * file position and read alike: syntax errors ("unexpected X, expected
 * Y"), the limits, and the refusals of valid JavaScript that only Node.js
 * can run, which name the construct and say the file needs node-pg-migrate
 * rather than guess what the code does. The end of a statement (semi) is
 * here too: most of its work is choosing which of these messages a token
 * that cannot follow gets.
 */
#include "load/js/parser.h"

#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <stdarg.h>
#include <string.h>

/* ---- errors ------------------------------------------------------------ */

/* Copy at most max bytes of s into out, not cutting a UTF-8 sequence. */
void mig__js_put_clipped(mig_str *out, const char *s, size_t len, size_t max)
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
		return mig_error_oom();
	}
	int rc = mig_error_set_at(MIG_EINPUT, p->m->path, t->line, t->col, "%s", mig_str_cstr(&msg));
	mig_str_free(&msg);
	return rc;
}

int mig__js_err(parser *p, const tok *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = verr(p, t, fmt, ap);
	va_end(ap);
	return rc;
}

/* Valid JavaScript that only Node.js can run: name the construct. */
int mig__js_refuse(parser *p, const tok *t, const char *fmt, ...)
{
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	mig_str what = MIG_STR_INIT;
	va_list ap;
	va_start(ap, fmt);
	mig_str_vprintf(&what, fmt, ap);
	va_end(ap);
	const char *hint = p->in_fn
		? "only static code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js"
		: "only static code (constants, this file's functions, node-pg-migrate imports, static sibling files, the exports) can be read without Node.js";
	int rc = mig__js_err(p, t, "%s %s: %s; this file needs node-pg-migrate to run",
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
		mig__js_put_clipped(out, p->src + t->off, t->len, 40);
		mig_str_putc(out, '`');
		break;
	case MIG_JS_STRING:
		mig_str_puts(out, "string literal");
		break;
	case MIG_JS_NUMBER:
		mig_str_puts(out, "number `");
		mig__js_put_clipped(out, p->src + t->off, t->len, 40);
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
const char *mig__js_a_type(const mig_value *v)
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

int mig__js_unexpected(parser *p, const tok *t, const char *expected)
{
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	mig_str d = MIG_STR_INIT;
	describe(p, t, &d);
	int rc = mig__js_err(p, t, "syntax error %s: unexpected %s, expected %s", p->where, mig_str_cstr(&d),
			     expected);
	mig_str_free(&d);
	return rc;
}

int mig__js_expect(parser *p, const char *punct, const char *what)
{
	if (!is_p(tk_cur(p), punct))
		return mig__js_unexpected(p, tk_cur(p), what);
	adv(p);
	return 0;
}

/* After a constructor returned NULL: the code of the error it set (out of
 * memory, or one of our limits). */
int mig__js_last_code(void)
{
	const mig_error *e = mig_error_last();
	return e && e->code ? e->code : MIG_ENOMEM;
}

int mig__js_too_deep(parser *p, const tok *t)
{
	return mig__js_err(p, t, "nested more than %d levels deep %s; this reader refuses deeper nesting",
			   MAX_DEPTH, p->where);
}

/* An opening bracket that is never closed: report the lexical error that
 * cut the file short if there is one. */
int mig__js_unclosed(parser *p, const tok *t)
{
	const tok *last = tk_at(p, p->n - 1);
	if (last->type == MIG_JS_ERROR)
		return mig__js_err(p, last, "%s", "");
	mig_str d = MIG_STR_INIT;
	describe(p, t, &d);
	int rc = mig__js_err(p, t, "syntax error %s: %s is never closed", p->where, mig_str_cstr(&d));
	mig_str_free(&d);
	return rc;
}

/* Refuse t when it is an operator we do not evaluate; 0 otherwise. */
int mig__js_refuse_operator(parser *p, const tok *t)
{
	if (t->type == MIG_JS_IDENT) {
		if (is_id(p, t, "instanceof") || is_id(p, t, "in"))
			return mig__js_refuse(p, t, "`%.*s` operator", (int)t->len, p->src + t->off);
		return 0;
	}
	if (!may_be_operator(t))
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
			return mig__js_refuse(p, t, "comparison `%s`", s);
	for (size_t k = 0; arith[k]; k++)
		if (strcmp(s, arith[k]) == 0)
			return mig__js_refuse(p, t, "arithmetic operator `%s` (only `+` of strings and numbers is read)", s);
	for (size_t k = 0; logic[k]; k++)
		if (strcmp(s, logic[k]) == 0)
			return mig__js_refuse(p, t, "logical operator `%s`", s);
	for (size_t k = 0; bits[k]; k++)
		if (strcmp(s, bits[k]) == 0)
			return mig__js_refuse(p, t, "bitwise operator `%s`", s);
	for (size_t k = 0; assign[k]; k++)
		if (strcmp(s, assign[k]) == 0)
			return mig__js_refuse(p, t, "assignment `%s`", s);
	if (strcmp(s, "?") == 0)
		return mig__js_refuse(p, t, "conditional expression `? :`");
	if (strcmp(s, "++") == 0 || strcmp(s, "--") == 0)
		return mig__js_refuse(p, t, "`%s` operator", s);
	if (strcmp(s, "?.") == 0)
		return mig__js_refuse(p, t, "optional chaining `?.`");
	if (strcmp(s, "=>") == 0)
		return mig__js_refuse(p, t, "arrow function");
	return 0;
}

/* Statement keywords we never run. 0 when t is none of them. */
int mig__js_refuse_statement_keyword(parser *p, const tok *t)
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
			return mig__js_refuse(p, t, "%s", kws[k].what);
	if (t->type == MIG_JS_IDENT && is_p(tk_at(p, tk_index(p, t) + 1), ":") && !mig__js_is_reserved(p, t))
		return mig__js_refuse(p, t, "labelled statement");
	return 0;
}

/* A statement ends with `;`, before `}` or the end, or at a line break
 * that JavaScript would insert a semicolon at. */
int mig__js_semi(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_EOF || is_p(t, "}"))
		return 0;
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	int rc = mig__js_refuse_operator(p, t);
	if (rc)
		return rc;
	if (is_p(t, "(") || is_p(t, "[") || is_p(t, ".") || is_template(t)) {
		if (is_template(t))
			return mig__js_refuse(p, t, "tagged template");
		return mig__js_refuse(p, t, is_p(t, "(") ? "call of an expression's result"
							 : "property access on an expression's result");
	}
	if (t->nl_before)
		return 0;
	return mig__js_unexpected(p, t, "`;` or a line break");
}
