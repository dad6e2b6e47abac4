/*
 * Loading: a migration file -> its operations (the IR). Loaders never emit
 * SQL. The extension picks the loader: .sql -> the SQL loader, everything
 * else (.js .ts .cjs .mjs .cts .mts ...) -> the JS/TS loader.
 */
#ifndef MIG_LOAD_H
#define MIG_LOAD_H

#include "ir/ir.h"

/* Read m->path and fill the rest of m. Refuses files that are not UTF-8.
 * Errors carry file:line:col where there is one (MIG_EINPUT, MIG_EIO). */
int mig_load_file(mig_migration *m);

/* The loaders, on text already read and checked (text[len] == '\0').
 * They fill m->up/down/..., never m->name/path/file/timestamp. */
int mig_load_sql_text(mig_migration *m, const char *text, size_t len);
int mig_load_js_text(mig_migration *m, const char *text, size_t len);

/* The .sql marker search, exposed for tests: offset of the first match of
 * node-pg-migrate's /^\s*--[\s-]*<dir>\s+migration/im at or after 0, or
 * -1 when there is none. */
long mig_sql_find_marker(const char *text, size_t len, const char *dir);

#endif
