/*
 * Differential test of the PostgreSQL emitter against node-pg-migrate
 * 9.0.0. tests/corpus/postgres/ holds migration files; tests/corpus/postgres/expected/
 * holds, per file and direction, the SQL steps node-pg-migrate's runner
 * would execute (or the error it throws), written by
 * tests/oracle/refresh-pg-corpus.sh, and the IR it saw (<name>.ir).
 *
 * Two passes, each file by file, up and down (inferred or explicit):
 *  - from the recorded IR: checks the emitter and the inferred downs
 *    independently of the JS loader;
 *  - from mig_load_file(): the whole path a user's file takes.
 * Shorthands of earlier files apply as in a run; files whose name contains
 * "decamelize" are emitted with --decamelize (as the oracle ran them).
 * Steps are compared one by one after whitespace normalisation (the count
 * of byte-exact matches is reported too); errors by their message.
 *
 * Where we deliberately differ from node-pg-migrate (invalid SQL it emits,
 * the name in irreversibility errors), the table `divergences` rewrites
 * the oracle's text into ours; each row must apply, so a stale row fails.
 * MIG_CORPUS_SHOW_INEXACT=1 prints steps that match only after whitespace
 * normalisation. See tests/corpus/postgres/support/README.md.
 */
#include "test_support.h"

#include "emit_support.h"
#include "ir_text.h"
#include "ir/analyze/args.h"
#include "engine/discover.h"
#include "util/fs.h"
#include "ir/ir.h"
#include "load/load.h"
#include "engine/runner.h"

#define CORPUS MIG_TEST_DATA "/corpus/postgres"

/* ---- deliberate divergences ------------------------------------------- */

static struct divergence {
	const char *file; /* corpus migration name */
	const char *dir;  /* "up" or "down" */
	const char *from; /* text in node-pg-migrate's output (each occurrence) */
	const char *to;   /* what we emit instead */
	const char *why;
	int used;
} divergences[] = {
	{"048_drop-type-attribute", "up", "DROP ATTRIBUTE \"country\" IF EXISTS",
	 "DROP ATTRIBUTE IF EXISTS \"country\"", "IF EXISTS after the name is a syntax error", 0},
	{"094_alter-domain", "up", "ALTER DOMAIN \"positive_int\" CONSTRAINT \"upper_bound\" CHECK",
	 "ALTER DOMAIN \"positive_int\" ADD CONSTRAINT \"upper_bound\" CHECK", "CHECK without ADD is a syntax error", 0},
	{"094_alter-domain", "up", "ALTER DOMAIN \"positive_int\" CHECK", "ALTER DOMAIN \"positive_int\" ADD CHECK",
	 "CHECK without ADD is a syntax error", 0},
	{"180_reverse-options-flow", "down", "DROP ATTRIBUTE \"extra\" IF EXISTS",
	 "DROP ATTRIBUTE IF EXISTS \"extra\"", "IF EXISTS after the name is a syntax error", 0},
	{"120_operator-class", "up", "OPERATOR 1 \"<\"", "OPERATOR 1 <", "a quoted operator is a syntax error", 0},
	{"120_operator-class", "up", "OPERATOR 3 \"=\"", "OPERATOR 3 =", "a quoted operator is a syntax error", 0},
	{"122_operator-family-items", "up", "OPERATOR 1 \"<\"", "OPERATOR 1 <", "a quoted operator is a syntax error", 0},
	{"122_operator-family-items", "down", "OPERATOR 1 \"<\"(", "OPERATOR 1 (",
	 "DROP takes the strategy number and operand types only", 0},
	{"122_operator-family-items", "down", "FUNCTION 1 \"btint48cmp\"(", "FUNCTION 1 (",
	 "DROP takes the support number and operand types only", 0},
	{"123_remove-from-operator-family", "up", "OPERATOR 2 \"<=\"(", "OPERATOR 2 (",
	 "DROP takes the strategy number and operand types only", 0},
	{"123_remove-from-operator-family", "up", "FUNCTION 1 \"btint48cmp\"(", "FUNCTION 1 (",
	 "DROP takes the support number and operand types only", 0},
	{"115_create-operator-prefix", "down", "(\"none\", \"int4\")", "(NONE, \"int4\")",
	 "\"none\" quoted is a type name; NONE is the keyword", 0},
	{"117_drop-operator", "up", "(\"none\", \"int4\")", "(NONE, \"int4\")",
	 "\"none\" quoted is a type name; NONE is the keyword", 0},
	{"116_create-operator-symbol", "up", "CREATE OPERATOR (<@>)", "CREATE OPERATOR <@>",
	 "a parenthesised operator name is a syntax error", 0},
	{"116_create-operator-symbol", "up", "COMMUTATOR = (<@>)", "COMMUTATOR = <@>",
	 "a parenthesised operator name is a syntax error", 0},
	{"116_create-operator-symbol", "down", "DROP OPERATOR (<@>)(", "DROP OPERATOR <@>(",
	 "a parenthesised operator name is a syntax error", 0},
};

/* ---- results ------------------------------------------------------------ */

typedef struct result {
	bool error;
	char *message; /* error text */
	mig_strv steps;
} result;

static void result_free(result *r)
{
	free(r->message);
	mig_strv_free(&r->steps);
	memset(r, 0, sizeof(*r));
}

static char *slurp(const char *path)
{
	char *text = NULL;
	size_t len = 0;
	if (mig_read_file(path, &text, &len) != 0) {
		mig_error_clear();
		return NULL;
	}
	return text;
}

/* An expectation file: a header comment, then "-- @step" blocks or one
 * "-- @error" block. */
static bool parse_expect(const char *path, result *out)
{
	memset(out, 0, sizeof(*out));
	char *text = slurp(path);
	if (!text)
		return false;
	mig_str cur = MIG_STR_INIT;
	int mode = 0; /* 0 header, 1 step, 2 error */
	bool first_line = true;
	char *p = text;
	size_t len = strlen(text);
	if (len && text[len - 1] == '\n')
		text[--len] = '\0';
	for (;;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n == 8 && strncmp(p, "-- @step", 8) == 0) {
			if (mode == 1)
				mig_strv_push(&out->steps, mig_str_detach(&cur));
			mode = 1;
			first_line = true;
		} else if (n == 9 && strncmp(p, "-- @error", 9) == 0) {
			mode = 2;
			first_line = true;
		} else if (mode) {
			if (!first_line)
				mig_str_putc(&cur, '\n');
			mig_str_put(&cur, p, n);
			first_line = false;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (mode == 1) {
		mig_strv_push(&out->steps, mig_str_detach(&cur));
	} else if (mode == 2) {
		out->error = true;
		out->message = mig_str_detach(&cur);
	}
	mig_str_free(&cur);
	free(text);
	return mode != 0;
}

/* Replace every occurrence of from by to in *s (owned). */
static int replace_all(char **s, const char *from, const char *to)
{
	int count = 0;
	mig_str out = MIG_STR_INIT;
	size_t fl = strlen(from);
	for (const char *p = *s; *p;) {
		if (strncmp(p, from, fl) == 0) {
			mig_str_puts(&out, to);
			p += fl;
			count++;
		} else {
			mig_str_putc(&out, *p++);
		}
	}
	free(*s);
	*s = mig_str_detach(&out);
	return count;
}

static void apply_divergences(const char *name, const char *dir, result *exp)
{
	for (size_t i = 0; i < sizeof(divergences) / sizeof(divergences[0]); i++) {
		struct divergence *d = &divergences[i];
		if (strcmp(d->file, name) != 0 || strcmp(d->dir, dir) != 0)
			continue;
		int n = 0;
		if (exp->error)
			n += replace_all(&exp->message, d->from, d->to);
		for (size_t k = 0; k < exp->steps.n; k++)
			n += replace_all(&exp->steps.v[k], d->from, d->to);
		if (n)
			d->used++;
	}
}

/* Collapse whitespace runs to one space, trim. */
static char *normalise(const char *s)
{
	mig_str out = MIG_STR_INIT;
	bool space = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			mig_str_putc(&out, ' ');
		space = false;
		mig_str_putc(&out, *s);
	}
	return mig_str_detach(&out);
}

static bool same_text(const char *a, const char *b, bool *exact)
{
	if (strcmp(a, b) == 0)
		return true;
	*exact = false;
	if (getenv("MIG_CORPUS_SHOW_INEXACT"))
		printf("inexact:\n[%s]\n[%s]\n", a, b);
	char *na = normalise(a), *nb = normalise(b);
	bool same = strcmp(na, nb) == 0;
	free(na);
	free(nb);
	return same;
}

/* The first operation of the up list that has no inverse: its name is what
 * our irreversibility error names (node-pg-migrate shows an internal
 * function name instead). */
static const char *first_irreversible(const mig_migration *m)
{
	for (size_t i = 0; i < m->up.n; i++) {
		mig_oplist tmp = {0};
		int rc = mig_op_reverse(&m->up.ops[i], &tmp);
		mig_oplist_free(&tmp);
		mig_error_clear();
		if (rc)
			return m->up.ops[i].name;
	}
	return NULL;
}

static bool compare(const mig_migration *m, const char *dir, result *exp, const result *got, mig_str *report,
		    int *exact_count)
{
	bool exact = true;
	if (exp->error && got->error) {
		static const char irr[] = "Impossible to automatically infer down migration for \"pgm.";
		if (strncmp(exp->message, irr, sizeof(irr) - 1) == 0 && strcmp(dir, "down") == 0) {
			/* node-pg-migrate names the internal function (_drop, ...),
			 * we the API operation: see docs/migration-format.md */
			const char *op = first_irreversible(m);
			char *want = mig_aprintf("%s%s()\"", irr, op ? op : "?");
			bool ok = strcmp(got->message, want) == 0;
			*exact_count += ok;
			if (!ok)
				mig_str_printf(report, "%s %s: error\n  want: %s\n  got:  %s\n", m->name, dir, want,
					       got->message);
			free(want);
			return ok;
		}
		if (strcmp(exp->message, got->message) == 0) {
			(*exact_count)++;
			return true;
		}
		mig_str_printf(report, "%s %s: error\n  want: %s\n  got:  %s\n", m->name, dir, exp->message,
			       got->message);
		return false;
	}
	if (exp->error != got->error) {
		mig_str_printf(report, "%s %s: want %s, got %s\n", m->name, dir,
			       exp->error ? exp->message : "steps", got->error ? got->message : "steps");
		for (size_t k = 0; !got->error && k < got->steps.n; k++)
			mig_str_printf(report, "  got step %zu: %s\n", k + 1, got->steps.v[k]);
		return false;
	}
	bool ok = exp->steps.n == got->steps.n;
	for (size_t k = 0; ok && k < exp->steps.n; k++)
		ok = same_text(exp->steps.v[k], got->steps.v[k], &exact);
	if (!ok) {
		mig_str_printf(report, "%s %s: %zu step(s) wanted, %zu emitted\n", m->name, dir, exp->steps.n,
			       got->steps.n);
		size_t n = exp->steps.n > got->steps.n ? exp->steps.n : got->steps.n;
		for (size_t k = 0; k < n; k++) {
			const char *a = k < exp->steps.n ? exp->steps.v[k] : "(none)";
			const char *b = k < got->steps.n ? got->steps.v[k] : "(none)";
			bool e = true;
			if (k < exp->steps.n && k < got->steps.n && same_text(a, b, &e))
				continue;
			mig_str_printf(report, "  step %zu want:\n%s\n  step %zu got:\n%s\n", k + 1, a, k + 1, b);
		}
	} else if (exact) {
		(*exact_count)++;
	}
	return ok;
}

/* ---- emission ------------------------------------------------------------ */

static void emit_dir(const mig_set *set, size_t i, bool down, result *out)
{
	memset(out, 0, sizeof(*out));
	const mig_migration *m = &set->items[i];
	const mig_dialect *dia = mig_dialect_find("postgres");
	assert_non_null(dia);
	int rc = 0;
	mig_value *sh = mig__merged_shorthands(set, i, &rc);
	assert_int_equal(rc, 0);
	bool decamelize = strstr(m->name, "decamelize") != NULL;
	mig_emit_ctx ctx = {.file = m->path};
	mig_oplist ops;
	rc = mig_migration_ops(m, down, &ops);
	for (size_t k = 0; rc == 0 && k < ops.n; k++) {
		mig_steps steps = MIG_STEPS_INIT;
		rc = test_emit_with(dia, &ctx, sh, decamelize, &ops.ops[k], &steps);
		if (rc == 0 && ops.ops[k].reverse_steps)
			mig_steps_reverse_from(&steps, 0);
		for (size_t j = 0; rc == 0 && j < steps.n; j++) {
			mig_strv_push(&out->steps, steps.v[j].text);
			steps.v[j].text = NULL;
		}
		mig_steps_free(&steps);
	}
	if (rc) {
		out->error = true;
		out->message = mig_strdup(mig_error_last() ? mig_error_last()->message : "(no message)");
		mig_strv_free(&out->steps);
		mig_error_clear();
	}
	mig_oplist_free(&ops);
	mig_value_free(sh);
}

/* ---- the IR node-pg-migrate recorded ----------------------------------- */

static void fixture_ops(const mig_value *list, mig_oplist *out)
{
	for (size_t i = 0; list && list->type == MIG_V_ARRAY && i < list->n; i++) {
		const mig_value *call = list->items[i];
		assert_true(call->type == MIG_V_ARRAY && call->n == 2);
		const char *api = call->items[0]->str;
		const char *canon = mig_op_canonical_name(api);
		assert_int_equal(mig_oplist_push(out, canon ? canon : api, mig_value_clone(call->items[1]), 0, 0), 0);
	}
}

static enum mig_action_kind fixture_kind(const mig_value *v)
{
	if (v && v->type == MIG_V_ARRAY)
		return MIG_ACTION_FUNCTION;
	if (mig_js_str_eq(v, "infer"))
		return MIG_ACTION_INFER;
	if (mig_js_str_eq(v, "disabled"))
		return MIG_ACTION_DISABLED;
	return MIG_ACTION_INVALID;
}

static void load_fixture(mig_migration *m)
{
	char *path = mig_aprintf("%s/expected/%s.ir", CORPUS, m->name);
	char *text = slurp(path);
	if (!text)
		fail_msg("%s is missing: run tests/oracle/refresh-pg-corpus.sh", path);
	const char *err = NULL;
	mig_value *ir = irt_parse(text, &err);
	if (!ir)
		fail_msg("%s: %s", path, err);
	m->up_kind = fixture_kind(mig_object_get(ir, "up"));
	fixture_ops(mig_object_get(ir, "up"), &m->up);
	m->up_no_transaction = mig_value_truthy(mig_object_get(ir, "upNoTransaction"));
	m->down_kind = fixture_kind(mig_object_get(ir, "down"));
	fixture_ops(mig_object_get(ir, "down"), &m->down);
	m->down_no_transaction = mig_value_truthy(mig_object_get(ir, "downNoTransaction"));
	const mig_value *sh = mig_object_get(ir, "shorthands");
	if (sh && sh->type == MIG_V_OBJECT)
		m->shorthands = mig_value_clone(sh);
	m->loaded = true;
	mig_value_free(ir);
	free(text);
	free(path);
}

/* ---- the passes ----------------------------------------------------------- */

struct tally {
	size_t files, match, exact, failed;
};

/* Compare every file of `set` (loaded by the caller; load_errors[i] is the
 * loader's message for a file that did not load) with the oracle. */
static void check_set(const mig_set *set, char **load_errors, struct tally *t, mig_str *report)
{
	for (size_t i = 0; i < set->n; i++) {
		const mig_migration *m = &set->items[i];
		t->files++;
		for (int d = 0; d < 2; d++) {
			const char *dir = d ? "down" : "up";
			char *path = mig_aprintf("%s/expected/%s.%s.sql", CORPUS, m->name, dir);
			result exp, got;
			if (!parse_expect(path, &exp)) {
				mig_str_printf(report, "%s: missing or empty (run tests/oracle/refresh-pg-corpus.sh)\n", path);
				t->failed++;
				free(path);
				continue;
			}
			free(path);
			apply_divergences(m->name, dir, &exp);
			if (load_errors && load_errors[i]) {
				mig_str_printf(report, "%s: not loaded: %s\n", m->name, load_errors[i]);
				t->failed++;
				result_free(&exp);
				continue;
			}
			emit_dir(set, i, d == 1, &got);
			int exact = 0;
			if (compare(m, dir, &exp, &got, report, &exact)) {
				t->match++;
				t->exact += (size_t)exact;
			} else {
				t->failed++;
			}
			result_free(&exp);
			result_free(&got);
		}
	}
}

static void test_corpus_from_recorded_ir(void **state)
{
	(void)state;
	mig_set set = {0};
	assert_int_equal(mig_discover(CORPUS, NULL, &set), 0);
	assert_true(set.n >= 100);
	for (size_t i = 0; i < set.n; i++)
		load_fixture(&set.items[i]);
	struct tally t = {0};
	mig_str report = MIG_STR_INIT;
	for (size_t i = 0; i < sizeof(divergences) / sizeof(divergences[0]); i++)
		divergences[i].used = 0;
	check_set(&set, NULL, &t, &report);
	for (size_t i = 0; i < sizeof(divergences) / sizeof(divergences[0]); i++) {
		if (!divergences[i].used) {
			mig_str_printf(&report, "divergence row %zu (%s %s: %s) did not apply: stale?\n", i,
				       divergences[i].file, divergences[i].dir, divergences[i].from);
			t.failed++;
		}
	}
	printf("pg corpus from recorded IR: %zu files, %zu/%zu directions match (%zu byte-exact), %zu failed\n",
	       t.files, t.match, 2 * t.files, t.exact, t.failed);
	printf("%s", mig_str_cstr(&report));
	mig_str_free(&report);
	mig_set_dispose(&set);
	if (t.failed)
		fail_msg("%zu mismatch(es), listed above", t.failed);
}

static void test_corpus_from_loader(void **state)
{
	(void)state;
	mig_set set = {0}, fx = {0};
	assert_int_equal(mig_discover(CORPUS, NULL, &set), 0);
	assert_int_equal(mig_discover(CORPUS, NULL, &fx), 0);
	char **errors = calloc(set.n, sizeof(*errors));
	size_t stub = 0, ir_diff = 0;
	mig_str notes = MIG_STR_INIT;
	for (size_t i = 0; i < set.n; i++) {
		if (mig_load_file(&set.items[i]) != 0) {
			const mig_error *e = mig_error_last();
			errors[i] = mig_strdup(e ? e->message : "?");
			if (e && strstr(e->message, "not supported by this build yet"))
				stub++;
			mig_error_clear();
			continue;
		}
		/* The loader's IR against node-pg-migrate's view of the file. */
		load_fixture(&fx.items[i]);
		mig_str a = MIG_STR_INIT, b = MIG_STR_INIT;
		for (int d = 0; d < 2; d++) {
			const mig_oplist *la = d ? &set.items[i].down : &set.items[i].up;
			const mig_oplist *lb = d ? &fx.items[i].down : &fx.items[i].up;
			for (size_t k = 0; k < la->n; k++) {
				mig_str_printf(&a, "%s", la->ops[k].name);
				mig_value_dump(&a, la->ops[k].args);
				mig_str_putc(&a, '\n');
			}
			for (size_t k = 0; k < lb->n; k++) {
				mig_str_printf(&b, "%s", lb->ops[k].name);
				mig_value_dump(&b, lb->ops[k].args);
				mig_str_putc(&b, '\n');
			}
		}
		if (strcmp(mig_str_cstr(&a), mig_str_cstr(&b)) != 0 && ir_diff++ < 10)
			mig_str_printf(&notes, "note: %s: loader IR differs from node-pg-migrate's\n  loader: %s  node:   %s",
				       set.items[i].name, mig_str_cstr(&a), mig_str_cstr(&b));
		mig_str_free(&a);
		mig_str_free(&b);
	}
	if (notes.len)
		printf("%s", mig_str_cstr(&notes));
	mig_str_free(&notes);
	if (stub) {
		size_t n = set.n;
		for (size_t i = 0; i < set.n; i++)
			free(errors[i]);
		free(errors);
		mig_set_dispose(&set);
		mig_set_dispose(&fx);
		fail_msg("the JS/TS loader (src/load_js.c) is still a stub: %zu of %zu corpus files cannot be loaded",
			 stub, n);
	}
	struct tally t = {0};
	mig_str report = MIG_STR_INIT;
	check_set(&set, errors, &t, &report);
	printf("pg corpus through mig_load_file: %zu files, %zu/%zu directions match (%zu byte-exact), %zu failed; %zu IR difference(s)\n",
	       t.files, t.match, 2 * t.files, t.exact, t.failed, ir_diff);
	for (size_t i = 0; i < set.n; i++)
		free(errors[i]);
	free(errors);
	mig_set_dispose(&set);
	mig_set_dispose(&fx);
	printf("%s", mig_str_cstr(&report));
	mig_str_free(&report);
	if (t.failed)
		fail_msg("%zu mismatch(es), listed above", t.failed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_from_recorded_ir),
		cmocka_unit_test(test_corpus_from_loader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
