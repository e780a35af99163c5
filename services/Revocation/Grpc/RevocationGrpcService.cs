using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Domain;
using Identity.Revocation.Feed;
using Identity.Revocation.Storage;
using static Identity.Revocation.Grpc.RequestValidation;

namespace Identity.Revocation.Grpc;

/// <summary>Implements <c>identity.revocation.v1.RevocationService</c> over an <see cref="IRevocationStore"/>.</summary>
public sealed class RevocationGrpcService(
    IRevocationStore store,
    FeedStreamer feed,
    TimeProvider time,
    ILogger<RevocationGrpcService> logger) : RevocationService.RevocationServiceBase
{
    public override async Task<RegisterSessionResponse> RegisterSession(RegisterSessionRequest request, ServerCallContext context)
    {
        var (issuedAt, expiresAt) = Lifetime(request.IssuedAt, request.ExpiresAt, time.GetUtcNow());
        var session = new SessionRecord(
            Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), Id(request.SessionId, "session_id"),
            issuedAt, expiresAt, Attributes(request.Attributes));
        if (!await store.TryRegisterSessionAsync(session, context.CancellationToken))
        {
            throw Errors.UserBlocked(session.UserId);
        }
        return new RegisterSessionResponse { Session = session.ToContract() };
    }

    public override async Task<CheckSessionResponse> CheckSession(CheckSessionRequest request, ServerCallContext context)
    {
        var check = await store.CheckSessionAsync(
            Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), Id(request.SessionId, "session_id"), context.CancellationToken);
        return new CheckSessionResponse { Status = check.State.ToContract(), ExpiresAt = check.ExpiresAt.ToTimestamp() };
    }

    public override async Task<RevokeSessionResponse> RevokeSession(RevokeSessionRequest request, ServerCallContext context)
    {
        var revoked = await store.RevokeSessionAsync(
            Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), Id(request.SessionId, "session_id"),
            Reason(request.Reason), context.CancellationToken);
        return new RevokeSessionResponse { Revoked = revoked };
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var sessions = await store.ListSessionsAsync(Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), context.CancellationToken);
        return new ListSessionsResponse { Sessions = { sessions.Select(s => s.ToContract()) } };
    }

    public override async Task<RegisterTokenResponse> RegisterToken(RegisterTokenRequest request, ServerCallContext context)
    {
        var (issuedAt, expiresAt) = Lifetime(request.IssuedAt, request.ExpiresAt, time.GetUtcNow());
        var token = new TokenRecord(
            Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), Id(request.TokenId, "token_id"), issuedAt, expiresAt);
        if (!await store.TryRegisterTokenAsync(token, context.CancellationToken))
        {
            throw Errors.UserBlocked(token.UserId);
        }
        return new RegisterTokenResponse { Token = token.ToContract() };
    }

    public override async Task<CheckTokenResponse> CheckToken(CheckTokenRequest request, ServerCallContext context)
    {
        var check = await store.CheckTokenAsync(Id(request.TenantId, "tenant_id"), Id(request.TokenId, "token_id"), context.CancellationToken);
        return new CheckTokenResponse
        {
            Status = check.State.ToContract(),
            UserId = check.UserId ?? string.Empty,
            ExpiresAt = check.ExpiresAt.ToTimestamp(),
        };
    }

    public override async Task<RevokeTokenResponse> RevokeToken(RevokeTokenRequest request, ServerCallContext context)
    {
        var revoked = await store.RevokeTokenAsync(
            Id(request.TenantId, "tenant_id"), Id(request.TokenId, "token_id"), Reason(request.Reason), context.CancellationToken);
        return new RevokeTokenResponse { Revoked = revoked };
    }

    public override async Task<RevokeUserResponse> RevokeUser(RevokeUserRequest request, ServerCallContext context)
    {
        var tenantId = Id(request.TenantId, "tenant_id");
        var userId = Id(request.UserId, "user_id");
        var result = await store.RevokeUserAsync(tenantId, userId, Reason(request.Reason), context.CancellationToken);
        logger.UserRevoked(tenantId, userId, request.Reason, result.SessionsRevoked, result.TokensRevoked);
        return new RevokeUserResponse
        {
            Watermark = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(result.Watermark),
            SessionsRevoked = result.SessionsRevoked,
            TokensRevoked = result.TokensRevoked,
            EventId = result.EventId,
        };
    }

    public override async Task<UnblockUserResponse> UnblockUser(UnblockUserRequest request, ServerCallContext context)
    {
        var tenantId = Id(request.TenantId, "tenant_id");
        var userId = Id(request.UserId, "user_id");
        var wasBlocked = await store.UnblockUserAsync(tenantId, userId, context.CancellationToken);
        if (wasBlocked)
        {
            logger.UserUnblocked(tenantId, userId);
        }
        return new UnblockUserResponse { WasBlocked = wasBlocked };
    }

    public override async Task<GetUserStateResponse> GetUserState(GetUserStateRequest request, ServerCallContext context)
    {
        var state = await store.GetUserStateAsync(Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), context.CancellationToken);
        return new GetUserStateResponse { Blocked = state.Blocked, Watermark = state.Watermark.ToTimestamp() };
    }

    public override Task WatchRevocations(WatchRevocationsRequest request, IServerStreamWriter<RevocationEvent> responseStream, ServerCallContext context) =>
        feed.StreamAsync(Id(request.TenantId, "tenant_id"), request.AfterEventId, responseStream, context);
}
