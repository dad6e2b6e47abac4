/*
 * The token questions of the JS/TS reader that need more than a look at
 * one token (those are the inline accessors in parser.h): reserved words,
 * and the two questions automatic semicolon insertion asks -- can this
 * token end an expression, does that one continue it. The statement
 * readers and the skipper of unread function bodies both ask them, without
 * evaluating anything.
 */
#include "load/js/parser.h"

#include <string.h>

static const char *const reserved[] = {
	"break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
	"do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
	"import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
	"true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
	"implements", "interface", "package", "private", "protected", "public", "await", NULL};

bool mig__js_is_reserved(const parser *p, const tok *t)
{
	for (size_t k = 0; reserved[k]; k++)
		if (is_id(p, t, reserved[k]))
			return true;
	return false;
}

/* Whether t can end an expression (for automatic semicolon insertion). */
bool mig__js_ends_value(const tok *t)
{
	switch (t->type) {
	case MIG_JS_IDENT:
	case MIG_JS_STRING:
	case MIG_JS_NUMBER:
	case MIG_JS_TEMPLATE:
	case MIG_JS_TEMPLATE_TAIL:
	case MIG_JS_REGEX:
	case MIG_JS_PRIVATE:
		return true;
	case MIG_JS_PUNCT:
		return is_p(t, ")") || is_p(t, "]") || is_p(t, "}") || is_p(t, "++") || is_p(t, "--");
	default:
		return false;
	}
}

/* Whether t continues the expression before it even across a line break
 * (JavaScript inserts no semicolon before these). */
bool mig__js_continues(const parser *p, const tok *t)
{
	static const char *const ops[] = {
		".", "?.", "(", "[", "+", "-", "*", "/", "%", "**", "=", "==", "===", "!=", "!==",
		"<", ">", "<=", "&&", "||", "??", "&", "|", "^", "<<", "?", ":", "=>", "+=", "-=",
		"*=", "/=", "%=", "**=", "<<=", "&=", "|=", "^=", "&&=", "||=", "?\?=", ",", NULL};
	if (is_template(t))
		return true;
	if (t->type == MIG_JS_PUNCT) {
		for (size_t k = 0; ops[k]; k++)
			if (strcmp(t->punct, ops[k]) == 0)
				return true;
		return false;
	}
	return is_id(p, t, "as") || is_id(p, t, "satisfies") || is_id(p, t, "instanceof") ||
	       is_id(p, t, "in");
}
