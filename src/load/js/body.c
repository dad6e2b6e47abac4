/*
 * The bodies of the exported up and down functions, run against the final
 * module scope as node-pg-migrate calls them after the import: each
 * pgm.<operation>(...) statement appends an operation to its direction.
 * This is the only place a function body is read.
 */
#include "load/js/parser.h"

#include "ir/value.h"
#include "ir/ir.h"

#include <string.h>

/* ---- function bodies ---------------------------------------------------- */

/* pgm.<op>(args...): appends the operation. */
static int parse_args(parser *p, mig_value **out)
{
	const tok *open = tk_cur(p);
	mig_value *arr = mig__js_vnew(p, MIG_V_ARRAY, open);
	if (!arr)
		return mig__js_last_code();
	adv(p);
	int rc = 0;
	while (rc == 0 && !is_p(tk_cur(p), ")")) {
		const tok *t = tk_cur(p);
		mig_value *v = NULL;
		if (is_p(t, "...")) {
			adv(p);
			if ((rc = mig__js_expr(p, 1, &v)) != 0)
				break;
			if (v->type == MIG_V_ARRAY) {
				for (size_t k = 0; k < v->n && rc == 0; k++) {
					rc = mig_array_push(arr, v->items[k]);
					v->items[k] = NULL;
				}
			} else {
				rc = mig__js_refuse(p, t, "spread of %s in a call", mig__js_a_type(v));
			}
			mig_value_free(v);
		} else {
			if ((rc = mig__js_expr(p, 1, &v)) != 0)
				break;
			rc = mig_array_push(arr, v);
		}
		if (rc)
			break;
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), ")"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `)`");
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
		return mig__js_refuse(p, t, "the MigrationBuilder `%.*s` used other than to call an operation",
				      (int)t->len, p->src + t->off);
	adv(p);
	const tok *name = tk_cur(p);
	if (name->type != MIG_JS_IDENT)
		return mig__js_unexpected(p, name, "an operation name");
	adv(p);
	char op[64];
	if (name->len >= sizeof(op))
		return mig__js_err(p, name, "unknown operation `pgm.%.*s...()` %s: node-pg-migrate's MigrationBuilder has no such method",
				   20, p->src + name->off, p->where);
	memcpy(op, p->src + name->off, name->len);
	op[name->len] = '\0';
	if (strcmp(op, "db") == 0) {
		const tok *m = tk_peek(p, 1);
		if (is_p(tk_cur(p), ".") && m->type == MIG_JS_IDENT)
			return mig__js_refuse(p, t, "`pgm.db.%.*s()` (a live database query)", (int)m->len, p->src + m->off);
		return mig__js_refuse(p, t, "`pgm.db` (a live database query)");
	}
	if (!is_p(tk_cur(p), "("))
		return mig__js_refuse(p, t, "`pgm.%s` without a call", op);
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
			return mig__js_err(p, name, "unknown operation `pgm.%s()` %s: node-pg-migrate's MigrationBuilder has no such method",
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
		return mig__js_refuse(p, after, "use of the result of `pgm.%s()`", op);
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
		binding *b = mig__js_lookup(p, t);
		if (b && b->kind == B_BUILDER)
			return builder_call(p);
		size_t bang = is_p(tk_peek(p, 1), "!") && !tk_peek(p, 1)->nl_before ? 1 : 0;
		if (b && b->kind == B_RUN && is_p(tk_peek(p, 1 + bang), "(")) {
			adv(p);
			if (bang)
				adv(p);
			adv(p);
			if (!is_p(tk_cur(p), ")"))
				return mig__js_refuse(p, tk_cur(p), "`%.*s()` with an argument", (int)t->len, p->src + t->off);
			adv(p);
			if (!p->dead)
				p->run_called = true;
			return 0;
		}
		if (is_id(p, t, "exports") || is_id(p, t, "module"))
			return mig__js_refuse(p, t, "use of `%.*s` inside a function", (int)t->len, p->src + t->off);
	}
	return mig__js_plain_expression(p);
}

static int body_statement(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	if (is_p(t, "{"))
		return mig__js_refuse(p, t, "block statement");
	if (t->type == MIG_JS_IDENT) {
		const tok *u = tk_peek(p, 1);
		if (is_id(p, t, "return")) {
			adv(p);
			int rc = 0;
			const tok *v = tk_cur(p);
			if (!(is_p(v, ";") || is_p(v, "}") || is_end(v) || v->nl_before))
				rc = body_expr(p);
			p->dead = true;
			return rc ? rc : mig__js_semi(p);
		}
		if (is_id(p, t, "const") || is_id(p, t, "var") ||
		    (is_id(p, t, "let") && (u->type == MIG_JS_IDENT || is_p(u, "{") || is_p(u, "["))))
			return mig__js_parse_decl(p, false);
		if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, u, "function") && !u->nl_before))
			return mig__js_refuse(p, t, "nested function declaration");
		if (is_id(p, t, "import") || is_id(p, t, "export"))
			return mig__js_unexpected(p, t, "a statement");
		int rc = mig__js_refuse_statement_keyword(p, t);
		if (rc)
			return rc;
	}
	int rc = body_expr(p);
	return rc ? rc : mig__js_semi(p);
}

/* Run function fi's body for one direction. */
int mig__js_run_function(parser *p, size_t fi, bool down, mig_oplist *ops, bool *no_tx)
{
	jsfn f = p->fns[fi];
	p->where = down ? "in down()" : "in up()";
	p->in_fn = true;
	p->ops = ops;
	p->no_tx = no_tx;
	p->dead = false;
	p->run_called = false;
	mig__js_scope_free(&p->loc);
	int rc = 0;
	for (size_t k = 0; k < f.nparams && rc == 0; k++) {
		enum bkind kind = k == 0 ? B_BUILDER : (k == 1 && f.nparams == 2) ? B_RUN : B_VALUE;
		mig_value *u = NULL;
		if (kind == B_VALUE) {
			/* node-pg-migrate passes `run` only to two-parameter
			 * functions; other parameters are undefined. */
			u = mig__js_vnew(p, MIG_V_UNDEFINED, tk_at(p, f.param[k]));
			if (!u)
				return mig__js_last_code();
		}
		rc = mig__js_declare(p, &p->loc, f.param[k], kind, u, 0, false);
	}
	p->i = f.body;
	if (rc == 0 && f.expr_body) {
		rc = body_expr(p);
		if (rc == 0 && p->i != f.body_end) {
			rc = mig__js_refuse_operator(p, tk_cur(p));
			if (rc == 0)
				rc = mig__js_unexpected(p, tk_cur(p), "the end of the arrow function");
		}
	} else {
		while (rc == 0 && p->i < f.body_end)
			rc = body_statement(p);
		if (rc == 0 && p->i != f.body_end)
			rc = mig__js_unexpected(p, tk_cur(p), "`}`");
	}
	if (rc == 0 && f.nparams == 2 && !p->run_called) {
		/* node-pg-migrate hands two-parameter functions a callback
		 * and waits for it: without the call it never finishes. */
		const tok *t = tk_at(p, f.param[1]);
		rc = mig__js_err(p, t,
				 "%s takes a second parameter `%.*s` but never calls it: node-pg-migrate passes a "
				 "callback to two-parameter functions and waits for `%.*s()`, so this migration would never finish",
				 down ? "down()" : "up()", (int)t->len, p->src + t->off, (int)t->len, p->src + t->off);
	}
	mig__js_scope_free(&p->loc);
	p->in_fn = false;
	p->where = "at top level";
	return rc;
}
