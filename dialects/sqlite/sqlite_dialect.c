/*
 * SQLite dialect: the portable subset of node-pg-migrate's operations,
 * written so that the same migration gives SQLite a schema that behaves
 * like the one PostgreSQL gets (docs/dialects.md has the full matrix).
 *
 * - Operations come typed from the analysis step (ir/opdef.h), as the
 *   PostgreSQL dialect gets them: same shorthands, same generated index
 *   and constraint names, same decamelize; names are cut at 63 bytes as
 *   PostgreSQL does, so that a later drop finds the object on every
 *   backend.
 * - Types map to the five canonical SQLite names (INTEGER, REAL, NUMERIC,
 *   TEXT, BLOB) so that affinity never surprises; what the declared type
 *   cannot say (enum values, json, varchar length) becomes a column-level
 *   CHECK named "type:<logical type>". Those checks carry the logical
 *   type in the live database, which is the only model this dialect has.
 * - Enum types live in a small table, <migrations table>_enums, so later migrations
 *   (and later runs) know their values.
 * - SQLite's ALTER TABLE can add, rename and drop a column. Everything
 *   else goes through the documented 12-step rebuild
 *   (https://www.sqlite.org/lang_altertable.html#otheralter), driven by the
 *   table's current definition read from sqlite_master, so tables made by
 *   raw SQL rebuild too. The runner runs such operations in a transaction
 *   begun with MIG_TXN_RELAXED_FK (op_flags()).
 * - What SQLite cannot express is a MIG_ENOTSUPPORTED error naming the
 *   operation; options that are only hints are skipped with a notice.
 *
 * Errors are sticky in struct sq: the first one wins and the operation
 * adds no step at all.
 */
#include "dialects/sqlite/sqlite_emit.h"

#include "dialects/common/journal.h"
#include "dialects/common/quote.h"
#include "dialects/common/lease.h"
#include "dialects/common/sqltext.h"

void mig__sq_quote_ident(mig_str *out, const char *ident)
{
	mig_quote_ansi_ident(out, ident);
}

void mig__sq_quote_literal(mig_str *out, const char *text)
{
	mig_quote_ansi_literal(out, text);
}

void mig__sq_enum_table(const mig_state_names *names, mig_str *out)
{
	mig_str_printf(out, "%s_enums", names && names->table ? names->table : "pgmigrations");
}

/* SQLite has one schema per database file ("main"); PostgreSQL's default
 * "public" maps onto it, any other schema is refused. */
static int check_schema(const char *schema)
{
	if (schema && strcmp(schema, "public") != 0 && strcmp(schema, "main") != 0)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "SQLite has no schemas: the migrations table cannot live in schema \"%s\" (drop --schema/--migrations-schema for SQLite)",
				     schema);
	return 0;
}

static int state_sql(const mig_state_names *names, enum mig_state_stmt which,
		     const char *migration_name, mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	switch (which) {
	case MIG_STATE_EXISTS:
		mig_str_puts(out, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ");
		mig__sq_quote_literal(out, names->table);
		break;
	case MIG_STATE_CREATE:
		/* AUTOINCREMENT: ids never go back, so (run_on, id) keeps
		 * ordering runs even after rollbacks. Millisecond run_on text
		 * sorts as time. */
		mig_str_puts(out, "CREATE TABLE ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL, run_on timestamp NOT NULL)");
		break;
	case MIG_STATE_PK_CHECK:
	case MIG_STATE_PK_FIX:
	case MIG_STATE_CREATE_SCHEMA:
		break; /* a rowid table always has its key; no schemas */
	case MIG_STATE_SELECT:
		mig_str_puts(out, "SELECT name, run_on FROM ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " ORDER BY run_on, id");
		break;
	case MIG_STATE_INSERT:
		mig_str_puts(out, "INSERT INTO ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " (name, run_on) VALUES (");
		mig__sq_quote_literal(out, migration_name);
		mig_str_puts(out, ", strftime('%Y-%m-%d %H:%M:%f', 'now'));");
		break;
	case MIG_STATE_DELETE:
		mig_str_puts(out, "DELETE FROM ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " WHERE name=");
		mig__sq_quote_literal(out, migration_name);
		mig_str_putc(out, ';');
		break;
	case MIG_STATE_INSERT_BOUND:
		mig_str_puts(out, "INSERT INTO ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " (name, run_on) VALUES (?1, strftime('%Y-%m-%d %H:%M:%f', 'now'))");
		break;
	case MIG_STATE_DELETE_BOUND:
		mig_str_puts(out, "DELETE FROM ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " WHERE name=?1");
		break;
	case MIG_STATE_INSERT_BOUND_MANY:
		/* one statement: an AUTOINCREMENT table's insert scans
		 * sqlite_sequence, which holds a row for every such table (every
		 * createTable with an 'id' column), once per statement */
		mig_str_puts(out, "INSERT INTO ");
		mig__sq_quote_ident(out, names->table);
		mig_str_puts(out, " (name, run_on) SELECT value, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM json_each(?1) ORDER BY key");
		break;
	}
	return mig_str_failed(out) ? mig_error_oom() : 0;
}

/* The lease lock's table, <migrations table>_lock. */
static int lock_sql(const mig_state_names *names, enum mig_lock_stmt which, const char *owner, int seconds,
		    mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT;
	mig_str_printf(&t, "%s_lock", names->table);
	mig__sq_quote_ident(&table, mig_str_cstr(&t));
	/* the server's clock in whole seconds */
	static const char now[] = "CAST"
				  "(strftime('%s', 'now') AS INTEGER)";
	mig_lease_sql l = {.table = mig_str_cstr(&table), .now = now, .literal = mig_quote_ansi_literal};
	rc = mig_str_failed(&table) ? mig_error_oom() : mig_lease_statement(&l, which, owner, seconds, out);
	mig_str_free(&table);
	mig_str_free(&t);
	return rc;
}

/* The journal, <migrations table>_journal. */
static int journal_sql(const mig_state_names *names, enum mig_journal_stmt which, const mig_journal_args *args,
		       mig_str *out)
{
	int rc = check_schema(names->schema);
	if (rc)
		return rc;
	mig_str table = MIG_STR_INIT, t = MIG_STR_INIT, state = MIG_STR_INIT;
	mig_journal_table_name(&t, names->table);
	mig__sq_quote_ident(&table, mig_str_cstr(&t));
	mig__sq_quote_ident(&state, names->table);
	static const char now[] = "CAST"
				  "(strftime('%s', 'now') AS INTEGER)";
	mig_journal_sql j = {.table = mig_str_cstr(&table),
			     .state_table = mig_str_cstr(&state),
			     .now = now,
			     .literal = mig_quote_ansi_literal,
			     .text_type = "text",
			     .table_tail = "",
			     .upsert = MIG_LEASE_ON_CONFLICT};
	rc = mig_str_failed(&table) || mig_str_failed(&t) || mig_str_failed(&state)
		     ? mig_error_oom()
		     : mig_journal_statement(&j, which, args, out);
	mig_str_free(&table);
	mig_str_free(&t);
	mig_str_free(&state);
	return rc;
}

static int session_sql(const mig_session_opts *mig__sq_opts, mig_strv *stmts)
{
	(void)stmts;
	for (size_t i = 0; i < mig__sq_opts->nschemas; i++) {
		int rc = check_schema(mig__sq_opts->schemas[i]);
		if (rc)
			return rc;
	}
	return 0;
}

static const mig_sq_emitter *const groups[] = {
	mig__sq_tables, mig__sq_constraints, mig__sq_indexes, mig__sq_enums, mig__sq_views,
};

static mig_sq_emitter_fn emitter_for(enum mig_op_kind kind)
{
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		for (const mig_sq_emitter *e = groups[g]; e->fn; e++)
			if (e->kind == kind)
				return e->fn;
	return NULL;
}

/* What SQLite cannot express, and why. */
static const struct {
	const char *name;
	const char *why;
} refused[] = {
	{"createSchema", "SQLite has no schemas (one database file is one schema)"},
	{"dropSchema", "SQLite has no schemas (one database file is one schema)"},
	{"renameSchema", "SQLite has no schemas (one database file is one schema)"},
	{"createSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"alterSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"dropSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"renameSequence", "SQLite has no sequences (a serial column, INTEGER PRIMARY KEY AUTOINCREMENT, numbers rows)"},
	{"createFunction", "SQLite has no stored functions"},
	{"dropFunction", "SQLite has no stored functions"},
	{"renameFunction", "SQLite has no stored functions"},
	{"createTrigger", "SQLite triggers have no trigger functions (write the CREATE TRIGGER ... BEGIN ... END with pgm.sql())"},
	{"renameTrigger", "SQLite cannot rename a trigger (drop it and create it again with pgm.sql())"},
	{"dropTriggerAndFunction", "SQLite has no stored functions"},
	{"alterView", "SQLite views have no options"},
	{"alterViewColumn", "SQLite views have no column defaults"},
	{"createMaterializedView", "SQLite has no materialized views (use a table filled by pgm.sql(), or a view)"},
	{"alterMaterializedView", "SQLite has no materialized views"},
	{"refreshMaterializedView", "SQLite has no materialized views"},
	{"renameMaterializedView", "SQLite has no materialized views"},
	{"renameMaterializedViewColumn", "SQLite has no materialized views"},
	{"dropMaterializedView", "SQLite has no materialized views"},
	{"createDomain", "SQLite has no domains (use the base type and a CHECK)"},
	{"alterDomain", "SQLite has no domains"},
	{"dropDomain", "SQLite has no domains"},
	{"renameDomain", "SQLite has no domains"},
	{"createPolicy", "SQLite has no row-level security"},
	{"alterPolicy", "SQLite has no row-level security"},
	{"dropPolicy", "SQLite has no row-level security"},
	{"renamePolicy", "SQLite has no row-level security"},
	{"createRole", "SQLite has no roles"},
	{"alterRole", "SQLite has no roles"},
	{"dropRole", "SQLite has no roles"},
	{"renameRole", "SQLite has no roles"},
	{"grantRoles", "SQLite has no roles or privileges"},
	{"revokeRoles", "SQLite has no roles or privileges"},
	{"grantOnSchemas", "SQLite has no roles or privileges"},
	{"revokeOnSchemas", "SQLite has no roles or privileges"},
	{"grantOnTables", "SQLite has no roles or privileges"},
	{"revokeOnTables", "SQLite has no roles or privileges"},
	{"createCast", "SQLite has no user-defined casts"},
	{"dropCast", "SQLite has no user-defined casts"},
	{"createOperator", "SQLite has no user-defined operators"},
	{"dropOperator", "SQLite has no user-defined operators"},
	{"createOperatorFamily", "SQLite has no user-defined operators"},
	{"dropOperatorFamily", "SQLite has no user-defined operators"},
	{"renameOperatorFamily", "SQLite has no user-defined operators"},
	{"createOperatorClass", "SQLite has no user-defined operators"},
	{"dropOperatorClass", "SQLite has no user-defined operators"},
	{"renameOperatorClass", "SQLite has no user-defined operators"},
	{"addToOperatorFamily", "SQLite has no user-defined operators"},
	{"removeFromOperatorFamily", "SQLite has no user-defined operators"},
	{"addTypeAttribute", "SQLite has no composite types"},
	{"dropTypeAttribute", "SQLite has no composite types"},
	{"setTypeAttribute", "SQLite has no composite types"},
	{"renameTypeAttribute", "SQLite has no composite types"},
};

static const char *refuses(enum mig_op_kind kind)
{
	const char *name = mig_op_kind_name(kind);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (strcmp(refused[i].name, name) == 0)
			return refused[i].why;
	return NULL;
}

static int emit(const mig_emit_ctx *ctx, const mig_op *op, const mig_opdef *def, mig_steps *steps)
{
	if (!def)
		return mig_error_set(MIG_ERROR, "%s: the operation was not analysed", op->name);
	if (def->kind == MIG_OP_SQL)
		return mig__sq_emit_sql(ctx, op, def, steps);
	mig_sq_emitter_fn fn = emitter_for(def->kind);
	if (fn) {
		/* Build into a local list so that a failing operation adds no
		 * step at all. The statements then go out as ONE step: a
		 * rebuild is a sequence that must run in order, and the runner
		 * reverses the steps of an operation in an inferred down (as
		 * node-pg-migrate does with its step list). */
		mig_strv local = MIG_STRV_INIT;
		sq p = {.ctx = ctx, .op = op, .def = def, .steps = &local, .rc = 0};
		fn(&p);
		if (p.rc == 0 && local.n)
			p.rc = mig_steps_push(steps, &local);
		mig_strv_free(&local);
		return p.rc;
	}
	return mig_error_set(MIG_EINPUT, "unknown operation pgm.%s()", op->name);
}

/* Whether addConstraint adds a table constraint (CHECK, PRIMARY KEY,
 * FOREIGN KEY or SQL text), which rebuilds the table; UNIQUE alone is a
 * unique index. */
static bool adds_table_constraint(const mig_constraints_def *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		enum mig_constraint_kind k = cs->v[i].kind;
		if (k == MIG_CONSTRAINT_CHECK || k == MIG_CONSTRAINT_PRIMARY || k == MIG_CONSTRAINT_FOREIGN ||
		    k == MIG_CONSTRAINT_RAW)
			return true;
	}
	return false;
}

/* Operations that may rebuild a table need foreign keys off around the
 * transaction (see mig__sq_rebuild()). def NULL: the kind alone says (an
 * addConstraint may rebuild, a dropTable does not). */
static unsigned flags_of(enum mig_op_kind kind, const mig_opdef *def)
{
	switch (kind) {
	case MIG_OP_ALTER_COLUMN:
	case MIG_OP_ADD_COLUMNS:
	case MIG_OP_DROP_COLUMNS:
	case MIG_OP_DROP_CONSTRAINT:
	case MIG_OP_RENAME_CONSTRAINT:
	case MIG_OP_RENAME_TYPE:
	case MIG_OP_ADD_TYPE_VALUE:
	case MIG_OP_RENAME_TYPE_VALUE:
		return MIG_OPF_RELAXED_FK;
	case MIG_OP_ADD_CONSTRAINT:
		return !def || adds_table_constraint(&def->u.add_constraint.constraints) ? MIG_OPF_RELAXED_FK : 0;
	case MIG_OP_DROP_TABLE:
		return def && def->u.drop.cascade ? MIG_OPF_RELAXED_FK : 0;
	default:
		return 0;
	}
}

static unsigned op_flags(const mig_opdef *def)
{
	return flags_of(def->kind, def);
}

const mig_dialect mig_sqlite_dialect = {
	.version = MIG_DIALECT_VERSION,
	.name = "sqlite",
	.display = "SQLite",
	.flags = MIG_DIALECT_NEEDS_CATALOG,
	.emit = emit,
	.op_flags = op_flags,
	.refuses = refuses,
	.state_sql = state_sql,
	.lock_sql = lock_sql,
	.journal_sql = journal_sql,
	.session_sql = session_sql,
	.split = mig__sq_split,
	.introspect = mig__sq_introspect,
	.apply = mig__sq_apply,
	.default_schema = NULL,
	.quote_literal = mig_quote_ansi_literal,
};
