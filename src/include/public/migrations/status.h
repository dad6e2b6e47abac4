/**
 * @file migrations/status.h
 * @brief Which migrations are applied, pending or failed.
 */
#ifndef MIGRATIONS_STATUS_H
#define MIGRATIONS_STATUS_H

#include "migrations/common.h"
#include "migrations/session.h"

#include <stddef.h>

MIG_BEGIN_DECL

/** The migrations of a session and their state (opaque; free with
 * mig_free). Applied ones in the order they ran, then pending ones in
 * file order. */
typedef struct mig_status_list mig_status_list;

typedef enum mig_status_state {
	MIG_STATUS_PENDING = 0,
	MIG_STATUS_APPLIED,
	/** It ran outside a transaction and failed half-way, or its run was
	 * interrupted: no run changes anything until mig_session_repair(). */
	MIG_STATUS_FAILED
} mig_status_state;

/** Read the state (no lock taken, nothing created). */
MIG_EXTERN int mig_session_status(mig_status_list **out, mig_session *s);

/** How many entries; entries are 0 .. count-1. */
MIG_EXTERN size_t mig_status_count(const mig_status_list *list);
/*
 * An entry's parts; strings are borrowed from the list. An index out of
 * range gives NULL (or MIG_STATUS_PENDING).
 */
/** The migration's name (its file name without the extension). */
MIG_EXTERN const char *mig_status_name(const mig_status_list *list, size_t i);
MIG_EXTERN mig_status_state mig_status_state_of(const mig_status_list *list, size_t i);
/** When it ran ("2026-12-02 10:11:12..."), NULL when it is pending. */
MIG_EXTERN const char *mig_status_run_on(const mig_status_list *list, size_t i);
/** The file's path, NULL when an applied migration's file is gone. */
MIG_EXTERN const char *mig_status_file(const mig_status_list *list, size_t i);
/** A failed migration's error message, or NULL. */
MIG_EXTERN const char *mig_status_error(const mig_status_list *list, size_t i);

MIG_END_DECL

#endif
