/*
 * Functions are recorded, not read: only where their parameters and body
 * are. A body is evaluated once the module has run, and only if the
 * function turns out to be the exported up or down (body.c); until then
 * it is only delimited, which is why a syntax error inside a function that
 * never runs goes unnoticed.
 */
#include "load/js/parser.h"

#include <string.h>

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
bool mig__js_fn_starts(const parser *p, size_t j)
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

static int skip_expr(parser *p);

/* `(a, b = 1, { c }, ...rest)`: where each parameter and default value
 * is; defaults are evaluated by the call (call.c), in the callee's frame. */
static int parse_params(parser *p, jsfn *f)
{
	int rc = mig__js_expect(p, "(", "`(`");
	while (rc == 0 && !is_p(tk_cur(p), ")")) {
		const tok *t = tk_cur(p);
		bool rest = false;
		if (is_p(t, "...")) {
			rest = true;
			adv(p);
			t = tk_cur(p);
		}
		if (is_id(p, t, "this"))
			return mig__js_refuse(p, t, "`this` parameter");
		if (f->nparams == MAX_PARAMS)
			return mig__js_refuse(p, t, "function with more than %d parameters", MAX_PARAMS);
		f->param[f->nparams] = p->i;
		f->deflt[f->nparams] = 0;
		if (is_p(t, "{") || is_p(t, "[")) {
			if ((rc = mig__js_skip_group(p)) != 0)
				return rc;
		} else if (t->type != MIG_JS_IDENT || mig__js_is_reserved(p, t)) {
			return mig__js_unexpected(p, t, "a parameter name");
		} else {
			adv(p);
		}
		f->nparams++;
		if (is_p(tk_cur(p), "?"))
			adv(p);
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = mig__js_skip_type(p, 0)) != 0)
				return rc;
		}
		if (is_p(tk_cur(p), "=") && !rest) {
			adv(p);
			f->deflt[f->nparams - 1] = p->i;
			if ((rc = skip_expr(p)) != 0)
				return rc;
		}
		if (rest) {
			f->rest = true;
			if (!is_p(tk_cur(p), ")"))
				return mig__js_unexpected(p, tk_cur(p), "`)` after the rest parameter");
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), ")"))
			return mig__js_unexpected(p, tk_cur(p), "`,` or `)`");
	}
	if (rc == 0)
		rc = mig__js_expect(p, ")", "`)`");
	return rc;
}

static int block_body(parser *p, jsfn *f)
{
	const tok *open = tk_cur(p);
	if (!is_p(open, "{"))
		return mig__js_unexpected(p, open, "`{`");
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
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
		if (p->i > start && t->nl_before && mig__js_ends_value(tk_at(p, p->i - 1)) && !mig__js_continues(p, t))
			break;
		if (is_p(t, ";") || is_p(t, ",") || is_p(t, ")") || is_p(t, "]") || is_p(t, "}") ||
		    t->type == MIG_JS_TEMPLATE_MIDDLE || t->type == MIG_JS_TEMPLATE_TAIL)
			break;
		if (mig__js_is_opener(t)) {
			int rc = mig__js_skip_group(p);
			if (rc)
				return rc;
			continue;
		}
		adv(p);
	}
	if (p->i == start)
		return mig__js_unexpected(p, tk_cur(p), "an expression");
	return 0;
}

/* A function expression, arrow function or declaration at the current
 * token: recorded in p->fns, body not read. */
int mig__js_parse_function(parser *p, size_t *out)
{
	/* A function read again (a loop body, a second call) is the same
	 * record: the records stay as many as the functions written. */
	for (size_t k = p->nfns; k-- > 0;) {
		if (p->fns[k].start == p->i) {
			p->i = p->fns[k].end;
			*out = k;
			return 0;
		}
	}
	jsfn f;
	memset(&f, 0, sizeof(f));
	f.start = p->i;
	int rc;
	if (is_id(p, tk_cur(p), "async"))
		adv(p);
	if (is_id(p, tk_cur(p), "function")) {
		adv(p);
		if (is_p(tk_cur(p), "*"))
			return mig__js_refuse(p, tk_cur(p), "generator function");
		if (tk_cur(p)->type == MIG_JS_IDENT)
			adv(p);
		if (is_p(tk_cur(p), "<"))
			return mig__js_refuse(p, tk_cur(p), "generic function");
		if ((rc = parse_params(p, &f)) != 0)
			return rc;
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = mig__js_skip_type(p, 0)) != 0)
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
			if ((rc = mig__js_skip_type(p, 0)) != 0)
				return rc;
		}
		if ((rc = mig__js_expect(p, "=>", "`=>`")) != 0)
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
	return mig__js_add_fn(p, &f, out);
}

/* A method `up(pgm) {...}` / `async up(pgm) {...}` in an exported object;
 * the current token is `(`. */
int mig__js_parse_method(parser *p, size_t start, size_t *out)
{
	jsfn f;
	memset(&f, 0, sizeof(f));
	f.start = start;
	int rc = parse_params(p, &f);
	if (rc == 0 && is_p(tk_cur(p), ":")) {
		adv(p);
		rc = mig__js_skip_type(p, 0);
	}
	if (rc == 0)
		rc = block_body(p, &f);
	if (rc)
		return rc;
	f.end = p->i;
	return mig__js_add_fn(p, &f, out);
}
