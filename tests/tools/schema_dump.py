#!/usr/bin/env python3
"""Dump a database schema in one normalised text form, so that the schema a
migration history gives SQLite can be diffed against the one it gives
PostgreSQL.

    schema_dump.py sqlite PATH
    schema_dump.py postgres URL      (runs psql)
    schema_dump.py mysql URL         (runs the mariadb/mysql client; mysql://user[:pw]@host:port/db)

What is compared, per table (sorted by name): the columns in order with a
type class (int, real, numeric, text, blob: what SQLite's affinity can
tell apart), nullability and a default class (none, auto, now, uuid or the
literal value); the primary key; every other index with its name,
uniqueness, columns ("(expr)" for an expression) and whether it is partial;
the foreign keys with their actions; the names of the CHECK and
FOREIGN KEY constraints; the row count. Then the enum types with their
values, and the view names. The bookkeeping tables (pgmigrations and the
pgmigrations_* tables next to it, sqlite_sequence) are left
out, and so are SQLite's "type:" checks, which stand for what PostgreSQL's
types enforce.

MySQL/MariaDB spell some things their own way, read back here as the
others say them: BOOLEAN is tinyint(1) (its default 0/1 is false/true);
the index MySQL adds by itself for a foreign key (named after it) is not
one the migrations made; an expression index is emulated on MariaDB by an
invisible generated column "_mig_expr_..." (left out of the columns, the
index shows "(expr)"); a partial index, which MySQL does not have, is a
full index whose comment starts "migrations: partial index" (shown
"partial"); the CHECK MariaDB adds by itself to a JSON column (column
level) is left out.
"""
import re
import sqlite3
import subprocess
import sys

SKIP = {"pgmigrations", "pgmigrations_journal", "pgmigrations_lock", "pgmigrations_enums", "sqlite_sequence"}


def type_class_pg(t):
    t = t.lower()
    if t in ("smallint", "integer", "bigint", "boolean"):
        return "int"
    if t in ("real", "double precision"):
        return "real"
    if t.startswith("numeric"):
        return "numeric"
    if t == "bytea":
        return "blob"
    return "text"


def type_class_sqlite(t):
    # SQLite's affinity rules, in their order
    u = t.upper()
    if "INT" in u:
        return "int"
    if "CHAR" in u or "CLOB" in u or "TEXT" in u:
        return "text"
    if "BLOB" in u or u == "":
        return "blob"
    if "REAL" in u or "FLOA" in u or "DOUB" in u:
        return "real"
    return "numeric"


def default_class(expr, auto=False):
    if auto:
        return "auto"
    if expr is None:
        return "none"
    e = expr.strip()
    while e.startswith("(") and e.endswith(")"):
        e = e[1:-1].strip()
    low = e.lower()
    if low.startswith("nextval("):
        return "auto"
    if low in ("now()", "current_timestamp", "current_date", "current_time", "localtimestamp",
               "transaction_timestamp()"):
        return "now"
    if "gen_random_uuid" in low or "uuid_generate_v4" in low or "randomblob" in low:
        return "uuid"
    m = re.match(r"^'((?:[^']|'')*)'(::.*)?$", e, re.S)
    if m:
        return "literal:" + m.group(1).replace("''", "'")
    m = re.match(r"^(.*?)::[a-z ]+$", e)
    if m:
        e = m.group(1)
    if low in ("true", "false"):
        return "literal:" + low
    if low == "null":
        return "none"
    return "literal:" + e


class Dump:
    def __init__(self):
        self.tables = {}
        self.enums = {}
        self.views = []

    def table(self, name):
        return self.tables.setdefault(name, {
            "columns": [], "pk": [], "indexes": [], "fks": [], "checks": [], "fknames": [], "rows": 0})

    def render(self):
        out = []
        for name in sorted(self.tables):
            t = self.tables[name]
            out.append("table %s" % name)
            for c in t["columns"]:
                out.append("  column %s %s %s default=%s" % c)
            out.append("  primary key (%s)" % ", ".join(t["pk"]))
            for ix in sorted(t["indexes"]):
                out.append("  %s" % ix)
            for fk in sorted(t["fks"]):
                out.append("  %s" % fk)
            out.append("  checks: %s" % ", ".join(sorted(t["checks"])))
            out.append("  foreign key names: %s" % ", ".join(sorted(t["fknames"])))
            out.append("  rows %d" % t["rows"])
        for name in sorted(self.enums):
            out.append("enum %s: %s" % (name, ", ".join(self.enums[name])))
        for v in sorted(self.views):
            out.append("view %s" % v)
        return "\n".join(out) + "\n"


def dump_sqlite(path):
    db = sqlite3.connect(path)
    d = Dump()
    tables = [r for r in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name") if r[0] not in SKIP]
    for name, sql in tables:
        t = d.table(name)
        autoinc = "AUTOINCREMENT" in sql.upper()
        info = db.execute("SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
                          (name,)).fetchall()
        pk = sorted([r for r in info if r[5] > 0], key=lambda r: r[5])
        t["pk"] = [r[1] for r in pk]
        rowid_alias = len(pk) == 1 and pk[0][2].upper() == "INTEGER"
        for cid, cname, ctype, notnull, dflt, ispk in info:
            auto = rowid_alias and ispk and autoinc
            nn = "notnull" if (notnull or (ispk and rowid_alias)) else "null"
            t["columns"].append((cname, type_class_sqlite(ctype), nn, default_class(dflt, auto)))
        for seq, iname, unique, origin, partial in db.execute(
                "SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?)", (name,)):
            if origin == "pk":
                continue
            cols = []
            for seqno, cid, cname, desc, coll, key in db.execute(
                    "SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?) ORDER BY seqno",
                    (iname,)):
                if not key:
                    continue
                cols.append("(expr)" if cid == -2 else cname)
            t["indexes"].append("%s %s (%s)%s" % ("unique" if unique else "index", iname, ", ".join(cols),
                                                 " partial" if partial else ""))
        fks = {}
        for fid, seq, parent, frm, to, on_update, on_delete, match in db.execute(
                "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" "
                "FROM pragma_foreign_key_list(?) ORDER BY id, seq", (name,)):
            f = fks.setdefault(fid, {"parent": parent, "from": [], "to": [], "del": on_delete, "upd": on_update})
            f["from"].append(frm)
            f["to"].append(to)
        for f in fks.values():
            to = f["to"]
            if any(x is None for x in to):
                to = [r[1] for r in sorted([r for r in db.execute(
                    "SELECT cid, name, pk FROM pragma_table_info(?)", (f["parent"],)) if r[2] > 0],
                    key=lambda r: r[2])]
            t["fks"].append("fk (%s) -> %s(%s) delete=%s update=%s" % (
                ", ".join(f["from"]), f["parent"], ", ".join(to), f["del"], f["upd"]))
        for m in re.finditer(r'CONSTRAINT\s+"((?:[^"]|"")*)"\s+CHECK', sql, re.I):
            cname = m.group(1).replace('""', '"')
            if not cname.startswith("type:"):
                t["checks"].append(cname)
        for m in re.finditer(r'CONSTRAINT\s+"((?:[^"]|"")*)"\s+(?:REFERENCES|FOREIGN\s+KEY)', sql, re.I):
            t["fknames"].append(m.group(1).replace('""', '"'))
        t["rows"] = db.execute('SELECT count(*) FROM "%s"' % name.replace('"', '""')).fetchone()[0]
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'pgmigrations_enums'").fetchone():
        for tname, value in db.execute(
                "SELECT type_name, value FROM pgmigrations_enums ORDER BY type_name, position"):
            d.enums.setdefault(tname, []).append(value)
    d.views = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
    return d


def psql(url, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\x1f", "-R", "\x1e", "-v", "ON_ERROR_STOP=1",
                          "-d", url, "-c", sql], check=True, capture_output=True, text=True).stdout
    return [row.split("\x1f") for row in out.rstrip("\n").split("\x1e") if row != ""]


ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def dump_postgres(url):
    d = Dump()
    rels = "c.relnamespace = 'public'::regnamespace"
    for tname, in psql(url, "SELECT c.relname FROM pg_class c WHERE %s AND c.relkind = 'r' ORDER BY 1" % rels):
        if tname not in SKIP:
            d.table(tname)
    for tname, cname, notnull, ctype, dflt in psql(url, """
            SELECT c.relname, a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod),
                   coalesce(pg_get_expr(ad.adbin, ad.adrelid), '\x01')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE %s AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""" % rels):
        if tname in SKIP:
            continue
        d.table(tname)["columns"].append((cname, type_class_pg(ctype), "notnull" if notnull == "t" else "null",
                                          default_class(None if dflt == "\x01" else dflt)))
    for tname, conname, contype, cols in psql(url, """
            SELECT c.relname, k.conname, k.contype,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
                                         ORDER BY u.o), ',')
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE %s AND k.contype IN ('p', 'c', 'f') ORDER BY 1, 2""" % rels):
        if tname in SKIP:
            continue
        t = d.table(tname)
        if contype == "p":
            t["pk"] = cols.split(",")
        elif contype == "c":
            t["checks"].append(conname)
        else:
            t["fknames"].append(conname)
    for tname, frm, parent, to, dele, upd in psql(url, """
            SELECT c.relname,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
                                         ORDER BY u.o), ', '),
                   p.relname,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n
                                         ORDER BY u.o), ', '),
                   k.confdeltype, k.confupdtype
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
            WHERE %s AND k.contype = 'f'""" % rels):
        d.table(tname)["fks"].append("fk (%s) -> %s(%s) delete=%s update=%s" % (
            frm, parent, to, ACTIONS[dele], ACTIONS[upd]))
    for iname, tname, unique, cols, partial in psql(url, """
            SELECT i.relname, c.relname, x.indisunique,
                   array_to_string(ARRAY(SELECT CASE WHEN u.k = 0 THEN '(expr)' ELSE a.attname END
                                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(k, o)
                                         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.k
                                         ORDER BY u.o), ', '),
                   x.indpred IS NOT NULL
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
            WHERE %s AND NOT x.indisprimary""" % rels.replace("c.relnamespace", "i.relnamespace")):
        if tname in SKIP:
            continue
        d.table(tname)["indexes"].append("%s %s (%s)%s" % ("unique" if unique == "t" else "index", iname, cols,
                                                          " partial" if partial == "t" else ""))
    for tname in list(d.tables):
        d.tables[tname]["rows"] = int(psql(url, 'SELECT count(*) FROM "%s"' % tname.replace('"', '""'))[0][0])
    for tname, value in psql(url, """
            SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
            WHERE t.typnamespace = 'public'::regnamespace ORDER BY t.typname, e.enumsortorder"""):
        d.enums.setdefault(tname, []).append(value)
    d.views = [r[0] for r in psql(url, "SELECT c.relname FROM pg_class c WHERE %s AND c.relkind = 'v'" % rels)]
    return d


def type_class_mysql(t):
    t = t.lower()
    base = re.sub(r"[ (].*", "", t)
    if base in ("tinyint", "smallint", "mediumint", "int", "integer", "bigint", "bool", "boolean"):
        return "int"
    if base in ("float", "double", "real"):
        return "real"
    if base in ("decimal", "numeric"):
        return "numeric"
    if "blob" in base or base in ("binary", "varbinary"):
        return "blob"
    return "text"


def mysql_client(url):
    m = re.match(r"^(?:mysql|mariadb)://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?/([^?]*)", url)
    if not m:
        raise SystemExit("schema_dump.py: not a mysql:// URL: " + url)
    from urllib.parse import unquote
    user, pw, host, port, db = m.groups()
    client = "mariadb" if subprocess.run(["sh", "-c", "command -v mariadb"], capture_output=True).returncode == 0 \
        else "mysql"
    args = [client, "--no-defaults", "--protocol=tcp", "-h", host or "127.0.0.1", "-P", port or "3306",
            "-u", unquote(user or "root"), "-N", "-B", "-r"]
    if pw:
        args.append("-p" + unquote(pw))
    return args, unquote(db)


def dump_mysql(url):
    client, db = mysql_client(url)

    def q(sql):
        out = subprocess.run(client + ["-e", sql, db], check=True, capture_output=True, text=True).stdout
        return [row.split("\t") for row in out.split("\n") if row != ""]

    lit = "'%s'" % db.replace("\\", "\\\\").replace("'", "''")
    d = Dump()
    for (tname,) in q("SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                      "AND table_type = 'BASE TABLE' ORDER BY 1" % lit):
        if tname not in SKIP:
            d.table(tname)
    hidden = set()
    for tname, cname, ctype, nullable, dflt, extra in q(
            "SELECT table_name, column_name, column_type, is_nullable, coalesce(column_default, 'NULL'), extra "
            "FROM information_schema.columns WHERE table_schema = %s ORDER BY table_name, ordinal_position" % lit):
        if tname not in d.tables:
            continue
        if cname.startswith("_mig_expr_"):
            hidden.add((tname, cname))
            continue
        dv = None if dflt == "NULL" else dflt
        if dv is not None and ctype.lower() == "tinyint(1)" and dv in ("0", "1"):
            dv = "false" if dv == "0" else "true"
        if dv is not None and re.match(r"^current_timestamp(\(\d*\))?$", dv, re.I):
            dv = "current_timestamp"
        if dv is not None and dv.lower() == "uuid()":
            dv = "gen_random_uuid()"
        if dv is not None and not dv.startswith("'") and re.match(r"^-?\d+(\.\d+)?$", dv) is None \
                and dv not in ("true", "false", "current_timestamp", "gen_random_uuid()"):
            dv = "(" + dv + ")"
        d.table(tname)["columns"].append((cname, type_class_mysql(ctype), "null" if nullable == "YES" else "notnull",
                                          default_class(dv, "auto_increment" in extra.lower())))
    fknames = {}
    for tname, cname, ctype in q("SELECT table_name, constraint_name, constraint_type FROM "
                                 "information_schema.table_constraints WHERE table_schema = %s" % lit):
        if tname not in d.tables:
            continue
        if ctype == "FOREIGN KEY":
            d.table(tname)["fknames"].append(cname)
            fknames.setdefault(tname, set()).add(cname)
    for tname, cname, level in q("SELECT table_name, constraint_name, "
                                 "coalesce((SELECT 'Column' FROM information_schema.columns c WHERE "
                                 "c.table_schema = k.constraint_schema AND c.table_name = k.table_name AND "
                                 "c.column_name = k.constraint_name AND k.check_clause LIKE 'json_valid(%%'), 'Table') "
                                 "FROM information_schema.check_constraints k WHERE constraint_schema = %s" % lit):
        if tname in d.tables and level != "Column":
            d.table(tname)["checks"].append(cname)
    indexes = {}
    for tname, iname, non_unique, seq, cname, comment in q(
            "SELECT table_name, index_name, non_unique, seq_in_index, column_name, index_comment "
            "FROM information_schema.statistics WHERE table_schema = %s ORDER BY table_name, index_name, seq_in_index"
            % lit):
        if tname not in d.tables:
            continue
        if iname == "PRIMARY":
            d.table(tname)["pk"].append(cname)
            continue
        ix = indexes.setdefault((tname, iname), {"unique": non_unique == "0", "cols": [], "partial":
                                                  comment.startswith("migrations: partial index")})
        ix["cols"].append("(expr)" if (tname, cname) in hidden else cname)
    for (tname, iname), ix in indexes.items():
        if iname in fknames.get(tname, set()):
            continue  # the index MySQL makes for a foreign key by itself
        d.table(tname)["indexes"].append("%s %s (%s)%s" % ("unique" if ix["unique"] else "index", iname,
                                                          ", ".join(ix["cols"]), " partial" if ix["partial"] else ""))
    fks = {}
    for tname, cname, col, parent, pcol in q(
            "SELECT table_name, constraint_name, column_name, referenced_table_name, referenced_column_name "
            "FROM information_schema.key_column_usage WHERE table_schema = %s AND referenced_table_name IS NOT NULL "
            "ORDER BY table_name, constraint_name, ordinal_position" % lit):
        f = fks.setdefault((tname, cname), {"parent": parent, "from": [], "to": []})
        f["from"].append(col)
        f["to"].append(pcol)
    for tname, cname, upd, dele in q("SELECT table_name, constraint_name, update_rule, delete_rule FROM "
                                     "information_schema.referential_constraints WHERE constraint_schema = %s" % lit):
        f = fks.get((tname, cname))
        if f and tname in d.tables:
            d.table(tname)["fks"].append("fk (%s) -> %s(%s) delete=%s update=%s" % (
                ", ".join(f["from"]), f["parent"], ", ".join(f["to"]), dele, upd))
    for tname in list(d.tables):
        d.tables[tname]["rows"] = int(q("SELECT count(*) FROM `%s`" % tname.replace("`", "``"))[0][0])
    if q("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s "
         "AND table_name = 'pgmigrations_enums'" % lit)[0][0] != "0":
        for tname, value in q("SELECT type_name, value FROM pgmigrations_enums ORDER BY type_name, position"):
            d.enums.setdefault(tname, []).append(value)
    d.views = [r[0] for r in q("SELECT table_name FROM information_schema.views WHERE table_schema = %s" % lit)]
    return d


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sqlite", "postgres", "mysql"):
        sys.stderr.write(__doc__)
        return 2
    kind = sys.argv[1]
    d = dump_sqlite(sys.argv[2]) if kind == "sqlite" else dump_postgres(sys.argv[2]) if kind == "postgres" \
        else dump_mysql(sys.argv[2])
    sys.stdout.write(d.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
