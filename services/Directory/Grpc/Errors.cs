using Identity.ServiceDefaults.GrpcErrors;
using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Directory.Storage;
using Identity.Directory.Users;

namespace Identity.Directory.Grpc;

/// <summary>The only place Directory builds gRPC errors: a status code plus an ErrorInfo reason.</summary>
internal static class Errors
{
    private const string Domain = "identity.directory";

    public static RpcException InvalidArgument(string detail, ErrorReason reason = ErrorReason.InvalidValue) =>
        Build(Code.InvalidArgument, detail, reason);

    public static RpcException TenantNotFound(string tenantId) =>
        Build(Code.NotFound, $"Tenant '{tenantId}' does not exist.", ErrorReason.NotFound);

    public static RpcException TokenNotFound(string tokenId) =>
        Build(Code.NotFound, $"Token '{tokenId}' does not exist in this tenant.", ErrorReason.NotFound);

    public static RpcException Unauthenticated() =>
        Build(Code.Unauthenticated, "The bearer token is unknown, revoked or expired.", ErrorReason.TokenInvalid);

    public static RpcException AlreadyExists(string detail) =>
        Build(Code.AlreadyExists, detail, ErrorReason.Uniqueness);

    public static RpcException From(DirectoryException ex) => ex.Failure switch
    {
        DirectoryFailure.InvalidFilter => Build(Code.InvalidArgument, ex.Message, ErrorReason.InvalidFilter),
        DirectoryFailure.InvalidPageToken => Build(Code.InvalidArgument, ex.Message, ErrorReason.InvalidPageToken),
        DirectoryFailure.NotFound => Build(Code.NotFound, ex.Message, ErrorReason.NotFound),
        DirectoryFailure.VersionMismatch => Build(Code.Aborted, ex.Message, ErrorReason.VersionMismatch),
        _ => Build(Code.InvalidArgument, ex.Message, ErrorReason.InvalidValue),
    };

    public static RpcException From(StoreConflictException ex) => ex.Kind switch
    {
        ConflictKind.UserNameTaken => Build(Code.AlreadyExists, ex.Message, ErrorReason.Uniqueness),
        ConflictKind.NotFound => Build(Code.NotFound, ex.Message, ErrorReason.NotFound),
        ConflictKind.AlreadyExists => Build(Code.AlreadyExists, ex.Message, ErrorReason.Uniqueness),
        _ => Build(Code.Aborted, ex.Message, ErrorReason.VersionMismatch),
    };

    private static RpcException Build(Code code, string detail, ErrorReason reason) => RpcErrors.Create(code, detail, reason, Domain);
}
