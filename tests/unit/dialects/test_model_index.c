/*
 * The shared table model's lookups (dialects/common/model.c): the name
 * index answers as the walk over every table did, through additions,
 * drops, replacements, in-place renames and allocation failures. (Debug
 * builds also check every indexed answer against the walk inside
 * model.c; these tests give that check the cases.) And the bound on a
 * live catalog's model (dialects/common/catalog.c), which a run applies
 * between migrations.
 */
#include "test_support.h"

#include "dialects/catalog.h"
#include "dialects/common/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

static mig_mtable *table_with_index(const char *name, const char *index)
{
	mig_mtable *t = mig_mtable_new(name);
	assert_non_null(t);
	if (index)
		assert_non_null(mig_mtable_add_obj(t, mig_strdup("index"), mig_strdup(index), NULL));
	return t;
}

static void put(mig_model *m, const char *name, const char *index)
{
	assert_int_equal(mig_model_put_table(m, table_with_index(name, index)), 0);
}

static void test_many_tables_found_by_any_case(void **unused)
{
	(void)unused;
	mig_model m = MIG_MODEL_INIT;
	char name[32], index[32];
	for (int i = 0; i < 3000; i++) {
		snprintf(name, sizeof(name), "T%d", i);
		snprintf(index, sizeof(index), "t%d_Name_Idx", i);
		put(&m, name, index);
	}
	assert_int_equal(m.ntables, 3000);
	for (int i = 0; i < 3000; i += 7) {
		snprintf(name, sizeof(name), "t%d", i);
		mig_mtable *t = mig_model_table(&m, name);
		assert_non_null(t);
		assert_ptr_equal(t, m.tables[i]);
		snprintf(index, sizeof(index), "T%d_NAME_IDX", i);
		mig_mobject *o = NULL;
		assert_ptr_equal(mig_model_table_of(&m, "index", index, &o), t);
		assert_ptr_equal(o, &t->objs[0]);
		assert_null(mig_model_table_of(&m, "trigger", index, NULL));
		assert_ptr_equal(mig_model_table_of(&m, NULL, index, NULL), t);
	}
	assert_null(mig_model_table(&m, "t3000"));
	assert_null(mig_model_table(&m, "t1_"));
	assert_null(mig_model_table_of(&m, "index", "t3000_name_idx", NULL));
	/* an index added to a table already in the model is found */
	assert_non_null(mig_mtable_add_obj(m.tables[5], mig_strdup("trigger"), mig_strdup("t5_audit"), NULL));
	assert_ptr_equal(mig_model_table_of(&m, "trigger", "T5_AUDIT", NULL), m.tables[5]);
	mig_model_dispose(&m);
}

static void test_drop_replace_and_rename(void **unused)
{
	(void)unused;
	mig_model m = MIG_MODEL_INIT;
	put(&m, "users", "users_email_idx");
	put(&m, "posts", "posts_user_idx");
	put(&m, "tags", NULL);

	mig_model_drop_table(&m, "POSTS");
	assert_null(mig_model_table(&m, "posts"));
	assert_null(mig_model_table_of(&m, "index", "posts_user_idx", NULL));
	/* what comes after the drop is indexed again */
	put(&m, "comments", "comments_post_idx");
	assert_non_null(mig_model_table_of(&m, "index", "comments_post_idx", NULL));

	/* a replacement keeps the place and drops the old table's objects */
	mig_mtable *old = mig_model_table(&m, "users");
	assert_ptr_equal(old, m.tables[0]);
	assert_int_equal(mig_model_put_table(&m, table_with_index("Users", "users_name_idx")), 0);
	assert_string_equal(m.tables[0]->name, "Users");
	assert_ptr_equal(mig_model_table(&m, "users"), m.tables[0]);
	assert_null(mig_model_table_of(&m, "index", "users_email_idx", NULL));
	assert_ptr_equal(mig_model_table_of(&m, "index", "users_name_idx", NULL), m.tables[0]);

	/* an in-place rename, as the appliers do it */
	mig_mtable *t = mig_model_table(&m, "tags");
	mig__free(t->name);
	t->name = mig_strdup("labels");
	mig_model_names_changed(&m);
	assert_null(mig_model_table(&m, "tags"));
	assert_ptr_equal(mig_model_table(&m, "LABELS"), t);
	mig_mobject *o = NULL;
	assert_non_null(mig_model_table_of(&m, "index", "comments_post_idx", &o));
	mig__free(o->name);
	o->name = mig_strdup("comments_by_post");
	mig_model_names_changed(&m);
	assert_null(mig_model_table_of(&m, "index", "comments_post_idx", NULL));
	assert_non_null(mig_model_table_of(&m, "index", "comments_by_post", NULL));

	/* removing an object */
	mig_mtable *c = mig_model_table_of(&m, "index", "comments_by_post", &o);
	mig_mtable_remove_obj(c, o);
	assert_null(mig_model_table_of(&m, "index", "comments_by_post", NULL));
	assert_int_equal(c->nobjs, 0);
	mig_model_dispose(&m);
	assert_null(m.index);
}

/* MySQL's index names are per table: of two tables with an index of one
 * name, the first in the model answers, as the walk did. */
static void test_first_of_two_answers(void **unused)
{
	(void)unused;
	mig_model m = MIG_MODEL_INIT;
	put(&m, "a", "by_name");
	put(&m, "b", "by_name");
	assert_ptr_equal(mig_model_table_of(&m, "index", "by_name", NULL), m.tables[0]);
	mig_model_drop_table(&m, "a");
	assert_ptr_equal(mig_model_table_of(&m, "index", "BY_NAME", NULL), m.tables[0]);
	assert_string_equal(m.tables[0]->name, "b");
	mig_model_dispose(&m);
}

/* Every allocation the index makes can fail: the failure is reported as
 * running out of memory, nothing leaks, and what got in is found. */
static void test_every_allocation_fails(void **unused)
{
	(void)unused;
	unsigned long failures = 0;
	for (unsigned long nth = 1;; nth++) {
		mig_model m = MIG_MODEL_INIT;
		long live = mig__alloc_live();
		mig__alloc_fail_at(nth);
		int rc = 0;
		char name[32];
		for (int i = 0; rc == 0 && i < 100; i++) {
			snprintf(name, sizeof(name), "t%d", i);
			mig_mtable *t = mig_mtable_new(name);
			if (!t) {
				rc = MIG_ENOMEM;
				break;
			}
			rc = mig_model_put_table(&m, t);
			snprintf(name, sizeof(name), "t%d_idx", i);
			if (rc == 0 && !mig_mtable_add_obj(t, mig_strdup("index"), mig_strdup(name), NULL))
				rc = MIG_ENOMEM;
		}
		bool failed = mig__alloc_failed();
		mig__alloc_fail_at(0);
		for (size_t i = 0; i < m.ntables; i++) {
			assert_ptr_equal(mig_model_table(&m, m.tables[i]->name), m.tables[i]);
			for (size_t k = 0; k < m.tables[i]->nobjs; k++)
				assert_ptr_equal(mig_model_table_of(&m, "index", m.tables[i]->objs[k].name, NULL), m.tables[i]);
		}
		mig_model_dispose(&m);
		assert_int_equal(mig__alloc_live(), live);
		if (!failed) {
			assert_int_equal(rc, 0);
			break;
		}
		assert_int_equal(rc, MIG_ENOMEM);
		mig_error_clear();
		failures++;
	}
	assert_true(failures > 300);
}

/* A source that has every table whose name starts with "t", and counts
 * what is asked of it. */
static int counted_table(void *ud, mig_model *m, const char *name, bool *found)
{
	(*(int *)ud)++;
	*found = name[0] == 't';
	return *found ? mig_model_put_table(m, table_with_index(name, NULL)) : 0;
}

static int no_all(void *ud, mig_model *m)
{
	(void)ud;
	(void)m;
	fail_msg("the whole schema was read");
	return 0;
}

/* Past the bound, a live catalog forgets its tables and reads the next one
 * asked for again; at the bound, or with no source to read again from, the
 * model stays as it is. */
static void test_catalog_bound(void **unused)
{
	(void)unused;
	int reads = 0;
	const mig_catalog_source src = {.table = counted_table, .all = no_all, .enums = NULL, .ud = &reads};
	mig_catalog c;
	mig_catalog_init(&c, &src);
	const mig_mtable *t;
	char name[32];
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		assert_int_equal(mig_catalog_table(&c, name, &t), 0);
		assert_non_null(t);
	}
	assert_int_equal(reads, 300);
	/* asked again: the model answers */
	assert_int_equal(mig_catalog_table(&c, "T0", &t), 0);
	assert_int_equal(reads, 300);
	/* a table that is not there is asked for once */
	assert_int_equal(mig_catalog_table(&c, "x", &t), 0);
	assert_null(t);
	assert_int_equal(mig_catalog_table(&c, "x", &t), 0);
	assert_null(t);
	assert_int_equal(reads, 301);
	mig_catalog_bound(&c, 300);
	assert_int_equal(c.model.ntables, 300);
	assert_int_equal(mig_catalog_table(&c, "t0", &t), 0);
	assert_int_equal(reads, 301);
	mig_catalog_bound(&c, 299);
	assert_int_equal(c.model.ntables, 0);
	assert_int_equal(mig_catalog_table(&c, "t0", &t), 0);
	assert_non_null(t);
	assert_string_equal(t->name, "t0");
	assert_int_equal(reads, 302);
	/* and asked for again once forgotten */
	assert_int_equal(mig_catalog_table(&c, "x", &t), 0);
	assert_null(t);
	assert_int_equal(reads, 303);
	mig_catalog_dispose(&c);

	/* offline: the model is all there is */
	mig_catalog off;
	mig_catalog_init(&off, NULL);
	mig_model *m = mig_catalog_model(&off);
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		assert_int_equal(mig_model_put_table(m, table_with_index(name, NULL)), 0);
	}
	mig_catalog_bound(&off, 1);
	assert_int_equal(mig_catalog_model(&off)->ntables, 10);
	mig_catalog_dispose(&off);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_many_tables_found_by_any_case),
	    cmocka_unit_test(test_drop_replace_and_rename),
	    cmocka_unit_test(test_first_of_two_answers),
	    cmocka_unit_test(test_every_allocation_fails),
	    cmocka_unit_test(test_catalog_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
