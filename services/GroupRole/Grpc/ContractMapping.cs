using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

internal static class ContractMapping
{
    public static Group ToContract(this GroupRecord group) => new()
    {
        TenantId = group.TenantId,
        Id = group.Id,
        DisplayName = group.DisplayName,
        ExternalId = group.ExternalId ?? "",
        Version = group.Version,
        Created = Timestamp.FromDateTimeOffset(group.Created),
        LastModified = Timestamp.FromDateTimeOffset(group.LastModified),
        MemberCount = group.MemberCount,
        ExtraJson = group.ExtraJson,
    };

    public static Member ToContract(this MemberRecord member) => new()
    {
        MemberId = member.MemberId,
        Type = member.Kind == MemberKind.Group ? MemberType.Group : MemberType.User,
        Display = member.Display ?? "",
    };

    public static MemberRecord ToRecord(this Member member) => new(
        member.MemberId,
        member.Type switch { MemberType.User => MemberKind.User, MemberType.Group => MemberKind.Group, _ => MemberKind.Unspecified },
        string.IsNullOrEmpty(member.Display) ? null : member.Display);

    public static RoleMapping ToContract(this RoleMappingRecord mapping)
    {
        var contract = new RoleMapping
        {
            TenantId = mapping.TenantId,
            Id = mapping.Id,
            Roles = { mapping.Roles },
            Created = Timestamp.FromDateTimeOffset(mapping.Created),
        };
        if (mapping.GroupId is not null)
        {
            contract.GroupId = mapping.GroupId;
        }
        else
        {
            contract.GroupDisplayName = mapping.GroupDisplayName ?? "";
        }
        return contract;
    }

    public static GetEffectiveRolesResponse ToContract(this EffectiveRoles roles) => new()
    {
        Suspended = roles.Suspended,
        Roles =
        {
            roles.Roles.Select(r => new EffectiveRole
            {
                Role = r.Role,
                Sources =
                {
                    r.Sources.Select(s => new RoleSource
                    {
                        Kind = (RoleSourceKind)(int)s.Kind,
                        GroupId = s.GroupId ?? "",
                        GroupDisplayName = s.GroupDisplayName ?? "",
                        MappingId = s.MappingId ?? "",
                        ViaGroupIds = { s.Via },
                    }),
                },
            }),
        },
    };

    public static MutationInfo ToMutation(this MutationContext? context, TimeProvider time) => new(
        string.IsNullOrEmpty(context?.Actor) ? "unknown" : context.Actor,
        context?.RequestId ?? "",
        time.GetUtcNow());
}
