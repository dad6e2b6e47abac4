/*
 * A small strict JSON reader (RFC 8259) for configuration files: no
 * comments, no trailing commas, no duplicate keys, UTF-8 only, one value
 * and nothing after it. Every value keeps the line and column where it
 * starts, so that a caller can point at a value it does not accept.
 */
#ifndef MIG_JSON_H
#define MIG_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum mig_json_type {
	MIG_JSON_NULL,
	MIG_JSON_BOOL,
	MIG_JSON_NUMBER,
	MIG_JSON_STRING,
	MIG_JSON_ARRAY,
	MIG_JSON_OBJECT
} mig_json_type;

typedef struct mig_json {
	mig_json_type type;
	int line, column; /* 1-based; column counts characters */
	/* An object member's key (NULL in an array and at the top) and where
	 * it starts. */
	char *key;
	int key_line, key_column;
	bool boolean;
	double number;
	/* STRING: the decoded text (no NUL inside: \u0000 is refused);
	 * NUMBER: the literal as written. */
	char *text;
	struct mig_json *items; /* ARRAY, OBJECT: n values (members) in order */
	size_t n;
} mig_json;

/* Nesting deeper than this is refused (no recursion without bound). */
#define MIG_JSON_MAX_DEPTH 128

/* Parse text[0..len) (a NUL byte inside is an error). *out: the tree, the
 * caller frees it with mig_json_free(). On bad input MIG_EINPUT with
 * "file:line:column: ..." set (file names the text in messages), and *out
 * NULL; MIG_ENOMEM likewise. */
int mig_json_parse(const char *text, size_t len, const char *file, mig_json **out);
void mig_json_free(mig_json *v);

/* The member `key` of an object, or NULL (also when v is not an object). */
const mig_json *mig_json_get(const mig_json *v, const char *key);
/* "string", "number", ...: for messages. */
const char *mig_json_type_name(mig_json_type t);

#endif
