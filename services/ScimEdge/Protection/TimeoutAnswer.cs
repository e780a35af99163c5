using System.Globalization;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// What a timed-out request answers: 503 + Retry-After, with the body its surface words through the
/// endpoint's <see cref="TimeoutBody"/>.
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
        if (http.GetEndpoint()?.Metadata.GetMetadata<TimeoutBody>() is { } body)
        {
            await body.WriteAsync(http, Detail);
        }
    }
}
