/*
 * libFuzzer harness for the JS/TS migration loader. It feeds arbitrary
 * bytes straight to mig_load_js_text() -- without the UTF-8 and NUL checks
 * mig_load_file() does first, so the tokenizer must cope with anything --
 * then walks the result the way the emitters do.
 */
#include "load/load.h"

#include "util/error.h"
#include "ir/ir.h"
#include "util/str.h"
#include "ir/value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const mig_oplist *ops, mig_str *out)
{
	for (size_t i = 0; i < ops->n; i++) {
		mig_str_puts(out, ops->ops[i].name);
		mig_value_dump(out, ops->ops[i].args);
		mig_str_putc(out, '\n');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	if (size)
		memcpy(text, data, size);
	text[size] = '\0';
	mig_migration m;
	memset(&m, 0, sizeof(m));
	m.path = mig_strdup("fuzz.js");
	int rc = mig_load_js_text(&m, text, size);
	mig_str out = MIG_STR_INIT;
	if (rc == 0) {
		walk(&m.up, &out);
		walk(&m.down, &out);
		mig_value_dump(&out, m.shorthands);
	} else {
		/* a failure always leaves one message with a position */
		const mig_error *e = mig_error_last();
		if (!e || !e->message || (rc == MIG_EINPUT && e->line < 1))
			abort();
		if (m.up.n || m.down.n || m.shorthands)
			abort();
	}
	mig_str_free(&out);
	mig_migration_dispose(&m);
	mig_error_clear();
	free(text);
	return 0;
}
