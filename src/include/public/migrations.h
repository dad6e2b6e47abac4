/**
 * @file migrations.h
 * @brief The migrations library: everything a program needs, in one
 * include. See docs/library.md.
 *
 *     #include <migrations.h>
 *
 * Every name is prefixed `mig_` / `MIG_`. Calls return 0 or a negative
 * MIG_E* code (migrations/errors.h); what they return to the caller is
 * freed with mig_free().
 */
#ifndef MIGRATIONS_H_PUBLIC
#define MIGRATIONS_H_PUBLIC

#include "migrations/common.h"
#include "migrations/version.h"
#include "migrations/errors.h"
#include "migrations/session.h"
#include "migrations/status.h"

#endif
