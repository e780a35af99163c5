using Grpc.Core;

namespace Identity.ScimEdge.Admin;

/// <summary>The one table from a downstream gRPC failure to the admin API's HTTP answer.</summary>
internal static class AdminErrorMap
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static AdminError FromRpc(RpcException ex)
    {
        var detail = ex.Status.Detail;
        return ex.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange => new(StatusCodes.Status400BadRequest, "invalid_request", detail),
            StatusCode.NotFound => AdminError.NotFound(detail),
            StatusCode.AlreadyExists => new(StatusCodes.Status409Conflict, "conflict", detail),
            StatusCode.FailedPrecondition or StatusCode.Aborted => new(StatusCodes.Status409Conflict, "conflict", detail),
            StatusCode.PermissionDenied => new(StatusCodes.Status403Forbidden, "forbidden", detail),
            StatusCode.ResourceExhausted => new(StatusCodes.Status429TooManyRequests, "too_many_requests", detail, RetryAfter),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => new(StatusCodes.Status503ServiceUnavailable, "unavailable",
                "A backing service is unavailable; retry shortly.", RetryAfter),
            // A service of this deployment that does not have the method yet (an older version during a rollout).
            StatusCode.Unimplemented => new(StatusCodes.Status501NotImplemented, "not_implemented", "The backing service does not support this yet."),
            // Unauthenticated included: the edge's own credentials to a backing service are our problem, not the caller's.
            _ => AdminError.Internal(),
        };
    }
}
