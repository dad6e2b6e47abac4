/*
 * Loading: a migration file -> its operations (the IR). Loaders never emit
 * SQL. The extension picks the loader: .sql -> the SQL loader, everything
 * else (.js .ts .cjs .mjs .cts .mts ...) -> the JS/TS loader. A .sql file
 * is read in the format of the tool whose markers it holds
 * (sql_formats.c): node-pg-migrate's (the default), dbmate's or goose's;
 * a golang-migrate pair (N_name.up.sql / N_name.down.sql) is read whole,
 * one file per direction.
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

/*
 * Whether a JS/TS file's text can export shorthands. node-pg-migrate
 * passes every file's shorthands on to the files after it, applied ones
 * included, so a run needs those of every earlier file; this check lets
 * it read them without parsing files that cannot have any. It is sound
 * because the reader sets the `shorthands` export only from (a) the name
 * spelled in the file, as a name or a string, (b) a string with an escape
 * (a backslash) that spells it, (c) a computed key or member, `[k]: v`
 * or `o[k] = v`, (d) a built-in that makes properties from values
 * (Object.assign, defineProperty, fromEntries, Reflect, eval, Function,
 * JSON), or (e) another module it imports or requires (anything but
 * node-pg-migrate itself). A text with none of these cannot export
 * shorthands; one with any is parsed. A reader that learns another way
 * to make an export must add it here (tests/unit/load/test_shorthands_scan.c).
 */
bool mig_load_may_export_shorthands(const char *text, size_t len);

/* Make m->shorthands known (m->shorthands_known), reading as little as
 * possible (a file read by Node.js, as lo says, when it must be loaded):
 * a .sql file has none; a JS/TS file whose text cannot export
 * any is not parsed; any other is loaded (m->loaded). When that fails,
 * *spelled says whether the text names `shorthands` literally (true when
 * the file could not be read at all). */
int mig_load_shorthands(mig_migration *m, const mig_load_opts *lo, bool *spelled);

/* The loaders, on text already read and checked (text[len] == '\0').
 * They fill m->up/down/..., never m->name/path/file/timestamp. */
int mig_load_sql_text(mig_migration *m, const char *text, size_t len);
int mig_load_js_text(mig_migration *m, const char *text, size_t len);

/* The tools whose .sql formats are read (docs/migration-format.md). */
enum mig_sql_format {
	MIG_SQL_NODE_PG_MIGRATE, /* -- Up Migration / -- Down Migration, or none */
	MIG_SQL_DBMATE,          /* -- migrate:up / -- migrate:down */
	MIG_SQL_GOOSE            /* -- +goose Up / Down / StatementBegin / ... */
};

/* Which tool's format text is in, by the markers it holds; *line is the
 * first marker's line (0: none). MIG_EINPUT at path:line when it holds
 * markers of two tools, or a goose annotation that does not start its
 * line. */
int mig__sql_detect(const char *path, const char *text, size_t len, enum mig_sql_format *format, int *line);

/* One file of a golang-migrate pair: the whole text is that direction's
 * SQL (path names it in errors; a marker of any tool is one). */
int mig__load_sql_whole(mig_migration *m, const char *path, const char *text, size_t len, bool down);

/* Shared by the .sql readers: a section of the file starting at `line`
 * -> one `sql` operation (none for a section of only comments). */
int mig__sql_push_section(mig_oplist *ops, const char *text, size_t len, int line);
int mig__sql_line_of(const char *text, size_t at);
int mig__load_npm_sql(mig_migration *m, const char *text, size_t len);

/* The .sql marker search, exposed for tests: offset of the first match of
 * node-pg-migrate's /^\s*--[\s-]*<dir>\s+migration/im at or after 0, or
 * -1 when there is none. */
long mig_sql_find_marker(const char *text, size_t len, const char *dir);

#endif
