/* Renderers shared by the PostgreSQL emitters (see pg_emit.h). */
#include "dialects/postgres/pg_emit.h"

#include "dialects/common/values.h"

#include "dialects/common/quote.h"
#include "util/error.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* ---- output -------------------------------------------------------------- */

void mig__pg_adopt(pg *p, int rc)
{
	if (rc && !p->rc)
		p->rc = rc;
}

void mig__pg_add(pg *p, mig_strv *list, mig_str *s)
{
	if (p->rc) {
		mig_str_free(s);
		return;
	}
	mig__pg_adopt(p, mig_strv_push(list, mig_str_detach(s)));
}

void mig__pg_stmt(pg *p, mig_str *s)
{
	mig__pg_add(p, &p->cur, s);
}

void mig__pg_end_step(pg *p)
{
	if (p->rc) {
		mig_strv_free(&p->cur);
		return;
	}
	mig__pg_adopt(p, mig_steps_push(p->steps, &p->cur));
}

void mig__pg_step(pg *p, mig_str *s)
{
	mig__pg_stmt(p, s);
	mig__pg_end_step(p);
}

/* ---- rendering ------------------------------------------------------------ */

void mig__pg_ident(mig_str *out, const char *ident)
{
	mig_quote_ansi_ident(out, ident);
}

void mig__pg_name(mig_str *out, const mig_qname *n)
{
	if (n->raw) {
		mig_str_puts(out, n->name);
		return;
	}
	if (n->schema) {
		mig_quote_ansi_ident(out, n->schema);
		mig_str_putc(out, '.');
	}
	mig_quote_ansi_ident(out, n->name);
}

void mig__pg_names(mig_str *out, const mig_qnames *names, const char *sep)
{
	for (size_t i = 0; i < names->n; i++) {
		if (i)
			mig_str_puts(out, sep);
		mig__pg_name(out, &names->v[i]);
	}
}

/* Whether tag would end the quoted text early: it occurs in the text, or
 * starts in the text and runs on into the closing tag (text "x$pga" with
 * $pga$: "x$pga$pga$" closes after "x", and PostgreSQL then reads the
 * rest as an alias). node-pg-migrate only checks the
 * first, and writes a syntax error for such texts. */
static bool closes_early(const char *s, size_t n, const char *tag, size_t tn)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < tn) {
			char c = i + k < n ? s[i + k] : tag[i + k - n];
			if (c != tag[k])
				break;
			k++;
		}
		if (k == tn)
			return true;
	}
	return false;
}

/* Dollar quoting with the first tag of $pga$, ..., $pgz$, $pgaa$, ...
 * (node-pg-migrate's stringIdGenerator) that cannot close the text early. */
static void dollar_quote(mig_str *out, const char *s, size_t n)
{
	char id[32] = "a";
	size_t idn = 1;
	char tag[48];
	size_t tn;
	for (;;) {
		tn = (size_t)snprintf(tag, sizeof(tag), "$pg%s$", id);
		if (!closes_early(s, n, tag, tn))
			break;
		/* next id: increment like a bijective base-26 counter */
		size_t i = idn;
		for (;;) {
			i--;
			if (id[i] < 'z') {
				id[i]++;
				break;
			}
			id[i] = 'a';
			if (i == 0) {
				if (idn + 1 >= sizeof(id))
					return; /* unreachable for any real text */
				memmove(id + 1, id, idn + 1);
				id[0] = 'a';
				idn++;
				break;
			}
		}
	}
	mig_str_put(out, tag, tn);
	mig_str_put(out, s, n);
	mig_str_put(out, tag, tn);
}

static const mig_value_style pg_style = {
	.true_word = "true",
	.false_word = "false",
	.string = dollar_quote,
	.arrays = true,
	.object_literals = true, /* isPgLiteral() */
};

void mig__pg_value(mig_str *out, const mig_value *v)
{
	(void)mig_escape_value(out, v, &pg_style); /* PostgreSQL has arrays: never refused */
}

void mig__pg_type(mig_str *out, const mig_type_ref *t)
{
	if (t->kind == MIG_TYPE_NAME)
		mig__pg_name(out, &t->name);
	else
		mig_str_puts(out, t->text);
}

void mig__pg_texts(mig_str *out, const mig_texts *t, const char *sep)
{
	for (size_t i = 0; i < t->n; i++) {
		if (i)
			mig_str_puts(out, sep);
		mig_str_puts(out, t->v[i]);
	}
}

void mig__pg_joined(mig_str *out, const mig_strv *list, const char *sep)
{
	for (size_t i = 0; i < list->n; i++) {
		if (i)
			mig_str_puts(out, sep);
		mig_str_puts(out, list->v[i]);
	}
}

/* Where a quoted part of a column line starting at s[k] ends (just past
 * it), or 0 when s[k] starts none: '...' (E'...' with backslashes),
 * "...", $tag$...$tag$. Unterminated: the end of the line. */
static size_t quoted_end(const unsigned char *s, size_t k)
{
	size_t n = strlen((const char *)s);
	if (s[k] == '\'' || s[k] == '"') {
		unsigned char q = s[k];
		/* E'...', not the end of a word such as DATE'...' */
		bool backslashes = q == '\'' && k > 0 && (s[k - 1] == 'E' || s[k - 1] == 'e') &&
				   (k == 1 || !(isalnum(s[k - 2]) || s[k - 2] == '_'));
		for (size_t i = k + 1; i < n; i++) {
			if (backslashes && s[i] == '\\' && i + 1 < n)
				i++;
			else if (s[i] == q && s[i + 1] == q)
				i++;
			else if (s[i] == q)
				return i + 1;
		}
		return n;
	}
	if (s[k] == '$' && (k == 0 || !(isalnum(s[k - 1]) || s[k - 1] == '_'))) {
		size_t t = k + 1;
		if (isalpha(s[t]) || s[t] == '_' || s[t] >= 0x80)
			while (isalnum(s[t]) || s[t] == '_' || s[t] >= 0x80)
				t++;
		if (s[t] != '$')
			return 0;
		size_t taglen = t - k + 1;
		for (const char *c = (const char *)s + t + 1; (c = strchr(c, '$')) != NULL; c++)
			if (strncmp(c, (const char *)s + k, taglen) == 0)
				return (size_t)(c - (const char *)s) + taglen;
		return n;
	}
	return 0;
}

/*
 * formatLines(): items joined with sep and a newline, each indented by
 * prefix. node-pg-migrate also turns every run of line breaks into one
 * space, and indents after U+2028/U+2029 (its /^/m); it does so inside
 * string literals too, which changes the data ('line1\nline2' is stored
 * as 'line1 line2'). Here quoted parts (literals, quoted names, dollar
 * quotes) are copied as they are; only the SQL between them is folded,
 * as node-pg-migrate folds it, and a line break that ends a -- comment
 * is kept, or the comment would swallow the rest of the line.
 */
void mig__pg_format_lines(mig_str *out, const mig_strv *lines, const char *prefix, const char *sep)
{
	mig_str_puts(out, prefix);
	for (size_t i = 0; i < lines->n; i++) {
		if (i) {
			mig_str_puts(out, sep);
			mig_str_putc(out, '\n');
			mig_str_puts(out, prefix);
		}
		const unsigned char *s = (const unsigned char *)lines->v[i];
		bool comment = false;
		for (size_t k = 0; s[k];) {
			size_t q = comment ? 0 : quoted_end(s, k);
			if (q) {
				mig_str_put(out, (const char *)s + k, q - k);
				k = q;
				continue;
			}
			if (!comment && s[k] == '-' && s[k + 1] == '-')
				comment = true;
			if (s[k] == '\r' || s[k] == '\n') {
				while (s[k] == '\r' || s[k] == '\n')
					k++;
				mig_str_putc(out, comment ? '\n' : ' ');
				comment = false;
				continue;
			}
			mig_str_putc(out, (char)s[k]);
			/* U+2028 / U+2029 are line terminators for /^/m too */
			if (s[k] == 0xA8 || s[k] == 0xA9) {
				if (k >= 2 && s[k - 2] == 0xE2 && s[k - 1] == 0x80)
					mig_str_puts(out, prefix);
			}
			k++;
		}
	}
}

void mig__pg_comment(pg *p, mig_strv *list, const char *object, const char *name_sql, const mig_value *text)
{
	mig_str s = MIG_STR_INIT;
	mig_str_printf(&s, "COMMENT ON %s %s IS ", object, name_sql);
	if (mig_value_is_undefined(text))
		mig_str_puts(&s, "NULL"); /* the parameter's default, null */
	else
		mig__pg_value(&s, text);
	mig_str_putc(&s, ';');
	mig__pg_add(p, list, &s);
}

void mig__pg_sequence_clauses(pg *p, mig_strv *out, const mig_sequence_opts *o)
{
	mig_str s = MIG_STR_INIT;
	if (o->type) {
		mig_str_puts(&s, "AS ");
		mig__pg_type(&s, o->type);
		mig__pg_add(p, out, &s);
	}
	if (o->increment) {
		mig_str_printf(&s, "INCREMENT BY %s", o->increment);
		mig__pg_add(p, out, &s);
	}
	if (o->minvalue == MIG_SET) {
		mig_str_printf(&s, "MINVALUE %s", o->minvalue_text);
		mig__pg_add(p, out, &s);
	} else if (o->minvalue == MIG_UNSET) {
		mig_str_puts(&s, "NO MINVALUE");
		mig__pg_add(p, out, &s);
	}
	if (o->maxvalue == MIG_SET) {
		mig_str_printf(&s, "MAXVALUE %s", o->maxvalue_text);
		mig__pg_add(p, out, &s);
	} else if (o->maxvalue == MIG_UNSET) {
		mig_str_puts(&s, "NO MAXVALUE");
		mig__pg_add(p, out, &s);
	}
	if (o->start) {
		mig_str_printf(&s, "START WITH %s", o->start);
		mig__pg_add(p, out, &s);
	}
	if (o->cache) {
		mig_str_printf(&s, "CACHE %s", o->cache);
		mig__pg_add(p, out, &s);
	}
	if (o->cycle != MIG_ABSENT) {
		mig_str_puts(&s, o->cycle == MIG_SET ? "CYCLE" : "NO CYCLE");
		mig__pg_add(p, out, &s);
	}
	if (o->owner == MIG_SET) {
		mig_str_printf(&s, "OWNED BY %s", o->owner_text);
		mig__pg_add(p, out, &s);
	} else if (o->owner == MIG_UNSET) {
		mig_str_puts(&s, "OWNED BY NONE");
		mig__pg_add(p, out, &s);
	}
}

void mig__pg_identity(pg *p, mig_str *out, const char *lead, const mig_identity_def *id)
{
	mig_strv cl = MIG_STRV_INIT;
	mig__pg_sequence_clauses(p, &cl, &id->options);
	mig_str_printf(out, "%s %s AS IDENTITY", lead, id->precedence);
	if (cl.n) {
		mig_str_puts(out, " (");
		mig__pg_joined(out, &cl, " ");
		mig_str_putc(out, ')');
	}
	mig_strv_free(&cl);
}

/* ---- generic operations ----------------------------------------------------- */

void mig__pg_drop(pg *p, const char *what, const mig_drop_def *d)
{
	for (size_t i = 0; i < d->names.n && !p->rc; i++) {
		mig_str s = MIG_STR_INIT;
		mig_str_printf(&s, "DROP %s", what);
		if (d->if_exists)
			mig_str_puts(&s, " IF EXISTS");
		mig_str_putc(&s, ' ');
		mig__pg_name(&s, &d->names.v[i]);
		if (d->cascade)
			mig_str_puts(&s, " CASCADE");
		mig_str_putc(&s, ';');
		mig__pg_step(p, &s);
	}
}

void mig__pg_rename(pg *p, const char *prefix, const mig_rename_def *r, const char *mid)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, prefix);
	mig__pg_name(&s, &r->from);
	mig_str_puts(&s, mid);
	mig__pg_name(&s, &r->to);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

void mig__pg_rename_on(pg *p, const char *prefix, const mig_qname *a, const char *mid, const mig_qname *b,
		       const char *to, const mig_qname *c)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, prefix);
	mig__pg_name(&s, a);
	mig_str_puts(&s, mid);
	mig__pg_name(&s, b);
	mig_str_puts(&s, to);
	mig__pg_name(&s, c);
	mig_str_putc(&s, ';');
	mig__pg_step(p, &s);
}

/* formatParams(): "(mode name type DEFAULT v, ...)". */
void mig__pg_params(mig_str *out, const mig_params_def *ps)
{
	mig_str_putc(out, '(');
	for (size_t i = 0; i < ps->n; i++) {
		const mig_param_def *p = &ps->v[i];
		bool sp = false;
		if (i)
			mig_str_puts(out, ", ");
		if (p->mode) {
			mig_str_puts(out, p->mode);
			sp = true;
		}
		if (p->name) {
			if (sp)
				mig_str_putc(out, ' ');
			mig__pg_name(out, p->name);
			sp = true;
		}
		if (p->type) {
			if (sp)
				mig_str_putc(out, ' ');
			mig__pg_type(out, p->type);
			sp = true;
		}
		if (p->default_value) {
			if (sp)
				mig_str_putc(out, ' ');
			mig_str_puts(out, "DEFAULT ");
			mig__pg_value(out, p->default_value);
		}
	}
	mig_str_putc(out, ')');
}
