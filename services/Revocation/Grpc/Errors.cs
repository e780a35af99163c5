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

    public static RpcException StoreUnavailable() =>
        Build(Code.Unavailable, "Revocation state is unreachable right now; treat credentials as unverified and retry.", ErrorReason.Unspecified);

    // OUT_OF_RANGE: the resume point is older than the feed's retention, so events were lost;
    // the subscriber must drop what it derived from the feed and start again with live events.
    public static RpcException FeedGap(string afterEventId) =>
        Build(Code.OutOfRange, $"Event '{afterEventId}' is older than the feed's retention; events after it were trimmed.", ErrorReason.InvalidPageToken);

    private static RpcException Build(Code code, string detail, ErrorReason reason) => RpcErrors.Create(code, detail, reason, Domain);
}
