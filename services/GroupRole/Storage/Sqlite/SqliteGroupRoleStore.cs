using Identity.EmbeddedStorage;
using Identity.GroupRole.Domain;
using Microsoft.Data.Sqlite;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>
/// GroupRole's store on the embedded SQLite file: groups and their audit trail here, members and
/// users in the other parts. Each mutation is one write of <see cref="SqliteDatabase.WriteAsync"/>:
/// it commits with the writes queued beside it, yet fails alone, and it sees every write committed
/// before it, which is what keeps the cycle check of nested groups sound. Statements of a fixed
/// text are prepared once (the writer's and the pooled readers' commands); those whose text varies
/// (IN lists, filters) are built per call so they cannot crowd the prepared ones out.
/// </summary>
public sealed partial class SqliteGroupRoleStore : IGroupRoleStore
{
    private const string SelectGroup =
        "SELECT g.tenant_id, g.id, g.display_name, g.external_id, g.version, g.created, g.last_modified, g.member_count, g.extra_json FROM groups g";
    private const string SelectLiveGroup = SelectGroup + " WHERE g.tenant_id = $tenant AND g.id = $id AND g.deleted = 0";
    // SQLite's default limit on bound parameters is 32,766; chunks stay far below it.
    private const int ChunkSize = 500;

    private readonly SqliteDatabase _database;

    /// <param name="database">Opened with <see cref="GroupRoleSchema.Schema"/> (see <see cref="Open"/>).</param>
    public SqliteGroupRoleStore(SqliteDatabase database)
    {
        _database = database;
    }

    /// <summary>Opens GroupRole's database at <paramref name="path"/> (":memory:" for one in memory), its schema brought up to date.</summary>
    public static SqliteDatabase Open(string path, ILogger? logger = null) => SqliteDatabase.Open(path, GroupRoleSchema.Schema, logger);

    public Task<GroupRecord> CreateGroupAsync(GroupRecord group, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            var created = group with { Version = 1, MemberCount = 0 };
            try
            {
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO groups (tenant_id, id, display_name, display_name_key, external_id, version, created, last_modified, member_count, extra_json, deleted)
                    VALUES ($tenant, $id, $name, $key, $external, 1, $created, $modified, 0, $extra, 0)
                    """, cancellationToken,
                    ("$tenant", group.TenantId), ("$id", group.Id), ("$name", group.DisplayName), ("$key", SqliteValues.NameKey(group.DisplayName)),
                    ("$external", SqliteValues.OrNull(group.ExternalId)), ("$created", SqliteValues.Time(group.Created)),
                    ("$modified", SqliteValues.Time(group.LastModified)), ("$extra", group.ExtraJson));
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw GroupRoleException.NameTaken(group.DisplayName);
            }
            var added = await InsertMembersAsync(connection, transaction, group.TenantId, group.Id, members, cancellationToken);
            if (added > 0)
            {
                await ExecuteAsync(connection, transaction, "UPDATE groups SET member_count = $count WHERE tenant_id = $tenant AND id = $id", cancellationToken,
                    ("$count", added), ("$tenant", group.TenantId), ("$id", group.Id));
            }
            await AuditAsync(connection, transaction, group.TenantId, group.Id, GroupAuditActions.Create, 0, 1, mutation, cancellationToken);
            return created with { MemberCount = added };
        }, cancellationToken);

    public async Task<GroupRecord?> GetGroupAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        await using var reader = await _database.RentReaderAsync(cancellationToken);
        return await ReadGroupAsync(reader.Command(SelectLiveGroup), tenantId, groupId, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupRecord>> GetGroupsAsync(string tenantId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        var groups = new List<GroupRecord>();
        if (groupIds.Count == 0)
        {
            return groups;
        }
        await using var connection = await _database.ConnectAsync(cancellationToken);
        foreach (var chunk in groupIds.Distinct().Chunk(ChunkSize))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"{SelectGroup} WHERE g.tenant_id = $tenant AND g.deleted = 0 AND g.id IN ({BindList(command, chunk)})";
            command.Parameters.AddWithValue("$tenant", tenantId);
            groups.AddRange(await ReadGroupsAsync(command, cancellationToken));
        }
        return groups;
    }

    public async Task<GroupPage> ListGroupsAsync(string tenantId, GroupQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = query.Filter is null ? ("1 = 1", []) : SqliteGroupFilter.Render(query.Filter);
        await using var connection = await _database.ConnectAsync(cancellationToken);

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM groups g WHERE g.tenant_id = $tenant AND g.deleted = 0 AND ({where})";
        Bind(count, tenantId, parameters);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        var direction = query.Descending ? "DESC" : "ASC";
        page.CommandText = $"""
            {SelectGroup} WHERE g.tenant_id = $tenant AND g.deleted = 0 AND ({where})
            ORDER BY {SqliteGroupFilter.Column(query.SortBy)} {direction}, g.id {direction} LIMIT $limit OFFSET $offset
            """;
        Bind(page, tenantId, parameters);
        page.Parameters.AddWithValue("$limit", query.Count);
        page.Parameters.AddWithValue("$offset", query.Offset);
        return new GroupPage(await ReadGroupsAsync(page, cancellationToken), total);
    }

    public Task<GroupRecord> UpdateGroupAsync(string tenantId, string groupId, GroupUpdate update, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            var current = await RequireGroupAsync(connection, transaction, tenantId, groupId, expectedVersion, cancellationToken);
            try
            {
                await ExecuteAsync(connection, transaction, """
                    UPDATE groups SET display_name = $name, display_name_key = $key, external_id = $external, extra_json = $extra,
                        version = version + 1, last_modified = $modified
                    WHERE tenant_id = $tenant AND id = $id
                    """, cancellationToken,
                    ("$name", update.DisplayName), ("$key", SqliteValues.NameKey(update.DisplayName)), ("$external", SqliteValues.OrNull(update.ExternalId)),
                    ("$extra", update.ExtraJson), ("$modified", SqliteValues.Time(mutation.At)), ("$tenant", tenantId), ("$id", groupId));
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw GroupRoleException.NameTaken(update.DisplayName);
            }
            await AuditAsync(connection, transaction, tenantId, groupId, GroupAuditActions.Update, current.Version, current.Version + 1, mutation, cancellationToken);
            return current with
            {
                DisplayName = update.DisplayName,
                ExternalId = update.ExternalId,
                ExtraJson = update.ExtraJson,
                Version = current.Version + 1,
                LastModified = mutation.At,
            };
        }, cancellationToken);

    public Task<long> DeleteGroupAsync(string tenantId, string groupId, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            var current = await RequireGroupAsync(connection, transaction, tenantId, groupId, expectedVersion, cancellationToken);
            await ExecuteAsync(connection, transaction, "DELETE FROM memberships WHERE tenant_id = $tenant AND group_id = $id", cancellationToken,
                ("$tenant", tenantId), ("$id", groupId));
            await RemoveEverywhereAsync(connection, transaction, tenantId, groupId, mutation, cancellationToken);
            await ExecuteAsync(connection, transaction, """
                UPDATE groups SET deleted = 1, member_count = 0, version = version + 1, last_modified = $modified WHERE tenant_id = $tenant AND id = $id
                """, cancellationToken, ("$modified", SqliteValues.Time(mutation.At)), ("$tenant", tenantId), ("$id", groupId));
            await AuditAsync(connection, transaction, tenantId, groupId, GroupAuditActions.Delete, current.Version, current.Version + 1, mutation, cancellationToken);
            return current.Version + 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<GroupAuditRecord>> ListGroupAuditAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        await using var pooled = await _database.RentReaderAsync(cancellationToken);
        var command = pooled.Command("""
            SELECT tenant_id, group_id, actor, action, version_before, version_after, at, request_id FROM group_audit
            WHERE tenant_id = $tenant AND group_id = $group ORDER BY seq
            """);
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$group", groupId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<GroupAuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new GroupAuditRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), SqliteValues.ParseTime(reader.GetString(6)), reader.GetString(7)));
        }
        return records;
    }

    private static async Task<GroupRecord> RequireGroupAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string groupId, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await ReadGroupAsync(SqliteWriterCommands.For(connection, transaction, SelectLiveGroup), tenantId, groupId, cancellationToken)
            ?? throw GroupRoleException.GroupNotFound(groupId);
        return expectedVersion != 0 && expectedVersion != current.Version
            ? throw GroupRoleException.StaleVersion(groupId, expectedVersion, current.Version)
            : current;
    }

    /// <summary>Reads one group with a prepared <see cref="SelectLiveGroup"/> command (not disposed: it is reused).</summary>
    private static async Task<GroupRecord?> ReadGroupAsync(SqliteCommand command, string tenantId, string groupId, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$id", groupId);
        var groups = await ReadGroupsAsync(command, cancellationToken);
        return groups.Count == 0 ? null : groups[0];
    }

    private static async Task<List<GroupRecord>> ReadGroupsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new List<GroupRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new GroupRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), SqliteValues.ParseTime(reader.GetString(5)), SqliteValues.ParseTime(reader.GetString(6)), reader.GetInt64(7), reader.GetString(8)));
        }
        return groups;
    }

    private static Task AuditAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string groupId, string action, long before, long after, MutationInfo mutation, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO group_audit (tenant_id, group_id, actor, action, version_before, version_after, at, request_id)
            VALUES ($tenant, $group, $actor, $action, $before, $after, $at, $request)
            """, cancellationToken,
            ("$tenant", tenantId), ("$group", groupId), ("$actor", mutation.Actor), ("$action", action), ("$before", before), ("$after", after),
            ("$at", SqliteValues.Time(mutation.At)), ("$request", mutation.RequestId));

    /// <summary>Runs a statement of fixed text inside a write, prepared once on the writer's connection.</summary>
    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = SqliteWriterCommands.For(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string BindList(SqliteCommand command, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = "$v" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }
        return string.Join(", ", names);
    }

    private static void Bind(SqliteCommand command, string tenantId, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        command.Parameters.AddWithValue("$tenant", tenantId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
