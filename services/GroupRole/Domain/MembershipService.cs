using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Domain;

/// <summary>
/// Membership changes: resolves member kinds, writes only differences, and invalidates the
/// tenant's cached effective roles. Cycles are refused by the store, inside the same write as
/// the insert, so two requests each adding half of a cycle cannot both pass the check.
/// </summary>
public sealed class MembershipService(IGroupRoleStore store, EffectiveRoleCache cache)
{
    /// <summary>Members per request beyond this are refused with TooMany.</summary>
    public const int MaxMembersPerRequest = 200_000;

    public async Task<GroupRecord> CreateGroupAsync(GroupRecord group, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var resolved = await ResolveKindsAsync(group.TenantId, Distinct(members), cancellationToken);
        // A new group has no parents, so none of its members can close a cycle through it.
        var created = await store.CreateGroupAsync(group, resolved, mutation, cancellationToken);
        cache.Invalidate(group.TenantId);
        return created;
    }

    public async Task<MembershipChange> AddMembersAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var resolved = await ResolveKindsAsync(tenantId, Distinct(members), cancellationToken);
        return await WriteAsync(tenantId, groupId, resolved, [], mutation, cancellationToken);
    }

    public async Task<MembershipChange> RemoveMembersAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, MutationInfo mutation, CancellationToken cancellationToken)
    {
        CheckSize(memberIds.Count);
        var change = await store.ApplyMembershipAsync(tenantId, groupId, [], memberIds.ToHashSet(StringComparer.Ordinal), mutation, cancellationToken);
        cache.Invalidate(tenantId);
        return change;
    }

    /// <summary>Makes the member list exactly <paramref name="members"/>, writing only what differs.</summary>
    public async Task<MembershipChange> ReplaceMembersAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var desired = Distinct(members);
        var current = await store.GetMemberIdsAsync(tenantId, groupId, cancellationToken);
        var wanted = desired.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var add = desired.Where(m => !current.Contains(m.MemberId)).ToList();
        var remove = current.Where(id => !wanted.Contains(id)).ToList();
        if (add.Count == 0 && remove.Count == 0)
        {
            var group = await store.GetGroupAsync(tenantId, groupId, cancellationToken) ?? throw GroupRoleException.GroupNotFound(groupId);
            return new MembershipChange(0, 0, group.Version);
        }
        var resolved = await ResolveKindsAsync(tenantId, add, cancellationToken);
        return await WriteAsync(tenantId, groupId, resolved, remove, mutation, cancellationToken);
    }

    public async Task<int> RemoveUserEverywhereAsync(string tenantId, string userId, MutationInfo mutation, CancellationToken cancellationToken)
    {
        var removed = await store.RemoveMemberEverywhereAsync(tenantId, userId, mutation, cancellationToken);
        cache.Invalidate(tenantId);
        return removed;
    }

    /// <summary>Each user's groups, direct ones first; with <paramref name="includeIndirect"/> also those reached through nesting.</summary>
    public async Task<IReadOnlyList<(string UserId, IReadOnlyList<(GroupRecord Group, bool Direct)> Groups)>> ListGroupsForUsersAsync(
        string tenantId, IReadOnlyList<string> userIds, bool includeIndirect, CancellationToken cancellationToken)
    {
        CheckSize(userIds.Count);
        var direct = (await store.ListContainingGroupsAsync(tenantId, userIds, cancellationToken))
            .ToLookup(p => p.MemberId, p => p.GroupId, StringComparer.Ordinal);
        var parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (includeIndirect)
        {
            var reached = await GroupGraph.AncestorsAsync(store, tenantId, direct.SelectMany(g => g), cancellationToken);
            foreach (var (group, from) in reached)
            {
                if (from is not null)
                {
                    (parents.TryGetValue(from, out var list) ? list : parents[from] = []).Add(group);
                }
            }
        }
        var all = direct.SelectMany(g => g).Concat(parents.Values.SelectMany(p => p)).ToHashSet(StringComparer.Ordinal);
        var groups = (await store.GetGroupsAsync(tenantId, all, cancellationToken)).ToDictionary(g => g.Id, StringComparer.Ordinal);
        var result = new List<(string, IReadOnlyList<(GroupRecord, bool)>)>();
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<(GroupRecord, bool)>();
            var queue = new Queue<string>();
            foreach (var id in direct[userId])
            {
                if (seen.Add(id) && groups.TryGetValue(id, out var group))
                {
                    list.Add((group, true));
                    queue.Enqueue(id);
                }
            }
            while (queue.TryDequeue(out var id))
            {
                foreach (var parent in parents.GetValueOrDefault(id) ?? [])
                {
                    if (seen.Add(parent) && groups.TryGetValue(parent, out var group))
                    {
                        list.Add((group, false));
                        queue.Enqueue(parent);
                    }
                }
            }
            result.Add((userId, list));
        }
        return result;
    }

    private async Task<MembershipChange> WriteAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> add, IReadOnlyCollection<string> remove, MutationInfo mutation, CancellationToken cancellationToken)
    {
        using var activity = GroupRoleTelemetry.Source.StartActivity("grouprole.membership.write");
        activity?.SetTag("tenant.id", tenantId);
        activity?.SetTag("grouprole.group.id", groupId);
        activity?.SetTag("grouprole.members.add", add.Count);
        activity?.SetTag("grouprole.members.remove", remove.Count);
        var change = await store.ApplyMembershipAsync(tenantId, groupId, add, remove, mutation, cancellationToken);
        cache.Invalidate(tenantId);
        return change;
    }

    // UNSPECIFIED means USER unless the id names a live group of the tenant; GROUP must name one.
    private async Task<IReadOnlyList<MemberRecord>> ResolveKindsAsync(string tenantId, IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        CheckSize(members.Count);
        var candidates = members.Where(m => m.Kind != MemberKind.User).Select(m => m.MemberId).ToList();
        if (candidates.Count == 0)
        {
            return members;
        }
        var groups = (await store.GetGroupsAsync(tenantId, candidates, cancellationToken)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var missing = members.FirstOrDefault(m => m.Kind == MemberKind.Group && !groups.Contains(m.MemberId));
        if (missing is not null)
        {
            throw new GroupRoleException(GroupRoleError.InvalidValue, $"Member '{missing.MemberId}' is typed Group but no such group exists in this tenant.");
        }
        return members.Select(m => m.Kind == MemberKind.Unspecified
            ? m with { Kind = groups.Contains(m.MemberId) ? MemberKind.Group : MemberKind.User }
            : m).ToList();
    }

    private static List<MemberRecord> Distinct(IReadOnlyList<MemberRecord> members)
    {
        CheckSize(members.Count);
        if (members.Any(m => string.IsNullOrEmpty(m.MemberId)))
        {
            throw new GroupRoleException(GroupRoleError.InvalidValue, "Every member needs a non-empty value (member id).");
        }
        return members.DistinctBy(m => m.MemberId, StringComparer.Ordinal).ToList();
    }

    private static void CheckSize(int count)
    {
        if (count > MaxMembersPerRequest)
        {
            throw new GroupRoleException(GroupRoleError.TooMany, $"At most {MaxMembersPerRequest} members or users per request, not {count}.");
        }
    }
}
