/**
 * The auth system: accounts, roles and permissions, sessions and one-time
 * secrets, profiles, preferences and connections, with default roles and
 * permissions. Written by `migrations auth`; see docs/auth-schema.md.
 *
 * One file for every engine: the same text runs on PostgreSQL (also under
 * node-pg-migrate 9), SQLite and MySQL/MariaDB. That is why every CHECK,
 * UNIQUE and FOREIGN KEY is declared inside createTable (SQLite cannot add
 * them later), the seeds are plain SQL every engine accepts, and emails
 * are stored lower-case (CHECK) under a plain UNIQUE constraint: case-
 * insensitive uniqueness that holds on each engine.
 *
 * Secrets are never stored: passwords as self-describing hashes
 * ($argon2id$... or $2b$...), every token and code as a hash of it.
 */

/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = (pgm) => {
  // Accounts. The application generates the uuid (random, not enumerable)
  // and normalises email/username to lower case before writing them.
  pgm.createTable(
    'users',
    {
      id: { type: 'uuid', primaryKey: true },
      email: { type: 'varchar(255)', notNull: true, unique: true, check: 'email = lower(email)' },
      username: { type: 'varchar(50)', unique: true, check: 'username = lower(username)' },
      password_hash: { type: 'varchar(255)' },
      status: { type: 'varchar(20)', notNull: true, default: 'active' },
      email_verified_at: { type: 'timestamptz' },
      pending_email: { type: 'varchar(255)', check: 'pending_email = lower(pending_email)' },
      mfa_enabled: { type: 'boolean', notNull: true, default: false },
      mfa_totp_secret: { type: 'text' },
      mfa_totp_last_step: { type: 'bigint' },
      mfa_enabled_at: { type: 'timestamptz' },
      failed_login_attempts: { type: 'integer', notNull: true, default: 0 },
      last_failed_login_at: { type: 'timestamptz' },
      locked_until: { type: 'timestamptz' },
      last_login_at: { type: 'timestamptz' },
      password_changed_at: { type: 'timestamptz' },
      tokens_not_before: { type: 'timestamptz' },
      created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
      updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    {
      constraints: {
        check: [
          "status IN ('active', 'suspended', 'disabled')",
          'failed_login_attempts >= 0',
          'mfa_enabled IN (TRUE, FALSE)',
          'mfa_enabled = FALSE OR mfa_totp_secret IS NOT NULL',
        ],
      },
    },
  );

  pgm.createTable(
    'roles',
    {
      id: { type: 'serial', primaryKey: true },
      name: { type: 'varchar(50)', notNull: true, unique: true },
      description: { type: 'varchar(255)' },
      is_system: { type: 'boolean', notNull: true, default: false },
      created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
      updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    { constraints: { check: 'is_system IN (TRUE, FALSE)' } },
  );

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
  // token_hash: hex HMAC-SHA-256 of the token (a slow salted hash for
  // low-entropy recovery codes); the token itself is never stored.
  pgm.createTable(
    'tokens',
    {
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
    },
    {
      constraints: {
        check: [
          "token_type IN ('refresh', 'email_verification', 'mfa_recovery')",
          "aal IN ('aal1', 'aal2')",
          "token_type <> 'refresh' OR session_id IS NOT NULL",
          "token_type = 'mfa_recovery' OR expires_at IS NOT NULL",
        ],
      },
    },
  );
  pgm.createIndex('tokens', ['user_id', 'token_type'], { name: 'tokens_user_id_type_idx' });
  pgm.createIndex('tokens', 'session_id', { name: 'tokens_session_id_idx' });
  pgm.createIndex('tokens', 'expires_at', { name: 'tokens_expires_at_idx' });

  // Password reset: single use (used_at), short expiry, bound to the user
  // (not to the address); created_at drives per-account rate limits.
  pgm.createTable('password_reset_tokens', {
    id: { type: 'serial', primaryKey: true },
    user_id: { type: 'uuid', notNull: true, references: 'users', onDelete: 'CASCADE' },
    token_hash: { type: 'varchar(64)', notNull: true, unique: true },
    expires_at: { type: 'timestamptz', notNull: true },
    used_at: { type: 'timestamptz' },
    requested_ip: { type: 'varchar(45)' },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
  });
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

  pgm.createTable(
    'user_preferences',
    {
      user_id: { type: 'uuid', primaryKey: true, references: 'users', onDelete: 'CASCADE' },
      locale: { type: 'varchar(35)', notNull: true, default: 'en' },
      timezone: { type: 'varchar(64)', notNull: true, default: 'UTC' },
      theme: { type: 'varchar(16)', notNull: true, default: 'system' },
      profile_visibility: { type: 'varchar(16)', notNull: true, default: 'public' },
      email_notifications: { type: 'boolean', notNull: true, default: true },
      settings: { type: 'jsonb' },
      updated_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
    },
    {
      constraints: {
        check: [
          "theme IN ('light', 'dark', 'system')",
          "profile_visibility IN ('public', 'followers', 'private')",
          'email_notifications IN (TRUE, FALSE)',
        ],
      },
    },
  );

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
    {
      constraints: {
        unique: [['user_id', 'target_user_id', 'connection_type']],
        check: [
          "connection_type IN ('follow', 'friend', 'block')",
          "status IN ('pending', 'accepted')",
          'user_id <> target_user_id',
        ],
      },
    },
  );
  pgm.createIndex('user_connections', ['target_user_id', 'connection_type', 'status'], {
    name: 'user_connections_target_idx',
  });

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
  // Children before parents; dropping a table removes its rows, seeds included.
  pgm.dropTable('user_connections');
  pgm.dropTable('user_preferences');
  pgm.dropTable('user_profiles');
  pgm.dropTable('password_reset_tokens');
  pgm.dropTable('tokens');
  pgm.dropTable('role_permissions');
  pgm.dropTable('user_roles');
  pgm.dropTable('permissions');
  pgm.dropTable('roles');
  pgm.dropTable('users');
};
