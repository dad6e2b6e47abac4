/*
 * Typed casts, operators, operator families and classes: createCast,
 * dropCast, createOperator, dropOperator, createOperatorFamily,
 * createOperatorClass, addToOperatorFamily and removeFromOperatorFamily
 * (dropOperatorFamily and dropOperatorClass use mig_drop_def with its
 * method, renameOperatorFamily and renameOperatorClass mig_rename_def
 * with its method). See defs/base.h for the conventions.
 */
#ifndef MIG_DEFS_OPERATORS_H
#define MIG_DEFS_OPERATORS_H

#include "ir/defs/base.h"
#include "ir/defs/routines.h"

enum mig_cast_method {
	MIG_CAST_WITHOUT_FUNCTION,
	MIG_CAST_WITH_FUNCTION,
	MIG_CAST_WITH_INOUT
};

typedef struct mig_cast_def {
	const char *source, *target; /* String() of the types */
	enum mig_cast_method method;
	mig_qname function;          /* WITH FUNCTION */
	const char *argument_types;  /* WITH FUNCTION: joined by ", " (the source type by default) */
	const char *as;              /* AS String(as) (ASSIGNMENT, IMPLICIT), NULL when falsy */
} mig_cast_def;

typedef struct mig_drop_cast_def {
	const char *source, *target; /* String() of the types */
	bool if_exists;
} mig_drop_cast_def;

/*
 * Operator symbols (the operator's name, commutator, negator) are final
 * text: a symbol as written, or schemalize() of a name (unquoted, with a
 * schema "s.name"; decamelized when the run asks).
 */
typedef struct mig_operator_def {
	const char *name;
	mig_qname procedure;
	mig_qname *left, *right;     /* LEFTARG, RIGHTARG; NULL when falsy */
	const char *commutator, *negator; /* symbols, NULL when falsy */
	mig_qname *restrict_fn, *join_fn; /* RESTRICT, JOIN; NULL when falsy */
	bool hashes, merges;
} mig_operator_def;

typedef struct mig_drop_operator_def {
	const char *name;            /* a symbol, as for createOperator */
	mig_qname *left, *right;     /* NULL: NONE */
	bool if_exists, cascade;
} mig_drop_operator_def;

/* createOperatorFamily(name, method). */
typedef struct mig_operator_family_def {
	mig_qname name;
	const char *method;          /* String(method) */
} mig_operator_family_def;

/* One item of operatorMap(): OPERATOR n op (params) | FUNCTION n f(params). */
typedef struct mig_operator_item {
	bool is_function;
	const char *number;          /* String(number) */
	mig_qname function;          /* FUNCTION */
	/* OPERATOR: a bare symbol pasted as written, its schema (when the
	 * name was {schema, name}) quoted like a name */
	const char *op_schema, *op_symbol;
	/* FUNCTION always has its parameter list; OPERATOR only with a
	 * non-empty params array */
	bool has_params;
	mig_params_def params;
} mig_operator_item;

typedef struct mig_operator_items {
	mig_operator_item *v;
	size_t n;
} mig_operator_items;

typedef struct mig_operator_class_def {
	mig_qname name;
	bool is_default;
	mig_qname type;              /* literal(applyType(type).type), built-in shorthands only */
	mig_qname method;            /* the index method, a name here */
	const char *family;          /* FAMILY String(family), NULL when falsy */
	mig_operator_items items;
} mig_operator_class_def;

/* addToOperatorFamily / removeFromOperatorFamily. */
typedef struct mig_alter_operator_family_def {
	mig_qname name;
	const char *method;          /* String(method) */
	mig_operator_items items;
} mig_alter_operator_family_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_OPERATORS_MEMBERS                                \
	mig_cast_def create_cast;                                 \
	mig_drop_cast_def drop_cast;                              \
	mig_operator_def create_operator;                         \
	mig_drop_operator_def drop_operator;                      \
	mig_operator_family_def create_operator_family;           \
	mig_operator_class_def create_operator_class;             \
	mig_alter_operator_family_def alter_operator_family;

#endif
