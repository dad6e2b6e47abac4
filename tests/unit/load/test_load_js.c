/*
 * Unit tests of the JS/TS migration loader (src/load_js.c, src/js_lex.c).
 *
 * Most tests load a migration text and compare what was read, rendered
 * with mig_value_dump(), one line per operation:
 *
 *     up: function [noTransaction]
 *       createTable["t",{"id":"id"}]
 *     down: infer | disabled | invalid | function
 *     shorthands: {...} | none
 *
 * or "error: LINE:COL: message". Every accepted case was checked against
 * node-pg-migrate 9.0.0 itself (tests/fuzz/oracle.mjs prints the same
 * format from a real run), so these expectations are what Node.js does.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, strdup, symlink */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/error.h"
#include "ir/ir.h"
#include "load/js/lex.h"
#include "load/load.h"
#include "util/str.h"
#include "ir/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

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

static void dump_ops(mig_str *out, const char *dir, enum mig_action_kind k, bool notx,
		     const mig_oplist *ops)
{
	mig_str_printf(out, "%s: %s%s\n", dir, kind_name(k), notx ? " noTransaction" : "");
	for (size_t i = 0; i < ops->n; i++) {
		mig_str_printf(out, "  %s", ops->ops[i].name);
		mig_value_dump(out, ops->ops[i].args);
		mig_str_putc(out, '\n');
	}
}

static void init(mig_migration *m)
{
	memset(m, 0, sizeof(*m));
	m->path = strdup("m.js");
	assert_non_null(m->path);
}

/* Load src (len bytes) and render the result; the caller frees it. */
static char *load_dump_n(const char *src, size_t len)
{
	mig_migration m;
	init(&m);
	mig_str out = MIG_STR_INIT;
	int rc = mig_load_js_text(&m, src, len);
	if (rc) {
		const mig_error *e = mig_error_last();
		assert_non_null(e);
		assert_int_equal(rc, MIG_EINPUT);
		assert_int_equal(e->code, MIG_EINPUT);
		assert_non_null(e->file);
		assert_string_equal(e->file, "m.js");
		/* a failed load leaves nothing behind */
		assert_int_equal(m.up.n, 0);
		assert_int_equal(m.down.n, 0);
		assert_null(m.shorthands);
		mig_str_printf(&out, "error: %d:%d: %s\n", e->line, e->column, e->message);
	} else {
		assert_int_equal(m.source, MIG_SOURCE_JS);
		dump_ops(&out, "up", m.up_kind, m.up_no_transaction, &m.up);
		dump_ops(&out, "down", m.down_kind, m.down_no_transaction, &m.down);
		mig_str_puts(&out, "shorthands: ");
		if (m.shorthands)
			mig_value_dump(&out, m.shorthands);
		else
			mig_str_puts(&out, "none");
		mig_str_putc(&out, '\n');
	}
	mig_migration_dispose(&m);
	mig_error_clear();
	assert_false(mig_str_failed(&out));
	return mig_str_detach(&out);
}

static void check(const char *src, const char *expected)
{
	char *got = load_dump_n(src, strlen(src));
	assert_string_equal(got, expected);
	free(got);
}

/* ---- Export forms ------------------------------------------------------ */

static void test_cjs_arrow_block(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.createTable('t', { id: 'id' });\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"t\",{\"id\":\"id\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_cjs_function_expression(void **state)
{
	(void)state;
	check("exports.up = function (pgm) { pgm.dropTable('t') }\n",
	      "up: function\n"
	      "  dropTable[\"t\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_cjs_async_arrow_bare_param(void **state)
{
	(void)state;
	check("exports.up = async pgm => { await pgm.dropTable('t'); };\n",
	      "up: function\n"
	      "  dropTable[\"t\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_cjs_named_async_function(void **state)
{
	(void)state;
	check("exports.up = async function up(pgm) { pgm.dropTable('t'); };\n",
	      "up: function\n"
	      "  dropTable[\"t\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_cjs_expression_body(void **state)
{
	(void)state;
	check("exports.up = pgm => pgm.createTable('t', {});\n"
	      "exports.down = async (pgm) => await pgm.dropTable('t')\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "down: function\n"
	      "  dropTable[\"t\"]\n"
	      "shorthands: none\n");
}

static void test_cjs_module_exports_props(void **state)
{
	(void)state;
	check("module.exports.up = (pgm) => { pgm.createSchema('s'); };\n"
	      "module.exports.down = false;\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_cjs_module_exports_shorthand(void **state)
{
	(void)state;
	check("const up = (pgm) => { pgm.createSchema('s'); };\n"
	      "const down = (pgm) => { pgm.dropSchema('s'); };\n"
	      "module.exports = { up, down, };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: function\n"
	      "  dropSchema[\"s\"]\n"
	      "shorthands: none\n");
}

static void test_cjs_module_exports_inline(void **state)
{
	(void)state;
	check("module.exports = { up: (pgm) => { pgm.createSchema('s') }, 'down': false, shorthands: { x: "
	      "'int' } };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: disabled\n"
	      "shorthands: {\"x\":\"int\"}\n");
}

static void test_cjs_module_exports_methods(void **state)
{
	(void)state;
	check("module.exports = {\n"
	      "  async up(pgm) { pgm.createSchema('s'); },\n"
	      "  down(pgm) { pgm.dropSchema('s'); },\n"
	      "};\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: function\n"
	      "  dropSchema[\"s\"]\n"
	      "shorthands: none\n");
}

static void test_cjs_exports_bracket(void **state)
{
	(void)state;
	check("exports['up'] = (pgm) => { pgm.createSchema('s'); };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_esm_export_const(void **state)
{
	(void)state;
	check("export const up = (pgm) => { pgm.createSchema('s'); };\n"
	      "export const down = false;\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_esm_export_async_function_ts(void **state)
{
	(void)state;
	check("import type { MigrationBuilder } from 'node-pg-migrate';\n"
	      "export async function up(pgm: MigrationBuilder): Promise<void> {\n"
	      "  pgm.createSchema('s');\n"
	      "}\n"
	      "export function down(pgm: MigrationBuilder): void {\n"
	      "  pgm.dropSchema('s');\n"
	      "}\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: function\n"
	      "  dropSchema[\"s\"]\n"
	      "shorthands: none\n");
}

static void test_esm_export_clause(void **state)
{
	(void)state;
	check("const a = (pgm) => { pgm.createSchema('s'); };\n"
	      "const sh = { n: 'int' };\n"
	      "export { a as up, sh as shorthands };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: infer\n"
	      "shorthands: {\"n\":\"int\"}\n");
}

static void test_esm_export_clause_before_declarations(void **state)
{
	(void)state;
	check("export { up, down };\n"
	      "function up(pgm) { pgm.createSchema('s'); }\n"
	      "const down = false;\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_esm_export_default_object(void **state)
{
	(void)state;
	check("const up = (pgm) => { pgm.createSchema('s'); };\n"
	      "export default { up, down: false };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_esm_named_export_beats_default(void **state)
{
	(void)state;
	check("export const down = false;\n"
	      "export default { down: (pgm) => {}, up: (pgm) => { pgm.sql('d') } };\n",
	      "up: function\n"
	      "  sql[\"d\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

/* ---- node-pg-migrate templates ----------------------------------------- */

static void test_template_9_js(void **state)
{
	(void)state;
	check("/**\n"
	      " * @type {import('node-pg-migrate').ColumnDefinitions | undefined}\n"
	      " */\n"
	      "export const shorthands = undefined;\n"
	      "\n"
	      "/**\n"
	      " * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	      " * @param run {() => void | undefined}\n"
	      " * @returns {Promise<void> | void}\n"
	      " */\n"
	      "export const up = (pgm) => {};\n"
	      "\n"
	      "/**\n"
	      " * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	      " * @param run {() => void | undefined}\n"
	      " * @returns {Promise<void> | void}\n"
	      " */\n"
	      "export const down = (pgm) => {};\n",
	      "up: function\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_template_9_cjs(void **state)
{
	(void)state;
	check("/**\n"
	      " * @type {import('node-pg-migrate').ColumnDefinitions | undefined}\n"
	      " */\n"
	      "export const shorthands = undefined;\n"
	      "\n"
	      "/**\n"
	      " * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	      " * @param run {() => void | undefined}\n"
	      " * @returns {Promise<void> | void}\n"
	      " */\n"
	      "const up = (pgm) => {};\n"
	      "\n"
	      "/**\n"
	      " * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	      " * @param run {() => void | undefined}\n"
	      " * @returns {Promise<void> | void}\n"
	      " */\n"
	      "const down = (pgm) => {};\n"
	      "\n"
	      "module.exports = {\n"
	      "  up,\n"
	      "  down,\n"
	      "};\n",
	      "up: function\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_template_9_ts(void **state)
{
	(void)state;
	check("import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';\n"
	      "\n"
	      "export const shorthands: ColumnDefinitions | undefined = undefined;\n"
	      "\n"
	      "export async function up(pgm: MigrationBuilder): Promise<void> {}\n"
	      "\n"
	      "export async function down(pgm: MigrationBuilder): Promise<void> {}\n",
	      "up: function\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_template_7_js(void **state)
{
	(void)state;
	check("/* eslint-disable camelcase */\n"
	      "\n"
	      "exports.shorthands = undefined;\n"
	      "\n"
	      "exports.up = pgm => {};\n"
	      "\n"
	      "exports.down = pgm => {};\n",
	      "up: function\n"
	      "down: function\n"
	      "shorthands: none\n");
}

/* ---- Shorthands and the kinds of up/down ------------------------------- */

static void test_shorthands_object(void **state)
{
	(void)state;
	check("const { PgLiteral } = require('node-pg-migrate');\n"
	      "exports.shorthands = { id: { type: 'uuid', primaryKey: true }, created: { type: 'timestamp',"
	      " default: PgLiteral.create('now()') } };\n"
	      "exports.up = (pgm) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: {\"id\":{\"type\":\"uuid\",\"primaryKey\":true},\"created\":{\"type\":\"timestamp\","
	      "\"default\":func(\"now()\")}}\n");
}

static void test_shorthands_null(void **state)
{
	(void)state;
	check("exports.shorthands = null;\n"
	      "exports.up = (pgm) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_up_absent_is_invalid(void **state)
{
	(void)state;
	check("exports.down = (pgm) => {};\n",
	      "up: invalid\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_up_false_is_disabled(void **state)
{
	(void)state;
	check("exports.up = false;\n",
	      "up: disabled\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_up_undefined_is_invalid(void **state)
{
	(void)state;
	check("exports.up = undefined;\n",
	      "up: invalid\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_down_number_is_invalid(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {};\n"
	      "exports.down = 5;\n",
	      "up: function\n"
	      "down: invalid\n"
	      "shorthands: none\n");
}

static void test_down_null_is_invalid(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {};\n"
	      "exports.down = null;\n",
	      "up: function\n"
	      "down: invalid\n"
	      "shorthands: none\n");
}

static void test_down_undefined_is_inferred(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.createTable('t', {}) };\n"
	      "exports.down = undefined;\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_down_same_function_is_inferred(void **state)
{
	(void)state;
	check("const m = (pgm) => { pgm.createTable('t', {}) };\n"
	      "module.exports = { up: m, down: m };\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_down_equals_exports_up_is_inferred(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.createTable('t', {}) };\n"
	      "exports.down = exports.up;\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_default_export_shared_function_runs_forward(void **state)
{
	(void)state;
	check("const m = (pgm) => { pgm.createTable('t', {}) };\n"
	      "export default { up: m, down: m };\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "down: function\n"
	      "  createTable[\"t\",{}]\n"
	      "shorthands: none\n");
}

static void test_exports_chain_void_0(void **state)
{
	(void)state;
	check("exports.down = exports.up = exports.shorthands = void 0;\n"
	      "exports.up = (pgm) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_module_exports_replacement_drops_earlier_exports(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('lost'); };\n"
	      "module.exports = { down: false };\n"
	      "exports.up = (pgm) => { pgm.sql('lost too'); };\n"
	      "module.exports.up = (pgm) => { pgm.sql('kept'); };\n",
	      "up: function\n"
	      "  sql[\"kept\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

/* ---- The MigrationBuilder ---------------------------------------------- */

static void test_no_transaction_up(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.noTransaction();\n"
	      "  pgm.addTypeValue('e', 'x');\n"
	      "};\n"
	      "exports.down = (pgm) => {};\n",
	      "up: function noTransaction\n"
	      "  addTypeValue[\"e\",\"x\"]\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_no_transaction_down(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {};\n"
	      "exports.down = (pgm) => { pgm.noTransaction(); };\n",
	      "up: function\n"
	      "down: function noTransaction\n"
	      "shorthands: none\n");
}

static void test_run_callback(void **state)
{
	(void)state;
	check("exports.up = (pgm, run) => {\n"
	      "  pgm.createTable('t', {});\n"
	      "  run();\n"
	      "  pgm.sql('after');\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "  sql[\"after\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_three_parameters_get_no_callback(void **state)
{
	(void)state;
	check("exports.up = (pgm, run, x) => { pgm.sql('x', run, x); };\n",
	      "up: function\n"
	      "  sql[\"x\",undefined,undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_builder_parameter_any_name(void **state)
{
	(void)state;
	check("export const up = (db: MigrationBuilder) => { db.createSchema('s'); };\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_aliases_are_resolved(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.addColumn('t', {});\n"
	      "  pgm.dropColumn('t', 'c');\n"
	      "  pgm.createConstraint('t', 'c', 'x');\n"
	      "  pgm.addIndex('t', 'c');\n"
	      "  pgm.addType('e', []);\n"
	      "  pgm.addExtension('x');\n"
	      "};\n",
	      "up: function\n"
	      "  addColumns[\"t\",{}]\n"
	      "  dropColumns[\"t\",\"c\"]\n"
	      "  addConstraint[\"t\",\"c\",\"x\"]\n"
	      "  createIndex[\"t\",\"c\"]\n"
	      "  createType[\"e\",[]]\n"
	      "  createExtension[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_sql_one_and_two_arguments(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.sql('SELECT 1');\n"
	      "  pgm.sql('SELECT {a}', { a: 1 });\n"
	      "  pgm.sql('SELECT 2', undefined);\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"SELECT 1\"]\n"
	      "  sql[\"SELECT {a}\",{\"a\":1}]\n"
	      "  sql[\"SELECT 2\",undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_trailing_undefined_argument_kept(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.dropTable('t', undefined); };\n",
	      "up: function\n"
	      "  dropTable[\"t\",undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_pgm_func_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.addColumns('t', { c: { type: 'timestamp', default: pgm.func('now()') "
	      "} }); };\n",
	      "up: function\n"
	      "  addColumns[\"t\",{\"c\":{\"type\":\"timestamp\",\"default\":func(\"now()\")}}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_pgliteral_forms(void **state)
{
	(void)state;
	check("import { PgLiteral } from 'node-pg-migrate';\n"
	      "import * as npm from 'node-pg-migrate';\n"
	      "import { PgLiteral as L } from 'node-pg-migrate';\n"
	      "const a = PgLiteral.create('a()');\n"
	      "const b = new PgLiteral('b()');\n"
	      "const c = npm.PgLiteral.create('c()');\n"
	      "const d = new npm.PgLiteral('d()');\n"
	      "const e = new L(`e(${1})`);\n"
	      "export const up = (pgm) => { pgm.sql('x', [a, b, c, d, e, pgm.func(5)]); };\n",
	      "up: function\n"
	      "  sql[\"x\",[func(\"a()\"),func(\"b()\"),func(\"c()\"),func(\"d()\"),func(\"e(1)\"),func(\"5\")]]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_require_forms(void **state)
{
	(void)state;
	check("const { PgLiteral, PgLiteral: Lit } = require('node-pg-migrate');\n"
	      "const npm = require('node-pg-migrate');\n"
	      "const P2 = require('node-pg-migrate').PgLiteral;\n"
	      "require('node-pg-migrate');\n"
	      "exports.up = (pgm) => { pgm.sql('x', [PgLiteral.create('a'), new Lit('b'), npm.PgLiteral.create('c'),"
	      " new P2('d')]); };\n",
	      "up: function\n"
	      "  sql[\"x\",[func(\"a\"),func(\"b\"),func(\"c\"),func(\"d\")]]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

/* ---- Values ------------------------------------------------------------ */

static void test_string_escapes(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a\\nb\\tc\\rd\\be\\ff\\vg \\\\ \\' \\\" \\a \\x41\\u0042\\u{43} "
	      "\\u{1F600}\\uD83D\\uDE00 \\u00e9'); };\n",
	      "up: function\n"
	      "  sql[\"a\\nb\\u0009c\\u000dd\\u0008e\\u000cf\\u000bg \\\\ ' \\\" a ABC \360\237\230\200\360\237\230\200 "
	      "\303\251\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_string_line_continuations(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a\\\n"
	      "b\\\r\n"
	      "c\\\342\200\250d', \"e\342\200\250f\"); };\n",
	      "up: function\n"
	      "  sql[\"abcd\",\"e\342\200\250f\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_template_literals(void **state)
{
	(void)state;
	check("const t = 'tbl';\n"
	      "const n = 3;\n"
	      "exports.up = (pgm) => { pgm.sql(`SELECT * FROM ${t} LIMIT ${n + 1} -- ${`nested ${t}`} ${null} "
	      "${undefined} ${true} ${pgm.func('f()')}\\`\\${x}\r\n"
	      "line`); };\n",
	      "up: function\n"
	      "  sql[\"SELECT * FROM tbl LIMIT 4 -- nested tbl null undefined true f()`${x}\\nline\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_numbers(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('n', [0, 1.5, .5, 5., 1e21, 1e-7, 1_000_000, 0x1F, 0XfF, 0o17,"
	      " 0b1010, 0xFFFFFFFFFFFFFFFFF, 0o7777777777777777777777, 1e400, 5e-324, -0, -1.5, +2, - -3, "
	      "-0x10, Infinity, -Infinity, NaN, 0.1 + 0.2]); };\n",
	      "up: function\n"
	      "  sql[\"n\",[0,1.5,0.5,5,1e+21,1e-7,1000000,31,255,15,10,295147905179352830000,73786976294838210000,"
	      "Infinity,5e-324,0,-1.5,2,3,-16,Infinity,-Infinity,NaN,0.30000000000000004]]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_literals(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', [true, false, null, undefined, void 0, 'str', \"dq\"]);"
	      " };\n",
	      "up: function\n"
	      "  sql[\"x\",[true,false,null,undefined,undefined,\"str\",\"dq\"]]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_object_keys(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { plain: 1, 'quoted key': 2, \"dq\": 3, 12: 4, 1.5: 5,"
	      " 0x10: 6, default: 7, if: 8, }); };\n",
	      "up: function\n"
	      "  sql[\"x\",{\"12\":4,\"16\":6,\"plain\":1,\"quoted key\":2,\"dq\":3,\"1.5\":5,\"default\":7,"
	      "\"if\":8}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_object_key_order(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { b: 1, a: 2, 10: 'ten', 2: 'two', '01': 'lead', 4294967295: "
	      "'big', 4294967294: 'max', b: 3 }); };\n",
	      "up: function\n"
	      "  sql[\"x\",{\"2\":\"two\",\"10\":\"ten\",\"4294967294\":\"max\",\"b\":3,\"a\":2,\"01\":\"lead\","
	      "\"4294967295\":\"big\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_shorthand_properties_and_spread(void **state)
{
	(void)state;
	check("const id = 'id';\n"
	      "const base = { id, created: 'timestamp' };\n"
	      "const list = ['x', 'y'];\n"
	      "exports.up = (pgm) => { pgm.createTable('t', { ...base, name: 'text', ...list, ...null, ...undefined,"
	      " ...1, created: 'date' }); };\n",
	      "up: function\n"
	      "  createTable[\"t\",{\"0\":\"x\",\"1\":\"y\",\"id\":\"id\",\"created\":\"date\",\"name\":\"text\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_computed_keys(void **state)
{
	(void)state;
	check("const k = 'col';\n"
	      "const n = 7;\n"
	      "exports.up = (pgm) => { pgm.sql('x', { [k]: 1, [k + '_2']: 2, [n]: 3, [`t_${k}`]: 4, [true]: "
	      "5, [null]: 6 }); };\n",
	      "up: function\n"
	      "  sql[\"x\",{\"7\":3,\"col\":1,\"col_2\":2,\"t_col\":4,\"true\":5,\"null\":6}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_arrays_and_spread(void **state)
{
	(void)state;
	check("const a = [1, 2];\n"
	      "exports.up = (pgm) => { pgm.sql('x', [...a, [...a, ...[]], 3,], ...[{ a }]); };\n",
	      "up: function\n"
	      "  sql[\"x\",[1,2,[1,2],3],{\"a\":[1,2]}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_const_let_var_bindings(void **state)
{
	(void)state;
	check("const a = 'a', b = a + 'b';\n"
	      "let c = { a, b };\n"
	      "var d = [c];\n"
	      "let e;\n"
	      "exports.up = (pgm) => { pgm.sql('x', a, b, c, d, e); };\n",
	      "up: function\n"
	      "  sql[\"x\",\"a\",\"ab\",{\"a\":\"a\",\"b\":\"ab\"},[{\"a\":\"a\",\"b\":\"ab\"}],undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_string_concatenation(void **state)
{
	(void)state;
	check("const n = 1.5;\n"
	      "exports.up = (pgm) => { pgm.sql('a' + n + 2, 1 + 2 + 'c', 'x' + true + null + undefined, 1e21 "
	      "+ '', 'p' + pgm.func('now()'), true + 1, null + 1); };\n",
	      "up: function\n"
	      "  sql[\"a1.52\",\"3c\",\"xtruenullundefined\",\"1e+21\",\"pnow()\",2,1]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_member_access(void **state)
{
	(void)state;
	check("const cols = { id: { type: 'serial' }, list: ['a', 'b'], 3: 'three' };\n"
	      "exports.up = (pgm) => { pgm.sql('x', cols.id, cols.id.type, cols.list[1], cols.list.length,"
	      " cols['list'][0], cols[3], cols.missing, 'h\303\251\360\237\230\200'.length, cols.id!.type);"
	      " };\n",
	      "up: function\n"
	      "  sql[\"x\",{\"type\":\"serial\"},\"serial\",\"b\",2,\"a\",\"three\",undefined,4,\"serial\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

/* ---- TypeScript -------------------------------------------------------- */

static void test_ts_annotations(void **state)
{
	(void)state;
	check("import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';\n"
	      "const names = ['a', 'b'] as const;\n"
	      "const opts: Record<string, Array<Array<boolean>>> = { x: [[true]] };\n"
	      "let maybe!: string | undefined;\n"
	      "export const shorthands: ColumnDefinitions | undefined = undefined;\n"
	      "export const up = async (pgm: MigrationBuilder, ): Promise<void> => {\n"
	      "  pgm.sql(names[0] as string, opts as unknown as object, { a: 1 } satisfies object, maybe);"
	      "\n"
	      "};\n"
	      "export const down: ((pgm: MigrationBuilder) => void) | false = false;\n",
	      "up: function\n"
	      "  sql[\"a\",{\"x\":[[true]]},{\"a\":1},undefined]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_ts_declarations_are_skipped(void **state)
{
	(void)state;
	check("import type * as T from 'node-pg-migrate';\n"
	      "import { type MigrationBuilder, PgLiteral } from 'node-pg-migrate';\n"
	      "type Fn<X = string> = (pgm: MigrationBuilder) => X extends string ? void : never;\n"
	      "interface Opts extends Partial<Record<'a' | 'b', boolean>> { readonly c?: string[]; d(x: number): "
	      "void }\n"
	      "declare const ambient: number;\n"
	      "declare module 'x' { export const y: number; }\n"
	      "export type { Opts };\n"
	      "export type Exported = { up: Fn };\n"
	      "export interface I { a: T.MigrationBuilder }\n"
	      "export const up: Fn = (pgm) => { pgm.sql('t'); };\n",
	      "up: function\n"
	      "  sql[\"t\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_ts_type_forms(void **state)
{
	(void)state;
	check("type A = <T>(x: T) => void;\n"
	      "type B = new () => object;\n"
	      "type C = typeof import('node-pg-migrate').PgLiteral;\n"
	      "type D = keyof { a: 1 };\n"
	      "type E = readonly string[];\n"
	      "type F = `tpl`;\n"
	      "type G = -1 | 'x' | [a: string, b?: number] | ((x: unknown) => x is string);\n"
	      "declare function check(a: unknown): asserts a is string;\n"
	      "declare let flag: boolean, other: number;\n"
	      "export type { A, B as BB };\n"
	      "export const up = (pgm: MigrationBuilder): void => { pgm.sql('x' as A extends B ? string : "
	      "never); };\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_ts_optional_param_and_typed_run(void **state)
{
	(void)state;
	check("export function up(pgm?: MigrationBuilder, run?: () => void): void { pgm!.sql('x'); run!();"
	      " }\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

/* ---- Statements, scopes and layout ------------------------------------- */

static void test_statements(void **state)
{
	(void)state;
	check("'use strict';\n"
	      "/* eslint-disable camelcase */\n"
	      ";;\n"
	      "exports.up = async (pgm) => {\n"
	      "  'use strict';\n"
	      "  ;\n"
	      "  await pgm.sql('a')\n"
	      "  pgm.sql('b'); pgm.sql(\n"
	      "    'c'\n"
	      "    + 'd'\n"
	      "  )\n"
	      "  return pgm.sql('e');\n"
	      "};\n"
	      "exports.down = (pgm) => {\n"
	      "  return;\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "  sql[\"b\"]\n"
	      "  sql[\"cd\"]\n"
	      "  sql[\"e\"]\n"
	      "down: function\n"
	      "shorthands: none\n");
}

static void test_dead_code_after_return(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.sql('a');\n"
	      "  return\n"
	      "  pgm.sql('not run');\n"
	      "};\n"
	      "exports.down = (pgm) => { return pgm.sql('b'); pgm.noTransaction(); };\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "down: function\n"
	      "  sql[\"b\"]\n"
	      "shorthands: none\n");
}

static void test_locals_in_function_body(void **state)
{
	(void)state;
	check("const T = 'module';\n"
	      "exports.up = (pgm) => {\n"
	      "  const T = 'local';\n"
	      "  let cols = { id: 'id' };\n"
	      "  pgm.createTable(T, cols);\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"local\",{\"id\":\"id\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_constants_declared_after_use(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.createTable(TABLE, COLS); };\n"
	      "const TABLE = 'later';\n"
	      "const COLS = { id: 'id' };\n",
	      "up: function\n"
	      "  createTable[\"later\",{\"id\":\"id\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_function_declarations_are_hoisted(void **state)
{
	(void)state;
	check("exports.up = up;\n"
	      "exports.down = down;\n"
	      "function up(pgm) { pgm.createSchema('s'); }\n"
	      "async function down(pgm) { pgm.dropSchema('s'); }\n",
	      "up: function\n"
	      "  createSchema[\"s\"]\n"
	      "down: function\n"
	      "  dropSchema[\"s\"]\n"
	      "shorthands: none\n");
}

static void test_tsc_commonjs_output(void **state)
{
	(void)state;
	check("\"use strict\";\n"
	      "Object.defineProperty(exports, \"__esModule\", { value: true });\n"
	      "exports.down = exports.up = exports.shorthands = void 0;\n"
	      "const node_pg_migrate_1 = require(\"node-pg-migrate\");\n"
	      "exports.shorthands = { u: { type: 'timestamp', default: new node_pg_migrate_1.PgLiteral('now()') "
	      "} };\n"
	      "async function up(pgm) {\n"
	      "    pgm.createTable('items', { id: 'id' });\n"
	      "}\n"
	      "exports.up = up;\n"
	      "async function down(pgm) {\n"
	      "    pgm.dropTable('items');\n"
	      "}\n"
	      "exports.down = down;\n",
	      "up: function\n"
	      "  createTable[\"items\",{\"id\":\"id\"}]\n"
	      "down: function\n"
	      "  dropTable[\"items\"]\n"
	      "shorthands: {\"u\":{\"type\":\"timestamp\",\"default\":func(\"now()\")}}\n");
}

static void test_babel_commonjs_output(void **state)
{
	(void)state;
	check("\"use strict\";\n"
	      "\n"
	      "Object.defineProperty(exports, \"__esModule\", {\n"
	      "  value: true\n"
	      "});\n"
	      "exports.up = exports.shorthands = exports.down = void 0;\n"
	      "var _nodePgMigrate = require(\"node-pg-migrate\");\n"
	      "const shorthands = exports.shorthands = { ts: { type: 'timestamp', default: new _nodePgMigrate.PgLiteral('now()') "
	      "} };\n"
	      "const up = pgm => {\n"
	      "  pgm.createTable('b', { at: 'ts' });\n"
	      "};\n"
	      "exports.up = up;\n"
	      "const down = exports.down = false;\n",
	      "up: function\n"
	      "  createTable[\"b\",{\"at\":\"ts\"}]\n"
	      "down: disabled\n"
	      "shorthands: {\"ts\":{\"type\":\"timestamp\",\"default\":func(\"now()\")}}\n");
}

static void test_babel_function_chain(void **state)
{
	(void)state;
	check("const up = exports.up = (pgm) => { pgm.sql('x'); };\n"
	      "const down = exports.down = up;\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_comments_and_hashbang(void **state)
{
	(void)state;
	check("#!/usr/bin/env node\n"
	      "// line comment\n"
	      "/** JSDoc\n"
	      " * @param pgm {import('node-pg-migrate').MigrationBuilder}\n"
	      " */\n"
	      "exports.up = (/* inline */ pgm) => { // trailing\n"
	      "  pgm.sql(/* a */ 'x' /* b */); /* c\n"
	      "  multi-line */\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_unicode_and_bom_whitespace(void **state)
{
	(void)state;
	check("\357\273\277const caf\303\251 = 'caf\303\251';\302\240\n"
	      "exports.up = (pgm) => {\342\200\203pgm.sql(caf\303\251, '\346\227\245\346\234\254'); };\n",
	      "up: function\n"
	      "  sql[\"caf\303\251\",\"\346\227\245\346\234\254\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_positions_of_ops_and_values(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.sql('a');\n"
	      "\tpgm.createTable('t', { id: 'id' });\n"
	      "  /* \303\251\303\251 */ pgm.sql('b');\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "  createTable[\"t\",{\"id\":\"id\"}]\n"
	      "  sql[\"b\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_crlf_line_endings(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\r\n"
	      "  pgm.sql('a');\r\n"
	      "  pgm.sql(`x\r\n"
	      "y`);\r\n"
	      "};\r\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "  sql[\"x\\ny\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_pgm_func_alone_is_a_no_op(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.func('x'); };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_empty_file(void **state)
{
	(void)state;
	check("",
	      "up: invalid\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_await_of_a_value(void **state)
{
	(void)state;
	check("exports.up = async (pgm) => { pgm.sql(await 'x', await { a: 1 }); };\n",
	      "up: function\n"
	      "  sql[\"x\",{\"a\":1}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_typescript_non_null_builder(void **state)
{
	(void)state;
	check("export const up = (pgm?: MigrationBuilder) => { pgm!.sql('x'); };\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

/* ---- Refused constructs (valid JavaScript that needs Node.js) ---------- */

static void test_for_loop(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  for (const t of ['a', 'b']) pgm.createTable(t, {});\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"a\",{}]\n"
	      "  createTable[\"b\",{}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_if_statement(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  if (true) pgm.sql('x');\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_while_loop(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { while (false) {} };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_do_while_loop(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { do {} while (false) };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_switch_statement(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { switch (1) {} };\n",
	      "error: 1:25: `switch` statement in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_try_statement(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { try { pgm.sql('x') } catch (e) {} };\n",
	      "error: 1:25: `try` statement in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs "
	      "node-pg-migrate to run\n");
}

static void test_throw_statement(void **state)
{
	(void)state;
	check("exports.down = () => { throw new Error('irreversible'); };\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 1:24: `throw` statement in down(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_class_declaration(void **state)
{
	(void)state;
	check("class Foo {}\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 1:1: class declaration at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_labelled_statement(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { outer: pgm.sql('x'); };\n",
	      "error: 1:25: labelled statement in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_enum_declaration(void **state)
{
	(void)state;
	check("enum E { A }\n"
	      "export const up = (pgm) => {};\n",
	      "error: 1:1: TypeScript `enum` at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_block_statement(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { { pgm.sql('x'); } };\n",
	      "up: function\n"
	      "  sql[\"x\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_top_level_call(void **state)
{
	(void)state;
	check("console.log('loading');\n"
	      "exports.up = (pgm) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_call_of_unknown_function(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(format('x')); };\n",
	      "error: 1:33: call of `format()` in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_call_of_constant(void **state)
{
	(void)state;
	check("const helper = (pgm) => {};\n"
	      "exports.up = (pgm) => { helper(pgm); };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_method_call_on_value(void **state)
{
	(void)state;
	check("const list = ['a'];\n"
	      "exports.up = (pgm) => { pgm.sql(list.join(',')); };\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_pgm_db_query(void **state)
{
	(void)state;
	check("exports.up = async (pgm) => {\n"
	      "  await pgm.db.query('SELECT 1');\n"
	      "};\n",
	      "error: 2:9: `pgm.db.query()` (a live database query) in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_pgm_db_select(void **state)
{
	(void)state;
	check("exports.up = async (pgm) => { const rows = await pgm.db.select('SELECT 1'); };\n",
	      "error: 1:50: `pgm.db.select()` (a live database query) in up(): only static code "
	      "(constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_import_of_other_module(void **state)
{
	(void)state;
	check("import fs from 'node:fs';\n"
	      "export const up = (pgm) => {};\n",
	      "error: 1:1: import of 'node:fs' at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_require_of_other_module(void **state)
{
	(void)state;
	check("const path = require('path');\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 1:14: require('path') at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_spread_of_unknown(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.createTable('t', { ...columns }); };\n",
	      "error: 1:51: `columns` (not a constant defined in this file) in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be "
	      "read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_unknown_identifier(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.createTable(tableName, {}); };\n",
	      "error: 1:41: `tableName` (not a constant defined in this file) in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be "
	      "read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_process_env(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(process.env.SQL); };\n",
	      "error: 1:33: `process.env.SQL` (not a constant defined in this file) in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_this_keyword(void **state)
{
	(void)state;
	check("exports.up = function (pgm) { pgm.sql(this.x); };\n",
	      "error: 1:39: `this` in up(): only static code (constants, loops, this file's functions, "
	      "pgm.<operation>(...) calls) can be read without Node.js; this file needs node-pg-migrate "
	      "to run\n");
}

static void test_assignment_in_up(void **state)
{
	(void)state;
	check("let n = 1;\n"
	      "exports.up = (pgm) => { n = 2; };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_compound_assignment(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { x += 1; };\n",
	      "error: 1:25: assignment to `x` (not a name declared in this file) in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be "
	      "read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_top_level_assignment(void **state)
{
	(void)state;
	check("let t = 'a';\n"
	      "t = 'b';\n"
	      "exports.up = (pgm) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_increment(void **state)
{
	(void)state;
	check("let i = 0;\n"
	      "exports.up = (pgm) => { i++; };\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_conditional_expression(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(1 ? 'a' : 'b'); };\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_logical_or(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a' || 'b'); };\n",
	      "up: function\n"
	      "  sql[\"a\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_nullish(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(null \?? 'b'); };\n",
	      "up: function\n"
	      "  sql[\"b\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_comparison(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(1 === 1); };\n",
	      "up: function\n"
	      "  sql[true]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_subtraction(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', 2 - 1); };\n",
	      "up: function\n"
	      "  sql[\"x\",1]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_multiplication(void **state)
{
	(void)state;
	check("const KB = 1024;\n"
	      "exports.up = (pgm) => { pgm.sql('x', 4 * KB); };\n",
	      "up: function\n"
	      "  sql[\"x\",4096]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_logical_not(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', !0); };\n",
	      "up: function\n"
	      "  sql[\"x\",true]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_typeof_operator(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(typeof x); };\n",
	      "error: 1:40: `x` (not a constant defined in this file) in up(): only static code "
	      "(constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_regex_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', /a+/g); };\n",
	      "error: 1:38: regular expression literal in up(): only static code (constants, loops, "
	      "this file's functions, pgm.<operation>(...) calls) can be read without Node.js; this "
	      "file needs node-pg-migrate to run\n");
}

static void test_nested_function_declaration(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  function helper() {}\n"
	      "};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_arrow_function_in_value(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { f: () => 1 }); };\n",
	      "error: 1:43: function expression inside a value in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_function_in_constant_object(void **state)
{
	(void)state;
	check("const m = { up: (pgm) => {} };\n"
	      "module.exports = m;\n",
	      "error: 1:17: function expression inside a value at top level: only static code (constants, "
	      "this file's functions, node-pg-migrate imports, static sibling files, the exports) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_function_used_as_value(void **state)
{
	(void)state;
	check("function f() {}\n"
	      "exports.up = (pgm) => { pgm.sql('x', f); };\n",
	      "error: 2:25: a function or the MigrationBuilder as an argument of `pgm.sql()` in "
	      "up(): only static code (constants, loops, this file's functions, pgm.<operation>(...) "
	      "calls) can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_tagged_template(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(sql`SELECT 1`); };\n",
	      "error: 1:33: tagged template `sql`...` in up(): only static code (constants, loops, "
	      "this file's functions, pgm.<operation>(...) calls) can be read without Node.js; this "
	      "file needs node-pg-migrate to run\n");
}

static void test_tagged_template_on_known(void **state)
{
	(void)state;
	check("const tag = 'x';\n"
	      "exports.up = (pgm) => { pgm.sql(tag`SELECT 1`); };\n",
	      "error: 2:36: tagged template in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs "
	      "node-pg-migrate to run\n");
}

static void test_optional_chaining(void **state)
{
	(void)state;
	check("const o = {};\n"
	      "exports.up = (pgm) => { pgm.sql(o?.x); };\n",
	      "up: function\n"
	      "  sql[undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_array_hole(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', [1, , 2]); };\n",
	      "error: 1:42: array hole (an empty element between commas) in up(): only static code "
	      "(constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_proto_key(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { __proto__: null }); };\n",
	      "error: 1:40: `__proto__:` in an object literal (it sets the prototype) in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_inherited_property(void **state)
{
	(void)state;
	check("const o = {};\n"
	      "exports.up = (pgm) => { pgm.sql('x', o.constructor); };\n",
	      "error: 2:40: `.constructor` (an inherited Object property) in up(): only static code "
	      "(constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_method_in_object_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { f() {} }); };\n",
	      "error: 1:40: method in an object literal in up(): only static code (constants, loops, "
	      "this file's functions, pgm.<operation>(...) calls) can be read without Node.js; this "
	      "file needs node-pg-migrate to run\n");
}

static void test_getter_in_object_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', { get f() { return 1; } }); };\n",
	      "error: 1:40: getter or setter in an object literal in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_bigint_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', 10n); };\n",
	      "error: 1:38: BigInt literal `10n` in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_legacy_octal_literal(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', 017); };\n",
	      "error: 1:38: legacy octal literal (a number with a leading 0) `017` in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_nesting_too_deep(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]);"
	      " };\n",
	      "error: 1:292: nested more than 256 levels deep in up(); this reader refuses deeper nesting\n");
}

static void test_unary_nesting_too_deep(void **state)
{
	(void)state;
	check("const x = - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - "
	      "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - 1;\n",
	      "error: 1:525: nested more than 256 levels deep at top level; this reader refuses deeper nesting\n");
}

static void test_values_too_large(void **state)
{
	(void)state;
	check("const a0 = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';\n"
	      "const a1 = [a0, a0];\n"
	      "const a2 = [a1, a1];\n"
	      "const a3 = [a2, a2];\n"
	      "const a4 = [a3, a3];\n"
	      "const a5 = [a4, a4];\n"
	      "const a6 = [a5, a5];\n"
	      "const a7 = [a6, a6];\n"
	      "const a8 = [a7, a7];\n"
	      "const a9 = [a8, a8];\n"
	      "const a10 = [a9, a9];\n"
	      "const a11 = [a10, a10];\n"
	      "const a12 = [a11, a11];\n"
	      "const a13 = [a12, a12];\n"
	      "const a14 = [a13, a13];\n"
	      "const a15 = [a14, a14];\n"
	      "const a16 = [a15, a15];\n"
	      "const a17 = [a16, a16];\n"
	      "const a18 = [a17, a17];\n"
	      "const a19 = [a18, a18];\n"
	      "const a20 = [a19, a19];\n"
	      "const a21 = [a20, a20];\n"
	      "const a22 = [a21, a21];\n"
	      "const a23 = [a22, a22];\n"
	      "const a24 = [a23, a23];\n"
	      "const a25 = [a24, a24];\n"
	      "const a26 = [a25, a25];\n"
	      "const a27 = [a26, a26];\n"
	      "const a28 = [a27, a27];\n"
	      "const a29 = [a28, a28];\n"
	      "const a30 = [a29, a29];\n"
	      "const a31 = [a30, a30];\n"
	      "const a32 = [a31, a31];\n"
	      "const a33 = [a32, a32];\n"
	      "const a34 = [a33, a33];\n"
	      "const a35 = [a34, a34];\n"
	      "const a36 = [a35, a35];\n"
	      "const a37 = [a36, a36];\n"
	      "const a38 = [a37, a37];\n"
	      "const a39 = [a38, a38];\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 20:19: the values of this file are too large (more than 128 MiB once constants are expanded)\n");
}

static void test_too_many_keys(void **state)
{
	(void)state;
	check("const a = [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
	      "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0];\n"
	      "const b = [...a, ...a, ...a, ...a, ...a, ...a, ...a, ...a];\n"
	      "const c = [...b, ...b, ...b, ...b, ...b, ...b, ...b, ...b, ...b];\n"
	      "const o = { ...c };\n",
	      "error: 4:13: object with more than 4096 keys at top level; this reader refuses larger objects\n");
}

static void test_declared_twice(void **state)
{
	(void)state;
	check("const a = 1;\n"
	      "const a = 2;\n",
	      "error: 2:7: `a` is declared twice at top level\n");
}

static void test_const_without_value(void **state)
{
	(void)state;
	check("const a;\n",
	      "error: 1:7: syntax error at top level: `const a` without a value\n");
}

static void test_return_at_top_level(void **state)
{
	(void)state;
	check("return;\n",
	      "error: 1:1: syntax error: `return` outside a function\n");
}

static void test_unknown_operation(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.createTabel('t', {});\n"
	      "};\n",
	      "error: 2:7: unknown operation `pgm.createTabel()` in up(): node-pg-migrate's MigrationBuilder "
	      "has no such method\n");
}

static void test_then_on_result(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x').then(() => 1); };\n",
	      "error: 1:37: use of the result of `pgm.sql()` in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_new_of_other_class(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', new Date()); };\n",
	      "error: 1:38: `new` expression in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs "
	      "node-pg-migrate to run\n");
}

static void test_unary_minus_on_string(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', -'1'); };\n",
	      "up: function\n"
	      "  sql[\"x\",-1]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_plus_with_object(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x' + {}); };\n",
	      "up: function\n"
	      "  sql[\"x[object Object]\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_template_with_array(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(`${[1]}`); };\n",
	      "up: function\n"
	      "  sql[\"1\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_shorthands_not_object(void **state)
{
	(void)state;
	check("exports.shorthands = 5;\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 1:22: the shorthands export must be an object of column definitions, not a number\n");
}

static void test_generator_function(void **state)
{
	(void)state;
	check("exports.up = function* (pgm) {};\n",
	      "error: 1:22: generator function at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_default_parameter(void **state)
{
	(void)state;
	check("exports.up = (pgm, opts = {}) => {};\n",
	      "up: function\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_rest_parameter(void **state)
{
	(void)state;
	check("exports.up = (...args) => {};\n",
	      "error: 1:18: a function or the MigrationBuilder in a rest parameter in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_destructured_parameter(void **state)
{
	(void)state;
	check("exports.up = ({ createTable }) => {};\n",
	      "error: 1:15: destructuring a function or the MigrationBuilder in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be "
	      "read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_dynamic_import(void **state)
{
	(void)state;
	check("exports.up = async (pgm) => { await import('x'); };\n",
	      "error: 1:37: dynamic `import()` in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

static void test_import_meta(void **state)
{
	(void)state;
	check("import.meta.url;\n",
	      "error: 1:1: `import.meta` at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_export_star(void **state)
{
	(void)state;
	check("export * from 'x';\n",
	      "error: 1:8: `export * from` at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_export_equals(void **state)
{
	(void)state;
	check("export = { up: 1 };\n",
	      "error: 1:8: TypeScript `export =` at top level: only static code (constants, this "
	      "file's functions, node-pg-migrate imports, static sibling files, the exports) can "
	      "be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_re_export(void **state)
{
	(void)state;
	check("export { up } from './other.js';\n",
	      "error: 1:8: re-export from './other.js' at top level: only static code (constants, "
	      "this file's functions, node-pg-migrate imports, static sibling files, the exports) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_unclosed_brace(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  pgm.sql('x');\n",
	      "error: 1:23: syntax error at top level: `{` is never closed\n");
}

static void test_unexpected_token(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x' 'y'); };\n",
	      "error: 1:37: syntax error in up(): unexpected string literal, expected `,` or `)`\n");
}

static void test_missing_parenthesis(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x'; };\n",
	      "error: 1:36: syntax error in up(): unexpected `;`, expected `,` or `)`\n");
}

static void test_run_never_called(void **state)
{
	(void)state;
	check("exports.up = (pgm, run) => {\n"
	      "  pgm.sql('x');\n"
	      "};\n",
	      "error: 1:20: up() takes a second parameter `run` but never calls it: node-pg-migrate passes "
	      "a callback to two-parameter functions and waits for `run()`, so this migration would never "
	      "finish\n");
}

static void test_run_with_argument(void **state)
{
	(void)state;
	check("exports.up = (pgm, done) => { done(new Error('x')); };\n",
	      "error: 1:36: `done()` with an argument in up(): only static code (constants, loops, "
	      "this file's functions, pgm.<operation>(...) calls) can be read without Node.js; this "
	      "file needs node-pg-migrate to run\n");
}

static void test_builder_used_as_value(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', pgm); };\n",
	      "error: 1:25: a function or the MigrationBuilder as an argument of `pgm.sql()` in "
	      "up(): only static code (constants, loops, this file's functions, pgm.<operation>(...) "
	      "calls) can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_operation_inside_expression(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', pgm.createTable('t', {})); };\n",
	      "up: function\n"
	      "  createTable[\"t\",{}]\n"
	      "  sql[\"x\",undefined]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_reading_property_of_undefined(void **state)
{
	(void)state;
	check("const o = {};\n"
	      "exports.up = (pgm) => { pgm.sql(o.a.b); };\n",
	      "error: 2:37: reading `.b` of undefined in up() (a TypeError in Node.js too)\n");
}

static void test_comma_operator(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(('a', 'b')); };\n",
	      "error: 1:37: comma operator in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs "
	      "node-pg-migrate to run\n");
}

static void test_angle_type_assertion(void **state)
{
	(void)state;
	check("export const up = (pgm) => { pgm.sql(<string>'x'); };\n",
	      "error: 1:38: TypeScript type assertion `<T>value` (write `value as T`) in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_await_at_top_level(void **state)
{
	(void)state;
	check("const x = await 'x';\n",
	      "error: 1:11: `await` inside an expression at top level: only static code (constants, "
	      "this file's functions, node-pg-migrate imports, static sibling files, the exports) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_exports_inside_function(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { exports.down = false; };\n",
	      "error: 1:25: use of `exports` inside a function in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_module_exports_require(void **state)
{
	(void)state;
	check("module.exports = require('./impl');\n",
	      "error: 1:18: `module.exports = require(...)` at top level: only static code (constants, "
	      "this file's functions, node-pg-migrate imports, static sibling files, the exports) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_func_with_object_argument(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', pgm.func({})); };\n",
	      "error: 1:38: pgm.func() with an object as argument (a string is expected) in up(): "
	      "only static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_func_without_argument(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x', pgm.func()); };\n",
	      "error: 1:38: pgm.func() without an argument in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_spread_of_string_in_call(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(...'ab'); };\n",
	      "error: 1:33: spread of a string in a call in up(): only static code (constants, loops, "
	      "this file's functions, pgm.<operation>(...) calls) can be read without Node.js; this "
	      "file needs node-pg-migrate to run\n");
}

static void test_export_default_class(void **state)
{
	(void)state;
	check("export default class M {}\n",
	      "error: 1:16: class declaration at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_object_destructuring(void **state)
{
	(void)state;
	check("const o = { a: 1 };\n"
	      "const { a } = o;\n",
	      "up: invalid\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_private_name(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(#x); };\n",
	      "error: 1:33: private name in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs "
	      "node-pg-migrate to run\n");
}

static void test_decorator(void **state)
{
	(void)state;
	check("@dec\n"
	      "export const up = 1;\n",
	      "error: 1:1: decorator at top level: only static code (constants, this file's functions, "
	      "node-pg-migrate imports, static sibling files, the exports) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_exported_name_not_declared(void **state)
{
	(void)state;
	check("export { nothing as up };\n",
	      "error: 1:10: syntax error: exported name `nothing` is not declared\n");
}

static void test_exported_type_name_not_declared(void **state)
{
	(void)state;
	check("export type { Nothing };\n",
	      "error: 1:15: syntax error: exported name `Nothing` is not declared\n");
}

static void test_type_exported_as_up(void **state)
{
	(void)state;
	check("type X = 1;\n"
	      "export { X as up };\n",
	      "error: 2:10: `X` is a type, exported as `up`\n");
}

static void test_assignment_to_exports_object(void **state)
{
	(void)state;
	check("exports = { up: 1 };\n",
	      "error: 1:1: use of `exports` other than assigning an export at top level: only static "
	      "code (constants, this file's functions, node-pg-migrate imports, static sibling files, "
	      "the exports) can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_declare_with_garbage(void **state)
{
	(void)state;
	check("declare const x = 1;\n",
	      "error: 1:17: assignment `=` at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_interface_without_body(void **state)
{
	(void)state;
	check("interface I extends J;\n",
	      "error: 1:22: syntax error at top level: unexpected `;`, expected `{`\n");
}

static void test_default_import_without_comma(void **state)
{
	(void)state;
	check("import L { PgLiteral } from 'node-pg-migrate';\n",
	      "error: 1:10: syntax error at top level: unexpected `{`, expected `from`\n");
}

/* ---- Lexical errors ---------------------------------------------------- */

static void test_unterminated_string(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('abc); };\n",
	      "error: 1:33: unterminated string literal (a line break inside quotes; use \\n or a template "
	      "literal)\n");
}

static void test_line_break_in_string(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('abc\n"
	      "'); };\n",
	      "error: 1:33: unterminated string literal (a line break inside quotes; use \\n or a template "
	      "literal)\n");
}

static void test_nul_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a\\0b'); };\n",
	      "error: 1:35: \\0 in a string: this escape produces a NUL character (U+0000), which SQL text "
	      "cannot hold\n");
}

static void test_nul_hex_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a\\x00b'); };\n",
	      "error: 1:35: \\x00: this escape produces a NUL character (U+0000), which SQL text cannot hold\n");
}

static void test_nul_unicode_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('a\\u0000'); };\n",
	      "error: 1:35: \\u0000: this escape produces a NUL character (U+0000), which SQL text cannot "
	      "hold\n");
}

static void test_nul_code_point_escape_in_template(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(`a\\u{0}`); };\n",
	      "error: 1:35: \\u{0}: this escape produces a NUL character (U+0000), which SQL text cannot hold\n");
}

static void test_lone_high_surrogate(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\uD83D!'); };\n",
	      "error: 1:34: lone surrogate \\uD83D: it is not a character and cannot be written as UTF-8 text\n");
}

static void test_lone_low_surrogate(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\uDE00'); };\n",
	      "error: 1:34: lone surrogate \\uDE00: it is not a character and cannot be written as UTF-8 text\n");
}

static void test_code_point_too_large(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\u{110000}'); };\n",
	      "error: 1:34: \\u{...} escape beyond U+10FFFF\n");
}

static void test_octal_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\101'); };\n",
	      "error: 1:34: octal escape sequence \\1 in a string: not allowed in strict-mode JavaScript (write "
	      "\\x01 or \\u0001)\n");
}

static void test_escape_8(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\8'); };\n",
	      "error: 1:34: \\8 in a string is not allowed in strict-mode JavaScript (write 8)\n");
}

static void test_bad_hex_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\xZZ'); };\n",
	      "error: 1:34: invalid \\x escape sequence: two hexadecimal digits expected\n");
}

static void test_bad_unicode_escape(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\\u12'); };\n",
	      "error: 1:34: invalid \\u escape sequence: \\uHHHH or \\u{H...} expected\n");
}

static void test_unterminated_template(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(`abc\n",
	      "error: 1:33: unterminated template literal\n");
}

static void test_unterminated_comment(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {};\n"
	      "/* never closed\n",
	      "error: 2:1: unterminated /* comment\n");
}

static void test_unterminated_regex(void **state)
{
	(void)state;
	check("const r = /abc\n",
	      "error: 1:11: unterminated regular expression literal\n");
}

static void test_misplaced_separator(void **state)
{
	(void)state;
	check("const n = 1__0;\n",
	      "error: 1:12: misplaced numeric separator '_'\n");
}

static void test_leading_zero_separator(void **state)
{
	(void)state;
	check("const n = 0_1;\n",
	      "error: 1:12: numeric separator '_' after a leading 0\n");
}

static void test_identifier_after_number(void **state)
{
	(void)state;
	check("const n = 3in;\n",
	      "error: 1:12: an identifier or digit directly after a numeric literal\n");
}

static void test_missing_exponent(void **state)
{
	(void)state;
	check("const n = 1e;\n",
	      "error: 1:11: numeric literal with an exponent but no exponent digits\n");
}

static void test_hex_without_digits(void **state)
{
	(void)state;
	check("const n = 0x;\n",
	      "error: 1:11: numeric literal 0x without digits\n");
}

static void test_control_character(void **state)
{
	(void)state;
	check("const n = 1;\001\n",
	      "error: 1:13: unexpected control character U+0001\n");
}

static void test_identifier_escape(void **state)
{
	(void)state;
	check("const \\u0061 = 1;\n",
	      "error: 1:7: escape sequence in an identifier (not supported)\n");
}

static void test_column_counts_code_points(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('\303\251\303\251\303\251\360\237\230\200'); switch (1) {} };"
	      "\n",
	      "error: 1:42: `switch` statement in up(): only static code (constants, loops, this "
	      "file's functions, pgm.<operation>(...) calls) can be read without Node.js; this file "
	      "needs node-pg-migrate to run\n");
}

/* ---- Positions, ownership, files, the tokenizer ------------------------ */

static void test_positions_are_lines_and_code_point_columns(void **state)
{
	(void)state;
	const char *src = "exports.up = (pgm) => {\n"
			  "  pgm.sql('a');\n"
			  "\tpgm.createTable('t', { id: 'id' });\n"
			  "  /* \303\251\303\251 */ pgm.sql('b');\n"
			  "};\n";
	mig_migration m;
	init(&m);
	assert_int_equal(mig_load_js_text(&m, src, strlen(src)), 0);
	assert_int_equal(m.up.n, 3);
	/* the call site is the builder parameter */
	assert_int_equal(m.up.ops[0].line, 2);
	assert_int_equal(m.up.ops[0].column, 3);
	/* the arguments array sits at `(`, each value where it is written */
	assert_int_equal(m.up.ops[0].args->line, 2);
	assert_int_equal(m.up.ops[0].args->column, 10);
	assert_int_equal(m.up.ops[0].args->items[0]->column, 11);
	/* a tab is one column */
	assert_int_equal(m.up.ops[1].line, 3);
	assert_int_equal(m.up.ops[1].column, 2);
	const mig_value *cols = m.up.ops[1].args->items[1];
	assert_int_equal(cols->type, MIG_V_OBJECT);
	assert_int_equal(cols->line, 3);
	assert_int_equal(cols->column, 23);
	assert_int_equal(cols->items[0]->column, 29);
	/* columns count characters: each é is one column, not two bytes */
	assert_int_equal(m.up.ops[2].line, 4);
	assert_int_equal(m.up.ops[2].column, 12);
	mig_migration_dispose(&m);
}

static void test_constants_keep_their_own_position(void **state)
{
	(void)state;
	const char *src = "const cols = { id: 'id' };\n"
			  "exports.up = (pgm) => { pgm.createTable('a', cols); pgm.createTable('b', cols); };\n";
	mig_migration m;
	init(&m);
	assert_int_equal(mig_load_js_text(&m, src, strlen(src)), 0);
	assert_int_equal(m.up.n, 2);
	const mig_value *a = m.up.ops[0].args->items[1], *b = m.up.ops[1].args->items[1];
	/* each use is its own copy (the dialects may own and change it) */
	assert_ptr_not_equal(a, b);
	assert_ptr_not_equal(a->items[0], b->items[0]);
	assert_int_equal(a->line, 1);
	assert_int_equal(a->column, 14);
	mig_migration_dispose(&m);
}

static void test_identity_fields_are_left_alone(void **state)
{
	(void)state;
	const char *src = "exports.up = (pgm) => { pgm.sql('x'); };\n";
	mig_migration m;
	init(&m);
	m.name = strdup("1_keep");
	m.file = strdup("1_keep.js");
	m.timestamp = 42;
	assert_int_equal(mig_load_js_text(&m, src, strlen(src)), 0);
	assert_string_equal(m.name, "1_keep");
	assert_string_equal(m.path, "m.js");
	assert_string_equal(m.file, "1_keep.js");
	assert_true(m.timestamp == 42);
	assert_int_equal(m.source, MIG_SOURCE_JS);
	mig_migration_dispose(&m);
}

static void test_failure_after_operations_leaves_nothing(void **state)
{
	(void)state;
	/* up loads fine, then down fails: the half-filled result is dropped */
	const char *src = "exports.shorthands = { a: 'int' };\n"
			  "exports.up = (pgm) => { pgm.sql('x'); pgm.noTransaction(); };\n"
			  "exports.down = (pgm) => { pgm.sql('y'); switch (1) {} };\n";
	mig_migration m;
	init(&m);
	assert_int_equal(mig_load_js_text(&m, src, strlen(src)), MIG_EINPUT);
	assert_int_equal(m.up.n, 0);
	assert_null(m.up.ops);
	assert_int_equal(m.down.n, 0);
	assert_null(m.shorthands);
	assert_false(m.up_no_transaction);
	const mig_error *e = mig_error_last();
	assert_int_equal(e->line, 3);
	assert_int_equal(e->column, 41);
	assert_non_null(strstr(e->message, "`switch` statement in down()"));
	mig_migration_dispose(&m);
	mig_error_clear();
}

static void test_load_file_strips_bom_and_reads_typescript(void **state)
{
	(void)state;
	char dir[] = "/tmp/mig-load-js-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof(path), "%s/1_init.ts", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("\357\273\277import type { MigrationBuilder } from 'node-pg-migrate';\n"
	      "export async function up(pgm: MigrationBuilder): Promise<void> {\n"
	      "  pgm.createTable('t', { id: 'id' });\n"
	      "}\n",
	      f);
	fclose(f);
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = strdup(path);
	m.file = strdup("1_init.ts");
	m.name = strdup("1_init");
	assert_int_equal(mig_load_file(&m), 0);
	assert_true(m.loaded);
	assert_int_equal(m.up_kind, MIG_ACTION_FUNCTION);
	assert_int_equal(m.down_kind, MIG_ACTION_INFER);
	assert_int_equal(m.up.n, 1);
	assert_string_equal(m.up.ops[0].name, "createTable");
	assert_int_equal(m.up.ops[0].line, 3);
	mig_migration_dispose(&m);
	unlink(path);
	rmdir(dir);
}

static void test_invalid_utf8_and_nul_bytes(void **state)
{
	(void)state;
	/* mig_load_file() refuses both first; called directly the tokenizer
	 * must still cope */
	char *got = load_dump_n("const a = 'x\377';\n", 17);
	assert_string_equal(got, "error: 1:13: invalid UTF-8 in a string\n");
	free(got);
	got = load_dump_n("const a = 1;\0const b = 2;\n", 26);
	assert_string_equal(got, "error: 1:13: NUL byte; migration files must be text\n");
	free(got);
	got = load_dump_n("const \303\251 = 1; \200", 16);
	assert_string_equal(got, "error: 1:14: invalid UTF-8 (byte 0x80); migration files must be UTF-8\n");
	free(got);
}

static char *nested_arrays(int depth)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "exports.up = (pgm) => { pgm.sql('x', ");
	for (int i = 0; i < depth; i++)
		mig_str_putc(&s, '[');
	for (int i = 0; i < depth; i++)
		mig_str_putc(&s, ']');
	mig_str_puts(&s, "); };\n");
	return mig_str_detach(&s);
}

static void test_nesting_limit(void **state)
{
	(void)state;
	char *ok = nested_arrays(250), *deep = nested_arrays(257);
	mig_migration m;
	init(&m);
	assert_int_equal(mig_load_js_text(&m, ok, strlen(ok)), 0);
	mig_migration_dispose(&m);
	init(&m);
	assert_int_equal(mig_load_js_text(&m, deep, strlen(deep)), MIG_EINPUT);
	assert_non_null(strstr(mig_error_last()->message, "nested more than 256 levels deep"));
	mig_migration_dispose(&m);
	mig_error_clear();
	/* depth also counts through constants: each one may add nesting */
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "const a0 = 1;\n");
	for (int i = 1; i <= 300; i++)
		mig_str_printf(&s, "const a%d = [a%d];\n", i, i - 1);
	char *chain = mig_str_detach(&s);
	init(&m);
	assert_int_equal(mig_load_js_text(&m, chain, strlen(chain)), MIG_EINPUT);
	assert_non_null(strstr(mig_error_last()->message, "nested more than 256 levels deep"));
	mig_migration_dispose(&m);
	mig_error_clear();
	free(chain);
	free(ok);
	free(deep);
}

static void test_tokenizer(void **state)
{
	(void)state;
	const char *src = "a /* c */\n'b' 1_0 `x${y}z` ( [ ] ) >>= ?.5";
	mig_js_toks t;
	assert_int_equal(mig_js_lex(src, strlen(src), &t), 0);
	enum mig_js_tok_type want[] = {
		MIG_JS_IDENT, MIG_JS_STRING, MIG_JS_NUMBER, MIG_JS_TEMPLATE_HEAD, MIG_JS_IDENT,
		MIG_JS_TEMPLATE_TAIL, MIG_JS_PUNCT, MIG_JS_PUNCT, MIG_JS_PUNCT, MIG_JS_PUNCT,
		MIG_JS_PUNCT, MIG_JS_PUNCT, MIG_JS_PUNCT, MIG_JS_PUNCT, MIG_JS_NUMBER, MIG_JS_EOF};
	assert_int_equal(t.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < t.n; i++)
		assert_int_equal(t.v[i].type, want[i]);
	assert_false(t.v[0].nl_before);
	assert_true(t.v[1].nl_before); /* the comment's line break counts */
	assert_int_equal(t.v[1].line, 2);
	assert_int_equal(t.v[1].col, 1);
	assert_string_equal(t.v[1].str, "b");
	assert_true(t.v[2].num == 10);
	assert_string_equal(t.v[3].str, "x");
	assert_int_equal(t.v[3].match, 5); /* `x${ ... }z` */
	assert_string_equal(t.v[5].str, "z");
	assert_int_equal(t.v[6].match, 9); /* ( ... ) */
	assert_int_equal(t.v[7].match, 8); /* [ ] */
	/* `>` never combines (generics close one level at a time) */
	assert_string_equal(t.v[10].punct, ">");
	assert_string_equal(t.v[11].punct, ">");
	assert_string_equal(t.v[12].punct, "=");
	/* `?.5` is `?` then `.5` */
	assert_string_equal(t.v[13].punct, "?");
	assert_true(t.v[14].num == 0.5);
	mig_js_toks_free(&t);

	/* a lexical error ends the stream with one error token */
	assert_int_equal(mig_js_lex("a 'b", 4, &t), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.v[1].type, MIG_JS_ERROR);
	assert_string_equal(t.v[1].str, "unterminated string literal");
	assert_int_equal(t.v[1].col, 3);
	mig_js_toks_free(&t);
}

static void test_error_is_reported_before_later_lexical_error(void **state)
{
	(void)state;
	/* the tokenizer stops at the bad string on line 3, but the reader
	 * reports the first problem in reading order */
	check("exports.up = (pgm) => {};\n"
	      "switch (1) {}\n"
	      "const s = 'unterminated\n",
	      "error: 2:1: `switch` statement at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}


/* ---- The wider static reader (issue 11) --------------------------------
 * Every accepted case here was compared with node-pg-migrate 9.0.0 through
 * tests/fuzz/diff_oracle.sh; the console output with Node.js 20's own. */

static void test_run_for_of_block(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  for (const t of ['a', 'b']) {\n"
	      "    pgm.createTable(t, { id: 'id' });\n"
	      "  }\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"a\",{\"id\":\"id\"}]\n"
	      "  createTable[\"b\",{\"id\":\"id\"}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_classic_for_while_do(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  for (let i = 0; i < 3; i++) {\n"
	      "    if (i === 1) continue;\n"
	      "    pgm.sql(`SELECT ${i}`);\n"
	      "  }\n"
	      "  let n = 10;\n"
	      "  while (true) { n -= 3; if (n < 0) break; }\n"
	      "  pgm.sql('n=' + n);\n"
	      "  do { n++; } while (n < 2);\n"
	      "  pgm.sql(String(n));\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"SELECT 0\"]\n"
	      "  sql[\"SELECT 2\"]\n"
	      "  sql[\"n=-2\"]\n"
	      "  sql[\"2\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_for_in_key_order(void **state)
{
	(void)state;
	check("const cols = { b: 'text', a: 'int', 2: 'x', 1: 'y' };\n"
	      "exports.up = (pgm) => {\n"
	      "  for (const k in cols) pgm.sql(k + ':' + cols[k]);\n"
	      "  for (const i in ['p', 'q']) pgm.sql(typeof i);\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"1:y\"]\n"
	      "  sql[\"2:x\"]\n"
	      "  sql[\"b:text\"]\n"
	      "  sql[\"a:int\"]\n"
	      "  sql[\"string\"]\n"
	      "  sql[\"string\"]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_array_callbacks(void **state)
{
	(void)state;
	check("const tables = ['users', 'roles', 'tokens'];\n"
	      "exports.up = (pgm) => {\n"
	      "  tables.forEach((t, i) => pgm.sql(`${i}:${t}`));\n"
	      "  const upper = tables.map((t) => t.toUpperCase());\n"
	      "  const some = tables.filter((t) => t.startsWith('r') || t.endsWith('s') && t.length > "
	      "5);\n"
	      "  const total = tables.reduce((acc, t) => acc + t.length, 0);\n"
	      "  pgm.sql(upper.join('|'), some, total);\n"
	      "  pgm.sql(Object.keys({ x: 1, y: 2 }).concat(Object.values({ z: 3 })).join());\n"
	      "  Object.entries({ a: 1, b: 2 }).forEach(([k, v]) => pgm.sql(k, v));\n"
	      "  pgm.sql(tables.find((t) => t.includes('ol')), tables.findIndex((t) => t === 'tokens'),"
	      " tables.some((t) => t === 'x'), tables.every((t) => t.length > 2));\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"0:users\"]\n"
	      "  sql[\"1:roles\"]\n"
	      "  sql[\"2:tokens\"]\n"
	      "  sql[\"USERS|ROLES|TOKENS\",[\"roles\",\"tokens\"],16]\n"
	      "  sql[\"x,y,3\"]\n"
	      "  sql[\"a\",1]\n"
	      "  sql[\"b\",2]\n"
	      "  sql[\"roles\",2,false,true]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_helpers_defaults_rest_destructuring(void **state)
{
	(void)state;
	check("const PREFIX = 'app';\n"
	      "function name(base, suffix = 'tbl') { return `${PREFIX}_${base}_${suffix}`; }\n"
	      "const ts = (...names) => names.reduce((o, n) => ({ ...o, [n]: { type: 'timestamptz', default: "
	      "'now()' } }), {});\n"
	      "const addTable = (pgm, base, extra = {}) => {\n"
	      "  pgm.createTable(name(base), { id: 'id', ...extra, ...ts('created_at', 'updated_at') "
	      "});\n"
	      "};\n"
	      "exports.up = (pgm) => {\n"
	      "  addTable(pgm, 'user', { email: 'text' });\n"
	      "  addTable(pgm, 'role');\n"
	      "  const { a, b: [x, , y = 'dflt'], ...rest } = { a: 1, b: [10, 20], c: 3, d: 4 };\n"
	      "  pgm.sql('x', a, x, y, rest);\n"
	      "  const [first, ...others] = ['f', 'g', 'h'];\n"
	      "  pgm.sql(first, others, [...others, ...'ij'], { ...rest, e: 5 });\n"
	      "};\n",
	      "up: function\n"
	      "  createTable[\"app_user_tbl\",{\"id\":\"id\",\"email\":\"text\",\"created_at\":{\"type\":\"timestamptz\","
	      "\"default\":\"now()\"},\"updated_at\":{\"type\":\"timestamptz\",\"default\":\"now()\"}}]\n"
	      "  createTable[\"app_role_tbl\",{\"id\":\"id\",\"created_at\":{\"type\":\"timestamptz\","
	      "\"default\":\"now()\"},\"updated_at\":{\"type\":\"timestamptz\",\"default\":\"now()\"}}]\n"
	      "  sql[\"x\",1,10,\"dflt\",{\"c\":3,\"d\":4}]\n"
	      "  sql[\"f\",[\"g\",\"h\"],[\"g\",\"h\",\"i\",\"j\"],{\"c\":3,\"d\":4,\"e\":5}]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_string_and_array_methods_json(void **state)
{
	(void)state;
	check("exports.up = (pgm) => {\n"
	      "  const s = '  Hello, World  ';\n"
	      "  pgm.sql(s.trim(), s.trimStart(), s.trimEnd(), s.toLowerCase(), s.toUpperCase());\n"
	      "  pgm.sql('a,b,,c'.split(','), 'abc'.split(''), 'a-b-c'.split('-', 2), ['x', 'y'].join('-'));\n"
	      "  pgm.sql('a.b.c'.replace('.', '_'), 'a.b.c'.replaceAll('.', '_'), 'x'.replace('x', '$&$&$$'));\n"
	      "  pgm.sql('abc'.includes('b'), 'abc'.indexOf('c'), 'abcabc'.lastIndexOf('b'), 'abcdef'.slice(1,"
	      " -2), 'abcdef'.slice(-3));\n"
	      "  pgm.sql('7'.padStart(3, '0'), 'ab'.padEnd(5, 'xy'), 'ab'.repeat(3), 'a'.concat('b', "
	      "1), 'abc'.substring(2, 0), 'abc'.charAt(1), 'abc'[2], 'h\303\251llo'.length);\n"
	      "  pgm.sql(JSON.stringify({ a: [1, 'two', null, true], b: { c: undefined, d: 1.5 } }), "
	      "JSON.stringify([undefined, NaN]), JSON.stringify({ a: 1, b: [1, 2] }, null, 2));\n"
	      "  pgm.sql(Array.from('ab'), Array.from({ length: 3 }, (_, i) => i * 2), Array.isArray([]),"
	      " String(12), Number('0x10'), parseInt('42px'), Math.max(1, 5, 3));\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"Hello, World\",\"Hello, World  \",\"  Hello, World\",\"  hello, world  \",\"  "
	      "HELLO, WORLD  \"]\n"
	      "  sql[[\"a\",\"b\",\"\",\"c\"],[\"a\",\"b\",\"c\"],[\"a\",\"b\"],\"x-y\"]\n"
	      "  sql[\"a_b.c\",\"a_b_c\",\"xx$\"]\n"
	      "  sql[true,2,4,\"bcd\",\"def\"]\n"
	      "  sql[\"007\",\"abxyx\",\"ababab\",\"ab1\",\"ab\",\"b\",\"c\",5]\n"
	      "  sql[\"{\\\"a\\\":[1,\\\"two\\\",null,true],\\\"b\\\":{\\\"d\\\":1.5}}\",\"[null,null]\","
	      "\"{\\n  \\\"a\\\": 1,\\n  \\\"b\\\": [\\n    1,\\n    2\\n  ]\\n}\"]\n"
	      "  sql[[\"a\",\"b\"],[0,2,4],true,\"12\",16,42,5]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_operators_and_mutation(void **state)
{
	(void)state;
	check("const N = 5;\n"
	      "exports.up = (pgm) => {\n"
	      "  pgm.sql(N > 3 ? 'big' : 'small', N % 2, N ** 2, N / 2, 10 - N * 2, -N, !N, !!N);\n"
	      "  pgm.sql(1 == '1', 1 === '1', null == undefined, null === undefined, 'a' < 'b', 2 >= "
	      "2, NaN !== NaN);\n"
	      "  pgm.sql(null ?\? 'd', 0 || 'e', 1 && 'f', undefined?.x, typeof N, typeof 'x', typeof "
	      "undefined, 'x' in { x: 1 });\n"
	      "  let o = { a: 1 };\n"
	      "  o.b = 2; o['c'] = [1]; o.c.push(2, 3); o.a += 10; o.d ?\?= 'nd'; o.a ||= 99;\n"
	      "  const arr = [];\n"
	      "  arr.push('p'); arr.unshift('u'); arr[2] = 'x';\n"
	      "  pgm.sql(o, arr);\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"big\",1,25,2.5,0,-5,false,true]\n"
	      "  sql[true,false,true,false,true,true,true]\n"
	      "  sql[\"d\",\"e\",\"f\",undefined,\"number\",\"string\",\"undefined\",true]\n"
	      "  sql[{\"a\":11,\"b\":2,\"c\":[1,2,3],\"d\":\"nd\"},[\"u\",\"p\",\"x\"]]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_run_esm_local_function(void **state)
{
	(void)state;
	check("const cols = (extra) => ({ id: 'id', ...extra });\n"
	      "export async function up(pgm) {\n"
	      "  await pgm.createTable('t', cols({ name: 'text' }));\n"
	      "  function local(x) { return x * 2; }\n"
	      "  pgm.sql(`${local(21)}`);\n"
	      "}\n"
	      "export const down = false;\n",
	      "up: function\n"
	      "  createTable[\"t\",{\"id\":\"id\",\"name\":\"text\"}]\n"
	      "  sql[\"42\"]\n"
	      "down: disabled\n"
	      "shorthands: none\n");
}

static void test_run_return_from_loop_and_recursion(void **state)
{
	(void)state;
	check("const pick = (list, want) => {\n"
	      "  for (const x of list) {\n"
	      "    if (x.startsWith(want)) return x;\n"
	      "  }\n"
	      "  return 'none';\n"
	      "};\n"
	      "exports.up = (pgm) => {\n"
	      "  pgm.sql(pick(['ab', 'cd'], 'c'), pick(['ab'], 'z'));\n"
	      "  const fact = (n) => (n <= 1 ? 1 : n * fact(n - 1));\n"
	      "  pgm.sql(fact(5));\n"
	      "  return;\n"
	      "  pgm.sql('never');\n"
	      "};\n",
	      "up: function\n"
	      "  sql[\"cd\",\"none\"]\n"
	      "  sql[120]\n"
	      "down: infer\n"
	      "shorthands: none\n");
}

static void test_refuse_endless_loop(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { for (;;) {} };\n",
	      "error: 1:34: the code of this file runs more than 250000 steps in up() (a loop without "
	      "end?); the static reader stops there; this file needs node-pg-migrate to run\n");
}

static void test_refuse_huge_repeat(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql('x'.repeat(1e9)); };\n",
	      "error: 1:37: the values of this file are too large (more than 128 MiB once constants are "
	      "expanded)\n");
}

static void test_refuse_endless_recursion(void **state)
{
	(void)state;
	check("const f = (n) => f(n + 1);\n"
	      "exports.up = (pgm) => { f(0); };\n",
	      "error: 1:18: function calls nested more than 64 deep in up() (a recursion without end?); "
	      "the static reader stops there; this file needs node-pg-migrate to run\n");
}

static void test_refuse_math_random(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(String(Math.random())); };\n",
	      "error: 1:45: `Math.random()` (not the same on every run) in up(): only static code (constants,"
	      " loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_refuse_clock(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(Date.now()); };\n",
	      "error: 1:33: call of `Date.now()` in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs node-pg-migrate "
	      "to run\n");
}

static void test_refuse_environment(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { pgm.sql(process.env.X); };\n",
	      "error: 1:33: `process.env.X` (not a constant defined in this file) in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_refuse_npm_require(void **state)
{
	(void)state;
	check("const lodash = require('lodash');\n"
	      "exports.up = (pgm) => {};\n",
	      "error: 1:16: require('lodash') at top level: only static code (constants, this file's "
	      "functions, node-pg-migrate imports, static sibling files, the exports) can be read without "
	      "Node.js; this file needs node-pg-migrate to run\n");
}

static void test_refuse_live_query(void **state)
{
	(void)state;
	check("exports.up = async (pgm) => { const r = await pgm.db.query('select 1'); };\n",
	      "error: 1:47: `pgm.db.query()` (a live database query) in up(): only static code (constants,"
	      " loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_refuse_const_assignment(void **state)
{
	(void)state;
	check("const x = 1;\n"
	      "exports.up = (pgm) => { x = 2; };\n",
	      "error: 2:25: assignment to the constant `x` in up() (a TypeError in Node.js too)\n");
}

static void test_refuse_identity_comparison(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { const o = {}; pgm.sql([1].includes(o)); };\n",
	      "error: 1:51: `.includes()` of an object (objects compare by identity) in up(): only static "
	      "code (constants, loops, this file's functions, pgm.<operation>(...) calls) can be read "
	      "without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_refuse_function_as_operation_argument(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { const f = () => 1; pgm.sql(f); };\n",
	      "error: 1:44: a function or the MigrationBuilder as an argument of `pgm.sql()` in up(): "
	      "only static code (constants, loops, this file's functions, pgm.<operation>(...) calls) "
	      "can be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_refuse_returned_function(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { const make = () => () => 1; make(); };\n",
	      "error: 1:44: function expression inside a value in up(): only static code (constants, "
	      "loops, this file's functions, pgm.<operation>(...) calls) can be read without Node.js; "
	      "this file needs node-pg-migrate to run\n");
}

static void test_refuse_break_outside_loop(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { break; };\n",
	      "error: 1:25: syntax error in up(): `break` outside a loop\n");
}

static void test_refuse_unicode_case_mapping(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { '\303\251'.toUpperCase(); };\n",
	      "error: 1:29: `.toUpperCase()` of a string with characters outside ASCII in up(): only "
	      "static code (constants, loops, this file's functions, pgm.<operation>(...) calls) can "
	      "be read without Node.js; this file needs node-pg-migrate to run\n");
}

static void test_refuse_switch(void **state)
{
	(void)state;
	check("exports.up = (pgm) => { switch (1) { case 1: break; } };\n",
	      "error: 1:25: `switch` statement in up(): only static code (constants, loops, this file's "
	      "functions, pgm.<operation>(...) calls) can be read without Node.js; this file needs node-pg-migrate "
	      "to run\n");
}

/* console.* writes to stderr as Node.js formats it (util.format and
 * util.inspect with their defaults), while up runs. */
static void test_run_console_output(void **state)
{
	(void)state;
	const char *src = "exports.up = (pgm) => {\n"
			  "  console.log('plain', 1, -0, true, null, undefined, [1, 'a'], { k: 'v', 'my-key': \"it's\" "
			  "});\n"
			  "  console.warn('%s has %d items (%i), %j', 'list', 3.5, 3.9, { a: [1] }, 'extra');\n"
			  "  console.error([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);\n"
			  "  console.info({ a: { b: { c: { d: 1 } } } }, []);\n"
			  "  console.debug(['users', 'roles', 'permissions', 'tokens', 'sessions', 'mfa', 'audit',"
			  " 'x']);\n"
			  "  console.log({ a: 'aaaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbbbbbbbb', c: 'cccccccccccccccccccccc',"
			  " d: 1 });\n"
			  "  pgm.sql('x');\n"
			  "};\n";
	fflush(stderr);
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	int saved = dup(fileno(stderr));
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), fileno(stderr)) >= 0);
	char *got = load_dump_n(src, strlen(src));
	fflush(stderr);
	dup2(saved, fileno(stderr));
	close(saved);
	assert_string_equal(got, "up: function\n  sql[\"x\"]\ndown: infer\nshorthands: none\n");
	free(got);
	char buf[4096];
	rewind(tmp);
	size_t n = fread(buf, 1, sizeof(buf) - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	assert_string_equal(buf, "plain 1 -0 true null undefined [ 1, 'a' ] { k: 'v', 'my-key': \"it's\" }\n"
			    "list has 3.5 items (3), {\"a\":[1]} extra\n"
			    "[\n"
			    "  1, 2, 3, 4,  5,\n"
			    "  6, 7, 8, 9, 10\n"
			    "]\n"
			    "{ a: { b: { c: [Object] } } } []\n"
			    "[\n"
			    "  'users',\n"
			    "  'roles',\n"
			    "  'permissions',\n"
			    "  'tokens',\n"
			    "  'sessions',\n"
			    "  'mfa',\n"
			    "  'audit',\n"
			    "  'x'\n"
			    "]\n"
			    "{\n"
			    "  a: 'aaaaaaaaaaaaaaaaaaaa',\n"
			    "  b: 'bbbbbbbbbbbbbbbbbbbbbbbbbb',\n"
			    "  c: 'cccccccccccccccccccccc',\n"
			    "  d: 1\n"
			    "}\n");

	/* a file that is refused prints nothing: Node.js may run it next */
	fflush(stderr);
	tmp = tmpfile();
	assert_non_null(tmp);
	saved = dup(fileno(stderr));
	assert_true(dup2(fileno(tmp), fileno(stderr)) >= 0);
	const char *refused = "exports.up = (pgm) => { console.log('before'); pgm.db.query('x'); };\n";
	got = load_dump_n(refused, strlen(refused));
	fflush(stderr);
	dup2(saved, fileno(stderr));
	close(saved);
	assert_non_null(strstr(got, "`pgm.db.query()` (a live database query)"));
	free(got);
	assert_int_equal(ftell(tmp), 0);
	fclose(tmp);
}

/* Sibling files: a temporary migrations folder. */
static char sib_dir[128];

static void sib_write(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", sib_dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Load sib_dir/name with mig_load_file and render it as check() does. */
static char *sib_load(const char *name)
{
	mig_migration m;
	memset(&m, 0, sizeof(m));
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", sib_dir, name);
	m.path = strdup(path);
	m.file = strdup(name);
	m.name = strdup(name);
	mig_str out = MIG_STR_INIT;
	/* the static reader alone: no Node.js fallback */
	mig_load_opts lo;
	memset(&lo, 0, sizeof(lo));
	lo.js_engine = MIG_JS_ENGINE_STATIC;
	int rc = mig_load_file_opts(&m, &lo);
	if (rc) {
		const mig_error *e = mig_error_last();
		assert_int_equal(rc, MIG_EINPUT);
		const char *file = e->file ? e->file : "";
		size_t dl = strlen(sib_dir);
		mig_str_printf(&out, "error: %s:%d:%d: ", strncmp(file, sib_dir, dl) == 0 ? file + dl + 1 : file,
			       e->line, e->column);
		/* paths in the message as relative as the file's */
		for (const char *q = e->message; *q;) {
			if (strncmp(q, sib_dir, dl) == 0 && q[dl] == '/') {
				q += dl + 1;
				continue;
			}
			mig_str_putc(&out, *q++);
		}
		mig_str_putc(&out, '\n');
	} else {
		dump_ops(&out, "up", m.up_kind, m.up_no_transaction, &m.up);
		dump_ops(&out, "down", m.down_kind, m.down_no_transaction, &m.down);
	}
	mig_migration_dispose(&m);
	mig_error_clear();
	return mig_str_detach(&out);
}

static void sib_check(const char *name, const char *expected)
{
	char *got = sib_load(name);
	assert_string_equal(got, expected);
	free(got);
}

static int sib_setup(void **state)
{
	(void)state;
	snprintf(sib_dir, sizeof(sib_dir), "/tmp/mig-sibling-XXXXXX");
	char outer[64];
	snprintf(outer, sizeof(outer), "/tmp/mig-sibling-XXXXXX");
	if (!mkdtemp(outer))
		return -1;
	/* the migrations folder sits inside `outer`, which holds a file
	 * outside the folder */
	snprintf(sib_dir, sizeof(sib_dir), "%s/migrations", outer);
	return mkdir(sib_dir, 0700);
}

static int sib_teardown(void **state)
{
	(void)state;
	char cmd[160];
	char *slash = strrchr(sib_dir, '/');
	*slash = '\0';
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", sib_dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_sibling_esm_import_of_constants_and_functions(void **state)
{
	(void)state;
	sib_write("lib/helpers.js", "export const PREFIX = 'app';\n"
				    "export function table(name, suffix = 'tbl') { return `${PREFIX}_${name}_${suffix}`; }\n"
				    "const cols = (extra) => ({ id: 'id', ...extra });\n"
				    "export { cols as columns };\n");
	sib_write("1_esm.js", "import { table, columns, PREFIX as P } from './lib/helpers.js';\n"
			      "exports.up = (pgm) => { pgm.createTable(table('user'), columns({ n: 'text' })); pgm.sql(P); };\n");
	sib_check("1_esm.js", "up: function\n"
			      "  createTable[\"app_user_tbl\",{\"id\":\"id\",\"n\":\"text\"}]\n"
			      "  sql[\"app\"]\n"
			      "down: infer\n");
}

static void test_sibling_require_and_extension_resolution(void **state)
{
	(void)state;
	/* CommonJS exports of a migration file, found without its extension;
	 * a `.js` specifier finds the `.ts` file TypeScript compiles to it */
	sib_write("2_base.js", "const constraint = 'amount_positive';\n"
			       "exports.constraint = constraint;\n"
			       "module.exports.money = (name) => ({ [name]: 'numeric(12,2)' });\n"
			       "exports.up = (pgm) => { pgm.sql('base'); };\n");
	sib_write("lib/names.ts", "export const SUFFIX: string = '_v2';\n");
	sib_write("3_use.js", "const { constraint, money: m } = require('./2_base');\n"
			      "const again = require('./2_base.js').constraint;\n"
			      "const base = require('./2_base');\n"
			      "import { SUFFIX } from './lib/names.js';\n"
			      "exports.up = (pgm) => {\n"
			      "  pgm.addColumns('o', m('refund'));\n"
			      "  pgm.renameConstraint('o', again, constraint + SUFFIX);\n"
			      "  pgm.sql(base.constraint, base.money('x'));\n"
			      "};\n");
	sib_check("3_use.js", "up: function\n"
			      "  addColumns[\"o\",{\"refund\":\"numeric(12,2)\"}]\n"
			      "  renameConstraint[\"o\",\"amount_positive\",\"amount_positive_v2\"]\n"
			      "  sql[\"amount_positive\",{\"x\":\"numeric(12,2)\"}]\n"
			      "down: infer\n");
}

static void test_sibling_default_and_namespace_imports(void **state)
{
	(void)state;
	/* checked with node-pg-migrate 9.0.0 (tests/fuzz/oracle.mjs) */
	sib_write("lib/y.js", "export const A = 'named';\nexport function f(v) { return v + '!'; }\n"
			      "export default { B: 'dflt' };\n");
	sib_write("lib/c.js", "module.exports = { C: 'c', g: (x) => x * 2 };\n");
	sib_write("10_def.js", "import y from './lib/y.js';\n"
			       "import * as ns from './lib/y';\n"
			       "import c from './lib/c.js';\n"
			       "exports.up = (pgm) => { pgm.sql(y.B, y.A, ns.A, ns.f('x'), c.C, c.g(4)); };\n");
	sib_check("10_def.js", "up: function\n"
			       "  sql[\"dflt\",undefined,\"named\",\"x!\",\"c\",8]\n"
			       "down: infer\n");
}

static void test_sibling_outside_the_folder_is_refused(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof(path), "%.*s/outside.js", (int)(strrchr(sib_dir, '/') - sib_dir), sib_dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("exports.x = 1;\n", f);
	fclose(f);
	sib_write("4_out.js", "const { x } = require('../outside.js');\nexports.up = (pgm) => {};\n");
	sib_check("4_out.js", "error: 4_out.js:1:23: import of '../outside.js' at top level (outside the migrations folder): "
			      "only static files inside the migrations folder can be read without Node.js; this file "
			      "needs node-pg-migrate to run\n");
	/* nor through a symbolic link inside it */
	char link[256];
	snprintf(link, sizeof(link), "%s/lib/link.js", sib_dir);
	assert_int_equal(symlink(path, link), 0);
	sib_write("5_link.js", "import { x } from './lib/link.js';\nexports.up = (pgm) => {};\n");
	sib_check("5_link.js", "error: 5_link.js:1:19: import of './lib/link.js' at top level (outside the migrations folder): "
			       "only static files inside the migrations folder can be read without Node.js; this file "
			       "needs node-pg-migrate to run\n");
	/* and an npm package or an application module is refused as before */
	sib_write("6_app.js", "import { db } from './lib/missing';\nexports.up = (pgm) => {};\n");
	sib_check("6_app.js", "error: 6_app.js:1:20: import of './lib/missing' at top level (no such file in the migrations "
			      "folder): only static files inside the migrations folder can be read without Node.js; this "
			      "file needs node-pg-migrate to run\n");
}

static void test_sibling_cycle_and_missing_export(void **state)
{
	(void)state;
	sib_write("lib/a.js", "import { b } from './b.js';\nexport const a = 1;\n");
	sib_write("lib/b.js", "import { a } from './a.js';\nexport const b = 2;\n");
	sib_write("7_cycle.js", "import { a } from './lib/a.js';\nexports.up = (pgm) => {};\n");
	sib_check("7_cycle.js", "error: lib/b.js:1:19: import cycle at top level: lib/a.js -> lib/b.js -> lib/a.js; the "
				"static reader cannot read files that import each other; this file needs node-pg-migrate "
				"to run\n");
	sib_write("8_missing.js", "import { nope } from './2_base.js';\nexports.up = (pgm) => {};\n");
	sib_check("8_missing.js", "error: 8_missing.js:1:10: syntax error: '2_base.js' does not export `nope`\n");
	/* a sibling that is not static is refused where it is not */
	sib_write("lib/dyn.js", "const fs = require('fs');\nexports.x = 1;\n");
	sib_write("9_dyn.js", "const { x } = require('./lib/dyn');\nexports.up = (pgm) => {};\n");
	sib_check("9_dyn.js", "error: lib/dyn.js:1:12: require('fs') at top level: only static code (constants, this "
			      "file's functions, node-pg-migrate imports, static sibling files, the exports) can be read "
			      "without Node.js; this file needs node-pg-migrate to run\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cjs_arrow_block),
		cmocka_unit_test(test_cjs_function_expression),
		cmocka_unit_test(test_cjs_async_arrow_bare_param),
		cmocka_unit_test(test_cjs_named_async_function),
		cmocka_unit_test(test_cjs_expression_body),
		cmocka_unit_test(test_cjs_module_exports_props),
		cmocka_unit_test(test_cjs_module_exports_shorthand),
		cmocka_unit_test(test_cjs_module_exports_inline),
		cmocka_unit_test(test_cjs_module_exports_methods),
		cmocka_unit_test(test_cjs_exports_bracket),
		cmocka_unit_test(test_esm_export_const),
		cmocka_unit_test(test_esm_export_async_function_ts),
		cmocka_unit_test(test_esm_export_clause),
		cmocka_unit_test(test_esm_export_clause_before_declarations),
		cmocka_unit_test(test_esm_export_default_object),
		cmocka_unit_test(test_esm_named_export_beats_default),
		cmocka_unit_test(test_template_9_js),
		cmocka_unit_test(test_template_9_cjs),
		cmocka_unit_test(test_template_9_ts),
		cmocka_unit_test(test_template_7_js),
		cmocka_unit_test(test_shorthands_object),
		cmocka_unit_test(test_shorthands_null),
		cmocka_unit_test(test_up_absent_is_invalid),
		cmocka_unit_test(test_up_false_is_disabled),
		cmocka_unit_test(test_up_undefined_is_invalid),
		cmocka_unit_test(test_down_number_is_invalid),
		cmocka_unit_test(test_down_null_is_invalid),
		cmocka_unit_test(test_down_undefined_is_inferred),
		cmocka_unit_test(test_down_same_function_is_inferred),
		cmocka_unit_test(test_down_equals_exports_up_is_inferred),
		cmocka_unit_test(test_default_export_shared_function_runs_forward),
		cmocka_unit_test(test_exports_chain_void_0),
		cmocka_unit_test(test_module_exports_replacement_drops_earlier_exports),
		cmocka_unit_test(test_no_transaction_up),
		cmocka_unit_test(test_no_transaction_down),
		cmocka_unit_test(test_run_callback),
		cmocka_unit_test(test_three_parameters_get_no_callback),
		cmocka_unit_test(test_builder_parameter_any_name),
		cmocka_unit_test(test_aliases_are_resolved),
		cmocka_unit_test(test_sql_one_and_two_arguments),
		cmocka_unit_test(test_trailing_undefined_argument_kept),
		cmocka_unit_test(test_pgm_func_literal),
		cmocka_unit_test(test_pgliteral_forms),
		cmocka_unit_test(test_require_forms),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_line_continuations),
		cmocka_unit_test(test_template_literals),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_object_keys),
		cmocka_unit_test(test_object_key_order),
		cmocka_unit_test(test_shorthand_properties_and_spread),
		cmocka_unit_test(test_computed_keys),
		cmocka_unit_test(test_arrays_and_spread),
		cmocka_unit_test(test_const_let_var_bindings),
		cmocka_unit_test(test_string_concatenation),
		cmocka_unit_test(test_member_access),
		cmocka_unit_test(test_ts_annotations),
		cmocka_unit_test(test_ts_declarations_are_skipped),
		cmocka_unit_test(test_ts_type_forms),
		cmocka_unit_test(test_ts_optional_param_and_typed_run),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_dead_code_after_return),
		cmocka_unit_test(test_locals_in_function_body),
		cmocka_unit_test(test_constants_declared_after_use),
		cmocka_unit_test(test_function_declarations_are_hoisted),
		cmocka_unit_test(test_tsc_commonjs_output),
		cmocka_unit_test(test_babel_commonjs_output),
		cmocka_unit_test(test_babel_function_chain),
		cmocka_unit_test(test_comments_and_hashbang),
		cmocka_unit_test(test_unicode_and_bom_whitespace),
		cmocka_unit_test(test_positions_of_ops_and_values),
		cmocka_unit_test(test_crlf_line_endings),
		cmocka_unit_test(test_pgm_func_alone_is_a_no_op),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_await_of_a_value),
		cmocka_unit_test(test_typescript_non_null_builder),
		cmocka_unit_test(test_for_loop),
		cmocka_unit_test(test_if_statement),
		cmocka_unit_test(test_while_loop),
		cmocka_unit_test(test_do_while_loop),
		cmocka_unit_test(test_switch_statement),
		cmocka_unit_test(test_try_statement),
		cmocka_unit_test(test_throw_statement),
		cmocka_unit_test(test_class_declaration),
		cmocka_unit_test(test_labelled_statement),
		cmocka_unit_test(test_enum_declaration),
		cmocka_unit_test(test_block_statement),
		cmocka_unit_test(test_top_level_call),
		cmocka_unit_test(test_call_of_unknown_function),
		cmocka_unit_test(test_call_of_constant),
		cmocka_unit_test(test_method_call_on_value),
		cmocka_unit_test(test_pgm_db_query),
		cmocka_unit_test(test_pgm_db_select),
		cmocka_unit_test(test_import_of_other_module),
		cmocka_unit_test(test_require_of_other_module),
		cmocka_unit_test(test_spread_of_unknown),
		cmocka_unit_test(test_unknown_identifier),
		cmocka_unit_test(test_process_env),
		cmocka_unit_test(test_this_keyword),
		cmocka_unit_test(test_assignment_in_up),
		cmocka_unit_test(test_compound_assignment),
		cmocka_unit_test(test_top_level_assignment),
		cmocka_unit_test(test_increment),
		cmocka_unit_test(test_conditional_expression),
		cmocka_unit_test(test_logical_or),
		cmocka_unit_test(test_nullish),
		cmocka_unit_test(test_comparison),
		cmocka_unit_test(test_subtraction),
		cmocka_unit_test(test_multiplication),
		cmocka_unit_test(test_logical_not),
		cmocka_unit_test(test_typeof_operator),
		cmocka_unit_test(test_regex_literal),
		cmocka_unit_test(test_nested_function_declaration),
		cmocka_unit_test(test_arrow_function_in_value),
		cmocka_unit_test(test_function_in_constant_object),
		cmocka_unit_test(test_function_used_as_value),
		cmocka_unit_test(test_tagged_template),
		cmocka_unit_test(test_tagged_template_on_known),
		cmocka_unit_test(test_optional_chaining),
		cmocka_unit_test(test_array_hole),
		cmocka_unit_test(test_proto_key),
		cmocka_unit_test(test_inherited_property),
		cmocka_unit_test(test_method_in_object_literal),
		cmocka_unit_test(test_getter_in_object_literal),
		cmocka_unit_test(test_bigint_literal),
		cmocka_unit_test(test_legacy_octal_literal),
		cmocka_unit_test(test_nesting_too_deep),
		cmocka_unit_test(test_unary_nesting_too_deep),
		cmocka_unit_test(test_values_too_large),
		cmocka_unit_test(test_too_many_keys),
		cmocka_unit_test(test_declared_twice),
		cmocka_unit_test(test_const_without_value),
		cmocka_unit_test(test_return_at_top_level),
		cmocka_unit_test(test_unknown_operation),
		cmocka_unit_test(test_then_on_result),
		cmocka_unit_test(test_new_of_other_class),
		cmocka_unit_test(test_unary_minus_on_string),
		cmocka_unit_test(test_plus_with_object),
		cmocka_unit_test(test_template_with_array),
		cmocka_unit_test(test_shorthands_not_object),
		cmocka_unit_test(test_generator_function),
		cmocka_unit_test(test_default_parameter),
		cmocka_unit_test(test_rest_parameter),
		cmocka_unit_test(test_destructured_parameter),
		cmocka_unit_test(test_dynamic_import),
		cmocka_unit_test(test_import_meta),
		cmocka_unit_test(test_export_star),
		cmocka_unit_test(test_export_equals),
		cmocka_unit_test(test_re_export),
		cmocka_unit_test(test_unclosed_brace),
		cmocka_unit_test(test_unexpected_token),
		cmocka_unit_test(test_missing_parenthesis),
		cmocka_unit_test(test_run_never_called),
		cmocka_unit_test(test_run_with_argument),
		cmocka_unit_test(test_builder_used_as_value),
		cmocka_unit_test(test_operation_inside_expression),
		cmocka_unit_test(test_reading_property_of_undefined),
		cmocka_unit_test(test_comma_operator),
		cmocka_unit_test(test_angle_type_assertion),
		cmocka_unit_test(test_await_at_top_level),
		cmocka_unit_test(test_exports_inside_function),
		cmocka_unit_test(test_module_exports_require),
		cmocka_unit_test(test_func_with_object_argument),
		cmocka_unit_test(test_func_without_argument),
		cmocka_unit_test(test_spread_of_string_in_call),
		cmocka_unit_test(test_export_default_class),
		cmocka_unit_test(test_object_destructuring),
		cmocka_unit_test(test_private_name),
		cmocka_unit_test(test_decorator),
		cmocka_unit_test(test_exported_name_not_declared),
		cmocka_unit_test(test_exported_type_name_not_declared),
		cmocka_unit_test(test_type_exported_as_up),
		cmocka_unit_test(test_assignment_to_exports_object),
		cmocka_unit_test(test_declare_with_garbage),
		cmocka_unit_test(test_interface_without_body),
		cmocka_unit_test(test_default_import_without_comma),
		cmocka_unit_test(test_unterminated_string),
		cmocka_unit_test(test_line_break_in_string),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_nul_hex_escape),
		cmocka_unit_test(test_nul_unicode_escape),
		cmocka_unit_test(test_nul_code_point_escape_in_template),
		cmocka_unit_test(test_lone_high_surrogate),
		cmocka_unit_test(test_lone_low_surrogate),
		cmocka_unit_test(test_code_point_too_large),
		cmocka_unit_test(test_octal_escape),
		cmocka_unit_test(test_escape_8),
		cmocka_unit_test(test_bad_hex_escape),
		cmocka_unit_test(test_bad_unicode_escape),
		cmocka_unit_test(test_unterminated_template),
		cmocka_unit_test(test_unterminated_comment),
		cmocka_unit_test(test_unterminated_regex),
		cmocka_unit_test(test_misplaced_separator),
		cmocka_unit_test(test_leading_zero_separator),
		cmocka_unit_test(test_identifier_after_number),
		cmocka_unit_test(test_missing_exponent),
		cmocka_unit_test(test_hex_without_digits),
		cmocka_unit_test(test_control_character),
		cmocka_unit_test(test_identifier_escape),
		cmocka_unit_test(test_column_counts_code_points),
		cmocka_unit_test(test_positions_are_lines_and_code_point_columns),
		cmocka_unit_test(test_constants_keep_their_own_position),
		cmocka_unit_test(test_identity_fields_are_left_alone),
		cmocka_unit_test(test_failure_after_operations_leaves_nothing),
		cmocka_unit_test(test_load_file_strips_bom_and_reads_typescript),
		cmocka_unit_test(test_invalid_utf8_and_nul_bytes),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_tokenizer),
		cmocka_unit_test(test_error_is_reported_before_later_lexical_error),
		cmocka_unit_test(test_run_for_of_block),
		cmocka_unit_test(test_run_classic_for_while_do),
		cmocka_unit_test(test_run_for_in_key_order),
		cmocka_unit_test(test_run_array_callbacks),
		cmocka_unit_test(test_run_helpers_defaults_rest_destructuring),
		cmocka_unit_test(test_run_string_and_array_methods_json),
		cmocka_unit_test(test_run_operators_and_mutation),
		cmocka_unit_test(test_run_esm_local_function),
		cmocka_unit_test(test_run_return_from_loop_and_recursion),
		cmocka_unit_test(test_refuse_endless_loop),
		cmocka_unit_test(test_refuse_huge_repeat),
		cmocka_unit_test(test_refuse_endless_recursion),
		cmocka_unit_test(test_refuse_math_random),
		cmocka_unit_test(test_refuse_clock),
		cmocka_unit_test(test_refuse_environment),
		cmocka_unit_test(test_refuse_npm_require),
		cmocka_unit_test(test_refuse_live_query),
		cmocka_unit_test(test_refuse_const_assignment),
		cmocka_unit_test(test_refuse_identity_comparison),
		cmocka_unit_test(test_refuse_function_as_operation_argument),
		cmocka_unit_test(test_refuse_returned_function),
		cmocka_unit_test(test_refuse_break_outside_loop),
		cmocka_unit_test(test_refuse_unicode_case_mapping),
		cmocka_unit_test(test_refuse_switch),
		cmocka_unit_test(test_run_console_output),
	};
	const struct CMUnitTest sibling_tests[] = {
		cmocka_unit_test(test_sibling_esm_import_of_constants_and_functions),
		cmocka_unit_test(test_sibling_require_and_extension_resolution),
		cmocka_unit_test(test_sibling_default_and_namespace_imports),
		cmocka_unit_test(test_sibling_outside_the_folder_is_refused),
		cmocka_unit_test(test_sibling_cycle_and_missing_export),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	return failed + cmocka_run_group_tests(sibling_tests, sib_setup, sib_teardown);
}
