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

/* An object { k: [s, n] } with the given string, number and line. */
static mig_value *sample(const char *str, double num, int line)
{
	mig_value *obj = mig_value_new(MIG_V_OBJECT), *arr = mig_value_new(MIG_V_ARRAY);
	mig_value *sv = mig_value_cstring(str), *nv = mig_value_number(num);
	assert_non_null(obj);
	assert_non_null(arr);
	assert_non_null(sv);
	assert_non_null(nv);
	sv->line = line;
	assert_int_equal(mig_array_push(arr, sv), 0);
	assert_int_equal(mig_array_push(arr, nv), 0);
	assert_int_equal(mig_object_set(obj, "k", arr), 0);
	return obj;
}

/* What the runner compares when it reads a migration again at its turn
 * (ops_hash), and what it counts against the IR it keeps (ir_footprint). */
static void test_hash_and_footprint(void **state)
{
	(void)state;
	mig_value *a = sample("text", 1, 3), *b = sample("text", 1, 3), *c = sample("texT", 1, 3);
	mig_value *d = sample("text", 2, 3), *e = sample("text", 1, 4), *f = sample("a much longer text than the other", 1, 3);
	uint64_t seed = 14695981039346656037u;
	assert_true(mig_value_hash(a, seed) == mig_value_hash(b, seed));
	assert_true(mig_value_hash(a, seed) != mig_value_hash(c, seed)); /* a string */
	assert_true(mig_value_hash(a, seed) != mig_value_hash(d, seed)); /* a number */
	assert_true(mig_value_hash(a, seed) != mig_value_hash(e, seed)); /* where it was written */
	assert_true(mig_value_hash(NULL, seed) != mig_value_hash(a, seed));
	assert_true(mig_value_footprint(a) == mig_value_footprint(b));
	assert_true(mig_value_footprint(f) == mig_value_footprint(a) + strlen(f->items[0]->items[0]->str) - strlen("text"));
	assert_true(mig_value_footprint(a) > 3 * sizeof(mig_value) + strlen("text"));
	assert_int_equal(mig_value_footprint(NULL), 0);
	mig_value_free(a);
	mig_value_free(b);
	mig_value_free(c);
	mig_value_free(d);
	mig_value_free(e);
	mig_value_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_to_js),
		cmocka_unit_test(test_object_order_and_replace),
		cmocka_unit_test(test_truthiness),
		cmocka_unit_test(test_hash_and_footprint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
