/* The catalog's model and its lazy reads (dialects/catalog.h). */
#include "dialects/catalog.h"

#include "util/error.h"

#include <string.h>

void mig_catalog_init(mig_catalog *c, const mig_catalog_source *source)
{
	memset(c, 0, sizeof(*c));
	c->source = source;
	c->complete = source == NULL;
	c->enums_loaded = source == NULL;
}

void mig_catalog_dispose(mig_catalog *c)
{
	mig_model_dispose(&c->model);
	mig_strv_free(&c->looked_up);
}

void mig_catalog_reset(mig_catalog *c)
{
	if (!c->source)
		return;
	mig_model_dispose(&c->model);
	mig_strv_free(&c->looked_up);
	c->complete = c->enums_loaded = false;
}

void mig_catalog_bound(mig_catalog *c, size_t max_tables)
{
	if (c->model.ntables > max_tables)
		mig_catalog_reset(c);
}

int mig_catalog_freeze(mig_catalog *c)
{
	const mig_model *m;
	int rc = mig_catalog_schema(c, &m);
	if (rc == 0)
		c->source = NULL;
	return rc;
}

static bool looked_up(const mig_catalog *c, const char *name)
{
	for (size_t i = 0; i < c->looked_up.n; i++)
		if (mig_model_ieq(c->looked_up.v[i], name))
			return true;
	return false;
}

int mig_catalog_table(mig_catalog *c, const char *name, const mig_mtable **out)
{
	*out = mig_model_table(&c->model, name);
	if (*out || c->complete || !c->source || looked_up(c, name))
		return 0;
	bool found = false;
	int rc = c->source->table(c->source->ud, &c->model, name, &found);
	if (rc == 0)
		rc = mig_strv_pushdup(&c->looked_up, name);
	if (rc == 0)
		*out = mig_model_table(&c->model, name);
	return rc;
}

int mig_catalog_schema(mig_catalog *c, const mig_model **out)
{
	*out = &c->model;
	if (c->complete)
		return 0;
	/* read it afresh: a partial model must not mix with the full read */
	mig_model_dispose(&c->model);
	int rc = c->source->all(c->source->ud, &c->model);
	if (rc)
		return rc;
	c->complete = c->enums_loaded = true;
	return 0;
}

int mig_catalog_enum(mig_catalog *c, const char *name, const mig_menum **out)
{
	*out = NULL;
	if (!c->enums_loaded) {
		int rc = c->source->enums(c->source->ud, &c->model);
		if (rc)
			return rc;
		c->enums_loaded = true;
	}
	*out = mig_model_enum(&c->model, name);
	return 0;
}

mig_model *mig_catalog_model(mig_catalog *c)
{
	return &c->model;
}
