using Identity.Scim.Errors;
using Identity.ScimEdge.Rendering;

namespace Identity.ScimEdge.Errors;

/// <summary>
/// The SCIM envelope of a timed-out request. Written without a cancellation token on purpose:
/// <c>RequestAborted</c> is the timeout's token here and is already cancelled, so the usual
/// result writers would throw.
/// </summary>
internal static class ScimTimeoutBody
{
    public static Task WriteAsync(HttpContext http, string detail)
    {
        var error = new ScimException(StatusCodes.Status503ServiceUnavailable, null, detail);
        http.Features.Set(new ScimErrorFeature(null, detail));
        http.Response.ContentType = ScimResponses.ContentType;
        return http.Response.WriteAsync(error.ToErrorDocument().ToJsonString(), CancellationToken.None);
    }
}
