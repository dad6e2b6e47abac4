/* The config file of config.h. */
#include "cli/config.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <stdio.h>
#include <string.h>

/* node-pg-migrate keys about loading TypeScript or TLS, which this tool
 * has no use for (it reads .ts files itself). */
static const char *const ignored_keys[] = {"tsconfig", "tsconfig-paths", "tsconfigPaths", "reject-unauthorized",
					   "rejectUnauthorized"};
/* node-pg-migrate's connection object */
static const char *const client_keys[] = {"host", "port", "name", "database", "user", "password", "ssl"};

static bool in(const char *key, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(key, list[i]) == 0)
			return true;
	return false;
}

static int bad_type(const char *path, const mig_json *v, const char *wanted)
{
	return mig_error_set_at(MIG_EINPUT, path, v->line, v->column, "\"%s\" must be %s, not %s", v->key, wanted,
				mig_json_type_name(v->type));
}

static void warn(const char *path, const mig_json *v, const char *what)
{
	fprintf(stderr, "migrations: %s:%d:%d: warning: \"%s\" %s\n", path, v->key_line, v->key_column, v->key, what);
}

static void put_encoded(mig_str *s, const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			mig_str_putc(s, (char)*p);
		else
			mig_str_printf(s, "%%%02X", *p);
	}
}

/* A string member (or a number, for port), NULL when absent or null. */
static int client_string(const char *path, const mig_json *obj, const char *key, bool number_ok, const char **out)
{
	const mig_json *v = mig_json_get(obj, key);
	*out = NULL;
	if (!v || v->type == MIG_JSON_NULL)
		return 0;
	if (v->type == MIG_JSON_STRING || (number_ok && v->type == MIG_JSON_NUMBER)) {
		*out = v->text;
		return 0;
	}
	return bad_type(path, v, number_ok ? "a string or a number" : "a string");
}

/* node-pg-migrate's connection object as a postgres:// URL (caller frees);
 * *url NULL when the object names no server (no host, port or database). */
static int client_url(const char *path, const mig_json *obj, char **url)
{
	const char *host, *port, *name, *database, *user, *password;
	int rc;
	*url = NULL;
	if ((rc = client_string(path, obj, "host", false, &host)) || (rc = client_string(path, obj, "port", true, &port)) ||
	    (rc = client_string(path, obj, "name", false, &name)) ||
	    (rc = client_string(path, obj, "database", false, &database)) ||
	    (rc = client_string(path, obj, "user", false, &user)) ||
	    (rc = client_string(path, obj, "password", false, &password)))
		return rc;
	/* as node-pg-migrate: used when one of these is truthy */
	if (!(host && *host) && !(port && *port && strcmp(port, "0") != 0) && !(name && *name) && !(database && *database))
		return 0;
	const mig_json *ssl = mig_json_get(obj, "ssl");
	if (ssl && ssl->type != MIG_JSON_BOOL && ssl->type != MIG_JSON_NULL)
		return mig_error_set_at(MIG_EINPUT, path, ssl->line, ssl->column,
					"\"ssl\" is read as true or false only: write the TLS settings into \"url\" "
					"(?sslmode=verify-full&sslrootcert=...)");
	mig_str s = MIG_STR_INIT;
	mig_str_puts(&s, "postgres://");
	if (user && *user) {
		put_encoded(&s, user);
		if (password && *password) {
			mig_str_putc(&s, ':');
			put_encoded(&s, password);
		}
		mig_str_putc(&s, '@');
	}
	put_encoded(&s, host && *host ? host : "localhost");
	mig_str_printf(&s, ":%s/", port && *port ? port : "5432");
	if (name && *name)
		put_encoded(&s, name);
	else if (database && *database)
		put_encoded(&s, database);
	if (ssl && ssl->type == MIG_JSON_BOOL && ssl->boolean)
		mig_str_puts(&s, "?sslmode=require");
	if (!(*url = mig_str_detach(&s)))
		return MIG_ENOMEM;
	return 0;
}

static void set_from(mig_cli_slot *s, const char *path, const mig_json *v)
{
	s->src = MIG_SRC_CONFIG;
	s->file = path;
	s->line = v->line;
	s->column = v->column;
}

/* One member that names an option. */
static int take(mig_cli_parsed *p, size_t id, const char *path, const mig_json *v, bool use)
{
	const mig_cli_opt *o = &mig_cli_opts[id];
	mig_cli_slot *s = &p->slot[id];
	switch (o->kind) {
	case MIG_OPT_FLAG:
		if (v->type != MIG_JSON_BOOL)
			return bad_type(path, v, "true or false");
		if (id == MIG_OPT_USE_GLOB && v->boolean)
			return mig_error_set_at(MIG_EINPUT, path, v->line, v->column,
						"\"%s\": glob patterns are not supported; \"migrations-dir\" is one folder, and "
						"\"ignore-pattern\" (a regex on file names) leaves files out",
						v->key);
		if (!use)
			return 0;
		set_from(s, path, v);
		s->on = v->boolean;
		return 0;
	case MIG_OPT_VALUE:
		if (v->type != MIG_JSON_STRING && v->type != MIG_JSON_NUMBER)
			return bad_type(path, v, "a string");
		if (!use)
			return 0;
		set_from(s, path, v);
		s->value = v->text;
		return 0;
	case MIG_OPT_LIST:
		if (v->type == MIG_JSON_STRING) {
			if (!use)
				return 0;
			set_from(s, path, v);
			return mig_strv_pushdup(&s->list, v->text);
		}
		if (v->type != MIG_JSON_ARRAY)
			return bad_type(path, v, "a string or an array of strings");
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i].type != MIG_JSON_STRING)
				return mig_error_set_at(MIG_EINPUT, path, v->items[i].line, v->items[i].column,
							"\"%s\" must hold strings, not %s", v->key,
							mig_json_type_name(v->items[i].type));
		if (!use)
			return 0;
		set_from(s, path, v);
		for (size_t i = 0; i < v->n; i++) {
			int rc = mig_strv_pushdup(&s->list, v->items[i].text);
			if (rc)
				return rc;
		}
		return 0;
	}
	return 0;
}

static bool is_db_option(size_t id)
{
	return id == MIG_OPT_DATABASE_URL || id == MIG_OPT_DATABASE_URL_VAR;
}

static int read_object(mig_cli_parsed *p, unsigned cmd, const char *path, const mig_json *obj, char **url)
{
	const mig_cli_slot *sl = p->slot;
	bool db_given = sl[MIG_OPT_DATABASE_URL].src == MIG_SRC_CLI || sl[MIG_OPT_DATABASE_URL_VAR].src == MIG_SRC_CLI ||
			sl[MIG_OPT_TARGETS].src == MIG_SRC_CLI;
	const mig_json *url_member = NULL;
	int rc = 0;
	for (size_t i = 0; i < obj->n && rc == 0; i++) {
		const mig_json *v = &obj->items[i];
		if (strcmp(v->key, "url") == 0) {
			if (v->type != MIG_JSON_STRING && v->type != MIG_JSON_NULL)
				rc = bad_type(path, v, "a string");
			url_member = v->type == MIG_JSON_STRING && *v->text ? v : NULL;
			continue;
		}
		if (in(v->key, client_keys, sizeof(client_keys) / sizeof(client_keys[0])) ||
		    in(v->key, ignored_keys, sizeof(ignored_keys) / sizeof(ignored_keys[0])))
			continue;
		size_t id = MIG_OPT__COUNT;
		for (size_t k = 0; k < MIG_OPT__COUNT && id == MIG_OPT__COUNT; k++)
			if (mig_cli_key_names(v->key, &mig_cli_opts[k]))
				id = k;
		if (id == MIG_OPT__COUNT) {
			const char *near = mig_cli_closest_option(v->key);
			char what[128];
			if (near)
				snprintf(what, sizeof(what), "is not an option: ignored (did you mean \"%s\"?)", near);
			else
				snprintf(what, sizeof(what), "is not an option: ignored");
			warn(path, v, what);
			continue;
		}
		if (!mig_cli_opts[id].config) {
			warn(path, v, "cannot be set in a config file: ignored (give it on the command line)");
			continue;
		}
		if (v->type == MIG_JSON_NULL)
			continue;
		/* a value that is not used is still checked: a bad file fails
		 * whatever the command */
		bool use = p->slot[id].src != MIG_SRC_CLI && (mig_cli_opts[id].cmds & cmd) && !(is_db_option(id) && db_given);
		rc = take(p, id, path, v, use);
	}
	if (rc || db_given || !(cmd & mig_cli_opts[MIG_OPT_DATABASE_URL].cmds))
		return rc;
	if (sl[MIG_OPT_DATABASE_URL].src != MIG_SRC_NONE || sl[MIG_OPT_DATABASE_URL_VAR].src != MIG_SRC_NONE)
		return 0;
	if (url_member) {
		set_from(&p->slot[MIG_OPT_DATABASE_URL], path, url_member);
		p->slot[MIG_OPT_DATABASE_URL].value = url_member->text;
		return 0;
	}
	if ((rc = client_url(path, obj, url)) == 0 && *url) {
		set_from(&p->slot[MIG_OPT_DATABASE_URL], path, obj);
		p->slot[MIG_OPT_DATABASE_URL].value = *url;
	}
	return rc;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int mig_cli_config_load(mig_cli_parsed *p, unsigned cmd, const char *path, const char *section, mig_json **tree,
			char **url)
{
	*tree = NULL;
	*url = NULL;
	static const char *const code[] = {".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"};
	for (size_t i = 0; i < sizeof(code) / sizeof(code[0]); i++)
		if (has_suffix(path, code[i]))
			return mig_error_set(MIG_EUSAGE,
					     "--config-file %s: only JSON config files are read (node-pg-migrate also runs "
					     "JS/TS ones); write its values into a .json file",
					     path);
	char *text = NULL;
	size_t len = 0;
	int rc = mig_read_file(path, &text, &len);
	if (rc) {
		const mig_error *e = mig_error_last();
		return mig_error_set(MIG_EUSAGE, "--config-file: %s", e && e->message ? e->message : path);
	}
	rc = mig_json_parse(text, len, path, tree);
	mig__free(text);
	if (rc)
		return rc;
	const mig_json *root = *tree;
	const mig_json *sec = mig_json_get(root, section ? section : "db");
	const mig_json *obj = sec ? sec : root;
	if (obj->type == MIG_JSON_STRING) {
		/* node-pg-migrate: a string config is the connection */
		const mig_cli_slot *sl = p->slot;
		if ((cmd & mig_cli_opts[MIG_OPT_DATABASE_URL].cmds) && sl[MIG_OPT_DATABASE_URL].src == MIG_SRC_NONE &&
		    sl[MIG_OPT_DATABASE_URL_VAR].src == MIG_SRC_NONE && sl[MIG_OPT_TARGETS].src == MIG_SRC_NONE) {
			set_from(&p->slot[MIG_OPT_DATABASE_URL], path, obj);
			p->slot[MIG_OPT_DATABASE_URL].value = obj->text;
		}
		return 0;
	}
	if (obj->type != MIG_JSON_OBJECT)
		return mig_error_set_at(MIG_EINPUT, path, obj->line, obj->column,
					"the config must be an object (or a database URL string), not %s",
					mig_json_type_name(obj->type));
	return read_object(p, cmd, path, obj, url);
}
