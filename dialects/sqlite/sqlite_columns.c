/*
 * Columns and constraints of createTable/addColumns/addConstraint as
 * SQLite parts, with the names PostgreSQL gives them.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* A quoted, comma-separated list of names. */
void mig__sq_name_list(sq *p, mig_str *out, const mig_qnames *v, const char *what, mig_strv *names)
{
	for (size_t i = 0; i < v->n && !p->rc; i++) {
		char *n = mig__sq_qname(p, &v->v[i], what);
		if (!n)
			return;
		if (i)
			mig_str_puts(out, ", ");
		mig__sq_quote_ident(out, n);
		if (names)
			mig__sq_adopt(p, mig_strv_push(names, n));
		else
			mig__free(n);
	}
}

static bool fk_action_ok(const char *a)
{
	static const char *const ok[] = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ieq(a, ok[i]))
			return true;
	return false;
}

/* parseReferences(): REFERENCES <table>[ (cols)][ ON DELETE a][ ON UPDATE a]. */
static void references_body(sq *p, mig_str *s, const mig_reference_def *r)
{
	mig_str_puts(s, "REFERENCES ");
	if (r->raw) {
		mig_str_puts(s, r->raw); /* raw, as node-pg-migrate takes it */
	} else {
		char *n = mig__sq_qname(p, &r->table, "references");
		if (n)
			mig__sq_quote_ident(s, n);
		mig__free(n);
	}
	if (r->match && !ieq(r->match, "SIMPLE"))
		mig__sq_notice(p, "%s: MATCH %s is not enforced by SQLite: its foreign keys always behave as MATCH SIMPLE",
			       p->op->name, r->match);
	const struct {
		const char *option, *event, *action;
	} acts[] = {{"onDelete", "DELETE", r->on_delete}, {"onUpdate", "UPDATE", r->on_update}};
	for (size_t k = 0; k < 2; k++) {
		const char *a = acts[k].action;
		if (!a)
			continue;
		if (!fk_action_ok(a))
			mig__sq_fail(p, MIG_EINPUT, "%s: %s must be NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT, not %s",
			     p->op->name, acts[k].option, a);
		mig_str_printf(s, " ON %s %s", acts[k].event, a);
	}
}

static void deferrable_clause(mig_str *s, bool deferred)
{
	mig_str_puts(s, deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE");
}

static void unique_index(sq *p, mig_strv *after, const char *name, const char *table, const char *cols,
			 bool if_not_exists)
{
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, if_not_exists ? "CREATE UNIQUE INDEX IF NOT EXISTS " : "CREATE UNIQUE INDEX ");
	mig__sq_quote_ident(&s, name);
	mig_str_puts(&s, " ON ");
	mig__sq_quote_ident(&s, table);
	mig_str_printf(&s, " (%s);", cols);
	char *t = mig__sq_detach_or_fail(p, &s);
	if (t && !p->rc)
		mig__sq_adopt(p, mig_strv_push(after, t));
	else
		mig__free(t);
}

/*
 * One column of createTable/addColumns into c, which already has its
 * name. Inline constraints get the names PostgreSQL gives them
 * (<t>_pkey, <t>_<c>_check, <t>_<c>_fkey, <t>_<c>_key), so that
 * dropConstraint finds them; UNIQUE becomes a unique index of that name,
 * appended to `after`.
 */
void mig__sq_build_column(sq *p, const char *table, mig_mcolumn *c, const mig_column_def *d, mig_strv *after,
			  bool if_not_exists, colinfo *info)
{
	memset(info, 0, sizeof(*info));
	const char *col = c->name;
	sqtype st;
	if (!mig__sq_map_type(p, &d->type, col, &st))
		return;
	if (d->array_truthy)
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": array: true is not supported on SQLite: SQLite has no arrays",
		     p->op->name, col);
	bool pk = d->primary_key;
	bool serial = st.serial;
	if (d->identity) {
		if (st.kind != L_INT) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": sequenceGenerated is not supported on SQLite for a non-integer column",
			     p->op->name, col);
		} else {
			serial = true;
			if (ieq(d->identity->precedence, "ALWAYS"))
				mig__sq_notice(p, "%s: column \"%s\": GENERATED ALWAYS AS IDENTITY becomes INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, which also accepts explicit ids",
				       p->op->name, col);
			for (size_t k = 0; k < d->identity->option_keys.n; k++)
				mig__sq_notice(p, "%s: column \"%s\": identity option %s ignored on SQLite (ids start at 1 and grow by 1)",
				       p->op->name, col, d->identity->option_keys.v[k]);
		}
	}
	mig__free(c->type);
	c->type = mig__sq_dup_or_fail(p, st.decl ? st.decl : "TEXT");
	if (d->collation) {
		const char *coll = mig__sq_map_collation(p, d->collation);
		if (coll) {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "COLLATE %s", coll);
			mig__sq_segv_push(p, &c->parts, MIG_PART_COLLATE, NULL, mig__sq_detach_or_fail(p, &b));
		}
	} else if (st.collate) {
		mig_str b = MIG_STR_INIT;
		mig_str_printf(&b, "COLLATE %s", st.collate);
		mig__sq_segv_push(p, &c->parts, MIG_PART_COLLATE, NULL, mig__sq_detach_or_fail(p, &b));
	}
	if (d->default_value) {
		if (serial)
			mig__sq_fail(p, MIG_EINPUT, "%s: multiple default values specified for column \"%s\" (serial)", p->op->name, col);
		info->has_default = true;
		info->default_null = d->default_value->type == MIG_V_NULL;
		mig__sq_set_default(p, c, d->default_value, st.kind, &info->default_constant);
	}
	if (d->unique) {
		info->unique = true;
		char *n = mig__sq_pg_name(p, table, col, "key");
		mig_str cols = MIG_STR_INIT;
		mig__sq_quote_ident(&cols, col);
		if (n)
			unique_index(p, after, n, table, mig_str_cstr(&cols), if_not_exists);
		mig_str_free(&cols);
		mig__free(n);
	}
	if (pk) {
		info->pk = true;
		mig__sq_segv_push(p, &c->parts, MIG_PART_PRIMARY, mig__sq_pg_name(p, table, NULL, "pkey"),
			  mig__sq_dup_or_fail(p, serial ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY"));
		/* PostgreSQL makes a primary key NOT NULL; SQLite does so
		 * only for the rowid alias INTEGER PRIMARY KEY. */
		if (strcmp(c->type ? c->type : "", "INTEGER") != 0)
			mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
	} else if (serial) {
		info->serial_pending = true;
	}
	if (d->not_null && !mig_parts_find(&c->parts, MIG_PART_NOT_NULL)) {
		info->notnull = true;
		mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
	}
	if (d->check) {
		mig_str b = MIG_STR_INIT;
		mig_str_printf(&b, "CHECK (%s)", d->check);
		mig__sq_segv_push(p, &c->parts, MIG_PART_CHECK, mig__sq_pg_name(p, table, col, "check"), mig__sq_detach_or_fail(p, &b));
	}
	mig__sq_push_type_check(p, c, &st);
	if (d->references) {
		info->fk = true;
		char *name;
		if (d->fk_name_given) {
			name = mig__sq_qname(p, &d->fk_name, "referencesConstraintName");
		} else if (d->fk_comment) {
			mig_str g = MIG_STR_INIT;
			mig_str_printf(&g, "%s_fk_%s", table, col);
			name = mig__sq_detach_or_fail(p, &g);
		} else {
			name = mig__sq_pg_name(p, table, col, "fkey");
		}
		if (d->fk_comment)
			mig__sq_notice(p, "%s: the comment on foreign key of \"%s\" is skipped: SQLite has no comments", p->op->name,
			       col);
		mig_str b = MIG_STR_INIT;
		references_body(p, &b, d->references);
		if (d->deferrable)
			deferrable_clause(&b, d->deferred);
		mig__sq_segv_push(p, &c->parts, MIG_PART_FOREIGN, name, mig__sq_detach_or_fail(p, &b));
	} else if (d->deferrable) {
		mig__sq_unsupported_option(p, "deferrable (on a column without references)",
				   "SQLite can defer foreign keys only");
	}
	if (d->expression_generated) {
		info->generated = true;
		mig_str b = MIG_STR_INIT;
		mig_str_printf(&b, "GENERATED ALWAYS AS (%s) STORED", d->expression_generated);
		mig__sq_segv_push(p, &c->parts, MIG_PART_GENERATED, NULL, mig__sq_detach_or_fail(p, &b));
	}
	if (d->has_comment)
		mig__sq_notice(p, "%s: the comment on column \"%s\" is skipped: SQLite has no comments", p->op->name, col);
	mig__sq_sqtype_free(&st);
}

bool mig__sq_model_has_pk(const mig_mtable *m)
{
	for (size_t i = 0; i < m->parts.n; i++)
		if (m->parts.v[i].kind == MIG_PART_PRIMARY)
			return true;
	for (size_t i = 0; i < m->ncols; i++)
		if (mig_parts_find(&m->cols[i].parts, MIG_PART_PRIMARY))
			return true;
	return false;
}

/*
 * parseConstraints(table, options, name) of createTable/addConstraint:
 * CHECK, PRIMARY KEY and FOREIGN KEY become table constraints in m,
 * UNIQUE a unique index appended to `after`, all with node-pg-migrate's
 * names (or the given one). Returns how many table constraints it added.
 */
size_t mig__sq_ir_constraints(sq *p, const char *table, const mig_constraints_def *cs, mig_mtable *m, mig_strv *after,
			      bool if_not_exists)
{
	size_t added = 0;
	bool non_fk = false, exclude = false;
	for (size_t k = 0; k < cs->n && !p->rc; k++) {
		const mig_constraint_def *c = &cs->v[k];
		switch (c->kind) {
		case MIG_CONSTRAINT_CHECK: {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "CHECK (%s)", c->expr);
			mig__sq_segv_push(p, &m->parts, MIG_PART_CHECK, mig__sq_qname(p, &c->name, "the constraint name"),
				  mig__sq_detach_or_fail(p, &b));
			added++;
			non_fk = true;
			break;
		}
		case MIG_CONSTRAINT_UNIQUE: {
			char *name = mig__sq_qname(p, &c->name, "the constraint name");
			mig_str cols = MIG_STR_INIT;
			mig__sq_name_list(p, &cols, &c->columns, "a unique column", NULL);
			if (name)
				unique_index(p, after, name, table, mig_str_cstr(&cols), if_not_exists);
			mig_str_free(&cols);
			mig__free(name);
			non_fk = true;
			break;
		}
		case MIG_CONSTRAINT_PRIMARY: {
			if (mig__sq_model_has_pk(m)) {
				mig__sq_fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, table);
				break;
			}
			mig_str b = MIG_STR_INIT;
			mig_strv names = MIG_STRV_INIT;
			mig_str_puts(&b, "PRIMARY KEY (");
			mig__sq_name_list(p, &b, &c->columns, "a primary key column", &names);
			mig_str_putc(&b, ')');
			mig__sq_segv_push(p, &m->parts, MIG_PART_PRIMARY, mig__sq_qname(p, &c->name, "the constraint name"),
				  mig__sq_detach_or_fail(p, &b));
			/* PostgreSQL makes primary-key columns NOT NULL; SQLite
			 * only does so for an INTEGER PRIMARY KEY. */
			for (size_t i = 0; i < names.n && !p->rc; i++) {
				mig_mcolumn *col = mig_mtable_col(m, names.v[i]);
				if (col && !mig_parts_find(&col->parts, MIG_PART_NOT_NULL))
					mig__sq_segv_pushs(p, &col->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
			}
			mig_strv_free(&names);
			added++;
			non_fk = true;
			break;
		}
		case MIG_CONSTRAINT_FOREIGN: {
			char *name = mig__sq_qname(p, &c->name, "the constraint name");
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "FOREIGN KEY (");
			mig__sq_name_list(p, &b, &c->columns, "a foreign key column", NULL);
			mig_str_puts(&b, ") ");
			references_body(p, &b, &c->references);
			if (cs->deferrable)
				deferrable_clause(&b, cs->deferred);
			if (c->comment)
				mig__sq_notice(p, "%s: the comment on a foreign key is skipped: SQLite has no comments", p->op->name);
			mig__sq_segv_push(p, &m->parts, MIG_PART_FOREIGN, name, mig__sq_detach_or_fail(p, &b));
			added++;
			break;
		}
		case MIG_CONSTRAINT_EXCLUDE:
			exclude = true;
			break;
		case MIG_CONSTRAINT_RAW:
			break; /* addConstraint's SQL text: e_addConstraint */
		}
	}
	if (exclude)
		mig__sq_unsupported_option(p, "exclude", "SQLite has no exclusion constraints");
	if (cs->deferrable && non_fk)
		mig__sq_unsupported_option(p, "deferrable", "SQLite can defer foreign keys only, not CHECK, UNIQUE or PRIMARY KEY");
	/* the analysis refused a comment without a constraint name */
	if (cs->comment)
		mig__sq_notice(p, "%s: the comment on a constraint is skipped: SQLite has no comments", p->op->name);
	return added;
}
