using Identity.Directory.Auditing;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Users;
using Identity.EmbeddedStorage;
using Identity.EmbeddedStorage.Migrations;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Tests.Storage;

/// <summary>A Directory file written before schema steps existed (user_version 0) still opens, with its users.</summary>
public sealed class DirectorySchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-directory-schema-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task FileFromBeforeSchemaSteps_OpensWithItsUsers()
    {
        string userId;
        using (var database = SqliteDatabase.Open(_path, DirectorySchema.Schema))
        {
            var directory = new UserDirectory(new SqliteUserStore(database), new ChangeNotifier(), TimeProvider.System);
            var (created, _) = await directory.CreateAsync("t1", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ann@example.com"}""",
                new Mutation("test", "r1"), false, CancellationToken.None).WithTimeout();
            userId = created.Id;
        }
        // What the code before schema steps left behind: the same tables, created with IF NOT EXISTS, and user_version 0
        // (without the columns later steps add).
        DropLaterColumns();
        SetVersion(0);

        using (var reopened = SqliteDatabase.Open(_path, DirectorySchema.Schema))
        {
            var user = await new SqliteUserStore(reopened).GetAsync("t1", userId, includeDeleted: false, CancellationToken.None).WithTimeout();

            Assert.Equal("ann@example.com", user!.UserName);
        }
        Assert.Equal(DirectorySchema.Schema.Version, ReadVersion());
    }

    public void Dispose() => SqliteTestDatabase.DeleteFiles(_path);

    private void DropLaterColumns()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE users DROP COLUMN jit_verified;";
        command.ExecuteNonQuery();
    }

    private void SetVersion(int version)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version};";
        command.ExecuteNonQuery();
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
