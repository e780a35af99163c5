using System.Text.Json;

namespace Identity.ScimEdge.Admin;

/// <summary>
/// The admin error body of a timed-out request. Written without a cancellation token on purpose:
/// <c>RequestAborted</c> is the timeout's token here and is already cancelled.
/// </summary>
internal static class AdminTimeoutBody
{
    public static Task WriteAsync(HttpContext http, string detail)
    {
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, new AdminErrorBody("timeout", detail), AdminJson.Options, CancellationToken.None);
    }
}
