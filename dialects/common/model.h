/*
 * The table model every dialect shares: what the database has (tables
 * with their columns, constraints, indexes and triggers; views; enum
 * types), in the engine's own terms (its type names, its SQL for a
 * default or a constraint), with enough structure that a dialect can
 * restate a table (SQLite's rebuild) or a column (MySQL's MODIFY COLUMN)
 * without reading the database again.
 *
 * It is filled two ways (engine/catalog.h): by each engine's reader from
 * the live database, and, offline and in dry runs, by applying each
 * operation of the earlier migrations to an in-memory model. A part keeps
 * the text the engine stores for it, so a table made by hand-written SQL
 * is restated as it was written.
 *
 * Names compare as the engine compares identifiers (ASCII case-folded:
 * SQLite, MySQL; PostgreSQL's names are folded by its reader already).
 * Every function that can fail returns 0 or MIG_ENOMEM with the error set.
 */
#ifndef MIG_MODEL_H
#define MIG_MODEL_H

#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>

/* A constraint or attribute of a column or of a table. */
enum mig_part_kind {
	MIG_PART_PRIMARY,   /* PRIMARY KEY */
	MIG_PART_NOT_NULL,  /* NOT NULL */
	MIG_PART_NULL,      /* NULL */
	MIG_PART_UNIQUE,    /* UNIQUE */
	MIG_PART_CHECK,     /* CHECK (expr) */
	MIG_PART_DEFAULT,   /* DEFAULT value */
	MIG_PART_COLLATE,   /* COLLATE name */
	MIG_PART_FOREIGN,   /* REFERENCES ... / FOREIGN KEY (cols) REFERENCES ... */
	MIG_PART_GENERATED, /* [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL] */
	MIG_PART_IDENTITY   /* AUTO_INCREMENT, GENERATED ... AS IDENTITY */
};

typedef struct mig_part {
	enum mig_part_kind kind;
	char *name; /* CONSTRAINT name (unquoted), or NULL */
	char *body; /* its SQL after the name: "NOT NULL", "CHECK (a > 0)" */
	/* Structure, where the reader knows it: the columns of a table-level
	 * PRIMARY/UNIQUE/FOREIGN, and what a FOREIGN key references (no
	 * ref_columns: the parent's primary key). */
	mig_strv columns;
	char *ref_table;
	mig_strv ref_columns;
	char *on_delete, *on_update; /* NULL: NO ACTION */
} mig_part;

typedef struct mig_parts {
	mig_part *v;
	size_t n, cap;
} mig_parts;

typedef struct mig_mcolumn {
	char *name;
	char *type;  /* the declared type, as the engine spells it; "" for none */
	mig_parts parts; /* in the order the definition writes them */
	char *comment;   /* NULL: none */
	/* A rebuild's copy: the expression over the old table that fills
	 * this column, NULL for a new column (it gets its default). */
	char *src;
} mig_mcolumn;

/* An index or trigger of a table. */
typedef struct mig_mobject {
	char *type; /* "index", "trigger" */
	char *name;
	char *sql;  /* its definition as the engine stores it (NULL: made by a constraint) */
	bool unique, partial;  /* indexes */
	mig_strv columns;      /* indexes: column names, "(expr)" for an expression */
	bool keep;             /* a rebuild creates it again */
} mig_mobject;

typedef struct mig_mtable {
	char *name;    /* as the engine spells it */
	mig_mcolumn *cols;
	size_t ncols, capcols;
	mig_parts parts; /* table constraints */
	char *options;   /* after the column list ("WITHOUT ROWID", ...) */
	mig_mobject *objs;
	size_t nobjs, capobjs;
	/* Why the model cannot restate this table (a virtual table...);
	 * NULL when it can. */
	char *opaque;
	/* The model that holds it (NULL: none), whose name index hears of
	 * the indexes and triggers added here. */
	struct mig_model *owner;
} mig_mtable;

typedef struct mig_mview {
	char *name;
	char *sql; /* its definition as the engine stores it */
} mig_mview;

typedef struct mig_menum {
	char *name;
	mig_strv values; /* in declaration order */
} mig_menum;

typedef struct mig_model {
	mig_mtable **tables; /* stable addresses: a table is never moved */
	size_t ntables, captables;
	mig_mview *views;
	size_t nviews, capviews;
	mig_menum *enums;
	size_t nenums, capenums;
	/* Table and object names, so that lookups do not walk the schema
	 * (model.c); NULL until the first lookup. */
	struct mig_model_index *index;
} mig_model;

#define MIG_MODEL_INIT {0}

bool mig_model_ieq(const char *a, const char *b);

/* ---- parts ------------------------------------------------------------ */

/* Append a part; takes name and body (also on failure). */
int mig_parts_push(mig_parts *v, enum mig_part_kind kind, char *name, char *body);
int mig_parts_pushdup(mig_parts *v, enum mig_part_kind kind, const char *name, const char *body);
void mig_parts_remove(mig_parts *v, size_t i);
/* The first part of a kind, or NULL. */
const mig_part *mig_parts_find(const mig_parts *v, enum mig_part_kind kind);
void mig_parts_drop_kind(mig_parts *v, enum mig_part_kind kind);
void mig_parts_dispose(mig_parts *v);
int mig_parts_copy(mig_parts *to, const mig_parts *from);

/* ---- tables ------------------------------------------------------------ */

mig_mtable *mig_mtable_new(const char *name);
/* Free what a table holds (a table kept by value); NULL fields are fine. */
void mig_mtable_dispose(mig_mtable *t);
void mig_mtable_free(mig_mtable *t);
/* A deep copy (caller frees), NULL on failure. */
mig_mtable *mig_mtable_clone(const mig_mtable *t);
/* A new column at the end; takes name and type (also on failure). */
mig_mcolumn *mig_mtable_add_col(mig_mtable *t, char *name, char *type);
mig_mcolumn *mig_mtable_col(const mig_mtable *t, const char *name);
void mig_mtable_remove_col(mig_mtable *t, mig_mcolumn *c);
/* A new index or trigger; takes type, name and sql. */
mig_mobject *mig_mtable_add_obj(mig_mtable *t, char *type, char *name, char *sql);
mig_mobject *mig_mtable_obj(const mig_mtable *t, const char *type, const char *name);
void mig_mtable_remove_obj(mig_mtable *t, mig_mobject *o);

/* ---- the model --------------------------------------------------------- */

/* The table (NULL: none). */
mig_mtable *mig_model_table(const mig_model *m, const char *name);
/* Put a table in (takes it; replaces one of the same name). */
int mig_model_put_table(mig_model *m, mig_mtable *t);
void mig_model_drop_table(mig_model *m, const char *name);
/* Say that a table's or an object's name was changed in place (a
 * rename), which the name index cannot see. */
void mig_model_names_changed(mig_model *m);
/* The table an index or trigger belongs to (NULL: none). */
mig_mtable *mig_model_table_of(const mig_model *m, const char *type, const char *name, mig_mobject **obj);
const mig_mview *mig_model_view(const mig_model *m, const char *name);
int mig_model_put_view(mig_model *m, const char *name, const char *sql);
void mig_model_drop_view(mig_model *m, const char *name);
const mig_menum *mig_model_enum(const mig_model *m, const char *name);
/* Set an enum's values (replaces them; creates the type). */
int mig_model_put_enum(mig_model *m, const char *name, const mig_strv *values);
void mig_model_drop_enum(mig_model *m, const char *name);
void mig_model_dispose(mig_model *m);

/* The model in one normalised text, for comparing two models of the same
 * schema (tests/tools/schema_dump.py's form; see model.c). */
typedef enum mig_model_dump_flags {
	MIG_DUMP_PORTABLE = 0,    /* type and default classes, names: engine-independent */
	MIG_DUMP_DETAIL = 1u << 0, /* every type, part and definition as the engine spells it */
	MIG_DUMP_TYPES = 1u << 1   /* the portable form plus each column's type as the engine spells it */
} mig_model_dump_flags;
int mig_model_dump(const mig_model *m, unsigned flags, mig_str *out);

#endif
