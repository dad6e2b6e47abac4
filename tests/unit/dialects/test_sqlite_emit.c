/*
 * The SQLite dialect, operation by operation: the statements it emits
 * (compared as text) for hand-built IR, executed against a real
 * in-memory SQLite database that is also the catalog, so that each
 * operation sees the tables the previous ones left; and every error.
 */
#include "test_support.h"

#include "emit_support.h"
#include "engine/catalog.h"
#include "engine/conn.h"
#include "ir/analyze/args.h"
#include "dialects/dialect.h"
#include "ir/ir.h"
#include "engine/url.h"
#include "ir/value.h"

#include <ctype.h>

/* ---- a small reader of JavaScript-like value literals ----------------
 * Builds the IR by hand without the JS loader:
 *   ['users', {id: 'id', n: {type: 'text', notNull: true}}, F'now()']
 * F'...' is a pgm.func() literal; undefined is written `undefined`. */

typedef struct rd {
	const char *s;
} rd;

/* The CHECK every timestamp column gets: SQLite's own text form only. */
#define TS_CK(type, c)                                                                                          \
	" CONSTRAINT \"type:" type "\" CHECK (\"" c "\" IS NULL OR (typeof(\"" c "\") = 'text' AND "                \
	"strftime('%Y-%m-%d %H:%M:%S', \"" c "\", '+0 seconds') IS substr(\"" c "\", 1, 19) AND (length(\"" c "\") = 19 " \
	"OR (substr(\"" c "\", 20, 1) = '.' AND length(\"" c "\") > 20 AND substr(\"" c "\", 21) NOT GLOB '*[^0-9]*'))))"

static void rd_ws(rd *r)
{
	while (isspace((unsigned char)*r->s))
		r->s++;
}

static mig_value *rd_value(rd *r);

static mig_value *rd_string(rd *r)
{
	char q = *r->s++;
	mig_str b = MIG_STR_INIT;
	while (*r->s && *r->s != q) {
		if (*r->s == '\\' && r->s[1]) {
			r->s++;
			mig_str_putc(&b, *r->s == 'n' ? '\n' : *r->s);
			r->s++;
			continue;
		}
		mig_str_putc(&b, *r->s++);
	}
	assert_true(*r->s == q);
	r->s++;
	mig_value *v = mig_value_string(mig_str_cstr(&b), b.len);
	mig_str_free(&b);
	return v;
}

static mig_value *rd_value(rd *r)
{
	rd_ws(r);
	char c = *r->s;
	if (c == '\'' || c == '"')
		return rd_string(r);
	if (c == 'F' && r->s[1] == '\'') {
		r->s++;
		mig_value *s = rd_string(r);
		mig_value *l = mig_value_literal(s->str, s->len);
		mig_value_free(s);
		return l;
	}
	if (c == '[') {
		r->s++;
		mig_value *a = mig_value_new(MIG_V_ARRAY);
		rd_ws(r);
		while (*r->s != ']') {
			assert_int_equal(mig_array_push(a, rd_value(r)), 0);
			rd_ws(r);
			if (*r->s == ',')
				r->s++;
			rd_ws(r);
		}
		r->s++;
		return a;
	}
	if (c == '{') {
		r->s++;
		mig_value *o = mig_value_new(MIG_V_OBJECT);
		rd_ws(r);
		while (*r->s != '}') {
			mig_str key = MIG_STR_INIT;
			if (*r->s == '\'' || *r->s == '"') {
				mig_value *k = rd_string(r);
				mig_str_puts(&key, k->str);
				mig_value_free(k);
			} else {
				while (isalnum((unsigned char)*r->s) || *r->s == '_' || *r->s == '$')
					mig_str_putc(&key, *r->s++);
			}
			rd_ws(r);
			assert_true(*r->s == ':');
			r->s++;
			assert_int_equal(mig_object_set(o, mig_str_cstr(&key), rd_value(r)), 0);
			mig_str_free(&key);
			rd_ws(r);
			if (*r->s == ',')
				r->s++;
			rd_ws(r);
		}
		r->s++;
		return o;
	}
	if (strncmp(r->s, "true", 4) == 0) {
		r->s += 4;
		return mig_value_bool(true);
	}
	if (strncmp(r->s, "false", 5) == 0) {
		r->s += 5;
		return mig_value_bool(false);
	}
	if (strncmp(r->s, "null", 4) == 0) {
		r->s += 4;
		return mig_value_new(MIG_V_NULL);
	}
	if (strncmp(r->s, "undefined", 9) == 0) {
		r->s += 9;
		return mig_value_new(MIG_V_UNDEFINED);
	}
	char *end;
	double d = strtod(r->s, &end);
	if (end == r->s)
		fail_msg("cannot read a value at: %s", r->s);
	r->s = end;
	return mig_value_number(d);
}

static mig_value *V(const char *text)
{
	rd r = {text};
	mig_value *v = rd_value(&r);
	rd_ws(&r);
	if (*r.s)
		fail_msg("trailing text in value: %s", r.s);
	return v;
}

/* ---- the database and the emitter --------------------------------------- */

static mig_conn *db;
static mig_catalog catalog;
static mig_live_source live;
static mig_strv notices;
static bool decamelize;
static const mig_value *shorthands;

static void on_warn(void *ud, const char *message)
{
	(void)ud;
	assert_int_equal(mig_strv_pushdup(&notices, message), 0);
}

static int setup(void **state)
{
	(void)state;
	mig_url url;
	assert_int_equal(mig_url_parse("sqlite::memory:", &url), 0);
	mig_conn_opts co = {0};
	const mig_driver *drv = mig_driver_find("sqlite");
	assert_non_null(drv);
	assert_int_equal(drv->ops->open(drv, &url, &co, &db), 0);
	mig_url_dispose(&url);
	mig_catalog_init_live(&catalog, &live, db, mig_dialect_find("sqlite"), NULL);
	decamelize = false;
	shorthands = NULL;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mig_catalog_dispose(&catalog);
	db->driver->ops->close(db);
	db = NULL;
	mig_strv_free(&notices);
	mig_error_clear();
	return 0;
}

static const mig_dialect *dia(void)
{
	const mig_dialect *d = mig_dialect_find("sqlite");
	assert_non_null(d);
	return d;
}

/* Emit pgm.<name>(...args) into steps; the emitter's return code. */
static int emit_into(const char *name, const char *args, mig_steps *steps, bool with_catalog)
{
	mig_op op = {.kind = mig_op_kind_from_name(name), .name = (char *)name, .args = V(args)};
	mig_emit_ctx ctx = {.file = "m.js",
			    .catalog = with_catalog ? &catalog : NULL,
			    .warn = on_warn};
	/* the database changed since the last operation (the tests run
	 * statements of their own): read it afresh, as the runner does */
	mig_catalog_reset(&catalog);
	int rc = test_emit_with(dia(), &ctx, shorthands, decamelize, &op, steps);
	mig_value_free(op.args);
	return rc;
}

static int run_step(const mig_step *step)
{
	size_t done = 0;
	return mig__conn_run_step(db, step, &done);
}

static void exec_sql(const char *sql)
{
	int rc = mig__conn_exec(db, sql);
	if (rc)
		fail_msg("executing [%s]: %s", sql, mig_error_last() ? mig_error_last()->message : "?");
}

/* The first cell of a query ("" for none, "NULL" for NULL). */
static char *q1(const char *sql)
{
	mig_rows *rows = NULL;
	int rc = db->driver->ops->query(db, sql, &rows);
	if (rc)
		fail_msg("query [%s]: %s", sql, mig_error_last() ? mig_error_last()->message : "?");
	const char *v = rows->nrows ? mig_rows_get(rows, 0, 0) : "";
	char *r = mig_strdup(v ? v : "NULL");
	mig_rows_free(rows);
	return r;
}

static void expect_q(const char *sql, const char *want)
{
	char *got = q1(sql);
	if (strcmp(got, want) != 0)
		fail_msg("query [%s]: expected [%s], got [%s]", sql, want, got);
	free(got);
}

/* Print steps as a C string, for reading a mismatch. */
static void print_c(const char *label, const char *text)
{
	fprintf(stderr, "%s:\n\t\"", label);
	for (const char *c = text; *c; c++) {
		if (*c == '\n')
			fputs("\\n\"\n\t\"", stderr);
		else if (*c == '"' || *c == '\\')
			fprintf(stderr, "\\%c", *c);
		else
			fputc(*c, stderr);
	}
	fputs("\"\n", stderr);
}

/* The dialect's MIG_OPF_* for a call, from its analysed definition. */
static unsigned flags_for(const char *name, const char *args)
{
	mig_oplist l = {0};
	assert_int_equal(mig_oplist_push(&l, name, V(args), 1, 1), 0);
	mig_analyze_ctx actx = {0};
	mig_opdef def;
	if (mig_analyze(&l.ops[0], &actx, &def) != 0)
		fail_msg("%s%s: %s", name, args, mig_error_last()->message);
	unsigned f = dia()->op_flags(&def);
	mig_opdef_dispose(&def);
	mig_oplist_free(&l);
	return f;
}

/* Emit, compare the steps (joined with "\n") with want, then run them in
 * a transaction begun as the runner would (foreign keys relaxed). */
static void expect_sql(const char *name, const char *args, const char *want)
{
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit_into(name, args, &steps, true);
	if (rc)
		fail_msg("%s%s failed: %s", name, args, mig_error_last() ? mig_error_last()->message : "?");
	/* one operation, one step: the runner may reverse an operation's
	 * steps (inferred downs), which must not reorder a rebuild */
	assert_true(steps.n <= 1);
	mig_str got = MIG_STR_INIT;
	for (size_t i = 0; i < steps.n; i++) {
		if (i)
			mig_str_putc(&got, '\n');
		mig_str_puts(&got, steps.v[i].text);
	}
	if (strcmp(mig_str_cstr(&got), want) != 0) {
		print_c("expected", want);
		print_c("got", mig_str_cstr(&got));
		fail_msg("%s%s: unexpected SQL", name, args);
	}
	unsigned flags = flags_for(name, args) & MIG_OPF_RELAXED_FK ? MIG_TXN_RELAXED_FK : 0;
	assert_int_equal(db->driver->ops->begin(db, flags), 0);
	for (size_t i = 0; i < steps.n; i++) {
		rc = run_step(&steps.v[i]);
		if (rc)
			fail_msg("executing [%s]: %s", steps.v[i].text, mig_error_last() ? mig_error_last()->message : "?");
	}
	rc = db->driver->ops->commit(db);
	if (rc)
		fail_msg("commit after %s: %s", name, mig_error_last() ? mig_error_last()->message : "?");
	mig_str_free(&got);
	mig_steps_free(&steps);
}

/* Emit and run without comparing the text (set-up of later tests). */
static void run_op(const char *name, const char *args)
{
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit_into(name, args, &steps, true);
	if (rc)
		fail_msg("%s%s failed: %s", name, args, mig_error_last() ? mig_error_last()->message : "?");
	unsigned flags = flags_for(name, args) & MIG_OPF_RELAXED_FK ? MIG_TXN_RELAXED_FK : 0;
	assert_int_equal(db->driver->ops->begin(db, flags), 0);
	for (size_t i = 0; i < steps.n; i++) {
		rc = run_step(&steps.v[i]);
		if (rc)
			fail_msg("executing [%s]: %s", steps.v[i].text, mig_error_last() ? mig_error_last()->message : "?");
	}
	assert_int_equal(db->driver->ops->commit(db), 0);
	mig_steps_free(&steps);
}

/* The operation fails with code and a message containing frag, and adds
 * no step. */
static void expect_fail(const char *name, const char *args, int code, const char *frag)
{
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit_into(name, args, &steps, true);
	if (rc == 0)
		fail_msg("%s%s: expected an error containing [%s]", name, args, frag);
	assert_int_equal(steps.n, 0);
	expect_error(rc, code, frag);
	mig_steps_free(&steps);
}

static void expect_notice(const char *frag)
{
	for (size_t i = 0; i < notices.n; i++)
		if (strstr(notices.v[i], frag))
			return;
	for (size_t i = 0; i < notices.n; i++)
		fprintf(stderr, "notice: %s\n", notices.v[i]);
	fail_msg("no notice contains [%s]", frag);
}

/* The lines a rebuild of `t` starts with (up to the copy). */
#define RB_HEAD "PRAGMA foreign_keys = OFF;\nSAVEPOINT \"_mig_rebuild\";\n"
#define RB_SWAP(t)                                                                                         \
	"PRAGMA legacy_alter_table = ON;\nDROP TABLE \"" t "\";\nALTER TABLE \"_mig_new_" t "\" RENAME TO \"" t \
	"\";\nPRAGMA legacy_alter_table = OFF;\n"
#define RB_SEQ(t)                                                                                  \
	"DELETE FROM sqlite_sequence WHERE name = '_mig_new_" t "';\nINSERT INTO sqlite_sequence (name, " \
	"seq) SELECT '_mig_new_" t "', seq FROM sqlite_sequence WHERE name = '" t "';\n"
#define RB_TAIL "RELEASE \"_mig_rebuild\";\nPRAGMA foreign_keys = ON;"

/* ==== createTable ========================================================= */

static void create_table_types_and_defaults(void **state)
{
	(void)state;
	run_op("createType", "['mood', ['happy', 'sad', 'it\\'s complicated']]");
	expect_sql("createTable",
		   "['users', {id: 'id', uid: {type: 'uuid', notNull: true, default: F'gen_random_uuid()'},"
		   " email: {type: 'varchar(255)', notNull: true, unique: true}, nick: 'citext',"
		   " bio: {type: 'string', default: 'it\\'s me'}, active: {type: 'bool', notNull: true, default: true},"
		   " score: {type: 'numeric(10,2)', default: 0}, ratio: 'double', n: 'bigint',"
		   " mood: {type: 'mood', default: 'happy'}, meta: {type: 'jsonb', notNull: true, default: '{}'},"
		   " born: {type: 'date', default: F'now()'}, at: {type: 'timestamptz', notNull: true, default: F'current_timestamp'},"
		   " blob: 'bytea', code: 'char(3)'}]",
		   "CREATE TABLE \"users\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"users_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"uid\" TEXT DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
		   "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || "
		   "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) NOT NULL,\n"
		   "  \"email\" TEXT NOT NULL CONSTRAINT \"type:varchar(255)\" CHECK (length(\"email\") <= 255),\n"
		   "  \"nick\" TEXT COLLATE NOCASE,\n"
		   "  \"bio\" TEXT DEFAULT 'it''s me',\n"
		   "  \"active\" INTEGER DEFAULT TRUE NOT NULL,\n"
		   "  \"score\" NUMERIC DEFAULT 0,\n"
		   "  \"ratio\" REAL,\n"
		   "  \"n\" INTEGER,\n"
		   "  \"mood\" TEXT DEFAULT 'happy' CONSTRAINT \"type:mood\" CHECK (\"mood\" IN ('happy', 'sad', 'it''s complicated')),\n"
		   "  \"meta\" TEXT DEFAULT '{}' NOT NULL CONSTRAINT \"type:jsonb\" CHECK (\"meta\" IS NULL OR json_valid(\"meta\")),\n"
		   "  \"born\" TEXT DEFAULT CURRENT_DATE,\n"
		   "  \"at\" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL" TS_CK("timestamptz", "at") ",\n"
		   "  \"blob\" BLOB,\n"
		   "  \"code\" TEXT CONSTRAINT \"type:char(3)\" CHECK (length(\"code\") <= 3)\n"
		   ");\n"
		   "CREATE UNIQUE INDEX \"users_email_key\" ON \"users\" (\"email\");");
	/* affinity and behaviour */
	expect_q("SELECT type FROM pragma_table_info('users') WHERE name = 'uid'", "TEXT");
	exec_sql("INSERT INTO users (email) VALUES ('a@x'), ('b@x')");
	expect_q("SELECT count(DISTINCT uid) FROM users", "2");
	expect_q("SELECT count(*) FROM users WHERE uid GLOB '[0-9a-f]*-*-4*-*-*' AND length(uid) = 36 AND substr(uid, 20, 1) IN ('8', '9', 'a', 'b')", "2");
	expect_q("SELECT typeof(active) || active FROM users LIMIT 1", "integer1");
	assert_int_not_equal(mig__conn_exec(db, "INSERT INTO users (email, mood) VALUES ('c@x', 'angry')"), 0);
	expect_error(MIG_ESQL, MIG_ESQL, "type:mood");
	assert_int_not_equal(mig__conn_exec(db, "INSERT INTO users (email, meta) VALUES ('c@x', '{bad')"), 0);
	expect_error(MIG_ESQL, MIG_ESQL, "type:jsonb");
	/* json_valid(NULL) is 0 before SQLite 3.45; NULL is still fine */
	run_op("addColumns", "['users', {extra: 'json'}]");
	exec_sql("INSERT INTO users (email, extra) VALUES ('n@x', NULL), ('j@x', '[1]')");
	assert_int_not_equal(mig__conn_exec(db, "INSERT INTO users (email, extra) VALUES ('k@x', '[1')"), 0);
	expect_error(MIG_ESQL, MIG_ESQL, "type:json");
	exec_sql("DELETE FROM users WHERE email IN ('n@x', 'j@x')");
	assert_int_not_equal(mig__conn_exec(db, "INSERT INTO users (email) VALUES ('a@x')"), 0);
	expect_error(MIG_ESQL, MIG_ESQL, "UNIQUE");
	/* ids are never reused (3 and 4 were deleted above) */
	exec_sql("DELETE FROM users WHERE id = 2");
	exec_sql("INSERT INTO users (email) VALUES ('d@x')");
	expect_q("SELECT max(id) FROM users", "5");
}

static void create_table_constraints(void **state)
{
	(void)state;
	run_op("createTable", "['authors', {id: 'id', name: {type: 'text', notNull: true}}]");
	expect_sql("createTable",
		   "['books', {id: 'id', authorId: {type: 'integer', references: 'authors', onDelete: 'cascade'},"
		   " editor: {type: 'integer', references: 'authors(id)', onDelete: 'SET NULL', deferrable: true, deferred: true},"
		   " isbn: 'text', title: {type: 'text', check: 'length(title) > 0'}, a: 'int', b: 'int'},"
		   " {constraints: {check: ['a > 0', 'b > 0'], unique: [['isbn'], ['a', 'b']],"
		   " foreignKeys: {columns: 'b', references: 'authors', onUpdate: 'RESTRICT'}}}]",
		   "CREATE TABLE \"books\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"books_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"authorId\" INTEGER CONSTRAINT \"books_authorId_fkey\" REFERENCES \"authors\" ON DELETE cascade,\n"
		   "  \"editor\" INTEGER CONSTRAINT \"books_editor_fkey\" REFERENCES authors(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,\n"
		   "  \"isbn\" TEXT,\n"
		   "  \"title\" TEXT CONSTRAINT \"books_title_check\" CHECK (length(title) > 0),\n"
		   "  \"a\" INTEGER,\n"
		   "  \"b\" INTEGER,\n"
		   "  CONSTRAINT \"books_chck_1\" CHECK (a > 0),\n"
		   "  CONSTRAINT \"books_chck_2\" CHECK (b > 0),\n"
		   "  CONSTRAINT \"books_fk_b\" FOREIGN KEY (\"b\") REFERENCES \"authors\" ON UPDATE RESTRICT\n"
		   ");\n"
		   "CREATE UNIQUE INDEX \"books_uniq_isbn\" ON \"books\" (\"isbn\");\n"
		   "CREATE UNIQUE INDEX \"books_uniq_a_b\" ON \"books\" (\"a\", \"b\");");
	/* several primaryKey columns: one table constraint, NOT NULL both */
	expect_sql("createTable", "['pairs', {x: {type: 'text', primaryKey: true}, y: {type: 'integer', primaryKey: true}}]",
		   "CREATE TABLE \"pairs\" (\n"
		   "  \"x\" TEXT NOT NULL,\n"
		   "  \"y\" INTEGER NOT NULL,\n"
		   "  CONSTRAINT \"pairs_pkey\" PRIMARY KEY (\"x\", \"y\")\n"
		   ");");
	/* a serial named as the table's primary key becomes the rowid alias */
	expect_sql("createTable", "['tags', {tagId: 'serial', label: 'text'}, {constraints: {primaryKey: 'tagId'}}]",
		   "CREATE TABLE \"tags\" (\n"
		   "  \"tagId\" INTEGER CONSTRAINT \"tags_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"label\" TEXT\n"
		   ");");
	/* a text primary key refuses NULL as in PostgreSQL */
	expect_sql("createTable", "['codes', {code: {type: 'varchar(8)', primaryKey: true}}, {ifNotExists: true, temporary: true}]",
		   "CREATE TEMPORARY TABLE IF NOT EXISTS \"codes\" (\n"
		   "  \"code\" TEXT CONSTRAINT \"codes_pkey\" PRIMARY KEY NOT NULL CONSTRAINT \"type:varchar(8)\" CHECK (length(\"code\") <= 8)\n"
		   ");");
	assert_int_not_equal(mig__conn_exec(db, "INSERT INTO codes VALUES (NULL)"), 0);
	mig_error_clear();
}

static void create_table_decamelize_and_names(void **state)
{
	(void)state;
	decamelize = true;
	expect_sql("createTable",
		   "[{schema: 'public', name: 'userAccounts'}, {accountId: 'id', emailAddress: {type: 'text', unique: true}},"
		   " {constraints: {unique: 'emailAddress', check: 'account_id > 0'}}]",
		   "CREATE TABLE \"user_accounts\" (\n"
		   "  \"account_id\" INTEGER CONSTRAINT \"user_accounts_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"email_address\" TEXT,\n"
		   "  CONSTRAINT \"user_accounts_chck\" CHECK (account_id > 0)\n"
		   ");\n"
		   "CREATE UNIQUE INDEX \"user_accounts_email_address_key\" ON \"user_accounts\" (\"email_address\");\n"
		   "CREATE UNIQUE INDEX \"user_accounts_uniq_email_address\" ON \"user_accounts\" (\"email_address\");");
	decamelize = false;
	/* PostgreSQL's 63-byte names, and its shortening of generated ones */
	expect_sql("createTable",
		   "['a_table_with_a_really_long_name_that_goes_on_and_on_forever_and_ever',"
		   " {a_column_with_a_really_long_name_that_goes_on_and_on: {type: 'int', unique: true}}]",
		   "CREATE TABLE \"a_table_with_a_really_long_name_that_goes_on_and_on_forever_and\" (\n"
		   "  \"a_column_with_a_really_long_name_that_goes_on_and_on\" INTEGER\n"
		   ");\n"
		   "CREATE UNIQUE INDEX \"a_table_with_a_really_long_na_a_column_with_a_really_long_n_key\" ON "
		   "\"a_table_with_a_really_long_name_that_goes_on_and_on_forever_and\" (\"a_column_with_a_really_long_name_that_goes_on_and_on\");");
	expect_notice("will be truncated to \"a_table_with_a_really_long_name_that_goes_on_and_on_forever_and\"");
	/* user shorthands */
	mig_value *sh = V("{created: {type: 'timestamp', notNull: true, default: F'now()'}, ref: {type: 'integer', references: 'users'}}");
	shorthands = sh;
	run_op("createTable", "['users', {id: 'id'}]");
	expect_sql("createTable", "['events', {id: 'id', at: 'created', by: {type: 'ref', notNull: false}}]",
		   "CREATE TABLE \"events\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"events_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"at\" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL" TS_CK("timestamp", "at") ",\n"
		   "  \"by\" INTEGER CONSTRAINT \"events_by_fkey\" REFERENCES \"users\"\n"
		   ");");
	shorthands = NULL;
	mig_value_free(sh);
}

static void create_table_refusals(void **state)
{
	(void)state;
	expect_fail("createTable", "['t', {id: 'serial'}]", MIG_ENOTSUPPORTED,
		    "createTable: serial column \"id\" is not supported on SQLite unless it is the table's only primary-key column");
	expect_fail("createTable", "['t', {a: 'serial', b: 'serial'}, {constraints: {primaryKey: ['a', 'b']}}]",
		    MIG_ENOTSUPPORTED, "serial column \"a\"");
	expect_fail("createTable", "['t', {tags: 'text[]'}]", MIG_ENOTSUPPORTED,
		    "createTable: column \"tags\": the array type text[] is not supported on SQLite: SQLite has no arrays");
	expect_fail("createTable", "['t', {tags: {type: 'text', array: true}}]", MIG_ENOTSUPPORTED,
		    "array: true is not supported on SQLite");
	expect_fail("createTable", "['t', {d: 'interval'}]", MIG_ENOTSUPPORTED,
		    "the type interval is not supported on SQLite: SQLite has no interval type");
	expect_fail("createTable", "['t', {m: 'money'}]", MIG_ENOTSUPPORTED,
		    "createTable: column \"m\": the type money is not supported on SQLite: it is neither a built-in type SQLite can store faithfully nor an enum created with pgm.createType()");
	expect_fail("createTable", "['t', {m: {type: F'my_type'}}]", MIG_ENOTSUPPORTED,
		    "the type pgm.func('my_type') is not supported on SQLite");
	expect_fail("createTable", "['t', {a: {type: 'timestamp', default: F'now() + interval \\'1 day\\''}}]", MIG_ENOTSUPPORTED,
		    "createTable: the default pgm.func(\"now() + interval '1 day'\") is not supported on SQLite: only a literal");
	expect_fail("createTable", "['t', {a: {type: 'int', default: [1, 2]}}]", MIG_ENOTSUPPORTED,
		    "an array default is not supported on SQLite");
	expect_fail("createTable", "['t', {a: {type: 'text', collation: 'de_DE'}}]", MIG_ENOTSUPPORTED,
		    "the collation de_DE is not supported on SQLite: SQLite has BINARY (\"C\"), NOCASE and RTRIM only");
	expect_fail("createTable", "['t', {a: 'int'}, {inherits: 'p'}]", MIG_ENOTSUPPORTED,
		    "createTable option inherits is not supported on SQLite: SQLite has no table inheritance");
	expect_fail("createTable", "['t', {a: 'int'}, {like: 'p'}]", MIG_ENOTSUPPORTED,
		    "createTable option like is not supported on SQLite");
	expect_fail("createTable", "['t', {a: 'int'}, {partition: {strategy: 'RANGE', columns: 'a'}}]", MIG_ENOTSUPPORTED,
		    "createTable option partition is not supported on SQLite: SQLite has no partitioned tables");
	expect_fail("createTable", "['t', {a: 'int'}, {constraints: {exclude: 'USING gist (a WITH &&)'}}]",
		    MIG_ENOTSUPPORTED, "createTable option exclude is not supported on SQLite: SQLite has no exclusion constraints");
	expect_fail("createTable", "['t', {a: 'int'}, {constraints: {check: 'a > 0', deferrable: true}}]",
		    MIG_ENOTSUPPORTED, "createTable option deferrable is not supported on SQLite: SQLite can defer foreign keys only");
	expect_fail("createTable", "['t', {a: {type: 'int', deferrable: true}}]", MIG_ENOTSUPPORTED,
		    "deferrable (on a column without references)");
	expect_fail("createTable", "['t', {a: 'int'}, {temporary: true, unlogged: true}]", MIG_EINPUT,
		    "TEMPORARY and UNLOGGED cannot be used together.");
	expect_fail("createTable", "['t', {a: {type: 'int', primaryKey: true}, b: {type: 'int', primaryKey: true}}, {constraints: {primaryKey: 'a'}}]",
		    MIG_EINPUT, "There is duplicate constraint definition in table and columns options: primaryKey");
	expect_fail("createTable", "[{schema: 'app', name: 't'}, {a: 'int'}]", MIG_ENOTSUPPORTED,
		    "createTable: schema \"app\" is not supported on SQLite: SQLite has no schemas");
	expect_fail("createTable", "['t', {a: {type: 'int', references: 'p', onDelete: 'EXPLODE'}}]", MIG_EINPUT,
		    "onDelete must be NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT, not EXPLODE");
	expect_fail("createTable", "['t', {a: {type: 'serial', primaryKey: true, default: 1}}]", MIG_EINPUT,
		    "multiple default values specified for column \"a\"");
	expect_fail("createTable", "['t', 'a']", MIG_EINPUT, "createTable: the columns must be an object");
	expect_fail("createTable", "[F'raw_name', {a: 'int'}]", MIG_ENOTSUPPORTED,
		    "createTable: the table name given as pgm.func('raw_name') is not supported on SQLite");
}

static void create_table_notices(void **state)
{
	(void)state;
	expect_sql("createTable",
		   "['t', {a: {type: 'int', comment: 'the a', references: 'p', match: 'FULL'}, b: {type: 'text', collation: '\"C\"'}},"
		   " {comment: 'a table', unlogged: true}]",
		   "CREATE TABLE \"t\" (\n"
		   "  \"a\" INTEGER CONSTRAINT \"t_a_fkey\" REFERENCES \"p\",\n"
		   "  \"b\" TEXT COLLATE BINARY\n"
		   ");");
	expect_notice("createTable: UNLOGGED skipped: SQLite has no unlogged tables");
	expect_notice("createTable: the comment on table \"t\" is skipped: SQLite has no comments");
	expect_notice("createTable: the comment on column \"a\" is skipped");
	expect_notice("createTable: MATCH FULL is not enforced by SQLite: its foreign keys always behave as MATCH SIMPLE");
}

/* ==== dropTable, renameTable ============================================ */

static void drop_and_rename_table(void **state)
{
	(void)state;
	run_op("createTable", "['parent', {id: 'id'}]");
	run_op("createTable", "['child', {id: 'id', parentId: {type: 'integer', references: 'parent', onDelete: 'CASCADE'}}]");
	exec_sql("CREATE VIEW parent_ids AS SELECT id FROM parent");
	exec_sql("INSERT INTO parent DEFAULT VALUES; INSERT INTO child (parentId) VALUES (1)");
	expect_fail("dropTable", "['parent']", MIG_ESQL,
		    "dropTable: cannot drop table parent because other objects depend on it: constraint child_parentId_fkey on table child, view parent_ids (use {cascade: true} to drop them too)");
	expect_sql("dropTable", "['parent', {cascade: true}]",
		   "DROP VIEW IF EXISTS \"parent_ids\";\n" RB_HEAD
		   "CREATE TABLE \"_mig_new_child\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"child_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"parentId\" INTEGER\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_child\" (\"id\", \"parentId\") SELECT \"id\", \"parentId\" FROM \"child\";\n" RB_SEQ("child")
			   RB_SWAP("child") RB_TAIL "\n"
		   "DROP TABLE \"parent\";");
	expect_notice("dropTable: drop cascades to view parent_ids");
	expect_q("SELECT count(*) FROM child", "1");
	expect_sql("dropTable", "['gone', {ifExists: true}]", "DROP TABLE IF EXISTS \"gone\";");
	expect_sql("renameTable", "['child', 'kid']", "ALTER TABLE \"child\" RENAME TO \"kid\";");
	expect_q("SELECT count(*) FROM kid", "1");
	assert_int_equal(flags_for("dropTable", "['gone']"), 0);
}

/* ==== addColumns ========================================================== */

/* A timestamp column holds SQLite's own form of a UTC time and nothing
 * else, so that text comparison orders times: ISO forms with T, Z or an
 * offset, impossible dates, words and numbers are refused; what SQLite's
 * date functions write is taken. Also after a rebuild (alterColumn). */
static void timestamp_values(void **state)
{
	(void)state;
	run_op("createTable", "['tokens', {id: 'id', expires_at: {type: 'timestamptz', notNull: true}, used_at: 'timestamp'}]");
	static const char *const good[] = {
		"'2024-01-01 10:00:00'", "'2024-02-29 23:59:59.5'", "'1999-12-31 00:00:00.123456'",
		"CURRENT_TIMESTAMP", "datetime('now', '+1 hour')", "strftime('%Y-%m-%d %H:%M:%f', 'now')",
	};
	static const char *const bad[] = {
		"'2024-01-01T10:00:00'", "'2024-01-01 10:00:00Z'", "'2024-01-01 10:00:00+02:00'", "'2024-01-01 10:00'",
		"'2024-02-30 10:00:00'", "'2024-01-01 24:00:00'", "'2024-13-01 10:00:00'", "'2024-01-01 10:00:00.'",
		"'2024-01-01 10:00:00.5x'", "'never'", "''", "1704103200", "2460311.5",
	};
	char sql[160];
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO tokens (expires_at) VALUES (%s)", good[i]);
		exec_sql(sql);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO tokens (expires_at) VALUES (%s)", bad[i]);
		if (mig__conn_exec(db, sql) == 0)
			fail_msg("accepted a timestamp SQLite would misorder: %s", bad[i]);
		assert_non_null(strstr(mig_error_last()->message, "CHECK constraint failed: type:timestamptz"));
		mig_error_clear();
	}
	exec_sql("INSERT INTO tokens (expires_at, used_at) VALUES ('2024-01-01 10:00:00', NULL)");
	expect_q("SELECT count(*) FROM tokens", "7");
	/* the kind survives in the live table: a rebuild keeps the check */
	run_op("alterColumn", "['tokens', 'used_at', {default: F'current_timestamp'}]");
	if (mig__conn_exec(db, "INSERT INTO tokens (expires_at, used_at) VALUES (CURRENT_TIMESTAMP, '2024-01-01T00:00:00Z')") == 0)
		fail_msg("the rebuilt table lost the timestamp check");
	mig_error_clear();
	expect_q("SELECT count(*) FROM tokens", "7");
}

/* A rebuild keeps the rowids of a table whose rowid is not a column (no
 * INTEGER PRIMARY KEY): rows are not renumbered. */
static void rebuild_keeps_rowids(void **state)
{
	(void)state;
	run_op("createTable", "['notes', {body: 'text', tag: 'varchar(10)'}]");
	run_op("createTable", "['keyed', {code: {type: 'text', primaryKey: true}, rowid: 'integer'}]");
	exec_sql("INSERT INTO notes (body) VALUES ('a'), ('b'), ('c')");
	exec_sql("DELETE FROM notes WHERE body = 'a'");
	exec_sql("INSERT INTO keyed (code, rowid) VALUES ('k1', 7), ('k2', 8), ('k3', 9)");
	exec_sql("DELETE FROM keyed WHERE code = 'k1'");
	run_op("alterColumn", "['notes', 'tag', {type: 'varchar(20)'}]");
	expect_q("SELECT group_concat(rowid || body, ',') FROM (SELECT rowid, body FROM notes ORDER BY rowid)", "2b,3c");
	/* a column named rowid shadows it: the copy uses oid */
	run_op("alterColumn", "['keyed', 'rowid', {notNull: true, default: 0}]");
	expect_q("SELECT group_concat(oid || code || rowid, ',') FROM (SELECT oid, code, rowid FROM keyed ORDER BY oid)", "2k28,3k39");
}

/* Spellings of "now" that node-pg-migrate folders use: wrapped in
 * parentheses (as PostgreSQL itself prints defaults), in UTC; a zone other
 * than UTC stays refused (SQLite has no time zones). */
static void func_default_spellings(void **state)
{
	(void)state;
	run_op("createTable", "['t', {a: {type: 'timestamptz', default: F'(NOW())'}, "
			      "b: {type: 'timestamp', default: F'(now() at time zone \\'utc\\')'}, "
			      "c: {type: 'timestamp', default: F'timezone(\\'UTC\\'::text, now())'}, "
			      "d: {type: 'date', default: F'((current_date))'}, e: {type: 'uuid', default: F'(gen_random_uuid())'}}]");
	exec_sql("INSERT INTO t DEFAULT VALUES");
	expect_q("SELECT a = CURRENT_TIMESTAMP AND b = a AND c = a AND d = CURRENT_DATE AND length(e) = 36 FROM t", "1");
	expect_fail("createTable", "['u', {a: {type: 'timestamptz', default: F'(now() at time zone \\'Europe/Paris\\')'}}]",
		    MIG_ENOTSUPPORTED, "is not supported on SQLite");
	expect_fail("createTable", "['u', {a: {type: 'timestamptz', default: F'(now())(x)'}}]", MIG_ENOTSUPPORTED,
		    "is not supported on SQLite");
}

static void add_columns(void **state)
{
	(void)state;
	run_op("createTable", "['posts', {id: 'id', title: 'text'}]");
	exec_sql("INSERT INTO posts (title) VALUES ('a'), ('b')");
	/* what ALTER TABLE ADD COLUMN can do */
	expect_sql("addColumns",
		   "['posts', {summary: 'text', published: {type: 'boolean', notNull: true, default: false},"
		   " slug: {type: 'varchar(20)', unique: true}, authorId: {type: 'integer', references: 'posts'}}]",
		   "ALTER TABLE \"posts\" ADD COLUMN \"summary\" TEXT;\n"
		   "ALTER TABLE \"posts\" ADD COLUMN \"published\" INTEGER DEFAULT FALSE NOT NULL;\n"
		   "ALTER TABLE \"posts\" ADD COLUMN \"slug\" TEXT CONSTRAINT \"type:varchar(20)\" CHECK (length(\"slug\") <= 20);\n"
		   "ALTER TABLE \"posts\" ADD COLUMN \"authorId\" INTEGER CONSTRAINT \"posts_authorId_fkey\" REFERENCES \"posts\";\n"
		   "CREATE UNIQUE INDEX \"posts_slug_key\" ON \"posts\" (\"slug\");");
	/* a non-constant default: a rebuild, and every row gets it */
	expect_sql("addColumns", "['posts', {createdAt: {type: 'timestamp', default: F'now()'}}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_posts\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"posts_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"title\" TEXT,\n"
		   "  \"summary\" TEXT,\n"
		   "  \"published\" INTEGER DEFAULT FALSE NOT NULL,\n"
		   "  \"slug\" TEXT CONSTRAINT \"type:varchar(20)\" CHECK (length(\"slug\") <= 20),\n"
		   "  \"authorId\" INTEGER CONSTRAINT \"posts_authorId_fkey\" REFERENCES \"posts\",\n"
		   "  \"createdAt\" TEXT DEFAULT CURRENT_TIMESTAMP" TS_CK("timestamp", "createdAt") "\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_posts\" (\"id\", \"title\", \"summary\", \"published\", \"slug\", \"authorId\") "
		   "SELECT \"id\", \"title\", \"summary\", \"published\", \"slug\", \"authorId\" FROM \"posts\";\n" RB_SEQ("posts")
			   RB_SWAP("posts") "CREATE UNIQUE INDEX \"posts_slug_key\" ON \"posts\" (\"slug\");\n" RB_TAIL);
	expect_q("SELECT count(*) FROM posts WHERE createdAt IS NOT NULL", "2");
	/* NOT NULL without a default fails on rows, as in PostgreSQL */
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(emit_into("addColumns", "['posts', {body: {type: 'text', notNull: true}}]", &steps, true), 0);
	assert_int_equal(db->driver->ops->begin(db, MIG_TXN_RELAXED_FK), 0);
	int rc = 0;
	for (size_t i = 0; i < steps.n && rc == 0; i++)
		rc = run_step(&steps.v[i]);
	expect_error(rc, MIG_ESQL, "NOT NULL constraint failed: _mig_new_posts.body");
	db->driver->ops->rollback(db);
	mig_steps_free(&steps);
	/* ifNotExists skips what exists */
	expect_sql("addColumns", "['posts', {title: 'text', extra: 'int'}, {ifNotExists: true}]",
		   "ALTER TABLE \"posts\" ADD COLUMN \"extra\" INTEGER;");
	expect_notice("column \"title\" of relation \"posts\" already exists, skipping");
	expect_fail("addColumns", "['posts', {title: 'text'}]", MIG_ESQL,
		    "addColumns: column \"title\" of relation \"posts\" already exists");
	expect_fail("addColumns", "['nope', {a: 'text'}]", MIG_ESQL, "addColumns: relation \"nope\" does not exist");
	expect_fail("addColumns", "['posts', {n: 'serial'}]", MIG_ENOTSUPPORTED,
		    "addColumns: serial column \"n\" is not supported on SQLite unless it is the primary key");
	expect_fail("addColumns", "['posts', {n: {type: 'int', primaryKey: true}}]", MIG_ESQL,
		    "multiple primary keys for table \"posts\" are not allowed");
	/* adding the id of a table without one numbers the rows */
	run_op("createTable", "['plain', {v: 'text'}]");
	exec_sql("INSERT INTO plain VALUES ('x'), ('y')");
	run_op("addColumns", "['plain', {id: 'id'}]");
	expect_q("SELECT group_concat(id || v) FROM plain", "1x,2y");
	expect_q("SELECT sql LIKE '%\"id\" INTEGER CONSTRAINT \"plain_pkey\" PRIMARY KEY AUTOINCREMENT%' FROM sqlite_master WHERE name = 'plain'", "1");
}

/* ==== dropColumns, renameColumn =========================================== */

static void drop_columns(void **state)
{
	(void)state;
	run_op("createTable", "['t', {id: 'id', a: 'text', b: {type: 'int', check: 'b > 0'}, c: 'int', d: 'int', e: 'int'},"
			      " {constraints: {unique: ['c', 'd'], check: 'd < 100'}}]");
	run_op("createIndex", "['t', 'e']");
	exec_sql("INSERT INTO t (a, b, c, d, e) VALUES ('x', 1, 2, 3, 4)");
	/* nothing else uses a, b: ALTER TABLE DROP COLUMN */
	expect_sql("dropColumns", "['t', ['a', 'b']]",
		   "ALTER TABLE \"t\" DROP COLUMN \"a\";\nALTER TABLE \"t\" DROP COLUMN \"b\";");
	/* d is in a unique constraint and a check, e in an index: PostgreSQL
	 * drops them with the column, which takes a rebuild here */
	expect_sql("dropColumns", "['t', {d: 'int', e: 'int'}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"c\" INTEGER\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (\"id\", \"c\") SELECT \"id\", \"c\" FROM \"t\";\n" RB_SEQ("t") RB_SWAP("t") RB_TAIL);
	expect_q("SELECT count(*) FROM sqlite_master WHERE tbl_name = 't' AND type = 'index'", "0");
	expect_q("SELECT id || c FROM t", "12");
	expect_sql("dropColumns", "['t', 'gone', {ifExists: true}]", "");
	expect_notice("column \"gone\" of relation \"t\" does not exist, skipping");
	expect_fail("dropColumns", "['t', 'gone']", MIG_ESQL, "dropColumns: column \"gone\" of relation \"t\" does not exist");
	expect_fail("dropColumns", "['t', ['id', 'c']]", MIG_ENOTSUPPORTED,
		    "dropColumns: dropping every column of \"t\" is not supported on SQLite");
	expect_fail("dropColumns", "['t', 5]", MIG_EINPUT, "dropColumns: the columns must be a string, an array or an object, not number");
	/* a view that uses the column: PostgreSQL's error, or CASCADE */
	exec_sql("CREATE VIEW tc AS SELECT c FROM t");
	expect_fail("dropColumns", "['t', 'c']", MIG_ESQL,
		    "dropColumns: cannot drop column c of table t because other objects depend on it: view tc (use {cascade: true} to drop them too)");
	expect_sql("dropColumns", "['t', 'c', {cascade: true}]",
		   "DROP VIEW IF EXISTS \"tc\";\nALTER TABLE \"t\" DROP COLUMN \"c\";");
	/* a parent column that a foreign key uses */
	run_op("createTable", "['p', {code: {type: 'text', unique: true}, v: 'int'}]");
	run_op("createTable", "['k', {code: {type: 'text', references: 'p(code)'}}]");
	expect_fail("dropColumns", "['p', 'code']", MIG_ESQL,
		    "cannot drop column code of table p because other objects depend on it: constraint k_code_fkey on table k");
}

static void rename_column(void **state)
{
	(void)state;
	run_op("createTable", "['t', {id: 'id', a: {type: 'varchar(5)', unique: true}}]");
	exec_sql("CREATE VIEW v AS SELECT a FROM t");
	expect_sql("renameColumn", "['t', 'a', 'b']", "ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\";");
	expect_q("SELECT sql FROM sqlite_master WHERE name = 'v'", "CREATE VIEW v AS SELECT \"b\" FROM t");
	expect_q("SELECT sql LIKE '%CHECK (length(\"b\") <= 5)%' FROM sqlite_master WHERE name = 't'", "1");
	decamelize = true;
	expect_sql("renameColumn", "['t', 'b', 'newName']", "ALTER TABLE \"t\" RENAME COLUMN \"b\" TO \"new_name\";");
}

/* ==== alterColumn ========================================================== */

static void alter_column(void **state)
{
	(void)state;
	run_op("createTable", "['t', {id: 'id', n: {type: 'integer', default: 1}, s: 'text', v: 'varchar(10)'}]");
	run_op("createIndex", "['t', 's']");
	exec_sql("CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id AND 0; END");
	exec_sql("INSERT INTO t (n, s, v) VALUES (5, 'x', 'abc'), (6, NULL, NULL); DELETE FROM t WHERE id = 2;"
		 " INSERT INTO t (n) VALUES (7)");
	/* integer -> bigint changes nothing SQLite stores */
	expect_sql("alterColumn", "['t', 'n', {type: 'bigint'}]", "");
	expect_sql("alterColumn", "['t', 'n', {type: 'numeric', default: null, notNull: true}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"n\" NUMERIC NOT NULL,\n"
		   "  \"s\" TEXT,\n"
		   "  \"v\" TEXT CONSTRAINT \"type:varchar(10)\" CHECK (length(\"v\") <= 10)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (\"id\", \"n\", \"s\", \"v\") SELECT \"id\", \"n\", \"s\", \"v\" FROM \"t\";\n" RB_SEQ("t")
			   RB_SWAP("t") "CREATE INDEX \"t_s_index\" ON \"t\" (\"s\");\n"
		   "CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id AND 0; END;\n" RB_TAIL);
	expect_q("SELECT seq FROM sqlite_sequence WHERE name = 't'", "3");
	expect_q("SELECT group_concat(id || ':' || n) FROM t", "1:5,3:7");
	/* varchar(10) -> varchar(2): the new length is checked on the copy */
	expect_fail("alterColumn", "['t', 'zz', {notNull: true}]", MIG_ESQL,
		    "alterColumn: column \"zz\" of relation \"t\" does not exist");
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(emit_into("alterColumn", "['t', 'v', {type: 'varchar(2)'}]", &steps, true), 0);
	assert_int_equal(db->driver->ops->begin(db, MIG_TXN_RELAXED_FK), 0);
	int rc = 0;
	for (size_t i = 0; i < steps.n && rc == 0; i++)
		rc = run_step(&steps.v[i]);
	expect_error(rc, MIG_ESQL, "CHECK constraint failed: type:varchar(2)");
	db->driver->ops->rollback(db);
	mig_steps_free(&steps);
	/* default, using, allowNull */
	expect_sql("alterColumn", "['t', 's', {default: 'none', type: 'integer', using: 'length(s)'}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"n\" NUMERIC NOT NULL,\n"
		   "  \"s\" INTEGER DEFAULT 'none',\n"
		   "  \"v\" TEXT CONSTRAINT \"type:varchar(10)\" CHECK (length(\"v\") <= 10)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (\"id\", \"n\", \"s\", \"v\") SELECT \"id\", \"n\", (length(s)), \"v\" FROM \"t\";\n" RB_SEQ("t")
			   RB_SWAP("t") "CREATE INDEX \"t_s_index\" ON \"t\" (\"s\");\n"
		   "CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id AND 0; END;\n" RB_TAIL);
	expect_q("SELECT group_concat(x) FROM (SELECT ifnull(s, 'null') AS x FROM t ORDER BY id)", "1,null");
	run_op("alterColumn", "['t', 'n', {allowNull: true, default: F'current_timestamp'}]");
	expect_q("SELECT \"notnull\" || dflt_value FROM pragma_table_info('t') WHERE name = 'n'", "0CURRENT_TIMESTAMP");
	run_op("alterColumn", "['t', 'n', {notNull: false, comment: 'hm'}]");
	expect_notice("alterColumn: the comment on column \"n\" is skipped: SQLite has no comments");
	/* refusals */
	expect_fail("alterColumn", "['t', 'id', {allowNull: true}]", MIG_ESQL, "alterColumn: column \"id\" is in a primary key");
	expect_fail("alterColumn", "['t', 'n', {type: 'serial'}]", MIG_ENOTSUPPORTED,
		    "alterColumn option type: serial is not supported on SQLite");
	expect_fail("alterColumn", "['t', 'n', {sequenceGenerated: {precedence: 'ALWAYS'}}]", MIG_ENOTSUPPORTED,
		    "alterColumn option sequenceGenerated is not supported on SQLite");
	expect_fail("alterColumn", "['t', 'n', {expressionGenerated: 'n + 1'}]", MIG_ENOTSUPPORTED,
		    "alterColumn option expressionGenerated is not supported on SQLite: SQLite cannot change a generated column");
	expect_fail("alterColumn", "['t', 'n']", MIG_EINPUT, "alterColumn: the options (argument 3) are required");
	expect_fail("alterColumn", "['nope', 'n', {notNull: true}]", MIG_ESQL, "alterColumn: relation \"nope\" does not exist");
	/* without a database there is no catalog to read */
	mig_steps none = MIG_STEPS_INIT;
	int rc2 = emit_into("alterColumn", "['t', 'n', {notNull: true}]", &none, false);
	expect_error(rc2, MIG_ERROR, "alterColumn needs the database to see the tables as they are now on SQLite");
	mig_steps_free(&none);
	/* a view on the table keeps working through a rebuild */
	exec_sql("CREATE VIEW tv AS SELECT id, n FROM t");
	run_op("alterColumn", "['t', 'n', {type: 'text'}]");
	expect_q("SELECT count(*) FROM tv", "2");
}

/* ==== constraints ========================================================== */

static void add_constraints(void **state)
{
	(void)state;
	run_op("createTable", "['p', {id: 'id'}]");
	run_op("createTable", "['t', {a: 'int', b: 'text', pid: 'int'}]");
	exec_sql("INSERT INTO p DEFAULT VALUES; INSERT INTO t VALUES (1, 'x', 1), (2, 'y', NULL)");
	/* UNIQUE is an index: no rebuild, no relaxed foreign keys */
	expect_sql("addConstraint", "['t', null, {unique: ['a', 'b']}]",
		   "CREATE UNIQUE INDEX \"t_uniq_a_b\" ON \"t\" (\"a\", \"b\");");
	assert_int_equal(flags_for("addConstraint", "['t', null, {unique: 'a'}]"), 0);
	expect_sql("addConstraint", "['t', 'a_pos', {check: 'a > 0'}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"a\" INTEGER,\n"
		   "  \"b\" TEXT,\n"
		   "  \"pid\" INTEGER,\n"
		   "  CONSTRAINT \"a_pos\" CHECK (a > 0)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (rowid, \"a\", \"b\", \"pid\") SELECT rowid, \"a\", \"b\", \"pid\" FROM \"t\";\n" RB_SWAP("t")
			   "CREATE UNIQUE INDEX \"t_uniq_a_b\" ON \"t\" (\"a\", \"b\");\n" RB_TAIL);
	expect_sql("addConstraint", "['t', null, {primaryKey: 'b', foreignKeys: {columns: 'pid', references: 'p', onDelete: 'SET NULL'}}]",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"a\" INTEGER,\n"
		   "  \"b\" TEXT NOT NULL,\n"
		   "  \"pid\" INTEGER,\n"
		   "  CONSTRAINT \"a_pos\" CHECK (a > 0),\n"
		   "  CONSTRAINT \"t_pkey\" PRIMARY KEY (\"b\"),\n"
		   "  CONSTRAINT \"t_fk_pid\" FOREIGN KEY (\"pid\") REFERENCES \"p\" ON DELETE SET NULL\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (rowid, \"a\", \"b\", \"pid\") SELECT rowid, \"a\", \"b\", \"pid\" FROM \"t\";\n" RB_SWAP("t")
			   "CREATE UNIQUE INDEX \"t_uniq_a_b\" ON \"t\" (\"a\", \"b\");\n" RB_TAIL);
	expect_q("SELECT count(*) FROM pragma_foreign_key_list('t')", "1");
	/* raw SQL constraint */
	expect_sql("addConstraint", "['t', 'b_short', 'CHECK (length(b) < 10)']",
		   RB_HEAD "CREATE TABLE \"_mig_new_t\" (\n"
		   "  \"a\" INTEGER,\n"
		   "  \"b\" TEXT NOT NULL,\n"
		   "  \"pid\" INTEGER,\n"
		   "  CONSTRAINT \"a_pos\" CHECK (a > 0),\n"
		   "  CONSTRAINT \"t_pkey\" PRIMARY KEY (\"b\"),\n"
		   "  CONSTRAINT \"t_fk_pid\" FOREIGN KEY (\"pid\") REFERENCES \"p\" ON DELETE SET NULL,\n"
		   "  CONSTRAINT \"b_short\" CHECK (length(b) < 10)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_t\" (rowid, \"a\", \"b\", \"pid\") SELECT rowid, \"a\", \"b\", \"pid\" FROM \"t\";\n" RB_SWAP("t")
			   "CREATE UNIQUE INDEX \"t_uniq_a_b\" ON \"t\" (\"a\", \"b\");\n" RB_TAIL);
	/* existing rows are checked, as PostgreSQL validates them */
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(emit_into("addConstraint", "['t', 'a_big', {check: 'a > 1'}]", &steps, true), 0);
	int rc = 0;
	assert_int_equal(db->driver->ops->begin(db, MIG_TXN_RELAXED_FK), 0);
	for (size_t i = 0; i < steps.n && rc == 0; i++)
		rc = run_step(&steps.v[i]);
	expect_error(rc, MIG_ESQL, "CHECK constraint failed: a_big");
	db->driver->ops->rollback(db);
	mig_steps_free(&steps);
	/* a foreign key to a missing row fails at COMMIT (foreign_key_check) */
	run_op("createTable", "['q', {pid: 'int'}]");
	exec_sql("INSERT INTO q VALUES (42)");
	assert_int_equal(emit_into("addConstraint", "['q', 'q_p', {foreignKeys: {columns: 'pid', references: 'p'}}]", &steps, true), 0);
	assert_int_equal(db->driver->ops->begin(db, MIG_TXN_RELAXED_FK), 0);
	for (size_t i = 0; i < steps.n; i++)
		assert_int_equal(run_step(&steps.v[i]), 0);
	expect_error(db->driver->ops->commit(db), MIG_ESQL, "FOREIGN KEY constraint failed");
	db->driver->ops->rollback(db);
	mig_steps_free(&steps);
	/* refusals */
	expect_fail("addConstraint", "['t', null, {primaryKey: 'a'}]", MIG_ESQL,
		    "addConstraint: multiple primary keys for table \"t\" are not allowed");
	expect_fail("addConstraint", "['t', 'x', {}]", MIG_EINPUT, "No constraint options provided for addConstraint");
	expect_fail("addConstraint", "['t', 'x', {exclude: 'USING gist (a WITH =)'}]", MIG_ENOTSUPPORTED,
		    "addConstraint option exclude is not supported on SQLite");
	expect_fail("addConstraint", "['t', 'x', {check: 'a > 0', deferrable: true}]", MIG_ENOTSUPPORTED,
		    "addConstraint option deferrable is not supported on SQLite");
	expect_fail("addConstraint", "['t', null, {check: 'a > 0', comment: 'c'}]", MIG_EINPUT,
		    "cannot comment on unspecified constraints");
	expect_fail("addConstraint", "['t', 'x', 'EXCLUDE USING gist (a WITH =)']", MIG_ENOTSUPPORTED,
		    "addConstraint: the constraint \"EXCLUDE USING gist (a WITH =)\" is not supported on SQLite");
	expect_fail("addConstraint", "['nope', 'x', {check: 'a > 0'}]", MIG_ESQL, "addConstraint: relation \"nope\" does not exist");
}

static void drop_and_rename_constraints(void **state)
{
	(void)state;
	run_op("createTable", "['p', {id: 'id', code: {type: 'text', unique: true}}]");
	run_op("createTable", "['c', {id: 'id', pcode: {type: 'text', references: 'p(code)'}, n: {type: 'int', check: 'n > 0'}},"
			      " {constraints: {check: 'n < 10'}}]");
	exec_sql("INSERT INTO p (code) VALUES ('a'); INSERT INTO c (pcode, n) VALUES ('a', 5)");
	/* a unique index other rows rely on */
	expect_fail("dropConstraint", "['p', 'p_code_key']", MIG_ESQL,
		    "dropConstraint: cannot drop constraint p_code_key on table p because other objects depend on it: constraint c_pcode_fkey on table c (use {cascade: true} to drop them too)");
	expect_sql("dropConstraint", "['c', 'c_n_check']",
		   RB_HEAD "CREATE TABLE \"_mig_new_c\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"c_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"pcode\" TEXT CONSTRAINT \"c_pcode_fkey\" REFERENCES p(code),\n"
		   "  \"n\" INTEGER,\n"
		   "  CONSTRAINT \"c_chck\" CHECK (n < 10)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_c\" (\"id\", \"pcode\", \"n\") SELECT \"id\", \"pcode\", \"n\" FROM \"c\";\n" RB_SEQ("c")
			   RB_SWAP("c") RB_TAIL);
	expect_sql("renameConstraint", "['c', 'c_chck', 'n_small']",
		   RB_HEAD "CREATE TABLE \"_mig_new_c\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"c_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"pcode\" TEXT CONSTRAINT \"c_pcode_fkey\" REFERENCES p(code),\n"
		   "  \"n\" INTEGER,\n"
		   "  CONSTRAINT \"n_small\" CHECK (n < 10)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_c\" (\"id\", \"pcode\", \"n\") SELECT \"id\", \"pcode\", \"n\" FROM \"c\";\n" RB_SEQ("c")
			   RB_SWAP("c") RB_TAIL);
	expect_sql("renameConstraint", "['p', 'p_code_key', 'p_code_uniq']",
		   "DROP INDEX \"p_code_key\";\nCREATE UNIQUE INDEX \"p_code_uniq\" ON \"p\" (\"code\");");
	/* CASCADE drops the foreign keys that need the key */
	run_op("dropConstraint", "['p', 'p_code_uniq', {cascade: true}]");
	expect_q("SELECT count(*) FROM pragma_foreign_key_list('c')", "0");
	expect_q("SELECT count(*) FROM c", "1");
	expect_sql("dropConstraint", "['c', 'nope', {ifExists: true}]", "");
	expect_notice("constraint \"nope\" of relation \"c\" does not exist, skipping");
	expect_fail("dropConstraint", "['c', 'nope']", MIG_ESQL, "dropConstraint: constraint \"nope\" of relation \"c\" does not exist");
	expect_sql("dropConstraint", "['gone', 'x', {ifTableExists: true}]", "");
	expect_fail("dropConstraint", "['gone', 'x']", MIG_ESQL, "dropConstraint: relation \"gone\" does not exist");
	expect_fail("renameConstraint", "['c', 'nope', 'x']", MIG_ESQL, "renameConstraint: constraint \"nope\" for table \"c\" does not exist");
	/* the primary key: its column stays NOT NULL, as in PostgreSQL */
	run_op("dropConstraint", "['c', 'c_pkey']");
	expect_q("SELECT \"notnull\" || pk FROM pragma_table_info('c') WHERE name = 'id'", "10");
	expect_notice("no longer numbered automatically");
}

/* A table made by raw SQL: its unnamed constraints answer to the names
 * PostgreSQL would have given them. */
static void raw_sql_table(void **state)
{
	(void)state;
	exec_sql("CREATE TABLE \"legacy\" (\n"
		 "  id integer primary key, -- the key\n"
		 "  email text not null unique collate nocase,\n"
		 "  [weird, name] varchar(20) default 'a,b' check (length([weird, name]) > 0),\n"
		 "  amount numeric(10, 2) default (0) check (amount >= 0),\n"
		 "  parent integer references legacy (id) on delete set null deferrable initially deferred,\n"
		 "  gen integer generated always as (amount * 2) virtual,\n"
		 "  unique (email, amount),\n"
		 "  check (amount < 1000 and coalesce(parent, 0) >= 0)\n"
		 ")");
	exec_sql("INSERT INTO legacy (id, email, amount) VALUES (1, 'A', 5), (2, 'b', 7)");
	expect_sql("dropConstraint", "['legacy', 'legacy_amount_check']",
		   RB_HEAD "CREATE TABLE \"_mig_new_legacy\" (\n"
		   "  \"id\" integer primary key,\n"
		   "  \"email\" text not null unique collate nocase,\n"
		   "  \"weird, name\" varchar(20) default 'a,b' check (length([weird, name]) > 0),\n"
		   "  \"amount\" numeric(10, 2) default (0),\n"
		   "  \"parent\" integer references legacy (id) on delete set null deferrable initially deferred,\n"
		   "  \"gen\" integer generated always as (amount * 2) virtual,\n"
		   "  unique (email, amount),\n"
		   "  check (amount < 1000 and coalesce(parent, 0) >= 0)\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_legacy\" (\"id\", \"email\", \"weird, name\", \"amount\", \"parent\") SELECT \"id\", \"email\", \"weird, name\", \"amount\", \"parent\" FROM \"legacy\";\n" RB_SWAP(
			   "legacy") RB_TAIL);
	run_op("dropConstraint", "['legacy', 'legacy_email_key']");
	run_op("dropConstraint", "['legacy', 'legacy_parent_fkey']");
	run_op("dropConstraint", "['legacy', 'legacy_email_amount_key']");
	run_op("dropConstraint", "['legacy', 'legacy_check']");
	run_op("alterColumn", "['legacy', 'amount', {notNull: true}]");
	expect_q("SELECT sql FROM sqlite_master WHERE name = 'legacy'",
		 "CREATE TABLE \"legacy\" (\n"
		 "  \"id\" integer primary key,\n"
		 "  \"email\" text not null collate nocase,\n"
		 "  \"weird, name\" varchar(20) default 'a,b' check (length([weird, name]) > 0),\n"
		 "  \"amount\" numeric(10, 2) default (0) NOT NULL,\n"
		 "  \"parent\" integer,\n"
		 "  \"gen\" integer generated always as (amount * 2) virtual\n"
		 ")");
	expect_q("SELECT group_concat(id || email || amount || gen) FROM legacy", "1A510,2b714");
	/* CREATE TABLE ... AS SELECT has no column list to read */
	exec_sql("CREATE TABLE copy AS SELECT id, email FROM legacy");
	run_op("alterColumn", "['copy', 'email', {notNull: true}]");
	expect_q("SELECT \"notnull\" FROM pragma_table_info('copy') WHERE name = 'email'", "1");
	expect_q("SELECT count(*) FROM copy", "2");
	/* fts5 is in most builds; skip this part where it is not */
	if (mig__conn_exec(db, "CREATE VIRTUAL TABLE vt USING fts5(body)") == 0)
		expect_fail("alterColumn", "['vt', 'body', {notNull: true}]", MIG_ENOTSUPPORTED,
			    "alterColumn is not supported on SQLite for \"vt\": it is a virtual table");
	mig_error_clear();
	exec_sql("CREATE VIEW lv AS SELECT id FROM legacy");
	expect_fail("alterColumn", "['lv', 'id', {notNull: true}]", MIG_ESQL, "alterColumn: \"lv\" is a view, not a table");
}

/* A parent with children (ON DELETE CASCADE) keeps them through its
 * rebuild; an AUTOINCREMENT table keeps its counter. */
static void rebuild_parent_keeps_children(void **state)
{
	(void)state;
	run_op("createTable", "['users', {id: 'id', email: 'text'}]");
	run_op("createTable", "['posts', {id: 'id', userId: {type: 'integer', notNull: true, references: 'users', onDelete: 'CASCADE'}}]");
	exec_sql("INSERT INTO users (email) VALUES ('a'), ('b'), ('c'); DELETE FROM users WHERE id = 3;"
		 " INSERT INTO posts (userId) VALUES (1), (2), (2)");
	run_op("alterColumn", "['users', 'email', {type: 'varchar(50)', notNull: true}]");
	expect_q("SELECT count(*) FROM posts", "3");
	expect_q("SELECT seq FROM sqlite_sequence WHERE name = 'users'", "3");
	exec_sql("INSERT INTO users (email) VALUES ('d')");
	expect_q("SELECT max(id) FROM users", "4");
	/* the foreign key still works (the driver turned them back on) */
	exec_sql("DELETE FROM users WHERE id = 2");
	expect_q("SELECT count(*) FROM posts", "1");
	/* outside a transaction (a noTransaction() migration), the rebuild
	 * turns foreign keys off itself */
	mig_steps steps = MIG_STEPS_INIT;
	assert_int_equal(emit_into("alterColumn", "['users', 'email', {allowNull: true}]", &steps, true), 0);
	for (size_t i = 0; i < steps.n; i++)
		assert_int_equal(run_step(&steps.v[i]), 0);
	mig_steps_free(&steps);
	expect_q("SELECT count(*) FROM posts", "1");
	expect_q("PRAGMA foreign_keys", "1");
}

/* ==== indexes ============================================================== */

static void indexes(void **state)
{
	(void)state;
	run_op("createTable", "['users', {id: 'id', email: 'text', name: 'text', active: 'boolean', orgId: 'int'}]");
	expect_sql("createIndex", "['users', 'email']", "CREATE INDEX \"users_email_index\" ON \"users\" (\"email\");");
	expect_sql("createIndex", "['users', ['orgId', 'email'], {unique: true, where: 'active = true'}]",
		   "CREATE UNIQUE INDEX \"users_orgId_email_unique_index\" ON \"users\" (\"orgId\", \"email\") WHERE active = true;");
	expect_sql("createIndex", "['users', 'lower(email)', {name: 'users_lower_email', ifNotExists: true}]",
		   "CREATE INDEX IF NOT EXISTS \"users_lower_email\" ON \"users\" ((lower(email)));");
	expect_sql("createIndex", "['users', [{name: 'name', sort: 'DESC', opclass: 'text_pattern_ops'}, 'id'],"
				  " {concurrently: true, method: 'gin', include: 'email'}]",
		   "CREATE INDEX \"users_name_id_index\" ON \"users\" (\"name\" DESC, \"id\");");
	expect_notice("createIndex: CONCURRENTLY skipped");
	expect_notice("createIndex: index method gin skipped: SQLite indexes are B-trees");
	expect_notice("createIndex: operator class text_pattern_ops skipped");
	expect_notice("createIndex: INCLUDE columns skipped");
	expect_sql("createIndex", "['users', F'upper(name)', {name: 'users_upper'}]",
		   "CREATE INDEX \"users_upper\" ON \"users\" (upper(name));");
	expect_sql("createIndex", "['users', 'name', {unique: true, nulls: 'distinct'}]",
		   "CREATE UNIQUE INDEX \"users_name_unique_index\" ON \"users\" (\"name\");");
	expect_fail("createIndex", "['users', 'name', {unique: true, nulls: 'not distinct'}]", MIG_ENOTSUPPORTED,
		    "createIndex option nulls: 'not distinct' is not supported on SQLite: SQLite unique indexes always treat NULLs as distinct");
	expect_fail("createIndex", "['users', 'name', {nulls: 'distinct'}]", MIG_EINPUT,
		    "The \"nulls\" option can only be used with unique indexes.");
	expect_fail("createIndex", "['users', F'lower(name)']", MIG_EINPUT,
		    "Index name must be provided when using PgLiteral columns (column #1: lower(name))");
	expect_sql("dropIndex", "['users', ['orgId', 'email'], {unique: true}]",
		   "DROP INDEX \"users_orgId_email_unique_index\";");
	expect_sql("dropIndex", "[{schema: 'public', name: 'users'}, 'email', {ifExists: true, cascade: true}]",
		   "DROP INDEX IF EXISTS \"users_email_index\";");
	expect_notice("dropIndex: CASCADE skipped");
	expect_sql("renameIndex", "['users_lower_email', 'users_email_lower']",
		   "DROP INDEX \"users_lower_email\";\nCREATE INDEX \"users_email_lower\" ON \"users\" ((lower(email)));");
	expect_fail("renameIndex", "['nope', 'x']", MIG_ESQL, "renameIndex: relation \"nope\" does not exist");
	exec_sql("CREATE TABLE u2 (a TEXT UNIQUE)");
	expect_fail("renameIndex", "['sqlite_autoindex_u2_1', 'x']", MIG_ENOTSUPPORTED,
		    "renameIndex is not supported on SQLite for sqlite_autoindex_u2_1: it is the index SQLite made for a UNIQUE or PRIMARY KEY constraint");
	decamelize = true;
	run_op("createTable", "['orgUnits', {unitId: 'int'}]");
	expect_sql("createIndex", "['orgUnits', 'unitId']",
		   "CREATE INDEX \"org_units_unit_id_index\" ON \"org_units\" (\"unit_id\");");
}

/* ==== enum types =========================================================== */

static void enum_types(void **state)
{
	(void)state;
	expect_sql("createType", "['mood', ['happy', 'sad']]",
		   "CREATE TABLE IF NOT EXISTS \"pgmigrations_enums\" (type_name TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (type_name, value));\n"
		   "INSERT INTO \"pgmigrations_enums\" (type_name, position, value) VALUES ('mood', 1, 'happy'), ('mood', 2, 'sad');");
	expect_fail("createType", "['mood', ['x']]", MIG_ESQL, "createType: type \"mood\" already exists");
	expect_fail("createType", "['point3', {x: 'int', y: 'int'}]", MIG_ENOTSUPPORTED,
		    "createType is not supported on SQLite: SQLite has no composite types");
	run_op("createTable", "['people', {id: 'id', mood: {type: 'mood', notNull: true}, m2: {type: {schema: 'public', name: 'mood'}}}]");
	exec_sql("INSERT INTO people (mood) VALUES ('happy'), ('sad')");
	/* a later migration adds a value: every using table is rebuilt */
	expect_sql("addTypeValue", "['mood', 'meh', {before: 'sad'}]",
		   "DELETE FROM \"pgmigrations_enums\" WHERE type_name = 'mood';\n"
		   "INSERT INTO \"pgmigrations_enums\" (type_name, position, value) VALUES ('mood', 1, 'happy'), ('mood', 2, 'meh'), ('mood', 3, 'sad');\n" RB_HEAD
		   "CREATE TABLE \"_mig_new_people\" (\n"
		   "  \"id\" INTEGER CONSTRAINT \"people_pkey\" PRIMARY KEY AUTOINCREMENT,\n"
		   "  \"mood\" TEXT NOT NULL CONSTRAINT \"type:mood\" CHECK (\"mood\" IN ('happy', 'meh', 'sad')),\n"
		   "  \"m2\" TEXT CONSTRAINT \"type:mood\" CHECK (\"m2\" IN ('happy', 'meh', 'sad'))\n"
		   ");\n"
		   "INSERT INTO \"_mig_new_people\" (\"id\", \"mood\", \"m2\") SELECT \"id\", \"mood\", \"m2\" FROM \"people\";\n" RB_SEQ("people")
			   RB_SWAP("people") RB_TAIL);
	exec_sql("INSERT INTO people (mood) VALUES ('meh')");
	expect_sql("addTypeValue", "['mood', 'meh', {ifNotExists: true}]", "");
	expect_fail("addTypeValue", "['mood', 'meh']", MIG_ESQL, "addTypeValue: enum label \"meh\" already exists");
	expect_fail("addTypeValue", "['mood', 'x', {after: 'nope'}]", MIG_ESQL, "addTypeValue: \"nope\" is not an existing enum label");
	expect_fail("addTypeValue", "['mood', 'x', {before: 'a', after: 'b'}]", MIG_EINPUT, "\"before\" and \"after\" can't be specified together");
	expect_fail("addTypeValue", "['nomood', 'x']", MIG_ESQL, "addTypeValue: type \"nomood\" does not exist");
	/* renaming a value renames it in the rows too */
	run_op("renameTypeValue", "['mood', 'sad', 'blue']");
	expect_q("SELECT group_concat(mood) FROM people", "happy,blue,meh");
	expect_fail("renameTypeValue", "['mood', 'sad', 'x']", MIG_ESQL, "\"sad\" is not an existing enum label");
	run_op("renameType", "['mood', 'feeling']");
	expect_q("SELECT group_concat(DISTINCT type_name) FROM pgmigrations_enums", "feeling");
	expect_q("SELECT sql LIKE '%CONSTRAINT \"type:feeling\" CHECK (\"mood\" IN (''happy'', ''meh'', ''blue''))%' FROM sqlite_master WHERE name = 'people'", "1");
	expect_fail("dropType", "['feeling']", MIG_ESQL,
		    "dropType: cannot drop type feeling because other objects depend on it: column mood of table people, column m2 of table people");
	expect_fail("dropType", "['feeling', {cascade: true}]", MIG_ENOTSUPPORTED,
		    "dropType with cascade is not supported on SQLite while columns use the type");
	run_op("dropColumns", "['people', ['mood', 'm2']]");
	/* the last enum takes its bookkeeping table along */
	expect_sql("dropType", "['feeling']",
		   "DELETE FROM \"pgmigrations_enums\" WHERE type_name = 'feeling';\nDROP TABLE \"pgmigrations_enums\";");
	expect_q("SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations_enums'", "0");
	expect_sql("dropType", "['feeling', {ifExists: true}]", "");
	expect_notice("type \"feeling\" does not exist, skipping");
	expect_fail("dropType", "['feeling']", MIG_ESQL, "dropType: type \"feeling\" does not exist");
	expect_fail("addColumns", "['people', {m: 'feeling'}]", MIG_ENOTSUPPORTED, "the type feeling is not supported on SQLite");
}

/* ==== views ================================================================ */

static void views(void **state)
{
	(void)state;
	run_op("createTable", "['t', {id: 'id', n: 'int'}]");
	expect_sql("createView", "['v', {columns: ['x', 'y']}, 'SELECT id, n FROM t;']",
		   "CREATE VIEW \"v\" (\"x\", \"y\") AS SELECT id, n FROM t;");
	expect_sql("createView", "['v', {replace: true, checkOption: 'LOCAL', options: {security_barrier: true}}, 'SELECT id AS x FROM t']",
		   "DROP VIEW IF EXISTS \"v\";\nCREATE VIEW \"v\" AS SELECT id AS x FROM t;");
	expect_notice("createView: WITH CHECK OPTION skipped: SQLite views are read-only");
	expect_notice("createView: view option security_barrier skipped");
	expect_sql("createView", "['w', {}, 'SELECT x FROM v']", "CREATE VIEW \"w\" AS SELECT x FROM v;");
	expect_fail("createView", "['r', {recursive: true}, 'SELECT 1']", MIG_ENOTSUPPORTED,
		    "createView option recursive is not supported on SQLite");
	expect_fail("dropView", "['v']", MIG_ESQL,
		    "dropView: cannot drop view v because other objects depend on it: view w (use {cascade: true} to drop them too)");
	expect_fail("renameView", "['v', 'v2']", MIG_ENOTSUPPORTED,
		    "renameView is not supported on SQLite for a view that other objects use (view w)");
	expect_sql("renameView", "['w', 'w2']", "DROP VIEW \"w\";\nCREATE VIEW \"w2\" AS SELECT x FROM v;");
	expect_sql("dropView", "['v', {cascade: true}]", "DROP VIEW IF EXISTS \"w2\";\nDROP VIEW \"v\";");
	expect_sql("dropView", "['v', {ifExists: true}]", "DROP VIEW IF EXISTS \"v\";");
	expect_fail("renameView", "['nope', 'x']", MIG_ESQL, "renameView: relation \"nope\" does not exist");
	expect_fail("alterView", "['v', {checkOption: 'LOCAL'}]", MIG_ENOTSUPPORTED, "alterView is not supported on SQLite: SQLite views have no options");
}

/* ==== sql, extensions, refusals ============================================ */

static void sql_and_extensions(void **state)
{
	(void)state;
	expect_sql("sql", "['CREATE TABLE {t} (a TEXT DEFAULT {d}, b INTEGER DEFAULT {n}, c DEFAULT {f})',"
			  " {t: 'my table', d: F'\\'x\\'', n: 5, f: false}]",
		   "CREATE TABLE \"my table\" (a TEXT DEFAULT 'x', b INTEGER DEFAULT 5, c DEFAULT FALSE);");
	expect_sql("sql", "['INSERT INTO \"my table\" (a) VALUES (\\'it\\'\\'s\\');  ']",
		   "INSERT INTO \"my table\" (a) VALUES ('it''s');  ;");
	expect_sql("sql", "['CREATE TRIGGER tr AFTER INSERT ON \"my table\" BEGIN SELECT 1; END;']",
		   "CREATE TRIGGER tr AFTER INSERT ON \"my table\" BEGIN SELECT 1; END;");
	expect_sql("dropTrigger", "['my table', 'tr', {ifExists: true}]", "DROP TRIGGER IF EXISTS \"tr\";");
	expect_fail("sql", "[5]", MIG_EINPUT, "sql: the SQL must be a string, not number");
	expect_fail("sql", "['SELECT {a}', {a: [1]}]", MIG_ENOTSUPPORTED, "an array argument is not supported on SQLite");
	expect_sql("createExtension", "[['uuid-ossp', 'citext'], {ifNotExists: true}]", "");
	expect_notice("createExtension \"uuid-ossp\" skipped: SQLite has no extensions");
	expect_notice("createExtension \"citext\" skipped: SQLite has no extensions");
	expect_sql("dropExtension", "['citext']", "");
	expect_notice("dropExtension \"citext\" skipped: SQLite has no extensions");
	expect_sql("alterTable", "['my table', {unlogged: true}]", "");
	expect_notice("alterTable: SET UNLOGGED skipped");
	expect_fail("alterTable", "['my table', {levelSecurity: 'ENABLE'}]", MIG_ENOTSUPPORTED,
		    "alterTable option levelSecurity is not supported on SQLite: SQLite has no row-level security");
	expect_fail("alterTable", "['my table', {}]", MIG_EINPUT, "No table options provided for alterTable");
}

static void refusals(void **state)
{
	(void)state;
	static const struct {
		const char *op, *args, *message;
	} cases[] = {
		{"createPolicy", "['t', 'p']", "createPolicy is not supported on SQLite: SQLite has no row-level security"},
		{"createSchema", "['app']", "createSchema is not supported on SQLite: SQLite has no schemas (one database file is one schema)"},
		{"createSequence", "['s']", "createSequence is not supported on SQLite: SQLite has no sequences"},
		{"createFunction", "['f', [], {language: 'sql'}, 'SELECT 1']", "createFunction is not supported on SQLite: SQLite has no stored functions"},
		{"createTrigger", "['t', 'tr', {when: 'AFTER'}]", "createTrigger is not supported on SQLite: SQLite triggers have no trigger functions"},
		{"renameTrigger", "['t', 'a', 'b']", "renameTrigger is not supported on SQLite: SQLite cannot rename a trigger"},
		{"createMaterializedView", "['m', {}, 'SELECT 1']", "createMaterializedView is not supported on SQLite: SQLite has no materialized views"},
		{"refreshMaterializedView", "['m']", "refreshMaterializedView is not supported on SQLite: SQLite has no materialized views"},
		{"createDomain", "['d', 'int']", "createDomain is not supported on SQLite: SQLite has no domains"},
		{"createRole", "['r']", "createRole is not supported on SQLite: SQLite has no roles"},
		{"grantOnTables", "[{privileges: 'ALL', tables: 't', roles: 'r'}]", "grantOnTables is not supported on SQLite: SQLite has no roles or privileges"},
		{"createCast", "['int', 'text']", "createCast is not supported on SQLite: SQLite has no user-defined casts"},
		{"createOperator", "['+++']", "createOperator is not supported on SQLite: SQLite has no user-defined operators"},
		{"addTypeAttribute", "['t', 'a', 'int']", "addTypeAttribute is not supported on SQLite: SQLite has no composite types"},
		{"alterViewColumn", "['v', 'c', {default: 1}]", "alterViewColumn is not supported on SQLite: SQLite views have no column defaults"},
		{"dropTriggerAndFunction", "['t', 'tr', {}]", "dropTriggerAndFunction is not supported on SQLite: SQLite has no stored functions"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect_fail(cases[i].op, cases[i].args, MIG_ENOTSUPPORTED, cases[i].message);
	expect_fail("frobnicate", "[]", MIG_EINPUT, "unknown operation pgm.frobnicate()");
}

static void flags(void **state)
{
	(void)state;
	static const struct {
		const char *op, *args;
		unsigned want;
	} cases[] = {
		{"alterColumn", "['t', 'c', {notNull: true}]", MIG_OPF_RELAXED_FK},
		{"addColumns", "['t', {a: 'int'}]", MIG_OPF_RELAXED_FK},
		{"dropColumns", "['t', 'a']", MIG_OPF_RELAXED_FK},
		{"dropConstraint", "['t', 'c']", MIG_OPF_RELAXED_FK},
		{"renameConstraint", "['t', 'a', 'b']", MIG_OPF_RELAXED_FK},
		{"addConstraint", "['t', 'c', {check: 'a > 0'}]", MIG_OPF_RELAXED_FK},
		{"addConstraint", "['t', 'c', 'CHECK (a > 0)']", MIG_OPF_RELAXED_FK},
		{"addConstraint", "['t', 'c', {unique: 'a'}]", 0},
		{"addTypeValue", "['m', 'v']", MIG_OPF_RELAXED_FK},
		{"dropTable", "['t', {cascade: true}]", MIG_OPF_RELAXED_FK},
		{"dropTable", "['t']", 0},
		{"createTable", "['t', {a: 'int'}]", 0},
		{"createIndex", "['t', 'a']", 0},
		{"sql", "['SELECT 1']", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (flags_for(cases[i].op, cases[i].args) != cases[i].want)
			fail_msg("op_flags(%s%s) != %u", cases[i].op, cases[i].args, cases[i].want);
	}
	assert_true(dia()->flags & MIG_DIALECT_NEEDS_CATALOG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_table_types_and_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(create_table_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(create_table_decamelize_and_names, setup, teardown),
		cmocka_unit_test_setup_teardown(create_table_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(create_table_notices, setup, teardown),
		cmocka_unit_test_setup_teardown(drop_and_rename_table, setup, teardown),
		cmocka_unit_test_setup_teardown(add_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(drop_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(rename_column, setup, teardown),
		cmocka_unit_test_setup_teardown(alter_column, setup, teardown),
		cmocka_unit_test_setup_teardown(add_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(drop_and_rename_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(raw_sql_table, setup, teardown),
		cmocka_unit_test_setup_teardown(rebuild_parent_keeps_children, setup, teardown),
		cmocka_unit_test_setup_teardown(indexes, setup, teardown),
		cmocka_unit_test_setup_teardown(enum_types, setup, teardown),
		cmocka_unit_test_setup_teardown(views, setup, teardown),
		cmocka_unit_test_setup_teardown(sql_and_extensions, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(flags, setup, teardown),
		cmocka_unit_test_setup_teardown(timestamp_values, setup, teardown),
		cmocka_unit_test_setup_teardown(rebuild_keeps_rowids, setup, teardown),
		cmocka_unit_test_setup_teardown(func_default_spellings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
