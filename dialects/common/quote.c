#include "dialects/common/quote.h"

#include <string.h>

/* Wrap text in q, doubling every character of `dup`. */
static void quoted(mig_str *out, char q, const char *text, const char *dup)
{
	mig_str_putc(out, q);
	for (const char *p = text; *p; p++) {
		if (strchr(dup, *p))
			mig_str_putc(out, *p);
		mig_str_putc(out, *p);
	}
	mig_str_putc(out, q);
}

void mig_quote_ansi_ident(mig_str *out, const char *ident)
{
	quoted(out, '"', ident, "\"");
}

void mig_quote_ansi_literal(mig_str *out, const char *text)
{
	quoted(out, '\'', text, "'");
}

void mig_quote_pg_literal(mig_str *out, const char *text)
{
	if (!strchr(text, '\\')) {
		quoted(out, '\'', text, "'");
		return;
	}
	mig_str_putc(out, 'E');
	quoted(out, '\'', text, "'\\");
}

void mig_quote_backtick_ident(mig_str *out, const char *ident)
{
	quoted(out, '`', ident, "`");
}

void mig_quote_backslash_literal(mig_str *out, const char *text)
{
	quoted(out, '\'', text, "'\\");
}
