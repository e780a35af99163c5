using Identity.EmbeddedStorage;
using Identity.GroupRole.Domain;
using Microsoft.Data.Sqlite;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>Memberships: one row each, written and removed without touching the group's other members.</summary>
public sealed partial class SqliteGroupRoleStore
{
    public async Task<IReadOnlySet<string>> GetMemberIdsAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        await using var pooled = await _database.RentReaderAsync(cancellationToken);
        var command = pooled.Command("SELECT member_id FROM memberships WHERE tenant_id = $tenant AND group_id = $group");
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$group", groupId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public Task<MembershipChange> ApplyMembershipAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> add, IReadOnlyCollection<string> remove, MutationInfo mutation, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            var current = await RequireGroupAsync(connection, transaction, tenantId, groupId, expectedVersion: 0, cancellationToken);
            // Checked inside the write, on its connection: the single writer runs writes one after another
            // in its IMMEDIATE transaction, so no other write, in this process or another, can add an edge
            // between this check and the insert, and an edge added earlier in the same batch is seen.
            await GroupGraph.RefuseCyclesAsync((ids, ct) => ContainingGroupsAsync(connection, transaction, tenantId, ids, ct), groupId,
                add.Where(m => m.Kind == MemberKind.Group).Select(m => m.MemberId).ToList(), cancellationToken);
            var added = await InsertMembersAsync(connection, transaction, tenantId, groupId, add, cancellationToken);
            var removed = await DeleteMembersAsync(connection, transaction, tenantId, groupId, remove, cancellationToken);
            if (added + removed == 0)
            {
                return new MembershipChange(0, 0, current.Version);
            }
            await ExecuteAsync(connection, transaction, """
                UPDATE groups SET member_count = member_count + $delta, version = version + 1, last_modified = $modified
                WHERE tenant_id = $tenant AND id = $id
                """, cancellationToken, ("$delta", added - removed), ("$modified", SqliteValues.Time(mutation.At)), ("$tenant", tenantId), ("$id", groupId));
            await AuditAsync(connection, transaction, tenantId, groupId, GroupAuditActions.MembersChange, current.Version, current.Version + 1, mutation, cancellationToken);
            return new MembershipChange(added, removed, current.Version + 1);
        }, cancellationToken);

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string tenantId, string groupId, int limit, string? afterMemberId, CancellationToken cancellationToken)
    {
        await using var pooled = await _database.RentReaderAsync(cancellationToken);
        var command = pooled.Command("""
            SELECT member_id, member_type, display FROM memberships
            WHERE tenant_id = $tenant AND group_id = $group AND member_id > $after ORDER BY member_id LIMIT $limit
            """);
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$group", groupId);
        command.Parameters.AddWithValue("$after", afterMemberId ?? "");
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<MemberRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new MemberRecord(reader.GetString(0), (MemberKind)reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return members;
    }

    public async Task<IReadOnlyList<(string MemberId, string GroupId)>> ListContainingGroupsAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }
        await using var connection = await _database.ConnectAsync(cancellationToken);
        return await ContainingGroupsAsync(connection, null, tenantId, memberIds, cancellationToken);
    }

    public Task<int> RemoveMemberEverywhereAsync(string tenantId, string memberId, MutationInfo mutation, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) => RemoveEverywhereAsync(connection, transaction, tenantId, memberId, mutation, cancellationToken), cancellationToken);

    private static async Task<int> RemoveEverywhereAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string memberId, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var groups = new List<(string Id, long Version)>();
        // Its own block: the data reader must be closed before the statements below run on the writer's connection.
        {
            var select = SqliteWriterCommands.For(connection, transaction, """
                SELECT g.id, g.version FROM memberships m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                WHERE m.tenant_id = $tenant AND m.member_id = $member
                """);
            select.Parameters.AddWithValue("$tenant", tenantId);
            select.Parameters.AddWithValue("$member", memberId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        await ExecuteAsync(connection, transaction, "DELETE FROM memberships WHERE tenant_id = $tenant AND member_id = $member", cancellationToken,
            ("$tenant", tenantId), ("$member", memberId));
        foreach (var (groupId, version) in groups)
        {
            await ExecuteAsync(connection, transaction, """
                UPDATE groups SET member_count = member_count - 1, version = version + 1, last_modified = $modified WHERE tenant_id = $tenant AND id = $id
                """, cancellationToken, ("$modified", SqliteValues.Time(mutation.At)), ("$tenant", tenantId), ("$id", groupId));
            await AuditAsync(connection, transaction, tenantId, groupId, GroupAuditActions.MembersChange, version, version + 1, mutation, cancellationToken);
        }
        return groups.Count;
    }

    private static async Task<IReadOnlyList<(string MemberId, string GroupId)>> ContainingGroupsAsync(SqliteConnection connection, SqliteTransaction? transaction, string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var pairs = new List<(string, string)>();
        foreach (var chunk in memberIds.Distinct().Chunk(ChunkSize))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT member_id, group_id FROM memberships WHERE tenant_id = $tenant AND member_id IN ({BindList(command, chunk)})";
            command.Parameters.AddWithValue("$tenant", tenantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pairs.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        return pairs;
    }

    private static async Task<int> InsertMembersAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string groupId, IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return 0;
        }
        var command = SqliteWriterCommands.For(connection, transaction, """
            INSERT INTO memberships (tenant_id, group_id, member_id, member_type, display) VALUES ($tenant, $group, $member, $type, $display)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$group", groupId);
        var member = command.Parameters.Add("$member", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Integer);
        var display = command.Parameters.Add("$display", SqliteType.Text);
        var added = 0;
        foreach (var m in members)
        {
            member.Value = m.MemberId;
            type.Value = (long)m.Kind;
            display.Value = SqliteValues.OrNull(m.Display);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return added;
    }

    private static async Task<int> DeleteMembersAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return 0;
        }
        var command = SqliteWriterCommands.For(connection, transaction, "DELETE FROM memberships WHERE tenant_id = $tenant AND group_id = $group AND member_id = $member");
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$group", groupId);
        var member = command.Parameters.Add("$member", SqliteType.Text);
        var removed = 0;
        foreach (var id in memberIds)
        {
            member.Value = id;
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return removed;
    }
}
