/*
 * The analysis step (src/ir/analyze/): raw MigrationBuilder calls become
 * typed definitions, once for every dialect. What the dialects rely on:
 * names final (decamelized when asked), shorthands resolved, node-pg-
 * migrate's generated names, three-way options told apart, SQL pieces as
 * node-pg-migrate would paste them, and node-pg-migrate's messages, with
 * the call's file:line:col added by the runner's step and refusals asked
 * before any argument is read.
 */
#include "test_support.h"
#include "ir_text.h"

#include "dialects/dialect.h"
#include "engine/runner.h"
#include "ir/ir.h"
#include "ir/opdef.h"

static mig_value *parse(const char *text)
{
	const char *err = NULL;
	mig_value *v = irt_parse(text, &err);
	if (!v)
		fail_msg("bad IR text (%s): %s", err, text);
	return v;
}

/* One call analysed; the caller disposes *def and frees *l. */
static int analyze(const char *op, const char *args, bool decamelize, const char *shorthands, mig_oplist *l,
		   mig_opdef *def, mig_value **sh)
{
	memset(l, 0, sizeof(*l));
	assert_int_equal(mig_oplist_push(l, op, parse(args), 7, 3), 0);
	*sh = shorthands ? parse(shorthands) : NULL;
	mig_analyze_ctx ctx = {.shorthands = *sh, .decamelize = decamelize};
	return mig_analyze(&l->ops[0], &ctx, def);
}

#define WITH_DEF(op, args, dec, sh)                                                                    \
	mig_oplist l_;                                                                                 \
	mig_opdef d_;                                                                                  \
	mig_value *sh_;                                                                                \
	if (analyze(op, args, dec, sh, &l_, &d_, &sh_) != 0)                                           \
		fail_msg("%s%s: %s", op, args, mig_error_last()->message);                             \
	const mig_opdef *def = &d_
#define END_DEF()                                                                                      \
	mig_opdef_dispose(&d_);                                                                        \
	mig_value_free(sh_);                                                                           \
	mig_oplist_free(&l_)

static void expect_fail(const char *op, const char *args, const char *message)
{
	mig_oplist l;
	mig_opdef d;
	mig_value *sh;
	int rc = analyze(op, args, false, NULL, &l, &d, &sh);
	if (rc != MIG_EINPUT)
		fail_msg("%s%s: want an input error, got %d", op, args, rc);
	if (strcmp(mig_error_last()->message, message) != 0)
		fail_msg("%s%s:\nwant: %s\ngot:  %s", op, args, message, mig_error_last()->message);
	mig_error_clear();
	mig_opdef_dispose(&d);
	mig_value_free(sh);
	mig_oplist_free(&l);
}

static void test_create_table(void **state)
{
	(void)state;
	WITH_DEF("createTable",
		 "['userAccounts', {id: 'id', emailAddress: {type: 'varchar(255)', notNull: true, unique: true},"
		 " orgId: {type: 'integer', references: 'orgs', onDelete: 'cascade', referencesConstraintName: 'fk_org'},"
		 " createdAt: 'createdAt', qty: {type: 'int', check: 'qty > 0', default: 1}}]",
		 true, "{createdAt: {type: 'timestamp', notNull: true, default: func('now()')}}");
	assert_int_equal(def->kind, MIG_OP_CREATE_TABLE);
	const mig_create_table_def *t = &def->u.create_table;
	assert_string_equal(t->table.name, "user_accounts");
	assert_null(t->table.schema);
	assert_int_equal(t->columns.n, 5);
	/* 'id' is node-pg-migrate's built-in shorthand */
	const mig_column_def *id = &t->columns.v[0];
	assert_string_equal(id->name, "id");
	assert_int_equal(id->type.kind, MIG_TYPE_TEXT);
	assert_string_equal(id->type.text, "serial");
	assert_true(id->primary_key);
	const mig_column_def *email = &t->columns.v[1];
	assert_string_equal(email->name, "email_address");
	assert_true(email->not_null && email->unique && !email->primary_key);
	const mig_column_def *org = &t->columns.v[2];
	assert_non_null(org->references);
	assert_string_equal(org->references->table.name, "orgs");
	assert_null(org->references->raw);
	assert_string_equal(org->references->on_delete, "cascade");
	assert_null(org->references->on_update);
	assert_true(org->fk_named);
	assert_string_equal(org->fk_name.name, "fk_org");
	/* a file's shorthand, with its default as raw SQL */
	const mig_column_def *at = &t->columns.v[3];
	assert_string_equal(at->name, "created_at");
	assert_string_equal(at->type.text, "timestamp");
	assert_true(at->not_null);
	assert_non_null(at->default_value);
	assert_int_equal(at->default_value->type, MIG_V_LITERAL);
	const mig_column_def *qty = &t->columns.v[4];
	assert_string_equal(qty->check, "qty > 0");
	assert_int_equal(qty->default_value->type, MIG_V_NUMBER);
	assert_int_equal(t->constraints.n, 0);
	END_DEF();
}

static void test_table_constraints(void **state)
{
	(void)state;
	/* several primaryKey columns: one table constraint, named as
	 * node-pg-migrate names it */
	WITH_DEF("createTable",
		 "['items', {a: {type: 'int', primaryKey: true}, b: {type: 'int', primaryKey: true}},"
		 " {constraints: {check: 'a > b', unique: [['a', 'b']], foreignKeys: {columns: 'b', references: 'other(x)', onUpdate: 'SET NULL'}}}]",
		 false, NULL);
	const mig_create_table_def *t = &def->u.create_table;
	assert_false(t->columns.v[0].primary_key);
	assert_int_equal(t->constraints.n, 4);
	bool pk = false, check = false, unique = false, fk = false;
	for (size_t i = 0; i < t->constraints.n; i++) {
		const mig_constraint_def *c = &t->constraints.v[i];
		assert_true(c->named);
		switch (c->kind) {
		case MIG_CONSTRAINT_PRIMARY:
			pk = true;
			assert_int_equal(c->columns.n, 2);
			assert_string_equal(c->columns.v[1].name, "b");
			assert_string_equal(c->name.name, "items_pkey");
			break;
		case MIG_CONSTRAINT_CHECK:
			check = true;
			assert_string_equal(c->expr, "a > b");
			assert_string_equal(c->name.name, "items_chck");
			break;
		case MIG_CONSTRAINT_UNIQUE:
			unique = true;
			assert_string_equal(c->name.name, "items_uniq_a_b");
			break;
		case MIG_CONSTRAINT_FOREIGN:
			fk = true;
			/* "other(x)" ends with ')': SQL to paste */
			assert_string_equal(c->references.raw, "other(x)");
			assert_string_equal(c->references.on_update, "SET NULL");
			assert_string_equal(c->name.name, "items_fk_b");
			break;
		default:
			fail_msg("unexpected constraint kind %d", (int)c->kind);
		}
	}
	assert_true(pk && check && unique && fk);
	END_DEF();
}

static void test_alter_column_actions(void **state)
{
	(void)state;
	{
		WITH_DEF("alterColumn", "['t', 'c', {default: null, notNull: false, type: 'bigint'}]", false, NULL);
		const mig_alter_column_def *a = &def->u.alter_column;
		assert_int_equal(a->default_action, MIG_DROP);
		assert_int_equal(a->not_null, MIG_DROP);
		assert_non_null(a->type);
		assert_string_equal(a->type->text, "bigint");
		assert_int_equal(a->identity, MIG_KEEP);
		END_DEF();
	}
	{
		WITH_DEF("alterColumn", "['t', 'someCol', {default: 'x', notNull: true}]", true, NULL);
		const mig_alter_column_def *a = &def->u.alter_column;
		assert_string_equal(a->column.name, "some_col");
		assert_int_equal(a->default_action, MIG_CHANGE);
		assert_string_equal(a->default_value->str, "x");
		assert_int_equal(a->not_null, MIG_CHANGE);
		assert_null(a->type);
		END_DEF();
	}
}

static void test_indexes(void **state)
{
	(void)state;
	{
		WITH_DEF("createIndex", "[{schema: 'app', name: 'users'}, ['lastName', 'lower(email)'], {unique: true, where: 'active'}]",
			 true, NULL);
		const mig_create_index_def *x = &def->u.create_index;
		/* generateIndexName() of the bare table, never qualified */
		assert_string_equal(x->name.name, "users_last_name_(lower(email))_unique_index");
		assert_null(x->name.schema);
		assert_string_equal(x->table.schema, "app");
		assert_int_equal(x->ncolumns, 2);
		assert_false(x->columns[0].column.raw);
		assert_string_equal(x->columns[0].column.name, "last_name");
		assert_true(x->columns[1].column.raw); /* an expression */
		assert_true(x->unique);
		assert_string_equal(x->where, "active");
		END_DEF();
	}
	{
		/* dropIndex names the index as createIndex did, qualified */
		WITH_DEF("dropIndex", "[{schema: 'app', name: 'users'}, 'email']", false, NULL);
		assert_string_equal(def->u.drop_index.name.name, "users_email_index");
		assert_string_equal(def->u.drop_index.name.schema, "app");
		END_DEF();
	}
}

static void test_types_and_sql(void **state)
{
	(void)state;
	{
		WITH_DEF("createType", "['mood', ['sad', 'ok']]", false, NULL);
		assert_true(def->u.create_type.is_enum);
		assert_int_equal(def->u.create_type.values.n, 2);
		assert_string_equal(def->u.create_type.values.v[1]->str, "ok");
		END_DEF();
	}
	{
		WITH_DEF("addTypeValue", "['mood', 'happy', {after: 'ok', ifNotExists: true}]", false, NULL);
		const mig_add_type_value_def *v = &def->u.add_type_value;
		assert_null(v->before);
		assert_string_equal(v->after->str, "ok");
		assert_true(v->if_not_exists);
		END_DEF();
	}
	{
		WITH_DEF("sql", "['SELECT {a} FROM {t} WHERE {v}', {a: 'col', t: {schema: 's', name: 'x'}, v: 42}]", false, NULL);
		const mig_sql_def *s = &def->u.sql;
		assert_int_equal(s->nargs, 3);
		assert_int_equal(s->args[0].kind, MIG_SQL_ARG_NAME);
		assert_int_equal(s->args[1].kind, MIG_SQL_ARG_NAME);
		assert_string_equal(s->args[1].name.schema, "s");
		assert_int_equal(s->args[2].kind, MIG_SQL_ARG_VALUE);
		END_DEF();
	}
}

static void test_messages(void **state)
{
	(void)state;
	/* node-pg-migrate's own texts */
	expect_fail("addTypeValue", "['mood', 'x', {before: 'a', after: 'b'}]", "\"before\" and \"after\" can't be specified together");
	expect_fail("createTable", "['t', {a: 'int'}, {temporary: true, unlogged: true}]", "TEMPORARY and UNLOGGED cannot be used together.");
	expect_fail("alterTable", "['t', {}]", "No table options provided for alterTable");
	expect_fail("addConstraint", "['t', 'c', {}]", "No constraint options provided for addConstraint");
	/* (one primaryKey column is a column constraint, two a table one) */
	expect_fail("createTable",
		    "['t', {a: {type: 'int', primaryKey: true}, b: {type: 'int', primaryKey: true}}, {constraints: {primaryKey: 'a'}}]",
		    "There is duplicate constraint definition in table and columns options: primaryKey");
	/* ours, for what node-pg-migrate would paste as "undefined" */
	expect_fail("createTable", "['t', {a: {notNull: true}}]", "createTable: column \"a\" has no type");
}

/* The runner's step: refusal first, then the analysis, errors at file:line:col. */
static void test_runner_step(void **state)
{
	(void)state;
	char name[] = "1_x", path[] = "migrations/1_x.js", file[] = "1_x.js";
	mig_migration m = {.name = name, .path = path, .file = file};
	mig_oplist ops = {0};
	assert_int_equal(mig_oplist_push(&ops, "createTable", parse("['t', {a: 'int'}]"), 2, 3), 0);
	assert_int_equal(mig_oplist_push(&ops, "alterTable", parse("['t', {}]"), 5, 7), 0);
	mig_opdef *defs = NULL;
	const mig_dialect *pg = mig_dialect_find("postgres");
	assert_int_equal(mig__analyze_ops(pg, &m, &ops, NULL, false, &defs), MIG_EINPUT);
	const mig_error *e = mig_error_last();
	assert_string_equal(e->message, "No table options provided for alterTable");
	assert_string_equal(e->file, "migrations/1_x.js");
	assert_int_equal(e->line, 5);
	assert_int_equal(e->column, 7);
	assert_null(defs);
	mig_error_clear();
	mig_oplist_free(&ops);

	/* SQLite refuses a policy before reading its (here invalid) arguments */
	assert_int_equal(mig_oplist_push(&ops, "createPolicy", parse("[42]"), 9, 1), 0);
	const mig_dialect *sq = mig_dialect_find("sqlite");
	assert_int_equal(mig__analyze_ops(sq, &m, &ops, NULL, false, &defs), MIG_ENOTSUPPORTED);
	assert_non_null(strstr(mig_error_last()->message, "SQLite"));
	assert_int_equal(mig_error_last()->line, 9);
	mig_error_clear();
	/* PostgreSQL reads them, and says what is wrong */
	assert_int_equal(mig__analyze_ops(pg, &m, &ops, NULL, false, &defs), MIG_EINPUT);
	mig_error_clear();
	mig_oplist_free(&ops);
}

/* Inferred downs reverse the raw call, then analyse the inverse: the
 * inverse reads the forward call's arguments as node-pg-migrate does. */
static void test_inferred_down(void **state)
{
	(void)state;
	mig_oplist in = {0}, out = {0};
	assert_int_equal(mig_oplist_push(&in, "createTable", parse("['t', {a: 'int'}, {ifNotExists: true}]"), 1, 1), 0);
	assert_int_equal(mig_op_reverse(&in.ops[0], &out), 0);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.ops[0].kind, MIG_OP_DROP_TABLE);
	mig_analyze_ctx ctx = {0};
	mig_opdef d;
	assert_int_equal(mig_analyze(&out.ops[0], &ctx, &d), 0);
	assert_string_equal(d.u.drop.names.v[0].name, "t");
	/* createTable's options are dropTable's: ifNotExists is not ifExists */
	assert_false(d.u.drop.if_exists);
	mig_opdef_dispose(&d);
	mig_oplist_free(&in);
	mig_oplist_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_table),    cmocka_unit_test(test_table_constraints),
		cmocka_unit_test(test_alter_column_actions), cmocka_unit_test(test_indexes),
		cmocka_unit_test(test_types_and_sql),   cmocka_unit_test(test_messages),
		cmocka_unit_test(test_runner_step),     cmocka_unit_test(test_inferred_down),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
