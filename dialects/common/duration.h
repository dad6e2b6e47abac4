/*
 * --lock-timeout / --statement-timeout values as PostgreSQL reads them
 * ("10s", "5min", "250ms", "1h", "2d", or a bare number of milliseconds),
 * for dialects whose server wants a number instead.
 */
#ifndef MIG_DIALECT_DURATION_H
#define MIG_DIALECT_DURATION_H

/* *ms = the duration in milliseconds (0 = no limit, as in PostgreSQL).
 * MIG_EINPUT, naming `what`, for text that is not a duration. */
int mig_duration_ms(const char *text, const char *what, long long *ms);

#endif
