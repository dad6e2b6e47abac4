/*
 * SQLite's 12-step table rebuild.
 */
#include "dialects/sqlite/sqlite_emit.h"

static bool model_autoincrement(const mig_mtable *m)
{
	for (size_t i = 0; i < m->ncols; i++) {
		const mig_part *g = mig_parts_find(&m->cols[i].parts, MIG_PART_PRIMARY);
		if (g && mig__sq_sql_mentions(g->body, "AUTOINCREMENT"))
			return true;
	}
	return false;
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
 *   defaults, changed ones their expression);
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
		mig_str_puts(&s, "INSERT INTO ");
		mig__sq_quote_ident(&s, t);
		mig_str_puts(&s, " (");
		bool first = true;
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
	mig__sq_step_text(p, "RELEASE \"_mig_rebuild\";");
	mig__sq_step_text(p, "PRAGMA foreign_keys = ON;");
	mig_str_free(&tmp);
}
