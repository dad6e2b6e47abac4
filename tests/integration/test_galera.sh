# The run lock on a real 3-node MariaDB Galera cluster (tests/ci/galera-up.sh):
# GET_LOCK is node-local there, so `auto` takes the lease row; 12 runs at once
# spread over the three nodes apply each migration exactly once; the lease is
# kept alive by its keeper while a migration outlasts it; a run killed with
# SIGKILL loses its lease once it expires and the next run takes over (and
# finds the half-applied migration in the journal); status names the holder.
# Needs MIG_TEST_GALERA_URL1..3 (root URLs of the three nodes).
. "$(dirname "$0")/lib.sh"

for n in 1 2 3; do
	eval "[ -n \"\${MIG_TEST_GALERA_URL$n:-}\" ]" ||
		skip_or_fail "MIG_TEST_GALERA_URL$n is not set (eval \"\$(tests/ci/galera-up.sh)\" starts a cluster)"
done
MY_CLIENT=$(my_client) || fail "the mariadb client is needed (apt-get install mariadb-client)"
unset DATABASE_URL

# The URL of node N for database DB (the URLs' own database replaced).
node_url() { eval "local u=\$MIG_TEST_GALERA_URL$1"; printf '%s/%s' "${u%/*}" "$2"; }
# gq N DB SQL: a query on node N (credentials from its URL).
gq() {
	eval "local u=\$MIG_TEST_GALERA_URL$1"
	local rest=${u#*://} cred hostport user pw host port
	cred=${rest%%@*}
	hostport=${rest#*@}
	hostport=${hostport%%/*}
	user=${cred%%:*}
	pw=""
	[ "$cred" != "$user" ] && pw=${cred#*:}
	host=${hostport%:*}
	port=${hostport##*:}
	MYSQL_PWD=$pw "$MY_CLIENT" --no-defaults --protocol=tcp -h "$host" -P "$port" -u "$user" -N -B -r -e "$3" ${2:+"$2"}
}
[ "$(gq 1 "" "SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_cluster_size'")" = 3 ] ||
	fail "the cluster at MIG_TEST_GALERA_URL1 does not have 3 nodes"

# galera_db VAR: a scratch database (created on node 1, replicated), dropped at the end.
galera_db() {
	local name
	name=mig_g_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
	gq 1 "" "CREATE DATABASE $name CHARACTER SET utf8mb4" || fail "cannot create $name"
	on_exit "gq 1 '' 'DROP DATABASE IF EXISTS $name'"
	printf -v "$1" '%s' "$name"
}

# twenty .sql migrations, each a table and a row
new_set() {
	rm -rf migrations
	mkdir -p migrations
	local i
	for i in $(seq -w 1 20); do
		printf -- '-- Up Migration\nCREATE TABLE g_%s (id int PRIMARY KEY);\nINSERT INTO g_%s VALUES (%d);\n-- Down Migration\nDROP TABLE g_%s;\n' \
			"$i" "$i" "$((10#$i))" "$i" >"migrations/17000000000${i}_g$i.sql"
	done
}

t "auto takes the lease on a Galera node (GET_LOCK would be node-local) and leaves no lease behind"
galera_db DB
new_set
assert_exit 0 mig --database-url "$(node_url 1 "$DB")" migrate 1
assert_eq 1 "$(gq 2 "$DB" "SELECT count(*) FROM pgmigrations")" "recorded, and read on node 2"
assert_eq 0 "$(gq 3 "$DB" "SELECT count(*) FROM pgmigrations_lock")" "the lease row is gone after the run"
assert_exit 0 mig --database-url "$(node_url 2 "$DB")" migrate 1 --lock-strategy session
assert_contains "$ERR" "--lock-strategy session on a cluster node: the lock is the node's own"

t "12 concurrent runs over the three nodes apply each of 20 migrations exactly once"
galera_db DB
new_set
pids=()
for n in 1 2 3; do
	for k in 1 2 3 4; do
		"$MIG_BIN" migrate -m migrations --database-url "$(node_url "$n" "$DB")" --lock-wait 120 \
			>"out.$n.$k" 2>"err.$n.$k" &
		pids+=($!)
	done
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
[ $failed = 0 ] || { cat err.* >&2; fail "$failed of 12 concurrent runs failed"; }
applied=$(cat out.* | grep -c '^applied ' || true)
assert_eq 20 "$applied" "migrations applied over all 12 runs"
for n in 1 2 3; do
	assert_eq "20 20" "$(gq "$n" "$DB" "SELECT count(*), count(DISTINCT name) FROM pgmigrations" | tr '\t' ' ')" "state on node $n"
	assert_eq 20 "$(gq "$n" "" "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$DB' AND table_name LIKE 'g\_%'")" "tables on node $n"
done
assert_eq 0 "$(gq 1 "$DB" "SELECT count(*) FROM pgmigrations_journal")" "nothing half-applied"

t "the keeper renews the lease while a migration outlasts it; other nodes are refused all along"
galera_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE slow (id int PRIMARY KEY);\nSELECT SLEEP(10);\n-- Down Migration\nDROP TABLE slow;\n' >migrations/1700000000001_slow.sql
"$MIG_BIN" migrate --database-url "$(node_url 1 "$DB")" --lock-lease 3 >slow.out 2>slow.err &
slow=$!
on_exit "kill -9 $slow"
gq_wait() { # N DB SQL: until it prints 1 (10 s)
	local i
	for ((i = 0; i < 100; i++)); do [ "$(gq "$1" "$2" "$3" 2>/dev/null)" = 1 ] && return 0; sleep 0.1; done
	fail "timed out waiting for: $3"
}
gq_wait 2 "$DB" "SELECT count(*) FROM pgmigrations_lock"
for at in 1 4 7; do
	# the lease lasts 3 s; by 4 s and 7 s only renewals keep it
	sleep 3
	assert_exit 1 mig --database-url "$(node_url $((at % 3 + 1)) "$DB")" migrate
	assert_contains "$ERR" "Another migration is already running"
	assert_contains "$ERR" "pid $slow"
	assert_exit 0 mig --database-url "$(node_url 3 "$DB")" status
	assert_contains "$ERR" "a migration run holds the lock now: held by run"
done
wait $slow || { cat slow.err >&2; fail "the slow run failed"; }
assert_eq 1 "$(gq 3 "$DB" "SELECT count(*) FROM pgmigrations")"

t "a run killed mid-migration loses its lease when it expires; the next run takes over and finds the journal"
galera_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE k1 (id int PRIMARY KEY);\n-- Down Migration\nDROP TABLE k1;\n' >migrations/1700000000001_k1.sql
printf -- '-- Up Migration\nCREATE TABLE k2 (id int PRIMARY KEY);\nSELECT SLEEP(60);\nCREATE TABLE k2b (id int PRIMARY KEY);\n-- Down Migration\nDROP TABLE k2b;\nDROP TABLE k2;\n' >migrations/1700000000002_k2.sql
"$MIG_BIN" migrate --database-url "$(node_url 1 "$DB")" --lock-lease 3 >kill.out 2>kill.err &
victim=$!
on_exit "kill -9 $victim"
gq_wait 2 "$DB" "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$DB' AND table_name = 'k2'"
kill -9 $victim
wait $victim 2>/dev/null || true
assert_eq 1 "$(gq 3 "$DB" "SELECT count(*) FROM pgmigrations_lock")" "a dead run's lease stays until it expires"
t0=$(date +%s)
assert_exit 1 mig --database-url "$(node_url 3 "$DB")" migrate --lock-wait 30
took=$(($(date +%s) - t0))
[ $took -le 10 ] || fail "taking over a 3 s lease took $took s"
assert_contains "$ERR" "1700000000002_k2 was interrupted"
assert_eq 0 "$(gq 2 "$DB" "SELECT count(*) FROM pgmigrations_lock")" "the run that took over released the lease"
assert_eq 1700000000001_k1 "$(gq 2 "$DB" "SELECT group_concat(name) FROM pgmigrations")"
# the way out: undo by hand, record it as pending, migrate again (on another node)
gq 1 "$DB" "DROP TABLE k2"
assert_exit 0 mig --database-url "$(node_url 2 "$DB")" repair 1700000000002_k2 --pending
printf -- '-- Up Migration\nCREATE TABLE k2 (id int PRIMARY KEY);\nCREATE TABLE k2b (id int PRIMARY KEY);\n-- Down Migration\nDROP TABLE k2b;\nDROP TABLE k2;\n' >migrations/1700000000002_k2.sql
assert_exit 0 mig --database-url "$(node_url 1 "$DB")" migrate
assert_eq "1700000000001_k1,1700000000002_k2" "$(gq 3 "$DB" "SELECT group_concat(name ORDER BY id) FROM pgmigrations")"
