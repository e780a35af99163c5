using Identity.EmbeddedStorage.Migrations;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>GroupRole's tables and the indexes the queries need, brought up to date when the database opens.</summary>
internal static class GroupRoleSchema
{
    public static SqliteSchema Schema { get; } = new("grouprole", [new(1, "groups, memberships, role mappings, user state, audit", Tables)]);

    // Version 1: the schema from before versioned steps, hence IF NOT EXISTS (files from then open unchanged).
    // memberships is WITHOUT ROWID so the primary key is the table: adding one member to a
    // group of 100,000 touches one B-tree page path, like adding to a group of ten.
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS groups (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            display_name_key TEXT NOT NULL,
            external_id TEXT NULL,
            version INTEGER NOT NULL,
            created TEXT NOT NULL,
            last_modified TEXT NOT NULL,
            member_count INTEGER NOT NULL,
            extra_json TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant_id, id));
        CREATE UNIQUE INDEX IF NOT EXISTS groups_display_name ON groups (tenant_id, display_name_key) WHERE deleted = 0;
        CREATE INDEX IF NOT EXISTS groups_external_id ON groups (tenant_id, external_id) WHERE external_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS memberships (
            tenant_id TEXT NOT NULL,
            group_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            member_type INTEGER NOT NULL,
            display TEXT NULL,
            PRIMARY KEY (tenant_id, group_id, member_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS memberships_member ON memberships (tenant_id, member_id);
        CREATE TABLE IF NOT EXISTS role_mappings (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            group_id TEXT NULL,
            group_display_name TEXT NULL,
            roles TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id));
        CREATE TABLE IF NOT EXISTS user_state (
            tenant_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            suspended INTEGER NOT NULL DEFAULT 0,
            roles TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (tenant_id, user_id));
        CREATE TABLE IF NOT EXISTS group_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant_id TEXT NOT NULL,
            group_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            version_before INTEGER NOT NULL,
            version_after INTEGER NOT NULL,
            at TEXT NOT NULL,
            request_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS group_audit_group ON group_audit (tenant_id, group_id, seq);
        """;
}
