namespace Identity.ScimEdge.Protection;

/// <summary>
/// Endpoint metadata: how the surface an endpoint belongs to words the body of a timed-out request.
/// Each surface (SCIM, admin) attaches its own to its route group, so protection knows no surface's
/// error shape. The writer must not rely on <c>RequestAborted</c>: it is the timeout's token and
/// already cancelled.
/// </summary>
public sealed class TimeoutBody(Func<HttpContext, string, Task> write)
{
    public Task WriteAsync(HttpContext http, string detail) => write(http, detail);
}
