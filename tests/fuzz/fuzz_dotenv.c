/*
 * libFuzzer harness for .env files, mig_dotenv_parse() (src/cli/
 * dotenv.c: what mig_dotenv_load() reads before it sets anything), on
 * arbitrary bytes.
 *
 * Properties:
 * - the whole text is read: a NUL byte is an error, not an early end;
 * - success: pairs of a key made of [A-Za-z0-9_.-] and a value; no more
 *   pairs than '=' in the text; written back as KEY="escaped value"
 *   lines, the pairs parse to themselves;
 * - failure: MIG_EINPUT, no pair (all or nothing), one message with the
 *   file name and a position that exists in the text: a line that is
 *   there and a column within it (1 to its length + 1);
 * - with an allocation failing (fuzz_run): one error and no pair;
 * - everything is freed (ASan's leak check, mig__alloc_live).
 */
#include "fuzz_util.h"

#include "cli/dotenv.h"
#include "util/error.h"
#include "util/str.h"

#include <stdbool.h>

static bool key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
	       c == '-';
}

/* The pairs as KEY="value" lines with the parser's escapes. */
static void write_back(const mig_strv *pairs, mig_str *out)
{
	for (size_t i = 0; i + 1 < pairs->n; i += 2) {
		mig_str_puts(out, pairs->v[i]);
		mig_str_puts(out, "=\"");
		for (const char *c = pairs->v[i + 1]; *c; c++) {
			switch (*c) {
			case '\\':
				mig_str_puts(out, "\\\\");
				break;
			case '"':
				mig_str_puts(out, "\\\"");
				break;
			case '\n':
				mig_str_puts(out, "\\n");
				break;
			case '\r':
				mig_str_puts(out, "\\r");
				break;
			case '\t':
				mig_str_puts(out, "\\t");
				break;
			default:
				mig_str_putc(out, *c);
			}
		}
		mig_str_puts(out, "\"\n");
	}
}

/* Whether line:col (col 1-based, up to the line's length + 1) is in text. */
static bool position_exists(const char *text, size_t size, int line, int col)
{
	if (line < 1 || col < 1)
		return false;
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + i, '\n', size - i);
		if (!nl)
			return false;
		i = (size_t)(nl - text) + 1;
	}
	const char *nl = memchr(text + i, '\n', size - i);
	size_t line_len = (nl ? (size_t)(nl - text) : size) - i;
	return (size_t)col <= line_len + 1;
}

static void body(const char *text, size_t size, bool oom)
{
	mig_strv pairs = MIG_STRV_INIT;
	int rc = mig_dotenv_parse(text, size, "fuzz.env", &pairs);
	if (oom) {
		if (rc) {
			fuzz_check_failed(rc);
			CHECK(pairs.n == 0 && pairs.v == NULL);
		}
		mig_strv_free(&pairs);
		return;
	}
	if (rc == 0) {
		CHECK(!memchr(text, '\0', size));
		CHECK(pairs.n % 2 == 0);
		size_t eqs = 0;
		for (size_t i = 0; i < size; i++)
			eqs += text[i] == '=';
		CHECK(pairs.n / 2 <= eqs);
		for (size_t i = 0; i + 1 < pairs.n; i += 2) {
			CHECK(pairs.v[i][0] != '\0');
			for (const char *c = pairs.v[i]; *c; c++)
				CHECK(key_char((unsigned char)*c));
		}
		mig_str back = MIG_STR_INIT;
		write_back(&pairs, &back);
		CHECK(!mig_str_failed(&back));
		mig_strv again = MIG_STRV_INIT;
		CHECK(mig_dotenv_parse(mig_str_cstr(&back), back.len, "again.env", &again) == 0);
		CHECK(again.n == pairs.n);
		for (size_t i = 0; i < pairs.n; i++)
			CHECK(strcmp(again.v[i], pairs.v[i]) == 0);
		mig_strv_free(&again);
		mig_str_free(&back);
	} else {
		CHECK(rc == MIG_EINPUT);
		fuzz_check_failed(rc);
		CHECK(pairs.n == 0 && pairs.v == NULL);
		const mig_error *e = mig_error_last();
		CHECK(e->file && strcmp(e->file, "fuzz.env") == 0);
		CHECK(position_exists(text, size, e->line, e->column));
	}
	mig_strv_free(&pairs);
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
