using Identity.GroupRole.Domain;
using Identity.TestKit;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>Role mappings, effective roles through nesting, suspension and the cache.</summary>
public abstract partial class GroupRoleStoreContract
{
    [SkippableFact]
    public async Task GetEffectiveRoles_UserThreeLevelsBelowMappedGroup_HoldsRoleWithChain()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var level1 = await h.CreateGroupAsync(tenant, "L1", User("u1")).WithTimeout();
        var level2 = await h.CreateGroupAsync(tenant, "L2", Group(level1.Id)).WithTimeout();
        var level3 = await h.CreateGroupAsync(tenant, "L3", Group(level2.Id)).WithTimeout();
        var mapping = await h.MapAsync(tenant, level3.Id, null, "admin").WithTimeout();
        await h.MapAsync(tenant, level1.Id, null, "reader").WithTimeout();

        var roles = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();

        Assert.Equal(["admin", "reader"], roles.Roles.Select(r => r.Role));
        var admin = roles.Roles[0].Sources.Single();
        Assert.Equal((RoleGrantKind.NestedGroup, level3.Id, "L3", mapping.Id), (admin.Kind, admin.GroupId, admin.GroupDisplayName, admin.MappingId));
        Assert.Equal([level1.Id, level2.Id, level3.Id], admin.Via);
        Assert.Equal(RoleGrantKind.DirectGroup, roles.Roles[1].Sources.Single().Kind);
    }

    [SkippableFact]
    public async Task GetEffectiveRoles_MappingByDisplayNameInOtherCase_Applies()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        await h.MapAsync(tenant, null, "FINANCE", "approver").WithTimeout();
        await h.CreateGroupAsync(tenant, "Finance", User("u1")).WithTimeout();

        var roles = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();

        Assert.Equal(["approver"], roles.Roles.Select(r => r.Role));
    }

    [SkippableFact]
    public async Task GetEffectiveRoles_IdpRolesAndGroupRole_UnionWithBothSources()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G", User("u1")).WithTimeout();
        await h.MapAsync(tenant, group.Id, null, "editor").WithTimeout();

        await h.Store.SetUserRolesAsync(tenant, "u1", ["editor", "billing"], None).WithTimeout();
        h.Cache.Invalidate(tenant);

        var roles = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();
        Assert.Equal(["billing", "editor"], roles.Roles.Select(r => r.Role));
        Assert.Equal([RoleGrantKind.DirectGroup, RoleGrantKind.UserAttribute], roles.Roles[1].Sources.Select(s => s.Kind));
    }

    [SkippableFact]
    public async Task SetUserSuspended_ThenRestored_RolesEmptyThenBackWithMembershipsKept()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G", User("u1")).WithTimeout();
        await h.MapAsync(tenant, group.Id, null, "editor").WithTimeout();

        await h.Store.SetUserSuspendedAsync(tenant, "u1", true, None).WithTimeout();
        h.Cache.Invalidate(tenant);
        var suspended = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();
        var membersWhileSuspended = await h.Store.GetMemberIdsAsync(tenant, group.Id, None).WithTimeout();
        await h.Store.SetUserSuspendedAsync(tenant, "u1", false, None).WithTimeout();
        h.Cache.Invalidate(tenant);
        var restored = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();

        Assert.True(suspended.Suspended);
        Assert.Empty(suspended.Roles);
        Assert.Equal(["u1"], membersWhileSuspended);
        Assert.False(restored.Suspended);
        Assert.Equal(["editor"], restored.Roles.Select(r => r.Role));
    }

    [SkippableFact]
    public async Task GetEffectiveRoles_CachedThenMembershipAdded_SeesNewRole()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "G").WithTimeout();
        await h.MapAsync(tenant, group.Id, null, "viewer").WithTimeout();
        var before = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();

        await h.AddAsync(tenant, group.Id, User("u1")).WithTimeout();

        var after = await h.Roles.GetAsync(tenant, "u1", None).WithTimeout();
        Assert.Empty(before.Roles);
        Assert.Equal(["viewer"], after.Roles.Select(r => r.Role));
    }

    [SkippableFact]
    public async Task PutRoleMapping_SameIdTwice_ReplacesRolesAndKeepsCreated()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var first = await h.MapAsync(tenant, "g1", null, "a").WithTimeout();

        await h.Store.PutRoleMappingAsync(first with { Roles = ["b", "c"], Created = first.Created.AddDays(1) }, None).WithTimeout();

        var listed = await h.Store.ListRoleMappingsAsync(tenant, "g1", None).WithTimeout();
        Assert.Equal(["b", "c"], listed.Single().Roles);
        Assert.Equal(first.Created.ToUnixTimeMilliseconds(), listed.Single().Created.ToUnixTimeMilliseconds());
    }

    [SkippableFact]
    public async Task DeleteRoleMapping_Existing_RemovesItOnce()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var mapping = await h.MapAsync(tenant, "g1", null, "a").WithTimeout();

        var first = await h.Store.DeleteRoleMappingAsync(tenant, mapping.Id, None).WithTimeout();
        var second = await h.Store.DeleteRoleMappingAsync(tenant, mapping.Id, None).WithTimeout();

        Assert.Equal((true, false), (first, second));
        Assert.Empty(await h.Store.ListRoleMappingsAsync(tenant, null, None).WithTimeout());
    }
}
