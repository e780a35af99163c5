namespace Identity.GroupRole.Domain;

/// <summary>Why a GroupRole operation was refused; Grpc/Errors.cs maps each to a status and reason.</summary>
public enum GroupRoleError
{
    NotFound,
    DisplayNameTaken,
    VersionMismatch,
    MembershipCycle,
    InvalidValue,
    InvalidFilter,
    TooMany,
}
