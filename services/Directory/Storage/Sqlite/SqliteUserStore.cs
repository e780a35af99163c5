using System.Collections.Concurrent;
using System.Globalization;
using Identity.Directory.Users;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>Users in the embedded SQLite database: one row per user, emails in a side table for lookups.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const int SqliteConstraint = 19;
    // Eight keys of three bits each fit the int signature of a cached lookup text.
    private const int MaxCachedKeys = 8;
    private static readonly ConcurrentDictionary<int, string> FindAnySqlCache = new();

    // The partial index holds only adoptable JIT users: usually no entry at all for the tenant.
    private static readonly string AdoptableJitSql = $"""
        SELECT EXISTS (SELECT 1 FROM users INDEXED BY ix_users_jit_pending
            WHERE tenant_id = $tenant AND origin = {(int)UserOrigin.Jit} AND idp_managed = 0 AND deleted IS NULL)
        """;

    public Task<StoredUser> WriteAsync(UserWrite write, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var user = write.User;
            if (write.ExpectedVersion == 0)
            {
                // No userName pre-check on insert: the unique index refuses a taken name, and SaveAsync
                // answers that as UserNameTaken. Every create saves a query.
                var sequence = await SqliteEventLog.NextSequenceAsync(connection, transaction, user.TenantId, cancellationToken);
                user = user with { Ordinal = sequence };
                await SaveAsync(connection, transaction, user, insert: true, 0, cancellationToken);
                await SqliteEventLog.AppendAsync(connection, transaction, sequence, write.Audit, write.Change, user, cancellationToken);
                return user;
            }

            var current = await SqliteUserReader.GetAsync(
                    SqliteWriterCommands.For(connection, transaction, SqliteUserReader.GetSql(includeDeleted: false)), user.TenantId, user.Id, cancellationToken)
                ?? throw new StoreConflictException(ConflictKind.NotFound, $"User '{user.Id}' does not exist.");
            if (current.Version != write.ExpectedVersion)
            {
                throw new StoreConflictException(ConflictKind.VersionMismatch, $"User '{user.Id}' is at version {current.Version}, not {write.ExpectedVersion}.");
            }
            if (!user.IsDeleted)
            {
                await EnsureUserNameFreeAsync(connection, transaction, user, cancellationToken);
            }
            user = user with { Ordinal = current.Ordinal };
            await SaveAsync(connection, transaction, user, insert: false, write.ExpectedVersion, cancellationToken);
            var next = await SqliteEventLog.NextSequenceAsync(connection, transaction, user.TenantId, cancellationToken);
            await SqliteEventLog.AppendAsync(connection, transaction, next, write.Audit, write.Change, user, cancellationToken);
            return user;
        }, cancellationToken);

    public async Task<StoredUser?> GetAsync(string tenantId, string userId, bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var pooled = await database.RentReaderAsync(cancellationToken);
        return await SqliteUserReader.GetAsync(pooled.Command(SqliteUserReader.GetSql(includeDeleted)), tenantId, userId, cancellationToken);
    }

    public Task<IReadOnlyList<StoredUser>> FindAsync(string tenantId, UserKey key, string value, CancellationToken cancellationToken) =>
        FindAnyAsync(tenantId, [(key, value)], cancellationToken);

    public async Task<IReadOnlyList<StoredUser>> FindAnyAsync(string tenantId, IReadOnlyList<(UserKey Key, string Value)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        await using var pooled = await database.RentReaderAsync(cancellationToken);
        var command = pooled.Command(FindAnySql(keys));
        command.Parameters.AddWithValue("$tenant", tenantId);
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters.AddWithValue($"$v{i}", keys[i].Value.ToLowerInvariant());
        }
        return (await SqliteUserReader.ReadAllAsync(command, cancellationToken)).DistinctBy(u => u.Id).OrderBy(u => u.Ordinal).ToList();
    }

    /// <summary>
    /// One indexed SELECT per key, glued with UNION ALL: an OR would let the planner scan the tenant.
    /// No ORDER BY in SQL: without statistics SQLite would walk the ordinal index to avoid a sort.
    /// Every create asks with the same few key lists, so each text is built once.
    /// </summary>
    private static string FindAnySql(IReadOnlyList<(UserKey Key, string Value)> keys)
    {
        if (keys.Count > MaxCachedKeys)
        {
            return BuildFindAnySql(keys);
        }
        var signature = 0;
        foreach (var (key, _) in keys)
        {
            signature = (signature * 8) + (int)key + 1;
        }
        return FindAnySqlCache.TryGetValue(signature, out var cached) ? cached : FindAnySqlCache.GetOrAdd(signature, BuildFindAnySql(keys));
    }

    private static string BuildFindAnySql(IReadOnlyList<(UserKey Key, string Value)> keys) => string.Join(" UNION ALL ", keys.Select((k, i) =>
        $"SELECT * FROM ({SqliteUserReader.Select} WHERE u.tenant_id = $tenant AND u.deleted IS NULL AND {Condition(k.Key, $"$v{i}")} LIMIT 50)"));

    private static string Condition(UserKey key, string parameter) => key switch
    {
        UserKey.UserName => $"u.user_name_lower = {parameter}",
        UserKey.ExternalId => $"u.external_id_lower = {parameter}",
        UserKey.Email => $"u.id IN (SELECT e.user_id FROM user_emails e WHERE e.tenant_id = $tenant AND e.value_lower = {parameter})",
        _ => $"u.id IN (SELECT e.user_id FROM user_emails e WHERE e.tenant_id = $tenant AND e.value_lower = {parameter} AND e.is_primary = 1)",
    };

    public async Task<bool> HasAdoptableJitUsersAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var pooled = await database.RentReaderAsync(cancellationToken);
        var command = pooled.Command(AdoptableJitSql);
        command.Parameters.AddWithValue("$tenant", tenantId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public Task<UserPage> QueryAsync(UserQuery query, CancellationToken cancellationToken) =>
        new SqliteUserQuery(database, query).RunAsync(cancellationToken);

    // A range over ux_users_ord (tenant, ord): each page continues where the last stopped.
    private const string InactiveSql = """
        SELECT id, ord, last_modified, deleted FROM users INDEXED BY ux_users_ord
        WHERE tenant_id = $tenant AND ord > $after AND (active = 0 OR deleted IS NOT NULL)
        ORDER BY ord LIMIT $limit
        """;

    public async Task<IReadOnlyList<InactiveUserEntry>> ListInactiveAsync(string tenantId, long afterOrdinal, int limit, CancellationToken cancellationToken)
    {
        await using var pooled = await database.RentReaderAsync(cancellationToken);
        var command = pooled.Command(InactiveSql);
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$after", afterOrdinal);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<InactiveUserEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var deleted = reader.IsDBNull(3) ? (DateTimeOffset?)null : ScimTime.Parse(reader.GetString(3));
            users.Add(new InactiveUserEntry(reader.GetString(0), reader.GetInt64(1), deleted ?? ScimTime.Parse(reader.GetString(2)), deleted is not null));
        }
        return users;
    }

    private static async Task EnsureUserNameFreeAsync(SqliteConnection connection, SqliteTransaction transaction, StoredUser user, CancellationToken cancellationToken)
    {
        var command = SqliteWriterCommands.For(connection, transaction,
            "SELECT 1 FROM users WHERE tenant_id = $tenant AND user_name_lower = $name AND deleted IS NULL AND id <> $id");
        command.Parameters.AddWithValue("$tenant", user.TenantId);
        command.Parameters.AddWithValue("$name", user.UserNameKey);
        command.Parameters.AddWithValue("$id", user.Id);
        if (await command.ExecuteScalarAsync(cancellationToken) is not null)
        {
            throw new StoreConflictException(ConflictKind.UserNameTaken, "That userName is already taken in this tenant.");
        }
    }

    private static async Task SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, StoredUser user, bool insert, long expectedVersion, CancellationToken cancellationToken)
    {
        var command = SqliteWriterCommands.For(connection, transaction, insert
            ? """
              INSERT INTO users (tenant_id, id, ord, user_name, user_name_lower, external_id, external_id_lower, display_name, active,
                  resource_json, version, created, last_modified, origin, idp_managed, deleted, jit_verified)
              VALUES ($tenant, $id, $ord, $name, $name_lower, $ext, $ext_lower, $display, $active, $json, $version, $created, $modified,
                  $origin, $managed, $deleted, $jit_verified)
              """
            : """
              UPDATE users SET user_name = $name, user_name_lower = $name_lower, external_id = $ext, external_id_lower = $ext_lower,
                  display_name = $display, active = $active, resource_json = $json, version = $version, last_modified = $modified,
                  origin = $origin, idp_managed = $managed, deleted = $deleted, jit_verified = $jit_verified
              WHERE tenant_id = $tenant AND id = $id AND version = $expected
              """);
        SqliteUserReader.Bind(command, user);
        command.Parameters.AddWithValue("$expected", expectedVersion);
        try
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new StoreConflictException(ConflictKind.VersionMismatch, $"User '{user.Id}' changed meanwhile.");
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // A taken userName: inserts have no pre-check, and a rename may lose a race with another process.
            throw ex.Message.Contains("user_name_lower", StringComparison.Ordinal)
                ? new StoreConflictException(ConflictKind.UserNameTaken, "That userName is already taken in this tenant.")
                : new StoreConflictException(ConflictKind.AlreadyExists, $"User '{user.Id}' already exists.");
        }
        await SaveEmailsAsync(connection, transaction, user, replace: !insert, cancellationToken);
    }

    private static async Task SaveEmailsAsync(
        SqliteConnection connection, SqliteTransaction transaction, StoredUser user, bool replace, CancellationToken cancellationToken)
    {
        if (replace)
        {
            // Without INDEXED BY the planner walks the primary key's tenant prefix (every email of the
            // tenant), so the cost would grow with the tenant; the per-user index keeps it flat.
            var delete = SqliteWriterCommands.For(connection, transaction,
                "DELETE FROM user_emails INDEXED BY ix_user_emails_user WHERE tenant_id = $tenant AND user_id = $id");
            delete.Parameters.AddWithValue("$tenant", user.TenantId);
            delete.Parameters.AddWithValue("$id", user.Id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var primary = user.PrimaryEmail?.ToLowerInvariant();
        foreach (var value in user.Emails.Select(e => e.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            var insert = SqliteWriterCommands.For(connection, transaction,
                "INSERT INTO user_emails (tenant_id, user_id, value_lower, is_primary) VALUES ($tenant, $id, $value, $primary)");
            insert.Parameters.AddWithValue("$tenant", user.TenantId);
            insert.Parameters.AddWithValue("$id", user.Id);
            insert.Parameters.AddWithValue("$value", value);
            insert.Parameters.AddWithValue("$primary", value == primary ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
