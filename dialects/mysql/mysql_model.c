/*
 * MySQL/MariaDB and the shared table model (dialects/common/model.h):
 * the rules by which typed operations change it, for offline `sql
 * --dialect mysql` and dry runs, and what the emitters read back from it
 * (alterColumn restates a column, dropConstraint needs a constraint's
 * kind, a bare `references: 'users'` needs the parent's primary key).
 *
 * THE CONVENTIONS, which the live reader (mysql_catalog.c) writes too, so
 * that mig_model_dump() of both agree:
 *
 * - Tables: name as the server spells it; options NULL; the connection's
 *   database only.
 * - Column type: information_schema.COLUMNS.COLUMN_TYPE as MariaDB 10.11
 *   reads it back: int(11), bigint(20), smallint(6), tinyint(1) (BOOLEAN),
 *   varchar(255), char(36) (uuid), text, json (on MariaDB a longtext
 *   with a json_valid() check, which the reader reads as json, as MySQL
 *   says), longblob, datetime(6), time(6), date, decimal(10,2),
 *   decimal(65,30), float, double, enum('a','b') (a column of an enum
 *   type holds its list, rewritten when a value is added or renamed).
 * - Column parts, in this order:
 *     COLLATE   "COLLATE <name>", only for a collation given to the
 *               column (collation option, citext's case-insensitive one):
 *               the reader writes it when COLLATION_NAME is neither the
 *               table's collation nor utf8mb4_bin on a JSON column;
 *     DEFAULT   "DEFAULT " + COLUMN_DEFAULT as MariaDB reads it back:
 *               'active' (quotes doubled: 'it''s'), 0, 1 (booleans),
 *               current_timestamp(6), curdate(), uuid(); no part for
 *               DEFAULT NULL (the reader skips COLUMN_DEFAULT NULL and
 *               'NULL');
 *     IDENTITY  "AUTO_INCREMENT" (EXTRA auto_increment), for serial and
 *               sequenceGenerated columns alike;
 *     NOT NULL  "NOT NULL" (IS_NULLABLE = 'NO'; primary key columns too).
 *   comment: COLUMN_COMMENT, NULL when empty.
 * - Table parts (never column parts), each named, with `columns` in key
 *   order:
 *     PRIMARY   named <table>_pkey (MySQL calls every primary key PRIMARY),
 *               body "PRIMARY KEY (a, b)";
 *     UNIQUE    every unique key, whether a UNIQUE constraint or a CREATE
 *               UNIQUE INDEX made it (MySQL cannot tell them apart),
 *               body "UNIQUE (a, b)";
 *     FOREIGN   body "FOREIGN KEY (a) REFERENCES parent", ref_table,
 *               ref_columns always filled (MySQL names them),
 *               on_delete/on_update upper case, NULL for NO ACTION and
 *               RESTRICT is "RESTRICT" (the emitter says NO ACTION when
 *               none is given, so the server reports what was asked);
 *     CHECK     body "CHECK (<expr>)" (the reader: CHECK_CLAUSE of
 *               table-level checks; MariaDB's own json_valid() column
 *               checks are not parts).
 * - Objects: type "index", the non-unique indexes only, with `columns`
 *   ("(expr)" for an expression on MySQL 8), sql non-NULL, partial for
 *   the emulated partial index (mysql_int.h); the index MySQL makes by
 *   itself for a foreign key (named after the constraint) is not one, the
 *   KEY the emitter adds for an AUTO_INCREMENT column that leads no key
 *   (<table>_<col>_idx) is.
 * - MariaDB's expression index (mysql_int.h): its hidden column is a
 *   column of the table, last when made, typed as mysql_indexes.c types
 *   it, with the part "GENERATED ALWAYS AS (<expr>) VIRTUAL INVISIBLE"
 *   (COLLATE first when it copies one), so that restating it keeps it
 *   hidden; the index (object or UNIQUE part) names that column where
 *   the expression was.
 *
 * What the two cannot share: the reader has the server's spelling of
 * every expression (CHECK clauses, generated columns: lcase(`email`) for
 * lower(email); defaults: 1.50 for 1.5, current_timestamp(6)), and
 * backticks identifiers in part bodies. tests/driver/test_model.c
 * compares the two in the portable form plus every column's type
 * (MIG_DUMP_TYPES), not in detail.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include "dialects/common/model_apply.h"
#include "dialects/common/names.h"

/* ---- rules ------------------------------------------------------------------- */

static char *stored_type_for(const mig_type_ref *t, const char *array, bool *serial, const char *flavour)
{
	mig_my_type mt;
	mig_str why = MIG_STR_INIT;
	int rc = mig__my_map_type(t, array, flavour, NULL, NULL, &mt, &why);
	mig_str_free(&why);
	*serial = rc == 0 && mt.serial;
	char *r = NULL;
	if (rc == 0 && strcmp(mt.decl, "JSON") == 0) {
		/* MariaDB stores a longtext with a json_valid() check, which the
		 * reader reads as json: restating json brings the check back */
		r = mig_strdup("json");
		if (!r)
			mig_error_oom();
	} else if (rc == 0) {
		r = mt.stored;
		mt.stored = NULL;
	} else if (rc != MIG_ENOMEM) {
		/* the emitter refused it; the model keeps what was asked */
		r = mig_strdup(t->kind == MIG_TYPE_NAME ? t->name.name : t->text ? t->text : "");
	}
	mig__my_type_free(&mt);
	return r;
}

static char *stored_type_mariadb(const mig_type_ref *t, const char *array, bool *serial)
{
	return stored_type_for(t, array, serial, NULL);
}

static char *stored_type_mysql(const mig_type_ref *t, const char *array, bool *serial)
{
	return stored_type_for(t, array, serial, "mysql");
}

/* The emitter names every constraint explicitly, PostgreSQL's way and
 * without its collision suffixes. */
static char *choose_name(const mig_model *m, const char *table, const char *column, const char *label)
{
	(void)m;
	mig_str s = MIG_STR_INIT;
	mig_pg_object_name(&s, table, column, label);
	if (mig_str_failed(&s)) {
		mig_str_free(&s);
		mig_error_oom();
		return NULL;
	}
	return mig_str_detach(&s);
}

static char *serial_default(const char *sequence)
{
	return mig_strdup(sequence); /* unused: serial_identity */
}

static const mig_model_rules mariadb_rules = {
	.schema = "public",
	.type = stored_type_mariadb,
	.default_sql = mig__my_stored_default,
	.choose_name = choose_name,
	.serial_default = serial_default,
	.pk_not_null = true,
	.serial_identity = "AUTO_INCREMENT",
};

static const mig_model_rules mysql_rules = {
	.schema = "public",
	.type = stored_type_mysql,
	.default_sql = mig__my_stored_default,
	.choose_name = choose_name,
	.serial_default = serial_default,
	.pk_not_null = true,
	.serial_identity = "AUTO_INCREMENT",
};

/* Whether user SQL leaves the tables alone (data, settings). */
/* Statements that leave the schema alone, by their first word. */
static const char *const data_words[] = {"insert", "update", "delete", "select", "with", "values", "replace",
					  "truncate", "set", "analyze", "optimize", "lock", "unlock", "do",
					  "call", "load", "show", "explain", "grant", "revoke", NULL};

/* ---- what MySQL does differently from the common applier -------------------------- */

static int unique_part_of(mig_model *m, const char *name, mig_mtable **table)
{
	for (size_t i = 0; i < m->ntables; i++)
		for (size_t k = 0; k < m->tables[i]->parts.n; k++) {
			const mig_part *g = &m->tables[i]->parts.v[k];
			if (g->kind == MIG_PART_UNIQUE && g->name && mig_model_ieq(g->name, name)) {
				*table = m->tables[i];
				return (int)k;
			}
		}
	return -1;
}

/* A unique index is a UNIQUE key like any other on MySQL. */
static int index_to_unique(mig_model *m, const char *name)
{
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(m, "index", name, &o);
	if (!t || !o->unique)
		return 0;
	mig_str body = MIG_STR_INIT;
	mig_str_puts(&body, "UNIQUE (");
	for (size_t i = 0; i < o->columns.n; i++)
		mig_str_printf(&body, "%s%s", i ? ", " : "", o->columns.v[i]);
	mig_str_putc(&body, ')');
	if (mig_str_failed(&body)) {
		mig_str_free(&body);
		return mig_error_oom();
	}
	int rc = mig_parts_pushdup(&t->parts, MIG_PART_UNIQUE, o->name, mig_str_cstr(&body));
	mig_str_free(&body);
	if (rc)
		return rc;
	mig_part *g = &t->parts.v[t->parts.n - 1];
	g->columns = o->columns;
	memset(&o->columns, 0, sizeof(o->columns));
	mig_mtable_remove_obj(t, o);
	return 0;
}

static bool leads_key(const mig_mtable *t, const char *col)
{
	for (size_t k = 0; k < t->parts.n; k++) {
		const mig_part *g = &t->parts.v[k];
		if ((g->kind == MIG_PART_PRIMARY || g->kind == MIG_PART_UNIQUE) && g->columns.n &&
		    mig_model_ieq(g->columns.v[0], col))
			return true;
	}
	for (size_t k = 0; k < t->nobjs; k++)
		if (t->objs[k].columns.n && mig_model_ieq(t->objs[k].columns.v[0], col))
			return true;
	return false;
}

/* The conventions above, for what the common applier spells PostgreSQL's
 * way: primary keys named <table>_pkey, identities AUTO_INCREMENT, the
 * KEY an AUTO_INCREMENT column gets when it leads none. */
static int settle_table(const mig_model *m, mig_mtable *t)
{
	for (size_t k = 0; k < t->parts.n; k++) {
		mig_part *g = &t->parts.v[k];
		if (g->kind != MIG_PART_PRIMARY)
			continue;
		char *n = choose_name(m, t->name, NULL, "pkey");
		if (!n)
			return MIG_ENOMEM;
		mig__free(g->name);
		g->name = n;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		mig_mcolumn *col = &t->cols[c];
		for (size_t k = 0; k < col->parts.n; k++) {
			mig_part *g = &col->parts.v[k];
			if (g->kind != MIG_PART_IDENTITY || strcmp(g->body, "AUTO_INCREMENT") == 0)
				continue;
			char *b = mig_strdup("AUTO_INCREMENT");
			if (!b)
				return mig_error_oom();
			mig__free(g->body);
			g->body = b;
		}
		if (!mig_parts_find(&col->parts, MIG_PART_IDENTITY) || leads_key(t, col->name))
			continue;
		char *name = choose_name(m, t->name, col->name, "idx");
		mig_str sql = MIG_STR_INIT;
		mig_str_printf(&sql, "INDEX %s ON %s", name ? name : "", t->name);
		char *type = mig_strdup("index"), *s = mig_str_detach(&sql);
		mig_mobject *o = name && type && s ? mig_mtable_add_obj(t, type, name, s) : NULL;
		if (!o) {
			if (!name || !type || !s) {
				mig__free(name);
				mig__free(type);
				mig__free(s);
			}
			return mig_error_oom();
		}
		if (mig_strv_pushdup(&o->columns, col->name))
			return mig_error_oom();
	}
	return 0;
}

/* Only the table the operation changed, when there is one: a pass over
 * the whole model after every operation made a long migration set cost
 * O(N^2) (docs/benchmarks.md, the fifth round). The names chosen depend
 * on the table's own name alone, so the other tables stay settled. */
static int settle(mig_model *m, mig_mtable *only)
{
	if (only)
		return settle_table(m, only);
	for (size_t i = 0; i < m->ntables; i++) {
		int rc = settle_table(m, m->tables[i]);
		if (rc)
			return rc;
	}
	return 0;
}

/* MariaDB's expression index (mysql_indexes.c): the hidden column the
 * emitter adds, in the expression's place among the index's columns. */
static int expr_columns(mig_model *m, const mig_create_index_def *d)
{
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(m, "index", d->name.name, &o);
	for (size_t i = 0; t && i < d->ncolumns; i++) {
		if (!d->columns[i].column.raw)
			continue;
		const char *collate;
		bool guessed;
		char *name = mig__my_expr_column(d->name.name);
		char *type = name ? mig__my_expr_type(t, d->columns[i].column.name, &collate, &guessed) : NULL;
		mig_mcolumn *c = type ? mig_mtable_add_col(t, name, type) : NULL;
		if (!c) {
			mig__free(name);
			mig__free(type);
			return mig_error_oom();
		}
		mig_str g = MIG_STR_INIT;
		mig_str_printf(&g, "GENERATED ALWAYS AS (%s) VIRTUAL INVISIBLE", d->columns[i].column.name);
		int rc = collate ? mig_parts_pushdup(&c->parts, MIG_PART_COLLATE, NULL, collate) : 0;
		if (rc == 0)
			rc = mig_str_failed(&g) ? mig_error_oom() : mig_parts_pushdup(&c->parts, MIG_PART_GENERATED, NULL, mig_str_cstr(&g));
		mig_str_free(&g);
		char *col = mig_strdup(c->name);
		if (rc || !col) {
			mig__free(col);
			return rc ? rc : mig_error_oom();
		}
		mig__free(o->columns.v[i]);
		o->columns.v[i] = col;
		break; /* the emitter refuses a second expression */
	}
	return 0;
}

/* dropIndex and renameIndex carry an expression index's hidden column
 * along (to = NULL: drop it), before the index itself is dropped or
 * renamed. */
static int expr_rename(mig_model *m, const char *index, const char *to)
{
	mig_mobject *o = NULL;
	mig_mtable *t = mig_model_table_of(m, "index", index, &o);
	int k = t ? -1 : unique_part_of(m, index, &t);
	char *name = mig__my_expr_column(index);
	if (!name)
		return MIG_ENOMEM;
	mig_mcolumn *c = t ? mig_mtable_col(t, name) : NULL;
	mig__free(name);
	if (!c)
		return 0;
	if (!to) {
		mig_mtable_remove_col(t, c);
		return 0;
	}
	char *renamed = mig__my_expr_column(to);
	if (!renamed)
		return MIG_ENOMEM;
	mig_strv *cols = o ? &o->columns : &t->parts.v[k].columns;
	for (size_t i = 0; i < cols->n; i++)
		if (mig_model_ieq(cols->v[i], c->name)) {
			char *n = mig_strdup(renamed);
			if (!n) {
				mig__free(renamed);
				return mig_error_oom();
			}
			mig__free(cols->v[i]);
			cols->v[i] = n;
		}
	mig__free(c->name);
	c->name = renamed;
	return 0;
}

/* An enum type's column type as stored (enum('a','b')) into *out, NULL
 * when name is no enum type of the model. */
static int enum_stored(const mig_model *m, const char *name, char **out)
{
	*out = NULL;
	const mig_menum *e = mig_model_enum(m, name);
	if (!e)
		return 0;
	mig_my_type mt;
	int rc = mig__my_enum_type(&e->values, &mt);
	if (rc == 0) {
		*out = mt.stored;
		mt.stored = NULL;
		mig__my_type_free(&mt);
	}
	return rc;
}

/* Every column typed `from` (an enum type's name, or its list before a
 * value changed) typed as the enum is stored now: MySQL has no named
 * types, a column holds the list (mysql_enums.c). */
static int enum_columns(mig_model *m, const char *from, const char *name)
{
	char *stored = NULL;
	int rc = enum_stored(m, name, &stored);
	for (size_t i = 0; rc == 0 && stored && i < m->ntables; i++)
		for (size_t c = 0; c < m->tables[i]->ncols; c++) {
			mig_mcolumn *col = &m->tables[i]->cols[c];
			if (strcmp(col->type, from) != 0 || strcmp(col->type, stored) == 0)
				continue;
			char *t = mig_strdup(stored);
			if (!t) {
				rc = mig_error_oom();
				break;
			}
			mig__free(col->type);
			col->type = t;
		}
	mig__free(stored);
	return rc;
}

/* renameTypeValue: the emitter turns a default of the old label into
 * the new one, on the columns holding the list (before the rename). */
static int enum_defaults(mig_model *m, const char *list, const mig_rename_type_value_def *d)
{
	mig_str from = MIG_STR_INIT, to = MIG_STR_INIT;
	mig_str_puts(&from, "DEFAULT ");
	mig_quote_ansi_literal(&from, d->from_text ? d->from_text : "");
	mig_str_puts(&to, "DEFAULT ");
	mig_quote_ansi_literal(&to, d->to_text ? d->to_text : "");
	int rc = mig_str_failed(&from) || mig_str_failed(&to) ? mig_error_oom() : 0;
	for (size_t i = 0; rc == 0 && i < m->ntables; i++)
		for (size_t c = 0; rc == 0 && c < m->tables[i]->ncols; c++) {
			mig_mcolumn *col = &m->tables[i]->cols[c];
			mig_part *g = NULL;
			for (size_t k = 0; strcmp(col->type, list) == 0 && k < col->parts.n; k++)
				if (col->parts.v[k].kind == MIG_PART_DEFAULT)
					g = &col->parts.v[k];
			if (!g || strcmp(g->body, mig_str_cstr(&from)) != 0)
				continue;
			char *b = mig_strdup(mig_str_cstr(&to));
			if (!b) {
				rc = mig_error_oom();
				break;
			}
			mig__free(g->body);
			g->body = b;
		}
	mig_str_free(&from);
	mig_str_free(&to);
	return rc;
}

/* The columns the common applier typed by an enum type's name. */
static int enum_named_columns(mig_model *m, const mig_mtable *only)
{
	int rc = 0;
	if (m->nenums == 0)
		return 0;
	for (size_t i = 0; rc == 0 && i < m->ntables; i++) {
		if (only && m->tables[i] != only)
			continue;
		for (size_t c = 0; rc == 0 && c < m->tables[i]->ncols; c++) {
			const char *type = m->tables[i]->cols[c].type;
			if (!strchr(type, '(') && mig_model_enum(m, type)) {
				char *name = mig_strdup(type);
				rc = name ? enum_columns(m, name, name) : mig_error_oom();
				mig__free(name);
			}
		}
	}
	return rc;
}

/* citext's collation, which the emitter writes and the applier cannot know. */
static int type_collations(const mig_column_defs *cols, const char *table, const char *flavour, mig_model *m)
{
	mig_mtable *t = mig_model_table(m, table);
	for (size_t i = 0; t && i < cols->n; i++) {
		const mig_column_def *c = &cols->v[i];
		mig_my_type mt;
		mig_str why = MIG_STR_INIT;
		int rc = mig__my_map_type(&c->type, NULL, flavour, NULL, NULL, &mt, &why);
		mig_str_free(&why);
		if (rc == MIG_ENOMEM)
			return rc;
		mig_mcolumn *col = mig_mtable_col(t, c->name);
		if (rc == 0 && mt.collate && !c->collation && col && !mig_parts_find(&col->parts, MIG_PART_COLLATE)) {
			mig_str b = MIG_STR_INIT;
			mig_str_printf(&b, "COLLATE %s", mt.collate);
			rc = mig_str_failed(&b) ? mig_error_oom() : mig_parts_pushdup(&col->parts, MIG_PART_COLLATE, NULL, mig_str_cstr(&b));
			mig_str_free(&b);
			/* in the order the reader writes them: COLLATE first */
			for (size_t k = col->parts.n - 1; rc == 0 && k > 0; k--) {
				mig_part x = col->parts.v[k];
				col->parts.v[k] = col->parts.v[k - 1];
				col->parts.v[k - 1] = x;
			}
		}
		mig__my_type_free(&mt);
		if (rc)
			return rc;
	}
	return 0;
}

/* The one table an operation adds to without renaming anything; NULL
 * for the rest, which get the whole-model pass. */
static const char *changed_table(const mig_opdef *def)
{
	switch (def->kind) {
	case MIG_OP_CREATE_TABLE:
		return def->u.create_table.table.name;
	case MIG_OP_ADD_COLUMNS:
		return def->u.add_columns.table.name;
	case MIG_OP_CREATE_INDEX:
		return def->u.create_index.table.name;
	default:
		return NULL;
	}
}

int mig__my_apply(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, const mig_steps *steps,
		  mig_model *m)
{
	if (!def)
		return 0;
	const char *flavour = ctx->server ? ctx->server->flavour : NULL;
	const mig_model_rules *r = flavour && strcmp(flavour, "mysql") == 0 ? &mysql_rules : &mariadb_rules;
	const char *why = NULL;
	int rc = 0;
	/* a value added or renamed: the columns holding the old list */
	const char *enum_type = def->kind == MIG_OP_ADD_TYPE_VALUE	  ? def->u.add_type_value.type.name
				: def->kind == MIG_OP_RENAME_TYPE_VALUE ? def->u.rename_type_value.type.name
									  : NULL;
	char *old_list = NULL;
	if (enum_type && (rc = enum_stored(m, enum_type, &old_list)) != 0)
		return rc;
	if (def->kind == MIG_OP_SQL) {
		rc = mig_model_sql_unfollowed(steps, data_words, &why);
	} else if (def->kind == MIG_OP_DROP_INDEX || def->kind == MIG_OP_RENAME_INDEX) {
		const char *name = def->kind == MIG_OP_DROP_INDEX ? def->u.drop_index.name.name : def->u.rename.from.name;
		rc = expr_rename(m, name, def->kind == MIG_OP_DROP_INDEX ? NULL : def->u.rename.to.name);
		if (rc)
			return rc;
		mig_mtable *t = NULL;
		int k = unique_part_of(m, name, &t);
		if (k >= 0 && def->kind == MIG_OP_DROP_INDEX) {
			mig_parts_remove(&t->parts, (size_t)k);
		} else if (k >= 0) {
			char *n = mig_strdup(def->u.rename.to.name);
			if (!n)
				return mig_error_oom();
			mig__free(t->parts.v[k].name);
			t->parts.v[k].name = n;
		} else {
			rc = mig_model_apply(r, def, m, &why);
		}
	} else {
		rc = mig_model_apply(r, def, m, &why);
	}
	if (rc == 0 && def->kind == MIG_OP_CREATE_INDEX && r == &mariadb_rules)
		rc = expr_columns(m, &def->u.create_index);
	if (rc == 0 && def->kind == MIG_OP_CREATE_INDEX && def->u.create_index.unique)
		rc = index_to_unique(m, def->u.create_index.name.name);
	if (rc == 0 && def->kind == MIG_OP_CREATE_TABLE && !def->u.create_table.temporary)
		rc = type_collations(&def->u.create_table.columns, def->u.create_table.table.name, flavour, m);
	if (rc == 0 && def->kind == MIG_OP_ADD_COLUMNS)
		rc = type_collations(&def->u.add_columns.columns, def->u.add_columns.table.name, flavour, m);
	if (rc == 0 && old_list && def->kind == MIG_OP_RENAME_TYPE_VALUE)
		rc = enum_defaults(m, old_list, &def->u.rename_type_value);
	if (rc == 0 && old_list)
		rc = enum_columns(m, old_list, enum_type);
	mig__free(old_list);
	/* raw SQL leaves the model as it was; the rest settle what they touched */
	const char *changed = changed_table(def);
	mig_mtable *only = changed ? mig_model_table(m, changed) : NULL;
	if (rc == 0 && def->kind != MIG_OP_SQL)
		rc = enum_named_columns(m, only);
	if (rc == 0 && def->kind != MIG_OP_SQL)
		rc = settle(m, only);
	if (rc)
		return rc;
	mig_model_say_unfollowed(ctx, op, why);
	return 0;
}
