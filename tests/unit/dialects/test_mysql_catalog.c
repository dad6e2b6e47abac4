/*
 * The MySQL/MariaDB reader (dialects/mysql/mysql_catalog.c) without a
 * server: information_schema answered from canned rows in MySQL 8's
 * forms, which the MariaDB of the driver tests (test_mysql_model.c) does
 * not give (bare defaults with DEFAULT_GENERATED, functional key parts,
 * checks named per schema, a native json type), what it asks (quoted
 * literals, the flavour's columns only), no database selected, and every
 * allocation failing in turn.
 */
#include "test_support.h"

#include "dialects/dialect.h"
#include "util/alloc.h"

/* One canned answer: the query containing `match` gets these rows. */
typedef struct answer {
	const char *match;
	size_t ncols;
	const char *const *cells; /* nrows * ncols, NULL for SQL NULL */
	size_t nrows;
} answer;

typedef struct script {
	const answer *answers;
	size_t n;
	mig_str log; /* every query, one a line */
	bool quiet;  /* no log: every allocation is then the reader's */
} script;

static int scripted(void *ud, const char *sql, mig_rows **out)
{
	script *s = ud;
	if (!s->quiet)
		mig_str_printf(&s->log, "%s\n", sql);
	for (size_t i = 0; i < s->n; i++) {
		const answer *a = &s->answers[i];
		if (!strstr(sql, a->match))
			continue;
		mig_rows *rows = mig_rows_new(a->ncols);
		for (size_t r = 0; rows && r < a->nrows; r++)
			if (mig_rows_add(rows, a->cells + r * a->ncols)) {
				mig_rows_free(rows);
				rows = NULL;
			}
		if (!rows)
			return mig_error_oom();
		*out = rows;
		return 0;
	}
	return mig_error_set(MIG_ESQL, "unexpected query: %s", sql);
}

static const char *const server8[] = {"app", "8.0.36", "1", "0", "1"};
static const char *const tables8[] = {"t", "BASE TABLE", "", "u", "BASE TABLE", "it's \\ theirs"};
static const char *const columns8[] = {
	/* table, name, type, nullable, default, extra, generation, collation, comment */
	"t", "id", "int", "NO", NULL, "auto_increment", "", NULL, "",
	"t", "s", "varchar(10)", "YES", "it's", "", "", NULL, "",
	"t", "n", "int", "NO", "0", "", "", NULL, "",
	"t", "b", "bit(1)", "YES", "b'1'", "", "", NULL, "",
	"t", "ts", "timestamp", "YES", "CURRENT_TIMESTAMP", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP", "", NULL, "",
	"t", "k", "varchar(36)", "YES", "uuid()", "DEFAULT_GENERATED", "", NULL, "",
	"t", "d", "varchar(5)", "YES", NULL, "", "", NULL, "",
	"t", "j", "json", "YES", NULL, "", "", NULL, "",
	"t", "g", "int", "YES", NULL, "VIRTUAL GENERATED", "`n` + 1", NULL, "",
	"u", "id", "int", "NO", NULL, "", "", NULL, "",
};
static const char *const keys8[] = {
	/* table, index, non_unique, column, sub_part, type, collation, comment, expression */
	"t", "PRIMARY", "0", "id", NULL, "BTREE", "A", "", NULL,
	"t", "t_lower", "1", NULL, NULL, "BTREE", "A", "the lower", "lower(`s`)",
	"t", "t_s_fulltext", "1", "s", NULL, "FULLTEXT", NULL, "", NULL,
	"u", "PRIMARY", "0", "id", NULL, "BTREE", "A", "", NULL,
};
static const char *const checks8[] = {"t", "t_n_check", "(`n` >= 0)"};
static const char *const none[] = {"0"};

static const answer mysql8[] = {
	{"VERSION()", 5, server8, 1},
	{"COUNT(*) FROM information_schema.TABLES", 1, none, 1},
	{"information_schema.COLUMNS c", 9, columns8, sizeof(columns8) / sizeof(columns8[0]) / 9},
	{"FROM information_schema.TABLES", 3, tables8, 2},
	{"information_schema.STATISTICS", 9, keys8, sizeof(keys8) / sizeof(keys8[0]) / 9},
	{"KEY_COLUMN_USAGE", 8, NULL, 0},
	{"CHECK_CONSTRAINTS k", 3, checks8, 1},
	{"information_schema.VIEWS", 2, NULL, 0},
};

/* MariaDB's forms: SQL defaults, JSON as a checked longtext, views
 * qualified with the database, foreign keys with InnoDB's own index. */
static const char *const server10[] = {"app", "10.11.6-MariaDB-0+deb12u1", "1", "1", "0"};
static const char *const tables10[] = {"p", "BASE TABLE", "", "c", "BASE TABLE", ""};
static const char *const columns10[] = {
	"c", "id", "int(11)", "NO", NULL, "", NULL, NULL, "",
	"c", "p_id", "int(11)", "YES", "NULL", "", NULL, NULL, "the parent",
	"c", "doc", "longtext", "YES", "NULL", "", NULL, "utf8mb4_bin", "",
	"c", "s", "varchar(5)", "YES", "'it\\'s'", "", NULL, NULL, "",
	"p", "id", "int(11)", "NO", NULL, "", NULL, NULL, "",
};
static const char *const keys10[] = {
	"c", "PRIMARY", "0", "id", NULL, "BTREE", "A", "", NULL,
	"c", "c_s_key", "0", "s", "3", "BTREE", "A", "", NULL,
	"c", "c_p_fkey", "1", "p_id", NULL, "BTREE", "A", "", NULL,
	"p", "PRIMARY", "0", "id", NULL, "BTREE", "A", "", NULL,
};
static const char *const fks10[] = {"c", "c_p_fkey", "p_id", "app", "p", "id", "CASCADE", "RESTRICT"};
static const char *const checks10[] = {"c", "doc", "json_valid(`doc`)", "c", "s", "`s` <> ''"};
static const char *const views10[] = {"v", "select `app`.`c`.`id` AS `id` from `app`.`c` where `app`.`c`.`s` = '`app`.'"};

static const answer mariadb[] = {
	{"VERSION()", 5, server10, 1},
	{"COUNT(*) FROM information_schema.TABLES", 1, none, 1},
	{"information_schema.COLUMNS c", 9, columns10, sizeof(columns10) / sizeof(columns10[0]) / 9},
	{"FROM information_schema.TABLES", 3, tables10, 2},
	{"information_schema.STATISTICS", 9, keys10, sizeof(keys10) / sizeof(keys10[0]) / 9},
	{"KEY_COLUMN_USAGE", 8, fks10, 1},
	{"CHECK_CONSTRAINTS k", 3, checks10, 2},
	{"information_schema.VIEWS", 2, views10, 1},
};

static const mig_dialect *my(void)
{
	const mig_dialect *d = mig_dialect_find("mysql");
	assert_non_null(d);
	return d;
}

static const char *body_of(const mig_mtable *t, const char *column, enum mig_part_kind kind)
{
	const mig_part *g = mig_parts_find(&mig_mtable_col(t, column)->parts, kind);
	return g ? g->body : NULL;
}

static void test_mysql8(void **unused)
{
	(void)unused;
	script s = {mysql8, sizeof(mysql8) / sizeof(mysql8[0]), MIG_STR_INIT, false};
	mig_state_names names = {NULL, "pgmigrations"};
	mig_query_io io = {scripted, &s, &names};
	mig_model m = MIG_MODEL_INIT;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_ALL, NULL, &m, NULL), 0);
	const mig_mtable *t = mig_model_table(&m, "t");
	assert_non_null(t);
	/* bare values are quoted, except numbers and bits */
	assert_string_equal(body_of(t, "s", MIG_PART_DEFAULT), "DEFAULT 'it''s'");
	assert_string_equal(body_of(t, "n", MIG_PART_DEFAULT), "DEFAULT 0");
	assert_string_equal(body_of(t, "b", MIG_PART_DEFAULT), "DEFAULT b'1'");
	/* an expression needs its parentheses on MySQL 8, CURRENT_TIMESTAMP not */
	assert_string_equal(body_of(t, "ts", MIG_PART_DEFAULT), "DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP");
	assert_string_equal(body_of(t, "k", MIG_PART_DEFAULT), "DEFAULT (uuid())");
	assert_null(body_of(t, "d", MIG_PART_DEFAULT));
	assert_string_equal(mig_mtable_col(t, "j")->type, "json");
	assert_string_equal(body_of(t, "g", MIG_PART_GENERATED), "GENERATED ALWAYS AS (`n` + 1) VIRTUAL");
	assert_null(body_of(t, "g", MIG_PART_DEFAULT));
	assert_string_equal(body_of(t, "id", MIG_PART_IDENTITY), "AUTO_INCREMENT");
	/* a functional key part, and a FULLTEXT index */
	assert_int_equal(t->nobjs, 2);
	const mig_mobject *o = mig_mtable_obj(t, "index", "t_lower");
	assert_string_equal(o->sql, "CREATE INDEX `t_lower` ON `t` ((lower(`s`))) COMMENT 'the lower'");
	assert_int_equal(o->columns.n, 1);
	assert_string_equal(o->columns.v[0], "(expr)");
	o = mig_mtable_obj(t, "index", "t_s_fulltext");
	assert_string_equal(o->sql, "CREATE FULLTEXT INDEX `t_s_fulltext` ON `t` (`s`)");
	assert_int_equal(t->parts.n, 2);
	assert_string_equal(t->parts.v[1].body, "CHECK ((`n` >= 0))");
	assert_string_equal(mig_model_table(&m, "u")->options, "COMMENT='it''s \\\\ theirs'");
	/* MySQL 8's CHECK_CONSTRAINTS has no TABLE_NAME: names are per schema */
	const char *log = mig_str_cstr(&s.log);
	assert_null(strstr(log, "k.TABLE_NAME = t.TABLE_NAME"));
	assert_non_null(strstr(log, "k.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE"));
	assert_non_null(strstr(log, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION, INDEX_COMMENT, EXPRESSION"));
	assert_non_null(strstr(log, " AND TABLE_NAME NOT IN ('pgmigrations_lock', 'pgmigrations_journal', 'pgmigrations_enums')"));
	mig_model_dispose(&m);
	mig_str_free(&s.log);
}

static void test_mariadb(void **unused)
{
	(void)unused;
	script s = {mariadb, sizeof(mariadb) / sizeof(mariadb[0]), MIG_STR_INIT, false};
	mig_query_io io = {scripted, &s, NULL};
	mig_model m = MIG_MODEL_INIT;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_ALL, NULL, &m, NULL), 0);
	const mig_mtable *c = mig_model_table(&m, "c");
	assert_null(body_of(c, "p_id", MIG_PART_DEFAULT));
	assert_string_equal(mig_mtable_col(c, "p_id")->comment, "the parent");
	assert_string_equal(body_of(c, "s", MIG_PART_DEFAULT), "DEFAULT 'it\\'s'");
	assert_string_equal(mig_mtable_col(c, "doc")->type, "json");
	assert_int_equal(mig_mtable_col(c, "doc")->parts.n, 0);
	assert_int_equal(c->nobjs, 0);
	assert_int_equal(c->parts.n, 4);
	assert_string_equal(c->parts.v[1].body, "UNIQUE (`s`(3))");
	/* RESTRICT is what MariaDB reports for a key declared without the
	 * action: one the emitter did not make (it says NO ACTION) */
	assert_string_equal(c->parts.v[2].body, "FOREIGN KEY (`p_id`) REFERENCES `p` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT");
	assert_string_equal(c->parts.v[3].body, "CHECK (`s` <> '')");
	assert_int_equal(m.nviews, 1);
	assert_string_equal(m.views[0].sql, "select `c`.`id` AS `id` from `c` where `c`.`s` = '`app`.'");
	/* MariaDB's checks are read without a join (a join fills information_schema for every table) */
	assert_non_null(strstr(mig_str_cstr(&s.log), "FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = DATABASE()"));
	assert_null(strstr(mig_str_cstr(&s.log), " JOIN information_schema.REFERENTIAL_CONSTRAINTS"));
	assert_non_null(strstr(mig_str_cstr(&s.log), "INDEX_COMMENT, NULL FROM"));
	mig_model_dispose(&m);
	mig_str_free(&s.log);
}

/* One table by name: the name quoted in every query, the bookkeeping
 * tables of another schema not skipped here, enums not read. */
static void test_one_table_queries(void **unused)
{
	(void)unused;
	script s = {mysql8, sizeof(mysql8) / sizeof(mysql8[0]), MIG_STR_INIT, false};
	mig_state_names names = {"ops", "mig\\s"};
	mig_query_io io = {scripted, &s, &names};
	mig_model m = MIG_MODEL_INIT;
	bool found = false;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_TABLE, "o'k", &m, &found), 0);
	assert_true(found); /* the canned rows are not filtered */
	const char *log = mig_str_cstr(&s.log);
	assert_non_null(strstr(log, "TABLE_NAME = 'o''k'"));
	assert_non_null(strstr(log, "c.TABLE_NAME = 'o''k'"));
	assert_non_null(strstr(log, "k.TABLE_NAME = 'o''k'"));
	assert_non_null(strstr(log, "t.TABLE_NAME = 'o''k'"));
	assert_null(strstr(log, "NOT IN"));
	assert_null(strstr(log, "VIEWS"));
	mig_model_dispose(&m);
	mig_str_free(&s.log);

	/* the enums of a state table elsewhere are read from there */
	static const char *const yes[] = {"1"};
	static const char *const values[] = {"mood", "sad", "mood", "happy"};
	const answer enums[] = {{"COUNT(*) FROM information_schema.TABLES", 1, yes, 1},
				{"ORDER BY type_name, position", 2, values, 2}};
	script e = {enums, 2, MIG_STR_INIT, false};
	io.ud = &e;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_ENUMS, NULL, &m, NULL), 0);
	assert_int_equal(m.nenums, 1);
	assert_int_equal(m.enums[0].values.n, 2);
	assert_string_equal(m.enums[0].values.v[1], "happy");
	assert_non_null(strstr(mig_str_cstr(&e.log), "TABLE_SCHEMA = 'ops' AND TABLE_NAME = 'mig\\\\s_enums'"));
	assert_non_null(strstr(mig_str_cstr(&e.log), "FROM `ops`.`mig\\s_enums` ORDER BY"));
	mig_model_dispose(&m);
	mig_str_free(&e.log);
}

static void test_no_database(void **unused)
{
	(void)unused;
	static const char *const server[] = {NULL, "10.11.6-MariaDB", "1", "1", "0"};
	const answer a[] = {{"VERSION()", 5, server, 1}};
	script s = {a, 1, MIG_STR_INIT, false};
	mig_query_io io = {scripted, &s, NULL};
	mig_model m = MIG_MODEL_INIT;
	bool found = true;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_TABLE, "t", &m, &found), 0);
	assert_false(found);
	assert_int_equal(m.ntables, 0);
	mig_str_free(&s.log);
	/* a failing query is the reader's failure */
	const answer broken[] = {{"no such query", 1, NULL, 0}};
	script b = {broken, 1, MIG_STR_INIT, false};
	io.ud = &b;
	assert_int_equal(my()->introspect(&io, MIG_INTROSPECT_ALL, NULL, &m, NULL), MIG_ESQL);
	mig_error_clear();
	mig_model_dispose(&m);
	mig_str_free(&b.log);
}

static void test_every_allocation_fails(void **unused)
{
	(void)unused;
	unsigned long failures = 0;
	for (unsigned long nth = 1, flavour = 0; flavour < 2; nth++) {
		script s = {flavour ? mariadb : mysql8, flavour ? sizeof(mariadb) / sizeof(mariadb[0]) : sizeof(mysql8) / sizeof(mysql8[0]),
			    MIG_STR_INIT, true};
		mig_query_io io = {scripted, &s, NULL};
		mig_model m = MIG_MODEL_INIT;
		long live = mig__alloc_live();
		mig__alloc_fail_at(nth);
		int rc = my()->introspect(&io, MIG_INTROSPECT_ALL, NULL, &m, NULL);
		bool failed = mig__alloc_failed();
		mig__alloc_fail_at(0);
		mig_model_dispose(&m);
		mig_str_free(&s.log);
		assert_int_equal(mig__alloc_live(), live);
		if (!failed) {
			assert_int_equal(rc, 0);
			flavour++;
			nth = 0;
			continue;
		}
		assert_int_equal(rc, MIG_ENOMEM);
		assert_int_equal(mig_error_last()->code, MIG_ENOMEM);
		failures++;
		mig_error_clear();
	}
	assert_true(failures > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mysql8),
		cmocka_unit_test(test_mariadb),
		cmocka_unit_test(test_one_table_queries),
		cmocka_unit_test(test_no_database),
		cmocka_unit_test(test_every_allocation_fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
