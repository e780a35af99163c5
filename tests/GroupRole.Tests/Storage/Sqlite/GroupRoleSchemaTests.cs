using Identity.EmbeddedStorage;
using Identity.EmbeddedStorage.Migrations;
using Identity.GroupRole.Storage.Sqlite;
using Identity.TestKit;
using Microsoft.Data.Sqlite;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage.Sqlite;

/// <summary>A GroupRole file written before schema steps existed (user_version 0) still opens, with its data.</summary>
public sealed class GroupRoleSchemaTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-grouprole-schema-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task FileFromBeforeSchemaSteps_OpensWithItsGroupsAndMembers()
    {
        string groupId;
        using (var database = SqliteGroupRoleStore.Open(_path))
        {
            var h = new GroupRoleHarness(new SqliteGroupRoleStore(database));
            groupId = (await h.CreateGroupAsync("t1", "Ops", User("u1"), User("u2")).WithTimeout()).Id;
        }
        // What the code before schema steps left behind: the same tables, created with IF NOT EXISTS, and user_version 0.
        SetVersion(0);

        using (var reopened = SqliteGroupRoleStore.Open(_path))
        {
            var store = new SqliteGroupRoleStore(reopened);
            var group = await store.GetGroupAsync("t1", groupId, None).WithTimeout();
            var members = await store.GetMemberIdsAsync("t1", groupId, None).WithTimeout();

            Assert.Equal(("Ops", 2L), (group!.DisplayName, group.MemberCount));
            Assert.Equal(["u1", "u2"], members.Order());
        }
        Assert.Equal(GroupRoleSchema.Schema.Version, ReadVersion());
    }

    public void Dispose()
    {
        SqliteDatabase.DeleteFiles(_path);
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
