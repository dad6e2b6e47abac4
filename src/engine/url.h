/*
 * Connection URLs. Every form the CLI accepts:
 *   postgres://user:pass@host:port/db?k=v   postgresql://...
 *   key=value strings (libpq)               "host=... dbname=..."
 *   mysql://user:pass@host:port/db?k=v      mariadb://...
 *   sqlite:relative/path.db  sqlite:/abs/path.db  sqlite:///abs/path.db
 *   sqlite::memory:          (also sqlite3: as the scheme)
 * User, password, database and sqlite paths are percent-decoded.
 * `redacted` is the only form that may ever be printed.
 */
#ifndef MIG_URL_H
#define MIG_URL_H

#include "util/url.h"

/* Parse text into *out (zeroed first). MIG_EINPUT with a message that
 * quotes only the redacted form when the text is not a URL we accept. */
int mig_url_parse(const char *text, mig_url *out);

/* The printable form of any connection text, as mig_url_parse() sets
 * `redacted`: a file URL (its scheme a file driver's) masks only
 * password-like query values, anything else is mig_url_redact()'s.
 * Caller frees; NULL when out of memory. */
char *mig_url_shown(const char *text);

#endif
