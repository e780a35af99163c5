using Identity.ServiceDefaults.GrpcErrors;
using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

/// <summary>The only place GroupRole builds gRPC errors: a status code plus an ErrorInfo reason.</summary>
internal static class Errors
{
    private const string Domain = "identity.grouprole";

    public static RpcException InvalidArgument(string detail, ErrorReason reason = ErrorReason.InvalidValue) =>
        Build(Code.InvalidArgument, detail, reason);

    public static RpcException InvalidPageToken() =>
        Build(Code.InvalidArgument, "The page token is malformed or belongs to another query.", ErrorReason.InvalidPageToken);

    public static RpcException TooMany(string detail) =>
        Build(Code.ResourceExhausted, detail, ErrorReason.TooMany);

    public static RpcException MappingNotFound(string mappingId) =>
        Build(Code.NotFound, $"Role mapping '{mappingId}' does not exist in this tenant.", ErrorReason.NotFound);

    /// <summary>Maps a domain refusal to the status the table in docs/architecture.md, "Errors" gives it.</summary>
    public static RpcException From(GroupRoleException ex) => ex.Error switch
    {
        GroupRoleError.NotFound => Build(Code.NotFound, ex.Message, ErrorReason.NotFound),
        GroupRoleError.DisplayNameTaken => Build(Code.AlreadyExists, ex.Message, ErrorReason.Uniqueness),
        GroupRoleError.VersionMismatch => Build(Code.Aborted, ex.Message, ErrorReason.VersionMismatch),
        GroupRoleError.MembershipCycle => Build(Code.FailedPrecondition, ex.Message, ErrorReason.MembershipCycle),
        GroupRoleError.InvalidFilter => Build(Code.InvalidArgument, ex.Message, ErrorReason.InvalidFilter),
        GroupRoleError.TooMany => Build(Code.ResourceExhausted, ex.Message, ErrorReason.TooMany),
        _ => Build(Code.InvalidArgument, ex.Message, ErrorReason.InvalidValue),
    };

    private static RpcException Build(Code code, string detail, ErrorReason reason) => RpcErrors.Create(code, detail, reason, Domain);
}
