/* Steps: statements joined as node-pg-migrate joins them, with their bounds. */
#include "util/sql.h"

#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

static int grow(mig_steps *steps)
{
	if (steps->n < steps->cap)
		return 0;
	size_t cap = steps->cap ? steps->cap * 2 : 8;
	mig_step *v = mig__reallocarray(steps->v, cap, sizeof(*v));
	if (!v)
		return mig_error_oom();
	steps->v = v;
	steps->cap = cap;
	return 0;
}

static void step_free(mig_step *s)
{
	mig__free(s->text);
	mig__free(s->start);
	mig__free(s->len);
	memset(s, 0, sizeof(*s));
}

/* A step from text and bounds; takes text. */
static int push(mig_steps *steps, char *text, const size_t *start, const size_t *len, size_t n, bool user,
		bool undivided)
{
	mig_step s = {.text = text, .n = n, .user = user, .undivided = undivided};
	if (!text)
		return mig_error_oom();
	if (n) {
		s.start = mig__reallocarray(NULL, n, sizeof(*s.start));
		s.len = mig__reallocarray(NULL, n, sizeof(*s.len));
		if (!s.start || !s.len) {
			step_free(&s);
			return mig_error_oom();
		}
		memcpy(s.start, start, n * sizeof(*start));
		memcpy(s.len, len, n * sizeof(*len));
	}
	if (grow(steps)) {
		step_free(&s);
		return MIG_ENOMEM;
	}
	steps->v[steps->n++] = s;
	return 0;
}

int mig_steps_push(mig_steps *steps, mig_strv *stmts)
{
	mig_str text = MIG_STR_INIT;
	size_t *start = stmts->n ? mig__reallocarray(NULL, stmts->n, sizeof(*start)) : NULL;
	size_t *len = stmts->n ? mig__reallocarray(NULL, stmts->n, sizeof(*len)) : NULL;
	int rc = 0;
	if (stmts->n && (!start || !len)) {
		rc = mig_error_oom();
		goto out;
	}
	for (size_t i = 0; i < stmts->n; i++) {
		if (i)
			mig_str_putc(&text, '\n');
		start[i] = text.len;
		len[i] = strlen(stmts->v[i]);
		mig_str_puts(&text, stmts->v[i]);
	}
	rc = push(steps, mig_str_detach(&text), start, len, stmts->n, false, false);
out:
	mig_str_free(&text);
	mig__free(start);
	mig__free(len);
	mig_strv_free(stmts);
	return rc;
}

int mig_steps_push1(mig_steps *steps, char *text)
{
	if (!text)
		return mig_error_oom();
	size_t start = 0, len = strlen(text);
	return push(steps, text, &start, &len, len ? 1 : 0, false, false);
}

int mig_steps_push_user(mig_steps *steps, char *text, const size_t *start, const size_t *len, size_t n)
{
	if (!text)
		return mig_error_oom();
	if (n)
		return push(steps, text, start, len, n, true, false);
	size_t s0 = 0, l0 = strlen(text);
	return push(steps, text, &s0, &l0, 1, true, true);
}

int mig_steps_append(mig_steps *to, mig_steps *from)
{
	for (size_t i = 0; i < from->n; i++) {
		if (grow(to)) {
			for (size_t k = i; k < from->n; k++)
				step_free(&from->v[k]);
			from->n = 0;
			mig_steps_free(from);
			return MIG_ENOMEM;
		}
		to->v[to->n++] = from->v[i];
	}
	mig__free(from->v);
	memset(from, 0, sizeof(*from));
	return 0;
}

void mig_steps_reverse_from(mig_steps *steps, size_t first)
{
	for (size_t a = first, b = steps->n; a + 1 < b; a++, b--) {
		mig_step t = steps->v[a];
		steps->v[a] = steps->v[b - 1];
		steps->v[b - 1] = t;
	}
}

void mig_steps_free(mig_steps *steps)
{
	for (size_t i = 0; i < steps->n; i++)
		step_free(&steps->v[i]);
	mig__free(steps->v);
	memset(steps, 0, sizeof(*steps));
}

char *mig_step_stmt(const mig_step *step, size_t i)
{
	if (i >= step->n)
		return NULL;
	return mig_strndup(step->text + step->start[i], step->len[i]);
}

const char *mig_sql_first_word(const char *sql, size_t len, size_t *wlen)
{
	size_t i = 0;
	for (;;) {
		while (i < len && (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' || sql[i] == '\r' || sql[i] == '('))
			i++;
		if (i + 1 < len && sql[i] == '-' && sql[i + 1] == '-') {
			while (i < len && sql[i] != '\n')
				i++;
		} else if (i + 1 < len && sql[i] == '/' && sql[i + 1] == '*') {
			size_t k = i + 2;
			while (k + 1 < len && !(sql[k] == '*' && sql[k + 1] == '/'))
				k++;
			i = k + 1 < len ? k + 2 : len;
		} else {
			break;
		}
	}
	size_t w = i;
	while (w < len && ((sql[w] >= 'a' && sql[w] <= 'z') || (sql[w] >= 'A' && sql[w] <= 'Z')))
		w++;
	*wlen = w - i;
	return sql + i;
}

bool mig_sql_starts_with_any(const char *sql, size_t len, const char *const *words)
{
	size_t n;
	const char *w = mig_sql_first_word(sql, len, &n);
	for (size_t k = 0; words[k]; k++) {
		size_t m = strlen(words[k]);
		size_t c = 0;
		while (c < m && c < n && (w[c] | 0x20) == words[k][c])
			c++;
		if (c == m && m == n)
			return true;
	}
	return false;
}
