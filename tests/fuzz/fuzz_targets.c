/*
 * libFuzzer harness for the --targets file of fleets,
 * mig_cli_targets_next() (src/cli/fleet.c), on arbitrary bytes read
 * through fmemopen(), and for what the fleet does with each line: the
 * URL shown for the target (mig_url_shown) and its parse.
 *
 * Properties: each target is non-empty, has no blank at either end, is
 * no '#' comment, and lies on a line of the text (numbers increasing,
 * the target found on that line); a NUL byte is an error naming its
 * line; every line that holds something else than blanks or a comment
 * is a target; the shown form never fails; everything is freed.
 */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_util.h"

#include "cli/fleet.h"
#include "engine/url.h"

#include <ctype.h>

/* Line `line` (1-based) of text[0..size): its start and length. */
static bool line_of(const char *text, size_t size, long line, size_t *at, size_t *len)
{
	size_t i = 0;
	for (long l = 1; l < line; l++) {
		const char *nl = memchr(text + i, '\n', size - i);
		if (!nl)
			return false;
		i = (size_t)(nl - text) + 1;
	}
	if (i > size || (i == size && line > 1))
		return false;
	const char *nl = memchr(text + i, '\n', size - i);
	*at = i;
	*len = (nl ? (size_t)(nl - text) : size) - i;
	return true;
}

/* Whether a line is one the reader skips: blank, or a '#' comment. */
static bool skipped(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return i == n || s[i] == '#';
}

static void body(const char *text, size_t size, bool oom)
{
	if (!size)
		return; /* (POSIX lets fmemopen refuse a size of 0) */
	FILE *f = fmemopen((void *)text, size, "r");
	CHECK(f);
	mig_cli_targets t;
	memset(&t, 0, sizeof(t));
	t.f = f;
	t.own = true;
	t.path = "fuzz.targets";
	const char *url;
	long line, prev = 0;
	int rc;
	while ((rc = mig_cli_targets_next(&t, &url, &line)) == 1) {
		char *shown = mig_url_shown(url);
		CHECK(shown || oom);
		mig__free(shown);
		mig_url u;
		if (mig_url_parse(url, &u) == 0)
			mig_url_dispose(&u);
		mig_error_clear();
		if (oom)
			continue;
		CHECK(*url && !isspace((unsigned char)url[0]) && !isspace((unsigned char)url[strlen(url) - 1]));
		CHECK(url[0] != '#');
		CHECK(line > prev);
		size_t at, len;
		CHECK(line_of(text, size, line, &at, &len));
		/* the lines between hold nothing but blanks and comments */
		for (long l = prev + 1; l < line; l++) {
			size_t a, n;
			CHECK(line_of(text, size, l, &a, &n));
			CHECK(skipped(text + a, n));
		}
		size_t ul = strlen(url);
		CHECK(ul <= len);
		bool found = false;
		for (size_t k = at; !found && k + ul <= at + len; k++)
			found = memcmp(text + k, url, ul) == 0;
		CHECK(found);
		prev = line;
	}
	if (!oom) {
		if (rc == 0) {
			CHECK(!memchr(text, '\0', size));
			/* and no target after the last one */
			size_t a, n;
			for (long l = prev + 1; line_of(text, size, l, &a, &n); l++)
				CHECK(skipped(text + a, n));
		} else {
			fuzz_check_failed(rc);
			CHECK(rc == MIG_EUSAGE && memchr(text, '\0', size));
			CHECK(strstr(mig_error_last()->message, "NUL byte"));
		}
	}
	mig_error_clear();
	mig_cli_targets_close(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	fuzz_run(body, text, size);
	free(text);
	return 0;
}
