/**
 * @file migrations/common.h
 * @brief What every public header needs: the export macro, C++ linkage,
 * and mig_free() for the objects the library hands out.
 */
#ifndef MIGRATIONS_COMMON_H
#define MIGRATIONS_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define MIG_BEGIN_DECL extern "C" {
#define MIG_END_DECL }
#else
#define MIG_BEGIN_DECL
#define MIG_END_DECL
#endif

/*
 * The shared library is built with -fvisibility=hidden: only what is
 * declared with MIG_EXTERN is exported, so the library's internal
 * functions can neither clash with a program's nor become part of the ABI.
 */
#if defined(__GNUC__) && __GNUC__ >= 4
#define MIG_EXTERN __attribute__((visibility("default")))
#else
#define MIG_EXTERN
#endif

MIG_BEGIN_DECL

/**
 * Free anything the library returned to the caller: a session
 * (mig_session_open), a status list (mig_session_status), a string
 * (mig_session_sql). NULL is a no-op. Memory from anywhere else must not
 * be passed here, and what the library returns must not be passed to the
 * C library's free().
 */
MIG_EXTERN void mig_free(void *object);

MIG_END_DECL

#endif
