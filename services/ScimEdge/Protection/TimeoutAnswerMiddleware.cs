using Microsoft.AspNetCore.Http.Timeouts;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// The timeout middleware answers only when the cancellation escapes the handler as an exception.
/// Our error filters swallow a cancellation of <c>RequestAborted</c> (a client that went away
/// needs no answer), which would leave a timed-out request an empty 200; this sits just inside
/// the timeout middleware and writes the 503 in that case.
/// </summary>
internal sealed class TimeoutAnswerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (http.Features.Get<IHttpRequestTimeoutFeature>() is { RequestTimeoutToken.IsCancellationRequested: true } && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await TimeoutAnswer.WriteAsync(http);
        }
    }
}
