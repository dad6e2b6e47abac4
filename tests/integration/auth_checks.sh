# Acceptance checks of the auth-system migration, the same SQL on every
# backend. Sourced by test_auth_<backend>.sh after lib.sh, which defines:
#   db_sql SQL      run SQL, output in $OUT / $ERR, status in $RC
#   db_changes SQL  run one INSERT/UPDATE/DELETE, $OUT = the rows it changed
#   BACKEND         sqlite | postgres | mysql
# and has applied the migration with `migrations auth` + `migrations migrate`.
#
# Values that differ only in spelling between engines (booleans) are read
# through CASE so that every check compares the same text. The account
# queries (login, refresh rotation, reset, verification, MFA recovery) are
# the ones docs/auth-schema.md documents, with its placeholders filled in.

db_ok() { # SQL: must succeed
	db_sql "$1"
	[ "$RC" = 0 ] || fail "[$BACKEND] should succeed: $1 -- $ERR"
}

db_rejects() { # SQL [fragment]: must fail (a constraint, a key, a check)
	db_sql "$1"
	[ "$RC" != 0 ] || fail "[$BACKEND] should be rejected: $1"
	[ -z "${2:-}" ] || assert_contains "$ERR" "$2" "[$BACKEND] error of: $1"
}

db_is() { # EXPECTED SQL: the single value SQL returns
	db_sql "$2"
	[ "$RC" = 0 ] || fail "[$BACKEND] query failed: $2 -- $ERR"
	assert_eq "$1" "$OUT" "[$BACKEND] $2"
}

db_changes_is() { # N SQL: SQL succeeds and changes exactly N rows
	db_changes "$2"
	[ "$RC" = 0 ] || fail "[$BACKEND] should succeed: $2 -- $ERR"
	assert_eq "$1" "$OUT" "[$BACKEND] rows changed by: $2"
}

# App-generated ids (random v4 uuids in a real application).
A=aaaaaaaa-0000-4000-8000-000000000001
B=bbbbbbbb-0000-4000-8000-000000000002
C=cccccccc-0000-4000-8000-000000000003
D=dddddddd-0000-4000-8000-000000000004
FUTURE="'2999-01-01 00:00:00'"
PAST="'2000-01-01 00:00:00'"
LONG_AGO="'1990-01-01 00:00:00'"

# Values of the shapes the schema prescribes (docs/auth-schema.md):
# hex64 SEED: a lower-case hex HMAC-SHA-256 (here a SHA-256 of SEED: same shape)
hex64() { printf '%s' "$1" | sha256sum | cut -c1-64; }
# argon2 SEED: an argon2id PHC string, 97 characters
argon2() { printf '$argon2id$v=19$m=19456,t=2,p=1$%s$%s' "$(hex64 "salt$1" | cut -c1-22)" "$(hex64 "hash$1" | cut -c1-43)"; }
# bcrypt SEED: a bcrypt modular-crypt string, 60 characters
bcrypt() { printf '$2b$12$%s%s' "$(hex64 "bc$1")" "$(hex64 "bd$1" | cut -c1-53)" | cut -c1-60; }
# totp SEED: the TOTP seed's ciphertext, v1:<key-id>:<base64url>, 70 characters
totp() { printf 'v1:k2026:%s' "$(hex64 "totp$1" | cut -c1-61)"; }

AUTH_TABLES="'users','roles','permissions','user_roles','role_permissions','tokens','password_reset_tokens','user_profiles','user_preferences','user_connections','user_identities','auth_events'"

# The named constraints, the same on every engine (primary keys aside:
# MySQL calls each one PRIMARY).
CHECK_NAMES="auth_events_event_type_chk,password_reset_tokens_token_hash_chk,roles_is_system_bool_chk,\
tokens_aal_chk,tokens_expiry_chk,tokens_refresh_session_chk,tokens_token_hash_chk,tokens_type_chk,\
user_connections_not_self_chk,user_connections_status_chk,user_connections_type_chk,\
user_identities_email_lower_chk,user_identities_provider_chk,user_identities_provider_subject_chk,\
user_preferences_email_notifications_bool_chk,user_preferences_profile_visibility_chk,user_preferences_theme_chk,\
users_email_lower_chk,users_failed_login_attempts_chk,users_mfa_enabled_bool_chk,users_mfa_secret_required_chk,\
users_mfa_totp_secret_ciphertext_chk,users_password_hash_phc_chk,users_pending_email_lower_chk,users_status_chk,\
users_username_lower_chk"
UNIQUE_NAMES="password_reset_tokens_token_hash_key,permissions_name_key,permissions_uniq_resource_action,\
roles_name_key,tokens_token_hash_key,user_connections_uniq_user_id_target_user_id_connection_type,\
user_identities_uniq_provider_provider_subject,users_email_key,users_username_key"
FK_NAMES="auth_events_actor_user_id_fkey,auth_events_user_id_fkey,password_reset_tokens_user_id_fkey,\
role_permissions_permission_id_fkey,role_permissions_role_id_fkey,tokens_user_id_fkey,\
user_connections_target_user_id_fkey,user_connections_user_id_fkey,user_identities_user_id_fkey,\
user_preferences_user_id_fkey,user_profiles_user_id_fkey,user_roles_assigned_by_fkey,user_roles_role_id_fkey,\
user_roles_user_id_fkey"

auth_table_count() {
	if [ "$BACKEND" = sqlite ]; then
		db_sql "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ($AUTH_TABLES)"
	elif [ "$BACKEND" = mysql ]; then
		db_sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ($AUTH_TABLES)"
	else
		db_sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ($AUTH_TABLES)"
	fi
	printf '%s' "$OUT"
}

# constraint_names check|unique|foreign: the names of the auth tables'
# constraints of that kind, as the engine's catalog lists them, sorted,
# comma-separated. SQLite keeps no catalog of constraints: the names are
# read from the stored CREATE TABLE text (leaving out the dialect's own
# "type:..." checks) and the unique indexes.
constraint_names() {
	local kind=$1
	case $BACKEND in
	postgres)
		local ct
		ct=$(case $kind in check) echo c ;; unique) echo u ;; foreign) echo f ;; esac)
		db_sql "SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = 'public' AND t.relname IN ($AUTH_TABLES) AND c.contype = '$ct'"
		;;
	mysql)
		local ct
		ct=$(case $kind in check) echo CHECK ;; unique) echo UNIQUE ;; foreign) echo 'FOREIGN KEY' ;; esac)
		# MariaDB adds a json_valid() CHECK named after each JSON column: not ours
		db_sql "SELECT tc.constraint_name FROM information_schema.table_constraints tc
			WHERE tc.constraint_schema = DATABASE() AND tc.table_name IN ($AUTH_TABLES) AND tc.constraint_type = '$ct'
			AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = tc.table_schema
				AND c.table_name = tc.table_name AND c.column_name = tc.constraint_name)"
		;;
	sqlite)
		if [ "$kind" = unique ]; then
			db_sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ($AUTH_TABLES) AND sql LIKE 'CREATE UNIQUE INDEX %'"
		else
			db_sql "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ($AUTH_TABLES)"
			OUT=$(printf '%s\n' "$OUT" | python3 -c '
import re, sys
kind = sys.argv[1]
for name, what in re.findall(r"CONSTRAINT \"([^\"]+)\" (CHECK|REFERENCES|FOREIGN KEY)", sys.stdin.read()):
    if (what == "CHECK") == (kind == "check") and not name.startswith("type:"):
        print(name)' "$kind")
		fi
		;;
	esac
	[ "$RC" = 0 ] || fail "[$BACKEND] reading the $kind constraints: $ERR"
	printf '%s\n' "$OUT" | LC_ALL=C sort | paste -sd, -
}

# key_name NAME: the fragment a duplicate-key error shows (SQLite names
# the columns, "UNIQUE constraint failed: users.email", not the index)
key_name() { [ "$BACKEND" = sqlite ] || printf '%s' "$1"; }

# The account is usable: active, not locked, not banned (u = users).
USABLE="u.status = 'active' AND (u.locked_until IS NULL OR u.locked_until <= CURRENT_TIMESTAMP) AND (u.banned_until IS NULL OR u.banned_until <= CURRENT_TIMESTAMP)"

has_perm() { # USER PERMISSION EXPECTED: the "does X have permission Y" query
	db_is "$3" "SELECT count(*) FROM user_roles ur
		JOIN role_permissions rp ON rp.role_id = ur.role_id
		JOIN permissions p ON p.id = rp.permission_id
		JOIN users u ON u.id = ur.user_id
		WHERE ur.user_id = '$1' AND p.name = '$2' AND u.status = 'active'
		  AND (u.banned_until IS NULL OR u.banned_until <= CURRENT_TIMESTAMP)"
}

# Password sign-in: the account row, if it may sign in with a password now.
login_sql() { # EMAIL (already normalised)
	printf '%s' "SELECT count(*) FROM users u WHERE u.email = '$1' AND u.password_hash IS NOT NULL AND $USABLE"
}

# Refresh rotation: consume the presented token exactly once.
rotate_sql() { # HASH
	printf '%s' "UPDATE tokens SET used_at = CURRENT_TIMESTAMP, last_used_at = CURRENT_TIMESTAMP
WHERE token_hash = '$1' AND token_type = 'refresh'
  AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = tokens.user_id AND $USABLE
              AND (u.tokens_not_before IS NULL OR tokens.created_at >= u.tokens_not_before))"
}

# Reuse detection: a used refresh token presented again revokes its session.
reuse_sql() { # HASH
	printf '%s' "UPDATE tokens SET revoked_at = CURRENT_TIMESTAMP
WHERE revoked_at IS NULL AND session_id = (SELECT t.session_id FROM (
  SELECT session_id FROM tokens WHERE token_hash = '$1' AND token_type = 'refresh' AND used_at IS NOT NULL) t)"
}

# The successor of a consumed refresh token: same session, same absolute expiry.
successor_sql() { # OLD_HASH NEW_HASH
	printf '%s' "INSERT INTO tokens (user_id, token_type, token_hash, session_id, aal, expires_at)
SELECT user_id, 'refresh', '$2', session_id, aal, expires_at FROM tokens WHERE token_hash = '$1' AND token_type = 'refresh'"
}

# Email verification: consume the token if it is for the address the
# account has (or is changing to).
verify_sql() { # HASH
	printf '%s' "UPDATE tokens SET used_at = CURRENT_TIMESTAMP
WHERE token_hash = '$1' AND token_type = 'email_verification'
  AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = tokens.user_id AND $USABLE
              AND (u.tokens_not_before IS NULL OR tokens.created_at >= u.tokens_not_before)
              AND (tokens.relates_to = u.email OR tokens.relates_to = u.pending_email))"
}

# Password reset: consume the token exactly once.
redeem_sql() { # HASH
	printf '%s' "UPDATE password_reset_tokens SET used_at = CURRENT_TIMESTAMP
WHERE token_hash = '$1' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = password_reset_tokens.user_id AND $USABLE
              AND (u.tokens_not_before IS NULL OR password_reset_tokens.created_at >= u.tokens_not_before))"
}

# A new reset request invalidates the account's earlier unused ones.
reset_request_sql() { # USER
	printf '%s' "UPDATE password_reset_tokens SET revoked_at = CURRENT_TIMESTAMP
WHERE user_id = '$1' AND used_at IS NULL AND revoked_at IS NULL"
}

# MFA recovery: the candidate codes (the application verifies the
# presented code against each PHC hash), then consume the matching one.
recovery_candidates_sql() { # USER
	printf '%s' "SELECT count(*) FROM tokens t JOIN users u ON u.id = t.user_id
WHERE t.user_id = '$1' AND t.token_type = 'mfa_recovery' AND t.used_at IS NULL AND t.revoked_at IS NULL AND $USABLE"
}
recovery_consume_sql() { # HASH (standing for the matching row's id)
	printf '%s' "UPDATE tokens SET used_at = CURRENT_TIMESTAMP
WHERE id = (SELECT t.id FROM (SELECT id FROM tokens WHERE token_hash = '$1') t)
  AND token_type = 'mfa_recovery' AND used_at IS NULL AND revoked_at IS NULL"
}

# The seed statements as the migration file has them (the pgm.sql texts).
seed_sql() {
	python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for block in re.findall(r"pgm\.sql\(`(.*?)`\)", text, re.S):
    print(block.strip() + ";")
PY
}

run_auth_checks() {
	local file=$1 # the auth migration file

	t "[$BACKEND] schema: the twelve tables and the default data"
	assert_eq 12 "$(auth_table_count)" "auth tables"
	db_is 3 "SELECT count(*) FROM roles"
	db_is 10 "SELECT count(*) FROM permissions"
	db_is 3 "SELECT count(*) FROM roles WHERE is_system = TRUE"
	db_is "admin|10" "SELECT r.name || '|' || count(rp.permission_id) FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE r.name = 'admin' GROUP BY r.name"
	db_is "moderator|3" "SELECT r.name || '|' || count(rp.permission_id) FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE r.name = 'moderator' GROUP BY r.name"
	db_is 0 "SELECT count(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.name = 'user'"
	db_is 0 "SELECT count(*) FROM permissions WHERE name <> resource || ':' || action"

	t "[$BACKEND] constraints have the same names on every engine"
	assert_eq "$CHECK_NAMES" "$(constraint_names check)" "[$BACKEND] CHECK constraints"
	assert_eq "$UNIQUE_NAMES" "$(constraint_names unique)" "[$BACKEND] UNIQUE constraints"
	assert_eq "$FK_NAMES" "$(constraint_names foreign)" "[$BACKEND] foreign keys"

	t "[$BACKEND] seeds are idempotent"
	local seeds
	seeds=$(seed_sql "$file")
	[ "$(printf '%s\n' "$seeds" | grep -c '^INSERT INTO')" = 4 ] || fail "expected 4 seed statements in $file"
	db_ok "$seeds"
	db_ok "$seeds"
	db_is 3 "SELECT count(*) FROM roles"
	db_is 10 "SELECT count(*) FROM permissions"
	db_is 13 "SELECT count(*) FROM role_permissions"

	t "[$BACKEND] re-seeding after a permission is added: admin gets it, nothing doubles, moderator unchanged"
	local moderator_grants="SELECT p.name FROM role_permissions rp JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id WHERE r.name = 'moderator' ORDER BY p.name"
	db_sql "$moderator_grants"
	local mod_before=$OUT
	assert_eq "roles:read users:read users:suspend" "$(printf '%s' "$mod_before" | tr '\n' ' ')" "moderator grants"
	db_ok "INSERT INTO permissions (name, resource, action, description) VALUES ('reports:read', 'reports', 'read', 'View reports')"
	db_ok "$seeds"
	db_ok "$seeds"
	db_is 11 "SELECT count(*) FROM permissions"
	db_is 3 "SELECT count(*) FROM roles"
	db_is "admin|11" "SELECT r.name || '|' || count(rp.permission_id) FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE r.name = 'admin' GROUP BY r.name"
	db_is 1 "SELECT count(*) FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id WHERE p.name = 'reports:read'"
	db_is 14 "SELECT count(*) FROM role_permissions"
	db_is 0 "SELECT count(*) FROM (SELECT role_id, permission_id FROM role_permissions GROUP BY role_id, permission_id HAVING count(*) > 1) d"
	db_sql "$moderator_grants"
	assert_eq "$mod_before" "$OUT" "[$BACKEND] moderator grants after the re-seed"
	db_ok "DELETE FROM permissions WHERE name = 'reports:read'"
	db_is 13 "SELECT count(*) FROM role_permissions"

	t "[$BACKEND] registration with defaults"
	db_ok "INSERT INTO users (id, email, password_hash) VALUES ('$A', 'alice@example.com', '$(argon2 alice)')"
	db_ok "INSERT INTO users (id, email) VALUES ('$B', 'bob@example.com')"
	db_ok "INSERT INTO users (id, email, username, password_hash) VALUES ('$C', 'carol@example.com', 'carol', '$(bcrypt carol)')"
	db_is "active|0|0|1" "SELECT status || '|' || failed_login_attempts || '|' || CASE WHEN mfa_enabled THEN 1 ELSE 0 END || '|' || CASE WHEN created_at IS NOT NULL AND updated_at IS NOT NULL THEN 1 ELSE 0 END FROM users WHERE id = '$A'"
	db_is 2 "SELECT count(*) FROM users WHERE username IS NULL"
	db_is 0 "SELECT count(*) FROM users WHERE banned_until IS NOT NULL OR locked_until IS NOT NULL"

	t "[$BACKEND] duplicate email in any letter case is rejected"
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'alice@example.com')" "$(key_name users_email_key)"
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'Alice@Example.com')" users_email_lower_chk
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'Dave@Example.com')" users_email_lower_chk
	db_rejects "INSERT INTO users (id, email, username) VALUES ('$D', 'dave@example.com', 'Carol')" users_username_lower_chk
	db_rejects "INSERT INTO users (id, email, username) VALUES ('$D', 'dave@example.com', 'carol')" "$(key_name users_username_key)"
	db_rejects "UPDATE users SET pending_email = 'New@Example.com' WHERE id = '$A'" users_pending_email_lower_chk
	db_ok "UPDATE users SET pending_email = 'new@example.com' WHERE id = '$A'"
	db_ok "UPDATE users SET pending_email = NULL WHERE id = '$A'"

	t "[$BACKEND] checks reject bad values, by name"
	db_rejects "UPDATE users SET status = 'zombie' WHERE id = '$A'" users_status_chk
	db_rejects "UPDATE users SET failed_login_attempts = -1 WHERE id = '$A'" users_failed_login_attempts_chk
	db_rejects "UPDATE users SET mfa_enabled = TRUE WHERE id = '$A'" users_mfa_secret_required_chk
	# PostgreSQL's booleans cannot hold 2 at all (a type error); SQLite's and
	# MySQL's integers can, and the checks refuse it
	local pg=false
	[ "$BACKEND" != postgres ] || pg=true
	db_rejects "UPDATE users SET mfa_enabled = 2, mfa_totp_secret = '$(totp two)' WHERE id = '$A'" "$($pg || echo users_mfa_enabled_bool_chk)"
	db_rejects "UPDATE roles SET is_system = 2 WHERE name = 'user'" "$($pg || echo roles_is_system_bool_chk)"
	db_rejects "INSERT INTO tokens (user_id, token_type, token_hash, expires_at) VALUES ('$A', 'magic', '$(hex64 h0)', $FUTURE)" tokens_type_chk
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, aal) VALUES ('$A', '$(hex64 h0)', 's0', $FUTURE, 'aal9')" tokens_aal_chk
	db_rejects "INSERT INTO user_preferences (user_id, theme) VALUES ('$A', 'neon')" user_preferences_theme_chk
	db_rejects "INSERT INTO user_preferences (user_id, profile_visibility) VALUES ('$A', 'everyone')" user_preferences_profile_visibility_chk
	db_rejects "INSERT INTO user_preferences (user_id, email_notifications) VALUES ('$A', 2)" "$($pg || echo user_preferences_email_notifications_bool_chk)"
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$B', 'stalk')" user_connections_type_chk
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type, status) VALUES ('$A', '$B', 'friend', 'maybe')" user_connections_status_chk

	t "[$BACKEND] password_hash: NULL or a PHC string"
	local bad
	for bad in "hunter2" "" "\$2b\$12\$short" "argon2id\$v=19\$m=19456,t=2,p=1\$$(hex64 x)" "\$argon2id$(hex64 x)" "$(hex64 plain)"; do
		db_rejects "UPDATE users SET password_hash = '$bad' WHERE id = '$A'" users_password_hash_phc_chk
	done
	db_ok "UPDATE users SET password_hash = '$(bcrypt alice)' WHERE id = '$A'"
	db_is 60 "SELECT length(password_hash) FROM users WHERE id = '$A'"
	db_ok "UPDATE users SET password_hash = '$(argon2 alice)' WHERE id = '$A'"
	db_is 97 "SELECT length(password_hash) FROM users WHERE id = '$A'"
	db_ok "UPDATE users SET password_hash = NULL WHERE id = '$B'"

	t "[$BACKEND] mfa_totp_secret: NULL or v1:<key-id>:<ciphertext>, never the seed"
	for bad in "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" "v1:k1:bm9uY2U:Y3Q" "V1:k2026:$(hex64 upper | cut -c1-61)" "v1:$(hex64 nokey)$(hex64 nokey2)" "v2:k2026:$(hex64 v2 | cut -c1-61)" ""; do
		db_rejects "UPDATE users SET mfa_totp_secret = '$bad' WHERE id = '$A'" users_mfa_totp_secret_ciphertext_chk
	done
	db_ok "UPDATE users SET mfa_totp_secret = '$(totp alice)' WHERE id = '$A'"
	db_ok "UPDATE users SET mfa_totp_secret = NULL WHERE id = '$A'"

	t "[$BACKEND] token hashes: hex HMAC-SHA-256, PHC for recovery codes"
	local h=$(hex64 shape)
	local upper
	upper=$(printf '%s' "$h" | tr a-f A-F)
	for bad in "" "r1" "$(printf '%s' "$h" | cut -c1-63)" "${h}0" "$upper" "$(printf '%s' "$h" | cut -c1-63)g" "$(argon2 shape)"; do
		db_rejects "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$bad', 's-shape', $FUTURE)" tokens_token_hash_chk
		db_rejects "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$A', 'email_verification', '$bad', 'alice@example.com', $FUTURE)" tokens_token_hash_chk
	done
	for bad in "$h" "\$2b\$12\$short" "2b\$12\$$(hex64 nodollar)"; do
		db_rejects "INSERT INTO tokens (user_id, token_type, token_hash) VALUES ('$A', 'mfa_recovery', '$bad')" tokens_token_hash_chk
	done
	for bad in "" "p1" "$upper" "$(printf '%s' "$h" | cut -c1-63)z" "$(printf '%s' "$h" | cut -c1-63)"; do
		db_rejects "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$A', '$bad', $FUTURE)" password_reset_tokens_token_hash_chk
	done
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$h', 's-shape', $FUTURE)"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash) VALUES ('$A', 'mfa_recovery', '$(argon2 shape)')"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$A', '$h', $FUTURE)"
	db_ok "DELETE FROM tokens WHERE user_id = '$A'"
	db_ok "DELETE FROM password_reset_tokens WHERE user_id = '$A'"

	t "[$BACKEND] roles and the permission check"
	db_ok "INSERT INTO user_roles (user_id, role_id) SELECT '$A', id FROM roles WHERE name = 'admin'"
	db_ok "INSERT INTO user_roles (user_id, role_id, assigned_by) SELECT '$B', id, '$A' FROM roles WHERE name = 'user'"
	db_ok "INSERT INTO user_roles (user_id, role_id, assigned_by) SELECT '$C', id, '$A' FROM roles WHERE name = 'moderator'"
	db_rejects "INSERT INTO user_roles (user_id, role_id) SELECT '$A', id FROM roles WHERE name = 'admin'"
	db_rejects "INSERT INTO user_roles (user_id, role_id) SELECT '$D', id FROM roles WHERE name = 'user'"
	has_perm "$A" users:delete 1
	has_perm "$B" users:delete 0
	has_perm "$C" users:suspend 1
	has_perm "$C" users:update 0
	has_perm "$C" roles:assign 0
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$A'"
	has_perm "$A" users:delete 0
	db_ok "UPDATE users SET status = 'active', banned_until = $FUTURE WHERE id = '$A'"
	has_perm "$A" users:delete 0
	db_ok "UPDATE users SET banned_until = $PAST WHERE id = '$A'"
	has_perm "$A" users:delete 1
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$A'"

	t "[$BACKEND] password sign-in refuses suspended, disabled, locked and banned accounts"
	db_is 1 "$(login_sql alice@example.com)"
	db_is 0 "$(login_sql Alice@Example.com)" # the application normalises first
	db_is 0 "$(login_sql nobody@example.com)"
	db_is 0 "$(login_sql bob@example.com)" # no password: identities only
	db_ok "UPDATE users SET failed_login_attempts = failed_login_attempts + 1, last_failed_login_at = CURRENT_TIMESTAMP WHERE id = '$A'"
	db_ok "UPDATE users SET failed_login_attempts = 5, locked_until = $FUTURE WHERE id = '$A'"
	db_is 1 "SELECT count(*) FROM users WHERE id = '$A' AND locked_until > CURRENT_TIMESTAMP"
	db_is 0 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET locked_until = $PAST WHERE id = '$A'" # the lock ran out
	db_is 1 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET failed_login_attempts = 0, locked_until = NULL, last_login_at = CURRENT_TIMESTAMP WHERE id = '$A'"
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$A'"
	db_is 0 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET status = 'disabled' WHERE id = '$A'"
	db_is 0 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET status = 'active', banned_until = $FUTURE WHERE id = '$A'"
	db_is 0 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET banned_until = $PAST WHERE id = '$A'" # the ban ran out
	db_is 1 "$(login_sql alice@example.com)"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$A'"

	t "[$BACKEND] refresh tokens: rotation and reuse detection"
	local r1 r2 q1
	r1=$(hex64 r1) r2=$(hex64 r2) q1=$(hex64 q1)
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, aal) VALUES ('$A', '$r1', 'sess-1', $FUTURE, 'aal1')"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$q1', 'sess-2', $FUTURE)"
	db_rejects "INSERT INTO tokens (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 nosession)', $FUTURE)" tokens_refresh_session_chk
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id) VALUES ('$A', '$(hex64 noexpiry)', 'sess-3')" tokens_expiry_chk
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$r1', 'sess-9', $FUTURE)" "$(key_name tokens_token_hash_key)"
	# rotate r1 -> r2: consume r1 exactly once, insert its successor
	db_changes_is 1 "$(rotate_sql "$r1")"
	db_is 1 "SELECT count(*) FROM tokens WHERE token_hash = '$r1' AND used_at IS NOT NULL AND last_used_at IS NOT NULL"
	db_ok "$(successor_sql "$r1" "$r2")"
	db_is "sess-1|aal1|1" "SELECT session_id || '|' || aal || '|' || CASE WHEN expires_at = $FUTURE THEN 1 ELSE 0 END FROM tokens WHERE token_hash = '$r2'"
	db_is 2 "SELECT count(DISTINCT session_id) FROM tokens WHERE user_id = '$A' AND token_type = 'refresh' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	# r1 presented again: rotation refuses it; it was used, so the whole session goes
	db_changes_is 0 "$(rotate_sql "$r1")"
	db_changes_is 0 "$(reuse_sql "$q1")" # q1 was never used: not a reuse
	db_changes_is 2 "$(reuse_sql "$r1")"
	db_is 0 "SELECT count(*) FROM tokens WHERE session_id = 'sess-1' AND revoked_at IS NULL"
	db_changes_is 0 "$(rotate_sql "$r2")"
	db_is 1 "SELECT count(DISTINCT session_id) FROM tokens WHERE user_id = '$A' AND token_type = 'refresh' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP"

	t "[$BACKEND] refresh rotation refuses expired, revoked and wrong-type tokens"
	local x1 v1 ev
	x1=$(hex64 x1) v1=$(hex64 v1) ev=$(hex64 ev-alice)
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$x1', 'sess-3', $PAST)"
	db_changes_is 0 "$(rotate_sql "$x1")"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, revoked_at) VALUES ('$A', '$v1', 'sess-4', $FUTURE, CURRENT_TIMESTAMP)"
	db_changes_is 0 "$(rotate_sql "$v1")"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$A', 'email_verification', '$ev', 'alice@example.com', $FUTURE)"
	db_changes_is 0 "$(rotate_sql "$ev")"
	db_changes_is 0 "$(rotate_sql "$(hex64 never-issued)")"
	db_is 0 "SELECT count(*) FROM tokens WHERE token_hash IN ('$x1', '$v1', '$ev') AND used_at IS NOT NULL"

	t "[$BACKEND] refresh rotation refuses suspended, disabled, locked and banned accounts"
	local s1
	s1=$(hex64 s1)
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$s1', 'sess-5', $FUTURE)"
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$A'"
	db_changes_is 0 "$(rotate_sql "$s1")"
	db_ok "UPDATE users SET status = 'disabled' WHERE id = '$A'"
	db_changes_is 0 "$(rotate_sql "$s1")"
	db_ok "UPDATE users SET status = 'active', locked_until = $FUTURE WHERE id = '$A'"
	db_changes_is 0 "$(rotate_sql "$s1")"
	db_ok "UPDATE users SET locked_until = NULL, banned_until = $FUTURE WHERE id = '$A'"
	db_changes_is 0 "$(rotate_sql "$s1")"
	db_ok "UPDATE users SET banned_until = $PAST WHERE id = '$A'"
	db_changes_is 1 "$(rotate_sql "$s1")"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$A'"

	t "[$BACKEND] refresh rotation refuses tokens issued before tokens_not_before"
	local n1 n2
	n1=$(hex64 n1) n2=$(hex64 n2)
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, created_at) VALUES ('$A', '$n1', 'sess-6', $FUTURE, $PAST)"
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$A'"
	db_changes_is 0 "$(rotate_sql "$n1")"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', '$n2', 'sess-7', $FUTURE)"
	db_changes_is 1 "$(rotate_sql "$n2")"
	# logout everywhere
	db_ok "UPDATE tokens SET revoked_at = CURRENT_TIMESTAMP WHERE user_id = '$A' AND token_type = 'refresh' AND revoked_at IS NULL"
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$A'"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$A' AND token_type = 'refresh' AND revoked_at IS NULL"

	t "[$BACKEND] email verification"
	local e1 e2 e3 e4 e5 e6 e7
	e1=$(hex64 e1) e2=$(hex64 e2) e3=$(hex64 e3) e4=$(hex64 e4) e5=$(hex64 e5) e6=$(hex64 e6) e7=$(hex64 e7)
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', '$e1', 'bob@example.com', $FUTURE)"
	db_changes_is 0 "$(verify_sql "$q1")" # a refresh token is not a verification token
	db_changes_is 1 "$(verify_sql "$e1")"
	db_changes_is 0 "$(verify_sql "$e1")" # single use
	db_ok "UPDATE users SET email_verified_at = CURRENT_TIMESTAMP WHERE id = '$B'"
	db_is 1 "SELECT count(*) FROM users WHERE id = '$B' AND email_verified_at IS NOT NULL"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', '$e2', 'bob@example.com', $PAST)"
	db_changes_is 0 "$(verify_sql "$e2")" # expired
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at, revoked_at) VALUES ('$B', 'email_verification', '$e3', 'bob@example.com', $FUTURE, CURRENT_TIMESTAMP)"
	db_changes_is 0 "$(verify_sql "$e3")" # revoked
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', '$e4', 'old@example.com', $FUTURE)"
	db_changes_is 0 "$(verify_sql "$e4")" # sent to an address the account no longer has
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', '$e6', 'bob@example.com', $FUTURE)"
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$B'"
	db_changes_is 0 "$(verify_sql "$e6")"
	db_ok "UPDATE users SET status = 'active', locked_until = $FUTURE WHERE id = '$B'"
	db_changes_is 0 "$(verify_sql "$e6")"
	db_ok "UPDATE users SET locked_until = NULL, banned_until = $FUTURE WHERE id = '$B'"
	db_changes_is 0 "$(verify_sql "$e6")"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$B'"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at, created_at) VALUES ('$B', 'email_verification', '$e7', 'bob@example.com', $FUTURE, $PAST)"
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$B'"
	db_changes_is 0 "$(verify_sql "$e7")"
	db_ok "UPDATE users SET tokens_not_before = NULL WHERE id = '$B'"
	db_changes_is 1 "$(verify_sql "$e6")"
	# an address change: the token names the new address; then it replaces the old one
	db_ok "UPDATE users SET pending_email = 'robert@example.com' WHERE id = '$B'"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', '$e5', 'robert@example.com', $FUTURE)"
	db_changes_is 1 "$(verify_sql "$e5")"
	db_changes_is 1 "UPDATE users SET email = pending_email, pending_email = NULL, email_verified_at = CURRENT_TIMESTAMP WHERE id = '$B' AND pending_email = 'robert@example.com'"
	db_is "robert@example.com|1" "SELECT email || '|' || CASE WHEN pending_email IS NULL THEN 1 ELSE 0 END FROM users WHERE id = '$B'"

	t "[$BACKEND] MFA: secret, replay guard, single-use recovery codes"
	db_ok "UPDATE users SET mfa_enabled = TRUE, mfa_totp_secret = '$(totp carol)', mfa_enabled_at = CURRENT_TIMESTAMP WHERE id = '$C'"
	db_ok "UPDATE users SET mfa_totp_last_step = 59000000 WHERE id = '$C' AND (mfa_totp_last_step IS NULL OR mfa_totp_last_step < 59000000)"
	db_is 59000000 "SELECT mfa_totp_last_step FROM users WHERE id = '$C'"
	db_changes_is 0 "UPDATE users SET mfa_totp_last_step = 59000000 WHERE id = '$C' AND (mfa_totp_last_step IS NULL OR mfa_totp_last_step < 59000000)"
	db_is 59000000 "SELECT mfa_totp_last_step FROM users WHERE id = '$C'"
	db_rejects "UPDATE users SET mfa_totp_secret = NULL WHERE id = '$C'" users_mfa_secret_required_chk
	local c1 c2
	c1=$(argon2 code1) c2=$(argon2 code2)
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash) VALUES ('$C', 'mfa_recovery', '$c1'), ('$C', 'mfa_recovery', '$c2')"
	db_is 2 "$(recovery_candidates_sql "$C")"
	db_changes_is 1 "$(recovery_consume_sql "$c1")"
	db_changes_is 0 "$(recovery_consume_sql "$c1")" # single use
	db_is 1 "$(recovery_candidates_sql "$C")"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$C' AND token_hash = '$c1' AND used_at IS NULL"
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$C'"
	db_is 0 "$(recovery_candidates_sql "$C")"
	db_ok "UPDATE users SET status = 'active', locked_until = $FUTURE WHERE id = '$C'"
	db_is 0 "$(recovery_candidates_sql "$C")"
	db_ok "UPDATE users SET locked_until = NULL, banned_until = $FUTURE WHERE id = '$C'"
	db_is 0 "$(recovery_candidates_sql "$C")"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$C'"
	# "log out everywhere" ends sessions, not the second factor's recovery codes
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$C'"
	db_is 1 "$(recovery_candidates_sql "$C")"
	db_ok "UPDATE users SET tokens_not_before = NULL WHERE id = '$C'"
	# regenerating the codes revokes the old ones
	db_changes_is 1 "UPDATE tokens SET revoked_at = CURRENT_TIMESTAMP WHERE user_id = '$C' AND token_type = 'mfa_recovery' AND used_at IS NULL AND revoked_at IS NULL"
	db_is 0 "$(recovery_candidates_sql "$C")"
	db_changes_is 0 "$(recovery_consume_sql "$c2")"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash) VALUES ('$C', 'mfa_recovery', '$(argon2 code3)')"
	db_is 1 "$(recovery_candidates_sql "$C")"

	t "[$BACKEND] password reset: single use, expiry, invalidation"
	local p1 pold p2 p3 p4
	p1=$(hex64 p1) pold=$(hex64 p-old) p2=$(hex64 p2) p3=$(hex64 p3) p4=$(hex64 p4)
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, requested_ip) VALUES ('$B', '$p1', $FUTURE, '203.0.113.7')"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', '$pold', $PAST)"
	db_rejects "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', '$p1', $FUTURE)" "$(key_name password_reset_tokens_token_hash_key)"
	db_rejects "INSERT INTO password_reset_tokens (user_id, token_hash) VALUES ('$B', '$p2')"
	db_changes_is 1 "$(redeem_sql "$p1")"
	db_changes_is 0 "$(redeem_sql "$p1")" # single use
	db_changes_is 0 "$(redeem_sql "$pold")" # expired
	db_is 1 "SELECT count(*) FROM password_reset_tokens WHERE token_hash = '$p1' AND used_at IS NOT NULL AND revoked_at IS NULL"
	# a newer request invalidates the unused ones (revoked, not used: the audit tells them apart)
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', '$p2', $FUTURE)"
	db_changes_is 2 "$(reset_request_sql "$B")"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', '$p3', $FUTURE)"
	db_changes_is 0 "$(redeem_sql "$p2")" # revoked
	db_is "1|2" "SELECT sum(CASE WHEN used_at IS NOT NULL THEN 1 ELSE 0 END) || '|' || sum(CASE WHEN revoked_at IS NOT NULL THEN 1 ELSE 0 END) FROM password_reset_tokens WHERE user_id = '$B'"
	db_ok "UPDATE users SET status = 'suspended' WHERE id = '$B'"
	db_changes_is 0 "$(redeem_sql "$p3")"
	db_ok "UPDATE users SET status = 'active', locked_until = $FUTURE WHERE id = '$B'"
	db_changes_is 0 "$(redeem_sql "$p3")"
	db_ok "UPDATE users SET locked_until = NULL, banned_until = $FUTURE WHERE id = '$B'"
	db_changes_is 0 "$(redeem_sql "$p3")"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$B'"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, created_at) VALUES ('$B', '$p4', $FUTURE, $PAST)"
	db_ok "UPDATE users SET tokens_not_before = $PAST WHERE id = '$B'"
	db_changes_is 1 "$(redeem_sql "$p3")"
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$B'"
	db_changes_is 0 "$(redeem_sql "$p4")" # issued before tokens_not_before
	db_ok "UPDATE users SET tokens_not_before = NULL WHERE id = '$B'"
	db_is 5 "SELECT count(*) FROM password_reset_tokens WHERE user_id = '$B'"

	t "[$BACKEND] provider identities (social login, SSO)"
	local sub=109876543210
	db_ok "INSERT INTO user_identities (user_id, provider, provider_subject, email) VALUES ('$B', 'google', '$sub', 'bob@gmail.com')"
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', 'google', '$sub')" "$(key_name user_identities_uniq_provider_provider_subject)"
	db_ok "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', 'github', '$sub')"
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', 'Google', 'x1')" user_identities_provider_chk
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', '', 'x1')" user_identities_provider_chk
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', 'gitlab', '')" user_identities_provider_subject_chk
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject, email) VALUES ('$C', 'gitlab', 'x1', 'Carol@Gitlab.com')" user_identities_email_lower_chk
	db_rejects "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$D', 'gitlab', 'x1')"
	# subjects compare exactly (OIDC sub is case-sensitive), on every engine
	db_ok "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$B', 'gitlab', 'AbCdEf')"
	db_ok "INSERT INTO user_identities (user_id, provider, provider_subject) VALUES ('$C', 'gitlab', 'abcdef')"
	local sso="SELECT count(*) FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.provider = 'google' AND i.provider_subject = '$sub' AND $USABLE"
	db_is 1 "$sso"
	db_is "$B" "SELECT user_id FROM user_identities WHERE provider = 'gitlab' AND provider_subject = 'AbCdEf'"
	db_ok "UPDATE users SET banned_until = $FUTURE WHERE id = '$B'"
	db_is 0 "$sso"
	db_ok "UPDATE users SET banned_until = NULL WHERE id = '$B'"
	db_ok "UPDATE user_identities SET last_login_at = CURRENT_TIMESTAMP WHERE provider = 'google' AND provider_subject = '$sub'"
	db_is "2|0" "SELECT count(*) || '|' || sum(CASE WHEN u.password_hash IS NULL THEN 0 ELSE 1 END) FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.id = '$B'"

	t "[$BACKEND] audit events"
	db_ok "INSERT INTO auth_events (user_id, event_type, ip_address, user_agent, metadata) VALUES ('$A', 'login_succeeded', '203.0.113.7', 'curl/8', '{\"method\": \"password\"}')"
	db_ok "INSERT INTO auth_events (event_type, ip_address, metadata) VALUES ('login_failed', '203.0.113.8', '{\"email\": \"nobody@example.com\"}')"
	db_ok "INSERT INTO auth_events (user_id, actor_user_id, event_type) VALUES ('$C', '$A', 'role_granted')"
	db_ok "INSERT INTO auth_events (user_id, actor_user_id, event_type) VALUES ('$B', '$C', 'account_banned')"
	db_rejects "INSERT INTO auth_events (user_id, event_type) VALUES ('$A', 'login_sucess')" auth_events_event_type_chk
	db_rejects "INSERT INTO auth_events (event_type) VALUES (NULL)"
	db_rejects "INSERT INTO auth_events (event_type, metadata) VALUES ('logout', '{not json')"
	db_rejects "INSERT INTO auth_events (user_id, event_type) VALUES ('$D', 'logout')"
	db_is "login_succeeded|1" "SELECT event_type || '|' || CASE WHEN created_at IS NOT NULL THEN 1 ELSE 0 END FROM auth_events WHERE user_id = '$A' ORDER BY created_at DESC"
	db_is 1 "SELECT count(*) FROM auth_events WHERE event_type = 'login_failed' AND user_id IS NULL"

	t "[$BACKEND] timestamps: one form, and a word is not a time"
	local ts=password_reset_tokens
	db_rejects "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts1)', 'never')" "$([ "$BACKEND" != sqlite ] || echo 'type:timestamptz')"
	db_rejects "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts1)', '2024-02-30 10:00:00')"
	db_ok "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts2)', '2024-01-01 10:00:00')"
	db_changes_is 0 "$(redeem_sql "$(hex64 ts2)")" # long expired
	db_ok "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts5)', '2999-01-01 10:00:00.250')"
	db_changes_is 1 "$(redeem_sql "$(hex64 ts5)")"
	if [ "$BACKEND" = postgres ]; then
		# PostgreSQL parses ISO 8601 with T, Z and offsets into the same instant
		db_ok "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts3)', '2024-01-01T10:00:00Z')"
		db_changes_is 0 "$(redeem_sql "$(hex64 ts3)")"
	else
		# SQLite stores text (the SQLite dialect's CHECK admits only its own
		# date functions' form: an ISO 'T...Z' would sort after it, and an
		# expired token would still pass); MySQL/MariaDB's DATETIME refuses them
		db_rejects "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts3)', '2024-01-01T10:00:00Z')" "$([ "$BACKEND" != sqlite ] || echo 'type:timestamptz')"
		db_rejects "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts4)', '2024-01-01 10:00:00+02:00')"
	fi
	if [ "$BACKEND" = sqlite ]; then
		db_rejects "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts4)', '2024-01-01T10:00:00')" 'type:timestamptz'
	else
		# a DATETIME / timestamptz parses the T form into the same instant
		db_ok "INSERT INTO $ts (user_id, token_hash, expires_at) VALUES ('$A', '$(hex64 ts4)', '2024-01-01T10:00:00')"
		db_is 1 "SELECT count(*) FROM $ts WHERE token_hash = '$(hex64 ts4)' AND expires_at = '2024-01-01 10:00:00'"
	fi
	db_ok "DELETE FROM $ts WHERE user_id = '$A'"

	t "[$BACKEND] what the schema cannot catch: the application normalises emails"
	local E1=eeeeeeee-0000-4000-8000-000000000011 E2=eeeeeeee-0000-4000-8000-000000000012
	# a trailing space and a decomposed (NFD) accent are other strings on every engine
	db_ok "INSERT INTO users (id, email) VALUES ('$E1', 'erin@example.com ')"
	db_ok "INSERT INTO users (id, email) VALUES ('$E2', '$(printf 'e\xcc\x81mile@example.com')')"
	db_ok "DELETE FROM users WHERE id IN ('$E1', '$E2')"
	# lower() folds non-ASCII letters on MariaDB and on PostgreSQL with a
	# Unicode LC_CTYPE (C.UTF-8 here), not on SQLite or PostgreSQL's "C"
	db_sql "SELECT CASE WHEN lower('É') = 'é' THEN 1 ELSE 0 END"
	local folds=$OUT
	[ "$BACKEND" != sqlite ] || assert_eq 0 "$folds" "SQLite's lower() folds ASCII only"
	[ "$BACKEND" != mysql ] || assert_eq 1 "$folds" "MariaDB's lower() folds É"
	if [ "$folds" = 1 ]; then
		db_rejects "INSERT INTO users (id, email) VALUES ('$E1', 'Émile@example.com')" users_email_lower_chk
	else
		db_ok "INSERT INTO users (id, email) VALUES ('$E1', 'Émile@example.com')"
		db_ok "DELETE FROM users WHERE id = '$E1'"
	fi

	t "[$BACKEND] profile and preferences"
	db_ok "INSERT INTO user_profiles (user_id, display_name, bio) VALUES ('$B', 'Bob', 'hello')"
	db_rejects "INSERT INTO user_profiles (user_id, display_name) VALUES ('$B', 'Bob again')"
	db_rejects "INSERT INTO user_profiles (user_id, display_name) VALUES ('$D', 'nobody')"
	db_ok "INSERT INTO user_preferences (user_id, settings) VALUES ('$B', '{\"compact\": true}')"
	db_is "en|UTC|system|public|1" "SELECT locale || '|' || timezone || '|' || theme || '|' || profile_visibility || '|' || CASE WHEN email_notifications THEN 1 ELSE 0 END FROM user_preferences WHERE user_id = '$B'"
	db_is 1 "SELECT count(*) FROM user_preferences WHERE user_id = '$B' AND settings IS NOT NULL"

	t "[$BACKEND] connections: follow, mutual, no duplicate, no self-follow"
	db_ok "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$B', 'follow')"
	db_ok "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$B', '$A', 'follow')"
	db_ok "INSERT INTO user_connections (user_id, target_user_id, connection_type, status) VALUES ('$C', '$B', 'friend', 'pending')"
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$B', 'follow')" "$(key_name user_connections_uniq_user_id_target_user_id_connection_type)"
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$A', 'follow')" user_connections_not_self_chk
	db_is 1 "SELECT count(*) FROM user_connections f JOIN user_connections b ON b.user_id = f.target_user_id AND b.target_user_id = f.user_id AND b.connection_type = 'follow' WHERE f.user_id = '$A' AND f.connection_type = 'follow'"
	db_is 1 "SELECT count(*) FROM user_connections WHERE target_user_id = '$B' AND connection_type = 'follow' AND status = 'accepted'"

	t "[$BACKEND] deleting a user cascades; the audit trail stays; others are untouched"
	db_ok "DELETE FROM users WHERE id = '$B'"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM password_reset_tokens WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_profiles WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_preferences WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_roles WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_connections WHERE user_id = '$B' OR target_user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_identities WHERE user_id = '$B'"
	db_is 2 "SELECT count(*) FROM user_identities WHERE user_id = '$C'"
	db_is 4 "SELECT count(*) FROM auth_events"
	db_is 1 "SELECT count(*) FROM auth_events WHERE event_type = 'account_banned' AND user_id IS NULL AND actor_user_id = '$C'"
	db_is 2 "SELECT count(*) FROM users"
	db_is 3 "SELECT count(*) FROM tokens WHERE user_id = '$C'"
	db_ok "DELETE FROM users WHERE id = '$A'"
	db_is 1 "SELECT count(*) FROM user_roles WHERE user_id = '$C' AND assigned_by IS NULL"
	db_is 4 "SELECT count(*) FROM auth_events"
	db_is 1 "SELECT count(*) FROM auth_events WHERE event_type = 'role_granted' AND user_id = '$C' AND actor_user_id IS NULL"
	db_is 2 "SELECT count(*) FROM auth_events WHERE user_id IS NULL AND event_type IN ('login_succeeded', 'login_failed')"
	db_ok "DELETE FROM roles WHERE name = 'moderator'"
	db_is 0 "SELECT count(*) FROM user_roles WHERE user_id = '$C'"
	db_is 10 "SELECT count(*) FROM role_permissions"
}

# After the test has rolled the migration back: down again, and down after
# an up that stopped half-way (the state MySQL/MariaDB are left in, with
# no transactional DDL), both succeed and leave nothing.
run_down_checks() {
	local file=$1
	local down up
	run mig sql "$file" --down --dialect "$BACKEND"
	[ "$RC" = 0 ] || fail "[$BACKEND] sql --down: $ERR"
	down=$OUT
	assert_contains "$down" "DROP TABLE IF EXISTS"
	run mig sql "$file" --dialect "$BACKEND"
	[ "$RC" = 0 ] || fail "[$BACKEND] sql: $ERR"
	up=$OUT

	t "[$BACKEND] down twice: a second down finds nothing to drop and succeeds"
	assert_eq 0 "$(auth_table_count)" "auth tables before the second down"
	db_ok "$down"
	assert_eq 0 "$(auth_table_count)" "auth tables after the second down"

	t "[$BACKEND] down after a partial up"
	# the up's statements up to (not including) the CREATE TABLE of user_profiles
	local partial
	partial=$(printf '%s\n' "$up" | awk '/^CREATE TABLE [`"]?user_profiles[`"]? /{exit} {print}')
	assert_contains "$partial" "password_reset_tokens_token_hash_chk"
	assert_not_contains "$partial" "user_profiles"
	db_ok "$partial"
	assert_eq 7 "$(auth_table_count)" "auth tables after the partial up"
	db_ok "$down"
	assert_eq 0 "$(auth_table_count)" "auth tables after down"
	db_ok "$down"
	assert_eq 0 "$(auth_table_count)" "auth tables after down again"
}
