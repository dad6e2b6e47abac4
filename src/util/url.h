/*
 * A connection URL as data: what engine/url.c parses and every driver
 * reads. `redacted` is the only form that may ever be printed.
 */
#ifndef MIG_UTIL_URL_H
#define MIG_UTIL_URL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mig_url_param {
	char *key;
	char *value; /* percent-decoded */
} mig_url_param;

typedef struct mig_url {
	char *raw;      /* exactly as given; contains the password: never print */
	char *scheme;   /* canonical: "postgres", "mysql", "sqlite" */
	bool keyvalue;  /* a libpq key=value string (scheme "postgres") */
	char *user;     /* NULL when absent */
	char *password; /* NULL when absent */
	char *host;     /* NULL when absent; may be a socket directory */
	int port;       /* 0 when absent */
	char *database; /* NULL when absent */
	char *path;     /* sqlite: the file path, or ":memory:" */
	mig_url_param *params;
	size_t nparams;
	char *redacted; /* password replaced by "****" */
} mig_url;

void mig_url_dispose(mig_url *url);
/* A URL parameter's value, or NULL. Borrowed. */
const char *mig_url_param_get(const mig_url *url, const char *key);
/* A printable form of any connection text, with the password masked,
 * even when the text cannot be parsed. Caller frees. */
char *mig_url_redact(const char *text);
/* The same for a URL known to have no user:password part (a file URL
 * such as sqlite:/data/a:b@c.db, whose path is shown as it is): only the
 * values of password-like query parameters are masked. Caller frees. */
char *mig_url_redact_query(const char *text);

/* Decode %XX escapes into a new string; NULL if malformed (bad escape or
 * an encoded NUL). Caller frees. */
char *mig_percent_decode(const char *s, size_t len);

#endif
