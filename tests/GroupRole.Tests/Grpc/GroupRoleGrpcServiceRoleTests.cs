using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.TestKit;

namespace Identity.GroupRole.Tests.Grpc;

/// <summary>Roles, users and health over the wire.</summary>
public sealed class GroupRoleGrpcServiceRoleTests(GroupRoleServiceFixture fixture) : IClassFixture<GroupRoleServiceFixture>
{
    private readonly GroupRoleService.GroupRoleServiceClient _client = fixture.Client;

    [Fact]
    public async Task GetEffectiveRoles_NestedSuspendedThenRestored_ExplainsSourcesAndRestores()
    {
        var tenant = TestTenant.New();
        var team = await CreateAsync(tenant, "Team", "alice");
        var department = await CreateAsync(tenant, "Department", team.Id);
        await _client.PutRoleMappingAsync(new PutRoleMappingRequest { TenantId = tenant, Mapping = new RoleMapping { GroupDisplayName = "department", Roles = { "manager" } } }).ResponseAsync.WithTimeout();
        await _client.SetUserRolesAsync(new SetUserRolesRequest { TenantId = tenant, UserId = "alice", Roles = { "idp-role" } }).ResponseAsync.WithTimeout();

        var active = await RolesAsync(tenant, "alice");
        await _client.SetUserSuspendedAsync(new SetUserSuspendedRequest { TenantId = tenant, UserId = "alice", Suspended = true }).ResponseAsync.WithTimeout();
        var suspended = await RolesAsync(tenant, "alice");
        await _client.SetUserSuspendedAsync(new SetUserSuspendedRequest { TenantId = tenant, UserId = "alice", Suspended = false }).ResponseAsync.WithTimeout();
        var restored = await RolesAsync(tenant, "alice");

        Assert.Equal(["idp-role", "manager"], active.Roles.Select(r => r.Role));
        var manager = active.Roles[1].Sources.Single();
        Assert.Equal((RoleSourceKind.NestedGroup, department.Id, "Department"), (manager.Kind, manager.GroupId, manager.GroupDisplayName));
        Assert.Equal([team.Id, department.Id], manager.ViaGroupIds);
        Assert.Equal(RoleSourceKind.UserAttribute, active.Roles[0].Sources.Single().Kind);
        Assert.True(suspended.Suspended);
        Assert.Empty(suspended.Roles);
        Assert.Equal(active.Roles, restored.Roles);
    }

    [Fact]
    public async Task RemoveUserEverywhere_UserInTwoGroups_GroupsForUserBecomeEmpty()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, "A", "bob");
        var b = await CreateAsync(tenant, "B", "bob");
        await CreateAsync(tenant, "Outer", b.Id);
        var before = await _client.ListGroupsForUsersAsync(new ListGroupsForUsersRequest { TenantId = tenant, UserIds = { "bob" }, IncludeIndirect = true }).ResponseAsync.WithTimeout();

        var removed = await _client.RemoveUserEverywhereAsync(new RemoveUserEverywhereRequest { TenantId = tenant, UserId = "bob" }).ResponseAsync.WithTimeout();

        var after = await _client.ListGroupsForUsersAsync(new ListGroupsForUsersRequest { TenantId = tenant, UserIds = { "bob" } }).ResponseAsync.WithTimeout();
        Assert.Equal(["A:True", "B:True", "Outer:False"], before.Users.Single().Groups.Select(g => $"{g.DisplayName}:{g.Direct}").Order());
        Assert.Equal(2, removed.Removed);
        Assert.Empty(after.Users.Single().Groups);
    }

    [Fact]
    public async Task DeleteRoleMapping_Twice_SecondIsNotFound()
    {
        var tenant = TestTenant.New();
        var group = await CreateAsync(tenant, "G");
        var mapping = (await _client.PutRoleMappingAsync(new PutRoleMappingRequest { TenantId = tenant, Mapping = new RoleMapping { GroupId = group.Id, Roles = { "r" } } }).ResponseAsync.WithTimeout()).Mapping;
        var listed = await _client.ListRoleMappingsAsync(new ListRoleMappingsRequest { TenantId = tenant, GroupId = group.Id }).ResponseAsync.WithTimeout();

        await _client.DeleteRoleMappingAsync(new DeleteRoleMappingRequest { TenantId = tenant, MappingId = mapping.Id }).ResponseAsync.WithTimeout();
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.DeleteRoleMappingAsync(new DeleteRoleMappingRequest { TenantId = tenant, MappingId = mapping.Id }).ResponseAsync).WithTimeout();

        Assert.Equal([mapping.Id], listed.Mappings.Select(m => m.Id));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task PutRoleMapping_UnknownGroupId_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.PutRoleMappingAsync(new PutRoleMappingRequest
        {
            TenantId = TestTenant.New(), Mapping = new RoleMapping { GroupId = "missing", Roles = { "r" } },
        }).ResponseAsync).WithTimeout();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ReplaceMembers_OneDifferent_ReportsOneAddedOneRemoved()
    {
        var tenant = TestTenant.New();
        var group = await CreateAsync(tenant, "G", "u1", "u2");

        var change = await _client.ReplaceMembersAsync(new ReplaceMembersRequest
        {
            TenantId = tenant, GroupId = group.Id, Members = { new Member { MemberId = "u2" }, new Member { MemberId = "u3" } },
        }).ResponseAsync.WithTimeout();

        Assert.Equal((1, 1, 2L), (change.Added, change.Removed, change.GroupVersion));
    }

    [Fact]
    public async Task HealthReady_SqliteAnswers_Returns200()
    {
        var response = await fixture.Service.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<GetEffectiveRolesResponse> RolesAsync(string tenant, string user) =>
        await _client.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenant, UserId = user }).ResponseAsync.WithTimeout();

    private async Task<Group> CreateAsync(string tenant, string name, params string[] memberIds) =>
        (await _client.CreateGroupAsync(new CreateGroupRequest
        {
            TenantId = tenant,
            DisplayName = name,
            Members = { memberIds.Select(id => new Member { MemberId = id }) },
            Context = new MutationContext { Actor = "admin" },
        }).ResponseAsync.WithTimeout()).Group;
}
