#!/usr/bin/env bash
# Write the benchmark's migration set of N migrations into DIR, in every
# form the tools read (the same tables for every tool):
#   DIR/js        node-pg-migrate JS (migrations, node-pg-migrate; all engines)
#   DIR/sql       node-pg-migrate .sql, PostgreSQL spelling
#   DIR/sql-my    node-pg-migrate .sql, MySQL spelling
#   DIR/sql-lite  node-pg-migrate .sql, SQLite spelling
#   DIR/dbmate-pg, DIR/dbmate-my, DIR/dbmate-lite   dbmate's format
#   DIR/floor-{pg,my,lite}.sql   every statement, for each engine's client
#   DIR/floor-my-text.sql     the same for the mariadb client, a migration's
#                             statements sent as one text (one round trip)
#   DIR/floor-my-journal.sql  the texts `migrations` sends for DIR/sql-my:
#                             each with the journal's start and counts and
#                             the record, and the journal's prune at the end
#                             (the SQL of the MySQL dialect, as
#                             `migrate --verbose` shows it)
# Each migration creates a table with a serial key, a few columns and a
# foreign key to the previous table, an index, and inserts a row.
#
#   tests/bench/gen.sh N DIR
set -euo pipefail
N=$1
DIR=$2
mkdir -p "$DIR"/{js,sql,sql-my,sql-lite,dbmate-pg,dbmate-my,dbmate-lite}
: >"$DIR/floor-pg.sql"
: >"$DIR/floor-my.sql"
printf 'DELIMITER $$\n' >"$DIR/floor-my-text.sql"
JOURNAL='`pgmigrations_journal`'
{
	printf 'CREATE TABLE `pgmigrations` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) NOT NULL, run_on DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n'
	printf 'CREATE TABLE %s (name varchar(255) NOT NULL PRIMARY KEY, direction varchar(4) NOT NULL, state varchar(16) NOT NULL, statements_done integer NOT NULL, started_at bigint NOT NULL, owner varchar(255) NOT NULL, error TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n' "$JOURNAL"
	printf 'DELIMITER $$\n'
} >"$DIR/floor-my-journal.sql"
prune=""
printf 'BEGIN;\n' >"$DIR/floor-lite.sql"
for i in $(seq 1 "$N"); do
	p=$((1700000000000 + i))
	ref=""
	[ "$i" -gt 1 ] && ref="prev_id: { type: 'integer', references: 't$((i - 1))', onDelete: 'CASCADE' },"
	cat >"$DIR/js/${p}_t$i.js" <<EOF
exports.up = (pgm) => {
  pgm.createTable('t$i', {
    id: 'id',
    name: { type: 'varchar(100)', notNull: true },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    $ref
  });
  pgm.createIndex('t$i', 'name');
  pgm.sql("INSERT INTO t$i (name) VALUES ('row $i')");
};
exports.down = (pgm) => {
  pgm.dropTable('t$i');
};
EOF
	fk=""
	[ "$i" -gt 1 ] && fk=", prev_id INTEGER REFERENCES t$((i - 1)) (id) ON DELETE CASCADE"
	body="CREATE TABLE t$i (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP$fk);
CREATE INDEX t${i}_name_index ON t$i (name);
INSERT INTO t$i (name) VALUES ('row $i');"
	litebody=${body/SERIAL PRIMARY KEY/INTEGER PRIMARY KEY}
	myfk=""
	[ "$i" -gt 1 ] && myfk=", prev_id INT, CONSTRAINT t${i}_prev_id_fkey FOREIGN KEY (prev_id) REFERENCES t$((i - 1)) (id) ON DELETE CASCADE"
	mybody="CREATE TABLE t$i (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)$myfk) ENGINE=InnoDB;
CREATE INDEX t${i}_name_index ON t$i (name);
INSERT INTO t$i (name) VALUES ('row $i');"
	down="DROP TABLE t$i;"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\n%s\n' "$body" "$down" >"$DIR/sql/${p}_t$i.sql"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\n%s\n' "$mybody" "$down" >"$DIR/sql-my/${p}_t$i.sql"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\n%s\n' "$litebody" "$down" >"$DIR/sql-lite/${p}_t$i.sql"
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\n%s\n' "$body" "$down" >"$DIR/dbmate-pg/${p}_t$i.sql"
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\n%s\n' "$mybody" "$down" >"$DIR/dbmate-my/${p}_t$i.sql"
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\n%s\n' "$litebody" "$down" >"$DIR/dbmate-lite/${p}_t$i.sql"
	printf '%s\n' "$body" >>"$DIR/floor-pg.sql"
	printf '%s\n' "$mybody" >>"$DIR/floor-my.sql"
	printf '%s\n$$\n' "${mybody%;}" >>"$DIR/floor-my-text.sql"
	name="${p}_t$i"
	{
		printf "INSERT INTO %s (name, direction, state, statements_done, started_at, owner) VALUES ('%s', 'up', 'running', 0, UNIX_TIMESTAMP(), 'bench:0:0') ON DUPLICATE KEY UPDATE direction = 'up', state = 'running', statements_done = 0, started_at = UNIX_TIMESTAMP(), owner = 'bench:0:0', error = NULL;\n" "$JOURNAL" "$name"
		k=0
		while IFS= read -r stmt; do
			[ $k -gt 0 ] && printf "UPDATE %s SET statements_done = %d WHERE name = '%s';\n" "$JOURNAL" $k "$name"
			printf '%s\n' "$stmt"
			k=$((k + 1))
		done <<<"$mybody"
		printf "INSERT INTO \`pgmigrations\` (name, run_on) VALUES ('%s', UTC_TIMESTAMP(6))\n\$\$\n" "$name"
	} >>"$DIR/floor-my-journal.sql"
	# the prune deletes the complete rows by name, 1,000 to a statement
	prune="$prune${prune:+, }'$name'"
	if [ $((i % 1000)) = 0 ] || [ "$i" = "$N" ]; then
		printf "DELETE FROM %s WHERE state = 'running' AND name IN (%s)\n\$\$\n" "$JOURNAL" "$prune" >>"$DIR/floor-my-journal.sql"
		prune=""
	fi
	printf '%s\n' "$litebody" >>"$DIR/floor-lite.sql"
done
printf 'COMMIT;\n' >>"$DIR/floor-lite.sql"
