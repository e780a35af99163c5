using Identity.Directory.Auditing;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Users;
using Identity.EmbeddedStorage;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Bench;

/// <summary>
/// Seeds the large tenant in big transactions with the rows the store writes (user, emails,
/// audit/feed event), so the bench spends its minutes measuring rather than loading.
/// </summary>
internal static class BulkSeeder
{
    public static async Task SeedAsync(SqliteDatabase database, string tenant, int from, int to, Func<int, string> json)
    {
        const int Batch = 5000;
        for (var start = from; start < to; start += Batch)
        {
            var end = Math.Min(to, start + Batch);
            await database.WriteAsync(async (connection, transaction) =>
            {
                var next = await SqliteEventLog.NextSequenceAsync(connection, transaction, tenant, CancellationToken.None);
                for (var i = start; i < end; i++, next++)
                {
                    var now = DateTimeOffset.UtcNow;
                    var user = UserResource.Build(tenant, Guid.CreateVersion7(now).ToString(), UserResource.Parse(json(i)), 1, now, now,
                        UserOrigin.Scim, true, next);
                    await InsertAsync(connection, transaction, user);
                    var audit = new AuditEntry(tenant, now, "bench", AuditAction.UserCreated, "User", user.Id, 0, 1, "", "");
                    await SqliteEventLog.AppendAsync(connection, transaction, next, audit, UserChangeType.Created, user, CancellationToken.None);
                }
                return 0;
            }, CancellationToken.None);
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, StoredUser user)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO users (tenant_id, id, ord, user_name, user_name_lower, external_id, external_id_lower, display_name, active,
                resource_json, version, created, last_modified, origin, idp_managed, deleted)
            VALUES ($tenant, $id, $ord, $name, $name_lower, $ext, $ext_lower, $display, $active, $json, $version, $created, $modified,
                $origin, $managed, $deleted);
            INSERT INTO user_emails (tenant_id, user_id, value_lower, is_primary) VALUES ($tenant, $id, $email, 1);
            """;
        SqliteUserReader.Bind(command, user);
        command.Parameters.AddWithValue("$email", user.PrimaryEmail!.ToLowerInvariant());
        await command.ExecuteNonQueryAsync();
    }
}
