/*
 * Running the recorder (recorder.js) on one file: its command line, the
 * conversation (queries answered through mig_node_db), and its last line
 * turned into the IR (convert.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "load/node/node_int.h"

#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Generated from recorder.js by cmake/Embed.cmake. */
extern const char mig_node_recorder_js[];

/* Seconds one evaluation may take when the options say nothing: long
 * enough for a data migration's own JavaScript, short enough that a file
 * that never settles does not hold the lock for ever. */
#define DEFAULT_TIMEOUT_S 300

static bool has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

char *mig_node_program(const mig_load_opts *lo)
{
	const char *name = lo && lo->node ? lo->node : "node";
	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? mig_strdup(name) : NULL;
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *cand = n ? mig_aprintf("%.*s/%s", (int)n, p, name) : mig_aprintf("./%s", name);
		if (cand && access(cand, X_OK) == 0)
			return cand;
		mig__free(cand);
		if (!end)
			return NULL;
		p = end + 1;
	}
}

/* Evaluate: mode "load" (dir NULL) or "run" dir. *last gets the last
 * line (a result or an error), the caller frees it. */
static int evaluate(const mig_migration *m, const mig_load_opts *lo, const char *mode, const char *dir,
		    const mig_node_db *db, char **last, size_t *last_len)
{
	*last = NULL;
	char *program = mig_node_program(lo);
	if (!program)
		return mig_error_set_at(MIG_EINPUT, m->path, 0, 0,
					"Node.js engine: no Node.js program %s%s (give --node PATH)",
					lo && lo->node ? "at " : "`node` on PATH", lo && lo->node ? lo->node : "");
	bool ts = has_suffix(m->file, ".ts") || has_suffix(m->file, ".mts") || has_suffix(m->file, ".cts");
	const char *argv[12];
	size_t n = 0;
	argv[n++] = program;
	if (ts) {
		argv[n++] = "--experimental-strip-types";
		argv[n++] = "--disable-warning=ExperimentalWarning";
	}
	argv[n++] = "-e";
	argv[n++] = mig_node_recorder_js;
	argv[n++] = "--";
	argv[n++] = mode;
	argv[n++] = m->path;
	if (dir)
		argv[n++] = dir;
	argv[n] = NULL;
	mig__node_child c;
	int timeout = lo && lo->node_timeout > 0 ? lo->node_timeout : DEFAULT_TIMEOUT_S;
	int rc = mig__node_spawn(&c, program, argv, timeout, m->path);
	mig__free(program);
	if (rc)
		return rc;
	for (;;) {
		const char *line;
		size_t len;
		if ((rc = mig__node_read_line(&c, &line, &len)) != 0)
			break;
		mig_value *v = NULL;
		if ((rc = mig__node_json_parse(line, len, 0, 0, &v)) != 0) {
			mig_error_set_location(m->path, 0, 0);
			break;
		}
		const char *t = mig_object_str(v, "t");
		if (t && strcmp(t, "query") == 0 && db) {
			const char *sql = mig_object_str(v, "sql");
			const mig_value *params = mig_object_get(v, "params");
			mig_str reply = MIG_STR_INIT;
			if (!sql || !params || params->type != MIG_V_ARRAY)
				rc = mig_error_set_at(MIG_EINPUT, m->path, 0, 0, "Node.js engine: malformed query from the recorder");
			else if ((rc = db->query(db->ud, sql, params, &reply)) == 0) {
				mig_str_putc(&reply, '\n');
				rc = mig_str_failed(&reply) ? mig_error_oom()
							    : mig__node_write(&c, mig_str_cstr(&reply), mig_str_len(&reply));
			}
			mig_str_free(&reply);
			mig_value_free(v);
			if (rc)
				break;
			continue;
		}
		if (t && (strcmp(t, "result") == 0 || strcmp(t, "error") == 0)) {
			mig_value_free(v);
			if (!(*last = mig_strndup(line, len)))
				rc = mig_error_oom();
			*last_len = len;
			break;
		}
		mig_value_free(v);
		rc = mig_error_set_at(MIG_EINPUT, m->path, 0, 0, "Node.js engine: unexpected message from the recorder");
		break;
	}
	mig__node_finish(&c);
	if (rc && mig_error_last() && !mig_error_last()->file)
		mig_error_set_location(m->path, 0, 0);
	return rc;
}

int mig_node_load(mig_migration *m, const mig_load_opts *lo)
{
	char *last = NULL;
	size_t len = 0;
	int rc = evaluate(m, lo, "load", NULL, NULL, &last, &len);
	if (rc == 0)
		rc = mig__node_load_json(m, last, len);
	mig__free(last);
	return rc;
}

int mig_node_run(const mig_migration *m, bool down, const mig_load_opts *lo, const mig_node_db *db,
		 mig_oplist *ops, bool *no_tx)
{
	memset(ops, 0, sizeof(*ops));
	*no_tx = false;
	const char *dir = down ? "down" : "up";
	char *last = NULL;
	size_t len = 0;
	int rc = evaluate(m, lo, "run", dir, db, &last, &len);
	mig_value *msg = NULL;
	if (rc == 0 && (rc = mig__node_json_parse(last, len, 0, 0, &msg)) != 0)
		mig_error_set_location(m->path, 0, 0);
	mig__free(last);
	if (rc)
		return rc;
	const char *t = mig_object_str(msg, "t");
	const mig_value *d = mig_object_get(msg, dir);
	if (t && strcmp(t, "error") == 0)
		rc = mig__node_error(m, msg);
	else if (!d || d->type != MIG_V_OBJECT)
		rc = mig_error_set_at(MIG_EINPUT, m->path, 0, 0, "Node.js engine: malformed record from the recorder (%s)", dir);
	else
		rc = mig__node_ops(m, dir, d, ops, no_tx);
	mig_value_free(msg);
	if (rc)
		mig_oplist_free(ops);
	return rc;
}
