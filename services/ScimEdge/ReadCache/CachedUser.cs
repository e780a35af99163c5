using Identity.Contracts.GroupRole.V1;
using User = Identity.Contracts.Directory.V1.User;

namespace Identity.ScimEdge.ReadCache;

/// <summary>
/// A user as Directory stored it with its groups from GroupRole, plus the rendered response for the
/// base URL it was last asked under. Immutable except for that rendering, which any reader may
/// replace with an equivalent one.
/// </summary>
internal sealed class CachedUser(User user, IReadOnlyList<GroupRef> groups, long groupsGeneration, long groupsFetchedAt, long cachedAt)
{
    private RenderedUser? _rendered;

    public User User { get; } = user;

    public IReadOnlyList<GroupRef> Groups { get; } = groups;

    /// <summary>The tenant's groups generation when <see cref="Groups"/> were read.</summary>
    public long GroupsGeneration { get; } = groupsGeneration;

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the GroupRole read.</summary>
    public long GroupsFetchedAt { get; } = groupsFetchedAt;

    /// <summary>Timestamp of the Directory read.</summary>
    public long CachedAt { get; } = cachedAt;

    /// <summary>
    /// What the entry holds in memory, roughly: the protobuf user, its strings as UTF-16 and the rendered
    /// JSON a reader adds later are each about the user's wire size, hence three times it, plus the groups
    /// and a fixed overhead for the objects and both index entries. Used to bound a tenant by bytes.
    /// </summary>
    public long EstimatedBytes { get; } = 3L * user.CalculateSize() + 2L * groups.Sum(g => (long)g.CalculateSize()) + 512;

    /// <summary>The userName as Directory compares it (lower-cased invariant), for filter lookups.</summary>
    public string UserNameKey { get; } = UserNameKeys.Of(user.UserName);

    public RenderedUser? Rendered
    {
        get => Volatile.Read(ref _rendered);
        set => Volatile.Write(ref _rendered, value);
    }

    /// <summary>The same user with freshly read groups.</summary>
    public CachedUser WithGroups(IReadOnlyList<GroupRef> fresh, long generation, long fetchedAt) =>
        new(User, fresh, generation, fetchedAt, CachedAt);
}

/// <summary>The full SCIM JSON of a user (no attributes/excludedAttributes applied) under one base URL.</summary>
internal sealed record RenderedUser(string BaseUrl, byte[] Json);
