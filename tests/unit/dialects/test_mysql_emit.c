/*
 * The MySQL/MariaDB dialect, operation by operation: the statements it
 * emits (compared as text), each one run on the real server of
 * MIG_TEST_MYSQL_URL in a scratch database, then the result checked
 * there (information_schema, rows a CHECK or a foreign key must refuse
 * or cascade). The catalog is the offline one, advanced by the dialect's
 * own applier after each operation as the runner does offline; every
 * table it holds is compared with what the server reads back, column by
 * column, so the applier's conventions are the server's.
 */
#include "test_support.h"

#include "mysql_support.h"
#include "driver_support.h"
#include "ir_text.h"

#include "dialects/catalog.h"
#include "mig_features.h"
#include "util/alloc.h"
#include "dialects/dialect.h"
#include "ir/opdef.h"
#include "migrations.h"

#if MIG_HAVE_MYSQL

static const char *server_url;
static char *db_url;
static mig_conn *conn;
static mig_catalog cat;
static mig_strv notices;
static const char scratch[] = "mig_emit_test";

static const mig_dialect *dia(void)
{
	const mig_dialect *d = mig_dialect_find("mysql");
	assert_non_null(d);
	return d;
}

static void on_warn(void *ud, const char *message)
{
	(void)ud;
	assert_int_equal(mig_strv_pushdup(&notices, message), 0);
}

static void xok(const char *sql)
{
	if (x(conn, sql) != 0)
		fail_msg("[%s]: %s", sql, mig_error_last() ? mig_error_last()->message : "?");
}

static int group_setup(void **state)
{
	(void)state;
	char *drop = NULL;
	scratch_db_drop(server_url, scratch, "", &drop);
	if (scratch_db_create(server_url, scratch, " CHARACTER SET utf8mb4", &db_url) != 0)
		return -1;
	conn = open_url(db_url, NULL);
	/* the session the runner sets up: sql_mode, time zone */
	mig_strv stmts = MIG_STRV_INIT;
	mig_session_opts so = {.server = &conn->server};
	assert_int_equal(dia()->session_sql(&so, &stmts), 0);
	for (size_t i = 0; i < stmts.n; i++)
		xok(stmts.v[i]);
	mig_strv_free(&stmts);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	if (conn)
		ops(conn)->close(conn);
	scratch_db_drop(server_url, scratch, "", &db_url);
	return 0;
}

/* Every test starts from an empty database and an empty model. */
static int setup(void **state)
{
	(void)state;
	char *views = query1(conn, "SELECT GROUP_CONCAT(CONCAT('`', table_name, '`')) FROM information_schema.views"
				   " WHERE table_schema = DATABASE()");
	if (views) {
		char *sql = mig_aprintf("DROP VIEW %s", views);
		xok(sql);
		free(sql);
	}
	free(views);
	char *tables = query1(conn, "SELECT GROUP_CONCAT(CONCAT('`', table_name, '`')) FROM information_schema.tables"
				    " WHERE table_schema = DATABASE()");
	xok("SET FOREIGN_KEY_CHECKS = 0");
	if (tables) {
		char *sql = mig_aprintf("DROP TABLE %s", tables);
		xok(sql);
		free(sql);
	}
	free(tables);
	xok("SET FOREIGN_KEY_CHECKS = 1");
	mig_catalog_init(&cat, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mig_catalog_dispose(&cat);
	mig_strv_free(&notices);
	mig_error_clear();
	return 0;
}

/* Analyse, emit with the server's facts, and advance the model past the
 * operation (as the runner does offline). The emitter's code. */
static int emit(const char *name, const char *args, mig_steps *steps)
{
	const char *err = NULL;
	mig_value *v = irt_parse(args, &err);
	if (!v)
		fail_msg("bad test args %s: %s", args, err);
	mig_op op = {.kind = mig_op_kind_from_name(name), .name = (char *)name, .args = v};
	mig_emit_ctx ctx = {.file = "m.js", .catalog = &cat, .server = &conn->server, .warn = on_warn};
	int rc = 0;
	const char *why = dia()->refuses(op.kind);
	if (why)
		rc = mig_error_set(MIG_ENOTSUPPORTED, "%s is not supported on %s: %s", name, dia()->display, why);
	mig_opdef def;
	bool analysed = false;
	if (!rc) {
		mig_analyze_ctx a = {0};
		rc = mig_analyze(&op, &a, &def);
		analysed = true;
	}
	if (!rc)
		rc = dia()->emit(&ctx, &op, &def, steps);
	if (!rc)
		assert_int_equal(dia()->apply(&ctx, &op, &def, steps, mig_catalog_model(&cat)), 0);
	if (analysed)
		mig_opdef_dispose(&def);
	mig_value_free(v);
	return rc;
}

static void run_steps(const mig_steps *steps)
{
	for (size_t i = 0; i < steps->n; i++)
		for (size_t k = 0; k < steps->v[i].n; k++) {
			char *one = mig_step_stmt(&steps->v[i], k);
			xok(one);
			mig__free(one);
		}
}

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

/* Emit, compare the text (statements joined by "\n") and run it. */
static void expect_sql(const char *name, const char *args, const char *want)
{
	mig_steps steps = MIG_STEPS_INIT;
	if (emit(name, args, &steps))
		fail_msg("%s%s failed: %s", name, args, mig_error_last() ? mig_error_last()->message : "?");
	assert_true(steps.n <= 1);
	const char *got = steps.n ? steps.v[0].text : "";
	if (strcmp(got, want) != 0) {
		print_c("expected", want);
		print_c("got", got);
		fail_msg("%s%s: unexpected SQL", name, args);
	}
	run_steps(&steps);
	mig_steps_free(&steps);
}

/* Emit and run without comparing (set-up). */
static void run_op(const char *name, const char *args)
{
	mig_steps steps = MIG_STEPS_INIT;
	if (emit(name, args, &steps))
		fail_msg("%s%s failed: %s", name, args, mig_error_last() ? mig_error_last()->message : "?");
	run_steps(&steps);
	mig_steps_free(&steps);
}

/* The operation fails with code and a message containing frag, and adds no step. */
static void expect_fail(const char *name, const char *args, int code, const char *frag)
{
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit(name, args, &steps);
	if (rc != code)
		fail_msg("%s%s: expected code %d, got %d (%s)", name, args, code, rc,
			 mig_error_last() ? mig_error_last()->message : "");
	assert_int_equal(steps.n, 0);
	const mig_error *e = mig_error_last();
	if (!e || !strstr(e->message, frag))
		fail_msg("%s%s: expected a message with [%s], got [%s]", name, args, frag, e ? e->message : "");
	mig_error_clear();
	mig_steps_free(&steps);
}

static bool noticed(const char *frag)
{
	for (size_t i = 0; i < notices.n; i++)
		if (strstr(notices.v[i], frag))
			return true;
	return false;
}

static void expect_q(const char *sql, const char *want)
{
	char *got = query1(conn, sql);
	if (strcmp(got ? got : "NULL", want) != 0)
		fail_msg("[%s]: expected [%s], got [%s]", sql, want, got ? got : "NULL");
	free(got);
}

/* The statement fails on the server (a CHECK, a key, a foreign key). */
static void expect_refused(const char *sql)
{
	if (x(conn, sql) == 0)
		fail_msg("[%s] was accepted", sql);
	mig_error_clear();
}

/* Every column of the model's table as the server reads it back: type,
 * default, nullability, AUTO_INCREMENT, comment. */
static void model_matches_server(const char *table)
{
	const mig_mtable *t = NULL;
	assert_int_equal(mig_catalog_table(&cat, table, &t), 0);
	if (!t)
		fail_msg("the model has no table %s", table);
	for (size_t i = 0; i < t->ncols; i++) {
		const mig_mcolumn *c = &t->cols[i];
		const mig_part *d = mig_parts_find(&c->parts, MIG_PART_DEFAULT);
		/* MariaDB's JSON (a longtext with its json_valid() check) is json
		 * to the model, as the reader reads it */
		char *sql = mig_aprintf("SELECT CONCAT_WS('|', IF(column_type = 'longtext' AND EXISTS (SELECT 1 FROM"
					" information_schema.check_constraints k WHERE k.constraint_schema = c.table_schema"
					" AND k.table_name = c.table_name AND k.constraint_name = c.column_name"
					" AND k.check_clause LIKE 'json_valid(%%'), 'json', column_type),"
					" IFNULL(column_default, 'NULL'), is_nullable,"
					" IF(extra LIKE '%%auto_increment%%', 'auto', '-'), column_comment)"
					" FROM information_schema.columns c WHERE table_schema = DATABASE()"
					" AND table_name = '%s' AND column_name = '%s'",
					table, c->name);
		char *want = mig_aprintf("%s|%s|%s|%s|%s", c->type, d ? d->body + strlen("DEFAULT ") : "NULL",
					 mig_parts_find(&c->parts, MIG_PART_NOT_NULL) ? "NO" : "YES",
					 mig_parts_find(&c->parts, MIG_PART_IDENTITY) ? "auto" : "-",
					 c->comment ? c->comment : "");
		expect_q(sql, want);
		free(sql);
		free(want);
	}
}

/* ---- the auth migration's tables ------------------------------------------------ */

static void auth_tables(void **state)
{
	(void)state;
	run_op("createTable",
	       "['users', {id: {type: 'uuid', primaryKey: true},"
	       " email: {type: 'varchar(255)', notNull: true, unique: true, check: 'email = lower(email)'},"
	       " status: {type: 'varchar(20)', notNull: true, default: 'active'},"
	       " mfa_enabled: {type: 'boolean', notNull: true, default: false},"
	       " mfa_totp_secret: {type: 'text'},"
	       " failed_login_attempts: {type: 'integer', notNull: true, default: 0},"
	       " created_at: {type: 'timestamptz', notNull: true, default: func('current_timestamp')}},"
	       " {constraints: {check: [\"status IN ('active', 'suspended', 'disabled')\","
	       " 'mfa_enabled = FALSE OR mfa_totp_secret IS NOT NULL']}}]");
	expect_sql("createTable",
		   "['roles', {id: {type: 'serial', primaryKey: true},"
		   " name: {type: 'varchar(50)', notNull: true, unique: true},"
		   " is_system: {type: 'boolean', notNull: true, default: false}},"
		   " {constraints: {check: 'is_system IN (TRUE, FALSE)'}}]",
		   "CREATE TABLE `roles` (\n"
		   "  `id` INT NOT NULL AUTO_INCREMENT,\n"
		   "  `name` VARCHAR(50) NOT NULL,\n"
		   "  `is_system` BOOLEAN NOT NULL DEFAULT FALSE,\n"
		   "  PRIMARY KEY (`id`),\n"
		   "  CONSTRAINT `roles_name_key` UNIQUE (`name`),\n"
		   "  CONSTRAINT `roles_chck` CHECK (is_system IN (TRUE, FALSE))\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	expect_sql("createTable",
		   "['user_roles', {user_id: {type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE'},"
		   " role_id: {type: 'integer', notNull: true, references: 'roles', onDelete: 'CASCADE'},"
		   " assigned_by: {type: 'uuid', references: 'users', onDelete: 'SET NULL'},"
		   " assigned_at: {type: 'timestamptz', notNull: true, default: func('current_timestamp')}},"
		   " {constraints: {primaryKey: ['user_id', 'role_id']}}]",
		   "CREATE TABLE `user_roles` (\n"
		   "  `user_id` CHAR(36) NOT NULL,\n"
		   "  `role_id` INT NOT NULL,\n"
		   "  `assigned_by` CHAR(36),\n"
		   "  `assigned_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
		   "  CONSTRAINT `user_roles_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,\n"
		   "  CONSTRAINT `user_roles_role_id_fkey` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,\n"
		   "  CONSTRAINT `user_roles_assigned_by_fkey` FOREIGN KEY (`assigned_by`) REFERENCES `users` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION,\n"
		   "  PRIMARY KEY (`user_id`, `role_id`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	expect_sql("createIndex", "['user_roles', 'role_id', {name: 'user_roles_role_id_idx'}]",
		   "CREATE INDEX `user_roles_role_id_idx` ON `user_roles` (`role_id`);");
	model_matches_server("users");
	model_matches_server("roles");
	model_matches_server("user_roles");
	expect_q("SELECT GROUP_CONCAT(CONCAT(constraint_name, ':', delete_rule) ORDER BY constraint_name)"
		 " FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()",
		 "user_roles_assigned_by_fkey:SET NULL,user_roles_role_id_fkey:CASCADE,user_roles_user_id_fkey:CASCADE");
	/* text compares exactly, as in PostgreSQL */
	expect_refused("INSERT INTO users (id, email) VALUES ('u0', 'Carol@Example.com')");
	expect_refused("INSERT INTO users (id, email, status) VALUES ('u0', 'carol@x', 'gone')");
	expect_refused("INSERT INTO users (id, email, mfa_enabled) VALUES ('u0', 'carol@x', TRUE)");
	xok("INSERT INTO users (id, email) VALUES ('u1', 'alice@x'), ('u2', 'bob@x')");
	expect_refused("INSERT INTO users (id, email) VALUES ('u3', 'alice@x')");
	expect_q("SELECT COUNT(*) FROM users WHERE email = 'alice@x '", "0");
	expect_q("SELECT COUNT(*) FROM users WHERE email = 'ALICE@x'", "0");
	expect_q("SELECT COUNT(*) FROM users WHERE created_at > NOW() - INTERVAL 1 MINUTE", "2");
	xok("INSERT INTO roles (name) VALUES ('admin'), ('user')");
	xok("INSERT INTO user_roles (user_id, role_id, assigned_by) VALUES ('u1', 1, 'u2'), ('u2', 2, NULL)");
	expect_refused("INSERT INTO user_roles (user_id, role_id) VALUES ('nobody', 1)");
	xok("DELETE FROM users WHERE id = 'u2'");
	expect_q("SELECT CONCAT(COUNT(*), ':', IFNULL(MAX(assigned_by), 'null')) FROM user_roles", "1:null");
}

/* ---- types and defaults ------------------------------------------------------------ */

static void types_and_defaults(void **state)
{
	(void)state;
	expect_sql("createTable",
		   "['kinds', {a: 'serial', b: 'bigint', c: 'smallint', d: 'int8', e: 'uuid', f: 'text',"
		   " g: 'varchar(30)', h: 'character varying(7)', i: 'char(2)', j: 'boolean', k: 'timestamp',"
		   " l: 'timestamp with time zone', m: 'date', n: 'time', o: 'json', p: 'jsonb', q: 'numeric(10,2)',"
		   " r: 'decimal', s: 'real', t: 'double precision', u: 'bytea', v: 'citext', w: 'varchar',"
		   " x: 'timestamptz(3)'}]",
		   "CREATE TABLE `kinds` (\n"
		   "  `a` INT NOT NULL AUTO_INCREMENT,\n"
		   "  `b` BIGINT,\n"
		   "  `c` SMALLINT,\n"
		   "  `d` BIGINT,\n"
		   "  `e` CHAR(36),\n"
		   "  `f` TEXT,\n"
		   "  `g` VARCHAR(30),\n"
		   "  `h` VARCHAR(7),\n"
		   "  `i` CHAR(2),\n"
		   "  `j` BOOLEAN,\n"
		   "  `k` DATETIME(6),\n"
		   "  `l` DATETIME(6),\n"
		   "  `m` DATE,\n"
		   "  `n` TIME(6),\n"
		   "  `o` JSON,\n"
		   "  `p` JSON,\n"
		   "  `q` DECIMAL(10,2),\n"
		   "  `r` DECIMAL(65,30),\n"
		   "  `s` FLOAT,\n"
		   "  `t` DOUBLE,\n"
		   "  `u` LONGBLOB,\n"
		   "  `v` VARCHAR(255) COLLATE utf8mb4_unicode_nopad_ci,\n"
		   "  `w` TEXT,\n"
		   "  `x` DATETIME(3),\n"
		   "  KEY `kinds_a_idx` (`a`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	assert_true(noticed("citext becomes VARCHAR(255)"));
	expect_fail("createTable", "['two', {id: {type: 'bigserial', primaryKey: true}, n: {type: 'smallserial', unique: true}}]",
		    MIG_ENOTSUPPORTED, "createTable: a second serial column \"n\" is not supported on MySQL/MariaDB: a table has one AUTO_INCREMENT column");
	expect_sql("createTable", "['big', {id: {type: 'bigserial', primaryKey: true}, n: {type: 'smallint', unique: true}}]",
		   "CREATE TABLE `big` (\n"
		   "  `id` BIGINT NOT NULL AUTO_INCREMENT,\n"
		   "  `n` SMALLINT,\n"
		   "  PRIMARY KEY (`id`),\n"
		   "  CONSTRAINT `big_n_key` UNIQUE (`n`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	model_matches_server("big");
	assert_true(noticed("DECIMAL(65,30)"));
	model_matches_server("kinds");
	/* citext compares without case */
	xok("INSERT INTO kinds (v) VALUES ('Mixed')");
	expect_q("SELECT COUNT(*) FROM kinds WHERE v = 'mixed'", "1");
	expect_sql("createTable",
		   "['defs', {id: 'id', s: {type: 'text', default: 'it\\'s \\\\ ok'}, j: {type: 'jsonb', default: '{}'},"
		   " n: {type: 'integer', default: 5}, b: {type: 'boolean', default: true}, bs: {type: 'boolean', default: 'off'},"
		   " u: {type: 'uuid', default: func('gen_random_uuid()')}, d: {type: 'date', default: func('current_date')},"
		   " t: {type: 'timestamp', default: func('now()')}, z: {type: 'varchar(5)', default: null},"
		   " e: {type: 'integer', default: func('1 + 1')}, lit: {type: 'varchar(9)', default: func('\\'x\\'::text')},"
		   " c: {type: 'varchar(9)', comment: 'it\\'s'}}, {comment: 'all defaults'}]",
		   "CREATE TABLE `defs` (\n"
		   "  `id` INT NOT NULL AUTO_INCREMENT,\n"
		   "  `s` TEXT DEFAULT ('it''s \\\\ ok'),\n"
		   "  `j` JSON DEFAULT ('{}'),\n"
		   "  `n` INT DEFAULT 5,\n"
		   "  `b` BOOLEAN DEFAULT TRUE,\n"
		   "  `bs` BOOLEAN DEFAULT FALSE,\n"
		   "  `u` CHAR(36) DEFAULT (UUID()),\n"
		   "  `d` DATE DEFAULT (CURRENT_DATE),\n"
		   "  `t` DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),\n"
		   "  `z` VARCHAR(5) DEFAULT NULL,\n"
		   "  `e` INT DEFAULT (1 + 1),\n"
		   "  `lit` VARCHAR(9) DEFAULT 'x',\n"
		   "  `c` VARCHAR(9) COMMENT 'it''s',\n"
		   "  PRIMARY KEY (`id`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='all defaults';");
	assert_true(noticed("version-1 (time-based) UUID"));
	xok("INSERT INTO defs () VALUES ()");
	expect_q("SELECT CONCAT_WS('|', s, JSON_LENGTH(j), n, b, bs, LENGTH(u), d = CURRENT_DATE, z IS NULL, e, lit) FROM defs",
		 "it's \\ ok|0|5|1|0|36|1|1|2|x");
	expect_q("SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'defs'",
		 "all defaults");
}

/* ---- alterColumn ------------------------------------------------------------------------ */

static void alter_column(void **state)
{
	(void)state;
	run_op("createTable", "['posts', {id: 'id', views: {type: 'integer', notNull: true, default: 0, comment: 'how often'},"
			      " title: {type: 'varchar(100)'}, body: {type: 'text', default: 'none'}}]");
	xok("INSERT INTO posts (title) VALUES ('a')");
	expect_sql("alterColumn", "['posts', 'views', {type: 'bigint'}]",
		   "ALTER TABLE `posts` MODIFY COLUMN `views` BIGINT NOT NULL DEFAULT 0 COMMENT 'how often';");
	model_matches_server("posts");
	expect_sql("alterColumn", "['posts', 'views', {default: 7}]", "ALTER TABLE `posts` ALTER COLUMN `views` SET DEFAULT 7;");
	expect_sql("alterColumn", "['posts', 'views', {default: null}]", "ALTER TABLE `posts` ALTER COLUMN `views` DROP DEFAULT;");
	expect_sql("alterColumn", "['posts', 'title', {notNull: true, default: 'untitled'}]",
		   "ALTER TABLE `posts` MODIFY COLUMN `title` varchar(100) NOT NULL DEFAULT 'untitled';");
	expect_sql("alterColumn", "['posts', 'title', {allowNull: true, comment: 'the title'}]",
		   "ALTER TABLE `posts` MODIFY COLUMN `title` varchar(100) DEFAULT 'untitled' COMMENT 'the title';");
	/* a TEXT default restated in its expression form */
	expect_sql("alterColumn", "['posts', 'body', {notNull: true}]",
		   "ALTER TABLE `posts` MODIFY COLUMN `body` text NOT NULL DEFAULT ('none');");
	expect_sql("alterColumn", "['posts', 'id', {type: 'bigint'}]",
		   "ALTER TABLE `posts` MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT;");
	model_matches_server("posts");
	expect_fail("alterColumn", "['posts', 'views', {type: 'text', using: 'views::text'}]", MIG_ENOTSUPPORTED,
		    "alterColumn option using is not supported on MySQL/MariaDB");
	expect_fail("alterColumn", "['posts', 'nope', {notNull: true}]", MIG_ESQL,
		    "alterColumn: column \"nope\" of relation \"posts\" does not exist");
	expect_fail("alterColumn", "['ghost', 'a', {notNull: true}]", MIG_ESQL, "table \"ghost\" is not known");
	expect_fail("alterColumn", "['posts', 'id', {allowNull: true}]", MIG_ESQL, "column \"id\" is in a primary key");
}

/* ---- columns, renames, drops ------------------------------------------------------------ */

static void columns_and_tables(void **state)
{
	(void)state;
	run_op("createTable", "['parent', {id: 'id'}]");
	run_op("createTable", "['child', {id: 'id', a: 'integer'}]");
	expect_sql("addColumns",
		   "['child', {parent_id: {type: 'integer', references: 'parent', onDelete: 'CASCADE'},"
		   " code: {type: 'varchar(8)', notNull: true, default: 'x', unique: true, check: \"code <> ''\"}}]",
		   "ALTER TABLE `child` ADD COLUMN `parent_id` INT, ADD COLUMN `code` VARCHAR(8) NOT NULL DEFAULT 'x',"
		   " ADD CONSTRAINT `child_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,"
		   " ADD CONSTRAINT `child_code_key` UNIQUE (`code`), ADD CONSTRAINT `child_code_check` CHECK (code <> '');");
	model_matches_server("child");
	expect_sql("addColumns", "['child', {a: 'integer'}, {ifNotExists: true}]",
		   "ALTER TABLE `child` ADD COLUMN IF NOT EXISTS `a` INT;");
	expect_sql("renameColumn", "['child', 'a', 'b']", "ALTER TABLE `child` RENAME COLUMN `a` TO `b`;");
	expect_sql("renameTable", "['child', 'kid']", "RENAME TABLE `child` TO `kid`;");
	/* the column's foreign key, CHECK and key go first, as PostgreSQL drops them */
	expect_sql("dropColumns", "['kid', ['parent_id', 'code']]",
		   "ALTER TABLE `kid` DROP FOREIGN KEY `child_parent_id_fkey`, DROP COLUMN `parent_id`,"
		   " DROP CONSTRAINT `child_code_check`, DROP COLUMN `code`;");
	model_matches_server("kid");
	expect_sql("dropColumns", "['kid', 'nope', {ifExists: true}]", "");
	expect_fail("dropColumns", "['kid', 'nope']", MIG_ESQL, "column \"nope\" of relation \"kid\" does not exist");
	run_op("addColumns", "['kid', {parent_id: {type: 'integer', references: 'parent'}}]");
	expect_sql("dropTable", "['parent', {cascade: true}]",
		   "ALTER TABLE `kid` DROP FOREIGN KEY `kid_parent_id_fkey`;\nDROP TABLE `parent`;");
	expect_sql("dropTable", "['kid', {ifExists: true}]", "DROP TABLE IF EXISTS `kid`;");
	expect_q("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", "0");
	expect_sql("alterTable", "['nothing', {unlogged: true}]", "");
	assert_true(noticed("SET UNLOGGED skipped"));
}

/* ---- constraints --------------------------------------------------------------------------- */

static void constraints(void **state)
{
	(void)state;
	run_op("createTable", "['cats', {id: 'integer', name: 'varchar(20)'}]");
	run_op("createTable", "['pets', {id: 'id', cat_id: 'integer', n: 'integer'}]");
	expect_sql("addConstraint", "['cats', 'cats_pk', {primaryKey: 'id'}]", "ALTER TABLE `cats` ADD PRIMARY KEY (`id`);");
	expect_sql("addConstraint", "['cats', 'cats_name_uniq', {unique: 'name'}]",
		   "ALTER TABLE `cats` ADD CONSTRAINT `cats_name_uniq` UNIQUE (`name`);");
	expect_sql("addConstraint", "['pets', 'pets_cat', {foreignKeys: {columns: 'cat_id', references: 'cats', onDelete: 'SET NULL'}}]",
		   "ALTER TABLE `pets` ADD CONSTRAINT `pets_cat` FOREIGN KEY (`cat_id`) REFERENCES `cats` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;");
	expect_sql("addConstraint", "['pets', 'pets_n', {check: 'n > 0'}]", "ALTER TABLE `pets` ADD CONSTRAINT `pets_n` CHECK (n > 0);");
	expect_sql("addConstraint", "['pets', 'pets_raw', 'CHECK (n < 100)']",
		   "ALTER TABLE `pets` ADD CONSTRAINT `pets_raw` CHECK (n < 100);");
	expect_refused("INSERT INTO pets (n) VALUES (0)");
	xok("INSERT INTO cats VALUES (1, 'tom')");
	xok("INSERT INTO pets (cat_id, n) VALUES (1, 5)");
	xok("DELETE FROM cats");
	expect_q("SELECT IFNULL(cat_id, 'null') FROM pets", "null");
	expect_q("SELECT GROUP_CONCAT(CONCAT(constraint_name, ':', constraint_type) ORDER BY constraint_name)"
		 " FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name = 'pets'",
		 "pets_cat:FOREIGN KEY,pets_n:CHECK,pets_raw:CHECK,PRIMARY:PRIMARY KEY");
	expect_sql("renameConstraint", "['cats', 'cats_name_uniq', 'cats_name_key']",
		   "ALTER TABLE `cats` RENAME INDEX `cats_name_uniq` TO `cats_name_key`;");
	expect_fail("renameConstraint", "['pets', 'pets_n', 'pets_n2']", MIG_ENOTSUPPORTED,
		    "renameConstraint is not supported on MySQL/MariaDB: MySQL/MariaDB cannot rename a CHECK");
	expect_sql("dropConstraint", "['pets', 'pets_cat']", "ALTER TABLE `pets` DROP FOREIGN KEY `pets_cat`;");
	expect_sql("dropConstraint", "['pets', 'pets_n']", "ALTER TABLE `pets` DROP CONSTRAINT `pets_n`;");
	expect_sql("dropConstraint", "['cats', 'cats_name_key']", "ALTER TABLE `cats` DROP INDEX `cats_name_key`;");
	expect_sql("dropConstraint", "['cats', 'cats_pkey']", "ALTER TABLE `cats` DROP PRIMARY KEY;");
	expect_sql("dropConstraint", "['cats', 'gone', {ifExists: true}]", "");
	expect_fail("dropConstraint", "['cats', 'gone']", MIG_ESQL, "constraint \"gone\" of relation \"cats\" does not exist");
	expect_q("SELECT GROUP_CONCAT(constraint_name ORDER BY constraint_name) FROM information_schema.table_constraints"
		 " WHERE table_schema = DATABASE() AND table_name IN ('cats', 'pets')",
		 "pets_raw,PRIMARY");
	model_matches_server("cats");
	model_matches_server("pets");
}

/* ---- indexes ------------------------------------------------------------------------------- */

static void indexes(void **state)
{
	(void)state;
	run_op("createTable", "['docs', {id: 'id', a: 'integer', b: 'varchar(10)', body: 'text'}]");
	expect_sql("createIndex", "['docs', ['a', 'b']]", "CREATE INDEX `docs_a_b_index` ON `docs` (`a`, `b`);");
	expect_sql("createIndex", "['docs', 'b', {unique: true, method: 'btree'}]",
		   "CREATE UNIQUE INDEX `docs_b_unique_index` ON `docs` (`b`) USING BTREE;");
	expect_sql("createIndex", "['docs', [{name: 'a', sort: 'DESC'}], {name: 'docs_a_desc', ifNotExists: true, concurrently: true}]",
		   "CREATE INDEX IF NOT EXISTS `docs_a_desc` ON `docs` (`a` DESC);");
	assert_true(noticed("CONCURRENTLY skipped"));
	expect_sql("createIndex", "['docs', 'body']", "CREATE INDEX `docs_body_index` ON `docs` (`body`(255));");
	expect_q("SELECT GROUP_CONCAT(DISTINCT CONCAT(index_name, ':', non_unique) ORDER BY index_name)"
		 " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'docs'",
		 "docs_a_b_index:1,docs_a_desc:1,docs_body_index:1,docs_b_unique_index:0,PRIMARY:0");
	expect_sql("dropIndex", "['docs', ['a', 'b']]", "DROP INDEX `docs_a_b_index` ON `docs`;");
	expect_sql("dropIndex", "['docs', 'b', {unique: true}]", "DROP INDEX `docs_b_unique_index` ON `docs`;");
	expect_sql("dropIndex", "['docs', 'a', {name: 'gone', ifExists: true}]", "");
	expect_fail("dropIndex", "['docs', 'a', {name: 'gone'}]", MIG_ESQL, "index \"gone\" is not known");
	expect_fail("createIndex", "['docs', 'a', {where: 'a > 0', unique: true}]", MIG_ENOTSUPPORTED,
		    "createIndex option where is not supported on MySQL/MariaDB: MySQL/MariaDB has no partial indexes, and a full UNIQUE index would reject rows the partial one allows");
	expect_fail("createIndex", "['docs', 'a', {method: 'gin'}]", MIG_ENOTSUPPORTED, "option method is not supported");
	expect_fail("createIndex", "['docs', 'a', {include: 'b'}]", MIG_ENOTSUPPORTED, "option include is not supported");
	expect_fail("createIndex", "['docs', ['lower(b)', 'upper(b)'], {name: 'docs_two'}]", MIG_ENOTSUPPORTED,
		    "a second expression (upper(b)) in one index is not supported on MariaDB");

	/* a partial index indexes every row, and says so where the reader
	 * (and schema_dump.py) finds it */
	expect_sql("createIndex", "['docs', 'a', {where: 'a > 0'}]",
		   "CREATE INDEX `docs_a_index` ON `docs` (`a`) COMMENT 'migrations: partial index, WHERE a > 0 (MySQL indexes every row)';");
	assert_true(noticed("indexes every row"));
	const mig_mtable *t = NULL;
	assert_int_equal(mig_catalog_table(&cat, "docs", &t), 0);
	assert_true(mig_mtable_obj(t, "index", "docs_a_index")->partial);

	/* MariaDB's expression index: an invisible virtual column of the
	 * argument's type, indexed; what it allows is lower()'s */
	expect_sql("createIndex", "['docs', 'lower(b)', {name: 'docs_lower', unique: true}]",
		   "ALTER TABLE `docs` ADD COLUMN `_mig_expr_docs_lower` varchar(10) AS (lower(b)) VIRTUAL INVISIBLE,"
		   " ADD UNIQUE INDEX `docs_lower` (`_mig_expr_docs_lower`);");
	xok("INSERT INTO docs (b) VALUES ('Abc')");
	expect_refused("INSERT INTO docs (b) VALUES ('aBC')");
	expect_q("SELECT COUNT(*) FROM docs WHERE b = 'Abc'", "1");
	/* any other expression is text */
	expect_sql("createIndex", "['docs', 'a + 1', {name: 'docs_a1'}]",
		   "ALTER TABLE `docs` ADD COLUMN `_mig_expr_docs_a1` varchar(255) AS (a + 1) VIRTUAL INVISIBLE,"
		   " ADD INDEX `docs_a1` (`_mig_expr_docs_a1`);");
	assert_true(noticed("indexed as a varchar(255) column"));
	expect_sql("renameIndex", "['docs_a1', 'docs_a2']",
		   "ALTER TABLE `docs` RENAME INDEX `docs_a1` TO `docs_a2`, RENAME COLUMN `_mig_expr_docs_a1` TO `_mig_expr_docs_a2`;");
	model_matches_server("docs");
	expect_sql("dropIndex", "['docs', 'a + 1', {name: 'docs_a2'}]",
		   "ALTER TABLE `docs` DROP INDEX `docs_a2`, DROP COLUMN `_mig_expr_docs_a2`;");
	expect_sql("dropIndex", "['docs', 'lower(b)', {name: 'docs_lower'}]",
		   "ALTER TABLE `docs` DROP INDEX `docs_lower`, DROP COLUMN `_mig_expr_docs_lower`;");
	expect_q("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'docs'", "4");

	/* MariaDB keeps a UNIQUE text key by a hash of the whole value */
	expect_sql("createIndex", "['docs', 'body', {unique: true}]", "CREATE UNIQUE INDEX `docs_body_unique_index` ON `docs` (`body`);");

	/* an index that took over a foreign key's: the key gets its own back */
	run_op("createTable", "['notes', {id: 'id', doc_id: {type: 'integer', references: 'docs'}, at: 'integer'}]");
	run_op("createIndex", "['notes', ['doc_id', 'at']]");
	expect_sql("dropIndex", "['notes', ['doc_id', 'at']]",
		   "ALTER TABLE `notes` DROP INDEX `notes_doc_id_at_index`, ADD INDEX `notes_doc_id_fkey` (`doc_id`);");
	assert_true(noticed("gets its own index back"));
	model_matches_server("notes");
}

/* ---- enum types ---------------------------------------------------------------------------- */

static const char enums_create[] =
	"CREATE TABLE IF NOT EXISTS `pgmigrations_enums` (type_name VARCHAR(255) NOT NULL, position INT NOT NULL,"
	" value VARCHAR(255) NOT NULL, PRIMARY KEY (type_name, value)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
	" COLLATE=utf8mb4_nopad_bin;";

static void enum_rows(const char *type, const char *want)
{
	char *sql = mig_aprintf("SELECT GROUP_CONCAT(value ORDER BY position) FROM pgmigrations_enums WHERE type_name = '%s'", type);
	expect_q(sql, want);
	free(sql);
}

static void column_type(const char *table, const char *col, const char *want)
{
	char *sql = mig_aprintf("SELECT CONCAT_WS('|', column_type, IFNULL(column_default, 'NULL'), is_nullable)"
				" FROM information_schema.columns WHERE table_schema = DATABASE()"
				" AND table_name = '%s' AND column_name = '%s'", table, col);
	expect_q(sql, want);
	free(sql);
}

static void enum_types(void **state)
{
	(void)state;
	char *want = mig_aprintf("%s\nINSERT INTO `pgmigrations_enums` (type_name, position, value) VALUES"
				 " ('status', 1, 'pending'), ('status', 2, 'done');", enums_create);
	expect_sql("createType", "['status', ['pending', 'done']]", want);
	free(want);
	enum_rows("status", "pending,done");
	expect_sql("createTable", "['jobs', {id: 'id', st: {type: 'status', notNull: true, default: 'pending'}, prev: 'status'}]",
		   "CREATE TABLE `jobs` (\n"
		   "  `id` INT NOT NULL AUTO_INCREMENT,\n"
		   "  `st` ENUM('pending', 'done') NOT NULL DEFAULT 'pending',\n"
		   "  `prev` ENUM('pending', 'done'),\n"
		   "  PRIMARY KEY (`id`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	column_type("jobs", "st", "enum('pending','done')|'pending'|NO");
	expect_refused("INSERT INTO jobs (st) VALUES ('bogus')");
	xok("INSERT INTO jobs (st, prev) VALUES ('done', 'pending'), (DEFAULT, NULL)");
	expect_sql("addColumns", "['jobs', {next: {type: 'status'}}]",
		   "ALTER TABLE `jobs` ADD COLUMN `next` ENUM('pending', 'done');");
	expect_fail("createType", "['status', ['x']]", MIG_ESQL, "type \"status\" already exists");
	expect_fail("createType", "['dup', ['x', 'x']]", MIG_ESQL, "enum label \"x\" used more than once");

	/* every column of the type restated whole, one ALTER per table */
	expect_sql("addTypeValue", "['status', 'running', {before: 'done'}]",
		   "DELETE FROM `pgmigrations_enums` WHERE type_name = 'status';\n"
		   "INSERT INTO `pgmigrations_enums` (type_name, position, value) VALUES ('status', 1, 'pending'),"
		   " ('status', 2, 'running'), ('status', 3, 'done');\n"
		   "ALTER TABLE `jobs` MODIFY COLUMN `st` ENUM('pending', 'running', 'done') NOT NULL DEFAULT 'pending',"
		   " MODIFY COLUMN `prev` ENUM('pending', 'running', 'done'), MODIFY COLUMN `next` ENUM('pending', 'running', 'done');");
	enum_rows("status", "pending,running,done");
	column_type("jobs", "st", "enum('pending','running','done')|'pending'|NO");
	expect_q("SELECT GROUP_CONCAT(CONCAT(st, '/', IFNULL(prev, '-')) ORDER BY id) FROM jobs", "done/pending,pending/-");
	xok("INSERT INTO jobs (st) VALUES ('running')");
	run_op("addTypeValue", "['status', 'failed', {after: 'done'}]");
	run_op("addTypeValue", "['status', 'new', {before: 'pending'}]");
	enum_rows("status", "new,pending,running,done,failed");
	column_type("jobs", "prev", "enum('new','pending','running','done','failed')|NULL|YES");
	expect_sql("addTypeValue", "['status', 'done', {ifNotExists: true}]", "");
	assert_true(noticed("enum label \"done\" already exists, skipping"));
	expect_fail("addTypeValue", "['status', 'done']", MIG_ESQL, "enum label \"done\" already exists");
	expect_fail("addTypeValue", "['status', 'x', {before: 'nope'}]", MIG_ESQL, "\"nope\" is not an existing enum label");
	expect_fail("addTypeValue", "['ghost', 'x']", MIG_ESQL, "type \"ghost\" does not exist");

	/* the rows move to the new label; the default follows it */
	expect_sql("renameTypeValue", "['status', 'pending', 'queued']",
		   "UPDATE `pgmigrations_enums` SET value = 'queued' WHERE type_name = 'status' AND value = 'pending';\n"
		   "ALTER TABLE `jobs` MODIFY COLUMN `st` ENUM('new', 'pending', 'queued', 'running', 'done', 'failed') NOT NULL DEFAULT 'pending',"
		   " MODIFY COLUMN `prev` ENUM('new', 'pending', 'queued', 'running', 'done', 'failed'),"
		   " MODIFY COLUMN `next` ENUM('new', 'pending', 'queued', 'running', 'done', 'failed');\n"
		   "UPDATE `jobs` SET `st` = 'queued' WHERE `st` = 'pending';\n"
		   "UPDATE `jobs` SET `prev` = 'queued' WHERE `prev` = 'pending';\n"
		   "UPDATE `jobs` SET `next` = 'queued' WHERE `next` = 'pending';\n"
		   "ALTER TABLE `jobs` MODIFY COLUMN `st` ENUM('new', 'queued', 'running', 'done', 'failed') NOT NULL DEFAULT 'queued',"
		   " MODIFY COLUMN `prev` ENUM('new', 'queued', 'running', 'done', 'failed'),"
		   " MODIFY COLUMN `next` ENUM('new', 'queued', 'running', 'done', 'failed');");
	enum_rows("status", "new,queued,running,done,failed");
	column_type("jobs", "st", "enum('new','queued','running','done','failed')|'queued'|NO");
	expect_q("SELECT GROUP_CONCAT(CONCAT(st, '/', IFNULL(prev, '-')) ORDER BY id) FROM jobs",
		 "done/queued,queued/-,running/-");
	expect_fail("renameTypeValue", "['status', 'nope', 'x']", MIG_ESQL, "\"nope\" is not an existing enum label");
	expect_fail("renameTypeValue", "['status', 'done', 'failed']", MIG_ESQL, "enum label \"failed\" already exists");

	/* only the bookkeeping rows name the type */
	expect_sql("renameType", "['status', 'job_status']",
		   "UPDATE `pgmigrations_enums` SET type_name = 'job_status' WHERE type_name = 'status';");
	enum_rows("job_status", "new,queued,running,done,failed");
	/* alterColumn restates an enum column as the model holds it: the
	 * list as the server stores it, which the reader reads */
	expect_sql("alterColumn", "['jobs', 'st', {comment: 'state'}]",
		   "ALTER TABLE `jobs` MODIFY COLUMN `st` enum('new','queued','running','done','failed') NOT NULL DEFAULT 'queued' COMMENT 'state';");
	column_type("jobs", "st", "enum('new','queued','running','done','failed')|'queued'|NO");
	run_op("createType", "['color', ['red']]");
	expect_sql("alterColumn", "['jobs', 'next', {type: 'color'}]",
		   "ALTER TABLE `jobs` MODIFY COLUMN `next` ENUM('red');");
	expect_fail("dropType", "['job_status']", MIG_ESQL,
		    "cannot drop type job_status because other objects depend on it: column st of table jobs, column prev of table jobs");
	expect_fail("dropType", "['job_status', {cascade: true}]", MIG_ENOTSUPPORTED, "drop those columns first");
	run_op("dropTable", "['jobs']");
	expect_sql("dropType", "['job_status']", "DELETE FROM `pgmigrations_enums` WHERE type_name = 'job_status';");
	expect_sql("dropType", "['ghost', {ifExists: true}]", "");
	assert_true(noticed("type \"ghost\" does not exist, skipping"));
	/* the last one takes the bookkeeping table along */
	expect_sql("dropType", "['color']",
		   "DELETE FROM `pgmigrations_enums` WHERE type_name = 'color';\nDROP TABLE IF EXISTS `pgmigrations_enums`;");
	expect_q("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", "0");
	expect_fail("dropType", "['color']", MIG_ESQL, "type \"color\" does not exist");
}

/* ---- views ------------------------------------------------------------------------------------- */

static void views(void **state)
{
	(void)state;
	run_op("createTable", "['items', {id: 'id', n: 'integer'}]");
	expect_sql("createView", "['small', {columns: ['item', 'amount']}, 'SELECT id, n FROM items WHERE n < 10;']",
		   "CREATE VIEW `small` (`item`, `amount`) AS SELECT id, n FROM items WHERE n < 10;");
	expect_sql("createView", "['small', {replace: true, checkOption: 'local'}, 'SELECT id, n FROM items WHERE n < 10']",
		   "CREATE OR REPLACE VIEW `small` AS SELECT id, n FROM items WHERE n < 10 WITH LOCAL CHECK OPTION;");
	expect_q("SELECT check_option FROM information_schema.views WHERE table_schema = DATABASE() AND table_name = 'small'",
		 "LOCAL");
	expect_refused("INSERT INTO small (n) VALUES (50)");
	xok("INSERT INTO small (n) VALUES (5)");
	expect_sql("createView", "['mine', {options: {security_invoker: true, security_barrier: true}}, 'SELECT 1 AS one']",
		   "CREATE SQL SECURITY INVOKER VIEW `mine` AS SELECT 1 AS one;");
	assert_true(noticed("security_barrier skipped"));
	expect_q("SELECT security_type FROM information_schema.views WHERE table_schema = DATABASE() AND table_name = 'mine'",
		 "INVOKER");
	expect_fail("createView", "['t', {temporary: true}, 'SELECT 1']", MIG_ENOTSUPPORTED,
		    "createView option temporary is not supported on MySQL/MariaDB");
	expect_fail("createView", "['t', {recursive: true, columns: ['a']}, 'SELECT 1']", MIG_ENOTSUPPORTED,
		    "createView option recursive is not supported");
	expect_fail("createView", "['t', {options: {fillfactor: 5}}, 'SELECT 1']", MIG_ENOTSUPPORTED,
		    "createView option fillfactor is not supported");
	/* the check option changes by restating the view from its definition */
	expect_sql("alterView", "['small', {checkOption: 'CASCADED'}]",
		   "ALTER VIEW `small` AS SELECT id, n FROM items WHERE n < 10 WITH CASCADED CHECK OPTION;");
	expect_q("SELECT check_option FROM information_schema.views WHERE table_schema = DATABASE() AND table_name = 'small'",
		 "CASCADED");
	expect_sql("alterView", "['small', {checkOption: null}]", "ALTER VIEW `small` AS SELECT id, n FROM items WHERE n < 10;");
	xok("INSERT INTO small (n) VALUES (50)");
	expect_fail("alterView", "['small', {options: {security_barrier: true}}]", MIG_ENOTSUPPORTED,
		    "alterView option security_barrier is not supported");
	expect_fail("alterView", "['ghost', {checkOption: 'LOCAL'}]", MIG_ESQL, "view \"ghost\" is not known");
	expect_sql("renameView", "['small', 'little']", "RENAME TABLE `small` TO `little`;");
	expect_q("SELECT COUNT(*) FROM little", "1");
	expect_sql("dropView", "['little', {cascade: true}]", "DROP VIEW `little`;");
	assert_true(noticed("CASCADE skipped"));
	expect_sql("dropView", "['little', {ifExists: true}]", "DROP VIEW IF EXISTS `little`;");
	expect_sql("dropView", "['mine']", "DROP VIEW `mine`;");
	expect_q("SELECT COUNT(*) FROM information_schema.views WHERE table_schema = DATABASE()", "0");
}

/* Through the real runner, whose catalog is the live reader: the enum
 * comes back from pgmigrations_enums, and rolling back to nothing leaves
 * only the runner's own tables. */
static void live_enums(void **state)
{
	(void)state;
	static const char live[] = "mig_emit_live";
	char *url = NULL, *dir = make_tmpdir();
	scratch_db_drop(server_url, live, "", &url);
	assert_int_equal(scratch_db_create(server_url, live, " CHARACTER SET utf8mb4", &url), 0);
	write_file(dir, "001_mood.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.createType('mood', ['happy', 'sad']);\n"
		   "  pgm.createTable('people', {id: 'id', m: {type: 'mood', notNull: true, default: 'happy'}});\n"
		   "};\n");
	write_file(dir, "002_more.js",
		   "exports.up = (pgm) => {\n"
		   "  pgm.addTypeValue('mood', 'calm', {after: 'happy'});\n"
		   "  pgm.renameTypeValue('mood', 'sad', 'blue');\n"
		   "};\n"
		   "exports.down = (pgm) => {\n"
		   "  pgm.renameTypeValue('mood', 'blue', 'sad');\n"
		   "};\n");
	mig_options o = {.database_url = url, .migrations_dir = dir};
	if (mig_migrate(&o, NULL) != 0)
		fail_msg("migrate: %s", mig_error_last() ? mig_error_last()->message : "?");
	mig_conn *c = open_url(url, NULL);
	char *got = query1(c, "SELECT CONCAT_WS('|', column_type, column_default) FROM information_schema.columns"
			      " WHERE table_schema = DATABASE() AND table_name = 'people' AND column_name = 'm'");
	assert_string_equal(got ? got : "NULL", "enum('happy','calm','blue')|'happy'");
	free(got);
	mig_target all = {.has_count = true, .count = 0};
	if (mig_rollback(&o, &all) != 0)
		fail_msg("rollback 0: %s", mig_error_last() ? mig_error_last()->message : "?");
	got = query1(c, "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables"
			" WHERE table_schema = DATABASE()");
	assert_string_equal(got ? got : "NULL", "pgmigrations,pgmigrations_journal");
	free(got);
	ops(c)->close(c);
	scratch_db_drop(server_url, live, "", &url);
	rm_tree(dir);
}

/* ---- refusals and names ---------------------------------------------------------------------- */

static void refusals(void **state)
{
	(void)state;
	run_op("createTable", "['p', {id: 'id'}]");
	expect_fail("createSequence", "['s']", MIG_ENOTSUPPORTED, "createSequence is not supported on MySQL/MariaDB: MySQL/MariaDB has no sequences");
	expect_fail("createType", "['pair', {a: 'integer', b: 'text'}]", MIG_ENOTSUPPORTED,
		    "createType is not supported on MySQL/MariaDB: MySQL/MariaDB has no composite types");
	expect_fail("alterViewColumn", "['v', 'a', {default: 1}]", MIG_ENOTSUPPORTED,
		    "alterViewColumn is not supported on MySQL/MariaDB: MySQL/MariaDB view columns have no defaults");
	expect_fail("createFunction", "['f', [], {returns: 'int', language: 'sql'}, 'SELECT 1']", MIG_ENOTSUPPORTED,
		    "createFunction is not supported on MySQL/MariaDB");
	expect_fail("createSchema", "['s']", MIG_ENOTSUPPORTED, "a PostgreSQL schema is a MySQL database");
	expect_fail("createTable", "['t', {a: 'integer[]'}]", MIG_ENOTSUPPORTED, "arrays are not supported on MySQL/MariaDB");
	expect_fail("createTable", "['t', {a: {type: 'integer', array: true}}]", MIG_ENOTSUPPORTED, "arrays are not supported");
	expect_fail("createTable", "['t', {a: 'interval'}]", MIG_ENOTSUPPORTED, "MySQL/MariaDB has no interval type");
	expect_fail("createTable", "['t', {a: 'mood'}]", MIG_ENOTSUPPORTED,
		    "createTable: column \"a\": the type mood is not supported on MySQL/MariaDB");
	expect_fail("createTable", "['t', {a: {type: 'integer', references: 'p', onDelete: 'SET DEFAULT'}}]", MIG_ENOTSUPPORTED,
		    "ON DELETE SET DEFAULT is not supported on MySQL/MariaDB");
	expect_fail("createTable", "['t', {a: {type: 'integer', references: 'p', deferrable: true, deferred: true}}]",
		    MIG_ENOTSUPPORTED, "DEFERRABLE INITIALLY DEFERRED");
	expect_fail("createTable", "['t', {a: {type: 'integer', references: 'nowhere'}}]", MIG_ESQL,
		    "needs the primary key of table \"nowhere\"");
	expect_fail("createTable", "['t', {a: 'text'}, {like: 'p'}]", MIG_ENOTSUPPORTED, "createTable option like is not supported");
	expect_fail("createTable", "['t', {a: 'integer'}, {constraints: {exclude: 'USING gist (a WITH =)'}}]", MIG_ENOTSUPPORTED,
		    "EXCLUDE constraint");
	expect_fail("createTable", "['t', {a: {type: 'text', primaryKey: true}}]", MIG_ENOTSUPPORTED,
		    "PRIMARY KEY on the text column \"a\" is not supported");
	expect_fail("createTable",
		    "['a_table_name_that_is_much_longer_than_the_sixty_four_characters_mysql_allows', {a: 'integer'}]",
		    MIG_ENOTSUPPORTED, "identifiers are at most 64 characters there");
	expect_fail("alterTable", "['p', {levelSecurity: 'ENABLE'}]", MIG_ENOTSUPPORTED, "no row-level security");
	/* DEFERRABLE INITIALLY IMMEDIATE and MATCH only weaken nothing MySQL checks */
	run_op("createTable", "['q', {a: {type: 'integer', references: 'p', deferrable: true, match: 'FULL'}}]");
	assert_true(noticed("DEFERRABLE skipped"));
	assert_true(noticed("MATCH FULL skipped"));
	expect_sql("createExtension", "['citext']", "");
	assert_true(noticed("extension citext skipped"));
}

/* Generated names are cut as PostgreSQL cuts them (so a later drop finds
 * them on both engines). */
static void long_names(void **state)
{
	(void)state;
	expect_sql("createTable",
		   "['t_forty_characters_long_name_abcdefghijk', {column_of_forty_characters_long_abcdefg: {type: 'integer', unique: true}}]",
		   "CREATE TABLE `t_forty_characters_long_name_abcdefghijk` (\n"
		   "  `column_of_forty_characters_long_abcdefg` INT,\n"
		   "  CONSTRAINT `t_forty_characters_long_name__column_of_forty_characters_lo_key` UNIQUE (`column_of_forty_characters_long_abcdefg`)\n"
		   ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;");
	expect_sql("dropConstraint",
		   "['t_forty_characters_long_name_abcdefghijk', 't_forty_characters_long_name__column_of_forty_characters_lo_key']",
		   "ALTER TABLE `t_forty_characters_long_name_abcdefghijk` DROP INDEX `t_forty_characters_long_name__column_of_forty_characters_lo_key`;");
	expect_sql("createIndex",
		   "['t_forty_characters_long_name_abcdefghijk', 'column_of_forty_characters_long_abcdefg']",
		   "CREATE INDEX `t_forty_characters_long_name_abcdefghijk_column_of_forty_charac` ON"
		   " `t_forty_characters_long_name_abcdefghijk` (`column_of_forty_characters_long_abcdefg`);");
	assert_true(noticed("will be truncated to"));
}

/* The server refuses a CHECK on a column a foreign key's action uses:
 * MySQL 8 any action (error 3823, the auth system's user_connections),
 * MariaDB one that writes the column (error 1901: SET NULL, ON UPDATE
 * CASCADE). Such a CHECK becomes two triggers. No MySQL 8 here: its text
 * is checked; MariaDB's runs. */
static void checks_next_to_fk_actions(void **state)
{
	(void)state;
	static const char args[] = "['links', {id: 'id', a: {type: 'integer', notNull: true, references: 'parents', onDelete: 'CASCADE'},"
				   " b: {type: 'integer', references: 'parents', onDelete: 'SET NULL'}, n: 'integer'},"
				   " {constraints: {check: ['a > 0', 'a <> b', 'n > 0']}}]";
	run_op("createTable", "['parents', {id: 'id'}]");
	/* MySQL 8: the checks on a (CASCADE) and on b (SET NULL) both go */
	const char *flavour = conn->server.flavour;
	conn->server.flavour = "mysql";
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit("createTable", args, &steps);
	conn->server.flavour = flavour;
	assert_int_equal(rc, 0);
	assert_int_equal(steps.n, 1);
	assert_int_equal(steps.v[0].n, 5);
	assert_null(strstr(steps.v[0].text, "CHECK (a > 0)"));
	assert_null(strstr(steps.v[0].text, "CHECK (a <> b)"));
	assert_non_null(strstr(steps.v[0].text, "CONSTRAINT `links_chck_3` CHECK (n > 0)"));
	assert_non_null(strstr(steps.v[0].text, "CREATE TRIGGER `links_chck_1_ins` BEFORE INSERT ON `links`"));
	mig_steps_free(&steps);
	mig_catalog_dispose(&cat);
	mig_catalog_init(&cat, NULL);
	xok("DROP TABLE parents");
	run_op("createTable", "['parents', {id: 'id'}]");
	/* MariaDB: only the check on b (SET NULL) goes */
	steps = (mig_steps)MIG_STEPS_INIT;
	assert_int_equal(emit("createTable", args, &steps), 0);
	const mig_step *st = &steps.v[0];
	assert_int_equal(st->n, 3);
	assert_non_null(strstr(st->text, "CONSTRAINT `links_chck_1` CHECK (a > 0)"));
	assert_null(strstr(st->text, "CHECK (a <> b)"));
	assert_true(noticed("CHECK links_chck_2 of table links is enforced by triggers"));
	char *ins = mig_step_stmt(st, 1);
	assert_string_equal(ins, "CREATE TRIGGER `links_chck_2_ins` BEFORE INSERT ON `links` FOR EACH ROW\n"
				 "BEGIN\n  IF NOT (NEW.`a` <> NEW.`b`) THEN\n"
				 "    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Check constraint ''links_chck_2'' is violated.';\n"
				 "  END IF;\nEND;");
	mig__free(ins);
	run_steps(&steps);
	mig_steps_free(&steps);
	xok("INSERT INTO parents VALUES (1), (2)");
	xok("INSERT INTO links (a, b, n) VALUES (1, 2, 1), (1, NULL, 1)");
	assert_int_not_equal(x(conn, "INSERT INTO links (a, b, n) VALUES (2, 2, 1)"), 0);
	assert_non_null(strstr(mig_error_last()->message, "(23000): Check constraint 'links_chck_2' is violated."));
	assert_int_not_equal(x(conn, "UPDATE links SET b = 1 WHERE b = 2"), 0);
	mig_error_clear();
	/* the actions still run: deleting parent 2 nulls b, deleting 1 takes both rows */
	xok("DELETE FROM parents WHERE id = 2");
	expect_q("SELECT count(*) FROM links WHERE b IS NULL", "2");
	xok("DELETE FROM parents WHERE id = 1");
	expect_q("SELECT count(*) FROM links", "0");
}

/* The same CHECKs added by addConstraint after the table exists (the
 * auth migration names its CHECKs that way): the foreign keys are read
 * from the table as it is, and a CHECK the server would refuse becomes
 * the two triggers; one it accepts stays an ALTER TABLE ... ADD. */
static void checks_added_next_to_fk_actions(void **state)
{
	(void)state;
	run_op("createTable", "['parents', {id: 'id'}]");
	run_op("createTable", "['links', {id: 'id', a: {type: 'integer', notNull: true, references: 'parents', onDelete: 'CASCADE'},"
			      " b: {type: 'integer', references: 'parents', onDelete: 'SET NULL'}, n: 'integer'}]");
	/* MySQL 8: a CHECK on a (CASCADE) becomes triggers */
	const char *flavour = conn->server.flavour;
	conn->server.flavour = "mysql";
	mig_steps steps = MIG_STEPS_INIT;
	int rc = emit("addConstraint", "['links', 'links_a_chk', {check: 'a > 0'}]", &steps);
	conn->server.flavour = flavour;
	assert_int_equal(rc, 0);
	assert_int_equal(steps.n, 1);
	assert_int_equal(steps.v[0].n, 2);
	assert_null(strstr(steps.v[0].text, "ALTER TABLE"));
	assert_non_null(strstr(steps.v[0].text, "CREATE TRIGGER `links_a_chk_ins` BEFORE INSERT ON `links`"));
	assert_non_null(strstr(steps.v[0].text, "IF NOT (NEW.`a` > 0) THEN"));
	mig_steps_free(&steps);
	/* MariaDB keeps that one next to ON DELETE CASCADE ... */
	expect_sql("addConstraint", "['links', 'links_a_chk', {check: 'a > 0'}]",
		   "ALTER TABLE `links` ADD CONSTRAINT `links_a_chk` CHECK (a > 0);");
	expect_sql("addConstraint", "['links', 'links_n_chk', {check: 'n > 0'}]",
		   "ALTER TABLE `links` ADD CONSTRAINT `links_n_chk` CHECK (n > 0);");
	/* ... and refuses one on b (SET NULL): triggers */
	steps = (mig_steps)MIG_STEPS_INIT;
	assert_int_equal(emit("addConstraint", "['links', 'links_not_same_chk', {check: 'a <> b'}]", &steps), 0);
	assert_int_equal(steps.n, 1);
	assert_int_equal(steps.v[0].n, 2);
	assert_null(strstr(steps.v[0].text, "ALTER TABLE"));
	assert_true(noticed("CHECK links_not_same_chk of table links is enforced by triggers"));
	char *upd = mig_step_stmt(&steps.v[0], 1);
	assert_string_equal(upd, "CREATE TRIGGER `links_not_same_chk_upd` BEFORE UPDATE ON `links` FOR EACH ROW\n"
				 "BEGIN\n  IF NOT (NEW.`a` <> NEW.`b`) THEN\n"
				 "    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Check constraint ''links_not_same_chk'' is violated.';\n"
				 "  END IF;\nEND;");
	mig__free(upd);
	run_steps(&steps);
	mig_steps_free(&steps);
	/* the server enforces all three; the actions still run */
	xok("INSERT INTO parents VALUES (1), (2)");
	xok("INSERT INTO links (a, b, n) VALUES (1, 2, 1), (1, NULL, 1)");
	assert_int_not_equal(x(conn, "INSERT INTO links (a, b, n) VALUES (2, 2, 1)"), 0);
	assert_non_null(strstr(mig_error_last()->message, "(23000): Check constraint 'links_not_same_chk' is violated."));
	assert_int_not_equal(x(conn, "UPDATE links SET b = 1 WHERE b = 2"), 0);
	assert_int_not_equal(x(conn, "INSERT INTO links (a, b, n) VALUES (1, 2, 0)"), 0);
	assert_non_null(strstr(mig_error_last()->message, "links_n_chk"));
	mig_error_clear();
	xok("DELETE FROM parents WHERE id = 2");
	expect_q("SELECT count(*) FROM links WHERE b IS NULL", "2");
	/* nothing to add at all is still an error */
	expect_fail("addConstraint", "['links', 'links_x', {}]", MIG_EINPUT, "No constraint options provided for addConstraint");
}

int main(void)
{
	server_url = test_mysql_server();
	if (!server_url)
		return test_mysql_ci() ? 1 : 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(auth_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(types_and_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(alter_column, setup, teardown),
		cmocka_unit_test_setup_teardown(columns_and_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(indexes, setup, teardown),
		cmocka_unit_test_setup_teardown(enum_types, setup, teardown),
		cmocka_unit_test_setup_teardown(views, setup, teardown),
		cmocka_unit_test_setup_teardown(live_enums, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(long_names, setup, teardown),
		cmocka_unit_test_setup_teardown(checks_next_to_fk_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(checks_added_next_to_fk_actions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

#else /* !MIG_HAVE_MYSQL */

int main(void)
{
	fprintf(stderr, "SKIP: this build has no MySQL/MariaDB driver\n");
	return 77;
}

#endif
