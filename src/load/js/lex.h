/*
 * The tokenizer of the JS/TS migration loader (src/load/js/).
 *
 * It turns the whole file into a token array up front so the parser can
 * look ahead freely (arrow functions, skipping bodies that run later) and
 * jump over bracketed groups through precomputed matches. It never fails on
 * bad input: a lexical error becomes a final MIG_JS_ERROR token carrying the
 * message and position, so the parser reports it only when it gets there
 * (an earlier unsupported construct is reported first, as a reader expects).
 */
#ifndef MIG_JS_LEX_H
#define MIG_JS_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum mig_js_tok_type {
	MIG_JS_EOF,
	MIG_JS_ERROR,       /* lexical error: str holds the message */
	MIG_JS_IDENT,       /* identifiers and keywords alike */
	MIG_JS_STRING,      /* '…' or "…": str holds the cooked UTF-8 value */
	MIG_JS_NUMBER,      /* num holds the value (see `bad`) */
	MIG_JS_TEMPLATE,    /* `…` without substitutions: str is the cooked text */
	MIG_JS_TEMPLATE_HEAD,   /* `…${ */
	MIG_JS_TEMPLATE_MIDDLE, /* }…${ */
	MIG_JS_TEMPLATE_TAIL,   /* }…` */
	MIG_JS_PUNCT,       /* operator or bracket: punct holds its text */
	MIG_JS_REGEX,       /* /…/flags (only ever refused) */
	MIG_JS_PRIVATE      /* #name (only ever refused) */
};

typedef struct mig_js_tok {
	enum mig_js_tok_type type;
	size_t off, len;  /* source span in bytes */
	int line, col;    /* 1-based; col counts code points (for ERROR: where it went wrong) */
	bool nl_before;   /* a line terminator precedes the token (ASI) */
	char *str;        /* STRING, TEMPLATE*: cooked value; ERROR: message (owned) */
	size_t slen;
	double num;
	/* NUMBER: valid JavaScript that we still refuse (a BigInt, a legacy
	 * octal literal); a static description, NULL when fine. */
	const char *bad;
	/* Opening brackets ( [ { and TEMPLATE_HEAD / TEMPLATE_MIDDLE: index of
	 * the token that closes them; (size_t)-1 when unmatched. */
	size_t match;
	char punct[5];
} mig_js_tok;

typedef struct mig_js_toks {
	mig_js_tok *v;
	size_t n, cap;
} mig_js_toks;

#define MIG_JS_NO_MATCH ((size_t)-1)

/*
 * Tokenize text[0..len). Always ends with one MIG_JS_EOF or MIG_JS_ERROR
 * token. Returns 0, or MIG_ENOMEM (error set) when out of memory; out is
 * then freed. Any bytes are accepted (invalid UTF-8 and NUL become an
 * error token).
 */
int mig_js_lex(const char *text, size_t len, mig_js_toks *out);
void mig_js_toks_free(mig_js_toks *t);

#endif
