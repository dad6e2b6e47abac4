/*
 * Typed functions and triggers: createFunction, dropFunction,
 * renameFunction, createTrigger and the internal dropTriggerAndFunction
 * (dropTrigger uses mig_drop_def, renameTrigger mig_rename_def). See
 * defs/base.h for the conventions.
 */
#ifndef MIG_DEFS_ROUTINES_H
#define MIG_DEFS_ROUTINES_H

#include "ir/defs/base.h"

/* One parameter of formatParams(), after applyType(). */
typedef struct mig_param_def {
	const char *mode;          /* String(mode), NULL when falsy */
	mig_qname *name;           /* NULL when falsy */
	mig_type_ref *type;        /* NULL when falsy */
	const mig_value *default_value; /* NULL when undefined */
} mig_param_def;

/* A parameter list; operator classes and families use it too. */
typedef struct mig_params_def {
	mig_param_def *v;
	size_t n;
} mig_params_def;

/* One item of a function's `set`: SET <parameter> TO <value> | FROM CURRENT. */
typedef struct mig_function_set {
	mig_qname parameter;
	const char *value; /* String(value); NULL: FROM CURRENT */
} mig_function_set;

typedef struct mig_function_def {
	mig_qname name;
	mig_params_def params;
	bool replace;
	const char *returns;  /* String(returns): "void" when undefined, "trigger" for createTrigger */
	const mig_value *definition; /* the body, escaped as a value (NULL: nothing) */
	/* The option lines in node-pg-migrate's order: */
	const char *behavior; /* "VOLATILE" when undefined, String() when truthy, else NULL */
	const char *language; /* String(language); node-pg-migrate requires it */
	const char *security; /* String(security), NULL when undefined or 'INVOKER' */
	bool window, on_null; /* WINDOW, RETURNS NULL ON NULL INPUT */
	const char *parallel; /* String(parallel), NULL when falsy */
	mig_function_set *set;
	size_t nset;
} mig_function_def;

typedef struct mig_drop_function_def {
	mig_qname name;
	mig_params_def params; /* each object parameter without its own default */
	bool if_exists, cascade;
} mig_drop_function_def;

typedef struct mig_rename_function_def {
	mig_qname from;
	mig_params_def params;
	mig_qname to;
} mig_rename_function_def;

typedef struct mig_trigger_def {
	mig_qname table, name;
	bool constraint;       /* CREATE CONSTRAINT TRIGGER, with its DEFERRABLE clause */
	bool deferrable, deferred;
	const char *when;      /* "AFTER" for a constraint trigger, else String(when) */
	const char *operation; /* toArray(operation).join(" OR ") */
	const char *level;     /* FOR EACH: "ROW" for INSTEAD OF, else String(level), "STATEMENT" when undefined */
	const char *condition; /* String(condition), NULL when falsy */
	mig_qname function;    /* options.function, or the trigger's name with a definition */
	mig_values function_params; /* escaped as values */
	/* With a definition: CREATE FUNCTION <function>() RETURNS trigger,
	 * written before the trigger in the same step. NULL otherwise. */
	mig_function_def *function_def;
} mig_trigger_def;

/* The inverse of createTrigger with a definition: both drops, one step. */
typedef struct mig_drop_trigger_function_def {
	mig_drop_def trigger; /* target = the table, names = the trigger */
	mig_drop_function_def function; /* no parameters */
} mig_drop_trigger_function_def;

/* Union members of ir/opdef.h for this group. */
#define MIG_DEFS_ROUTINES_MEMBERS                          \
	mig_function_def create_function;                  \
	mig_drop_function_def drop_function;               \
	mig_rename_function_def rename_function;           \
	mig_trigger_def create_trigger;                    \
	mig_drop_trigger_function_def drop_trigger_function;

/* For ir/analyze/ only: formatParams()'s reading of a parameter list
 * (`what` names the list in messages), shared with the operator groups.
 * without_default drops each object parameter's own default before
 * applyType() (dropFunction), so a shorthand's default still shows. */
struct mig_an;
void mig__an_params(struct mig_an *a, const mig_value *params, bool without_default, const char *what,
		    mig_params_def *out);

#endif
