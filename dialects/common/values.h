/*
 * node-pg-migrate's escapeValue(): a JavaScript value as SQL, once for
 * every dialect. What differs between engines is the style: how a
 * string is quoted, how booleans are spelt, whether there are arrays.
 * Defaults are not this (each dialect maps them to its column types).
 */
#ifndef MIG_VALUES_H
#define MIG_VALUES_H

#include "ir/value.h"
#include "util/str.h"

#include <stdbool.h>

typedef struct mig_value_style {
	const char *true_word, *false_word;
	/* A string literal (len bytes, NUL-terminated). */
	void (*string)(mig_str *out, const char *s, size_t len);
	/* ARRAY[...] as node-pg-migrate writes it; false: the engine has none. */
	bool arrays;
	/* {literal: true, value} objects paste String(value); false: nothing. */
	bool object_literals;
} mig_value_style;

/* Append v in the style (undefined appends nothing). MIG_ENOTSUPPORTED,
 * with no error set and nothing appended, for an array in a style
 * without arrays: the dialect says why in its own words. */
int mig_escape_value(mig_str *out, const mig_value *v, const mig_value_style *style);

#endif
