/*
 * The module's top level, read once from top to bottom in the order
 * Node.js runs it: node-pg-migrate imports and require()s, const/let/var
 * declarations (evaluated as they come), function declarations (hoisted
 * first), and the choice of what each statement is. Exports are apart
 * (exports.c) because every compiler spells them differently.
 */
#include "load/js/parser.h"

#include "util/error.h"
#include "ir/value.h"

#include <string.h>

/* ---- module level ------------------------------------------------------- */

static bool npm_module(const tok *s)
{
	static const char name[] = "node-pg-migrate";
	size_t k = sizeof(name) - 1;
	return s->type == MIG_JS_STRING && s->slen >= k && memcmp(s->str, name, k) == 0 &&
	       (s->slen == k || s->str[k] == '/');
}

/* require('node-pg-migrate')[.PgLiteral]: the kind it binds. */
static int parse_require(parser *p, enum bkind *kind)
{
	const tok *t = tk_cur(p);
	adv(p);
	int rc = mig__js_expect(p, "(", "`(`");
	if (rc)
		return rc;
	const tok *m = tk_cur(p);
	if (m->type != MIG_JS_STRING)
		return mig__js_refuse(p, t, "`require()` of a computed module name");
	adv(p);
	if (is_p(tk_cur(p), ","))
		adv(p);
	if ((rc = mig__js_expect(p, ")", "`)`")) != 0)
		return rc;
	if (!npm_module(m))
		return mig__js_refuse(p, t, "require('%.*s')", (int)(m->slen > 80 ? 80 : m->slen), m->str);
	*kind = B_NS;
	while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT) {
		if (*kind != B_NS)
			return mig__js_refuse(p, tk_peek(p, 1), "property of a node-pg-migrate export");
		*kind = is_id(p, tk_peek(p, 1), "PgLiteral") ? B_PGLITERAL : B_IMPORTED;
		adv(p);
		adv(p);
	}
	return 0;
}

/* const { PgLiteral, X: Y } = require('node-pg-migrate') (or = ns). */
static int parse_destructure(parser *p, scope *s)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
	const tok *eq = tk_at(p, open->match + 1);
	const tok *rhs = tk_at(p, open->match + 2);
	binding *nsb = rhs->type == MIG_JS_IDENT ? mig__js_lookup(p, rhs) : NULL;
	bool ok = is_p(eq, "=") &&
		  ((is_id(p, rhs, "require") && is_p(tk_at(p, open->match + 3), "(")) ||
		   (nsb && nsb->kind == B_NS));
	if (!ok || p->in_fn)
		return mig__js_refuse(p, open, "destructuring");
	size_t save = p->i;
	/* check the module first so that a foreign require is the error */
	p->i = open->match + 2;
	enum bkind kind = B_NS;
	int rc = 0;
	if (nsb)
		adv(p);
	else if ((rc = parse_require(p, &kind)) != 0)
		return rc;
	if (kind != B_NS)
		return mig__js_refuse(p, open, "destructuring of a node-pg-migrate export");
	size_t end = p->i;
	p->i = save + 1;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *name = tk_cur(p), *local = name;
		if (name->type != MIG_JS_IDENT)
			return mig__js_refuse(p, name, "destructuring pattern");
		adv(p);
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			local = tk_cur(p);
			if (local->type != MIG_JS_IDENT || mig__js_is_reserved(p, local))
				return mig__js_refuse(p, local, "destructuring pattern");
			adv(p);
		}
		if (is_p(tk_cur(p), "="))
			return mig__js_refuse(p, tk_cur(p), "default value in destructuring");
		rc = mig__js_declare(p, s, tk_index(p, local),
				     is_id(p, name, "PgLiteral") ? B_PGLITERAL : B_IMPORTED, NULL, 0, false);
		if (rc == 0 && is_p(tk_cur(p), ","))
			adv(p);
		else if (rc == 0 && !is_p(tk_cur(p), "}"))
			return mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	p->i = end;
	return rc;
}

/* `= initializer` of a declaration of `name`: binds it. */
static int parse_initializer(parser *p, scope *s, size_t name, bool exported)
{
	const tok *t = tk_cur(p);
	int k = exported ? mig__js_slot_index(p->src + tk_at(p, name)->off, tk_at(p, name)->len) : -1;
	int rc;
	if (mig__js_fn_starts(p, p->i)) {
		if (p->in_fn)
			return mig__js_refuse(p, t, "nested function");
		size_t fn;
		if ((rc = mig__js_parse_function(p, &fn)) != 0)
			return rc;
		if ((rc = mig__js_declare(p, s, name, B_FUNC, NULL, fn, false)) != 0)
			return rc;
		if (k >= 0) {
			slot sl = {SLOT_FUNC, fn, false, NULL, name};
			mig__js_export_named(p, k, &sl, true);
		}
		return 0;
	}
	size_t tn, ta;
	enum target_kind tk = mig__js_export_target(p, p->i, &tn, &ta);
	if (!p->in_fn && (tk == TGT_EXPORTS_PROP || tk == TGT_MODULE_PROP) && is_p(tk_at(p, ta), "=")) {
		/* const x = exports.x = value (Babel's CommonJS output) */
		slot sl;
		if ((rc = mig__js_parse_export_chain(p, &sl)) != 0)
			return rc;
		if (k >= 0) {
			slot c;
			if ((rc = mig__js_slot_copy(p, &c, &sl, t)) != 0) {
				mig__js_slot_clear(&sl);
				return rc;
			}
			mig__js_export_named(p, k, &c, true);
		}
		if (sl.kind == SLOT_FUNC)
			return mig__js_declare(p, s, name, B_FUNC, NULL, sl.fn, false);
		mig_value *v = sl.val;
		if (!v) {
			v = mig__js_vnew(p, sl.kind == SLOT_FALSE ? MIG_V_BOOL : MIG_V_UNDEFINED, t);
			if (!v)
				return mig__js_last_code();
		}
		return mig__js_declare(p, s, name, B_VALUE, v, 0, false);
	}
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "(")) {
		if (p->in_fn)
			return mig__js_refuse(p, t, "`require()` inside a function");
		enum bkind kind;
		if ((rc = parse_require(p, &kind)) != 0)
			return rc;
		if (k >= 0)
			return mig__js_refuse(p, t, "exporting a module as `%s`", mig__js_slot_names[k]);
		return mig__js_declare(p, s, name, kind, NULL, 0, false);
	}
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, 0, &v)) != 0)
		return rc;
	if (k >= 0) {
		mig_value *c = mig__js_vclone(p, v, 0, t);
		if (!c) {
			mig_value_free(v);
			return mig__js_last_code();
		}
		slot sl;
		mig__js_slot_from_value(&sl, c, name);
		mig__js_export_named(p, k, &sl, true);
	}
	return mig__js_declare(p, s, name, B_VALUE, v, 0, false);
}

/* const/let/var declarations, at module level or in a function body. */
int mig__js_parse_decl(parser *p, bool exported)
{
	const tok *kw = tk_cur(p);
	bool is_const = is_id(p, kw, "const");
	scope *s = p->in_fn ? &p->loc : &p->mod;
	adv(p);
	if (is_id(p, tk_cur(p), "enum"))
		return mig__js_refuse(p, tk_cur(p), "TypeScript `const enum`");
	int rc = 0;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_p(t, "{")) {
			if ((rc = parse_destructure(p, s)) != 0)
				return rc;
		} else if (is_p(t, "[")) {
			return mig__js_refuse(p, t, "destructuring");
		} else {
			if (t->type != MIG_JS_IDENT || mig__js_is_reserved(p, t))
				return mig__js_unexpected(p, t, "a name");
			size_t name = p->i;
			adv(p);
			if (is_p(tk_cur(p), "!"))
				adv(p);
			if (is_p(tk_cur(p), ":")) {
				adv(p);
				if ((rc = mig__js_skip_type(p, 0)) != 0)
					return rc;
			}
			if (is_p(tk_cur(p), "=")) {
				adv(p);
				if ((rc = parse_initializer(p, s, name, exported)) != 0)
					return rc;
			} else {
				if (is_const)
					return mig__js_err(p, t, "syntax error %s: `const %.*s` without a value", p->where,
							   (int)t->len, p->src + t->off);
				mig_value *u = mig__js_vnew(p, MIG_V_UNDEFINED, t);
				if (!u)
					return mig__js_last_code();
				if (exported) {
					int k = mig__js_slot_index(p->src + t->off, t->len);
					slot sl = {SLOT_UNDEFINED, 0, false, NULL, name};
					mig__js_export_named(p, k, &sl, true);
				}
				if ((rc = mig__js_declare(p, s, name, B_VALUE, u, 0, false)) != 0)
					return rc;
			}
		}
		if (!is_p(tk_cur(p), ","))
			break;
		adv(p);
	}
	return mig__js_semi(p);
}

/* function declarations, already recorded by mig__js_hoist_functions() when it
 * could. */
int mig__js_parse_function_decl(parser *p, bool exported)
{
	size_t start = p->i;
	size_t name = start + (is_id(p, tk_cur(p), "async") ? 2 : 1);
	const tok *nt = tk_at(p, name);
	if (nt->type != MIG_JS_IDENT || mig__js_is_reserved(p, nt)) {
		if (is_p(nt, "*"))
			return mig__js_refuse(p, nt, "generator function");
		return mig__js_unexpected(p, nt, "a function name");
	}
	binding *b = mig__js_scope_find(p, &p->mod, nt);
	size_t fn;
	int rc;
	if (b && b->kind == B_FUNC && b->hoisted && b->tok == name) {
		fn = b->fn;
		p->i = p->fns[fn].end;
	} else {
		if ((rc = mig__js_parse_function(p, &fn)) != 0)
			return rc;
		if ((rc = mig__js_declare(p, &p->mod, name, B_FUNC, NULL, fn, true)) != 0)
			return rc;
	}
	if (exported) {
		slot sl = {SLOT_FUNC, fn, false, NULL, name};
		mig__js_export_named(p, mig__js_slot_index(p->src + nt->off, nt->len), &sl, true);
	}
	return 0;
}

/* Function declarations are hoisted: `exports.up = up;` may come before
 * `function up(pgm) {...}` (TypeScript's CommonJS output does that).
 * Record every top-level declaration first; one that fails to parse is
 * left for the main pass to report in order. */
void mig__js_hoist_functions(parser *p)
{
	size_t j = 0;
	while (j + 1 < p->n) {
		const tok *t = tk_at(p, j);
		if (mig__js_is_opener(t)) {
			size_t save = p->i;
			p->i = j;
			int rc = mig__js_skip_group(p);
			j = p->i;
			p->i = save;
			if (rc) {
				mig_error_clear();
				return;
			}
			continue;
		}
		if (is_id(p, t, "function") && tk_at(p, j + 1)->type == MIG_JS_IDENT &&
		    !mig__js_is_reserved(p, tk_at(p, j + 1))) {
			size_t k = j;
			if (k > 0 && is_id(p, tk_at(p, k - 1), "async") && !t->nl_before)
				k--;
			if (k > 0 && is_id(p, tk_at(p, k - 1), "export"))
				k--;
			const tok *prev = k > 0 ? tk_at(p, k - 1) : NULL;
			bool stmt_start = !prev || is_p(prev, ";") || is_p(prev, "}") ||
					  (tk_at(p, k)->nl_before && mig__js_ends_value(prev) &&
					   !is_id(p, prev, "default") && !is_id(p, prev, "return"));
			if (stmt_start) {
				size_t save = p->i, fn;
				p->i = k;
				if (is_id(p, tk_cur(p), "export"))
					adv(p);
				int rc = mig__js_parse_function(p, &fn);
				if (rc == 0)
					rc = mig__js_declare(p, &p->mod, j + 1, B_FUNC, NULL, fn, true);
				if (rc) {
					mig_error_clear();
					p->i = save;
					j++;
					continue;
				}
				j = p->i;
				p->i = save;
				continue;
			}
		}
		j++;
	}
}

/* import ... from '...' */
static int parse_import(parser *p)
{
	const tok *kw = tk_cur(p);
	adv(p);
	bool type_only = false;
	const tok *t = tk_cur(p);
	if (is_id(p, t, "type") && !is_p(tk_peek(p, 1), ",") && !is_p(tk_peek(p, 1), "=") &&
	    !(is_id(p, tk_peek(p, 1), "from") && tk_peek(p, 2)->type == MIG_JS_STRING)) {
		type_only = true;
		adv(p);
	}
	t = tk_cur(p);
	if (t->type == MIG_JS_STRING) { /* import 'module'; */
		if (!npm_module(t))
			return mig__js_refuse(p, kw, "import of '%.*s'", (int)(t->slen > 80 ? 80 : t->slen), t->str);
		adv(p);
		return mig__js_semi(p);
	}
	/* the specifiers: first pass checks the shape and finds the module */
	size_t clause = p->i;
	bool all_types = true;
	int rc = 0;
	if (t->type == MIG_JS_IDENT && !is_id(p, t, "from") && is_p(tk_peek(p, 1), "="))
		return mig__js_refuse(p, t, "TypeScript `import ... = require(...)`");
	if (t->type == MIG_JS_IDENT) {
		all_types = false;
		adv(p);
		if (is_p(tk_cur(p), ",")) {
			adv(p);
			if (!is_p(tk_cur(p), "*") && !is_p(tk_cur(p), "{"))
				return mig__js_unexpected(p, tk_cur(p), "`*` or `{`");
		} else if (!is_id(p, tk_cur(p), "from")) {
			return mig__js_unexpected(p, tk_cur(p), "`from`");
		}
	}
	if (is_p(tk_cur(p), "*")) {
		all_types = false;
		adv(p);
		if (!is_id(p, tk_cur(p), "as") || tk_peek(p, 1)->type != MIG_JS_IDENT)
			return mig__js_unexpected(p, tk_cur(p), "`as` and a name");
		adv(p);
		adv(p);
	} else if (is_p(tk_cur(p), "{")) {
		adv(p);
		while (!is_p(tk_cur(p), "}")) {
			const tok *s = tk_cur(p);
			bool is_type = false;
			if (is_id(p, s, "type") && (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING) &&
			    !is_id(p, tk_peek(p, 1), "as")) {
				is_type = true;
				adv(p);
				s = tk_cur(p);
			}
			if (s->type != MIG_JS_IDENT && s->type != MIG_JS_STRING)
				return mig__js_unexpected(p, s, "an imported name");
			adv(p);
			if (is_id(p, tk_cur(p), "as")) {
				adv(p);
				if (tk_cur(p)->type != MIG_JS_IDENT)
					return mig__js_unexpected(p, tk_cur(p), "a name");
				adv(p);
			} else if (s->type == MIG_JS_STRING) {
				return mig__js_unexpected(p, tk_cur(p), "`as`");
			}
			if (!is_type)
				all_types = false;
			if (is_p(tk_cur(p), ","))
				adv(p);
			else if (!is_p(tk_cur(p), "}"))
				return mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
		}
		adv(p);
	}
	if (!is_id(p, tk_cur(p), "from"))
		return mig__js_unexpected(p, tk_cur(p), "`from`");
	adv(p);
	const tok *m = tk_cur(p);
	if (m->type != MIG_JS_STRING)
		return mig__js_unexpected(p, m, "a module name");
	adv(p);
	if ((is_id(p, tk_cur(p), "with") || is_id(p, tk_cur(p), "assert")) && is_p(tk_peek(p, 1), "{") &&
	    !tk_cur(p)->nl_before) {
		adv(p);
		if ((rc = mig__js_skip_group(p)) != 0)
			return rc;
	}
	bool npm = npm_module(m);
	if (!npm && !type_only && !all_types)
		return mig__js_refuse(p, kw, "import of '%.*s'", (int)(m->slen > 80 ? 80 : m->slen), m->str);
	size_t end = p->i;
	/* second pass: bind the names */
	p->i = clause;
	t = tk_cur(p);
	if (t->type == MIG_JS_IDENT && !is_p(t, "{")) {
		if ((rc = mig__js_declare(p, &p->mod, p->i, type_only || !npm ? B_IMPORTED : B_NS, NULL, 0, false)) != 0)
			return rc;
		adv(p);
		if (is_p(tk_cur(p), ","))
			adv(p);
	}
	if (is_p(tk_cur(p), "*")) {
		if ((rc = mig__js_declare(p, &p->mod, p->i + 2, type_only || !npm ? B_IMPORTED : B_NS, NULL, 0, false)) != 0)
			return rc;
	} else if (is_p(tk_cur(p), "{")) {
		adv(p);
		while (!is_p(tk_cur(p), "}")) {
			bool is_type = type_only || !npm;
			if (is_id(p, tk_cur(p), "type") && !is_id(p, tk_peek(p, 1), "as") &&
			    (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING)) {
				is_type = true;
				adv(p);
			}
			const tok *name = tk_cur(p);
			size_t local = p->i;
			adv(p);
			if (is_id(p, tk_cur(p), "as")) {
				adv(p);
				local = p->i;
				adv(p);
			}
			bool pgl = !is_type && (name->type == MIG_JS_IDENT ? is_id(p, name, "PgLiteral")
									   : (name->slen == 9 && memcmp(name->str, "PgLiteral", 9) == 0));
			if ((rc = mig__js_declare(p, &p->mod, local, pgl ? B_PGLITERAL : B_IMPORTED, NULL, 0, false)) != 0)
				return rc;
			if (is_p(tk_cur(p), ","))
				adv(p);
		}
	}
	p->i = end;
	return mig__js_semi(p);
}

/* Object.defineProperty(exports, "__esModule", { value: true }); as
 * compilers emit it. */
static bool define_es_module(const parser *p)
{
	const tok *s = tk_peek(p, 6);
	return is_id(p, tk_cur(p), "Object") && is_p(tk_peek(p, 1), ".") &&
	       is_id(p, tk_peek(p, 2), "defineProperty") && is_p(tk_peek(p, 3), "(") &&
	       is_id(p, tk_peek(p, 4), "exports") && is_p(tk_peek(p, 5), ",") &&
	       s->type == MIG_JS_STRING && s->slen == 10 && memcmp(s->str, "__esModule", 10) == 0 &&
	       is_p(tk_peek(p, 7), ",");
}

/* An expression whose value is dropped; assignments are refused by name. */
int mig__js_plain_expression(parser *p)
{
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_IDENT && !mig__js_is_reserved(p, t)) {
		const tok *op = tk_peek(p, 1);
		size_t ol = op->type == MIG_JS_PUNCT ? strlen(op->punct) : 0;
		bool compound = ol >= 2 && op->punct[ol - 1] == '=' && !is_p(op, "==") && !is_p(op, "===") &&
				!is_p(op, "!=") && !is_p(op, "!==") && !is_p(op, "<=");
		if (is_p(op, "=") || compound || ((is_p(op, "++") || is_p(op, "--")) && !op->nl_before))
			return mig__js_refuse(p, t, "assignment to `%.*s`", (int)t->len, p->src + t->off);
	}
	mig_value *v = NULL;
	int rc = mig__js_expr(p, 0, &v);
	mig_value_free(v);
	return rc;
}

static int expression_statement(parser *p)
{
	int rc = mig__js_plain_expression(p);
	return rc ? rc : mig__js_semi(p);
}

int mig__js_top_statement(parser *p)
{
	const tok *t = tk_cur(p);
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	if (t->type == MIG_JS_IDENT) {
		const tok *u = tk_peek(p, 1);
		if (is_id(p, t, "import")) {
			if (is_p(u, "("))
				return mig__js_refuse(p, t, "dynamic `import()`");
			if (is_p(u, "."))
				return mig__js_refuse(p, t, "`import.meta`");
			return parse_import(p);
		}
		if (is_id(p, t, "export"))
			return mig__js_parse_export(p);
		if (is_id(p, t, "const") || is_id(p, t, "var") ||
		    (is_id(p, t, "let") && (u->type == MIG_JS_IDENT || is_p(u, "{") || is_p(u, "["))))
			return mig__js_parse_decl(p, false);
		if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, u, "function") && !u->nl_before))
			return mig__js_parse_function_decl(p, false);
		if (is_id(p, t, "type") && u->type == MIG_JS_IDENT && !u->nl_before)
			return mig__js_skip_type_alias(p);
		if (is_id(p, t, "interface") && u->type == MIG_JS_IDENT && !u->nl_before)
			return mig__js_skip_interface(p);
		if (is_id(p, t, "exports") || (is_id(p, t, "module") && is_p(u, ".")))
			return mig__js_parse_exports_stmt(p);
		if (is_id(p, t, "declare") && u->type == MIG_JS_IDENT && !u->nl_before)
			return mig__js_skip_declare(p);
		if (is_id(p, t, "require") && is_p(u, "(")) {
			enum bkind kind;
			int rc = parse_require(p, &kind);
			return rc ? rc : mig__js_semi(p);
		}
		if (define_es_module(p)) {
			for (int k = 0; k < 8; k++)
				adv(p);
			mig_value *v = NULL;
			int rc = mig__js_expr(p, 1, &v);
			mig_value_free(v);
			if (rc == 0 && is_p(tk_cur(p), ","))
				adv(p);
			if (rc == 0)
				rc = mig__js_expect(p, ")", "`)`");
			return rc ? rc : mig__js_semi(p);
		}
		if (is_id(p, t, "return"))
			return mig__js_err(p, t, "syntax error: `return` outside a function");
		int rc = mig__js_refuse_statement_keyword(p, t);
		if (rc)
			return rc;
	}
	if (is_p(t, "{"))
		return mig__js_refuse(p, t, "block statement");
	if (is_p(t, "@"))
		return mig__js_refuse(p, t, "decorator");
	return expression_statement(p);
}
