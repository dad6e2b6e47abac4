/*
 * Building blocks of the typed operations (ir/opdef.h): what the analysis
 * step makes of node-pg-migrate's arguments, so that no dialect reads an
 * option key. Conventions for every definition:
 *
 * - Strings are the final text node-pg-migrate would put into SQL, or
 *   NULL when the option is absent (or falsy, where node-pg-migrate tests
 *   truthiness). "String()" below means JavaScript's String(value): what a
 *   template literal pastes.
 * - Names (mig_qname) are already decamelized when the run asks for it;
 *   a dialect only quotes them. raw = true: pgm.func() SQL, pasted as is.
 * - Values (const mig_value *) are literals the dialect escapes its own
 *   way (defaults, comments, enum labels, function bodies); they point
 *   into the raw operation's arguments or into values the definition's
 *   arena owns. NULL = undefined; a mig_value of type NULL = JS null.
 *   Column defaults and pgm.sql() values give a {literal: true, value}
 *   object as the pgm.func() literal (MIG_V_LITERAL) it stands for.
 * - Everything belongs to the definition's arena (mig_opdef.arena).
 */
#ifndef MIG_DEFS_BASE_H
#define MIG_DEFS_BASE_H

#include "ir/value.h"

#include <stdbool.h>
#include <stddef.h>

/* node-pg-migrate's Name after literal(): "schema"."name" or raw SQL. */
typedef struct mig_qname {
	const char *schema; /* NULL: unqualified */
	const char *name;   /* never NULL in a valid definition */
	bool raw;           /* pgm.func(): paste `name`, never quote */
	/* The schema as written, before decamelize (NULL with schema): for
	 * dialects that accept only some schemas and name the one they
	 * refuse. */
	const char *given_schema;
} mig_qname;

typedef struct mig_qnames {
	mig_qname *v;
	size_t n;
} mig_qnames;

typedef struct mig_texts {
	const char **v;
	size_t n;
} mig_texts;

typedef struct mig_values {
	const mig_value **v;
	size_t n;
} mig_values;

/* A type as a definition names it (applyType(...).type). */
enum mig_type_kind {
	MIG_TYPE_TEXT, /* a type string (after node-pg-migrate's adapters) or String(number): paste */
	MIG_TYPE_NAME, /* {schema, name}: quote as an identifier */
	MIG_TYPE_RAW   /* pgm.func(): paste */
};

typedef struct mig_type_ref {
	enum mig_type_kind kind;
	const char *text; /* TEXT and RAW */
	mig_qname name;   /* NAME */
	bool number;      /* TEXT: String() of a number, not a type string */
} mig_type_ref;

/* A three-way option: absent, given a value, or switched off (NO MINVALUE). */
enum mig_tristate { MIG_ABSENT = 0, MIG_SET, MIG_UNSET };

/* parseSequenceOptions(): createSequence, alterSequence, identities. */
typedef struct mig_sequence_opts {
	mig_type_ref *type;      /* AS type; NULL when !options.type */
	const char *increment;   /* String(), NULL when falsy */
	enum mig_tristate minvalue; /* SET: MINVALUE text; UNSET: NO MINVALUE (null/false) */
	const char *minvalue_text;
	enum mig_tristate maxvalue;
	const char *maxvalue_text;
	const char *start;       /* String(), NULL when falsy */
	const char *cache;       /* String(), NULL when falsy */
	enum mig_tristate cycle; /* SET: CYCLE (truthy); UNSET: NO CYCLE (false) */
	enum mig_tristate owner; /* SET: OWNED BY text; UNSET: OWNED BY NONE (null/false) */
	const char *owner_text;
} mig_sequence_opts;

/* A drop of one or more objects: dropTable, dropType, dropExtension,
 * dropConstraint (target = the table), dropPolicy, dropTrigger, ... */
typedef struct mig_drop_def {
	mig_qname target;    /* the table (or type) the object belongs to, when it does */
	mig_qnames names;    /* the objects, in order */
	/* dropExtension: String() of each extension as given, for dialects
	 * that only say what they skip */
	mig_texts name_texts;
	const char *method;  /* operator families/classes: USING method (String()) */
	bool if_exists, cascade;
	bool if_table_exists; /* dropConstraint */
} mig_drop_def;

/* A rename: renameTable(from, to), renameColumn(target, from, to), ... */
typedef struct mig_rename_def {
	mig_qname target;   /* the table/type/view the renamed part belongs to, when it does */
	mig_qname from, to;
	const char *method; /* operator families/classes: USING method (String()) */
} mig_rename_def;

#endif
