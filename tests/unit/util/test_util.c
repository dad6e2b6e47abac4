/*
 * The utilities everything stands on: strings that fail sticky, the
 * error slot (an out-of-memory error survives a failed allocation; the
 * first error survives cleanup), the arena, statement-bounded steps, and
 * the allocation seam itself.
 */
#include "test_support.h"

#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/rows.h"
#include "util/sql.h"
#include "util/str.h"

static void test_str(void **state)
{
	(void)state;
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "a");
	mig_str_printf(&s, "%d-%s", 42, "x");
	mig_str_putc(&s, '!');
	assert_string_equal(mig_str_cstr(&s), "a42-x!");
	mig_str_truncate(&s, 2);
	assert_string_equal(mig_str_cstr(&s), "a4");
	/* a failed append poisons the string: no half-written result */
	mig__alloc_fail_at(1);
	for (int i = 0; i < 100; i++)
		mig_str_puts(&s, "0123456789abcdef");
	assert_true(mig__alloc_failed());
	mig__alloc_fail_at(0);
	assert_true(mig_str_failed(&s));
	assert_null(mig_str_detach(&s));
	mig_str_free(&s);
	mig_error_clear();
}

static void test_error_survives_oom(void **state)
{
	(void)state;
	assert_int_equal(mig_error_set(MIG_ESQL, "statement %d failed", 3), MIG_ESQL);
	mig_error_set_location("m.sql", 4, 2);
	mig_error_prefix("migration %s", "1_x");
	mig_error_set_note("rolled back");
	const mig_error *e = mig_error_last();
	assert_string_equal(e->message, "migration 1_x: statement 3 failed");
	assert_string_equal(e->file, "m.sql");
	assert_int_equal(e->line, 4);
	assert_string_equal(e->note, "rolled back");
	assert_int_equal(mig_error_code(MIG_ERROR), MIG_ESQL);

	/* the message cannot be allocated: the error is the static one */
	mig__alloc_fail_at(1);
	assert_int_equal(mig_error_set(MIG_ESQL, "never %s", "seen"), MIG_ENOMEM);
	mig__alloc_fail_at(0);
	e = mig_error_last();
	assert_non_null(e);
	assert_int_equal(e->code, MIG_ENOMEM);
	assert_non_null(strstr(e->message, "memory"));
	mig_error_set_detail("dropped"); /* no allocation on the static error */
	assert_null(mig_error_last()->detail);

	/* the first error survives cleanup that fails too */
	mig_error_set(MIG_ECONNLOST, "the server closed the connection");
	mig_error *saved = mig_error_save();
	assert_null(mig_error_last());
	mig_error_set(MIG_ESQL, "ROLLBACK failed");
	mig_error_restore(saved);
	assert_int_equal(mig_error_last()->code, MIG_ECONNLOST);
	assert_int_equal(mig_error_code(0), MIG_ECONNLOST);
	mig_error_clear();
	assert_int_equal(mig_error_code(MIG_ERROR), MIG_ERROR);
	/* a lost connection is its own class, and a run-time failure */
	assert_non_null(mig_error_name(MIG_ECONNLOST));
	assert_string_not_equal(mig_error_name(MIG_ECONNLOST), mig_error_name(MIG_ESQL));
	assert_int_equal(mig_error_exit_status(MIG_ECONNLOST), 1);
}

static int freed;
static void count_free(void *p)
{
	freed++;
	mig__free(p);
}

static void test_arena(void **state)
{
	(void)state;
	long live = mig__alloc_live();
	mig_arena a = MIG_ARENA_INIT;
	char *s = mig_arena_strdup(&a, "hello");
	char *p = mig_arena_printf(&a, "%s-%d", s, 7);
	int *v = mig_arena_array(&a, 1000, sizeof(int));
	assert_string_equal(p, "hello-7");
	assert_non_null(v);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], 0); /* zeroed */
	assert_true(mig_arena_defer(&a, count_free, mig_strdup("owned")));
	/* an overflowing array is refused, and the failure sticks */
	assert_null(mig_arena_array(&a, (size_t)-1 / 2, 4));
	assert_true(mig_arena_failed(&a));
	assert_null(mig_arena_strdup(&a, "after"));
	freed = 0;
	mig_arena_dispose(&a);
	assert_int_equal(freed, 1);
	assert_int_equal(mig__alloc_live(), live);
	mig_error_clear();
}

static void test_steps(void **state)
{
	(void)state;
	mig_steps steps = MIG_STEPS_INIT;
	mig_strv v = MIG_STRV_INIT;
	mig_strv_pushdup(&v, "CREATE TABLE a (x int)");
	mig_strv_pushdup(&v, "CREATE INDEX b ON a (x)");
	assert_int_equal(mig_steps_push(&steps, &v), 0);
	assert_int_equal(v.n, 0); /* taken */
	assert_int_equal(mig_steps_push1(&steps, mig_strdup("DROP TABLE c")), 0);
	const char *user = "INSERT 1; INSERT 2";
	size_t start[] = {0, 10}, len[] = {9, 8};
	assert_int_equal(mig_steps_push_user(&steps, mig_strdup(user), start, len, 2), 0);
	assert_int_equal(mig_steps_push_user(&steps, mig_strdup("DO $$ ... $$"), NULL, NULL, 0), 0);
	assert_int_equal(steps.n, 4);
	const mig_step *s0 = &steps.v[0];
	assert_int_equal(s0->n, 2);
	assert_string_equal(s0->text, "CREATE TABLE a (x int)\nCREATE INDEX b ON a (x)");
	char *second = mig_step_stmt(s0, 1);
	assert_string_equal(second, "CREATE INDEX b ON a (x)");
	mig__free(second);
	assert_null(mig_step_stmt(s0, 2));
	assert_false(s0->user);
	assert_true(steps.v[2].user && !steps.v[2].undivided);
	char *ins2 = mig_step_stmt(&steps.v[2], 1);
	assert_string_equal(ins2, "INSERT 2");
	mig__free(ins2);
	/* undivided user SQL is one statement that may hold several */
	assert_true(steps.v[3].undivided);
	assert_int_equal(steps.v[3].n, 1);
	/* an inferred down runs an operation's steps in reverse */
	mig_steps_reverse_from(&steps, 1);
	assert_string_equal(steps.v[1].text, "DO $$ ... $$");
	assert_string_equal(steps.v[3].text, "DROP TABLE c");
	mig_steps more = MIG_STEPS_INIT;
	assert_int_equal(mig_steps_push1(&more, mig_strdup("SELECT 1")), 0);
	assert_int_equal(mig_steps_append(&steps, &more), 0);
	assert_int_equal(more.n, 0);
	assert_int_equal(steps.n, 5);
	mig_steps_free(&steps);
}

static void test_first_word(void **state)
{
	(void)state;
	static const char *const data[] = {"insert", "with", NULL};
	const char *sql = "-- a comment\n/* and; another */ ((Insert INTO t VALUES (1)";
	size_t n = 0;
	const char *w = mig_sql_first_word(sql, strlen(sql), &n);
	assert_int_equal(n, 6);
	assert_memory_equal(w, "Insert", 6);
	assert_true(mig_sql_starts_with_any(sql, strlen(sql), data));
	assert_false(mig_sql_starts_with_any("INSERTED", 8, data)); /* the whole word */
	assert_false(mig_sql_starts_with_any("CREATE TABLE t ()", 17, data));
	/* an unterminated comment: no word at all */
	mig_sql_first_word("/* never closed", 15, &n);
	assert_int_equal(n, 0);
	/* only the given bytes are read */
	assert_false(mig_sql_starts_with_any("WITH x", 3, data));
}

static void test_rows(void **state)
{
	(void)state;
	mig_rows *r = mig_rows_new(2);
	const char *row1[] = {"a", NULL};
	const char *row2[] = {"b", "c"};
	assert_int_equal(mig_rows_add(r, row1), 0);
	assert_int_equal(mig_rows_add(r, row2), 0);
	assert_int_equal(r->nrows, 2);
	assert_null(mig_rows_get(r, 0, 1)); /* SQL NULL */
	assert_string_equal(mig_rows_get(r, 1, 1), "c");
	assert_null(mig_rows_get(r, 2, 0));
	assert_null(mig_rows_get(r, 0, 2));
	mig_rows_free(r);
}

static void test_alloc_seam(void **state)
{
	(void)state;
	long live = mig__alloc_live();
	unsigned long c = mig__alloc_count();
	mig__alloc_fail_at(2);
	void *a = mig__malloc(8), *b = mig__malloc(8), *d = mig__malloc(8);
	assert_non_null(a);
	assert_null(b); /* the second one */
	assert_non_null(d); /* and only that one */
	assert_true(mig__alloc_failed());
	mig__alloc_fail_at(0);
	assert_int_equal(mig__alloc_count() - c, 3);
	assert_int_equal(mig__alloc_live(), live + 2);
	/* reallocarray refuses an overflow without touching p */
	assert_null(mig__reallocarray(a, (size_t)-1, 16));
	mig__free(a);
	mig__free(d);
	mig__free(NULL);
	assert_int_equal(mig__alloc_live(), live);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str),   cmocka_unit_test(test_error_survives_oom), cmocka_unit_test(test_arena),
		cmocka_unit_test(test_steps), cmocka_unit_test(test_first_word), cmocka_unit_test(test_rows),               cmocka_unit_test(test_alloc_seam),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
