/*
 * CHECKs the server refuses next to a foreign key's referential action:
 * - MySQL 8 (8.0.16+) refuses a CHECK on a column used by any action
 *   (error 3823: ON DELETE CASCADE too), which the auth system's
 *   user_connections has (`user_id <> target_user_id`, both cascading);
 * - MariaDB (checked on 10.11) refuses one on a column an action writes
 *   (error 1901: ON UPDATE CASCADE, SET NULL, SET DEFAULT), and keeps it
 *   next to ON DELETE CASCADE, which only deletes rows.
 *
 * The table enforces such a CHECK with a BEFORE INSERT and a
 * BEFORE UPDATE trigger that fail the row as the CHECK would: only when
 * the expression is false (NULL passes, as in a CHECK), with SQLSTATE
 * 23000. The rows a cascade deletes are not checked, nor need to be; the
 * rows a SET NULL updates are (an UPDATE fires BEFORE UPDATE triggers
 * only when issued by a statement, not by the foreign key itself: a
 * documented MySQL limit, and the reason the server refuses the CHECK).
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/mysql/mysql_emit.h"

#include <ctype.h>
#include <strings.h>

static bool has_action(const char *a)
{
	return a && !(strcasecmp(a, "NO ACTION") == 0 || strcasecmp(a, "RESTRICT") == 0);
}

/* Whether the server refuses a CHECK on a column of a foreign key with
 * these actions (NULL: NO ACTION). */
static bool refuses_actions(const char *on_delete, const char *on_update, bool mysql)
{
	if (mysql)
		return has_action(on_delete) || has_action(on_update);
	return has_action(on_update) || (has_action(on_delete) && strcasecmp(on_delete, "CASCADE") != 0);
}

static bool refuses_check(const mig_reference_def *r, bool mysql)
{
	return refuses_actions(r->on_delete, r->on_update, mysql);
}

static void constraint_columns(my *p, const mig_constraints_def *cs, bool mysql, mig_strv *out)
{
	for (size_t i = 0; i < cs->n; i++) {
		const mig_constraint_def *c = &cs->v[i];
		if (c->kind != MIG_CONSTRAINT_FOREIGN || !refuses_check(&c->references, mysql))
			continue;
		for (size_t k = 0; k < c->columns.n; k++)
			mig__my_strv_add(p, out, c->columns.v[k].name);
	}
}

void mig__my_cascade_columns(my *p, const mig_create_table_def *d, bool mysql, mig_strv *out)
{
	for (size_t i = 0; i < d->columns.n; i++) {
		const mig_reference_def *r = d->columns.v[i].references;
		if (r && refuses_check(r, mysql))
			mig__my_strv_add(p, out, d->columns.v[i].name);
	}
	constraint_columns(p, &d->constraints, mysql, out);
}

void mig__my_table_cascade_columns(my *p, const mig_mtable *t, const mig_constraints_def *added, bool mysql,
				   mig_strv *out)
{
	for (size_t i = 0; t && i < t->parts.n; i++) {
		const mig_part *g = &t->parts.v[i];
		if (g->kind != MIG_PART_FOREIGN || !refuses_actions(g->on_delete, g->on_update, mysql))
			continue;
		for (size_t k = 0; k < g->columns.n; k++)
			mig__my_strv_add(p, out, g->columns.v[k]);
	}
	for (size_t i = 0; t && i < t->ncols; i++)
		for (size_t k = 0; k < t->cols[i].parts.n; k++) {
			const mig_part *g = &t->cols[i].parts.v[k];
			if (g->kind == MIG_PART_FOREIGN && refuses_actions(g->on_delete, g->on_update, mysql))
				mig__my_strv_add(p, out, t->cols[i].name);
		}
	constraint_columns(p, added, mysql, out);
}

static bool in(const mig_strv *v, const char *s, size_t n)
{
	for (size_t i = 0; i < v->n; i++)
		if (strlen(v->v[i]) == n && strncasecmp(v->v[i], s, n) == 0)
			return true;
	return false;
}

/*
 * Walk expr's identifiers outside string literals: bare words that are
 * not qualified (a.b) and not calls (f(...)), and backquoted names. For
 * each one naming a column of cols: *hit, and (out) NEW.`col` in its
 * place; everything else is copied as it is.
 */
static void walk(const char *expr, const mig_strv *cols, mig_str *out, bool *hit)
{
	const char *e = expr;
	while (*e) {
		if (*e == '\'' || *e == '"') {
			char q = *e;
			const char *s = e++;
			while (*e) {
				if (*e == '\\' && e[1]) {
					e += 2;
				} else if (*e == q && e[1] == q) {
					e += 2;
				} else if (*e == q) {
					e++;
					break;
				} else {
					e++;
				}
			}
			if (out)
				mig_str_put(out, s, (size_t)(e - s));
			continue;
		}
		bool quoted = *e == '`';
		if (quoted || isalpha((unsigned char)*e) || *e == '_') {
			const char *s = e, *name = quoted ? e + 1 : e;
			if (quoted) {
				e++;
				while (*e && *e != '`')
					e++;
			} else {
				while (isalnum((unsigned char)*e) || *e == '_' || *e == '$')
					e++;
			}
			size_t n = (size_t)(e - name);
			if (quoted && *e)
				e++;
			const char *after = e;
			while (*after == ' ')
				after++;
			bool qualified = (s > expr && s[-1] == '.') || *after == '.';
			bool call = !quoted && *after == '(';
			if (!qualified && !call && in(cols, name, n)) {
				*hit = true;
				if (out) {
					mig_str_puts(out, "NEW.`");
					mig_str_put(out, name, n);
					mig_str_putc(out, '`');
				}
			} else if (out) {
				mig_str_put(out, s, (size_t)(e - s));
			}
			continue;
		}
		if (out)
			mig_str_putc(out, *e);
		e++;
	}
}

bool mig__my_mentions_any(const char *expr, const mig_strv *cols)
{
	bool hit = false;
	walk(expr ? expr : "", cols, NULL, &hit);
	return hit;
}

void mig__my_check_triggers(my *p, const char *table_quoted, const char *table, const mig_strv *checks,
			    const mig_strv *columns)
{
	static const char *const events[] = {"INSERT", "UPDATE"};
	for (size_t i = 0; i + 1 < checks->n && !p->rc; i += 2) {
		const char *name = checks->v[i], *expr = checks->v[i + 1];
		mig_str row = MIG_STR_INIT, msg = MIG_STR_INIT;
		bool hit = false;
		walk(expr, columns, &row, &hit);
		mig_str_printf(&msg, "Check constraint '%s' is violated.", name);
		for (size_t k = 0; k < 2 && !p->rc; k++) {
			mig_str tn = MIG_STR_INIT, s = MIG_STR_INIT;
			mig_str_printf(&tn, "%s_%s", name, k ? "upd" : "ins");
			char *trigger = mig__my_ident(p, mig_str_cstr(&tn), "the trigger name", false);
			mig_str_free(&tn);
			if (!trigger)
				break;
			mig_str_puts(&s, "CREATE TRIGGER ");
			mig_quote_backtick_ident(&s, trigger);
			mig_str_printf(&s, " BEFORE %s ON %s FOR EACH ROW\nBEGIN\n  IF NOT (%s) THEN\n    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = ",
				       events[k], table_quoted, mig_str_cstr(&row));
			mig_quote_backslash_literal(&s, mig_str_cstr(&msg));
			mig_str_puts(&s, ";\n  END IF;\nEND");
			mig__my_stmt(p, &s);
			mig__free(trigger);
		}
		mig__my_notice(p, "%s: CHECK %s of table %s is enforced by triggers %s_ins/%s_upd: the server refuses a CHECK on a column a foreign key's action uses",
			       p->op->name, name, table ? table : "?", name, name);
		mig_str_free(&row);
		mig_str_free(&msg);
	}
}
