using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Domain;

/// <summary>
/// Walks the nesting graph upward ("which groups contain X"), one batched query per level, so
/// a user in 50 groups nested three deep costs about four queries. The lookup is a function so
/// a store can run the walk inside its own write transaction.
/// </summary>
public static class GroupGraph
{
    /// <summary>Deeper nesting than this is not followed.</summary>
    public const int MaxDepth = 32;

    public static Task<Dictionary<string, string?>> AncestorsAsync(IGroupRoleStore store, string tenantId, IEnumerable<string> start, CancellationToken cancellationToken) =>
        AncestorsAsync((ids, ct) => store.ListContainingGroupsAsync(tenantId, ids, ct), start, cancellationToken);

    /// <summary>
    /// Every group reachable upward from <paramref name="start"/> (the starts included), each
    /// mapped to the group it was first reached from (null for a start), breadth first.
    /// </summary>
    public static async Task<Dictionary<string, string?>> AncestorsAsync(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<(string MemberId, string GroupId)>>> containing,
        IEnumerable<string> start, CancellationToken cancellationToken)
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
            foreach (var (member, group) in await containing(frontier, cancellationToken))
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

    /// <summary>
    /// Throws MembershipCycle if adding any of <paramref name="children"/> to <paramref name="groupId"/>
    /// would close a loop. Adding child C to G closes one exactly when C is G or already contains G,
    /// i.e. C is among G's ancestors; edges added below G leave G's ancestors alone, so one walk covers them all.
    /// </summary>
    public static async Task RefuseCyclesAsync(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<(string MemberId, string GroupId)>>> containing,
        string groupId, IReadOnlyCollection<string> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return;
        }
        var ancestors = await AncestorsAsync(containing, [groupId], cancellationToken);
        var closing = children.FirstOrDefault(ancestors.ContainsKey);
        if (closing is not null)
        {
            var chain = string.Join(" > ", Chain(ancestors, closing).Reverse());
            throw new GroupRoleException(GroupRoleError.MembershipCycle,
                closing == groupId
                    ? $"Group '{groupId}' cannot be a member of itself."
                    : $"Adding group '{closing}' to group '{groupId}' would make a cycle: '{closing}' already contains '{groupId}' ({chain}).");
        }
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
