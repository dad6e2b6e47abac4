#!/usr/bin/env bash
# The database before any migration, on real servers: `wait` (a port with
# nothing listening: it gives up in time, exit 1, no password shown; a
# live server: exit 0), `--wait` before migrate, the hint when the
# database does not exist (PostgreSQL 3D000, MySQL 1049), and
# `create-database` / `migrate --create-database` on PostgreSQL and
# MariaDB, names quoted by the dialect's rules.
source "$(dirname "$0")/lib.sh"

pg_require
my_require

SECRET=Sekr1t-wait-pw
# a loopback port nothing listens on
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

table_migration 1
table_migration 2

# pg_url DB / my_url DB: the password users' URLs for database DB
pg_url() { pg_url_with_db "$MIG_TEST_PG_PASSWORD_URL" "$1"; }
my_url() { printf '%s/%s\n' "${MIG_TEST_MYSQL_PASSWORD_URL%/*}" "$1"; }
pg_db_exists() { pgq "$MIG_TEST_PG_URL" "SELECT count(*) FROM pg_database WHERE datname = '$1'"; }
my_db_exists() { myq "" "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$1'"; }
name() { printf 'mig_c_%s' "$(od -An -N5 -tx1 /dev/urandom | tr -d ' \n')"; }

t "wait: a port with nothing listening times out with exit 1, the password never shown"
for scheme in postgres mysql; do
	port=$(free_port)
	start=$(date +%s)
	assert_exit 1 mig wait --database-url "$scheme://someone:$SECRET@127.0.0.1:$port/db" --wait-timeout 3
	took=$(($(date +%s) - start))
	[ "$took" -ge 2 ] && [ "$took" -le 8 ] || fail "$scheme: wait --wait-timeout 3 took $took s"
	assert_contains "$ERR" "waiting for the database at $scheme://someone:****@127.0.0.1:$port/db .."
	assert_contains "$ERR" "the database did not accept connections within 3 s ("
	assert_not_contains "$OUT$ERR" "$SECRET"
	assert_eq "" "$OUT" "nothing on stdout"
	assert_exit 1 mig wait --database-url "$scheme://someone:$SECRET@127.0.0.1:$port/db" --wait-timeout 1 --json
	assert_contains "$OUT" '{"event": "error", "code": "connect", "exit_status": 1'
	assert_not_contains "$OUT$ERR" "$SECRET"
done

t "wait: a live server answers at once; a missing database still means the server is up"
assert_exit 0 mig wait --database-url "$MIG_TEST_PG_PASSWORD_URL"
assert_eq "" "$ERR" "no dots when the first attempt connects"
assert_exit 0 mig wait --database-url "$MIG_TEST_MYSQL_PASSWORD_URL" --json
assert_contains "$OUT" '{"event": "ready", "url": "mysql://mig:****@'
assert_exit 0 mig wait --database-url "$(pg_url "$(name)")"
assert_contains "$ERR" "is up, but the database does not exist"
assert_not_contains "$OUT$ERR" "$MIG_TEST_PG_PASSWORD"

t "wait: a server that comes up while it waits"
# the real server behind a relay that starts listening 2 s from now
port=$(free_port)
python3 - "$port" "$MIG_TEST_PG_PORT" <<'PY' &
import socket, sys, threading, time
time.sleep(2)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(8)
def pipe(a, b):
    try:
        while (data := a.recv(65536)):
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try: s.shutdown(socket.SHUT_RDWR)
            except OSError: pass
while True:
    c, _ = srv.accept()
    u = socket.create_connection(("127.0.0.1", int(sys.argv[2])))
    threading.Thread(target=pipe, args=(c, u), daemon=True).start()
    threading.Thread(target=pipe, args=(u, c), daemon=True).start()
PY
relay=$!
on_exit "kill $relay"
relayed=$(pg_url_with_db "${MIG_TEST_PG_PASSWORD_URL/:$MIG_TEST_PG_PORT\//:$port/}" postgres)
assert_exit 0 mig wait --database-url "$relayed" --wait-timeout 20
assert_contains "$ERR" "waiting for the database at postgres://mig:****@127.0.0.1:$port/postgres ."
assert_contains "$ERR" " up"
assert_not_contains "$OUT$ERR" "$MIG_TEST_PG_PASSWORD"
# --wait before migrate goes through the same wait
DB=$(name)
on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS $DB WITH (FORCE)'"
assert_exit 0 mig migrate --wait --wait-timeout 5 --create-database --database-url "$(pg_url_with_db "$relayed" "$DB")"
assert_contains "$OUT" "Migrations complete! (2 in"
kill "$relay" 2>/dev/null || true

t "PostgreSQL: a missing database gets a hint; create-database creates it once"
DB=$(name)
on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS $DB WITH (FORCE)'"
assert_exit 1 mig migrate --database-url "$(pg_url "$DB")"
assert_contains "$ERR" "database \"$DB\" does not exist"
assert_contains "$ERR" "hint: create it with \`migrations create-database\`, or run \`migrations migrate --create-database\`"
assert_not_contains "$OUT$ERR" "$MIG_TEST_PG_PASSWORD"
assert_exit 1 mig migrate --database-url "$(pg_url "$DB")" --json
assert_contains "$OUT" '"code": "nodatabase"'
assert_contains "$OUT" '"hint": "create it with'
assert_exit 0 mig create-database --database-url "$(pg_url "$DB")"
assert_contains "$OUT" "Created the database -- postgres://mig:****@127.0.0.1:$MIG_TEST_PG_PORT/$DB"
assert_eq 1 "$(pg_db_exists "$DB")"
assert_eq mig "$(pgq "$MIG_TEST_PG_URL" "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$DB'")" "owned by the URL's user"
assert_exit 0 mig create-database --database-url "$(pg_url "$DB")" --json
assert_eq '{"event": "database", "url": "postgres://mig:****@127.0.0.1:'"$MIG_TEST_PG_PORT/$DB"'", "created": false}' "$OUT"
assert_exit 0 mig migrate --database-url "$(pg_url "$DB")"
assert_eq 2 "$(pgq "$(pg_url_with_db "$MIG_TEST_PG_URL" "$DB")" "SELECT count(*) FROM pgmigrations")"

t "PostgreSQL: migrate --wait --create-database; a name that needs quoting"
DB=$(name)
on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS $DB WITH (FORCE)'"
assert_exit 0 mig migrate --wait --create-database --database-url "$(pg_url "$DB")" --json
assert_contains "$OUT" '{"event": "ready"'
assert_contains "$OUT" '"event": "database", "url": "postgres://mig:****@127.0.0.1:'"$MIG_TEST_PG_PORT/$DB"'", "created": true}'
assert_contains "$OUT" '{"event": "done", "count": 2'
assert_eq 1 "$(pg_db_exists "$DB")"
on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS \"Odd\"\"Name; x\" WITH (FORCE)'"
assert_exit 0 mig create-database --database-url "postgres://postgres@127.0.0.1:$MIG_TEST_PG_PORT/Odd%22Name%3B%20x"
assert_eq 1 "$(pg_db_exists 'Odd"Name; x')" "the name exactly, quoted"

t "MySQL: a missing database gets a hint; create-database creates it once"
DB=$(name)
on_exit "myq '' 'DROP DATABASE IF EXISTS $DB'"
assert_exit 1 mig migrate --database-url "$(my_url "$DB")"
assert_contains "$ERR" "Unknown database '$DB' (error 1049)"
assert_contains "$ERR" "hint: create it with \`migrations create-database\`"
assert_not_contains "$OUT$ERR" "$MIG_TEST_MYSQL_PASSWORD"
assert_exit 0 mig create-database --database-url "$(my_url "$DB")"
assert_contains "$OUT" "Created the database -- mysql://mig:****@127.0.0.1:$MIG_TEST_MYSQL_PORT/$DB"
assert_eq 1 "$(my_db_exists "$DB")"
assert_eq utf8mb4 "$(myq "" "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$DB'")"
assert_exit 0 mig create-database --database-url "$(my_url "$DB")"
assert_contains "$OUT" "The database is already there"
assert_exit 0 mig migrate --database-url "$(my_url "$DB")"
assert_eq 2 "$(myq "$DB" "SELECT count(*) FROM pgmigrations")"

t "MySQL: migrate --create-database; a name that needs quoting"
DB=$(name)
on_exit "myq '' 'DROP DATABASE IF EXISTS $DB'"
assert_exit 0 mig migrate --create-database --database-url "$(my_url "$DB")"
assert_contains "$OUT" "Created the database"
assert_contains "$OUT" "Migrations complete! (2 in"
assert_eq 1 "$(my_db_exists "$DB")"
on_exit "myq '' 'DROP DATABASE IF EXISTS \`odd\`\`name x\`'"
assert_exit 0 mig create-database --database-url "mysql://root@127.0.0.1:$MIG_TEST_MYSQL_PORT/odd%60name%20x"
assert_eq 1 "$(my_db_exists 'odd`name x')" "the name exactly, quoted"
