using Identity.EmbeddedStorage;
using Identity.GroupRole.Domain;
using Microsoft.Data.Sqlite;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>Per-user state (suspension, IdP roles) and role mappings.</summary>
public sealed partial class SqliteGroupRoleStore
{
    public async Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        await using var pooled = await _database.RentReaderAsync(cancellationToken);
        var command = pooled.Command("SELECT suspended, roles FROM user_state WHERE tenant_id = $tenant AND user_id = $user");
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UserState(reader.GetInt64(0) == 1, SqliteValues.ParseJson(reader.GetString(1)))
            : UserState.Default;
    }

    public Task SetUserSuspendedAsync(string tenantId, string userId, bool suspended, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, """
            INSERT INTO user_state (tenant_id, user_id, suspended) VALUES ($tenant, $user, $suspended)
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET suspended = excluded.suspended
            """, cancellationToken, ("$tenant", tenantId), ("$user", userId), ("$suspended", suspended ? 1 : 0)), cancellationToken);

    public Task SetUserRolesAsync(string tenantId, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, """
            INSERT INTO user_state (tenant_id, user_id, roles) VALUES ($tenant, $user, $roles)
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET roles = excluded.roles
            """, cancellationToken, ("$tenant", tenantId), ("$user", userId), ("$roles", SqliteValues.Json(roles))), cancellationToken);

    public Task<RoleMappingRecord> PutRoleMappingAsync(RoleMappingRecord mapping, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            // Replacing keeps the original creation time.
            await ExecuteAsync(connection, transaction, """
                INSERT INTO role_mappings (tenant_id, id, group_id, group_display_name, roles, created) VALUES ($tenant, $id, $group, $name, $roles, $created)
                ON CONFLICT (tenant_id, id) DO UPDATE SET group_id = excluded.group_id, group_display_name = excluded.group_display_name, roles = excluded.roles
                """, cancellationToken, ("$tenant", mapping.TenantId), ("$id", mapping.Id), ("$group", SqliteValues.OrNull(mapping.GroupId)),
                ("$name", SqliteValues.OrNull(mapping.GroupDisplayName)), ("$roles", SqliteValues.Json(mapping.Roles)), ("$created", SqliteValues.Time(mapping.Created)));
            var stored = await QueryMappingsAsync(SqliteWriterCommands.For(connection, transaction, MappingsSql("tenant_id = $tenant AND id = $id")),
                [("$tenant", mapping.TenantId), ("$id", mapping.Id)], cancellationToken);
            return stored[0];
        }, cancellationToken);

    public async Task<IReadOnlyList<RoleMappingRecord>> ListRoleMappingsAsync(string tenantId, string? groupId, CancellationToken cancellationToken)
    {
        await using var pooled = await _database.RentReaderAsync(cancellationToken);
        return string.IsNullOrEmpty(groupId)
            ? await QueryMappingsAsync(pooled.Command(MappingsSql("tenant_id = $tenant")), [("$tenant", tenantId)], cancellationToken)
            : await QueryMappingsAsync(pooled.Command(MappingsSql("tenant_id = $tenant AND group_id = $group")), [("$tenant", tenantId), ("$group", groupId)], cancellationToken);
    }

    public Task<bool> DeleteRoleMappingAsync(string tenantId, string mappingId, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
            await ExecuteAsync(connection, transaction, "DELETE FROM role_mappings WHERE tenant_id = $tenant AND id = $id", cancellationToken,
                ("$tenant", tenantId), ("$id", mappingId)) == 1, cancellationToken);

    private static string MappingsSql(string where) =>
        $"SELECT tenant_id, id, group_id, group_display_name, roles, created FROM role_mappings WHERE {where} ORDER BY created, id";

    /// <summary>Reads mappings with a prepared command (not disposed: it is reused).</summary>
    private static async Task<List<RoleMappingRecord>> QueryMappingsAsync(SqliteCommand command, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mappings = new List<RoleMappingRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            mappings.Add(new RoleMappingRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), SqliteValues.ParseJson(reader.GetString(4)), SqliteValues.ParseTime(reader.GetString(5))));
        }
        return mappings;
    }
}
