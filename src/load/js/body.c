/*
 * The MigrationBuilder: the exported up and down are called with it once
 * the module has run (as node-pg-migrate calls them after the import),
 * and each pgm.<operation>(...) call -- in up or down, or in a helper
 * they pass pgm to -- appends an operation to its direction.
 */
#include "load/js/parser.h"

#include "ir/value.h"
#include "ir/ir.h"

#include <string.h>

/* At `pgm` in an expression: pgm.<op>(...) appends the operation and is
 * undefined (node-pg-migrate's builder methods return nothing);
 * pgm.func(...) is a value. */
int mig__js_builder_value(parser *p, int depth, mig_value **out)
{
	*out = NULL;
	const tok *t = tk_cur(p);
	adv(p);
	if (is_p(tk_cur(p), "!") && !tk_cur(p)->nl_before)
		adv(p); /* TypeScript non-null assertion */
	if (!is_p(tk_cur(p), ".") || tk_peek(p, 1)->type != MIG_JS_IDENT)
		return mig__js_refuse(p, t, "the MigrationBuilder `%.*s` used other than to call an operation",
				      (int)t->len, p->src + t->off);
	adv(p);
	const tok *name = tk_cur(p);
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
	const char *canonical = NULL;
	if (strcmp(op, "noTransaction") != 0 && strcmp(op, "func") != 0 &&
	    !(canonical = mig_op_canonical_name(op)))
		return mig__js_err(p, name, "unknown operation `pgm.%s()` %s: node-pg-migrate's MigrationBuilder has no such method",
				   op, p->where);
	jsarg *a = NULL;
	size_t n = 0;
	const tok *open = tk_cur(p);
	int rc = mig__js_parse_args(p, depth, &a, &n);
	if (rc)
		return rc;
	mig_value *args = mig__js_vnew(p, MIG_V_ARRAY, open);
	rc = args ? 0 : mig__js_last_code();
	for (size_t k = 0; k < n && rc == 0; k++) {
		if (a[k].kind != B_VALUE) {
			rc = mig__js_refuse(p, t, "a function or the MigrationBuilder as an argument of `pgm.%s()`", op);
			break;
		}
		rc = mig_array_push(args, a[k].val);
		a[k].val = NULL;
	}
	mig__js_args_free(a, n);
	if (rc) {
		mig_value_free(args);
		return rc;
	}
	if (strcmp(op, "func") == 0) {
		/* pgm.func(x): a literal of the first argument */
		mig_value *v = args->n ? args->items[0] : NULL;
		mig_str s = MIG_STR_INIT;
		if (!v)
			rc = p->noeval ? 0 : mig__js_refuse(p, t, "pgm.func() without an argument");
		else if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL || v->type == MIG_V_NUMBER)
			rc = mig__js_append_js_string(p, &s, v, t, "");
		else if (!p->noeval)
			rc = mig__js_refuse(p, t, "pgm.func() with %s as argument (a string is expected)", mig__js_a_type(v));
		if (rc == 0)
			*out = mig__js_vtext(p, MIG_V_LITERAL, mig_str_cstr(&s), mig_str_len(&s), t);
		mig_str_free(&s);
		mig_value_free(args);
		if (rc)
			return rc;
		return *out ? 0 : mig__js_last_code();
	}
	if (p->noeval || !p->ops) {
		mig_value_free(args);
	} else if (!canonical) {
		mig_value_free(args);
		*p->no_tx = true;
	} else if ((rc = mig_oplist_push(p->ops, canonical, args, t->line, t->col)) != 0) {
		return rc;
	}
	const tok *after = tk_cur(p);
	if (is_p(after, ".") || is_p(after, "?.") || is_p(after, "[") || is_p(after, "(") || is_template(after))
		return mig__js_refuse(p, after, "use of the result of `pgm.%s()`", op);
	*out = mig__js_vnew(p, MIG_V_UNDEFINED, t);
	return *out ? 0 : mig__js_last_code();
}

/* Run function fi's body for one direction. */
int mig__js_run_function(parser *p, size_t fi, bool down, mig_oplist *ops, bool *no_tx)
{
	const jsfn *f = &p->fns[fi];
	p->where = down ? "in down()" : "in up()";
	p->ops = ops;
	p->no_tx = no_tx;
	p->run_called = false;
	/* node-pg-migrate passes the builder, and `run` only to
	 * two-parameter functions; other parameters are undefined. */
	jsarg a[2];
	memset(a, 0, sizeof(a));
	a[0].kind = B_BUILDER;
	a[1].kind = B_RUN;
	/* Function#length: the parameters before the first default or rest */
	size_t nparams = 0;
	while (nparams < f->nparams && !f->deflt[nparams] && !(f->rest && nparams + 1 == f->nparams))
		nparams++;
	size_t n = nparams == 2 ? 2 : 1;
	size_t param1 = nparams >= 2 ? f->param[1] : 0;
	fnref r = {p, fi, &p->mod};
	mig_value *ret = NULL;
	int rc = mig__js_call(p, &r, a, n, 0, tk_at(p, f->start), &ret);
	mig_value_free(ret);
	if (rc == 0 && nparams == 2 && !p->run_called) {
		/* node-pg-migrate hands two-parameter functions a callback
		 * and waits for it: without the call it never finishes. */
		const tok *t = tk_at(p, param1);
		rc = mig__js_err(p, t,
				 "%s takes a second parameter `%.*s` but never calls it: node-pg-migrate passes a "
				 "callback to two-parameter functions and waits for `%.*s()`, so this migration would never finish",
				 down ? "down()" : "up()", (int)t->len, p->src + t->off, (int)t->len, p->src + t->off);
	}
	p->ops = NULL;
	p->no_tx = NULL;
	p->where = "at top level";
	return rc;
}
