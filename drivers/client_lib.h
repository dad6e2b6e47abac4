/*
 * A driver's client library (libpq, the MySQL client), loaded with dlopen
 * when the driver first opens a connection instead of being linked into
 * the program.
 *
 * Why: linking libpq and libmariadb makes every start of the program load
 * some twenty libraries they depend on (OpenSSL, Kerberos, LDAP, GnuTLS,
 * ...) and run their constructors: about 10 ms and 7 MB of resident memory
 * before main(), paid by `status` on an SQLite file as much as by a run
 * against a server. Loaded on demand, a run pays for the library its URL
 * needs and nothing else, and a machine without libpq can still use SQLite
 * and MySQL.
 *
 * A driver lists the functions it calls (an X macro), keeps them in a
 * struct of pointers, and describes the library in a mig__client_lib.
 */
#ifndef MIG_DRIVERS_CLIENT_LIB_H
#define MIG_DRIVERS_CLIENT_LIB_H

#include <stddef.h>

typedef struct mig__client_lib {
	const char *soname;        /* what dlopen opens: "libpq.so.5" (the build's SONAME) */
	const char *display;       /* "PostgreSQL client library (libpq)" */
	const char *hint;          /* how to install it */
	const char *const *names;  /* the functions, in the order of slots */
	void *const *slots;        /* where each function's address goes (a function pointer each) */
	size_t n;
	/* set by mig__client_lib_load, under its lock */
	int state; /* 0 not tried, 1 loaded, -1 failed */
	char why[320];
} mig__client_lib;

/* Loads lib once per process (thread-safe; later calls return at once) and
 * fills every slot. Fails with MIG_ENOTSUPPORTED, naming the library, the
 * loader's reason and lib->hint, when the library or one of its functions
 * is missing; it is not retried. The library stays loaded until exit. */
int mig__client_lib_load(mig__client_lib *lib);

#endif
