/*
 * libFuzzer harness for the .sql migration loader, mig_load_sql_text()
 * (src/load/sql.c: node-pg-migrate's "-- Up Migration" / "-- Down
 * Migration" markers; src/load/sql_formats.c: dbmate's and goose's), on
 * arbitrary bytes (no UTF-8 or NUL pre-check, as in fuzz_load_js.c), and
 * for what the runner does next: each section through every dialect's
 * splitter.
 *
 * Properties: a text of node-pg-migrate's format (no dbmate or goose
 * marker) always loads; up is at most one `sql` operation holding the
 * text from the up marker (the whole text without one) to the down marker
 * or the end, less the blanks after its last ';', and none only when that
 * section holds nothing but comments, blanks and ';'; down likewise from
 * the down marker, or disabled without one; the two sections never
 * overlap. In every format, an operation's text is the file's own from
 * its line on, the operations of a direction follow
 * each other without overlapping, and the splitters keep each one's
 * statements within it; a refusal is MIG_EINPUT at a line of the file
 * with nothing loaded. A marker found at an offset is found at 0 in the
 * text from there on. With an allocation failing (fuzz_run): one error,
 * and no operation loaded.
 */
#include "fuzz_util.h"

#include "dialects/dialect.h"
#include "ir/ir.h"
#include "load/load.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

static int line_at(const char *text, long at)
{
	int line = 1;
	for (long i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

/* Offset of the start of line `line` (1-based) in text. */
static size_t line_start(const char *text, size_t size, int line)
{
	size_t at = 0;
	for (int l = 1; l < line && at < size; at++)
		if (text[at] == '\n')
			l++;
	return at;
}

/* Whether [from, to) holds a character outside "--" and block comments,
 * blanks and ';'. */
static bool holds_sql(const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '-' && i + 1 < to && text[i + 1] == '-') {
			while (i < to && text[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < to && text[i + 1] == '*') {
			size_t k = i + 2;
			while (k + 1 < to && !(text[k] == '*' && text[k + 1] == '/'))
				k++;
			if (k + 1 >= to)
				return true;
			i = k + 1;
		} else if (!(c == ' ' || c == ';' || (c >= '\t' && c <= '\r'))) {
			return true;
		}
	}
	return false;
}

static void check_split(const mig_value *v)
{
	static const char *const dialects[] = {"postgres", "mysql", "sqlite"};
	for (size_t d = 0; d < sizeof(dialects) / sizeof(dialects[0]); d++) {
		const mig_dialect *dia = mig_dialect_find(dialects[d]);
		CHECK(dia && dia->split);
		size_t *st = NULL, *ln = NULL, n = 0;
		CHECK(dia->split(v->str, v->len, &st, &ln, &n) == 0);
		for (size_t i = 0; i < n; i++)
			CHECK(st[i] <= v->len && ln[i] <= v->len - st[i] && (i == 0 || st[i] >= st[i - 1] + ln[i - 1]));
		mig__free(st);
		mig__free(ln);
	}
}

/* Every format: the operations are the file's own text, from the start
 * of their lines, in order, not overlapping. */
static void check_ops(const mig_oplist *ops, const char *text, size_t size)
{
	size_t end = 0;
	for (size_t i = 0; i < ops->n; i++) {
		const mig_op *op = &ops->ops[i];
		CHECK(op->kind == MIG_OP_SQL && strcmp(op->name, "sql") == 0);
		const mig_value *v = mig_op_arg(op, 0);
		CHECK(v && v->type == MIG_V_STRING && v->str[v->len] == '\0');
		CHECK(op->line >= 1 && v->line == op->line);
		/* on that line (node-pg-migrate's markers also start after a
		 * lone CR, which does not count as a line for the line number) */
		size_t at = line_start(text, size, op->line), next = line_start(text, size, op->line + 1);
		while (at < next && !(at >= end && v->len <= size - at && memcmp(v->str, text + at, v->len) == 0))
			at++;
		CHECK(at < next || (at == next && next == size && v->len == 0));
		end = at + v->len;
		check_split(v);
	}
}

/* node-pg-migrate's section [from, to): none, or one operation of that
 * text less the blanks after its last ';'. */
static void check_section(const mig_oplist *ops, const char *text, size_t from, size_t to)
{
	if (!holds_sql(text, from, to)) {
		CHECK(ops->n == 0);
		return;
	}
	CHECK(ops->n == 1);
	const mig_op *op = &ops->ops[0];
	const mig_value *v = mig_op_arg(op, 0);
	CHECK(v && v->type == MIG_V_STRING);
	CHECK(v->len <= to - from && memcmp(v->str, text + from, v->len) == 0);
	if (v->len < to - from) {
		CHECK(v->len > 0 && v->str[v->len - 1] == ';');
		for (size_t i = from + v->len; i < to; i++)
			CHECK(text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'));
	}
	CHECK(op->line == line_at(text, (long)from));
}

static void check_marker(const char *text, size_t size, long at, const char *dir)
{
	if (at < 0)
		return;
	CHECK((size_t)at < size);
	CHECK(mig_sql_find_marker(text + at, size - (size_t)at, dir) == 0);
}

static void body(const char *text, size_t size, bool oom)
{
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = mig_strdup("fuzz.sql");
	enum mig_sql_format format = MIG_SQL_NODE_PG_MIGRATE;
	int first = 0;
	int detected = oom ? 0 : mig__sql_detect("fuzz.sql", text, size, &format, &first);
	mig_error_clear();
	int rc = mig_load_sql_text(&m, text, size);
	if (oom) {
		/* a failure leaves one error and no operation */
		if (rc) {
			fuzz_check_failed(rc);
			CHECK(m.up.n == 0 && m.down.n == 0);
		}
		mig_migration_dispose(&m);
		return;
	}
	if (rc) {
		/* a refusal: bad input at a line of the file, nothing loaded */
		CHECK(rc == MIG_EINPUT && (detected != 0 || format != MIG_SQL_NODE_PG_MIGRATE));
		const mig_error *e = mig_error_last();
		CHECK(e && e->file && strcmp(e->file, "fuzz.sql") == 0 && e->line >= 0 && e->line <= line_at(text, (long)size));
		CHECK(m.up.n == 0 && m.down.n == 0);
		mig_error_clear();
		mig_migration_dispose(&m);
		return;
	}
	CHECK(detected == 0);
	CHECK(m.source == MIG_SOURCE_SQL && m.up_kind == MIG_ACTION_FUNCTION);
	check_ops(&m.up, text, size);
	check_ops(&m.down, text, size);
	if (format != MIG_SQL_NODE_PG_MIGRATE) {
		CHECK(m.down_kind == MIG_ACTION_FUNCTION);
		mig_migration_dispose(&m);
		return;
	}
	long up = mig_sql_find_marker(text, size, "up");
	long down = mig_sql_find_marker(text, size, "down");
	CHECK(up < 0 || up != down);
	check_marker(text, size, up, "up");
	check_marker(text, size, down, "down");
	size_t up_from = up >= 0 ? (size_t)up : 0;
	size_t up_to = up >= 0 && down > up ? (size_t)down : size;
	check_section(&m.up, text, up_from, up_to);
	if (down >= 0) {
		CHECK(m.down_kind == MIG_ACTION_FUNCTION);
		size_t down_to = up > down ? (size_t)up : size;
		check_section(&m.down, text, (size_t)down, down_to);
		/* the sections do not overlap, unless the up section is the whole text (no up marker) */
		if (up >= 0)
			CHECK(up_to <= (size_t)down || down_to <= up_from);
	} else {
		CHECK(m.down_kind == MIG_ACTION_DISABLED && m.down.n == 0);
	}
	mig_migration_dispose(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	fuzz_run(body, text, size);
	free(text);
	return 0;
}
