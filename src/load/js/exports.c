/*
 * What the module exports as up, down and shorthands, in each spelling
 * people and compilers (TypeScript, Babel) write: exports.x = ...,
 * module.exports = {...}, `export const/function`, `export default {...}`
 * and `export { a as up }`. All fill the export slots (scope.c) by the
 * rules of Node.js and jiti, through which node-pg-migrate sees them: a
 * replaced module.exports hides later `exports.x`; ESM bindings are live,
 * so `export { ... }` is resolved once the module has run (load_js.c).
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <stdlib.h>
#include <string.h>

/* ---- exports ------------------------------------------------------------ */

/* Whether token j is where the expression after `=`/`:` ends. */
static bool rhs_ends(const parser *p, size_t j)
{
	const tok *t = tk_at(p, j);
	return is_end(t) || is_p(t, ";") || is_p(t, ",") || is_p(t, "}") || is_p(t, ")") ||
	       (t->nl_before && !mig__js_continues(p, t));
}

/* Set an exported name (ESM export or exports.x) to s (taken). */
void mig__js_export_named(parser *p, int k, slot *s, bool via_exports)
{
	/* Once module.exports is replaced, `exports.x` and ESM exports write
	 * to an object nobody reads (Node.js and jiti behave so). */
	if (k < 0 || (p->replaced && via_exports)) {
		mig__js_slot_clear(s);
		return;
	}
	mig__js_slot_clear(&p->named[k]);
	p->named[k] = *s;
	memset(s, 0, sizeof(*s));
}

/* exports.x / exports['x'] / module.exports.x / module.exports at j. */
enum target_kind mig__js_export_target(const parser *p, size_t j, size_t *name, size_t *after)
{
	size_t k = j;
	bool module = false;
	if (is_id(p, tk_at(p, j), "module") && is_p(tk_at(p, j + 1), ".") &&
	    is_id(p, tk_at(p, j + 2), "exports")) {
		module = true;
		k = j + 2;
	} else if (!is_id(p, tk_at(p, j), "exports")) {
		return TGT_NONE;
	}
	if (is_p(tk_at(p, k + 1), ".") && tk_at(p, k + 2)->type == MIG_JS_IDENT) {
		*name = k + 2;
		*after = k + 3;
		return module ? TGT_MODULE_PROP : TGT_EXPORTS_PROP;
	}
	if (is_p(tk_at(p, k + 1), "[") && tk_at(p, k + 2)->type == MIG_JS_STRING && is_p(tk_at(p, k + 3), "]")) {
		*name = k + 2;
		*after = k + 4;
		return module ? TGT_MODULE_PROP : TGT_EXPORTS_PROP;
	}
	if (module) {
		*name = k;
		*after = k + 1;
		return TGT_MODULE;
	}
	return TGT_NONE;
}

static int target_slot(const parser *p, size_t name)
{
	const tok *t = tk_at(p, name);
	return t->type == MIG_JS_STRING ? mig__js_slot_index((parser *)p, t->str, t->slen)
					 : mig__js_slot_index((parser *)p, p->src + t->off, t->len);
}

/* export { a, b as up } [from '...'] */
static int parse_export_clause(parser *p, bool type_only)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
	size_t close = open->match;
	const tok *from = tk_at(p, close + 1);
	bool reexport = is_id(p, from, "from");
	int rc = 0;
	adv(p);
	while (!is_p(tk_cur(p), "}")) {
		const tok *local = tk_cur(p), *exported;
		bool is_type = type_only;
		if (is_id(p, local, "type") && !is_id(p, tk_peek(p, 1), "as") &&
		    (tk_peek(p, 1)->type == MIG_JS_IDENT || tk_peek(p, 1)->type == MIG_JS_STRING)) {
			is_type = true;
			adv(p);
			local = tk_cur(p);
		}
		if (local->type != MIG_JS_IDENT && !(reexport && local->type == MIG_JS_STRING))
			return mig__js_unexpected(p, local, "a name");
		adv(p);
		exported = local;
		if (is_id(p, tk_cur(p), "as")) {
			adv(p);
			exported = tk_cur(p);
			if (exported->type != MIG_JS_IDENT && exported->type != MIG_JS_STRING)
				return mig__js_unexpected(p, exported, "a name");
			adv(p);
		}
		if (!is_type && reexport) {
			const tok *m = tk_at(p, close + 2);
			return mig__js_refuse(p, open, "re-export from '%.*s'",
					      m->type == MIG_JS_STRING ? (int)(m->slen > 80 ? 80 : m->slen) : 0,
					      m->type == MIG_JS_STRING ? m->str : "");
		}
		if (!reexport && local->type == MIG_JS_IDENT) {
			/* every name is checked at the end; only values fill a slot */
			int k = -1;
			if (!is_type)
				k = exported->type == MIG_JS_STRING ? mig__js_slot_index(p, exported->str, exported->slen)
								     : mig__js_slot_index(p, p->src + exported->off, exported->len);
			if (p->ndefs == p->capdefs) {
				size_t cap = p->capdefs ? p->capdefs * 2 : 4;
				deferred *v = mig__realloc(p->defs, cap * sizeof(*v));
				if (!v)
					return mig_error_oom();
				p->defs = v;
				p->capdefs = cap;
			}
			p->defs[p->ndefs].slot = k;
			p->defs[p->ndefs].tok = tk_index(p, local);
			p->defs[p->ndefs].as = tk_index(p, exported);
			p->ndefs++;
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			return mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	adv(p);
	if (reexport) {
		adv(p);
		if (tk_cur(p)->type != MIG_JS_STRING)
			return mig__js_unexpected(p, tk_cur(p), "a module name");
		adv(p);
	}
	return rc ? rc : mig__js_semi(p);
}

static int parse_slot_rhs(parser *p, slot *out);

/* The object of `module.exports = {...}` / `export default {...}`, whose
 * properties may be functions. */
static int parse_exports_object(parser *p, slot out[MAX_SLOTS])
{
	int rc = 0;
	adv(p); /* { */
	mig_str key = MIG_STR_INIT;
	while (rc == 0 && !is_p(tk_cur(p), "}")) {
		const tok *t = tk_cur(p);
		slot s;
		memset(&s, 0, sizeof(s));
		if (is_p(t, "...")) {
			rc = mig__js_refuse(p, t, "spread in the exported object");
			break;
		}
		if ((is_id(p, t, "get") || is_id(p, t, "set")) && mig__js_key_start(tk_peek(p, 1))) {
			rc = mig__js_refuse(p, t, "getter or setter in the exported object");
			break;
		}
		size_t start = p->i;
		bool async_method = is_id(p, t, "async") && mig__js_key_start(tk_peek(p, 1)) && !tk_peek(p, 1)->nl_before;
		if (async_method) {
			adv(p);
			t = tk_cur(p);
		}
		mig_str_clear(&key);
		bool computed = false;
		if (is_p(t, "[")) {
			adv(p);
			mig_value *k = NULL;
			if ((rc = mig__js_expr(p, 1, &k)) != 0)
				break;
			rc = mig__js_property_key(p, k, &key, t);
			mig_value_free(k);
			if (rc == 0)
				rc = mig__js_expect(p, "]", "`]`");
			computed = true;
		} else if (t->type == MIG_JS_IDENT || t->type == MIG_JS_STRING ||
			   (t->type == MIG_JS_NUMBER && !t->bad)) {
			mig__js_key_text(p, t, &key);
			adv(p);
		} else {
			rc = mig__js_unexpected(p, t, "a property name");
		}
		if (rc)
			break;
		if (mig_str_failed(&key)) {
			rc = mig_error_oom();
			break;
		}
		const tok *after = tk_cur(p);
		if (is_p(after, "(")) {
			size_t fn = 0; /* set by mig__js_parse_method on success; gcc -O2 cannot tell */
			if ((rc = mig__js_parse_method(p, start, &fn)) != 0)
				break;
			s.kind = SLOT_FUNC;
			s.fn = fn;
			s.tok = start;
		} else if (async_method) {
			rc = mig__js_unexpected(p, after, "`(`");
		} else if (is_p(after, ":")) {
			adv(p);
			rc = parse_slot_rhs(p, &s);
		} else if ((is_p(after, ",") || is_p(after, "}")) && !computed && t->type == MIG_JS_IDENT) {
			p->i = tk_index(p, t);
			rc = parse_slot_rhs(p, &s);
		} else {
			rc = mig__js_unexpected(p, after, "`:`");
		}
		if (rc) {
			mig__js_slot_clear(&s);
			break;
		}
		int k = mig__js_slot_index(p, key.ptr ? key.ptr : "", key.len);
		if (k >= 0) {
			mig__js_slot_clear(&out[k]);
			out[k] = s;
		} else {
			mig__js_slot_clear(&s);
		}
		if (is_p(tk_cur(p), ","))
			adv(p);
		else if (!is_p(tk_cur(p), "}"))
			rc = mig__js_unexpected(p, tk_cur(p), "`,` or `}`");
	}
	mig_str_free(&key);
	if (rc)
		return rc;
	adv(p); /* } */
	while (rc == 0 && (is_id(p, tk_cur(p), "as") || is_id(p, tk_cur(p), "satisfies")) &&
	       !tk_cur(p)->nl_before) {
		adv(p);
		rc = mig__js_skip_type(p, 0);
	}
	return rc;
}

/* The value assigned to an export: a function, false, undefined, another
 * export, or any constant value. */
static int parse_slot_rhs(parser *p, slot *out)
{
	memset(out, 0, sizeof(*out));
	size_t start = p->i;
	const tok *t = tk_cur(p);
	out->tok = start;
	int rc;
	if (mig__js_fn_starts(p, p->i)) {
		size_t fn;
		if ((rc = mig__js_parse_function(p, &fn)) != 0)
			return rc;
		out->kind = SLOT_FUNC;
		out->fn = fn;
		return 0;
	}
	if (t->type == MIG_JS_IDENT && rhs_ends(p, p->i + 1)) {
		binding *b = mig__js_lookup(p, t);
		if (b && b->kind == B_FUNC) {
			adv(p);
			out->kind = SLOT_FUNC;
			out->fn = b->fn;
			return 0;
		}
	}
	size_t name, after;
	enum target_kind tk = mig__js_export_target(p, p->i, &name, &after);
	if ((tk == TGT_EXPORTS_PROP || tk == TGT_MODULE_PROP) && rhs_ends(p, after)) {
		/* exports.down = exports.up: the same function */
		int k = target_slot(p, name);
		p->i = after;
		if (k >= 0)
			return mig__js_slot_copy(p, out, &p->named[k], t);
		out->kind = SLOT_ABSENT;
		return 0;
	}
	if (tk == TGT_MODULE && rhs_ends(p, after))
		return mig__js_refuse(p, t, "reading `module.exports`");
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, 0, &v)) != 0)
		return rc;
	mig__js_slot_from_value(out, v, start);
	return 0;
}

/* module.exports = ... : the new export object. */
static int parse_module_rhs(parser *p, slot out[MAX_SLOTS])
{
	const tok *t = tk_cur(p);
	if (is_p(t, "{"))
		return parse_exports_object(p, out);
	if (is_id(p, t, "require") && is_p(tk_peek(p, 1), "("))
		return mig__js_refuse(p, t, "`module.exports = require(...)`");
	slot s;
	int rc = parse_slot_rhs(p, &s);
	if (rc)
		return rc;
	if (s.kind == SLOT_OTHER && s.val && s.val->type == MIG_V_OBJECT)
		rc = mig__js_slots_from_object(p, out, s.val, t);
	/* anything else (a function, a number ...) exports no up/down */
	mig__js_slot_clear(&s);
	return rc;
}

/* exports.a = [exports.b = ...] value; module.exports = {...};
 * With `result`, a copy of what was assigned is stored there too (for
 * `const x = exports.x = value`, as Babel writes). */
int mig__js_parse_export_chain(parser *p, slot *result)
{
	const tok *first = tk_cur(p);
	enum target_kind kinds[16];
	size_t names[16];
	size_t nt = 0, name, after;
	enum target_kind tk;
	while ((tk = mig__js_export_target(p, p->i, &name, &after)) != TGT_NONE && is_p(tk_at(p, after), "=")) {
		if (nt == 16)
			return mig__js_refuse(p, first, "chain of more than 16 assignments");
		kinds[nt] = tk;
		names[nt++] = name;
		p->i = after + 1;
	}
	if (nt == 0) {
		if (tk != TGT_NONE) {
			int rc = mig__js_refuse_operator(p, tk_at(p, after));
			if (rc)
				return rc;
		}
		return mig__js_refuse(p, first, "use of `%.*s` other than assigning an export", (int)first->len,
				      p->src + first->off);
	}
	int rc = 0;
	bool whole = false;
	for (size_t k = 0; k < nt; k++)
		if (kinds[k] == TGT_MODULE)
			whole = true;
	if (whole) {
		if (nt > 1 || result)
			return mig__js_refuse(p, first, "chained assignment to `module.exports`");
		slot out[MAX_SLOTS];
		memset(out, 0, sizeof(out));
		rc = parse_module_rhs(p, out);
		if (rc == 0) {
			for (int k = 0; k < p->nslots; k++) {
				mig__js_slot_clear(&p->named[k]);
				mig__js_slot_clear(&p->deflt[k]);
				p->named[k] = out[k];
			}
			p->replaced = true;
		} else {
			for (int k = 0; k < p->nslots; k++)
				mig__js_slot_clear(&out[k]);
		}
		return rc;
	}
	slot s;
	if ((rc = parse_slot_rhs(p, &s)) != 0)
		return rc;
	for (size_t k = 0; k < nt && rc == 0; k++) {
		slot c;
		if ((rc = mig__js_slot_copy(p, &c, &s, first)) != 0)
			break;
		mig__js_export_named(p, target_slot(p, names[k]), &c, kinds[k] == TGT_EXPORTS_PROP);
	}
	if (rc == 0 && result) {
		*result = s;
		return 0;
	}
	mig__js_slot_clear(&s);
	return rc;
}

int mig__js_parse_exports_stmt(parser *p)
{
	int rc = mig__js_parse_export_chain(p, NULL);
	return rc ? rc : mig__js_semi(p);
}

/* export default ... */
static int parse_export_default(parser *p)
{
	adv(p);
	const tok *t = tk_cur(p);
	slot out[MAX_SLOTS];
	memset(out, 0, sizeof(out));
	int rc;
	bool decl = false;
	if (is_id(p, t, "class") || is_id(p, t, "abstract"))
		return mig__js_refuse(p, t, "class declaration");
	if (is_p(t, "{")) {
		rc = parse_exports_object(p, out);
	} else if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function"))) {
		size_t fn;
		decl = true;
		rc = mig__js_parse_function(p, &fn); /* a default function exports no up/down */
	} else {
		rc = parse_module_rhs(p, out);
	}
	if (rc == 0 && !p->replaced) {
		p->has_default = true;
		for (int k = 0; k < p->nslots; k++) {
			mig__js_slot_clear(&p->deflt[k]);
			p->deflt[k] = out[k];
			p->deflt[k].bound = true;
			memset(&out[k], 0, sizeof(out[k]));
		}
	}
	for (int k = 0; k < p->nslots; k++)
		mig__js_slot_clear(&out[k]);
	if (rc)
		return rc;
	return decl ? 0 : mig__js_semi(p);
}

int mig__js_parse_export(parser *p)
{
	adv(p);
	const tok *t = tk_cur(p);
	if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var"))
		return mig__js_parse_decl(p, true);
	if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function") &&
					 !tk_peek(p, 1)->nl_before))
		return mig__js_parse_function_decl(p, true);
	if (is_id(p, t, "default"))
		return parse_export_default(p);
	if (is_p(t, "{"))
		return parse_export_clause(p, false);
	if (is_id(p, t, "type")) {
		if (is_p(tk_peek(p, 1), "{")) {
			adv(p);
			return parse_export_clause(p, true);
		}
		if (tk_peek(p, 1)->type == MIG_JS_IDENT)
			return mig__js_skip_type_alias(p);
	}
	if (is_id(p, t, "interface") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return mig__js_skip_interface(p);
	if (is_id(p, t, "declare") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return mig__js_skip_declare(p);
	if (is_p(t, "*"))
		return mig__js_refuse(p, t, "`export * from`");
	if (is_p(t, "="))
		return mig__js_refuse(p, t, "TypeScript `export =`");
	if (is_id(p, t, "import"))
		return mig__js_refuse(p, t, "TypeScript `export import`");
	int rc = mig__js_refuse_statement_keyword(p, t);
	return rc ? rc : mig__js_unexpected(p, t, "a declaration after `export`");
}
