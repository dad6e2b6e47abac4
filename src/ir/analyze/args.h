/*
 * How node-pg-migrate 9.0.0 reads the arguments of a MigrationBuilder
 * call, independent of the SQL it writes: JavaScript value semantics,
 * options, names, shorthands and types, generated index and constraint
 * names. The analysis step (ir/analyze/) is built on these, so that every
 * dialect sees an operation exactly as node-pg-migrate does.
 *
 * Conventions:
 * - "Name" is node-pg-migrate's name argument: a string, an object
 *   {schema?, name} or a pgm.func() literal (raw SQL).
 * - Values are borrowed from the IR unless a function says it returns a
 *   new value ("caller frees" = mig_value_free) or appends to a mig_str.
 * - Functions returning int give 0 or a negative MIG_E* code with the
 *   error set (node-pg-migrate's text where it has one).
 * - A NULL mig_value * means `undefined` everywhere, as in value.h.
 */
#ifndef MIG_ANALYZE_ARGS_H
#define MIG_ANALYZE_ARGS_H

#include "ir/defs/tables.h"
#include "ir/ir.h"
#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>


/* ---- JavaScript value semantics -------------------------------------- */

/* Append toArray(v).join(sep): the items of an array, or v alone. Items
 * are converted as Array#join does (null/undefined give ""). */
void mig_js_join(mig_str *out, const mig_value *v, const char *sep);
/* toArray(v): the number of items (1 for a non-array, also undefined)
 * and the i-th item (borrowed; NULL = undefined). */
size_t mig_js_len(const mig_value *v);
const mig_value *mig_js_at(const mig_value *v, size_t i);
/* `key in obj`: obj is an object holding key (also with value undefined). */
bool mig_js_in(const mig_value *obj, const char *key);
/* isPgLiteral(v): a pgm.func() literal, or an object with literal: true. */
bool mig_js_is_pg_literal(const mig_value *v);
/* The raw SQL of a pg literal (pgm.func text, or String(obj.value)),
 * appended to out. */
void mig_js_pg_literal_text(mig_str *out, const mig_value *v);
/* true when v is a JS string equal to s. */
bool mig_js_str_eq(const mig_value *v, const char *s);

/* ---- options ---------------------------------------------------------- */

/* opts[key], NULL when opts is not an object or the key is absent or
 * undefined (destructuring reads a non-object's keys as undefined). */
const mig_value *mig_opt(const mig_value *opts, const char *key);
bool mig_opt_truthy(const mig_value *opts, const char *key);
/*
 * The options argument i of op, as the operation's destructuring reads it:
 * *out is NULL for undefined (the default `= {}`), else the value (any
 * type: a non-object simply has none of the keys, as in JavaScript).
 * `null` is an error (JavaScript throws on destructuring it), and so is
 * undefined when `required` (operations that declare no default).
 */
int mig_op_options(const mig_op *op, size_t i, bool required, const mig_value **out);

/* ---- names ------------------------------------------------------------ */

/* node-pg-migrate's decamelize (ASCII letters only): "HTMLBody" ->
 * "html_body", "userId" -> "user_id"; appended to out. */
void mig_decamelize(mig_str *out, const char *s);
/* node-pg-migrate's isExpression() heuristic: whether an index column (or
 * any unquoted name) string looks like an SQL expression, e.g.
 * "lower(email)", "body->>'kind'", "a + b". */
bool mig_is_expression(const char *s);
/* isNameObject(v): an object with a `name` key. */
bool mig_is_name_object(const mig_value *v);
/*
 * Check that v can be used as a Name: a string, a pgm.func() literal, or
 * an object whose `name` is a string (and `schema`, when truthy, a
 * string). MIG_EINPUT "<op>: <what> must be a name (a string, {schema,
 * name} or pgm.func()), not <type>" otherwise.
 */
int mig_name_check(const mig_value *v, const char *opname, const char *what);
/* A Name taken apart (pointers borrowed from the value). */
typedef struct mig_name {
	const char *schema; /* NULL when unqualified (also for an empty schema) */
	const char *name;   /* the name; for a literal, its raw SQL */
	bool literal;       /* pgm.func(): paste name as is, never quote */
} mig_name;
/* mig_name_check(), then the parts. The dialect applies decamelize (when
 * asked) and its own quoting to schema and name unless literal. */
int mig_name_get(const mig_value *v, const char *opname, const char *what, mig_name *out);
/* The bare table name node-pg-migrate puts into generated names:
 * `isNameObject(t) ? t.name : t`, as a string (String() of it). */
void mig_name_base(mig_str *out, const mig_value *table);
/*
 * createSchemalize({shouldQuote: false}) of node-pg-migrate: a pg literal
 * gives its SQL; {schema, name} gives "schema.name" (decamelized when
 * asked, unquoted); a string that looks like an expression gives "(s)";
 * another string gives s (decamelized when asked). Other values: error.
 */
int mig_schemalize(mig_str *out, const mig_value *v, bool decamelize, const char *opname,
		   const char *what);

/* ---- types and columns ------------------------------------------------ */

/* node-pg-migrate's type adapters: "int" -> "integer", "string" -> "text",
 * "float" -> "real", "double" -> "double precision", "datetime" ->
 * "timestamp", "bool" -> "boolean"; any other string is returned as is. */
const char *mig_type_adapt(const char *type);
/*
 * applyType(type, shorthands): resolve a column (or attribute, parameter)
 * definition: a type string or an object with `type`. Shorthands (the
 * merged object of this file and the files before it, may be NULL) are
 * followed recursively with the built-in `id` = {type: 'serial',
 * primaryKey: true}; the column's own options override a shorthand's,
 * a shorthand's own override the one it points to; the resulting `type`
 * goes through mig_type_adapt(). Returns a new OBJECT (caller frees), or
 * NULL with the error set: "Shorthands contain cyclic dependency: a, b, a".
 */
mig_value *mig_apply_type(const mig_value *type, const mig_value *shorthands);

/* A table's columns as parseColumns() sees them. */
typedef struct mig_columns {
	/* OBJECT: column name -> mig_apply_type() result, in column order. When
	 * several columns have primaryKey, each has primaryKey: false here. */
	mig_value *cols;
	/* OBJECT, NULL unless several columns had primaryKey: true, then
	 * {primaryKey: [names...]} (the table constraint node-pg-migrate adds). */
	mig_value *constraints;
} mig_columns;

/* Resolve every column of a columns object (MIG_EINPUT when `columns` is
 * not an object). Dispose with mig_columns_dispose (also after failure). */
int mig_columns_resolve(const mig_value *columns, const mig_value *shorthands,
			const char *opname, mig_columns *out);
void mig_columns_dispose(mig_columns *c);

/* ---- generated names -------------------------------------------------- */

/*
 * generateIndexName(table, columns, options): options.name when given
 * (qualified with table.schema when `table` is {schema: string, name}),
 * else "<table>_<col>_<col>[_unique]_index" where the columns go through
 * mig_schemalize() (so decamelized, expressions parenthesised), qualified
 * {schema: table.schema, name} when table is a name object. `columns` is
 * the call's column argument (one column or an array). Note createIndex
 * passes the bare table name (so its index name is never qualified) and
 * dropIndex the table as given.
 * Returns a new Name value (string or {schema, name} object; caller
 * frees), or NULL with the error set, e.g. "Index name must be provided
 * when using PgLiteral columns (column #1: lower(x))".
 */
mig_value *mig_index_name(const mig_value *table, const mig_value *columns, const mig_value *options,
			  bool decamelize, const char *opname);

/* The kinds of constraint names node-pg-migrate generates are
 * enum mig_constraint_kind of ir/defs/tables.h (all but RAW). */
/*
 * Append the generated name of a table constraint (before decamelize and
 * quoting, which the dialect's identifier quoting applies). `cols` is the
 * column list for UNIQUE and FOREIGN (one value or an array), `index` the
 * 1-based position for a CHECK list (0 = a single check).
 */
void mig_constraint_name(mig_str *out, const mig_value *table, enum mig_constraint_kind kind,
			 const mig_value *cols, size_t index);
/*
 * The name of a column-level foreign key that has a
 * referencesConstraintComment but no referencesConstraintName:
 * `${table}_fk_${column}` with the table argument as given, so a
 * {schema, name} table gives "[object Object]_fk_<column>" (node-pg-migrate
 * 9.0.0 does exactly that, and such a constraint may exist in databases).
 */
void mig_column_fk_name(mig_str *out, const mig_value *table, const char *column);

#endif
