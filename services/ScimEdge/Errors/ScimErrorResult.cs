using Identity.Scim.Errors;
using Identity.ScimEdge.Rendering;

namespace Identity.ScimEdge.Errors;

/// <summary>The SCIM error envelope (RFC 7644 §3.12), the only error body SCIM routes answer.</summary>
internal sealed class ScimErrorResult(ScimException error, TimeSpan? retryAfter = null) : IResult
{
    public ScimErrorResult(int status, string? scimType, string detail, TimeSpan? retryAfter = null)
        : this(new ScimException(status, scimType, detail), retryAfter)
    {
    }

    public ScimException Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Error.Status;
        if (Error.Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        }
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // The provisioning log reads what went wrong from here, never from the body.
        httpContext.Features.Set(new ScimErrorFeature(Error.ScimType, Error.Detail));
        return httpContext.Response.WriteScimJsonAsync(Error.ToErrorDocument());
    }
}
