using Identity.Revocation.Domain;

namespace Identity.Revocation.Storage;

/// <summary>
/// Revocation state of every tenant: sessions, tokens, per-user blocks and watermarks, and
/// the feed of revocation events. Each method is atomic; a store that cannot reach its
/// backend throws <see cref="StoreUnavailableException"/>.
/// </summary>
/// <remarks>
/// Blocks are derived from Directory, and a store can lose them (a wiped Redis, a new process).
/// A store built to require restoration answers <see cref="RegisterOutcome.NotRestored"/> and
/// <see cref="CredentialState.NotRestored"/> for a tenant until <see cref="MarkTenantRestoredAsync"/>
/// has recorded, in the same backend as the blocks, that the tenant was rebuilt: losing the
/// blocks loses that marker with them (and the token of a rebuild in progress).
/// </remarks>
public interface IRevocationStore
{
    /// <summary>Stores the session unless the user is blocked or the tenant is not restored (then stores nothing).</summary>
    Task<RegisterOutcome> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken);

    Task<SessionCheck> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Marks the session revoked and emits an event; false when it was unknown or already revoked.</summary>
    Task<bool> RevokeSessionAsync(string tenantId, string userId, string sessionId, string reason, CancellationToken cancellationToken);

    /// <summary>The user's sessions that are neither expired nor revoked, ordered by expiry.</summary>
    Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Stores the token unless the user is blocked or the tenant is not restored (then stores nothing).</summary>
    Task<RegisterOutcome> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken);

    Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked and emits an event; false when it was unknown or already revoked.</summary>
    Task<bool> RevokeTokenAsync(string tenantId, string tokenId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// In one step: raises the user's watermark to now, adds the <paramref name="origin"/> block,
    /// deletes their sessions, revokes their tokens and emits a USER_REVOKED event. Repeating it
    /// only moves the watermark. Works whether or not the tenant is restored: a block is always safe.
    /// </summary>
    Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, BlockOrigins origin, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Lifts the <paramref name="origin"/> block only (the watermark stays, so old credentials stay
    /// revoked); emits USER_UNBLOCKED when no block remains.
    /// </summary>
    Task<UnblockResult> UnblockUserAsync(string tenantId, string userId, BlockOrigins origin, CancellationToken cancellationToken);

    /// <summary>The user's blocks and watermark, with <see cref="UserState.TenantNotRestored"/> read atomically with them.</summary>
    Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Users of the tenant holding a lifecycle block (the reconciler checks each against Directory).</summary>
    Task<IReadOnlyList<string>> ListLifecycleBlockedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a lifecycle block to each user, with the watermark raised to at least its <see cref="LifecycleBlock.Since"/>.
    /// Emits no events: it rebuilds state that was lost, whose feed was lost with it.
    /// </summary>
    Task RestoreBlocksAsync(string tenantId, IReadOnlyList<LifecycleBlock> blocks, CancellationToken cancellationToken);

    /// <summary>Whether the tenant's blocks were rebuilt since the store last lost its state (always true when not required).</summary>
    Task<bool> IsTenantRestoredAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a rebuild of the tenant: records, next to its blocks, a token that
    /// <see cref="MarkTenantRestoredAsync"/> must present. A loss during the rebuild loses the token too.
    /// </summary>
    Task<string> BeginRestoreAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the tenant's blocks are rebuilt, from then on trusted; false (nothing recorded)
    /// when the state was lost since <see cref="BeginRestoreAsync"/> returned <paramref name="restoreToken"/>,
    /// so blocks written before the loss are gone and the rebuild must start again.
    /// </summary>
    Task<bool> MarkTenantRestoredAsync(string tenantId, string restoreToken, CancellationToken cancellationToken);

    /// <summary>Tenants that have any revocation state here.</summary>
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
