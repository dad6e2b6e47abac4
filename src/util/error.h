/*
 * Errors: every failing function returns a negative MIG_E* code and leaves
 * one message in a thread-local error object, set once where the failure
 * starts (libgit2's rule). The CLI prints it and maps the code to an exit
 * status; nothing below the CLI prints or exits.
 */
#ifndef MIG_ERROR_H
#define MIG_ERROR_H

#include <stddef.h>

/* X-macro: code, value, name, exit status the CLI uses. */
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

/*
 * The last error of this thread. Strings are owned by the error object and
 * stay valid until the next mig_error_set*() or mig_error_clear().
 */
typedef struct mig_error {
	int code;
	char *message;   /* one line, never NULL once set */
	char *file;      /* migration file (path as given), or NULL */
	int line;        /* 1-based, 0 when unknown */
	int column;      /* 1-based, 0 when unknown */
	char *detail;    /* engine detail / extra lines, or NULL */
	char *hint;      /* engine hint, or NULL */
	char *statement; /* the failing statement text, or NULL */
	int position;    /* 1-based byte offset into statement, 0 if none */
	char *sqlstate;  /* engine error code as text, or NULL */
	char *note;      /* what the failure left behind ("rolled back ..."), or NULL */
} mig_error;

/* Borrowed; NULL when no error is set. */
const mig_error *mig_error_last(void);
/* The code of the last error, or `otherwise` when none is set. */
int mig_error_code(int otherwise);
void mig_error_clear(void);

/* Out of memory: a static error that needs no allocation (details added
 * to it later are dropped). Returns MIG_ENOMEM for `return`. */
int mig_error_oom(void);

/* Set the error (replacing any previous one); returns code for `return`.
 * When the message cannot be allocated the error becomes the static
 * out-of-memory one, so a failure is never lost. */
int mig_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int mig_error_set_at(int code, const char *file, int line, int column,
		     const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Add details to the current error (no-ops when none is set). */
void mig_error_set_location(const char *file, int line, int column);
void mig_error_set_statement(const char *statement, int position);
void mig_error_set_detail(const char *detail);
void mig_error_set_hint(const char *hint);
void mig_error_set_sqlstate(const char *sqlstate);
void mig_error_set_note(const char *note);
/* Prefix the current message: "<prefix>: <old message>". */
void mig_error_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Name and CLI exit status of a code. */
const char *mig_error_name(int code);
int mig_error_exit_status(int code);

/* Take the current error out of the thread-local slot (caller frees with
 * mig_error_free) and put a saved one back; used to keep the first error
 * while cleanup code runs functions that may fail too. */
mig_error *mig_error_save(void);
void mig_error_restore(mig_error *saved);
void mig_error_free(mig_error *e);

#endif
