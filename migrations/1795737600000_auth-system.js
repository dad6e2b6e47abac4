/**
 * The auth system: accounts, roles and permissions, sessions and one-time
 * secrets, provider identities, an audit trail, profiles, preferences and
 * connections, with default roles and permissions. Written by
 * `migrations auth`; see docs/auth-schema.md.
 *
 * One file for every engine: the same text runs on PostgreSQL (also under
 * node-pg-migrate 9), SQLite and MySQL/MariaDB. Columns, keys and foreign
 * keys are declared in createTable; every CHECK is a pgm.addConstraint
 * right after its table, so that it has the same descriptive name on
 * every engine (<table>_<what>_chk: createTable would name them by
 * position, or not at all). The CHECKs use only SQL all three accept
 * (length, lower, substr, replace, LIKE; no regular expressions), and the
 * seeds are plain SQL every engine accepts.
 *
 * The checks are a backstop for what the application must do: normalise
 * emails (trim, Unicode lower-case, NFC) before writing them, store
 * passwords and recovery codes only as PHC strings of a slow salted hash,
 * every other token only as the hex HMAC-SHA-256 of it, and the TOTP seed
 * only encrypted (v1:<key-id>:<ciphertext>).
 */

/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

// A lower-case hex HMAC-SHA-256: 64 characters, and deleting every hex
// digit leaves nothing (replace() is case-sensitive on every engine, so an
// upper-case or any other character survives it).
const HEX64_TOKEN_HASH =
  'length(token_hash) = 64 AND ' +
  'replace(replace(replace(replace(replace(replace(replace(replace(' +
  'replace(replace(replace(replace(replace(replace(replace(replace(token_hash, ' +
  "'0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), " +
  "'8', ''), '9', ''), 'a', ''), 'b', ''), 'c', ''), 'd', ''), 'e', ''), 'f', '') = ''";

// A PHC string ($<id>$...$<hash>, e.g. $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
// or bcrypt's $2b$12$<53 characters>): a leading $, an id, a second $ and
// at least 60 characters in all (bcrypt, the shortest accepted scheme).
const PHC_TOKEN_HASH = "token_hash LIKE '$_%$_%' AND length(token_hash) >= 60";

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = (pgm) => {
  // Accounts. The application generates the uuid (random, not enumerable)
  // and normalises email/username before writing them; the lower-case
  // checks are the backstop.
  pgm.createTable('users', {
    id: { type: 'uuid', primaryKey: true },
    email: { type: 'varchar(255)', notNull: true, unique: true },
    username: { type: 'varchar(50)', unique: true },
    password_hash: { type: 'varchar(255)' },
    status: { type: 'varchar(20)', notNull: true, default: 'active' },
    email_verified_at: { type: 'timestamptz' },
    pending_email: { type: 'varchar(255)' },
    mfa_enabled: { type: 'boolean', notNull: true, default: false },
    mfa_totp_secret: { type: 'text' },
    mfa_totp_last_step: { type: 'bigint' },
    mfa_enabled_at: { type: 'timestamptz' },
    failed_login_attempts: { type: 'integer', notNull: true, default: 0 },
    last_failed_login_at: { type: 'timestamptz' },
    locked_until: { type: 'timestamptz' },
    banned_until: { type: 'timestamptz' },
    last_login_at: { type: 'timestamptz' },
    password_changed_at: { type: 'timestamptz' },
    tokens_not_before: { type: 'timestamptz' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('users', 'users_email_lower_chk', { check: 'email = lower(email)' });
  pgm.addConstraint('users', 'users_username_lower_chk', { check: 'username = lower(username)' });
  pgm.addConstraint('users', 'users_pending_email_lower_chk', { check: 'pending_email = lower(pending_email)' });
  pgm.addConstraint('users', 'users_status_chk', { check: "status IN ('active', 'suspended', 'disabled')" });
  pgm.addConstraint('users', 'users_failed_login_attempts_chk', { check: 'failed_login_attempts >= 0' });
  pgm.addConstraint('users', 'users_mfa_enabled_bool_chk', { check: 'mfa_enabled IN (TRUE, FALSE)' });
  pgm.addConstraint('users', 'users_mfa_secret_required_chk', {
    check: 'mfa_enabled = FALSE OR mfa_totp_secret IS NOT NULL',
  });
  // NULL: no password sign-in (identities, magic links); otherwise a PHC string.
  pgm.addConstraint('users', 'users_password_hash_phc_chk', {
    check: "password_hash IS NULL OR (password_hash LIKE '$_%$_%' AND length(password_hash) >= 60)",
  });
  // AEAD ciphertext, never the base32 seed: v1:<key-id>:<base64url(nonce,
  // ciphertext, tag)>; a 16-byte seed under AES-GCM is 44 bytes, 59
  // characters of base64url, so at least 64 characters in all.
  pgm.addConstraint('users', 'users_mfa_totp_secret_ciphertext_chk', {
    check:
      "mfa_totp_secret IS NULL OR (substr(mfa_totp_secret, 1, 3) = 'v1:' AND mfa_totp_secret LIKE 'v1:_%:_%'" +
      ' AND length(mfa_totp_secret) >= 64)',
  });

  pgm.createTable('roles', {
    id: { type: 'serial', primaryKey: true },
    name: { type: 'varchar(50)', notNull: true, unique: true },
    description: { type: 'varchar(255)' },
    is_system: { type: 'boolean', notNull: true, default: false },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('roles', 'roles_is_system_bool_chk', { check: 'is_system IN (TRUE, FALSE)' });

  // Permissions are resource:action pairs (users:read, roles:assign, ...).
  pgm.createTable(
    'permissions',
    {
      id: { type: 'serial', primaryKey: true },
      name: { type: 'varchar(100)', notNull: true, unique: true },
      resource: { type: 'varchar(50)', notNull: true },
      action: { type: 'varchar(50)', notNull: true },
      description: { type: 'varchar(255)' },
      created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    { constraints: { unique: [['resource', 'action']] } },
  );

  pgm.createTable(
    'user_roles',
    {
      user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
      role_id: { type: 'integer', notNull: true, references: 'roles', onDelete: 'CASCADE' },
      assigned_by: { type: 'uuid', references: 'users', onDelete: 'SET NULL' },
      assigned_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    { constraints: { primaryKey: ['user_id', 'role_id'] } },
  );
  pgm.createIndex('user_roles', 'role_id', { name: 'user_roles_role_id_idx' });
  pgm.createIndex('user_roles', 'assigned_by', { name: 'user_roles_assigned_by_idx' });

  pgm.createTable(
    'role_permissions',
    {
      role_id: { type: 'integer', notNull: true, references: 'roles', onDelete: 'CASCADE' },
      permission_id: { type: 'integer', notNull: true, references: 'permissions', onDelete: 'CASCADE' },
      granted_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    { constraints: { primaryKey: ['role_id', 'permission_id'] } },
  );
  pgm.createIndex('role_permissions', 'permission_id', { name: 'role_permissions_permission_id_idx' });

  // Sessions and one-time secrets. Each issued refresh token is one row;
  // rotation marks it used and inserts its successor with the same
  // session_id; presenting a used token again revokes the whole session.
  // Email-verification tokens and MFA recovery codes are typed rows here.
  // token_hash: the hex HMAC-SHA-256 of the token under a server key, or
  // for low-entropy recovery codes a PHC string of a slow salted hash; the
  // token itself is never stored.
  pgm.createTable('tokens', {
    id: { type: 'serial', primaryKey: true },
    user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
    token_type: { type: 'varchar(32)', notNull: true, default: 'refresh' },
    token_hash: { type: 'varchar(255)', notNull: true, unique: true },
    session_id: { type: 'varchar(64)' },
    relates_to: { type: 'varchar(255)' },
    aal: { type: 'varchar(8)' },
    ip_address: { type: 'varchar(45)' },
    user_agent: { type: 'text' },
    expires_at: { type: 'timestamptz' },
    last_used_at: { type: 'timestamptz' },
    used_at: { type: 'timestamptz' },
    revoked_at: { type: 'timestamptz' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('tokens', 'tokens_type_chk', {
    check: "token_type IN ('refresh', 'email_verification', 'mfa_recovery')",
  });
  pgm.addConstraint('tokens', 'tokens_aal_chk', { check: "aal IN ('aal1', 'aal2')" });
  pgm.addConstraint('tokens', 'tokens_refresh_session_chk', {
    check: "token_type <> 'refresh' OR session_id IS NOT NULL",
  });
  pgm.addConstraint('tokens', 'tokens_expiry_chk', { check: "token_type = 'mfa_recovery' OR expires_at IS NOT NULL" });
  pgm.addConstraint('tokens', 'tokens_token_hash_chk', {
    check: `(token_type = 'mfa_recovery' AND ${PHC_TOKEN_HASH}) OR (token_type <> 'mfa_recovery' AND ${HEX64_TOKEN_HASH})`,
  });
  pgm.createIndex('tokens', ['user_id', 'token_type'], { name: 'tokens_user_id_type_idx' });
  pgm.createIndex('tokens', 'session_id', { name: 'tokens_session_id_idx' });
  pgm.createIndex('tokens', 'expires_at', { name: 'tokens_expires_at_idx' });

  // Password reset: single use (used_at), invalidated by a newer request or
  // a completed reset (revoked_at), short expiry, bound to the user (not to
  // the address); created_at drives per-account rate limits.
  pgm.createTable('password_reset_tokens', {
    id: { type: 'serial', primaryKey: true },
    user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
    token_hash: { type: 'varchar(64)', notNull: true, unique: true },
    expires_at: { type: 'timestamptz', notNull: true },
    used_at: { type: 'timestamptz' },
    revoked_at: { type: 'timestamptz' },
    requested_ip: { type: 'varchar(45)' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('password_reset_tokens', 'password_reset_tokens_token_hash_chk', { check: HEX64_TOKEN_HASH });
  pgm.createIndex('password_reset_tokens', ['user_id', 'created_at'], {
    name: 'password_reset_tokens_user_id_created_at_idx',
  });
  pgm.createIndex('password_reset_tokens', 'expires_at', { name: 'password_reset_tokens_expires_at_idx' });

  pgm.createTable('user_profiles', {
    user_id: { type: 'uuid', primaryKey: true, references: 'users', onDelete: 'CASCADE' },
    display_name: { type: 'varchar(100)' },
    bio: { type: 'text' },
    avatar_url: { type: 'varchar(2048)' },
    location: { type: 'varchar(100)' },
    website_url: { type: 'varchar(2048)' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });

  pgm.createTable('user_preferences', {
    user_id: { type: 'uuid', primaryKey: true, references: 'users', onDelete: 'CASCADE' },
    locale: { type: 'varchar(35)', notNull: true, default: 'en' },
    timezone: { type: 'varchar(64)', notNull: true, default: 'UTC' },
    theme: { type: 'varchar(16)', notNull: true, default: 'system' },
    profile_visibility: { type: 'varchar(16)', notNull: true, default: 'public' },
    email_notifications: { type: 'boolean', notNull: true, default: true },
    settings: { type: 'jsonb' },
    updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('user_preferences', 'user_preferences_theme_chk', { check: "theme IN ('light', 'dark', 'system')" });
  pgm.addConstraint('user_preferences', 'user_preferences_profile_visibility_chk', {
    check: "profile_visibility IN ('public', 'followers', 'private')",
  });
  pgm.addConstraint('user_preferences', 'user_preferences_email_notifications_bool_chk', {
    check: 'email_notifications IN (TRUE, FALSE)',
  });

  // Follows, friendships and blocks: one row per relation, never with
  // oneself; friendships start pending.
  pgm.createTable(
    'user_connections',
    {
      id: { type: 'serial', primaryKey: true },
      user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
      target_user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
      connection_type: { type: 'varchar(16)', notNull: true },
      status: { type: 'varchar(16)', notNull: true, default: 'accepted' },
      created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
      responded_at: { type: 'timestamptz' },
    },
    { constraints: { unique: [['user_id', 'target_user_id', 'connection_type']] } },
  );
  pgm.addConstraint('user_connections', 'user_connections_type_chk', {
    check: "connection_type IN ('follow', 'friend', 'block')",
  });
  pgm.addConstraint('user_connections', 'user_connections_status_chk', { check: "status IN ('pending', 'accepted')" });
  pgm.addConstraint('user_connections', 'user_connections_not_self_chk', { check: 'user_id <> target_user_id' });
  pgm.createIndex('user_connections', ['target_user_id', 'connection_type', 'status'], {
    name: 'user_connections_target_idx',
  });

  // Sign-in through an identity provider (social login, OIDC, SAML): one
  // row per provider account, found by the provider's stable subject id
  // (OIDC `sub`, compared exactly), never by the email it reports.
  pgm.createTable(
    'user_identities',
    {
      id: { type: 'serial', primaryKey: true },
      user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
      provider: { type: 'varchar(50)', notNull: true },
      provider_subject: { type: 'varchar(255)', notNull: true },
      email: { type: 'varchar(255)' },
      created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
      last_login_at: { type: 'timestamptz' },
    },
    { constraints: { unique: [['provider', 'provider_subject']] } },
  );
  pgm.addConstraint('user_identities', 'user_identities_provider_chk', {
    check: 'provider = lower(provider) AND length(provider) > 0',
  });
  pgm.addConstraint('user_identities', 'user_identities_provider_subject_chk', {
    check: 'length(provider_subject) > 0',
  });
  pgm.addConstraint('user_identities', 'user_identities_email_lower_chk', { check: 'email = lower(email)' });
  pgm.createIndex('user_identities', 'user_id', { name: 'user_identities_user_id_idx' });

  // Append-only audit trail of sign-ins and account and role changes. The
  // event outlives the account (SET NULL); no CHECK may name user_id or
  // actor_user_id (MySQL/MariaDB refuse a CHECK on a SET NULL column).
  pgm.createTable('auth_events', {
    id: { type: 'bigserial', primaryKey: true },
    user_id: { type: 'uuid', references: 'users', onDelete: 'SET NULL' },
    actor_user_id: { type: 'uuid', references: 'users', onDelete: 'SET NULL' },
    event_type: { type: 'varchar(40)', notNull: true },
    ip_address: { type: 'varchar(45)' },
    user_agent: { type: 'text' },
    metadata: { type: 'jsonb' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('auth_events', 'auth_events_event_type_chk', {
    check:
      "event_type IN ('account_created', 'login_succeeded', 'login_failed', 'logout', 'session_revoked'," +
      " 'refresh_token_reused', 'password_changed', 'password_reset_requested', 'password_reset_completed'," +
      " 'email_verified', 'email_changed', 'mfa_enabled', 'mfa_disabled', 'mfa_recovery_code_used'," +
      " 'identity_linked', 'identity_unlinked', 'role_granted', 'role_revoked', 'account_locked'," +
      " 'account_unlocked', 'account_suspended', 'account_reactivated', 'account_banned', 'account_unbanned'," +
      " 'account_deleted')",
  });
  pgm.createIndex('auth_events', ['user_id', 'created_at'], { name: 'auth_events_user_id_created_at_idx' });
  pgm.createIndex('auth_events', ['event_type', 'created_at'], { name: 'auth_events_event_type_created_at_idx' });
  pgm.createIndex('auth_events', 'actor_user_id', { name: 'auth_events_actor_user_id_idx' });

  // Default roles and permissions. Idempotent (each row is inserted only
  // when missing) and plain SQL that runs unchanged on every engine.
  pgm.sql(`INSERT INTO roles (name, description, is_system)
SELECT s.name, s.description, TRUE
FROM (
  SELECT 'admin' AS name, 'Full administrative access' AS description
  UNION ALL SELECT 'moderator', 'Moderates users and content'
  UNION ALL SELECT 'user', 'Default role for registered users'
) s
LEFT JOIN roles r ON r.name = s.name
WHERE r.id IS NULL`);

  pgm.sql(`INSERT INTO permissions (name, resource, action, description)
SELECT s.name, s.resource, s.action, s.description
FROM (
  SELECT 'users:create' AS name, 'users' AS resource, 'create' AS action, 'Create user accounts' AS description
  UNION ALL SELECT 'users:read', 'users', 'read', 'View any user account'
  UNION ALL SELECT 'users:update', 'users', 'update', 'Edit any user account'
  UNION ALL SELECT 'users:delete', 'users', 'delete', 'Delete any user account'
  UNION ALL SELECT 'users:suspend', 'users', 'suspend', 'Suspend or reactivate a user account'
  UNION ALL SELECT 'roles:create', 'roles', 'create', 'Create roles'
  UNION ALL SELECT 'roles:read', 'roles', 'read', 'View roles and their permissions'
  UNION ALL SELECT 'roles:update', 'roles', 'update', 'Edit roles and their permissions'
  UNION ALL SELECT 'roles:delete', 'roles', 'delete', 'Delete roles'
  UNION ALL SELECT 'roles:assign', 'roles', 'assign', 'Assign roles to or remove roles from users'
) s
LEFT JOIN permissions p ON p.name = s.name
WHERE p.id IS NULL`);

  // admin holds every permission (also ones added later, on a re-run).
  pgm.sql(`INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id
FROM roles r
CROSS JOIN permissions p
LEFT JOIN role_permissions rp ON rp.role_id = r.id AND rp.permission_id = p.id
WHERE r.name = 'admin'
  AND rp.role_id IS NULL`);

  // moderator: read and suspend accounts, read roles; never update users
  // (account takeover) or assign roles (privilege escalation).
  pgm.sql(`INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id
FROM roles r
JOIN permissions p ON p.name IN ('users:read', 'users:suspend', 'roles:read')
LEFT JOIN role_permissions rp ON rp.role_id = r.id AND rp.permission_id = p.id
WHERE r.name = 'moderator'
  AND rp.role_id IS NULL`);
};

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.down = (pgm) => {
  // Children before parents; dropping a table removes its rows, seeds
  // included. IF EXISTS: MySQL/MariaDB commit each DDL statement, so an up
  // that stopped half-way leaves some tables, and down must still run.
  pgm.dropTable('auth_events', { ifExists: true });
  pgm.dropTable('user_identities', { ifExists: true });
  pgm.dropTable('user_connections', { ifExists: true });
  pgm.dropTable('user_preferences', { ifExists: true });
  pgm.dropTable('user_profiles', { ifExists: true });
  pgm.dropTable('password_reset_tokens', { ifExists: true });
  pgm.dropTable('tokens', { ifExists: true });
  pgm.dropTable('role_permissions', { ifExists: true });
  pgm.dropTable('user_roles', { ifExists: true });
  pgm.dropTable('permissions', { ifExists: true });
  pgm.dropTable('roles', { ifExists: true });
  pgm.dropTable('users', { ifExists: true });
};
