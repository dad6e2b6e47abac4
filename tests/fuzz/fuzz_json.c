/*
 * libFuzzer harness for the strict JSON reader, mig_json_parse()
 * (src/util/json.c: what -f/--config-file reads), on arbitrary bytes.
 *
 * Properties:
 * - success: the text has no NUL and is UTF-8; object keys are unique;
 *   nesting stays within MIG_JSON_MAX_DEPTH; every value's and key's
 *   line:column exists in the text; written back as compact JSON, the
 *   tree parses to itself (same types, keys, strings, number literals);
 * - failure: MIG_EINPUT, no tree, one message with the file name and a
 *   line:column that exists in the text (1 to the line's characters + 1);
 * - with an allocation failing (fuzz_run): one error and no tree;
 * - everything is freed (ASan's leak check, mig__alloc_live).
 */
#include "fuzz_util.h"

#include "util/fs.h"
#include "util/json.h"
#include "util/str.h"

#include <stdbool.h>

/* Whether line:col (col counting characters, up to the line's + 1) is in text. */
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
	size_t end = nl ? (size_t)(nl - text) : size;
	size_t chars = 0;
	for (size_t k = i; k < end; k++)
		chars += ((unsigned char)text[k] & 0xC0) != 0x80;
	return (size_t)col <= chars + 1;
}

static void write_string(mig_str *out, const char *s)
{
	mig_str_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			mig_str_printf(out, "\\%c", c);
		else if (c < 0x20)
			mig_str_printf(out, "\\u%04x", c);
		else
			mig_str_putc(out, (char)c);
	}
	mig_str_putc(out, '"');
}

static void write_back(const mig_json *v, mig_str *out)
{
	switch (v->type) {
	case MIG_JSON_NULL:
		mig_str_puts(out, "null");
		break;
	case MIG_JSON_BOOL:
		mig_str_puts(out, v->boolean ? "true" : "false");
		break;
	case MIG_JSON_NUMBER:
		mig_str_puts(out, v->text);
		break;
	case MIG_JSON_STRING:
		write_string(out, v->text);
		break;
	case MIG_JSON_ARRAY:
	case MIG_JSON_OBJECT:
		mig_str_putc(out, v->type == MIG_JSON_ARRAY ? '[' : '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				mig_str_putc(out, ',');
			if (v->type == MIG_JSON_OBJECT) {
				write_string(out, v->items[i].key);
				mig_str_putc(out, ':');
			}
			write_back(&v->items[i], out);
		}
		mig_str_putc(out, v->type == MIG_JSON_ARRAY ? ']' : '}');
		break;
	}
}

static bool same(const mig_json *a, const mig_json *b)
{
	if (a->type != b->type || a->n != b->n || a->boolean != b->boolean)
		return false;
	if ((a->key == NULL) != (b->key == NULL) || (a->key && strcmp(a->key, b->key) != 0))
		return false;
	if ((a->text == NULL) != (b->text == NULL) || (a->text && strcmp(a->text, b->text) != 0))
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!same(&a->items[i], &b->items[i]))
			return false;
	return true;
}

/* The tree's own properties; returns its depth. */
static int check_tree(const mig_json *v, const char *text, size_t size, bool in_object)
{
	CHECK(position_exists(text, size, v->line, v->column));
	CHECK(in_object == (v->key != NULL));
	if (in_object)
		CHECK(position_exists(text, size, v->key_line, v->key_column));
	if (v->type == MIG_JSON_STRING || v->type == MIG_JSON_NUMBER)
		CHECK(v->text != NULL);
	if (v->type == MIG_JSON_STRING)
		CHECK(mig_utf8_invalid_at(v->text, strlen(v->text)) < 0);
	int depth = 0;
	for (size_t i = 0; i < v->n; i++) {
		CHECK(v->type == MIG_JSON_ARRAY || v->type == MIG_JSON_OBJECT);
		if (v->type == MIG_JSON_OBJECT)
			for (size_t k = 0; k < i; k++)
				CHECK(strcmp(v->items[k].key, v->items[i].key) != 0);
		int d = check_tree(&v->items[i], text, size, v->type == MIG_JSON_OBJECT);
		if (d > depth)
			depth = d;
	}
	return depth + (v->type == MIG_JSON_ARRAY || v->type == MIG_JSON_OBJECT);
}

static void body(const char *text, size_t size, bool oom)
{
	mig_json *tree = NULL;
	int rc = mig_json_parse(text, size, "fuzz.json", &tree);
	if (oom) {
		if (rc) {
			fuzz_check_failed(rc);
			CHECK(tree == NULL);
		}
		mig_json_free(tree);
		return;
	}
	if (rc == 0) {
		CHECK(tree != NULL);
		CHECK(!memchr(text, '\0', size));
		CHECK(mig_utf8_invalid_at(text, size) < 0);
		CHECK(check_tree(tree, text, size, false) <= MIG_JSON_MAX_DEPTH);
		mig_str back = MIG_STR_INIT;
		write_back(tree, &back);
		CHECK(!mig_str_failed(&back));
		mig_json *again = NULL;
		CHECK(mig_json_parse(mig_str_cstr(&back), mig_str_len(&back), "again.json", &again) == 0);
		CHECK(same(tree, again));
		mig_json_free(again);
		mig_str_free(&back);
	} else {
		CHECK(rc == MIG_EINPUT);
		fuzz_check_failed(rc);
		CHECK(tree == NULL);
		const mig_error *e = mig_error_last();
		CHECK(e->file && strcmp(e->file, "fuzz.json") == 0);
		CHECK(position_exists(text, size, e->line, e->column));
	}
	mig_json_free(tree);
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
