/*
 * libFuzzer harness for the .sql migration loader, mig_load_sql_text()
 * (src/load/sql.c: node-pg-migrate's "-- Up Migration" / "-- Down
 * Migration" markers), on arbitrary bytes (no UTF-8 or NUL pre-check, as
 * in fuzz_load_js.c), and for what the runner does next: each section
 * through every dialect's splitter.
 *
 * Properties: loading never fails (a .sql file is always a migration);
 * up is one `sql` operation holding exactly the text from the up marker
 * (the whole text without one) to the down marker or the end; down is
 * one such operation from the down marker, or disabled without one; the
 * two sections never overlap; each operation's line is the marker's line;
 * a marker found at an offset is found at 0 in the text from there on;
 * the splitters keep each section's statements within it. With an
 * allocation failing (fuzz_run): one error, and no operation loaded.
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

/* The section's one operation: `sql` with the text [from, to). */
static void check_section(const mig_oplist *ops, const char *text, size_t from, size_t to)
{
	CHECK(ops->n == 1);
	const mig_op *op = &ops->ops[0];
	CHECK(op->kind == MIG_OP_SQL && strcmp(op->name, "sql") == 0);
	const mig_value *v = mig_op_arg(op, 0);
	CHECK(v && v->type == MIG_V_STRING);
	CHECK(v->len == to - from && memcmp(v->str, text + from, v->len) == 0 && v->str[v->len] == '\0');
	CHECK(op->line == line_at(text, (long)from) && v->line == op->line);
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
	CHECK(rc == 0);
	CHECK(m.source == MIG_SOURCE_SQL && m.up_kind == MIG_ACTION_FUNCTION);
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
