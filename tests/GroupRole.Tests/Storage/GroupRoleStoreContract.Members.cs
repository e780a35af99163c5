using Identity.GroupRole.Domain;
using Identity.TestKit;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>Membership records: idempotence, differences only, paging, cycles and concurrency.</summary>
public abstract partial class GroupRoleStoreContract
{
    [SkippableFact]
    public async Task AddMembers_SameMemberTwice_StoresOneMembershipAndOneVersionBump()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G").WithTimeout();

        var first = await h.AddAsync(tenant, group.Id, User("u1")).WithTimeout();
        var second = await h.AddAsync(tenant, group.Id, User("u1")).WithTimeout();

        var members = await h.Store.GetMemberIdsAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal(["u1"], members);
        Assert.Equal((1, 2L), (first.Added, first.GroupVersion));
        Assert.Equal((0, 2L), (second.Added, second.GroupVersion));
    }

    [SkippableFact]
    public async Task RemoveMembers_PresentAndAbsent_RemovesOnlyPresent()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G", User("u1"), User("u2")).WithTimeout();

        var change = await h.Members.RemoveMembersAsync(tenant, group.Id, ["u1", "nobody"], Mutation(), None).WithTimeout();
        var again = await h.Members.RemoveMembersAsync(tenant, group.Id, ["u1"], Mutation(), None).WithTimeout();

        var stored = await h.Store.GetGroupAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal((1, 0), (change.Removed, again.Removed));
        Assert.Equal((1L, 2L), (stored!.MemberCount, stored.Version));
    }

    [SkippableFact]
    public async Task ReplaceMembers_ListDiffersByOne_WritesOnlyTheDifference()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G", [.. Enumerable.Range(0, 100).Select(i => User($"u{i}"))]).WithTimeout();
        var desired = Enumerable.Range(1, 100).Select(i => User($"u{i}")).ToArray();

        var change = await h.Members.ReplaceMembersAsync(tenant, group.Id, desired, Mutation(), None).WithTimeout();
        var repeat = await h.Members.ReplaceMembersAsync(tenant, group.Id, desired, Mutation(), None).WithTimeout();

        var members = await h.Store.GetMemberIdsAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal((1, 1, 2L), (change.Added, change.Removed, change.GroupVersion));
        Assert.Equal((0, 0, 2L), (repeat.Added, repeat.Removed, repeat.GroupVersion));
        Assert.True(members.SetEquals(desired.Select(m => m.MemberId)));
    }

    [SkippableFact]
    public async Task ListMembers_PagedByTwo_ReturnsEveryMemberOnceInOrder()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G", User("c"), User("a"), User("e"), User("b"), User("d")).WithTimeout();

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await h.Store.ListMembersAsync(tenant, group.Id, 2, after, None).WithTimeout();
            if (page.Count == 0)
            {
                break;
            }
            seen.AddRange(page.Select(m => m.MemberId));
            after = page[^1].MemberId;
        }

        Assert.Equal(["a", "b", "c", "d", "e"], seen);
    }

    [SkippableFact]
    public async Task AddMembers_UnspecifiedTypeNamingAGroup_StoredAsGroup()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var child = await h.CreateGroupAsync(tenant, "Child").WithTimeout();
        var parent = await h.CreateGroupAsync(tenant, "Parent").WithTimeout();

        await h.AddAsync(tenant, parent.Id, new MemberRecord(child.Id, MemberKind.Unspecified), new MemberRecord("u1", MemberKind.Unspecified)).WithTimeout();

        var members = await h.Store.ListMembersAsync(tenant, parent.Id, 10, null, None).WithTimeout();
        Assert.Equal(MemberKind.Group, members.Single(m => m.MemberId == child.Id).Kind);
        Assert.Equal(MemberKind.User, members.Single(m => m.MemberId == "u1").Kind);
    }

    [SkippableFact]
    public async Task AddMembers_GroupAsItsOwnMember_RefusedAsCycle()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G").WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() => h.AddAsync(tenant, group.Id, Group(group.Id))).WithTimeout();

        Assert.Equal(GroupRoleError.MembershipCycle, error.Error);
    }

    [SkippableFact]
    public async Task AddMembers_ClosingThreeGroupLoop_RefusedAndNothingWritten()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var c = await h.CreateGroupAsync(tenant, "C").WithTimeout();
        var b = await h.CreateGroupAsync(tenant, "B", Group(c.Id)).WithTimeout();
        var a = await h.CreateGroupAsync(tenant, "A", Group(b.Id)).WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() => h.AddAsync(tenant, c.Id, User("u1"), Group(a.Id))).WithTimeout();

        var members = await h.Store.GetMemberIdsAsync(tenant, c.Id, None).WithTimeout();
        Assert.Equal(GroupRoleError.MembershipCycle, error.Error);
        Assert.Contains(a.Id, error.Message, StringComparison.Ordinal);
        Assert.Empty(members);
    }

    [SkippableFact]
    public async Task ReplaceMembers_AddingAnAncestor_RefusedAsCycle()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var child = await h.CreateGroupAsync(tenant, "Child").WithTimeout();
        var parent = await h.CreateGroupAsync(tenant, "Parent", Group(child.Id)).WithTimeout();

        var error = await Assert.ThrowsAsync<GroupRoleException>(() =>
            h.Members.ReplaceMembersAsync(tenant, child.Id, [Group(parent.Id)], Mutation(), None)).WithTimeout();

        Assert.Equal(GroupRoleError.MembershipCycle, error.Error);
    }

    [SkippableFact]
    public async Task AddMembers_OppositeEdgesInParallel_ExactlyOneWinsEveryRound()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var pairs = new List<(string X, string Y)>();
        for (var round = 0; round < 5; round++)
        {
            pairs.Add(((await h.CreateGroupAsync(tenant, $"X{round}").WithTimeout()).Id, (await h.CreateGroupAsync(tenant, $"Y{round}").WithTimeout()).Id));
        }

        var winners = new List<int>();
        foreach (var (x, y) in pairs)
        {
            var outcomes = await Task.WhenAll(
                Task.Run(() => Outcome(h.AddAsync(tenant, x, Group(y)))),
                Task.Run(() => Outcome(h.AddAsync(tenant, y, Group(x))))).WithTimeout();
            winners.Add(outcomes.Count(ok => ok));
        }

        Assert.Equal([1, 1, 1, 1, 1], winners);
    }

    [SkippableFact]
    public async Task AddMembers_EightParallelWritersToOneGroup_LoseNothing()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "Busy").WithTimeout();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await h.AddAsync(tenant, group.Id, User($"w{w}-u{i}"));
            }
        }))).WithTimeout(TimeSpan.FromSeconds(30));

        var members = await h.Store.GetMemberIdsAsync(tenant, group.Id, None).WithTimeout();
        var stored = await h.Store.GetGroupAsync(tenant, group.Id, None).WithTimeout();
        Assert.Equal(200, members.Count);
        Assert.Equal((200L, 201L), (stored!.MemberCount, stored.Version));
    }

    [SkippableFact]
    public async Task RemoveUserEverywhere_UserInThreeGroups_LeavesAllAndAuditsEach()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var groups = new[]
        {
            await h.CreateGroupAsync(tenant, "G1", User("u1"), User("u2")).WithTimeout(),
            await h.CreateGroupAsync(tenant, "G2", User("u1")).WithTimeout(),
            await h.CreateGroupAsync(tenant, "G3", User("u1")).WithTimeout(),
        };

        var removed = await h.Members.RemoveUserEverywhereAsync(tenant, "u1", Mutation("req-rm"), None).WithTimeout();

        var left = await h.Members.ListGroupsForUsersAsync(tenant, ["u1", "u2"], includeIndirect: false, None).WithTimeout();
        var audit = await h.Store.ListGroupAuditAsync(tenant, groups[1].Id, None).WithTimeout();
        Assert.Equal(3, removed);
        Assert.Empty(left[0].Groups);
        Assert.Single(left[1].Groups);
        Assert.Equal((GroupAuditActions.MembersChange, "req-rm"), (audit[^1].Action, audit[^1].RequestId));
    }

    [SkippableFact]
    public async Task ListGroupsForUsers_IncludeIndirect_MarksNestedGroupsIndirect()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var inner = await h.CreateGroupAsync(tenant, "Inner", User("u1")).WithTimeout();
        var outer = await h.CreateGroupAsync(tenant, "Outer", Group(inner.Id)).WithTimeout();

        var direct = await h.Members.ListGroupsForUsersAsync(tenant, ["u1", "u9"], includeIndirect: false, None).WithTimeout();
        var all = await h.Members.ListGroupsForUsersAsync(tenant, ["u1"], includeIndirect: true, None).WithTimeout();

        Assert.Equal([(inner.Id, true)], direct[0].Groups.Select(g => (g.Group.Id, g.Direct)));
        Assert.Empty(direct[1].Groups);
        Assert.Equal([(inner.Id, true), (outer.Id, false)], all[0].Groups.Select(g => (g.Group.Id, g.Direct)));
    }

    private static async Task<bool> Outcome(Task task)
    {
        try
        {
            await task;
            return true;
        }
        catch (GroupRoleException ex) when (ex.Error == GroupRoleError.MembershipCycle)
        {
            return false;
        }
    }
}
