using Grpc.Core;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.Revocation.V1;
using Identity.DevHost;
using Identity.EndToEnd.Tests.Edge;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The DevHost's in-process Revocation restarted (its blocks gone with the process) while Directory
/// keeps the truth: users deprovisioned through SCIM before the restart stay out after it.
/// </summary>
public sealed class RevocationRestartTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "identity-e2e-revoc-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedSuite _suite = null!;

    public async Task InitializeAsync() =>
        _suite = await EmbeddedSuite.StartAsync(SuiteFixture.EphemeralOptions(_data)).WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        await _suite.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Temp data left behind is harmless.
        }
    }

    [Fact]
    public async Task Restart_DeactivatedAndDeletedUsers_NeverRegisterAndAreBlockedAgain()
    {
        using var directoryChannel = GrpcChannel.ForAddress(_suite.DirectoryUri);
        var directory = new DirectoryService.DirectoryServiceClient(directoryChannel);
        var tenant = TestTenant.New();
        await directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var token = (await directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant }).ResponseAsync.WithTimeout()).Secret;
        using var scim = new HttpClient { BaseAddress = _suite.ScimUri, Timeout = TimeSpan.FromSeconds(60) };
        scim.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var stays = await scim.CreateUserAsync("stays@example.com");
        var leaves = await scim.CreateUserAsync("leaves@example.com");
        var gone = await scim.CreateUserAsync("gone@example.com");
        await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{leaves}", ScimHttp.PatchActive(false));
        await scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{gone}");

        await _suite.StopServiceAsync(EmbeddedSuite.Revocation);
        await _suite.StartServiceAsync(EmbeddedSuite.Revocation);

        using var revocationChannel = GrpcChannel.ForAddress(_suite.RevocationUri);
        var revocation = new RevocationService.RevocationServiceClient(revocationChannel);
        var first = await revocation.TryRegisterSessionAsync(tenant, leaves, "s1");
        await TaskTimeouts.EventuallyAsync(async () => await revocation.TryRegisterSessionAsync(tenant, stays, "s-ok") == StatusCode.OK);
        Assert.Contains(first, new[] { StatusCode.PermissionDenied, StatusCode.Unavailable });
        Assert.Equal(StatusCode.PermissionDenied, await revocation.TryRegisterSessionAsync(tenant, leaves, "s2"));
        Assert.Equal(StatusCode.PermissionDenied, await revocation.TryRegisterSessionAsync(tenant, gone, "s3"));
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await revocation.StateAsync(tenant, leaves)).BlockOrigins);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await revocation.StateAsync(tenant, gone)).BlockOrigins);
    }
}
