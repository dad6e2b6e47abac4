/*
 * Columns and constraints of createTable/addColumns/addConstraint as
 * SQLite parts, with the names PostgreSQL gives them.
 */
#include "dialects/sqlite/sqlite_emit.h"

/* A quoted, comma-separated list of Names (one Name or an array). */
void mig__sq_name_list(sq *p, mig_str *out, const mig_value *v, const char *what, mig_strv *names)
{
	for (size_t i = 0; i < mig_js_len(v) && !p->rc; i++) {
		char *n = mig__sq_name_of(p, mig_js_at(v, i), what);
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
static void references_body(sq *p, mig_str *s, const mig_value *o)
{
	const mig_value *r = O(o, "references");
	mig_str_puts(s, "REFERENCES ");
	if (is_str(r) && (r->str[0] == '"' || (r->len && r->str[r->len - 1] == ')'))) {
		mig_str_put(s, r->str, r->len); /* raw, as node-pg-migrate takes it */
	} else {
		char *n = mig__sq_name_of(p, r, "references");
		if (n)
			mig__sq_quote_ident(s, n);
		mig__free(n);
	}
	const mig_value *match = O(o, "match");
	if (mig_value_truthy(match)) {
		mig_str m = MIG_STR_INIT;
		mig_js_string(&m, match);
		if (!ieq(mig_str_cstr(&m), "SIMPLE"))
			mig__sq_notice(p, "%s: MATCH %s is not enforced by SQLite: its foreign keys always behave as MATCH SIMPLE",
			       p->op->name, mig_str_cstr(&m));
		mig_str_free(&m);
	}
	static const char *const acts[][2] = {{"onDelete", "DELETE"}, {"onUpdate", "UPDATE"}};
	for (size_t k = 0; k < 2; k++) {
		const mig_value *a = O(o, acts[k][0]);
		if (!mig_value_truthy(a))
			continue;
		mig_str t = MIG_STR_INIT;
		mig_js_string(&t, a);
		if (!fk_action_ok(mig_str_cstr(&t)))
			mig__sq_fail(p, MIG_EINPUT, "%s: %s must be NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT, not %s",
			     p->op->name, acts[k][0], mig_str_cstr(&t));
		mig_str_printf(s, " ON %s %s", acts[k][1], mig_str_cstr(&t));
		mig_str_free(&t);
	}
}

static void deferrable_clause(mig_str *s, const mig_value *o)
{
	mig_str_puts(s, T(o, "deferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE");
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
 * One column of createTable/addColumns (its definition resolved by
 * mig_apply_type) into c, which already has its name. Inline constraints
 * get the names PostgreSQL gives them (<t>_pkey, <t>_<c>_check,
 * <t>_<c>_fkey, <t>_<c>_key), so that dropConstraint finds them; UNIQUE
 * becomes a unique index of that name, appended to `after`.
 */
void mig__sq_build_column(sq *p, const char *table, mig_mcolumn *c, const mig_value *o, mig_strv *after, bool if_not_exists,
			 colinfo *info)
{
	memset(info, 0, sizeof(*info));
	const char *col = c->name;
	sqtype st;
	if (!mig__sq_map_type(p, mig_object_get(o, "type"), col, &st))
		return;
	if (mig_value_truthy(O(o, "array")))
		mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": array: true is not supported on SQLite: SQLite has no arrays",
		     p->op->name, col);
	const mig_value *sg = O(o, "sequenceGenerated");
	bool pk = T(o, "primaryKey");
	bool serial = st.serial;
	if (mig_value_truthy(sg)) {
		if (st.kind != L_INT) {
			mig__sq_fail(p, MIG_ENOTSUPPORTED, "%s: column \"%s\": sequenceGenerated is not supported on SQLite for a non-integer column",
			     p->op->name, col);
		} else {
			serial = true;
			mig_str prec = MIG_STR_INIT;
			mig_js_string(&prec, O(sg, "precedence"));
			if (ieq(mig_str_cstr(&prec), "ALWAYS"))
				mig__sq_notice(p, "%s: column \"%s\": GENERATED ALWAYS AS IDENTITY becomes INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, which also accepts explicit ids",
				       p->op->name, col);
			mig_str_free(&prec);
			for (size_t k = 0; k < sg->n && sg->type == MIG_V_OBJECT; k++)
				if (strcmp(sg->keys[k], "precedence") != 0)
					mig__sq_notice(p, "%s: column \"%s\": identity option %s ignored on SQLite (ids start at 1 and grow by 1)",
					       p->op->name, col, sg->keys[k]);
		}
	}
	mig__free(c->type);
	c->type = mig__sq_dup_or_fail(p, st.decl ? st.decl : "TEXT");
	if (T(o, "collation")) {
		const char *coll = mig__sq_map_collation(p, O(o, "collation"));
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
	const mig_value *def = O(o, "default");
	if (def) {
		if (serial)
			mig__sq_fail(p, MIG_EINPUT, "%s: multiple default values specified for column \"%s\" (serial)", p->op->name, col);
		info->has_default = true;
		info->default_null = is_null(def);
		mig__sq_set_default(p, c, def, st.kind, &info->default_constant);
	}
	if (T(o, "unique")) {
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
	if (T(o, "notNull") && !mig_parts_find(&c->parts, MIG_PART_NOT_NULL)) {
		info->notnull = true;
		mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
	}
	if (T(o, "check")) {
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "CHECK (");
		mig_js_string(&b, O(o, "check"));
		mig_str_putc(&b, ')');
		mig__sq_segv_push(p, &c->parts, MIG_PART_CHECK, mig__sq_pg_name(p, table, col, "check"), mig__sq_detach_or_fail(p, &b));
	}
	mig__sq_push_type_check(p, c, &st);
	if (T(o, "references")) {
		info->fk = true;
		const mig_value *rname = O(o, "referencesConstraintName");
		const mig_value *rcomment = O(o, "referencesConstraintComment");
		char *name;
		if (mig_value_truthy(rname)) {
			name = mig__sq_name_of(p, rname, "referencesConstraintName");
		} else if (mig_value_truthy(rcomment)) {
			mig_str g = MIG_STR_INIT;
			mig_str_printf(&g, "%s_fk_%s", table, col);
			name = mig__sq_detach_or_fail(p, &g);
		} else {
			name = mig__sq_pg_name(p, table, col, "fkey");
		}
		if (mig_value_truthy(rcomment))
			mig__sq_notice(p, "%s: the comment on foreign key of \"%s\" is skipped: SQLite has no comments", p->op->name,
			       col);
		mig_str b = MIG_STR_INIT;
		references_body(p, &b, o);
		if (T(o, "deferrable"))
			deferrable_clause(&b, o);
		mig__sq_segv_push(p, &c->parts, MIG_PART_FOREIGN, name, mig__sq_detach_or_fail(p, &b));
	} else if (T(o, "deferrable")) {
		mig__sq_unsupported_option(p, "deferrable (on a column without references)",
				   "SQLite can defer foreign keys only");
	}
	if (T(o, "expressionGenerated")) {
		info->generated = true;
		mig_str b = MIG_STR_INIT;
		mig_str_puts(&b, "GENERATED ALWAYS AS (");
		mig_js_string(&b, O(o, "expressionGenerated"));
		mig_str_puts(&b, ") STORED");
		mig__sq_segv_push(p, &c->parts, MIG_PART_GENERATED, NULL, mig__sq_detach_or_fail(p, &b));
	}
	if (mig_js_in(o, "comment") && !mig_value_is_undefined(mig_object_get(o, "comment")))
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
size_t mig__sq_ir_constraints(sq *p, const char *table, const mig_value *tablearg, const mig_value *o,
			     const mig_value *optname, mig_mtable *m, mig_strv *after, bool if_not_exists)
{
	size_t added = 0;
	bool non_fk = false;
	mig_str gen = MIG_STR_INIT;
	const mig_value *check = O(o, "check");
	if (mig_value_truthy(check)) {
		size_t n = check->type == MIG_V_ARRAY ? check->n : 1;
		for (size_t i = 0; i < n && !p->rc; i++) {
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_CHECK, NULL, check->type == MIG_V_ARRAY ? i + 1 : 0);
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "CHECK (");
			mig_js_string(&b, check->type == MIG_V_ARRAY ? check->items[i] : check);
			mig_str_putc(&b, ')');
			mig__sq_segv_push(p, &m->parts, MIG_PART_CHECK, mig__sq_name_or(p, optname, mig_str_cstr(&gen), "the constraint name"),
				  mig__sq_detach_or_fail(p, &b));
			added++;
			non_fk = true;
		}
	}
	const mig_value *unique = O(o, "unique");
	if (mig_value_truthy(unique)) {
		bool nested = false;
		for (size_t i = 0; i < mig_js_len(unique); i++) {
			const mig_value *u = mig_js_at(unique, i);
			nested = nested || (u && u->type == MIG_V_ARRAY);
		}
		size_t nsets = nested ? mig_js_len(unique) : 1;
		for (size_t k = 0; k < nsets && !p->rc; k++) {
			const mig_value *set = nested ? mig_js_at(unique, k) : unique;
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_UNIQUE, set, 0);
			char *name = mig__sq_name_or(p, optname, mig_str_cstr(&gen), "the constraint name");
			mig_str cols = MIG_STR_INIT;
			mig__sq_name_list(p, &cols, set, "a unique column", NULL);
			if (name)
				unique_index(p, after, name, table, mig_str_cstr(&cols), if_not_exists);
			mig_str_free(&cols);
			mig__free(name);
			non_fk = true;
		}
	}
	const mig_value *pk = O(o, "primaryKey");
	if (mig_value_truthy(pk) && !p->rc) {
		if (mig__sq_model_has_pk(m)) {
			mig__sq_fail(p, MIG_ESQL, "%s: multiple primary keys for table \"%s\" are not allowed", p->op->name, table);
		} else {
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_PRIMARY, NULL, 0);
			mig_str b = MIG_STR_INIT;
			mig_strv names = MIG_STRV_INIT;
			mig_str_puts(&b, "PRIMARY KEY (");
			mig__sq_name_list(p, &b, pk, "a primary key column", &names);
			mig_str_putc(&b, ')');
			mig__sq_segv_push(p, &m->parts, MIG_PART_PRIMARY, mig__sq_name_or(p, optname, mig_str_cstr(&gen), "the constraint name"),
				  mig__sq_detach_or_fail(p, &b));
			/* PostgreSQL makes primary-key columns NOT NULL; SQLite
			 * only does so for an INTEGER PRIMARY KEY. */
			for (size_t i = 0; i < names.n && !p->rc; i++) {
				mig_mcolumn *c = mig_mtable_col(m, names.v[i]);
				if (c && !mig_parts_find(&c->parts, MIG_PART_NOT_NULL))
					mig__sq_segv_pushs(p, &c->parts, MIG_PART_NOT_NULL, NULL, "NOT NULL");
			}
			mig_strv_free(&names);
			added++;
			non_fk = true;
		}
	}
	const mig_value *fks = O(o, "foreignKeys");
	if (mig_value_truthy(fks)) {
		for (size_t k = 0; k < mig_js_len(fks) && !p->rc; k++) {
			const mig_value *fk = mig_js_at(fks, k);
			const mig_value *cols = O(fk, "columns");
			mig_str_clear(&gen);
			mig_constraint_name(&gen, tablearg, MIG_CONSTRAINT_FOREIGN, cols, 0);
			const mig_value *rname = O(fk, "referencesConstraintName");
			char *name = mig__sq_name_or(p, mig_value_truthy(rname) ? rname : optname, mig_str_cstr(&gen),
					     "the constraint name");
			mig_str b = MIG_STR_INIT;
			mig_str_puts(&b, "FOREIGN KEY (");
			mig__sq_name_list(p, &b, cols, "a foreign key column", NULL);
			mig_str_puts(&b, ") ");
			references_body(p, &b, fk);
			if (T(o, "deferrable"))
				deferrable_clause(&b, o);
			if (mig_value_truthy(O(fk, "referencesConstraintComment")))
				mig__sq_notice(p, "%s: the comment on a foreign key is skipped: SQLite has no comments", p->op->name);
			mig__sq_segv_push(p, &m->parts, MIG_PART_FOREIGN, name, mig__sq_detach_or_fail(p, &b));
			added++;
		}
	}
	if (T(o, "exclude"))
		mig__sq_unsupported_option(p, "exclude", "SQLite has no exclusion constraints");
	if (T(o, "deferrable") && non_fk)
		mig__sq_unsupported_option(p, "deferrable", "SQLite can defer foreign keys only, not CHECK, UNIQUE or PRIMARY KEY");
	if (T(o, "comment")) {
		if (!mig_value_truthy(optname))
			mig__sq_fail(p, MIG_EINPUT, "cannot comment on unspecified constraints");
		else
			mig__sq_notice(p, "%s: the comment on a constraint is skipped: SQLite has no comments", p->op->name);
	}
	mig_str_free(&gen);
	return added;
}
