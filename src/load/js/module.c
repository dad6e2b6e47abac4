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

/* require('node-pg-migrate')[.PgLiteral]: the kind it binds; or
 * require('./sibling') (B_MODNS, *mod set). */
static int parse_require(parser *p, enum bkind *kind, parser **mod)
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
	if (mig__js_is_relative(m) && mod) {
		if ((rc = mig__js_import_sibling(p, m, mod)) != 0)
			return rc;
		*kind = B_MODNS;
		return 0;
	}
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

/* Bind `local` to export `name` of sibling module mod (undefined when it
 * has none, as require() gives; an ESM import of a missing name is an
 * error). */
static int bind_export(parser *p, scope *s, size_t local, parser *mod, const char *name, size_t len,
		       bool must, const tok *at)
{
	jsarg x;
	bool found;
	int rc = mig__js_export_of(p, mod, name, len, false, at, &x, &found);
	if (rc)
		return rc;
	if (!found && must) {
		mig_value_free(x.val);
		return mig__js_err(p, at, "syntax error: '%s' does not export `%.*s`", mod->m->path, (int)len, name);
	}
	if (x.kind == B_FUNC)
		return mig__js_declare_fn(p, s, local, &x.f, false);
	if (x.kind == B_MODNS) {
		int r = mig__js_declare(p, s, local, B_MODNS, NULL, 0, false);
		if (r == 0)
			s->v[s->n - 1].mod = x.f.mod;
		return r;
	}
	rc = mig__js_declare(p, s, local, B_VALUE, x.val, 0, false);
	if (rc == 0)
		s->v[s->n - 1].is_const = true;
	return rc;
}

/* const { PgLiteral, X: Y } = require('node-pg-migrate') (or = ns). */
static int destructure_npm(parser *p, scope *s)
{
	const tok *open = tk_cur(p);
	size_t save = p->i;
	/* check the module first so that a foreign require is the error */
	p->i = open->match + 2;
	const tok *rhs = tk_cur(p);
	binding *nsb = rhs->type == MIG_JS_IDENT ? mig__js_lookup(p, rhs) : NULL;
	enum bkind kind = B_NS;
	int rc = 0;
	if (nsb && nsb->kind == B_NS)
		adv(p);
	else if ((rc = parse_require(p, &kind, NULL)) != 0)
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

/* const { a, b: c } = require('./sibling'): names of its exports. */
static int destructure_sibling(parser *p, scope *s, parser *mod)
{
	const tok *open = tk_cur(p);
	adv(p);
	int rc = 0;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *name = tk_cur(p);
		size_t local = p->i;
		if (name->type != MIG_JS_IDENT && name->type != MIG_JS_STRING)
			return mig__js_refuse(p, name, "destructuring pattern of a required file");
		adv(p);
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			local = p->i;
			if (tk_cur(p)->type != MIG_JS_IDENT || mig__js_is_reserved(p, tk_cur(p)))
				return mig__js_refuse(p, tk_cur(p), "destructuring pattern of a required file");
			adv(p);
		} else if (name->type == MIG_JS_STRING) {
			return mig__js_unexpected(p, tk_cur(p), "`:`");
		}
		if (is_p(tk_cur(p), "="))
			return mig__js_refuse(p, tk_cur(p), "default value in destructuring a required file");
		const char *nm = name->type == MIG_JS_STRING ? name->str : p->src + name->off;
		size_t nl = name->type == MIG_JS_STRING ? name->slen : name->len;
		rc = bind_export(p, s, local, mod, nm, nl, false, name);
		if (rc == 0 && is_p(tk_cur(p), ","))
			adv(p);
		else if (rc == 0 && !is_p(tk_cur(p), "}"))
			return mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	(void)open;
	return rc;
}

/* const {...} = / const [...] = : node-pg-migrate's exports, a sibling
 * file's, or any static value. */
static int parse_destructure(parser *p, scope *s, bool is_const)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
	const tok *eq = tk_at(p, open->match + 1);
	const tok *rhs = tk_at(p, open->match + 2);
	if (!is_p(eq, "=") && is_p(eq, ":")) {
		/* a type annotation: skip it */
		size_t save = p->i;
		p->i = open->match + 2;
		int rc = mig__js_skip_type(p, 0);
		if (rc)
			return rc;
		eq = tk_cur(p);
		rhs = tk_peek(p, 1);
		p->i = save;
	}
	if (!is_p(eq, "="))
		return mig__js_err(p, eq, "syntax error %s: a destructuring declaration without a value", p->where);
	binding *nsb = rhs->type == MIG_JS_IDENT ? mig__js_lookup(p, rhs) : NULL;
	bool req = is_id(p, rhs, "require") && is_p(tk_at(p, tk_index(p, rhs) + 1), "(");
	if (is_p(open, "{") && ((req && !mig__js_is_relative(tk_at(p, tk_index(p, rhs) + 2))) ||
				(nsb && nsb->kind == B_NS)))
		return destructure_npm(p, s);
	size_t pat = p->i;
	p->i = tk_index(p, rhs);
	int rc = 0;
	if (is_p(open, "{") && req) {
		enum bkind kind;
		parser *mod = NULL;
		if ((rc = parse_require(p, &kind, &mod)) != 0)
			return rc;
		if (!is_end(tk_cur(p)) && !is_p(tk_cur(p), ";") && !is_p(tk_cur(p), ",") && !tk_cur(p)->nl_before)
			return mig__js_refuse(p, tk_cur(p), "use of `require()` other than as a whole");
		size_t end = p->i;
		p->i = pat;
		rc = destructure_sibling(p, s, mod);
		p->i = end;
		return rc;
	}
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, 0, &v)) != 0)
		return rc;
	size_t end = p->i;
	p->i = pat;
	rc = mig__js_bind_pattern(p, s, 1, v, is_const);
	p->i = end;
	return rc;
}

/* `= initializer` of a declaration of `name`: binds it. */
static int parse_initializer(parser *p, scope *s, size_t name, bool exported, bool is_const)
{
	const tok *t = tk_cur(p);
	int k = exported ? mig__js_slot_index(p, p->src + tk_at(p, name)->off, tk_at(p, name)->len) : -1;
	int rc;
	if (mig__js_fn_starts(p, p->i)) {
		fnref f;
		if ((rc = mig__js_closure(p, &f)) != 0)
			return rc;
		if ((rc = mig__js_declare_fn(p, s, name, &f, false)) != 0)
			return rc;
		s->v[s->n - 1].is_const = is_const;
		size_t fn = f.fn;
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
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "(") &&
	    !(mig__js_is_relative(tk_peek(p, 2)) && is_p(tk_peek(p, 3), ")") && is_p(tk_peek(p, 4), "."))) {
		if (p->in_fn)
			return mig__js_refuse(p, t, "`require()` inside a function");
		enum bkind kind;
		parser *mod = NULL;
		if ((rc = parse_require(p, &kind, &mod)) != 0)
			return rc;
		if (k >= 0)
			return mig__js_refuse(p, t, "exporting a module as `%s`", mig__js_slot_name(p, k));
		if ((rc = mig__js_declare(p, s, name, kind, NULL, 0, false)) != 0)
			return rc;
		s->v[s->n - 1].mod = mod;
		return 0;
	}
	if (t->type == MIG_JS_IDENT && (is_p(tk_peek(p, 1), ";") || is_p(tk_peek(p, 1), ",") || is_end(tk_peek(p, 1)) ||
					tk_peek(p, 1)->nl_before)) {
		/* const f = g: another name for a function */
		binding *b = mig__js_lookup(p, t);
		if (b && b->kind == B_FUNC && k < 0) {
			fnref f = {b->mod, b->fn, b->env};
			adv(p);
			return mig__js_declare_fn(p, s, name, &f, false);
		}
		if (b && b->kind == B_MODNS && k < 0) {
			parser *mod = b->mod;
			adv(p);
			if ((rc = mig__js_declare(p, s, name, B_MODNS, NULL, 0, false)) != 0)
				return rc;
			s->v[s->n - 1].mod = mod;
			return 0;
		}
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
	if ((rc = mig__js_declare(p, s, name, B_VALUE, v, 0, false)) != 0)
		return rc;
	s->v[s->n - 1].is_const = is_const;
	return 0;
}

/* const/let/var declarations, at module level or in a function body. */
int mig__js_parse_decl(parser *p, bool exported)
{
	const tok *kw = tk_cur(p);
	bool is_const = is_id(p, kw, "const");
	scope *s = mig__js_frame(p);
	adv(p);
	if (is_id(p, tk_cur(p), "enum"))
		return mig__js_refuse(p, tk_cur(p), "TypeScript `const enum`");
	int rc = 0;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_p(t, "{") || is_p(t, "[")) {
			if (exported)
				return mig__js_refuse(p, t, "exported destructuring");
			if ((rc = parse_destructure(p, s, is_const)) != 0)
				return rc;
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
				if ((rc = parse_initializer(p, s, name, exported, is_const)) != 0)
					return rc;
			} else {
				if (is_const)
					return mig__js_err(p, t, "syntax error %s: `const %.*s` without a value", p->where,
							   (int)t->len, p->src + t->off);
				mig_value *u = mig__js_vnew(p, MIG_V_UNDEFINED, t);
				if (!u)
					return mig__js_last_code();
				if (exported) {
					int k = mig__js_slot_index(p, p->src + t->off, t->len);
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
		fnref f = {p, fn, &p->mod};
		if ((rc = mig__js_declare_fn(p, &p->mod, name, &f, true)) != 0)
			return rc;
	}
	if (exported) {
		slot sl = {SLOT_FUNC, fn, false, NULL, name};
		mig__js_export_named(p, mig__js_slot_index(p, p->src + nt->off, nt->len), &sl, true);
	}
	return 0;
}

/* Function declarations are hoisted: `exports.up = up;` may come before
 * `function up(pgm) {...}` (TypeScript's CommonJS output does that).
 * Record every top-level declaration first; one that fails to parse is
 * left for the main pass to report in order. */
void mig__js_hoist_functions(parser *p, size_t from, size_t to, scope *sc)
{
	size_t j = from;
	while (j + 1 < p->n && j < to) {
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
			if (k > from && is_id(p, tk_at(p, k - 1), "async") && !t->nl_before)
				k--;
			if (k > from && is_id(p, tk_at(p, k - 1), "export"))
				k--;
			const tok *prev = k > from ? tk_at(p, k - 1) : NULL;
			bool stmt_start = !prev || is_p(prev, ";") || is_p(prev, "}") ||
					  (tk_at(p, k)->nl_before && mig__js_ends_value(prev) &&
					   !is_id(p, prev, "default") && !is_id(p, prev, "return"));
			if (stmt_start) {
				size_t save = p->i, fn;
				p->i = k;
				if (is_id(p, tk_cur(p), "export"))
					adv(p);
				int rc = mig__js_parse_function(p, &fn);
				fnref f = {p, fn, sc};
				if (rc == 0)
					rc = mig__js_declare_fn(p, sc, j + 1, &f, true);
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

/* The names of `import ... from './sibling'`, the clause at token
 * `clause`. */
static int import_sibling(parser *p, size_t clause, const tok *spec)
{
	size_t end = p->i;
	parser *mod = NULL;
	int rc = mig__js_import_sibling(p, spec, &mod);
	if (rc)
		return rc;
	p->i = clause;
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_IDENT && !is_p(t, "{")) {
		/* the default import: module.exports of a CommonJS file, or
		 * the object of `export default` */
		if ((rc = mig__js_declare(p, &p->mod, p->i, B_MODNS, NULL, 1, false)) != 0)
			return rc;
		p->mod.v[p->mod.n - 1].mod = mod;
		adv(p);
		if (is_p(tk_cur(p), ","))
			adv(p);
	}
	if (is_p(tk_cur(p), "*")) {
		if ((rc = mig__js_declare(p, &p->mod, p->i + 2, B_MODNS, NULL, 0, false)) != 0)
			return rc;
		p->mod.v[p->mod.n - 1].mod = mod;
	} else if (is_p(tk_cur(p), "{")) {
		adv(p);
		while (rc == 0 && !is_p(tk_cur(p), "}")) {
			bool is_type = false;
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
			const char *nm = name->type == MIG_JS_STRING ? name->str : p->src + name->off;
			size_t nl = name->type == MIG_JS_STRING ? name->slen : name->len;
			if (is_type)
				rc = mig__js_declare(p, &p->mod, local, B_IMPORTED, NULL, 0, false);
			else
				rc = bind_export(p, &p->mod, local, mod, nm, nl, true, name);
			if (rc == 0 && is_p(tk_cur(p), ","))
				adv(p);
		}
	}
	p->i = end;
	return rc ? rc : mig__js_semi(p);
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
		if (mig__js_is_relative(t)) {
			parser *mod = NULL;
			int r = mig__js_import_sibling(p, t, &mod);
			if (r)
				return r;
			adv(p);
			return mig__js_semi(p);
		}
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
	if (!npm && !type_only && !all_types && mig__js_is_relative(m))
		return import_sibling(p, clause, m);
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
		if (is_id(p, t, "require") && is_p(u, "(") && tk_peek(p, 2)->type == MIG_JS_STRING &&
		    is_p(tk_peek(p, 3), ")") && !is_p(tk_peek(p, 4), ".")) {
			enum bkind kind;
			parser *mod = NULL;
			int rc = parse_require(p, &kind, &mod);
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
		if (mig__js_statement_keyword(p, t))
			return mig__js_statement(p, 0);
		int rc = mig__js_refuse_statement_keyword(p, t);
		if (rc)
			return rc;
	}
	if (is_p(t, "{"))
		return mig__js_statement(p, 0);
	if (is_p(t, "@"))
		return mig__js_refuse(p, t, "decorator");
	return mig__js_expression_statement(p, 0);
}
