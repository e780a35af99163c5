using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Client;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Rebuild;

/// <summary>
/// A fresh in-process Revocation whose Directory cannot be reached: it has nothing to rebuild
/// from, so it vouches for nobody and says "retry", but still takes revocations.
/// </summary>
public sealed class DirectoryUnreachableTests : IAsyncLifetime
{
    private LoopbackService _service = null!;
    private RevocationService.RevocationServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await RevocationHost.StartAsync(new Dictionary<string, string?>
        {
            // A port nothing listens on: every rebuild attempt fails at once.
            ["Downstream:Directory"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Reconciler:Enabled"] = "false",
            ["Rebuild:InlineWait"] = "00:00:01",
        });
        _client = _service.Client();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static RegisterSessionRequest Session(string tenant, string user, string session) => new()
    {
        TenantId = tenant,
        UserId = user,
        SessionId = session,
        ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
    };

    [Fact]
    public async Task VouchingCalls_NothingRebuilt_AnswerUnavailableRebuilding()
    {
        var tenant = TestTenant.New();

        var register = await Assert.ThrowsAsync<RpcException>(() => _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout());
        var check = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s1" }).ResponseAsync.WithTimeout());
        var token = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CheckTokenAsync(new CheckTokenRequest { TenantId = tenant, TokenId = "t1" }).ResponseAsync.WithTimeout());
        var state = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout());
        var unblock = await Assert.ThrowsAsync<RpcException>(() =>
            _client.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout());

        foreach (var ex in new[] { register, check, token, state, unblock })
        {
            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.True(RevocationErrors.IsRebuilding(ex), ex.Status.Detail);
        }
    }

    [Fact]
    public async Task RevokeUser_NothingRebuilt_StillBlocks()
    {
        var tenant = TestTenant.New();

        var revoked = await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Origin = BlockOrigin.Lifecycle })
            .ResponseAsync.WithTimeout();

        Assert.NotEmpty(revoked.EventId);
        Assert.NotNull(revoked.Watermark);
    }

    [Fact]
    public async Task CachedSessionChecker_FailOpenWhileRebuilding_StillRefuses()
    {
        var tenant = TestTenant.New();
        await using var checker = new CachedSessionChecker(_client, new RevocationClientOptions { FailOpen = true });

        var verdict = await checker.CheckSessionAsync(tenant, "u1", "s1").AsTask().WithTimeout();

        Assert.False(verdict.IsAllowed);
        Assert.True(verdict.Rebuilding);
        Assert.True(verdict.Degraded);
    }
}
