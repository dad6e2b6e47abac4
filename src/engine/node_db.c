/*
 * pgm.db.query(sql, params) / pgm.db.select(...) of a file the Node.js
 * engine evaluates at its turn in the run: the query runs on the run's
 * own connection, inside the run's transaction, and its rows go back to
 * the file.
 *
 * Parameters: the drivers run text, so each $1, $2, ... placeholder
 * outside quotes and comments is replaced by its value written as the
 * dialect's string literal (quote_literal, exact under the quoting the
 * session pins), or as a number, TRUE/FALSE or NULL -- never pasted
 * as is. Values come back as the driver returns them: text (or null),
 * not pg's typed values.
 */
#include "engine/node_db.h"

#include "engine/conn.h"
#include "load/node/node.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

static void json_str(mig_str *out, const char *s)
{
	static const char hexd[] = "0123456789abcdef";
	mig_str_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			mig_str_putc(out, '\\');
			mig_str_putc(out, (char)c);
		} else if (c < 0x20) {
			char b[6] = {'\\', 'u', '0', '0', hexd[c >> 4], hexd[c & 15]};
			mig_str_put(out, b, 6);
		} else {
			mig_str_putc(out, (char)c);
		}
	}
	mig_str_putc(out, '"');
}

/* The reply that makes the query throw in the file: prefix + why. */
static void refuse(mig_str *reply, const char *prefix, const char *why)
{
	mig_str_puts(reply, "{\"ok\":false,\"error\":");
	mig_str msg = MIG_STR_INIT;
	mig_str_puts(&msg, prefix);
	mig_str_puts(&msg, why);
	json_str(reply, mig_str_failed(&msg) ? "refused" : mig_str_cstr(&msg));
	mig_str_free(&msg);
	mig_str_putc(reply, '}');
}

/* One parameter as SQL; NULL (nothing written) when it has no SQL form. */
static const char *param_sql(const mig_dialect *dia, mig_str *out, const mig_value *v)
{
	switch (v ? v->type : MIG_V_UNDEFINED) {
	case MIG_V_UNDEFINED:
	case MIG_V_NULL:
		mig_str_puts(out, "NULL");
		return NULL;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? "TRUE" : "FALSE");
		return NULL;
	case MIG_V_NUMBER:
		if (!isfinite(v->num))
			return "a parameter that is not a finite number";
		mig_number_to_js(out, v->num);
		return NULL;
	case MIG_V_STRING:
		if (memchr(v->str, '\0', v->len))
			return "a parameter with a NUL character";
		dia->quote_literal(out, v->str);
		return NULL;
	default:
		return "a parameter that is an array, an object or pgm.func() (only strings, numbers, booleans and null)";
	}
}

/*
 * sql with each $N outside quotes and comments replaced by params[N-1].
 * Where a placeholder is must never be misjudged (a value substituted
 * inside a literal would end up outside it), so only the grammar the
 * three engines share is read: '...' "..." `...` with doubled quotes,
 * -- and C comments. A text with a backslash, a `#` or any other `$`
 * (E'' and MySQL escapes, MySQL comments, dollar quotes) is refused
 * when it has parameters.
 */
static const char *substitute(const mig_dialect *dia, const char *sql, const mig_value *params, mig_str *out)
{
	if (params->n == 0) {
		mig_str_puts(out, sql);
		return NULL;
	}
	if (strchr(sql, '\\'))
		return "a query with parameters cannot contain a backslash (write the value as a parameter)";
	if (strchr(sql, '#'))
		return "a query with parameters cannot contain a `#` (a MySQL comment)";
	const char *p = sql;
	while (*p) {
		char c = *p;
		if (c == '\'' || c == '"' || c == '`') {
			const char *q = p + 1;
			while (*q && !(*q == c && q[1] != c))
				q += *q == c ? 2 : 1;
			if (*q)
				q++;
			mig_str_put(out, p, (size_t)(q - p));
			p = q;
		} else if (c == '-' && p[1] == '-') {
			const char *q = strchr(p, '\n');
			q = q ? q : p + strlen(p);
			mig_str_put(out, p, (size_t)(q - p));
			p = q;
		} else if (c == '/' && p[1] == '*') {
			const char *q = strstr(p + 2, "*/");
			q = q ? q + 2 : p + strlen(p);
			mig_str_put(out, p, (size_t)(q - p));
			p = q;
		} else if (c == '$') {
			if (!(p[1] >= '0' && p[1] <= '9'))
				return "a query with parameters cannot contain a `$` other than its $1, $2, ... placeholders";
			size_t n = 0;
			const char *q = p + 1;
			while (*q >= '0' && *q <= '9' && n < 100000)
				n = n * 10 + (size_t)(*q++ - '0');
			if (n == 0 || n > params->n)
				return "a $N placeholder without a parameter";
			const char *why = param_sql(dia, out, params->items[n - 1]);
			if (why)
				return why;
			p = q;
		} else {
			mig_str_putc(out, c);
			p++;
		}
	}
	return NULL;
}

static void put_rows(mig_str *reply, const mig_rows *rows)
{
	mig_str_puts(reply, "{\"ok\":true,\"rows\":[");
	for (size_t r = 0; rows && r < rows->nrows; r++) {
		mig_str_puts(reply, r ? ",{" : "{");
		for (size_t c = 0; c < rows->ncols; c++) {
			if (c)
				mig_str_putc(reply, ',');
			const char *name = mig_rows_name(rows, c);
			json_str(reply, name ? name : "?column?");
			mig_str_putc(reply, ':');
			const char *cell = mig_rows_get(rows, r, c);
			if (cell)
				json_str(reply, cell);
			else
				mig_str_puts(reply, "null");
		}
		mig_str_putc(reply, '}');
	}
	mig_str_printf(reply, "],\"rowCount\":%zu,\"fields\":[", rows ? rows->nrows : 0);
	for (size_t c = 0; rows && c < rows->ncols; c++) {
		if (c)
			mig_str_putc(reply, ',');
		const char *name = mig_rows_name(rows, c);
		json_str(reply, name ? name : "?column?");
	}
	mig_str_puts(reply, "]}");
}

static int query(void *ud, const char *sql, const mig_value *params, mig_str *reply)
{
	mig__node_db_ctx *x = ud;
	if (!x->dia->quote_literal && params->n) {
		refuse(reply, "pgm.db.query(): query parameters are not supported on ", x->dia->display);
		return 0;
	}
	mig_str text = MIG_STR_INIT;
	const char *why = substitute(x->dia, sql, params, &text);
	if (mig_str_failed(&text)) {
		mig_str_free(&text);
		return mig_error_oom();
	}
	if (why) {
		refuse(reply, "pgm.db.query(): ", why);
		mig_str_free(&text);
		return 0;
	}
	if (x->on_query)
		x->on_query(x->ud, mig_str_cstr(&text));
	mig_rows *rows = NULL;
	int rc = mig__conn_query(x->conn, mig_str_cstr(&text), &rows);
	mig_str_free(&text);
	if (rc == MIG_ECONNLOST || rc == MIG_ENOMEM) {
		mig_rows_free(rows);
		return rc;
	}
	if (rc) {
		/* the file sees the failure as pg's error, and may catch it */
		const mig_error *e = mig_error_last();
		refuse(reply, "", e && e->message ? e->message : "the query failed");
		mig_error_clear();
		return 0;
	}
	put_rows(reply, rows);
	mig_rows_free(rows);
	return mig_str_failed(reply) ? mig_error_oom() : 0;
}

mig_node_db mig__node_db(mig__node_db_ctx *x)
{
	return (mig_node_db){.query = query, .ud = x};
}
