using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Domain;

/// <summary>
/// Walks the nesting graph upward ("which groups contain X"), one batched store query per
/// level, so a user in 50 groups nested three deep costs about four queries.
/// </summary>
public static class GroupGraph
{
    /// <summary>Deeper nesting than this is refused when written and not followed when read.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Every group reachable upward from <paramref name="start"/> (the starts included), each
    /// mapped to the group it was first reached from (null for a start), breadth first.
    /// </summary>
    public static async Task<Dictionary<string, string?>> AncestorsAsync(IGroupRoleStore store, string tenantId, IEnumerable<string> start, CancellationToken cancellationToken)
    {
        var reachedFrom = new Dictionary<string, string?>(StringComparer.Ordinal);
        var frontier = new List<string>();
        foreach (var id in start)
        {
            if (reachedFrom.TryAdd(id, null))
            {
                frontier.Add(id);
            }
        }
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var (member, group) in await store.ListContainingGroupsAsync(tenantId, frontier, cancellationToken))
            {
                if (reachedFrom.TryAdd(group, member))
                {
                    next.Add(group);
                }
            }
            frontier = next;
        }
        return reachedFrom;
    }

    /// <summary>The chain from the start group that reached <paramref name="groupId"/> up to it, both ends included.</summary>
    public static IReadOnlyList<string> Chain(Dictionary<string, string?> reachedFrom, string groupId)
    {
        var chain = new List<string>();
        for (string? at = groupId; at is not null && chain.Count <= MaxDepth; at = reachedFrom[at])
        {
            chain.Add(at);
        }
        chain.Reverse();
        return chain;
    }
}
