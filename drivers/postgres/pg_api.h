/*
 * Private to drivers/postgres/: libpq's functions, loaded when the driver
 * first connects (drivers/client_lib.h says why). The driver's files call
 * PQexec(...) and the rest as usual: each name below is a macro for the
 * loaded pointer, so a libpq function used without being listed here is a
 * link error, not a silent static dependency.
 */
#ifndef MIG_PG_API_H
#define MIG_PG_API_H

#include <libpq-fe.h>

/* Every libpq function the driver calls. */
#define MIG_PQ_FUNCTIONS(X) \
	X(PQbackendPID) \
	X(PQclear) \
	X(PQcmdStatus) \
	X(PQconnectdbParams) \
	X(PQconninfoFree) \
	X(PQconninfoParse) \
	X(PQdb) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQfinish) \
	X(PQfname) \
	X(PQfreemem) \
	X(PQgetCopyData) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetvalue) \
	X(PQhost) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQparameterStatus) \
	X(PQport) \
	X(PQputCopyEnd) \
	X(PQresultErrorField) \
	X(PQresultErrorMessage) \
	X(PQresultStatus) \
	X(PQsendQuery) \
	X(PQserverVersion) \
	X(PQsetNoticeReceiver) \
	X(PQstatus) \
	X(PQtransactionStatus) \
	X(PQuser)

struct mig__pq_api {
#define MIG_PQ_MEMBER(f) __typeof__(f) *f;
	MIG_PQ_FUNCTIONS(MIG_PQ_MEMBER)
#undef MIG_PQ_MEMBER
};

extern struct mig__pq_api mig__pq;

/* Loads libpq once (thread-safe); MIG_ENOTSUPPORTED with an install hint
 * when it is missing. Every connection starts with it. */
int mig__pq_load(void);

#ifndef MIG_PG_API_SELF
#define PQbackendPID (mig__pq.PQbackendPID)
#define PQclear (mig__pq.PQclear)
#define PQcmdStatus (mig__pq.PQcmdStatus)
#define PQconnectdbParams (mig__pq.PQconnectdbParams)
#define PQconninfoFree (mig__pq.PQconninfoFree)
#define PQconninfoParse (mig__pq.PQconninfoParse)
#define PQdb (mig__pq.PQdb)
#define PQerrorMessage (mig__pq.PQerrorMessage)
#define PQexec (mig__pq.PQexec)
#define PQfinish (mig__pq.PQfinish)
#define PQfname (mig__pq.PQfname)
#define PQfreemem (mig__pq.PQfreemem)
#define PQgetCopyData (mig__pq.PQgetCopyData)
#define PQgetResult (mig__pq.PQgetResult)
#define PQgetisnull (mig__pq.PQgetisnull)
#define PQgetvalue (mig__pq.PQgetvalue)
#define PQhost (mig__pq.PQhost)
#define PQnfields (mig__pq.PQnfields)
#define PQntuples (mig__pq.PQntuples)
#define PQparameterStatus (mig__pq.PQparameterStatus)
#define PQport (mig__pq.PQport)
#define PQputCopyEnd (mig__pq.PQputCopyEnd)
#define PQresultErrorField (mig__pq.PQresultErrorField)
#define PQresultErrorMessage (mig__pq.PQresultErrorMessage)
#define PQresultStatus (mig__pq.PQresultStatus)
#define PQsendQuery (mig__pq.PQsendQuery)
#define PQserverVersion (mig__pq.PQserverVersion)
#define PQsetNoticeReceiver (mig__pq.PQsetNoticeReceiver)
#define PQstatus (mig__pq.PQstatus)
#define PQtransactionStatus (mig__pq.PQtransactionStatus)
#define PQuser (mig__pq.PQuser)
#endif

#endif
