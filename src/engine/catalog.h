/* The catalog a dialect reads the live tables through. */
#ifndef MIG_CATALOG_H
#define MIG_CATALOG_H

#include "dialects/dialect.h"

/* A catalog whose queries go to conn (borrowed; conn must outlive it). */
mig_catalog mig_catalog_for_conn(mig_conn *conn);

#endif
