using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Status = Google.Rpc.Status;

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

    private static RpcException Build(Code code, string detail, ErrorReason reason)
    {
        var status = new Status
        {
            Code = (int)code,
            Message = detail,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Domain = Domain, Reason = reason.ToString() }) },
        };
        return status.ToRpcException();
    }
}
