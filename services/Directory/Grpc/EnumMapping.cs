using Identity.Directory.Auditing;
using Identity.Directory.Users;
using Contract = Identity.Contracts.Directory.V1;

namespace Identity.Directory.Grpc;

/// <summary>
/// The domain's enums as the contract spells them. Each mapping is an explicit switch, not a
/// cast, so a value added on one side without the other fails EnumMappingTests instead of
/// leaking an undefined number onto the wire.
/// </summary>
internal static class EnumMapping
{
    public static Contract.UserOrigin ToContract(this UserOrigin origin) => origin switch
    {
        UserOrigin.Unspecified => Contract.UserOrigin.Unspecified,
        UserOrigin.Scim => Contract.UserOrigin.Scim,
        UserOrigin.Jit => Contract.UserOrigin.Jit,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "No contract value for this user origin."),
    };

    public static Contract.AuditAction ToContract(this AuditAction action) => action switch
    {
        AuditAction.Unspecified => Contract.AuditAction.Unspecified,
        AuditAction.UserCreated => Contract.AuditAction.UserCreated,
        AuditAction.UserReplaced => Contract.AuditAction.UserReplaced,
        AuditAction.UserDeleted => Contract.AuditAction.UserDeleted,
        AuditAction.UserAdopted => Contract.AuditAction.UserAdopted,
        AuditAction.UserJitCreated => Contract.AuditAction.UserJitCreated,
        AuditAction.UserJitUpdated => Contract.AuditAction.UserJitUpdated,
        AuditAction.TenantCreated => Contract.AuditAction.TenantCreated,
        AuditAction.TenantUpdated => Contract.AuditAction.TenantUpdated,
        AuditAction.TokenIssued => Contract.AuditAction.TokenIssued,
        AuditAction.TokenRevoked => Contract.AuditAction.TokenRevoked,
        AuditAction.GroupChanged => Contract.AuditAction.GroupChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No contract value for this audit action."),
    };

    // CaughtUp has no domain value: the gRPC layer makes it to mark the end of a replay, it is never logged.
    public static Contract.UserChangeType ToContract(this UserChangeType change) => change switch
    {
        UserChangeType.Unspecified => Contract.UserChangeType.Unspecified,
        UserChangeType.Created => Contract.UserChangeType.Created,
        UserChangeType.Updated => Contract.UserChangeType.Updated,
        UserChangeType.Deactivated => Contract.UserChangeType.Deactivated,
        UserChangeType.Reactivated => Contract.UserChangeType.Reactivated,
        UserChangeType.Deleted => Contract.UserChangeType.Deleted,
        UserChangeType.Adopted => Contract.UserChangeType.Adopted,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No contract value for this user change."),
    };

    /// <summary>The identifiers an application says it verified; unspecified or unknown values verify nothing.</summary>
    public static VerifiedIdentifiers ToDomain(IEnumerable<Contract.JitIdentifier> identifiers) =>
        identifiers.Aggregate(VerifiedIdentifiers.None, (all, identifier) => all | identifier switch
        {
            Contract.JitIdentifier.ExternalId => VerifiedIdentifiers.ExternalId,
            Contract.JitIdentifier.UserName => VerifiedIdentifiers.UserName,
            Contract.JitIdentifier.Email => VerifiedIdentifiers.Email,
            _ => VerifiedIdentifiers.None,
        });
}
