#include "test_support.h"

#include "engine/discover.h"

#include <sys/stat.h>
#include <sys/wait.h>

static void test_numeric_prefix(void **state)
{
	(void)state;
	double v;
	assert_int_equal(mig_numeric_prefix("1700000000000_a.js", &v), 0);
	assert_true(v == 1700000000000.0);
	assert_int_equal(mig_numeric_prefix("001_a.sql", &v), 0);
	assert_true(v == 1.0);
	/* 17 digits: a UTC time, compared as epoch milliseconds */
	assert_int_equal(mig_numeric_prefix("20000101000000000_x.sql", &v), 0);
	assert_true(v == 946684800000.0);
	assert_int_equal(mig_numeric_prefix("20240229235959999_leap.sql", &v), 0);
	assert_true(v == 1709251199999.0);
	expect_error(mig_numeric_prefix("README.md", &v), MIG_EINPUT, "Cannot determine numeric prefix for \"README.md\"");
	expect_error(mig_numeric_prefix("20231301000000000_bad.sql", &v), MIG_EINPUT, "not one");
	expect_error(mig_numeric_prefix("20230229000000000_bad.sql", &v), MIG_EINPUT, "UTC time");
}

static void test_compare_names(void **state)
{
	(void)state;
	assert_true(mig_compare_names("1_a", "2_b") < 0);
	assert_true(mig_compare_names("2_b", "10_c") < 0); /* numeric, not lexical */
	assert_true(mig_compare_names("1_a-b", "1_ab") != 0);
	assert_true(mig_compare_names("1_a", "1_A") < 0); /* lower case first */
	assert_true(mig_compare_names("1_abc", "1_ABD") < 0); /* case-blind first */
	assert_int_equal(mig_compare_names("x", "x"), 0);
	assert_true(mig_compare_files("20000101000000000_x", "946684800001_y") < 0);
}

static void test_discover_orders_and_ignores(void **state)
{
	(void)state;
	char *d = make_tmpdir();
	write_file(d, "10_c.sql", "");
	write_file(d, "2_b.sql", "");
	write_file(d, "1_a.js", "");
	write_file(d, ".hidden.sql", "");
	write_file(d, "20000101000000000_utc.sql", "");
	write_file(d, "946684800001_ms.sql", "");
	char *sub = mig_aprintf("%s/9_subdir", d);
	mkdir(sub, 0777);
	free(sub);
	mig_set set;
	assert_int_equal(mig_discover(d, NULL, &set), 0);
	assert_int_equal(set.n, 5);
	const char *want[] = {"1_a", "2_b", "10_c", "20000101000000000_utc", "946684800001_ms"};
	for (size_t i = 0; i < set.n; i++)
		assert_string_equal(set.items[i].name, want[i]);
	assert_string_equal(set.items[0].file, "1_a.js");
	assert_non_null(strstr(set.items[0].path, "/1_a.js"));
	assert_int_equal(mig_set_find(&set, "10_c"), 2);
	assert_int_equal(mig_set_find(&set, "nope"), -1);
	mig_set_dispose(&set);
	rm_tree(d);
}

static void test_discover_ties_and_extension(void **state)
{
	(void)state;
	char *d = make_tmpdir();
	write_file(d, "5_b.sql", "");
	write_file(d, "5_a.sql", "");
	write_file(d, "5_a.tar.sql", ""); /* name keeps all but the last extension */
	mig_set set;
	assert_int_equal(mig_discover(d, NULL, &set), 0);
	assert_int_equal(set.n, 3);
	assert_string_equal(set.items[0].name, "5_a");
	assert_string_equal(set.items[1].name, "5_a.tar");
	assert_string_equal(set.items[2].name, "5_b");
	mig_set_dispose(&set);
	rm_tree(d);
}

static void test_discover_errors(void **state)
{
	(void)state;
	mig_set set;
	expect_error(mig_discover("/nonexistent/dir/x", NULL, &set), MIG_EIO, "cannot open migrations directory");

	char *d = make_tmpdir();
	write_file(d, "1_a.sql", "");
	write_file(d, "README.md", "");
	expect_error(mig_discover(d, NULL, &set), MIG_EINPUT, "Cannot determine numeric prefix for \"README.md\"");
	/* a user pattern replaces the default and is anchored */
	assert_int_equal(mig_discover(d, "README\\.md|\\..*", &set), 0);
	assert_int_equal(set.n, 1);
	mig_set_dispose(&set);
	expect_error(mig_discover(d, "READ(ME", &set), MIG_EUSAGE, "not a valid regular expression");
	write_file(d, "1_a.js", "");
	expect_error(mig_discover(d, "README\\.md", &set), MIG_EINPUT, "same name 1_a");
	rm_tree(d);
}

/* As root every directory is readable, so check from a child that has
 * dropped to an unprivileged user. */
static void test_discover_unreadable(void **state)
{
	(void)state;
	char *d = make_tmpdir();
	chmod(d, 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && setuid(65534) != 0)
			_exit(3);
		mig_set set;
		int rc = mig_discover(d, NULL, &set);
		const mig_error *e = mig_error_last();
		_exit(rc == MIG_EIO && e && strstr(e->message, "Permission denied") ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	chmod(d, 0700);
	rm_tree(d);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* Finding a migration by name: file order is not name order ("10_a"
 * sorts after "9_z" as a file, before it as a name). */
static void test_set_find(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	const char *names[] = {"9_z", "10_a", "2_m", "1_q", "300_b"};
	for (size_t i = 0; i < 5; i++) {
		char *f = mig_aprintf("%s.sql", names[i]);
		write_file(dir, f, "-- Up Migration\n");
		free(f);
	}
	mig_set set;
	assert_int_equal(mig_discover(dir, NULL, &set), 0);
	assert_int_equal(set.n, 5);
	assert_non_null(set.by_name);
	for (size_t i = 0; i < set.n; i++)
		assert_int_equal(mig_set_find(&set, set.items[i].name), (long)i);
	assert_string_equal(set.items[0].name, "1_q");
	assert_int_equal(mig_set_find(&set, "10_a"), 3);
	assert_int_equal(mig_set_find(&set, "10_b"), -1);
	assert_int_equal(mig_set_find(&set, ""), -1);
	assert_int_equal(mig_set_find(&set, "99_zz"), -1);
	mig_set_dispose(&set);
	assert_null(set.by_name);
	rm_tree(dir);
}

/* golang-migrate pairs: N_name.up.sql + N_name.down.sql are one migration
 * N_name; an up alone is one too; a down alone is an error naming it. */
static void test_discover_pairs(void **state)
{
	(void)state;
	char *d = make_tmpdir();
	write_file(d, "000002_b.down.sql", "");
	write_file(d, "000001_a.up.sql", "");
	write_file(d, "000002_b.up.sql", "");
	write_file(d, "000001_a.down.sql", "");
	write_file(d, "000003_c.up.sql", "");
	write_file(d, "000004_d.sql", "");
	mig_set set;
	assert_int_equal(mig_discover(d, NULL, &set), 0);
	assert_int_equal(set.n, 4);
	const char *want[] = {"000001_a", "000002_b", "000003_c", "000004_d"};
	for (size_t i = 0; i < set.n; i++)
		assert_string_equal(set.items[i].name, want[i]);
	assert_string_equal(set.items[0].file, "000001_a.up.sql");
	assert_string_equal(set.items[0].down_file, "000001_a.down.sql");
	assert_non_null(strstr(set.items[0].down_path, "/000001_a.down.sql"));
	assert_string_equal(set.items[1].down_file, "000002_b.down.sql");
	assert_null(set.items[2].down_file);
	assert_null(set.items[3].down_file);
	assert_int_equal(mig_set_find(&set, "000003_c"), 2);
	/* the down view names the down file */
	mig_migration v = mig_migration_view(&set.items[0], true);
	assert_string_equal(v.file, "000001_a.down.sql");
	v = mig_migration_view(&set.items[0], false);
	assert_string_equal(v.file, "000001_a.up.sql");
	mig_set_dispose(&set);

	write_file(d, "000005_e.down.sql", "");
	assert_int_equal(mig_discover(d, NULL, &set), MIG_EINPUT);
	const mig_error *e = mig_error_last();
	assert_non_null(strstr(e->message, "000005_e.down.sql is a golang-migrate down file without its up file 000005_e.up.sql"));
	assert_non_null(strstr(e->file, "/000005_e.down.sql"));
	mig_error_clear();

	/* N_name.sql and N_name.up.sql are the same migration twice */
	char *cmd = mig_aprintf("rm '%s/000005_e.down.sql'", d);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	write_file(d, "000003_c.sql", "");
	expect_error(mig_discover(d, NULL, &set), MIG_EINPUT, "two migration files have the same name 000003_c");
	rm_tree(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numeric_prefix),
		cmocka_unit_test(test_compare_names),
		cmocka_unit_test(test_discover_orders_and_ignores),
		cmocka_unit_test(test_discover_ties_and_extension),
		cmocka_unit_test(test_discover_errors),
		cmocka_unit_test(test_discover_unreadable),
		cmocka_unit_test(test_set_find),
		cmocka_unit_test(test_discover_pairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
