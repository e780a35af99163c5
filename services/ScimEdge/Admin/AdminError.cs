using System.Globalization;
using System.Text.Json;

namespace Identity.ScimEdge.Admin;

/// <summary>
/// The admin API's error body, <c>{ "error": "not_found", "detail": "..." }</c> (RFC 7807 in
/// spirit, with a machine-readable code instead of a type URI).
/// </summary>
internal sealed class AdminError(int status, string error, string detail, TimeSpan? retryAfter = null) : IResult
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public string Detail { get; } = detail;

    public static AdminError BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "invalid_request", detail);

    public static AdminError NotFound(string detail) => new(StatusCodes.Status404NotFound, "not_found", detail);

    /// <summary>A 500 says nothing but a trace id; the details are in our logs.</summary>
    public static AdminError Internal() => new(StatusCodes.Status500InternalServerError, "internal",
        $"Internal error (trace {System.Diagnostics.Activity.Current?.TraceId.ToString() ?? "none"}).");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        if (Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"admin\"";
        }
        httpContext.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, new AdminErrorBody(Error, Detail), AdminJson.Options, httpContext.RequestAborted);
    }
}
