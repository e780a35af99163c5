namespace Identity.Directory.Users;

/// <summary>
/// Users per tenant. Implementations enforce, atomically with each write: the expected
/// version, userName uniqueness among live users (case-insensitive), and appending the
/// write's audit entry and feed event.
/// </summary>
public interface IUserStore
{
    /// <summary>
    /// Writes <see cref="UserWrite.User"/> (insert when ExpectedVersion is 0) and its event;
    /// returns the user as stored (with its ordinal). Throws <see cref="Storage.StoreConflictException"/>.
    /// </summary>
    Task<StoredUser> WriteAsync(UserWrite write, CancellationToken cancellationToken);

    Task<StoredUser?> GetAsync(string tenantId, string userId, bool includeDeleted, CancellationToken cancellationToken);

    /// <summary>Live users whose key equals <paramref name="value"/> case-insensitively, in creation order.</summary>
    Task<IReadOnlyList<StoredUser>> FindAsync(string tenantId, UserKey key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Live users matching any of <paramref name="keys"/> (each as <see cref="FindAsync"/> matches it), each
    /// once, in creation order: the lookups of one create in one round trip.
    /// </summary>
    Task<IReadOnlyList<StoredUser>> FindAnyAsync(string tenantId, IReadOnlyList<(UserKey Key, string Value)> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the tenant has a live JIT user that no IdP manages yet: the only kind a SCIM create
    /// adopts. Every SCIM create asks, so it must be one cheap index probe; the full adoption lookup
    /// (<see cref="FindAnyAsync"/>, three keys) runs only when the answer is yes.
    /// </summary>
    Task<bool> HasAdoptableJitUsersAsync(string tenantId, CancellationToken cancellationToken);

    Task<UserPage> QueryAsync(UserQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> deactivated or soft-deleted users with an ordinal above
    /// <paramref name="afterOrdinal"/>, in creation order: keyset pages over the (tenant, ordinal) index,
    /// so walking a whole tenant reads each row once (what Revocation rebuilds its blocks from).
    /// </summary>
    Task<IReadOnlyList<InactiveUserEntry>> ListInactiveAsync(string tenantId, long afterOrdinal, int limit, CancellationToken cancellationToken);
}
