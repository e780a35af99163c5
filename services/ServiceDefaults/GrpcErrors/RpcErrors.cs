using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Status = Google.Rpc.Status;

namespace Identity.ServiceDefaults.GrpcErrors;

/// <summary>How every service shapes an error: a gRPC status plus an ErrorInfo whose reason the SCIM edge maps.</summary>
public static class RpcErrors
{
    /// <summary>An RpcException carrying <paramref name="code"/>, <paramref name="detail"/> and an ErrorInfo from <paramref name="domain"/>.</summary>
    public static RpcException Create(Code code, string detail, ErrorReason reason, string domain)
    {
        var status = new Status
        {
            Code = (int)code,
            Message = detail,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Domain = domain, Reason = reason.ToString() }) },
        };
        return status.ToRpcException();
    }
}
