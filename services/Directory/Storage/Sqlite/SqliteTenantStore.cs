using Identity.Directory.Tenancy;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>Tenants and token hashes in the embedded SQLite database.</summary>
public sealed class SqliteTenantStore : ITenantStore
{
    private readonly SqliteDatabase _database;

    public SqliteTenantStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
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
            """;
        command.ExecuteNonQuery();
    }

    public async Task<(TenantRecord Tenant, bool Created)> CreateTenantAsync(TenantRecord tenant, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tenants (id, display_name, created, idp_profile, lenient_attributes)
            VALUES ($id, $name, $created, $profile, $lenient) ON CONFLICT(id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", tenant.Id);
        command.Parameters.AddWithValue("$name", tenant.DisplayName);
        command.Parameters.AddWithValue("$created", tenant.Created.ToString("O"));
        command.Parameters.AddWithValue("$profile", tenant.IdpProfile);
        command.Parameters.AddWithValue("$lenient", tenant.LenientAttributes ? 1 : 0);
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        return inserted ? (tenant, true) : ((await GetTenantAsync(tenant.Id, cancellationToken))!, false);
    }

    public async Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, display_name, created, idp_profile, lenient_attributes FROM tenants WHERE id = $id";
        command.Parameters.AddWithValue("$id", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TenantRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(3), reader.GetInt64(4) == 1)
            : null;
    }

    public async Task<bool> AddTokenAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tokens (tenant_id, token_id, secret_hash, description, created, expires, revoked)
            VALUES ($tenant, $token, $hash, $description, $created, $expires, NULL) ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$tenant", token.TenantId);
        command.Parameters.AddWithValue("$token", token.TokenId);
        command.Parameters.AddWithValue("$hash", token.SecretHash);
        command.Parameters.AddWithValue("$description", token.Description);
        command.Parameters.AddWithValue("$created", token.Created.ToString("O"));
        command.Parameters.AddWithValue("$expires", (object?)token.Expires?.ToString("O") ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<TokenRecord?> FindTokenByHashAsync(byte[] secretHash, CancellationToken cancellationToken) =>
        QuerySingleTokenAsync("secret_hash = $hash", c => c.Parameters.AddWithValue("$hash", secretHash), cancellationToken);

    public Task<TokenRecord?> GetTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken) =>
        QuerySingleTokenAsync("tenant_id = $tenant AND token_id = $token", c =>
        {
            c.Parameters.AddWithValue("$tenant", tenantId);
            c.Parameters.AddWithValue("$token", tokenId);
        }, cancellationToken);

    public async Task<TokenRecord?> RevokeTokenAsync(string tenantId, string tokenId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var connection = await _database.ConnectAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            // ISO 8601 UTC strings order like the instants they name, so MIN keeps the earlier revocation.
            command.CommandText = """
                UPDATE tokens SET revoked = CASE WHEN revoked IS NULL OR revoked > $at THEN $at ELSE revoked END
                WHERE tenant_id = $tenant AND token_id = $token
                """;
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$token", tokenId);
            command.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O"));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return await GetTokenAsync(tenantId, tokenId, cancellationToken);
    }

    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectTokens} WHERE tenant_id = $tenant ORDER BY created";
        command.Parameters.AddWithValue("$tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<TokenRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(ReadToken(reader));
        }
        return tokens;
    }

    private const string SelectTokens = "SELECT tenant_id, token_id, secret_hash, description, created, expires, revoked FROM tokens";

    private async Task<TokenRecord?> QuerySingleTokenAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
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
        ParseTime(reader.GetString(4)),
        reader.IsDBNull(5) ? null : ParseTime(reader.GetString(5)),
        reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)));

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
}
