/* escapeValue() for every dialect (values.h). */
#include "dialects/common/values.h"

#include "util/error.h"

#include <string.h>

static bool object_literal(const mig_value *v)
{
	const mig_value *l = mig_object_get(v, "literal");
	return l && l->type == MIG_V_BOOL && l->b;
}

/* ARRAY[...] with every inner "ARRAY" removed, as node-pg-migrate does. */
static int array(mig_str *out, const mig_value *v, const mig_value_style *st)
{
	mig_str inner = MIG_STR_INIT;
	int rc = 0;
	for (size_t i = 0; i < v->n && rc == 0; i++) {
		if (i)
			mig_str_putc(&inner, ',');
		rc = mig_escape_value(&inner, v->items[i], st);
	}
	if (rc == 0) {
		mig_str_puts(out, "ARRAY[");
		const char *t = mig_str_cstr(&inner);
		for (size_t i = 0; i < inner.len;) {
			if (inner.len - i >= 5 && memcmp(t + i, "ARRAY", 5) == 0) {
				i += 5;
				continue;
			}
			mig_str_putc(out, t[i++]);
		}
		mig_str_putc(out, ']');
		if (mig_str_failed(&inner))
			out->failed = true;
	}
	mig_str_free(&inner);
	return rc;
}

int mig_escape_value(mig_str *out, const mig_value *v, const mig_value_style *st)
{
	if (mig_value_is_undefined(v))
		return 0;
	switch (v->type) {
	case MIG_V_NULL:
		mig_str_puts(out, "NULL");
		break;
	case MIG_V_BOOL:
		mig_str_puts(out, v->b ? st->true_word : st->false_word);
		break;
	case MIG_V_NUMBER:
		mig_number_to_js(out, v->num);
		break;
	case MIG_V_STRING:
		st->string(out, v->str, v->len);
		break;
	case MIG_V_LITERAL:
		mig_str_put(out, v->str, v->len);
		break;
	case MIG_V_ARRAY:
		if (!st->arrays)
			return MIG_ENOTSUPPORTED;
		return array(out, v, st);
	case MIG_V_OBJECT:
		if (st->object_literals && object_literal(v))
			mig_js_string(out, mig_object_get(v, "value"));
		break;
	case MIG_V_UNDEFINED:
		break;
	}
	return 0;
}
