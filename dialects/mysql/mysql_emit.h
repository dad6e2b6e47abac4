/*
 * Private to dialects/mysql/: the emission state of one typed operation
 * and what the mysql_<kind>.c files share (mysql_int.h says which file
 * does what).
 *
 * Errors are sticky in struct my: the first one wins, and an operation
 * that failed adds no step at all.
 */
#ifndef MIG_MYSQL_EMIT_H
#define MIG_MYSQL_EMIT_H

#include "dialects/catalog.h"
#include "dialects/common/model.h"
#include "dialects/common/quote.h"
#include "dialects/dialect.h"
#include "dialects/mysql/mysql_int.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdbool.h>
#include <string.h>

typedef struct my {
	const mig_emit_ctx *ctx;
	const mig_op *op;     /* name and location, for messages */
	const mig_opdef *def; /* what the emitters read */
	mig_strv *stmts;      /* the operation's statements: one step */
	int rc;               /* first error, sticky */
	/* The server refuses a CHECK on a column a foreign key's referential
	 * action uses (MySQL 8: any action; MariaDB: one that writes it). While
	 * createTable builds such a table, or addConstraint adds CHECKs to one,
	 * cascade_cols holds those columns and trigger_checks collects the
	 * CHECKs on them ("name", "expr" pairs), which the table then enforces
	 * with triggers (mysql_checks.c). NULL otherwise. */
	const mig_strv *cascade_cols;
	mig_strv *trigger_checks;
} my;

/* ---- errors, notices, statements (mysql_emit.c) ---- */

void mig__my_fail(my *p, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "<op> is not supported on MySQL/MariaDB: <why>" */
void mig__my_unsupported(my *p, const char *why);
/* "<op> option <what> is not supported on MySQL/MariaDB: <why>" */
void mig__my_unsupported_option(my *p, const char *what, const char *why);
void mig__my_notice(my *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mig__my_oom(my *p);
/* Push a finished statement (takes the buffer; ';' appended). */
void mig__my_stmt(my *p, mig_str *s);

/* ---- names ---- */

/*
 * The final identifier of a name, quoted onto out: a table's `schema`.`name`
 * unless the schema is PostgreSQL's default "public" (= the connection's
 * database). pgm.func() names are refused (PostgreSQL SQL). Names over 63
 * bytes are cut as PostgreSQL cuts them (so both engines agree); names
 * over MySQL's 64 characters that the user wrote (given) are refused.
 */
bool mig__my_put_name(my *p, mig_str *out, const mig_qname *n, const char *what, bool given);
/* The bare final identifier (no schema), caller frees; NULL on error. */
char *mig__my_ident(my *p, const char *name, const char *what, bool given);
/* PostgreSQL's name for an unnamed constraint (<table>_<col>_<label>). */
char *mig__my_pg_name(my *p, const char *table, const char *col, const char *label);
/* Whether a name is in the database the model holds (unqualified or public). */
bool mig__my_local(const mig_qname *n);

/* ---- the catalog ---- */

/* The table as it is now, or NULL (none, or not in the connection's
 * database, or no catalog at all). */
const mig_mtable *mig__my_table(my *p, const mig_qname *n);
/* The same, or an error naming what needs it. */
const mig_mtable *mig__my_need_table(my *p, const mig_qname *n, const char *why);
/* The primary-key columns of a model table (table part or column part). */
void mig__my_pk_columns(my *p, const mig_mtable *t, mig_strv *out);
/* The table's collation (binary and NO PAD: PostgreSQL compares text
 * exactly), by the server's flavour. */
const char *mig__my_table_collation(const my *p);

/* ---- types and defaults (mysql_types.c) ---- */

/* The logical kind of a column, for its defaults. */
enum mig_my_kind {
	MK_INT,
	MK_BOOL,
	MK_REAL,
	MK_DECIMAL,
	MK_STRING, /* CHAR/VARCHAR/ENUM: literal defaults */
	MK_UUID,
	MK_TEXT, /* TEXT/BLOB/JSON: expression defaults only */
	MK_DATE,
	MK_TIME,
	MK_DATETIME,
	MK_RAW /* pgm.func() type */
};

typedef struct mig_my_type {
	char *decl;          /* as emitted: "VARCHAR(255)" */
	char *stored;        /* as information_schema.COLUMNS.COLUMN_TYPE reads it on MariaDB */
	enum mig_my_kind kind;
	int fsp;             /* DATETIME/TIME fractional digits */
	bool serial;         /* AUTO_INCREMENT */
	bool blob;           /* TEXT/BLOB/JSON: no UNIQUE, prefix-only indexes */
	const char *collate; /* citext's case-insensitive collation */
	const char *note;    /* what the mapping loses, for a notice */
} mig_my_type;

/* An enum type's values, or NULL: where createType's enums plug in. */
typedef const mig_strv *(*mig_my_enum_lookup)(void *ud, const char *name);
/* ENUM('a', 'b') and its stored enum('a','b') for the values. 0 or MIG_ENOMEM. */
int mig__my_enum_type(const mig_strv *values, mig_my_type *out);

/*
 * A column type (+ the definition's array suffix) on MySQL/MariaDB.
 * flavour: "mysql" or anything else (MariaDB). enums NULL: the caller
 * cannot see the enum types, and a type name that is no built-in reads
 * as itself. 0, MIG_ENOTSUPPORTED or MIG_EINPUT with why (no error set),
 * or MIG_ENOMEM.
 */
int mig__my_map_type(const mig_type_ref *t, const char *array, const char *flavour, mig_my_enum_lookup enums,
		     void *ud, mig_my_type *out, mig_str *why);
void mig__my_type_free(mig_my_type *t);
/* The same for an emitter: the error names the operation and column. */
bool mig__my_column_type(my *p, const mig_type_ref *t, const char *array, const char *col, mig_my_type *out);
/* The kind of a model column (from its stored type). */
enum mig_my_kind mig__my_kind_of_stored(const char *stored, int *fsp, bool *blob);
/* DEFAULT's value for a column of the kind, onto out. */
void mig__my_default(my *p, mig_str *out, const mig_value *v, enum mig_my_kind kind, int fsp);
/* A model DEFAULT part's value restated in a column definition. */
void mig__my_restate_default(mig_str *out, const char *body, enum mig_my_kind kind);
/* The model's spelling of a default (information_schema.COLUMNS.COLUMN_DEFAULT
 * on MariaDB); nothing for DEFAULT NULL. */
void mig__my_stored_default(const mig_value *v, mig_str *out);

/* ---- expression indexes on MariaDB (mysql_indexes.c; mysql_int.h) ---- */

/*
 * The type of the hidden column that stands for expression expr on table
 * t (NULL: not known), as both declared and stored: a case or trim
 * function of one string column keeps that column's type, and *collate
 * its COLLATE part's body (else NULL); anything else is varchar(255),
 * with *guessed set. Caller frees; NULL when out of memory.
 */
char *mig__my_expr_type(const mig_mtable *t, const char *expr, const char **collate, bool *guessed);

/* ---- shared by the table and constraint emitters (mysql_tables.c) ---- */

/* A column definition: name type [COLLATE] [NOT NULL] [DEFAULT] [AUTO_INCREMENT] [COMMENT]. */
void mig__my_put_column(my *p, mig_str *out, const char *name, const mig_column_def *c, const mig_my_type *t);
/* The lines of a constraints definition (createTable's options,
 * addConstraint) onto items: "CONSTRAINT n CHECK (...)", "PRIMARY KEY
 * (...)"... shape: the table's columns as stored (the key checks);
 * self_pk: its primary key (self-references). */
void mig__my_constraint_lines(my *p, const char *table, const mig_constraints_def *cs, const mig_mtable *shape,
			      const mig_strv *self_pk, mig_strv *items);
/* CONSTRAINT n FOREIGN KEY (cols) REFERENCES parent (refcols) [ON ...]. */
void mig__my_foreign_key(my *p, mig_str *out, const char *table, const char *name, const mig_strv *cols,
			 const mig_reference_def *ref, const mig_strv *self_pk);
/* "(`a`, `b`)" */
void mig__my_put_columns(mig_str *out, const mig_strv *cols);
void mig__my_strv_add(my *p, mig_strv *v, const char *s);
/* A model column restated whole for MODIFY COLUMN (MySQL forgets what a
 * MODIFY does not repeat): type (decl, or NULL for the model's),
 * COLLATE, NOT NULL, DEFAULT (default_body, "DEFAULT ..." as the model
 * spells it, or NULL for the model's), AUTO_INCREMENT, COMMENT. */
void mig__my_restate_column(my *p, mig_str *out, const mig_mcolumn *c, const char *decl, const char *default_body);

/* ---- enum types (mysql_enums.c) ---- */

/* A mig_my_enum_lookup over p's catalog (ud: the my *); a failing read
 * sets p->rc. */
const mig_strv *mig__my_enum_values(void *ud, const char *name);

/* ---- CHECKs MySQL 8 cannot keep (mysql_checks.c) ---- */

/* The columns of a createTable on which the server refuses a CHECK
 * because of a foreign key's ON DELETE/ON UPDATE action (mysql: MySQL 8's
 * rule, else MariaDB's), into out. */
void mig__my_cascade_columns(my *p, const mig_create_table_def *d, bool mysql, mig_strv *out);
/* The same for a table as it is now (t, NULL for none) plus the foreign
 * keys an addConstraint adds (added). */
void mig__my_table_cascade_columns(my *p, const mig_mtable *t, const mig_constraints_def *added, bool mysql,
				   mig_strv *out);
/* Whether expr mentions one of cols (as an identifier). */
bool mig__my_mentions_any(const char *expr, const mig_strv *cols);
/* BEFORE INSERT and BEFORE UPDATE triggers on table (quoted) that fail
 * a row as CHECK (expr) would, one pair per (name, expr) of checks. */
void mig__my_check_triggers(my *p, const char *table_quoted, const char *table, const mig_strv *checks,
			    const mig_strv *columns);

/* ---- dispatch ---- */

typedef void (*mig_my_emitter_fn)(my *p);
typedef struct mig_my_emitter {
	enum mig_op_kind kind;
	mig_my_emitter_fn fn;
} mig_my_emitter;

/* Each file's emitters, ended by {MIG_OP_UNKNOWN, NULL}. */
extern const mig_my_emitter mig__my_tables[];
extern const mig_my_emitter mig__my_constraints_ops[];
extern const mig_my_emitter mig__my_indexes[];
extern const mig_my_emitter mig__my_enums[];
extern const mig_my_emitter mig__my_views[];

#endif
