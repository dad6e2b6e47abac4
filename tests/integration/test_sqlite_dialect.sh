# The SQLite dialect end to end: JavaScript migrations (node-pg-migrate's
# MigrationBuilder calls) run by the binary against real SQLite files, the
# resulting schema checked by introspection (PRAGMA table_info,
# index_list, foreign_key_list, sqlite_master), and the data checked to
# survive every kind of table rebuild.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"

export -n DATABASE_URL 2>/dev/null || true
unset DATABASE_URL PGHOST

DB=$WORK/app.db
URL=sqlite:$DB
q() { sqlite3 -batch -noheader "$DB" "$1"; }
# PRAGMA table_info as "name:type:notnull:default:pk" lines joined with " "
cols() { q "SELECT group_concat(name || ':' || type || ':' || \"notnull\" || ':' || ifnull(dflt_value, '') || ':' || pk, ' ') FROM pragma_table_info('$1')"; }
indexes() { q "SELECT group_concat(name || ':' || \"unique\" || ':' || origin || ':' || partial, ' ') FROM (SELECT * FROM pragma_index_list('$1') ORDER BY name)"; }
fks() { q "SELECT group_concat(\"from\" || '>' || \"table\" || '.' || ifnull(\"to\", '') || ':' || on_delete, ' ') FROM pragma_foreign_key_list('$1')"; }
tsql() { q "SELECT sql FROM sqlite_master WHERE name = '$1'"; }
migrate() { assert_exit 0 mig --database-url "$URL" -m migrations "$@" migrate; }
m() { # m NAME: a migration file from stdin
	cat >"migrations/$1.js"
}

mkdir -p migrations

t "createTable: types, defaults, keys, enum, unique, check, foreign keys"
m 1000_init <<'JS'
exports.shorthands = {
  createdAt: { type: 'timestamptz', notNull: true, default: { literal: true, value: 'current_timestamp' } },
};
exports.up = (pgm) => {
  pgm.createExtension('pgcrypto', { ifNotExists: true });
  pgm.createType('mood', ['happy', 'sad']);
  pgm.createTable('users', {
    id: 'id',
    uid: { type: 'uuid', notNull: true, default: pgm.func('gen_random_uuid()') },
    email: { type: 'varchar(100)', notNull: true, unique: true },
    score: { type: 'numeric(10,2)', default: 0 },
    active: { type: 'boolean', notNull: true, default: true },
    mood: { type: 'mood', default: 'happy' },
    meta: { type: 'jsonb', notNull: true, default: '{}' },
    created_at: 'createdAt',
  });
  pgm.createTable('posts', {
    id: 'id',
    user_id: { type: 'integer', notNull: true, references: 'users', onDelete: 'CASCADE' },
    slug: { type: 'varchar(50)', notNull: true },
    views: { type: 'integer', notNull: true, default: 0 },
  }, { constraints: { check: 'views >= 0', unique: ['user_id', 'slug'] } });
  pgm.createIndex('posts', 'views', { where: 'views > 0' });
  pgm.createView('post_counts', {}, 'SELECT user_id, count(*) AS n FROM posts GROUP BY user_id');
  pgm.sql("INSERT INTO users (email) VALUES ('a@x'), ('b@x'), ('c@x')");
  pgm.sql("INSERT INTO posts (user_id, slug, views) VALUES (1, 's1', 1), (2, 's2', 2), (2, 's3', 3)");
  pgm.sql("DELETE FROM users WHERE id = 3");
};
JS
migrate
assert_contains "$ERR" 'createExtension "pgcrypto" skipped: SQLite has no extensions'
assert_eq "id:INTEGER:0::1 uid:TEXT:1:lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))):0 email:TEXT:1::0 score:NUMERIC:0:0:0 active:INTEGER:1:TRUE:0 mood:TEXT:0:'happy':0 meta:TEXT:1:'{}':0 created_at:TEXT:1:CURRENT_TIMESTAMP:0" "$(cols users)" "users columns"
assert_eq "users_email_key:1:c:0" "$(indexes users)" "users indexes"
assert_eq "posts_uniq_user_id_slug:1:c:0 posts_views_index:0:c:1" "$(indexes posts)" "posts indexes"
assert_eq "user_id>users.:CASCADE" "$(fks posts)" "posts foreign keys"
assert_contains "$(tsql users)" '"id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY AUTOINCREMENT'
assert_contains "$(tsql users)" 'CONSTRAINT "type:mood" CHECK ("mood" IN ('"'happy', 'sad'"'))'
assert_contains "$(tsql posts)" 'CONSTRAINT "posts_chck" CHECK (views >= 0)'
assert_eq "2" "$(q "SELECT count(DISTINCT uid) FROM users")" "uuids are distinct"
assert_eq "36" "$(q "SELECT length(uid) FROM users LIMIT 1")" "uuid length"
assert_eq "1|1
2|2" "$(q "SELECT * FROM post_counts ORDER BY user_id")" "view"
run sqlite3 "$DB" "INSERT INTO users (email, mood) VALUES ('x@x', 'angry')"
assert_contains "$ERR" "CHECK constraint failed: type:mood"

t "alterColumn: type change keeps rows, the parent keeps its ON DELETE CASCADE children, the counter survives"
m 1001_score_type <<'JS'
exports.up = (pgm) => {
  pgm.alterColumn('users', 'score', { type: 'double precision' });
};
exports.down = (pgm) => {
  pgm.alterColumn('users', 'score', { type: 'numeric(10,2)' });
};
JS
q "UPDATE users SET score = 1.5 WHERE id = 1"
migrate
assert_contains "$(cols users)" "score:REAL:0:0:0"
assert_eq "2" "$(q "SELECT count(*) FROM users")" "users rows"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "children rows survive the parent's rebuild"
assert_eq "1.5" "$(q "SELECT score FROM users WHERE id = 1")" "value"
assert_eq "3" "$(q "SELECT seq FROM sqlite_sequence WHERE name = 'users'")" "AUTOINCREMENT counter"
q "PRAGMA foreign_keys = ON; INSERT INTO users (email) VALUES ('d@x')"
assert_eq "4" "$(q "SELECT max(id) FROM users")" "ids are not reused after a rebuild"
assert_eq "users_email_key:1:c:0" "$(indexes users)" "indexes recreated"
assert_eq "1|1
2|2" "$(q "SELECT * FROM post_counts ORDER BY user_id")" "the view keeps working"
assert_eq "ok" "$(q "PRAGMA integrity_check")" "integrity"
assert_eq "" "$(q "PRAGMA foreign_key_check")" "foreign keys"

t "alterColumn: default change, NOT NULL add and drop"
m 1002_defaults <<'JS'
exports.up = (pgm) => {
  pgm.alterColumn('posts', 'views', { default: 10 });
  pgm.alterColumn('users', 'score', { notNull: true, default: 1 });
  pgm.alterColumn('posts', 'slug', { allowNull: true });
};
JS
migrate
assert_contains "$(cols posts)" "views:INTEGER:1:10:0"
assert_contains "$(cols posts)" "slug:TEXT:0::0"
assert_contains "$(cols users)" "score:REAL:1:1:0"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"
assert_eq "3" "$(q "SELECT count(*) FROM users")" "users rows"
q "INSERT INTO posts (user_id) VALUES (1)"
assert_eq "10" "$(q "SELECT views FROM posts WHERE slug IS NULL")" "new default"

t "alterColumn: NOT NULL on a column holding NULLs fails and changes nothing"
m 1003_bad_notnull <<'JS'
exports.up = (pgm) => {
  pgm.alterColumn('posts', 'slug', { notNull: true });
};
JS
before=$(tsql posts)
assert_exit 1 mig --database-url "$URL" -m migrations migrate
assert_contains "$ERR" "NOT NULL constraint failed"
assert_contains "$ERR" "1003_bad_notnull.js:2:3"
assert_eq "$before" "$(tsql posts)" "posts unchanged"
assert_eq "4" "$(q "SELECT count(*) FROM posts")" "posts rows"
rm migrations/1003_bad_notnull.js
q "DELETE FROM posts WHERE slug IS NULL"

t "addConstraint/dropConstraint: CHECK, FOREIGN KEY, UNIQUE, PRIMARY KEY"
m 1004_constraints <<'JS'
exports.up = (pgm) => {
  pgm.createTable('tags', { name: { type: 'text', notNull: true }, post_id: 'integer' });
  pgm.sql("INSERT INTO tags VALUES ('t1', 1), ('t2', 2)");
  pgm.addConstraint('tags', 'tags_pkey', { primaryKey: 'name' });
  pgm.addConstraint('tags', 'tags_post_fk', { foreignKeys: { columns: 'post_id', references: 'posts', onDelete: 'SET NULL' } });
  pgm.addConstraint('tags', 'tags_name_len', { check: 'length(name) > 1' });
  pgm.addConstraint('users', null, { unique: ['email', 'mood'] });
};
JS
migrate
assert_contains "$(cols tags)" "name:TEXT:1::1"
assert_eq "post_id>posts.:SET NULL" "$(fks tags)" "tags foreign keys"
assert_contains "$(tsql tags)" 'CONSTRAINT "tags_name_len" CHECK (length(name) > 1)'
assert_contains "$(indexes users)" "users_uniq_email_mood:1:c:0"
assert_eq "2" "$(q "SELECT count(*) FROM tags")" "tags rows"
m 1005_drop_constraints <<'JS'
exports.up = (pgm) => {
  pgm.dropConstraint('tags', 'tags_name_len');
  pgm.dropConstraint('tags', 'tags_post_fk');
  pgm.dropConstraint('tags', 'tags_pkey');
  pgm.dropConstraint('users', 'users_uniq_email_mood');
  pgm.dropConstraint('posts', 'posts_chck');
};
JS
migrate
assert_eq "" "$(fks tags)" "no foreign keys left"
assert_contains "$(cols tags)" "name:TEXT:1::0"
assert_not_contains "$(tsql tags)" "CHECK"
assert_not_contains "$(tsql posts)" "posts_chck"
assert_eq "users_email_key:1:c:0" "$(indexes users)" "unique index dropped"
assert_eq "2" "$(q "SELECT count(*) FROM tags")" "tags rows"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"

t "a table made by raw SQL rebuilds too (unnamed constraints answer to PostgreSQL's names)"
m 1006_raw <<'JS'
exports.up = (pgm) => {
  pgm.sql(`CREATE TABLE legacy (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    qty INT CHECK (qty >= 0),
    owner INTEGER REFERENCES users (id) ON DELETE CASCADE
  )`);
  pgm.sql("INSERT INTO legacy (code, qty, owner) VALUES ('a', 1, 1), ('b', 2, 2)");
  pgm.sql("CREATE TRIGGER legacy_qty AFTER UPDATE OF qty ON legacy BEGIN UPDATE legacy SET code = code WHERE id = NEW.id; END");
};
JS
m 1007_raw_alter <<'JS'
exports.up = (pgm) => {
  pgm.dropConstraint('legacy', 'legacy_qty_check');
  pgm.alterColumn('legacy', 'qty', { type: 'bigint', notNull: true, default: 0 });
  pgm.dropConstraint('legacy', 'legacy_code_key');
  pgm.addColumns('legacy', { note: { type: 'text', default: pgm.func("'n/a'") } });
};
JS
migrate
assert_eq "id:INTEGER:0::1 code:TEXT:1::0 qty:INTEGER:1:0:0 owner:INTEGER:0::0 note:TEXT:0:'n/a':0" "$(cols legacy)" "legacy columns"
assert_eq "owner>users.id:CASCADE" "$(fks legacy)" "legacy foreign key kept"
assert_eq "" "$(indexes legacy)" "unique constraint dropped"
assert_eq "legacy_qty" "$(q "SELECT name FROM sqlite_master WHERE type = 'trigger'")" "trigger recreated"
assert_eq "1a12b2" "$(q "SELECT group_concat(id || code || qty, '') FROM legacy")" "legacy rows"

t "dropColumns, renameColumn, renameTable; indexes on dropped columns go with them"
m 1008_shape <<'JS'
exports.up = (pgm) => {
  pgm.addColumns('posts', { title: { type: 'text' }, body: 'text' });
  pgm.createIndex('posts', ['title', 'views'], { name: 'posts_title_views' });
  pgm.dropColumns('posts', ['title']);
  pgm.dropColumns('posts', 'body');
  pgm.renameColumn('posts', 'slug', 'handle');
  pgm.renameTable('tags', 'labels');
};
JS
migrate
assert_eq "id:INTEGER:0::1 user_id:INTEGER:1::0 handle:TEXT:0::0 views:INTEGER:1:10:0" "$(cols posts)" "posts columns"
assert_eq "posts_uniq_user_id_slug:1:c:0 posts_views_index:0:c:1" "$(indexes posts)" "posts indexes"
assert_contains "$(q "SELECT sql FROM sqlite_master WHERE name = 'posts_uniq_user_id_slug'")" '"handle"'
assert_eq "2" "$(q "SELECT count(*) FROM labels")" "renamed table"
assert_eq "1|1
2|2" "$(q "SELECT * FROM post_counts ORDER BY user_id")" "the view keeps working"

t "enum values added by a later migration"
m 1009_enum <<'JS'
exports.up = (pgm) => {
  pgm.addTypeValue('mood', 'meh', { after: 'happy' });
};
JS
migrate
q "INSERT INTO users (email, mood) VALUES ('e@x', 'meh')"
assert_contains "$(tsql users)" "('happy', 'meh', 'sad')"
assert_eq "4" "$(q "SELECT count(*) FROM users")" "users rows"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"

t "noTransaction(): a rebuild outside a transaction still keeps the children"
m 1010_notx <<'JS'
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.alterColumn('users', 'email', { type: 'text' });
};
exports.down = (pgm) => {
  pgm.alterColumn('users', 'email', { type: 'varchar(100)' });
};
JS
migrate
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"
assert_not_contains "$(tsql users)" "type:varchar"

t "rollback: an explicit down rebuilds back; an inferred one undoes addColumns"
assert_exit 0 mig --database-url "$URL" -m migrations rollback 1
assert_contains "$(tsql users)" "type:varchar(100)"
assert_contains "$(tsql users)" "('happy', 'meh', 'sad')"
m 1011_cols <<'JS'
exports.up = (pgm) => {
  pgm.addColumns('posts', { rank: { type: 'integer', notNull: true, default: 0 } });
  pgm.createIndex('posts', 'rank');
};
JS
migrate
assert_contains "$(indexes posts)" "posts_rank_index"
assert_exit 0 mig --database-url "$URL" -m migrations rollback 1
assert_not_contains "$(cols posts)" "rank"
assert_not_contains "$(indexes posts)" "posts_rank_index"
rm migrations/1011_cols.js
# the inverse of addConstraint is a rebuild: its statements keep their order
m 1011_cap <<'JS'
exports.up = (pgm) => {
  pgm.addConstraint('posts', 'posts_views_cap', { check: 'views < 1000000' });
};
JS
migrate
assert_contains "$(tsql posts)" "posts_views_cap"
assert_exit 0 mig --database-url "$URL" -m migrations rollback 1
assert_not_contains "$(tsql posts)" "posts_views_cap"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"
rm migrations/1011_cap.js
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows after rollback"

t "dry run changes nothing; sql prints the rebuild offline"
assert_exit 0 mig --database-url "$URL" -m migrations rollback 1
migrate_before=$(q "SELECT count(*) FROM pgmigrations")
assert_exit 0 mig --database-url "$URL" -m migrations --dry-run migrate
assert_contains "$OUT" 'ALTER TABLE "_mig_new_users" RENAME TO "users";'
assert_eq "$migrate_before" "$(q "SELECT count(*) FROM pgmigrations")" "nothing recorded"
assert_contains "$(tsql users)" "type:varchar(100)"
assert_exit 0 mig -m migrations sql 1001_score_type --dialect sqlite
assert_contains "$OUT" 'CREATE TABLE "_mig_new_users" ('
assert_contains "$OUT" '"score" REAL DEFAULT 0'
assert_contains "$OUT" "INSERT INTO sqlite_sequence (name, seq) SELECT '_mig_new_users', seq FROM sqlite_sequence WHERE name = 'users';"
migrate
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"

t "what SQLite cannot express: a clear error naming file, line, operation and dialect"
m 1100_policy <<'JS'
exports.up = (pgm) => {
  pgm.createTable('z', { id: 'id' });
  pgm.createPolicy('z', 'own_rows', { using: 'true' });
};
JS
assert_exit 2 mig --database-url "$URL" -m migrations migrate
assert_contains "$ERR" "migrations/1100_policy.js:3:3: createPolicy is not supported on SQLite: SQLite has no row-level security"
assert_eq "" "$(q "SELECT name FROM sqlite_master WHERE name = 'z'")" "rolled back"
rm migrations/1100_policy.js
m 1100_array <<'JS'
exports.up = (pgm) => {
  pgm.createTable('z', { id: 'id', tags: 'text[]' });
};
JS
assert_exit 2 mig --database-url "$URL" -m migrations migrate
assert_contains "$ERR" "1100_array.js:2:3: createTable: column \"tags\": the array type text[] is not supported on SQLite"
rm migrations/1100_array.js

t "dropTable: dependents refuse, cascade drops the foreign keys (children keep their rows)"
m 1101_drop <<'JS'
exports.up = (pgm) => {
  pgm.dropTable('users');
};
JS
assert_exit 1 mig --database-url "$URL" -m migrations migrate
assert_contains "$ERR" "1101_drop.js:2:3: dropTable: cannot drop table users because other objects depend on it: constraint legacy_owner_fkey on table legacy, constraint posts_user_id_fkey on table posts (use {cascade: true} to drop them too)"
m 1101_drop <<'JS'
exports.up = (pgm) => {
  pgm.dropView('post_counts');
  pgm.dropTable('users', { cascade: true });
};
JS
migrate
assert_eq "" "$(fks posts)" "the children lost their foreign key"
assert_eq "" "$(fks legacy)" "the children lost their foreign key"
assert_eq "3" "$(q "SELECT count(*) FROM posts")" "posts rows"
assert_eq "2" "$(q "SELECT count(*) FROM legacy")" "legacy rows"
assert_eq "ok" "$(q "PRAGMA integrity_check")" "integrity"

t "noTransaction(): a foreign key added over violating rows fails that migration and undoes its rebuild"
FKDB=$WORK/fk.db
rm -rf fkm && mkdir fkm
cat >fkm/1_base.sql <<'SQL'
-- Up Migration
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER);
INSERT INTO p VALUES (1);
INSERT INTO c VALUES (1, 1), (2, 99);
SQL
cat >fkm/2_fk.js <<'JS'
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.addConstraint('c', 'c_pid_fkey', { foreignKeys: { columns: 'pid', references: 'p' } });
};
JS
assert_exit 1 mig --database-url "sqlite:$FKDB" -m fkm migrate
assert_contains "$ERR" "fkm/2_fk.js:3:3: migration 2_fk failed: CHECK constraint failed: foreign keys violated after the table rebuild"
assert_contains "$ERR" "SQLite rolled back the transaction this statement ran in"
fq() { sqlite3 -batch -noheader "$FKDB" "$1"; }
assert_not_contains "$(fq "SELECT sql FROM sqlite_master WHERE name = 'c'")" "REFERENCES" "the rebuild was undone"
assert_eq "" "$(fq "PRAGMA foreign_key_check")" "no dangling reference was made"
assert_eq "1|1 2|99" "$(fq "SELECT group_concat(id || '|' || pid, ' ') FROM c")" "the rows are as they were"
assert_eq "ok" "$(fq "PRAGMA integrity_check")"
assert_eq 1_base "$(fq "SELECT group_concat(name) FROM pgmigrations")" "2_fk is not recorded"
# put the rows right, record the failed migration as pending, and it applies
fq "DELETE FROM c WHERE pid = 99"
assert_exit 0 mig --database-url "sqlite:$FKDB" -m fkm repair 2_fk --pending
assert_exit 0 mig --database-url "sqlite:$FKDB" -m fkm migrate
assert_contains "$(fq "SELECT sql FROM sqlite_master WHERE name = 'c'")" "REFERENCES"
assert_eq "1_base,2_fk" "$(fq "SELECT group_concat(name) FROM pgmigrations")"
