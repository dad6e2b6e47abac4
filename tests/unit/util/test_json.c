/*
 * The strict JSON reader of -f/--config-file (src/util/json.c): what it
 * reads, what it refuses and where it says the error is.
 */
#include "test_support.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/json.h"

#include <string.h>

static mig_json *parse_ok(const char *text)
{
	mig_json *v = NULL;
	int rc = mig_json_parse(text, strlen(text), "t.json", &v);
	if (rc)
		fail_msg("%s: %s", text, mig_error_last()->message);
	assert_non_null(v);
	return v;
}

/* text is refused at line:col with a message containing want */
static void parse_bad(const char *text, size_t len, int line, int col, const char *want)
{
	mig_json *v = (mig_json *)1;
	int rc = mig_json_parse(text, len, "t.json", &v);
	assert_int_equal(rc, MIG_EINPUT);
	assert_null(v);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->file, "t.json");
	if (e->line != line || e->column != col || !strstr(e->message, want))
		fail_msg("[%s]: got %d:%d %s, want %d:%d ...%s...", text, e->line, e->column, e->message, line, col, want);
	mig_error_clear();
}

static void test_values(void **state)
{
	(void)state;
	mig_json *v = parse_ok("{\n  \"db\": {\"url\": \"postgres://x/y\"},\n  \"schema\": [\"a\", \"b\"],\n"
			       "  \"check-order\": false, \"n\": -1.5e2, \"z\": null\n}\n");
	assert_int_equal(v->type, MIG_JSON_OBJECT);
	assert_int_equal(v->n, 5);
	const mig_json *db = mig_json_get(v, "db");
	assert_non_null(db);
	assert_int_equal(db->key_line, 2);
	assert_int_equal(db->key_column, 3);
	assert_int_equal(db->line, 2);
	assert_int_equal(db->column, 9);
	assert_string_equal(mig_json_get(db, "url")->text, "postgres://x/y");
	const mig_json *s = mig_json_get(v, "schema");
	assert_int_equal(s->type, MIG_JSON_ARRAY);
	assert_int_equal(s->n, 2);
	assert_null(s->items[0].key);
	assert_string_equal(s->items[1].text, "b");
	const mig_json *co = mig_json_get(v, "check-order");
	assert_int_equal(co->type, MIG_JSON_BOOL);
	assert_false(co->boolean);
	const mig_json *n = mig_json_get(v, "n");
	assert_int_equal(n->type, MIG_JSON_NUMBER);
	assert_string_equal(n->text, "-1.5e2");
	assert_true(n->number == -150.0);
	assert_int_equal(mig_json_get(v, "z")->type, MIG_JSON_NULL);
	assert_null(mig_json_get(v, "missing"));
	assert_null(mig_json_get(s, "a")); /* not an object */
	mig_json_free(v);

	v = parse_ok("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\"");
	assert_string_equal(v->text, "a\"b\\c/d\b\f\n\r\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	mig_json_free(v);
	v = parse_ok("\xef\xbb\xbf  [ ]  ");
	assert_int_equal(v->type, MIG_JSON_ARRAY);
	assert_int_equal(v->n, 0);
	mig_json_free(v);
}

static void test_refused(void **state)
{
	(void)state;
	parse_bad("{\"a\": 1,}", 9, 1, 8, "trailing comma");
	parse_bad("[1,\n 2,\n]", 9, 2, 3, "trailing comma");
	parse_bad("{\n  // note\n  \"a\": 1\n}", 22, 2, 3, "comments are not allowed");
	parse_bad("{'a': 1}", 8, 1, 2, "double quotes");
	parse_bad("{\"a\": 1,\n \"a\": 2}", 17, 2, 2, "duplicate member \"a\" (first at line 1)");
	parse_bad("{\"a\": 01}", 9, 1, 8, "leading zero");
	parse_bad("{\"a\": \"x\ny\"}", 12, 1, 9, "line break inside a string");
	parse_bad("{\"a\": \"\\ud800\"}", 15, 1, 8, "high surrogate");
	parse_bad("{\"a\": \"\\udc00\"}", 15, 1, 8, "lone low surrogate");
	parse_bad("{\"a\": \"\\u0000\"}", 15, 1, 8, "NUL");
	parse_bad("{\"a\": \"\\x\"}", 11, 1, 8, "unknown escape");
	parse_bad("{\"a\": 1} x", 10, 1, 10, "expected the end of the file");
	parse_bad("{\"a\": tru}", 10, 1, 7, "expected a value");
	parse_bad("{\"a\" 1}", 7, 1, 6, "expected ':'");
	parse_bad("{\"a\": 1 \"b\": 2}", 15, 1, 9, "expected ',' or '}'");
	parse_bad("{\"a\": 1.}", 9, 1, 9, "a digit");
	parse_bad("", 0, 1, 1, "unexpected end of the file");
	parse_bad("{\"a\": \"unterminated", 19, 1, 20, "a '\"' is missing");
	/* columns count characters, not bytes */
	parse_bad("{\"\xc3\xa9\xc3\xa9\": x}", 11, 1, 8, "unexpected 'x'");
	parse_bad("{\"a\": \"\xff\"}", 10, 1, 8, "not UTF-8");
	parse_bad("{\"a\": \"x\0y\"}", 12, 1, 9, "NUL byte");
	char deep[300];
	memset(deep, '[', 200);
	memset(deep + 200, ']', 100);
	parse_bad(deep, 300, 1, 129, "nested too deeply");
}

/* Every allocation failing in turn: an error and no tree, nothing leaked. */
static void test_oom(void **state)
{
	(void)state;
	mig_error_clear();
	const char *text = "{\"db\": {\"url\": \"x\"}, \"schema\": [\"a\", \"b\", \"c\", \"d\", \"e\"], \"n\": 12}";
	long live = mig__alloc_live();
	for (unsigned long k = 1;; k++) {
		mig__alloc_fail_at(k);
		mig_json *v = NULL;
		int rc = mig_json_parse(text, strlen(text), "t.json", &v);
		bool failed = mig__alloc_failed();
		mig__alloc_fail_at(0);
		if (!failed) {
			assert_int_equal(rc, 0);
			mig_json_free(v);
			break;
		}
		assert_int_equal(rc, MIG_ENOMEM);
		assert_null(v);
		mig_error_clear();
		assert_int_equal(mig__alloc_live(), live);
	}
	assert_int_equal(mig__alloc_live(), live);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_oom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
