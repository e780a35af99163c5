using Identity.ScimEdge.Resources;

namespace Identity.ScimEdge.Responses;

/// <summary>A resource already serialized (from the read cache): 200, its ETag and the bytes.</summary>
internal sealed class ScimBytesResult(byte[] json, long version) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ScimResponses.ContentType;
        response.ContentLength = json.Length;
        if (version > 0)
        {
            response.Headers.ETag = ETags.Format(version);
        }
        return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }
}
