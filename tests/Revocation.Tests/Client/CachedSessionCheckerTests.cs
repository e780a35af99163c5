using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Client;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Client;

/// <summary>The client library against the real service on loopback.</summary>
public sealed class CachedSessionCheckerTests : IAsyncLifetime
{
    private LoopbackService _service = null!;
    private RevocationService.RevocationServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await RevocationHost.StartAsync();
        _client = _service.Client();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task RegisterAsync(string tenant, string user, string session) =>
        await _client.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant, UserId = user, SessionId = session, ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout();

    [Fact]
    public async Task CheckSession_Twice_SecondIsServedFromCache()
    {
        await using var checker = new CachedSessionChecker(_client);
        var tenant = TestTenant.New();
        await RegisterAsync(tenant, "u1", "s1");
        await checker.WaitUntilWatchingAsync(tenant).WithTimeout();

        var first = await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();
        var second = await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();

        Assert.Equal(new SessionVerdict(CredentialStatus.Valid, true, FromCache: false, Degraded: false), first);
        Assert.Equal(new SessionVerdict(CredentialStatus.Valid, true, FromCache: true, Degraded: false), second);
    }

    [Fact]
    public async Task CheckSession_AfterRevokeUser_IsBlockedWithinOneSecond()
    {
        await using var checker = new CachedSessionChecker(_client);
        var tenant = TestTenant.New();
        await RegisterAsync(tenant, "u1", "s1");
        await RegisterAsync(tenant, "u2", "s2");
        await checker.WaitUntilWatchingAsync(tenant).WithTimeout();
        await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();
        await checker.CheckSessionAsync(tenant, "u2", "s2").WithTimeout();

        var clock = Stopwatch.StartNew();
        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deactivated" }).ResponseAsync.WithTimeout();
        SessionVerdict verdict;
        do
        {
            verdict = await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();
        }
        while (verdict.IsAllowed && clock.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(new SessionVerdict(CredentialStatus.Blocked, false, FromCache: false, Degraded: false), verdict);
        Assert.True((await checker.CheckSessionAsync(tenant, "u2", "s2").WithTimeout()).FromCache, "other users stay cached");
    }

    [Fact]
    public async Task CheckSession_AfterRevokeSession_IsRevoked()
    {
        await using var checker = new CachedSessionChecker(_client);
        var tenant = TestTenant.New();
        await RegisterAsync(tenant, "u1", "s1");
        await checker.WaitUntilWatchingAsync(tenant).WithTimeout();
        await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();

        await _client.RevokeSessionAsync(new RevokeSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s1" }).ResponseAsync.WithTimeout();

        await TaskTimeouts.EventuallyAsync(async () => !(await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout()).IsAllowed, TimeSpan.FromSeconds(1));
        Assert.Equal(CredentialStatus.Revoked, (await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout()).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CheckSession_ServiceGone_FollowsFailOpenOption(bool failOpen)
    {
        var tenant = TestTenant.New();
        var service = await RevocationHost.StartAsync();
        // Our own channel: the host's is disposed with it, and we need one that outlives the service.
        using var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(service.MainUri);
        var client = new RevocationService.RevocationServiceClient(channel);
        await client.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant, UserId = "u1", SessionId = "s1", ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout();
        await using var checker = new CachedSessionChecker(client, new RevocationClientOptions { FailOpen = failOpen });
        await checker.WaitUntilWatchingAsync(tenant).WithTimeout();
        await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();

        await service.DisposeAsync();

        await TaskTimeouts.EventuallyAsync(async () => (await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout()).Degraded);
        var verdict = await checker.CheckSessionAsync(tenant, "u1", "s1").WithTimeout();
        Assert.Equal(new SessionVerdict(CredentialStatus.Unspecified, failOpen, FromCache: false, Degraded: true), verdict);
    }
}
