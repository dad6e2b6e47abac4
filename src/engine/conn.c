#include "engine/conn.h"

#include <string.h>

int mig__conn_exec_n(mig_conn *c, const char *sql, size_t len)
{
	return c->driver->ops->exec(c, sql, len);
}

int mig__conn_exec(mig_conn *c, const char *sql)
{
	return mig__conn_exec_n(c, sql, strlen(sql));
}

bool mig__conn_binds(const mig_conn *c)
{
	return c->driver->ops->exec_bound != NULL;
}

int mig__conn_exec_bound(mig_conn *c, const char *sql, const char *value)
{
	return c->driver->ops->exec_bound(c, sql, value);
}

bool mig__conn_one_round_trip(const mig_conn *c)
{
	return (c->caps & MIG_CAP_MULTI_STATEMENT) && c->driver->ops->exec_step;
}

bool mig__conn_step_atomic(const mig_conn *c, const mig_step *step)
{
	return step->n > 1 && mig__conn_one_round_trip(c);
}

int mig__conn_run_step_each(mig_conn *c, const mig_step *step, size_t *done, int (*after)(void *ud, size_t k),
			    void *ud)
{
	*done = 0;
	if (step->n == 0)
		return 0;
	if (mig__conn_one_round_trip(c)) {
		int rc = c->driver->ops->exec_step(c, step, done);
		return rc == 0 && after ? after(ud, *done) : rc;
	}
	for (size_t i = 0; i < step->n; i++) {
		int rc = c->driver->ops->exec(c, step->text + step->start[i], step->len[i]);
		if (rc)
			return rc;
		(*done)++;
		if (after && (rc = after(ud, *done)) != 0)
			return rc;
	}
	return 0;
}

int mig__conn_run_step(mig_conn *c, const mig_step *step, size_t *done)
{
	return mig__conn_run_step_each(c, step, done, NULL, NULL);
}

bool mig__conn_batches(const mig_conn *c)
{
	return (c->caps & MIG_CAP_BATCH) && c->driver->ops->exec_step;
}

int mig__conn_exec_batch(mig_conn *c, const mig_step *step, size_t *done)
{
	*done = 0;
	return step->n ? c->driver->ops->exec_step(c, step, done) : 0;
}

int mig__conn_query(mig_conn *c, const char *sql, mig_rows **out)
{
	return c->driver->ops->query(c, sql, out);
}

int mig__conn_begin(mig_conn *c, unsigned flags)
{
	return c->driver->ops->begin(c, flags);
}

int mig__conn_commit(mig_conn *c)
{
	return c->driver->ops->commit(c);
}

int mig__conn_rollback(mig_conn *c)
{
	return c->driver->ops->rollback(c);
}

void mig__conn_close(mig_conn *c)
{
	if (c)
		c->driver->ops->close(c);
}
