/*
 * Private to drivers/mysql/: the MySQL client library's functions (MariaDB
 * Connector/C or libmysqlclient), loaded when the driver first connects
 * (drivers/client_lib.h says why). The driver calls mysql_init(...) and
 * the rest as usual: each name below is a macro for the loaded pointer, so
 * a function used without being listed here is a link error.
 */
#ifndef MIG_MY_API_H
#define MIG_MY_API_H

#include <mysql.h>

/* Every client-library function the driver calls. */
#define MIG_MY_FUNCTIONS(X) \
	X(mysql_close) \
	X(mysql_errno) \
	X(mysql_error) \
	X(mysql_fetch_fields) \
	X(mysql_fetch_row) \
	X(mysql_field_count) \
	X(mysql_free_result) \
	X(mysql_get_server_info) \
	X(mysql_get_server_version) \
	X(mysql_get_ssl_cipher) \
	X(mysql_init) \
	X(mysql_next_result) \
	X(mysql_num_fields) \
	X(mysql_options) \
	X(mysql_real_connect) \
	X(mysql_real_query) \
	X(mysql_sqlstate) \
	X(mysql_store_result) \
	X(mysql_warning_count)

struct mig__my_api {
#define MIG_MY_MEMBER(f) __typeof__(f) *f;
	MIG_MY_FUNCTIONS(MIG_MY_MEMBER)
#undef MIG_MY_MEMBER
};

extern struct mig__my_api mig__my;

/* Loads the client library once (thread-safe); MIG_ENOTSUPPORTED with an
 * install hint when it is missing. Every connection starts with it. */
int mig__my_load(void);

#ifndef MIG_MY_API_SELF
#define mysql_close (mig__my.mysql_close)
#define mysql_errno (mig__my.mysql_errno)
#define mysql_error (mig__my.mysql_error)
#define mysql_fetch_fields (mig__my.mysql_fetch_fields)
#define mysql_fetch_row (mig__my.mysql_fetch_row)
#define mysql_field_count (mig__my.mysql_field_count)
#define mysql_free_result (mig__my.mysql_free_result)
#define mysql_get_server_info (mig__my.mysql_get_server_info)
#define mysql_get_server_version (mig__my.mysql_get_server_version)
#define mysql_get_ssl_cipher (mig__my.mysql_get_ssl_cipher)
#define mysql_init (mig__my.mysql_init)
#define mysql_next_result (mig__my.mysql_next_result)
#define mysql_num_fields (mig__my.mysql_num_fields)
#define mysql_options (mig__my.mysql_options)
#define mysql_real_connect (mig__my.mysql_real_connect)
#define mysql_real_query (mig__my.mysql_real_query)
#define mysql_sqlstate (mig__my.mysql_sqlstate)
#define mysql_store_result (mig__my.mysql_store_result)
#define mysql_warning_count (mig__my.mysql_warning_count)
#endif

#endif
