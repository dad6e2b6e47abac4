/*
 * Plain data shared by dialects (which produce it), drivers (which run it)
 * and the engine: a step of SQL with its statement bounds, and what a
 * server says about itself.
 */
#ifndef MIG_SQL_H
#define MIG_SQL_H

#include "util/str.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct mig_step {
	char *text;    /* the statements joined by '\n'; "" for an empty step */
	size_t n;      /* statements; 0 = an empty step (nothing to run) */
	size_t *start; /* byte offset of statement i in text */
	size_t *len;   /* its length */
	/* User SQL the splitter could not divide: text is one "statement"
	 * that may hold several (a driver that runs statements one by one
	 * must be ready for that). */
	bool undivided;
	bool user;     /* user-written SQL (a .sql file section, pgm.sql) */
	/* A batch (MIG_CAP_BATCH): warn[i] says statement i is the user's
	 * and is followed by others, so its warnings are read right after it,
	 * before a later statement clears them. NULL: only the last
	 * statement's are read. Not owned by the step; other drivers ignore
	 * it. */
	const bool *warn;
} mig_step;

typedef struct mig_steps {
	mig_step *v;
	size_t n, cap;
} mig_steps;

#define MIG_STEPS_INIT {NULL, 0, 0}

/* Append a step made of `stmts` joined by '\n' (takes and empties the
 * list, also on failure). An empty list gives an empty step. */
int mig_steps_push(mig_steps *steps, mig_strv *stmts);
/* Append a step of one statement (takes text, also on failure). */
int mig_steps_push1(mig_steps *steps, char *text);
/* Append user SQL with the statement bounds a splitter found (n == 0:
 * undivided). Takes text; copies the bounds. */
int mig_steps_push_user(mig_steps *steps, char *text, const size_t *start, const size_t *len, size_t n);
/* Move every step of `from` to the end of `to` (from is emptied). */
int mig_steps_append(mig_steps *to, mig_steps *from);
/* Reverse the order of steps [first, n). */
void mig_steps_reverse_from(mig_steps *steps, size_t first);
void mig_steps_free(mig_steps *steps);
/* Statement i of a step as a copy (caller frees), NULL on failure. */
char *mig_step_stmt(const mig_step *step, size_t i);

/* The first keyword of a statement, past blanks, comments and opening
 * parentheses: its start in sql, *wlen letters long (0: none). */
const char *mig_sql_first_word(const char *sql, size_t len, size_t *wlen);
/* Whether that keyword is one of words (lower case, NULL-terminated),
 * ASCII case-insensitively. */
bool mig_sql_starts_with_any(const char *sql, size_t len, const char *const *words);

/* What a server says about itself, read by the driver at connect (all
 * zero offline, where the dialect assumes its default target). */
/* What a driver learned about where its statements run (mig_server_info.facts). */
enum {
	/* A connection pooler sits between us and the server: consecutive
	 * transactions may run on different server sessions, so session
	 * settings must be restated in every transaction. */
	MIG_SERVER_POOLED = 1u << 0,
	/* A multi-primary cluster (Galera: wsrep_on): other nodes take
	 * writes too, and a node's own locks do not exclude them. */
	MIG_SERVER_CLUSTER = 1u << 1,
	/* It reads a JSON array bound as a parameter as rows: the dialect's
	 * MIG_STATE_INSERT_BOUND_MANY can be used. */
	MIG_SERVER_JSON_ROWS = 1u << 2,
};

typedef struct mig_server_info {
	const char *flavour;  /* "postgres", "mariadb", "mysql", "sqlite", ... or NULL */
	unsigned long version; /* e.g. 150018, 101106, 3045001; 0 when unknown */
	const char *text;     /* "PostgreSQL 15.18" */
	unsigned facts;       /* MIG_SERVER_* */
} mig_server_info;

#endif
