/**
 * @file migrations/errors.h
 * @brief Error codes and the last error of the calling thread.
 *
 * Every call returns 0 or a negative MIG_E* code. The details (message,
 * the migration file and line, the failing statement, ...) are kept per
 * thread until the next failing call on that thread or mig_error_clear():
 * read them right after the call that failed, before calling anything
 * else. A success does not clear an earlier error.
 */
#ifndef MIGRATIONS_ERRORS_H
#define MIGRATIONS_ERRORS_H

#include "migrations/common.h"

/* X-macro: code, value, name, the exit status the command line uses.
 * Values are never renumbered or reused. */
#define MIG_ERROR_MAP(XX)                                                        \
	XX(MIG_ERROR, -1, "error", 1)             /* generic run-time failure */     \
	XX(MIG_EUSAGE, -2, "usage", 2)            /* bad command line or option */   \
	XX(MIG_EINPUT, -3, "input", 2)            /* a file or URL that is wrong */  \
	XX(MIG_ENOMEM, -4, "nomem", 1)                                               \
	XX(MIG_EIO, -5, "io", 1)                  /* reading or writing a file */    \
	XX(MIG_ECONNECT, -6, "connect", 1)        /* server unreachable, auth */     \
	XX(MIG_ESQL, -7, "sql", 1)                /* a statement failed */           \
	XX(MIG_ELOCKED, -8, "locked", 1)          /* another run holds the lock */   \
	XX(MIG_EORDER, -9, "order", 1)            /* check-order violation */        \
	XX(MIG_EIRREVERSIBLE, -10, "irreversible", 1)                                \
	XX(MIG_ENOTSUPPORTED, -11, "notsupported", 2) /* dialect cannot express */   \
	XX(MIG_ESTATE, -12, "state", 1)           /* state table disagrees with files */ \
	XX(MIG_ECONNLOST, -13, "connlost", 1)     /* the session to the server is gone */ \
	XX(MIG_ENODATABASE, -14, "nodatabase", 1) /* the server has no such database */

enum mig_error_code {
	MIG_OK = 0,
#define MIG_XX(code, val, name, exitst) code = val,
	MIG_ERROR_MAP(MIG_XX)
#undef MIG_XX
};

MIG_BEGIN_DECL

/** An error; opaque, read it through the accessors below. */
typedef struct mig_error mig_error;

/** The last error of this thread, or NULL when none is set. Borrowed: it
 * stays valid until the next failing call on this thread or
 * mig_error_clear(). */
MIG_EXTERN const mig_error *mig_error_last(void);
/** Forget the last error (after handling it). */
MIG_EXTERN void mig_error_clear(void);

/*
 * Accessors. Each takes the error (NULL allowed: then the code is MIG_OK,
 * the message "no error", and the rest NULL or 0). Strings are borrowed
 * from the error.
 */
/** A MIG_E* code. */
MIG_EXTERN int mig_error_get_code(const mig_error *e);
/** One line, never NULL. Never contains a password. */
MIG_EXTERN const char *mig_error_get_message(const mig_error *e);
/** The migration file the error is in (as found in the folder), or NULL. */
MIG_EXTERN const char *mig_error_get_file(const mig_error *e);
/** 1-based line and column in that file, 0 when unknown. */
MIG_EXTERN int mig_error_get_line(const mig_error *e);
MIG_EXTERN int mig_error_get_column(const mig_error *e);
/** The failing SQL statement, or NULL. */
MIG_EXTERN const char *mig_error_get_statement(const mig_error *e);
/** The engine's error code as text (a PostgreSQL SQLSTATE, a MySQL error
 * number, an SQLite result code), or NULL. */
MIG_EXTERN const char *mig_error_get_sqlstate(const mig_error *e);
/** The engine's detail and hint lines, or NULL. */
MIG_EXTERN const char *mig_error_get_detail(const mig_error *e);
MIG_EXTERN const char *mig_error_get_hint(const mig_error *e);
/** What the failure left in the database ("rolled back: ..."), or NULL. */
MIG_EXTERN const char *mig_error_get_note(const mig_error *e);

/** The short name of a code ("sql", "locked", ...; "ok" for MIG_OK,
 * "error" for a value that is not a code). Static storage. */
MIG_EXTERN const char *mig_error_name(int code);

MIG_END_DECL

#endif
