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

/* Read m->path and fill the rest of m. Refuses files that are not UTF-8.
 * Errors carry file:line:col where there is one (MIG_EINPUT, MIG_EIO). */
int mig_load_file(mig_migration *m);

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
