using System.Globalization;
using Identity.Directory.Auditing;
using Identity.Directory.Users;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// The per-tenant event log (audit trail and change feed in one table). Appends happen inside
/// the writer's transaction, so a change and its event commit together or not at all, and the
/// sequence (MAX + 1 under the single writer) has no gaps a reader could skip.
/// </summary>
public sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    /// <summary>The position the next event of the tenant takes; call inside the write transaction.</summary>
    public static async Task<long> NextSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        // ORDER BY ... LIMIT 1 reads one index entry; MAX with a WHERE walks the tenant's range.
        var next = SqliteWriterCommands.For(connection, transaction,
            "SELECT COALESCE((SELECT seq FROM events WHERE tenant_id = $tenant ORDER BY seq DESC LIMIT 1), 0) + 1");
        next.Parameters.AddWithValue("$tenant", tenantId);
        return (long)(await next.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Appends an event at <paramref name="sequence"/> (from <see cref="NextSequenceAsync"/>) in the same transaction.</summary>
    public static async Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, long sequence, AuditEntry audit, UserChangeType change, StoredUser? user,
        CancellationToken cancellationToken)
    {
        var insert = SqliteWriterCommands.For(connection, transaction, """
            INSERT INTO events (tenant_id, seq, time, actor, action, resource_type, resource_id, version_before, version_after,
                request_id, detail, change_type, user_json)
            VALUES ($tenant, $seq, $time, $actor, $action, $type, $resource, $before, $after, $request, $detail, $change, $user)
            """);
        insert.Parameters.AddWithValue("$tenant", audit.TenantId);
        insert.Parameters.AddWithValue("$seq", sequence);
        insert.Parameters.AddWithValue("$time", ScimTime.Print(audit.Time));
        insert.Parameters.AddWithValue("$actor", audit.Actor);
        insert.Parameters.AddWithValue("$action", (int)audit.Action);
        insert.Parameters.AddWithValue("$type", audit.ResourceType);
        insert.Parameters.AddWithValue("$resource", audit.ResourceId);
        insert.Parameters.AddWithValue("$before", audit.VersionBefore);
        insert.Parameters.AddWithValue("$after", audit.VersionAfter);
        insert.Parameters.AddWithValue("$request", audit.RequestId);
        insert.Parameters.AddWithValue("$detail", audit.Detail);
        insert.Parameters.AddWithValue("$change", (int)change);
        // UTF-8 bytes, stored as a BLOB: a string would be transcoded twice on the way in. Reads take both.
        insert.Parameters.AddWithValue("$user", user is null ? DBNull.Value : StoredUserJson.SerializeToUtf8(user));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Appends an event at the tenant's next position (tenant and token changes).</summary>
    public static async Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry audit, CancellationToken cancellationToken)
    {
        var sequence = await NextSequenceAsync(connection, transaction, audit.TenantId, cancellationToken);
        await AppendAsync(connection, transaction, sequence, audit, UserChangeType.Unspecified, user: null, cancellationToken);
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(
        string tenantId, long afterSequence, int limit, string? resourceId, bool userChangesOnly, CancellationToken cancellationToken)
    {
        await using var pooled = await database.RentReaderAsync(cancellationToken);
        var where = "tenant_id = $tenant AND seq > $after";
        if (!string.IsNullOrEmpty(resourceId))
        {
            where += " AND resource_id = $resource";
        }
        if (userChangesOnly)
        {
            where += " AND change_type <> 0";
        }
        // Prepared once per shape: the change feed runs this after every burst of writes.
        var command = pooled.Command($"""
            SELECT seq, time, actor, action, resource_type, resource_id, version_before, version_after, request_id, detail, change_type, user_json
            FROM events WHERE {where} ORDER BY seq LIMIT $limit
            """);
        if (!string.IsNullOrEmpty(resourceId))
        {
            command.Parameters.AddWithValue("$resource", resourceId);
        }
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<LoggedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var audit = new AuditEntry(tenantId, ScimTime.Parse(reader.GetString(1)), reader.GetString(2), (AuditAction)reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetString(8), reader.GetString(9));
            // Snapshots written before they were stored as bytes are TEXT; SQLite hands both out as UTF-8.
            var user = reader.IsDBNull(11) ? null : StoredUserJson.Deserialize(reader.GetFieldValue<byte[]>(11));
            events.Add(new LoggedEvent(reader.GetInt64(0), audit, (UserChangeType)reader.GetInt32(10), user));
        }
        return events;
    }

    public async Task<long> LastSequenceAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE((SELECT seq FROM events WHERE tenant_id = $tenant ORDER BY seq DESC LIMIT 1), 0)";
        command.Parameters.AddWithValue("$tenant", tenantId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
