# A smoke test of the test servers tests/ci/galera-up.sh and
# tests/ci/pgbouncer-up.sh start (the migration tests against them live
# elsewhere): every node of the Galera cluster answers at its URL in a
# cluster of 3, a row written on node 1 is read on node 3, and a query goes
# through PgBouncer. Needs MIG_TEST_GALERA_URL1..3 and
# MIG_TEST_PGBOUNCER_URL; under CI a missing one is a failure, elsewhere
# its sections are skipped (and the whole test when both are missing).
. "$(dirname "$0")/lib.sh"

have_galera=1 have_pgbouncer=1
[ -n "${MIG_TEST_GALERA_URL1:-}" ] && [ -n "${MIG_TEST_GALERA_URL2:-}" ] && [ -n "${MIG_TEST_GALERA_URL3:-}" ] || have_galera=0
[ -n "${MIG_TEST_PGBOUNCER_URL:-}" ] || have_pgbouncer=0
if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then
	[ $have_galera = 1 ] || skip_or_fail "MIG_TEST_GALERA_URL1..3 are not set (eval \"\$(tests/ci/galera-up.sh)\" starts a cluster)"
	[ $have_pgbouncer = 1 ] || skip_or_fail "MIG_TEST_PGBOUNCER_URL is not set (eval \"\$(tests/ci/pgbouncer-up.sh)\" starts PgBouncer)"
fi
[ $have_galera = 1 ] || [ $have_pgbouncer = 1 ] ||
	skip_or_fail "neither MIG_TEST_GALERA_URL1..3 nor MIG_TEST_PGBOUNCER_URL is set (tests/ci/galera-up.sh, tests/ci/pgbouncer-up.sh)"

# galq URL SQL: run SQL with the mariadb client on the server of a
# mysql://user[:password]@host:port/db URL; rows tab-separated, raw.
galq() {
	local r=${1#*://} hp user=root pw="" host port db
	hp=${r%%/*}
	db=${r#"$hp"}
	db=${db#/}
	db=${db%%\?*}
	case $hp in *@*)
		user=${hp%@*}
		hp=${hp##*@}
		case $user in *:*) pw=${user#*:}; user=${user%%:*} ;; esac
		;;
	esac
	host=${hp%:*}
	port=${hp##*:}
	[ "$port" != "$hp" ] || port=3306
	pw=$(printf '%b' "${pw//%/\\x}")
	"$MY_CLIENT" --no-defaults --protocol=tcp -h "$host" -P "$port" -u "$user" ${pw:+"-p$pw"} \
		-N -B -r -e "$2" ${db:+"$db"}
}

if [ $have_galera = 1 ]; then
	MY_CLIENT=$(my_client) || fail "the mariadb client is needed (apt-get install mariadb-client)"

	t "every Galera node answers at its URL, in a cluster of 3, Synced"
	for n in 1 2 3; do
		var=MIG_TEST_GALERA_URL$n
		got=$(galq "${!var}" "SELECT concat(
			(SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_cluster_size'), ' ',
			(SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_local_state_comment'), ' ',
			database())") || fail "node $n (${!var}) does not answer"
		assert_eq "3 Synced mig_galera" "$got" "node $n: wsrep_cluster_size, state, database"
	done

	t "a row written on node 1 is read on node 3"
	table=smoke_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
	on_exit "galq '$MIG_TEST_GALERA_URL1' 'DROP TABLE IF EXISTS $table'"
	galq "$MIG_TEST_GALERA_URL1" "CREATE TABLE $table (id int PRIMARY KEY, v varchar(20)) ENGINE=InnoDB" ||
		fail "CREATE TABLE on node 1"
	galq "$MIG_TEST_GALERA_URL1" "INSERT INTO $table VALUES (1, 'from node 1')" || fail "INSERT on node 1"
	# wsrep_sync_wait: the read waits until node 3 has applied what the
	# cluster committed before it (a causal read)
	assert_eq "from node 1" "$(galq "$MIG_TEST_GALERA_URL3" "SET SESSION wsrep_sync_wait = 1; SELECT v FROM $table WHERE id = 1")" "the row read on node 3"
	assert_eq 1 "$(galq "$MIG_TEST_GALERA_URL2" "SET SESSION wsrep_sync_wait = 1; SELECT count(*) FROM $table")" "rows on node 2"
else
	echo "SKIP: MIG_TEST_GALERA_URL1..3 are not set: the Galera sections"
fi

if [ $have_pgbouncer = 1 ]; then
	command -v psql >/dev/null 2>&1 || fail "psql is needed (apt-get install postgresql-client)"

	t "a query goes through PgBouncer"
	assert_eq 1 "$(pgq "$MIG_TEST_PGBOUNCER_URL" 'SELECT 1')" "SELECT 1 through MIG_TEST_PGBOUNCER_URL"
else
	echo "SKIP: MIG_TEST_PGBOUNCER_URL is not set: the PgBouncer section"
fi
