using Identity.ServiceDefaults.GrpcErrors;
using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;

namespace Identity.Revocation.Grpc;

/// <summary>The only place Revocation builds gRPC errors: a status code plus an ErrorInfo reason.</summary>
internal static class Errors
{
    private const string Domain = "identity.revocation";

    public static RpcException InvalidArgument(string detail) =>
        Build(Code.InvalidArgument, detail, ErrorReason.InvalidValue);

    public static RpcException UserBlocked(string userId) =>
        Build(Code.PermissionDenied, $"User '{userId}' is blocked (deactivated or deleted); nothing new may be issued to them.", ErrorReason.UserBlocked);

    /// <summary>The ErrorInfo reason of <see cref="Rebuilding"/>; Revocation.Client and the edge read it as "retry".</summary>
    public const string RebuildingReason = "Rebuilding";

    // UNAVAILABLE: the standard "retry shortly" status, which the edge already answers as 503 +
    // Retry-After; the reason tells a client it must not fall back to a fail-open default either.
    public static RpcException Rebuilding(string tenantId)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.Unavailable,
            Message = $"Revocation is rebuilding tenant '{tenantId}' from Directory after losing its state; retry shortly and treat credentials as unverified meanwhile.",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Domain = Domain, Reason = RebuildingReason }) },
        };
        return status.ToRpcException();
    }

    public static RpcException TenantUnknown(string tenantId) =>
        Build(Code.NotFound, $"Tenant '{tenantId}' is unknown to Directory; no user of it can hold a session.", ErrorReason.NotFound);

    public static RpcException StoreUnavailable() =>
        Build(Code.Unavailable, "Revocation state is unreachable right now; treat credentials as unverified and retry.", ErrorReason.Unspecified);

    // OUT_OF_RANGE: the resume point is older than the feed's retention, so events were lost;
    // the subscriber must drop what it derived from the feed and start again with live events.
    public static RpcException FeedGap(string afterEventId) =>
        Build(Code.OutOfRange, $"Event '{afterEventId}' is older than the feed's retention; events after it were trimmed.", ErrorReason.InvalidPageToken);

    private static RpcException Build(Code code, string detail, ErrorReason reason) => RpcErrors.Create(code, detail, reason, Domain);
}
