/* The catalog a dialect reads the live tables through (dialects/catalog.h). */
#ifndef MIG_CATALOG_H
#define MIG_CATALOG_H

#include "dialects/catalog.h"
#include "drivers/driver.h"

/* A catalog whose queries go to conn (borrowed; conn must outlive it). */
mig_catalog mig_catalog_for_conn(mig_conn *conn);

#endif
