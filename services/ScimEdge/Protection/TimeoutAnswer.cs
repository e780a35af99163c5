using System.Globalization;
using System.Text.Json;
using Identity.Scim.Errors;
using Identity.ScimEdge.Admin;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Responses;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// What a timed-out request answers: 503 + Retry-After in the body shape of the surface it hit.
/// Written without a cancellation token on purpose: <c>RequestAborted</c> is the timeout's
/// token here and is already cancelled, so the usual result writers would throw.
/// </summary>
internal static class TimeoutAnswer
{
    private const string Detail = "The request took too long and was stopped; it may be retried.";
    private static readonly string RetryAfterSeconds = 5.ToString(CultureInfo.InvariantCulture);

    public static async Task WriteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds;
        var path = http.Request.Path;
        if (path.Value?.Contains("/scim/v2", StringComparison.OrdinalIgnoreCase) == true)
        {
            var error = new ScimException(StatusCodes.Status503ServiceUnavailable, null, Detail);
            http.Features.Set(new ScimErrorFeature(null, Detail));
            response.ContentType = ScimResponses.ContentType;
            await response.WriteAsync(error.ToErrorDocument().ToJsonString(), CancellationToken.None);
        }
        else if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(response.Body, new AdminErrorBody("timeout", Detail), AdminJson.Options, CancellationToken.None);
        }
    }
}
