using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Domain;
using Identity.Revocation.Feed;
using Identity.Revocation.Storage;
using static Identity.Revocation.Grpc.RequestValidation;

namespace Identity.Revocation.Grpc;

/// <summary>Implements <c>identity.revocation.v1.RevocationService</c> over an <see cref="IRevocationStore"/>.</summary>
/// <remarks>
/// Every answer that vouches for a user (registrations, checks, GetUserState, UnblockUser) goes
/// through <see cref="RestoreGate"/>: while the tenant's blocks are not rebuilt from Directory it
/// is "retry", never a verdict. Revocations need no gate: a block is always safe to add.
/// </remarks>
public sealed class RevocationGrpcService(
    IRevocationStore store,
    FeedStreamer feed,
    RestoreGate gate,
    TimeProvider time,
    ILogger<RevocationGrpcService> logger) : RevocationService.RevocationServiceBase
{
    public override async Task<RegisterSessionResponse> RegisterSession(RegisterSessionRequest request, ServerCallContext context)
    {
        var (issuedAt, expiresAt) = Lifetime(request.IssuedAt, request.ExpiresAt, time.GetUtcNow());
        var session = new SessionRecord(
            Id(request.TenantId, "tenant_id"), Id(request.UserId, "user_id"), Id(request.SessionId, "session_id"),
            issuedAt, expiresAt, Attributes(request.Attributes));
        var outcome = await gate.VouchedAsync(session.TenantId, () => store.TryRegisterSessionAsync(session, context.CancellationToken),
            o => o == RegisterOutcome.NotRestored, context.CancellationToken);
        if (outcome == RegisterOutcome.Blocked)
        {
            throw Errors.UserBlocked(session.UserId);
        }
        return new RegisterSessionResponse { Session = session.ToContract() };
    }

    public override async Task<CheckSessionResponse> CheckSession(CheckSessionRequest request, ServerCallContext context)
    {
        var tenantId = Id(request.TenantId, "tenant_id");
        var userId = Id(request.UserId, "user_id");
        var sessionId = Id(request.SessionId, "session_id");
        var check = await gate.VouchedAsync(tenantId, () => store.CheckSessionAsync(tenantId, userId, sessionId, context.CancellationToken),
            c => c.State == CredentialState.NotRestored, context.CancellationToken);
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
        var outcome = await gate.VouchedAsync(token.TenantId, () => store.TryRegisterTokenAsync(token, context.CancellationToken),
            o => o == RegisterOutcome.NotRestored, context.CancellationToken);
        if (outcome == RegisterOutcome.Blocked)
        {
            throw Errors.UserBlocked(token.UserId);
        }
        return new RegisterTokenResponse { Token = token.ToContract() };
    }

    public override async Task<CheckTokenResponse> CheckToken(CheckTokenRequest request, ServerCallContext context)
    {
        var tenantId = Id(request.TenantId, "tenant_id");
        var tokenId = Id(request.TokenId, "token_id");
        var check = await gate.VouchedAsync(tenantId, () => store.CheckTokenAsync(tenantId, tokenId, context.CancellationToken),
            c => c.State == CredentialState.NotRestored, context.CancellationToken);
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
        var origin = request.Origin.ToRevokeOrigin();
        var result = await store.RevokeUserAsync(tenantId, userId, origin, Reason(request.Reason), context.CancellationToken);
        logger.UserRevoked(tenantId, userId, origin, request.Reason, result.SessionsRevoked, result.TokensRevoked);
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
        var origin = request.Origin.ToUnblockOrigin();
        // Gated: lifting a block before the rebuild could be undone by the rebuild itself, or lift
        // one the rebuild has not written yet; the caller retries instead.
        await gate.VouchedAsync(tenantId, () => store.IsTenantRestoredAsync(tenantId, context.CancellationToken), restored => !restored, context.CancellationToken);
        var result = await store.UnblockUserAsync(tenantId, userId, origin, context.CancellationToken);
        if (result.WasBlocked)
        {
            logger.UserUnblocked(tenantId, userId, origin, result.StillBlocked);
        }
        return new UnblockUserResponse { WasBlocked = result.WasBlocked, StillBlocked = result.StillBlocked };
    }

    public override async Task<GetUserStateResponse> GetUserState(GetUserStateRequest request, ServerCallContext context)
    {
        var tenantId = Id(request.TenantId, "tenant_id");
        var userId = Id(request.UserId, "user_id");
        var state = await gate.VouchedAsync(tenantId, () => store.GetUserStateAsync(tenantId, userId, context.CancellationToken),
            s => s.TenantNotRestored, context.CancellationToken);
        return new GetUserStateResponse
        {
            Blocked = state.Blocked,
            Watermark = state.Watermark.ToTimestamp(),
            BlockOrigins = { state.Blocks.ToContractList() },
        };
    }

    public override Task WatchRevocations(WatchRevocationsRequest request, IServerStreamWriter<RevocationEvent> responseStream, ServerCallContext context) =>
        feed.StreamAsync(Id(request.TenantId, "tenant_id"), request.AfterEventId, responseStream, context);
}
