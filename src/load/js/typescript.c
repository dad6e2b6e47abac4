/*
 * TypeScript types are skipped, never checked: they emit no code, so they
 * cannot change what up and down do. Skipping still has to find where a
 * type ends (generics, function and conditional types ...), which is why
 * this is more than a few lines. The names of `type` and `interface`
 * declarations are kept, only to check `export { Name }`.
 */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>

/* ---- TypeScript types (skipped) ----------------------------------------- */

/* Jump past a bracketed group or a whole template literal. */
int mig__js_skip_group(parser *p)
{
	const tok *t = tk_cur(p);
	if (t->type == MIG_JS_TEMPLATE_HEAD) {
		while (tk_cur(p)->type == MIG_JS_TEMPLATE_HEAD || tk_cur(p)->type == MIG_JS_TEMPLATE_MIDDLE) {
			if (tk_cur(p)->match == MIG_JS_NO_MATCH)
				return mig__js_unclosed(p, t);
			p->i = tk_cur(p)->match;
		}
		adv(p);
		return 0;
	}
	if (t->match == MIG_JS_NO_MATCH)
		return mig__js_unclosed(p, t);
	p->i = t->match;
	adv(p);
	return 0;
}

bool mig__js_is_opener(const tok *t)
{
	return is_p(t, "(") || is_p(t, "[") || is_p(t, "{") || t->type == MIG_JS_TEMPLATE_HEAD;
}

/* <...> of generics: skipped by counting angle brackets. */
static int skip_angle(parser *p)
{
	const tok *open = tk_cur(p);
	long level = 0;
	for (;;) {
		const tok *t = tk_cur(p);
		if (is_end(t))
			return mig__js_unclosed(p, open);
		if (is_p(t, "<") || is_p(t, "<<")) {
			level += is_p(t, "<") ? 1 : 2;
			adv(p);
		} else if (is_p(t, ">")) {
			adv(p);
			if (--level <= 0)
				return 0;
		} else if (is_p(t, ";") || is_p(t, ")") || is_p(t, "]") || is_p(t, "}")) {
			return mig__js_unexpected(p, t, "`>`");
		} else if (mig__js_is_opener(t)) {
			int rc = mig__js_skip_group(p);
			if (rc)
				return rc;
		} else {
			adv(p);
		}
	}
}

static int skip_type_operand(parser *p, int depth)
{
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	int rc = 0;
	/* type operators */
	while ((is_id(p, tk_cur(p), "keyof") || is_id(p, tk_cur(p), "unique") ||
		is_id(p, tk_cur(p), "readonly") || is_id(p, tk_cur(p), "infer")) &&
	       (tk_peek(p, 1)->type == MIG_JS_IDENT || mig__js_is_opener(tk_peek(p, 1))))
		adv(p);
	const tok *t = tk_cur(p);
	if (is_p(t, "(")) {
		if (t->match == MIG_JS_NO_MATCH)
			return mig__js_unclosed(p, t);
		if (is_p(tk_at(p, t->match + 1), "=>")) { /* function type */
			p->i = t->match + 1;
			adv(p);
			return mig__js_skip_type(p, depth + 1);
		}
		adv(p);
		if ((rc = mig__js_skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = mig__js_expect(p, ")", "`)`")) != 0)
			return rc;
	} else if (is_p(t, "<") || is_id(p, t, "new")) { /* generic function / constructor type */
		if (is_id(p, t, "new"))
			adv(p);
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		if (!is_p(tk_cur(p), "("))
			return mig__js_unexpected(p, tk_cur(p), "`(`");
		if ((rc = mig__js_skip_group(p)) != 0)
			return rc;
		if ((rc = mig__js_expect(p, "=>", "`=>`")) != 0)
			return rc;
		return mig__js_skip_type(p, depth + 1);
	} else if (is_p(t, "[") || is_p(t, "{") || t->type == MIG_JS_TEMPLATE_HEAD) {
		if ((rc = mig__js_skip_group(p)) != 0)
			return rc;
	} else if (t->type == MIG_JS_STRING || t->type == MIG_JS_NUMBER || t->type == MIG_JS_TEMPLATE) {
		adv(p);
	} else if (is_p(t, "-") && tk_peek(p, 1)->type == MIG_JS_NUMBER) {
		adv(p);
		adv(p);
	} else if (t->type == MIG_JS_IDENT) {
		/* assertion signatures: `asserts x` / `asserts x is T` */
		if (is_id(p, t, "asserts") && tk_peek(p, 1)->type == MIG_JS_IDENT && !tk_peek(p, 1)->nl_before)
			adv(p);
		bool typeof_ = is_id(p, tk_cur(p), "typeof");
		if (typeof_)
			adv(p);
		if (is_id(p, tk_cur(p), "import") && is_p(tk_peek(p, 1), "(")) {
			adv(p);
			if ((rc = mig__js_skip_group(p)) != 0)
				return rc;
		} else if (tk_cur(p)->type == MIG_JS_IDENT) {
			adv(p);
		} else {
			return mig__js_unexpected(p, tk_cur(p), "a type");
		}
		while (is_p(tk_cur(p), ".") && tk_peek(p, 1)->type == MIG_JS_IDENT) {
			adv(p);
			adv(p);
		}
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		/* type predicate: `x is T` */
		if (is_id(p, tk_cur(p), "is") && !tk_cur(p)->nl_before) {
			adv(p);
			return mig__js_skip_type(p, depth + 1);
		}
	} else {
		return mig__js_unexpected(p, t, "a type");
	}
	/* T[] and T[K] */
	while (is_p(tk_cur(p), "[") && !tk_cur(p)->nl_before) {
		if (is_p(tk_peek(p, 1), "]")) {
			adv(p);
			adv(p);
			continue;
		}
		adv(p);
		if ((rc = mig__js_skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = mig__js_expect(p, "]", "`]`")) != 0)
			return rc;
	}
	return 0;
}

int mig__js_skip_type(parser *p, int depth)
{
	if (depth > MAX_DEPTH)
		return mig__js_too_deep(p, tk_cur(p));
	if (is_p(tk_cur(p), "|") || is_p(tk_cur(p), "&"))
		adv(p);
	int rc = skip_type_operand(p, depth + 1);
	while (rc == 0 && (is_p(tk_cur(p), "|") || is_p(tk_cur(p), "&"))) {
		adv(p);
		rc = skip_type_operand(p, depth + 1);
	}
	if (rc == 0 && is_id(p, tk_cur(p), "extends") && !tk_cur(p)->nl_before) {
		/* conditional type A extends B ? C : D */
		adv(p);
		if ((rc = skip_type_operand(p, depth + 1)) != 0)
			return rc;
		if ((rc = mig__js_expect(p, "?", "`?`")) != 0)
			return rc;
		if ((rc = mig__js_skip_type(p, depth + 1)) != 0)
			return rc;
		if ((rc = mig__js_expect(p, ":", "`:`")) != 0)
			return rc;
		rc = mig__js_skip_type(p, depth + 1);
	}
	return rc;
}

static int add_type_name(parser *p, size_t name)
{
	if (p->ntypes == p->captypes) {
		size_t cap = p->captypes ? p->captypes * 2 : 8;
		size_t *v = mig__realloc(p->types, cap * sizeof(*v));
		if (!v)
			return mig_error_oom();
		p->types = v;
		p->captypes = cap;
	}
	p->types[p->ntypes++] = name;
	return 0;
}

/* `type X<T> = ...;` */
int mig__js_skip_type_alias(parser *p)
{
	adv(p); /* type */
	if (add_type_name(p, p->i))
		return MIG_ENOMEM;
	adv(p); /* name */
	int rc = 0;
	if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
		return rc;
	if ((rc = mig__js_expect(p, "=", "`=`")) != 0)
		return rc;
	if ((rc = mig__js_skip_type(p, 0)) != 0)
		return rc;
	return mig__js_semi(p);
}

/* `interface X<T> extends Y, Z { ... }` */
int mig__js_skip_interface(parser *p)
{
	adv(p); /* interface */
	if (add_type_name(p, p->i))
		return MIG_ENOMEM;
	adv(p); /* name */
	int rc = 0;
	if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
		return rc;
	if (is_id(p, tk_cur(p), "extends")) {
		do {
			adv(p);
			if ((rc = skip_type_operand(p, 0)) != 0)
				return rc;
		} while (is_p(tk_cur(p), ","));
	}
	if (!is_p(tk_cur(p), "{"))
		return mig__js_unexpected(p, tk_cur(p), "`{`");
	return mig__js_skip_group(p);
}

/* `declare ...`: TypeScript ambient declarations emit no code. */
int mig__js_skip_declare(parser *p)
{
	adv(p); /* declare */
	const tok *t = tk_cur(p);
	int rc = 0;
	if (is_id(p, t, "const") || is_id(p, t, "let") || is_id(p, t, "var")) {
		do {
			adv(p);
			if (tk_cur(p)->type != MIG_JS_IDENT)
				return mig__js_unexpected(p, tk_cur(p), "a name");
			adv(p);
			if (is_p(tk_cur(p), ":")) {
				adv(p);
				if ((rc = mig__js_skip_type(p, 0)) != 0)
					return rc;
			}
		} while (is_p(tk_cur(p), ","));
		return mig__js_semi(p);
	}
	if (is_id(p, t, "function") || (is_id(p, t, "async") && is_id(p, tk_peek(p, 1), "function"))) {
		if (is_id(p, t, "async"))
			adv(p);
		adv(p);
		if (tk_cur(p)->type != MIG_JS_IDENT)
			return mig__js_unexpected(p, tk_cur(p), "a function name");
		adv(p);
		if (is_p(tk_cur(p), "<") && (rc = skip_angle(p)) != 0)
			return rc;
		if (!is_p(tk_cur(p), "("))
			return mig__js_unexpected(p, tk_cur(p), "`(`");
		if ((rc = mig__js_skip_group(p)) != 0)
			return rc;
		if (is_p(tk_cur(p), ":")) {
			adv(p);
			if ((rc = mig__js_skip_type(p, 0)) != 0)
				return rc;
		}
		return mig__js_semi(p);
	}
	if (is_id(p, t, "type") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return mig__js_skip_type_alias(p);
	if (is_id(p, t, "interface") && tk_peek(p, 1)->type == MIG_JS_IDENT)
		return mig__js_skip_interface(p);
	/* module 'x' {} / namespace N {} / global {} / class C ... {} / enum E {} */
	if (is_id(p, t, "module") || is_id(p, t, "namespace") || is_id(p, t, "global") ||
	    is_id(p, t, "class") || is_id(p, t, "abstract") || is_id(p, t, "enum") ||
	    (is_id(p, t, "const") && is_id(p, tk_peek(p, 1), "enum"))) {
		while (!is_p(tk_cur(p), "{")) {
			const tok *u = tk_cur(p);
			if (is_end(u) || is_p(u, ";") || is_p(u, "}") || is_p(u, "=") || mig__js_is_opener(u))
				return mig__js_unexpected(p, u, "`{`");
			adv(p);
		}
		return mig__js_skip_group(p);
	}
	return mig__js_unexpected(p, t, "a declaration after `declare`");
}
