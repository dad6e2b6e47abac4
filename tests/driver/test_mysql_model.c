/*
 * The MySQL/MariaDB reader (dialects/mysql/mysql_catalog.c) against the
 * server in MIG_TEST_MYSQL_URL (tests/ci/mysql-up.sh): tables made by
 * hand-written DDL in a scratch database, read through a live catalog as
 * the runner opens one, and checked part by part and as one detailed
 * dump. Without a server the test is skipped (exit 77), or fails when CI
 * is set.
 *
 * The expected model is what mysql_model.c's applier must build for the
 * same tables (the conventions are in mysql_model.c's and
 * mysql_catalog.c's headers); test_model.c compares the two on whole
 * migration histories.
 */
#include "test_support.h"
#include "mysql_support.h"
#include "driver_support.h"

#include "dialects/common/model.h"
#include "dialects/dialect.h"
#include "engine/catalog.h"
#include "mig_features.h"
#include "util/alloc.h"

#include <time.h>

#if MIG_HAVE_MYSQL

static const char *server_url;
static char *scratch_url;
static char scratch_name[40];

static const char *const ddl[] = {
	"CREATE TABLE parent (id int AUTO_INCREMENT PRIMARY KEY, code char(36) NOT NULL,"
	" UNIQUE KEY parent_code_key (code)) COMMENT='the parents'",
	"CREATE TABLE pair (a int NOT NULL, b bigint NOT NULL, PRIMARY KEY (a, b))",
	"CREATE TABLE child ("
	" id bigint NOT NULL AUTO_INCREMENT,"
	" parent_id int,"
	" other_id int,"
	" qty int NOT NULL DEFAULT 0,"
	" pa int, pb bigint,"
	" status varchar(20) NOT NULL DEFAULT 'active' COMMENT 'the state',"
	" note text DEFAULT ('x''y\\\\z'),"
	" body longtext DEFAULT (concat('a', 'b')),"
	" amount decimal(10,2) DEFAULT 0.00,"
	" flag tinyint(1) NOT NULL DEFAULT 1,"
	" created datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
	" touched timestamp(6) NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP(6),"
	" nul int DEFAULT NULL,"
	" data longblob,"
	" doc json,"
	" name_bin varchar(50) COLLATE utf8mb4_bin,"
	" g int AS (qty * 2) VIRTUAL,"
	" gs int AS (qty + 1) STORED,"
	" colchk int CHECK (colchk > 0),"
	" PRIMARY KEY (id),"
	" CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,"
	" CONSTRAINT child_other_fkey FOREIGN KEY (other_id) REFERENCES parent (id) ON DELETE SET NULL ON UPDATE CASCADE,"
	" FOREIGN KEY (pa, pb) REFERENCES pair (a, b),"
	" CONSTRAINT child_na FOREIGN KEY (pa) REFERENCES parent (id) ON DELETE NO ACTION ON UPDATE RESTRICT,"
	" CONSTRAINT child_amount_check CHECK (amount >= 0),"
	" CONSTRAINT child_status_u UNIQUE (status, other_id))",
	"CREATE INDEX child_created_index ON child (created)",
	"CREATE INDEX child_qty_flag_index ON child (qty, flag DESC)",
	"CREATE UNIQUE INDEX child_name_u ON child (name_bin(10), flag)",
	/* an index of its own on a foreign key's column: InnoDB then makes
	 * none for the key, and the index is the operation's */
	"CREATE TABLE leaf (id int PRIMARY KEY, parent_id int NOT NULL, INDEX leaf_parent_id_index (parent_id),"
	" CONSTRAINT leaf_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent (id))",
	"CREATE VIEW active_children AS SELECT c.id, c.status, 'a`b' AS q FROM child c WHERE c.status = 'active'",
	/* the bookkeeping tables: the state table is read, the others are not */
	"CREATE TABLE pgmigrations (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(255) NOT NULL,"
	" run_on datetime(6) NOT NULL)",
	"CREATE TABLE pgmigrations_lock (id int PRIMARY KEY)",
	"CREATE TABLE pgmigrations_journal (name varchar(255) PRIMARY KEY)",
	"CREATE TABLE pgmigrations_enums (type_name varchar(255) NOT NULL, position int NOT NULL,"
	" value varchar(255) NOT NULL, PRIMARY KEY (type_name, position))",
	"INSERT INTO pgmigrations_enums VALUES ('mood', 2, 'happy'), ('mood', 1, 'sad'), ('size', 1, 'it''s')",
};

static void xok(mig_conn *c, const char *sql)
{
	if (x(c, sql) != 0)
		fail_msg("%s: %s", sql, mig_error_last()->message);
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(scratch_name, sizeof(scratch_name), "mig_mdl_%ld_%d", (long)time(NULL) % 100000, (int)getpid());
	if (scratch_db_create(server_url, scratch_name, " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", &scratch_url))
		return -1;
	mig_conn *c = open_url(scratch_url, NULL);
	for (size_t i = 0; i < sizeof(ddl) / sizeof(ddl[0]); i++)
		xok(c, ddl[i]);
	ops(c)->close(c);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	scratch_db_drop(server_url, scratch_name, "", &scratch_url);
	return 0;
}

/* A live catalog on the scratch database, as the runner opens one. */
typedef struct live {
	mig_conn *conn;
	mig_live_source src;
	mig_catalog cat;
	mig_state_names names;
} live;

static void live_open(live *l, const char *schema)
{
	l->conn = open_url(scratch_url, NULL);
	l->names = (mig_state_names){.schema = schema, .table = "pgmigrations"};
	mig_catalog_init_live(&l->cat, &l->src, l->conn, mig_dialect_find("mysql"), &l->names);
}

static void live_close(live *l)
{
	mig_catalog_dispose(&l->cat);
	ops(l->conn)->close(l->conn);
}

static const mig_mtable *table(live *l, const char *name)
{
	const mig_mtable *t = NULL;
	if (mig_catalog_table(&l->cat, name, &t) != 0)
		fail_msg("reading %s: %s", name, mig_error_last()->message);
	return t;
}

static const mig_mcolumn *col(const mig_mtable *t, const char *name)
{
	const mig_mcolumn *c = mig_mtable_col(t, name);
	if (!c)
		fail_msg("%s has no column %s", t->name, name);
	return c;
}

/* A column's parts as "body | body | ...". */
static void assert_column(const mig_mtable *t, const char *name, const char *type, const char *parts, const char *comment)
{
	const mig_mcolumn *c = col(t, name);
	assert_string_equal(c->type, type);
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < c->parts.n; i++) {
		assert_null(c->parts.v[i].name);
		mig_str_printf(&s, "%s%s", i ? " | " : "", c->parts.v[i].body);
	}
	if (strcmp(mig_str_cstr(&s), parts) != 0)
		fail_msg("%s.%s: parts '%s', not '%s'", t->name, name, mig_str_cstr(&s), parts);
	mig_str_free(&s);
	if (comment)
		assert_string_equal(c->comment, comment);
	else
		assert_null(c->comment);
}

static const mig_part *part(const mig_mtable *t, enum mig_part_kind kind, const char *name, const char *body)
{
	for (size_t i = 0; i < t->parts.n; i++) {
		const mig_part *g = &t->parts.v[i];
		if (g->kind == kind && g->name && strcmp(g->name, name) == 0) {
			assert_string_equal(g->body, body);
			return g;
		}
	}
	fail_msg("%s has no part %s", t->name, name);
	return NULL;
}

static void assert_names(const mig_strv *v, const char *joined)
{
	mig_str s = MIG_STR_INIT;
	for (size_t i = 0; i < v->n; i++)
		mig_str_printf(&s, "%s%s", i ? "," : "", v->v[i]);
	assert_string_equal(mig_str_cstr(&s), joined);
	mig_str_free(&s);
}

static void test_columns(void **state)
{
	(void)state;
	live l;
	live_open(&l, NULL);
	const mig_mtable *t = table(&l, "child");
	assert_non_null(t);
	assert_int_equal(t->ncols, 20);
	assert_column(t, "id", "bigint(20)", "NOT NULL | AUTO_INCREMENT", NULL);
	assert_column(t, "parent_id", "int(11)", "", NULL);
	assert_column(t, "qty", "int(11)", "NOT NULL | DEFAULT 0", NULL);
	assert_column(t, "status", "varchar(20)", "NOT NULL | DEFAULT 'active'", "the state");
	/* MariaDB quotes a text default its own way: \' and \\ */
	assert_column(t, "note", "text", "DEFAULT 'x\\'y\\\\z'", NULL);
	assert_column(t, "body", "longtext", "DEFAULT concat('a','b')", NULL);
	assert_column(t, "amount", "decimal(10,2)", "DEFAULT 0.00", NULL);
	assert_column(t, "flag", "tinyint(1)", "NOT NULL | DEFAULT 1", NULL);
	assert_column(t, "created", "datetime(6)", "NOT NULL | DEFAULT current_timestamp(6)", NULL);
	/* DEFAULT NULL is no default; ON UPDATE stays with the default clause */
	assert_column(t, "touched", "timestamp(6)", "ON UPDATE current_timestamp(6)", NULL);
	assert_column(t, "nul", "int(11)", "", NULL);
	assert_column(t, "data", "longblob", "", NULL);
	/* MariaDB's JSON: longtext, utf8mb4_bin and json_valid() read as json */
	assert_column(t, "doc", "json", "", NULL);
	assert_column(t, "name_bin", "varchar(50)", "COLLATE utf8mb4_bin", NULL);
	assert_column(t, "g", "int(11)", "GENERATED ALWAYS AS (`qty` * 2) VIRTUAL", NULL);
	assert_column(t, "gs", "int(11)", "GENERATED ALWAYS AS (`qty` + 1) STORED", NULL);
	assert_column(t, "colchk", "int(11)", "", NULL);
	assert_int_equal(mig_parts_find(&col(t, "id")->parts, MIG_PART_IDENTITY)->kind, MIG_PART_IDENTITY);
	assert_non_null(mig_parts_find(&col(t, "status")->parts, MIG_PART_NOT_NULL));
	assert_non_null(mig_parts_find(&col(t, "created")->parts, MIG_PART_DEFAULT));
	assert_non_null(mig_parts_find(&col(t, "name_bin")->parts, MIG_PART_COLLATE));
	assert_non_null(mig_parts_find(&col(t, "gs")->parts, MIG_PART_GENERATED));
	assert_null(t->options);

	const mig_mtable *p = table(&l, "parent");
	assert_column(p, "id", "int(11)", "NOT NULL | AUTO_INCREMENT", NULL);
	/* the table's own collation is no part */
	assert_column(p, "code", "char(36)", "NOT NULL", NULL);
	assert_string_equal(p->options, "COMMENT='the parents'");
	/* names compare case-insensitively */
	assert_ptr_equal(table(&l, "PARENT"), p);
	live_close(&l);
}

static void test_constraints(void **state)
{
	(void)state;
	live l;
	live_open(&l, NULL);
	const mig_mtable *t = table(&l, "child");
	/* PRIMARY, UNIQUE, FOREIGN, CHECK; each kind by name */
	static const enum mig_part_kind order[] = {MIG_PART_PRIMARY, MIG_PART_UNIQUE,  MIG_PART_UNIQUE,
						   MIG_PART_FOREIGN, MIG_PART_FOREIGN, MIG_PART_FOREIGN,
						   MIG_PART_FOREIGN, MIG_PART_CHECK,   MIG_PART_CHECK};
	assert_int_equal(t->parts.n, sizeof(order) / sizeof(order[0]));
	for (size_t i = 0; i < t->parts.n; i++)
		assert_int_equal(t->parts.v[i].kind, order[i]);

	const mig_part *g = part(t, MIG_PART_PRIMARY, "child_pkey", "PRIMARY KEY (`id`)");
	assert_names(&g->columns, "id");
	g = part(t, MIG_PART_UNIQUE, "child_status_u", "UNIQUE (`status`, `other_id`)");
	assert_names(&g->columns, "status,other_id");
	/* a unique index is a UNIQUE constraint to MySQL */
	g = part(t, MIG_PART_UNIQUE, "child_name_u", "UNIQUE (`name_bin`(10), `flag`)");
	assert_names(&g->columns, "name_bin,flag");

	g = part(t, MIG_PART_FOREIGN, "child_parent_fkey",
		 "FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT");
	assert_names(&g->columns, "parent_id");
	assert_string_equal(g->ref_table, "parent");
	assert_names(&g->ref_columns, "id");
	assert_string_equal(g->on_delete, "CASCADE");
	assert_string_equal(g->on_update, "RESTRICT");
	g = part(t, MIG_PART_FOREIGN, "child_other_fkey",
		 "FOREIGN KEY (`other_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL ON UPDATE CASCADE");
	assert_string_equal(g->on_delete, "SET NULL");
	assert_string_equal(g->on_update, "CASCADE");
	/* no action given: MariaDB says RESTRICT, and so does the model (the
	 * emitter says NO ACTION when none is given, which reads as NULL) */
	g = part(t, MIG_PART_FOREIGN, "child_ibfk_1",
		 "FOREIGN KEY (`pa`, `pb`) REFERENCES `pair` (`a`, `b`) ON DELETE RESTRICT ON UPDATE RESTRICT");
	assert_names(&g->columns, "pa,pb");
	assert_string_equal(g->ref_table, "pair");
	assert_names(&g->ref_columns, "a,b");
	assert_string_equal(g->on_delete, "RESTRICT");
	assert_string_equal(g->on_update, "RESTRICT");
	g = part(t, MIG_PART_FOREIGN, "child_na", "FOREIGN KEY (`pa`) REFERENCES `parent` (`id`) ON UPDATE RESTRICT");
	assert_null(g->on_delete);
	assert_string_equal(g->on_update, "RESTRICT");

	part(t, MIG_PART_CHECK, "child_amount_check", "CHECK (`amount` >= 0)");
	/* a column's check is a named table part too */
	part(t, MIG_PART_CHECK, "colchk", "CHECK (`colchk` > 0)");

	const mig_mtable *pair = table(&l, "pair");
	g = part(pair, MIG_PART_PRIMARY, "pair_pkey", "PRIMARY KEY (`a`, `b`)");
	assert_names(&g->columns, "a,b");
	assert_column(pair, "a", "int(11)", "NOT NULL", NULL);
	live_close(&l);
}

static void test_indexes(void **state)
{
	(void)state;
	live l;
	live_open(&l, NULL);
	const mig_mtable *t = table(&l, "child");
	/* not the keys' indexes, nor those InnoDB made for child_parent_fkey,
	 * child_other_fkey and the unnamed key on (pa, pb) */
	assert_int_equal(t->nobjs, 2);
	const mig_mobject *o = mig_mtable_obj(t, "index", "child_created_index");
	assert_non_null(o);
	assert_false(o->unique);
	assert_false(o->partial);
	assert_string_equal(o->sql, "CREATE INDEX `child_created_index` ON `child` (`created`)");
	assert_names(&o->columns, "created");
	o = mig_mtable_obj(t, "index", "child_qty_flag_index");
	assert_non_null(o);
	assert_string_equal(o->sql, "CREATE INDEX `child_qty_flag_index` ON `child` (`qty`, `flag` DESC)");
	assert_names(&o->columns, "qty,flag");

	/* an index of the migrations' own on a foreign key's column stays */
	const mig_mtable *leaf = table(&l, "leaf");
	assert_int_equal(leaf->nobjs, 1);
	assert_non_null(mig_mtable_obj(leaf, "index", "leaf_parent_id_index"));
	live_close(&l);
}

static void test_missing_and_bookkeeping(void **state)
{
	(void)state;
	live l;
	live_open(&l, NULL);
	assert_null(table(&l, "nope"));
	/* a view is not a table */
	assert_null(table(&l, "active_children"));
	assert_null(table(&l, "pgmigrations_lock"));
	assert_null(table(&l, "pgmigrations_journal"));
	assert_null(table(&l, "pgmigrations_enums"));
	assert_non_null(table(&l, "pgmigrations"));
	const mig_menum *e = NULL;
	assert_int_equal(mig_catalog_enum(&l.cat, "mood", &e), 0);
	assert_non_null(e);
	assert_names(&e->values, "sad,happy");
	live_close(&l);

	/* the direct call: *found */
	mig_conn *c = open_url(scratch_url, NULL);
	mig_live_source src;
	mig_catalog cat;
	mig_catalog_init_live(&cat, &src, c, mig_dialect_find("mysql"), NULL);
	mig_model m = MIG_MODEL_INIT;
	bool found = true;
	assert_int_equal(mig_dialect_find("mysql")->introspect(&src.io, MIG_INTROSPECT_TABLE, "nope", &m, &found), 0);
	assert_false(found);
	assert_int_equal(m.ntables, 0);
	assert_int_equal(mig_dialect_find("mysql")->introspect(&src.io, MIG_INTROSPECT_TABLE, "leaf", &m, &found), 0);
	assert_true(found);
	assert_int_equal(m.ntables, 1);
	/* read again: the table is replaced, and still found */
	assert_int_equal(mig_dialect_find("mysql")->introspect(&src.io, MIG_INTROSPECT_TABLE, "leaf", &m, &found), 0);
	assert_true(found);
	assert_int_equal(m.ntables, 1);
	assert_int_equal(m.tables[0]->ncols, 2);
	mig_model_dispose(&m);
	mig_catalog_dispose(&cat);

	/* the state table elsewhere: its bookkeeping tables are not these */
	live_open(&l, "elsewhere");
	assert_non_null(table(&l, "pgmigrations_lock"));
	assert_int_equal(mig_catalog_enum(&l.cat, "mood", &e), 0);
	assert_null(e);
	live_close(&l);
	ops(c)->close(c);
}

/* The whole schema in detail, a table at a time (checked by eye once). */
static const char *const expected_dump[] = {
	"table child\n"
	"  column id int notnull default=auto\n"
	"    type bigint(20)\n"
	"    NOT NULL\n"
	"    AUTO_INCREMENT\n"
	"  column parent_id int null default=none\n"
	"    type int(11)\n"
	"  column other_id int null default=none\n"
	"    type int(11)\n"
	"  column qty int notnull default=literal:0\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"    DEFAULT 0\n"
	"  column pa int null default=none\n"
	"    type int(11)\n"
	"  column pb int null default=none\n"
	"    type bigint(20)\n"
	"  column status text notnull default=literal:active\n"
	"    type varchar(20)\n"
	"    NOT NULL\n"
	"    DEFAULT 'active'\n"
	"  column note text null default=literal:x\\\n"
	"    type text\n"
	"    DEFAULT 'x\\'y\\\\z'\n"
	"  column body text null default=literal:concat('a','b')\n"
	"    type longtext\n"
	"    DEFAULT concat('a','b')\n"
	"  column amount numeric null default=literal:0.00\n"
	"    type decimal(10,2)\n"
	"    DEFAULT 0.00\n"
	"  column flag int notnull default=literal:1\n"
	"    type tinyint(1)\n"
	"    NOT NULL\n"
	"    DEFAULT 1\n"
	"  column created text notnull default=now\n"
	"    type datetime(6)\n"
	"    NOT NULL\n"
	"    DEFAULT current_timestamp(6)\n"
	"  column touched text null default=literal:ON UPDATE current_timestamp(6)\n"
	"    type timestamp(6)\n"
	"    ON UPDATE current_timestamp(6)\n"
	"  column nul int null default=none\n"
	"    type int(11)\n"
	"  column data blob null default=none\n"
	"    type longblob\n"
	"  column doc text null default=none\n"
	"    type json\n"
	"  column name_bin text null default=none\n"
	"    type varchar(50)\n"
	"    COLLATE utf8mb4_bin\n"
	"  column g int null default=none\n"
	"    type int(11)\n"
	"    GENERATED ALWAYS AS (`qty` * 2) VIRTUAL\n"
	"  column gs int null default=none\n"
	"    type int(11)\n"
	"    GENERATED ALWAYS AS (`qty` + 1) STORED\n"
	"  column colchk int null default=none\n"
	"    type int(11)\n"
	"  primary key (id)\n"
	"  child_pkey: PRIMARY KEY (`id`)\n"
	"  child_name_u: UNIQUE (`name_bin`(10), `flag`)\n"
	"  child_status_u: UNIQUE (`status`, `other_id`)\n"
	"  child_ibfk_1: FOREIGN KEY (`pa`, `pb`) REFERENCES `pair` (`a`, `b`) ON DELETE RESTRICT ON UPDATE RESTRICT\n"
	"  child_na: FOREIGN KEY (`pa`) REFERENCES `parent` (`id`) ON UPDATE RESTRICT\n"
	"  child_other_fkey: FOREIGN KEY (`other_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL ON UPDATE CASCADE\n"
	"  child_parent_fkey: FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT\n"
	"  child_amount_check: CHECK (`amount` >= 0)\n"
	"  colchk: CHECK (`colchk` > 0)\n"
	"  index child_created_index (created)\n"
	"  index child_qty_flag_index (qty, flag)\n"
	"  unique constraint child_name_u (name_bin, flag)\n"
	"  unique constraint child_status_u (status, other_id)\n"
	"  fk (other_id) -> parent(id) delete=SET NULL update=CASCADE\n"
	"  fk (pa) -> parent(id) delete=NO ACTION update=RESTRICT\n"
	"  fk (pa, pb) -> pair(a, b) delete=RESTRICT update=RESTRICT\n"
	"  fk (parent_id) -> parent(id) delete=CASCADE update=RESTRICT\n"
	"  checks: child_amount_check, colchk\n"
	"  foreign key names: child_ibfk_1, child_na, child_other_fkey, child_parent_fkey\n"
	"  index child_created_index: CREATE INDEX `child_created_index` ON `child` (`created`)\n"
	"  index child_qty_flag_index: CREATE INDEX `child_qty_flag_index` ON `child` (`qty`, `flag` DESC)\n",
	"table leaf\n"
	"  column id int notnull default=none\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"  column parent_id int notnull default=none\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"  primary key (id)\n"
	"  leaf_pkey: PRIMARY KEY (`id`)\n"
	"  leaf_parent_fkey: FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE RESTRICT ON UPDATE RESTRICT\n"
	"  index leaf_parent_id_index (parent_id)\n"
	"  fk (parent_id) -> parent(id) delete=RESTRICT update=RESTRICT\n"
	"  checks: \n"
	"  foreign key names: leaf_parent_fkey\n"
	"  index leaf_parent_id_index: CREATE INDEX `leaf_parent_id_index` ON `leaf` (`parent_id`)\n",
	"table pair\n"
	"  column a int notnull default=none\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"  column b int notnull default=none\n"
	"    type bigint(20)\n"
	"    NOT NULL\n"
	"  primary key (a, b)\n"
	"  pair_pkey: PRIMARY KEY (`a`, `b`)\n"
	"  checks: \n"
	"  foreign key names: \n",
	"table parent\n"
	"  column id int notnull default=auto\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"    AUTO_INCREMENT\n"
	"  column code text notnull default=none\n"
	"    type char(36)\n"
	"    NOT NULL\n"
	"  primary key (id)\n"
	"  parent_pkey: PRIMARY KEY (`id`)\n"
	"  parent_code_key: UNIQUE (`code`)\n"
	"  options COMMENT='the parents'\n"
	"  unique constraint parent_code_key (code)\n"
	"  checks: \n"
	"  foreign key names: \n",
	"table pgmigrations\n"
	"  column id int notnull default=auto\n"
	"    type int(11)\n"
	"    NOT NULL\n"
	"    AUTO_INCREMENT\n"
	"  column name text notnull default=none\n"
	"    type varchar(255)\n"
	"    NOT NULL\n"
	"  column run_on text notnull default=none\n"
	"    type datetime(6)\n"
	"    NOT NULL\n"
	"  primary key (id)\n"
	"  pgmigrations_pkey: PRIMARY KEY (`id`)\n"
	"  checks: \n"
	"  foreign key names: \n",
	"enum mood: sad, happy\n"
	"enum size: it's\n"
	"view active_children: select `c`.`id` AS `id`,`c`.`status` AS `status`,'a`b' AS `q` from `child` `c` where `c`.`status` = 'active'\n",
};

static void test_dump(void **state)
{
	(void)state;
	live l;
	live_open(&l, NULL);
	const mig_model *m = NULL;
	if (mig_catalog_schema(&l.cat, &m) != 0)
		fail_msg("introspection failed: %s", mig_error_last()->message);
	mig_str s = MIG_STR_INIT, want = MIG_STR_INIT;
	assert_int_equal(mig_model_dump(m, MIG_DUMP_DETAIL, &s), 0);
	for (size_t i = 0; i < sizeof(expected_dump) / sizeof(expected_dump[0]); i++)
		mig_str_puts(&want, expected_dump[i]);
	if (strcmp(mig_str_cstr(&s), mig_str_cstr(&want)) != 0) {
		fprintf(stderr, "introspected:\n%s\n", mig_str_cstr(&s));
		fail_msg("the detailed dump differs");
	}
	mig_str_free(&s);
	mig_str_free(&want);
	live_close(&l);
}

int main(void)
{
	server_url = test_mysql_server();
	if (!server_url)
		return test_mysql_ci() ? 1 : 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_constraints),
		cmocka_unit_test(test_indexes),
		cmocka_unit_test(test_missing_and_bookkeeping),
		cmocka_unit_test(test_dump),
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
