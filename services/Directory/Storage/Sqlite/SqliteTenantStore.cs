using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>Tenants and token hashes in the embedded SQLite database.</summary>
public sealed class SqliteTenantStore(SqliteDatabase database) : ITenantStore
{
    private const string SelectTokens = "SELECT tenant_id, token_id, secret_hash, description, created, expires, revoked FROM tokens";

    public async Task<(TenantRecord Tenant, bool Created)> CreateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken)
    {
        var inserted = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO tenants (id, display_name, created, idp_profile, lenient_attributes)
                VALUES ($id, $name, $created, $profile, $lenient) ON CONFLICT(id) DO NOTHING
                """;
            BindTenant(command, tenant);
            var added = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (added)
            {
                await SqliteEventLog.AppendAsync(connection, transaction, audit, cancellationToken);
            }
            return added;
        }, cancellationToken);
        return inserted ? (tenant, true) : ((await GetTenantAsync(tenant.Id, cancellationToken))!, false);
    }

    public async Task<TenantRecord?> UpdateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken)
    {
        var updated = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE tenants SET display_name = $name, idp_profile = $profile, lenient_attributes = $lenient WHERE id = $id";
            BindTenant(command, tenant);
            var changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (changed)
            {
                await SqliteEventLog.AppendAsync(connection, transaction, audit, cancellationToken);
            }
            return changed;
        }, cancellationToken);
        return updated ? await GetTenantAsync(tenant.Id, cancellationToken) : null;
    }

    public async Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, display_name, created, idp_profile, lenient_attributes FROM tenants WHERE id = $id";
        command.Parameters.AddWithValue("$id", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TenantRecord(reader.GetString(0), reader.GetString(1), ScimTime.Parse(reader.GetString(2)), reader.GetString(3), reader.GetInt64(4) == 1)
            : null;
    }

    public Task<bool> AddTokenAsync(TokenRecord token, AuditEntry audit, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO tokens (tenant_id, token_id, secret_hash, description, created, expires, revoked)
                VALUES ($tenant, $token, $hash, $description, $created, $expires, NULL) ON CONFLICT DO NOTHING
                """;
            command.Parameters.AddWithValue("$tenant", token.TenantId);
            command.Parameters.AddWithValue("$token", token.TokenId);
            command.Parameters.AddWithValue("$hash", token.SecretHash);
            command.Parameters.AddWithValue("$description", token.Description);
            command.Parameters.AddWithValue("$created", ScimTime.Print(token.Created));
            command.Parameters.AddWithValue("$expires", token.Expires is { } expires ? ScimTime.Print(expires) : DBNull.Value);
            var added = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (added)
            {
                await SqliteEventLog.AppendAsync(connection, transaction, audit, cancellationToken);
            }
            return added;
        }, cancellationToken);

    public Task<TokenRecord?> FindTokenByHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        QuerySingleTokenAsync("secret_hash = $hash", c => c.Parameters.AddWithValue("$hash", secretHash), cancellationToken);

    public Task<TokenRecord?> GetTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken) =>
        QuerySingleTokenAsync("tenant_id = $tenant AND token_id = $token", c =>
        {
            c.Parameters.AddWithValue("$tenant", tenantId);
            c.Parameters.AddWithValue("$token", tokenId);
        }, cancellationToken);

    public async Task<TokenRecord?> RevokeTokenAsync(string tenantId, string tokenId, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken)
    {
        var found = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Fixed-width UTC strings order like the instants they name, so MIN keeps the earlier revocation.
            command.CommandText = """
                UPDATE tokens SET revoked = CASE WHEN revoked IS NULL OR revoked > $at THEN $at ELSE revoked END
                WHERE tenant_id = $tenant AND token_id = $token
                """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$token", tokenId);
            command.Parameters.AddWithValue("$at", ScimTime.Print(at));
            var changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (changed)
            {
                await SqliteEventLog.AppendAsync(connection, transaction, audit, cancellationToken);
            }
            return changed;
        }, cancellationToken);
        return found ? await GetTokenAsync(tenantId, tokenId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectTokens} WHERE tenant_id = $tenant ORDER BY created, token_id";
        command.Parameters.AddWithValue("$tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<TokenRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(ReadToken(reader));
        }
        return tokens;
    }

    public async Task<IReadOnlyList<string>> ListTenantIdsAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM tenants WHERE id > $after ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterId ?? string.Empty);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static void BindTenant(SqliteCommand command, TenantRecord tenant)
    {
        command.Parameters.AddWithValue("$id", tenant.Id);
        command.Parameters.AddWithValue("$name", tenant.DisplayName);
        command.Parameters.AddWithValue("$created", ScimTime.Print(tenant.Created));
        command.Parameters.AddWithValue("$profile", tenant.IdpProfile);
        command.Parameters.AddWithValue("$lenient", tenant.LenientAttributes ? 1 : 0);
    }

    private async Task<TokenRecord?> QuerySingleTokenAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectTokens} WHERE {where}";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadToken(reader) : null;
    }

    private static TokenRecord ReadToken(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (byte[])reader.GetValue(2),
        reader.GetString(3),
        ScimTime.Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : ScimTime.Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : ScimTime.Parse(reader.GetString(6)));
}
