/*
 * The IR's value tree: what a migration file passes to an operation,
 * without any SQL in it. Objects keep their keys in insertion order
 * (column order is significant), as JavaScript objects do for string keys.
 *
 * Ownership: a value owns its children. Functions that take a mig_value *
 * to store it ("takes") own it from then on, also when they fail.
 */
#ifndef MIG_VALUE_H
#define MIG_VALUE_H

#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum mig_vtype {
	MIG_V_UNDEFINED,
	MIG_V_NULL,
	MIG_V_BOOL,
	MIG_V_NUMBER,
	MIG_V_STRING,
	MIG_V_ARRAY,
	MIG_V_OBJECT,
	MIG_V_LITERAL /* raw SQL from pgm.func() / PgLiteral: never quoted */
};

typedef struct mig_value mig_value;
struct mig_value {
	enum mig_vtype type;
	int line, column; /* where it was written; 0 when synthetic */
	bool b;           /* BOOL */
	double num;       /* NUMBER */
	char *str;        /* STRING, LITERAL: NUL-terminated UTF-8 */
	size_t len;       /* STRING, LITERAL: bytes, without the NUL */
	mig_value **items; /* ARRAY items, OBJECT values */
	char **keys;      /* OBJECT keys, parallel to items */
	size_t n, cap;
};

/* Constructors: NULL (and MIG_ENOMEM set) when out of memory. */
mig_value *mig_value_new(enum mig_vtype type);
mig_value *mig_value_bool(bool b);
mig_value *mig_value_number(double num);
mig_value *mig_value_string(const char *s, size_t len);
mig_value *mig_value_cstring(const char *s);
mig_value *mig_value_literal(const char *s, size_t len);
mig_value *mig_value_clone(const mig_value *v);
/* Bytes v and everything it owns take on the heap, without the
 * allocator's own overhead. */
size_t mig_value_footprint(const mig_value *v);
/* A hash of v's type, value, location and members, continuing from h (to
 * tell whether two readings of a file gave the same operations). */
uint64_t mig_value_hash(const mig_value *v, uint64_t h);
void mig_value_free(mig_value *v);

/* Arrays and objects; both return 0 or MIG_ENOMEM and take `item`. */
int mig_array_push(mig_value *arr, mig_value *item);
/* Replaces an existing key in place (JS semantics: first position wins). */
int mig_object_set(mig_value *obj, const char *key, mig_value *val);
/* Borrowed, NULL when obj is not an object or has no such key. */
mig_value *mig_object_get(const mig_value *obj, const char *key);
/* Remove a key (no-op when absent). */
void mig_object_delete(mig_value *obj, const char *key);

/* Convenience readers; all treat a NULL value as undefined. */
bool mig_value_is_undefined(const mig_value *v); /* NULL or UNDEFINED */
bool mig_value_truthy(const mig_value *v);       /* JavaScript truthiness */
/* The string when v is a STRING, else NULL. */
const char *mig_value_str(const mig_value *v);
/* obj[key] as a string, or NULL. */
const char *mig_object_str(const mig_value *obj, const char *key);
/* obj[key] truthy? */
bool mig_object_truthy(const mig_value *obj, const char *key);

/* JavaScript's String(n) for a number: "1", "-5", "0.5", "1e+21". */
void mig_number_to_js(mig_str *out, double num);
/* Append String(v) as JavaScript computes it for a template literal:
 * strings as is, numbers as Number#toString, "true"/"false", "null",
 * "undefined", arrays joined with "," (null/undefined items as ""),
 * objects "[object Object]", pgm.func() literals their SQL text. */
void mig_js_string(mig_str *out, const mig_value *v);
/* The items of an array joined as Array#join does (null and undefined
 * give ""). */
void mig_js_join_items(mig_str *out, const mig_value *arr, const char *sep);
/* A short type name for messages: "string", "object", ... */
const char *mig_value_type_name(const mig_value *v);

/* A compact JSON-ish rendering for debugging and tests. */
void mig_value_dump(mig_str *out, const mig_value *v);

#endif
