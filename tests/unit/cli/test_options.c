/*
 * The option table and the parser made from it (src/cli/options.c): the
 * table is consistent, every spelling parses to the slot it names, and
 * the typo suggestions and the camelCase config keys work.
 */
#include "test_support.h"

#include "cli/options.h"


static void test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < MIG_OPT__COUNT; i++) {
		const mig_cli_opt *o = &mig_cli_opts[i];
		if (!o->lng || !o->help)
			fail_msg("option %zu has no name or help line", i);
		assert_true(o->cmds != 0);
		assert_true((size_t)o->group < mig_cli_ngroups);
		assert_true((o->kind == MIG_OPT_FLAG) == (o->arg == NULL));
		assert_true(!o->default_on || o->kind == MIG_OPT_FLAG);
		for (size_t j = 0; j < i; j++) {
			const mig_cli_opt *p = &mig_cli_opts[j];
			if (strcmp(o->lng, p->lng) == 0 || (o->shrt && o->shrt == p->shrt))
				fail_msg("--%s and --%s share a spelling", o->lng, p->lng);
			/* a flag's --no- form must not be another option */
			char no[80];
			snprintf(no, sizeof(no), "no-%s", p->lng);
			if (p->kind == MIG_OPT_FLAG && strcmp(o->lng, no) == 0)
				fail_msg("--%s is also the negation of --%s", o->lng, p->lng);
		}
	}
	for (size_t i = 0; i < mig_cli_ncommands; i++) {
		assert_ptr_equal(mig_cli_command_find(mig_cli_commands[i].name), &mig_cli_commands[i]);
		if (mig_cli_commands[i].alias)
			assert_ptr_equal(mig_cli_command_find(mig_cli_commands[i].alias), &mig_cli_commands[i]);
	}
	assert_null(mig_cli_command_find("migrat"));
}

static int parse(mig_cli_parsed *p, const char *const *words)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"migrations";
	for (; *words; words++)
		argv[argc++] = (char *)*words;
	return mig_cli_parse(p, argc, argv);
}

static void test_spellings(void **state)
{
	(void)state;
	mig_cli_parsed p;
	const char *a[] = {"--lock=false", "migrate", "-mdir", "--no-check-order", "-vq", "--single-transaction=true",
			   "--no-dry-run=false", "-s", "a", "--schema=b", "--envPath", ".e", "--fake", "false", "--",
			   "--not-an-option", NULL};
	assert_int_equal(parse(&p, a), 0);
	assert_string_equal(p.command, "migrate");
	assert_int_equal(p.args.n, 1);
	assert_string_equal(p.args.v[0], "--not-an-option");
	const mig_cli_slot *s = p.slot;
	assert_int_equal(s[MIG_OPT_LOCK].src, MIG_SRC_CLI);
	assert_false(s[MIG_OPT_LOCK].on);
	assert_string_equal(s[MIG_OPT_LOCK].spelled, "--lock");
	assert_string_equal(s[MIG_OPT_MIGRATIONS_DIR].value, "dir");
	assert_string_equal(s[MIG_OPT_MIGRATIONS_DIR].spelled, "-m");
	assert_false(s[MIG_OPT_CHECK_ORDER].on);
	assert_string_equal(s[MIG_OPT_CHECK_ORDER].spelled, "--no-check-order");
	assert_true(s[MIG_OPT_VERBOSE].on && s[MIG_OPT_QUIET].on);
	assert_true(s[MIG_OPT_SINGLE_TRANSACTION].on);
	assert_true(s[MIG_OPT_DRY_RUN].on); /* --no-X=false */
	assert_int_equal(s[MIG_OPT_SCHEMA].list.n, 2);
	assert_string_equal(s[MIG_OPT_SCHEMA].list.v[1], "b");
	assert_string_equal(s[MIG_OPT_ENV_FILE].value, ".e");
	assert_int_equal(s[MIG_OPT_FAKE].src, MIG_SRC_CLI);
	assert_false(s[MIG_OPT_FAKE].on); /* --fake false */
	assert_int_equal(s[MIG_OPT_TARGETS].src, MIG_SRC_NONE);
	mig_cli_parsed_free(&p);

	/* the last one counts; a negative count is a word */
	const char *b[] = {"rollback", "-5", "--verbose", "--no-verbose", NULL};
	assert_int_equal(parse(&p, b), 0);
	assert_string_equal(p.args.v[0], "-5");
	assert_false(p.slot[MIG_OPT_VERBOSE].on);
	mig_cli_parsed_free(&p);
}

static void expect_usage(const char *const *words, const char *want)
{
	mig_cli_parsed p;
	int rc = parse(&p, words);
	mig_cli_parsed_free(&p);
	assert_int_equal(rc, MIG_EUSAGE);
	if (!strstr(mig_error_last()->message, want))
		fail_msg("[%s]: got [%s], want ...%s...", words[0], mig_error_last()->message, want);
	mig_error_clear();
}

static void test_refusals(void **state)
{
	(void)state;
	const char *a[] = {"--dry-rn", NULL};
	expect_usage(a, "unknown option --dry-rn: did you mean --dry-run?");
	const char *b[] = {"--lock=maybe", NULL};
	expect_usage(b, "--lock is true or false, not 'maybe'");
	const char *c[] = {"--no-lock-wait", NULL};
	expect_usage(c, "--lock-wait takes a value: it has no --no-lock-wait form");
	const char *d[] = {"migrate", "-m", NULL};
	expect_usage(d, "option -m needs a value DIR");
	const char *e[] = {"--lock-wait", NULL};
	expect_usage(e, "option --lock-wait needs a value SEC");
	const char *r[] = {"--reject-unauthorized", NULL};
	expect_usage(r, "node-pg-migrate's --reject-unauthorized is not supported: TLS checks are set in the URL");
	const char *f[] = {"-vZ", NULL};
	expect_usage(f, "unknown option -Z");

	mig_cli_parsed p;
	const char *g[] = {"status", "--dry-run", NULL};
	assert_int_equal(parse(&p, g), 0);
	assert_int_equal(mig_cli_check_applies(&p, mig_cli_command_find(p.command)), MIG_EUSAGE);
	assert_non_null(strstr(mig_error_last()->message, "option --dry-run does not apply to the status command (it is for "
							   "migrate, rollback, redo and repair"));
	mig_error_clear();
	assert_int_equal(mig_cli_check_applies(&p, mig_cli_command_find("up")), 0);
	mig_cli_parsed_free(&p);
}

static void test_did_you_mean(void **state)
{
	(void)state;
	assert_int_equal(mig_cli_distance("migrat", "migrate"), 1);
	assert_int_equal(mig_cli_distance("mirgate", "migrate"), 1); /* a swap is one edit */
	assert_int_equal(mig_cli_distance("", "abc"), 3);
	assert_string_equal(mig_cli_closest_command("migrat"), "migrate");
	assert_string_equal(mig_cli_closest_command("stauts"), "status");
	assert_string_equal(mig_cli_closest_command("dwn"), "down");
	assert_null(mig_cli_closest_command("frobnicate"));
	assert_null(mig_cli_closest_command("x"));
	assert_string_equal(mig_cli_closest_option("dry-rn"), "dry-run");
	assert_string_equal(mig_cli_closest_option("no-lok"), "no-lock");
	assert_string_equal(mig_cli_closest_option("envpath"), "envPath");
	assert_null(mig_cli_closest_option("frobnicate"));
}

static void test_config_keys(void **state)
{
	(void)state;
	const mig_cli_opt *dir = &mig_cli_opts[MIG_OPT_MIGRATIONS_DIR];
	assert_true(mig_cli_key_names("migrations-dir", dir));
	assert_true(mig_cli_key_names("migrationsDir", dir));
	assert_false(mig_cli_key_names("migrationsdir", dir));
	assert_false(mig_cli_key_names("migrations-Dir", dir));
	assert_false(mig_cli_key_names("migrationsDirx", dir));
	assert_true(mig_cli_key_names("databaseUrl", &mig_cli_opts[MIG_OPT_DATABASE_URL]));
	assert_true(mig_cli_key_names("envPath", &mig_cli_opts[MIG_OPT_ENV_FILE]));
	assert_true(mig_cli_key_names("lock", &mig_cli_opts[MIG_OPT_LOCK]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),        cmocka_unit_test(test_spellings),   cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_did_you_mean), cmocka_unit_test(test_config_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
