/*
 * Unit tests of the Node.js engine's record -> IR conversion
 * (src/load/node/json.c, convert.c): the JSON line the recorder
 * (recorder.js) writes for a file is turned into a migration, and the
 * result must be the IR the static reader makes of the same file -- so
 * most tests load a JS text with the static reader and the record Node.js
 * makes of that text with the converter, and compare both renderings.
 * The records here are what recorder.js writes (the integration test
 * test_node_engine.sh runs the real one).
 */
#include "test_support.h"

#include "ir/ir.h"
#include "ir/value.h"
#include "load/load.h"
#include "load/node/node.h"

#include <math.h>

static const char *kind_name(enum mig_action_kind k)
{
	switch (k) {
	case MIG_ACTION_FUNCTION:
		return "function";
	case MIG_ACTION_INFER:
		return "infer";
	case MIG_ACTION_DISABLED:
		return "disabled";
	case MIG_ACTION_INVALID:
		return "invalid";
	}
	return "?";
}

static void dump_ops(mig_str *out, const char *dir, enum mig_action_kind k, bool notx, const mig_oplist *ops)
{
	mig_str_printf(out, "%s: %s%s\n", dir, kind_name(k), notx ? " noTransaction" : "");
	for (size_t i = 0; i < ops->n; i++) {
		mig_str_printf(out, "  %s@%d:%d", ops->ops[i].name, ops->ops[i].line, ops->ops[i].column);
		mig_value_dump(out, ops->ops[i].args);
		mig_str_putc(out, '\n');
	}
}

static char *render(const mig_migration *m, int rc)
{
	mig_str out = MIG_STR_INIT;
	if (rc) {
		const mig_error *e = mig_error_last();
		assert_non_null(e);
		mig_str_printf(&out, "error %d: %d:%d: %s", rc, e->line, e->column, e->message);
	} else {
		dump_ops(&out, "up", m->up_kind, m->up_no_transaction, &m->up);
		dump_ops(&out, "down", m->down_kind, m->down_no_transaction, &m->down);
		mig_str_puts(&out, "shorthands: ");
		if (m->shorthands)
			mig_value_dump(&out, m->shorthands);
		else
			mig_str_puts(&out, "none");
	}
	char *s = mig_str_detach(&out);
	assert_non_null(s);
	return s;
}

static void init(mig_migration *m)
{
	memset(m, 0, sizeof(*m));
	m->path = mig_strdup("migrations/1_m.js");
	m->file = mig_strdup("1_m.js");
	m->name = mig_strdup("1_m");
	assert_non_null(m->path);
}

static char *from_json(const char *json, mig_migration *keep)
{
	mig_migration m;
	init(&m);
	int rc = mig__node_load_json(&m, json, strlen(json));
	char *s = render(&m, rc);
	if (keep && rc == 0)
		*keep = m;
	else
		mig_migration_dispose(&m);
	return s;
}

static char *from_js(const char *src)
{
	mig_migration m;
	init(&m);
	int rc = mig_load_js_text(&m, src, strlen(src));
	char *s = render(&m, rc);
	mig_migration_dispose(&m);
	return s;
}

/* The static reader's IR and the converter's are the same. Locations
 * differ (Node's column is the property's, the reader's the `pgm`'s), so
 * the JS is written with the same positions where it matters: here the
 * record carries the reader's positions. */
static void same(const char *js, const char *json)
{
	char *a = from_js(js), *b = from_json(json, NULL);
	assert_string_equal(a, b);
	assert_null(strstr(a, "error"));
	free(a);
	free(b);
}

static void test_values_match_static_reader(void **state)
{
	(void)state;
	same("exports.up = (pgm) => {\n"
	     "  pgm.createTable('t', { id: 'id', at: { type: 'timestamp', default: pgm.func('now()') }, n: null,"
	     " flag: true, x: -1.5, tags: ['a', 'b'], u: undefined }, undefined);\n"
	     "};\n",
	     "{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"createTable\",[\"t\",{\"id\":\"id\",\"at\":"
	     "{\"type\":\"timestamp\",\"default\":{\"\\u0000\":\"f\",\"v\":\"now()\"}},\"n\":null,\"flag\":true,\"x\":-1.5,"
	     "\"tags\":[\"a\",\"b\"],\"u\":{\"\\u0000\":\"u\"}},{\"\\u0000\":\"u\"}],2,3]],\"noTransaction\":false},"
	     "\"down\":{\"kind\":\"infer\"}}");
}

static void test_func_is_not_a_string(void **state)
{
	(void)state;
	char *lit = from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[{\"\\u0000\":\"f\",\"v\":\"x\"}],1,1]]},"
			      "\"down\":{\"kind\":\"infer\"}}",
			      NULL);
	char *str = from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[\"x\"],1,1]]},"
			      "\"down\":{\"kind\":\"infer\"}}",
			      NULL);
	assert_string_not_equal(lit, str);
	free(lit);
	free(str);
	mig_migration m;
	free(from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"createTable\",[\"t\",{\"d\":{\"\\u0000\":\"f\",\"v\":\"now()\"},"
		       "\"s\":\"now()\"}],1,1]]},\"down\":{\"kind\":\"infer\"}}",
		       &m));
	const mig_value *cols = mig_op_arg(&m.up.ops[0], 1);
	assert_int_equal(mig_object_get(cols, "d")->type, MIG_V_LITERAL);
	assert_string_equal(mig_object_get(cols, "d")->str, "now()");
	assert_int_equal(mig_object_get(cols, "s")->type, MIG_V_STRING);
	/* every value carries the call site, as the static reader's do */
	assert_int_equal(mig_object_get(cols, "d")->line, 1);
	mig_migration_dispose(&m);
}

static void test_trailing_undefined_kept(void **state)
{
	(void)state;
	mig_migration m;
	free(from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"dropTable\",[\"t\",{\"\\u0000\":\"u\"}],1,1],"
		       "[\"dropTable\",[\"t\"],2,1]]},\"down\":{\"kind\":\"infer\"}}",
		       &m));
	assert_int_equal(m.up.n, 2);
	assert_int_equal(m.up.ops[0].args->n, 2);
	assert_int_equal(m.up.ops[0].args->items[1]->type, MIG_V_UNDEFINED);
	assert_int_equal(m.up.ops[1].args->n, 1);
	assert_null(mig_op_arg(&m.up.ops[1], 1));
	mig_migration_dispose(&m);
}

static void test_aliases_and_kinds(void **state)
{
	(void)state;
	same("exports.up = (pgm) => {\n  pgm.addColumn('t', { c: 'text' });\n  pgm.noTransaction();\n};\nexports.down = false;\n",
	     "{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"addColumn\",[\"t\",{\"c\":\"text\"}],2,3]],"
	     "\"noTransaction\":true},\"down\":{\"kind\":\"false\"}}");
	same("exports.up = (pgm) => {\n  pgm.dropTable('t');\n};\nexports.down = (pgm) => {\n  pgm.createTable('t', {});\n};\n"
	     "exports.shorthands = { id: { type: 'uuid', primaryKey: true } };\n",
	     "{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"dropTable\",[\"t\"],2,3]]},"
	     "\"down\":{\"kind\":\"function\",\"ops\":[[\"createTable\",[\"t\",{}],5,3]]},"
	     "\"shorthands\":{\"id\":{\"type\":\"uuid\",\"primaryKey\":true}}}");
	same("exports.down = (pgm) => {};\n",
	     "{\"t\":\"result\",\"up\":{\"kind\":\"invalid\"},\"down\":{\"kind\":\"function\",\"ops\":[]}}");
}

static void test_deferred(void **state)
{
	(void)state;
	mig_migration m;
	char *s = from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"deferred\":true,\"noTransaction\":false},"
			    "\"down\":{\"kind\":\"infer\"}}",
			    &m);
	free(s);
	assert_true(m.node);
	assert_true(mig_migration_deferred(&m, false));
	assert_false(mig_migration_deferred(&m, true));
	mig_oplist ops;
	/* node-pg-migrate's reverse mode refuses pgm.db */
	assert_int_equal(mig_migration_ops(&m, true, &ops), MIG_EIRREVERSIBLE);
	assert_non_null(strstr(mig_error_last()->message, "Impossible to automatically infer down migration"));
	assert_int_equal(mig_migration_ops(&m, false, &ops), 0);
	assert_int_equal(ops.n, 0);
	mig_oplist_free(&ops);
	mig_migration_dispose(&m);

	free(from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[],\"noTransaction\":true},"
		       "\"down\":{\"kind\":\"function\",\"deferred\":true,\"noTransaction\":true}}",
		       &m));
	assert_false(mig_migration_deferred(&m, false));
	assert_true(mig_migration_deferred(&m, true));
	assert_true(mig_migration_no_transaction(&m, true));
	mig_migration_dispose(&m);
}

static void test_errors(void **state)
{
	(void)state;
	char *s = from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"createTabel\",[\"t\"],4,7]]},"
			    "\"down\":{\"kind\":\"infer\"}}",
			    NULL);
	assert_string_equal(s, "error -3: 4:7: unknown operation `pgm.createTabel()` in up(): node-pg-migrate's MigrationBuilder has no such method");
	free(s);
	s = from_json("{\"t\":\"error\",\"phase\":\"up\",\"message\":\"Error: boom\",\"file\":\"/abs/migrations/1_m.js\",\"line\":3,"
		      "\"column\":9}",
		      NULL);
	assert_string_equal(s, "error -3: 3:9: Node.js: Error: boom in up()");
	assert_string_equal(mig_error_last()->file, "migrations/1_m.js");
	free(s);
	/* in another file (a helper): that file, and which migration */
	s = from_json("{\"t\":\"error\",\"phase\":\"import\",\"message\":\"SyntaxError: x\",\"file\":\"/abs/lib/h.js\",\"line\":2,"
		      "\"column\":1}",
		      NULL);
	assert_string_equal(s, "error -3: 2:1: Node.js: SyntaxError: x (evaluating migrations/1_m.js while importing it)");
	assert_string_equal(mig_error_last()->file, "/abs/lib/h.js");
	free(s);
	s = from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[]},\"down\":{\"kind\":\"infer\"},\"shorthands\":\"x\"}",
		      NULL);
	assert_string_equal(s, "error -3: 0:0: the shorthands export must be an object of column definitions, not string");
	free(s);
	const char *bad[] = {
		"", "{", "{\"t\":\"result\"}", "[1,]", "{\"t\":\"result\",\"up\":{\"kind\":\"maybe\"},\"down\":{\"kind\":\"infer\"}}",
		"{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\"]]},\"down\":{\"kind\":\"infer\"}}",
		"{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[{\"\\u0000\":\"zz\"}],1,1]]},\"down\":{\"kind\":\"infer\"}}",
		"{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[{\"a\\u0000b\":1}],1,1]]},\"down\":{\"kind\":\"infer\"}}",
		"{\"t\":\"nope\"}", "\"\\x\"", "{\"t\":\"result\"} x", "01x",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = from_json(bad[i], NULL);
		if (strncmp(s, "error -3:", 9) != 0)
			fail_msg("accepted [%s]: %s", bad[i], s);
		free(s);
	}
}

static void test_json_details(void **state)
{
	(void)state;
	mig_migration m;
	free(from_json("{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\","
		       "{\"\\u0000\":\"n\",\"v\":\"NaN\"},{\"\\u0000\":\"n\",\"v\":\"-Infinity\"},1e3,\"\\ud800\"],1,1]]},"
		       "\"down\":{\"kind\":\"infer\"}}",
		       &m));
	const mig_value *a = m.up.ops[0].args;
	assert_string_equal(a->items[0]->str, "\xC3\xA9\xF0\x9F\x98\x80\n\"\\/");
	assert_true(isnan(a->items[1]->num));
	assert_true(isinf(a->items[2]->num) && a->items[2]->num < 0);
	assert_true(a->items[3]->num == 1000.0);
	assert_string_equal(a->items[4]->str, "\xEF\xBF\xBD"); /* a lone surrogate */
	mig_migration_dispose(&m);

	/* nesting is bounded (the IR's walkers recurse) */
	mig_str deep = MIG_STR_INIT;
	mig_str_puts(&deep, "{\"t\":\"result\",\"up\":{\"kind\":\"function\",\"ops\":[[\"sql\",[");
	for (int i = 0; i < 200; i++)
		mig_str_putc(&deep, '[');
	for (int i = 0; i < 200; i++)
		mig_str_putc(&deep, ']');
	mig_str_puts(&deep, "],1,1]]},\"down\":{\"kind\":\"infer\"}}");
	char *s = from_json(mig_str_cstr(&deep), NULL);
	assert_non_null(strstr(s, "nested too deeply"));
	free(s);
	mig_str_free(&deep);
}

static void test_load_opts_static_hint(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	write_file(dir, "1_dyn.js", "const x = require('./x');\nexports.up = (pgm) => x(pgm);\n");
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = mig_aprintf("%s/1_dyn.js", dir);
	m.file = mig_strdup("1_dyn.js");
	m.name = mig_strdup("1_dyn");
	mig_load_opts lo = {.js_engine = MIG_JS_ENGINE_STATIC};
	assert_int_equal(mig_load_file_opts(&m, &lo), MIG_EINPUT);
	assert_non_null(mig_error_last()->hint);
	assert_non_null(strstr(mig_error_last()->hint, "--js-engine"));
	/* auto without any Node.js program: the same refusal, the other hint */
	lo = (mig_load_opts){.js_engine = MIG_JS_ENGINE_AUTO, .node = "/nonexistent/node"};
	assert_int_equal(mig_load_file_opts(&m, &lo), MIG_EINPUT);
	assert_int_equal(mig_error_last()->line, 1);
	assert_non_null(strstr(mig_error_last()->hint, "--node"));
	lo.js_engine = MIG_JS_ENGINE_NODE;
	assert_int_equal(mig_load_file_opts(&m, &lo), MIG_EINPUT);
	assert_non_null(strstr(mig_error_last()->message, "no Node.js program at /nonexistent/node"));
	mig_migration_dispose(&m);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_match_static_reader),
		cmocka_unit_test(test_func_is_not_a_string),
		cmocka_unit_test(test_trailing_undefined_kept),
		cmocka_unit_test(test_aliases_and_kinds),
		cmocka_unit_test(test_deferred),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_json_details),
		cmocka_unit_test(test_load_opts_static_hint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
