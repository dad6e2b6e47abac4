/* The public accessors of an error (migrations/errors.h): the struct
 * stays internal, so its members may change without breaking programs. */
#include "util/error.h"

int mig_error_get_code(const mig_error *e)
{
	return e ? e->code : MIG_OK;
}

const char *mig_error_get_message(const mig_error *e)
{
	return e && e->message ? e->message : "no error";
}

const char *mig_error_get_file(const mig_error *e)
{
	return e ? e->file : NULL;
}

int mig_error_get_line(const mig_error *e)
{
	return e ? e->line : 0;
}

int mig_error_get_column(const mig_error *e)
{
	return e ? e->column : 0;
}

const char *mig_error_get_statement(const mig_error *e)
{
	return e ? e->statement : NULL;
}

const char *mig_error_get_sqlstate(const mig_error *e)
{
	return e ? e->sqlstate : NULL;
}

const char *mig_error_get_detail(const mig_error *e)
{
	return e ? e->detail : NULL;
}

const char *mig_error_get_hint(const mig_error *e)
{
	return e ? e->hint : NULL;
}

const char *mig_error_get_note(const mig_error *e)
{
	return e ? e->note : NULL;
}
