using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Scim.Errors;

namespace Identity.ScimEdge.Errors;

/// <summary>The one table from a downstream gRPC failure to the SCIM error an IdP sees (docs/architecture.md, "Errors").</summary>
internal static class ScimErrorMap
{
    public static ScimErrorResult FromRpc(RpcException ex)
    {
        var reason = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
        var detail = ex.Status.Detail;
        return (ex.StatusCode, reason) switch
        {
            (StatusCode.InvalidArgument, nameof(ErrorReason.InvalidFilter)) => new(ScimException.InvalidFilter(detail)),
            (StatusCode.InvalidArgument, nameof(ErrorReason.TooMany)) or (StatusCode.ResourceExhausted, _) => new(ScimException.TooMany(detail)),
            (StatusCode.InvalidArgument, _) => new(ScimException.InvalidValue(detail)),
            (StatusCode.FailedPrecondition, nameof(ErrorReason.Mutability)) => new(ScimException.Mutability(detail)),
            (StatusCode.FailedPrecondition, nameof(ErrorReason.MembershipCycle)) => new(ScimException.InvalidValue(detail)),
            (StatusCode.FailedPrecondition, _) => new(ScimException.InvalidValue(detail)),
            (StatusCode.AlreadyExists, _) => new(ScimException.Uniqueness(detail)),
            (StatusCode.NotFound, _) => new(ScimException.NotFound(detail)),
            (StatusCode.Aborted, nameof(ErrorReason.VersionMismatch)) => new(StatusCodes.Status412PreconditionFailed, null,
                "The resource changed since the version in If-Match; read it again and retry."),
            (StatusCode.Aborted, _) => new(StatusCodes.Status409Conflict, null, "The resource changed concurrently; retry the request."),
            (StatusCode.Unauthenticated, _) => new(StatusCodes.Status401Unauthorized, null, "The bearer token is unknown, revoked or expired."),
            (StatusCode.PermissionDenied, _) => new(StatusCodes.Status403Forbidden, null, detail),
            (StatusCode.Unavailable or StatusCode.DeadlineExceeded, _) => new(StatusCodes.Status503ServiceUnavailable, null,
                "A backing service is unavailable; the request may be retried safely.", TimeSpan.FromSeconds(5)),
            _ => Internal(),
        };
    }

    /// <summary>A 500 says nothing but a trace id; the details are in our logs.</summary>
    public static ScimErrorResult Internal() => new(StatusCodes.Status500InternalServerError, null,
        $"Internal error (trace {System.Diagnostics.Activity.Current?.TraceId.ToString() ?? "none"}).");
}
