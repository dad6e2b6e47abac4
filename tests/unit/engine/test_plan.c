#include "test_support.h"

#include "engine/plan.h"

/* A set of files named by the given names (timestamps = their prefixes). */
static mig_set files_of(const char *const *names, size_t n)
{
	mig_set s = {0};
	s.n = n;
	s.items = calloc(n, sizeof(*s.items));
	for (size_t i = 0; i < n; i++) {
		s.items[i].name = mig_strdup(names[i]);
		s.items[i].file = mig_aprintf("%s.sql", names[i]);
		s.items[i].path = mig_aprintf("m/%s.sql", names[i]);
		assert_int_equal(mig_numeric_prefix(names[i], &s.items[i].timestamp), 0);
	}
	return s;
}

static mig_strv strv_of(const char *const *names, size_t n)
{
	mig_strv v = MIG_STRV_INIT;
	for (size_t i = 0; i < n; i++)
		assert_int_equal(mig_strv_pushdup(&v, names[i]), 0);
	return v;
}

static const char *const F[] = {"1_a", "2_b", "3_c", "4_d"};

/* Render a plan as "1_a,2_b" for compact assertions. */
static char *render(const mig_set *s, const size_t *idx, size_t n)
{
	mig_str out = MIG_STR_INIT;
	for (size_t i = 0; i < n; i++)
		mig_str_printf(&out, "%s%s", i ? "," : "", s->items[idx[i]].name);
	return mig_str_detach(&out);
}

static void check_up(const mig_strv *applied, const mig_target *t, bool ts, const char *want)
{
	mig_set s = files_of(F, 4);
	size_t *idx, n;
	assert_int_equal(mig_plan_up(&s, applied, t, ts, &idx, &n), 0);
	char *got = render(&s, idx, n);
	assert_string_equal(got, want);
	free(got);
	free(idx);
	mig_set_dispose(&s);
}

static void check_down(const mig_strv *applied, const mig_target *t, bool ts, const char *want)
{
	mig_set s = files_of(F, 4);
	size_t *idx, n;
	assert_int_equal(mig_plan_down(&s, applied, t, ts, &idx, &n), 0);
	char *got = render(&s, idx, n);
	assert_string_equal(got, want);
	free(got);
	free(idx);
	mig_set_dispose(&s);
}

static void test_up(void **state)
{
	(void)state;
	const char *const a[] = {"1_a"};
	mig_strv applied = strv_of(a, 1);
	check_up(&applied, NULL, false, "2_b,3_c,4_d");
	mig_target t = {.has_count = true, .count = 2};
	check_up(&applied, &t, false, "2_b,3_c");
	t.count = -2; /* |N| */
	check_up(&applied, &t, false, "2_b,3_c");
	t.count = 0; /* node-pg-migrate: up 0 runs nothing */
	check_up(&applied, &t, false, "");
	t.count = 3; /* --timestamp: pending with prefix <= N */
	check_up(&applied, &t, true, "2_b,3_c");
	mig_target name = {.name = "3_c"}; /* up to and including */
	check_up(&applied, &name, false, "2_b,3_c");
	mig_target done = {.name = "1_a"};
	check_up(&applied, &done, false, "");
	mig_strv_free(&applied);
}

static void test_up_unknown_name(void **state)
{
	(void)state;
	mig_set s = files_of(F, 4);
	mig_strv applied = MIG_STRV_INIT;
	mig_target t = {.name = "9_zz"};
	size_t *idx, n;
	expect_error(mig_plan_up(&s, &applied, &t, false, &idx, &n), MIG_EUSAGE, "no migration file named 9_zz");
	mig_set_dispose(&s);
}

static void test_down(void **state)
{
	(void)state;
	const char *const a[] = {"1_a", "2_b", "3_c"};
	mig_strv applied = strv_of(a, 3);
	check_down(&applied, NULL, false, "3_c");
	mig_target t = {.has_count = true, .count = 2};
	check_down(&applied, &t, false, "3_c,2_b");
	t.count = 0; /* down 0 = all */
	check_down(&applied, &t, false, "3_c,2_b,1_a");
	t.count = 99;
	check_down(&applied, &t, false, "3_c,2_b,1_a");
	t.count = 2; /* --timestamp: applied with prefix >= N */
	check_down(&applied, &t, true, "3_c,2_b");
	mig_target name = {.name = "2_b"}; /* down to and including */
	check_down(&applied, &name, false, "3_c,2_b");
	mig_strv_free(&applied);
	mig_strv none = MIG_STRV_INIT;
	check_down(&none, NULL, false, "");
}

static void test_down_errors(void **state)
{
	(void)state;
	mig_set s = files_of(F, 4);
	const char *const a[] = {"1_a", "2_gone", "2_b", "3_gone"};
	mig_strv applied = strv_of(a, 4);
	size_t *idx, n;
	mig_target all = {.has_count = true, .count = 0};
	expect_error(mig_plan_down(&s, &applied, &all, false, &idx, &n), MIG_ESTATE,
		     "Definitions of migrations 3_gone, 2_gone have been deleted.");
	mig_target name = {.name = "4_d"};
	expect_error(mig_plan_down(&s, &applied, &name, false, &idx, &n), MIG_EUSAGE, "4_d is not applied");
	mig_strv_free(&applied);
	mig_set_dispose(&s);
}

static void test_check_order(void **state)
{
	(void)state;
	mig_set s = files_of(F, 4);
	const char *const ok[] = {"1_a", "2_b"};
	mig_strv applied = strv_of(ok, 2);
	assert_int_equal(mig_check_order(&s, &applied, NULL), 0);
	mig_strv_free(&applied);

	const char *const gap[] = {"1_a", "3_c"}; /* 2_b added later with an older prefix */
	applied = strv_of(gap, 2);
	expect_error(mig_check_order(&s, &applied, NULL), MIG_EORDER,
		     "Not run migration 2_b is preceding already run migration 3_c");
	mig_strv_free(&applied);

	/* an applied file that is gone: the next file is applied, so
	 * node-pg-migrate's "Not run" would be wrong */
	const char *const gone[] = {"1_a", "1_gone", "2_b"};
	applied = strv_of(gone, 3);
	expect_error(mig_check_order(&s, &applied, NULL), MIG_EORDER,
		     "Already run migration 1_gone has no file (deleted?); the files after it do not line up with the "
		     "migrations table (2_b, at its place, ran later)");
	expect_error(mig_check_order(&s, &applied, "1_gone.*"), MIG_EORDER,
		     "Already run migration 1_gone has no file: it was deleted, or --ignore-pattern '1_gone.*' leaves it "
		     "out; the files after it do not line up with the migrations table (2_b, at its place, ran later)");
	mig_strv_free(&applied);

	/* both files, applied in another order: node-pg-migrate's message */
	const char *const swapped[] = {"1_a", "3_c", "2_b"};
	applied = strv_of(swapped, 3);
	expect_error(mig_check_order(&s, &applied, NULL), MIG_EORDER,
		     "Not run migration 2_b is preceding already run migration 3_c");
	mig_strv_free(&applied);
	/* the gone one not yet followed by anything applied */
	const char *const gone_last[] = {"1_a", "1_gone"};
	applied = strv_of(gone_last, 2);
	expect_error(mig_check_order(&s, &applied, NULL), MIG_EORDER, "(2_b, at its place, is not run)");
	mig_strv_free(&applied);

	/* a file deleted from the end is tolerated by up */
	const char *const longer[] = {"1_a", "2_b", "3_c", "4_d", "5_e"};
	applied = strv_of(longer, 5);
	assert_int_equal(mig_check_order(&s, &applied, NULL), 0);
	mig_strv_free(&applied);
	mig_set_dispose(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_up),
		cmocka_unit_test(test_up_unknown_name),
		cmocka_unit_test(test_down),
		cmocka_unit_test(test_down_errors),
		cmocka_unit_test(test_check_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
