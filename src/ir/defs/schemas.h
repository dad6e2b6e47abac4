/*
 * Typed extensions, schemas and sequences: createExtension,
 * createSchema, createSequence and alterSequence (dropExtension,
 * dropSchema, renameSchema, dropSequence and renameSequence use the
 * generic mig_drop_def / mig_rename_def). See defs/base.h for the
 * conventions.
 */
#ifndef MIG_DEFS_SCHEMAS_H
#define MIG_DEFS_SCHEMAS_H

#include "ir/defs/base.h"

typedef struct mig_create_extension_def {
	mig_qnames names;  /* toArray(extension), one statement each */
	mig_texts texts;   /* String() of each as given, for dialects that only say what they skip */
	bool if_not_exists;
	mig_qname *schema; /* NULL when falsy */
} mig_create_extension_def;

typedef struct mig_create_schema_def {
	mig_qname name;
	bool if_not_exists;
	const char *authorization; /* String(), NULL when falsy */
} mig_create_schema_def;

typedef struct mig_create_sequence_def {
	mig_qname name;
	bool temporary, if_not_exists;
	mig_sequence_opts options;
} mig_create_sequence_def;

typedef struct mig_alter_sequence_def {
	mig_qname name;
	mig_sequence_opts options;
	/* restart === true: RESTART; another truthy value: RESTART WITH
	 * restart_with (String()). */
	bool restart;
	const char *restart_with;
} mig_alter_sequence_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_SCHEMAS_MEMBERS                   \
	mig_create_extension_def create_extension; \
	mig_create_schema_def create_schema;       \
	mig_create_sequence_def create_sequence;   \
	mig_alter_sequence_def alter_sequence;

#endif
