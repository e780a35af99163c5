using Identity.EmbeddedStorage;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Storage.Sqlite;
using Identity.TestKit;
using Microsoft.Data.Sqlite;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage.Sqlite;

/// <summary>
/// GroupRole's writes inside one group-commit batch: each is still a unit that fails alone, and each
/// sees the writes queued before it, so the cycle check holds between writes of the same batch.
/// </summary>
public sealed class SqliteGroupRoleBatchTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-grouprole-batch-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase _database;
    private readonly GroupRoleHarness _h;

    public SqliteGroupRoleBatchTests()
    {
        _database = SqliteGroupRoleStore.Open(_path);
        _h = new GroupRoleHarness(new SqliteGroupRoleStore(_database));
    }

    [Fact]
    public async Task OneBatch_OppositeEdgesAndATakenName_OnlyTheFailingWritesFail()
    {
        var tenant = TestTenant.New();
        var x = await _h.CreateGroupAsync(tenant, "X").WithTimeout();
        var y = await _h.CreateGroupAsync(tenant, "Y").WithTimeout();
        var team = await _h.CreateGroupAsync(tenant, "Team").WithTimeout();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Holds the writer, so the writes below queue and then run as one batch, in this order.
        var holder = _database.WriteAsync(async (_, _) => { await gate.Task; return 0; }, None);
        var xy = _h.Store.ApplyMembershipAsync(tenant, x.Id, [Group(y.Id)], [], Mutation("xy"), None);
        var yx = _h.Store.ApplyMembershipAsync(tenant, y.Id, [Group(x.Id)], [], Mutation("yx"), None);
        var twin = _h.Store.CreateGroupAsync(new GroupRecord(tenant, Guid.CreateVersion7().ToString(), "TEAM", null, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0, "{}"),
            [], Mutation("twin"), None);
        var users = _h.Store.ApplyMembershipAsync(tenant, team.Id, [User("u1"), User("u2")], [], Mutation("users"), None);
        gate.SetResult();
        await holder.WithTimeout();

        var cycle = await Assert.ThrowsAsync<GroupRoleException>(() => yx.WithTimeout());
        var taken = await Assert.ThrowsAsync<GroupRoleException>(() => twin.WithTimeout());
        Assert.Equal(GroupRoleError.MembershipCycle, cycle.Error);
        Assert.Equal(GroupRoleError.DisplayNameTaken, taken.Error);
        Assert.Equal(new MembershipChange(1, 0, 2), await xy.WithTimeout());
        Assert.Equal(new MembershipChange(2, 0, 2), await users.WithTimeout());
        Assert.Equal([y.Id], await _h.Store.GetMemberIdsAsync(tenant, x.Id, None).WithTimeout());
        Assert.Empty(await _h.Store.GetMemberIdsAsync(tenant, y.Id, None).WithTimeout());
        Assert.Equal([GroupAuditActions.Create], (await _h.Store.ListGroupAuditAsync(tenant, y.Id, None).WithTimeout()).Select(a => a.Action));
        Assert.Equal(3, (await _h.Store.ListGroupsAsync(tenant, new GroupQuery(null, GroupField.DisplayName, false, 0, 10), None).WithTimeout()).TotalResults);
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteDatabase.DeleteFiles(_path);
    }
}
