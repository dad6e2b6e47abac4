/*
 * The statements of user SQL.
 */
#include "dialects/sqlite/sqlite_emit.h"

/*
 * The statements of user SQL: a ';' outside quotes, comments and
 * parentheses ends one, except inside the BEGIN ... END body of a CREATE
 * TRIGGER (where CASE ... END nests). The bounds cover a statement from
 * its first token to its ';' (or its last token).
 */
int mig__sq_split(const char *sql, size_t len, size_t **start, size_t **slen, size_t *n)
{
	*start = *slen = NULL;
	*n = 0;
	char *copy = mig_strndup(sql, len); /* the lexer reads a C string */
	if (!copy)
		return MIG_ENOMEM;
	stoks t;
	int rc = mig__sq_lex(copy, &t);
	if (rc) {
		mig__free(copy);
		return rc;
	}
	size_t *st = mig__reallocarray(NULL, t.n ? t.n : 1, sizeof(*st));
	size_t *ln = mig__reallocarray(NULL, t.n ? t.n : 1, sizeof(*ln));
	if (!st || !ln) {
		rc = mig_error_oom();
		goto out;
	}
	size_t count = 0, first = 0;
	bool trigger = false, open = false;
	int depth = 0, body = 0; /* parentheses; BEGIN/CASE ... END nesting in a trigger */
	for (size_t i = 0; i < t.n; i++) {
		const stok *x = tk(&t, i);
		bool end = x->type == TK_END;
		if (!end && !open && punct(&t, i, ';'))
			continue; /* an empty statement */
		if (!end && !open) {
			open = true;
			first = i;
			trigger = kw(&t, i, "CREATE") &&
				  (kw(&t, i + 1, "TRIGGER") ||
				   ((kw(&t, i + 1, "TEMP") || kw(&t, i + 1, "TEMPORARY")) && kw(&t, i + 2, "TRIGGER")));
			depth = body = 0;
		}
		if (!end && punct(&t, i, '('))
			depth++;
		else if (!end && punct(&t, i, ')') && depth > 0)
			depth--;
		else if (!end && trigger && (kw(&t, i, "BEGIN") || kw(&t, i, "CASE")))
			body++;
		else if (!end && trigger && kw(&t, i, "END") && body > 0)
			body--;
		bool semi = !end && punct(&t, i, ';') && depth == 0 && body == 0;
		if (open && (semi || end)) {
			const stok *a = tk(&t, first);
			const stok *b = end ? tk(&t, i - 1) : x;
			if (!(end && i == first)) {
				st[count] = a->off;
				ln[count] = b->off + b->len - a->off;
				count++;
			}
			open = false;
		}
		if (end)
			break;
	}
	*start = st;
	*slen = ln;
	*n = count;
	st = ln = NULL;
out:
	mig__free(st);
	mig__free(ln);
	mig__sq_toks_free(&t);
	mig__free(copy);
	return rc;
}
