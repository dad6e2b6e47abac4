/*
 * Typed tables, columns and constraints: createTable, alterTable,
 * addColumns, dropColumns, alterColumn, addConstraint (dropTable,
 * renameTable, renameColumn, dropConstraint and renameConstraint use the
 * generic mig_drop_def / mig_rename_def). See defs/base.h for the
 * conventions.
 */
#ifndef MIG_DEFS_TABLES_H
#define MIG_DEFS_TABLES_H

#include "ir/defs/base.h"

/* parseReferences(): REFERENCES <table> [MATCH m] [ON DELETE a] [ON UPDATE a]. */
typedef struct mig_reference_def {
	/* A references string that starts with '"' or ends with ')' is SQL
	 * node-pg-migrate pastes as is ("t"(id), t(a, b)); else the table. */
	const char *raw;
	mig_qname table;
	const char *match;     /* String(), NULL when falsy */
	const char *on_delete; /* String(), NULL when falsy */
	const char *on_update; /* String(), NULL when falsy */
} mig_reference_def;

/* sequenceGenerated: GENERATED <precedence> AS IDENTITY (<options>). */
typedef struct mig_identity_def {
	const char *precedence; /* String(precedence): "ALWAYS", "BY DEFAULT" */
	mig_sequence_opts options;
	/* Keys of the sequenceGenerated object other than precedence, in
	 * order (for dialects that can only say which ones they ignore). */
	mig_texts option_keys;
} mig_identity_def;

/* One column of createTable/addColumns, after applyType(). */
typedef struct mig_column_def {
	const char *name;        /* decamelized */
	mig_type_ref type;
	const char *array;       /* NULL: not an array; "": `array: true`; "n": ARRAY[n] */
	bool array_truthy;       /* options.array truthy, whatever it holds (for dialects that refuse arrays) */
	const char *collation;   /* String(), NULL when falsy */
	const mig_value *default_value; /* NULL: no default (undefined) */
	bool unique, primary_key, not_null;
	const char *check;       /* String(), NULL when falsy */
	mig_reference_def *references; /* NULL when !references */
	/* The column's foreign key is named when referencesConstraintName or
	 * referencesConstraintComment is given (else the server names it). */
	bool fk_named;
	mig_qname fk_name;
	/* fk_name is referencesConstraintName (else generated from the
	 * comment's presence: dialects that cannot comment name it their way) */
	bool fk_name_given;
	const mig_value *fk_comment; /* referencesConstraintComment, NULL when falsy */
	bool deferrable, deferred;
	mig_identity_def *identity; /* sequenceGenerated, NULL when falsy */
	const char *expression_generated; /* String(), NULL when falsy */
	bool has_comment;        /* comment given (null included) */
	const mig_value *comment;
} mig_column_def;

typedef struct mig_column_defs {
	mig_column_def *v;
	size_t n;
} mig_column_defs;

enum mig_constraint_kind {
	MIG_CONSTRAINT_CHECK,
	MIG_CONSTRAINT_UNIQUE,
	MIG_CONSTRAINT_PRIMARY,
	MIG_CONSTRAINT_FOREIGN,
	MIG_CONSTRAINT_EXCLUDE,
	MIG_CONSTRAINT_RAW /* addConstraint(t, name, 'SQL'): the text as given */
};

/* One line of parseConstraints(). */
typedef struct mig_constraint_def {
	enum mig_constraint_kind kind;
	bool named;        /* false only for RAW without a name */
	mig_qname name;    /* the given name, or node-pg-migrate's generated one */
	const char *expr;  /* CHECK: String(check); EXCLUDE: String(exclude); RAW: the SQL */
	mig_qnames columns; /* UNIQUE, PRIMARY, FOREIGN */
	mig_reference_def references; /* FOREIGN */
	const mig_value *comment; /* FOREIGN: referencesConstraintComment, NULL when falsy */
} mig_constraint_def;

/* The constraints of a createTable's options (plus the primary key of
 * several primaryKey columns) or of addConstraint. */
typedef struct mig_constraints_def {
	mig_constraint_def *v;
	size_t n;
	bool deferrable, deferred; /* apply to every line but RAW */
	/* options.comment: COMMENT ON CONSTRAINT <comment_name>; only with a
	 * constraint name (node-pg-migrate refuses it otherwise). */
	const mig_value *comment; /* NULL when falsy */
	mig_qname comment_name;
} mig_constraints_def;

/* parseLike(): LIKE <table> INCLUDING x EXCLUDING y. */
typedef struct mig_like_def {
	mig_qname table;
	mig_texts including, excluding; /* String() of each */
} mig_like_def;

typedef struct mig_partition_column {
	mig_qname name;
	const char *collate; /* String(), NULL when falsy */
	const char *opclass; /* String(), NULL when falsy */
} mig_partition_column;

typedef struct mig_partition_def {
	const char *strategy; /* String(strategy) ("undefined" when absent, as there) */
	mig_partition_column *columns;
	size_t ncolumns;
} mig_partition_def;

typedef struct mig_create_table_def {
	mig_qname table;
	mig_column_defs columns;
	mig_constraints_def constraints;
	mig_like_def *like;     /* NULL when !like */
	bool temporary, unlogged, if_not_exists;
	mig_qname *inherits;    /* NULL when !inherits */
	mig_partition_def *partition; /* NULL when !partition */
	bool has_comment;       /* options.comment given (null included) */
	const mig_value *comment;
} mig_create_table_def;

typedef struct mig_alter_table_def {
	mig_qname table;
	const char *level_security; /* String(levelSecurity), NULL when falsy */
	enum mig_tristate unlogged; /* SET: SET UNLOGGED; UNSET: SET LOGGED */
} mig_alter_table_def;

typedef struct mig_add_columns_def {
	mig_qname table;
	mig_column_defs columns;
	bool if_not_exists;
} mig_add_columns_def;

typedef struct mig_drop_columns_def {
	mig_qname table;
	mig_qnames columns;
	bool if_exists, cascade;
} mig_drop_columns_def;

enum mig_alter_action { MIG_KEEP = 0, MIG_CHANGE, MIG_DROP };

typedef struct mig_alter_column_def {
	mig_qname table, column;
	enum mig_alter_action default_action; /* CHANGE: default_value; DROP: default null */
	const mig_value *default_value;
	mig_type_ref *type;       /* NULL when !type; a string is already adapted */
	const char *collation;    /* with type only: String(), NULL when falsy */
	const char *using_expr;   /* with type only: String(), NULL when falsy */
	enum mig_alter_action not_null; /* CHANGE: SET NOT NULL; DROP: DROP NOT NULL */
	enum mig_alter_action identity; /* CHANGE: ADD GENERATED (identity); DROP: DROP IDENTITY */
	mig_identity_def *identity_def;
	enum mig_alter_action expression; /* CHANGE: SET EXPRESSION AS (expression_text); DROP */
	const char *expression_text;
	bool has_comment;         /* comment given (null included) */
	const mig_value *comment;
	/* Without any action or comment node-pg-migrate never reads the
	 * names; table and column are then the names when valid (else "") and
	 * these the error literal() would throw for an invalid one (else
	 * NULL), for dialects that look the column up all the same. */
	const char *table_error, *column_error;
} mig_alter_column_def;

typedef struct mig_add_constraint_def {
	mig_qname table;
	mig_constraints_def constraints;
} mig_add_constraint_def;

#define MIG_DEFS_TABLES_MEMBERS                  \
	mig_create_table_def create_table;       \
	mig_alter_table_def alter_table;         \
	mig_add_columns_def add_columns;         \
	mig_drop_columns_def drop_columns;       \
	mig_alter_column_def alter_column;       \
	mig_add_constraint_def add_constraint;

#endif
