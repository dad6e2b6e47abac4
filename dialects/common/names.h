/*
 * PostgreSQL's names, for every dialect that must agree with it: an
 * identifier cut at NAMEDATALEN - 1 bytes (PostgreSQL only says so in a
 * NOTICE), and makeObjectName(), the name it gives an unnamed constraint.
 * A dialect that emits these names explicitly lets a later
 * dropConstraint('t', 't_email_key') find the object on every engine.
 */
#ifndef MIG_DIALECT_NAMES_H
#define MIG_DIALECT_NAMES_H

#include "util/str.h"

#include <stddef.h>

#define MIG_PG_NAME_MAX 63

/* How many of s's n bytes PostgreSQL keeps when it cuts at max bytes
 * (never inside a UTF-8 sequence). */
size_t mig_pg_clip_len(const char *s, size_t n, size_t max);

/* makeObjectName(name1, name2, label): "<name1>_<name2>_<label>" (name2
 * NULL: none), the longer part shortened first until it fits in 63 bytes. */
void mig_pg_object_name(mig_str *out, const char *name1, const char *name2, const char *label);

#endif
