/*
 * `import { x } from './helpers.js'` and `require('./helpers')` of other
 * files in the migrations folder: such a file is read like a migration
 * (the same static subset) and its exports -- constants and functions --
 * bound in the importing file. Everything else that is imported (npm
 * packages, the application's modules outside the folder) is still
 * refused: only the folder of the migration is read, resolved without
 * symbolic links, and an import chain is bounded in depth and may not
 * loop.
 *
 * Resolution follows Node.js for a relative specifier as node-pg-migrate
 * loads files (CommonJS or jiti): the exact file, then with .js .ts .cjs
 * .mjs .cts .mts appended, then the folder's index file; a specifier
 * ending in .js also finds the .ts file TypeScript compiles to it.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "load/js/parser.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"
#include "ir/value.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool mig__js_is_relative(const tok *spec)
{
	if (spec->type != MIG_JS_STRING)
		return false;
	const char *s = spec->str;
	return (spec->slen >= 2 && memcmp(s, "./", 2) == 0) || (spec->slen >= 3 && memcmp(s, "../", 3) == 0) ||
	       (spec->slen == 1 && s[0] == '.') || (spec->slen == 2 && memcmp(s, "..", 2) == 0);
}

static bool regular(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mig_strdup(".");
	if (slash == path)
		return mig_strdup("/");
	return mig_strndup(path, (size_t)(slash - path));
}

static const char *const exts[] = {".js", ".ts", ".cjs", ".mjs", ".cts", ".mts", NULL};

/* The file `base` names as Node.js would find it: a new string (also in
 * *shown, the suffix that was added), or NULL. */
static char *find_file(const char *base, const char **added)
{
	*added = "";
	if (regular(base))
		return mig_strdup(base);
	for (size_t k = 0; exts[k]; k++) {
		char *c = mig_aprintf("%s%s", base, exts[k]);
		if (c && regular(c)) {
			*added = exts[k];
			return c;
		}
		mig__free(c);
	}
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".js") == 0) {
		char *c = mig_aprintf("%.*s.ts", (int)(n - 3), base);
		if (c && regular(c)) {
			*added = "(.ts)";
			return c;
		}
		mig__free(c);
	}
	if (directory(base)) {
		for (size_t k = 0; exts[k]; k++) {
			char *c = mig_aprintf("%s/index%s", base, exts[k]);
			if (c && regular(c)) {
				*added = exts[k];
				return c;
			}
			mig__free(c);
		}
	}
	return NULL;
}

static int spec_err(parser *p, const tok *spec, const char *why)
{
	return mig__js_err(p, spec,
			   "import of '%.*s' %s %s: only static files inside the migrations folder can be read "
			   "without Node.js; this file needs node-pg-migrate to run",
			   (int)(spec->slen > 80 ? 80 : spec->slen), spec->str, p->where, why);
}

/* Whether dir/spec, taken apart by its `.` and `..` steps alone, stays
 * inside root (dir is resolved already). */
static bool lexically_inside(const char *root, const char *dir, const char *spec)
{
	size_t rl = strlen(root);
	if (strncmp(dir, root, rl) != 0 || (dir[rl] != '/' && dir[rl] != '\0'))
		return false;
	long depth = 0; /* levels below root */
	for (const char *q = dir + rl; *q; q++)
		if (*q == '/' && q[1] && q[1] != '/')
			depth++;
	const char *seg = spec;
	while (*seg) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 2 && seg[0] == '.' && seg[1] == '.')
			depth--;
		else if (n > 0 && !(n == 1 && seg[0] == '.'))
			depth++;
		if (depth < 0)
			return false;
		seg += n;
		if (*seg == '/')
			seg++;
	}
	return true;
}

int mig__js_add_module(jsrt *rt, parser *q)
{
	if (rt->nmods == rt->capmods) {
		size_t cap = rt->capmods ? rt->capmods * 2 : 4;
		parser **v = mig__realloc(rt->mods, cap * sizeof(*v));
		if (!v)
			return mig_error_oom();
		rt->mods = v;
		rt->capmods = cap;
	}
	rt->mods[rt->nmods++] = q;
	return 0;
}

void mig__js_parser_free(parser *q)
{
	mig__js_scope_free(&q->mod);
	mig__free(q->fns);
	mig__free(q->defs);
	mig__free(q->types);
	for (int k = 0; k < MAX_SLOTS; k++) {
		mig__js_slot_clear(&q->named[k]);
		mig__js_slot_clear(&q->deflt[k]);
		mig__free(q->xnames[k]);
		q->xnames[k] = NULL;
	}
	mig_js_toks_free(&q->toks);
	mig__free(q->text);
	mig__free(q->real);
	q->real = NULL;
}

void mig__js_rt_free(jsrt *rt)
{
	for (size_t k = 0; k < rt->nmods; k++) {
		parser *q = rt->mods[k];
		if (!q->sibling)
			continue; /* the migration file: its loader frees it */
		mig_migration *m = q->m;
		mig__js_parser_free(q);
		if (m) {
			mig__free(m->path);
			mig__free(m);
		}
		mig__free(q);
	}
	mig__free(rt->mods);
	mig__free(rt->root);
	mig_str_free(&rt->console);
	memset(rt, 0, sizeof(*rt));
}

/* Its top level, then its `export { ... }` names. */
int mig__js_run_module(parser *q)
{
	int rc = 0;
	mig__js_hoist_functions(q, 0, q->n, &q->mod);
	while (rc == 0 && tk_cur(q)->type != MIG_JS_EOF)
		rc = mig__js_top_statement(q);
	if (rc == 0)
		rc = mig__js_resolve_exports(q);
	return rc;
}

static int read_sibling(parser *p, const tok *spec, const char *real, const char *shown, parser **out)
{
	mig_migration *m = mig__calloc(1, sizeof(*m));
	parser *q = mig__calloc(1, sizeof(*q));
	int rc = 0;
	if (!m || !q || !(m->path = mig_strdup(shown))) {
		mig__free(m);
		mig__free(q);
		return mig_error_oom();
	}
	q->m = m;
	q->rt = p->rt;
	q->sibling = true;
	q->nslots = NSLOTS;
	q->where = "at top level";
	q->loading = true;
	q->real = mig_strdup(real);
	if (!q->real || (rc = mig__js_add_module(p->rt, q)) != 0) {
		mig__free(q->real);
		mig__free(m->path);
		mig__free(m);
		mig__free(q);
		return rc ? rc : mig_error_oom();
	}
	size_t len = 0;
	if ((rc = mig_read_file(real, &q->text, &len)) != 0)
		return rc;
	long bad = mig_utf8_invalid_at(q->text, len);
	if (bad >= 0 || memchr(q->text, '\0', len)) {
		(void)spec;
		return mig_error_set_at(MIG_EINPUT, shown, 0, 0, "not valid UTF-8 text; migration files and the files they import must be UTF-8");
	}
	const char *body = q->text;
	if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		len -= 3;
	}
	if ((rc = mig_js_lex(body, len, &q->toks)) != 0)
		return rc;
	q->src = body;
	q->t = q->toks.v;
	q->n = q->toks.n;
	p->rt->imports++;
	rc = mig__js_run_module(q);
	p->rt->imports--;
	q->loading = false;
	if (rc == 0)
		*out = q;
	return rc;
}

int mig__js_import_sibling(parser *p, const tok *spec, parser **out)
{
	*out = NULL;
	jsrt *rt = p->rt;
	if (!rt->root || !p->real)
		return spec_err(p, spec, "(the migrations folder is not known here)");
	if (memchr(spec->str, '\0', spec->slen) || spec->slen > 1024)
		return spec_err(p, spec, "(not a file name)");
	char *dir = dir_of(p->real);
	char *base = dir ? mig_aprintf("%s/%s", dir, spec->str) : NULL;
	bool inside = dir && lexically_inside(rt->root, dir, spec->str);
	mig__free(dir);
	if (!base)
		return mig_error_oom();
	if (!inside) {
		mig__free(base);
		return spec_err(p, spec, "(outside the migrations folder)");
	}
	const char *added;
	char *found = find_file(base, &added);
	mig__free(base);
	if (!found)
		return spec_err(p, spec, "(no such file in the migrations folder)");
	char *real = realpath(found, NULL);
	mig__free(found);
	if (!real)
		return spec_err(p, spec, "(no such file in the migrations folder)");
	size_t rl = strlen(rt->root);
	if (!(strncmp(real, rt->root, rl) == 0 && real[rl] == '/')) {
		free(real);
		return spec_err(p, spec, "(outside the migrations folder)");
	}
	size_t n = strlen(real);
	if (n > 5 && strcmp(real + n - 5, ".json") == 0) {
		free(real);
		return spec_err(p, spec, "(a JSON file)");
	}
	int rc = 0;
	for (size_t k = 0; k < rt->nmods; k++) {
		parser *q = rt->mods[k];
		if (!q->real || strcmp(q->real, real) != 0)
			continue;
		free(real);
		if (q->loading) {
			mig_str chain = MIG_STR_INIT;
			for (size_t j = k; j < rt->nmods; j++)
				if (rt->mods[j]->loading)
					mig_str_printf(&chain, "%s -> ", rt->mods[j]->m->path);
			mig_str_puts(&chain, q->m->path);
			rc = mig__js_err(p, spec, "import cycle %s: %s; the static reader cannot read files that import each "
						  "other; this file needs node-pg-migrate to run",
					 p->where, mig_str_cstr(&chain));
			mig_str_free(&chain);
			return rc;
		}
		*out = q;
		return 0;
	}
	if (rt->imports >= MAX_IMPORT_DEPTH) {
		free(real);
		return mig__js_err(p, spec, "imports nested more than %d files deep %s; the static reader stops there; "
					    "this file needs node-pg-migrate to run",
				   MAX_IMPORT_DEPTH, p->where);
	}
	/* for messages: the importer's folder as it was named, and the specifier */
	char *pdir = dir_of(p->m->path);
	const char *sp = spec->str;
	if (strncmp(sp, "./", 2) == 0)
		sp += 2;
	char *shown = pdir ? (strcmp(pdir, ".") == 0 ? mig_aprintf("%s%s", sp, added[0] == '(' ? "" : added)
						      : mig_aprintf("%s/%s%s", pdir, sp, added[0] == '(' ? "" : added))
			   : NULL;
	mig__free(pdir);
	if (!shown) {
		free(real);
		return mig_error_oom();
	}
	if (added[0] == '(') {
		/* x.js found as x.ts */
		size_t l = strlen(shown);
		if (l > 3)
			shown[l - 2] = 't';
	}
	rc = read_sibling(p, spec, real, shown, out);
	mig__free(shown);
	free(real);
	return rc;
}

/* Export `name` of module mod as a call argument (a value is a copy). */
int mig__js_export_of(parser *p, parser *mod, const char *name, size_t len, bool default_view, const tok *at,
		      jsarg *out, bool *found)
{
	memset(out, 0, sizeof(*out));
	out->kind = B_VALUE;
	*found = false;
	int k = mig__js_slot_find(mod, name, len);
	const slot *s = NULL;
	/* a default import of an ES module sees its `export default` object;
	 * of a CommonJS one, module.exports (jiti's interop) */
	bool esm_default = default_view && mod->has_default && !mod->replaced;
	if (k >= 0 && !esm_default && mod->named[k].kind != SLOT_ABSENT)
		s = &mod->named[k];
	else if (k >= 0 && esm_default && mod->deflt[k].kind != SLOT_ABSENT)
		s = &mod->deflt[k];
	if (s && s->kind == SLOT_FUNC) {
		*found = true;
		out->kind = B_FUNC;
		out->f.mod = mod;
		out->f.fn = s->fn;
		out->f.env = &mod->mod;
		return 0;
	}
	if (s && s->kind == SLOT_OTHER) {
		*found = true;
		out->val = mig__js_vclone(p, s->val, 1, at);
		return out->val ? 0 : mig__js_last_code();
	}
	*found = s != NULL;
	out->val = mig__js_vnew(p, s && s->kind == SLOT_FALSE ? MIG_V_BOOL : MIG_V_UNDEFINED, at);
	return out->val ? 0 : mig__js_last_code();
}
