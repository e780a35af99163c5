using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.Revocation.V1;
using Identity.EndToEnd.Tests.Edge;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Lifecycle;

/// <summary>
/// Blocks by origin through the edge: an operator's security block survives anything the IdP
/// sends, and a deleted user stays blocked, also after a reconciler pass.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SecurityBlockTests(SuiteFixture fixture)
{
    [Fact]
    public async Task SecurityBlock_IdpSendsActiveTrueThenDeactivatesAndReactivates_StaysBlocked()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("suspect@example.com");
        await tenant.Revocation.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant.TenantId, UserId = userId, Reason = "incident-42" })
            .ResponseAsync.WithTimeout();

        var (resent, _) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(true));
        var afterResend = await tenant.Revocation.TryRegisterSessionAsync(tenant.TenantId, userId, "s1");
        var (deactivated, _) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(false));
        var (reactivated, body) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(true));
        var afterReactivation = await tenant.Revocation.TryRegisterSessionAsync(tenant.TenantId, userId, "s2");
        var state = await tenant.Revocation.StateAsync(tenant.TenantId, userId);

        Assert.Equal((200, 200, 200), (resent, deactivated, reactivated));
        Assert.True(body!["active"]!.GetValue<bool>());
        Assert.Equal(StatusCode.PermissionDenied, afterResend);
        Assert.Equal(StatusCode.PermissionDenied, afterReactivation);
        Assert.Equal(new[] { BlockOrigin.Security }, state.BlockOrigins);
    }

    [Fact]
    public async Task SecurityBlock_OperatorUnblocksIt_LifecycleStateDecides()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("cleared@example.com");
        await tenant.Revocation.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant.TenantId, UserId = userId, Origin = BlockOrigin.Security })
            .ResponseAsync.WithTimeout();
        await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(false));

        var cleared = await tenant.Revocation.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant.TenantId, UserId = userId, Origin = BlockOrigin.Security })
            .ResponseAsync.WithTimeout();
        var whileInactive = await tenant.Revocation.TryRegisterSessionAsync(tenant.TenantId, userId, "s1");
        await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{userId}", ScimHttp.PatchActive(true));
        var afterReactivation = await tenant.Revocation.TryRegisterSessionAsync(tenant.TenantId, userId, "s2");

        Assert.True(cleared.WasBlocked);
        Assert.True(cleared.StillBlocked);
        Assert.Equal(StatusCode.PermissionDenied, whileInactive);
        Assert.Equal(StatusCode.OK, afterReactivation);
    }

    [Fact]
    public async Task DeletedUser_AfterReconcilerPass_StaysBlockedAndListedAsDeleted()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var userId = await tenant.Scim.CreateUserAsync("deleted@example.com");
        var (deleted, _) = await tenant.Scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{userId}");

        var report = await fixture.Suite.ReconcileAsync();
        var state = await tenant.Revocation.StateAsync(tenant.TenantId, userId);
        var register = await tenant.Revocation.TryRegisterSessionAsync(tenant.TenantId, userId, "s1");
        using var stream = tenant.Directory.StreamInactiveUsers(new StreamInactiveUsersRequest { TenantId = tenant.TenantId });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        var listed = stream.ResponseStream.Current.Users.Single();

        Assert.Equal(204, deleted);
        Assert.Empty(report["failedTenants"]!.AsArray());
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, state.BlockOrigins);
        Assert.Equal(StatusCode.PermissionDenied, register);
        Assert.Equal((userId, true), (listed.UserId, listed.Deleted));
    }
}
