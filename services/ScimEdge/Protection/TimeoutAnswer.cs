using Identity.ScimEdge.Admin;
using Identity.ScimEdge.Errors;

namespace Identity.ScimEdge.Protection;

/// <summary>What a timed-out request answers: 503 + Retry-After in the body shape of the surface it hit.</summary>
internal static class TimeoutAnswer
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static Task WriteAsync(HttpContext http)
    {
        const string detail = "The request took too long and was stopped; it may be retried.";
        var path = http.Request.Path;
        if (path.Value?.Contains("/scim/v2", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new ScimErrorResult(StatusCodes.Status503ServiceUnavailable, null, detail, RetryAfter).ExecuteAsync(http);
        }
        if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            return new AdminError(StatusCodes.Status503ServiceUnavailable, "timeout", detail, RetryAfter).ExecuteAsync(http);
        }
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
