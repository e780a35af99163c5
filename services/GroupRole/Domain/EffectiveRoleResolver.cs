using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Domain;

/// <summary>
/// Computes a user's effective roles: mappings on every group reached from the user's direct
/// groups through nesting, plus the IdP's roles on the user, each with its sources. Suspension
/// empties the answer without touching memberships, so reactivation restores it.
/// </summary>
public sealed class EffectiveRoleResolver(IGroupRoleStore store, EffectiveRoleCache cache)
{
    public async Task<EffectiveRoles> GetAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(tenantId, userId, out var cached))
        {
            GroupRoleTelemetry.EffectiveRoleLookups.Add(1, new KeyValuePair<string, object?>("hit", true));
            return cached;
        }
        GroupRoleTelemetry.EffectiveRoleLookups.Add(1, new KeyValuePair<string, object?>("hit", false));
        var generation = cache.Generation(tenantId);
        using var activity = GroupRoleTelemetry.Source.StartActivity("grouprole.effective_roles");
        activity?.SetTag("tenant.id", tenantId);
        var roles = await ComputeAsync(tenantId, userId, cancellationToken);
        cache.Set(tenantId, userId, generation, roles);
        return roles;
    }

    private async Task<EffectiveRoles> ComputeAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var state = await store.GetUserStateAsync(tenantId, userId, cancellationToken);
        if (state.Suspended)
        {
            return new EffectiveRoles(true, []);
        }
        var direct = (await store.ListContainingGroupsAsync(tenantId, [userId], cancellationToken)).Select(p => p.GroupId).ToList();
        var reachedFrom = await GroupGraph.AncestorsAsync(store, tenantId, direct, cancellationToken);
        var mappings = await store.ListRoleMappingsAsync(tenantId, groupId: null, cancellationToken);
        var groups = reachedFrom.Count == 0 ? [] : await store.GetGroupsAsync(tenantId, reachedFrom.Keys, cancellationToken);
        var byName = groups.ToLookup(g => g.DisplayName, StringComparer.OrdinalIgnoreCase);
        var names = groups.ToDictionary(g => g.Id, g => g.DisplayName, StringComparer.Ordinal);

        var grants = new SortedDictionary<string, List<RoleGrantSource>>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var targets = mapping.GroupId is not null
                ? names.ContainsKey(mapping.GroupId) ? [mapping.GroupId] : []
                : byName[mapping.GroupDisplayName ?? ""].Select(g => g.Id).ToList();
            foreach (var groupId in targets)
            {
                var chain = GroupGraph.Chain(reachedFrom, groupId);
                var source = new RoleGrantSource(chain.Count == 1 ? RoleGrantKind.DirectGroup : RoleGrantKind.NestedGroup,
                    groupId, names[groupId], mapping.Id, chain.Count == 1 ? [] : chain);
                foreach (var role in mapping.Roles)
                {
                    Add(grants, role, source);
                }
            }
        }
        foreach (var role in state.Roles)
        {
            Add(grants, role, new RoleGrantSource(RoleGrantKind.UserAttribute, null, null, null, []));
        }
        return new EffectiveRoles(false, grants.Select(g => new RoleGrant(g.Key, g.Value)).ToList());
    }

    private static void Add(SortedDictionary<string, List<RoleGrantSource>> grants, string role, RoleGrantSource source)
    {
        if (!grants.TryGetValue(role, out var sources))
        {
            grants[role] = sources = [];
        }
        sources.Add(source);
    }
}
