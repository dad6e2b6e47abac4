/* .env files: KEY=VALUE lines loaded into the environment, never
 * overriding a variable that is already set. */
#ifndef MIG_DOTENV_H
#define MIG_DOTENV_H

#include "util/str.h"

#include <stddef.h>

/* Load path if it exists (a missing file is not an error). MIG_EINPUT
 * with path:line:col for a malformed line; then nothing is set. */
int mig_dotenv_load(const char *path);

/* The pairs of a .env text (text[len] == '\0'), in file order: key at
 * pairs->v[2 * i], its value at pairs->v[2 * i + 1] (*pairs starts
 * empty). MIG_EINPUT with path:line:col for a malformed line, and then
 * *pairs is left empty: all or nothing. */
int mig_dotenv_parse(const char *text, size_t len, const char *path, mig_strv *pairs);

#endif
