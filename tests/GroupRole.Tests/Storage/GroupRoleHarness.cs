using Identity.GroupRole.Domain;
using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>A store with the real domain services over it, as the gRPC service wires them.</summary>
public sealed class GroupRoleHarness
{
    public GroupRoleHarness(IGroupRoleStore store)
    {
        Store = store;
        Cache = new EffectiveRoleCache(TimeProvider.System, TimeSpan.FromMinutes(1));
        Members = new MembershipService(store, Cache);
        Roles = new EffectiveRoleResolver(store, Cache);
    }

    public IGroupRoleStore Store { get; }

    public EffectiveRoleCache Cache { get; }

    public MembershipService Members { get; }

    public EffectiveRoleResolver Roles { get; }

    public static MutationInfo Mutation(string requestId = "req-1") => new("token:t1", requestId, DateTimeOffset.UtcNow);

    public Task<GroupRecord> CreateGroupAsync(string tenant, string name, params MemberRecord[] members)
    {
        var now = DateTimeOffset.UtcNow;
        return Members.CreateGroupAsync(new GroupRecord(tenant, Guid.CreateVersion7().ToString(), name, null, 0, now, now, 0, "{}"), members, Mutation(), CancellationToken.None);
    }

    public Task<MembershipChange> AddAsync(string tenant, string groupId, params MemberRecord[] members) =>
        Members.AddMembersAsync(tenant, groupId, members, Mutation(), CancellationToken.None);

    public Task<RoleMappingRecord> MapAsync(string tenant, string? groupId, string? groupName, params string[] roles) =>
        Store.PutRoleMappingAsync(new RoleMappingRecord(tenant, Guid.NewGuid().ToString("N"), groupId, groupName, roles, DateTimeOffset.UtcNow), CancellationToken.None);

    public static MemberRecord User(string id) => new(id, MemberKind.User);

    public static MemberRecord Group(string id) => new(id, MemberKind.Group);
}
