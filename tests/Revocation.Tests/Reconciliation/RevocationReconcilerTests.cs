using System.Net;
using System.Net.Http.Json;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Reconciliation;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Reconciliation;

/// <summary>The reconciler against a fake Directory (see <see cref="FakeDirectoryServer"/>) and the real Revocation service.</summary>
public sealed class RevocationReconcilerTests
{
    [Fact]
    public async Task ReconcileEndpoint_InactiveUsersMissingBlocks_BlocksExactlyThose()
    {
        var tenant = TestTenant.New();
        await using var directory = await FakeDirectoryServer.StartAsync(
        [
            FakeDirectoryServer.Active(tenant, "active"),
            FakeDirectoryServer.Inactive(tenant, "deactivated"),
            FakeDirectoryServer.Inactive(tenant, "deleted", deleted: true),
            FakeDirectoryServer.Inactive(tenant, "already"),
            FakeDirectoryServer.Inactive(TestTenant.New(), "elsewhere"),
        ]);
        await using var service = await RevocationHost.StartAsync(new Dictionary<string, string?>
        {
            ["Downstream:Directory"] = directory.Address.ToString(),
            ["Reconciler:Enabled"] = "false",
            ["Reconciler:Tenants:0"] = tenant,
        });
        var client = service.Client();
        var already = await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "already", Reason = "deactivated" }).ResponseAsync.WithTimeout();

        using var response = await service.ManagementClient.PostAsync(new Uri("/admin/reconcile", UriKind.Relative), null).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ReconcileReport>().WithTimeout();
        Assert.NotNull(report);
        Assert.Equal((1, 3, 2), (report.Tenants, report.InactiveUsers, report.UsersBlocked));
        Assert.Empty(report.FailedTenants);
        foreach (var (user, blocked) in new[] { ("active", false), ("deactivated", true), ("deleted", true), ("already", true) })
        {
            var state = await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = user }).ResponseAsync.WithTimeout();
            Assert.True(blocked == state.Blocked, $"{user}: expected blocked={blocked}");
        }
        var untouched = await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "already" }).ResponseAsync.WithTimeout();
        Assert.Equal(already.Watermark, untouched.Watermark);
    }

    [Fact]
    public async Task Schedule_Enabled_BlocksWithoutBeingAsked()
    {
        var tenant = TestTenant.New();
        await using var directory = await FakeDirectoryServer.StartAsync([FakeDirectoryServer.Inactive(tenant, "gone")]);

        await using var service = await RevocationHost.StartAsync(new Dictionary<string, string?>
        {
            ["Reconciler:DirectoryAddress"] = directory.Address.ToString(),
            ["Reconciler:Interval"] = "00:00:01",
            ["Reconciler:Tenants:0"] = tenant,
        });

        var client = service.Client();
        await TaskTimeouts.EventuallyAsync(async () =>
            (await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "gone" }).ResponseAsync.WithTimeout()).Blocked);
        Assert.True((await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "gone" }).ResponseAsync.WithTimeout()).Blocked);
    }

    [Fact]
    public async Task ReconcileEndpoint_NoDirectoryConfigured_IsConflict()
    {
        await using var service = await RevocationHost.StartAsync();

        using var response = await service.ManagementClient.PostAsync(new Uri("/admin/reconcile", UriKind.Relative), null).WithTimeout();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
