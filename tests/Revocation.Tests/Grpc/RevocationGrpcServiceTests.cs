using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.Revocation.V1;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Grpc;

/// <summary>The gRPC surface over loopback, with the in-process store (the Redis store passes the same contract suite).</summary>
public sealed class RevocationGrpcServiceTests : IAsyncLifetime
{
    private LoopbackService _service = null!;
    private RevocationService.RevocationServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await RevocationHost.StartAsync(new Dictionary<string, string?> { ["Storage:FeedMaxLength"] = "100" });
        _client = _service.Client();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static RegisterSessionRequest Session(string tenant, string user, string session) => new()
    {
        TenantId = tenant,
        UserId = user,
        SessionId = session,
        ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        Attributes = { ["client"] = "web" },
    };

    [Fact]
    public async Task CheckSession_AfterRegister_IsValid()
    {
        var tenant = TestTenant.New();
        var registered = await _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout();

        var check = await _client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s1" }).ResponseAsync.WithTimeout();

        Assert.Equal(CredentialStatus.Valid, check.Status);
        Assert.Equal(registered.Session.ExpiresAt, check.ExpiresAt);
        Assert.Equal("web", registered.Session.Attributes["client"]);
    }

    [Fact]
    public async Task RegisterSession_BlockedUser_IsPermissionDeniedWithUserBlocked()
    {
        var tenant = TestTenant.New();
        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deactivated" }).ResponseAsync.WithTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(nameof(ErrorReason.UserBlocked), error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task RegisterSession_WithoutExpiry_IsInvalidArgument()
    {
        var request = Session(TestTenant.New(), "u1", "s1");
        request.ExpiresAt = null;

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.RegisterSessionAsync(request).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("expires_at", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeUser_WithSessionAndToken_ReportsCountsAndBlocks()
    {
        var tenant = TestTenant.New();
        await _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout();
        await _client.RegisterTokenAsync(new RegisterTokenRequest
        {
            TenantId = tenant, UserId = "u1", TokenId = "jti-1", ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        }).ResponseAsync.WithTimeout();

        var revoked = await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deleted" }).ResponseAsync.WithTimeout();

        var state = await _client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
        var token = await _client.CheckTokenAsync(new CheckTokenRequest { TenantId = tenant, TokenId = "jti-1" }).ResponseAsync.WithTimeout();
        var sessions = await _client.ListSessionsAsync(new ListSessionsRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
        Assert.Equal((1, 1), (revoked.SessionsRevoked, revoked.TokensRevoked));
        Assert.NotEmpty(revoked.EventId);
        Assert.True(state.Blocked);
        Assert.Equal(revoked.Watermark, state.Watermark);
        Assert.Equal((CredentialStatus.Blocked, "u1"), (token.Status, token.UserId));
        Assert.Empty(sessions.Sessions);
    }

    [Fact]
    public async Task UnblockUser_AfterRevoke_AllowsNewSessions()
    {
        var tenant = TestTenant.New();
        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deactivated" }).ResponseAsync.WithTimeout();

        var unblocked = await _client.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
        await _client.RegisterSessionAsync(Session(tenant, "u1", "s2")).ResponseAsync.WithTimeout();

        var check = await _client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s2" }).ResponseAsync.WithTimeout();
        Assert.True(unblocked.WasBlocked);
        Assert.Equal(CredentialStatus.Valid, check.Status);
    }

    [Fact]
    public async Task RevokeSessionAndToken_Registered_AnswerRevoked()
    {
        var tenant = TestTenant.New();
        await _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout();
        await _client.RegisterTokenAsync(new RegisterTokenRequest
        {
            TenantId = tenant, UserId = "u1", TokenId = "jti-1", ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        }).ResponseAsync.WithTimeout();

        var session = await _client.RevokeSessionAsync(new RevokeSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s1", Reason = "logout" }).ResponseAsync.WithTimeout();
        var token = await _client.RevokeTokenAsync(new RevokeTokenRequest { TenantId = tenant, TokenId = "jti-1", Reason = "leaked" }).ResponseAsync.WithTimeout();

        var sessionCheck = await _client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = "u1", SessionId = "s1" }).ResponseAsync.WithTimeout();
        var tokenCheck = await _client.CheckTokenAsync(new CheckTokenRequest { TenantId = tenant, TokenId = "jti-1" }).ResponseAsync.WithTimeout();
        Assert.True(session.Revoked && token.Revoked);
        Assert.Equal((CredentialStatus.Revoked, CredentialStatus.Revoked), (sessionCheck.Status, tokenCheck.Status));
    }

    [Fact]
    public async Task WatchRevocations_MalformedAfterId_IsInvalidArgument()
    {
        using var call = _client.WatchRevocations(new WatchRevocationsRequest { TenantId = TestTenant.New(), AfterEventId = "yesterday" });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.NextAsync());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task WatchRevocations_AfterTrimmedEvent_IsOutOfRange()
    {
        var tenant = TestTenant.New();
        var first = await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u0" }).ResponseAsync.WithTimeout();
        for (var i = 1; i < 300; i++)
        {
            await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u" + i }).ResponseAsync.WithTimeout();
        }

        using var call = _client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant, AfterEventId = first.EventId });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.NextAsync());

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
    }
}
