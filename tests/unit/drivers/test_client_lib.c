/*
 * Loading a driver's client library on first use (drivers/client_lib.h):
 * a library that is there fills every slot with the real function; one
 * that is missing, or lacks a function, is one MIG_ENOTSUPPORTED error
 * naming the library, the reason and the install hint, given again on
 * every later call without a second dlopen.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "drivers/client_lib.h"

#include <math.h>
#include <string.h>

typedef double (*unary)(double);

static unary my_cos, my_sqrt;

static void test_loads_real_functions(void **state)
{
	(void)state;
	static const char *const names[] = {"cos", "sqrt"};
	static void *const slots[] = {(void *)&my_cos, (void *)&my_sqrt};
	static mig__client_lib lib = {.soname = "libm.so.6", .display = "maths library", .hint = "install libc6",
				      .names = names, .slots = slots, .n = 2};
	assert_int_equal(mig__client_lib_load(&lib), 0);
	assert_non_null(my_cos);
	assert_non_null(my_sqrt);
	assert_true(my_cos(0.0) == 1.0);
	assert_true(my_sqrt(81.0) == 9.0);
	/* a second call is a no-op that succeeds */
	assert_int_equal(mig__client_lib_load(&lib), 0);
}

static void test_missing_library(void **state)
{
	(void)state;
	static unary f;
	static const char *const names[] = {"cos"};
	static void *const slots[] = {(void *)&f};
	static mig__client_lib lib = {.soname = "libmig-no-such-client.so.9", .display = "Example client library",
				      .hint = "install it (apt-get install libexample9)", .names = names, .slots = slots,
				      .n = 1};
	for (int round = 0; round < 2; round++) {
		mig_error_clear();
		assert_int_equal(mig__client_lib_load(&lib), MIG_ENOTSUPPORTED);
		const char *m = mig_error_last()->message;
		assert_non_null(strstr(m, "the Example client library could not be loaded"));
		assert_non_null(strstr(m, "libmig-no-such-client.so.9"));
		assert_non_null(strstr(m, "apt-get install libexample9"));
		assert_null(f);
	}
}

static void test_missing_function(void **state)
{
	(void)state;
	static unary a, b;
	static const char *const names[] = {"cos", "mig_no_such_function"};
	static void *const slots[] = {(void *)&a, (void *)&b};
	static mig__client_lib lib = {.soname = "libm.so.6", .display = "maths library", .hint = "upgrade it",
				      .names = names, .slots = slots, .n = 2};
	assert_int_equal(mig__client_lib_load(&lib), MIG_ENOTSUPPORTED);
	const char *m = mig_error_last()->message;
	assert_non_null(strstr(m, "libm.so.6 has no function mig_no_such_function"));
	assert_non_null(strstr(m, "upgrade it"));
	assert_null(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_real_functions),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
