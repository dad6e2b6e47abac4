/*
 * The operation kinds: every MigrationBuilder operation of node-pg-migrate
 * 9.0.0 plus the internal ones, in ONE table. The enum, the canonical
 * names and the dispatch tables of the analysis step and of every dialect
 * are generated from it, so adding an operation is one line here and one
 * function per layer (a missing one is a NULL slot the caller reports).
 *
 * XX(ID, canonicalName): the API name the dialects implement; aliases
 * (addColumn -> addColumns, ...) are in ir.c.
 */
#ifndef MIG_OP_KINDS_H
#define MIG_OP_KINDS_H

#define MIG_OP_MAP(XX)                                                          \
	XX(CREATE_TABLE, createTable)                                           \
	XX(DROP_TABLE, dropTable)                                               \
	XX(RENAME_TABLE, renameTable)                                           \
	XX(ALTER_TABLE, alterTable)                                             \
	XX(ADD_COLUMNS, addColumns)                                             \
	XX(DROP_COLUMNS, dropColumns)                                           \
	XX(RENAME_COLUMN, renameColumn)                                         \
	XX(ALTER_COLUMN, alterColumn)                                           \
	XX(ADD_CONSTRAINT, addConstraint)                                       \
	XX(DROP_CONSTRAINT, dropConstraint)                                     \
	XX(RENAME_CONSTRAINT, renameConstraint)                                 \
	XX(CREATE_INDEX, createIndex)                                           \
	XX(DROP_INDEX, dropIndex)                                               \
	XX(RENAME_INDEX, renameIndex)                                           \
	XX(CREATE_TYPE, createType)                                             \
	XX(DROP_TYPE, dropType)                                                 \
	XX(RENAME_TYPE, renameType)                                             \
	XX(ADD_TYPE_ATTRIBUTE, addTypeAttribute)                                \
	XX(DROP_TYPE_ATTRIBUTE, dropTypeAttribute)                              \
	XX(SET_TYPE_ATTRIBUTE, setTypeAttribute)                                \
	XX(RENAME_TYPE_ATTRIBUTE, renameTypeAttribute)                          \
	XX(ADD_TYPE_VALUE, addTypeValue)                                        \
	XX(RENAME_TYPE_VALUE, renameTypeValue)                                  \
	XX(CREATE_EXTENSION, createExtension)                                   \
	XX(DROP_EXTENSION, dropExtension)                                       \
	XX(CREATE_SCHEMA, createSchema)                                         \
	XX(DROP_SCHEMA, dropSchema)                                             \
	XX(RENAME_SCHEMA, renameSchema)                                         \
	XX(CREATE_SEQUENCE, createSequence)                                     \
	XX(ALTER_SEQUENCE, alterSequence)                                       \
	XX(DROP_SEQUENCE, dropSequence)                                         \
	XX(RENAME_SEQUENCE, renameSequence)                                     \
	XX(CREATE_FUNCTION, createFunction)                                     \
	XX(DROP_FUNCTION, dropFunction)                                         \
	XX(RENAME_FUNCTION, renameFunction)                                     \
	XX(CREATE_TRIGGER, createTrigger)                                       \
	XX(DROP_TRIGGER, dropTrigger)                                           \
	XX(RENAME_TRIGGER, renameTrigger)                                       \
	XX(CREATE_VIEW, createView)                                             \
	XX(ALTER_VIEW, alterView)                                               \
	XX(ALTER_VIEW_COLUMN, alterViewColumn)                                  \
	XX(DROP_VIEW, dropView)                                                 \
	XX(RENAME_VIEW, renameView)                                             \
	XX(CREATE_MATERIALIZED_VIEW, createMaterializedView)                    \
	XX(ALTER_MATERIALIZED_VIEW, alterMaterializedView)                      \
	XX(REFRESH_MATERIALIZED_VIEW, refreshMaterializedView)                  \
	XX(RENAME_MATERIALIZED_VIEW, renameMaterializedView)                    \
	XX(RENAME_MATERIALIZED_VIEW_COLUMN, renameMaterializedViewColumn)       \
	XX(DROP_MATERIALIZED_VIEW, dropMaterializedView)                        \
	XX(CREATE_DOMAIN, createDomain)                                         \
	XX(ALTER_DOMAIN, alterDomain)                                           \
	XX(DROP_DOMAIN, dropDomain)                                             \
	XX(RENAME_DOMAIN, renameDomain)                                         \
	XX(CREATE_POLICY, createPolicy)                                         \
	XX(ALTER_POLICY, alterPolicy)                                           \
	XX(DROP_POLICY, dropPolicy)                                             \
	XX(RENAME_POLICY, renamePolicy)                                         \
	XX(CREATE_ROLE, createRole)                                             \
	XX(ALTER_ROLE, alterRole)                                               \
	XX(DROP_ROLE, dropRole)                                                 \
	XX(RENAME_ROLE, renameRole)                                             \
	XX(GRANT_ROLES, grantRoles)                                             \
	XX(REVOKE_ROLES, revokeRoles)                                           \
	XX(GRANT_ON_SCHEMAS, grantOnSchemas)                                    \
	XX(REVOKE_ON_SCHEMAS, revokeOnSchemas)                                  \
	XX(GRANT_ON_TABLES, grantOnTables)                                      \
	XX(REVOKE_ON_TABLES, revokeOnTables)                                    \
	XX(CREATE_CAST, createCast)                                             \
	XX(DROP_CAST, dropCast)                                                 \
	XX(CREATE_OPERATOR, createOperator)                                     \
	XX(DROP_OPERATOR, dropOperator)                                         \
	XX(CREATE_OPERATOR_FAMILY, createOperatorFamily)                        \
	XX(DROP_OPERATOR_FAMILY, dropOperatorFamily)                            \
	XX(RENAME_OPERATOR_FAMILY, renameOperatorFamily)                        \
	XX(CREATE_OPERATOR_CLASS, createOperatorClass)                          \
	XX(DROP_OPERATOR_CLASS, dropOperatorClass)                              \
	XX(RENAME_OPERATOR_CLASS, renameOperatorClass)                          \
	XX(ADD_TO_OPERATOR_FAMILY, addToOperatorFamily)                         \
	XX(REMOVE_FROM_OPERATOR_FAMILY, removeFromOperatorFamily)               \
	XX(SQL, sql)                                                            \
	/* Internal, produced only by the inferred down of createTrigger with  \
	 * a definition: drop the trigger and its function as ONE step, as     \
	 * node-pg-migrate does. Loaders never produce it. */                  \
	XX(DROP_TRIGGER_AND_FUNCTION, dropTriggerAndFunction)

enum mig_op_kind {
	MIG_OP_UNKNOWN = 0,
#define MIG_XX(id, name) MIG_OP_##id,
	MIG_OP_MAP(MIG_XX)
#undef MIG_XX
	MIG_OP__COUNT
};

/* The canonical name of a kind ("createTable"); "unknown" for others. */
const char *mig_op_kind_name(enum mig_op_kind kind);
/* The kind of a canonical name (no aliases), MIG_OP_UNKNOWN if none. */
enum mig_op_kind mig_op_kind_from_name(const char *canonical);

#endif
