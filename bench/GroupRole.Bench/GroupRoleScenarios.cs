using Identity.GroupRole.Domain;
using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Bench;

/// <summary>The three measurements the GroupRole issue asks for, on any store.</summary>
internal sealed class GroupRoleScenarios(IGroupRoleStore store, string label)
{
    private readonly EffectiveRoleCache _cache = new(TimeProvider.System, TimeSpan.FromMinutes(5));
    private readonly string _tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];

    private MembershipService Members => new(store, _cache);

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        return
        [
            await AddOneMemberToHugeGroupAsync(100_000, cancellationToken),
            await ReplaceDifferingByOneAsync(10_000, cancellationToken),
            .. await EffectiveRolesNestedAsync(cancellationToken),
        ];
    }

    // IdPs send members without a type, so each add also resolves whether the id names a group.
    private async Task<string> AddOneMemberToHugeGroupAsync(int size, CancellationToken cancellationToken)
    {
        var group = await CreateAsync("huge", Enumerable.Range(0, size).Select(i => new MemberRecord($"user-{i:D7}", MemberKind.User)).ToList(), cancellationToken);
        var members = Members;
        return await LatencyRecorder.MeasureAsync($"{label}: AddMembers 1 to a group of {size:N0}", 20, 300, i =>
            members.AddMembersAsync(_tenant, group.Id, [new MemberRecord($"new-{i}", MemberKind.Unspecified)], Mutation(), cancellationToken));
    }

    private async Task<string> ReplaceDifferingByOneAsync(int size, CancellationToken cancellationToken)
    {
        var baseList = Enumerable.Range(0, size).Select(i => new MemberRecord($"member-{i:D6}", MemberKind.Unspecified)).ToList();
        var group = await CreateAsync("replace", baseList, cancellationToken);
        var members = Members;
        // Alternate the last member, so each call adds one and removes one.
        return await LatencyRecorder.MeasureAsync($"{label}: ReplaceMembers {size:N0} differing by one", 3, 40, i =>
        {
            var list = new List<MemberRecord>(baseList);
            list[^1] = new MemberRecord($"swap-{i}", MemberKind.Unspecified);
            return members.ReplaceMembersAsync(_tenant, group.Id, list, Mutation(), cancellationToken);
        });
    }

    // 50 direct groups -> 10 second-level groups -> 2 top groups, a mapping on every group.
    private async Task<string[]> EffectiveRolesNestedAsync(CancellationToken cancellationToken)
    {
        var top = new List<GroupRecord>();
        for (var t = 0; t < 2; t++)
        {
            top.Add(await CreateAsync($"top-{t}", [], cancellationToken));
        }
        var middle = new List<GroupRecord>();
        for (var m = 0; m < 10; m++)
        {
            var group = await CreateAsync($"middle-{m}", [], cancellationToken);
            await Members.AddMembersAsync(_tenant, top[m % 2].Id, [new MemberRecord(group.Id, MemberKind.Group)], Mutation(), cancellationToken);
            middle.Add(group);
        }
        var direct = new List<GroupRecord>();
        for (var d = 0; d < 50; d++)
        {
            var group = await CreateAsync($"direct-{d}", [new MemberRecord("alice", MemberKind.User)], cancellationToken);
            await Members.AddMembersAsync(_tenant, middle[d % 10].Id, [new MemberRecord(group.Id, MemberKind.Group)], Mutation(), cancellationToken);
            direct.Add(group);
        }
        foreach (var group in top.Concat(middle).Concat(direct))
        {
            await store.PutRoleMappingAsync(new RoleMappingRecord(_tenant, Guid.NewGuid().ToString("N"), group.Id, null, [$"role-{group.DisplayName}", "common"], DateTimeOffset.UtcNow), cancellationToken);
        }
        var resolver = new EffectiveRoleResolver(store, _cache);
        var roles = await resolver.GetAsync(_tenant, "alice", cancellationToken);
        if (roles.Roles.Count != 63)
        {
            throw new InvalidOperationException($"Expected 63 roles (62 groups + common), got {roles.Roles.Count}.");
        }
        var uncached = await LatencyRecorder.MeasureAsync($"{label}: GetEffectiveRoles, 50 groups 3 deep, uncached", 5, 100, _ =>
        {
            _cache.Invalidate(_tenant);
            return resolver.GetAsync(_tenant, "alice", cancellationToken);
        });
        var cached = await LatencyRecorder.MeasureAsync($"{label}: GetEffectiveRoles, 50 groups 3 deep, cached", 100, 10_000, _ =>
            resolver.GetAsync(_tenant, "alice", cancellationToken));
        return [uncached, cached];
    }

    private Task<GroupRecord> CreateAsync(string name, IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        return Members.CreateGroupAsync(new GroupRecord(_tenant, Guid.CreateVersion7().ToString(), name, null, 0, now, now, 0, "{}"), members, Mutation(), cancellationToken);
    }

    private static MutationInfo Mutation() => new("bench", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
}
