using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Storage;

/// <summary>
/// Groups, memberships (one record each), role mappings, per-user state and the group audit
/// trail. Every group mutation writes its audit record in the same transaction. Member kinds
/// passed in are trusted to be resolved by the domain layer.
/// </summary>
public interface IGroupRoleStore
{
    /// <summary>Inserts a group and its initial members; throws DisplayNameTaken when the name is used (case-insensitively).</summary>
    Task<GroupRecord> CreateGroupAsync(GroupRecord group, IReadOnlyList<MemberRecord> members, MutationInfo mutation, CancellationToken cancellationToken);

    /// <summary>The live (not deleted) group, or null.</summary>
    Task<GroupRecord?> GetGroupAsync(string tenantId, string groupId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="groupIds"/> that are live groups of the tenant.</summary>
    Task<IReadOnlyList<GroupRecord>> GetGroupsAsync(string tenantId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken);

    Task<GroupPage> ListGroupsAsync(string tenantId, GroupQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces the fields; <paramref name="expectedVersion"/> 0 means unconditional.</summary>
    Task<GroupRecord> UpdateGroupAsync(string tenantId, string groupId, GroupUpdate update, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken);

    /// <summary>Soft-deletes the group and drops its memberships both ways; returns the final version.</summary>
    Task<long> DeleteGroupAsync(string tenantId, string groupId, long expectedVersion, MutationInfo mutation, CancellationToken cancellationToken);

    /// <summary>The ids of the group's direct members, and nothing else, for diffing.</summary>
    Task<IReadOnlySet<string>> GetMemberIdsAsync(string tenantId, string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="add"/> (existing members are left alone) and deletes
    /// <paramref name="remove"/> in one write; bumps the version only when something changed.
    /// Group members that would close a cycle are refused (MembershipCycle) within that same
    /// write, serialized per tenant, so concurrent requests cannot build a cycle between them.
    /// </summary>
    Task<MembershipChange> ApplyMembershipAsync(string tenantId, string groupId, IReadOnlyList<MemberRecord> add, IReadOnlyCollection<string> remove, MutationInfo mutation, CancellationToken cancellationToken);

    /// <summary>Direct members ordered by id, after <paramref name="afterMemberId"/> when given.</summary>
    Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string tenantId, string groupId, int limit, string? afterMemberId, CancellationToken cancellationToken);

    /// <summary>(member, group) for every live group directly containing one of <paramref name="memberIds"/>.</summary>
    Task<IReadOnlyList<(string MemberId, string GroupId)>> ListContainingGroupsAsync(string tenantId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken);

    /// <summary>Removes every membership of the member, auditing each group it leaves; returns how many.</summary>
    Task<int> RemoveMemberEverywhereAsync(string tenantId, string memberId, MutationInfo mutation, CancellationToken cancellationToken);

    Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken);

    Task SetUserSuspendedAsync(string tenantId, string userId, bool suspended, CancellationToken cancellationToken);

    Task SetUserRolesAsync(string tenantId, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the mapping with the record's id.</summary>
    Task<RoleMappingRecord> PutRoleMappingAsync(RoleMappingRecord mapping, CancellationToken cancellationToken);

    /// <summary>All of the tenant's mappings, or only those naming <paramref name="groupId"/> by id.</summary>
    Task<IReadOnlyList<RoleMappingRecord>> ListRoleMappingsAsync(string tenantId, string? groupId, CancellationToken cancellationToken);

    Task<bool> DeleteRoleMappingAsync(string tenantId, string mappingId, CancellationToken cancellationToken);

    /// <summary>The group's audit trail, oldest first.</summary>
    Task<IReadOnlyList<GroupAuditRecord>> ListGroupAuditAsync(string tenantId, string groupId, CancellationToken cancellationToken);
}
