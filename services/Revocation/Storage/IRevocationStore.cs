using Identity.Revocation.Domain;

namespace Identity.Revocation.Storage;

/// <summary>
/// Revocation state of every tenant: sessions, tokens, per-user blocks and watermarks, and
/// the feed of revocation events. Each method is atomic; a store that cannot reach its
/// backend throws <see cref="StoreUnavailableException"/>.
/// </summary>
public interface IRevocationStore
{
    /// <summary>Stores the session unless the user is blocked; returns false (and stores nothing) when blocked.</summary>
    Task<bool> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken);

    Task<SessionCheck> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Marks the session revoked and emits an event; false when it was unknown or already revoked.</summary>
    Task<bool> RevokeSessionAsync(string tenantId, string userId, string sessionId, string reason, CancellationToken cancellationToken);

    /// <summary>The user's sessions that are neither expired nor revoked, ordered by expiry.</summary>
    Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Stores the token unless the user is blocked; returns false (and stores nothing) when blocked.</summary>
    Task<bool> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken);

    Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked and emits an event; false when it was unknown or already revoked.</summary>
    Task<bool> RevokeTokenAsync(string tenantId, string tokenId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// In one step: raises the user's watermark to now, blocks the user, deletes their sessions,
    /// revokes their tokens and emits a USER_REVOKED event. Repeating it only moves the watermark.
    /// </summary>
    Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, string reason, CancellationToken cancellationToken);

    /// <summary>Lifts the block (the watermark stays, so old credentials stay revoked); true when the user was blocked.</summary>
    Task<bool> UnblockUserAsync(string tenantId, string userId, CancellationToken cancellationToken);

    Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Tenants that have any revocation state here (the reconciler walks them).</summary>
    Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken);

    /// <summary>The id of the tenant's newest event, or <see cref="FeedPosition.Zero"/> when it has none.</summary>
    Task<FeedPosition> GetLatestEventIdAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> events strictly after <paramref name="after"/>, oldest first.</summary>
    Task<FeedRead> ReadEventsAsync(string tenantId, FeedPosition after, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// A task that completes when an event may have been appended to the tenant's feed after
    /// this call. Take it before reading, so an append between the read and the wait is not lost.
    /// </summary>
    Task WhenEventAppended(string tenantId);
}
