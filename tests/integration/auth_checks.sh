# Acceptance checks of the auth-system migration, the same SQL on every
# backend. Sourced by test_auth_<backend>.sh after lib.sh, which defines:
#   db_sql SQL      run SQL, output in $OUT / $ERR, status in $RC
#   BACKEND         sqlite | postgres | mysql
# and has applied the migration with `migrations auth` + `migrations migrate`.
#
# Values that differ only in spelling between engines (booleans) are read
# through CASE so that every check compares the same text.

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

# App-generated ids (random v4 uuids in a real application).
A=aaaaaaaa-0000-4000-8000-000000000001
B=bbbbbbbb-0000-4000-8000-000000000002
C=cccccccc-0000-4000-8000-000000000003
D=dddddddd-0000-4000-8000-000000000004
FUTURE="'2999-01-01 00:00:00'"
PAST="'2000-01-01 00:00:00'"

AUTH_TABLES="'users','roles','permissions','user_roles','role_permissions','tokens','password_reset_tokens','user_profiles','user_preferences','user_connections'"

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

has_perm() { # USER PERMISSION: the "does X have permission Y" query
	db_is "$3" "SELECT count(*) FROM user_roles ur
		JOIN role_permissions rp ON rp.role_id = ur.role_id
		JOIN permissions p ON p.id = rp.permission_id
		JOIN users u ON u.id = ur.user_id
		WHERE ur.user_id = '$1' AND p.name = '$2' AND u.status = 'active'"
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

	t "[$BACKEND] schema: the ten tables and the default data"
	assert_eq 10 "$(auth_table_count)" "auth tables"
	db_is 3 "SELECT count(*) FROM roles"
	db_is 10 "SELECT count(*) FROM permissions"
	db_is 3 "SELECT count(*) FROM roles WHERE is_system = TRUE"
	db_is "admin|10" "SELECT r.name || '|' || count(rp.permission_id) FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE r.name = 'admin' GROUP BY r.name"
	db_is "moderator|3" "SELECT r.name || '|' || count(rp.permission_id) FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE r.name = 'moderator' GROUP BY r.name"
	db_is 0 "SELECT count(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.name = 'user'"
	db_is 0 "SELECT count(*) FROM permissions WHERE name <> resource || ':' || action"

	t "[$BACKEND] seeds are idempotent"
	local seeds
	seeds=$(seed_sql "$file")
	[ "$(printf '%s\n' "$seeds" | grep -c '^INSERT INTO')" = 4 ] || fail "expected 4 seed statements in $file"
	db_ok "$seeds"
	db_ok "$seeds"
	db_is 3 "SELECT count(*) FROM roles"
	db_is 10 "SELECT count(*) FROM permissions"
	db_is 13 "SELECT count(*) FROM role_permissions"

	t "[$BACKEND] registration with defaults"
	db_ok "INSERT INTO users (id, email, password_hash) VALUES ('$A', 'alice@example.com', '\$argon2id\$v=19\$m=65536,t=3,p=4\$c2FsdA\$aGFzaA')"
	db_ok "INSERT INTO users (id, email) VALUES ('$B', 'bob@example.com')"
	db_ok "INSERT INTO users (id, email, username) VALUES ('$C', 'carol@example.com', 'carol')"
	db_is "active|0|0|1" "SELECT status || '|' || failed_login_attempts || '|' || CASE WHEN mfa_enabled THEN 1 ELSE 0 END || '|' || CASE WHEN created_at IS NOT NULL AND updated_at IS NOT NULL THEN 1 ELSE 0 END FROM users WHERE id = '$A'"
	db_is 2 "SELECT count(*) FROM users WHERE username IS NULL"

	t "[$BACKEND] duplicate email in any letter case is rejected"
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'alice@example.com')"
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'Alice@Example.com')"
	db_rejects "INSERT INTO users (id, email) VALUES ('$D', 'Dave@Example.com')"
	db_rejects "INSERT INTO users (id, email, username) VALUES ('$D', 'dave@example.com', 'Carol')"
	db_rejects "INSERT INTO users (id, email, username) VALUES ('$D', 'dave@example.com', 'carol')"
	db_rejects "UPDATE users SET pending_email = 'New@Example.com' WHERE id = '$A'"
	db_ok "UPDATE users SET pending_email = 'new@example.com' WHERE id = '$A'"

	t "[$BACKEND] checks reject bad values"
	db_rejects "UPDATE users SET status = 'zombie' WHERE id = '$A'"
	db_rejects "UPDATE users SET failed_login_attempts = -1 WHERE id = '$A'"
	db_rejects "UPDATE users SET mfa_enabled = TRUE WHERE id = '$A'"
	db_rejects "INSERT INTO tokens (user_id, token_type, token_hash, expires_at) VALUES ('$A', 'magic', 'h0', $FUTURE)"
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, aal) VALUES ('$A', 'h0', 's0', $FUTURE, 'aal9')"
	db_rejects "INSERT INTO user_preferences (user_id, theme) VALUES ('$A', 'neon')"
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$B', 'stalk')"

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
	db_ok "UPDATE users SET status = 'active' WHERE id = '$A'"

	t "[$BACKEND] refresh tokens: rotation and reuse detection"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at, aal) VALUES ('$A', 'r1', 'sess-1', $FUTURE, 'aal1')"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', 'q1', 'sess-2', $FUTURE)"
	db_rejects "INSERT INTO tokens (user_id, token_hash, expires_at) VALUES ('$A', 'r-nosession', $FUTURE)"
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id) VALUES ('$A', 'r-noexpiry', 'sess-3')"
	db_rejects "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) VALUES ('$A', 'r1', 'sess-9', $FUTURE)"
	# rotate r1 -> r2: consume r1 exactly once, insert its successor
	db_ok "UPDATE tokens SET used_at = CURRENT_TIMESTAMP, last_used_at = CURRENT_TIMESTAMP WHERE token_hash = 'r1' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	db_is 1 "SELECT count(*) FROM tokens WHERE token_hash = 'r1' AND used_at IS NOT NULL"
	db_ok "INSERT INTO tokens (user_id, token_hash, session_id, expires_at) SELECT user_id, 'r2', session_id, expires_at FROM tokens WHERE token_hash = 'r1'"
	db_is 2 "SELECT count(DISTINCT session_id) FROM tokens WHERE user_id = '$A' AND token_type = 'refresh' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	# r1 presented again: it is already used -> revoke the whole family
	db_is 1 "SELECT count(*) FROM tokens WHERE token_hash = 'r1' AND used_at IS NOT NULL"
	db_ok "UPDATE tokens SET revoked_at = CURRENT_TIMESTAMP WHERE session_id = (SELECT t.session_id FROM (SELECT session_id FROM tokens WHERE token_hash = 'r1') t)"
	db_is 0 "SELECT count(*) FROM tokens WHERE session_id = 'sess-1' AND revoked_at IS NULL"
	db_is 1 "SELECT count(DISTINCT session_id) FROM tokens WHERE user_id = '$A' AND token_type = 'refresh' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	# logout everywhere
	db_ok "UPDATE tokens SET revoked_at = CURRENT_TIMESTAMP WHERE user_id = '$A' AND revoked_at IS NULL"
	db_ok "UPDATE users SET tokens_not_before = CURRENT_TIMESTAMP WHERE id = '$A'"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$A' AND revoked_at IS NULL"

	t "[$BACKEND] email verification"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash, relates_to, expires_at) VALUES ('$B', 'email_verification', 'ev1', 'bob@example.com', $FUTURE)"
	db_ok "UPDATE tokens SET used_at = CURRENT_TIMESTAMP WHERE token_hash = 'ev1' AND token_type = 'email_verification' AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP AND relates_to = (SELECT email FROM users WHERE users.id = tokens.user_id)"
	db_is 1 "SELECT count(*) FROM tokens WHERE token_hash = 'ev1' AND used_at IS NOT NULL"
	db_ok "UPDATE users SET email_verified_at = CURRENT_TIMESTAMP WHERE id = '$B'"
	db_is 1 "SELECT count(*) FROM users WHERE id = '$B' AND email_verified_at IS NOT NULL"

	t "[$BACKEND] MFA: secret, replay guard, single-use recovery codes"
	db_ok "UPDATE users SET mfa_enabled = TRUE, mfa_totp_secret = 'v1:k1:bm9uY2U:Y3Q', mfa_enabled_at = CURRENT_TIMESTAMP WHERE id = '$C'"
	db_ok "UPDATE users SET mfa_totp_last_step = 59000000 WHERE id = '$C' AND (mfa_totp_last_step IS NULL OR mfa_totp_last_step < 59000000)"
	db_is 59000000 "SELECT mfa_totp_last_step FROM users WHERE id = '$C'"
	db_ok "UPDATE users SET mfa_totp_last_step = 59000000 WHERE id = '$C' AND (mfa_totp_last_step IS NULL OR mfa_totp_last_step < 59000000)"
	db_is 59000000 "SELECT mfa_totp_last_step FROM users WHERE id = '$C'"
	db_rejects "UPDATE users SET mfa_totp_secret = NULL WHERE id = '$C'"
	db_ok "INSERT INTO tokens (user_id, token_type, token_hash) VALUES ('$C', 'mfa_recovery', '\$2b\$12\$recoverycode1hash'), ('$C', 'mfa_recovery', '\$2b\$12\$recoverycode2hash')"
	db_ok "UPDATE tokens SET used_at = CURRENT_TIMESTAMP WHERE user_id = '$C' AND token_type = 'mfa_recovery' AND token_hash = '\$2b\$12\$recoverycode1hash' AND used_at IS NULL"
	db_is 1 "SELECT count(*) FROM tokens WHERE user_id = '$C' AND token_type = 'mfa_recovery' AND used_at IS NULL"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$C' AND token_hash = '\$2b\$12\$recoverycode1hash' AND used_at IS NULL"

	t "[$BACKEND] password reset: single use and expiry"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, requested_ip) VALUES ('$B', 'p1', $FUTURE, '203.0.113.7')"
	db_ok "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', 'p-old', $PAST)"
	db_rejects "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ('$B', 'p1', $FUTURE)"
	db_rejects "INSERT INTO password_reset_tokens (user_id, token_hash) VALUES ('$B', 'p2')"
	local redeem="UPDATE password_reset_tokens SET used_at = CURRENT_TIMESTAMP WHERE token_hash = 'p1' AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	db_ok "$redeem"
	db_is 1 "SELECT count(*) FROM password_reset_tokens WHERE token_hash = 'p1' AND used_at IS NOT NULL"
	db_is 0 "SELECT count(*) FROM password_reset_tokens WHERE token_hash = 'p1' AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	db_is 0 "SELECT count(*) FROM password_reset_tokens WHERE token_hash = 'p-old' AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP"
	db_is 2 "SELECT count(*) FROM password_reset_tokens WHERE user_id = '$B'"

	t "[$BACKEND] lockout"
	db_ok "UPDATE users SET failed_login_attempts = failed_login_attempts + 1, last_failed_login_at = CURRENT_TIMESTAMP WHERE id = '$B'"
	db_ok "UPDATE users SET failed_login_attempts = 5, locked_until = $FUTURE WHERE id = '$B'"
	db_is 1 "SELECT count(*) FROM users WHERE id = '$B' AND locked_until > CURRENT_TIMESTAMP"

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
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$B', 'follow')"
	db_rejects "INSERT INTO user_connections (user_id, target_user_id, connection_type) VALUES ('$A', '$A', 'follow')"
	db_is 1 "SELECT count(*) FROM user_connections f JOIN user_connections b ON b.user_id = f.target_user_id AND b.target_user_id = f.user_id AND b.connection_type = 'follow' WHERE f.user_id = '$A' AND f.connection_type = 'follow'"
	db_is 1 "SELECT count(*) FROM user_connections WHERE target_user_id = '$B' AND connection_type = 'follow' AND status = 'accepted'"

	t "[$BACKEND] deleting a user cascades; others are untouched"
	db_ok "DELETE FROM users WHERE id = '$B'"
	db_is 0 "SELECT count(*) FROM tokens WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM password_reset_tokens WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_profiles WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_preferences WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_roles WHERE user_id = '$B'"
	db_is 0 "SELECT count(*) FROM user_connections WHERE user_id = '$B' OR target_user_id = '$B'"
	db_is 2 "SELECT count(*) FROM users"
	db_is 2 "SELECT count(*) FROM tokens WHERE user_id = '$C'"
	db_ok "DELETE FROM users WHERE id = '$A'"
	db_is 1 "SELECT count(*) FROM user_roles WHERE user_id = '$C' AND assigned_by IS NULL"
	db_ok "DELETE FROM roles WHERE name = 'moderator'"
	db_is 0 "SELECT count(*) FROM user_roles WHERE user_id = '$C'"
	db_is 10 "SELECT count(*) FROM role_permissions"
}
