#include "dialects/common/sqltext.h"

#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* String#replace's replacement patterns for a pattern without groups:
 * $$ -> $, $& -> the match, $` -> text before it, $' -> text after it. */
static void replacement(mig_str *out, const char *rep, const char *text, size_t at, size_t mlen)
{
	for (const char *c = rep; *c; c++) {
		if (*c != '$' || !c[1]) {
			mig_str_putc(out, *c);
			continue;
		}
		switch (c[1]) {
		case '$':
			mig_str_putc(out, '$');
			c++;
			break;
		case '&':
			mig_str_put(out, text + at, mlen);
			c++;
			break;
		case '`':
			mig_str_put(out, text, at);
			c++;
			break;
		case '\'':
			mig_str_puts(out, text + at + mlen);
			c++;
			break;
		default:
			mig_str_putc(out, '$');
			break;
		}
	}
}

void mig_sql_substitute(mig_str *out, const mig_sql_def *def, const mig_sql_render *r)
{
	mig_str cur = MIG_STR_INIT;
	mig_str_put(&cur, def->text, def->len);
	for (size_t k = 0; k < def->nargs; k++) {
		const mig_sql_arg *arg = &def->args[k];
		mig_str rep = MIG_STR_INIT, pat = MIG_STR_INIT, next = MIG_STR_INIT;
		if (arg->kind == MIG_SQL_ARG_NAME)
			r->name(r->ud, &rep, &arg->name);
		else if (arg->kind == MIG_SQL_ARG_VALUE)
			r->value(r->ud, &rep, arg->value);
		/* a name goes through String#replace's $-patterns, as there */
		bool patterns = arg->kind == MIG_SQL_ARG_NAME;
		mig_str_printf(&pat, "{%s}", arg->key);
		const char *t = mig_str_cstr(&cur);
		size_t n = cur.len, m = pat.len;
		for (size_t i = 0; i < n;) {
			if (m && i + m <= n && memcmp(t + i, mig_str_cstr(&pat), m) == 0) {
				if (patterns)
					replacement(&next, mig_str_cstr(&rep), t, i, m);
				else
					mig_str_put(&next, mig_str_cstr(&rep), mig_str_len(&rep));
				i += m;
			} else {
				mig_str_putc(&next, t[i++]);
			}
		}
		if (mig_str_failed(&next) || mig_str_failed(&rep) || mig_str_failed(&pat) || mig_str_failed(&cur))
			next.failed = true;
		mig_str_free(&cur);
		cur = next;
		mig_str_free(&rep);
		mig_str_free(&pat);
	}
	/* statement.lastIndexOf(";") !== statement.length - 1 */
	if (cur.len && mig_str_cstr(&cur)[cur.len - 1] != ';')
		mig_str_putc(&cur, ';');
	if (mig_str_failed(&cur))
		out->failed = true;
	else
		mig_str_put(out, cur.ptr ? cur.ptr : "", cur.len);
	mig_str_free(&cur);
}

int mig_sql_user_step(const mig_sql_def *def, const mig_sql_render *r, const int *render_rc, mig_sql_splitter split,
		      mig_steps *steps)
{
	mig_str s = MIG_STR_INIT;
	mig_sql_substitute(&s, def, r);
	if ((render_rc && *render_rc) || mig_str_failed(&s)) {
		mig_str_free(&s);
		return render_rc && *render_rc ? *render_rc : mig_error_oom();
	}
	size_t *start = NULL, *len = NULL, n = 0;
	int rc = split(mig_str_cstr(&s), mig_str_len(&s), &start, &len, &n);
	if (rc == 0)
		rc = mig_steps_push_user(steps, mig_str_detach(&s), start, len, n);
	mig_str_free(&s);
	mig__free(start);
	mig__free(len);
	return rc;
}
