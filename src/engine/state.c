#include "engine/state.h"

#include "util/alloc.h"
#include "engine/conn.h"
#include "util/error.h"

#include <stdlib.h>

char *mig_state_stmt(const mig_dialect *d, const mig_state_names *names,
		     enum mig_state_stmt which, const char *migration_name)
{
	mig_str s = MIG_STR_INIT;
	int rc = d->state_sql(names, which, migration_name ? migration_name : "", &s);
	if (rc) {
		mig_str_free(&s);
		return NULL;
	}
	return mig_str_detach(&s);
}

static int query_stmt(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		      enum mig_state_stmt which, mig_rows **rows)
{
	*rows = NULL;
	char *sql = mig_state_stmt(d, names, which, NULL);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	int rc = *sql ? mig__conn_query(conn, sql, rows) : 0;
	mig__free(sql);
	return rc;
}

int mig_state_exec(mig_conn *conn, const mig_dialect *d, const mig_state_names *names, enum mig_state_stmt which)
{
	char *sql = mig_state_stmt(d, names, which, NULL);
	if (!sql)
		return mig_error_code(MIG_ERROR);
	int rc = *sql ? mig__conn_exec(conn, sql) : 0;
	mig__free(sql);
	return rc;
}

int mig_state_exists(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     bool *exists)
{
	mig_rows *rows = NULL;
	int rc = query_stmt(conn, d, names, MIG_STATE_EXISTS, &rows);
	*exists = rc == 0 && rows && rows->nrows > 0;
	mig_rows_free(rows);
	return rc;
}

int mig_state_create(mig_conn *conn, const mig_dialect *d, const mig_state_names *names)
{
	int rc = mig_state_exec(conn, d, names, MIG_STATE_CREATE);
	if (rc)
		mig_error_prefix("Unable to ensure migrations table");
	return rc;
}

int mig_state_ensure(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		     bool create_schema, bool *later)
{
	int rc;
	if (later)
		*later = false;
	if (create_schema && (rc = mig_state_exec(conn, d, names, MIG_STATE_CREATE_SCHEMA)) != 0)
		goto fail;
	bool exists = false;
	if ((rc = mig_state_exists(conn, d, names, &exists)) != 0)
		goto fail;
	if (!exists && later) {
		*later = true;
		return 0;
	}
	if (!exists)
		return mig_state_create(conn, d, names);
	mig_rows *rows = NULL;
	if ((rc = query_stmt(conn, d, names, MIG_STATE_PK_CHECK, &rows)) != 0)
		goto fail;
	/* node-pg-migrate adds the key unless exactly one PK row exists; a
	 * dialect without the check returns no rows object at all. */
	if (rows && rows->nrows != 1)
		rc = mig_state_exec(conn, d, names, MIG_STATE_PK_FIX);
	mig_rows_free(rows);
	if (rc == 0)
		return 0;
fail:
	mig_error_prefix("Unable to ensure migrations table");
	return rc;
}

int mig_state_read(mig_conn *conn, const mig_dialect *d, const mig_state_names *names,
		   mig_strv *applied, mig_strv *run_on)
{
	mig_rows *rows = NULL;
	int rc = query_stmt(conn, d, names, MIG_STATE_SELECT, &rows);
	if (rc) {
		mig_error_prefix("cannot read the migrations table");
		return rc;
	}
	for (size_t i = 0; rows && i < rows->nrows && rc == 0; i++) {
		const char *name = mig_rows_get(rows, i, 0);
		const char *when = mig_rows_get(rows, i, 1);
		rc = mig_strv_pushdup(applied, name ? name : "");
		if (rc == 0 && run_on)
			rc = mig_strv_pushdup(run_on, when ? when : "");
	}
	mig_rows_free(rows);
	return rc;
}
