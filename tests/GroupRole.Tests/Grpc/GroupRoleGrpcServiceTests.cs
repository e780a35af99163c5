using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.TestKit;

namespace Identity.GroupRole.Tests.Grpc;

/// <summary>The real service on 127.0.0.1, called with the generated client.</summary>
public sealed class GroupRoleGrpcServiceTests(GroupRoleServiceFixture fixture) : IClassFixture<GroupRoleServiceFixture>
{
    private readonly GroupRoleService.GroupRoleServiceClient _client = fixture.Client;

    [Fact]
    public async Task CreateGroup_ThenGet_ReturnsStoredGroupWithMemberCount()
    {
        var tenant = TestTenant.New();

        var created = await CreateAsync(tenant, "Engineering", "u1", "u2");

        var fetched = await _client.GetGroupAsync(new GetGroupRequest { TenantId = tenant, GroupId = created.Id }).ResponseAsync.WithTimeout();
        Assert.Equal(("Engineering", 1L, 2L, "{}"), (fetched.Group.DisplayName, fetched.Group.Version, fetched.Group.MemberCount, fetched.Group.ExtraJson));
    }

    [Fact]
    public async Task CreateGroup_NameTakenInOtherCase_AlreadyExistsWithUniqueness()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, "Ops");

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(tenant, "OPS")).WithTimeout();

        Assert.Equal((StatusCode.AlreadyExists, nameof(ErrorReason.Uniqueness)), (error.StatusCode, Reason(error)));
    }

    [Fact]
    public async Task GetGroup_Missing_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetGroupAsync(new GetGroupRequest { TenantId = TestTenant.New(), GroupId = "nope" }).ResponseAsync).WithTimeout();

        Assert.Equal((StatusCode.NotFound, nameof(ErrorReason.NotFound)), (error.StatusCode, Reason(error)));
    }

    [Fact]
    public async Task UpdateGroup_StaleVersion_AbortedWithVersionMismatch()
    {
        var tenant = TestTenant.New();
        var group = await CreateAsync(tenant, "G");

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateGroupAsync(new UpdateGroupRequest
        {
            TenantId = tenant, GroupId = group.Id, DisplayName = "G2", ExpectedVersion = 7,
        }).ResponseAsync).WithTimeout();

        Assert.Equal((StatusCode.Aborted, nameof(ErrorReason.VersionMismatch)), (error.StatusCode, Reason(error)));
    }

    [Fact]
    public async Task AddMembers_ParentIntoChild_FailedPreconditionWithMembershipCycle()
    {
        var tenant = TestTenant.New();
        var child = await CreateAsync(tenant, "Child");
        var parent = await CreateAsync(tenant, "Parent", child.Id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.AddMembersAsync(new AddMembersRequest
        {
            TenantId = tenant, GroupId = child.Id, Members = { new Member { MemberId = parent.Id } },
        }).ResponseAsync).WithTimeout();

        Assert.Equal((StatusCode.FailedPrecondition, nameof(ErrorReason.MembershipCycle)), (error.StatusCode, Reason(error)));
        Assert.Contains("cycle", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroups_UnsupportedFilter_InvalidArgumentWithInvalidFilter()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ListGroupsAsync(new ListGroupsRequest
        {
            TenantId = TestTenant.New(), Filter = "displayName eq",
        }).ResponseAsync).WithTimeout();

        Assert.Equal((StatusCode.InvalidArgument, nameof(ErrorReason.InvalidFilter)), (error.StatusCode, Reason(error)));
    }

    [Fact]
    public async Task ListGroups_FollowingPageTokens_ReturnsEveryMatchOnce()
    {
        var tenant = TestTenant.New();
        foreach (var name in new[] { "g1", "g2", "g3", "g4", "g5", "other" })
        {
            await CreateAsync(tenant, name);
        }
        var request = new ListGroupsRequest { TenantId = tenant, Filter = "displayName sw \"g\"", SortBy = "displayName", Count = 2 };

        var names = new List<string>();
        string token = "";
        do
        {
            request.PageToken = token;
            var page = await _client.ListGroupsAsync(request).ResponseAsync.WithTimeout();
            Assert.Equal(5, page.TotalResults);
            names.AddRange(page.Groups.Select(g => g.DisplayName));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["g1", "g2", "g3", "g4", "g5"], names);
    }

    [Fact]
    public async Task ListGroups_TokenFromAnotherFilter_InvalidPageToken()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, "a");
        await CreateAsync(tenant, "b");
        var first = await _client.ListGroupsAsync(new ListGroupsRequest { TenantId = tenant, Count = 1 }).ResponseAsync.WithTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ListGroupsAsync(new ListGroupsRequest
        {
            TenantId = tenant, Count = 1, Filter = "displayName eq \"a\"", PageToken = first.NextPageToken,
        }).ResponseAsync).WithTimeout();

        Assert.Equal(nameof(ErrorReason.InvalidPageToken), Reason(error));
    }

    [Fact]
    public async Task ListMembers_PageSizeTwo_TokensCoverAllMembers()
    {
        var tenant = TestTenant.New();
        var group = await CreateAsync(tenant, "G", "u3", "u1", "u2", "u5", "u4");

        var seen = new List<string>();
        var request = new ListMembersRequest { TenantId = tenant, GroupId = group.Id, PageSize = 2 };
        do
        {
            var page = await _client.ListMembersAsync(request).ResponseAsync.WithTimeout();
            seen.AddRange(page.Members.Select(m => m.MemberId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], seen);
    }

    [Fact]
    public async Task AddMembers_EightClientsInParallel_EveryMemberCounted()
    {
        var tenant = TestTenant.New();
        var group = await CreateAsync(tenant, "Busy");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            for (var i = 0; i < 10; i++)
            {
                await _client.AddMembersAsync(new AddMembersRequest
                {
                    TenantId = tenant, GroupId = group.Id, Members = { new Member { MemberId = $"c{client}-u{i}" } },
                }).ResponseAsync;
            }
        })).WithTimeout(TimeSpan.FromSeconds(30));

        var fetched = await _client.GetGroupAsync(new GetGroupRequest { TenantId = tenant, GroupId = group.Id }).ResponseAsync.WithTimeout();
        Assert.Equal((80L, 81L), (fetched.Group.MemberCount, fetched.Group.Version));
    }

    [Fact]
    public async Task ListMembers_ForeignPageToken_InvalidPageToken()
    {
        var tenant = TestTenant.New();
        var first = await CreateAsync(tenant, "First", "u1", "u2");
        var second = await CreateAsync(tenant, "Second", "u1", "u2");
        var page = await _client.ListMembersAsync(new ListMembersRequest { TenantId = tenant, GroupId = first.Id, PageSize = 1 }).ResponseAsync.WithTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.ListMembersAsync(new ListMembersRequest
        {
            TenantId = tenant, GroupId = second.Id, PageSize = 1, PageToken = page.NextPageToken,
        }).ResponseAsync).WithTimeout();

        Assert.Equal((StatusCode.InvalidArgument, nameof(ErrorReason.InvalidPageToken)), (error.StatusCode, Reason(error)));
    }

    private async Task<Group> CreateAsync(string tenant, string name, params string[] memberIds)
    {
        var response = await _client.CreateGroupAsync(new CreateGroupRequest
        {
            TenantId = tenant,
            DisplayName = name,
            Members = { memberIds.Select(id => new Member { MemberId = id }) },
            Context = new MutationContext { Actor = "token:test", RequestId = Guid.NewGuid().ToString() },
        }).ResponseAsync.WithTimeout();
        return response.Group;
    }

    internal static string? Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
