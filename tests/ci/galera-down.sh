#!/usr/bin/env bash
# Stop the Galera cluster tests/ci/galera-up.sh started and delete it.
#   tests/ci/galera-down.sh [--keep] [DIR]
# DIR is the directory given to galera-up.sh; default $MIG_TEST_GALERA_DIR.
# The nodes are stopped by the pids recorded in DIR only (never by process
# name), and only when their command line names their own data directory:
# SIGTERM one after the other, node 3 first, each leaving a cluster that is
# still there (nodes that leave together wait out each other's 5 s
# suspect timeout); a node still alive 3 s after its SIGTERM is waited for
# later, and one still alive MIG_GALERA_STOP_S seconds (default 10) after
# the last SIGTERM gets SIGKILL (a Synced node stops in well under a
# second; one in a state transfer ignores SIGTERM). What a
# state transfer runs (wsrep_sst_rsync, its rsync daemon and clients) is
# stopped too when it outlives its node: the children of the nodes' pids as
# they were before the nodes were signalled, and the rsync daemons recorded
# in the joiners' data directories (rsync_sst.pid), each only when its
# command line names this cluster's directory.
# --keep stops the nodes but leaves the files (logs) in place.
set -euo pipefail

keep=false
if [ "${1:-}" = "--keep" ]; then keep=true; shift; fi
BASE=${1:-${MIG_TEST_GALERA_DIR:-}}
[ -n "$BASE" ] || { echo "galera-down: give the directory or set MIG_TEST_GALERA_DIR" >&2; exit 2; }
[ -d "$BASE" ] || { echo "galera-down: no $BASE; nothing to do" >&2; exit 0; }
BASE=$(cd "$BASE" && pwd)
HOME_DIR=$BASE/server
[ -f "$BASE/redirect" ] && HOME_DIR=$(cat "$BASE/redirect")
BOUND=${MIG_GALERA_STOP_S:-10}

alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
# names PID TEXT: PID's command line contains TEXT (read first: with
# pipefail, grep -q closing the pipe early would fail the test)
names() {
	local cmdline
	cmdline=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true)
	case $cmdline in *"$2"*) true ;; *) false ;; esac
}

# descendants PID...: every process below the PIDs (from /proc's ppid links)
descendants() {
	local f line rest ppid pid out=" $* " changed=1
	local -a pairs=()
	for f in /proc/[0-9]*/stat; do
		{ read -r line <"$f"; } 2>/dev/null || continue
		rest=${line##*) }
		ppid=${rest#* }
		ppid=${ppid%% *}
		pid=${f#/proc/}
		pairs+=("${pid%/stat}:$ppid")
	done
	while [ $changed = 1 ]; do
		changed=0
		for f in ${pairs[@]+"${pairs[@]}"}; do
			case $out in *" ${f%%:*} "*) continue ;; esac
			case $out in *" ${f#*:} "*) out="$out${f%%:*} "; changed=1 ;; esac
		done
	done
	for pid in $out; do
		case " $* " in *" $pid "*) ;; *) echo "$pid" ;; esac
	done
}

pids=()
for n in 1 2 3; do
	for f in "$HOME_DIR/node$n/launch.pid" "$HOME_DIR/node$n/mysqld.pid"; do
		[ -s "$f" ] || continue
		pid=$(cat "$f")
		case " ${pids[*]-} " in *" $pid "*) continue ;; esac
		if alive "$pid" && names "$pid" "--datadir=$HOME_DIR/node$n/data "; then
			pids+=("$pid")
		fi
	done
done
helpers=()
if [ ${#pids[@]} -gt 0 ]; then
	for pid in $(descendants "${pids[@]}"); do
		names "$pid" "$HOME_DIR/node" && helpers+=("$pid")
	done
fi
# gone_within PID TENTHS: wait (bounded) for PID to end
gone_within() {
	local j=0
	while alive "$1" && [ $j -lt "$2" ]; do j=$((j + 1)); sleep 0.1; done
	! alive "$1"
}
for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
	kill -TERM "${pids[k]}" 2>/dev/null || true
	gone_within "${pids[k]}" 30 || true
done
i=0
while [ $i -lt $((BOUND * 10)) ]; do
	left=0
	for pid in ${pids[@]+"${pids[@]}"}; do alive "$pid" && left=1; done
	[ $left = 0 ] && break
	i=$((i + 1))
	sleep 0.1
done
for pid in ${pids[@]+"${pids[@]}"}; do
	if alive "$pid" && names "$pid" "$HOME_DIR/node"; then
		echo "galera-down: pid $pid ignored SIGTERM for $BOUND s: SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null || true
	fi
done

# What an interrupted state transfer leaves: the SST script notices within
# a second or two that its node is gone and ends with its rsync daemon;
# whatever is still there after 3 s gets SIGTERM, then SIGKILL. The rsync
# daemons are also found through the pid files the joiners' SST scripts
# write (for a node that was already gone when this ran).
for f in "$HOME_DIR"/node[123]/data/rsync_sst.pid; do
	[ -s "$f" ] || continue
	pid=$(cat "$f")
	alive "$pid" && names "$pid" "$HOME_DIR/node" && helpers+=("$pid")
done
mine() { alive "$1" && names "$1" "$HOME_DIR/node"; }
i=0
while [ ${#helpers[@]} -gt 0 ] && [ $i -lt 50 ]; do
	left=0
	for pid in "${helpers[@]}"; do mine "$pid" && left=1; done
	[ $left = 0 ] && break
	[ $i = 30 ] && for pid in "${helpers[@]}"; do mine "$pid" && { kill -TERM "$pid" 2>/dev/null || true; }; done
	i=$((i + 1))
	sleep 0.1
done
for pid in ${helpers[@]+"${helpers[@]}"}; do
	mine "$pid" && kill -KILL "$pid" 2>/dev/null || true
done

if ! $keep; then
	case $HOME_DIR in /|/tmp|/dev/shm|"") ;; *) rm -rf "$HOME_DIR" ;; esac
	rm -f "$BASE/exports.sh" "$BASE/redirect"
	rmdir "$BASE" 2>/dev/null || true
fi
echo "galera-down: stopped ($HOME_DIR)" >&2
