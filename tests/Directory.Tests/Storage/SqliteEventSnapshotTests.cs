using Identity.Directory.Auditing;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>The user snapshot kept with each feed event in SQLite: UTF-8 bytes now, TEXT in databases written before.</summary>
public sealed class SqliteEventSnapshotTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new("snapshots");

    [Fact]
    public async Task Create_StoresTheSnapshotAsUtf8Bytes_AndTheFeedReadsItBack()
    {
        var directory = new UserDirectory(new SqliteUserStore(_file.Database), new ChangeNotifier(), TimeProvider.System);
        var (created, _) = await directory.CreateAsync("t1", UserJson("zoë@example.com"), new Mutation("test", "r1"), false, CancellationToken.None).WithTimeout();

        var storage = await ScalarAsync("SELECT typeof(user_json) FROM events WHERE tenant_id = 't1'");
        var read = await new SqliteEventLog(_file.Database).ReadAsync("t1", 0, 10, null, userChangesOnly: true, CancellationToken.None).WithTimeout();

        Assert.Equal("blob", storage);
        Assert.Equal((created.Id, "zoë@example.com", created.ResourceJson), (read.Single().User!.Id, read.Single().User!.UserName, read.Single().User!.ResourceJson));
    }

    [Fact]
    public async Task SnapshotStoredAsText_StillReads()
    {
        var user = UserResource.Build("t2", "u-1", UserResource.Parse(UserJson("old@example.com")), 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            UserOrigin.Scim, idpManaged: true, ordinal: 1);
        await _file.Database.WriteAsync(async (c, t) =>
        {
            await using var insert = c.CreateCommand();
            insert.Transaction = t;
            insert.CommandText = """
                INSERT INTO events (tenant_id, seq, time, actor, action, resource_type, resource_id, version_before, version_after,
                    request_id, detail, change_type, user_json)
                VALUES ('t2', 1, '2026-01-01T00:00:00Z', 'test', 1, 'User', 'u-1', 0, 1, '', '', 1, $json)
                """;
            insert.Parameters.AddWithValue("$json", StoredUserJson.Serialize(user));
            return await insert.ExecuteNonQueryAsync();
        }, CancellationToken.None).WithTimeout();

        var storage = await ScalarAsync("SELECT typeof(user_json) FROM events WHERE tenant_id = 't2'");
        var read = await new SqliteEventLog(_file.Database).ReadAsync("t2", 0, 10, null, userChangesOnly: true, CancellationToken.None).WithTimeout();

        Assert.Equal("text", storage);
        Assert.Equal(user, read.Single().User! with { Emails = user.Emails });
        Assert.Equal(user.Emails, read.Single().User!.Emails);
    }

    private static string UserJson(string userName) =>
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","emails":[{"value":"{{userName}}","primary":true}]}""";

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = await _file.Database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _file.Dispose();
}
