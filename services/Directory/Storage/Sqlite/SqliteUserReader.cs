using System.Text.Json;
using Identity.Directory.Users;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>Maps between <see cref="StoredUser"/> and a <c>users</c> row.</summary>
internal static class SqliteUserReader
{
    public const string Select = """
        SELECT u.tenant_id, u.id, u.ord, u.user_name, u.external_id, u.display_name, u.active, u.resource_json, u.version,
            u.created, u.last_modified, u.origin, u.idp_managed, u.deleted, u.jit_verified
        FROM users u
        """;

    private static readonly string GetLive = $"{Select} WHERE u.tenant_id = $tenant AND u.id = $id AND u.deleted IS NULL";
    private static readonly string GetAny = $"{Select} WHERE u.tenant_id = $tenant AND u.id = $id";

    /// <summary>The SQL of a read by id, so callers can run it on a prepared command.</summary>
    public static string GetSql(bool includeDeleted) => includeDeleted ? GetAny : GetLive;

    /// <summary>Runs <see cref="GetSql"/>'s statement on <paramref name="command"/> (parameters empty).</summary>
    public static async Task<StoredUser?> GetAsync(SqliteCommand command, string tenantId, string userId, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$id", userId);
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    }

    public static async Task<List<StoredUser>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }
        return users;
    }

    public static StoredUser Read(SqliteDataReader reader)
    {
        var json = reader.GetString(7);
        return new StoredUser(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6) == 1,
            new DeferredEmails(() => EmailsOf(json)),
            json,
            reader.GetInt64(8),
            ScimTime.Parse(reader.GetString(9)),
            ScimTime.Parse(reader.GetString(10)),
            (UserOrigin)reader.GetInt32(11),
            reader.GetInt64(12) == 1,
            reader.IsDBNull(13) ? null : ScimTime.Parse(reader.GetString(13)),
            (VerifiedIdentifiers)reader.GetInt32(14));
    }

    public static void Bind(SqliteCommand command, StoredUser user)
    {
        command.Parameters.AddWithValue("$tenant", user.TenantId);
        command.Parameters.AddWithValue("$id", user.Id);
        command.Parameters.AddWithValue("$ord", user.Ordinal);
        command.Parameters.AddWithValue("$name", user.UserName);
        command.Parameters.AddWithValue("$name_lower", user.UserNameKey);
        command.Parameters.AddWithValue("$ext", (object?)user.ExternalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$ext_lower", (object?)user.ExternalIdKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$display", (object?)user.DisplayName ?? DBNull.Value);
        command.Parameters.AddWithValue("$active", user.Active is { } active ? (active ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$json", user.ResourceJson);
        command.Parameters.AddWithValue("$version", user.Version);
        command.Parameters.AddWithValue("$created", ScimTime.Print(user.Created));
        command.Parameters.AddWithValue("$modified", ScimTime.Print(user.LastModified));
        command.Parameters.AddWithValue("$origin", (int)user.Origin);
        command.Parameters.AddWithValue("$managed", user.IdpManaged ? 1 : 0);
        command.Parameters.AddWithValue("$deleted", user.Deleted is { } deleted ? ScimTime.Print(deleted) : DBNull.Value);
        command.Parameters.AddWithValue("$jit_verified", (int)user.JitVerified);
    }

    // Emails are read back from the resource rather than joined: the resource is the source of truth.
    private static List<UserEmail> EmailsOf(string json)
    {
        var emails = new List<UserEmail>();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!string.Equals(property.Name, "emails", StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var item in property.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                string? value = null, type = null;
                var primary = false;
                foreach (var field in item.EnumerateObject())
                {
                    switch (field.Name.ToLowerInvariant())
                    {
                        case "value" when field.Value.ValueKind == JsonValueKind.String: value = field.Value.GetString(); break;
                        case "type" when field.Value.ValueKind == JsonValueKind.String: type = field.Value.GetString(); break;
                        case "primary":
                            primary = field.Value.ValueKind == JsonValueKind.True
                                || (field.Value.ValueKind == JsonValueKind.String && string.Equals(field.Value.GetString(), "true", StringComparison.OrdinalIgnoreCase));
                            break;
                    }
                }
                if (!string.IsNullOrEmpty(value))
                {
                    emails.Add(new UserEmail(value, type, primary));
                }
            }
        }
        return emails;
    }
}
