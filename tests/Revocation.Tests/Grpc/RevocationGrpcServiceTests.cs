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
        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deactivated", Origin = BlockOrigin.Lifecycle })
            .ResponseAsync.WithTimeout();

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

    [Fact]
    public async Task UnblockUser_UnspecifiedOriginOnRevokeWithoutOrigin_KeepsSecurityBlock()
    {
        var tenant = TestTenant.New();
        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "incident" }).ResponseAsync.WithTimeout();

        var reactivation = await _client.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
        var held = await _client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout());
        var explicitUnblock = await _client.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant, UserId = "u1", Origin = BlockOrigin.Security })
            .ResponseAsync.WithTimeout();

        Assert.False(reactivation.WasBlocked);
        Assert.True(reactivation.StillBlocked);
        Assert.True(held.Blocked);
        Assert.Equal(new[] { BlockOrigin.Security }, held.BlockOrigins);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.True(explicitUnblock.WasBlocked);
        Assert.False(explicitUnblock.StillBlocked);
        await _client.RegisterSessionAsync(Session(tenant, "u1", "s2")).ResponseAsync.WithTimeout();
    }

    [Fact]
    public async Task RevokeUser_UnknownOrigin_IsInvalidArgument()
    {
        var request = new RevokeUserRequest { TenantId = TestTenant.New(), UserId = "u1", Origin = (BlockOrigin)7 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.RevokeUserAsync(request).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task WatchRevocations_RevokeAndUnblock_EventsCarryOrigin()
    {
        var tenant = TestTenant.New();
        using var watch = _client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant });
        await watch.ResponseHeadersAsync.WithTimeout();

        await _client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u1", Origin = BlockOrigin.Lifecycle }).ResponseAsync.WithTimeout();
        await _client.UnblockUserAsync(new UnblockUserRequest { TenantId = tenant, UserId = "u1", Origin = BlockOrigin.Lifecycle }).ResponseAsync.WithTimeout();

        var revoked = await watch.ResponseStream.NextAsync();
        var unblocked = await watch.ResponseStream.NextAsync();
        Assert.Equal((RevocationEventType.UserRevoked, BlockOrigin.Lifecycle), (revoked.Type, revoked.Origin));
        Assert.Equal((RevocationEventType.UserUnblocked, BlockOrigin.Lifecycle), (unblocked.Type, unblocked.Origin));
    }
}
