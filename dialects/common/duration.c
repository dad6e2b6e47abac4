#include "dialects/common/duration.h"

#include "util/error.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

int mig_duration_ms(const char *text, const char *what, long long *ms)
{
	static const struct {
		const char *unit;
		double ms;
	} units[] = {{"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}};
	const char *p = text;
	while (isspace((unsigned char)*p))
		p++;
	double v = 0, scale = 0;
	bool digits = false, dot = false;
	for (; isdigit((unsigned char)*p) || (*p == '.' && !dot); p++) {
		if (*p == '.') {
			dot = true;
			scale = 1;
			continue;
		}
		digits = true;
		if (dot) {
			scale /= 10;
			v += (*p - '0') * scale;
		} else {
			v = v * 10 + (*p - '0');
		}
		if (v > 1e15)
			break;
	}
	while (isspace((unsigned char)*p))
		p++;
	const char *u = p;
	size_t ul = strlen(u);
	while (ul && isspace((unsigned char)u[ul - 1]))
		ul--;
	for (size_t i = 0; digits && v <= 1e15 && i < sizeof(units) / sizeof(units[0]); i++) {
		if (strlen(units[i].unit) == ul && strncmp(units[i].unit, u, ul) == 0) {
			double r = v * units[i].ms;
			/* a fraction of a millisecond still limits something */
			*ms = (long long)r + (r > (double)(long long)r);
			return 0;
		}
	}
	return mig_error_set(MIG_EINPUT, "%s '%s' is not a duration (use e.g. 250ms, 10s, 5min, 1h, 2d)", what, text);
}
