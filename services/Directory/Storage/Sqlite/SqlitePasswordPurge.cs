using Identity.Directory.Users;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// Schema step 2's rewrite: drops the password from every stored user and every event snapshot,
/// inside the step's transaction, so a file either has none left or is still at version 1.
/// </summary>
internal static class SqlitePasswordPurge
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        PurgeUsers(connection, transaction);
        PurgeSnapshots(connection, transaction);
    }

    private static void PurgeUsers(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rewrites = new List<(string Tenant, string Id, string Json)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            // LIKE is case-insensitive for ASCII: "Password" rows are read too.
            select.CommandText = "SELECT tenant_id, id, resource_json FROM users WHERE resource_json LIKE '%' || $marker || '%'";
            select.Parameters.AddWithValue("$marker", StoredPasswords.Marker);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                if (StoredPasswords.PurgeResource(reader.GetString(2)) is { } stripped)
                {
                    rewrites.Add((reader.GetString(0), reader.GetString(1), stripped));
                }
            }
        }
        foreach (var (tenant, id, json) in rewrites)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE users SET resource_json = $json WHERE tenant_id = $tenant AND id = $id";
            update.Parameters.AddWithValue("$json", json);
            update.Parameters.AddWithValue("$tenant", tenant);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }
    }

    private static void PurgeSnapshots(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rewrites = new List<(string Tenant, long Sequence, byte[] Json)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            // Snapshots are TEXT (older rows) or UTF-8 BLOBs; CAST reads both as text for LIKE.
            select.CommandText = "SELECT tenant_id, seq, user_json FROM events WHERE user_json IS NOT NULL AND CAST(user_json AS TEXT) LIKE '%' || $marker || '%'";
            select.Parameters.AddWithValue("$marker", StoredPasswords.Marker);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var snapshot = StoredUserJson.Deserialize(reader.GetFieldValue<byte[]>(2));
                if (StoredPasswords.PurgeSnapshot(snapshot) is { } stripped)
                {
                    rewrites.Add((reader.GetString(0), reader.GetInt64(1), StoredUserJson.SerializeToUtf8(stripped)));
                }
            }
        }
        foreach (var (tenant, sequence, json) in rewrites)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE events SET user_json = $json WHERE tenant_id = $tenant AND seq = $seq";
            update.Parameters.AddWithValue("$json", json);
            update.Parameters.AddWithValue("$tenant", tenant);
            update.Parameters.AddWithValue("$seq", sequence);
            update.ExecuteNonQuery();
        }
    }
}
