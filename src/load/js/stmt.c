/*
 * Statements of function bodies (and of the top level where they are not
 * imports or exports): blocks, if/else, the loops, break/continue/return,
 * declarations and assignments of this file's own names. Code that does
 * not run -- the untaken branch, a loop body after its last iteration --
 * is still read, with p->noeval set, so that its names are checked, its
 * constructs refused like any other, and the loop knows where it ends.
 *
 * Everything that runs costs steps (mig__js_step): a loop without end
 * stops at STEP_BUDGET with a message instead of hanging.
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"
#include "ir/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mig__js_step(parser *p, const tok *t)
{
	if (++p->rt->steps <= STEP_BUDGET)
		return 0;
	return mig__js_err(p, t,
			   "the code of this file runs more than %zu steps %s (a loop without end?); the static "
			   "reader stops there; this file needs node-pg-migrate to run",
			   STEP_BUDGET, p->where);
}

/* The statement keywords handled here rather than refused. */
bool mig__js_statement_keyword(const parser *p, const tok *t)
{
	return is_id(p, t, "if") || is_id(p, t, "for") || is_id(p, t, "while") || is_id(p, t, "do") ||
	       is_id(p, t, "break") || is_id(p, t, "continue");
}

/* Run one statement without effect (or find where it ends). */
static int walk(parser *p, int depth)
{
	enum ctl save = p->ctl;
	p->ctl = CTL_NONE;
	p->noeval++;
	int rc = mig__js_statement(p, depth);
	p->noeval--;
	p->ctl = save;
	return rc;
}

static void push_frame(parser *p, scope *fr)
{
	memset(fr, 0, sizeof(*fr));
	fr->parent = mig__js_frame(p);
	p->env = fr;
}

static void pop_frame(parser *p, scope *fr)
{
	p->env = fr->parent == &p->mod ? NULL : fr->parent;
	mig__js_scope_free(fr);
}

int mig__js_block(parser *p, size_t end, int depth)
{
	int rc = 0;
	while (rc == 0 && p->i < end && p->ctl == CTL_NONE && !is_end(tk_cur(p)))
		rc = mig__js_statement(p, depth);
	if (rc)
		return rc;
	if (p->ctl != CTL_NONE)
		p->i = end;
	if (p->i != end)
		return mig__js_unexpected(p, tk_cur(p), "`}`");
	return 0;
}

static int block_statement(parser *p, int depth)
{
	const tok *open = tk_cur(p);
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
	size_t end = open->match;
	scope fr;
	push_frame(p, &fr);
	mig__js_hoist_functions(p, p->i + 1, end, &fr);
	adv(p);
	int rc = mig__js_block(p, end, depth + 1);
	pop_frame(p, &fr);
	if (rc == 0)
		adv(p);
	return rc;
}

/* `( expr )` of if/while: the value's truthiness (false while not running). */
static int condition(parser *p, int depth, bool *truthy)
{
	*truthy = false;
	int rc = mig__js_expect(p, "(", "`(`");
	if (rc)
		return rc;
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
		return rc;
	*truthy = !p->noeval && mig_value_truthy(v);
	mig_value_free(v);
	return mig__js_expect(p, ")", "`)`");
}

static int if_statement(parser *p, int depth)
{
	adv(p);
	bool yes;
	int rc = condition(p, depth, &yes);
	if (rc)
		return rc;
	rc = yes ? mig__js_statement(p, depth + 1) : walk(p, depth + 1);
	if (rc == 0 && is_id(p, tk_cur(p), "else")) {
		adv(p);
		rc = yes ? walk(p, depth + 1) : mig__js_statement(p, depth + 1);
	}
	return rc;
}

/* After an iteration's body: whether to go on. */
static bool next_iteration(parser *p)
{
	if (p->ctl == CTL_CONTINUE)
		p->ctl = CTL_NONE;
	if (p->ctl == CTL_BREAK) {
		p->ctl = CTL_NONE;
		return false;
	}
	return p->ctl == CTL_NONE;
}

/* The body at `body` once per item of `items` (an array, taken), the
 * pattern at `pat` bound to each; p->i ends at `end`. */
static int iterate(parser *p, size_t pat, bool is_const, mig_value *items, size_t body, size_t end, int depth)
{
	int rc = 0;
	for (size_t k = 0; k < items->n && rc == 0; k++) {
		if ((rc = mig__js_step(p, tk_at(p, body))) != 0)
			break;
		scope fr;
		push_frame(p, &fr);
		p->i = pat;
		mig_value *item = items->items[k];
		items->items[k] = NULL;
		rc = mig__js_bind_pattern(p, &fr, depth + 1, item, is_const);
		if (rc == 0) {
			p->i = body;
			p->loops++;
			rc = mig__js_statement(p, depth + 1);
			p->loops--;
		}
		pop_frame(p, &fr);
		if (rc == 0 && !next_iteration(p))
			break;
	}
	mig_value_free(items);
	p->i = end;
	return rc;
}

/* The items for-of walks (or the keys for-in walks) of v (taken). */
static int loop_items(parser *p, mig_value *v, bool keys, const tok *at, mig_value **out)
{
	mig_value *items = mig__js_vnew(p, MIG_V_ARRAY, at);
	int rc = items ? 0 : mig__js_last_code();
	if (rc == 0 && p->noeval) {
		/* nothing */
	} else if (rc == 0 && keys) {
		if (v->type == MIG_V_OBJECT) {
			for (size_t k = 0; k < v->n && rc == 0; k++) {
				mig_value *s = mig__js_vtext(p, MIG_V_STRING, v->keys[k], strlen(v->keys[k]), at);
				rc = s ? mig_array_push(items, s) : mig__js_last_code();
			}
		} else if (v->type == MIG_V_ARRAY) {
			for (size_t k = 0; k < v->n && rc == 0; k++) {
				char b[24];
				snprintf(b, sizeof(b), "%zu", k);
				mig_value *s = mig__js_vtext(p, MIG_V_STRING, b, strlen(b), at);
				rc = s ? mig_array_push(items, s) : mig__js_last_code();
			}
		} else if (v->type == MIG_V_STRING || v->type == MIG_V_LITERAL) {
			rc = mig__js_refuse(p, at, "`for ... in` over %s", mig__js_a_type(v));
		}
	} else if (rc == 0) {
		if (v->type == MIG_V_ARRAY) {
			for (size_t k = 0; k < v->n && rc == 0; k++) {
				rc = mig_array_push(items, v->items[k]);
				v->items[k] = NULL;
			}
		} else if (v->type == MIG_V_STRING) {
			/* by code point, as the string iterator does */
			for (size_t k = 0; k < v->len && rc == 0;) {
				size_t l = 1;
				unsigned char c = (unsigned char)v->str[k];
				if (c >= 0xF0)
					l = 4;
				else if (c >= 0xE0)
					l = 3;
				else if (c >= 0xC0)
					l = 2;
				mig_value *s = mig__js_vtext(p, MIG_V_STRING, v->str + k, l, at);
				rc = s ? mig_array_push(items, s) : mig__js_last_code();
				k += l;
			}
		} else if (v->type == MIG_V_OBJECT || v->type == MIG_V_NULL || v->type == MIG_V_UNDEFINED ||
			   v->type == MIG_V_NUMBER || v->type == MIG_V_BOOL) {
			rc = mig__js_err(p, at, "`for ... of` over %s %s (not iterable: a TypeError in Node.js too)",
					 mig__js_a_type(v), p->where);
		} else {
			rc = mig__js_refuse(p, at, "`for ... of` over %s", mig__js_a_type(v));
		}
	}
	mig_value_free(v);
	if (rc) {
		mig_value_free(items);
		return rc;
	}
	*out = items;
	return 0;
}

/* for (const x of e) / for (const k in e), at the token after `(`. */
static int for_each(parser *p, const tok *kw, size_t close, int depth)
{
	bool is_const = is_id(p, tk_cur(p), "const");
	adv(p);
	size_t pat = p->i;
	int rc = mig__js_skip_pattern(p);
	if (rc)
		return rc;
	bool keys = is_id(p, tk_cur(p), "in");
	adv(p);
	mig_value *v = NULL;
	if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
		return rc;
	if (p->i != close) {
		mig_value_free(v);
		return mig__js_unexpected(p, tk_cur(p), "`)`");
	}
	mig_value *items = NULL;
	if ((rc = loop_items(p, v, keys, kw, &items)) != 0)
		return rc;
	size_t body = close + 1;
	/* where the body ends, and its names checked, without running it */
	scope fr;
	push_frame(p, &fr);
	p->i = pat;
	mig_value *u = mig__js_vnew(p, MIG_V_UNDEFINED, kw);
	rc = u ? 0 : mig__js_last_code();
	p->noeval++;
	if (rc == 0)
		rc = mig__js_bind_pattern(p, &fr, depth + 1, u, is_const);
	p->noeval--;
	p->i = body;
	p->loops++;
	if (rc == 0)
		rc = walk(p, depth + 1);
	p->loops--;
	pop_frame(p, &fr);
	if (rc) {
		mig_value_free(items);
		return rc;
	}
	size_t end = p->i;
	if (p->noeval) {
		mig_value_free(items);
		return 0;
	}
	return iterate(p, pat, is_const, items, body, end, depth);
}

/* An expression statement's expression without its `;` (a for clause). */
static int clause(parser *p, int depth)
{
	bool done;
	int rc = mig__js_assignment(p, depth, &done);
	if (rc || done)
		return rc;
	mig_value *v = NULL;
	rc = mig__js_expr(p, depth + 1, &v);
	mig_value_free(v);
	return rc;
}

static int for_statement(parser *p, int depth)
{
	const tok *kw = tk_cur(p);
	adv(p);
	if (is_id(p, tk_cur(p), "await"))
		return mig__js_refuse(p, tk_cur(p), "`for await` loop");
	const tok *open = tk_cur(p);
	if (!is_p(open, "("))
		return mig__js_unexpected(p, open, "`(`");
	if (open->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, open);
	size_t close = open->match;
	adv(p);
	const tok *t = tk_cur(p);
	if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var")) {
		size_t save = p->i;
		adv(p);
		int rc = mig__js_skip_pattern(p);
		bool each = rc == 0 && (is_id(p, tk_cur(p), "of") || is_id(p, tk_cur(p), "in"));
		mig_error_clear();
		p->i = save;
		if (each)
			return for_each(p, kw, close, depth);
	} else if (t->type == MIG_JS_IDENT && (is_id(p, tk_peek(p, 1), "of") || is_id(p, tk_peek(p, 1), "in"))) {
		return mig__js_refuse(p, t, "`for` loop over a name declared outside it");
	}
	/* for (init; cond; update) */
	scope fr;
	push_frame(p, &fr);
	int rc = 0;
	t = tk_cur(p);
	if (is_p(t, ";"))
		adv(p);
	else if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var"))
		rc = mig__js_parse_decl(p, false);
	else if ((rc = clause(p, depth)) == 0)
		rc = mig__js_expect(p, ";", "`;`");
	size_t cond = p->i, update = 0, body = close + 1, end = 0;
	bool has_cond = !is_p(tk_cur(p), ";");
	/* the clauses and the body once without effect: where they end */
	p->noeval++;
	if (rc == 0 && has_cond) {
		mig_value *v = NULL;
		rc = mig__js_expr(p, depth + 1, &v);
		mig_value_free(v);
	}
	if (rc == 0)
		rc = mig__js_expect(p, ";", "`;`");
	update = p->i;
	bool has_update = !is_p(tk_cur(p), ")");
	if (rc == 0 && has_update)
		rc = clause(p, depth);
	if (rc == 0 && p->i != close)
		rc = mig__js_unexpected(p, tk_cur(p), "`)`");
	p->noeval--;
	p->loops++;
	if (rc == 0) {
		p->i = body;
		rc = walk(p, depth + 1);
		end = p->i;
	}
	while (rc == 0 && !p->noeval) {
		if ((rc = mig__js_step(p, kw)) != 0)
			break;
		if (has_cond) {
			p->i = cond;
			mig_value *v = NULL;
			if ((rc = mig__js_expr(p, depth + 1, &v)) != 0)
				break;
			bool go = mig_value_truthy(v);
			mig_value_free(v);
			if (!go)
				break;
		}
		p->i = body;
		if ((rc = mig__js_statement(p, depth + 1)) != 0 || !next_iteration(p))
			break;
		if (has_update) {
			p->i = update;
			if ((rc = clause(p, depth)) != 0)
				break;
		}
	}
	p->loops--;
	pop_frame(p, &fr);
	if (rc == 0)
		p->i = end;
	return rc;
}

static int while_statement(parser *p, int depth)
{
	const tok *kw = tk_cur(p);
	adv(p);
	size_t cond = p->i;
	bool yes;
	p->noeval++;
	int rc = condition(p, depth, &yes);
	p->noeval--;
	if (rc)
		return rc;
	size_t body = p->i;
	p->loops++;
	rc = walk(p, depth + 1);
	size_t end = p->i;
	while (rc == 0 && !p->noeval) {
		if ((rc = mig__js_step(p, kw)) != 0)
			break;
		p->i = cond;
		if ((rc = condition(p, depth, &yes)) != 0 || !yes)
			break;
		p->i = body;
		if ((rc = mig__js_statement(p, depth + 1)) != 0 || !next_iteration(p))
			break;
	}
	p->loops--;
	if (rc == 0)
		p->i = end;
	return rc;
}

static int do_statement(parser *p, int depth)
{
	const tok *kw = tk_cur(p);
	adv(p);
	size_t body = p->i;
	p->loops++;
	int rc = walk(p, depth + 1);
	p->loops--;
	if (rc)
		return rc;
	if (!is_id(p, tk_cur(p), "while"))
		return mig__js_unexpected(p, tk_cur(p), "`while`");
	adv(p);
	size_t cond = p->i;
	bool yes;
	p->noeval++;
	rc = condition(p, depth, &yes);
	p->noeval--;
	if (rc)
		return rc;
	size_t end = p->i;
	p->loops++;
	while (rc == 0 && !p->noeval) {
		if ((rc = mig__js_step(p, kw)) != 0)
			break;
		p->i = body;
		if ((rc = mig__js_statement(p, depth + 1)) != 0)
			break;
		if (p->ctl == CTL_CONTINUE)
			p->ctl = CTL_NONE;
		if (!next_iteration(p))
			break;
		p->i = cond;
		if ((rc = condition(p, depth, &yes)) != 0 || !yes)
			break;
	}
	p->loops--;
	if (rc)
		return rc;
	p->i = end;
	/* `do ... while (x)` ends without a semicolon where one is missing */
	if (is_p(tk_cur(p), ";"))
		adv(p);
	return 0;
}

static int jump_statement(parser *p)
{
	const tok *t = tk_cur(p);
	bool brk = is_id(p, t, "break");
	adv(p);
	const tok *u = tk_cur(p);
	if (u->type == MIG_JS_IDENT && !u->nl_before)
		return mig__js_refuse(p, u, "`%s` with a label", brk ? "break" : "continue");
	if (p->loops == 0)
		return mig__js_err(p, t, "syntax error %s: `%s` outside a loop", p->where, brk ? "break" : "continue");
	if (!p->noeval)
		p->ctl = brk ? CTL_BREAK : CTL_CONTINUE;
	return mig__js_semi(p);
}

static int return_statement(parser *p, int depth)
{
	const tok *t = tk_cur(p);
	if (!p->in_fn)
		return mig__js_err(p, t, "syntax error: `return` outside a function");
	adv(p);
	const tok *v = tk_cur(p);
	mig_value *val = NULL;
	int rc = 0;
	if (!(is_p(v, ";") || is_p(v, "}") || is_end(v) || v->nl_before)) {
		while (is_id(p, tk_cur(p), "await"))
			adv(p);
		rc = mig__js_expr(p, depth + 1, &val);
	}
	if (rc == 0)
		rc = mig__js_semi(p);
	if (rc || p->noeval) {
		mig_value_free(val);
		return rc;
	}
	mig_value_free(p->ret);
	p->ret = val;
	p->ctl = CTL_RETURN;
	return 0;
}

/* A function declaration inside a block: hoisted by the block already. */
static int function_statement(parser *p)
{
	size_t name = p->i + (is_id(p, tk_cur(p), "async") ? 2 : 1);
	const tok *nt = tk_at(p, name);
	if (nt->type != MIG_JS_IDENT || mig__js_is_reserved(p, nt)) {
		if (is_p(nt, "*"))
			return mig__js_refuse(p, nt, "generator function");
		return mig__js_unexpected(p, nt, "a function name");
	}
	scope *s = mig__js_frame(p);
	binding *b = mig__js_scope_find(p, s, nt);
	if (b && b->kind == B_FUNC && b->hoisted && b->tok == name) {
		p->i = p->fns[b->fn].end;
		return 0;
	}
	fnref f;
	int rc = mig__js_closure(p, &f);
	return rc ? rc : mig__js_declare_fn(p, s, name, &f, true);
}

/* ---- assignments -------------------------------------------------------- */

static bool assign_op(const tok *t)
{
	static const char *const ops[] = {"=",  "+=", "-=",  "*=",  "/=",  "%=",
					  "**=", "||=", "&&=", "?\?=", NULL};
	if (t->type != MIG_JS_PUNCT)
		return false;
	for (size_t k = 0; ops[k]; k++)
		if (strcmp(t->punct, ops[k]) == 0)
			return true;
	return false;
}

static bool mutator(const parser *p, const tok *t)
{
	return is_id(p, t, "push") || is_id(p, t, "unshift") || is_id(p, t, "pop") || is_id(p, t, "shift");
}

typedef struct keys {
	char **v;
	size_t n;
} keys;

static void keys_free(keys *k)
{
	for (size_t j = 0; j < k->n; j++)
		mig__free(k->v[j]);
	mig__free(k->v);
}

/* The `.a[b]` steps after a name, up to (not including) token `stop`. */
static int read_keys(parser *p, size_t stop, int depth, keys *out)
{
	memset(out, 0, sizeof(*out));
	int rc = 0;
	while (rc == 0 && p->i < stop) {
		const tok *t = tk_cur(p);
		mig_str k = MIG_STR_INIT;
		if (is_p(t, ".")) {
			adv(p);
			mig_str_put(&k, p->src + tk_cur(p)->off, tk_cur(p)->len);
			adv(p);
		} else {
			adv(p);
			mig_value *v = NULL;
			if ((rc = mig__js_expr(p, depth + 1, &v)) == 0) {
				rc = mig__js_property_key(p, v, &k, t);
				mig_value_free(v);
			}
			if (rc == 0)
				rc = mig__js_expect(p, "]", "`]`");
		}
		if (rc == 0 && mig_str_failed(&k))
			rc = mig_error_oom();
		if (rc == 0) {
			char **v = mig__realloc(out->v, (out->n + 1) * sizeof(*v));
			if (!v)
				rc = mig_error_oom();
			else {
				out->v = v;
				out->v[out->n++] = mig_str_detach(&k);
			}
		}
		mig_str_free(&k);
	}
	return rc;
}

/* The value the keys lead to in *root; NULL (error set) when a step is
 * not there. */
static mig_value **walk_keys(parser *p, mig_value **root, const keys *k, size_t n, const tok *at)
{
	mig_value **cur = root;
	for (size_t j = 0; j < n; j++) {
		mig_value *v = *cur;
		mig_value **next = NULL;
		if (v->type == MIG_V_OBJECT) {
			for (size_t m = 0; m < v->n; m++)
				if (strcmp(v->keys[m], k->v[j]) == 0)
					next = &v->items[m];
		} else if (v->type == MIG_V_ARRAY) {
			char *end;
			unsigned long i = strtoul(k->v[j], &end, 10);
			if (*end == '\0' && k->v[j][0] && i < v->n)
				next = &v->items[i];
		}
		if (!next) {
			mig__js_err(p, at, "setting a property of %s %s (a TypeError in Node.js too)",
				    v->type == MIG_V_OBJECT || v->type == MIG_V_ARRAY ? "undefined" : mig_value_type_name(v),
				    p->where);
			return NULL;
		}
		cur = next;
	}
	return cur;
}

/* target[key] = val (taken). */
static int set_key(parser *p, mig_value *target, const char *key, mig_value *val, const tok *at)
{
	if (target->type == MIG_V_OBJECT)
		return mig__js_obj_put(p, target, key, val, at);
	if (target->type == MIG_V_ARRAY) {
		char *end;
		unsigned long i = strtoul(key, &end, 10);
		if (*end == '\0' && key[0] && (key[0] != '0' || !key[1])) {
			if (i < target->n) {
				mig_value_free(target->items[i]);
				target->items[i] = val;
				return 0;
			}
			if (i == target->n)
				return mig_array_push(target, val);
		}
		mig_value_free(val);
		return mig__js_refuse(p, at, "setting `[%s]` of an array of %zu items", key, target->n);
	}
	mig_value_free(val);
	if (target->type == MIG_V_NULL || target->type == MIG_V_UNDEFINED)
		return mig__js_err(p, at, "setting `.%s` of %s %s (a TypeError in Node.js too)", key,
				   mig_value_type_name(target), p->where);
	return mig__js_refuse(p, at, "setting `.%s` of %s", key, mig__js_a_type(target));
}

/* a.push(...) and friends on one of this file's arrays. */
static int mutate(parser *p, binding *b, const tok *name, keys *k, int depth)
{
	const tok *m = tk_at(p, p->i - 1);
	jsarg *args = NULL;
	size_t n = 0;
	int rc = mig__js_parse_args(p, depth, &args, &n);
	if (rc)
		return rc;
	for (size_t j = 0; j < n && rc == 0; j++)
		if (args[j].kind != B_VALUE)
			rc = mig__js_refuse(p, m, "a function or the MigrationBuilder stored in an array");
	if (rc == 0 && !p->noeval) {
		b = mig__js_lookup(p, name);
		mig_value **target = b ? walk_keys(p, &b->val, k, k->n, m) : NULL;
		if (!target)
			rc = mig__js_last_code();
		else if ((*target)->type != MIG_V_ARRAY)
			rc = mig__js_refuse(p, m, "`.%.*s()` of %s", (int)m->len, p->src + m->off, mig__js_a_type(*target));
		else {
			mig_value *arr = *target;
			if (is_id(p, m, "push") || is_id(p, m, "unshift")) {
				for (size_t j = 0; j < n && rc == 0; j++) {
					rc = mig_array_push(arr, args[j].val);
					args[j].val = NULL;
				}
				if (rc == 0 && is_id(p, m, "unshift") && n) {
					/* the pushed items go to the front */
					mig_value **tmp = mig__calloc(n, sizeof(*tmp));
					if (!tmp)
						rc = mig_error_oom();
					else {
						memcpy(tmp, arr->items + arr->n - n, n * sizeof(*tmp));
						memmove(arr->items + n, arr->items, (arr->n - n) * sizeof(*tmp));
						memcpy(arr->items, tmp, n * sizeof(*tmp));
						mig__free(tmp);
					}
				}
			} else if (arr->n) {
				size_t at = is_id(p, m, "pop") ? arr->n - 1 : 0;
				mig_value_free(arr->items[at]);
				memmove(arr->items + at, arr->items + at + 1, (arr->n - at - 1) * sizeof(*arr->items));
				arr->n--;
			}
		}
	}
	(void)b;
	mig__js_args_free(args, n);
	return rc;
}

/* An assignment, `x++` or `a.push(...)` statement at the current token, to
 * a name of this file; *done false (and nothing read) when it is not one. */
int mig__js_assignment(parser *p, int depth, bool *done)
{
	*done = false;
	const tok *first = tk_cur(p);
	bool prefix = is_p(first, "++") || is_p(first, "--");
	size_t j = p->i + (prefix ? 1 : 0);
	const tok *name = tk_at(p, j);
	if (name->type != MIG_JS_IDENT || mig__js_is_reserved(p, name) || is_id(p, name, "exports") ||
	    is_id(p, name, "module"))
		return 0;
	size_t k = j + 1, last_dot = 0;
	for (;;) {
		const tok *t = tk_at(p, k);
		if (is_p(t, ".") && tk_at(p, k + 1)->type == MIG_JS_IDENT) {
			last_dot = k;
			k += 2;
		} else if (is_p(t, "[") && t->match != MIG_JS_NO_MATCH && !prefix) {
			last_dot = 0;
			k = t->match + 1;
		} else {
			break;
		}
	}
	const tok *op = tk_at(p, k);
	bool method = !prefix && last_dot && last_dot + 2 == k && is_p(op, "(") && mutator(p, tk_at(p, k - 1));
	bool postfix = !prefix && (is_p(op, "++") || is_p(op, "--")) && !op->nl_before;
	if (!method && !postfix && !prefix && !assign_op(op))
		return 0;
	binding *b = mig__js_lookup(p, name);
	if (method && (!b || b->kind != B_VALUE))
		return 0; /* some other call: an expression */
	*done = true;
	if (!b)
		return mig__js_refuse(p, name, "assignment to `%.*s` (not a name declared in this file)", (int)name->len,
				      p->src + name->off);
	if (b->kind != B_VALUE)
		return mig__js_refuse(p, name, "assignment to `%.*s` (a function or an import)", (int)name->len,
				      p->src + name->off);
	bool whole = k == j + 1;
	if (whole && b->is_const)
		return mig__js_err(p, name, "assignment to the constant `%.*s` %s (a TypeError in Node.js too)",
				   (int)name->len, p->src + name->off, p->where);
	int rc = mig__js_step(p, name);
	if (rc)
		return rc;
	keys ks;
	p->i = j + 1;
	if ((rc = read_keys(p, method ? k - 2 : k, depth, &ks)) != 0) {
		keys_free(&ks);
		return rc;
	}
	if (method) {
		p->i = k;
		rc = mutate(p, b, name, &ks, depth);
		keys_free(&ks);
		return rc;
	}
	/* the current value, for compound assignments */
	p->i = k;
	const tok *o = prefix ? first : op;
	char bin[4] = "";
	if (prefix || postfix)
		snprintf(bin, sizeof(bin), "%c", o->punct[0]);
	else if (strcmp(o->punct, "=") != 0)
		snprintf(bin, sizeof(bin), "%.*s", (int)strlen(o->punct) - 1, o->punct);
	if (!prefix)
		adv(p);
	else
		p->i = k;
	mig_value *cur = NULL;
	if (bin[0] && !p->noeval) {
		b = mig__js_lookup(p, name);
		mig_value **target = ks.n ? walk_keys(p, &b->val, &ks, ks.n - 1, name) : &b->val;
		if (!target) {
			keys_free(&ks);
			return mig__js_last_code();
		}
		const mig_value *c = *target;
		if (ks.n) {
			const mig_value *parent = *target;
			c = NULL;
			if (parent->type == MIG_V_OBJECT)
				c = mig_object_get(parent, ks.v[ks.n - 1]);
			else if (parent->type == MIG_V_ARRAY) {
				char *end;
				unsigned long i = strtoul(ks.v[ks.n - 1], &end, 10);
				if (*end == '\0' && i < parent->n)
					c = parent->items[i];
			}
		}
		cur = c ? mig__js_vclone(p, c, 1, name) : mig__js_vnew(p, MIG_V_UNDEFINED, name);
		if (!cur) {
			keys_free(&ks);
			return mig__js_last_code();
		}
	}
	mig_value *val = NULL;
	bool logical = strcmp(bin, "||") == 0 || strcmp(bin, "&&") == 0 || strcmp(bin, "??") == 0;
	bool skip = false;
	if (logical && cur)
		skip = bin[0] == '|' ? mig_value_truthy(cur)
		       : bin[0] == '&' ? !mig_value_truthy(cur)
				       : !(cur->type == MIG_V_NULL || cur->type == MIG_V_UNDEFINED);
	if (prefix || postfix) {
		val = mig__js_vnum(p, 1, o);
		rc = val ? 0 : mig__js_last_code();
		p->i = prefix ? k : k + 1;
		if (prefix && rc == 0 && cur) {
			/* ++ and -- convert to a number first */
			double d;
			if (!mig__js_to_number(cur, &d))
				d = cur->type == MIG_V_STRING ? mig__js_str_to_number(cur->str, cur->len) : NAN;
			mig_value *n = mig__js_vnum(p, d, name);
			mig_value_free(cur);
			cur = n;
			if (!cur)
				rc = mig__js_last_code();
		}
	} else {
		if (skip)
			p->noeval++;
		rc = mig__js_expr(p, depth + 1, &val);
		if (skip)
			p->noeval--;
	}
	if (rc == 0 && cur && !logical) {
		if ((prefix || postfix) && cur->type != MIG_V_NUMBER) {
			double d;
			if (!mig__js_to_number(cur, &d))
				d = cur->type == MIG_V_STRING ? mig__js_str_to_number(cur->str, cur->len) : NAN;
			mig_value *n = mig__js_vnum(p, d, name);
			mig_value_free(cur);
			cur = n;
			if (!cur)
				rc = mig__js_last_code();
		}
		if (rc == 0) {
			tok fake = *o;
			snprintf(fake.punct, sizeof(fake.punct), "%s", bin);
			rc = mig__js_binary(p, &fake, &cur, val);
			val = cur;
			cur = NULL;
		}
	} else if (rc == 0 && cur && logical) {
		if (skip) {
			mig_value_free(val);
			val = cur;
			cur = NULL;
		}
	}
	mig_value_free(cur);
	if (rc || p->noeval) {
		mig_value_free(val);
		keys_free(&ks);
		return rc;
	}
	b = mig__js_lookup(p, name);
	if (ks.n == 0) {
		mig_value_free(b->val);
		b->val = val;
	} else {
		mig_value **target = walk_keys(p, &b->val, &ks, ks.n - 1, name);
		if (!target) {
			mig_value_free(val);
			rc = mig__js_last_code();
		} else {
			rc = set_key(p, *target, ks.v[ks.n - 1], val, name);
		}
	}
	keys_free(&ks);
	return rc;
}

/* [await] expression, assignment or run() as a statement. */
int mig__js_expression_statement(parser *p, int depth)
{
	while (is_id(p, tk_cur(p), "await") && p->in_fn)
		adv(p);
	const tok *t = tk_cur(p);
	int rc = 0;
	if (t->type == MIG_JS_IDENT) {
		binding *b = mig__js_lookup(p, t);
		size_t bang = is_p(tk_peek(p, 1), "!") && !tk_peek(p, 1)->nl_before ? 1 : 0;
		if (b && b->kind == B_RUN && is_p(tk_peek(p, 1 + bang), "(")) {
			adv(p);
			if (bang)
				adv(p);
			adv(p);
			if (!is_p(tk_cur(p), ")"))
				return mig__js_refuse(p, tk_cur(p), "`%.*s()` with an argument", (int)t->len, p->src + t->off);
			adv(p);
			if (!p->noeval)
				p->run_called = true;
			return mig__js_semi(p);
		}
		if (p->in_fn && (is_id(p, t, "exports") || is_id(p, t, "module")))
			return mig__js_refuse(p, t, "use of `%.*s` inside a function", (int)t->len, p->src + t->off);
	}
	bool done;
	if ((rc = mig__js_assignment(p, depth, &done)) != 0)
		return rc;
	if (!done) {
		mig_value *v = NULL;
		rc = mig__js_expr(p, depth + 1, &v);
		mig_value_free(v);
	}
	return rc ? rc : mig__js_semi(p);
}

int mig__js_statement(parser *p, int depth)
{
	const tok *t = tk_cur(p);
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, t);
	int rc = mig__js_step(p, t);
	if (rc)
		return rc;
	if (is_p(t, ";")) {
		adv(p);
		return 0;
	}
	if (t->type == MIG_JS_ERROR)
		return mig__js_err(p, t, "%s", "");
	if (is_p(t, "{"))
		return block_statement(p, depth);
	if (t->type == MIG_JS_IDENT) {
		const tok *u = tk_peek(p, 1);
		if (is_id(p, t, "return"))
			return return_statement(p, depth);
		if (is_id(p, t, "if"))
			return if_statement(p, depth);
		if (is_id(p, t, "for"))
			return for_statement(p, depth);
		if (is_id(p, t, "while"))
			return while_statement(p, depth);
		if (is_id(p, t, "do"))
			return do_statement(p, depth);
		if (is_id(p, t, "break") || is_id(p, t, "continue"))
			return jump_statement(p);
		if (is_id(p, t, "const") || is_id(p, t, "var") ||
		    (is_id(p, t, "let") && (u->type == MIG_JS_IDENT || is_p(u, "{") || is_p(u, "["))))
			return mig__js_parse_decl(p, false);
		if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, u, "function") && !u->nl_before))
			return function_statement(p);
		if (is_id(p, t, "import") || is_id(p, t, "export"))
			return mig__js_unexpected(p, t, "a statement");
		if (is_id(p, t, "else"))
			return mig__js_unexpected(p, t, "a statement");
		if ((rc = mig__js_refuse_statement_keyword(p, t)) != 0)
			return rc;
	}
	return mig__js_expression_statement(p, depth);
}
