/*
 * SQLite's 12-step table rebuild.
 */
#include "dialects/sqlite/sqlite_emit.h"

#include <strings.h>

static bool model_autoincrement(const mig_mtable *m)
{
	for (size_t i = 0; i < m->ncols; i++) {
		const mig_part *g = mig_parts_find(&m->cols[i].parts, MIG_PART_PRIMARY);
		if (g && mig__sq_sql_mentions(g->body, "AUTOINCREMENT"))
			return true;
	}
	return false;
}

static bool is_integer_type(const char *t)
{
	return t && strlen(t) == 7 && strncasecmp(t, "INTEGER", 7) == 0;
}

static const mig_mcolumn *column_named(const mig_mtable *m, const char *name)
{
	for (size_t i = 0; i < m->ncols; i++)
		if (strcasecmp(m->cols[i].name, name) == 0)
			return &m->cols[i];
	return NULL;
}

/* The column of "PRIMARY KEY ("x")" as an emitter wrote it, when it is
 * one plain quoted name; NULL otherwise (caller frees). */
static char *single_key_column(const char *body)
{
	const char *open = body ? strchr(body, '(') : NULL;
	if (!open || open[1] != '"')
		return NULL;
	mig_str n = MIG_STR_INIT;
	const char *q = open + 2;
	for (; *q; q++) {
		if (*q == '"' && q[1] == '"') {
			mig_str_putc(&n, '"');
			q++;
		} else if (*q == '"') {
			break;
		} else {
			mig_str_putc(&n, *q);
		}
	}
	if (*q != '"' || q[1] != ')') {
		mig_str_free(&n);
		return NULL;
	}
	return mig_str_detach(&n);
}

/*
 * The name under which to copy the hidden rowid of m's rows, or NULL
 * when there is none to keep: a WITHOUT ROWID table has none, and in a
 * table with an INTEGER PRIMARY KEY that column is the rowid and is
 * copied as a column. Otherwise the copy would number the rows afresh
 * (1, 2, 3 ...), and anything that kept a rowid (an application, an FTS
 * index's content_rowid) would point at other rows. A column may shadow
 * "rowid"; SQLite's other names for it are tried in turn. When the
 * primary key's column cannot be told, nothing is added.
 */
static const char *rowid_to_keep(const mig_mtable *m)
{
	if (m->options && mig__sq_sql_mentions(m->options, "ROWID"))
		return NULL; /* WITHOUT ROWID */
	for (size_t i = 0; i < m->ncols; i++) {
		const mig_part *g = mig_parts_find(&m->cols[i].parts, MIG_PART_PRIMARY);
		if (g && is_integer_type(m->cols[i].type) && !mig__sq_sql_mentions(g->body, "DESC"))
			return NULL;
	}
	for (size_t i = 0; i < m->parts.n; i++) {
		const mig_part *g = &m->parts.v[i];
		if (g->kind != MIG_PART_PRIMARY)
			continue;
		if (g->columns.n > 1)
			continue; /* a composite key is never the rowid */
		char *only = g->columns.n == 1 ? NULL : single_key_column(g->body);
		const mig_mcolumn *c = column_named(m, g->columns.n == 1 ? g->columns.v[0] : only ? only : "");
		mig__free(only);
		if (!c || is_integer_type(c->type))
			return NULL;
	}
	static const char *const names[] = {"rowid", "oid", "_rowid_"};
	for (size_t k = 0; k < 3; k++)
		if (!column_named(m, names[k]))
			return names[k];
	return NULL;
}

/*
 * Replace table m->name by the definition in m, keeping its rows
 * (SQLite's 12 steps, https://www.sqlite.org/lang_altertable.html#otheralter):
 *
 * - foreign keys must be off or DROP TABLE deletes the rows of child
 *   tables (ON DELETE CASCADE) or fails. The runner begins the
 *   transaction with MIG_TXN_RELAXED_FK (op_flags() in sqlite_dialect.c) and checks them
 *   before COMMIT; the PRAGMA pair here only acts outside a transaction
 *   (a noTransaction() migration), where it protects the children the
 *   same way, and the SAVEPOINT makes the rebuild all or nothing there;
 * - the new table is created under a temporary name and renamed into
 *   place, never the other way round: renaming the old table would
 *   rewrite the REFERENCES of its children to the temporary name;
 * - rows are copied with explicit column lists (new columns get their
 *   defaults, changed ones their expression), and with their rowid
 *   where it is not a column (rowid_to_keep);
 * - an AUTOINCREMENT table keeps its sqlite_sequence counter, or ids
 *   of deleted rows would come back;
 * - legacy_alter_table is on around DROP + RENAME, or the rename fails
 *   on any view or trigger that names the table (it is missing right
 *   then); views keep working afterwards since they are resolved by name;
 * - indexes and triggers (dropped with the old table) are created again
 *   from their text, except those marked !keep.
 * `after` statements (new indexes) run once the table is in place.
 */
void mig__sq_rebuild(sq *p, const mig_mtable *m, const mig_strv *after)
{
	if (p->rc)
		return;
	mig_str tmp = MIG_STR_INIT, s = MIG_STR_INIT;
	mig_str_printf(&tmp, REBUILD_PREFIX "%s", m->name);
	const char *t = mig_str_cstr(&tmp);
	mig__sq_step_text(p, "PRAGMA foreign_keys = OFF;");
	mig__sq_step_text(p, "SAVEPOINT \"_mig_rebuild\";");
	mig__sq_put_create(&s, m, t, "CREATE TABLE ");
	mig__sq_step(p, &s);
	bool any = false;
	for (size_t i = 0; i < m->ncols; i++)
		any = any || m->cols[i].src;
	if (any) {
		const char *rowid = rowid_to_keep(m);
		mig_str_puts(&s, "INSERT INTO ");
		mig__sq_quote_ident(&s, t);
		mig_str_puts(&s, " (");
		bool first = true;
		if (rowid) {
			mig_str_puts(&s, rowid);
			first = false;
		}
		for (size_t i = 0; i < m->ncols; i++) {
			if (!m->cols[i].src)
				continue;
			if (!first)
				mig_str_puts(&s, ", ");
			first = false;
			mig__sq_quote_ident(&s, m->cols[i].name);
		}
		mig_str_puts(&s, ") SELECT ");
		first = true;
		if (rowid) {
			mig_str_puts(&s, rowid);
			first = false;
		}
		for (size_t i = 0; i < m->ncols; i++) {
			if (!m->cols[i].src)
				continue;
			if (!first)
				mig_str_puts(&s, ", ");
			first = false;
			mig_str_puts(&s, m->cols[i].src);
		}
		mig_str_puts(&s, " FROM ");
		mig__sq_quote_ident(&s, m->name);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	if (model_autoincrement(m)) {
		mig_str_puts(&s, "DELETE FROM sqlite_sequence WHERE name = ");
		mig__sq_quote_literal(&s, t);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
		mig_str_puts(&s, "INSERT INTO sqlite_sequence (name, seq) SELECT ");
		mig__sq_quote_literal(&s, t);
		mig_str_puts(&s, ", seq FROM sqlite_sequence WHERE name = ");
		mig__sq_quote_literal(&s, m->name);
		mig_str_putc(&s, ';');
		mig__sq_step(p, &s);
	}
	mig__sq_step_text(p, "PRAGMA legacy_alter_table = ON;");
	mig_str_puts(&s, "DROP TABLE ");
	mig__sq_quote_ident(&s, m->name);
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
	mig_str_puts(&s, "ALTER TABLE ");
	mig__sq_quote_ident(&s, t);
	mig_str_puts(&s, " RENAME TO ");
	mig__sq_quote_ident(&s, m->name);
	mig_str_putc(&s, ';');
	mig__sq_step(p, &s);
	mig__sq_step_text(p, "PRAGMA legacy_alter_table = OFF;");
	for (size_t i = 0; i < m->nobjs; i++) {
		if (!m->objs[i].keep)
			continue;
		mig_str_printf(&s, "%s;", m->objs[i].sql);
		mig__sq_step(p, &s);
	}
	for (size_t i = 0; after && i < after->n; i++)
		mig__sq_step_text(p, after->v[i]);
	if (p->ctx->outside_txn) {
		/* No COMMIT will run the runner's foreign-key check: do it here,
		 * where a violation can still undo the rebuild (the driver rolls
		 * back the savepoint of a failed statement that no transaction
		 * of the core holds). A CHECK on a scratch table turns "the check
		 * lists rows" into an error that says what it is. */
		mig__sq_step_text(p, "CREATE TEMP TABLE \"_mig_fk_check\" (violations INTEGER CONSTRAINT "
				     "\"foreign keys violated after the table rebuild: PRAGMA foreign_key_check lists the rows\" "
				     "CHECK (violations = 0));");
		mig__sq_step_text(p, "INSERT INTO temp.\"_mig_fk_check\" (violations) SELECT count(*) FROM pragma_foreign_key_check;");
		mig__sq_step_text(p, "DROP TABLE temp.\"_mig_fk_check\";");
	}
	mig__sq_step_text(p, "RELEASE \"_mig_rebuild\";");
	mig__sq_step_text(p, "PRAGMA foreign_keys = ON;");
	mig_str_free(&tmp);
}
