using System.Net;
using System.Net.Http.Json;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Reconciliation;
using Identity.Revocation.Tests.Rebuild;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Reconciliation;

/// <summary>The reconciler between the real Directory, GroupRole and Revocation (in-process store and Redis), drift injected by hand.</summary>
public sealed class RevocationReconcilerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReconcileEndpoint_DriftEachWay_RepairsCountsAndThenConverges(bool redis)
    {
        await using var server = redis ? await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30)) : null;
        await using var stack = await LifecycleStack.StartAsync(server);
        var tenant = await stack.TenantAsync();
        var client = stack.RevocationClient;
        // Restored before any drift is injected, so what follows is drift, not a lost state.
        await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "probe" }).ResponseAsync.WithTimeout();
        var stale = await stack.CreateUserAsync(tenant, "stale@example.com", active: false);
        var security = await stack.CreateUserAsync(tenant, "security@example.com", active: false);
        var inFlight = await stack.CreateUserAsync(tenant, "inflight@example.com");
        var missingBlock = await stack.CreateUserAsync(tenant, "missing@example.com");
        var deletedMissing = await stack.CreateUserAsync(tenant, "deleted@example.com");
        var consistent = await stack.CreateUserAsync(tenant, "consistent@example.com");
        await Revoke(client, tenant, stale.Id, BlockOrigin.Lifecycle);
        await Revoke(client, tenant, security.Id, BlockOrigin.Security);
        // Directory written without Revocation: what a request that failed half-way leaves.
        await stack.SetActiveAsync(tenant, missingBlock, active: false);
        await stack.DeleteUserAsync(tenant, deletedMissing);
        await Revoke(client, tenant, consistent.Id, BlockOrigin.Lifecycle);
        await stack.GroupRole.SetUserSuspendedAsync(new SetUserSuspendedRequest { TenantId = tenant, UserId = consistent.Id, Suspended = true })
            .ResponseAsync.WithTimeout();
        await stack.SetActiveAsync(tenant, consistent, active: false);
        // Reactivated in Directory after their blocks, whose unblock never came.
        await stack.SetActiveAsync(tenant, stale, active: true);
        await stack.SetActiveAsync(tenant, security, active: true);
        // Blocked after Directory's last write: a deactivation in flight (block first, Directory next).
        await Revoke(client, tenant, inFlight.Id, BlockOrigin.Lifecycle);
        using var counter = new RepairCounter(stack.Revocation);

        var report = await ReconcileAsync(stack);
        var again = await ReconcileAsync(stack);

        Assert.Equal((1, 3, 2, 1, 2, 0), (report.Tenants, report.InactiveUsers, report.BlocksAdded, report.StaleBlocksLifted, report.SuspensionsAdded, report.TenantsRebuilt));
        Assert.Empty(report.FailedTenants);
        Assert.Equal(0, again.Repairs);
        Assert.Equal((2, 1, 2), (counter.Of("block_added"), counter.Of("stale_block_lifted"), counter.Of("suspension_added")));
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await State(client, tenant, missingBlock.Id)).BlockOrigins);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await State(client, tenant, deletedMissing.Id)).BlockOrigins);
        Assert.False((await State(client, tenant, stale.Id)).Blocked);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await State(client, tenant, inFlight.Id)).BlockOrigins);
        Assert.Equal(new[] { BlockOrigin.Security }, (await State(client, tenant, security.Id)).BlockOrigins);
        foreach (var user in new[] { missingBlock, deletedMissing })
        {
            var roles = await stack.GroupRole.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenant, UserId = user.Id }).ResponseAsync.WithTimeout();
            Assert.True(roles.Suspended, user.UserName);
        }
    }

    [Fact]
    public async Task Schedule_Enabled_RepairsWithoutBeingAsked()
    {
        await using var stack = await LifecycleStack.StartAsync(revocationSettings: new Dictionary<string, string?>
        {
            ["Reconciler:Enabled"] = "true",
            ["Reconciler:Interval"] = "00:00:01",
        });
        var tenant = await stack.TenantAsync();
        var client = stack.RevocationClient;
        await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "probe" }).ResponseAsync.WithTimeout();

        var gone = await stack.CreateUserAsync(tenant, "gone@example.com");
        await stack.SetActiveAsync(tenant, gone, active: false);

        await TaskTimeouts.EventuallyAsync(async () => (await State(client, tenant, gone.Id)).Blocked);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await State(client, tenant, gone.Id)).BlockOrigins);
    }

    [Fact]
    public async Task ReconcileEndpoint_NoDirectoryConfigured_IsConflict()
    {
        await using var service = await RevocationHost.StartAsync();

        using var response = await service.ManagementClient.PostAsync(new Uri("/admin/reconcile", UriKind.Relative), null).WithTimeout();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static async Task Revoke(RevocationService.RevocationServiceClient client, string tenant, string userId, BlockOrigin origin) =>
        await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = userId, Origin = origin, Reason = "test" }).ResponseAsync.WithTimeout();

    private static async Task<GetUserStateResponse> State(RevocationService.RevocationServiceClient client, string tenant, string userId) =>
        await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = userId }).ResponseAsync.WithTimeout();

    private static async Task<ReconcileReport> ReconcileAsync(LifecycleStack stack)
    {
        using var response = await stack.Revocation.ManagementClient.PostAsync(new Uri("/admin/reconcile", UriKind.Relative), null).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReconcileReport>().WithTimeout())!;
    }
}
