/*
 * Typed types and domains: createType (enum or composite), the
 * attribute operations, addTypeValue, renameTypeValue, createDomain and
 * alterDomain (dropType, renameType, renameTypeAttribute, dropDomain and
 * renameDomain use the generic mig_drop_def / mig_rename_def; for
 * renameTypeAttribute the target is the type and from/to the attribute).
 * See defs/base.h for the conventions.
 */
#ifndef MIG_DEFS_TYPES_H
#define MIG_DEFS_TYPES_H

#include "ir/defs/base.h"

/* One attribute of a composite createType, after applyType(). */
typedef struct mig_type_attr_def {
	mig_qname name; /* the key, decamelized */
	mig_type_ref type;
} mig_type_attr_def;

typedef struct mig_create_type_def {
	mig_qname name;
	bool is_enum;      /* values given as an array; else attributes (an object) */
	mig_values values; /* enum: the labels as given, in order */
	mig_texts labels;  /* enum: String() of each value, for dialects that store the labels as text */
	mig_type_attr_def *attrs; /* composite, in key order */
	size_t nattrs;
} mig_create_type_def;

/* addTypeAttribute, setTypeAttribute (attr_type) and dropTypeAttribute
 * (if_exists). */
typedef struct mig_type_attribute_def {
	mig_qname type, attribute;
	mig_type_ref *attr_type; /* NULL for dropTypeAttribute */
	bool if_exists;
} mig_type_attribute_def;

typedef struct mig_add_type_value_def {
	mig_qname type;
	const mig_value *value;
	bool if_not_exists;
	/* The neighbour labels as given, NULL when falsy (node-pg-migrate
	 * tests truthiness, for the clause as for "can't be specified
	 * together"); at most one of them is set. */
	const mig_value *before, *after;
	/* For dialects that keep the labels as text: String() of the value,
	 * and of before/after whenever given (defined, falsy ones too: NULL
	 * only when undefined). */
	const char *value_text, *before_text, *after_text;
} mig_add_type_value_def;

typedef struct mig_rename_type_value_def {
	mig_qname type;
	const mig_value *from, *to; /* labels as given */
	const char *from_text, *to_text; /* String() of each */
} mig_rename_type_value_def;

typedef struct mig_create_domain_def {
	mig_qname name;
	mig_type_ref *type;
	const char *collation;          /* String(), NULL when falsy */
	const mig_value *default_value; /* NULL when undefined (null is DEFAULT NULL) */
	/* NOT NULL or CHECK (node-pg-migrate refuses both together), named
	 * by constraint_name when given. */
	bool not_null;
	const char *check;              /* String(), NULL when falsy */
	mig_qname *constraint_name;     /* NULL unless (not_null or check) and constraintName */
} mig_create_domain_def;

typedef struct mig_alter_domain_def {
	mig_qname name;
	enum mig_tristate default_action; /* SET: SET DEFAULT default_value; UNSET: DROP DEFAULT (null) */
	const mig_value *default_value;
	enum mig_tristate not_null;       /* SET: SET NOT NULL; UNSET: DROP NOT NULL (false, or allowNull) */
	const char *check;                /* ADD CHECK: String(), NULL when falsy */
	mig_qname *constraint_name;       /* NULL unless check and constraintName */
} mig_alter_domain_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_TYPES_MEMBERS                      \
	mig_create_type_def create_type;            \
	mig_type_attribute_def type_attribute;      \
	mig_add_type_value_def add_type_value;      \
	mig_rename_type_value_def rename_type_value; \
	mig_create_domain_def create_domain;        \
	mig_alter_domain_def alter_domain;

#endif
