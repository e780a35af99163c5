using Identity.GroupRole.Domain;
using Identity.GroupRole.Storage;
using Identity.TestKit;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IGroupRoleStore"/> must show, run through the real domain
/// services; SQLite and Mongo subclasses supply the store. This part covers group CRUD and audit.
/// </summary>
public abstract partial class GroupRoleStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh store; Mongo subclasses skip here when no server is reachable.</summary>
    protected abstract Task<IGroupRoleStore> CreateStoreAsync();

    private async Task<GroupRoleHarness> HarnessAsync() => new(await CreateStoreAsync());

    [SkippableFact]
    public async Task CreateGroup_DisplayNameTakenInOtherCase_RefusedAsUniqueness()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        await h.CreateGroupAsync(tenant, "Engineering").WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() => h.CreateGroupAsync(tenant, "ENGINEERING")).WithTimeout();

        Assert.Equal(GroupRoleError.DisplayNameTaken, error.Error);
    }

    [SkippableFact]
    public async Task CreateGroup_SameNameInAnotherTenant_Succeeds()
    {
        var h = await HarnessAsync();
        await h.CreateGroupAsync(TestTenant.New(), "Sales").WithTimeout();

        var other = await h.CreateGroupAsync(TestTenant.New(), "Sales").WithTimeout();

        Assert.Equal(1, other.Version);
    }

    [SkippableFact]
    public async Task CreateGroup_WithMembers_CountsThemAndAuditsCreate()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();

        var group = await h.CreateGroupAsync(tenant, "Ops", User("u1"), User("u2"), User("u1")).WithTimeout();

        var stored = await h.Store.GetGroupAsync(tenant, group.Id, None).WithTimeout();
        var audit = await h.Store.ListGroupAuditAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal(2, stored!.MemberCount);
        Assert.Equal((GroupAuditActions.Create, 0L, 1L, "req-1", "token:t1"), (audit[0].Action, audit[0].VersionBefore, audit[0].VersionAfter, audit[0].RequestId, audit[0].Actor));
    }

    [SkippableFact]
    public async Task UpdateGroup_CurrentVersion_ReplacesFieldsAndBumpsVersion()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "Old").WithTimeout();

        var updated = await h.Store.UpdateGroupAsync(tenant, group.Id, new GroupUpdate("New", "ext-1", "{\"a\":1}"), 1, Mutation("req-2"), None).WithTimeout();

        var stored = await h.Store.GetGroupAsync(tenant, group.Id, None).WithTimeout();
        var audit = await h.Store.ListGroupAuditAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal(("New", "ext-1", "{\"a\":1}", 2L), (stored!.DisplayName, stored.ExternalId, stored.ExtraJson, stored.Version));
        Assert.Equal(2, updated.Version);
        Assert.Equal((GroupAuditActions.Update, 1L, 2L, "req-2"), (audit[^1].Action, audit[^1].VersionBefore, audit[^1].VersionAfter, audit[^1].RequestId));
    }

    [SkippableFact]
    public async Task UpdateGroup_StaleVersion_RefusedAsVersionMismatch()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G").WithTimeout();
        await h.Store.UpdateGroupAsync(tenant, group.Id, new GroupUpdate("G2", null, "{}"), 1, Mutation(), None).WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() =>
            h.Store.UpdateGroupAsync(tenant, group.Id, new GroupUpdate("G3", null, "{}"), 1, Mutation(), None)).WithTimeout();

        Assert.Equal(GroupRoleError.VersionMismatch, error.Error);
    }

    [SkippableFact]
    public async Task UpdateGroup_RenameOntoTakenName_RefusedAsUniqueness()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        await h.CreateGroupAsync(tenant, "Taken").WithTimeout();
        var group = await h.CreateGroupAsync(tenant, "Free").WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() =>
            h.Store.UpdateGroupAsync(tenant, group.Id, new GroupUpdate("taken", null, "{}"), 0, Mutation(), None)).WithTimeout();

        Assert.Equal(GroupRoleError.DisplayNameTaken, error.Error);
    }

    [SkippableFact]
    public async Task DeleteGroup_Existing_HidesGroupFreesNameAndAuditsDelete()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "Gone", User("u1")).WithTimeout();

        var version = await h.Store.DeleteGroupAsync(tenant, group.Id, 1, Mutation("req-del"), None).WithTimeout();

        var again = await h.CreateGroupAsync(tenant, "gone").WithTimeout();
        var audit = await h.Store.ListGroupAuditAsync(tenant, group.Id, None).WithTimeout();
        Assert.Null(await h.Store.GetGroupAsync(tenant, group.Id, None).WithTimeout());
        Assert.Equal(2, version);
        Assert.NotEqual(group.Id, again.Id);
        Assert.Equal((GroupAuditActions.Delete, "req-del"), (audit[^1].Action, audit[^1].RequestId));
    }

    [SkippableFact]
    public async Task DeleteGroup_NestedGroup_LeavesItsParents()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var child = await h.CreateGroupAsync(tenant, "Child").WithTimeout();
        var parent = await h.CreateGroupAsync(tenant, "Parent", Group(child.Id), User("u1")).WithTimeout();

        await h.Store.DeleteGroupAsync(tenant, child.Id, 0, Mutation(), None).WithTimeout();

        var members = await h.Store.GetMemberIdsAsync(tenant, parent.Id, None).WithTimeout();
        var stored = await h.Store.GetGroupAsync(tenant, parent.Id, None).WithTimeout();
        Assert.Equal(["u1"], members);
        Assert.Equal(1, stored!.MemberCount);
    }

    [SkippableFact]
    public async Task GetGroup_OtherTenantsGroup_ReturnsNull()
    {
        var h = await HarnessAsync();
        var group = await h.CreateGroupAsync(TestTenant.New(), "Mine").WithTimeout();

        var seen = await h.Store.GetGroupAsync(TestTenant.New(), group.Id, None).WithTimeout();

        Assert.Null(seen);
    }

    [SkippableFact]
    public async Task DeleteGroup_Missing_RefusedAsNotFound()
    {
        var h = await HarnessAsync();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() => h.Store.DeleteGroupAsync(TestTenant.New(), "nope", 0, Mutation(), None)).WithTimeout();

        Assert.Equal(GroupRoleError.NotFound, error.Error);
    }
}
