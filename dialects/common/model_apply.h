/*
 * Typed operations applied to the shared model (model.h): how the tables
 * change when an operation runs, for engines whose model is structure
 * (PostgreSQL now, MySQL next). Offline `sql` and dry runs advance the
 * model this way instead of asking the database.
 *
 * SQLite is the exception: its model keeps the CREATE text sqlite_master
 * stores, so it follows the statements it emitted instead
 * (dialects/sqlite/sqlite_apply.c).
 *
 * What differs between engines is in the rules: how a type reads back
 * once stored, what a default reads back as, and the names the engine
 * gives constraints nobody named. The parts the applier writes use the
 * forms each engine's reader writes (model.h), so that a dump of the
 * applied model equals a dump of the introspected one.
 */
#ifndef MIG_MODEL_APPLY_H
#define MIG_MODEL_APPLY_H

#include "dialects/common/model.h"
#include "dialects/dialect.h"
#include "ir/opdef.h"
#include "util/str.h"

#include <stdbool.h>

typedef struct mig_model_rules {
	/* The schema the model holds (unqualified names belong to it);
	 * operations on any other schema leave the model alone. */
	const char *schema;
	/* A column type as the engine reads it back (`array`: the column
	 * definition's array suffix, NULL for none). *serial: the type is a
	 * serial pseudo-type, an integer whose default is a sequence. The
	 * caller frees; NULL when out of memory. */
	char *(*type)(const mig_type_ref *t, const char *array, bool *serial);
	/* A default as the engine reads it back, into out; nothing written:
	 * the engine stores no default (DEFAULT NULL). */
	void (*default_sql)(const mig_value *v, mig_str *out);
	/* The name the engine gives an unnamed constraint or a serial's
	 * sequence: table, the columns (NULL: none), a label ("pkey", "key",
	 * "fkey", "check", "seq"), unused in m. The caller frees. */
	char *(*choose_name)(const mig_model *m, const char *table, const char *column, const char *label);
	/* A serial column's default, given its sequence's name (caller frees). */
	char *(*serial_default)(const char *sequence);
	/* The primary key makes its columns NOT NULL. */
	bool pk_not_null;
	/* Non-NULL: a serial column is this IDENTITY part (MySQL's
	 * "AUTO_INCREMENT") rather than a default naming a sequence
	 * (serial_default is then unused). */
	const char *serial_identity;
} mig_model_rules;

/*
 * Advance m past one operation. *unfollowed: NULL, or why the model could
 * not follow it (a static text such as "LIKE ... INCLUDING INDEXES"): the
 * model is then only as good as what was followed. 0 or MIG_ENOMEM.
 */
int mig_model_apply(const mig_model_rules *r, const mig_opdef *def, mig_model *m, const char **unfollowed);

/* User SQL (pgm.sql(), .sql files) the model cannot follow: *unfollowed
 * is set when a statement of steps starts with anything but one of
 * data_words (an engine's words for statements that leave the schema
 * alone). 0 or MIG_ENOMEM. */
int mig_model_sql_unfollowed(const mig_steps *steps, const char *const *data_words, const char **unfollowed);
/* The notice that the model did not follow op (nothing when unfollowed
 * is NULL or nobody listens). */
void mig_model_say_unfollowed(const mig_emit_ctx *ctx, const mig_op *op, const char *unfollowed);

#endif
