using System.Text.Json.Nodes;
using Identity.Directory.Auditing;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Users;
using Identity.EmbeddedStorage;
using Identity.EmbeddedStorage.Migrations;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Tests.Storage;

/// <summary>
/// A Directory file from before passwords were write-only (schema version 1, a password in a
/// user's resource_json and in its event snapshots, as BLOB and as older TEXT) opens with the
/// current schema without any password left, and its users intact.
/// </summary>
public sealed class PasswordPurgeMigrationTests : IDisposable
{
    private const string Secret = "Old-Sekr3t";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-directory-purge-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task VersionOneFileWithStoredPasswords_OpensWithNoneLeft()
    {
        string annId, bobId;
        using (var database = SqliteDatabase.Open(_path, DirectorySchema.Schema))
        {
            var directory = new UserDirectory(new SqliteUserStore(database), new ChangeNotifier(), TimeProvider.System);
            annId = (await directory.CreateAsync("t1", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ann@example.com"}""",
                new Mutation("test", "r1"), false, CancellationToken.None).WithTimeout()).User.Id;
            bobId = (await directory.CreateAsync("t1", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bob@example.com"}""",
                new Mutation("test", "r2"), false, CancellationToken.None).WithTimeout()).User.Id;
        }
        // What the old code wrote: today's code strips on the way in, so the rows are doctored to match, then the file is made version 1.
        PlantPassword(annId, "password", snapshotAsText: false);
        PlantPassword(bobId, "Password", snapshotAsText: true);
        MakeVersionOne();
        Assert.Equal(4, CountRowsContaining(Secret));
        Assert.Equal(1, ReadVersion());

        using (var reopened = SqliteDatabase.Open(_path, DirectorySchema.Schema))
        {
            var store = new SqliteUserStore(reopened);
            var ann = await store.GetAsync("t1", annId, includeDeleted: false, CancellationToken.None).WithTimeout();
            var bob = await store.GetAsync("t1", bobId, includeDeleted: false, CancellationToken.None).WithTimeout();
            var feed = await new SqliteEventLog(reopened).ReadAsync("t1", 0, 10, resourceId: null, userChangesOnly: true, CancellationToken.None).WithTimeout();

            Assert.Equal(("ann@example.com", "bob@example.com"), (ann!.UserName, bob!.UserName));
            Assert.Equal(2, feed.Count(e => e.User is not null));
            Assert.All(feed, e => Assert.DoesNotContain(Secret, e.User!.ResourceJson, StringComparison.Ordinal));
        }
        Assert.Equal(0, CountRowsContaining(Secret));
        Assert.Equal(0, CountRowsContaining("assword"));
        Assert.Equal(DirectorySchema.Schema.Version, ReadVersion());
    }

    public void Dispose() => SqliteTestDatabase.DeleteFiles(_path);

    private void PlantPassword(string userId, string attribute, bool snapshotAsText)
    {
        using var connection = Connect();
        string resource;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT resource_json FROM users WHERE id = $id";
            read.Parameters.AddWithValue("$id", userId);
            resource = (string)read.ExecuteScalar()!;
        }
        var withPassword = JsonNode.Parse(resource)!.AsObject();
        withPassword[attribute] = Secret;
        var json = withPassword.ToJsonString();
        using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE users SET resource_json = $json WHERE id = $id";
            update.Parameters.AddWithValue("$json", json);
            update.Parameters.AddWithValue("$id", userId);
            Assert.Equal(1, update.ExecuteNonQuery());
        }
        byte[] snapshotBytes;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT user_json FROM events WHERE resource_id = $id";
            read.Parameters.AddWithValue("$id", userId);
            snapshotBytes = (byte[])read.ExecuteScalar()!;
        }
        var snapshot = StoredUserJson.Deserialize(snapshotBytes) with { ResourceJson = json };
        using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE events SET user_json = $json WHERE resource_id = $id";
            update.Parameters.AddWithValue("$json", snapshotAsText ? StoredUserJson.Serialize(snapshot) : StoredUserJson.SerializeToUtf8(snapshot));
            update.Parameters.AddWithValue("$id", userId);
            Assert.Equal(1, update.ExecuteNonQuery());
        }
    }

    // Back to the version-1 shape: the columns later steps add are dropped, the recorded version is 1.
    private void MakeVersionOne()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE users DROP COLUMN jit_verified; PRAGMA user_version = 1;";
        command.ExecuteNonQuery();
    }

    private int CountRowsContaining(string text)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM users WHERE instr(lower(resource_json), lower($text)) > 0)
                 + (SELECT COUNT(*) FROM events WHERE instr(lower(CAST(user_json AS TEXT)), lower($text)) > 0)
            """;
        command.Parameters.AddWithValue("$text", text);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int ReadVersion()
    {
        using var connection = Connect();
        return SqliteSchema.ReadVersion(connection);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
