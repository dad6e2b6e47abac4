#!/usr/bin/env bash
# The command line's habits (docs/cli.md): --help and per-command help list
# every option, did-you-mean, options that do not apply to a command,
# node-pg-migrate's spellings (--no-X, --X=false, --template-file-name,
# -f/--config-file, --use-glob), and the shell completion scripts. Runs on
# SQLite files (no server); zsh and fish must be installed in CI.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"
command -v flock >/dev/null || fail "flock (util-linux) is needed"

sql_migration() { # FILE UP-SQL DOWN-SQL
	mkdir -p "$(dirname "$1")"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\n%s\n' "$2" "$3" >"$1"
}

ALL_COMMANDS="create auth migrate up rollback down redo status repair sql help completion"

t "--help lists every option of docs/cli.md and of node-pg-migrate 9"
assert_exit 0 mig --help
HELP=$OUT
# every option the reference table of docs/cli.md documents
DOC_OPTS=$(sed -n '/^## Options/,/^## /p' "$MIG_SOURCE_DIR/docs/cli.md" | grep -o '`--\?[a-zA-Z][-a-zA-Z]*' | tr -d '`' | sort -u)
[ "$(echo "$DOC_OPTS" | wc -l)" -gt 40 ] || fail "too few options read from docs/cli.md: $DOC_OPTS"
for o in $DOC_OPTS; do
	case $o in
	# a flag that is on by default shows its --no- form; any other is
	# covered by the general line about --no-<option>
	--no-*) grep -qe "--${o#--no-}, $o\b" <<<"$HELP" ||
		{ grep -qe "--${o#--no-}  " <<<"$HELP" && grep -q "also takes --no-<option>" <<<"$HELP"; } ||
		fail "--help does not list $o" ;;
	--*) grep -qe "$o\b" <<<"$HELP" || fail "--help does not list $o" ;;
	*) grep -qe "^  $o, --" <<<"$HELP" || fail "--help does not list the short option $o" ;;
	esac
done
# node-pg-migrate 9's options (those --help used to leave out first)
for o in --advisory-lock-mode --envPath --check-order --no-check-order --lock --no-lock \
	--database-url-var --migrations-dir --use-glob --migrations-table --schema --create-schema \
	--migrations-schema --create-migrations-schema --verbose --ignore-pattern --decamelize \
	--config-value --config-file --migration-file-language --migration-filename-format \
	--template-file-name --dry-run --fake --single-transaction --no-single-transaction \
	--lock-value --timestamp; do
	grep -qe "$o\b" <<<"$HELP" || fail "--help does not list node-pg-migrate's $o"
done
for s in -d -m -t -s -j -f -i -v -q -h; do
	grep -qe "^  $s, --" <<<"$HELP" || fail "--help does not list $s"
done
# every command
for c in create auth migrate rollback redo status repair sql help completion; do
	grep -q "^  $c" <<<"$HELP" || fail "--help does not list the command $c"
done

t "help COMMAND and COMMAND --help: the command's usage and only its options"
for c in $ALL_COMMANDS; do
	assert_exit 0 mig help "$c"
	A=$OUT
	assert_exit 0 mig "$c" --help
	[ "$c" = help ] || assert_eq "$A" "$OUT" "help $c vs $c --help"
	canon=$c
	[ "$c" = up ] && canon=migrate
	[ "$c" = down ] && canon=rollback
	assert_contains "$(head -1 <<<"$A")" "Usage: migrations $canon" "help $c"
	assert_contains "$A" "--help" "help $c"
done
assert_exit 0 mig help sql
assert_contains "$OUT" "--dialect D"
assert_contains "$OUT" "--down"
assert_contains "$OUT" "--migrations-dir"
assert_not_contains "$OUT" "--dry-run"
assert_not_contains "$OUT" "--lock-wait"
assert_exit 0 mig migrate -h
assert_contains "$OUT" "--check-order, --no-check-order"
assert_contains "$OUT" "--lock, --no-lock"
assert_contains "$OUT" "--single-transaction, --no-single-transaction"
assert_contains "$OUT" "--advisory-lock-mode M"
assert_contains "$OUT" "(alias: up)"
assert_not_contains "$OUT" "--dialect"
assert_not_contains "$OUT" "--template-file-name"
assert_exit 0 mig help create
assert_contains "$OUT" "--template-file-name FILE"
assert_contains "$OUT" "-j, --migration-file-language"
assert_not_contains "$OUT" "--database-url"
assert_exit 0 mig help repair
assert_contains "$OUT" "--applied"
assert_contains "$OUT" "--pending"
assert_exit 0 mig help
assert_eq "$HELP" "$OUT" "help with no command"
# --version, -i
assert_exit 0 mig -i
assert_contains "$OUT" "migrations "
V=$OUT
assert_exit 0 mig --version
assert_eq "$V" "$OUT" "-i and --version"
# no command: the help on stderr, exit 2
assert_exit 2 mig
assert_contains "$ERR" "no command given"
assert_contains "$ERR" "Usage: migrations"

t "did you mean: the closest command, option or shell"
assert_exit 2 mig migrat
assert_contains "$ERR" "unknown command 'migrat': did you mean 'migrate'?"
assert_exit 2 mig rolback 1
assert_contains "$ERR" "did you mean 'rollback'?"
assert_exit 2 mig migrate --dry-rn
assert_contains "$ERR" "unknown option --dry-rn: did you mean --dry-run?"
assert_exit 2 mig migrate --no-chek-order
assert_contains "$ERR" "did you mean --no-check-order?"
assert_exit 2 mig status --migrations-tabel x
assert_contains "$ERR" "did you mean --migrations-table?"
assert_exit 2 mig help statsu
assert_contains "$ERR" "unknown command 'statsu': did you mean 'status'?"
assert_exit 2 mig completion bsh
assert_contains "$ERR" "did you mean 'bash'?"
assert_exit 2 mig frobnicate
assert_contains "$ERR" "unknown command 'frobnicate'"
assert_not_contains "$ERR" "did you mean"
assert_exit 2 mig migrate --frobnicate
assert_contains "$ERR" "unknown option --frobnicate"
assert_not_contains "$ERR" "did you mean"
assert_exit 2 mig migrate -Z
assert_contains "$ERR" "unknown option -Z"

t "an option that does not apply to the command is an error, before anything runs"
assert_exit 2 mig create x --dialect sqlite
assert_contains "$ERR" "option --dialect does not apply to the create command (it is for sql"
[ ! -d migrations ] || fail "create ran although an option did not apply"
assert_exit 2 mig --database-url sqlite:na.db sql x --lock=false
assert_contains "$ERR" "option --lock does not apply to the sql command (it is for migrate, rollback, redo and repair"
assert_exit 2 mig --database-url sqlite:na.db status --dry-run
assert_contains "$ERR" "option --dry-run does not apply to the status command"
assert_exit 2 mig --database-url sqlite:na.db migrate -j ts
assert_contains "$ERR" "option -j does not apply to the migrate command"
assert_exit 2 mig --database-url sqlite:na.db migrate --force
assert_contains "$ERR" "option --force does not apply to the migrate command (it is for auth"
assert_exit 2 mig create x --database-url sqlite:na.db
assert_contains "$ERR" "option --database-url does not apply to the create command"
assert_exit 2 mig --database-url sqlite:na.db status --no-verbose --applied
assert_contains "$ERR" "option --applied does not apply to the status command (it is for repair"
[ ! -e na.db ] || fail "a refused command created its database"

t "--check-order=false lets an out-of-order folder run; =true and the default refuse it"
sql_migration co/1_a.sql "CREATE TABLE a (id integer);" "DROP TABLE a;"
sql_migration co/3_c.sql "CREATE TABLE c (id integer);" "DROP TABLE c;"
assert_exit 0 mig --database-url sqlite:co.db -m co migrate
sql_migration co/2_b.sql "CREATE TABLE b (id integer);" "DROP TABLE b;"
assert_exit 1 mig --database-url sqlite:co.db -m co migrate
assert_contains "$ERR" "Not run migration 2_b is preceding already run migration 3_c"
assert_exit 1 mig --database-url sqlite:co.db -m co migrate --check-order=true
assert_exit 1 mig --database-url sqlite:co.db -m co migrate --no-check-order=false
assert_exit 1 mig --database-url sqlite:co.db -m co migrate --check-order true
assert_exit 0 mig --database-url sqlite:co.db -m co migrate --check-order=false
assert_contains "$OUT" "applied 2_b"
# yargs' `--flag false`: the word is the flag's value, not a migration name
assert_exit 0 mig --database-url sqlite:co.db -m co rollback --check-order false
assert_contains "$OUT" "rolled back 2_b"
assert_exit 2 mig --database-url sqlite:co.db -m co migrate --check-order=no
assert_contains "$ERR" "--check-order is true or false, not 'no'"

t "--single-transaction=false: a failing 2nd migration leaves the 1st applied; the default and =true apply nothing"
sql_migration st/1_ok.sql "CREATE TABLE ok (id integer);" "DROP TABLE ok;"
sql_migration st/2_bad.sql "CREATE TABLE bad (id integer" "DROP TABLE bad;"
for form in "" --single-transaction=true --no-single-transaction=false; do
	rm -f st.db
	assert_exit 1 mig --database-url sqlite:st.db -m st migrate $form
	assert_exit 0 mig --database-url sqlite:st.db -m st status
	assert_eq "1_ok   pending
2_bad  pending" "$OUT" "status after a failed single-transaction run ($form)"
done
for form in --single-transaction=false --no-single-transaction; do
	rm -f st.db
	assert_exit 1 mig --database-url sqlite:st.db -m st migrate $form
	assert_exit 0 mig --database-url sqlite:st.db -m st status
	assert_contains "$(head -1 <<<"$OUT")" "1_ok   2" "1_ok applied ($form)"
	assert_contains "$OUT" "2_bad  pending"
	[ "$(sqlite3 st.db "SELECT count(*) FROM sqlite_master WHERE name = 'ok'")" = 1 ] || fail "table ok missing ($form)"
done

t "--lock=false takes no lock: it runs while another process holds the database's lock"
sql_migration lk/1_a.sql "CREATE TABLE a (id integer);" "DROP TABLE a;"
assert_exit 0 mig --database-url sqlite:lk.db -m lk status
touch lk.db
flock -x lk.db sleep 30 &
HOLDER=$!
for _ in $(seq 50); do
	flock -xn lk.db true 2>/dev/null || break
	sleep 0.1
done
assert_exit 1 mig --database-url sqlite:lk.db -m lk migrate
assert_contains "$ERR" "Another migration is already running"
assert_exit 1 mig --database-url sqlite:lk.db -m lk migrate --lock=true
assert_exit 0 mig --database-url sqlite:lk.db -m lk migrate --lock=false
assert_contains "$OUT" "applied 1_a"
kill "$HOLDER" 2>/dev/null
wait "$HOLDER" 2>/dev/null || true

t "--verbose=false and --no-verbose turn off an earlier -v; --dry-run=false runs"
sql_migration vb/1_a.sql "CREATE TABLE a (id integer);" "DROP TABLE a;"
assert_exit 0 mig --database-url sqlite:vb.db -m vb migrate -v --dry-run
assert_contains "$OUT" "### MIGRATION 1_a (UP) ###"
assert_exit 0 mig --database-url sqlite:vb.db -m vb migrate -v --dry-run=false --no-verbose
assert_not_contains "$OUT" "### MIGRATION"
assert_contains "$OUT" "applied 1_a"
assert_exit 0 mig --database-url sqlite:vb.db -m vb rollback --verbose=true
assert_contains "$OUT" "### MIGRATION 1_a (DOWN) ###"
assert_exit 0 mig --database-url sqlite:vb.db -m vb migrate --verbose=false
assert_not_contains "$OUT" "### MIGRATION"
assert_exit 2 mig --database-url sqlite:vb.db -m vb migrate --no-lock-wait
assert_contains "$ERR" "--lock-wait takes a value: it has no --no-lock-wait form"

t "--use-glob is refused with what to use instead; --use-glob=false is accepted"
assert_exit 2 mig --database-url sqlite:vb.db -m vb status --use-glob
assert_contains "$ERR" "--use-glob is not supported"
assert_contains "$ERR" "--ignore-pattern"
assert_exit 0 mig --database-url sqlite:vb.db -m vb status --use-glob=false

t "create --template-file-name: a copy of the template, with its extension"
printf -- '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 2;\n' >tpl.sql
assert_exit 0 mig create add things --template-file-name tpl.sql -m tp
F=$(ls tp)
case $F in
[0-9]*_add-things.sql) ;;
*) fail "create with a template wrote [$F]" ;;
esac
cmp -s tpl.sql "tp/$F" || fail "the new migration is not the template's copy"
assert_contains "$OUT" "Created migration -- tp/$F"
printf 'exports.up = (pgm) => { pgm.sql("SELECT 3"); };\n' >my.template.cjs
assert_exit 0 mig create more -m tp --template-file-name=my.template.cjs
[ "$(ls tp/*_more.cjs | wc -l)" = 1 ] || fail "the .cjs template did not give a .cjs file: $(ls tp)"
printf 'x\n' >noext
assert_exit 2 mig create x -m tp --template-file-name noext
assert_contains "$ERR" "has no extension"
assert_exit 2 mig create x -m tp --template-file-name missing.sql
assert_contains "$ERR" "--template-file-name"
assert_contains "$ERR" "missing.sql"
[ "$(ls tp | wc -l)" = 2 ] || fail "a refused create wrote a file: $(ls tp)"

t "-f/--config-file: node-pg-migrate's JSON; the command line wins over it, it over the environment"
sql_migration cf/1_a.sql "CREATE TABLE a (id integer);" "DROP TABLE a;"
cat >cfg.json <<'EOF'
{
  "db": {
    "url": "sqlite:cfg.db",
    "migrations-dir": "cf",
    "migrationsTable": "cfg_state",
    "check-order": false,
    "tsconfig": "tsconfig.json"
  },
  "other-app-setting": 1
}
EOF
assert_exit 0 env DATABASE_URL=sqlite:env.db "$MIG_BIN" -f cfg.json migrate
assert_contains "$OUT" "applied 1_a"
[ ! -e env.db ] || fail "DATABASE_URL won over the config file"
[ "$(sqlite3 cfg.db "SELECT name FROM cfg_state")" = 1_a ] || fail "config values not applied"
assert_not_contains "$ERR" "warning"
# the command line wins: another table, another database
assert_exit 0 mig --config-file cfg.json status -t cli_state
assert_eq "1_a  pending" "$OUT" "-t over the config file"
assert_exit 0 mig --config-file=cfg.json --database-url sqlite:cli.db migrate
[ -e cli.db ] || fail "--database-url did not win over the config file"
[ "$(sqlite3 cli.db "SELECT name FROM cfg_state")" = 1_a ] || fail "the config file's table was not used with --database-url"
# -d names another variable: the config file's url is not used either
assert_exit 0 env MY_DB=sqlite:var.db "$MIG_BIN" -f cfg.json -d MY_DB status
assert_eq "1_a  pending" "$OUT" "-d over the config file's url"
# --config-value picks another section; top-level keys when there is no section
cat >sections.json <<'EOF'
{"db": {"url": "sqlite:wrong.db"}, "test": {"database-url": "sqlite:test.db", "migrations-dir": "cf"}}
EOF
assert_exit 0 mig -f sections.json --config-value test migrate
[ -e test.db ] && [ ! -e wrong.db ] || fail "--config-value test did not read the test section"
printf '{"databaseUrl": "sqlite:top.db", "migrationsDir": "cf", "schema": ["public"], "lock": false, "single-transaction": false}\n' >top.json
assert_exit 0 mig -f top.json migrate
[ "$(sqlite3 top.db "SELECT name FROM pgmigrations")" = 1_a ] || fail "top-level camelCase keys not applied"
# a string config is the database URL
printf '"sqlite:str.db"\n' >str.json
assert_exit 0 mig -f str.json -m cf migrate
[ -e str.db ] || fail "a string config file is not the URL"
# node-pg-migrate's connection object becomes a postgres URL, password masked
printf '{"db": {"user": "app", "password": "s3cret!", "host": "127.0.0.1", "port": 1, "database": "appdb"}}\n' >client.json
assert_exit 1 mig -f client.json -m cf status --connect-timeout 1
assert_contains "$ERR" "postgres://app:****@127.0.0.1:1/appdb"
assert_not_contains "$ERR$OUT" "s3cret"
# unknown keys: a warning with the closest option, and the run goes on
printf '{\n  "migration-dir": "cf",\n  "url": "sqlite:w.db"\n}\n' >typo.json
assert_exit 0 mig -f typo.json -m cf status
assert_contains "$ERR" "typo.json:2:3: warning: \"migration-dir\" is not an option: ignored (did you mean \"migrations-dir\"?)"
# keys that only the command line may give
printf '{"url": "sqlite:w.db", "targets": "x.txt"}\n' >cli-only.json
assert_exit 0 mig -f cli-only.json -m cf status
assert_contains "$ERR" "\"targets\" cannot be set in a config file"
# a value for another command is not used (create takes no database)
assert_exit 0 mig -f cfg.json create from-config
[ "$(ls cf/*_from-config.js | wc -l)" = 1 ] || fail "create did not use the config file's migrations-dir"

t "a malformed or mistyped config file: file:line:col, exit 2, nothing done"
printf '{\n  "url": "sqlite:bad.db",\n  "migrations-dir": "cf",\n}\n' >bad.json
assert_exit 2 mig -f bad.json migrate
assert_contains "$ERR" "migrations: bad.json:3:25: a trailing comma"
printf '{\n  "url": "sqlite:bad.db"\n  "migrations-dir": "cf"\n}\n' >bad2.json
assert_exit 2 mig -f bad2.json migrate
assert_contains "$ERR" "bad2.json:3:3: unexpected '\"': expected ',' or '}' after an object member"
printf '{"url": "sqlite:bad.db",\n "check-order": "false"}\n' >bad3.json
assert_exit 2 mig -f bad3.json migrate
assert_contains "$ERR" "bad3.json:2:17: \"check-order\" must be true or false, not a string"
printf '{"url": "sqlite:bad.db", "migrations-dir": "cf",\n  "lock-wait": "soon"}\n' >bad4.json
assert_exit 2 mig -f bad4.json migrate
assert_contains "$ERR" "bad4.json:2:16: --lock-wait needs a number, not 'soon'"
printf '{"url": "sqlite:bad.db", "use-glob": true}\n' >bad5.json
assert_exit 2 mig -f bad5.json -m cf migrate
assert_contains "$ERR" "bad5.json:1:38: \"use-glob\": glob patterns are not supported"
printf '{"url": "sqlite:bad.db", "migrations-dir": "cf", "x": "\xff"}\n' >bad6.json
assert_exit 2 mig -f bad6.json migrate
assert_contains "$ERR" "bad6.json:1:56: not UTF-8 text"
[ ! -e bad.db ] || fail "a bad config file still created the database"
assert_exit 2 mig -f missing.json status
assert_contains "$ERR" "--config-file: cannot read missing.json"
printf 'module.exports = {};\n' >cfg.js
assert_exit 2 mig -f cfg.js status
assert_contains "$ERR" "only JSON config files are read"

t "--envPath is --env-file"
printf 'DATABASE_URL=sqlite:envpath.db\n' >custom.env
assert_exit 0 env -u DATABASE_URL "$MIG_BIN" --envPath custom.env -m cf migrate
[ -e envpath.db ] || fail "--envPath did not load its file"

t "completion scripts: they parse, and complete commands, each command's options and fixed values"
for sh in bash zsh fish; do
	assert_exit 0 mig completion "$sh"
	printf '%s\n' "$OUT" >"comp.$sh"
done
assert_exit 2 mig completion
assert_contains "$ERR" "completion needs a shell"
bash -n comp.bash || fail "the bash completion script does not parse"
# bash: call the function as bash's completion would
complete_bash() { # words... (the last one is being completed)
	bash -c 'source comp.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _migrations; printf "%s\n" "${COMPREPLY[@]}"' _ migrations "$@"
}
R=$(complete_bash mi)
assert_eq "migrate" "$R" "bash: mi"
R=$(complete_bash migrate --dry)
assert_eq "--dry-run" "$R" "bash: migrate --dry"
R=$(complete_bash sql --d)
assert_contains "$R" "--dialect"
assert_contains "$R" "--down"
assert_not_contains "$R" "--dry-run" "bash: sql --d"
R=$(complete_bash --lock-strategy "")
assert_eq "auto
session
table" "$R" "bash: --lock-strategy values"
R=$(complete_bash -m cf migrate --no-ch)
assert_eq "--no-check-order" "$R" "bash: after -m DIR migrate"
R=$(complete_bash completion "")
assert_eq "bash
zsh
fish" "$R" "bash: completion shells"
if command -v zsh >/dev/null; then
	zsh -n comp.zsh || fail "the zsh completion script does not parse"
	# zsh's completion builtins, stubbed to print what they are given
	complete_zsh() {
		zsh -fc 'compdef() { :; }; _describe() { local -a l; l=("${(@P)${@[-1]}}"); print -l -- "${l[@]%%:*}"; }
			compadd() { shift; print -l -- "$@"; }; _files() { print FILES; }; _message() { print MESSAGE; }
			source ./comp.zsh; words=(migrations "$@"); CURRENT=$#words; _migrations' _ "$@"
	}
	R=$(complete_zsh sql --)
	assert_contains "$R" "--dialect"
	assert_not_contains "$R" "--dry-run" "zsh: sql --"
	R=$(complete_zsh "")
	assert_contains "$R" "rollback"
	R=$(complete_zsh --lock-strategy "")
	assert_eq "auto
session
table" "$R" "zsh: --lock-strategy values"
elif [ "${CI:-}" = true ]; then
	fail "zsh is not installed (tests/run-all.sh installs it)"
else
	echo "    (zsh not installed: its script not checked)"
fi
if command -v fish >/dev/null; then
	fish -n comp.fish || fail "the fish completion script does not parse"
	R=$(fish --no-config -c 'source comp.fish; complete -C "migrations migrate --dry"')
	assert_contains "$R" "--dry-run"
	R=$(fish --no-config -c 'source comp.fish; complete -C "migrations sql --d"' | cut -f1)
	assert_contains "$R" "--dialect"
	assert_not_contains "$R" "--dry-run" "fish: sql --d"
	R=$(fish --no-config -c 'source comp.fish; complete -C "migrations --lock-strategy "' | cut -f1)
	assert_eq "auto
session
table" "$R" "fish: --lock-strategy values"
elif [ "${CI:-}" = true ]; then
	fail "fish is not installed (tests/run-all.sh installs it)"
else
	echo "    (fish not installed: its script not checked)"
fi

