/*
 * Planning: which migrations a command runs, from the files on disk and
 * the names recorded in the state table. Pure functions (no I/O), so the
 * rules are unit-tested directly.
 */
#ifndef MIG_PLAN_H
#define MIG_PLAN_H

#include "engine/discover.h"
#include "migrations.h"

/* node-pg-migrate's check-order: the i-th applied name must be the i-th
 * file for every i both lists have. MIG_EORDER; with node-pg-migrate's
 * message ("Not run migration ...") when both are files, and with one
 * that names the cause when the applied one has no file (deleted, or left
 * out by ignore_pattern, which may be NULL). */
int mig_check_order(const mig_set *files, const mig_strv *applied, const char *ignore_pattern);

/* Indices into files, in the order they run (*idx: caller frees). */
int mig_plan_up(const mig_set *files, const mig_strv *applied, const mig_target *t,
		bool timestamp, size_t **idx, size_t *n);
int mig_plan_down(const mig_set *files, const mig_strv *applied, const mig_target *t,
		  bool timestamp, size_t **idx, size_t *n);

#endif
