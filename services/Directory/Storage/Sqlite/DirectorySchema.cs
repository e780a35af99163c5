using Identity.EmbeddedStorage.Migrations;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>Directory's tables, brought up to date when the database opens. Times are fixed-width UTC text, so text order is time order.</summary>
internal static class DirectorySchema
{
    public static SqliteSchema Schema { get; } = new("directory",
    [
        new(1, "tenants, tokens, users, emails, events", Tables),
        // Passwords are write-only and never kept (RFC 7643 §4.1.1); files written before that rule lose theirs here.
        new(2, "purge stored passwords from users and event snapshots", "", SqlitePasswordPurge.Run),
        // Which identifiers an application verified for a JIT user; users from before trust none (never adopted by a guess).
        new(3, "users.jit_verified", "ALTER TABLE users ADD COLUMN jit_verified INTEGER NOT NULL DEFAULT 0;"),
    ]);

    // Version 1: the schema from before versioned steps, hence IF NOT EXISTS (files from then open unchanged).
    private const string Tables = """
            CREATE TABLE IF NOT EXISTS tenants (
                id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                created TEXT NOT NULL,
                idp_profile TEXT NOT NULL,
                lenient_attributes INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS tokens (
                tenant_id TEXT NOT NULL,
                token_id TEXT NOT NULL,
                secret_hash BLOB NOT NULL UNIQUE,
                description TEXT NOT NULL,
                created TEXT NOT NULL,
                expires TEXT NULL,
                revoked TEXT NULL,
                PRIMARY KEY (tenant_id, token_id));
            CREATE TABLE IF NOT EXISTS users (
                tenant_id TEXT NOT NULL,
                id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                user_name TEXT NOT NULL,
                user_name_lower TEXT NOT NULL,
                external_id TEXT NULL,
                external_id_lower TEXT NULL,
                display_name TEXT NULL,
                active INTEGER NULL,
                resource_json TEXT NOT NULL,
                version INTEGER NOT NULL,
                created TEXT NOT NULL,
                last_modified TEXT NOT NULL,
                origin INTEGER NOT NULL,
                idp_managed INTEGER NOT NULL,
                deleted TEXT NULL,
                PRIMARY KEY (tenant_id, id));
            -- Soft-deleted users leave the partial index, which frees their userName.
            CREATE UNIQUE INDEX IF NOT EXISTS ux_users_user_name ON users (tenant_id, user_name_lower) WHERE deleted IS NULL;
            CREATE UNIQUE INDEX IF NOT EXISTS ux_users_ord ON users (tenant_id, ord);
            -- Covers listing and counting live users in creation order without reading rows.
            CREATE INDEX IF NOT EXISTS ix_users_live_ord ON users (tenant_id, ord) WHERE deleted IS NULL;
            CREATE INDEX IF NOT EXISTS ix_users_external_id ON users (tenant_id, external_id_lower);
            CREATE INDEX IF NOT EXISTS ix_users_last_modified ON users (tenant_id, last_modified);
            CREATE INDEX IF NOT EXISTS ix_users_active ON users (tenant_id, active);
            -- JIT users no IdP manages yet (origin 2 = JIT): what a SCIM create may adopt. SCIM-created
            -- users never enter it, so a create asks one probe of a nearly empty index, not three lookups.
            CREATE INDEX IF NOT EXISTS ix_users_jit_pending ON users (tenant_id) WHERE origin = 2 AND idp_managed = 0 AND deleted IS NULL;
            CREATE TABLE IF NOT EXISTS user_emails (
                tenant_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                value_lower TEXT NOT NULL,
                is_primary INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, value_lower, user_id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_user_emails_user ON user_emails (tenant_id, user_id);
            CREATE TABLE IF NOT EXISTS events (
                tenant_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                time TEXT NOT NULL,
                actor TEXT NOT NULL,
                action INTEGER NOT NULL,
                resource_type TEXT NOT NULL,
                resource_id TEXT NOT NULL,
                version_before INTEGER NOT NULL,
                version_after INTEGER NOT NULL,
                request_id TEXT NOT NULL,
                detail TEXT NOT NULL,
                change_type INTEGER NOT NULL,
                user_json TEXT NULL,
                PRIMARY KEY (tenant_id, seq));
            CREATE INDEX IF NOT EXISTS ix_events_resource ON events (tenant_id, resource_id, seq);
            """;
}
