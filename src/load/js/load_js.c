/*
 * The JS/TS migration loader: reads a node-pg-migrate migration written in
 * JavaScript or TypeScript WITHOUT Node.js, and turns it into the IR.
 *
 * It evaluates a pure subset of JavaScript: constants, statements and
 * loops, the file's own functions and closures, string and array methods,
 * console.*, static sibling files of the migrations folder, and the
 * up/down/shorthands exports in their CommonJS, ESM and TypeScript
 * spellings. Everything else is refused with one message that names the
 * construct, because guessing what arbitrary code does would give a
 * migration that silently differs from what node-pg-migrate runs.
 *
 * How it works: the whole file is tokenized first (lex.c), and the
 * interpreter walks the tokens (there is no syntax tree: a loop walks its
 * body's tokens again, a call jumps to the function's). The module is read
 * top to bottom, running it in the order JavaScript does and only
 * recording where each function's body is. Once the module has "run", the
 * exported up and down are called against the final module scope -- as
 * node-pg-migrate calls them after the import, so they may use constants
 * declared below them.
 *
 * Function bodies that never run (helpers nobody calls, exports other
 * than up/down) are only delimited, never read: their contents cannot
 * change what up and down do, but a syntax error inside them goes
 * unnoticed (a documented difference; node-pg-migrate would refuse the
 * whole file).
 *
 * Limits keep hostile input harmless: nesting deeper than MAX_DEPTH,
 * objects with more than MAX_KEYS keys, more than VALUE_BUDGET bytes of
 * values made, more than STEP_BUDGET statements, iterations and calls,
 * calls nested deeper than MAX_CALLS and imports deeper than
 * MAX_IMPORT_DEPTH are refused. The value nesting limit also bounds the
 * recursion of everyone who walks the IR later.
 *
 * The files (parser.h holds what they share): lex.c tokenizes; module.c
 * reads the top level and exports.c its export statements; scope.c keeps
 * the frames of names and the export slots; stmt.c runs statements,
 * loops and assignments; expr.c evaluates expressions with the JavaScript
 * semantics of jsvalue.c; functions.c records functions and call.c calls
 * them; builtins.c has the methods, globals and console; body.c is the
 * MigrationBuilder and runs up and down; sibling.c reads the files a
 * migration imports; typescript.c skips types; tokens.c answers the
 * automatic-semicolon questions; refuse.c writes every message. This file
 * is the entry point: it runs the module, then turns the exports into the
 * migration's up, down and shorthands.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "load/load.h"

#include "load/js/lex.h"
#include "load/js/parser.h"
#include "ir/ir.h"
#include "ir/value.h"
#include "util/alloc.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the result --------------------------------------------------------- */

static const slot *effective(const parser *p, int k)
{
	return p->named[k].kind != SLOT_ABSENT ? &p->named[k] : &p->deflt[k];
}

/* export { up }: live bindings, read now that the module has run. */
int mig__js_resolve_exports(parser *p)
{
	for (size_t k = 0; k < p->ndefs; k++) {
		const tok *t = tk_at(p, p->defs[k].tok);
		binding *b = mig__js_scope_find(p, &p->mod, t);
		bool type = false;
		for (size_t j = 0; j < p->ntypes && !b; j++)
			type = type || same_name(p, tk_at(p, p->types[j]), t);
		if (!b && !type && !is_id(p, t, "undefined"))
			return mig__js_err(p, t, "syntax error: exported name `%.*s` is not declared", (int)t->len,
					   p->src + t->off);
		if (p->defs[k].slot < 0 || p->replaced)
			continue;
		slot s;
		memset(&s, 0, sizeof(s));
		s.tok = p->defs[k].tok;
		if (!b) {
			if (type)
				return mig__js_err(p, t, "`%.*s` is a type, exported as `%s`", (int)t->len, p->src + t->off,
						   mig__js_slot_name(p, p->defs[k].slot));
			s.kind = SLOT_UNDEFINED;
		} else if (b->kind == B_FUNC && b->mod == p) {
			s.kind = SLOT_FUNC;
			s.fn = b->fn;
		} else if (b->kind == B_VALUE) {
			mig_value *c = mig__js_vclone(p, b->val, 0, t);
			if (!c)
				return mig__js_last_code();
			mig__js_slot_from_value(&s, c, p->defs[k].tok);
		} else {
			return mig__js_refuse(p, t, "exporting `%.*s` from %s", (int)t->len, p->src + t->off,
					      b->kind == B_FUNC || b->kind == B_MODNS ? "another file" : "node-pg-migrate");
		}
		mig__js_slot_clear(&p->named[p->defs[k].slot]);
		p->named[p->defs[k].slot] = s;
	}
	return 0;
}

static int finish(parser *p)
{
	mig_migration *m = p->m;
	int rc = mig__js_resolve_exports(p);
	if (rc)
		return rc;
	const slot *up = effective(p, SLOT_UP), *down = effective(p, SLOT_DOWN);
	const slot *sh = effective(p, SLOT_SHORTHANDS);
	m->up_kind = up->kind == SLOT_FUNC ? MIG_ACTION_FUNCTION
		     : up->kind == SLOT_FALSE ? MIG_ACTION_DISABLED
					     : MIG_ACTION_INVALID;
	switch (down->kind) {
	case SLOT_ABSENT:
	case SLOT_UNDEFINED:
		m->down_kind = MIG_ACTION_INFER;
		break;
	case SLOT_FALSE:
		m->down_kind = MIG_ACTION_DISABLED;
		break;
	case SLOT_FUNC:
		/* node-pg-migrate infers down when down === up */
		m->down_kind = up->kind == SLOT_FUNC && up->fn == down->fn && !up->bound && !down->bound
				       ? MIG_ACTION_INFER
				       : MIG_ACTION_FUNCTION;
		break;
	case SLOT_OTHER:
		m->down_kind = MIG_ACTION_INVALID;
		break;
	}
	if (sh->kind == SLOT_FUNC || sh->kind == SLOT_FALSE ||
	    (sh->kind == SLOT_OTHER && sh->val->type != MIG_V_OBJECT && sh->val->type != MIG_V_NULL)) {
		const tok *t = tk_at(p, sh->tok);
		return mig__js_err(p, t, "the shorthands export must be an object of column definitions, not %s",
				   sh->kind == SLOT_FUNC ? "a function"
				   : sh->kind == SLOT_FALSE ? "false"
							    : mig__js_a_type(sh->val));
	}
	if (sh->kind == SLOT_OTHER && sh->val->type == MIG_V_OBJECT) {
		slot *own = p->named[SLOT_SHORTHANDS].kind != SLOT_ABSENT ? &p->named[SLOT_SHORTHANDS]
									  : &p->deflt[SLOT_SHORTHANDS];
		m->shorthands = own->val;
		own->val = NULL;
	}
	if (m->up_kind == MIG_ACTION_FUNCTION)
		rc = mig__js_run_function(p, up->fn, false, &m->up, &m->up_no_transaction);
	if (rc == 0 && m->down_kind == MIG_ACTION_FUNCTION)
		rc = mig__js_run_function(p, down->fn, true, &m->down, &m->down_no_transaction);
	return rc;
}

/* The migrations folder and the file, resolved (for sibling imports). */
static void locate(parser *p, jsrt *rt)
{
	if (!p->m->path)
		return;
	char *real = realpath(p->m->path, NULL);
	if (!real)
		return;
	char *slash = strrchr(real, '/');
	char *root = slash ? mig_strndup(real, (size_t)(slash - real)) : NULL;
	p->real = mig_strdup(real);
	free(real);
	if (!root || !p->real || (slash && slash == real)) {
		mig__free(root);
		return;
	}
	rt->root = root;
}

int mig_load_js_text(mig_migration *m, const char *text, size_t len)
{
	mig_js_toks toks;
	int rc = mig_js_lex(text, len, &toks);
	if (rc)
		return rc;
	jsrt rt;
	memset(&rt, 0, sizeof(rt));
	parser P;
	memset(&P, 0, sizeof(P));
	P.m = m;
	P.rt = &rt;
	P.src = text;
	P.t = toks.v;
	P.n = toks.n;
	P.where = "at top level";
	P.nslots = NSLOTS;
	P.loading = true;
	m->source = MIG_SOURCE_JS;
	locate(&P, &rt);
	rc = P.real ? mig__js_add_module(&rt, &P) : 0;
	if (rc == 0)
		rc = mig__js_run_module(&P);
	P.loading = false;
	if (rc == 0)
		rc = finish(&P);
	/* stderr: stdout carries the `sql` output and --json */
	if (rc == 0 && mig_str_len(&rt.console))
		fwrite(mig_str_cstr(&rt.console), 1, mig_str_len(&rt.console), stderr);
	mig__js_parser_free(&P);
	mig__js_rt_free(&rt);
	mig_js_toks_free(&toks);
	if (rc) {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
		mig_value_free(m->shorthands);
		m->shorthands = NULL;
		m->up_kind = MIG_ACTION_INVALID;
		m->down_kind = MIG_ACTION_INVALID;
		m->up_no_transaction = m->down_no_transaction = false;
	}
	return rc;
}
