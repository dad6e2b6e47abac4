#include "test_support.h"

#include "ir/value.h"

#include <math.h>

static void check_num(double v, const char *want)
{
	mig_str s = MIG_STR_INIT;
	mig_number_to_js(&s, v);
	assert_string_equal(mig_str_cstr(&s), want);
	mig_str_free(&s);
}

static void test_number_to_js(void **state)
{
	(void)state;
	check_num(0, "0");
	check_num(-0.0, "0");
	check_num(1, "1");
	check_num(-5, "-5");
	check_num(0.5, "0.5");
	check_num(0.1 + 0.2, "0.30000000000000004");
	check_num(123456789012, "123456789012");
	check_num(1e21, "1e+21");
	check_num(1e20, "100000000000000000000");
	check_num(1.5e-7, "1.5e-7");
	check_num(0.000001, "0.000001");
	check_num(7241865325823964.0, "7241865325823964");
	check_num(NAN, "NaN");
	check_num(-INFINITY, "-Infinity");
}

static void test_object_order_and_replace(void **state)
{
	(void)state;
	mig_value *o = mig_value_new(MIG_V_OBJECT);
	assert_int_equal(mig_object_set(o, "b", mig_value_number(1)), 0);
	assert_int_equal(mig_object_set(o, "a", mig_value_cstring("x")), 0);
	assert_int_equal(mig_object_set(o, "b", mig_value_bool(true)), 0);
	mig_str s = MIG_STR_INIT;
	mig_value_dump(&s, o);
	assert_string_equal(mig_str_cstr(&s), "{\"b\":true,\"a\":\"x\"}");
	mig_str_free(&s);
	assert_string_equal(mig_object_str(o, "a"), "x");
	assert_null(mig_object_get(o, "zz"));
	mig_value *c = mig_value_clone(o);
	mig_object_delete(o, "b");
	assert_int_equal(o->n, 1);
	assert_int_equal(c->n, 2);
	mig_value_free(o);
	mig_value_free(c);
}

static void test_truthiness(void **state)
{
	(void)state;
	assert_false(mig_value_truthy(NULL));
	mig_value *v = mig_value_cstring("");
	assert_false(mig_value_truthy(v));
	mig_value_free(v);
	v = mig_value_number(0);
	assert_false(mig_value_truthy(v));
	mig_value_free(v);
	v = mig_value_number(NAN);
	assert_false(mig_value_truthy(v));
	mig_value_free(v);
	v = mig_value_new(MIG_V_ARRAY);
	assert_true(mig_value_truthy(v)); /* [] is truthy in JS */
	mig_value_free(v);
	v = mig_value_literal("now()", 5);
	assert_true(mig_value_truthy(v));
	assert_null(mig_value_str(v));
	mig_value_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_to_js),
		cmocka_unit_test(test_object_order_and_replace),
		cmocka_unit_test(test_truthiness),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
