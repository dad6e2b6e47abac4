/*
 * .sql files written for other tools, read as those tools read them.
 *
 * A file's markers alone say whose format it is (docs/migration-format.md):
 *   goose:  a line "-- +goose <annotation>" (case-blind, at the start of
 *           the line: Up, Down, StatementBegin, StatementEnd, NO TRANSACTION);
 *   dbmate: a line "-- migrate:up" or "-- migrate:down" (as dbmate's own
 *           regular expressions ^--\s*migrate:up(\s|$) match it: lower case,
 *           at the start of the line), options after it ("transaction:false");
 *   otherwise node-pg-migrate's (sql.c): its "-- Up Migration" markers, or
 *           none, when the whole file is up.
 * Before this, a dbmate file ran as one all-up script (its down after its
 * up, in the same migrate) without a word: so markers of two tools in one
 * file are an error rather than a guess.
 *
 * golang-migrate pairs (N_name.up.sql + N_name.down.sql) are paired by
 * discovery; each file is one direction, read whole.
 */
#include "load/load.h"

#include "util/error.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* A line of text: [at, end) without its line break; next: the next line. */
typedef struct line {
	size_t at, end, next;
	int no;
} line;

static bool next_line(const char *text, size_t len, line *l)
{
	if (l->no > 0 && l->next >= len)
		return false;
	l->at = l->no > 0 ? l->next : 0;
	l->no++;
	size_t e = l->at;
	while (e < len && text[e] != '\n')
		e++;
	l->next = e < len ? e + 1 : len;
	if (e > l->at && text[e - 1] == '\r')
		e--;
	l->end = e;
	return true;
}

static bool blank(int c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

static size_t skip_blanks(const char *t, size_t i, size_t end)
{
	while (i < end && blank((unsigned char)t[i]))
		i++;
	return i;
}

static bool prefix_ci(const char *t, size_t i, size_t end, const char *word)
{
	size_t n = strlen(word);
	if (end - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (tolower((unsigned char)t[i + k]) != word[k])
			return false;
	return true;
}

/* ---- goose ----------------------------------------------------------------- */

enum goose_kind { G_NONE, G_UP, G_DOWN, G_BEGIN, G_END, G_NO_TX, G_ENVSUB, G_UNKNOWN };

/*
 * The goose annotation on line l: "--", blanks, "+goose" (any case), blanks,
 * the annotation (any case, blanks inside collapsed). *indented: the same
 * after leading blanks, which goose does not read as an annotation.
 */
static enum goose_kind goose_annotation(const char *t, const line *l, bool *indented)
{
	size_t i = l->at, end = l->end;
	*indented = false;
	size_t j = skip_blanks(t, i, end);
	if (end - j < 2 || t[j] != '-' || t[j + 1] != '-')
		return G_NONE;
	size_t k = skip_blanks(t, j + 2, end);
	if (!prefix_ci(t, k, end, "+goose"))
		return G_NONE;
	k += 6;
	if (k < end && !blank((unsigned char)t[k]))
		return G_NONE; /* "+gooseberry" */
	*indented = j != i;
	/* the annotation's words, lower case, single blanks */
	char word[32];
	size_t n = 0;
	for (k = skip_blanks(t, k, end); k < end;) {
		if (blank((unsigned char)t[k])) {
			k = skip_blanks(t, k, end);
			if (k < end && n < sizeof(word) - 1)
				word[n++] = ' ';
			continue;
		}
		if (n < sizeof(word) - 1)
			word[n++] = (char)tolower((unsigned char)t[k]);
		k++;
	}
	word[n] = '\0';
	static const struct {
		const char *w;
		enum goose_kind k;
	} known[] = {{"up", G_UP},		{"down", G_DOWN},	  {"statementbegin", G_BEGIN},
		     {"statementend", G_END},	{"no transaction", G_NO_TX}, {"envsub on", G_ENVSUB},
		     {"envsub off", G_ENVSUB}};
	for (size_t x = 0; x < sizeof(known) / sizeof(known[0]); x++)
		if (strcmp(word, known[x].w) == 0)
			return known[x].k;
	return G_UNKNOWN;
}

/* A line that goose skips before "-- +goose Up": blank, or a comment. */
static bool comment_or_blank(const char *t, const line *l)
{
	size_t i = skip_blanks(t, l->at, l->end);
	return i == l->end || (l->end - i >= 2 && t[i] == '-' && t[i + 1] == '-');
}

static int load_goose(mig_migration *m, const char *text, size_t len)
{
	enum { START, UP, DOWN } state = START;
	bool in_block = false;
	int block_line = 0, up_line = 0;
	size_t chunk = 0; /* where the SQL not yet pushed begins */
	int chunk_line = 1;
	int rc = 0;
	line l = {0};
	while (rc == 0 && next_line(text, len, &l)) {
		bool indented;
		enum goose_kind k = goose_annotation(text, &l, &indented);
		mig_oplist *ops = state == DOWN ? &m->down : &m->up;
		if (k == G_NONE) {
			if (state == START && !comment_or_blank(text, &l))
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "SQL before the \"-- +goose Up\" annotation (goose reads nothing there)");
			continue;
		}
		if (indented) {
			rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
					      "a goose annotation must start its line (goose takes an indented one for a comment)");
			break;
		}
		switch (k) {
		case G_UP:
			if (state != START)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "a second \"-- +goose Up\" annotation (the first is at line %d)", up_line);
			state = UP;
			up_line = l.no;
			break;
		case G_DOWN:
			if (state == START)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1, "\"-- +goose Down\" before any \"-- +goose Up\"");
			else if (state == DOWN)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1, "a second \"-- +goose Down\" annotation");
			else if (in_block)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "\"-- +goose Down\" inside a statement block (its StatementBegin is at line %d)", block_line);
			else
				rc = mig__sql_push_section(ops, text + chunk, l.at - chunk, chunk_line);
			state = DOWN;
			break;
		case G_BEGIN:
			if (state == START)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "\"-- +goose StatementBegin\" before \"-- +goose Up\"");
			else if (in_block)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "a StatementBegin inside another statement block (begun at line %d)", block_line);
			else
				rc = mig__sql_push_section(ops, text + chunk, l.at - chunk, chunk_line);
			in_block = true;
			block_line = l.no;
			break;
		case G_END:
			/* the block, one statement: an operation of its own */
			if (!in_block)
				rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						      "\"-- +goose StatementEnd\" without a StatementBegin before it");
			else
				rc = mig__sql_push_section(ops, text + chunk, l.at - chunk, chunk_line);
			in_block = false;
			break;
		case G_NO_TX:
			/* goose: both directions, wherever the annotation stands */
			m->up_no_transaction = m->down_no_transaction = true;
			continue; /* a comment: it stays in the SQL around it */
		case G_ENVSUB:
			rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
					      "\"-- +goose ENVSUB\" is not supported: this tool does not substitute environment variables into SQL");
			break;
		default:
			rc = mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
					      "unknown goose annotation \"%.*s\" (goose knows Up, Down, StatementBegin, StatementEnd and NO TRANSACTION)",
					      (int)(l.end - l.at), text + l.at);
			break;
		}
		chunk = l.next;
		chunk_line = l.no + 1;
	}
	if (rc)
		return rc;
	if (in_block)
		return mig_error_set_at(MIG_EINPUT, m->path, block_line, 1,
					"\"-- +goose StatementBegin\" without its StatementEnd");
	if (state == START)
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"a goose migration needs a \"-- +goose Up\" annotation (it has other goose annotations)");
	/* Without "-- +goose Down" goose rolls the migration back running
	 * nothing: an empty down, not a refusal. */
	m->down_kind = MIG_ACTION_FUNCTION;
	return mig__sql_push_section(state == DOWN ? &m->down : &m->up, text + chunk, len - chunk, chunk_line);
}

/* ---- dbmate ---------------------------------------------------------------- */

/* dbmate's marker on line l: "--", blanks, "migrate:up" or "migrate:down"
 * followed by a blank or the end (case matters, as in dbmate).
 * *opts: where the options after it begin. */
static int dbmate_marker(const char *t, const line *l, size_t *opts)
{
	size_t i = l->at, end = l->end;
	if (end - i < 2 || t[i] != '-' || t[i + 1] != '-')
		return 0;
	i = skip_blanks(t, i + 2, end);
	static const char *const words[] = {"migrate:up", "migrate:down"};
	for (int w = 0; w < 2; w++) {
		size_t n = strlen(words[w]);
		if (end - i >= n && memcmp(t + i, words[w], n) == 0 && (i + n == end || blank((unsigned char)t[i + n]))) {
			*opts = i + n;
			return w + 1; /* 1 up, 2 down */
		}
	}
	return 0;
}

/* "transaction:false" (the only option dbmate has) after a marker. */
static int dbmate_options(const mig_migration *m, const char *t, const line *l, size_t at, bool *no_tx)
{
	for (size_t i = skip_blanks(t, at, l->end); i < l->end; i = skip_blanks(t, i, l->end)) {
		size_t e = i;
		while (e < l->end && !blank((unsigned char)t[e]))
			e++;
		size_t n = e - i;
		if (n == 17 && memcmp(t + i, "transaction:false", 17) == 0)
			*no_tx = true;
		else if (n == 16 && memcmp(t + i, "transaction:true", 16) == 0)
			*no_tx = false;
		else
			return mig_error_set_at(MIG_EINPUT, m->path, l->no, (int)(i - l->at) + 1,
						"unknown dbmate option \"%.*s\" (dbmate knows transaction:false and transaction:true)",
						(int)n, t + i);
		i = e;
	}
	return 0;
}

static int load_dbmate(mig_migration *m, const char *text, size_t len)
{
	line up = {0}, down = {0}, l = {0};
	size_t up_opts = 0, down_opts = 0;
	while (next_line(text, len, &l)) {
		size_t opts;
		int w = dbmate_marker(text, &l, &opts);
		if (w == 0) {
			if (up.no == 0 && down.no == 0 && !comment_or_blank(text, &l))
				return mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
							"SQL before the \"-- migrate:up\" marker (dbmate refuses statements there)");
			continue;
		}
		line *seen = w == 1 ? &up : &down;
		if (seen->no)
			return mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						"a second \"-- migrate:%s\" marker (the first is at line %d)", w == 1 ? "up" : "down",
						seen->no);
		if (w == 1 && down.no)
			return mig_error_set_at(MIG_EINPUT, m->path, l.no, 1,
						"\"-- migrate:up\" after \"-- migrate:down\" (line %d): dbmate needs up first", down.no);
		*seen = l;
		*(w == 1 ? &up_opts : &down_opts) = opts;
	}
	if (!up.no)
		return mig_error_set_at(MIG_EINPUT, m->path, down.no, 1,
					"a dbmate migration needs a \"-- migrate:up\" marker before its \"-- migrate:down\"");
	if (!down.no)
		return mig_error_set_at(MIG_EINPUT, m->path, up.no, 1,
					"a dbmate migration needs a \"-- migrate:down\" marker too (dbmate refuses a file without one; leave the section empty for a rollback that runs nothing)");
	int rc = dbmate_options(m, text, &up, up_opts, &m->up_no_transaction);
	if (rc == 0)
		rc = dbmate_options(m, text, &down, down_opts, &m->down_no_transaction);
	if (rc == 0)
		rc = mig__sql_push_section(&m->up, text + up.at, down.at - up.at, up.no);
	m->down_kind = MIG_ACTION_FUNCTION;
	if (rc == 0)
		rc = mig__sql_push_section(&m->down, text + down.at, len - down.at, down.no);
	return rc;
}

/* ---- which format ------------------------------------------------------------ */

static const char *const format_names[] = {"node-pg-migrate", "dbmate", "goose"};
static const char *const format_markers[] = {"-- Up Migration", "-- migrate:up", "-- +goose Up"};

int mig__sql_detect(const char *path, const char *text, size_t len, enum mig_sql_format *format, int *line_no)
{
	int first[3] = {0, 0, 0};
	line l = {0};
	while (next_line(text, len, &l)) {
		bool indented;
		size_t opts;
		enum goose_kind g = goose_annotation(text, &l, &indented);
		if (g != G_NONE && indented)
			return mig_error_set_at(MIG_EINPUT, path, l.no, 1,
						"a goose annotation must start its line (goose takes an indented one for a comment)");
		if (g != G_NONE && !first[MIG_SQL_GOOSE])
			first[MIG_SQL_GOOSE] = l.no;
		if (dbmate_marker(text, &l, &opts) && !first[MIG_SQL_DBMATE])
			first[MIG_SQL_DBMATE] = l.no;
	}
	/* node-pg-migrate's markers, where its own regular expression finds them */
	static const char *const dirs[] = {"up", "down"};
	for (int d = 0; d < 2; d++) {
		long at = mig_sql_find_marker(text, len, dirs[d]);
		if (at < 0)
			continue;
		size_t i = (size_t)at;
		while (i < len && isspace((unsigned char)text[i]))
			i++;
		int no = mig__sql_line_of(text, i);
		if (!first[MIG_SQL_NODE_PG_MIGRATE] || no < first[MIG_SQL_NODE_PG_MIGRATE])
			first[MIG_SQL_NODE_PG_MIGRATE] = no;
	}
	int a = -1, b = -1; /* the two earliest formats present */
	for (int f = 0; f < 3; f++) {
		if (!first[f])
			continue;
		if (a < 0 || first[f] < first[a]) {
			b = a;
			a = f;
		} else if (b < 0 || first[f] < first[b]) {
			b = f;
		}
	}
	if (b >= 0)
		return mig_error_set_at(MIG_EINPUT, path, first[b], 1,
					"a %s marker (%s...) in a file that line %d makes %s's: a .sql file follows one tool's format; mixing markers of two is an error",
					format_names[b], format_markers[b], first[a], format_names[a]);
	*format = a < 0 ? MIG_SQL_NODE_PG_MIGRATE : (enum mig_sql_format)a;
	*line_no = a < 0 ? 0 : first[a];
	return 0;
}

int mig_load_sql_text(mig_migration *m, const char *text, size_t len)
{
	m->source = MIG_SOURCE_SQL;
	m->up_kind = MIG_ACTION_FUNCTION;
	enum mig_sql_format format;
	int line_no;
	int rc = mig__sql_detect(m->path, text, len, &format, &line_no);
	if (rc)
		return rc;
	switch (format) {
	case MIG_SQL_DBMATE:
		rc = load_dbmate(m, text, len);
		break;
	case MIG_SQL_GOOSE:
		rc = load_goose(m, text, len);
		break;
	default:
		rc = mig__load_npm_sql(m, text, len);
		break;
	}
	/* a failure loads nothing: not the up section without its down */
	if (rc) {
		mig_oplist_free(&m->up);
		mig_oplist_free(&m->down);
	}
	return rc;
}

int mig__load_sql_whole(mig_migration *m, const char *path, const char *text, size_t len, bool down)
{
	enum mig_sql_format format;
	int line_no;
	int rc = mig__sql_detect(path, text, len, &format, &line_no);
	if (rc)
		return rc;
	if (line_no)
		return mig_error_set_at(MIG_EINPUT, path, line_no, 1,
					"a %s marker in a golang-migrate %s file: such a file is one direction, read whole (rename it without .%s, or take the marker out)",
					format_names[format], down ? ".down.sql" : ".up.sql", down ? "down" : "up");
	m->source = MIG_SOURCE_SQL;
	if (down)
		m->down_kind = MIG_ACTION_FUNCTION;
	else
		m->up_kind = MIG_ACTION_FUNCTION;
	return mig__sql_push_section(down ? &m->down : &m->up, text, len, 1);
}
