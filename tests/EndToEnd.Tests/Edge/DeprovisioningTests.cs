using Grpc.Core;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;
using Identity.DevHost;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>Deny-first deprovisioning through SCIM, seen from the applications' side (Revocation, GroupRole).</summary>
[Collection(SuiteCollection.Name)]
public sealed class DeprovisioningTests(SuiteFixture fixture)
{
    private static async Task RegisterSessionAsync(TestTenantScope tenant, string userId, string sessionId) =>
        await tenant.Revocation.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant.TenantId,
            UserId = userId,
            SessionId = sessionId,
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout();

    private static async Task<CredentialStatus> CheckAsync(TestTenantScope tenant, string userId, string sessionId) =>
        (await tenant.Revocation.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant.TenantId, UserId = userId, SessionId = sessionId })
            .ResponseAsync.WithTimeout()).Status;

    [Fact]
    public async Task PatchActiveFalse_SessionRevokedAndNewSessionRefused()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("leaver@example.com");
        await RegisterSessionAsync(tenant, userId, "s-before");
        Assert.Equal(CredentialStatus.Valid, await CheckAsync(tenant, userId, "s-before"));

        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(false));
        var refused = await Assert.ThrowsAsync<RpcException>(() => RegisterSessionAsync(tenant, userId, "s-after"));

        Assert.Equal(200, status);
        Assert.False(body!["active"]!.GetValue<bool>());
        Assert.NotEqual(CredentialStatus.Valid, await CheckAsync(tenant, userId, "s-before"));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task PutActiveFalseThenTrue_RolesSuspendedThenRestoredOldSessionStaysRevoked()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("mover@example.com");
        var (_, group) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Admins","members":[{"value":"{{userId}}"}]}""");
        await tenant.GroupRole.PutRoleMappingAsync(new PutRoleMappingRequest
        {
            TenantId = tenant.TenantId,
            Mapping = new RoleMapping { GroupId = group!["id"]!.GetValue<string>(), Roles = { "admin" } },
        }).ResponseAsync.WithTimeout();
        await RegisterSessionAsync(tenant, userId, "s-old");
        var user = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"mover@example.com","active":ACTIVE}""";

        var (deactivated, _) = await tenant.Scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{userId}", user.Replace("ACTIVE", "false", StringComparison.Ordinal));
        var suspendedRoles = await tenant.GroupRole.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenant.TenantId, UserId = userId }).ResponseAsync.WithTimeout();
        var (reactivated, _) = await tenant.Scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{userId}", user.Replace("ACTIVE", "true", StringComparison.Ordinal));
        var restoredRoles = await tenant.GroupRole.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenant.TenantId, UserId = userId }).ResponseAsync.WithTimeout();
        await RegisterSessionAsync(tenant, userId, "s-new");

        Assert.Equal(200, deactivated);
        Assert.True(suspendedRoles.Suspended);
        Assert.Empty(suspendedRoles.Roles);
        Assert.Equal(200, reactivated);
        Assert.False(restoredRoles.Suspended);
        Assert.Equal(["admin"], restoredRoles.Roles.Select(r => r.Role));
        Assert.NotEqual(CredentialStatus.Valid, await CheckAsync(tenant, userId, "s-old"));
        Assert.Equal(CredentialStatus.Valid, await CheckAsync(tenant, userId, "s-new"));
    }

    [Fact]
    public async Task Delete_RevokesSessionsRemovesMembershipsAndHidesUser()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("gone@example.com");
        var (_, group) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Staff","members":[{"value":"{{userId}}"}]}""");
        await RegisterSessionAsync(tenant, userId, "s1");

        var (deleted, _) = await tenant.Scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{userId}");
        var (read, _) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{userId}");
        var members = await tenant.GroupRole.ListMembersAsync(new ListMembersRequest { TenantId = tenant.TenantId, GroupId = group!["id"]!.GetValue<string>() }).ResponseAsync.WithTimeout();
        var (recreated, _) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"gone@example.com"}""");

        Assert.Equal(204, deleted);
        Assert.Equal(404, read);
        Assert.Empty(members.Members);
        Assert.NotEqual(CredentialStatus.Valid, await CheckAsync(tenant, userId, "s1"));
        Assert.Equal(201, recreated);
    }
}

/// <summary>
/// A deactivation that fails half-way (GroupRole down after Revocation succeeded) leaves the user
/// locked out, answers 503, and the IdP's retry converges once GroupRole is back. Its own suite,
/// since it stops a service.
/// </summary>
public sealed class HalfFailedDeprovisioningTests : IAsyncLifetime
{
    private readonly SuiteFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Deactivate_GroupRoleDown_LockedOutThenRetryConverges()
    {
        using var tenant = await TestTenantScope.CreateAsync(_fixture);
        var userId = await tenant.Scim.CreateUserAsync("half@example.com");
        await tenant.Revocation.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant.TenantId,
            UserId = userId,
            SessionId = "s1",
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout();
        await _fixture.Suite.StopServiceAsync(EmbeddedSuite.GroupRole).WithTimeout();

        var (failed, error) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(false));
        var sessionDuringOutage = await tenant.Revocation.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant.TenantId, UserId = userId, SessionId = "s1" }).ResponseAsync.WithTimeout();
        var directoryDuringOutage = await tenant.Directory.GetUserAsync(new Identity.Contracts.Directory.V1.GetUserRequest { TenantId = tenant.TenantId, UserId = userId }).ResponseAsync.WithTimeout();
        await _fixture.Suite.StartServiceAsync(EmbeddedSuite.GroupRole).WithTimeout(TimeSpan.FromSeconds(30));
        var (retried, body) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(false));
        var roles = await tenant.GroupRole.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenant.TenantId, UserId = userId }).ResponseAsync.WithTimeout();

        Assert.Equal(503, failed);
        Assert.Equal("503", error!["status"]!.GetValue<string>());
        Assert.NotEqual(CredentialStatus.Valid, sessionDuringOutage.Status);
        Assert.True(directoryDuringOutage.User.Active);
        Assert.Equal(200, retried);
        Assert.False(body!["active"]!.GetValue<bool>());
        Assert.True(roles.Suspended);
    }
}
