/*
 * libFuzzer harness for SQLite's reader of CREATE TABLE texts,
 * mig__sq_parse_create_table() (dialects/sqlite/sqlite_model.c over the
 * tokenizer of sqlite_lex.c), which reads what migrations wrote into
 * sqlite_master, and for the offline model that applies user SQL the
 * same way (mig__sq_apply(), sqlite_apply.c: CREATE / ALTER / DROP of
 * tables, indexes, triggers and views). Both run on the input as is.
 *
 * The context is the least the reader needs: an emit context with no
 * catalog and a zeroed server, an `sq` with no steps (the parser emits
 * nothing) and, for the model, a `sql` operation.
 *
 * Properties:
 * - a text the reader does not take is refused without an error (the
 *   catalog then reads the table from PRAGMA table_xinfo instead); its
 *   only error is running out of memory;
 * - a table it takes survives a rebuild: rendered by
 *   mig__sq_put_create() (what the rebuild runs) and stored as SQLite
 *   stores it (without the ';'), the text reads back to the same
 *   columns, types, constraints and options, settles to the same
 *   structure (columns of keys, referenced tables and columns, ON
 *   DELETE / UPDATE), and renders to the same text again;
 * - after the model applies the input, every table it holds that it can
 *   restate survives that round trip too;
 * - with an allocation failing (fuzz_run): the failure is kept in the
 *   context with its error set;
 * - everything is freed (ASan's leak check, mig__alloc_live).
 */
#include "fuzz_util.h"

#include "dialects/sqlite/sqlite_emit.h"
#include "ir/ir.h"
#include "util/sql.h"

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void check_same_strv(const mig_strv *a, const mig_strv *b)
{
	CHECK(a->n == b->n);
	for (size_t i = 0; i < a->n; i++)
		CHECK(strcmp(a->v[i], b->v[i]) == 0);
}

static void check_same_parts(const mig_parts *a, const mig_parts *b, bool settled)
{
	CHECK(a->n == b->n);
	for (size_t i = 0; i < a->n; i++) {
		const mig_part *x = &a->v[i], *y = &b->v[i];
		CHECK(x->kind == y->kind && same(x->name, y->name) && same(x->body, y->body));
		if (!settled)
			continue;
		check_same_strv(&x->columns, &y->columns);
		check_same_strv(&x->ref_columns, &y->ref_columns);
		CHECK(same(x->ref_table, y->ref_table) && same(x->on_delete, y->on_delete) &&
		      same(x->on_update, y->on_update));
	}
}

static void check_same_table(const mig_mtable *a, const mig_mtable *b, bool settled)
{
	CHECK(a->ncols == b->ncols);
	for (size_t i = 0; i < a->ncols; i++) {
		CHECK(strcmp(a->cols[i].name, b->cols[i].name) == 0);
		CHECK(same(a->cols[i].type, b->cols[i].type));
		check_same_parts(&a->cols[i].parts, &b->cols[i].parts, settled);
		if (settled)
			CHECK(same(a->cols[i].src, b->cols[i].src));
	}
	check_same_parts(&a->parts, &b->parts, settled);
	CHECK(same(a->options && *a->options ? a->options : NULL, b->options && *b->options ? b->options : NULL));
}

/* The CREATE TABLE a rebuild runs for m, as sqlite_master then holds it. */
static char *stored_create(const mig_mtable *m)
{
	mig_str s = MIG_STR_INIT;
	mig__sq_put_create(&s, m, m->name ? m->name : "t", "CREATE TABLE ");
	CHECK(!mig_str_failed(&s) && s.len > 0 && s.ptr[s.len - 1] == ';');
	s.ptr[--s.len] = '\0';
	return mig_str_detach(&s);
}

/* m (settled) through a rebuild and back. */
static void check_round_trip(sq *p, const mig_mtable *m)
{
	char *text = stored_create(m);
	CHECK(text);
	mig_mtable *back = mig_mtable_new(m->name ? m->name : "t");
	CHECK(back);
	bool ok = mig__sq_parse_create_table(p, text, back);
	if (!ok)
		fprintf(stderr, "rendered text not read back:\n%s\n", text);
	CHECK(ok && p->rc == 0);
	check_same_table(m, back, false);
	mig__sq_model_settle(p, back);
	CHECK(p->rc == 0);
	check_same_table(m, back, true);
	char *again = stored_create(back);
	CHECK(again && strcmp(again, text) == 0);
	mig__free(again);
	mig_mtable_free(back);
	mig__free(text);
}

static void read_create_table(const mig_emit_ctx *ctx, const char *text)
{
	mig_strv none = MIG_STRV_INIT;
	sq p = {.ctx = ctx, .steps = &none};
	mig_mtable *m = mig_mtable_new("t");
	CHECK(m);
	bool ok = mig__sq_parse_create_table(&p, text, m);
	CHECK(p.rc == 0 && mig_error_last() == NULL);
	if (ok) {
		mig__sq_model_settle(&p, m);
		CHECK(p.rc == 0);
		check_round_trip(&p, m);
		mig_mtable *copy = mig_mtable_clone(m);
		CHECK(copy);
		check_same_table(m, copy, true);
		mig_mtable_free(copy);
	}
	/* the same text as an index's or a trigger's stored definition */
	mig__sq_model_add_object(&p, m, "index", "i", text);
	mig__sq_model_add_object(&p, m, "trigger", "tr", text);
	CHECK(p.rc == 0 && m->nobjs == 2);
	CHECK(strcmp(m->objs[0].sql, text) == 0 && m->objs[0].keep);
	CHECK(none.n == 0);
	mig_mtable_free(m);
}

static void apply_as_sql(const mig_emit_ctx *ctx, const char *text)
{
	mig_op op = {.kind = MIG_OP_SQL, .name = (char *)"sql"};
	mig_steps steps = MIG_STEPS_INIT;
	char *copy = mig_strdup(text);
	CHECK(copy);
	CHECK(mig_steps_push_user(&steps, copy, NULL, NULL, 0) == 0);
	mig_model model = MIG_MODEL_INIT;
	int rc = mig__sq_apply(ctx, &op, NULL, &steps, &model);
	CHECK(rc == 0 && mig_error_last() == NULL);
	mig_strv none = MIG_STRV_INIT;
	sq p = {.ctx = ctx, .op = &op, .steps = &none};
	for (size_t i = 0; i < model.ntables; i++) {
		const mig_mtable *m = model.tables[i];
		/* SQLite refuses to drop a table's last column; the model does
		 * not follow that refusal */
		if (!m->opaque && m->ncols > 0)
			check_round_trip(&p, m);
	}
	mig_str dump = MIG_STR_INIT;
	CHECK(mig_model_dump(&model, MIG_DUMP_DETAIL, &dump) == 0);
	mig_str_free(&dump);
	mig_model_dispose(&model);
	mig_steps_free(&steps);
}

/* Under an allocation failure: the same calls, a failure sticky in p.rc
 * with the error set. */
static void oom_run(const mig_emit_ctx *ctx, const char *text)
{
	mig_strv none = MIG_STRV_INIT;
	sq p = {.ctx = ctx, .steps = &none};
	mig_mtable *m = mig_mtable_new("t");
	if (m) {
		if (mig__sq_parse_create_table(&p, text, m) && !p.rc)
			mig__sq_model_settle(&p, m);
		mig__sq_model_add_object(&p, m, "index", "i", text);
		if (p.rc)
			fuzz_check_failed(p.rc);
		mig_mtable_free(m);
	}
	mig_error_clear();
	mig_op op = {.kind = MIG_OP_SQL, .name = (char *)"sql"};
	mig_steps steps = MIG_STEPS_INIT;
	char *copy = mig_strdup(text);
	if (copy && mig_steps_push_user(&steps, copy, NULL, NULL, 0) == 0) {
		mig_model model = MIG_MODEL_INIT;
		int rc = mig__sq_apply(ctx, &op, NULL, &steps, &model);
		if (rc)
			fuzz_check_failed(rc);
		mig_model_dispose(&model);
	}
	mig_steps_free(&steps);
}

static void body(const char *text, size_t size, bool oom)
{
	(void)size;
	static const mig_server_info server;
	mig_emit_ctx ctx = {.server = &server};
	if (oom) {
		oom_run(&ctx, text);
		return;
	}
	read_create_table(&ctx, text);
	apply_as_sql(&ctx, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size); /* sqlite_master holds C strings */
	if (!text)
		return 0;
	fuzz_run(body, text, strlen(text));
	free(text);
	return 0;
}
