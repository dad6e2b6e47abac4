/*
 * Loading a driver's client library on first use; see client_lib.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "drivers/client_lib.h"

#include "util/error.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* POSIX guarantees that dlsym's object pointer holds a function's address;
 * it is copied into the function-pointer slot as bytes, which ISO C allows
 * where a cast between the two pointer kinds would not be. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "function pointers are the size of data pointers");

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void load(mig__client_lib *lib)
{
	/* RTLD_LOCAL: the library's symbols stay out of the global namespace,
	 * so two client libraries that export the same names cannot meet */
	void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(lib->why, sizeof lib->why, "%s", e ? e : "dlopen failed");
		lib->state = -1;
		return;
	}
	for (size_t i = 0; i < lib->n; i++) {
		dlerror();
		void *f = dlsym(h, lib->names[i]);
		if (!f) {
			snprintf(lib->why, sizeof lib->why, "%s has no function %s (a version older than this build's?)",
				 lib->soname, lib->names[i]);
			lib->state = -1;
			/* not dlclose'd: some client libraries cannot be unloaded
			 * safely once their constructors ran */
			return;
		}
		memcpy(lib->slots[i], &f, sizeof f);
	}
	lib->state = 1;
}

int mig__client_lib_load(mig__client_lib *lib)
{
	pthread_mutex_lock(&lock);
	if (lib->state == 0)
		load(lib);
	int state = lib->state;
	pthread_mutex_unlock(&lock);
	if (state == 1)
		return 0;
	return mig_error_set(MIG_ENOTSUPPORTED, "the %s could not be loaded: %s; %s", lib->display, lib->why, lib->hint);
}
