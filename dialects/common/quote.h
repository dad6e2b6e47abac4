/*
 * Quoting, once per quoting family. Every identifier and literal a
 * dialect writes goes through one of these; each dialect's session setup
 * pins the server settings its family assumes (dialect.h, session_sql).
 */
#ifndef MIG_DIALECT_QUOTE_H
#define MIG_DIALECT_QUOTE_H

#include "util/str.h"

/* ANSI (PostgreSQL, SQLite): "ident" with '"' doubled. */
void mig_quote_ansi_ident(mig_str *out, const char *ident);
/* ANSI: 'text' with '\'' doubled. Exact where a backslash is an ordinary
 * character: SQLite always, PostgreSQL with standard_conforming_strings. */
void mig_quote_ansi_literal(mig_str *out, const char *text);
/* PostgreSQL, exact whatever standard_conforming_strings says: the ANSI
 * form when the text has no backslash, else E'...' (backslashes and
 * quotes doubled), which means the same under both settings. */
void mig_quote_pg_literal(mig_str *out, const char *text);

/* MySQL/MariaDB: `ident` with '`' doubled. */
void mig_quote_backtick_ident(mig_str *out, const char *ident);
/* MySQL/MariaDB with backslash escapes on (sql_mode without
 * NO_BACKSLASH_ESCAPES, which the session pins): quotes and backslashes
 * doubled. */
void mig_quote_backslash_literal(mig_str *out, const char *text);

#endif
