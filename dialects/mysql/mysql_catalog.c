/*
 * The reader of a live MySQL/MariaDB database into the shared table model
 * (dialects/common/model.h): the base tables and views of the current
 * database (DATABASE(); the migrations schema, io->names->schema, is only
 * where the bookkeeping tables live), from information_schema.
 *
 * What it reads, in the conventions mysql_model.c's applier follows so
 * that the two can be compared (tests/driver/test_mysql_model.c):
 * - a column's type is COLUMN_TYPE as is ("int(11)", "varchar(255)"),
 *   except MariaDB's JSON (a longtext with an automatic
 *   CHECK (json_valid(`col`)) named after the column and a _bin
 *   collation), which reads as "json", without that check or collation:
 *   restating "json" brings both back, restating "longtext" would lose
 *   the check;
 * - its parts in SHOW CREATE TABLE's order: COLLATE (only when it differs
 *   from the table's collation), GENERATED ALWAYS AS (expr)
 *   VIRTUAL|STORED, NOT NULL, DEFAULT x [ON UPDATE y], AUTO_INCREMENT (an
 *   IDENTITY part); a default of NULL is no default (as on PostgreSQL);
 * - every PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK as a named table
 *   part, in that order, each kind by name; the primary key, which
 *   MySQL only knows as PRIMARY, is named <table>_pkey as PostgreSQL
 *   would name it (the applier's name, which migrations use; the
 *   emitters take either). Every unique index is a
 *   UNIQUE constraint to MySQL (TABLE_CONSTRAINTS lists it so, and
 *   nothing tells the two apart), so unique indexes are UNIQUE parts too;
 * - the non-unique indexes as "index" objects, without the one InnoDB
 *   makes by itself for a foreign key (named after the key or its first
 *   column, on the key's columns): no operation creates it; one whose
 *   comment starts with MIG_MY_PARTIAL_COMMENT is partial, and the
 *   hidden column of an expression index (mysql_int.h) is a column like
 *   any other, its GENERATED part ending in INVISIBLE, and is the
 *   index's column;
 * - a foreign key's NO ACTION reads as NULL, RESTRICT as "RESTRICT":
 *   the emitter says NO ACTION when no action is given, as MariaDB
 *   reports a key declared without one as RESTRICT;
 * - a table comment as the table's options, COMMENT='...';
 * - a view's definition as VIEW_DEFINITION has it, without the
 *   `database`. qualifiers it puts on every name.
 * Part bodies restate what they are: identifiers backticked, lists
 * joined by ", ", a key's prefix length and DESC kept ("UNIQUE (`a`(10),
 * `b`)"), a check's clause and a generated column's expression as the
 * server stores them; a part's columns (and an index's) are bare names,
 * "(expr)" for a functional key part.
 * The bookkeeping tables <migrations table>_lock, _journal and _enums
 * are skipped; the state table itself is read, as on PostgreSQL.
 */
#include "dialects/mysql/mysql_int.h"

#include "dialects/common/reader.h"

#include "dialects/common/names.h"
#include "dialects/common/quote.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* The enum types' bookkeeping table, <migrations table> ENUM_SUFFIX,
 * next to the state table: one row a value. */
#define ENUM_SUFFIX "_enums"
#define ENUM_TYPE_COL "type_name"
#define ENUM_POS_COL "position"
#define ENUM_VALUE_COL "value"

/* The bookkeeping tables named after the state table that are not the
 * schema's (the state table itself is, as PostgreSQL's reader sees it). */
static const char *const bookkeeping[] = {"_lock", "_journal", ENUM_SUFFIX};

typedef struct reader {
	const mig_query_io *io;
	mig_model *m;
	const char *only; /* one table, or NULL */
	int rc;
	char *db;          /* DATABASE(); NULL: none selected, nothing to read */
	bool mariadb;      /* COLUMN_DEFAULT is SQL there; MySQL 8 gives the bare value */
	bool check_table;  /* CHECK_CONSTRAINTS has TABLE_NAME (MariaDB: names are per table) */
	bool checks;       /* CHECK_CONSTRAINTS exists at all (MySQL 8.0.16+, MariaDB 10.2+) */
	bool expressions;  /* STATISTICS has EXPRESSION (MySQL 8.0.13+: functional key parts) */
} reader;

/* ---- helpers ------------------------------------------------------------------ */

static mig_rows *query(reader *r, mig_str *q)
{
	return mig_reader_query(r->io, &r->rc, q);
}

static const char *cell(const mig_rows *rows, size_t i, size_t c)
{
	return mig_rows_get(rows, i, c);
}

static void adopt(reader *r, int rc)
{
	if (rc && !r->rc)
		r->rc = rc;
}

static char *rdup(reader *r, const char *s)
{
	return mig_reader_dup(&r->rc, s);
}

/* The text of s built so far, handed over; NULL (and the error) when it
 * failed. */
static char *rdetach(reader *r, mig_str *s)
{
	return mig_reader_detach(&r->rc, s);
}

static bool ieq_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/* Where `word` starts in s, ASCII case-insensitively (ieq_n stops at
 * the end of s: its NUL differs from the word). */
static const char *find_ci(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; s && *s; s++)
		if (ieq_n(s, word, n))
			return s;
	return NULL;
}

/* Whether row i is the last of its group: the rows that share the first
 * two cells (table and constraint or index name). */
static bool group_ends(const mig_rows *rows, size_t i)
{
	if (i + 1 >= rows->nrows)
		return true;
	for (size_t c = 0; c < 2; c++)
		if (strcmp(cell(rows, i, c), cell(rows, i + 1, c)) != 0)
			return true;
	return false;
}

/* The rows of query q, a group at a time (a key's or an index's rows,
 * which share table and name, the table first), to add to their table. */
static void each_group(reader *r, mig_str *q,
		       void (*add)(reader *r, mig_mtable *t, const mig_rows *rows, size_t first, size_t last))
{
	mig_rows *rows = query(r, q);
	size_t first = 0;
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		if (!group_ends(rows, i))
			continue;
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		if (t)
			add(r, t, rows, first, i);
		first = i + 1;
	}
	mig_rows_free(rows);
}

/* " AND <col> = 'only'" when reading one table. */
static void only(reader *r, mig_str *q, const char *col)
{
	if (!r->only)
		return;
	mig_str_printf(q, " AND %s = ", col);
	mig_quote_backslash_literal(q, r->only);
}

static bool same_schema(const reader *r)
{
	const char *schema = r->io->names ? r->io->names->schema : NULL;
	return !schema || mig_model_ieq(schema, r->db);
}

static const char *state_table(const reader *r)
{
	return r->io->names && r->io->names->table ? r->io->names->table : "pgmigrations";
}

/* " AND <col> NOT IN (<the bookkeeping tables>)" when they live here. */
static void skip_bookkeeping(reader *r, mig_str *q, const char *col)
{
	if (!same_schema(r))
		return;
	mig_str_printf(q, " AND %s NOT IN (", col);
	for (size_t i = 0; i < sizeof(bookkeeping) / sizeof(bookkeeping[0]); i++) {
		mig_str name = MIG_STR_INIT;
		mig_str_printf(&name, "%s%s", state_table(r), bookkeeping[i]);
		if (i)
			mig_str_puts(q, ", ");
		mig_quote_backslash_literal(q, mig_str_cstr(&name));
		if (mig_str_failed(&name))
			q->failed = true;
		mig_str_free(&name);
	}
	mig_str_putc(q, ')');
}

/* `a`, `b`(10), `c` DESC: a key's column list as MySQL writes it. */
static void key_part(mig_str *body, const char *column, const char *expression, const char *sub_part,
		     const char *collation)
{
	if (column) {
		mig_quote_backtick_ident(body, column);
	} else {
		mig_str_putc(body, '(');
		mig_str_puts(body, expression ? expression : "");
		mig_str_putc(body, ')');
	}
	if (sub_part)
		mig_str_printf(body, "(%s)", sub_part);
	if (collation && strcmp(collation, "D") == 0)
		mig_str_puts(body, " DESC");
}

/* ---- what the server is ---------------------------------------------------------- */

#define IS_COLUMN(table, column)                                                                        \
	"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema'"   \
	" AND TABLE_NAME = '" table "' AND COLUMN_NAME = '" column "')"

/* The current database, and which information_schema columns this
 * flavour and version have (the queries differ by them). */
static void read_server(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT DATABASE(), VERSION(), " IS_COLUMN("CHECK_CONSTRAINTS", "CHECK_CLAUSE") ", "
			 IS_COLUMN("CHECK_CONSTRAINTS", "TABLE_NAME") ", " IS_COLUMN("STATISTICS", "EXPRESSION"));
	mig_rows *rows = query(r, &q);
	if (rows && rows->nrows == 1) {
		r->db = rdup(r, cell(rows, 0, 0));
		r->mariadb = find_ci(cell(rows, 0, 1), "mariadb") != NULL;
		r->checks = cell(rows, 0, 2) && strcmp(cell(rows, 0, 2), "0") != 0;
		r->check_table = cell(rows, 0, 3) && strcmp(cell(rows, 0, 3), "0") != 0;
		r->expressions = cell(rows, 0, 4) && strcmp(cell(rows, 0, 4), "0") != 0;
	}
	mig_rows_free(rows);
}

/* ---- tables and columns ------------------------------------------------------------ */

/* Returns how many tables were read. */
static size_t read_tables(reader *r)
{
	size_t n = 0;
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES"
			 " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')");
	only(r, &q, "TABLE_NAME");
	skip_bookkeeping(r, &q, "TABLE_NAME");
	mig_str_puts(&q, " ORDER BY TABLE_NAME");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_mtable_new(cell(rows, i, 0));
		const char *comment = cell(rows, i, 2);
		if (t && strcmp(cell(rows, i, 1), "SYSTEM VERSIONED") == 0 &&
		    !(t->opaque = mig_strdup("it is a system-versioned table, whose history columns the model does not describe"))) {
			mig_mtable_free(t);
			t = NULL;
		}
		if (t && comment && *comment) {
			mig_str s = MIG_STR_INIT;
			mig_str_puts(&s, "COMMENT=");
			mig_quote_backslash_literal(&s, comment);
			t->options = rdetach(r, &s);
		}
		adopt(r, mig_model_put_table(r->m, t));
		n++;
	}
	mig_rows_free(rows);
	return n;
}

static void col_part(reader *r, mig_mcolumn *c, enum mig_part_kind kind, const char *lead, const char *arg,
		     const char *tail)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, lead);
	mig_str_puts(&s, arg);
	mig_str_puts(&s, tail);
	adopt(r, mig_parts_push(&c->parts, kind, NULL, rdetach(r, &s)));
}

static bool numeric_type(const char *type)
{
	static const char *const numeric[] = {"tinyint", "smallint", "mediumint", "int", "bigint", "decimal",
					      "float", "double", "bit", "year"};
	for (size_t i = 0; i < sizeof(numeric) / sizeof(numeric[0]); i++) {
		size_t n = strlen(numeric[i]);
		if (strncmp(type, numeric[i], n) == 0 && (!type[n] || type[n] == '(' || type[n] == ' '))
			return true;
	}
	return false;
}

/* Functions MySQL 8 takes unparenthesised as a default (others need
 * "(expr)" there). */
static bool time_function(const char *d)
{
	static const char *const fns[] = {"current_timestamp", "now(", "localtime", "localtimestamp"};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		if (ieq_n(d, fns[i], strlen(fns[i])))
			return true;
	return false;
}

/*
 * The DEFAULT part as the column's definition writes it. MariaDB 10.2.7+
 * gives the default as SQL ('text' quoted, NULL for DEFAULT NULL and for
 * a nullable column without one); MySQL 8 gives the bare value, and says
 * DEFAULT_GENERATED in EXTRA for an expression.
 */
static void default_part(reader *r, mig_mcolumn *c, const char *d, const char *extra)
{
	const char *on_update = find_ci(extra, "on update ");
	bool none = !d || (r->mariadb && ieq_n(d, "null", 5));
	if (none && !on_update)
		return;
	mig_str s = MIG_STR_INIT;
	if (!none) {
		mig_str_puts(&s, "DEFAULT ");
		if (r->mariadb || (find_ci(extra, "default_generated") && time_function(d)))
			mig_str_puts(&s, d);
		else if (find_ci(extra, "default_generated"))
			mig_str_printf(&s, "(%s)", d);
		else if (numeric_type(c->type) || (d[0] == 'b' && d[1] == '\''))
			mig_str_puts(&s, d);
		else
			mig_quote_backslash_literal(&s, d);
	}
	if (on_update)
		mig_str_printf(&s, "%sON UPDATE %s", none ? "" : " ", on_update + strlen("on update "));
	adopt(r, mig_parts_push(&c->parts, MIG_PART_DEFAULT, NULL, rdetach(r, &s)));
}

enum { C_TABLE, C_NAME, C_TYPE, C_NULLABLE, C_DEFAULT, C_EXTRA, C_GENERATION, C_COLLATION, C_COMMENT };

static void read_columns(reader *r)
{
	mig_str q = MIG_STR_INIT;
	/* The table's collation from a scalar subquery, not a join (see
	 * read_foreign); the columns of views are dropped below, as their
	 * tables are not in the model. */
	mig_str coll = MIG_STR_INIT;
	mig_str_puts(&coll, "SELECT t.TABLE_COLLATION FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE()");
	if (r->only)
		only(r, &coll, "t.TABLE_NAME");
	else
		mig_str_puts(&coll, " AND t.TABLE_NAME = c.TABLE_NAME");
	mig_str_printf(&q, "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,"
			   " c.GENERATION_EXPRESSION, CASE WHEN c.COLLATION_NAME <> (%s) THEN c.COLLATION_NAME END,"
			   " c.COLUMN_COMMENT FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = DATABASE()",
		       mig_str_cstr(&coll));
	if (mig_str_failed(&coll))
		adopt(r, mig_error_oom());
	mig_str_free(&coll);
	only(r, &q, "c.TABLE_NAME");
	mig_str_puts(&q, " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, C_TABLE));
		if (!t)
			continue; /* a bookkeeping table, or created since the table list was read */
		mig_mcolumn *c = mig_mtable_add_col(t, rdup(r, cell(rows, i, C_NAME)), rdup(r, cell(rows, i, C_TYPE)));
		if (!c) {
			adopt(r, MIG_ENOMEM);
			break;
		}
		const char *extra = cell(rows, i, C_EXTRA) ? cell(rows, i, C_EXTRA) : "";
		const char *generation = cell(rows, i, C_GENERATION);
		bool generated = find_ci(extra, "generated") && !find_ci(extra, "default_generated") && generation;
		if (cell(rows, i, C_COLLATION))
			col_part(r, c, MIG_PART_COLLATE, "COLLATE ", cell(rows, i, C_COLLATION), "");
		/* INVISIBLE kept: restating the hidden column of an expression
		 * index (mysql_int.h) must not show it */
		if (generated)
			col_part(r, c, MIG_PART_GENERATED, "GENERATED ALWAYS AS (", generation,
				 find_ci(extra, "invisible") ? (find_ci(extra, "virtual") ? ") VIRTUAL INVISIBLE" : ") STORED INVISIBLE")
							    : (find_ci(extra, "virtual") ? ") VIRTUAL" : ") STORED"));
		if (cell(rows, i, C_NULLABLE) && strcmp(cell(rows, i, C_NULLABLE), "NO") == 0)
			col_part(r, c, MIG_PART_NOT_NULL, "NOT NULL", "", "");
		if (!generated)
			default_part(r, c, cell(rows, i, C_DEFAULT), extra);
		if (find_ci(extra, "auto_increment"))
			col_part(r, c, MIG_PART_IDENTITY, "AUTO_INCREMENT", "", "");
		const char *comment = cell(rows, i, C_COMMENT);
		if (comment && *comment)
			c->comment = rdup(r, comment);
	}
	mig_rows_free(rows);
}

/* ---- keys and indexes ------------------------------------------------------------------ */

enum { K_TABLE, K_NAME, K_NON_UNIQUE, K_COLUMN, K_SUB_PART, K_TYPE, K_COLLATION, K_COMMENT, K_EXPRESSION };

/* One index (its rows, first..last) as a PRIMARY or UNIQUE part, or an
 * "index" object. */
static void add_key(reader *r, mig_mtable *t, const mig_rows *rows, size_t first, size_t last)
{
	const char *name = cell(rows, first, K_NAME), *type = cell(rows, first, K_TYPE);
	bool unique = strcmp(cell(rows, first, K_NON_UNIQUE), "0") == 0;
	bool primary = unique && strcmp(name, "PRIMARY") == 0;
	mig_str body = MIG_STR_INIT;
	mig_strv columns = MIG_STRV_INIT;
	if (primary) {
		mig_str_puts(&body, "PRIMARY KEY (");
	} else if (unique) {
		mig_str_puts(&body, "UNIQUE (");
	} else {
		bool kind = type && (strcmp(type, "FULLTEXT") == 0 || strcmp(type, "SPATIAL") == 0);
		mig_str_printf(&body, "CREATE %s%sINDEX ", kind ? type : "", kind ? " " : "");
		mig_quote_backtick_ident(&body, name);
		mig_str_puts(&body, " ON ");
		mig_quote_backtick_ident(&body, t->name);
		mig_str_puts(&body, " (");
	}
	for (size_t i = first; i <= last && !r->rc; i++) {
		const char *column = cell(rows, i, K_COLUMN);
		if (i > first)
			mig_str_puts(&body, ", ");
		key_part(&body, column, cell(rows, i, K_EXPRESSION), cell(rows, i, K_SUB_PART), cell(rows, i, K_COLLATION));
		if (mig_strv_pushdup(&columns, column ? column : "(expr)"))
			adopt(r, MIG_ENOMEM);
	}
	mig_str_putc(&body, ')');
	const char *comment = cell(rows, first, K_COMMENT);
	if (!unique && comment && *comment) {
		mig_str_puts(&body, " COMMENT ");
		mig_quote_backslash_literal(&body, comment);
	}
	char *text = rdetach(r, &body);
	if (r->rc) {
		mig__free(text);
		mig_strv_free(&columns);
		return;
	}
	if (unique) {
		char *pname = NULL;
		if (primary) {
			/* the model's name for it (mysql_model.c), which migrations
			 * written for PostgreSQL use */
			mig_str pk = MIG_STR_INIT;
			mig_pg_object_name(&pk, t->name, NULL, "pkey");
			pname = rdetach(r, &pk);
		} else {
			pname = rdup(r, name);
		}
		adopt(r, mig_parts_push(&t->parts, primary ? MIG_PART_PRIMARY : MIG_PART_UNIQUE, pname, text));
		if (!r->rc)
			t->parts.v[t->parts.n - 1].columns = columns;
		else
			mig_strv_free(&columns);
		return;
	}
	mig_mobject *o = mig_mtable_add_obj(t, rdup(r, "index"), rdup(r, name), text);
	if (!o) {
		adopt(r, MIG_ENOMEM);
		mig_strv_free(&columns);
		return;
	}
	o->columns = columns;
	o->partial = comment && strncmp(comment, MIG_MY_PARTIAL_COMMENT, strlen(MIG_MY_PARTIAL_COMMENT)) == 0;
}

static void read_keys(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_printf(&q, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION,"
			   " INDEX_COMMENT, %s FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()",
		       r->expressions ? "EXPRESSION" : "NULL");
	only(r, &q, "TABLE_NAME");
	/* the primary key first, then the unique keys, then the others, each
	 * kind by name */
	mig_str_puts(&q, " ORDER BY TABLE_NAME, INDEX_NAME <> 'PRIMARY', NON_UNIQUE, INDEX_NAME, SEQ_IN_INDEX");
	each_group(r, &q, add_key);
}

/* ---- foreign keys ------------------------------------------------------------------------- */

enum { F_TABLE, F_NAME, F_COLUMN, F_REF_SCHEMA, F_REF_TABLE, F_REF_COLUMN, F_DELETE, F_UPDATE };

/* NULL for NO ACTION, as the model has it. RESTRICT stays: the emitter
 * says NO ACTION when no action was given (MariaDB reports a key
 * declared without one as RESTRICT), so RESTRICT was asked for, or the
 * key was not made by an operation. */
static const char *fk_action(const char *rule)
{
	if (!rule || strcmp(rule, "NO ACTION") == 0)
		return NULL;
	return rule;
}

static bool same_names(const mig_strv *a, const mig_strv *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!mig_model_ieq(a->v[i], b->v[i]))
			return false;
	return true;
}

/* InnoDB's own index for a foreign key (it makes one when no index
 * starts with the key's columns, named after the key, or after its first
 * column when the key was not named): the key's, not an operation's. */
static void drop_implicit_index(mig_mtable *t, const mig_part *g)
{
	for (size_t k = 0; k < t->nobjs; k++) {
		mig_mobject *o = &t->objs[k];
		if (strcmp(o->type, "index") == 0 && !o->unique && same_names(&o->columns, &g->columns) &&
		    (mig_model_ieq(o->name, g->name) || mig_model_ieq(o->name, g->columns.v[0]))) {
			mig_mtable_remove_obj(t, o);
			return;
		}
	}
}

static void add_foreign(reader *r, mig_mtable *t, const mig_rows *rows, size_t first, size_t last)
{
	mig_str body = MIG_STR_INIT;
	mig_strv columns = MIG_STRV_INIT, refs = MIG_STRV_INIT;
	const char *ref_schema = cell(rows, first, F_REF_SCHEMA), *ref_table = cell(rows, first, F_REF_TABLE);
	const char *on_delete = fk_action(cell(rows, first, F_DELETE)), *on_update = fk_action(cell(rows, first, F_UPDATE));
	mig_str_puts(&body, "FOREIGN KEY (");
	for (size_t i = first; i <= last; i++) {
		mig_str_puts(&body, i > first ? ", " : "");
		mig_quote_backtick_ident(&body, cell(rows, i, F_COLUMN));
		if (mig_strv_pushdup(&columns, cell(rows, i, F_COLUMN)) || mig_strv_pushdup(&refs, cell(rows, i, F_REF_COLUMN)))
			adopt(r, MIG_ENOMEM);
	}
	mig_str_puts(&body, ") REFERENCES ");
	if (ref_schema && !mig_model_ieq(ref_schema, r->db)) {
		mig_quote_backtick_ident(&body, ref_schema);
		mig_str_putc(&body, '.');
	}
	mig_quote_backtick_ident(&body, ref_table);
	mig_str_puts(&body, " (");
	for (size_t i = first; i <= last; i++) {
		mig_str_puts(&body, i > first ? ", " : "");
		mig_quote_backtick_ident(&body, cell(rows, i, F_REF_COLUMN));
	}
	mig_str_putc(&body, ')');
	if (on_delete)
		mig_str_printf(&body, " ON DELETE %s", on_delete);
	if (on_update)
		mig_str_printf(&body, " ON UPDATE %s", on_update);
	adopt(r, mig_parts_push(&t->parts, MIG_PART_FOREIGN, rdup(r, cell(rows, first, F_NAME)), rdetach(r, &body)));
	if (r->rc) {
		mig_strv_free(&columns);
		mig_strv_free(&refs);
		return;
	}
	mig_part *g = &t->parts.v[t->parts.n - 1];
	g->columns = columns;
	g->ref_columns = refs;
	g->ref_table = rdup(r, ref_table);
	g->on_delete = rdup(r, on_delete);
	g->on_update = rdup(r, on_update);
	if (!r->rc && g->columns.n)
		drop_implicit_index(t, g);
}

static void read_foreign(reader *r)
{
	mig_str q = MIG_STR_INIT;
	/* The rules come from scalar subqueries, not a join: MariaDB fills a
	 * joined information_schema table for every table of the database
	 * (11 ms with 60 tables, growing with them), a subquery on a constant
	 * table name for one (under 1 ms). */
	mig_str rule = MIG_STR_INIT;
	mig_str_puts(&rule, "FROM information_schema.REFERENTIAL_CONSTRAINTS f WHERE f.CONSTRAINT_SCHEMA = DATABASE()"
			    " AND f.CONSTRAINT_NAME = k.CONSTRAINT_NAME");
	if (r->only)
		only(r, &rule, "f.TABLE_NAME");
	else
		mig_str_puts(&rule, " AND f.TABLE_NAME = k.TABLE_NAME");
	mig_str_printf(&q, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
			   " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, (SELECT f.DELETE_RULE %s),"
			   " (SELECT f.UPDATE_RULE %s) FROM information_schema.KEY_COLUMN_USAGE k"
			   " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL",
		       mig_str_cstr(&rule), mig_str_cstr(&rule));
	if (mig_str_failed(&rule))
		adopt(r, mig_error_oom());
	mig_str_free(&rule);
	only(r, &q, "k.TABLE_NAME");
	mig_str_puts(&q, " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION");
	each_group(r, &q, add_foreign);
}

/* ---- checks --------------------------------------------------------------------------------- */

/* MariaDB's JSON column: a longtext whose check, named after it, is
 * json_valid(`name`), which MariaDB adds by itself. Reads as "json", the
 * type that brings the check (and its _bin collation) back. */
static bool json_column(reader *r, mig_mtable *t, const char *name, const char *clause)
{
	mig_mcolumn *c = mig_mtable_col(t, name);
	if (!c || strcmp(c->type, "longtext") != 0)
		return false;
	mig_str want = MIG_STR_INIT;
	mig_str_puts(&want, "json_valid(");
	mig_quote_backtick_ident(&want, c->name);
	mig_str_putc(&want, ')');
	bool json = strcmp(mig_str_cstr(&want), clause) == 0;
	if (mig_str_failed(&want))
		adopt(r, mig_error_oom());
	mig_str_free(&want);
	if (!json || r->rc)
		return false;
	char *type = rdup(r, "json");
	if (!type)
		return false;
	mig__free(c->type);
	c->type = type;
	for (size_t k = 0; k < c->parts.n; k++) {
		const char *b = c->parts.v[k].body;
		size_t n = strlen(b);
		if (c->parts.v[k].kind == MIG_PART_COLLATE && n > 4 && strcmp(b + n - 4, "_bin") == 0) {
			mig_parts_remove(&c->parts, k);
			break;
		}
	}
	return true;
}

static void read_checks(reader *r)
{
	if (!r->checks)
		return;
	mig_str q = MIG_STR_INIT;
	/* MySQL 8 names checks per schema, MariaDB per table (its
	 * CHECK_CONSTRAINTS has the table) */
	if (r->check_table) {
		/* no join (see read_foreign): MariaDB's CHECK_CONSTRAINTS has the table */
		mig_str_puts(&q, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS k"
				 " WHERE k.CONSTRAINT_SCHEMA = DATABASE()");
		only(r, &q, "k.TABLE_NAME");
		mig_str_puts(&q, " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME");
	} else {
		mig_str_puts(&q, "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, k.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS t"
				 " JOIN information_schema.CHECK_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
				 " AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
				 " WHERE t.TABLE_SCHEMA = DATABASE() AND t.CONSTRAINT_TYPE = 'CHECK' AND k.CONSTRAINT_SCHEMA = DATABASE()");
		only(r, &q, "t.TABLE_NAME");
		mig_str_puts(&q, " ORDER BY t.TABLE_NAME, t.CONSTRAINT_NAME");
	}
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		mig_mtable *t = mig_model_table(r->m, cell(rows, i, 0));
		const char *name = cell(rows, i, 1), *clause = cell(rows, i, 2) ? cell(rows, i, 2) : "";
		if (!t || json_column(r, t, name, clause))
			continue;
		mig_str body = MIG_STR_INIT;
		mig_str_printf(&body, "CHECK (%s)", clause);
		adopt(r, mig_parts_push(&t->parts, MIG_PART_CHECK, rdup(r, name), rdetach(r, &body)));
	}
	mig_rows_free(rows);
}

/* ---- views and enums ---------------------------------------------------------------------------- */

/* VIEW_DEFINITION qualifies every table and column with the database
 * (`db`.`t`.`c`): the model holds one database, whose name is not part of
 * its views. */
static char *unqualified(reader *r, const char *sql)
{
	mig_str db = MIG_STR_INIT, out = MIG_STR_INIT;
	mig_quote_backtick_ident(&db, r->db);
	mig_str_putc(&db, '.');
	const char *qdb = mig_str_cstr(&db);
	size_t nq = mig_str_len(&db);
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"' || *p == '`') {
			/* `db`.`t`.`c`, never the `db` of `t`.`db`.`c` */
			bool qualifier = p == sql || p[-1] != '.';
			if (*p == '`' && qualifier && nq && strncmp(p, qdb, nq) == 0) {
				p += nq;
				continue;
			}
			/* a literal or an identifier, whole: `a``b`, 'it''s', 'it\'s' */
			char quote = *p;
			const char *e = p + 1;
			for (; *e; e++) {
				if (*e == '\\' && quote != '`' && e[1]) {
					e++;
				} else if (*e == quote) {
					if (e[1] != quote)
						break;
					e++;
				}
			}
			if (*e)
				e++;
			mig_str_put(&out, p, (size_t)(e - p));
			p = e;
			continue;
		}
		mig_str_putc(&out, *p++);
	}
	if (mig_str_failed(&db))
		out.failed = true;
	mig_str_free(&db);
	return rdetach(r, &out);
}

static void read_views(reader *r)
{
	mig_str q = MIG_STR_INIT;
	mig_str_puts(&q, "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"
			 " ORDER BY TABLE_NAME");
	mig_rows *rows = query(r, &q);
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		char *sql = unqualified(r, cell(rows, i, 1) ? cell(rows, i, 1) : "");
		if (sql)
			adopt(r, mig_model_put_view(r->m, cell(rows, i, 0), sql));
		mig__free(sql);
	}
	mig_rows_free(rows);
}

/* MySQL has no enum types (an enum column is enum('a','b') inline); the
 * ones the migrations declare are kept in <migrations table>_enums, when
 * that table is there. */
static void read_enums(reader *r)
{
	const char *schema = r->io->names ? r->io->names->schema : NULL;
	mig_str table = MIG_STR_INIT, q = MIG_STR_INIT;
	mig_str_printf(&table, "%s" ENUM_SUFFIX, state_table(r));
	mig_str_puts(&q, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ");
	if (schema)
		mig_quote_backslash_literal(&q, schema);
	else
		mig_str_puts(&q, "DATABASE()");
	mig_str_puts(&q, " AND TABLE_NAME = ");
	mig_quote_backslash_literal(&q, mig_str_cstr(&table));
	if (mig_str_failed(&table))
		q.failed = true;
	mig_rows *rows = query(r, &q);
	bool have = rows && rows->nrows == 1 && cell(rows, 0, 0) && strcmp(cell(rows, 0, 0), "0") != 0;
	mig_rows_free(rows);
	if (!have) {
		mig_str_free(&table);
		return;
	}
	mig_str_puts(&q, "SELECT " ENUM_TYPE_COL ", " ENUM_VALUE_COL " FROM ");
	if (schema) {
		mig_quote_backtick_ident(&q, schema);
		mig_str_putc(&q, '.');
	}
	mig_quote_backtick_ident(&q, mig_str_cstr(&table));
	mig_str_puts(&q, " ORDER BY " ENUM_TYPE_COL ", " ENUM_POS_COL);
	mig_str_free(&table);
	rows = query(r, &q);
	mig_strv values = MIG_STRV_INIT;
	for (size_t i = 0; rows && i < rows->nrows && !r->rc; i++) {
		const char *type = cell(rows, i, 0), *value = cell(rows, i, 1);
		if (!type || !value)
			continue;
		if (mig_strv_pushdup(&values, value))
			adopt(r, MIG_ENOMEM);
		const char *next = i + 1 < rows->nrows ? cell(rows, i + 1, 0) : NULL;
		if (!next || strcmp(next, type) != 0) {
			if (!r->rc)
				adopt(r, mig_model_put_enum(r->m, type, &values));
			mig_strv_free(&values);
		}
	}
	mig_strv_free(&values);
	mig_rows_free(rows);
}

int mig__my_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found)
{
	reader r = {.io = io, .m = m, .only = what == MIG_INTROSPECT_TABLE ? name : NULL};
	size_t tables = 0;
	if (what == MIG_INTROSPECT_ENUMS) {
		read_enums(&r);
		return r.rc;
	}
	read_server(&r);
	if (r.db) {
		tables = read_tables(&r);
		read_columns(&r);
		read_keys(&r);
		read_foreign(&r);
		read_checks(&r);
		if (what == MIG_INTROSPECT_ALL) {
			read_views(&r);
			read_enums(&r);
		}
	}
	mig__free(r.db);
	if (found)
		*found = tables > 0 && !r.rc;
	return r.rc;
}
