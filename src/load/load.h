/*
 * Loading: a migration file -> its operations (the IR). Loaders never emit
 * SQL. The extension picks the loader: .sql -> the SQL loader, everything
 * else (.js .ts .cjs .mjs .cts .mts ...) -> the JS/TS loader.
 */
#ifndef MIG_LOAD_H
#define MIG_LOAD_H

#include "ir/ir.h"

/* How JS/TS files are read (--js-engine, --node). */
enum mig_js_engine {
	MIG_JS_ENGINE_AUTO,   /* the static reader; Node.js for what it refuses, when there is one */
	MIG_JS_ENGINE_STATIC, /* the static reader only */
	MIG_JS_ENGINE_NODE    /* every JS/TS file through Node.js */
};

typedef struct mig_load_opts {
	enum mig_js_engine js_engine;
	const char *node; /* the Node.js program (--node); NULL: `node` on PATH */
	int node_timeout; /* seconds one Node.js evaluation may take; 0: 300 */
} mig_load_opts;

/* Read m->path and fill the rest of m. Refuses files that are not UTF-8.
 * Errors carry file:line:col where there is one (MIG_EINPUT, MIG_EIO).
 * lo NULL: the defaults (auto: Node.js from PATH when a file needs it). */
int mig_load_file_opts(mig_migration *m, const mig_load_opts *lo);
/* mig_load_file_opts(m, NULL). */
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
