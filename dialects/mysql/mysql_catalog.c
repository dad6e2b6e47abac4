/* STUB: the reader of a live MySQL database arrives with MySQL part 2 (being written). */
#include "dialects/mysql/mysql_int.h"

int mig__my_introspect(const mig_query_io *io, enum mig_introspect_what what, const char *name, mig_model *m,
		       bool *found)
{
	(void)io;
	(void)what;
	(void)name;
	(void)m;
	if (found)
		*found = false;
	return 0;
}
